//! The People, Work, Leave and Holidays sheets as CSV, written in the
//! columns and the cell formats the spreadsheet import reads
//! (`persist::table` and `command::import`), so a plan's people, its book
//! of work with the assignments on it, the people's leave and the public
//! holidays can be edited in a spreadsheet and imported back.
//!
//! Each sheet is headed with [`Column::label`] of its columns. Cells go
//! through the same formula-injection guard as the other exports
//! (`csv::push_row`): a cell that starts with `=`, `+`, `-` or `@` gets a
//! `'` before it, which the import takes away again. Numbers are
//! written in full rather than rounded to a tenth, so an import of an
//! unedited sheet changes nothing.

use std::collections::HashMap;

use super::csv::{date_cell, header_row, push_row};
use super::table::Column;
use crate::model::{
    weekday_label, Activity, ActivityId, Allocation, Assignee, Certification, Commitment, Leave,
    NaiveDate, Person, Plan, Scope, Week, Weekday, WEEKDAYS,
};

/// The People sheet's columns, in the order they are written: every field
/// of a person the import reads that the plan keeps (no first and last
/// name apart, and hours a week rather than a day).
const PEOPLE: [Column; 12] = [
    Column::Name,
    Column::Email,
    Column::Role,
    Column::Team,
    Column::WeeklyHours,
    Column::WorkingDays,
    Column::Start,
    Column::End,
    Column::CostRate,
    Column::BillableTarget,
    Column::Skills,
    Column::Certifications,
];

/// The Leave sheet's columns: the person by name and email.
const LEAVE: [Column; 6] = [
    Column::Person,
    Column::Email,
    Column::From,
    Column::To,
    Column::PartOfDay,
    Column::Note,
];

/// The Holidays sheet's columns.
const HOLIDAYS: [Column; 2] = [Column::Date, Column::Name];

/// The header row of `columns`: their labels.
fn header(columns: &[Column]) -> Vec<String> {
    let labels: Vec<&str> = columns.iter().map(|column| column.label()).collect();
    header_row(&labels)
}

/// The people of a plan, one row each in the plan's order: Name, Role,
/// Team, Weekly hours, Working days (`Mon-Thu`), Start, End, Cost rate,
/// Billable target (`75%`), Skills (`Azure:4; Terraform:3`, levels above
/// 0) and Certifications (`CKA (2027-03-31); CISSP`).
pub fn people_sheet_csv(plan: &Plan) -> String {
    let mut text = String::new();
    push_row(&mut text, &header(&PEOPLE));
    for person in &plan.people {
        let cells: Vec<String> = PEOPLE
            .iter()
            .map(|column| person_cell(plan, person, *column))
            .collect();
        push_row(&mut text, &cells);
    }
    text
}

/// What `person` has in `column` of the People sheet.
fn person_cell(plan: &Plan, person: &Person, column: Column) -> String {
    match column {
        Column::Name => person.name.clone(),
        Column::Email => person.email.clone(),
        Column::Role => person.role.clone(),
        Column::Team => person.team.clone(),
        Column::WeeklyHours => number_cell(person.weekly_hours),
        Column::WorkingDays => working_days_cell(&person.working_days),
        Column::Start => date_cell(person.start_date),
        Column::End => date_cell(person.end_date),
        Column::CostRate => person.cost_rate.map(number_cell).unwrap_or_default(),
        Column::BillableTarget => person.billable_target.map(share_cell).unwrap_or_default(),
        Column::Skills => skills_cell(plan, person),
        Column::Certifications => certifications_cell(&person.certifications),
        _ => String::new(),
    }
}

/// The leave of every person, one row an entry, people in the plan's
/// order: Person, From, To, Part of day (`full` or `half`), Note.
pub fn leave_sheet_csv(plan: &Plan) -> String {
    let mut text = String::new();
    push_row(&mut text, &header(&LEAVE));
    for person in &plan.people {
        for leave in &person.leave {
            let cells: Vec<String> = LEAVE
                .iter()
                .map(|column| leave_cell(person, leave, *column))
                .collect();
            push_row(&mut text, &cells);
        }
    }
    text
}

/// What `leave` of `person` has in `column` of the Leave sheet.
fn leave_cell(person: &Person, leave: &Leave, column: Column) -> String {
    match column {
        Column::Person => person.name.clone(),
        Column::Email => person.email.clone(),
        Column::From => date_cell(Some(leave.start)),
        Column::To => date_cell(Some(leave.end)),
        Column::PartOfDay => part_of_day_cell(leave.day_fraction),
        Column::Note => leave.note.clone(),
        _ => String::new(),
    }
}

