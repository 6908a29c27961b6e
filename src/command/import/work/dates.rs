//! The dates of a piece of work of a Work sheet: its own rows' Start and
//! End, else the plan's for work already in it, else the span of its
//! assignments; rows whose dates break the plan's rules are refused until
//! the dates hold.

use super::*;

impl Work<'_> {
    /// Works out the dates of `group` from the rows taken, refusing the
    /// rows whose dates the plan's rules do not allow, until they hold.
    pub(super) fn settle_dates(&mut self, rows: &[Row], entries: &mut [Entry], group: usize) {
        loop {
            self.groups[group].dates = self.dates_of(entries, group);
            let Some((column, message)) = self.bad_dates(group) else {
                return;
            };
            // Every row that gives the term gives the same date: all go.
            let blamed: Vec<usize> = self.groups[group]
                .rows
                .iter()
                .copied()
                .filter(|index| {
                    entries[*index]
                        .reading
                        .as_ref()
                        .is_some_and(|reading| match column {
                            Column::Start => reading.terms.start.is_some(),
                            _ => reading.terms.end.is_some(),
                        })
                })
                .collect();
            if blamed.is_empty() {
                return;
            }
            for index in &blamed {
                let problem = rows[*index].problem(column, &message);
                entries[*index].fate = Fate::Refused(vec![problem]);
            }
            let taken: Vec<usize> = self.groups[group]
                .rows
                .iter()
                .copied()
                .filter(|index| entries[*index].fate == Fate::Taken)
                .collect();
            let mut regrouped = Group {
                existing: self.groups[group].existing,
                rows: Vec::new(),
                terms: Terms::default(),
                given_by: Vec::new(),
                dates: (None, None),
            };
            for index in taken {
                if let Some(reading) = &entries[index].reading {
                    regrouped.rows.push(index);
                    regrouped.merge(&reading.terms, rows[index].number());
                }
            }
            self.groups[group] = regrouped;
        }
    }

    /// The dates of `group`: its own rows', else the plan's for work in
    /// it, else the span of its assignments.
    fn dates_of(&self, entries: &[Entry], group: usize) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let group = &self.groups[group];
        let terms = group.terms;
        if let Some(index) = group.existing {
            let activity = &self.plan.activities[index];
            return (
                terms.start.or(activity.start),
                terms.end.or(activity.deadline),
            );
        }
        let spans = group
            .rows
            .iter()
            .filter_map(|index| entries[*index].reading.as_ref())
            .filter(|reading| reading.assignment.is_some())
            .map(|reading| reading.dates);
        let (mut start, mut end) = (None, None);
        for (first, last) in spans {
            start = min_date(start, first);
            end = max_date(end, last);
        }
        (terms.start.or(start), terms.end.or(end))
    }

    /// The first rule of the plan the dates of `group` break: the column
    /// of the term to blame, and why.
    fn bad_dates(&self, group: usize) -> Option<(Column, String)> {
        let group = &self.groups[group];
        let (start, end) = group.dates;
        let title = |activity: &Activity| work_label(&activity.title, &activity.client);
        if let (Some(start), Some(end)) = (start, end) {
            if start > end {
                // Only the rows' own dates can disagree: blame the later.
                return Some(
                    if group.terms.start.is_some()
                        && (group.terms.end.is_none()
                            || group.given_by(Column::Start) > group.given_by(Column::End))
                    {
                        (
                            Column::Start,
                            format!("{start} is after {end}, the last day of the work"),
                        )
                    } else {
                        (
                            Column::End,
                            format!("{end} is before {start}, the first day of the work"),
                        )
                    },
                );
            }
        }
        let activity = &self.plan.activities[group.existing?];
        if let (Some(end), Some(_)) = (end, group.terms.end) {
            if let Some(owner) = activity.owner.and_then(|id| self.plan.person(id)) {
                let name = shown(&owner.name);
                if let Some(leaves) = owner.end_date.filter(|leaves| *leaves < end) {
                    return Some((
                        Column::End,
                        format!(
                            "{end} is after {name}, who owns {}, leaves on {leaves}: give it to someone else first",
                            title(activity)
                        ),
                    ));
                }
                if let Some(starts) = owner.start_date.filter(|starts| *starts > end) {
                    return Some((
                        Column::End,
                        format!(
                            "{end} is before {name}, who owns {}, starts on {starts}",
                            title(activity)
                        ),
                    ));
                }
            }
        }
        let checkin = activity.checkin?;
        if let (Some(start), Some(_)) = (start, group.terms.start) {
            if start > checkin {
                return Some((
                    Column::Start,
                    format!(
                        "{start} is after the check-in of {} on {checkin}",
                        title(activity)
                    ),
                ));
            }
        }
        if let (Some(end), Some(_)) = (end, group.terms.end) {
            if end < checkin {
                return Some((
                    Column::End,
                    format!(
                        "{end} is before the check-in of {} on {checkin}",
                        title(activity)
                    ),
                ));
            }
        }
        None
    }

    /// The weeks of a waiting assignment: its own dates, and its work's
    /// for those it leaves empty.
    pub(super) fn weeks_from_work(
        &self,
        row: &Row,
        reading: &Reading,
    ) -> Result<(Week, Week), CsvProblem> {
        let (work_start, work_end) = self.groups[reading.group].dates;
        let first = reading.dates.0.or(work_start);
        let last = reading.dates.1.or(work_end);
        let (first, last) = match (first, last) {
            (None, _) => {
                let message = "no first day is given, and the work has no start: give a Start";
                return Err(row.problem(named(row, Column::Start), message));
            }
            (_, None) => {
                let message = "no last day is given, and the work has no end: give an End";
                return Err(row.problem(named(row, Column::End), message));
            }
            (Some(first), Some(last)) => (first, last),
        };
        if last < first {
            return Err(match reading.dates.0 {
                Some(_) => row.problem(
                    Column::Start,
                    format!("{first} is after {last}, the last day of the work"),
                ),
                None => row.problem(
                    Column::End,
                    format!("{last} is before {first}, the first day of the work"),
                ),
            });
        }
        Ok((Week::containing(first), Week::containing(last)))
    }
}

fn min_date(held: Option<NaiveDate>, date: Option<NaiveDate>) -> Option<NaiveDate> {
    match (held, date) {
        (Some(held), Some(date)) => Some(held.min(date)),
        (held, date) => held.or(date),
    }
}

fn max_date(held: Option<NaiveDate>, date: Option<NaiveDate>) -> Option<NaiveDate> {
    match (held, date) {
        (Some(held), Some(date)) => Some(held.max(date)),
        (held, date) => held.or(date),
    }
}
