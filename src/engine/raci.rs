//! RACI: who is Accountable (the initiative's owner, always one),
//! Responsible, Consulted and Informed on each initiative of the ops plan,
//! and the checks on it:
//!
//! - every open initiative has exactly one Accountable: its owner (an
//!   initiative without one is a finding);
//! - every open initiative has someone Responsible;
//! - nobody is Accountable or Responsible on more than [`MAX_AT_ONCE`]
//!   open initiatives at once. An initiative runs from its start to its
//!   deadline (one of them alone stands for both; with neither it is left
//!   out of this check).
//!
//! Done initiatives and the book of work are not checked.

use chrono::Duration;

use crate::model::{
    sort_by_number, Activity, ActivityId, NaiveDate, PersonId, Plan, RaciRole, Status,
};

/// Accountable or Responsible on more than this many open activities on
/// one day is too many: decisions and work queue up behind one person.
pub const MAX_AT_ONCE: usize = 3;

/// Where a person stands on an activity: one cell of the RACI matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cell {
    /// The owner.
    pub accountable: bool,
    pub role: Option<RaciRole>,
}

impl Cell {
    /// "A", "R", "A/R", "C", "I" or "" (the owner may also do the work).
    pub fn letters(&self) -> String {
        let mut letters = String::new();
        if self.accountable {
            letters.push('A');
        }
        if let Some(role) = self.role {
            if !letters.is_empty() {
                letters.push('/');
            }
            letters.push_str(role.letter());
        }
        letters
    }

    /// "Accountable", "Accountable and responsible", "Consulted", "" for
    /// screen readers.
    pub fn words(&self) -> String {
        match (self.accountable, self.role) {
            (true, None) => "Accountable".to_string(),
            (true, Some(role)) => format!("Accountable and {}", role_word(role)),
            (false, Some(role)) => role.label().to_string(),
            (false, None) => String::new(),
        }
    }
}

fn role_word(role: RaciRole) -> &'static str {
    match role {
        RaciRole::Responsible => "responsible",
        RaciRole::Consulted => "consulted",
        RaciRole::Informed => "informed",
    }
}

/// `person`'s cell on `activity`.
pub fn cell(activity: &Activity, person: PersonId) -> Cell {
    Cell {
        accountable: activity.owner == Some(person),
        role: activity.raci_role(person),
    }
}

/// What a check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// No owner: nobody is accountable.
    NoAccountable,
    /// Nobody is responsible.
    NoResponsible,
    /// A person is Accountable or Responsible on too many activities at
    /// once: `activities` are the ones running on `from`.
    TooMany {
        from: NaiveDate,
        activities: Vec<ActivityId>,
    },
}

/// One finding of the RACI checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The activity it is about (the first of them for [`Kind::TooMany`]).
    pub activity: ActivityId,
    /// The person it is about, for [`Kind::TooMany`].
    pub person: Option<PersonId>,
    pub kind: Kind,
    /// A sentence naming the activity and the person.
    pub message: String,
}

