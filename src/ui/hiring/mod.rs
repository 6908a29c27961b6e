//! The hiring plan on the People view: the open roles with everything the
//! plan knows about them, edited in place (one `UpdateRole` command a
//! change), added with a small form, filled ("Fill role…" turns the role
//! into a person who takes its work over) and removed (its work stays as
//! placeholders). The engine counts their capacity; this only shows it.
//!
//! A card is a `view!` keyed by its role and whether the role is filled
//! (a filled role shows a line instead of fields): it is drawn again only
//! when that changes; an edit or an undo updates the fields and texts it
//! changed in place, so focus and an open select stay where they are.

mod cards;
mod dialogs;

use cards::{FilledRoleCard, RoleCard, RoleChoice, RoleInput, RoleSkills};
use dialogs::{NewRoleForm, RoleDialog};
use leptos::prelude::*;

use super::forms::{number_text, parse_date, parse_number, ItemButton};
use super::state::AppState;
use crate::browser;
use crate::command::Command;
use crate::engine::hiring::work_on_role;
use crate::model::level_name;
use crate::model::{
    medium_date, OpenRole, Plan, RoleId, RoleStatus, ScenarioId, SkillId, SkillLevel,
    MAX_SKILL_LEVEL,
};

/// The statuses a person picks; "Filled" comes from filling the role.
const OPEN_STATUSES: [RoleStatus; 4] = [
    RoleStatus::Planned,
    RoleStatus::Approved,
    RoleStatus::Interviewing,
    RoleStatus::Offer,
];

/// The choice of a role without a scenario: it adds capacity always.
const COUNTED: &str = "Counted in the plan";

/// The key of the new role's form, where a card has its role's id: the
/// element with that id names whose fields and skills they are.
const NEW_ROLE: &str = "new-role";

/// A field of an open role, as a card or the form shows and reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RoleField {
    Title,
    Team,
    Hours,
    Start,
    Status,
    Rate,
    Scenario,
}

/// The fields in order, with their labels; `<key>-f<index>` is a field's
/// id.
const FIELDS: [(RoleField, &str); 7] = [
    (RoleField::Title, "Title"),
    (RoleField::Team, "Team"),
    (RoleField::Hours, "Weekly hours"),
    (RoleField::Start, "Planned start"),
    (RoleField::Status, "Status"),
    (RoleField::Rate, "Cost rate per hour"),
    (RoleField::Scenario, "Scenario"),
];

/// The input type of a field; none for a select.
fn input_kind(field: RoleField) -> Option<&'static str> {
    match field {
        RoleField::Title | RoleField::Team => Some("text"),
        RoleField::Hours | RoleField::Rate => Some("number"),
        RoleField::Start => Some("date"),
        RoleField::Status | RoleField::Scenario => None,
    }
}

/// The text a field shows for `role`.
fn field_text(role: &OpenRole, field: RoleField) -> String {
    match field {
        RoleField::Title => role.title.clone(),
        RoleField::Team => role.team.clone(),
        RoleField::Hours => number_text(role.weekly_hours),
        RoleField::Start => role.start_date.to_string(),
        RoleField::Status => role.status.label().to_string(),
        RoleField::Rate => role.cost_rate.map(number_text).unwrap_or_default(),
        RoleField::Scenario => role
            .scenario
            .map(|scenario| scenario.to_string())
            .unwrap_or_default(),
    }
}

/// Reads what was typed or picked into a field of `role`; the message says
/// what to type instead.
fn set_field(role: &mut OpenRole, field: RoleField, text: &str) -> Result<(), String> {
    let text = text.trim();
    match field {
        RoleField::Title if text.is_empty() => {
            return Err("Title: name the role, for example Cloud Engineer".to_string())
        }
        RoleField::Title => role.title = text.to_string(),
        RoleField::Team => role.team = text.to_string(),
        RoleField::Hours if text.is_empty() => {
            return Err("Weekly hours: enter the hours a week".to_string())
        }
        RoleField::Hours => role.weekly_hours = parse_number("Weekly hours", text, 0.0)?,
        RoleField::Start => {
            role.start_date = parse_date("Planned start", text)?
                .ok_or_else(|| "Planned start: enter a date".to_string())?
        }
        RoleField::Status => {
            role.status = RoleStatus::ALL
                .into_iter()
                .find(|status| status.label() == text)
                .ok_or_else(|| format!("Status: '{text}' is not a status"))?
        }
        RoleField::Rate if text.is_empty() => role.cost_rate = None,
        RoleField::Rate => role.cost_rate = Some(parse_number("Cost rate per hour", text, 0.0)?),
        RoleField::Scenario => role.scenario = text.parse::<ScenarioId>().ok(),
    }
    Ok(())
}

