//! The weekly check-in: three questions per initiative of the ops plan
//! (what moved forward, what is blocked, what needs a decision), with what
//! the app already knows filled in; saved to the plan's log, listed, opened
//! and compared.

use leptos::prelude::*;

use super::forms::{parse_date, TextArea};
use super::state::AppState;
use super::week::risk_badges;
use crate::browser;
use crate::command::Command;
use crate::engine::{checkin, risks};
use crate::model::{
    count_of, medium_date, ActivityId, CheckIn, CheckInEntry, CheckInId, Decision, PersonId, Plan,
};

/// How many initiatives the check-in asks about, first by priority.
const ANSWERS_SHOWN: usize = 40;

/// The answers being written for one initiative.
#[derive(Clone, Copy)]
struct Answer {
    activity: ActivityId,
    moved: RwSignal<String>,
    blocked: RwSignal<String>,
    covers_midpoint: RwSignal<bool>,
}

/// A decision being written.
#[derive(Clone, Copy)]
struct DecisionRow {
    text: RwSignal<String>,
    owner: RwSignal<String>,
    due: RwSignal<String>,
}

#[component]
pub fn CheckInView() -> impl IntoView {
    // A fresh form after each save, so the answers start from what is known.
    let round = RwSignal::new(0u32);
    view! {
        <div class="checkin">
            {move || {
                round.track();
                view! { <CheckInForm round/> }
            }}
            <CheckInHistory/>
        </div>
    }
}

