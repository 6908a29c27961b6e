//! The governance rhythm on the Plan view: the plan's recurring meetings
//! (weekly ops sync, monthly service review, quarterly strategy review and
//! custom ones), each with its day, its owner and the next two dates it
//! meets on, edited in place (one `UpdateCadence` command a change), added
//! and removed. This week and the calendar export list the same meetings.
//!
//! A row is a `view!` keyed by the meeting and its shape (its kind and
//! whether it meets weekly, which decide its controls): it is drawn again
//! only when that shape changes; an edit or an undo updates the controls
//! and texts it changed in place, so focus stays.

use chrono::Datelike;
use leptos::prelude::*;

use super::forms::ItemButton;
use super::state::AppState;
use crate::browser;
use crate::command::Command;
use crate::model::{
    medium_date, weekday_label, weekday_name, Cadence, CadenceId, CadenceKind, Frequency, Plan,
    MAX_NTH, WEEKDAYS,
};

/// How many coming dates each meeting shows.
const NEXT_DATES: usize = 2;

/// A setting of a cadence, as its row shows and reads it; its control's id
/// ends in `-f<number>`, and `cadences-label-<number>` starts its name.
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

/// The add buttons: each standard meeting the plan lacks, then a custom one.
fn kinds_to_add(plan: &Plan) -> Vec<CadenceKind> {
    CadenceKind::ALL
        .into_iter()
        .filter(|kind| {
            *kind == CadenceKind::Custom
                || !plan.cadences.iter().any(|cadence| cadence.kind == *kind)
        })
        .collect()
}

