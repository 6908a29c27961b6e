//! The import planner: what a spreadsheet of people, leave or public
//! holidays (read by `persist::table`) would change in a plan, row by row,
//! and the one [`Command::Batch`] that makes the change, so an import is one
//! undo step.
//!
//! Every row is added, updated, unchanged or refused; a refused row names
//! its row, column and reason and changes nothing, and the other rows still
//! apply. The checks here are the plan's own rules (`validate`) as a row can
//! break them, so the command never fails when it is applied: a row that
//! would break one is refused instead. Planning again after the command is
//! applied changes nothing.
//!
//! A row finds its person by email when it has an Email cell and someone
//! in the plan has that address (ignoring case), else by name ignoring case
//! and spacing ([`name_key`]). A row whose email is one person's and whose
//! name is another's is refused, naming its Email column.

use std::collections::HashMap;

use chrono::Datelike;

use super::Command;
use crate::engine::validate::{
    email_key, email_problem, FIRST_YEAR, LAST_YEAR, MAX_HOLIDAYS, MAX_ITEMS_PER_LIST, MAX_PEOPLE,
    MAX_SKILLS,
};
use crate::model::{
    count_of, sort_by_number, Certification, Holiday, Leave, NaiveDate, Person, PersonId, Plan,
    Skill, SkillId, SkillLevel, HOURS_PER_WEEK_LIMIT,
};
use crate::persist::csv::{column_name, CsvProblem};
use crate::persist::read::shown;
use crate::persist::table::{
    name_key, parse_certifications, parse_date, parse_hours, parse_percent, parse_skill_levels,
    parse_working_days, Column, DateOrder, Sheet, Table,
};

/// How a table is read: the sheet it is, the field each of its columns
/// fills (`None` for a column left out) and how its dates are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    pub sheet: Sheet,
    pub columns: Vec<Option<Column>>,
    pub dates: DateOrder,
}

/// What the import does with a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowAction {
    Add,
    Update,
    /// The plan already holds what the row says.
    Unchanged,
    /// The row has a problem and changes nothing.
    Refused,
}

/// What the import does with one row of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct RowOutcome {
    /// The row number a spreadsheet shows (the header is row 1).
    pub row: usize,
    pub action: RowAction,
    /// What the row is about: "Dana Fox", "Dana Fox, leave 2026-12-14 to
    /// 2026-12-18", "2026-12-25 Christmas Day".
    pub what: String,
    /// Why the row is refused; empty otherwise.
    pub problems: Vec<CsvProblem>,
}

/// What importing a table would do.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    /// One outcome per row that is not blank, in the table's order. A
    /// table the import cannot read at all has one refused row 1.
    pub rows: Vec<RowOutcome>,
    /// The skills the import adds to the catalogue, in the order they get
    /// their ids.
    pub new_skills: Vec<String>,
    /// Teams no one in the plan was in before.
    pub new_teams: Vec<String>,
    /// The edit, one batch; `None` when nothing changes.
    pub command: Option<Command>,
    /// "Imported people.csv: 3 people added, 2 updated, 1 skill added",
    /// with the rows unchanged and refused.
    pub summary: String,
}

/// Works out what importing `table`, read as `mapping` says, would change
/// in `plan`. `source` names the file (or "pasted cells") in the summary
/// and the undo label.
pub fn plan_import(plan: &Plan, table: &Table, mapping: &Mapping, source: &str) -> ImportPlan {
    let matched: Vec<Column> = mapping.columns.iter().flatten().copied().collect();
    if !mapping.sheet.has_key(&matched) {
        let needs = match mapping.sheet {
            Sheet::People => "a Name column (or First name and Last name)",
            Sheet::Work => "a Work column (the engagement, project or deal)",
            Sheet::Leave => "a Person (or Email) column and a From column",
            Sheet::Holidays => "a Date column",
        };
        return unreadable(
            source,
            &format!(
                "the {} sheet needs {needs}: choose the column that holds it",
                mapping.sheet.label()
            ),
        );
    }
    let rows = (0..table.rows.len()).map(|index| Row {
        table,
        mapping,
        index,
    });
    let rows = rows.filter(|row| !row.is_blank());
    match mapping.sheet {
        Sheet::People => people::plan_people(plan, rows, source),
        Sheet::Leave => leave::plan_leave(plan, rows, source),
        Sheet::Work => work::plan_work(plan, rows, source),
        Sheet::Holidays => holidays::plan_holidays(plan, rows, source),
    }
}

/// An import that reads nothing: one refused row 1 saying why.
fn unreadable(source: &str, message: &str) -> ImportPlan {
    ImportPlan {
        rows: vec![RowOutcome {
            row: 1,
            action: RowAction::Refused,
            what: source.to_string(),
            problems: vec![CsvProblem {
                row: 1,
                column: column_name(0),
                message: message.to_string(),
            }],
        }],
        new_skills: Vec::new(),
        new_teams: Vec::new(),
        command: None,
        summary: format!("Nothing imported from {source}: {message}"),
    }
}

