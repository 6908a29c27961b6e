//! The RACI matrix: open activities × people. The owner is the one
//! Accountable (changed in the activity's form); every other cell is a
//! button that cycles none → R → C → I → none by click, Enter or Space, one
//! undoable command each. The checks of `engine::raci` are listed above it.

use leptos::prelude::*;

use super::state::AppState;
use crate::command::Command;
use crate::engine::raci;
use crate::model::{ActivityId, PersonId, RaciRole, Status};

/// Activities shown at most (open ones, in plan order); the rest are
/// counted. People are those with a letter on a shown activity plus the
/// people of the plan up to this many.
const MAX_ACTIVITIES: usize = 40;
const MAX_PEOPLE: usize = 30;

fn cell_id(activity: ActivityId, person: PersonId) -> String {
    format!("raci-{activity}-{person}")
}

fn next(role: Option<RaciRole>) -> Option<RaciRole> {
    match role {
        None => Some(RaciRole::Responsible),
        Some(RaciRole::Responsible) => Some(RaciRole::Consulted),
        Some(RaciRole::Consulted) => Some(RaciRole::Informed),
        Some(RaciRole::Informed) => None,
    }
}

#[component]
pub fn RaciPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let set = move |activity: ActivityId, person: PersonId, role: Option<RaciRole>| {
        match state.execute(Command::SetRaci {
            activity,
            person,
            role,
        }) {
            // The matrix is drawn again: keep the focus on the same cell.
            Ok(summary) => {
                state.announce(summary);
                crate::browser::focus_after_render(cell_id(activity, person));
            }
            Err(message) => state.announce(message),
        }
    };
    view! {
        <section class="panel raci" aria-labelledby="raci-title">
            <h2 id="raci-title">"Who does what (RACI)"</h2>
            <p class="view__hint">"A: the owner, accountable (set in the activity's form). Click a cell, or press Enter or Space on it, to make the person Responsible, then Consulted, then Informed, then nothing. Each change can be undone."</p>
            {move || state.history.with(|history| {
                let plan = history.plan();
                let findings = raci::check(plan);
                let open: Vec<_> = plan.activities.iter().filter(|a| a.status != Status::Done).collect();
                let hidden = open.len().saturating_sub(MAX_ACTIVITIES);
                let shown: Vec<_> = open.into_iter().take(MAX_ACTIVITIES).collect();
                let people: Vec<_> = plan.people.iter().take(MAX_PEOPLE).map(|p| (p.id, p.name.clone())).collect();
                view! {
                    {if findings.is_empty() {
                        view! { <p class="raci__ok">"Every open activity has an owner and someone responsible, and nobody is accountable or responsible for too much at once."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="raci__findings" aria-label="RACI checks">
                                {findings.into_iter().map(|finding| view! { <li>{finding.message}</li> }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <div class="raci__scroll">
                        <table class="raci__matrix">
                            <thead><tr>
                                <th scope="col">"Activity"</th>
                                {people.iter().map(|(_, name)| view! { <th scope="col" class="raci__person">{name.clone()}</th> }).collect_view()}
                            </tr></thead>
                            <tbody>
                                {shown.into_iter().map(|activity| {
                                    let id = activity.id;
                                    let title = activity.title.clone();
                                    view! {
                                        <tr>
                                            <th scope="row">{title.clone()}</th>
                                            {people.iter().map(|(person, name)| {
                                                let person = *person;
                                                let cell = raci::cell(activity, person);
                                                let letters = cell.letters();
                                                let words = cell.words();
                                                // The visible letters are part of the name (WCAG 2.5.3).
                                                let label = if letters.is_empty() {
                                                    format!("{name} on {title}: no role")
                                                } else {
                                                    format!("{name} on {title}: {letters} ({words})")
                                                };
                                                let role = cell.role;
                                                view! {
                                                    <td>
                                                        <button type="button" class="raci__cell" aria-label=label id=cell_id(id, person)
                                                            class:raci__cell--a=cell.accountable
                                                            on:click=move |_| set(id, person, next(role))>
                                                            {letters}
                                                        </button>
                                                    </td>
                                                }
                                            }).collect_view()}
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {(hidden > 0 || plan.people.len() > MAX_PEOPLE).then(|| view! {
                        <p class="view__hint">{format!(
                            "The matrix shows the first {} open activities and {} people; {} activities and {} people are not shown.",
                            MAX_ACTIVITIES.min(plan.activities.len()),
                            MAX_PEOPLE.min(plan.people.len()),
                            hidden,
                            plan.people.len().saturating_sub(MAX_PEOPLE)
                        )}</p>
                    })}
                }
            })}
        </section>
    }
}
