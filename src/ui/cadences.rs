//! The governance rhythm on the Plan view: the plan's recurring meetings
//! (weekly ops sync, monthly service review, quarterly strategy review and
//! custom ones), each with its day, its owner and the next two dates it
//! meets on, edited in place (one `UpdateCadence` command a change), added
//! and removed. This week and the calendar export list the same meetings.
//!
//! The rows are written as markup (see `markup`), with one handler for the
//! changes and one for the clicks of the whole table. They are drawn again
//! only when the table's shape changes (a meeting added or removed, a
//! custom one's frequency, the people); an edit or an undo patches the
//! controls and texts it changed in place.

use chrono::Datelike;
use leptos::prelude::*;

use super::markup::{apply_patches, attr_into, closest, escape_into, options_into, Patch};
use super::state::AppState;
use crate::browser;
use crate::command::Command;
use crate::model::{
    medium_date, weekday_label, weekday_name, Cadence, CadenceId, CadenceKind, Frequency, Plan,
    MAX_NTH, WEEKDAYS,
};

/// How many coming dates each meeting shows.
const NEXT_DATES: usize = 2;

/// A setting of a cadence, as its row shows and reads it; `data-field` is
/// its number, and `cadences-label-<number>` the start of its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CadenceField {
    Title,
    Frequency,
    Weekday,
    Nth,
    Owner,
}

const FIELDS: [CadenceField; 5] = [
    CadenceField::Title,
    CadenceField::Frequency,
    CadenceField::Weekday,
    CadenceField::Nth,
    CadenceField::Owner,
];

/// The text a control shows for `cadence`.
fn field_text(cadence: &Cadence, field: CadenceField) -> String {
    match field {
        CadenceField::Title => cadence.title.clone(),
        CadenceField::Frequency => cadence.frequency.label().to_string(),
        CadenceField::Weekday => weekday_label(cadence.weekday).to_string(),
        CadenceField::Nth => cadence.nth.unwrap_or(1).to_string(),
        CadenceField::Owner => cadence
            .owner
            .map(|owner| owner.to_string())
            .unwrap_or_default(),
    }
}

/// Reads what was typed or picked into a control of `cadence`. A custom
/// meeting that turns weekly loses its nth weekday; one that turns monthly
/// or quarterly meets on the first.
fn set_field(cadence: &mut Cadence, field: CadenceField, text: &str) {
    match field {
        CadenceField::Title => cadence.title = text.trim().to_string(),
        CadenceField::Frequency => {
            if let Some(frequency) = Frequency::ALL
                .into_iter()
                .find(|frequency| frequency.label() == text)
            {
                cadence.frequency = frequency;
                cadence.nth = (frequency != Frequency::Weekly).then(|| cadence.nth.unwrap_or(1));
            }
        }
        CadenceField::Weekday => {
            if let Some(day) = WEEKDAYS.into_iter().find(|day| weekday_label(*day) == text) {
                cadence.weekday = day;
            }
        }
        CadenceField::Nth => cadence.nth = text.parse().ok().or(cadence.nth),
        CadenceField::Owner => cadence.owner = text.parse().ok(),
    }
}

/// The options of a select, or none where the meeting has nothing to
/// choose (a standard meeting's frequency, a weekly one's nth weekday).
fn options(plan: &Plan, cadence: &Cadence, field: CadenceField) -> Option<Vec<(String, String)>> {
    let pairs = |values: Vec<(String, &str)>| {
        Some(
            values
                .into_iter()
                .map(|(value, text)| (value, text.to_string()))
                .collect(),
        )
    };
    match field {
        CadenceField::Title => None,
        CadenceField::Frequency if cadence.kind != CadenceKind::Custom => None,
        CadenceField::Frequency => pairs(
            Frequency::ALL
                .iter()
                .map(|frequency| (frequency.label().to_string(), frequency.label()))
                .collect(),
        ),
        CadenceField::Weekday => pairs(
            WEEKDAYS
                .iter()
                .map(|day| (weekday_label(*day).to_string(), weekday_name(*day)))
                .collect(),
        ),
        CadenceField::Nth if cadence.frequency == Frequency::Weekly => None,
        CadenceField::Nth => pairs(
            (1..=MAX_NTH)
                .map(|nth| {
                    (
                        nth.to_string(),
                        ["1st", "2nd", "3rd", "4th"][usize::from(nth - 1) % 4],
                    )
                })
                .collect(),
        ),
        CadenceField::Owner => Some(
            std::iter::once((String::new(), "No owner".to_string()))
                .chain(
                    plan.people
                        .iter()
                        .map(|person| (person.id.to_string(), person.name.clone())),
                )
                .collect(),
        ),
    }
}

/// What the rows are built from besides the values patched in place: when
/// it changes, they are drawn again.
fn table_shape(plan: &Plan) -> (Vec<(CadenceId, CadenceKind, bool)>, Vec<String>) {
    (
        plan.cadences
            .iter()
            .map(|cadence| {
                (
                    cadence.id,
                    cadence.kind,
                    cadence.frequency == Frequency::Weekly,
                )
            })
            .collect(),
        plan.people
            .iter()
            .map(|person| person.name.clone())
            .collect(),
    )
}

