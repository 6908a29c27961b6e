//! Stale: work in progress that has not moved for a while.

use super::{days_between, days_text, known, push, Context, Owner, Risk, RiskKind, Severity};
use crate::model::{Activity, Status};

/// Rule 1: in progress, but nothing has moved for a while.
pub(super) fn stale(
    context: &Context,
    index: usize,
    activity: &Activity,
    owner: Owner,
    found: &mut Vec<Risk>,
) {
    if activity.status != Status::InProgress {
        return;
    }
    let last_change = activity.status_history.last();
    let last_status_date = activity
        .status_history
        .iter()
        .map(|change| change.date)
        .max();
    let last_tick = activity
        .done_definition
        .checklist
        .iter()
        .filter(|item| item.done)
        .filter_map(|item| item.done_on)
        .max();
    let last_movement = last_status_date
        .max(last_tick)
        .max(context.last_note[index]);
    let (last, evidence_tail) = match (last_movement, activity.start) {
        (Some(last), _) => (last, None),
        // Nothing recorded at all: the start is the last sign of life.
        (None, Some(start)) => (start, Some(start)),
        (None, None) => return,
    };
    let quiet = days_between(last, context.today);
    if quiet < i64::from(context.plan.settings.stale_after_days) {
        return;
    }
    let since = match last_change {
        Some(change) if change.status == Status::InProgress => format!(" since {}", change.date),
        _ => String::new(),
    };
    let evidence = match evidence_tail {
        None => format!(
            "In progress{since} with no status change, checklist tick or check-in note since {last} ({}).",
            days_text(quiet)
        ),
        Some(start) => format!(
            "In progress with no status change, checklist tick or check-in note recorded since it started on {start} ({}).",
            days_text(quiet)
        ),
    };
    let next_step = match owner {
        Owner::Known(person_index) => format!(
            "Ask {} what is in the way; if something is, mark it Blocked and name it.",
            context.plan.people[person_index].name
        ),
        Owner::Nobody | Owner::Unknown(_) => "Find out who works on it and what is in the way; if something is, mark it Blocked and name it.".to_string(),
    };
    push(
        found,
        RiskKind::Stale,
        Severity::Medium,
        activity,
        known(owner, context),
        evidence,
        next_step,
    );
}

#[cfg(test)]
mod tests {
    use crate::engine::risks::tests::{check, checkin, status, ticked};
    use crate::model::{ChecklistItem, Status};
    use crate::test_support::{day, today};

    #[test]
    fn stale_starts_at_the_threshold_day() {
        check(
            |plan| status(plan, 0, Status::InProgress, day(-7)),
            today(),
            &[],
        );
        check(
            |plan| status(plan, 0, Status::InProgress, day(-8)),
            today(),
            &["act-1 Medium Stale per-1 | In progress since 2026-11-15 with no status change, checklist tick or check-in note since 2026-11-15 (8 days). | Ask Tom Becker what is in the way; if something is, mark it Blocked and name it."],
        );
        // A checklist tick is movement; a date on an unticked item is not.
        check(
            |plan| {
                status(plan, 0, Status::InProgress, day(-30));
                plan.activities[0].done_definition.checklist = vec![ticked(Some(day(-7)))];
            },
            today(),
            &[],
        );
        check(
            |plan| {
                status(plan, 0, Status::InProgress, day(-30));
                plan.activities[0].done_definition.checklist = vec![
                    ticked(Some(day(-8))),
                    ChecklistItem {
                        text: "not ticked".to_string(),
                        done: false,
                        done_on: Some(day(-1)),
                    },
                ];
            },
            today(),
            &["act-1 Medium Stale per-1 | In progress since 2026-10-24 with no status change, checklist tick or check-in note since 2026-11-15 (8 days). | Ask Tom Becker what is in the way; if something is, mark it Blocked and name it."],
        );
        // A check-in note about it is movement, moved or blocked; an entry
        // with nothing said is not.
        for (moved, blocked, expected) in [
            ("Hub module merged.", "", &[][..]),
            ("", "Waiting for the firewall change.", &[][..]),
            ("  ", "", &["act-1 Medium Stale"][..]),
        ] {
            check(
                |plan| {
                    status(plan, 0, Status::InProgress, day(-30));
                    plan.checkins = vec![checkin(day(-7), 1, moved, blocked, false)];
                },
                today(),
                expected,
            );
        }
        // A note about another activity does not count.
        check(
            |plan| {
                status(plan, 0, Status::InProgress, day(-30));
                plan.checkins = vec![checkin(day(-1), 2, "Moved.", "", false)];
            },
            today(),
            &["act-1 Medium Stale"],
        );
        // The threshold is the plan's.
        check(
            |plan| {
                plan.settings.stale_after_days = 3;
                status(plan, 0, Status::InProgress, day(-2));
            },
            today(),
            &[],
        );
        check(
            |plan| {
                plan.settings.stale_after_days = 3;
                status(plan, 0, Status::InProgress, day(-3));
            },
            today(),
            &["act-1 Medium Stale"],
        );
        // Only work in progress goes stale.
        check(
            |plan| status(plan, 0, Status::Blocked, day(-30)),
            today(),
            &[],
        );
        // With nothing recorded the start stands in; with no start either
        // there is nothing to go on.
        check(
            |plan| {
                plan.activities[0].status = Status::InProgress;
                plan.activities[0].start = Some(day(-10));
            },
            today(),
            &["act-1 Medium Stale per-1 | In progress with no status change, checklist tick or check-in note recorded since it started on 2026-11-13 (10 days). | Ask Tom Becker what is in the way; if something is, mark it Blocked and name it."],
        );
        check(
            |plan| {
                plan.activities[0].status = Status::InProgress;
                plan.activities[0].start = None;
            },
            today(),
            &[],
        );
    }
}