/// The public holidays of a plan, one row each in the plan's order: Date,
/// Name.
pub fn holidays_sheet_csv(plan: &Plan) -> String {
    let mut text = String::new();
    push_row(&mut text, &header(&HOLIDAYS));
    for holiday in &plan.holidays {
        push_row(
            &mut text,
            &[date_cell(Some(holiday.date)), holiday.name.clone()],
        );
    }
    text
}

/// The Work sheet's columns: the piece of work's terms, repeated on each
/// of its rows, then the assignment's dates, assignee and hours.
const WORK: [Column; 13] = [
    Column::Work,
    Column::Client,
    Column::Kind,
    Column::Status,
    Column::Stage,
    Column::Probability,
    Column::Start,
    Column::End,
    Column::Person,
    Column::Email,
    Column::Role,
    Column::HoursPerWeek,
    Column::Budget,
];

/// The book of work, one row an assignment (pieces of work and their
/// assignments in the plan's order): Work, Client, Kind, Status (with
/// `(tentative)` after it for tentative work that is not a deal), Deal
/// stage and Win probability % of a deal, Start and End, the Person (with
/// their Email) or, for an open role or a role to staff, the Role, Hours
/// per week and Budget hours.
///
/// An assignment's Start is the Monday of its first week and its End the
/// Friday of its last, or the work's own date when it falls in that week.
/// A piece of work gets a row of its own, without an assignee, when it has
/// no assignments, or when their dates do not run from its start to its
/// end: the import takes a new piece of work's dates from that row, else
/// from its assignments.
pub fn work_sheet_csv(plan: &Plan) -> String {
    let mut text = String::new();
    push_row(&mut text, &header(&WORK));
    let mut on: HashMap<ActivityId, Vec<&Allocation>> = HashMap::new();
    for allocation in &plan.allocations {
        on.entry(allocation.activity).or_default().push(allocation);
    }
    let book = plan
        .activities
        .iter()
        .filter(|activity| activity.scope == Scope::Book);
    for activity in book {
        let allocations = on.remove(&activity.id).unwrap_or_default();
        let rows: Vec<WorkRow> = allocations
            .iter()
            .map(|allocation| WorkRow::of(activity, allocation))
            .collect();
        let first = rows.iter().map(|row| row.start).min();
        let last = rows.iter().map(|row| row.end).max();
        if rows.is_empty() || first != activity.start || last != activity.deadline {
            let cells = WORK.map(|column| work_cell(plan, activity, None, column));
            push_row(&mut text, &cells);
        }
        for row in &rows {
            let cells = WORK.map(|column| work_cell(plan, activity, Some(row), column));
            push_row(&mut text, &cells);
        }
    }
    text
}

/// An assignment as its row of the Work sheet has it.
struct WorkRow<'a> {
    allocation: &'a Allocation,
    start: NaiveDate,
    end: NaiveDate,
}

impl WorkRow<'_> {
    fn of<'a>(activity: &Activity, allocation: &'a Allocation) -> WorkRow<'a> {
        let (first, last) = (allocation.first_week, allocation.last_week);
        let in_week = |date: Option<NaiveDate>, week: Week| {
            date.filter(|date| Week::containing(*date) == week)
        };
        WorkRow {
            allocation,
            start: in_week(activity.start, first).unwrap_or(first.monday()),
            end: in_week(activity.deadline, last).unwrap_or(last.day(Weekday::Fri)),
        }
    }
}

