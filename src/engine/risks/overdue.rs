//! Overdue: open work whose deadline has passed.

use super::{days_between, days_text, known, push, Context, Owner, Risk, RiskKind, Severity};
use crate::model::{count_of, Activity, Status};

/// Rule 5: the deadline has passed.
pub(super) fn overdue(
    context: &Context,
    index: usize,
    activity: &Activity,
    owner: Owner,
    found: &mut Vec<Risk>,
) {
    let Some(deadline) = activity.deadline else {
        return;
    };
    let late = days_between(deadline, context.today);
    if late <= 0 {
        return;
    }
    let checklist = &activity.done_definition.checklist;
    let progress = if checklist.is_empty() {
        String::new()
    } else {
        let ticked = checklist.iter().filter(|item| item.done).count();
        format!(
            ", with {ticked} of {} ticked",
            count_of(checklist.len(), "checklist item", "checklist items")
        )
    };
    let evidence = format!(
        "Due on {deadline}, {} ago, and still {}{progress}.",
        days_text(late),
        status_phrase(activity.status)
    );
    let who = context.owner_name(activity, "whoever takes it on");
    let waiting = match context.open_dependents[index] {
        0 => String::new(),
        1 => ", and tell the owner of the activity that waits on it".to_string(),
        count => format!(", and tell the owners of the {count} activities that wait on it"),
    };
    let next_step = format!(
        "Agree a new deadline with {who}, or cut the work to what can be finished now{waiting}."
    );
    push(
        found,
        RiskKind::Overdue,
        Severity::High,
        activity,
        known(owner, context),
        evidence,
        next_step,
    );
}

/// A status inside a sentence: "in progress".
fn status_phrase(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "not started",
        Status::InProgress => "in progress",
        Status::Blocked => "blocked",
        Status::Done => "done",
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::risks::tests::{check, ticked};
    use crate::model::Status;
    use crate::test_support::date;

    #[test]
    fn overdue_starts_the_day_after_the_deadline() {
        // No effort, so a landing zone due on the day it is looked at is
        // not also an overload.
        check(|_| {}, date("2026-12-04"), &[]);
        check(
            |_| {},
            date("2026-12-05"),
            &[
                "act-1 High Overdue per-1 | Due on 2026-12-04, 1 day ago, and still not started. | Agree a new deadline with Tom Becker, or cut the work to what can be finished now, and tell the owner of the activity that waits on it.",
                "act-2 High Waiting per-1 | Waits on 'Landing zone' (Not started, Tom Becker), which was due on 2026-12-04 and is 1 day overdue. | Ask Tom Becker for a new date for 'Landing zone', and check that this activity's own dates still hold.",
            ],
        );
        check(
            |plan| {
                plan.activities[0].status = Status::InProgress;
                plan.activities[0].done_definition.checklist =
                    vec![ticked(Some(date("2026-12-10"))), ticked(None)];
                plan.activities[1].depends_on.clear();
            },
            date("2026-12-14"),
            &["act-1 High Overdue per-1 | Due on 2026-12-04, 10 days ago, and still in progress, with 1 of 2 checklist items ticked. | Agree a new deadline with Tom Becker, or cut the work to what can be finished now."],
        );
        // Done work is never at risk, and nothing waits on it.
        check(
            |plan| plan.activities[0].status = Status::Done,
            date("2026-12-05"),
            &[],
        );
    }
}
