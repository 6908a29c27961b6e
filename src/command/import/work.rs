//! A Work sheet: one row per assignment, the shape planners keep work in
//! a spreadsheet, read into the firm's book of work.
//!
//! Rows are grouped into pieces of work by their Work and Client, compared
//! by [`name_key`]. The first row of a piece of work the book of work does
//! not hold adds it; the cells of every row update a piece of work where
//! they say something the plan does not, and two rows that say different
//! things of one piece of work (two kinds, two budgets) refuse the later
//! one. A row with a Person, or a Role and no person, and hours is an
//! assignment: added, or updated when the plan has one on the same work for
//! the same assignee in the same weeks. A row with neither is about the
//! piece of work alone.
//!
//! Dates: a row without an assignee gives the work's own Start and End. A
//! new piece of work without such a row runs from the earliest Start to the
//! latest End of its assignments; assignments never move the dates of work
//! already in the plan. An assignment runs from the week of its Start to
//! the week of its End, and takes the work's dates for a cell left empty.

use super::*;
use crate::engine::validate::{MAX_ACTIVITIES, MAX_ALLOCATIONS};
use crate::model::{
    medium_date, Activity, ActivityId, ActivityKind, Allocation, AllocationId, Assignee,
    Commitment, Deal, DealStage, RoleId, RoleStatus, Scope, Status, Week,
};
use terms::{parse_kind, parse_stage, parse_status};

mod batch;
mod dates;
mod read;
mod terms;

pub(super) fn plan_work<'a>(
    plan: &Plan,
    rows: impl Iterator<Item = Row<'a>>,
    source: &str,
) -> ImportPlan {
    let rows: Vec<Row> = rows.collect();
    let mut work = Work::new(plan);
    let mut entries: Vec<Entry> = Vec::with_capacity(rows.len());
    for row in &rows {
        let entry = work.first_look(row, entries.len());
        entries.push(entry);
    }
    for group in 0..work.groups.len() {
        work.settle_dates(&rows, &mut entries, group);
    }
    for index in 0..entries.len() {
        if entries[index].fate == Fate::Waiting {
            work.second_look(&rows[index], &mut entries, index);
        }
    }
    work.finish(&rows, entries, source)
}

// ---------------------------------------------------------------------------
// What a row says.

/// The Kind cell: a kind of work, or "a deal" (of no kind in particular).
#[derive(Debug, Clone, Copy, PartialEq)]
enum KindCell {
    Of(ActivityKind),
    Deal,
}

/// The Deal stage cell: a stage of the pipeline, or won.
#[derive(Debug, Clone, Copy, PartialEq)]
enum StageCell {
    Open(DealStage),
    Won,
}

/// What a row says of its piece of work; `None` for a cell left empty.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Terms {
    kind: Option<KindCell>,
    status: Option<Status>,
    stage: Option<StageCell>,
    probability: Option<f64>,
    budget: Option<f64>,
    /// The work's own dates: only a row without an assignee gives them.
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
}

/// Two rows that say different things of one piece of work: the column,
/// what this row says and what the other says.
type Clash = (Column, String, String);

/// Whom an assignment is for, as assignments are matched: a person, an
/// open role, or a role to staff by [`name_key`] of its title.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum WhoKey {
    Person(PersonId),
    Role(RoleId),
    Placeholder(String),
}

impl WhoKey {
    fn of(assignee: &Assignee) -> WhoKey {
        match assignee {
            Assignee::Person(person) => WhoKey::Person(*person),
            Assignee::Role(role) => WhoKey::Role(*role),
            Assignee::Placeholder { role, .. } => WhoKey::Placeholder(name_key(role)),
        }
    }
}

/// An assignment a row asks for.
struct Assignment {
    assignee: Assignee,
    /// "Lena Novak", "open role Cloud Engineer", "Cloud Engineer (to staff)".
    name: String,
    /// The column that named them.
    column: Column,
    hours: f64,
    /// Its first and last week, once known.
    weeks: Option<(Week, Week)>,
    /// The plan's allocation it is (an index into `plan.allocations`), and
    /// whether that allocation may be edited (see [`Work::cannot_book`]).
    existing: Option<(usize, bool)>,
    /// The weeks the row asks for when they run past the plan's horizon
    /// or the dates of the person (or open role), and the assignment is
    /// cut to those; with what it is cut to ("the plan's horizon").
    cut_from: Option<((Week, Week), String)>,
}

