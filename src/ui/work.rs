//! The Work view: the firm's book of work (client projects, managed-services
//! contracts, internal work and pipeline deals) grouped by client, with each
//! engagement's kind, status or stage, dates, team, hours a week over the
//! horizon and budget burnt; deals won, lost or gathered into a scenario.
//! Opening one (`#/work/act-7`) shows its team on its own timeline, staffed
//! and moved by drag and drop, by keyboard, or by taps (a person or a bar
//! picked, a week tapped, Apply), and its form.

use leptos::prelude::*;

use super::board::{risk_badge, risk_label_indexed};
use super::forms::{
    contains_ignoring_case, date_text, number_text, parse_date, parse_number, Choice, Field,
    TextArea,
};
use super::state::{AppState, Route};
use crate::browser;
use crate::command::draft::{moved_to as draft_moved_to, step as step_draft, DraftKey};
use crate::command::Command;
use crate::engine::book::{self, asked_of, ClientGroup, Member};
use crate::engine::capacity::{self, Band, Capacity};
use crate::engine::money::{self, amount_text, Burn};
use crate::engine::risks;
use crate::engine::skills::hours_text;
use crate::model::{
    medium_date, Activity, ActivityId, ActivityKind, Allocation, AllocationId, Assignee, Billing,
    Commitment, Contract, Deal, DealStage, Period, PersonId, Plan, Scope, Status, Week,
};

/// How many engagements the list shows before "Show more".
const ROWS_SHOWN: usize = 100;
/// How many people the timeline offers to drag in.
const PEOPLE_OFFERED: usize = 10;

/// The Work view: the list, or one engagement.
#[component]
pub fn WorkView() -> impl IntoView {
    let state = expect_context::<AppState>();
    // A memo, so an edit of the plan that leaves the opened work in it does
    // not draw the page again (which would drop its message, its keyboard
    // draft and the focus).
    let focus = Memo::new(move |_| {
        state.work_focus.get().filter(|id| {
            state
                .history
                .with(|history| history.plan().activity(*id).is_some())
        })
    });
    move || match focus.get() {
        Some(id) => view! { <EngagementDetail id/> }.into_any(),
        None => view! { <WorkList/> }.into_any(),
    }
}

/// Which work the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Filter {
    All,
    Kind(ActivityKind),
    Deals,
}

impl Filter {
    fn of(value: &str) -> Filter {
        match value {
            "deals" => Filter::Deals,
            other => ActivityKind::ALL
                .into_iter()
                .find(|kind| kind_slug(*kind) == other)
                .map_or(Filter::All, Filter::Kind),
        }
    }

    fn keeps(self, activity: &Activity) -> bool {
        match self {
            Filter::All => true,
            Filter::Deals => activity.deal.is_some(),
            Filter::Kind(kind) => activity.kind == kind && activity.deal.is_none(),
        }
    }
}

fn kind_slug(kind: ActivityKind) -> &'static str {
    match kind {
        ActivityKind::Project => "project",
        ActivityKind::ManagedService => "managed-service",
        ActivityKind::Support => "support",
        ActivityKind::Internal => "internal",
    }
}

/// "Proposal · 60 %" for a deal, its status for other work.
fn stage_text(activity: &Activity) -> String {
    match activity.deal {
        Some(deal) => format!(
            "{} · {} %",
            deal.stage.label(),
            (deal.probability * 100.0).round() as i64
        ),
        None => activity.status.label().to_string(),
    }
}

/// "2 Nov 2026 to 5 Feb 2027 · 32 h a week, renews 30 Apr 2027".
fn dates_text(activity: &Activity) -> String {
    let mut parts = vec![match (activity.start, activity.deadline) {
        (Some(start), Some(end)) => format!("{} to {}", medium_date(start), medium_date(end)),
        (Some(start), None) => format!("from {}", medium_date(start)),
        (None, Some(end)) => format!("until {}", medium_date(end)),
        (None, None) => "no dates".to_string(),
    }];
    if let Some(contract) = activity.contract {
        let mut terms = format!(
            "{} h a {}",
            number_text(contract.hours),
            contract.period.label()
        );
        if let Some(renewal) = contract.renewal {
            terms.push_str(&format!(", renews {}", medium_date(renewal)));
        }
        parts.push(terms);
    }
    parts.join(" · ")
}

/// The team as read: "Mei Chen, Ben Okafor, James O'Connor and 2 more".
fn team_text(plan: &Plan, team: &[Member]) -> String {
    if team.is_empty() {
        return "nobody booked".to_string();
    }
    let names: Vec<String> = team
        .iter()
        .map(|member| match member {
            Member::Person(person) => plan.person_name(*person),
            Member::Role(role) => format!("open role {}", plan.role_title(*role)),
            Member::Placeholder(role) => format!("{role} (to staff)"),
        })
        .collect();
    match names.len() {
        0..=3 => names.join(", "),
        count => format!("{} and {} more", names[..3].join(", "), count - 3),
    }
}

/// "312 of 760 h burnt · 624 h planned", or how far over.
fn burn_text(burn: &Burn) -> String {
    let mut text = format!(
        "{} of {} h burnt · {} h planned",
        hours_text(burn.burnt),
        hours_text(burn.budget),
        hours_text(burn.allocated)
    );
    if let Some(week) = burn.runs_out {
        text.push_str(&format!(", runs out in {week}"));
    }
    text
}

/// The hours a week as a row of small bars, with the sentence a screen
/// reader reads instead.
fn sparkline(hours: &[f64], load: &Capacity, this_week: Week) -> impl IntoView {
    let top = hours.iter().copied().fold(0.0, f64::max);
    let now = load.column(this_week);
    let booked: Vec<&f64> = hours.iter().filter(|hours| **hours > 0.0).collect();
    let summary = if booked.is_empty() {
        "No hours booked in the horizon".to_string()
    } else {
        let least = booked.iter().copied().fold(f64::INFINITY, |a, b| a.min(*b));
        let total: f64 = hours.iter().sum();
        format!(
            "{} h booked over the horizon, {} to {} h a week in {} of {} weeks",
            hours_text(total),
            hours_text(least),
            hours_text(top),
            booked.len(),
            hours.len()
        )
    };
    let bars = hours
        .iter()
        .enumerate()
        .map(|(column, hours)| {
            let height = if top > 0.0 {
                (hours / top * 100.0).round() as i64
            } else {
                0
            };
            view! {
                <span class="spark__bar" class:spark__bar--now=now == Some(column)
                    style=format!("height: {}%", height.max(if *hours > 0.0 { 8 } else { 0 }))></span>
            }
        })
        .collect_view();
    view! {
        <span class="spark" role="img" aria-label=summary.clone() title=summary>{bars}</span>
    }
}