/// The statuses a card or the form offers.
fn status_options() -> Vec<(String, String)> {
    OPEN_STATUSES
        .iter()
        .map(|status| (status.label().to_string(), status.label().to_string()))
        .collect()
}

/// The options of a select field.
fn field_options(plan: &Plan, field: RoleField) -> Vec<(String, String)> {
    match field {
        RoleField::Status => status_options(),
        _ => std::iter::once((String::new(), COUNTED.to_string()))
            .chain(
                plan.scenarios
                    .iter()
                    .map(|scenario| (scenario.id.to_string(), scenario.name.clone())),
            )
            .collect(),
    }
}

/// A question asked about one role, in a dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    Fill(RoleId),
    Remove(RoleId),
}

/// Opens the dialog that asks `which`, with focus on its first control.
fn ask(pending: RwSignal<Option<Pending>>, which: Pending) {
    pending.set(Some(which));
    let focus = match which {
        Pending::Fill(_) => "fill-role-name",
        Pending::Remove(_) => "role-dialog-title",
    };
    browser::focus_after_render(focus.to_string());
}

/// Closes the dialog and puts focus on the element `focus`.
fn close_dialog(pending: RwSignal<Option<Pending>>, focus: String) {
    pending.set(None);
    browser::focus_after_render(focus);
}

/// Cancel and Escape give focus back to the button that opened the dialog.
fn dismiss(pending: RwSignal<Option<Pending>>) {
    let focus = match pending.get_untracked() {
        Some(Pending::Fill(id)) => format!("{id}-fill"),
        Some(Pending::Remove(id)) => format!("{id}-remove"),
        None => return,
    };
    close_dialog(pending, focus);
}

#[component]
pub fn HiringPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let adding = RwSignal::new(false);
    let pending = RwSignal::new(None::<Pending>);
    // A card's shape: its role, and whether it is filled.
    let cards = Memo::new(move |_| {
        state.edits.history.with(|history| {
            history
                .plan()
                .roles
                .iter()
                .map(|role| (role.id, role.status == RoleStatus::Filled))
                .collect::<Vec<_>>()
        })
    });
    let scenarios = Memo::new(move |_| {
        state
            .edits
            .history
            .with(|history| field_options(history.plan(), RoleField::Scenario))
    });
    // Add role again while the form is open starts it afresh.
    let add = move |_| {
        adding.set(true);
        browser::focus_after_render(format!("{NEW_ROLE}-f0"));
    };
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" {
            dismiss(pending);
        }
    };
    view! {
        <section class="panel hiring" aria-labelledby="hiring-title" on:keydown=on_keydown>
            <div class="panel__heading">
                <h2 id="hiring-title" tabindex="-1">"Hiring plan"</h2>
                <button type="button" class="button button--primary" on:click=add>"Add role"</button>
            </div>
            <p class="view__hint">
                "An open role adds capacity from its start date, only in the scenario it belongs to (or always, when it is counted in the plan), until it is filled. Work can be allocated to it on the Capacity view; Fill role… turns it into a person who takes that work over. Each change applies at once and can be undone."
            </p>
            {move || adding.get().then(|| view! { <NewRoleForm adding/> })}
            <ul class="roles">
                {move || cards.with(Vec::is_empty).then(|| view! {
                    <li class="empty">"No open roles in the plan yet."</li>
                })}
                <For
                    each=move || cards.get()
                    key=|card| *card
                    children=move |(id, filled)| match filled {
                        true => view! { <FilledRoleCard id pending/> }.into_any(),
                        false => view! { <RoleCard id scenarios pending/> }.into_any(),
                    }
                />
            </ul>
            {move || pending.get().map(|which| view! { <RoleDialog which pending/> })}
        </section>
    }
}

