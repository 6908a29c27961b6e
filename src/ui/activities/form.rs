//! The form for a new or an existing activity: every field of the model,
//! saved as one command.

use super::*;

#[derive(Clone, Copy)]
struct ChecklistRow {
    key: u32,
    text: RwSignal<String>,
    done: RwSignal<bool>,
    done_on: Option<chrono::NaiveDate>,
}

/// A required-skill row being edited.
#[derive(Clone, Copy)]
struct SkillRow {
    key: u32,
    skill: RwSignal<String>,
    level: RwSignal<String>,
}

/// The form for a new or an existing activity: every field of the model.
#[component]
pub fn ActivityForm(
    /// The activity edited.
    which: Editing,
    /// Whether the owner suggestions start open.
    suggest: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let original: Activity = state
        .edits
        .history
        .with_untracked(|history| match which {
            Editing::Existing(id) => history.plan().activity(id).cloned(),
            Editing::New => None,
        })
        .unwrap_or_else(|| Activity {
            start: Some(today),
            ..Activity::new(ActivityId(0), "")
        });

    let title = RwSignal::new(original.title.clone());
    let description = RwSignal::new(original.description.clone());
    let owner = RwSignal::new(original.owner.map(|id| id.to_string()).unwrap_or_default());
    let start = RwSignal::new(date_text(original.start));
    let deadline = RwSignal::new(date_text(original.deadline));
    let checkin = RwSignal::new(date_text(original.checkin));
    let status = RwSignal::new(original.status.label().to_string());
    let impact = RwSignal::new(original.impact.to_string());
    let effort = RwSignal::new(number_text(original.effort_hours));
    let kind = RwSignal::new(original.kind.label().to_string());
    let client = RwSignal::new(original.client.clone());
    let commitment = RwSignal::new(original.commitment.label().to_string());
    let done_text = RwSignal::new(original.done_definition.text.clone());
    let certifications = RwSignal::new(original.required_certifications.join(", "));
    let depends_on = RwSignal::new(original.depends_on.clone());
    let next_key = StoredValue::new(0u32);
    let new_key = move || {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        key
    };
    let checklist = RwSignal::new(
        original
            .done_definition
            .checklist
            .iter()
            .map(|item| ChecklistRow {
                key: new_key(),
                text: RwSignal::new(item.text.clone()),
                done: RwSignal::new(item.done),
                done_on: item.done_on,
            })
            .collect::<Vec<_>>(),
    );
    let skills = RwSignal::new(
        original
            .required_skills
            .iter()
            .map(|requirement| SkillRow {
                key: new_key(),
                skill: RwSignal::new(requirement.skill.to_string()),
                level: RwSignal::new(requirement.min_level.to_string()),
            })
            .collect::<Vec<_>>(),
    );
    let error = RwSignal::new(None::<String>);

    let people_options = {
        state.edits.history.with_untracked(|history| {
            std::iter::once((String::new(), "No owner".to_string()))
                .chain(history.plan().people.iter().map(|person| {
                    (
                        person.id.to_string(),
                        format!("{} ({})", person.name, person.role),
                    )
                }))
                .collect::<Vec<_>>()
        })
    };
    let status_options = {
        Status::ALL
            .iter()
            .map(|status| (status.label().to_string(), status.label().to_string()))
            .collect::<Vec<_>>()
    };
    let kind_options = {
        ActivityKind::ALL
            .iter()
            .map(|kind| (kind.label().to_string(), kind.label().to_string()))
            .collect::<Vec<_>>()
    };
    let commitment_options = {
        [Commitment::Confirmed, Commitment::Tentative]
            .iter()
            .map(|commitment| {
                (
                    commitment.label().to_string(),
                    commitment.label().to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    let impact_options = {
        (1..=5)
            .map(|level| (level.to_string(), format!("{level} of 5")))
            .collect::<Vec<_>>()
    };
    let other_activities = move || {
        state.edits.history.with(|history| {
            history
                .plan()
                .activities
                .iter()
                .filter(|activity| Editing::Existing(activity.id) != which)
                .map(|activity| (activity.id, activity.title.clone()))
                .collect::<Vec<_>>()
        })
    };
    let skill_names = move || {
        state.edits.history.with(|history| {
            history
                .plan()
                .skills
                .iter()
                .map(|skill| (skill.id, format!("{} ({})", skill.name, skill.category)))
                .collect::<Vec<_>>()
        })
    };

    // Midpoint proposal: halfway between start and deadline, moved to the
    // review weekday of that week.
    // The midpoint proposed from the dates typed so far: the review weekday
    // nearest halfway. Saving a multi-week activity without a check-in
    // takes it; "Propose midpoint" fills it in to adjust.
    let proposal = move || {
        let first = parse_date("Start", &start.get()).ok().flatten()?;
        let last = parse_date("Deadline", &deadline.get()).ok().flatten()?;
        let review = state
            .edits
            .history
            .with_untracked(|history| history.plan().review_weekday);
        (last >= first).then(|| propose_midpoint(first, last, review))
    };
    let propose_checkin = move |_| match proposal() {
        Some(date) => checkin.set(date.to_string()),
        None => error.set(Some("Enter a start and a deadline first.".to_string())),
    };
    let multi_week = move || match (
        parse_date("Start", &start.get_untracked()),
        parse_date("Deadline", &deadline.get_untracked()),
    ) {
        (Ok(Some(first)), Ok(Some(last))) => (last - first).num_days() + 1 >= MULTI_WEEK_DAYS,
        _ => false,
    };
    browser::focus_after_render("activity-title".to_string());
    let suggesting = RwSignal::new(suggest);
    let suggestions = move || {
        let Editing::Existing(id) = which else {
            return Vec::new();
        };
        state.edits.history.with(|history| {
            let plan = history.plan();
            skills::candidates(plan, id, today)
                .into_iter()
                .take(5)
                .map(|candidate| {
                    (
                        candidate.person,
                        plan.person_name(candidate.person),
                        candidate.explanation,
                    )
                })
                .collect::<Vec<_>>()
        })
    };

    let heading = match which {
        Editing::New => "New initiative".to_string(),
        Editing::Existing(_) => format!("Edit '{}'", original.title),
    };
    let build = move || -> Result<Activity, String> {
        let owner_text = owner.get_untracked();
        let owner = if owner_text.is_empty() {
            None
        } else {
            Some(
                owner_text
                    .parse::<PersonId>()
                    .map_err(|error| error.to_string())?,
            )
        };
        let status = Status::ALL
            .into_iter()
            .find(|candidate| candidate.label() == status.get_untracked())
            .unwrap_or(Status::NotStarted);
        let kind = ActivityKind::ALL
            .into_iter()
            .find(|candidate| candidate.label() == kind.get_untracked())
            .unwrap_or(ActivityKind::Project);
        let commitment = if commitment.get_untracked() == "Tentative" {
            Commitment::Tentative
        } else {
            Commitment::Confirmed
        };
        let checklist = checklist
            .get_untracked()
            .into_iter()
            .filter(|row| !row.text.get_untracked().trim().is_empty())
            .map(|row| {
                let done = row.done.get_untracked();
                ChecklistItem {
                    text: row.text.get_untracked().trim().to_string(),
                    done,
                    done_on: if done {
                        row.done_on.or(Some(today))
                    } else {
                        None
                    },
                }
            })
            .collect();
        let mut required_skills = Vec::new();
        for row in skills.get_untracked() {
            let Ok(skill) = row.skill.get_untracked().parse::<SkillId>() else {
                continue;
            };
            let min_level = row.level.get_untracked().parse::<u8>().unwrap_or(2);
            if !required_skills
                .iter()
                .any(|r: &SkillRequirement| r.skill == skill)
            {
                required_skills.push(SkillRequirement { skill, min_level });
            }
        }
        Ok(Activity {
            id: original.id,
            title: title.get_untracked().trim().to_string(),
            description: description.get_untracked(),
            owner,
            start: parse_date("Start", &start.get_untracked())?,
            deadline: parse_date("Deadline", &deadline.get_untracked())?,
            checkin: match parse_date("Midpoint check-in", &checkin.get_untracked())? {
                None if multi_week() => proposal(),
                given => given,
            },
            done_definition: DoneDefinition {
                text: done_text.get_untracked(),
                checklist,
            },
            status,
            status_history: original.status_history.clone(),
            impact: impact.get_untracked().parse().unwrap_or(3),
            effort_hours: parse_number("Effort", &effort.get_untracked(), 0.0)?,
            kind,
            client: client.get_untracked().trim().to_string(),
            commitment,
            depends_on: depends_on.get_untracked(),
            required_skills,
            required_certifications: certifications
                .get_untracked()
                .split(',')
                .map(|name| name.trim().to_string())
                .filter(|name| !name.is_empty())
                .collect(),
            // Billing and RACI are edited elsewhere: kept as they were.
            ..original.clone()
        })
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let result = build().and_then(|activity| {
            let command = match which {
                Editing::New => Command::AddActivity(activity),
                Editing::Existing(_) => Command::UpdateActivity(activity),
            };
            state.edits.execute(command)
        });
        match result {
            Ok(_) => {
                error.set(None);
                browser::navigate(&PlanFocus::Overview.hash());
            }
            Err(message) => error.set(Some(message)),
        }
    };

    view! {
        <section class="panel form" aria-labelledby="activity-form-title">
            <h2 id="activity-form-title">{heading}</h2>
            <form on:submit=save novalidate>
                <div class="form__grid">
                    <Field label="Title" value=title required=true id="activity-title"/>
                    <div class="field">
                        <Choice label="Owner" value=owner options=people_options/>
                        <button type="button" class="button button--small" aria-expanded=move || suggesting.get().to_string()
                            on:click=move |_| suggesting.update(|open| *open = !*open)>"Suggest owner"</button>
                    </div>
                    <Choice label="Status" value=status options=status_options/>
                    <Field label="Start" value=start kind="date"/>
                    <Field label="Deadline (hard)" value=deadline kind="date"/>
                    <div class="field">
                        <Field label="Midpoint check-in" value=checkin kind="date"/>
                        <button type="button" class="button button--small" on:click=propose_checkin>"Propose midpoint"</button>
                        <span class="field__hint">{move || proposal().map(|date| format!("Proposed: {date} (halfway, on the review day)"))}</span>
                    </div>
                    <Choice label="Impact on the goal" value=impact options=impact_options/>
                    <Field label="Effort (hours)" value=effort kind="number"/>
                    <Choice label="Kind" value=kind options=kind_options/>
                    <Field label="Client" value=client hint="Empty for internal work"/>
                    <Choice label="Confirmed or tentative" value=commitment options=commitment_options/>
                </div>
                {move || suggesting.get().then(|| view! {
                    <div class="suggestions" role="region" aria-label="Suggested owners">
                        {match which {
                            Editing::New => view! { <p class="empty">"Save the initiative first: suggestions use its dates, skills and effort."</p> }.into_any(),
                            Editing::Existing(id) => view! {
                                <ol class="suggestions__list">
                                    {suggestions().into_iter().map(|(person, name, why)| view! {
                                        <li>
                                            <strong>{name.clone()}</strong>
                                            <span class="priority__why">{why}</span>
                                            <button type="button" class="button button--small" aria-label=format!("Assign {name}")
                                                on:click=move |_| {
                                                    if state.edits.execute(Command::SetOwner { activity: id, owner: Some(person) }).is_ok() {
                                                        owner.set(person.to_string());
                                                        suggesting.set(false);
                                                    }
                                                }>"Assign"</button>
                                        </li>
                                    }).collect_view()}
                                </ol>
                            }.into_any(),
                        }}
                    </div>
                })}
                <Field label="Required certifications" value=certifications
                    hint="Comma-separated; the owner must hold each through the deadline"/>
                <TextArea label="Description" value=description/>
                <TextArea label="Definition of done" value=done_text/>
                <fieldset class="fieldset">
                    <legend>"Done checklist"</legend>
                    <ul class="rows">
                        {move || checklist.get().into_iter().map(|row| view! {
                            <li class="rows__row">
                                <input type="checkbox" aria-label="Done"
                                    prop:checked=move || row.done.get()
                                    on:change=move |event| row.done.set(event_target_checked(&event))/>
                                <input type="text" aria-label="Checklist item" class="rows__text"
                                    prop:value=move || row.text.get()
                                    on:input=move |event| row.text.set(event_target_value(&event))/>
                                <button type="button" class="button button--small" aria-label="Remove this checklist item"
                                    on:click=move |_| checklist.update(|rows| rows.retain(|r| r.key != row.key))>"Remove"</button>
                            </li>
                        }).collect_view()}
                    </ul>
                    <button type="button" class="button button--small" on:click=move |_| {
                        let row = ChecklistRow { key: new_key(), text: RwSignal::new(String::new()), done: RwSignal::new(false), done_on: None };
                        checklist.update(|rows| rows.push(row));
                    }>"Add checklist item"</button>
                </fieldset>
                <fieldset class="fieldset">
                    <legend>"Depends on"</legend>
                    {move || {
                        let others = other_activities();
                        if others.is_empty() {
                            return view! { <p class="empty">"No other activities yet."</p> }.into_any();
                        }
                        view! {
                            <ul class="checks">
                                {others.into_iter().map(|(id, name)| view! {
                                    <li>
                                        <label>
                                            <input type="checkbox"
                                                prop:checked=move || depends_on.with(|deps| deps.contains(&id))
                                                on:change=move |event| {
                                                    let checked = event_target_checked(&event);
                                                    depends_on.update(|deps| {
                                                        deps.retain(|dep| *dep != id);
                                                        if checked { deps.push(id); }
                                                    });
                                                }/>
                                            " " {name}
                                        </label>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </fieldset>
                <fieldset class="fieldset">
                    <legend>"Required skills"</legend>
                    <ul class="rows">
                        {move || skills.get().into_iter().map(|row| view! {
                            <li class="rows__row">
                                <select aria-label="Skill" prop:value=move || row.skill.get()
                                    on:change=move |event| row.skill.set(event_target_value(&event))>
                                    {skill_names().into_iter().map(|(id, name)| {
                                        let value = id.to_string();
                                        let selected = value == row.skill.get_untracked();
                                        view! { <option value=value selected=selected>{name}</option> }
                                    }).collect_view()}
                                </select>
                                <select aria-label="Minimum level" prop:value=move || row.level.get()
                                    on:change=move |event| row.level.set(event_target_value(&event))>
                                    {(1..=MAX_SKILL_LEVEL).map(|level| {
                                        let selected = level.to_string() == row.level.get_untracked();
                                        view! { <option value=level.to_string() selected=selected>{format!("at least {}", level_name(level))}</option> }
                                    }).collect_view()}
                                </select>
                                <button type="button" class="button button--small" aria-label="Remove this required skill"
                                    on:click=move |_| skills.update(|rows| rows.retain(|r| r.key != row.key))>"Remove"</button>
                            </li>
                        }).collect_view()}
                    </ul>
                    <button type="button" class="button button--small"
                        disabled=move || skill_names().is_empty()
                        on:click=move |_| {
                            let first = skill_names().first().map(|(id, _)| id.to_string()).unwrap_or_default();
                            let row = SkillRow { key: new_key(), skill: RwSignal::new(first), level: RwSignal::new("2".to_string()) };
                            skills.update(|rows| rows.push(row));
                        }>"Add required skill"</button>
                </fieldset>
                {move || error.get().map(|message| view! { <p class="form__error" role="alert">{message}</p> })}
                <div class="form__actions">
                    <button type="submit" class="button button--primary">"Save initiative"</button>
                    <a class="button" href=PlanFocus::Overview.hash()>"Cancel"</a>
                    {match which {
                        Editing::Existing(id) => Some(view! {
                            <button type="button" class="button button--quiet"
                                title="Client work, contracts and internal work belong to the firm's book of work, not to the ops plan"
                                on:click=move |_| {
                                    if state.edits.execute(Command::SetScope { activity: id, scope: crate::model::Scope::Book }).is_ok() {
                                        browser::navigate(&format!("#/work/{id}"));
                                    }
                                }>"Move to the book of work"</button>
                        }),
                        Editing::New => None,
                    }}
                </div>
            </form>
        </section>
    }
}