#[component]
pub fn CadencesPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let shape = Memo::new(move |_| {
        state
            .edits
            .history
            .with(|history| table_shape(history.plan()))
    });
    let panel = move || {
        // Reading (not only tracking) the memo keeps it computed and current.
        shape.with(|_| ());
        state
            .edits
            .history
            .with_untracked(|history| panel_markup(history.plan(), today))
    };
    Effect::new(move |_| {
        state
            .edits
            .history
            .with(|history| apply_patches(patches(history.plan(), today)))
    });
    let show_error = |message: String| {
        apply_patches(vec![("cadences-error".to_string(), Patch::Text(message))]);
    };
    let on_change = move |event: leptos::ev::Event| {
        let Some(control) = closest(event.target(), "[data-field]") else {
            return;
        };
        let field = control
            .get_attribute("data-field")
            .and_then(|index| index.parse::<usize>().ok())
            .and_then(|index| FIELDS.get(index).copied());
        let id = closest(event.target(), "[data-cadence]")
            .and_then(|row| row.get_attribute("data-cadence"))
            .and_then(|id| id.parse::<CadenceId>().ok());
        let (Some(field), Some(id)) = (field, id) else {
            return;
        };
        let Some(mut cadence) = state
            .edits
            .history
            .with_untracked(|history| history.plan().cadence(id).cloned())
        else {
            return;
        };
        set_field(&mut cadence, field, &event_target_value(&event));
        show_error(
            state
                .edits
                .execute(Command::UpdateCadence(cadence))
                .err()
                .unwrap_or_default(),
        );
        // A new frequency draws the row again: keep the focus on it.
        if field == CadenceField::Frequency {
            browser::focus_after_render(control.id());
        }
    };
    let on_click = move |event: leptos::ev::MouseEvent| {
        let Some(button) = closest(event.target(), "[data-action]") else {
            return;
        };
        let result = match button.get_attribute("data-action").as_deref() {
            Some("remove") => {
                let Some(id) = closest(event.target(), "[data-cadence]")
                    .and_then(|row| row.get_attribute("data-cadence"))
                    .and_then(|id| id.parse::<CadenceId>().ok())
                else {
                    return;
                };
                let result = state.edits.execute(Command::RemoveCadence(id));
                if result.is_ok() {
                    browser::focus_after_render("cadences-title".to_string());
                }
                result
            }
            Some("add") => {
                let Some(kind) = button
                    .get_attribute("data-kind")
                    .and_then(|index| index.parse::<usize>().ok())
                    .and_then(|index| CadenceKind::ALL.get(index).copied())
                else {
                    return;
                };
                let weekday = state
                    .edits
                    .history
                    .with_untracked(|history| history.plan().review_weekday);
                // Monthly and quarterly meetings start on the first weekday
                // of the month; a custom one starts weekly.
                let nth = match kind.frequency() {
                    Some(Frequency::Monthly | Frequency::Quarterly) => Some(1),
                    _ => None,
                };
                let mut cadence = Cadence::standard(CadenceId(0), kind, weekday, nth, None);
                if kind == CadenceKind::Custom {
                    cadence.title = "New meeting".to_string();
                }
                let result = state.edits.execute(Command::AddCadence(cadence));
                let added = state.edits.history.with_untracked(|history| {
                    history
                        .plan()
                        .cadences
                        .iter()
                        .map(|cadence| cadence.id)
                        .max()
                });
                if let (Ok(_), Some(added)) = (&result, added) {
                    // The new meeting's first control to set: its name, or
                    // its day.
                    let first = if kind == CadenceKind::Custom { 0 } else { 2 };
                    browser::focus_after_render(format!("{added}-f{first}"));
                }
                result
            }
            _ => return,
        };
        show_error(result.err().unwrap_or_default());
    };
    view! {
        <section class="panel cadences" aria-labelledby="cadences-title"
            on:change=on_change on:click=on_click inner_html=panel></section>
    }
}

/// The panel up to the rows: its heading, what it is for, the words that
/// name the controls and the table's head.
const HEAD: &str = "<h2 id=\"cadences-title\" tabindex=\"-1\">Governance rhythm</h2>\
<p class=\"view__hint\">The plan's recurring meetings and who runs each. They show in This week and in the \
calendar export (Files). A change applies at once and can be undone.</p>\
<span id=\"cadences-label-0\" hidden>Name of</span><span id=\"cadences-label-1\" hidden>Frequency of</span>\
<span id=\"cadences-label-2\" hidden>Day of</span><span id=\"cadences-label-3\" hidden>Which weekday of the month for</span>\
<span id=\"cadences-label-4\" hidden>Owner of</span>\
<div class=\"cadences__scroll\"><table class=\"cadences__table\"><thead><tr><th scope=\"col\">Meeting</th>\
<th scope=\"col\">Frequency</th><th scope=\"col\">Day</th>\
<th scope=\"col\">Which</th><th scope=\"col\">Owner</th>\
<th scope=\"col\">Next dates</th><th scope=\"col\"><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>";

