//! The hiring plan on the People view: the open roles with everything the
//! plan knows about them, edited in place (one `UpdateRole` command a
//! change), added with a small form, filled ("Fill role…" turns the role
//! into a person who takes its work over) and removed (its work stays as
//! placeholders). The engine counts their capacity; this only shows it.
//!
//! Everything here is written as markup (see `markup`), with one handler
//! each for the changes, clicks, submits and key presses of the panel. The
//! cards are drawn again only when the list's shape changes (a role added,
//! removed or filled, its skills, the scenarios or the catalogue); an edit
//! or an undo patches the fields and texts it changed in place, so focus
//! and an open select stay where they are.

use leptos::prelude::*;

use super::forms::{number_text, parse_date, parse_number};
use super::markup::{
    apply_patches, attr_into, choice_into, closest, escape_into, field_into, options_into,
    value_of, Action, Html, Patch,
};
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

/// The key of the new role's form, where a card has its role's id.
const NEW_ROLE: &str = "new-role";

/// The key of a role's card, or of the new role's form.
fn role_key(role: Option<RoleId>) -> String {
    role.map_or_else(|| NEW_ROLE.to_string(), |id| id.to_string())
}

/// The panel's heading and what open roles do.
const HEAD: &str = "<div class=\"panel__heading\"><h2 id=\"hiring-title\" tabindex=\"-1\">Hiring plan</h2>\
<button type=\"button\" class=\"button button--primary\" data-action=\"add-role\">Add role</button></div>\
<p class=\"view__hint\">An open role adds capacity from its start date, only in the scenario it belongs to \
(or always, when it is counted in the plan), until it is filled. Work can be allocated to it on the \
Capacity view; Fill role… turns it into a person who takes that work over. Each change applies at once \
and can be undone.</p>";

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

/// The fields in order, with their labels; `data-field` is the index, and
/// `<key>-f<index>` a field's id.
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