/// The book of work, grouped by client.
#[component]
fn WorkList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let find = RwSignal::new(String::new());
    let filter = RwSignal::new(String::new());
    let shown = RwSignal::new(ROWS_SHOWN);
    let adding = RwSignal::new(false);
    let sheets = expect_context::<super::sheet_import::SheetImport>();
    let chosen = RwSignal::new(Vec::<ActivityId>::new());
    let scenario_name = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);

    let groups = Memo::new(move |_| {
        let wanted = find.get().trim().to_string();
        let keep = Filter::of(&filter.get());
        state.load.with(|load| {
            state.history.with(|history| {
                book::book_of_work(history.plan(), load, |activity| {
                    keep.keeps(activity)
                        && (wanted.is_empty()
                            || contains_ignoring_case(&activity.title, &wanted)
                            || contains_ignoring_case(&activity.client, &wanted))
                })
            })
        })
    });
    let risk_index = Memo::new(move |_| state.risks.with(|found| risks::by_work(found)));
    // Budgets burnt, from the money of the horizon.
    let burns = Memo::new(move |_| {
        state.load.with(|load| {
            state.history.with(|history| {
                money::compute_on(history.plan(), load, &load.options, today).budgets
            })
        })
    });
    let summary = move || {
        state.load.with(|load| {
            state.history.with(|history| {
                let plan = history.plan();
                let book: Vec<&Activity> = plan
                    .activities
                    .iter()
                    .filter(|activity| activity.scope == Scope::Book)
                    .collect();
                let clients = super::forms::distinct_texts(
                    book.iter().map(|activity| activity.client.trim()),
                )
                .len();
                let committed: f64 = book
                    .iter()
                    .filter(|activity| activity.deal.is_none() && activity.status != Status::Done)
                    .filter_map(|activity| activity.weekly_commitment())
                    .sum();
                let deals = book.iter().filter(|activity| activity.deal.is_some()).count();
                format!(
                    "{} for {} · contracts commit {} h a week · {}: {} h over the horizon weighted by their win probability",
                    crate::model::count_of(book.len(), "piece of work", "pieces of work"),
                    crate::model::count_of(clients, "client", "clients"),
                    hours_text(committed),
                    crate::model::count_of(deals, "pipeline deal", "pipeline deals"),
                    hours_text(book::weighted_pipeline_hours(load))
                )
            })
        })
    };
    let make_scenario = move |_| {
        let deals = chosen.get_untracked();
        let name = scenario_name.get_untracked();
        let name = if name.trim().is_empty() {
            format!("{} deals won", deals.len())
        } else {
            name
        };
        match state.execute(Command::ScenarioFromDeals { name, deals }) {
            Ok(summary) => {
                chosen.set(Vec::new());
                scenario_name.set(String::new());
                message.set(Some(summary));
            }
            Err(reason) => message.set(Some(format!("Not changed: {reason}"))),
        }
    };
    let kinds: Vec<(String, String)> = std::iter::once((String::new(), "All work".to_string()))
        .chain(
            ActivityKind::ALL
                .into_iter()
                .map(|kind| (kind_slug(kind).to_string(), kind.label().to_string())),
        )
        .chain(std::iter::once((
            "deals".to_string(),
            "Pipeline deals".to_string(),
        )))
        .collect();

    view! {
        <section class="book" aria-labelledby="work-title">
            <div class="view__heading">
                <h2 id="work-title">"Work"</h2>
                <p class="view__hint">"The firm's book of work: client projects, managed-services contracts, internal work and pipeline deals, by client. Open one to staff it on its own timeline. The ops plan's initiatives are on the "<a href=Route::Plan.hash()>"Plan"</a>" view."</p>
            </div>
            <p class="book__summary">{summary}</p>
            <div class="filters" role="group" aria-label="Find work">
                <label class="filter">
                    <span class="filter__label">"Find"</span>
                    <input type="search" aria-label="Find work by title or client" placeholder="title or client"
                        prop:value=move || find.get() on:input=move |event| find.set(event_target_value(&event))/>
                </label>
                <Choice filter=true label="Kind" value=filter options=kinds/>
                <button class="button" on:click=move |_| sheets.start(Some(crate::persist::table::Sheet::Work))>"Import work…"</button>
                <button class="button button--primary" on:click=move |_| adding.set(true)>"Add work"</button>
            </div>
            {move || adding.get().then(|| view! {
                <EngagementForm which=None on_done=Callback::new(move |_| adding.set(false))/>
            })}
            {move || (!chosen.with(Vec::is_empty)).then(|| view! {
                <div class="book__scenario" role="group" aria-label="Make a scenario from the chosen deals">
                    <span>{move || format!("{} chosen: ", crate::model::count_of(chosen.with(Vec::len), "deal", "deals"))}</span>
                    <Field label="Scenario name" value=scenario_name/>
                    <button class="button" on:click=make_scenario>"Make a scenario of them"</button>
                    <button class="button button--quiet" on:click=move |_| chosen.set(Vec::new())>"Clear"</button>
                </div>
            })}
            <p class="book__message" role="status">{move || message.get()}</p>
            {move || {
                // Drawn again on every edit of the plan, not only when the
                // groups' hours or teams change: a deal won keeps its hours
                // but not its tag, stage or buttons.
                state.history.track();
                let limit = shown.get();
                let total: usize = groups.with(|groups| groups.iter().map(|group| group.engagements.len()).sum());
                let mut left = limit;
                let lists = groups.with(|groups| {
                    groups
                        .iter()
                        .filter_map(|group| {
                            if left == 0 {
                                return None;
                            }
                            let take = group.engagements.len().min(left);
                            left -= take;
                            Some(client_group(group.clone(), take, burns, risk_index, chosen, message))
                        })
                        .collect_view()
                });
                let more = (total > limit).then(|| view! {
                    <p class="table__more">
                        {format!("Showing {limit} of {total}. ")}
                        <button class="button button--small" on:click=move |_| shown.update(|shown| *shown += ROWS_SHOWN)>
                            {format!("Show {} more", ROWS_SHOWN.min(total - limit))}
                        </button>
                    </p>
                });
                let empty = (total == 0).then(|| view! {
                    <p class="empty">"No work matches. Add a client project, a contract or a deal with Add work."</p>
                });
                view! { {lists} {more} {empty} }
            }}
        </section>
    }
}

