//! Reading a row of a Work sheet: its piece of work, what it says of it,
//! and whom its assignment is for, with the refusals that need no other
//! row.

use super::*;

impl Work<'_> {
    /// Reads what a row says, refusing a row the plan cannot take whatever
    /// the other rows say.
    pub(super) fn read(&mut self, row: &Row) -> Result<Reading, (String, Vec<CsvProblem>)> {
        let title = row.text(Column::Work).trim().to_string();
        let client = row.text(Column::Client).trim().to_string();
        if title.is_empty() {
            let problem = row.problem(Column::Work, "every row needs the name of a piece of work");
            return Err((String::new(), vec![problem]));
        }
        let work = work_label(&title, &client);
        let key = work_key(&title, &client);
        let existing = match self.book.get(&key).map(Vec::as_slice) {
            None | Some([]) => None,
            Some([one]) => Some(*one),
            Some(many) => {
                let message = format!(
                    "{} pieces of work in the plan are called {work}: rename one of them in the plan first",
                    many.len()
                );
                return Err((work, vec![row.problem(Column::Work, message)]));
            }
        };
        let mut problems = Vec::new();
        let (status, commitment) = row
            .take(&mut problems, Column::Status, parse_status)
            .unwrap_or_default();
        let mut terms = Terms {
            kind: row.take(&mut problems, Column::Kind, parse_kind),
            status,
            stage: row.take(&mut problems, Column::Stage, parse_stage),
            probability: row.take(&mut problems, Column::Probability, parse_percent),
            budget: row.take(&mut problems, Column::Budget, parse_hours),
            start: None,
            end: None,
        };
        let start = row.date(&mut problems, Column::Start);
        let end = row.date(&mut problems, Column::End);
        if let (Some(start), Some(end)) = (start, end) {
            if end < start {
                problems.push(row.problem(
                    Column::End,
                    format!("{end}, the last day, is before {start}, the first"),
                ));
            }
        }
        let assignment = self.assignment(row, &mut problems);
        if assignment.is_none() {
            terms.start = start;
            terms.end = end;
        }
        if let Some(index) = existing {
            against_the_plan(&self.plan.activities[index], row, &terms, &mut problems);
        }
        if !problems.is_empty() {
            return Err((work, problems));
        }
        let group = match self.group_of.get(&key) {
            Some(group) => *group,
            None => {
                self.groups.push(Group {
                    existing,
                    rows: Vec::new(),
                    terms: Terms::default(),
                    given_by: Vec::new(),
                    dates: (None, None),
                });
                self.group_of.insert(key, self.groups.len() - 1);
                self.groups.len() - 1
            }
        };
        Ok(Reading {
            group,
            title,
            client,
            terms,
            dates: (start, end),
            assignment,
            commitment,
        })
    }

    /// The assignment a row asks for: `None` for a row about its work
    /// alone, and for a row refused (its problems added).
    fn assignment(&self, row: &Row, problems: &mut Vec<CsvProblem>) -> Option<Assignment> {
        let before = problems.len();
        let who = self.who(row, problems);
        let weekly = row.take(problems, Column::HoursPerWeek, |text| {
            hours_within(text, HOURS_PER_WEEK_LIMIT, "a week")
        });
        let daily = row.take(problems, Column::HoursPerDay, |text| {
            hours_within(text, 24.0, "a day")
        });
        let hours_column = match (weekly, daily) {
            (Some(_), _) => Column::HoursPerWeek,
            (None, Some(_)) => Column::HoursPerDay,
            (None, None) => [Column::HoursPerWeek, Column::HoursPerDay]
                .into_iter()
                .find(|column| row.position(*column).is_some())
                .unwrap_or(Column::HoursPerWeek),
        };
        let Some((assignee, name, column)) = who else {
            if (weekly.is_some() || daily.is_some()) && problems.len() == before {
                problems.push(row.problem(
                    named(row, Column::Person),
                    "the hours are for no one: give a Person, or a Role to staff",
                ));
            }
            return None;
        };
        let days = match assignee {
            Assignee::Person(id) => self.plan.person(id).map_or(0, |p| p.working_days.len()),
            // An open role and a role to staff work Monday to Friday.
            Assignee::Role(_) | Assignee::Placeholder { .. } => 5,
        };
        let hours = match (weekly, daily) {
            (Some(weekly), _) => weekly,
            (None, Some(daily)) => daily * days as f64,
            (None, None) => {
                if problems.len() == before {
                    let message = format!("no hours are given for {name}: give hours per week");
                    problems.push(row.problem(named(row, hours_column), message));
                }
                return None;
            }
        };
        if hours <= 0.0 {
            problems
                .push(row.problem(hours_column, "an assignment needs more than 0 hours a week"));
            return None;
        }
        Some(Assignment {
            assignee,
            name,
            column,
            hours,
            weeks: None,
            cut_from: None,
            existing: None,
        })
    }

    /// Whom a row names: a person by email or name (as [`find_person`]
    /// finds them), else an open role by its title, else a role to staff.
    /// `None` when it names no one, or someone the plan does not have (a
    /// problem added).
    fn who(&self, row: &Row, problems: &mut Vec<CsvProblem>) -> Option<(Assignee, String, Column)> {
        let name = row.text(Column::Person).trim();
        let email = row.text(Column::Email).trim();
        if name.is_empty() && email.is_empty() {
            return self.role(row.text(Column::Role).trim());
        }
        // As a Leave sheet: a row the plan cannot tell the person of names
        // its Email column when the email is someone's, or when it has only
        // an email.
        let column = match self.people.by_email(email) {
            Some(_) => Column::Email,
            None if name.is_empty() => Column::Email,
            None => Column::Person,
        };
        let message = match find_person(self.plan, &self.people, name, Some(email)) {
            Ok(Some(index)) => {
                let person = &self.plan.people[index];
                return Some((
                    Assignee::Person(person.id),
                    shown(&person.name),
                    column,
                ));
            }
            Ok(None) if name.is_empty() => format!(
                "no one in the plan has the email '{}': add it to them on People, or add a column with the person's name",
                shown(email)
            ),
            Ok(None) => format!(
                "no one called '{}' in the plan: add them on People or import the People sheet first",
                shown(name)
            ),
            Err(message) => message,
        };
        problems.push(row.problem(column, message));
        None
    }

    /// The open role called `title` (ignoring case and spacing), else a
    /// role to staff; `None` for no title.
    fn role(&self, title: &str) -> Option<(Assignee, String, Column)> {
        if title.is_empty() {
            return None;
        }
        Some(match self.roles.get(&name_key(title)) {
            Some(id) => (
                Assignee::Role(*id),
                format!("open role {}", shown(&self.plan.role_title(*id))),
                Column::Role,
            ),
            None => (
                Assignee::Placeholder {
                    role: title.to_string(),
                    skills: Vec::new(),
                },
                format!("{} (to staff)", shown(title)),
                Column::Role,
            ),
        })
    }
}

/// Refusals of terms the plan's piece of work cannot take, whatever the
/// other rows say: a kind other than managed service for a contract, and
/// won work made a deal again (the Work view cannot do that either).
fn against_the_plan(activity: &Activity, row: &Row, terms: &Terms, problems: &mut Vec<CsvProblem>) {
    let title = work_label(&activity.title, &activity.client);
    if let Some(KindCell::Of(kind)) = terms.kind {
        if activity.contract.is_some() && kind != ActivityKind::ManagedService {
            problems.push(row.problem(
                Column::Kind,
                format!(
                    "{title} has a managed-services contract: change its kind on the Work view"
                ),
            ));
        }
    }
    if activity.deal.is_none() {
        if let Some(column) = terms.makes_a_deal() {
            problems.push(row.problem(
                column,
                format!("{title} is won work in the plan, not a deal: it does not go back to the pipeline"),
            ));
        }
    }
}
