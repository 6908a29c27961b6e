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

use leptos::prelude::*;

use super::forms::{number_text, parse_date, parse_number};
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

/// An open role's card: its title and what it adds, its fields edited in
/// place, its skills, Fill role… and Remove.
#[component]
fn RoleCard(
    id: RoleId,
    /// The choices of the Scenario field.
    scenarios: Memo<Vec<(String, String)>>,
    /// The dialog Fill role… and Remove open.
    pending: RwSignal<Option<Pending>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    // None for a moment while a removed or filled role's card goes.
    let role = Memo::new(move |_| {
        state
            .edits
            .history
            .with(|history| history.plan().role(id).cloned())
    });
    let summary = Memo::new(move |_| {
        state.edits.history.with(|history| {
            let plan = history.plan();
            plan.role(id)
                .map(|role| summary_text(plan, role))
                .unwrap_or_default()
        })
    });
    let error = RwSignal::new(String::new());
    let key = id.to_string();
    let fields = FIELDS
        .iter()
        .enumerate()
        .map(|(index, (field, label))| {
            let field = *field;
            let text = move |role: &Option<OpenRole>| {
                role.as_ref()
                    .map(|role| field_text(role, field))
                    .unwrap_or_default()
            };
            // Any change to the role sets every field again, as the plan
            // has it (a refused value typed elsewhere goes).
            let value = move || role.with(text);
            let change = move |event: leptos::ev::Event| {
                let typed = event_target_value(&event);
                update(state, id, error, |role| set_field(role, field, &typed));
            };
            // A field is named by its label "of" the card's heading, "Team
            // of Cloud Engineer", which follows the title as it changes.
            let field_id = format!("{key}-f{index}");
            let labelled_by = format!("{field_id}-label {key}-of {key}");
            let control = match input_kind(field) {
                None => {
                    let options = move || match field {
                        RoleField::Scenario => scenarios.get(),
                        _ => status_options(),
                    };
                    view! {
                        <select id=field_id.clone() aria-labelledby=labelled_by
                            prop:value=value on:change=change>
                            <For each=options key=|option| option.clone() let:option>
                                <option value=option.0.clone()
                                    selected=role.with_untracked(text) == option.0>
                                    {option.1}
                                </option>
                            </For>
                        </select>
                    }
                    .into_any()
                }
                Some(kind) => view! {
                    <input type=kind id=field_id.clone() aria-labelledby=labelled_by
                        step=(kind == "number").then_some("any")
                        min=(kind == "number").then_some("0")
                        prop:value=value on:change=change/>
                }
                .into_any(),
            };
            view! {
                <div class="inplace">
                    <span class="inplace__label" id=format!("{field_id}-label")>{*label}</span>
                    {control}
                </div>
            }
        })
        .collect_view();
    let held = Signal::derive(move || {
        role.with(|role| {
            role.as_ref()
                .map(|role| role.skills.clone())
                .unwrap_or_default()
        })
    });
    let set_skills = Callback::new(move |skills: Vec<SkillLevel>| {
        update(state, id, error, |role| {
            role.skills = skills;
            Ok(())
        })
    });
    view! {
        <li class="role" data-role=key.clone()>
            <div class="role__head">
                <h3 class="role__title" id=key.clone() tabindex="-1">
                    {move || role.with(|role| role.as_ref().map(|role| role.title.clone()).unwrap_or_default())}
                </h3>
                <span id=format!("{key}-of") hidden>"of"</span>
                <div class="role__actions">
                    <button
                        type="button"
                        class="button button--small"
                        id=format!("{key}-fill")
                        aria-labelledby=format!("{key}-fill {key}")
                        title="Record the hire: they join the plan's people and take over the role's work"
                        on:click=move |_| ask(pending, Pending::Fill(id))
                    >
                        "Fill role…"
                    </button>
                    <button
                        type="button"
                        class="button button--small button--danger"
                        id=format!("{key}-remove")
                        aria-labelledby=format!("{key}-remove {key}")
                        title="Take the role off the hiring plan; work allocated to it stays as placeholders"
                        on:click=move |_| ask(pending, Pending::Remove(id))
                    >
                        "Remove"
                    </button>
                </div>
            </div>
            <p class="role__summary" id=format!("{key}-summary")>{move || summary.get()}</p>
            <div class="role__fields">{fields}</div>
            <RoleSkills role_key=key.clone() held set_skills/>
            <p class="inplace__error" role="alert" id=format!("{key}-error")>{move || error.get()}</p>
        </li>
    }
}