/// Every finding: initiatives without an Accountable or a Responsible in id
/// order, then people on too many initiatives at once in id order. The
/// book of work is staffed by its allocations, not by RACI letters.
pub fn check(plan: &Plan) -> Vec<Finding> {
    let open: Vec<&Activity> = plan
        .initiatives()
        .filter(|activity| activity.status != Status::Done)
        .collect();
    let mut findings = Vec::new();
    for activity in &open {
        let title = &activity.title;
        if activity.owner.is_none() {
            findings.push(Finding {
                activity: activity.id,
                person: None,
                kind: Kind::NoAccountable,
                message: format!(
                    "'{title}' has no owner, so nobody is accountable for it: give it an owner"
                ),
            });
        }
        if activity.responsible.is_empty() {
            findings.push(Finding {
                activity: activity.id,
                person: None,
                kind: Kind::NoResponsible,
                message: format!("Nobody is responsible for '{title}': add who does the work (R)"),
            });
        }
    }
    // Each person's dated open activities as A or R, in one pass over the
    // activities: (first day, last day, activity).
    let ids: Vec<u32> = plan.people.iter().map(|person| person.id.0).collect();
    let sorted = ids.windows(2).all(|pair| pair[0] < pair[1]);
    let index_of = |person: PersonId| {
        if sorted {
            ids.binary_search(&person.0).ok()
        } else {
            ids.iter().position(|id| *id == person.0)
        }
    };
    let mut spans_of: Vec<Vec<(i64, i64, ActivityId)>> = vec![Vec::new(); plan.people.len()];
    for activity in &open {
        let (first, last) = match (activity.start, activity.deadline) {
            (Some(start), Some(deadline)) => (start, deadline.max(start)),
            (Some(day), None) | (None, Some(day)) => (day, day),
            (None, None) => continue,
        };
        let span = (day(first), day(last), activity.id);
        let owner = activity.owner.into_iter();
        let doers = activity
            .responsible
            .iter()
            .copied()
            .filter(|person| Some(*person) != activity.owner);
        for person in owner.chain(doers) {
            if let Some(index) = index_of(person) {
                spans_of[index].push(span);
            }
        }
    }
    for (person, spans) in plan.people.iter().zip(&spans_of) {
        if spans.len() <= MAX_AT_ONCE {
            continue;
        }
        let Some((from, activities)) = first_crowded_day(spans) else {
            continue;
        };
        let titles: Vec<String> = activities
            .iter()
            .map(|id| format!("'{}'", plan.activity_title(*id)))
            .collect();
        let Some(from_date) = date_of(from) else {
            continue;
        };
        findings.push(Finding {
            activity: activities[0],
            person: Some(person.id),
            message: format!(
                "{} is accountable or responsible for {} initiatives at once from {from_date} \
                 (more than {MAX_AT_ONCE}): {}",
                person.name,
                activities.len(),
                titles.join(", ")
            ),
            kind: Kind::TooMany {
                from: from_date,
                activities,
            },
        });
    }
    findings
}

/// The first day more than [`MAX_AT_ONCE`] of `spans` (first day, last
/// day, activity; day numbers, inclusive) run at once, and those running
/// then, in id order.
fn first_crowded_day(spans: &[(i64, i64, ActivityId)]) -> Option<(i64, Vec<ActivityId>)> {
    // A sweep over the days where the count changes: +1 on a first day,
    // −1 the day after a last day; ends before starts on one day.
    let mut changes: Vec<(i64, i64)> = spans
        .iter()
        .flat_map(|(first, last, _)| [(*first, 1), (last + 1, -1)])
        .collect();
    sort_by_number(&mut changes, |(day, change)| {
        order_key(*day) << 1 | u64::from(*change > 0)
    });
    let mut running = 0i64;
    for (day, change) in changes {
        running += change;
        if running > MAX_AT_ONCE as i64 {
            let mut crowd: Vec<ActivityId> = spans
                .iter()
                .filter(|(first, last, _)| *first <= day && day <= *last)
                .map(|(_, _, id)| *id)
                .collect();
            sort_by_number(&mut crowd, |id| id.0.into());
            return Some((day, crowd));
        }
    }
    None
}

fn day(date: NaiveDate) -> i64 {
    (date - NaiveDate::MIN).num_days()
}

fn date_of(day: i64) -> Option<NaiveDate> {
    NaiveDate::MIN.checked_add_signed(Duration::days(day))
}

