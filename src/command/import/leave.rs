//! A Leave sheet: days off added to the people of the plan, each found by
//! their email or their name.

use super::*;

pub(super) fn plan_leave<'a>(
    plan: &Plan,
    rows: impl Iterator<Item = Row<'a>>,
    source: &str,
) -> ImportPlan {
    let people = people_by_name(plan);
    // The people whose leave changes, by index into `plan.people`.
    let mut changed: HashMap<usize, Person> = HashMap::new();
    // The first row of each (person, first day, last day).
    let mut seen: HashMap<(usize, NaiveDate, NaiveDate), usize> = HashMap::new();
    let mut outcomes = Vec::new();
    for row in rows {
        let outcome = match read_leave(plan, &people, &row) {
            Err(outcome) => outcome,
            Ok((index, leave)) => {
                let person = changed
                    .entry(index)
                    .or_insert_with(|| plan.people[index].clone());
                place(&row, person, leave, index, &mut seen)
            }
        };
        outcomes.push(outcome);
    }
    let counts = Counts::of(&outcomes);
    let changes = added_and_updated(&counts, "leave entry", "leave entries", "changed");
    let mut people: Vec<(usize, Person)> = changed
        .into_iter()
        .filter(|(index, person)| plan.people[*index] != *person)
        .collect();
    sort_by_number(&mut people, |(index, _)| *index as u64);
    let commands = people
        .into_iter()
        .map(|(_, person)| Command::UpdatePerson(person))
        .collect();
    finish(source, outcomes, changes, commands, Vec::new(), Vec::new())
}

/// The person a row is for (an index into `plan.people`) and the leave it
/// gives them; a refused outcome when the row cannot be read.
fn read_leave(plan: &Plan, people: &PeopleIndex, row: &Row) -> Result<(usize, Leave), RowOutcome> {
    let name = row.text(Column::Person);
    let email = row.text(Column::Email).trim();
    if name.is_empty() && email.is_empty() {
        let problem = row.problem(Column::Person, "every row needs the name of a person");
        return Err(row.refused(String::new(), vec![problem]));
    }
    let who = match name {
        "" => shown(email),
        name => shown(name),
    };
    // A row the plan cannot tell the person of names its Email column when
    // the email is someone's, or when it has only an email.
    let who_column = match people.by_email(email) {
        Some(_) => Column::Email,
        None if name.is_empty() => Column::Email,
        None => Column::Person,
    };
    let index = match find_person(plan, people, name, Some(email)) {
        Ok(Some(index)) => index,
        Ok(None) if name.is_empty() => {
            let message = format!(
                "no one in the plan has the email '{}': add it to them (a People sheet with an Email column does), or add a column with the person's name",
                shown(email)
            );
            return Err(row.refused(who, vec![row.problem(who_column, message)]));
        }
        Ok(None) => {
            let message = format!(
                "no one in the plan is called '{}': import them with a People sheet first, or correct the name",
                shown(name)
            );
            return Err(row.refused(who, vec![row.problem(who_column, message)]));
        }
        Err(message) => return Err(row.refused(who, vec![row.problem(who_column, message)])),
    };
    let who = shown(&plan.people[index].name);
    let mut problems = Vec::new();
    let from = row.date(&mut problems, Column::From);
    if from.is_none() && problems.is_empty() {
        problems.push(row.problem(Column::From, "no first day off is given"));
    }
    let to = row.date(&mut problems, Column::To);
    let fraction = row.take(&mut problems, Column::PartOfDay, day_fraction);
    let Some(start) = from else {
        return Err(row.refused(who, problems));
    };
    let end = to.unwrap_or(start);
    if end < start {
        problems.push(row.problem(
            Column::To,
            format!("{end}, the last day off, is before {start}, the first"),
        ));
    }
    let leave = Leave {
        start,
        end,
        day_fraction: fraction.unwrap_or(1.0),
        note: row.text(Column::Note).to_string(),
    };
    if !problems.is_empty() {
        return Err(row.refused(describe(&plan.people[index], &leave), problems));
    }
    Ok((index, leave))
}

/// Puts `leave` on `person`: new, replacing the entry of the same days, or
/// unchanged.
fn place(
    row: &Row,
    person: &mut Person,
    leave: Leave,
    index: usize,
    seen: &mut HashMap<(usize, NaiveDate, NaiveDate), usize>,
) -> RowOutcome {
    let what = describe(person, &leave);
    if let Some(first) = seen.get(&(index, leave.start, leave.end)) {
        let problem = row.problem(Column::From, format!("repeats row {first}"));
        return row.refused(what, vec![problem]);
    }
    seen.insert((index, leave.start, leave.end), row.number());
    let full = person.leave.len() >= MAX_ITEMS_PER_LIST;
    let same_days = person
        .leave
        .iter_mut()
        .find(|held| held.start == leave.start && held.end == leave.end);
    match same_days {
        Some(held) if *held == leave => row.outcome(RowAction::Unchanged, what),
        Some(held) => {
            *held = leave;
            row.outcome(RowAction::Update, what)
        }
        None if full => {
            let message = format!("a person has at most {MAX_ITEMS_PER_LIST} leave entries");
            row.refused(what, vec![row.problem(Column::From, message)])
        }
        None => {
            person.leave.push(leave);
            row.outcome(RowAction::Add, what)
        }
    }
}

/// "Dana Fox, leave 2026-12-14 to 2026-12-18", "Dana Fox, half a day
/// off 2026-12-14".
fn describe(person: &Person, leave: &Leave) -> String {
    let name = shown(&person.name);
    let what = if leave.day_fraction < 1.0 {
        "half-day leave"
    } else {
        "leave"
    };
    match leave.start == leave.end {
        true => format!("{name}, {what} {}", leave.start),
        false => format!("{name}, {what} {} to {}", leave.start, leave.end),
    }
}

/// How much of each day the leave takes: a whole day (`full`, `1`, `no`,
/// an empty cell) or half of it (`half`, `am`, `pm`, `0.5`, `yes` in a
/// "Half day" column).
fn day_fraction(text: &str) -> Result<f64, String> {
    let lower = text.trim().to_lowercase();
    match lower.as_str() {
        "" | "full" | "full day" | "whole" | "whole day" | "all day" | "day" | "1" | "1.0"
        | "100%" | "no" | "n" | "false" => Ok(1.0),
        "half" | "half day" | "half-day" | "am" | "pm" | "a.m." | "p.m." | "morning"
        | "afternoon" | "0.5" | "0,5" | ".5" | "50%" | "yes" | "y" | "true" | "x" => Ok(0.5),
        _ => Err(format!(
            "\"{}\" is not a part of a day: write full, half, am or pm",
            shown(text.trim())
        )),
    }
}