// ---------------------------------------------------------------------------
// Reading a row.

/// One data row of the table, read through the mapping.
struct Row<'a> {
    table: &'a Table,
    mapping: &'a Mapping,
    index: usize,
}

impl Row<'_> {
    /// The row number a spreadsheet shows.
    fn number(&self) -> usize {
        self.table.row_number(self.index)
    }

    fn is_blank(&self) -> bool {
        self.table
            .rows
            .get(self.index)
            .is_none_or(|cells| cells.iter().all(String::is_empty))
    }

    /// Where `column` is in the table: the first column mapped to it.
    fn position(&self, column: Column) -> Option<usize> {
        self.mapping
            .columns
            .iter()
            .position(|mapped| *mapped == Some(column))
    }

    /// The cell of `column`; empty when the sheet has no such column.
    fn text(&self, column: Column) -> &str {
        self.position(column)
            .map_or("", |position| self.table.cell(self.index, position))
    }

    /// A problem in the cell of `column`, naming its letter and its header.
    fn problem(&self, column: Column, message: impl std::fmt::Display) -> CsvProblem {
        let position = self.position(column).unwrap_or(0);
        let header = self
            .table
            .header
            .get(position)
            .filter(|header| !header.is_empty())
            .map_or(column.label(), String::as_str);
        CsvProblem {
            row: self.number(),
            column: column_name(position),
            message: format!("{}: {message}", shown(header)),
        }
    }

    /// The cell of `column` read by `parse`; `None` when it is empty or the
    /// sheet has no such column. A refusal names the cell.
    fn read<T>(
        &self,
        column: Column,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Result<Option<T>, CsvProblem> {
        let text = self.text(column);
        if text.is_empty() {
            return Ok(None);
        }
        parse(text)
            .map(Some)
            .map_err(|message| self.problem(column, message))
    }

    /// [`Row::read`], a refusal added to `problems`.
    fn take<T>(
        &self,
        problems: &mut Vec<CsvProblem>,
        column: Column,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<T> {
        self.read(column, parse).unwrap_or_else(|problem| {
            problems.push(problem);
            None
        })
    }

    /// The cell of `column` as a date the plan can hold.
    fn date(&self, problems: &mut Vec<CsvProblem>, column: Column) -> Option<NaiveDate> {
        let order = self.mapping.dates;
        self.take(problems, column, |text| plan_date(text, order))
    }

    fn outcome(&self, action: RowAction, what: String) -> RowOutcome {
        RowOutcome {
            row: self.number(),
            action,
            what,
            problems: Vec::new(),
        }
    }

    fn refused(&self, what: String, problems: Vec<CsvProblem>) -> RowOutcome {
        RowOutcome {
            row: self.number(),
            action: RowAction::Refused,
            what,
            problems,
        }
    }
}

/// A date as [`parse_date`] reads it, within the years a plan holds.
fn plan_date(text: &str, order: DateOrder) -> Result<NaiveDate, String> {
    parse_date(text, order).and_then(within_plan_years)
}

/// Hours read by [`parse_hours`], at most `limit` (the hours in `per`).
fn hours_within(text: &str, limit: f64, per: &str) -> Result<f64, String> {
    let hours = parse_hours(text)?;
    if hours > limit {
        return Err(format!(
            "{hours} hours {per} is more than the {limit} hours in {per}"
        ));
    }
    Ok(hours)
}

/// `date` when a plan can hold it (`validate` refuses the others).
fn within_plan_years(date: NaiveDate) -> Result<NaiveDate, String> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        return Err(format!(
            "{date} is outside the years a plan holds, {FIRST_YEAR} to {LAST_YEAR}"
        ));
    }
    Ok(date)
}

/// The people of a plan by [`name_key`] of their name and by
/// [`email_key`] of their email, each with their index in `plan.people`.
struct PeopleIndex {
    by_name: HashMap<String, Vec<usize>>,
    by_email: HashMap<String, usize>,
}

impl PeopleIndex {
    /// Follows a row that renamed the person at `at` or changed their
    /// email, so the rows after it find them as the plan will hold them
    /// (and as the same file, imported again, finds them).
    fn changed(&mut self, at: usize, before: &Person, after: &Person) {
        let (old, new) = (name_key(&before.name), name_key(&after.name));
        if old != new {
            if let Some(named) = self.by_name.get_mut(&old) {
                named.retain(|index| *index != at);
            }
            self.by_name.entry(new).or_default().push(at);
        }
        let (old, new) = (email_key(&before.email), email_key(&after.email));
        if old != new {
            if self.by_email.get(&old) == Some(&at) {
                self.by_email.remove(&old);
            }
            if !new.is_empty() {
                self.by_email.entry(new).or_insert(at);
            }
        }
    }

