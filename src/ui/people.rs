//! The People view: who is in the plan, their hours and availability dates,
//! added, edited and removed through commands. Removing someone who owns
//! work asks where that work goes.

use leptos::prelude::*;

use super::forms::{date_text, number_text, parse_date, parse_number, Choice, Field};
use super::state::AppState;
use crate::browser;
use crate::command::Command;
use crate::model::{count_of, weekday_label, Assignee, Person, PersonId, Plan, WEEKDAYS};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Editing {
    New,
    Existing(PersonId),
}

#[component]
pub fn PeopleView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let editing = RwSignal::new(None::<Editing>);
    let removing = RwSignal::new(None::<PersonId>);
    let rows = move || {
        state.history.with(|history| {
            let plan = history.plan();
            plan.people
                .iter()
                .map(|person| row_data(plan, person))
                .collect::<Vec<_>>()
        })
    };
    let open_form = Callback::new(move |which: Editing| {
        removing.set(None);
        editing.set(Some(which));
        browser::focus_after_render("person-name".to_string());
    });
    view! {
        <div class="people">
            <section class="panel" aria-labelledby="people-title">
                <div class="panel__heading">
                    <h2 id="people-title">"People"</h2>
                    <button class="button button--primary" on:click=move |_| open_form.run(Editing::New)>"Add person"</button>
                </div>
                <p class="view__hint">
                    "Availability strips, leave, skills and certifications come with the People and skills matrix capability."
                </p>
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Role"</th>
                            <th scope="col">"Team"</th>
                            <th scope="col">"Hours / week"</th>
                            <th scope="col">"Support load"</th>
                            <th scope="col">"Works"</th>
                            <th scope="col">"Dates"</th>
                            <th scope="col">"Owns"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=rows key=|row| row.clone() let:row>
                            <PersonRow row open_form removing/>
                        </For>
                    </tbody>
                </table>
            </section>
            {move || removing.get().map(|id| view! { <RemovePerson id removing/> })}
            {move || editing.get().map(|which| view! { <PersonForm which editing/> })}
        </div>
    }
}

/// What a row of the people table shows; rows are keyed by it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct RowData {
    id: PersonId,
    name: String,
    role: String,
    team: String,
    hours: String,
    support: String,
    days: String,
    dates: String,
    owns: usize,
}