/// One client's engagements (the first `take` of them).
fn client_group(
    group: ClientGroup,
    take: usize,
    burns: Memo<Vec<Burn>>,
    risk_index: Memo<Vec<(ActivityId, usize)>>,
    chosen: RwSignal<Vec<ActivityId>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let this_week = Week::containing(state.today);
    let name = if group.client.is_empty() {
        "Internal work".to_string()
    } else {
        group.client.clone()
    };
    let now = state
        .load
        .with_untracked(|load| load.column(this_week))
        .and_then(|column| group.hours.get(column).copied())
        .unwrap_or(0.0);
    let heading_id = format!("client-{}", super::markup::key_of(&group.client));
    let labelled_by = heading_id.clone();
    let rows = group
        .engagements
        .into_iter()
        .take(take)
        .map(|engagement| {
            let id = engagement.activity;
            let (activity, team) = state.history.with_untracked(|history| {
                let plan = history.plan();
                (
                    plan.activity(id).cloned(),
                    team_text(plan, &engagement.team),
                )
            });
            let activity = activity?;
            let burn = burns.with_untracked(|burns| {
                burns
                    .iter()
                    .find(|burn| burn.activity == id)
                    .map(burn_text)
            });
            let spark = state
                .load
                .with_untracked(|load| sparkline(&engagement.hours, load, this_week));
            let badge = state.risks.with_untracked(|found| {
                risk_index.with_untracked(|index| risk_label_indexed(found, index, id))
            });
            let deal = activity.deal.is_some();
            let title = activity.title.clone();
            let won = move |_| match state.execute(Command::WinDeal(id)) {
                Ok(summary) => message.set(Some(summary)),
                Err(reason) => message.set(Some(format!("Not changed: {reason}"))),
            };
            let lost = move |_| match state.execute(Command::LoseDeal(id)) {
                Ok(summary) => message.set(Some(summary)),
                Err(reason) => message.set(Some(format!("Not changed: {reason}"))),
            };
            Some(view! {
                <li class="engagement" class:engagement--deal=deal data-activity=id.to_string()>
                    <div class="engagement__main">
                        <a class="engagement__title" href=format!("#/work/{id}")>{title.clone()}</a>
                        <span class="tag">{if deal { "Pipeline deal" } else { activity.kind.label() }}</span>
                        <span class=if deal { "engagement__stage engagement__stage--deal" } else { "engagement__stage" }>{stage_text(&activity)}</span>
                        {risk_badge(badge)}
                    </div>
                    <div class="engagement__dates">{dates_text(&activity)}</div>
                    <div class="engagement__team">{team}</div>
                    <div class="engagement__hours">{spark}</div>
                    <div class="engagement__budget">{burn.unwrap_or_default()}</div>
                    {deal.then(|| view! {
                        <div class="engagement__actions">
                            <label class="toggle">
                                <input type="checkbox"
                                    aria-label=format!("Choose {title} for a scenario")
                                    prop:checked=move || chosen.with(|chosen| chosen.contains(&id))
                                    on:change=move |event| {
                                        let on = event_target_checked(&event);
                                        chosen.update(|chosen| {
                                            chosen.retain(|other| *other != id);
                                            if on {
                                                chosen.push(id);
                                            }
                                        });
                                    }/>
                                " Choose"
                            </label>
                            <button class="button button--small" on:click=won aria-label=format!("Won: {title}")>"Won"</button>
                            <button class="button button--small button--danger" on:click=lost aria-label=format!("Lost: {title}")>"Lost"</button>
                        </div>
                    })}
                </li>
            })
        })
        .collect_view();
    view! {
        <section class="work-client" aria-labelledby=labelled_by>
            <h3 id=heading_id class="work-client__name">
                {name}
                <span class="work-client__meta">{format!(" · {} h booked this week", hours_text(now))}</span>
            </h3>
            <ul class="work-client__list">{rows}</ul>
        </section>
    }
}

/// What is being dragged on an engagement's timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dragged {
    /// A person from the list, to book.
    Person(PersonId),
    /// A bar, grabbed `grab` weeks after its first week.
    Bar { id: AllocationId, grab: i64 },
    /// The end of a bar.
    End(AllocationId),
}

/// A booking being made or moved by keyboard until Enter applies it.
#[derive(Debug, Clone, PartialEq)]
struct Draft {
    original: Option<AllocationId>,
    allocation: Allocation,
}