/// A filled role's card: who filled it, and Remove.
#[component]
fn FilledRoleCard(
    id: RoleId,
    /// The dialog Remove opens.
    pending: RwSignal<Option<Pending>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The title and the line "Filled by …".
    let texts = Memo::new(move |_| {
        state.edits.history.with(|history| {
            let plan = history.plan();
            plan.role(id)
                .map(|role| (role.title.clone(), filled_text(plan, role)))
                .unwrap_or_default()
        })
    });
    let key = id.to_string();
    view! {
        <li class="role" data-role=key.clone()>
            <div class="role__head">
                <h3 class="role__title" id=key.clone() tabindex="-1">
                    {move || texts.with(|(title, _)| title.clone())}
                </h3>
                <div class="role__actions">
                    <button
                        type="button"
                        class="button button--small button--danger"
                        id=format!("{key}-remove")
                        aria-labelledby=format!("{key}-remove {key}")
                        title="Take the filled role off the hiring plan; the person who filled it stays"
                        on:click=move |_| ask(pending, Pending::Remove(id))
                    >
                        "Remove"
                    </button>
                </div>
            </div>
            <p class="role__filled">{move || texts.with(|(_, line)| line.clone())}</p>
        </li>
    }
}

/// A role's skills as chips with a remove button each, and a skill from
/// the catalogue to add at a level of 1 to 4 (added again, it takes the
/// new level). After a change the picker starts again and has the focus.
#[component]
fn RoleSkills(
    /// The role's id, or [`NEW_ROLE`] for the form: the element with that
    /// id names whose skills they are.
    role_key: String,
    /// The skills held.
    #[prop(into)]
    held: Signal<Vec<SkillLevel>>,
    /// Takes the skills after an Add or a chip's remove button.
    set_skills: Callback<Vec<SkillLevel>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let picked = RwSignal::new(String::new());
    let level = RwSignal::new("2".to_string());
    let picker = StoredValue::new(format!("{role_key}-new-skill"));
    // Each chip: the skill, its name and the level held.
    let chips = Memo::new(move |_| {
        held.with(|held| {
            state.edits.history.with(|history| {
                let plan = history.plan();
                held.iter()
                    .map(|one| {
                        let name = plan
                            .skill(one.skill)
                            .map_or_else(|| one.skill.to_string(), |skill| skill.name.clone());
                        (one.skill, name, one.level)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    // The skills that can be added: "name (category)" by id.
    let catalogue = Memo::new(move |_| {
        held.with(|held| {
            state.edits.history.with(|history| {
                history
                    .plan()
                    .skills
                    .iter()
                    .filter(|skill| !held.iter().any(|one| one.skill == skill.id))
                    .map(|skill| (skill.id, format!("{} ({})", skill.name, skill.category)))
                    .collect::<Vec<_>>()
            })
        })
    });
    let focus_picker = move || browser::focus_after_render(picker.get_value());
    let change = move |skills: Vec<SkillLevel>| {
        picked.set(String::new());
        level.set("2".to_string());
        set_skills.run(skills);
        focus_picker();
    };
    let remove = move |skill: SkillId| {
        let mut skills = held.get_untracked();
        skills.retain(|one| one.skill != skill);
        change(skills);
    };
    let add = move |_| {
        let Ok(skill) = picked.get_untracked().parse::<SkillId>() else {
            focus_picker();
            return;
        };
        let level = level.get_untracked().parse::<u8>().unwrap_or(2);
        let mut skills = held.get_untracked();
        skills.retain(|one| one.skill != skill);
        skills.push(SkillLevel { skill, level });
        change(skills);
    };
    let key = role_key;
    let chip_key = key.clone();
    view! {
        <div class="role-skills">
            <span class="inplace__label" id=format!("{key}-skills")>"Skills"</span>
            <span id=format!("{key}-remove-words") hidden>"Remove"</span>
            <span id=format!("{key}-from") hidden>"from"</span>
            <ul class="chips" aria-labelledby=format!("{key}-skills")>
                {move || chips.with(Vec::is_empty).then(|| view! {
                    <li class="chips__none">"None yet"</li>
                })}
                <For
                    each=move || chips.get()
                    key=|chip| chip.clone()
                    children=move |(skill, name, held_level)| {
                        let key = &chip_key;
                        view! {
                            <li class="chip">
                                <span id=format!("{key}-{skill}")>{name}</span>
                                {format!(" · {held_level} {}", level_name(held_level))}
                                <button
                                    type="button"
                                    class="chip__remove"
                                    aria-labelledby=format!("{key}-remove-words {key}-{skill} {key}-from {key}")
                                    title="Remove this skill"
                                    on:click=move |_| remove(skill)
                                >
                                    "×"
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
            <span class="role-skills__add">
                <span id=format!("{key}-add-words") hidden>"Skill to add to"</span>
                <select
                    id=picker.get_value()
                    aria-labelledby=format!("{key}-add-words {key}")
                    prop:value=move || picked.get()
                    on:change=move |event| picked.set(event_target_value(&event))
                >
                    <option value="">"Add a skill…"</option>
                    <For each=move || catalogue.get() key=|skill| skill.clone() let:skill>
                        <option value=skill.0.to_string()>{skill.1}</option>
                    </For>
                </select>
                <span id=format!("{key}-level-words") hidden>"Skill level to add to"</span>
                <select
                    id=format!("{key}-new-level")
                    aria-labelledby=format!("{key}-level-words {key}")
                    prop:value=move || level.get()
                    on:change=move |event| level.set(event_target_value(&event))
                >
                    {(1..=MAX_SKILL_LEVEL)
                        .map(|one| view! {
                            <option value=one.to_string() selected=one == 2>
                                {format!("{one} {}", level_name(one))}
                            </option>
                        })
                        .collect_view()}
                </select>
                <span id=format!("{key}-to-words") hidden>"the skill to"</span>
                <button
                    type="button"
                    class="button button--small"
                    id=format!("{key}-add")
                    aria-labelledby=format!("{key}-add {key}-to-words {key}")
                    on:click=add
                >
                    "Add"
                </button>
            </span>
        </div>
    }
}

/// A labelled input of the hiring plan's forms, as `forms::Field` draws
/// it, with an id (and a lower bound of 0 for a number).
#[component]
fn RoleInput(
    id: String,
    label: &'static str,
    /// The input type: "text", "number", "date".
    kind: &'static str,
    /// The text typed so far.
    value: RwSignal<String>,
    #[prop(optional)] required: bool,
    /// A short hint under the field.
    #[prop(optional)]
    hint: &'static str,
) -> impl IntoView {
    view! {
        <div class="field">
            <label class="field__control">
                <span class="field__label">
                    {label}
                    {required.then(|| view! { <span aria-hidden="true">" *"</span> })}
                </span>
                <input
                    type=kind
                    id=id
                    aria-label=label
                    value=value.get_untracked()
                    step=(kind == "number").then_some("any")
                    min=(kind == "number").then_some("0")
                    required=required
                    on:input=move |event| value.set(event_target_value(&event))
                />
            </label>
            {(!hint.is_empty()).then(|| view! { <span class="field__hint">{hint}</span> })}
        </div>
    }
}

/// A labelled select of the new role's form, as `forms::Choice` draws it,
/// with an id.
#[component]
fn RoleChoice(
    id: String,
    label: &'static str,
    value: RwSignal<String>,
    /// The options as (value, label).
    options: Vec<(String, String)>,
) -> impl IntoView {
    let current = value.get_untracked();
    view! {
        <label class="field">
            <span class="field__label">{label}</span>
            <select id=id aria-label=label on:change=move |event| value.set(event_target_value(&event))>
                {options
                    .into_iter()
                    .map(|(option, text)| {
                        let selected = option == current;
                        view! { <option value=option selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// The form of a new open role.
#[component]
fn NewRoleForm(
    /// Whether the form is open.
    adding: RwSignal<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let defaults = OpenRole::new(RoleId(0), "", state.today);
    let values = FIELDS.map(|(field, _)| {
        RwSignal::new(match field {
            RoleField::Title => String::new(),
            _ => field_text(&defaults, field),
        })
    });
    let skills = RwSignal::new(Vec::<SkillLevel>::new());
    let error = RwSignal::new(String::new());
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if let Err(message) = add_role(state, values, skills.get_untracked()) {
            error.set(message);
            return;
        }
        adding.set(false);
        let added = state
            .edits
            .history
            .with_untracked(|history| history.plan().roles.iter().map(|role| role.id).max());
        if let Some(added) = added {
            browser::focus_after_render(added.to_string());
        }
    };
    let fields = FIELDS
        .iter()
        .zip(values)
        .enumerate()
        .map(|(index, ((field, label), value))| {
            let id = format!("{NEW_ROLE}-f{index}");
            match input_kind(*field) {
                None => {
                    let options = state
                        .edits
                        .history
                        .with_untracked(|history| field_options(history.plan(), *field));
                    view! { <RoleChoice id label value options/> }.into_any()
                }
                Some(kind) => {
                    let hint = match field {
                        RoleField::Rate => "Optional; internal, never in a client copy",
                        _ => "",
                    };
                    let required = *field == RoleField::Title;
                    view! { <RoleInput id label kind value required hint/> }.into_any()
                }
            }
        })
        .collect_view();
    view! {
        <form class="form role-form" data-role=NEW_ROLE aria-labelledby=NEW_ROLE novalidate on:submit=save>
            <h3 id=NEW_ROLE>"New open role"</h3>
            <div class="form__grid">{fields}</div>
            <div id="new-role-skill-box">
                <RoleSkills
                    role_key=NEW_ROLE.to_string()
                    held=skills
                    set_skills=Callback::new(move |held| skills.set(held))
                />
            </div>
            <p class="form__error" role="alert" id="new-role-error">{move || error.get()}</p>
            <div class="form__actions">
                <button type="submit" class="button button--primary">"Save role"</button>
                <button type="button" class="button" on:click=move |_| adding.set(false)>"Cancel"</button>
            </div>
        </form>
    }
}

/// Fill role… (the hire's name and first day) or Remove, as a dialog that
/// says what happens to the role's work.
#[component]
fn RoleDialog(which: Pending, pending: RwSignal<Option<Pending>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (Pending::Fill(id) | Pending::Remove(id)) = which;
    let filling = matches!(which, Pending::Fill(_));
    let (heading, text, start) = state.edits.history.with_untracked(|history| {
        let plan = history.plan();
        let (heading, text) = dialog_texts(plan, which);
        let start = plan
            .role(id)
            .map(|role| role.start_date.to_string())
            .unwrap_or_default();
        (heading, text, start)
    });
    let name = RwSignal::new(String::new());
    let start = RwSignal::new(start);
    let error = RwSignal::new(String::new());
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let result = match which {
            Pending::Remove(id) => state.edits.execute(Command::RemoveRole(id)),
            Pending::Fill(id) => fill(state, id, &name.get_untracked(), &start.get_untracked()),
        };
        match (result, which) {
            (Err(message), _) => error.set(message),
            // Focus goes to the filled role's card, or to the panel.
            (Ok(_), Pending::Fill(id)) => close_dialog(pending, id.to_string()),
            (Ok(_), Pending::Remove(_)) => close_dialog(pending, "hiring-title".to_string()),
        }
    };
    let (submit_class, submit_text) = match filling {
        true => ("button button--primary", "Fill role"),
        false => ("button button--danger", "Remove role"),
    };
    view! {
        <div class="dialog-backdrop">
            <div class="dialog" data-role=id.to_string() role="dialog" aria-modal="true"
                aria-labelledby="role-dialog-title">
                <form novalidate on:submit=submit>
                    <h2 id="role-dialog-title" tabindex="-1">{heading}</h2>
                    <p>{text}</p>
                    {filling.then(|| view! {
                        <div class="form__grid">
                            <RoleInput id="fill-role-name".to_string() label="Name of the hire"
                                kind="text" value=name required=true/>
                            <RoleInput id="fill-role-start".to_string() label="First working day"
                                kind="date" value=start/>
                        </div>
                    })}
                    <p class="form__error" role="alert" id="role-dialog-error">{move || error.get()}</p>
                    <div class="form__actions">
                        <button type="submit" class=submit_class>{submit_text}</button>
                        <button type="button" class="button" on:click=move |_| dismiss(pending)>"Cancel"</button>
                    </div>
                </form>
            </div>
        </div>
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