/// The options of a select field.
fn field_options(plan: &Plan, field: RoleField) -> Vec<(String, String)> {
    match field {
        RoleField::Status => OPEN_STATUSES
            .iter()
            .map(|status| (status.label().to_string(), status.label().to_string()))
            .collect(),
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

/// What the cards are built from besides the values patched in place: when
/// it changes, they are drawn again.
#[derive(Debug, Clone, PartialEq)]
struct Shape {
    scenarios: Vec<(String, String)>,
    /// The catalogue a skill is added from: "name (category)" by id.
    catalogue: Vec<(SkillId, String)>,
    /// Each role, its skills, and for a filled one its title and line.
    roles: Vec<(RoleId, Vec<SkillLevel>, Option<String>)>,
}

impl Shape {
    fn of(plan: &Plan) -> Shape {
        Shape {
            scenarios: field_options(plan, RoleField::Scenario),
            catalogue: plan
                .skills
                .iter()
                .map(|skill| (skill.id, format!("{} ({})", skill.name, skill.category)))
                .collect(),
            roles: plan
                .roles
                .iter()
                .map(|role| {
                    let filled = (role.status == RoleStatus::Filled)
                        .then(|| format!("{}\n{}", role.title, filled_text(plan, role)));
                    (role.id, role.skills.clone(), filled)
                })
                .collect(),
        }
    }
}

#[component]
pub fn HiringPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let adding = RwSignal::new(false);
    let pending = RwSignal::new(None::<Pending>);
    let new_skills = RwSignal::new(Vec::<SkillLevel>::new());
    let shape = Memo::new(move |_| {
        state
            .edits
            .history
            .with(|history| Shape::of(history.plan()))
    });
    let cards = move || {
        // Reading (not only tracking) the memo keeps it computed and current.
        shape.with(|_| ());
        state
            .edits
            .history
            .with_untracked(|history| cards_markup(history.plan()))
    };
    let form = move || {
        adding.get().then(|| {
            state
                .edits
                .history
                .with_untracked(|history| form_markup(history.plan(), state.today))
        })
    };
    let dialog = move || {
        pending.get().map(|which| {
            state
                .edits
                .history
                .with_untracked(|history| dialog_markup(history.plan(), which))
        })
    };
    // Every edit and undo: the cards' fields and texts as the plan has them.
    Effect::new(move |_| {
        state
            .edits
            .history
            .with(|history| apply_patches(patches(history.plan())))
    });
    let close_dialog = move |focus: String| {
        pending.set(None);
        browser::focus_after_render(focus);
    };
    // Cancel and Escape give focus back to the button that opened the dialog.
    let dismiss = move || {
        let (id, button) = match pending.get_untracked() {
            Some(Pending::Fill(id)) => (id, "fill"),
            Some(Pending::Remove(id)) => (id, "remove"),
            None => return,
        };
        close_dialog(format!("{id}-{button}"));
    };
    // The skills of a role (or of the new one) after a chip's button.
    let set_skills = move |key: &str, skills: Vec<SkillLevel>| {
        match key.parse::<RoleId>() {
            Ok(id) => update(state, id, |role| {
                role.skills = skills;
                Ok(())
            }),
            Err(_) => {
                let mut markup = String::new();
                state.edits.history.with_untracked(|history| {
                    skills_markup(&mut markup, NEW_ROLE, &skills, history.plan())
                });
                new_skills.set(skills);
                apply_patches(vec![(
                    "new-role-skill-box".to_string(),
                    Patch::Html(markup),
                )]);
            }
        }
        browser::focus_after_render(format!("{key}-new-skill"));
    };
    let on_change = move |event: leptos::ev::Event| {
        if let Some(Action::EditRoleField { role, field }) = Action::from_event(&event) {
            if let Some((field, _)) = FIELDS.get(field) {
                let text = event_target_value(&event);
                update(state, role, |role| set_field(role, *field, &text));
            }
        }
    };
    let on_click = move |event: leptos::ev::MouseEvent| {
        let Some(action) = Action::from_event(&event) else {
            return;
        };
        // The skills a role holds, or the new role's form.
        let held = |role: Option<RoleId>| match role {
            Some(id) => state.edits.history.with_untracked(|history| {
                history
                    .plan()
                    .role(id)
                    .map(|role| role.skills.clone())
                    .unwrap_or_default()
            }),
            None => new_skills.get_untracked(),
        };
        match action {
            Action::AddRole => {
                new_skills.set(Vec::new());
                adding.set(true);
                browser::focus_after_render("new-role-f0".to_string());
            }
            Action::CancelRole => adding.set(false),
            Action::CloseRoleDialog => dismiss(),
            Action::FillRole(id) => {
                pending.set(Some(Pending::Fill(id)));
                browser::focus_after_render("fill-role-name".to_string());
            }
            Action::RemoveRole(id) => {
                pending.set(Some(Pending::Remove(id)));
                browser::focus_after_render("role-dialog-title".to_string());
            }
            Action::RemoveRoleSkill(role, skill) => {
                let mut skills = held(role);
                skills.retain(|held| held.skill != skill);
                set_skills(&role_key(role), skills);
            }
            Action::AddRoleSkill(role) => {
                let key = role_key(role);
                let Ok(skill) = value_of(&format!("{key}-new-skill")).parse::<SkillId>() else {
                    browser::focus_after_render(format!("{key}-new-skill"));
                    return;
                };
                let level = value_of(&format!("{key}-new-level"))
                    .parse::<u8>()
                    .unwrap_or(2);
                let mut skills = held(role);
                skills.retain(|held| held.skill != skill);
                skills.push(SkillLevel { skill, level });
                set_skills(&key, skills);
            }
            _ => {}
        }
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let adding_role = closest(event.target(), "form")
            .and_then(|form| form.get_attribute("data-role"))
            .is_some_and(|key| key == NEW_ROLE);
        let which = pending.get_untracked();
        let (error, result) = match which {
            Some(which) if !adding_role => ("role-dialog-error", confirm(state, which)),
            _ => (
                "new-role-error",
                add_role(state, new_skills.get_untracked()),
            ),
        };
        match (result, which) {
            (Err(message), _) => apply_patches(vec![(error.to_string(), Patch::Text(message))]),
            (Ok(_), Some(Pending::Fill(id))) if !adding_role => close_dialog(id.to_string()),
            (Ok(_), Some(Pending::Remove(_))) if !adding_role => {
                close_dialog("hiring-title".to_string())
            }
            (Ok(_), _) => {
                adding.set(false);
                let added = state.edits.history.with_untracked(|history| {
                    history.plan().roles.iter().map(|role| role.id).max()
                });
                if let Some(added) = added {
                    browser::focus_after_render(added.to_string());
                }
            }
        }
    };
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" {
            dismiss();
        }
    };
    view! {
        <section class="panel hiring" aria-labelledby="hiring-title"
            on:change=on_change on:click=on_click on:submit=on_submit on:keydown=on_keydown>
            <div inner_html=HEAD></div>
            <div inner_html=form></div>
            <ul class="roles" inner_html=cards></ul>
            <div inner_html=dialog></div>
        </section>
    }
}