/// Applies one change to an open role as one `UpdateRole` command; a
/// refusal is shown on its card (`error`), and a change taken clears it.
fn update(
    state: AppState,
    id: RoleId,
    error: RwSignal<String>,
    change: impl FnOnce(&mut OpenRole) -> Result<(), String>,
) {
    let Some(mut role) = state
        .edits
        .history
        .with_untracked(|history| history.plan().role(id).cloned())
    else {
        return;
    };
    let result = change(&mut role).and_then(|()| state.edits.execute(Command::UpdateRole(role)));
    error.set(result.err().unwrap_or_default());
}

/// Adds the role typed into the form (`values`, one a field), with `skills`.
fn add_role(
    state: AppState,
    values: [RwSignal<String>; FIELDS.len()],
    skills: Vec<SkillLevel>,
) -> Result<String, String> {
    let mut role = OpenRole::new(RoleId(0), "", state.today);
    role.skills = skills;
    for ((field, _), value) in FIELDS.iter().zip(values) {
        set_field(&mut role, *field, &value.get_untracked())?;
    }
    state.edits.execute(Command::AddRole(role))
}

/// Fills the role with the hire named, from the first working day typed.
fn fill(state: AppState, id: RoleId, name: &str, start: &str) -> Result<String, String> {
    let name = name.trim().to_string();
    if name.is_empty() {
        return Err("Name of the hire: enter who was hired".to_string());
    }
    let start_date = parse_date("First working day", start)?;
    state.edits.execute(Command::FillRole {
        role: id,
        name,
        start_date,
    })
}

/// "Filled by Ravi Patel · Cloud · 40 h a week from 8 Feb 2027".
fn filled_text(plan: &Plan, role: &OpenRole) -> String {
    let who = role.filled_by.map_or_else(
        || "Filled".to_string(),
        |person| format!("Filled by {}", plan.person_name(person)),
    );
    let team = match role.team.trim() {
        "" => String::new(),
        team => format!(" · {team}"),
    };
    format!(
        "{who}{team} · {} h a week from {}",
        number_text(role.weekly_hours),
        medium_date(role.start_date)
    )
}

/// What an open role adds to the plan and the work it already carries.
fn summary_text(plan: &Plan, role: &OpenRole) -> String {
    let scenario = match role.scenario {
        None => "counted in the plan".to_string(),
        Some(id) => format!(
            "only while the scenario “{}” is shown",
            plan.scenarios
                .iter()
                .find(|scenario| scenario.id == id)
                .map_or_else(|| id.to_string(), |scenario| scenario.name.clone())
        ),
    };
    format!(
        "Adds {} h a week from {}, {scenario}. {}.",
        number_text(role.weekly_hours),
        medium_date(role.start_date),
        work_on_role(plan, role.id).describe()
    )
}

/// The dialog's heading and what it says happens to the role's work.
fn dialog_texts(plan: &Plan, which: Pending) -> (String, String) {
    let (Pending::Fill(id) | Pending::Remove(id)) = which;
    let title = plan.role_title(id);
    let allocated = work_on_role(plan, id).allocations;
    match which {
        Pending::Fill(_) => {
            let taken = match allocated {
                0 => "No work is allocated to the role yet.".to_string(),
                1 => "They take over its allocation.".to_string(),
                n => format!("They take over its {n} allocations."),
            };
            (
                format!("Fill {title}"),
                format!("The hire joins the plan's people with the role's team, skills, weekly hours and cost rate. {taken}"),
            )
        }
        Pending::Remove(_) => {
            let kept = match allocated {
                0 => "No work is allocated to it.".to_string(),
                1 => format!("Its allocation stays in the plan as a placeholder named “{title}”, to staff on the Capacity view."),
                n => format!("Its {n} allocations stay in the plan as placeholders named “{title}”, to staff on the Capacity view."),
            };
            (
                format!("Remove the role {title}?"),
                format!("{kept} Undo (Ctrl+Z) brings the role back."),
            )
        }
    }
}