/// A row read: its piece of work and what it says.
struct Reading {
    /// Its piece of work, an index into [`Work::groups`].
    group: usize,
    title: String,
    client: String,
    terms: Terms,
    /// The row's Start and End (an assignment's dates).
    dates: (Option<NaiveDate>, Option<NaiveDate>),
    assignment: Option<Assignment>,
    /// What the Status cell says of the assignment: tentative or confirmed.
    commitment: Option<Commitment>,
}

/// Where a row stands.
#[derive(Debug, Clone, PartialEq)]
enum Fate {
    Refused(Vec<CsvProblem>),
    /// An assignment whose weeks need its work's dates, known once every
    /// row has been read.
    Waiting,
    Taken,
}

/// A row and where it stands.
struct Entry {
    what: String,
    reading: Option<Reading>,
    fate: Fate,
}

/// A piece of work the file names.
struct Group {
    /// The plan's piece of work (an index into `plan.activities`), if any.
    existing: Option<usize>,
    /// The rows taken, by index into the table's rows.
    rows: Vec<usize>,
    /// The terms of the rows taken, merged, with the row number that
    /// first gave each term.
    terms: Terms,
    given_by: Vec<(Column, usize)>,
    /// Its dates once every row has been read.
    dates: (Option<NaiveDate>, Option<NaiveDate>),
}

impl Group {
    /// Merges the terms of a row taken.
    fn merge(&mut self, terms: &Terms, number: usize) {
        let before = self.terms;
        self.terms = before.or(terms);
        let fields = [
            (Column::Kind, before.kind.is_none() && terms.kind.is_some()),
            (
                Column::Status,
                before.status.is_none() && terms.status.is_some(),
            ),
            (
                Column::Stage,
                before.stage.is_none() && terms.stage.is_some(),
            ),
            (
                Column::Probability,
                before.probability.is_none() && terms.probability.is_some(),
            ),
            (
                Column::Budget,
                before.budget.is_none() && terms.budget.is_some(),
            ),
            (
                Column::Start,
                before.start.is_none() && terms.start.is_some(),
            ),
            (Column::End, before.end.is_none() && terms.end.is_some()),
        ];
        for (column, newly) in fields {
            if newly {
                self.given_by.push((column, number));
            }
        }
    }

    /// The row number that first gave the term of `column`.
    fn given_by(&self, column: Column) -> usize {
        self.given_by
            .iter()
            .find(|(given, _)| *given == column)
            .map_or(0, |(_, number)| *number)
    }
}

// ---------------------------------------------------------------------------
// Reading the rows.

/// The work of planning a Work sheet.
struct Work<'a> {
    plan: &'a Plan,
    people: PeopleIndex,
    /// The book of work by [`name_key`] of title and client.
    book: HashMap<(String, String), Vec<usize>>,
    /// The open roles that are not filled, by [`name_key`] of their title:
    /// the first of each title.
    roles: HashMap<String, RoleId>,
    /// The plan's allocations by work, assignee and weeks: the first of
    /// each.
    allocations: HashMap<(ActivityId, WhoKey, Week, Week), usize>,
    groups: Vec<Group>,
    group_of: HashMap<(String, String), usize>,
    /// New pieces of work with a row taken.
    new_work: usize,
    /// The first row of each assignment (group, assignee, weeks).
    seen: HashMap<(usize, WhoKey, Week, Week), usize>,
    new_allocations: usize,
}

