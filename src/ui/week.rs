//! This week: per owner, the top activities by priority, what is blocked and
//! on what, the midpoint check-ins due, and the decisions waiting on
//! someone. "My week" filters it to one person.

use leptos::prelude::*;

use super::state::{AppState, PlanFocus};
use crate::engine::risks::{self, Risk, Severity};
use crate::engine::{checkin, priority};
use crate::model::{medium_date, PersonId, Status, Week};

/// How many of each owner's activities show.
const TOP: usize = 3;

#[component]
pub fn WeekView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let person = RwSignal::new(String::new());
    let week = Week::containing(today);

    view! {
        <section class="week" aria-labelledby="week-title">
            <div class="view__heading">
                <h2 id="week-title">{format!("This week · {week} ({} to {})", medium_date(week.monday()), medium_date(week.day(chrono::Weekday::Sun)))}</h2>
                <label class="filter">
                    <span class="filter__label">"Show"</span>
                    {move || {
                        let current = person.get_untracked();
                        let options = state.history.with(|history| {
                            history.plan().people.iter().map(|p| (p.id.to_string(), p.name.clone())).collect::<Vec<_>>()
                        });
                        view! {
                            <select aria-label="Show the week of" on:change=move |event| person.set(event_target_value(&event))>
                                <option value="" selected=current.is_empty()>"Everyone"</option>
                                {options.into_iter().map(|(id, name)| {
                                    let selected = id == current;
                                    view! { <option value=id selected=selected>{format!("My week: {name}")}</option> }
                                }).collect_view()}
                            </select>
                        }
                    }}
                </label>
            </div>
            {move || state.history.with(|history| {
                let plan = history.plan();
                let only = person.get().parse::<PersonId>().ok();
                let ranking = priority::rank(plan, today);
                let found = risks::risks(plan, today);
                let due = checkin::midpoints_this_week(plan, today);
                let mut owners: Vec<Option<PersonId>> = Vec::new();
                for entry in &ranking.entries {
                    let owner = plan.activity(entry.activity).and_then(|activity| activity.owner);
                    if !owners.contains(&owner) && only.is_none_or(|only| owner == Some(only)) {
                        owners.push(owner);
                    }
                }
                let decisions: Vec<(String, String, String)> = plan
                    .checkins
                    .iter()
                    .flat_map(|checkin| checkin.decisions.iter())
                    .filter(|decision| decision.decided_on.is_none())
                    .filter(|decision| only.is_none_or(|only| decision.owner == Some(only)))
                    .map(|decision| (
                        decision.text.clone(),
                        decision.owner.map_or_else(|| "nobody yet".to_string(), |owner| plan.person_name(owner)),
                        decision.due.map_or_else(|| "no due date".to_string(), |due| {
                            if due < today { format!("overdue since {}", medium_date(due)) } else { format!("due {}", medium_date(due)) }
                        }),
                    ))
                    .collect();
                // The plan's cadences (ops sync, service review, ...) on the
                // days of this week, with their owner.
                let meetings: Vec<String> = plan
                    .meetings_between(week.monday(), week.day(chrono::Weekday::Sun))
                    .into_iter()
                    .filter(|(_, cadence)| only.is_none_or(|only| cadence.owner == Some(only)))
                    .map(|(date, cadence)| {
                        let owner = cadence.owner.map(|owner| plan.person_name(owner));
                        format!("{}: {}", medium_date(date), cadence.describe(owner.as_deref()))
                    })
                    .collect();
                view! {
                    <section class="panel" aria-labelledby="meetings-title">
                        <h3 id="meetings-title">"Meetings this week"</h3>
                        {if meetings.is_empty() {
                            view! { <p class="empty">"No planned meetings this week."</p> }.into_any()
                        } else {
                            view! {
                                <ul class="week__list">
                                    {meetings.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                    <div class="week__grid">
                        {owners.into_iter().map(|owner| {
                            let name = owner.map_or_else(|| "No owner".to_string(), |owner| plan.person_name(owner));
                            let region = format!("The week of {name}");
                            let mine: Vec<_> = ranking.entries.iter()
                                .filter(|entry| plan.activity(entry.activity).is_some_and(|a| a.owner == owner))
                                .collect();
                            let top: Vec<_> = mine.iter().take(TOP).map(|entry| {
                                let activity = plan.activity(entry.activity);
                                let title = activity.map(|a| a.title.clone()).unwrap_or_default();
                                let badges = risk_badges(&found, entry.activity);
                                (entry.activity, entry.position, title, entry.explanation.clone(), badges)
                            }).collect();
                            let blocked: Vec<String> = mine.iter().filter_map(|entry| {
                                let activity = plan.activity(entry.activity)?;
                                let waiting: Vec<String> = entry.waiting_on.iter().map(|id| format!("'{}'", plan.activity_title(*id))).collect();
                                match (activity.status == Status::Blocked, waiting.is_empty()) {
                                    (false, true) => None,
                                    (true, true) => Some(format!("{} is blocked", activity.title)),
                                    (_, false) => Some(format!("{} waits on {}", activity.title, waiting.join(", "))),
                                }
                            }).collect();
                            let checkins: Vec<String> = due.iter()
                                .filter_map(|id| plan.activity(*id))
                                .filter(|activity| activity.owner == owner)
                                .map(|activity| format!("{}: midpoint check-in {}", activity.title, activity.checkin.map(medium_date).unwrap_or_default()))
                                .collect();
                            view! {
                                <section class="panel week__owner" aria-label=region>
                                    <h3>{name}</h3>
                                    <ul class="week__top">
                                        {top.into_iter().map(|(id, position, title, why, badges)| view! {
                                            <li>
                                                <a href=PlanFocus::Activity(id).hash()>{format!("#{position} {title}")}</a>
                                                {badges}
                                                <span class="priority__why">{why}</span>
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                    {(!blocked.is_empty()).then(|| view! {
                                        <h4>"Blocked"</h4>
                                        <ul class="week__list">{blocked.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                                    })}
                                    {(!checkins.is_empty()).then(|| view! {
                                        <h4>"Check-ins due"</h4>
                                        <ul class="week__list">{checkins.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                                    })}
                                </section>
                            }
                        }).collect_view()}
                    </div>
                    <section class="panel" aria-labelledby="decisions-title">
                        <h3 id="decisions-title">"Decisions waiting"</h3>
                        {if decisions.is_empty() {
                            view! { <p class="empty">"No open decisions."</p> }.into_any()
                        } else {
                            view! {
                                <ul class="week__list">
                                    {decisions.into_iter().map(|(text, owner, due)| view! {
                                        <li><strong>{text}</strong>{format!(" · {owner} · {due}")}</li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                    <RisksList risks=found.into_iter().filter(|risk| only.is_none_or(|only| risk.person == Some(only))).collect() plan_titles=plan.activities.iter().map(|a| (a.id, a.title.clone())).collect()/>
                }
            })}
        </section>
    }
}

/// The badge for the risks of one activity.
pub fn risk_badges(found: &[Risk], activity: crate::model::ActivityId) -> impl IntoView {
    super::board::risk_badge(super::board::risk_label(found, activity))
}

/// The Risks panel: every finding, most severe first, with its evidence and
/// the next step.
#[component]
pub fn RisksList(
    /// The findings, sorted by severity.
    risks: Vec<Risk>,
    /// Activity titles by id.
    plan_titles: Vec<(crate::model::ActivityId, String)>,
) -> impl IntoView {
    let title_of = move |id| {
        plan_titles
            .iter()
            .find(|(candidate, _)| *candidate == id)
            .map(|(_, title)| title.clone())
            .unwrap_or_default()
    };
    view! {
        <section class="panel risks" aria-labelledby="risks-title">
            <h3 id="risks-title">{format!("Risks ({})", risks.len())}</h3>
            {if risks.is_empty() {
                view! { <p class="empty">"No risks found."</p> }.into_any()
            } else {
                view! {
                    <ul class="risks__list">
                        {risks.into_iter().map(|risk| view! {
                            <li class="risk" class:risk--high=risk.severity == Severity::High>
                                <span class="risk__kind">{risk.kind.label()}</span>
                                <a class="risk__activity" href=PlanFocus::Activity(risk.activity).hash()>{title_of(risk.activity)}</a>
                                <span class="risk__evidence">{risk.evidence}</span>
                                <span class="risk__next">{format!("Next: {}", risk.next_step)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