/// Day numbers (never negative here, and below 2^62) as sort keys.
fn order_key(day: i64) -> u64 {
    day.clamp(0, 1 << 62).unsigned_abs()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Person, PlanId};
    use crate::test_support::date;

    /// An open activity owned by `owner`, with `responsible`, from `start`
    /// to `deadline`.
    fn activity(
        id: u32,
        owner: Option<u32>,
        responsible: &[u32],
        dates: (Option<&str>, Option<&str>),
    ) -> Activity {
        Activity {
            owner: owner.map(PersonId),
            responsible: responsible.iter().copied().map(PersonId).collect(),
            start: dates.0.map(date),
            deadline: dates.1.map(date),
            ..Activity::new(ActivityId(id), &format!("Activity {id}"))
        }
    }

    fn plan(activities: Vec<Activity>) -> Plan {
        let mut plan = Plan::empty(PlanId(1), "RACI", date("2026-11-23"));
        plan.people = vec![
            Person::new(PersonId(1), "Ann Lee"),
            Person::new(PersonId(2), "Ben Ortiz"),
        ];
        plan.activities = activities;
        plan
    }

    fn check_messages(plan: &Plan, expected: &[&str]) {
        let messages: Vec<String> = check(plan)
            .into_iter()
            .map(|finding| finding.message)
            .collect();
        assert_eq!(messages, expected);
    }

    #[test]
    fn cells_show_the_owner_and_the_lists() {
        let mut work = activity(1, Some(1), &[1], (None, None));
        work.consulted = vec![PersonId(2)];
        assert_eq!(cell(&work, PersonId(1)).letters(), "A/R");
        assert_eq!(
            cell(&work, PersonId(1)).words(),
            "Accountable and responsible"
        );
        assert_eq!(cell(&work, PersonId(2)).letters(), "C");
        assert_eq!(cell(&work, PersonId(3)).letters(), "");
        let owned = activity(2, Some(2), &[1], (None, None));
        assert_eq!(cell(&owned, PersonId(2)).words(), "Accountable");
    }

    #[test]
    fn every_open_activity_needs_an_accountable_and_a_responsible() {
        let mut done = activity(4, None, &[], (None, None));
        done.status = Status::Done;
        check_messages(
            &plan(vec![
                activity(1, Some(1), &[2], (None, None)),
                activity(2, None, &[2], (None, None)),
                activity(3, Some(1), &[], (None, None)),
                done,
            ]),
            &[
                "'Activity 2' has no owner, so nobody is accountable for it: give it an owner",
                "Nobody is responsible for 'Activity 3': add who does the work (R)",
            ],
        );
    }

    #[test]
    fn four_at_once_is_too_many_three_is_not() {
        // Ann owns 1-3 (overlapping 2026-12-07..12-11) and 4 from 12-09
        // (responsible too, which counts once): four at once on 12-09. Ben
        // is responsible for three at once only.
        let four = plan(vec![
            activity(1, Some(1), &[2], (Some("2026-12-01"), Some("2026-12-11"))),
            activity(2, Some(1), &[2], (Some("2026-12-07"), Some("2026-12-18"))),
            activity(3, Some(1), &[2], (None, Some("2026-12-09"))),
            activity(4, Some(1), &[1], (Some("2026-12-09"), Some("2027-01-08"))),
        ]);
        let findings = check(&four);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].person, Some(PersonId(1)));
        assert_eq!(
            findings[0].message,
            "Ann Lee is accountable or responsible for 4 initiatives at once from 2026-12-09 \
             (more than 3): 'Activity 1', 'Activity 2', 'Activity 3', 'Activity 4'"
        );
        assert_eq!(
            findings[0].kind,
            Kind::TooMany {
                from: date("2026-12-09"),
                activities: vec![ActivityId(1), ActivityId(2), ActivityId(3), ActivityId(4)],
            }
        );
        // Activity 3 moved a day earlier: never four on one day.
        let mut apart = four.clone();
        apart.activities[2].deadline = Some(date("2026-12-08"));
        assert!(check(&apart).is_empty());
        // Undated work is left out of the count.
        let mut undated = four;
        undated.activities[3].start = None;
        undated.activities[3].deadline = None;
        assert!(check(&undated).is_empty());
    }

    #[test]
    fn the_demo_plan_has_its_raci_filled_in() {
        let plan = crate::model::demo::demo_plan(PlanId(1), date("2026-11-23"));
        assert_eq!(check(&plan), Vec::new());
    }
}