#[component]
pub fn CadencesPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    // A row's shape: its meeting, its kind and whether it meets weekly.
    let rows = Memo::new(move |_| {
        state.edits.history.with(|history| {
            history
                .plan()
                .cadences
                .iter()
                .map(|cadence| {
                    (
                        cadence.id,
                        cadence.kind,
                        cadence.frequency == Frequency::Weekly,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let to_add = Memo::new(move |_| {
        state
            .edits
            .history
            .with(|history| kinds_to_add(history.plan()))
    });
    let error = RwSignal::new(String::new());
    let add = move |kind: CadenceKind| {
        let weekday = state
            .edits
            .history
            .with_untracked(|history| history.plan().review_weekday);
        // Monthly and quarterly meetings start on the first weekday of the
        // month; a custom one starts weekly.
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
            // The new meeting's first control to set: its name, or its day.
            let first = if kind == CadenceKind::Custom { 0 } else { 2 };
            browser::focus_after_render(format!("{added}-f{first}"));
        }
        error.set(result.err().unwrap_or_default());
    };
    view! {
        <section class="panel cadences" aria-labelledby="cadences-title">
            <h2 id="cadences-title" tabindex="-1">"Governance rhythm"</h2>
            <p class="view__hint">
                "The plan's recurring meetings and who runs each. They show in This week and in the calendar export (Files). A change applies at once and can be undone."
            </p>
            <span id="cadences-label-0" hidden>"Name of"</span>
            <span id="cadences-label-1" hidden>"Frequency of"</span>
            <span id="cadences-label-2" hidden>"Day of"</span>
            <span id="cadences-label-3" hidden>"Which weekday of the month for"</span>
            <span id="cadences-label-4" hidden>"Owner of"</span>
            <div class="cadences__scroll">
                <table class="cadences__table">
                    <thead>
                        <tr>
                            <th scope="col">"Meeting"</th>
                            <th scope="col">"Frequency"</th>
                            <th scope="col">"Day"</th>
                            <th scope="col">"Which"</th>
                            <th scope="col">"Owner"</th>
                            <th scope="col">"Next dates"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || rows.with(Vec::is_empty).then(|| view! {
                            <tr>
                                <td colspan="7" class="empty">
                                    "No recurring meetings yet: add the weekly ops sync first."
                                </td>
                            </tr>
                        })}
                        <For
                            each=move || rows.get()
                            key=|row| *row
                            children=move |(id, kind, weekly)| view! { <CadenceRow id kind weekly error/> }
                        />
                    </tbody>
                </table>
            </div>
            <p class="inplace__error" role="alert" id="cadences-error">{move || error.get()}</p>
            <div class="cadences__add">
                <For each=move || to_add.get() key=|kind| *kind let:kind>
                    <button type="button" class="button button--small" on:click=move |_| add(kind)>
                        {format!("Add {}", kind.label().to_ascii_lowercase())}
                    </button>
                </For>
            </div>
        </section>
    }
}

/// A meeting's row: its name (a custom one's editable), its settings, its
/// next dates and its Remove button.
#[component]
fn CadenceRow(
    id: CadenceId,
    kind: CadenceKind,
    /// Whether it meets weekly (then it has no nth weekday to choose).
    weekly: bool,
    /// Where a refused change is explained.
    error: RwSignal<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    // None for a moment while a removed row goes.
    let cadence = Memo::new(move |_| {
        state
            .edits
            .history
            .with(|history| history.plan().cadence(id).cloned())
    });
    let text = move |shown: fn(&Cadence) -> String| {
        move || cadence.with(|cadence| cadence.as_ref().map(shown).unwrap_or_default())
    };
    let change = move |field: CadenceField| {
        move |event: leptos::ev::Event| {
            let Some(mut changed) = cadence.get_untracked() else {
                return;
            };
            set_field(&mut changed, field, &event_target_value(&event));
            error.set(
                state
                    .edits
                    .execute(Command::UpdateCadence(changed))
                    .err()
                    .unwrap_or_default(),
            );
            // A new frequency draws the row again: keep the focus on it.
            if field == CadenceField::Frequency {
                browser::focus_after_render(format!("{id}-f1"));
            }
        }
    };
    let remove = move |()| {
        let result = state.edits.execute(Command::RemoveCadence(id));
        if result.is_ok() {
            browser::focus_after_render("cadences-title".to_string());
        }
        error.set(result.err().unwrap_or_default());
    };
    // A control is named after its column and the meeting, "Day of Monthly
    // service review", following a custom meeting's name.
    let labelled_by = move |index: usize| format!("cadences-label-{index} {id}-name");
    let custom = kind == CadenceKind::Custom;
    let settings = FIELDS
        .into_iter()
        .enumerate()
        .skip(1)
        .map(|(index, field)| {
            let chooses = match field {
                CadenceField::Frequency => custom,
                CadenceField::Nth => !weekly,
                _ => true,
            };
            if !chooses {
                let fixed = match field {
                    CadenceField::Nth => "every week",
                    _ => cadence
                        .with_untracked(|cadence| cadence.as_ref().map(|c| c.frequency.label()))
                        .unwrap_or_default(),
                };
                return view! { <td class="cadences__fixed">{fixed}</td> }.into_any();
            }
            let choices = Memo::new(move |_| {
                state.edits.history.with(|history| {
                    let plan = history.plan();
                    plan.cadence(id)
                        .and_then(|cadence| options(plan, cadence, field))
                        .unwrap_or_default()
                })
            });
            let value = Memo::new(move |_| {
                cadence.with(|cadence| {
                    cadence
                        .as_ref()
                        .map(|cadence| field_text(cadence, field))
                        .unwrap_or_default()
                })
            });
            view! {
                <td>
                    <select
                        id=format!("{id}-f{index}")
                        aria-labelledby=labelled_by(index)
                        prop:value=move || value.get()
                        on:change=change(field)
                    >
                        <For each=move || choices.get() key=|choice| choice.clone() let:choice>
                            <option value=choice.0.clone() selected=value.get_untracked() == choice.0>
                                {choice.1}
                            </option>
                        </For>
                    </select>
                    {(field == CadenceField::Owner).then(|| view! {
                        <span class="cadences__gap" id=format!("{id}-gap")>
                            {move || cadence.with(|cadence| cadence.as_ref().map(gap_text).unwrap_or_default())}
                        </span>
                    })}
                </td>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <tr>
            <th scope="row">
                {custom.then(|| view! {
                    <input
                        type="text"
                        id=format!("{id}-f0")
                        aria-labelledby=labelled_by(0)
                        prop:value=text(|cadence| cadence.title.clone())
                        on:change=change(CadenceField::Title)
                    />
                })}
                <span class="cadences__name" id=format!("{id}-name") hidden=custom>
                    {text(Cadence::name)}
                </span>
                <span class="cadences__rule" id=format!("{id}-rule")>{text(Cadence::rule_text)}</span>
            </th>
            {settings}
            <td class="cadences__next" id=format!("{id}-next")>
                {move || cadence.with(|cadence| cadence.as_ref().map(|cadence| next_text(cadence, today)).unwrap_or_default())}
            </td>
            <td class="table__actions">
                <ItemButton id=format!("{id}-remove") item=format!("{id}-name") text="Remove" danger=true
                    title="Take this meeting off the plan (Undo brings it back)"
                    on_click=Callback::new(remove)/>
            </td>
        </tr>
    }
}