impl<'a> Work<'a> {
    fn new(plan: &'a Plan) -> Work<'a> {
        let mut book: HashMap<(String, String), Vec<usize>> = HashMap::new();
        for (index, activity) in plan.activities.iter().enumerate() {
            if activity.scope == Scope::Book {
                book.entry(work_key(&activity.title, &activity.client))
                    .or_default()
                    .push(index);
            }
        }
        let mut roles = HashMap::new();
        for role in plan.roles.iter().filter(|r| r.status != RoleStatus::Filled) {
            roles.entry(name_key(&role.title)).or_insert(role.id);
        }
        let mut allocations = HashMap::new();
        for (index, allocation) in plan.allocations.iter().enumerate() {
            let key = (
                allocation.activity,
                WhoKey::of(&allocation.assignee),
                allocation.first_week,
                allocation.last_week,
            );
            allocations.entry(key).or_insert(index);
        }
        Work {
            plan,
            people: people_by_name(plan),
            book,
            roles,
            allocations,
            groups: Vec::new(),
            group_of: HashMap::new(),
            new_work: 0,
            seen: HashMap::new(),
            new_allocations: 0,
        }
    }

    /// Reads a row, and takes it when it needs nothing from the rows after
    /// it.
    fn first_look(&mut self, row: &Row, index: usize) -> Entry {
        let mut reading = match self.read(row) {
            Ok(reading) => reading,
            Err((what, problems)) => {
                return Entry {
                    what,
                    reading: None,
                    fate: Fate::Refused(problems),
                }
            }
        };
        let group = reading.group;
        let mut problems = self.clashes(row, &reading);
        if problems.is_empty() {
            if let Err(problem) = self.room_for_work(row, group) {
                problems.push(problem);
            }
        }
        let complete = match (&reading.assignment, reading.dates) {
            (None, _) => true,
            (Some(_), (Some(_), Some(_))) => true,
            (Some(_), _) => false,
        };
        if problems.is_empty() && complete {
            if let (Some(first), Some(last)) = reading.dates {
                let weeks = (Week::containing(first), Week::containing(last));
                if let Err(problem) = self.place(row, &mut reading, weeks) {
                    problems.push(problem);
                }
            }
        }
        let what = describe(&reading);
        let fate = if !problems.is_empty() {
            Fate::Refused(problems)
        } else if complete {
            self.take(row, &reading, index);
            Fate::Taken
        } else {
            Fate::Waiting
        };
        Entry {
            what,
            reading: Some(reading),
            fate,
        }
    }

    /// Places a waiting assignment in the weeks its work's dates give it.
    fn second_look(&mut self, row: &Row, entries: &mut [Entry], index: usize) {
        let Some(mut reading) = entries[index].reading.take() else {
            return;
        };
        let result = self.weeks_from_work(row, &reading).and_then(|weeks| {
            self.place(row, &mut reading, weeks)?;
            Ok(())
        });
        let mut problems = match result {
            Ok(()) => self.clashes(row, &reading),
            Err(problem) => vec![problem],
        };
        if problems.is_empty() {
            if let Err(problem) = self.room_for_work(row, reading.group) {
                problems.push(problem);
            }
        }
        entries[index].what = describe(&reading);
        entries[index].fate = if problems.is_empty() {
            self.take(row, &reading, index);
            Fate::Taken
        } else {
            Fate::Refused(problems)
        };
        entries[index].reading = Some(reading);
    }

    /// Refusals of a row that says of its piece of work something another
    /// row taken says differently.
    fn clashes(&self, row: &Row, reading: &Reading) -> Vec<CsvProblem> {
        let group = &self.groups[reading.group];
        reading
            .terms
            .clashes(&group.terms)
            .into_iter()
            .map(|(column, ours, theirs)| {
                let message = format!(
                    "{}, but row {} says {} for the same piece of work",
                    shown(&ours),
                    group.given_by(column),
                    shown(&theirs)
                );
                row.problem(column, message)
            })
            .collect()
    }

    /// A refusal when the row would add a piece of work to a plan that
    /// holds as many as it can.
    fn room_for_work(&self, row: &Row, group: usize) -> Result<(), CsvProblem> {
        let group = &self.groups[group];
        if group.existing.is_none()
            && group.rows.is_empty()
            && self.plan.activities.len() + self.new_work >= MAX_ACTIVITIES
        {
            let message = format!("a plan holds at most {MAX_ACTIVITIES} pieces of work");
            return Err(row.problem(Column::Work, message));
        }
        Ok(())
    }

    /// Takes a row: its terms join its work's, and its assignment is
    /// known.
    fn take(&mut self, row: &Row, reading: &Reading, index: usize) {
        let group = &mut self.groups[reading.group];
        if group.existing.is_none() && group.rows.is_empty() {
            self.new_work += 1;
        }
        group.rows.push(index);
        group.merge(&reading.terms, row.number());
        let Some(assignment) = &reading.assignment else {
            return;
        };
        let Some((first, last)) = assignment.weeks else {
            return;
        };
        let key = (reading.group, WhoKey::of(&assignment.assignee), first, last);
        self.seen.insert(key, row.number());
        if assignment.existing.is_none() {
            self.new_allocations += 1;
        }
    }

    /// Sets the assignment of `reading` in `weeks`, matched to the plan's
    /// allocation there, if any; a refusal when the plan cannot take it.
    fn place(
        &self,
        row: &Row,
        reading: &mut Reading,
        weeks: (Week, Week),
    ) -> Result<(), CsvProblem> {
        let group = &self.groups[reading.group];
        let Some(assignment) = &mut reading.assignment else {
            return Ok(());
        };
        // Only the weeks of the plan's horizon are planned: an assignment
        // running past it is cut to it, one wholly outside it refused.
        let horizon = self.plan.horizon;
        let horizon_last = horizon.end().plus_weeks(-1);
        let (asked_first, asked_last) = weeks;
        if asked_last < horizon.start {
            let message = format!(
                "{} ends before the plan's horizon starts in {}: there is nothing left of it to plan",
                weeks_text(weeks),
                horizon.start
            );
            return Err(row.problem(named(row, Column::End), message));
        }
        if asked_first > horizon_last {
            let message = format!(
                "{} starts after the plan's horizon ends in {horizon_last}: lengthen the horizon on the Capacity view, then import again",
                weeks_text(weeks)
            );
            return Err(row.problem(named(row, Column::Start), message));
        }
        let (mut first, mut last) = (asked_first.max(horizon.start), asked_last.min(horizon_last));
        let mut cut = Vec::new();
        if (first, last) != weeks {
            cut.push("the plan's horizon".to_string());
        }
        // And to the weeks the person (or open role) is with the firm,
        // when some are left; else the booking is refused below.
        let (from, to) = self.bookable(&assignment.assignee);
        let (within_first, within_last) = (first.max(from), last.min(to));
        if within_first <= within_last && (within_first, within_last) != (first, last) {
            (first, last) = (within_first, within_last);
            cut.push(format!("when {} works here", assignment.name));
        }
        assignment.weeks = Some((first, last));
        assignment.cut_from = (!cut.is_empty()).then(|| (weeks, cut.join(" and ")));
        let who = WhoKey::of(&assignment.assignee);
        if let Some(number) = self.seen.get(&(reading.group, who.clone(), first, last)) {
            return Err(row.problem(assignment.column, format!("row {number} says the same")));
        }
        let existing = group.existing.and_then(|index| {
            let id = self.plan.activities[index].id;
            self.allocations
                .get(&(id, who.clone(), first, last))
                .copied()
                .or_else(|| {
                    // Work under way when the horizon moved on kept its
                    // first week: it is the assignment that starts with
                    // the horizon now.
                    (first == horizon.start).then_some(())?;
                    self.plan.allocations.iter().position(|allocation| {
                        allocation.activity == id
                            && WhoKey::of(&allocation.assignee) == who
                            && allocation.first_week < horizon.start
                            && allocation.last_week == last
                    })
                })
        });
        if let Some(index) = existing {
            let allocation = &self.plan.allocations[index];
            assignment.weeks = Some((allocation.first_week, allocation.last_week));
        }
        let weeks = assignment.weeks.unwrap_or(weeks);
        let refusal = self.cannot_book(&assignment.assignee, weeks, existing.is_some());
        assignment.existing = existing.map(|index| (index, refusal.is_none()));
        if let Some((column, message)) = refusal {
            // Work the plan cannot change may still say what it holds.
            let holds = existing.is_some_and(|index| {
                self.plan.allocations[index].hours_per_week == assignment.hours
            });
            if !holds {
                return Err(row.problem(named(row, column), message));
            }
        }
        if existing.is_none()
            && self.plan.allocations.len() + self.new_allocations >= MAX_ALLOCATIONS
        {
            let message = format!("a plan holds at most {MAX_ALLOCATIONS} assignments");
            return Err(row.problem(assignment.column, message));
        }
        Ok(())
    }

    /// The weeks `assignee` can be booked in, their first and last: from a
    /// person's or an open role's first week to a person's last, or any.
    fn bookable(&self, assignee: &Assignee) -> (Week, Week) {
        let (mut from, mut to) = (
            Week::containing(NaiveDate::MIN),
            Week::containing(NaiveDate::MAX),
        );
        match assignee {
            Assignee::Person(id) => {
                if let Some(person) = self.plan.person(*id) {
                    if let Some(start) = person.start_date {
                        from = Week::containing(start);
                    }
                    if let Some(end) = person.end_date {
                        to = Week::containing(end);
                    }
                }
            }
            Assignee::Role(id) => {
                if let Some(role) = self.plan.role(*id) {
                    from = Week::containing(role.start_date);
                }
            }
            Assignee::Placeholder { .. } => {}
        }
        (from, to)
    }

    /// Why an allocation of `assignee` in `weeks` cannot be made (or, when
    /// `existing`, changed), as `command::check_allocation` would refuse
    /// it: the column to name and the reason.
    fn cannot_book(
        &self,
        assignee: &Assignee,
        (first, last): (Week, Week),
        existing: bool,
    ) -> Option<(Column, String)> {
        let horizon = self.plan.horizon;
        // Work under way when the horizon moved on keeps its first week.
        let kept_start = existing && first < horizon.start;
        let first_ok = horizon.contains(first) || kept_start;
        if !first_ok || !horizon.contains(last) {
            let column = if first_ok { Column::End } else { Column::Start };
            let weeks = match first == last {
                true => format!("the week {first} is"),
                false => format!("the weeks {first} to {last} are"),
            };
            return Some((
                column,
                format!(
                    "{weeks} outside the plan's horizon, {} to {}: move or lengthen the horizon first",
                    horizon.start,
                    horizon.end().plus_weeks(-1)
                ),
            ));
        }
        match assignee {
            Assignee::Role(id) => {
                let role = self.plan.role(*id)?;
                let starts = Week::containing(role.start_date);
                if first < starts && !kept_start {
                    return Some((
                        Column::Start,
                        format!(
                            "the open role {} only starts on {}",
                            shown(&role.title),
                            medium_date(role.start_date)
                        ),
                    ));
                }
            }
            Assignee::Person(id) => {
                let person = self.plan.person(*id)?;
                let name = shown(&person.name);
                if let Some(start) = person.start_date {
                    if first < Week::containing(start) {
                        let message = format!("{name} only starts on {}", medium_date(start));
                        return Some((Column::Start, message));
                    }
                }
                if let Some(end) = person.end_date {
                    if last > Week::containing(end) {
                        let message = format!("{name} leaves on {}", medium_date(end));
                        return Some((Column::End, message));
                    }
                }
            }
            Assignee::Placeholder { .. } => {}
        }
        None
    }
}

/// How a row is shown: "'AKS platform build' (Tailspin Toys): Lena Novak,
/// 16 h a week, 2026-W49 to 2026-W52", or the work alone.
fn describe(reading: &Reading) -> String {
    let work = work_label(&reading.title, &reading.client);
    let Some(assignment) = &reading.assignment else {
        return work;
    };
    let weeks = match assignment.weeks {
        None => String::new(),
        Some((first, last)) if first == last => format!(", in {first}"),
        Some((first, last)) => format!(", {first} to {last}"),
    };
    let cut = match &assignment.cut_from {
        Some((asked, to)) => format!(" ({} asked, cut to {to})", weeks_text(*asked)),
        None => String::new(),
    };
    format!(
        "{work}: {}, {} h a week{weeks}{cut}",
        assignment.name, assignment.hours
    )
}

/// "2026-W45 to 2027-W08", or "2026-W45" for one week.
fn weeks_text((first, last): (Week, Week)) -> String {
    match first == last {
        true => first.to_string(),
        false => format!("{first} to {last}"),
    }
}

/// "'AKS platform build' (Tailspin Toys)", "'Certifications and training'".
fn work_label(title: &str, client: &str) -> String {
    match client.trim() {
        "" => format!("'{}'", shown(title)),
        client => format!("'{}' ({})", shown(title), shown(client)),
    }
}

/// How pieces of work are matched: title and client by [`name_key`].
fn work_key(title: &str, client: &str) -> (String, String) {
    (name_key(title), name_key(client))
}

/// `column` when the sheet has it, else the Work column (which every Work
/// sheet has), so a refusal names a cell of the table.
fn named(row: &Row, column: Column) -> Column {
    match row.position(column) {
        Some(_) => column,
        None => Column::Work,
    }
}