/// Applies one change to an open role as one `UpdateRole` command; a
/// refusal is shown on its card.
fn update(state: AppState, id: RoleId, change: impl FnOnce(&mut OpenRole) -> Result<(), String>) {
    let Some(mut role) = state
        .edits
        .history
        .with_untracked(|history| history.plan().role(id).cloned())
    else {
        return;
    };
    let result = change(&mut role).and_then(|()| state.edits.execute(Command::UpdateRole(role)));
    apply_patches(vec![(
        format!("{id}-error"),
        Patch::Text(result.err().unwrap_or_default()),
    )]);
}

/// Adds the role typed into the form, with `skills`.
fn add_role(state: AppState, skills: Vec<SkillLevel>) -> Result<String, String> {
    let mut role = OpenRole::new(RoleId(0), "", state.today);
    role.skills = skills;
    for (index, (field, _)) in FIELDS.iter().enumerate() {
        set_field(
            &mut role,
            *field,
            &value_of(&format!("{NEW_ROLE}-f{index}")),
        )?;
    }
    state.edits.execute(Command::AddRole(role))
}

/// Fills or removes the role of the open dialog.
fn confirm(state: AppState, which: Pending) -> Result<String, String> {
    match which {
        Pending::Remove(id) => state.edits.execute(Command::RemoveRole(id)),
        Pending::Fill(id) => {
            let name = value_of("fill-role-name").trim().to_string();
            if name.is_empty() {
                return Err("Name of the hire: enter who was hired".to_string());
            }
            let start_date = parse_date("First working day", &value_of("fill-role-start"))?;
            state.edits.execute(Command::FillRole {
                role: id,
                name,
                start_date,
            })
        }
    }
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

/// What an edit may change on the open roles' cards.
fn patches(plan: &Plan) -> Vec<(String, Patch)> {
    let mut patches = Vec::new();
    for role in plan
        .roles
        .iter()
        .filter(|role| role.status != RoleStatus::Filled)
    {
        let key = role.id;
        patches.push((key.to_string(), Patch::Text(role.title.clone())));
        patches.push((
            format!("{key}-summary"),
            Patch::Text(summary_text(plan, role)),
        ));
        for (index, (field, _)) in FIELDS.iter().enumerate() {
            patches.push((
                format!("{key}-f{index}"),
                Patch::Value(field_text(role, *field)),
            ));
        }
    }
    patches
}

/// The start of a card; `@` stands for the role's id.
const CARD_HEAD: &str = "<li class=\"role\" data-role=\"@\"><div class=\"role__head\">\
<h3 class=\"role__title\" id=\"@\" tabindex=\"-1\">";
/// After the title: the word that joins a field's label to it, and the
/// actions (an open role's, then a filled one's).
const CARD_ACTIONS: &str = "</h3><span id=\"@-of\" hidden>of</span><div class=\"role__actions\">\
<button type=\"button\" class=\"button button--small\" id=\"@-fill\" data-action=\"fill:@\" aria-labelledby=\"@-fill @\" \
title=\"Record the hire: they join the plan's people and take over the role's work\">Fill role…</button>\
<button type=\"button\" class=\"button button--small button--danger\" id=\"@-remove\" data-action=\"remove-role:@\" \
aria-labelledby=\"@-remove @\" title=\"Take the role off the hiring plan; work allocated to it stays as placeholders\">\
Remove</button></div></div><p class=\"role__summary\" id=\"@-summary\">";
const FILLED_ACTIONS: &str = "</h3><div class=\"role__actions\">\
<button type=\"button\" class=\"button button--small button--danger\" id=\"@-remove\" data-action=\"remove-role:@\" \
aria-labelledby=\"@-remove @\" title=\"Take the filled role off the hiring plan; the person who filled it stays\">\
Remove</button></div></div><p class=\"role__filled\">";

/// The cards of every role, or the empty state.
fn cards_markup(plan: &Plan) -> String {
    let mut out = String::new();
    if plan.roles.is_empty() {
        out.push_str("<li class=\"empty\">No open roles in the plan yet.</li>");
    }
    for role in &plan.roles {
        let key = role.id.to_string();
        out.push_str(&CARD_HEAD.replace('@', &key));
        escape_into(&mut out, &role.title);
        if role.status == RoleStatus::Filled {
            out.push_str(&FILLED_ACTIONS.replace('@', &key));
            escape_into(&mut out, &filled_text(plan, role));
            out.push_str("</p></li>");
            continue;
        }
        out.push_str(&CARD_ACTIONS.replace('@', &key));
        escape_into(&mut out, &summary_text(plan, role));
        out.push_str("</p><div class=\"role__fields\">");
        for (index, (field, label)) in FIELDS.iter().enumerate() {
            // A field is named by its label "of" the card's heading, "Team
            // of Cloud Engineer", which follows the title as it changes.
            let id = format!("{key}-f{index}");
            out.push_str(&format!("<div class=\"inplace\"><span class=\"inplace__label\" id=\"{id}-label\">{label}</span>"));
            let named = format!(
                " id=\"{id}\" data-action=\"{}\" aria-labelledby=\"{id}-label {key}-of {key}\"",
                Action::EditRoleField {
                    role: role.id,
                    field: index
                }
                .encode()
            );
            let value = field_text(role, *field);
            match input_kind(*field) {
                None => {
                    out.push_str(&format!("<select{named}>"));
                    options_into(&mut out, &field_options(plan, *field), &value);
                    out.push_str("</select>");
                }
                Some(kind) => {
                    out.push_str(&format!("<input type=\"{kind}\"{named}"));
                    if kind == "number" {
                        out.push_str(" step=\"any\" min=\"0\"");
                    }
                    attr_into(&mut out, "value", &value);
                    out.push('>');
                }
            }
            out.push_str("</div>");
        }
        out.push_str("</div>");
        skills_markup(&mut out, &key, &role.skills, plan);
        out.push_str(
            &"<p class=\"inplace__error\" role=\"alert\" id=\"@-error\"></p></li>"
                .replace('@', &key),
        );
    }
    out
}

/// The skills box up to the chips; `@` stands for the key.
const SKILLS_HEAD: &str =
    "<div class=\"role-skills\"><span class=\"inplace__label\" id=\"@-skills\">Skills</span>\
<span id=\"@-remove-words\" hidden>Remove</span><span id=\"@-from\" hidden>from</span>\
<ul class=\"chips\" aria-labelledby=\"@-skills\">";
/// Between the chips and the catalogue's options.
const SKILLS_ADD: &str = "</ul><span class=\"role-skills__add\"><span id=\"@-add-words\" hidden>Skill to add to</span>\
<select id=\"@-new-skill\" aria-labelledby=\"@-add-words @\"><option value=\"\">Add a skill…</option>";
/// Between the catalogue and the levels.
const SKILLS_LEVEL: &str =
    "</select><span id=\"@-level-words\" hidden>Skill level to add to</span>\
<select id=\"@-new-level\" aria-labelledby=\"@-level-words @\">";
const SKILLS_END: &str = "</select><span id=\"@-to-words\" hidden>the skill to</span>\
<button type=\"button\" class=\"button button--small\" id=\"@-add\" data-action=\"add-skill:@\" \
aria-labelledby=\"@-add @-to-words @\">Add</button></span></div>";

/// A role's skills as chips with a remove button each, and a skill from
/// the catalogue to add at a level of 1 to 4 (added again, it takes the
/// new level). `key` is the role's id, or [`NEW_ROLE`] for the form: the
/// element with that id names whose skills they are.
fn skills_markup(out: &mut String, key: &str, held: &[SkillLevel], plan: &Plan) {
    out.push_str(&SKILLS_HEAD.replace('@', key));
    if held.is_empty() {
        out.push_str("<li class=\"chips__none\">None yet</li>");
    }
    for one in held {
        let skill = one.skill;
        out.push_str(&format!("<li class=\"chip\"><span id=\"{key}-{skill}\">"));
        match plan.skill(skill) {
            Some(found) => escape_into(out, &found.name),
            None => out.push_str(&skill.to_string()),
        }
        Html::on(out)
            .close("span")
            .text(&format!(" · {} {}", one.level, level_name(one.level)))
            .open("button")
            .attr("type", "button")
            .class("chip__remove")
            .action(&Action::RemoveRoleSkill(key.parse().ok(), skill))
            .attr(
                "aria-labelledby",
                &format!("{key}-remove-words {key}-{skill} {key}-from {key}"),
            )
            .attr("title", "Remove this skill")
            .text("×")
            .close("button")
            .close("li");
    }
    out.push_str(&SKILLS_ADD.replace('@', key));
    for skill in plan
        .skills
        .iter()
        .filter(|skill| !held.iter().any(|one| one.skill == skill.id))
    {
        out.push_str(&format!("<option value=\"{}\">", skill.id));
        escape_into(out, &format!("{} ({})", skill.name, skill.category));
        out.push_str("</option>");
    }
    out.push_str(&SKILLS_LEVEL.replace('@', key));
    for level in 1..=MAX_SKILL_LEVEL {
        out.push_str(&format!(
            "<option value=\"{level}\"{}>{level} {}</option>",
            if level == 2 { " selected" } else { "" },
            level_name(level)
        ));
    }
    out.push_str(&SKILLS_END.replace('@', key));
}

/// The form of a new open role.
fn form_markup(plan: &Plan, today: crate::model::NaiveDate) -> String {
    let mut out = format!(
        "<form class=\"form role-form\" data-role=\"{NEW_ROLE}\" aria-labelledby=\"{NEW_ROLE}\" novalidate>\
         <h3 id=\"{NEW_ROLE}\">New open role</h3><div class=\"form__grid\">"
    );
    let defaults = OpenRole::new(RoleId(0), "", today);
    for (index, (field, label)) in FIELDS.iter().enumerate() {
        let id = format!("{NEW_ROLE}-f{index}");
        let value = match field {
            RoleField::Title => String::new(),
            _ => field_text(&defaults, *field),
        };
        match input_kind(*field) {
            None => choice_into(&mut out, &id, label, &field_options(plan, *field), &value),
            Some(kind) => {
                let hint = match field {
                    RoleField::Rate => "Optional; internal, never in a client copy",
                    _ => "",
                };
                field_into(
                    &mut out,
                    &id,
                    label,
                    kind,
                    &value,
                    *field == RoleField::Title,
                    hint,
                );
            }
        }
    }
    out.push_str("</div><div id=\"new-role-skill-box\">");
    skills_markup(&mut out, NEW_ROLE, &[], plan);
    out.push_str(
        "</div><p class=\"form__error\" role=\"alert\" id=\"new-role-error\"></p><div class=\"form__actions\">\
         <button type=\"submit\" class=\"button button--primary\">Save role</button>\
         <button type=\"button\" class=\"button\" data-action=\"cancel-role\">Cancel</button></div></form>",
    );
    out
}

/// Fill role… (the hire's name and first day) or Remove, as a dialog that
/// says what happens to the role's work.
fn dialog_markup(plan: &Plan, which: Pending) -> String {
    let (Pending::Fill(id) | Pending::Remove(id)) = which;
    let filling = matches!(which, Pending::Fill(_));
    let title = plan.role_title(id);
    let allocated = work_on_role(plan, id).allocations;
    let (heading, text) = if filling {
        let taken = match allocated {
            0 => "No work is allocated to the role yet.".to_string(),
            1 => "They take over its allocation.".to_string(),
            n => format!("They take over its {n} allocations."),
        };
        (
            format!("Fill {title}"),
            format!("The hire joins the plan's people with the role's team, skills, weekly hours and cost rate. {taken}"),
        )
    } else {
        let kept = match allocated {
            0 => "No work is allocated to it.".to_string(),
            1 => format!("Its allocation stays in the plan as a placeholder named “{title}”, to staff on the Capacity view."),
            n => format!("Its {n} allocations stay in the plan as placeholders named “{title}”, to staff on the Capacity view."),
        };
        (
            format!("Remove the role {title}?"),
            format!("{kept} Undo (Ctrl+Z) brings the role back."),
        )
    };
    let mut out = format!(
        "<div class=\"dialog-backdrop\"><div class=\"dialog\" data-role=\"{id}\" role=\"dialog\" aria-modal=\"true\" \
         aria-labelledby=\"role-dialog-title\"><form novalidate><h2 id=\"role-dialog-title\" tabindex=\"-1\">"
    );
    escape_into(&mut out, &heading);
    out.push_str("</h2><p>");
    escape_into(&mut out, &text);
    out.push_str("</p>");
    if filling {
        let start = plan
            .role(id)
            .map(|role| role.start_date.to_string())
            .unwrap_or_default();
        out.push_str("<div class=\"form__grid\">");
        field_into(
            &mut out,
            "fill-role-name",
            "Name of the hire",
            "text",
            "",
            true,
            "",
        );
        field_into(
            &mut out,
            "fill-role-start",
            "First working day",
            "date",
            &start,
            false,
            "",
        );
        out.push_str("</div>");
    }
    out.push_str(&format!(
        "<p class=\"form__error\" role=\"alert\" id=\"role-dialog-error\"></p><div class=\"form__actions\">\
         <button type=\"submit\" class=\"button {}\">{}</button>\
         <button type=\"button\" class=\"button\" data-action=\"close-dialog\">Cancel</button></div></form></div></div>",
        if filling { "button--primary" } else { "button--danger" },
        if filling { "Fill role" } else { "Remove role" }
    ));
    out
}