fn row_data(plan: &Plan, person: &Person) -> RowData {
    let days = if person.working_days == WEEKDAYS[..5] {
        "Mon-Fri".to_string()
    } else {
        person
            .working_days
            .iter()
            .map(|day| weekday_label(*day))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let dates = match (person.start_date, person.end_date) {
        (Some(start), Some(end)) => format!("from {start} until {end}"),
        (Some(start), None) => format!("starts {start}"),
        (None, Some(end)) => format!("leaves {end}"),
        (None, None) => String::new(),
    };
    RowData {
        id: person.id,
        name: person.name.clone(),
        role: person.role.clone(),
        team: person.team.clone(),
        hours: format!("{} h", number_text(person.weekly_hours)),
        support: format!("{} h", number_text(person.support_hours_per_week)),
        days,
        dates,
        owns: plan
            .activities
            .iter()
            .filter(|activity| activity.owner == Some(person.id))
            .count(),
    }
}

#[component]
fn PersonRow(
    row: RowData,
    open_form: Callback<Editing>,
    removing: RwSignal<Option<PersonId>>,
) -> impl IntoView {
    let id = row.id;
    view! {
        <tr data-person=id.to_string()>
            <th scope="row">{row.name.clone()}</th>
            <td>{row.role}</td>
            <td>{row.team}</td>
            <td>{row.hours}</td>
            <td>{row.support}</td>
            <td>{row.days}</td>
            <td>{row.dates}</td>
            <td>{row.owns}</td>
            <td class="table__actions">
                <button class="button button--small" aria-label=format!("Edit {}", row.name)
                    on:click=move |_| open_form.run(Editing::Existing(id))>"Edit"</button>
                <button class="button button--small button--danger" aria-label=format!("Remove {}", row.name)
                    on:click=move |_| {
                        removing.set(Some(id));
                        browser::focus_after_render("remove-person-title".to_string());
                    }>"Remove"</button>
            </td>
        </tr>
    }
}

/// Asks where a person's work goes before removing them.
#[component]
fn RemovePerson(id: PersonId, removing: RwSignal<Option<PersonId>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (name, owned, allocated, others) = state.history.with_untracked(|history| {
        let plan = history.plan();
        (
            plan.person_name(id),
            plan.activities
                .iter()
                .filter(|a| a.owner == Some(id))
                .count(),
            plan.allocations
                .iter()
                .filter(|a| a.assignee == Assignee::Person(id))
                .count(),
            plan.people
                .iter()
                .filter(|person| person.id != id)
                .map(|person| {
                    (
                        person.id.to_string(),
                        format!("{} ({})", person.name, person.role),
                    )
                })
                .collect::<Vec<_>>(),
        )
    });
    let heir = RwSignal::new(String::new());
    let options = {
        std::iter::once((String::new(), "Nobody: leave unowned".to_string()))
            .chain(others.clone())
            .collect::<Vec<_>>()
    };
    let error = RwSignal::new(None::<String>);
    let confirm = move |_| {
        let reassign_to = heir.get_untracked().parse::<PersonId>().ok();
        match state.execute(Command::RemovePerson {
            person: id,
            reassign_to,
        }) {
            Ok(_) => removing.set(None),
            Err(message) => error.set(Some(message)),
        }
    };
    let work = if owned + allocated == 0 {
        format!("{name} owns no activities and has no allocations.")
    } else {
        format!(
            "{name} owns {} and has {}. Who takes them over?",
            count_of(owned, "activity", "activities"),
            count_of(allocated, "allocation", "allocations")
        )
    };
    view! {
        <section class="panel form form--warning" role="dialog" aria-labelledby="remove-person-title">
            <h2 id="remove-person-title" tabindex="-1">{format!("Remove {name}?")}</h2>
            <p>{work}</p>
            {(owned + allocated > 0).then(|| view! { <Choice label="Hand their work to" value=heir options/> })}
            <p class="view__hint">"Removing can be undone with Undo (Ctrl+Z)."</p>
            {move || error.get().map(|message| view! { <p class="form__error" role="alert">{message}</p> })}
            <div class="form__actions">
                <button class="button button--danger" on:click=confirm>{format!("Remove {name}")}</button>
                <button class="button" on:click=move |_| removing.set(None)>"Cancel"</button>
            </div>
        </section>
    }
}

#[component]
fn PersonForm(which: Editing, editing: RwSignal<Option<Editing>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let original: Person = state
        .history
        .with_untracked(|history| match which {
            Editing::Existing(id) => history.plan().person(id).cloned(),
            Editing::New => None,
        })
        .unwrap_or_else(|| Person::new(PersonId(0), ""));
    let name = RwSignal::new(original.name.clone());
    let role = RwSignal::new(original.role.clone());
    let team = RwSignal::new(original.team.clone());
    let hours = RwSignal::new(number_text(original.weekly_hours));
    let support = RwSignal::new(number_text(original.support_hours_per_week));
    let start = RwSignal::new(date_text(original.start_date));
    let end = RwSignal::new(date_text(original.end_date));
    let days = RwSignal::new(original.working_days.clone());
    let error = RwSignal::new(None::<String>);

    let heading = match which {
        Editing::New => "New person".to_string(),
        Editing::Existing(_) => format!("Edit {}", original.name),
    };
    let build = move || -> Result<Person, String> {
        let working_days = days.get_untracked();
        Ok(Person {
            name: name.get_untracked().trim().to_string(),
            role: role.get_untracked().trim().to_string(),
            team: team.get_untracked().trim().to_string(),
            weekly_hours: parse_number("Weekly hours", &hours.get_untracked(), 0.0)?,
            support_hours_per_week: parse_number("Support load", &support.get_untracked(), 0.0)?,
            start_date: parse_date("Start date", &start.get_untracked())?,
            end_date: parse_date("End date", &end.get_untracked())?,
            working_days,
            ..original.clone()
        })
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let result = build().and_then(|person| {
            state.execute(match which {
                Editing::New => Command::AddPerson(person),
                Editing::Existing(_) => Command::UpdatePerson(person),
            })
        });
        match result {
            Ok(_) => editing.set(None),
            Err(message) => error.set(Some(message)),
        }
    };
    view! {
        <section class="panel form" aria-labelledby="person-form-title">
            <h2 id="person-form-title">{heading}</h2>
            <form on:submit=save novalidate>
                <div class="form__grid">
                    <Field label="Name" value=name required=true id="person-name"/>
                    <Field label="Role" value=role/>
                    <Field label="Team" value=team/>
                    <Field label="Weekly hours" value=hours kind="number"/>
                    <Field label="Support load (hours / week)" value=support kind="number"/>
                    <Field label="Start date" value=start kind="date" hint="For a planned hire"/>
                    <Field label="End date" value=end kind="date" hint="For a leaver"/>
                </div>
                <fieldset class="fieldset">
                    <legend>"Working days"</legend>
                    <ul class="checks checks--inline">
                        {WEEKDAYS.into_iter().map(|day| view! {
                            <li>
                                <label>
                                    <input type="checkbox"
                                        prop:checked=move || days.with(|days| days.contains(&day))
                                        on:change=move |event| {
                                            let checked = event_target_checked(&event);
                                            days.update(|days| {
                                                days.retain(|d| *d != day);
                                                if checked { days.push(day); }
                                            });
                                        }/>
                                    " " {weekday_label(day)}
                                </label>
                            </li>
                        }).collect_view()}
                    </ul>
                </fieldset>
                {move || error.get().map(|message| view! { <p class="form__error" role="alert">{message}</p> })}
                <div class="form__actions">
                    <button type="submit" class="button button--primary">"Save person"</button>
                    <button type="button" class="button" on:click=move |_| editing.set(None)>"Cancel"</button>
                </div>
            </form>
        </section>
    }
}
