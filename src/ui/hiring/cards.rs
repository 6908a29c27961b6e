//! An open role's card: its fields edited in place, its skills, and the
//! line a filled role leaves.

use super::*;

/// An open role's card: its title and what it adds, its fields edited in
/// place, its skills, Fill role… and Remove.
#[component]
pub(super) fn RoleCard(
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
                    <ItemButton id=format!("{key}-fill") item=key.clone() text="Fill role…"
                        title="Record the hire: they join the plan's people and take over the role's work"
                        on_click=Callback::new(move |()| ask(pending, Pending::Fill(id)))/>
                    <ItemButton id=format!("{key}-remove") item=key.clone() text="Remove" danger=true
                        title="Take the role off the hiring plan; work allocated to it stays as placeholders"
                        on_click=Callback::new(move |()| ask(pending, Pending::Remove(id)))/>
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
pub(super) fn FilledRoleCard(
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
                    <ItemButton id=format!("{key}-remove") item=key.clone() text="Remove" danger=true
                        title="Take the filled role off the hiring plan; the person who filled it stays"
                        on_click=Callback::new(move |()| ask(pending, Pending::Remove(id)))/>
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
pub(super) fn RoleSkills(
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
pub(super) fn RoleInput(
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
pub(super) fn RoleChoice(
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