/// One engagement: its facts, actions, team timeline and form.
#[component]
fn EngagementDetail(id: ActivityId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let activity = Memo::new(move |_| {
        state
            .history
            .with(|history| history.plan().activity(id).cloned())
    });
    let editing = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let run = move |command: Command| match state.execute(command) {
        Ok(summary) => message.set(Some(summary)),
        Err(reason) => message.set(Some(format!("Not changed: {reason}"))),
    };
    let ask = move || {
        state.history.with(|history| {
            let plan = history.plan();
            let ask = asked_of(plan, id)?;
            let answer =
                capacity::can_we_take_it(plan, &ask.engagement, &state.options.get(), today);
            Some((ask, answer))
        })
    };
    move || {
        let Some(work) = activity.get() else {
            return view! { <p class="empty">"This work is no longer in the plan. "<a href=Route::Work.hash()>"Back to all work"</a></p> }.into_any();
        };
        let deal = work.deal.is_some();
        let title = work.title.clone();
        let client = if work.client.trim().is_empty() {
            "Internal".to_string()
        } else {
            work.client.clone()
        };
        let lead = state.history.with_untracked(|history| {
            work.owner
                .map(|owner| history.plan().person_name(owner))
                .unwrap_or_else(|| "no lead".to_string())
        });
        let billing = match work.billing {
            Billing::NotBilled if work.billable => "billable, no price set".to_string(),
            Billing::NotBilled => "not billed".to_string(),
            Billing::Hourly { rate } => state.history.with_untracked(|history| {
                format!(
                    "{} an hour",
                    amount_text(rate, &history.plan().resources.currency)
                )
            }),
            Billing::FixedFee { amount } => state.history.with_untracked(|history| {
                format!(
                    "fixed fee {}",
                    amount_text(amount, &history.plan().resources.currency)
                )
            }),
        };
        view! {
            <section class="book engagement-detail" aria-labelledby="engagement-title">
                <p><a href=Route::Work.hash()>"← All work"</a></p>
                <div class="view__heading">
                    <h2 id="engagement-title">{title.clone()}</h2>
                    <p class="engagement-detail__facts">
                        <span class="tag">{if deal { "Pipeline deal" } else { work.kind.label() }}</span>
                        {format!(" {client} · {} · {} · lead {lead} · {billing}", stage_text(&work), dates_text(&work))}
                    </p>
                </div>
                <div class="engagement-detail__actions">
                    <button class="button" on:click=move |_| editing.update(|on| *on = !*on)
                        aria-expanded=move || editing.get().to_string()>"Edit details"</button>
                    {deal.then(|| view! {
                        <button class="button button--primary" on:click=move |_| run(Command::WinDeal(id))>"Won"</button>
                        <button class="button button--danger" on:click=move |_| {
                            run(Command::LoseDeal(id));
                            browser::navigate(Route::Work.hash());
                        }>"Lost"</button>
                    })}
                    {(!deal).then(|| view! {
                        <button class="button button--quiet" on:click=move |_| run(Command::SetScope { activity: id, scope: Scope::Initiative })>
                            "Make it an initiative of the ops plan"
                        </button>
                    })}
                </div>
                <p class="book__message" role="status">{move || message.get()}</p>
                {move || {
                    let mine: Vec<(String, String, bool)> = state.risks.with(|found| {
                        risks::risks_of(found, id)
                            .map(|risk| (risk.kind.label().to_string(), risk.evidence.clone(), risk.severity == risks::Severity::High))
                            .collect()
                    });
                    (!mine.is_empty()).then(|| view! {
                        <section class="panel risks" aria-labelledby="engagement-risks">
                            <h3 id="engagement-risks">{format!("Risks ({})", mine.len())}</h3>
                            <ul class="risks__list">
                                {mine.into_iter().map(|(kind, evidence, high)| view! {
                                    <li class="risk" class:risk--high=high>
                                        <span class="risk__kind">{kind}</span>
                                        <span class="risk__evidence">{evidence}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </section>
                    })
                }}
                {move || editing.get().then(|| view! {
                    <EngagementForm which=Some(id) on_done=Callback::new(move |_| editing.set(false))/>
                })}
                <EngagementTimeline id message/>
                {move || ask().map(|(ask, answer)| view! {
                    <section class="panel" aria-labelledby="ask-title">
                        <h3 id="ask-title">{format!("Can we take it? {} h a week of a {} for {} weeks from {}", hours_text(ask.engagement.hours_per_week), ask.role, ask.engagement.weeks, ask.engagement.earliest_start)}</h3>
                        <p>{answer.summary.clone()}</p>
                        <ul class="week__list">
                            {answer.fits.iter().take(6).map(|fit| {
                                let who = state.history.with_untracked(|history| match &fit.assignee {
                                    Assignee::Person(person) => history.plan().person_name(*person),
                                    Assignee::Role(role) => format!("open role {}", history.plan().role_title(*role)),
                                    Assignee::Placeholder { role, .. } => role.clone(),
                                });
                                let when = fit.first_week.map_or_else(
                                    || "no free run of weeks in the look-ahead".to_string(),
                                    |week| format!("free from {week}"),
                                );
                                view! {
                                    <li>
                                        <strong>{who}</strong>
                                        {format!(" · {when} · {} % → {} % over those weeks", (fit.before * 100.0).round() as i64, (fit.after * 100.0).round() as i64)}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                })}
            </section>
        }
        .into_any()
    }
}

/// An engagement's team on its own timeline: a row per booking, with each
/// person's load in the week under it; people to drag in beside it.
#[component]
fn EngagementTimeline(id: ActivityId, message: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let this_week = Week::containing(today);
    let dragged = RwSignal::new(None::<Dragged>);
    let draft = RwSignal::new(None::<Draft>);
    let drafting = Memo::new(move |_| draft.with(Option::is_some));
    let horizon = Memo::new(move |_| state.history.with(|history| history.plan().horizon));
    let weeks = move || horizon.with(|horizon| horizon.weeks().collect::<Vec<Week>>());
    let bookings = Memo::new(move |_| {
        state.history.with(|history| {
            let plan = history.plan();
            let mut mine: Vec<Allocation> = plan
                .allocations
                .iter()
                .filter(|allocation| allocation.activity == id)
                .cloned()
                .collect();
            mine.sort_by_key(|allocation| (allocation.first_week, allocation.id));
            mine
        })
    });
    // The people to offer: those with the skills the work needs first,
    // then by hours free in its first week here.
    let offered = Memo::new(move |_| {
        state.load.with(|load| {
            state.history.with(|history| {
                let plan = history.plan();
                let Some(work) = plan.activity(id) else {
                    return Vec::new();
                };
                let week = work
                    .start
                    .map_or(this_week, Week::containing)
                    .max(this_week)
                    .max(plan.horizon.start);
                let tentative = load.counts_tentative();
                let mut people: Vec<(bool, f64, PersonId, String)> = plan
                    .people
                    .iter()
                    .filter(|person| person.is_employed_on(week.day(chrono::Weekday::Fri)))
                    .map(|person| {
                        let skilled = work
                            .required_skills
                            .iter()
                            .all(|need| person.skill_level(need.skill) >= need.min_level);
                        let free = load
                            .cell(person.id, week)
                            .map_or(0.0, |cell| cell.free(tentative));
                        (skilled, free, person.id, person.name.clone())
                    })
                    .collect();
                people.sort_by(|left, right| {
                    right
                        .0
                        .cmp(&left.0)
                        .then(right.1.total_cmp(&left.1))
                        .then(left.2.cmp(&right.2))
                });
                people
                    .into_iter()
                    .take(PEOPLE_OFFERED)
                    .map(|(skilled, free, person, name)| (person, name, free, skilled, week))
                    .collect::<Vec<_>>()
            })
        })
    });
    let rows_for_keys = move || -> Vec<Assignee> {
        offered.with_untracked(|people| {
            people
                .iter()
                .map(|(person, ..)| Assignee::Person(*person))
                .collect()
        })
    };
    // Applies a booking, keeping focus on its bar (as the Capacity view
    // does).
    let place = move |allocation: Allocation, original: Option<AllocationId>| -> bool {
        let next_id = state.history.with_untracked(|history| {
            AllocationId::next_after(history.plan().allocations.iter().map(|a| &a.id))
        });
        let bar = original.unwrap_or(next_id);
        let command = match original {
            Some(_) => Command::UpdateAllocation(allocation),
            None => Command::AddAllocation(allocation),
        };
        match state.execute(command) {
            Ok(summary) => {
                message.set(Some(summary));
                browser::focus_after_render(format!("work-bar-{bar}"));
                true
            }
            Err(reason) => {
                message.set(Some(format!("Not changed: {reason}")));
                false
            }
        }
    };
    // A booking of `person` on this work from `week`, as a drop on the
    // Capacity view proposes it.
    let propose = move |person: PersonId, week: Week| {
        state.load.with_untracked(|load| {
            state.history.with_untracked(|history| {
                capacity::proposed_allocation(
                    history.plan(),
                    load,
                    id,
                    Assignee::Person(person),
                    week,
                    &load.options,
                )
                .map(|proposal| (proposal.note(history.plan()), proposal.allocation))
            })
        })
    };
    let book = move |person: PersonId, week: Week| match propose(person, week) {
        Some((note, allocation)) => {
            if place(allocation, None) && !note.is_empty() {
                message.update(|text| {
                    if let Some(text) = text {
                        text.push(' ');
                        text.push_str(&note);
                    }
                });
            }
        }
        None => message.set(Some(
            "Not changed: they are not there in any week from there to the work's end.".to_string(),
        )),
    };
    let find = move |allocation: AllocationId| {
        state
            .history
            .with_untracked(|history| history.plan().allocation(allocation).cloned())
    };
    let drop_on = move |week: Week, row: Option<Assignee>| {
        let Some(what) = dragged.get_untracked() else {
            return;
        };
        dragged.set(None);
        match (what, row) {
            // A person dropped anywhere on the timeline is booked from
            // that week (a booking of their own, beside the others).
            (Dragged::Person(person), _) => book(person, week),
            (Dragged::Bar { id: bar, grab }, row) => {
                if let Some(mut allocation) = find(bar) {
                    let shift = week.weeks_since(allocation.first_week) - grab;
                    allocation.first_week = allocation.first_week.plus_weeks(shift);
                    allocation.last_week = allocation.last_week.plus_weeks(shift);
                    if let Some(row) = row {
                        allocation.assignee = row;
                    }
                    place(allocation, Some(bar));
                }
            }
            (Dragged::End(bar), _) => {
                if let Some(mut allocation) = find(bar) {
                    allocation.last_week = week.max(allocation.first_week);
                    place(allocation, Some(bar));
                }
            }
        }
    };
    let describe = move |allocation: &Allocation| {
        let place = state
            .history
            .with_untracked(|history| draft_place(history.plan(), allocation));
        format!(
            "{place}. Arrows move it, Shift+arrows change its end, + and − the hours, up and down the person; Enter applies, Escape cancels."
        )
    };
    let start_draft = move |next: Draft| {
        state.announce(format!("Booking {}", describe(&next.allocation)));
        draft.set(Some(next));
        browser::focus_after_render("work-draft".to_string());
    };
    // A key, or a button of the draft's toolbar, changes the draft.
    let step = move |step_key: DraftKey| {
        let Some(mut next) = draft.get_untracked() else {
            return;
        };
        next.allocation = step_draft(&next.allocation, step_key, &rows_for_keys());
        state.announce(describe(&next.allocation));
        draft.set(Some(next));
    };
    // Enter, the Apply button: the draft becomes a command.
    let apply_draft = move || {
        let Some(next) = draft.get_untracked() else {
            return;
        };
        if place(next.allocation, next.original) {
            draft.set(None);
        }
    };
    // Escape, the Cancel button: nothing changes, and focus goes back to
    // where the draft was picked up, its bar or the person.
    let cancel_draft = move || {
        let Some(next) = draft.get_untracked() else {
            return;
        };
        draft.set(None);
        state.announce("Booking cancelled".to_string());
        match (next.original, &next.allocation.assignee) {
            (Some(bar), _) => browser::focus_after_render(format!("work-bar-{bar}")),
            (None, Assignee::Person(person)) => {
                browser::focus_after_render(format!("work-person-{person}"))
            }
            (None, _) => {}
        }
    };
    // A week tapped or clicked while there is a draft: the draft goes there,
    // to that row's person (the booking row keeps whoever it is on).
    let move_draft_to = move |week: Week, row: Option<Assignee>| {
        let Some(mut next) = draft.get_untracked() else {
            return;
        };
        let assignee = row.unwrap_or_else(|| next.allocation.assignee.clone());
        next.allocation = draft_moved_to(&next.allocation, assignee, week);
        state.announce(describe(&next.allocation));
        draft.set(Some(next));
        browser::focus_after_render("work-draft".to_string());
    };
    let on_draft_key = move |event: leptos::ev::KeyboardEvent| {
        if draft.with_untracked(Option::is_none) {
            return;
        }
        let key = event.key();
        if let Some(step_key) = DraftKey::of(&key, event.shift_key()) {
            event.prevent_default();
            step(step_key);
            return;
        }
        match key.as_str() {
            "Enter" => {
                event.prevent_default();
                apply_draft();
            }
            "Escape" => {
                event.prevent_default();
                cancel_draft();
            }
            _ => {}
        }
    };
    let week_head = move || {
        weeks()
            .into_iter()
            .map(|week| {
                view! {
                    <span class="wt-week" class:wt-week--now=week == this_week>
                        {format!("W{:02}", week.number())}
                    </span>
                }
            })
            .collect_view()
    };

    // The draft as its toolbar names it; none without one.
    let draft_text = Memo::new(move |_| {
        draft.with(|draft| {
            let draft = draft.as_ref()?;
            Some(state.history.with(|history| {
                format!(
                    "{} {}.",
                    if draft.original.is_some() {
                        "Moving"
                    } else {
                        "Booking"
                    },
                    draft_place(history.plan(), &draft.allocation)
                )
            }))
        })
    });

    view! {
        <section class="panel work-timeline" aria-labelledby="team-title">
            <h3 id="team-title" tabindex="-1">"Team"</h3>
            <p class="view__hint">"Drag a person onto a week to book them (the hours the work still needs, up to their free hours), drag a bar to other weeks or another row, or its end to stretch it. By tap or click: a person proposes a booking, a bar picks it up; tap a week to move it there, then Apply. By keyboard: Enter on a person proposes a booking, Enter on a bar picks it up; arrows move it, Shift+arrows change its end, + and − the hours; Enter applies, Escape cancels, Delete removes. The numbers under a bar are that person's load in the week, as on the Capacity view."</p>
            {move || drafting.get().then(|| view! {
                <DraftTools text=Signal::derive(move || draft_text.get().unwrap_or_default())
                    on_step=Callback::new(step)
                    on_apply=Callback::new(move |()| apply_draft())
                    on_cancel=Callback::new(move |()| cancel_draft())/>
            })}
            <div class="wt" style=move || format!("--weeks: {}", horizon.with(|horizon| horizon.weeks))>
                <div class="wt-row wt-row--head">
                    <span class="wt-name">"Booked"</span>
                    {week_head}
                </div>
                {move || bookings.get().into_iter().map(|allocation| {
                    let bar = allocation.id;
                    let assignee = allocation.assignee.clone();
                    let row_assignee = assignee.clone();
                    let (name, label, loads) = state.load.with(|load| {
                        state.history.with(|history| {
                            let plan = history.plan();
                            let name = assignee_name(plan, &assignee);
                            let label = format!(
                                "{name} · {} h a week, {} to {}{}. Enter to move by keyboard, Delete to remove.",
                                number_text(allocation.hours_per_week),
                                allocation.first_week,
                                allocation.last_week,
                                if allocation.commitment == Commitment::Tentative { ", tentative" } else { "" }
                            );
                            let tentative = load.counts_tentative();
                            let loads: Vec<Option<(i64, bool)>> = horizon.get_untracked().weeks().map(|week| {
                                let cell = load.cell_of(&assignee, week)?;
                                let share = cell.utilisation(tentative)?;
                                Some(((share * 100.0).round() as i64, cell.band(tentative) == Band::Over))
                            }).collect();
                            (name, label, loads)
                        })
                    });
                    let (first, span) = bar_columns(&allocation, horizon.get_untracked());
                    let tentative = allocation.commitment == Commitment::Tentative;
                    view! {
                        <div class="wt-row" data-allocation=bar.to_string()>
                            <span class="wt-name">{name.clone()}</span>
                            {horizon.get_untracked().weeks().zip(loads).enumerate().map(|(column, (week, load))| {
                                let row = row_assignee.clone();
                                let tapped = row_assignee.clone();
                                view! {
                                    <span class="wt-cell" data-week=week.to_string() style=format!("grid-column: {}", column + 2)
                                        on:dragover=move |event| { if dragged.get_untracked().is_some() { event.prevent_default(); } }
                                        on:drop=move |event| { event.prevent_default(); drop_on(week, Some(row.clone())); }
                                        on:click=move |_| move_draft_to(week, Some(tapped.clone()))>
                                        {load.map(|(percent, over)| view! {
                                            <span class="wt-load" class:wt-load--over=over>{format!("{percent} %")}</span>
                                        })}
                                    </span>
                                }
                            }).collect_view()}
                            <span class="wt-bar" class:wt-bar--tentative=tentative
                                id=format!("work-bar-{bar}")
                                tabindex="0" draggable="true" role="button"
                                aria-label=label.clone() title=label
                                style=format!("grid-column: {first} / span {span}")
                                on:dragstart=move |event| {
                                    let grab = state.history.with_untracked(|history| {
                                        history.plan().allocation(bar).map_or(0, |allocation| {
                                            grab_week(&event, allocation)
                                        })
                                    });
                                    dragged.set(Some(Dragged::Bar { id: bar, grab }));
                                    if let Some(transfer) = event.data_transfer() {
                                        let _ = transfer.set_data("text/plain", &bar.to_string());
                                    }
                                }
                                on:dragend=move |_| dragged.set(None)
                                on:click=move |_| {
                                    // A tap or a click picks the bar up as
                                    // Enter does (its end too: Shorter and
                                    // Longer change the end).
                                    let picked = draft.with_untracked(|draft| draft.as_ref().is_some_and(|draft| draft.original == Some(bar)));
                                    if picked {
                                        return;
                                    }
                                    if let Some(allocation) = find(bar) {
                                        start_draft(Draft { original: Some(bar), allocation });
                                    }
                                }
                                on:keydown=move |event| {
                                    // Keys typed before focus has moved to
                                    // the draft this bar just started go to
                                    // the draft, so none is lost.
                                    if draft.with_untracked(|draft| draft.as_ref().is_some_and(|draft| draft.original == Some(bar))) {
                                        on_draft_key(event);
                                        return;
                                    }
                                    match event.key().as_str() {
                                        "Enter" | " " => {
                                            if let Some(allocation) = find(bar) {
                                                event.prevent_default();
                                                start_draft(Draft { original: Some(bar), allocation });
                                            }
                                        }
                                        "Delete" => {
                                            event.prevent_default();
                                            if let Ok(summary) = state.execute(Command::RemoveAllocation(bar)) {
                                                message.set(Some(summary));
                                                // Its bar is gone: focus the team's heading.
                                                browser::focus_after_render("team-title".to_string());
                                            }
                                        }
                                        _ => {}
                                    }
                                }>
                                <span class="wt-bar__text">{format!("{} h", number_text(allocation.hours_per_week))}</span>
                                <span class="wt-bar__end" draggable="true" aria-hidden="true"
                                    on:dragstart=move |event| {
                                        event.stop_propagation();
                                        dragged.set(Some(Dragged::End(bar)));
                                        if let Some(transfer) = event.data_transfer() {
                                            let _ = transfer.set_data("text/plain", &bar.to_string());
                                        }
                                    }></span>
                            </span>
                        </div>
                    }
                }).collect_view()}
                // The draft's row is drawn once while there is a draft and
                // follows it, so the focused bar stays the same element as
                // the keys change it.
                {move || drafting.get().then(|| {
                    let label = move || draft.with(|draft| draft.as_ref().map(|draft| describe(&draft.allocation)).unwrap_or_default());
                    let name = move || draft.with(|draft| draft.as_ref().map(|draft| {
                        state.history.with_untracked(|history| assignee_name(history.plan(), &draft.allocation.assignee))
                    }).unwrap_or_default());
                    let style = move || draft.with(|draft| draft.as_ref().map(|draft| {
                        let (first, span) = bar_columns(&draft.allocation, horizon.get_untracked());
                        format!("grid-column: {first} / span {span}")
                    }).unwrap_or_default());
                    let hours = move || draft.with(|draft| draft.as_ref().map(|draft| {
                        format!("{} h", number_text(draft.allocation.hours_per_week))
                    }).unwrap_or_default());
                    view! {
                        <div class="wt-row wt-row--draft">
                            <span class="wt-name">{name}</span>
                            <span id="work-draft" class="wt-bar wt-bar--draft" tabindex="0" role="button"
                                aria-label=label title=label style=style
                                on:keydown=on_draft_key>
                                <span class="wt-bar__text">{hours}</span>
                            </span>
                        </div>
                    }
                })}
                <div class="wt-row wt-row--book">
                    <span class="wt-name" title="Drop a person on a week to book them">"Book someone"</span>
                    {move || weeks().into_iter().enumerate().map(|(column, week)| view! {
                        <span class="wt-cell wt-cell--book" data-week=week.to_string() style=format!("grid-column: {}", column + 2)
                            on:dragover=move |event| { if dragged.get_untracked().is_some() { event.prevent_default(); } }
                            on:drop=move |event| { event.prevent_default(); drop_on(week, None); }
                            on:click=move |_| move_draft_to(week, None)></span>
                    }).collect_view()}
                </div>
            </div>
            {move || bookings.with(Vec::is_empty).then(|| view! {
                <p class="empty">"Nobody is booked on it yet: drag a person onto a week, or press Enter on one."</p>
            })}
            <h4>"People to book"</h4>
            <ul class="work-people">
                {move || offered.get().into_iter().map(|(person, name, free, skilled, week)| {
                    // The chip is named by its visible text (name and free
                    // hours) followed by the rest, read but not shown, so a
                    // person using speech control can say what they see:
                    // "Aisha Khan 16 h free in 2026-W48. Drag onto ...".
                    let more = format!(
                        " in {week}{}. Drag onto a week, or press Enter to propose a booking from {week}.",
                        if skilled { ", has the skills" } else { "" }
                    );
                    let label = format!("{name}: {} h free{more}", hours_text(free));
                    view! {
                        <li>
                            <button class="person-chip" class:person-chip--skilled=skilled draggable="true"
                                id=format!("work-person-{person}") title=label
                                on:dragstart=move |event| {
                                    dragged.set(Some(Dragged::Person(person)));
                                    if let Some(transfer) = event.data_transfer() {
                                        let _ = transfer.set_data("text/plain", &person.to_string());
                                    }
                                }
                                on:dragend=move |_| dragged.set(None)
                                on:keydown=move |event| {
                                    // As on a bar: keys typed before focus
                                    // reaches the proposed booking go to it.
                                    let proposed = draft.with_untracked(|draft| draft.as_ref().is_some_and(|draft| {
                                        draft.original.is_none() && draft.allocation.assignee == Assignee::Person(person)
                                    }));
                                    if proposed {
                                        on_draft_key(event);
                                    }
                                }
                                on:click=move |_| {
                                    if let Some((note, allocation)) = propose(person, week) {
                                        if !note.is_empty() {
                                            message.set(Some(note));
                                        }
                                        start_draft(Draft { original: None, allocation });
                                    }
                                }>
                                <span class="person-chip__name">{name.clone()}</span>
                                <span class="person-chip__free">{format!("{} h free", hours_text(free))}<span class="visually-hidden">{more}</span></span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// A booking being made or moved, with buttons for a tap, a click or the
/// keyboard: its end a week shorter or longer (as Shift+arrows do), Apply
/// (as Enter) and Cancel (as Escape). A tap on a week moves it.
#[component]
fn DraftTools(
    /// "Booking Aisha Khan, 2026-W48 to 2027-W05, 16 h a week."
    #[prop(into)]
    text: Signal<String>,
    on_step: Callback<DraftKey>,
    on_apply: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="wt-draft" role="group" aria-label="Booking in progress">
            <p class="wt-draft__what">{text}</p>
            <p class="wt-draft__how">"Tap or click a week to move it there."</p>
            <div class="wt-draft__actions">
                <button type="button" class="button button--small" title="End a week earlier"
                    on:click=move |_| on_step.run(DraftKey::Shorter)>"Shorter"</button>
                <button type="button" class="button button--small" title="End a week later"
                    on:click=move |_| on_step.run(DraftKey::Longer)>"Longer"</button>
                <button type="button" class="button button--primary button--small" on:click=move |_| on_apply.run(())>"Apply"</button>
                <button type="button" class="button button--small" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </div>
    }
}

/// Where a draft stands: "Aisha Khan, 2026-W48 to 2027-W05, 16 h a week".
fn draft_place(plan: &Plan, allocation: &Allocation) -> String {
    format!(
        "{}, {} to {}, {} h a week",
        assignee_name(plan, &allocation.assignee),
        allocation.first_week,
        allocation.last_week,
        number_text(allocation.hours_per_week)
    )
}

/// The grid column a bar starts in (the names are column 1) and how many
/// it spans, kept to the weeks of `horizon`.
fn bar_columns(allocation: &Allocation, horizon: crate::model::Horizon) -> (i64, i64) {
    let weeks = i64::from(horizon.weeks);
    let first = allocation
        .first_week
        .weeks_since(horizon.start)
        .clamp(0, weeks - 1);
    let last = allocation
        .last_week
        .weeks_since(horizon.start)
        .clamp(first, weeks - 1);
    (first + 2, last - first + 1)
}

/// The name of whoever a booking is on.
fn assignee_name(plan: &Plan, assignee: &Assignee) -> String {
    match assignee {
        Assignee::Person(person) => plan.person_name(*person),
        Assignee::Role(role) => format!("Open role {}", plan.role_title(*role)),
        Assignee::Placeholder { role, .. } => format!("{role} (to staff)"),
    }
}

/// The week of a bar under the pointer when it was grabbed, counted from
/// its first week.
fn grab_week(event: &web_sys::DragEvent, allocation: &Allocation) -> i64 {
    use wasm_bindgen::JsCast;
    let Some(element) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
    else {
        return 0;
    };
    let rect = element.get_bounding_client_rect();
    let weeks = (allocation.last_week.weeks_since(allocation.first_week) + 1).max(1) as f64;
    if rect.width() <= 0.0 {
        return 0;
    }
    (((f64::from(event.client_x()) - rect.left()) / rect.width() * weeks).floor() as i64)
        .clamp(0, weeks as i64 - 1)
}

/// The form of a piece of work of the book: every field a planner sets.
#[component]
fn EngagementForm(which: Option<ActivityId>, on_done: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let original: Activity = state
        .history
        .with_untracked(|history| which.and_then(|id| history.plan().activity(id).cloned()))
        .unwrap_or_else(|| Activity {
            scope: Scope::Book,
            start: Some(today),
            ..Activity::new(ActivityId(0), "")
        });
    let is_new = which.is_none();
    let was_deal = original.deal.is_some();
    let title = RwSignal::new(original.title.clone());
    let client = RwSignal::new(original.client.clone());
    let kind = RwSignal::new(kind_slug(original.kind).to_string());
    let pipeline = RwSignal::new(original.deal.is_some());
    let stage = RwSignal::new(
        original
            .deal
            .map_or(DealStage::Qualified, |deal| deal.stage)
            .label()
            .to_string(),
    );
    let probability = RwSignal::new(original.deal.map_or_else(
        || "25".to_string(),
        |deal| number_text((deal.probability * 100.0).round()),
    ));
    let status = RwSignal::new(original.status.label().to_string());
    let start = RwSignal::new(date_text(original.start));
    let end = RwSignal::new(date_text(original.deadline));
    let effort = RwSignal::new(number_text(original.effort_hours));
    let contract_hours = RwSignal::new(
        original
            .contract
            .map(|contract| number_text(contract.hours))
            .unwrap_or_default(),
    );
    let period = RwSignal::new(
        original
            .contract
            .map_or(Period::Week, |contract| contract.period)
            .label()
            .to_string(),
    );
    let renewal = RwSignal::new(date_text(original.contract.and_then(|c| c.renewal)));
    let billing = RwSignal::new(
        match original.billing {
            Billing::NotBilled => "none",
            Billing::Hourly { .. } => "hourly",
            Billing::FixedFee { .. } => "fixed",
        }
        .to_string(),
    );
    let amount = RwSignal::new(match original.billing {
        Billing::NotBilled => String::new(),
        Billing::Hourly { rate } => number_text(rate),
        Billing::FixedFee { amount } => number_text(amount),
    });
    let budget = RwSignal::new(original.budget_hours.map(number_text).unwrap_or_default());
    let lead = RwSignal::new(original.owner.map(|o| o.to_string()).unwrap_or_default());
    let description = RwSignal::new(original.description.clone());
    let error = RwSignal::new(None::<String>);
    let people = move || {
        state.history.with(|history| {
            std::iter::once((String::new(), "No lead".to_string()))
                .chain(
                    history
                        .plan()
                        .people
                        .iter()
                        .map(|person| (person.id.to_string(), person.name.clone())),
                )
                .collect::<Vec<_>>()
        })
    };
    let kinds: Vec<(String, String)> = ActivityKind::ALL
        .into_iter()
        .map(|kind| (kind_slug(kind).to_string(), kind.label().to_string()))
        .collect();
    let stages: Vec<(String, String)> = DealStage::ALL
        .into_iter()
        .map(|stage| (stage.label().to_string(), stage.label().to_string()))
        .collect();
    let statuses: Vec<(String, String)> = Status::ALL
        .into_iter()
        .map(|status| (status.label().to_string(), status.label().to_string()))
        .collect();
    let periods = vec![
        ("week".to_string(), "a week".to_string()),
        ("month".to_string(), "a month".to_string()),
    ];
    let billings = vec![
        ("none".to_string(), "Not billed".to_string()),
        ("hourly".to_string(), "By the hour".to_string()),
        ("fixed".to_string(), "Fixed fee".to_string()),
    ];
    let is_contract = move || kind.get() == kind_slug(ActivityKind::ManagedService);
    let build = move || -> Result<Activity, String> {
        let kind_value = ActivityKind::ALL
            .into_iter()
            .find(|candidate| kind_slug(*candidate) == kind.get_untracked())
            .unwrap_or(ActivityKind::Project);
        let deal = if pipeline.get_untracked() {
            let stage = DealStage::ALL
                .into_iter()
                .find(|candidate| candidate.label() == stage.get_untracked())
                .unwrap_or(DealStage::Qualified);
            let percent = parse_number("Win probability", &probability.get_untracked(), 25.0)?;
            Some(Deal {
                stage,
                probability: percent / 100.0,
            })
        } else {
            None
        };
        let contract = if kind_value == ActivityKind::ManagedService
            && !contract_hours.get_untracked().trim().is_empty()
        {
            Some(Contract {
                hours: parse_number("Contract hours", &contract_hours.get_untracked(), 0.0)?,
                period: if period.get_untracked() == "month" {
                    Period::Month
                } else {
                    Period::Week
                },
                renewal: parse_date("Renewal", &renewal.get_untracked())?,
            })
        } else {
            None
        };
        let price = parse_number("Price", &amount.get_untracked(), 0.0)?;
        let billing_value = match billing.get_untracked().as_str() {
            "hourly" => Billing::Hourly { rate: price },
            "fixed" => Billing::FixedFee { amount: price },
            _ => Billing::NotBilled,
        };
        let budget_value = match budget.get_untracked().trim() {
            "" => None,
            text => Some(parse_number("Budget", text, 0.0)?),
        };
        let client_value = client.get_untracked().trim().to_string();
        Ok(Activity {
            title: title.get_untracked().trim().to_string(),
            client: client_value.clone(),
            kind: kind_value,
            scope: Scope::Book,
            commitment: if deal.is_some() {
                Commitment::Tentative
            } else {
                original.commitment
            },
            deal,
            contract,
            status: Status::ALL
                .into_iter()
                .find(|candidate| candidate.label() == status.get_untracked())
                .unwrap_or(original.status),
            start: parse_date("Start", &start.get_untracked())?,
            deadline: parse_date("End", &end.get_untracked())?,
            effort_hours: parse_number("Effort", &effort.get_untracked(), 0.0)?,
            billable: !client_value.is_empty() && kind_value != ActivityKind::Internal,
            billing: billing_value,
            budget_hours: budget_value,
            owner: lead.get_untracked().parse::<PersonId>().ok(),
            description: description.get_untracked(),
            ..original.clone()
        })
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let result = build().and_then(|activity| {
            state.execute(if is_new {
                Command::AddActivity(activity)
            } else {
                Command::UpdateActivity(activity)
            })
        });
        match result {
            Ok(_) => {
                error.set(None);
                on_done.run(());
            }
            Err(message) => error.set(Some(message)),
        }
    };
    view! {
        <section class="panel form" aria-labelledby="engagement-form-title">
            <h3 id="engagement-form-title">{if is_new { "Add work" } else { "Edit details" }}</h3>
            <form on:submit=save novalidate>
                <div class="form__grid">
                    <Field label="Title" value=title required=true/>
                    <Field label="Client" value=client hint="Empty for internal work"/>
                    <Choice label="Kind" value=kind options=kinds/>
                    {(is_new || was_deal).then(|| view! {
                        <label class="field">
                            <span class="field__label">"Pipeline deal"</span>
                            <span><input type="checkbox" aria-label="Pipeline deal: not signed yet"
                                disabled=!is_new
                                prop:checked=move || pipeline.get()
                                on:change=move |event| pipeline.set(event_target_checked(&event))/>" not signed yet"</span>
                        </label>
                    })}
                    {move || if pipeline.get() {
                        view! {
                            <Choice label="Stage" value=stage options=stages.clone()/>
                            <Field label="Win probability (%)" value=probability kind="number"/>
                        }.into_any()
                    } else {
                        view! { <Choice label="Status" value=status options=statuses.clone()/> }.into_any()
                    }}
                    <Field label="Start" value=start kind="date"/>
                    <Field label="End" value=end kind="date" hint="A contract's term ends here"/>
                    <Field label="Effort (hours)" value=effort kind="number" hint="The hours of work it takes"/>
                    {move || is_contract().then(|| view! {
                        <Field label="Contract hours" value=contract_hours kind="number"/>
                        <Choice label="Per" value=period options=periods.clone()/>
                        <Field label="Renewal" value=renewal kind="date"/>
                    })}
                    <Choice label="Billing" value=billing options=billings.clone()/>
                    <Field label="Price" value=amount kind="number" hint="A rate an hour, or the fixed fee"/>
                    <Field label="Budget (hours)" value=budget kind="number"/>
                    <Choice label="Lead" value=lead options=Signal::derive(people)/>
                </div>
                <TextArea label="Description" value=description rows=2/>
                <p class="form__error" role="alert">{move || error.get()}</p>
                <div class="form__actions">
                    <button type="submit" class="button button--primary">{if is_new { "Add" } else { "Save" }}</button>
                    <button type="button" class="button" on:click=move |_| on_done.run(())>"Cancel"</button>
                </div>
            </form>
        </section>
    }
}