    /// The person whose email is `email` (ignoring case); none for an
    /// empty one.
    fn by_email(&self, email: &str) -> Option<usize> {
        match email_key(email) {
            key if key.is_empty() => None,
            key => self.by_email.get(&key).copied(),
        }
    }
}

/// The people of `plan` by name and by email, for [`find_person`].
fn people_by_name(plan: &Plan) -> PeopleIndex {
    let mut index = PeopleIndex {
        by_name: HashMap::new(),
        by_email: HashMap::new(),
    };
    for (at, person) in plan.people.iter().enumerate() {
        index
            .by_name
            .entry(name_key(&person.name))
            .or_default()
            .push(at);
        if !person.email.is_empty() {
            // A valid plan has each email once; the first is kept.
            index.by_email.entry(email_key(&person.email)).or_insert(at);
        }
    }
    index
}

/// The one person of the plan a row names, as an index into
/// `plan.people`: the person with `email` when the row has one and someone
/// has it, else the one called `name`; `Ok(None)` when there is none. A
/// refusal is a sentence for the row's Email column when `email` is
/// someone's ([`PeopleIndex::by_email`]), else for its name column.
fn find_person(
    plan: &Plan,
    index: &PeopleIndex,
    name: &str,
    email: Option<&str>,
) -> Result<Option<usize>, String> {
    let named = match name_key(name) {
        key if key.is_empty() => &[][..],
        key => index.by_name.get(&key).map_or(&[][..], Vec::as_slice),
    };
    if let Some((email, found)) = email.and_then(|email| Some((email, index.by_email(email)?))) {
        // A name that is someone else's, and not this person's too, is a
        // row about two people.
        return match named {
            [other, ..] if !named.contains(&found) => Err(format!(
                "'{}' is the email of '{}', but '{}' is another person in the plan: correct the email or the name",
                shown(email.trim()),
                shown(&plan.people[found].name),
                shown(&plan.people[*other].name)
            )),
            _ => Ok(Some(found)),
        };
    }
    match named {
        [] => Ok(None),
        [one] => Ok(Some(*one)),
        many => Err(format!(
            "{} people in the plan are called '{}': rename one of them in the plan first",
            many.len(),
            shown(&plan.people[many[0]].name)
        )),
    }
}

// ---------------------------------------------------------------------------
// The counts and the batch.

/// How many rows ended each way.
#[derive(Default)]
struct Counts {
    added: usize,
    updated: usize,
    unchanged: usize,
    refused: usize,
}

impl Counts {
    fn of(rows: &[RowOutcome]) -> Counts {
        let mut counts = Counts::default();
        for row in rows {
            match row.action {
                RowAction::Add => counts.added += 1,
                RowAction::Update => counts.updated += 1,
                RowAction::Unchanged => counts.unchanged += 1,
                RowAction::Refused => counts.refused += 1,
            }
        }
        counts
    }
}

/// The import plan of `rows`: `changes` are the parts of the summary
/// ("3 people added", "2 updated"), `commands` the edits in order.
fn finish(
    source: &str,
    rows: Vec<RowOutcome>,
    changes: Vec<String>,
    commands: Vec<Command>,
    new_skills: Vec<String>,
    new_teams: Vec<String>,
) -> ImportPlan {
    let counts = Counts::of(&rows);
    let mut kept = Vec::new();
    if counts.unchanged > 0 {
        kept.push(format!("{} unchanged", counts.unchanged));
    }
    if counts.refused > 0 {
        kept.push(count_of(counts.refused, "row refused", "rows refused"));
    }
    let (command, summary) = if commands.is_empty() {
        let why = if kept.is_empty() {
            "no rows".to_string()
        } else {
            kept.join(", ")
        };
        (None, format!("Nothing changes from {source}: {why}"))
    } else {
        let summary = format!("Imported {source}: {}", changes.join(", "));
        let shown_summary = if kept.is_empty() {
            summary.clone()
        } else {
            format!("{summary} ({})", kept.join(", "))
        };
        (Some(Command::Batch { commands, summary }), shown_summary)
    };
    ImportPlan {
        rows,
        new_skills,
        new_teams,
        command,
        summary,
    }
}

/// "3 people added, 2 updated": the nouns on the first part only.
fn added_and_updated(counts: &Counts, one: &str, many: &str, updated: &str) -> Vec<String> {
    let mut parts = Vec::new();
    if counts.added > 0 {
        parts.push(format!("{} added", count_of(counts.added, one, many)));
    }
    if counts.updated > 0 {
        parts.push(match parts.is_empty() {
            true => format!("{} {updated}", count_of(counts.updated, one, many)),
            false => format!("{} {updated}", counts.updated),
        });
    }
    parts
}

mod holidays;
mod leave;
mod people;
mod work;

#[cfg(test)]
mod tests;
