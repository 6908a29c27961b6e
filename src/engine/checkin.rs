//! The weekly check-in: what the app already knows before anyone speaks
//! (what moved since the last check-in, which midpoints are due), and what
//! moved between two past check-ins.

use chrono::{Duration, NaiveDate};

use crate::model::{Activity, ActivityId, CheckIn, Plan, Status, Week};

/// The date of this week's check-in: the review weekday of the week of `today`.
pub fn checkin_date(plan: &Plan, today: NaiveDate) -> NaiveDate {
    Week::containing(today).day(plan.review_weekday)
}

/// The most recent check-in before `date`, if any.
pub fn previous_checkin(plan: &Plan, date: NaiveDate) -> Option<&CheckIn> {
    plan.checkins
        .iter()
        .filter(|checkin| checkin.date < date)
        .max_by_key(|checkin| (checkin.date, checkin.id))
}

/// What moved on `activity` after `since` (exclusive) up to `until`
/// (inclusive): status changes and checklist items ticked, as sentences.
pub fn moves(activity: &Activity, since: Option<NaiveDate>, until: NaiveDate) -> Vec<String> {
    let in_range = |date: NaiveDate| since.is_none_or(|since| date > since) && date <= until;
    let mut moves: Vec<(NaiveDate, String)> = Vec::new();
    let mut previous = None;
    for change in &activity.status_history {
        if in_range(change.date) && previous.is_some_and(|status| status != change.status) {
            moves.push((
                change.date,
                format!("{}: moved to {}", change.date, change.status.label()),
            ));
        }
        previous = Some(change.status);
    }
    for item in &activity.done_definition.checklist {
        if let Some(date) = item.done_on.filter(|date| item.done && in_range(*date)) {
            moves.push((date, format!("{date}: ticked \"{}\"", item.text)));
        }
    }
    // Stable by date: status changes of a day come before its ticks.
    let mut order: Vec<usize> = (0..moves.len()).collect();
    order.sort_unstable_by_key(|index| (moves[*index].0, *index));
    order
        .into_iter()
        .map(|index| moves[index].1.clone())
        .collect()
}

/// Whether a check-in on `date` should count as `activity`'s midpoint
/// check-in: the midpoint falls on or before the end of that week and no
/// earlier check-in covered it.
pub fn midpoint_due(plan: &Plan, activity: &Activity, date: NaiveDate) -> bool {
    let Some(midpoint) = activity.checkin else {
        return false;
    };
    if activity.status == Status::Done
        || midpoint > Week::containing(date).day(chrono::Weekday::Sun)
    {
        return false;
    }
    !plan.checkins.iter().any(|checkin| {
        checkin.date < date
            && checkin.entries.iter().any(|entry| {
                entry.activity == activity.id && (entry.covers_midpoint || checkin.date >= midpoint)
            })
    })
}

/// Initiatives with a midpoint check-in in the week of `today`.
pub fn midpoints_this_week(plan: &Plan, today: NaiveDate) -> Vec<ActivityId> {
    let monday = Week::containing(today).monday();
    let sunday = monday + Duration::days(6);
    plan.initiatives()
        .filter(|activity| activity.status != Status::Done)
        .filter(|activity| {
            activity
                .checkin
                .is_some_and(|date| monday <= date && date <= sunday)
        })
        .map(|activity| activity.id)
        .collect()
}

/// What moved between two check-ins: for each initiative, the moves after
/// the earlier one up to the later one.
pub fn moved_between(
    plan: &Plan,
    earlier: &CheckIn,
    later: &CheckIn,
) -> Vec<(ActivityId, Vec<String>)> {
    let (from, to) = if earlier.date <= later.date {
        (earlier.date, later.date)
    } else {
        (later.date, earlier.date)
    };
    plan.initiatives()
        .map(|activity| (activity.id, moves(activity, Some(from), to)))
        .filter(|(_, moves)| !moves.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CheckInEntry, CheckInId};
    use crate::test_support::{date, demo};

    #[test]
    fn this_weeks_checkin_is_on_the_review_day() {
        let plan = demo();
        assert_eq!(checkin_date(&plan, date("2026-11-25")), date("2026-11-23"));
        assert_eq!(
            previous_checkin(&plan, date("2026-11-23")).map(|c| c.date),
            Some(date("2026-11-16"))
        );
        assert_eq!(previous_checkin(&plan, date("2026-11-16")), None);
    }

    #[test]
    fn moves_since_the_last_checkin_are_listed_in_date_order() {
        let plan = demo();
        let landing_zone = plan.activity(ActivityId(2)).expect("act-2");
        // The demo dates what already happened no later than the day it was
        // laid out, 2026-11-23, so the module tick is dated that day.
        let cases = [
            (
                None,
                "2026-11-30",
                vec![
                    "2026-11-16: moved to In progress",
                    "2026-11-23: ticked \"Network and hub module\"",
                ],
            ),
            (Some("2026-11-16"), "2026-11-22", vec![]),
            (
                Some("2026-11-16"),
                "2026-11-23",
                vec!["2026-11-23: ticked \"Network and hub module\""],
            ),
            (
                Some("2026-11-15"),
                "2026-11-16",
                vec!["2026-11-16: moved to In progress"],
            ),
        ];
        for (since, until, expected) in cases {
            assert_eq!(
                moves(landing_zone, since.map(date), date(until)),
                expected,
                "{since:?}..{until}"
            );
        }
    }

    #[test]
    fn a_midpoint_is_due_once_until_a_checkin_covers_it() {
        let mut plan = demo();
        // act-4's midpoint is Monday 2026-12-07.
        let intake = plan.activity(ActivityId(4)).cloned().expect("act-4");
        assert!(
            !midpoint_due(&plan, &intake, date("2026-11-30")),
            "the week before"
        );
        assert!(midpoint_due(&plan, &intake, date("2026-12-07")), "its week");
        assert!(
            midpoint_due(&plan, &intake, date("2026-12-14")),
            "missed, still due"
        );
        assert_eq!(
            midpoints_this_week(&plan, date("2026-12-09")),
            vec![ActivityId(2), ActivityId(4)]
        );
        plan.checkins.push(CheckIn {
            id: CheckInId(2),
            date: date("2026-12-07"),
            summary: String::new(),
            entries: vec![CheckInEntry {
                activity: ActivityId(4),
                moved: "Form built.".to_string(),
                blocked: String::new(),
                covers_midpoint: true,
            }],
            decisions: Vec::new(),
        });
        assert!(!midpoint_due(&plan, &intake, date("2026-12-14")), "covered");
    }

    #[test]
    fn two_checkins_are_compared_by_what_moved_between_them() {
        let plan = demo();
        let first = plan.checkins[0].clone();
        let later = CheckIn {
            id: CheckInId(2),
            date: date("2026-11-30"),
            ..first.clone()
        };
        let moved = moved_between(&plan, &first, &later);
        let titles: Vec<(u32, usize)> = moved
            .iter()
            .map(|(id, moves)| (id.0, moves.len()))
            .collect();
        // act-1 done (19th) with two ticks (17th, 19th); act-2 ticked (26th);
        // act-3 started, ticked, blocked; act-4 started and ticked.
        assert_eq!(titles, vec![(1, 3), (2, 1), (3, 3), (4, 2)]);
        assert_eq!(
            moved_between(&plan, &later, &first),
            moved,
            "order of the two does not matter"
        );
    }
}
