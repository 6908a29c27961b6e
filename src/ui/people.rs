//! The People view: who is in the plan, their hours and availability dates,
//! added, edited and removed through commands. Removing someone who owns
//! work asks where that work goes.

use leptos::prelude::*;

use super::forms::{date_text, number_text, parse_date, parse_number, Choice, Field};
use super::markup::{attr_into, escape_into, Action, Html};
use super::state::AppState;
use crate::browser;
use crate::command::Command;
use crate::engine::skills;
use crate::model::level_name;
use crate::model::{
    count_of, medium_date, weekday_label, Assignee, Certification, Holiday, Leave, Person,
    PersonId, Plan, SkillId, SkillLevel, SupportPeriod, MAX_SKILL_LEVEL, WEEKDAYS,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Editing {
    New,
    Existing(PersonId),
}

#[component]
pub fn PeopleView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let sheets = expect_context::<super::sheet_import::SheetImport>();
    let editing = RwSignal::new(None::<Editing>);
    let removing = RwSignal::new(None::<PersonId>);
    let rows = move || {
        state.edits.history.with(|history| {
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
    // One handler for the rows' Edit and Remove buttons (the rows are
    // markup, drawn again on a change).
    let on_click = move |event: web_sys::MouseEvent| match Action::from_event(&event) {
        Some(Action::RemovePerson(id)) => {
            removing.set(Some(id));
            browser::focus_after_render("remove-person-title".to_string());
        }
        Some(Action::EditPerson(id)) => open_form.run(Editing::Existing(id)),
        _ => {}
    };
    view! {
        <div class="people">
            <section class="panel" aria-labelledby="people-title">
                <div class="panel__heading">
                    <h2 id="people-title" tabindex="-1">"People"</h2>
                    <div class="files__actions">
                        // People, their leave and public holidays: the sheet
                        // is guessed from the columns.
                        <button class="button" on:click=move |_| sheets.start(None)>
                            "Import from a spreadsheet…"
                        </button>
                        <button class="button button--primary" on:click=move |_| open_form.run(Editing::New)>"Add person"</button>
                    </div>
                </div>
                <p class="view__hint">
                    "The strip shows each week of the horizon: green when the week is free of leave and holidays, red when the person is away, not yet started or gone. Hover a week for its hours."
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
                            <th scope="col">"Availability by week"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody on:click=on_click inner_html=move || {
                        let mut out = String::new();
                        for row in rows() {
                            row_html(&mut out, &row);
                        }
                        out
                    }></tbody>
                </table>
            </section>
            {move || removing.get().map(|id| view! { <RemovePerson id removing/> })}
            <Holidays/>
            <super::hiring::HiringPanel/>
            {move || editing.get().map(|which| view! { <PersonForm which editing/> })}
        </div>
    }
}

/// What a row of the people table shows.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// The availability strip: per week, a shade (0-4) and its description.
    strip: Vec<(u8, String)>,
    short_weeks: String,
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
    let weeks = skills::weekly_availability(plan, person);
    let strip: Vec<(u8, String)> = weeks
        .iter()
        .map(|week| {
            let share = if week.usual_hours > 0.0 {
                week.available_hours / week.usual_hours
            } else {
                0.0
            };
            let shade = (share * 4.0).round().clamp(0.0, 4.0) as u8;
            let mut text = format!(
                "{}: {} h of {} h",
                week.week,
                number_text(week.available_hours.round()),
                number_text(week.usual_hours.round())
            );
            if !week.reason.is_empty() {
                text.push_str(&format!(" ({})", week.reason));
            }
            (shade, text)
        })
        .collect();
    let short: Vec<&str> = strip
        .iter()
        .filter(|(shade, _)| *shade < 4)
        .map(|(_, text)| text.as_str())
        .collect();
    let short_weeks = if short.is_empty() {
        "Available every week of the horizon".to_string()
    } else {
        format!("Short weeks: {}", short.join("; "))
    };
    RowData {
        strip,
        short_weeks,
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

/// A row of the people table, with its availability strip.
fn row_html(out: &mut String, row: &RowData) {
    let id = row.id;
    out.push_str(&format!(r#"<tr data-person="{id}"><th scope="row">"#));
    escape_into(out, &row.name);
    out.push_str("</th>");
    for cell in [
        &row.role,
        &row.team,
        &row.hours,
        &row.support,
        &row.days,
        &row.dates,
    ] {
        out.push_str("<td>");
        escape_into(out, cell);
        out.push_str("</td>");
    }
    out.push_str(&format!(
        r#"<td>{}</td><td><span class="strip" role="img""#,
        row.owns
    ));
    attr_into(out, "aria-label", &row.short_weeks);
    attr_into(out, "title", &row.short_weeks);
    out.push('>');
    for (shade, text) in &row.strip {
        out.push_str(&format!(
            r#"<span class="strip__week strip__week--{shade}""#
        ));
        attr_into(out, "title", text);
        out.push_str("></span>");
    }
    out.push_str(r#"</span></td><td class="table__actions">"#);
    Html::on(out)
        .open("button")
        .attr("type", "button")
        .class("button button--small")
        .action(&Action::EditPerson(id))
        .attr("aria-label", &format!("Edit {}", row.name))
        .text("Edit")
        .close("button")
        .open("button")
        .attr("type", "button")
        .class("button button--small button--danger")
        .attr("id", &format!("remove-{id}"))
        .action(&Action::RemovePerson(id))
        .attr("aria-label", &format!("Remove {}", row.name))
        .text("Remove")
        .close("button")
        .raw("</td></tr>");
}

/// Asks where a person's work goes before removing them.
#[component]
fn RemovePerson(id: PersonId, removing: RwSignal<Option<PersonId>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (name, owned, allocated, others) = state.edits.history.with_untracked(|history| {
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
        match state.edits.execute(Command::RemovePerson {
            person: id,
            reassign_to,
        }) {
            Ok(_) => {
                removing.set(None);
                // Their row is gone: focus goes to the table's heading.
                browser::focus_after_render("people-title".to_string());
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let work = if owned + allocated == 0 {
        format!("{name} owns no work and has no allocations.")
    } else {
        format!(
            "{name} owns {} and has {}. Who takes them over?",
            count_of(owned, "piece of work", "pieces of work"),
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
                <button class="button" on:click=move |_| {
                    removing.set(None);
                    browser::focus_after_render(format!("remove-{id}"));
                }>"Cancel"</button>
            </div>
        </section>
    }
}

#[component]
fn PersonForm(which: Editing, editing: RwSignal<Option<Editing>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let original: Person = state
        .edits
        .history
        .with_untracked(|history| match which {
            Editing::Existing(id) => history.plan().person(id).cloned(),
            Editing::New => None,
        })
        .unwrap_or_else(|| Person::new(PersonId(0), ""));
    let name = RwSignal::new(original.name.clone());
    let email = RwSignal::new(original.email.clone());
    let role = RwSignal::new(original.role.clone());
    let team = RwSignal::new(original.team.clone());
    let hours = RwSignal::new(number_text(original.weekly_hours));
    let support = RwSignal::new(number_text(original.support_hours_per_week));
    let start = RwSignal::new(date_text(original.start_date));
    let end = RwSignal::new(date_text(original.end_date));
    let days = RwSignal::new(original.working_days.clone());
    let cost_rate = RwSignal::new(original.cost_rate.map(number_text).unwrap_or_default());
    let leave = RwSignal::new(
        original
            .leave
            .iter()
            .map(|leave| {
                [
                    RwSignal::new(leave.start.to_string()),
                    RwSignal::new(leave.end.to_string()),
                    RwSignal::new(
                        if leave.day_fraction < 1.0 {
                            "half"
                        } else {
                            "whole"
                        }
                        .to_string(),
                    ),
                    RwSignal::new(leave.note.clone()),
                ]
            })
            .collect::<Vec<_>>(),
    );
    let support_periods = RwSignal::new(
        original
            .support_periods
            .iter()
            .map(|period| {
                [
                    RwSignal::new(period.start.to_string()),
                    RwSignal::new(period.end.to_string()),
                    RwSignal::new(number_text(period.hours_per_week)),
                    RwSignal::new(period.note.clone()),
                ]
            })
            .collect::<Vec<_>>(),
    );
    let skills = RwSignal::new(
        original
            .skills
            .iter()
            .map(|held| {
                [
                    RwSignal::new(held.skill.to_string()),
                    RwSignal::new(held.level.to_string()),
                ]
            })
            .collect::<Vec<_>>(),
    );
    let certifications = RwSignal::new(
        original
            .certifications
            .iter()
            .map(|certification| {
                [
                    RwSignal::new(certification.name.clone()),
                    RwSignal::new(certification.issuer.clone()),
                    RwSignal::new(date_text(certification.expires)),
                ]
            })
            .collect::<Vec<_>>(),
    );
    let catalogue: Vec<(String, String)> = state.edits.history.with_untracked(|history| {
        history
            .plan()
            .skills
            .iter()
            .map(|skill| {
                (
                    skill.id.to_string(),
                    format!("{} ({})", skill.name, skill.category),
                )
            })
            .collect()
    });
    let error = RwSignal::new(None::<String>);

    let heading = match which {
        Editing::New => "New person".to_string(),
        Editing::Existing(_) => format!("Edit {}", original.name),
    };
    let build = move || -> Result<Person, String> {
        let working_days = days.get_untracked();
        let mut leave_ranges = Vec::new();
        for [start, end, fraction, note] in leave.get_untracked() {
            let (Some(first), Some(last)) = (
                parse_date("Leave from", &start.get_untracked())?,
                parse_date("Leave until", &end.get_untracked())?,
            ) else {
                return Err("Leave: enter the first and the last day".to_string());
            };
            leave_ranges.push(Leave {
                start: first,
                end: last,
                day_fraction: if fraction.get_untracked() == "half" {
                    0.5
                } else {
                    1.0
                },
                note: note.get_untracked().trim().to_string(),
            });
        }
        let mut periods = Vec::new();
        for [start, end, hours, note] in support_periods.get_untracked() {
            let (Some(first), Some(last)) = (
                parse_date("Support from", &start.get_untracked())?,
                parse_date("Support until", &end.get_untracked())?,
            ) else {
                return Err("Support period: enter the first and the last day".to_string());
            };
            periods.push(SupportPeriod {
                start: first,
                end: last,
                hours_per_week: parse_number("Support hours", &hours.get_untracked(), 0.0)?,
                note: note.get_untracked().trim().to_string(),
            });
        }
        let mut held = Vec::new();
        for [skill, level] in skills.get_untracked() {
            let Ok(skill) = skill.get_untracked().parse::<SkillId>() else {
                continue;
            };
            if !held.iter().any(|other: &SkillLevel| other.skill == skill) {
                held.push(SkillLevel {
                    skill,
                    level: level.get_untracked().parse().unwrap_or(0),
                });
            }
        }
        let mut certified = Vec::new();
        for [name, issuer, expires] in certifications.get_untracked() {
            if name.get_untracked().trim().is_empty() {
                continue;
            }
            certified.push(Certification {
                name: name.get_untracked().trim().to_string(),
                issuer: issuer.get_untracked().trim().to_string(),
                expires: parse_date("Certification expires", &expires.get_untracked())?,
            });
        }
        let rate = cost_rate.get_untracked();
        Ok(Person {
            support_periods: periods,
            leave: leave_ranges,
            skills: held,
            certifications: certified,
            cost_rate: if rate.trim().is_empty() {
                None
            } else {
                Some(parse_number("Cost rate", &rate, 0.0)?)
            },
            name: name.get_untracked().trim().to_string(),
            email: email.get_untracked().trim().to_string(),
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
            state.edits.execute(match which {
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
                    <Field label="Email" value=email kind="email" hint="Finds them in a spreadsheet import; never in a client copy"/>
                    <Field label="Role" value=role/>
                    <Field label="Team" value=team/>
                    <Field label="Weekly hours" value=hours kind="number"/>
                    <Field label="Support load (hours / week)" value=support kind="number"/>
                    <Field label="Start date" value=start kind="date" hint="For a planned hire"/>
                    <Field label="Internal cost rate (per hour)" value=cost_rate kind="number" hint="Internal only"/>
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
                <fieldset class="fieldset">
                    <legend>"Support load in given weeks (an on-call rota week)"</legend>
                    <ul class="rows">
                        {move || support_periods.get().into_iter().enumerate().map(|(index, [start, end, hours, note])| view! {
                            <li class="rows__row">
                                <input type="date" aria-label="Support from" prop:value=move || start.get()
                                    on:input=move |event| start.set(event_target_value(&event))/>
                                <input type="date" aria-label="Support until" prop:value=move || end.get()
                                    on:input=move |event| end.set(event_target_value(&event))/>
                                <input type="number" step="any" aria-label="Support hours a week then" prop:value=move || hours.get()
                                    on:input=move |event| hours.set(event_target_value(&event))/>
                                <input type="text" class="rows__text" aria-label="Support note" prop:value=move || note.get()
                                    on:input=move |event| note.set(event_target_value(&event))/>
                                <button type="button" class="button button--small" aria-label="Remove this support period"
                                    on:click=move |_| support_periods.update(|rows| { rows.remove(index); })>"Remove"</button>
                            </li>
                        }).collect_view()}
                    </ul>
                    <button type="button" class="button button--small" on:click=move |_| support_periods.update(|rows| rows.push([
                        RwSignal::new(String::new()), RwSignal::new(String::new()),
                        RwSignal::new("16".to_string()), RwSignal::new("On call".to_string()),
                    ]))>"Add a support period"</button>
                </fieldset>
                <fieldset class="fieldset">
                    <legend>"Leave"</legend>
                    <ul class="rows">
                        {move || leave.get().into_iter().enumerate().map(|(index, [start, end, fraction, note])| view! {
                            <li class="rows__row">
                                <input type="date" aria-label="Leave from" prop:value=move || start.get()
                                    on:input=move |event| start.set(event_target_value(&event))/>
                                <input type="date" aria-label="Leave until" prop:value=move || end.get()
                                    on:input=move |event| end.set(event_target_value(&event))/>
                                <select aria-label="Whole or half days" on:change=move |event| fraction.set(event_target_value(&event))>
                                    <option value="whole" selected=fraction.get_untracked() == "whole">"Whole days"</option>
                                    <option value="half" selected=fraction.get_untracked() == "half">"Half days"</option>
                                </select>
                                <input type="text" class="rows__text" aria-label="Leave note" prop:value=move || note.get()
                                    on:input=move |event| note.set(event_target_value(&event))/>
                                <button type="button" class="button button--small" aria-label="Remove this leave"
                                    on:click=move |_| leave.update(|rows| { rows.remove(index); })>"Remove"</button>
                            </li>
                        }).collect_view()}
                    </ul>
                    <button type="button" class="button button--small" on:click=move |_| leave.update(|rows| rows.push([
                        RwSignal::new(String::new()), RwSignal::new(String::new()),
                        RwSignal::new("whole".to_string()), RwSignal::new(String::new()),
                    ]))>"Add leave"</button>
                </fieldset>
                <fieldset class="fieldset">
                    <legend>"Skills (0 none, 1 learning, 2 working, 3 strong, 4 expert)"</legend>
                    <ul class="rows">
                        {move || {
                            let catalogue = catalogue.clone();
                            skills.get().into_iter().enumerate().map(|(index, [skill, level])| {
                                let current = skill.get_untracked();
                                view! {
                                    <li class="rows__row">
                                        <select aria-label="Skill" on:change=move |event| skill.set(event_target_value(&event))>
                                            {catalogue.iter().map(|(id, name)| view! {
                                                <option value=id.clone() selected=*id == current>{name.clone()}</option>
                                            }).collect_view()}
                                        </select>
                                        <select aria-label="Level" on:change=move |event| level.set(event_target_value(&event))>
                                            {(0..=MAX_SKILL_LEVEL).map(|option| view! {
                                                <option value=option.to_string() selected=option.to_string() == level.get_untracked()>
                                                    {format!("{option} {}", level_name(option))}
                                                </option>
                                            }).collect_view()}
                                        </select>
                                        <button type="button" class="button button--small" aria-label="Remove this skill"
                                            on:click=move |_| skills.update(|rows| { rows.remove(index); })>"Remove"</button>
                                    </li>
                                }
                            }).collect_view()
                        }}
                    </ul>
                    <button type="button" class="button button--small" on:click=move |_| {
                        let first = state.edits.history.with_untracked(|history| history.plan().skills.first().map(|skill| skill.id.to_string()));
                        if let Some(first) = first {
                            skills.update(|rows| rows.push([RwSignal::new(first), RwSignal::new("2".to_string())]));
                        }
                    }>"Add skill"</button>
                </fieldset>
                <fieldset class="fieldset">
                    <legend>"Certifications"</legend>
                    <ul class="rows">
                        {move || certifications.get().into_iter().enumerate().map(|(index, [name, issuer, expires])| view! {
                            <li class="rows__row">
                                <input type="text" class="rows__text" aria-label="Certification" prop:value=move || name.get()
                                    on:input=move |event| name.set(event_target_value(&event))/>
                                <input type="text" aria-label="Issuer" prop:value=move || issuer.get()
                                    on:input=move |event| issuer.set(event_target_value(&event))/>
                                <input type="date" aria-label="Expires" prop:value=move || expires.get()
                                    on:input=move |event| expires.set(event_target_value(&event))/>
                                <button type="button" class="button button--small" aria-label="Remove this certification"
                                    on:click=move |_| certifications.update(|rows| { rows.remove(index); })>"Remove"</button>
                            </li>
                        }).collect_view()}
                    </ul>
                    <button type="button" class="button button--small" on:click=move |_| certifications.update(|rows| rows.push([
                        RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()),
                    ]))>"Add certification"</button>
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

/// The plan's public holidays: nobody works on them.
#[component]
fn Holidays() -> impl IntoView {
    let state = expect_context::<AppState>();
    let date = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let set =
        move |holidays: Vec<Holiday>| match state.edits.execute(Command::SetHolidays(holidays)) {
            Ok(_) => error.set(None),
            Err(message) => error.set(Some(message)),
        };
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Ok(Some(day)) = parse_date("Holiday", &date.get_untracked()) else {
            error.set(Some("Holiday: enter its date".to_string()));
            return;
        };
        let mut holidays = state
            .edits
            .history
            .with_untracked(|history| history.plan().holidays.clone());
        holidays.push(Holiday {
            date: day,
            name: name.get_untracked().trim().to_string(),
        });
        set(holidays);
        date.set(String::new());
        name.set(String::new());
    };
    view! {
        <section class="panel" aria-labelledby="holidays-title">
            <h2 id="holidays-title">"Public holidays"</h2>
            <p class="view__hint">"Nobody works on a public holiday; leave and holidays reduce availability."</p>
            <ul class="stored">
                {move || state.edits.history.with(|history| {
                    history.plan().holidays.iter().enumerate().map(|(index, holiday)| {
                        let label = format!("{} · {}", medium_date(holiday.date), holiday.name);
                        view! {
                            <li class="stored__plan">
                                <span class="stored__name">{label.clone()}</span>
                                <button class="button button--small" aria-label=format!("Remove {label}") on:click=move |_| {
                                    let mut holidays = state.edits.history.with_untracked(|history| history.plan().holidays.clone());
                                    if index < holidays.len() {
                                        holidays.remove(index);
                                    }
                                    set(holidays);
                                }>"Remove"</button>
                            </li>
                        }
                    }).collect_view()
                })}
            </ul>
            <form class="rows__row" on:submit=add novalidate>
                <input type="date" aria-label="Holiday date" prop:value=move || date.get() on:input=move |event| date.set(event_target_value(&event))/>
                <input type="text" class="rows__text" aria-label="Holiday name" placeholder="Name" prop:value=move || name.get() on:input=move |event| name.set(event_target_value(&event))/>
                <button type="submit" class="button button--small">"Add holiday"</button>
            </form>
            {move || error.get().map(|message| view! { <p class="form__error" role="alert">{message}</p> })}
        </section>
    }
}