#[component]
fn CheckInForm(round: RwSignal<u32>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let (date, answers, people, known_risks) = state.edits.history.with_untracked(|history| {
        let plan = history.plan();
        let date = checkin::checkin_date(plan, today);
        let since = checkin::previous_checkin(plan, date.max(today)).map(|previous| previous.date);
        let first: Vec<_> = state.figures.ranking.with_untracked(|ranking| {
            ranking
                .entries
                .iter()
                .take(ANSWERS_SHOWN)
                .map(|entry| entry.activity)
                .collect()
        });
        // The initiatives by priority: a plan of thousands asks about the
        // first of them (a check-in of more would not be read).
        let answers: Vec<(Answer, String, String, Option<String>)> = first
            .iter()
            .filter_map(|id| plan.activity(*id))
            .map(|activity| {
                let moves = checkin::moves(activity, since, today);
                let due = checkin::midpoint_due(plan, activity, date);
                let owner = activity
                    .owner
                    .map_or_else(|| "no owner".to_string(), |owner| plan.person_name(owner));
                (
                    Answer {
                        activity: activity.id,
                        moved: RwSignal::new(moves.join("\n")),
                        blocked: RwSignal::new(String::new()),
                        covers_midpoint: RwSignal::new(due),
                    },
                    activity.title.clone(),
                    owner,
                    due.then(|| activity.checkin.map(medium_date).unwrap_or_default()),
                )
            })
            .collect();
        let people: Vec<(String, String)> = plan
            .people
            .iter()
            .map(|p| (p.id.to_string(), p.name.clone()))
            .collect();
        // The risks of the initiatives asked about, not all the plan's.
        let asked: Vec<_> = answers.iter().map(|(answer, ..)| answer.activity).collect();
        let found: Vec<_> = state.figures.risks.with_untracked(|found| {
            found
                .iter()
                .filter(|risk| risk.activity.is_some_and(|id| asked.contains(&id)))
                .cloned()
                .collect()
        });
        (date, answers, people, found)
    });
    let summary = RwSignal::new(String::new());
    let decisions = RwSignal::new(Vec::<DecisionRow>::new());
    let error = RwSignal::new(None::<String>);
    let answer_list: Vec<Answer> = answers.iter().map(|(answer, ..)| *answer).collect();

    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let mut entries = Vec::new();
        for answer in &answer_list {
            let moved = answer.moved.get_untracked().trim().to_string();
            let blocked = answer.blocked.get_untracked().trim().to_string();
            let covers = answer.covers_midpoint.get_untracked();
            if !moved.is_empty() || !blocked.is_empty() || covers {
                entries.push(CheckInEntry {
                    activity: answer.activity,
                    moved,
                    blocked,
                    covers_midpoint: covers,
                });
            }
        }
        let mut taken = Vec::new();
        for row in decisions.get_untracked() {
            let text = row.text.get_untracked().trim().to_string();
            if text.is_empty() {
                continue;
            }
            let due = match parse_date("Decision due", &row.due.get_untracked()) {
                Ok(due) => due,
                Err(message) => {
                    error.set(Some(message));
                    return;
                }
            };
            taken.push(Decision {
                text,
                owner: row.owner.get_untracked().parse::<PersonId>().ok(),
                due,
                decided_on: None,
            });
        }
        let checkin = CheckIn {
            id: CheckInId(0),
            date,
            summary: summary.get_untracked().trim().to_string(),
            entries,
            decisions: taken,
        };
        match state.edits.execute(Command::AddCheckIn(checkin)) {
            Ok(_) => {
                error.set(None);
                round.update(|round| *round += 1);
            }
            Err(message) => error.set(Some(message)),
        }
    };

    view! {
        <section class="panel form" aria-labelledby="checkin-title">
            <h2 id="checkin-title">{format!("Weekly check-in · {}", medium_date(date))}</h2>
            <p class="view__hint">"What moved is filled in from status changes and ticked checklist items since the last check-in; edit it as people speak. Known risks are listed under each initiative."</p>
            <form on:submit=save novalidate>
                <TextArea label="Summary of the week" value=summary rows=2/>
                <ol class="checkin__activities">
                    {answers.into_iter().map(|(answer, title, owner, midpoint)| {
                        let badges = risk_badges(&known_risks, answer.activity);
                        let known: Vec<String> = risks::risks_of(&known_risks, answer.activity)
                            .map(|risk| format!("{}: {}", risk.kind.label(), risk.evidence))
                            .collect();
                        view! {
                            <li class="checkin__activity" data-activity=answer.activity.to_string()>
                                <h3>{title.clone()} <span class="checkin__owner">{format!(" · {owner}")}</span> {badges}</h3>
                                <label class="field">
                                    <span class="field__label">"What moved forward?"</span>
                                    <textarea rows=answer.moved.with_untracked(|text| text.lines().count().clamp(2, 8)) aria-label=format!("What moved forward on {title}?")
                                        prop:value=move || answer.moved.get()
                                        on:input=move |event| answer.moved.set(event_target_value(&event))></textarea>
                                </label>
                                {(!known.is_empty()).then(|| view! {
                                    <ul class="checkin__known">{known.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                                })}
                                <label class="field">
                                    <span class="field__label">"What's blocked?"</span>
                                    <textarea rows="1" aria-label=format!("What's blocked on {title}?")
                                        prop:value=move || answer.blocked.get()
                                        on:input=move |event| answer.blocked.set(event_target_value(&event))></textarea>
                                </label>
                                {midpoint.map(|due| view! {
                                    <label class="checkin__midpoint">
                                        <input type="checkbox" prop:checked=move || answer.covers_midpoint.get()
                                            on:change=move |event| answer.covers_midpoint.set(event_target_checked(&event))/>
                                        {format!(" This is its midpoint check-in (due {due})")}
                                    </label>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <fieldset class="fieldset">
                    <legend>"What needs a decision this week?"</legend>
                    <ul class="rows">
                        {move || decisions.get().into_iter().map(|row| {
                            let people = people.clone();
                            view! {
                                <li class="rows__row">
                                    <input type="text" class="rows__text" aria-label="Decision needed"
                                        prop:value=move || row.text.get()
                                        on:input=move |event| row.text.set(event_target_value(&event))/>
                                    <select aria-label="Who decides" on:change=move |event| row.owner.set(event_target_value(&event))>
                                        <option value="">"Who decides?"</option>
                                        {people.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                                    </select>
                                    <input type="date" aria-label="Decide by"
                                        prop:value=move || row.due.get()
                                        on:input=move |event| row.due.set(event_target_value(&event))/>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <button type="button" class="button button--small" on:click=move |_| {
                        decisions.update(|rows| rows.push(DecisionRow {
                            text: RwSignal::new(String::new()),
                            owner: RwSignal::new(String::new()),
                            due: RwSignal::new(String::new()),
                        }));
                    }>"Add a decision"</button>
                </fieldset>
                {move || error.get().map(|message| view! { <p class="form__error" role="alert">{message}</p> })}
                <div class="form__actions">
                    <button type="submit" class="button button--primary">"Save check-in"</button>
                </div>
            </form>
        </section>
    }
}

/// Past check-ins, newest first: open one to read what was said; compare two
/// to see what moved between them.
#[component]
fn CheckInHistory() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = RwSignal::new(None::<CheckInId>);
    let compare_from = RwSignal::new(String::new());
    let compare_to = RwSignal::new(String::new());
    // Each check-in, newest first: its id, its date and the line after it.
    let listed = Memo::new(move |_| {
        state.edits.history.with(|history| {
            newest_first(history.plan())
                .into_iter()
                .map(|checkin| (checkin.id, checkin.date, listing_text(checkin)))
                .collect::<Vec<_>>()
        })
    });
    let none = Memo::new(move |_| listed.with(Vec::is_empty));
    // The choices of both compare menus.
    let choices =
        Memo::new(move |_| {
            let mut choices = vec![(String::new(), "Pick a check-in".to_string())];
            listed.with(|listed| {
                choices.extend(listed.iter().map(|(id, date, _)| {
                    (id.to_string(), format!("{} ({id})", medium_date(*date)))
                }))
            });
            choices
        });
    let compare_menu = move |key: &'static str, label: &'static str, picked: RwSignal<String>| {
        view! {
            <label class="filter">
                <span class="filter__label">{label}</span>
                <select
                    id=format!("compare-{key}")
                    aria-label=format!("Compare {key}")
                    prop:value=move || picked.get()
                    on:change=move |event| {
                        picked.set(event_target_value(&event));
                        browser::focus_after_render(format!("compare-{key}"));
                    }
                >
                    <For each=move || choices.get() key=|choice| choice.clone() let:choice>
                        <option value=choice.0.clone() selected=picked.get_untracked() == choice.0>
                            {choice.1}
                        </option>
                    </For>
                </select>
            </label>
        }
    };
    let list = move || {
        view! {
            <ul class="history">
                <For
                    each=move || listed.get()
                    key=|item| item.clone()
                    children=move |(id, date, line)| {
                        let is_open = move || open.get() == Some(id);
                        view! {
                            <li class="history__item">
                                <button
                                    type="button"
                                    class="button button--small"
                                    id=format!("checkin-{id}")
                                    aria-expanded=move || if is_open() { "true" } else { "false" }
                                    on:click=move |_| {
                                        open.update(|open| *open = (*open != Some(id)).then_some(id));
                                        browser::focus_after_render(format!("checkin-{id}"));
                                    }
                                >
                                    {move || if is_open() { "Close" } else { "Open" }}
                                </button>
                                <strong>{medium_date(date)}</strong>
                                {line}
                                {move || is_open().then(|| view! { <CheckInDetail id/> })}
                            </li>
                        }
                    }
                />
            </ul>
            <div class="history__compare" role="group" aria-label="Compare two check-ins">
                <h3>"Compare two check-ins"</h3>
                {compare_menu("from", "From", compare_from)}
                {compare_menu("to", "To", compare_to)}
                {move || {
                    let (from, to) = (compare_from.get(), compare_to.get());
                    state.edits.history.with(|history| moved_view(history.plan(), &from, &to))
                }}
            </div>
        }
    };
    view! {
        <section class="panel" aria-labelledby="history-title">
            <h2 id="history-title">"Check-in history"</h2>
            {move || match none.get() {
                true => view! { <p class="empty">"No check-ins yet."</p> }.into_any(),
                false => list().into_any(),
            }}
        </section>
    }
}

/// The plan's check-ins, newest first.
fn newest_first(plan: &Plan) -> Vec<&CheckIn> {
    let mut checkins: Vec<&CheckIn> = plan.checkins.iter().collect();
    checkins.sort_unstable_by_key(|checkin| std::cmp::Reverse((checkin.date, checkin.id)));
    checkins
}

/// " · Quiet week · 3 initiatives · 1 decision": what follows a check-in's
/// date in the history.
fn listing_text(checkin: &CheckIn) -> String {
    let summary = if checkin.summary.is_empty() {
        "no summary"
    } else {
        &checkin.summary
    };
    format!(
        " · {summary} · {} · {}",
        count_of(checkin.entries.len(), "initiative", "initiatives"),
        count_of(checkin.decisions.len(), "decision", "decisions")
    )
}

/// What moved between the two check-ins picked (ids as text); nothing
/// until both are picked.
fn moved_view(plan: &Plan, from: &str, to: &str) -> Option<AnyView> {
    let find = |text: &str| {
        let id = text.parse::<CheckInId>().ok()?;
        plan.checkins.iter().find(|c| c.id == id)
    };
    let (from, to) = (find(from)?, find(to)?);
    let moved = checkin::moved_between(plan, from, to);
    if moved.is_empty() {
        return Some(view! { <p class="empty">"Nothing moved between them."</p> }.into_any());
    }
    let rows = moved
        .into_iter()
        .map(|(activity, moves)| {
            view! {
                <li>
                    <strong>{plan.activity_title(activity)}</strong>
                    <ul>{moves.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                </li>
            }
        })
        .collect_view();
    Some(view! { <ul class="history__moves">{rows}</ul> }.into_any())
}

/// An opened check-in: each activity's answers and the decisions, each
/// with a button to mark it decided or reopen it.
#[component]
fn CheckInDetail(id: CheckInId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let decide = move |index: usize, decided: bool| {
        let on = decided.then_some(state.today);
        let _ = state.edits.execute(Command::DecideDecision {
            checkin: id,
            index,
            on,
        });
        // The decisions are drawn again: the button keeps the focus.
        browser::focus_after_render(format!("decision-{id}-{index}"));
    };
    move || {
        state.edits.history.with(|history| {
            let plan = history.plan();
            let checkin = plan.checkins.iter().find(|checkin| checkin.id == id)?;
            let entries = checkin
                .entries
                .iter()
                .map(|entry| {
                    let answers = [
                        ("history__moved", "Moved", &entry.moved),
                        ("history__blocked", "Blocked", &entry.blocked),
                    ]
                    .into_iter()
                    .filter(|(_, _, text)| !text.is_empty())
                    .map(|(class, label, text)| view! { <p class=class>{format!("{label}: {text}")}</p> })
                    .collect_view();
                    view! {
                        <li>
                            <strong>{plan.activity_title(entry.activity)}</strong>
                            {entry.covers_midpoint.then_some(" · midpoint check-in")}
                            {answers}
                        </li>
                    }
                })
                .collect_view();
            let decisions = (!checkin.decisions.is_empty()).then(|| {
                let rows = checkin
                    .decisions
                    .iter()
                    .enumerate()
                    .map(|(index, decision)| {
                        let owner = decision.owner.map_or_else(
                            || "nobody yet".to_string(),
                            |owner| plan.person_name(owner),
                        );
                        let when = match (decision.decided_on, decision.due) {
                            (Some(date), _) => format!("decided {}", medium_date(date)),
                            (None, Some(due)) => format!("due {}", medium_date(due)),
                            (None, None) => "open".to_string(),
                        };
                        let decided = decision.decided_on.is_some();
                        view! {
                            <li>
                                {format!("{} · {owner} · {when} ", decision.text)}
                                <button
                                    type="button"
                                    class="button button--small"
                                    id=format!("decision-{id}-{index}")
                                    on:click=move |_| decide(index, !decided)
                                >
                                    {if decided { "Reopen" } else { "Mark decided" }}
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <h4>"Decisions"</h4>
                    <ul>{rows}</ul>
                }
            });
            Some(view! {
                <div class="history__detail">
                    <ul>{entries}</ul>
                    {decisions}
                </div>
            })
        })
    }
}