/// The whole panel: the table, the place of a refusal and a button for
/// each standard meeting the plan lacks, then one for a custom meeting.
fn panel_markup(plan: &Plan, today: chrono::NaiveDate) -> String {
    let mut out = HEAD.to_string();
    rows_into(&mut out, plan, today);
    out.push_str("</tbody></table></div><p class=\"inplace__error\" role=\"alert\" id=\"cadences-error\"></p><div class=\"cadences__add\">");
    for (index, kind) in CadenceKind::ALL.into_iter().enumerate() {
        let missing = !plan.cadences.iter().any(|cadence| cadence.kind == kind);
        if kind == CadenceKind::Custom || missing {
            out.push_str(&format!(
                "<button type=\"button\" class=\"button button--small\" data-action=\"add\" data-kind=\"{index}\">Add {}</button>",
                kind.label().to_ascii_lowercase()
            ));
        }
    }
    out.push_str("</div>");
    out
}

/// "Tue 1 Dec 2026\nTue 5 Jan 2027": the next dates from `today`.
fn next_text(cadence: &Cadence, today: chrono::NaiveDate) -> String {
    cadence
        .next_dates(today, NEXT_DATES)
        .into_iter()
        .map(|date| format!("{} {}", weekday_label(date.weekday()), medium_date(date)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn gap_text(cadence: &Cadence) -> &'static str {
    match cadence.owner {
        None => "Nobody runs this meeting",
        Some(_) => "",
    }
}

/// What an edit may change in the rows.
fn patches(plan: &Plan, today: chrono::NaiveDate) -> Vec<(String, Patch)> {
    let mut patches = Vec::new();
    for cadence in &plan.cadences {
        let key = cadence.id;
        patches.push((format!("{key}-name"), Patch::Text(cadence.name())));
        patches.push((format!("{key}-rule"), Patch::Text(cadence.rule_text())));
        patches.push((
            format!("{key}-next"),
            Patch::Text(next_text(cadence, today)),
        ));
        patches.push((
            format!("{key}-gap"),
            Patch::Text(gap_text(cadence).to_string()),
        ));
        for (index, field) in FIELDS.iter().enumerate() {
            patches.push((
                format!("{key}-f{index}"),
                Patch::Value(field_text(cadence, *field)),
            ));
        }
    }
    patches
}

/// The table's rows, or the empty state.
fn rows_into(out: &mut String, plan: &Plan, today: chrono::NaiveDate) {
    if plan.cadences.is_empty() {
        out.push_str("<tr><td colspan=\"7\" class=\"empty\">No recurring meetings yet: add the weekly ops sync first.</td></tr>");
    }
    for cadence in &plan.cadences {
        let key = cadence.id;
        // A control is named after its column and the meeting, "Day of
        // Monthly service review", following a custom meeting's name.
        let named = |index: usize| {
            format!(" id=\"{key}-f{index}\" data-field=\"{index}\" aria-labelledby=\"cadences-label-{index} {key}-name\"")
        };
        out.push_str(&format!("<tr data-cadence=\"{key}\"><th scope=\"row\">"));
        let custom = cadence.kind == CadenceKind::Custom;
        if custom {
            out.push_str(&format!("<input type=\"text\"{}", named(0)));
            attr_into(out, "value", &cadence.title);
            out.push('>');
        }
        out.push_str(&format!(
            "<span class=\"cadences__name\" id=\"{key}-name\"{}>",
            if custom { " hidden" } else { "" }
        ));
        escape_into(out, &cadence.name());
        out.push_str(&format!(
            "</span><span class=\"cadences__rule\" id=\"{key}-rule\">"
        ));
        escape_into(out, &cadence.rule_text());
        out.push_str("</span></th>");
        for (index, field) in FIELDS.iter().enumerate().skip(1) {
            match options(plan, cadence, *field) {
                Some(options) => {
                    out.push_str(&format!("<td><select{}>", named(index)));
                    options_into(out, &options, &field_text(cadence, *field));
                    out.push_str("</select>");
                    if *field == CadenceField::Owner {
                        out.push_str(&format!(
                            "<span class=\"cadences__gap\" id=\"{key}-gap\">{}</span>",
                            gap_text(cadence)
                        ));
                    }
                    out.push_str("</td>");
                }
                None => out.push_str(&format!(
                    "<td class=\"cadences__fixed\">{}</td>",
                    match field {
                        CadenceField::Nth => "every week",
                        _ => cadence.frequency.label(),
                    }
                )),
            }
        }
        out.push_str(&format!(
            "<td class=\"cadences__next\" id=\"{key}-next\">{}</td>\
             <td class=\"table__actions\"><button type=\"button\" class=\"button button--small button--danger\" id=\"{key}-remove\" data-action=\"remove\" aria-labelledby=\"{key}-remove {key}-name\" title=\"Take this meeting off the plan (Undo brings it back)\">Remove</button></td></tr>",
            next_text(cadence, today)
        ));
    }
}