/// What `column` of the Work sheet holds for `activity`, on the row of an
/// assignment or, with `row` none, on the work's own row.
fn work_cell(plan: &Plan, activity: &Activity, row: Option<&WorkRow>, column: Column) -> String {
    let allocation = row.map(|row| row.allocation);
    let assignee = allocation.map(|allocation| &allocation.assignee);
    match column {
        Column::Work => activity.title.clone(),
        Column::Client => activity.client.clone(),
        Column::Kind => activity.kind.label().to_string(),
        Column::Status => {
            let tentative = activity.deal.is_none()
                && allocation.is_some_and(|a| a.commitment == Commitment::Tentative);
            match tentative {
                true => format!("{} (tentative)", activity.status.label()),
                false => activity.status.label().to_string(),
            }
        }
        Column::Stage => activity
            .deal
            .map(|deal| deal.stage.label().to_string())
            .unwrap_or_default(),
        Column::Probability => activity
            .deal
            .map(|deal| share_cell(deal.probability))
            .unwrap_or_default(),
        Column::Start => date_cell(row.map_or(activity.start, |row| Some(row.start))),
        Column::End => date_cell(row.map_or(activity.deadline, |row| Some(row.end))),
        Column::Person => match assignee {
            Some(Assignee::Person(id)) => plan.person_name(*id),
            _ => String::new(),
        },
        Column::Email => match assignee {
            Some(Assignee::Person(id)) => plan
                .person(*id)
                .map(|person| person.email.clone())
                .unwrap_or_default(),
            _ => String::new(),
        },
        Column::Role => match assignee {
            Some(Assignee::Role(id)) => plan.role_title(*id),
            Some(Assignee::Placeholder { role, .. }) => role.clone(),
            _ => String::new(),
        },
        Column::HoursPerWeek => allocation
            .map(|allocation| number_cell(allocation.hours_per_week))
            .unwrap_or_default(),
        Column::Budget => activity.budget_hours.map(number_cell).unwrap_or_default(),
        _ => String::new(),
    }
}

// ---------------------------------------------------------------------------
// Cells.

/// A number in full (`40`, `37.75`, `95.5`): the shortest text that reads
/// back as the same number, which `parse_hours` reads. A number that is not
/// finite (never in a valid plan) gives an empty cell.
fn number_cell(number: f64) -> String {
    if !number.is_finite() {
        return String::new();
    }
    // Adding 0.0 turns -0.0 into 0.0, so it is not written "-0".
    format!("{}", number + 0.0)
}

/// A share as a percentage with at most six decimals (`75%`, `12.5%`)
/// when that reads back as the same share (as `parse_percent` reads it,
/// the number over 100), else as the share itself (`0.123456789`), which
/// `parse_percent` reads as a share for any number up to 1.
fn share_cell(share: f64) -> String {
    let percent = share * 100.0;
    for decimals in 0..=6 {
        let text = format!("{percent:.decimals$}");
        if text.parse::<f64>().is_ok_and(|read| read / 100.0 == share) {
            return format!("{text}%");
        }
    }
    number_cell(share)
}

/// The days a person works as runs of days, Monday first: `Mon-Fri`,
/// `Mon-Wed, Fri`, `Sat`. Empty when they work no day.
fn working_days_cell(days: &[crate::model::Weekday]) -> String {
    let mut runs: Vec<String> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for day in WEEKDAYS {
        if days.contains(&day) {
            run.push(weekday_label(day));
            continue;
        }
        push_run(&mut runs, &mut run);
    }
    push_run(&mut runs, &mut run);
    runs.join(", ")
}

/// Ends a run of days: `Mon` alone, `Mon-Wed` from its first to its last.
fn push_run(runs: &mut Vec<String>, run: &mut Vec<&str>) {
    match run.as_slice() {
        [] => {}
        [one] => runs.push(one.to_string()),
        [first, .., last] => runs.push(format!("{first}-{last}")),
    }
    run.clear();
}

/// A person's skill levels by name, `Azure:4; Terraform:3`, in the order
/// they hold them. Level 0 means none, so it is left out; so is a skill not
/// in the catalogue (never in a valid plan).
fn skills_cell(plan: &Plan, person: &Person) -> String {
    let levels: Vec<String> = person
        .skills
        .iter()
        .filter(|held| held.level > 0)
        .filter_map(|held| {
            let skill = plan.skills.iter().find(|skill| skill.id == held.skill)?;
            Some(format!("{}:{}", skill.name, held.level))
        })
        .collect();
    levels.join("; ")
}

/// Certifications by name, each with its expiry date in brackets when it
/// has one: `CKA (2027-03-31); CISSP`. The issuer is not a column the
/// import reads.
fn certifications_cell(certifications: &[Certification]) -> String {
    let entries: Vec<String> = certifications
        .iter()
        .map(|certification| match certification.expires {
            Some(date) => format!("{} ({date})", certification.name),
            None => certification.name.clone(),
        })
        .collect();
    entries.join("; ")
}

/// `full` for a whole day off, `half` for half of one; another share of a
/// day (which the import does not read) as its number.
fn part_of_day_cell(day_fraction: f64) -> String {
    if day_fraction == 1.0 {
        "full".to_string()
    } else if day_fraction == 0.5 {
        "half".to_string()
    } else {
        number_cell(day_fraction)
    }
}

#[cfg(test)]
#[path = "sheets_tests.rs"]
mod tests;
