//! The Plan view: the strategic goal, the success metrics and the activities
//! with their owners and dates, added, edited and deleted through commands.

use leptos::prelude::*;

use super::forms::{date_text, number_text, parse_date, parse_number, Choice, Field, TextArea};
use super::state::AppState;
use crate::browser;
use crate::command::Command;
use crate::engine::validate::{self, Severity};
use crate::model::{
    Activity, ActivityId, ActivityKind, ChecklistItem, Commitment, Direction, DoneDefinition,
    PersonId, SkillId, SkillRequirement, Status, MAX_SKILL_LEVEL,
};

/// Which activity the form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Editing {
    New,
    Existing(ActivityId),
}

#[component]
pub fn PlanView() -> impl IntoView {
    let editing = RwSignal::new(None::<Editing>);
    view! {
        <div class="plan">
            <GoalPanel/>
            <ActivitiesTable editing/>
            {move || editing.get().map(|which| view! { <ActivityForm which editing/> })}
            <WarningsPanel/>
        </div>
    }
}

/// The goal, the horizon and the success metrics with progress bars.
#[component]
fn GoalPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let plan = move || state.history.with(|history| history.plan().clone());
    view! {
        <section class="panel goal" aria-labelledby="goal-title">
            {move || {
                let plan = plan();
                let goal = plan.goal.clone();
                let outcome = if goal.outcome.trim().is_empty() {
                    "No strategic goal yet.".to_string()
                } else {
                    goal.outcome.clone()
                };
                let target_line = format!(
                    "{}: {} → {} {}{}",
                    if goal.metric_name.is_empty() { "Target" } else { &goal.metric_name },
                    number_text(goal.baseline),
                    number_text(goal.target),
                    goal.unit,
                    goal.target_date.map(|date| format!(" by {}", crate::model::medium_date(date))).unwrap_or_default(),
                );
                let horizon = format!(
                    "Horizon: {} weeks from {} ({} to {}) · weekly review on {}",
                    plan.horizon.weeks,
                    plan.horizon.start,
                    crate::model::medium_date(plan.horizon.first_day()),
                    crate::model::medium_date(plan.horizon.last_day()),
                    crate::model::weekday_label(plan.review_weekday),
                );
                view! {
                    <p class="goal__eyebrow">"Strategic goal"</p>
                    <h2 id="goal-title" class="goal__outcome">{outcome}</h2>
                    <p class="goal__target">{target_line}</p>
                    <p class="goal__horizon">{horizon}</p>
                    <ul class="metrics" aria-label="Success metrics">
                        {plan
                            .metrics
                            .iter()
                            .map(|metric| {
                                let span = metric.target - metric.baseline;
                                let progress = if span.abs() < f64::EPSILON {
                                    100
                                } else {
                                    ((metric.current - metric.baseline) / span * 100.0).clamp(0.0, 100.0).round() as i64
                                };
                                let arrow = match metric.direction {
                                    Direction::HigherIsBetter => "higher is better",
                                    Direction::LowerIsBetter => "lower is better",
                                };
                                let label = format!(
                                    "{}: {} {} now, from {} to {} ({arrow}), {} % of the way",
                                    metric.name,
                                    number_text(metric.current),
                                    metric.unit,
                                    number_text(metric.baseline),
                                    number_text(metric.target),
                                    progress
                                );
                                view! {
                                    <li class="metric">
                                        <span class="metric__name">{metric.name.clone()}</span>
                                        <span class="metric__numbers">
                                            {format!("{} {} → {} {}", number_text(metric.current), metric.unit, number_text(metric.target), metric.unit)}
                                        </span>
                                        <span class="metric__bar" role="meter" aria-label=label.clone()
                                            aria-valuemin="0" aria-valuemax="100" aria-valuenow=progress.to_string() title=label>
                                            <span class="metric__fill" style=format!("width: {progress}%")></span>
                                        </span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            }}
        </section>
    }
}

/// What a row of the activities table shows; rows are keyed by it, so a
/// changed activity gets a fresh row and rows need no reactive code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct RowData {
    id: ActivityId,
    title: String,
    owner: Option<String>,
    start: String,
    deadline: String,
    status: Status,
    impact: u8,
    client: String,
}

/// The activities with owner, dates and status, and their actions.
#[component]
fn ActivitiesTable(editing: RwSignal<Option<Editing>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = move || {
        state.history.with(|history| {
            let plan = history.plan();
            plan.activities
                .iter()
                .map(|activity| RowData {
                    id: activity.id,
                    title: activity.title.clone(),
                    owner: activity.owner.map(|owner| plan.person_name(owner)),
                    start: date_text(activity.start),
                    deadline: date_text(activity.deadline),
                    status: activity.status,
                    impact: activity.impact,
                    client: activity.client.clone(),
                })
                .collect::<Vec<_>>()
        })
    };
    let open_form = Callback::new(move |which: Editing| {
        editing.set(Some(which));
        browser::focus_after_render("activity-title".to_string());
    });
    view! {
        <section class="panel" aria-labelledby="activities-title">
            <div class="panel__heading">
                <h2 id="activities-title">"Activities"</h2>
                <button class="button button--primary" on:click=move |_| open_form.run(Editing::New)>"Add activity"</button>
            </div>
            <table class="table activities">
                <thead>
                    <tr>
                        <th scope="col">"Activity"</th>
                        <th scope="col">"Owner"</th>
                        <th scope="col">"Start"</th>
                        <th scope="col">"Deadline"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Impact"</th>
                        <th scope="col">"Client"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=rows key=|row| row.clone() let:row>
                        <ActivityRow row open_form/>
                    </For>
                </tbody>
            </table>
            {move || rows().is_empty().then(|| view! {
                <p class="empty">"No activities yet. A good plan has 3 to 8: add the first one."</p>
            })}
        </section>
    }
}

#[component]
fn ActivityRow(row: RowData, open_form: Callback<Editing>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = row.id;
    view! {
        <tr data-activity=id.to_string()>
            <th scope="row" class="activities__title">{row.title.clone()}</th>
            <td>{match row.owner {
                Some(name) => view! { <span>{name}</span> }.into_any(),
                None => view! { <span class="flag">"No owner"</span> }.into_any(),
            }}</td>
            <td>{row.start}</td>
            <td>{row.deadline}</td>
            <td><span class=format!("status status--{}", status_class(row.status))>{row.status.label()}</span></td>
            <td>{row.impact}</td>
            <td>{row.client}</td>
            <td class="table__actions">
                <button class="button button--small" aria-label=format!("Edit {}", row.title)
                    on:click=move |_| open_form.run(Editing::Existing(id))>"Edit"</button>
                <button class="button button--small button--danger" aria-label=format!("Delete {}", row.title)
                    on:click=move |_| { let _ = state.execute(Command::DeleteActivity(id)); }>"Delete"</button>
            </td>
        </tr>
    }
}

/// The CSS modifier of a status.
fn status_class(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "notstarted",
        Status::InProgress => "inprogress",
        Status::Blocked => "blocked",
        Status::Done => "done",
    }
}

/// The plan's warnings: gaps to close, never enforced.
#[component]
fn WarningsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let warnings = move || {
        state.history.with(|history| {
            validate::validate(history.plan())
                .into_iter()
                .filter(|finding| finding.severity == Severity::Warning)
                .map(|finding| finding.message)
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="panel" aria-labelledby="warnings-title">
            <h2 id="warnings-title">"Gaps to close"</h2>
            {move || {
                let warnings = warnings();
                if warnings.is_empty() {
                    view! { <p class="empty">"No gaps: every activity has an owner, dates and a definition of done."</p> }.into_any()
                } else {
                    view! {
                        <ul class="findings">
                            {warnings.into_iter().map(|message| view! { <li class="finding">{message}</li> }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// A checklist row being edited.
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
fn ActivityForm(which: Editing, editing: RwSignal<Option<Editing>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let original: Activity = state
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
        state.history.with_untracked(|history| {
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
        state.history.with(|history| {
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
        state.history.with(|history| {
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
    let propose_checkin = move |_| {
        let (Ok(Some(first)), Ok(Some(last))) = (
            parse_date("Start", &start.get_untracked()),
            parse_date("Deadline", &deadline.get_untracked()),
        ) else {
            error.set(Some("Enter a start and a deadline first.".to_string()));
            return;
        };
        let review = state
            .history
            .with_untracked(|history| history.plan().review_weekday);
        let middle = first + (last - first) / 2;
        let on_review_day = crate::model::Week::containing(middle).day(review);
        let proposal = on_review_day.clamp(first, last.max(first));
        checkin.set(proposal.to_string());
    };

    let heading = match which {
        Editing::New => "New activity".to_string(),
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
            checkin: parse_date("Midpoint check-in", &checkin.get_untracked())?,
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
        })
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let result = build().and_then(|activity| {
            let command = match which {
                Editing::New => Command::AddActivity(activity),
                Editing::Existing(_) => Command::UpdateActivity(activity),
            };
            state.execute(command)
        });
        match result {
            Ok(_) => {
                error.set(None);
                editing.set(None);
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
                    <Choice label="Owner" value=owner options=people_options/>
                    <Choice label="Status" value=status options=status_options/>
                    <Field label="Start" value=start kind="date"/>
                    <Field label="Deadline (hard)" value=deadline kind="date"/>
                    <div class="field">
                        <Field label="Midpoint check-in" value=checkin kind="date"/>
                        <button type="button" class="button button--small" on:click=propose_checkin>"Propose midpoint"</button>
                    </div>
                    <Choice label="Impact on the goal" value=impact options=impact_options/>
                    <Field label="Effort (hours)" value=effort kind="number"/>
                    <Choice label="Kind" value=kind options=kind_options/>
                    <Field label="Client" value=client hint="Empty for internal work"/>
                    <Choice label="Confirmed or tentative" value=commitment options=commitment_options/>
                </div>
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
                    <button type="submit" class="button button--primary">"Save activity"</button>
                    <button type="button" class="button" on:click=move |_| editing.set(None)>"Cancel"</button>
                </div>
            </form>
        </section>
    }
}

/// The name of a skill level.
pub fn level_name(level: u8) -> &'static str {
    match level {
        0 => "none",
        1 => "learning",
        2 => "working",
        3 => "strong",
        _ => "expert",
    }
}
