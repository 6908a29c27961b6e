//! The RACI matrix: open initiatives × people. The owner is the one
//! Accountable (changed in the activity's form); every other cell is a
//! button that cycles none → R → C → I → none by click, Enter or Space, one
//! undoable command each. The checks of `engine::raci` are listed above it.
//! Written as markup with one click handler (see `markup`).

use leptos::prelude::*;

use super::markup::{escape_into, Action, Html};
use super::state::AppState;
use crate::command::Command;
use crate::engine::raci;
use crate::model::{ActivityId, PersonId, Plan, RaciRole, Status};

/// Open initiatives shown at most (in plan order) and people shown at most
/// (the plan's first); the rest are counted.
const MAX_ACTIVITIES: usize = 40;
const MAX_PEOPLE: usize = 30;
/// The checks listed; the rest are counted.
const FINDINGS_SHOWN: usize = 10;

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
    // One handler for every cell: the matrix is markup, drawn again after
    // each change, and the focus goes back to the same cell.
    let on_click = move |event: web_sys::MouseEvent| {
        let Some(Action::SetRaci {
            activity,
            person,
            role,
        }) = Action::from_event(&event)
        else {
            return;
        };
        match state.edits.execute(Command::SetRaci {
            activity,
            person,
            role,
        }) {
            Ok(summary) => {
                state.edits.announce(summary);
                crate::browser::focus_after_render(cell_id(activity, person));
            }
            Err(message) => state.edits.announce(message),
        }
    };
    let markup = move || {
        state
            .edits
            .history
            .with(|history| matrix_html(history.plan()))
    };
    view! {
        <section class="panel raci" aria-labelledby="raci-title">
            <h2 id="raci-title">"Who does what (RACI)"</h2>
            <p class="view__hint">"A: the owner, accountable (set in the activity's form). Click a cell, or press Enter or Space on it, to make the person Responsible, then Consulted, then Informed, then nothing. Each change can be undone."</p>
            <div on:click=on_click inner_html=markup></div>
        </section>
    }
}

/// The checks, the matrix of the first open activities and people, and
/// what it leaves out.
fn matrix_html(plan: &Plan) -> String {
    let mut out = String::new();
    let findings = raci::check(plan);
    if findings.is_empty() {
        out.push_str(r#"<p class="raci__ok">Every open initiative has an owner and someone responsible, and nobody is accountable or responsible for too much at once.</p>"#);
    } else {
        out.push_str(r#"<ul class="raci__findings" aria-label="RACI checks">"#);
        for finding in findings.iter().take(FINDINGS_SHOWN) {
            out.push_str("<li>");
            escape_into(&mut out, &finding.message);
            out.push_str("</li>");
        }
        if findings.len() > FINDINGS_SHOWN {
            out.push_str("<li>");
            escape_into(
                &mut out,
                &format!(
                    "and {} more like these",
                    crate::model::count_figure(findings.len() - FINDINGS_SHOWN)
                ),
            );
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    let open: Vec<_> = plan
        .initiatives()
        .filter(|a| a.status != Status::Done)
        .collect();
    let open_count = open.len();
    let hidden = open_count.saturating_sub(MAX_ACTIVITIES);
    let people: Vec<_> = plan.people.iter().take(MAX_PEOPLE).collect();
    out.push_str(r#"<div class="raci__scroll"><table class="raci__matrix"><thead><tr><th scope="col">Initiative</th>"#);
    for person in &people {
        out.push_str(r#"<th scope="col" class="raci__person">"#);
        escape_into(&mut out, &person.name);
        out.push_str("</th>");
    }
    out.push_str("</tr></thead><tbody>");
    for activity in open.into_iter().take(MAX_ACTIVITIES) {
        let title = &activity.title;
        out.push_str(r#"<tr><th scope="row">"#);
        escape_into(&mut out, title);
        out.push_str("</th>");
        for person in &people {
            let cell = raci::cell(activity, person.id);
            let letters = cell.letters();
            let name = &person.name;
            // The visible letters are part of the name (WCAG 2.5.3).
            let label = if letters.is_empty() {
                format!("{name} on {title}: no role")
            } else {
                format!("{name} on {title}: {letters} ({})", cell.words())
            };
            Html::on(&mut out)
                .open("td")
                .open("button")
                .attr("type", "button")
                .class(if cell.accountable {
                    "raci__cell raci__cell--a"
                } else {
                    "raci__cell"
                })
                .attr("id", &cell_id(activity.id, person.id))
                .action(&Action::SetRaci {
                    activity: activity.id,
                    person: person.id,
                    role: next(cell.role),
                })
                .attr("aria-label", &label)
                .text(&letters)
                .close("button")
                .close("td");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    if hidden > 0 || plan.people.len() > MAX_PEOPLE {
        out.push_str(&format!(
            r#"<p class="view__hint">The matrix shows the first {} open initiatives and {} people; {} initiatives and {} people are not shown.</p>"#,
            MAX_ACTIVITIES.min(open_count),
            MAX_PEOPLE.min(plan.people.len()),
            hidden,
            plan.people.len().saturating_sub(MAX_PEOPLE)
        ));
    }
    out
}
