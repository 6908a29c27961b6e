//! Waiting and Impossible order: dependencies due too late, or late already.

use super::{days_between, days_text, known, push, Context, Risk, RiskKind, Severity};
use crate::model::{Activity, Status};

/// Rules 2 and 3: dependencies that are due too late or are late already.
pub(super) fn dependencies(context: &Context, activity: &Activity, found: &mut Vec<Risk>) {
    for (place, id) in activity.depends_on.iter().enumerate() {
        // Self-dependencies, repeats and unknown ids are validation's to
        // report; here they are skipped.
        if *id == activity.id || activity.depends_on[..place].contains(id) {
            continue;
        }
        let Some(dependency) = context
            .activity_index(*id)
            .map(|index| &context.plan.activities[index])
        else {
            continue;
        };
        if dependency.status == Status::Done {
            continue;
        }
        let Some(due) = dependency.deadline else {
            continue;
        };
        let too_late_for_deadline = activity.deadline.filter(|deadline| due > *deadline);
        let late = days_between(due, context.today);
        let too_late_for_start = activity.start.filter(|start| due > *start);
        if too_late_for_deadline.is_none() && late <= 0 && too_late_for_start.is_none() {
            // Most dependencies are fine: skip the sentences.
            continue;
        }
        let who = context.owner_name(dependency, "its team");
        let person = known(context.owner_of(dependency), context);
        let about = format!(
            "'{}' ({}, {})",
            dependency.title,
            dependency.status.label(),
            context.owner_name(dependency, "no owner")
        );

        if let Some(deadline) = too_late_for_deadline {
            push(
                found,
                RiskKind::ImpossibleOrder,
                Severity::High,
                activity,
                person,
                format!(
                    "Due on {deadline}, but it waits on {about}, which is due later, on {due}."
                ),
                format!(
                    "Move this deadline after {due}, or agree with {who} to finish '{}' well before {deadline}.",
                    dependency.title
                ),
            );
        }

        if late > 0 {
            push(
                found,
                RiskKind::Waiting,
                Severity::High,
                activity,
                person,
                format!(
                    "Waits on {about}, which was due on {due} and is {} overdue.",
                    days_text(late)
                ),
                format!(
                    "Ask {who} for a new date for '{}', and check that this activity's own dates still hold.",
                    dependency.title
                ),
            );
        } else if let Some(start) = too_late_for_start {
            push(
                found,
                RiskKind::Waiting,
                Severity::Medium,
                activity,
                person,
                format!("Starts on {start}, but waits on {about}, due {due}."),
                format!(
                    "Agree with {who} the day '{}' will be done, then move this start after it or begin with the part that does not need it.",
                    dependency.title
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::risks::tests::check;
    use crate::model::{ActivityId, Status};
    use crate::test_support::{date, today};

    #[test]
    fn waiting_starts_when_the_dependency_is_due_after_the_start() {
        // The tenant baseline starts on 2026-12-07.
        check(
            |plan| plan.activities[0].deadline = Some(date("2026-12-07")),
            today(),
            &[],
        );
        check(
            |plan| plan.activities[0].deadline = Some(date("2026-12-08")),
            today(),
            &["act-2 Medium Waiting per-1 | Starts on 2026-12-07, but waits on 'Landing zone' (Not started, Tom Becker), due 2026-12-08. | Agree with Tom Becker the day 'Landing zone' will be done, then move this start after it or begin with the part that does not need it."],
        );
        // Done dependencies and dependencies without a deadline are no risk.
        check(
            |plan| {
                plan.activities[0].deadline = Some(date("2026-12-08"));
                plan.activities[0].status = Status::Done;
            },
            today(),
            &[],
        );
        check(|plan| plan.activities[0].deadline = None, today(), &[]);
        // Repeats, unknown ids and the activity itself count once or not
        // at all.
        check(
            |plan| {
                plan.activities[0].deadline = Some(date("2026-12-08"));
                plan.activities[1].depends_on =
                    vec![ActivityId(1), ActivityId(9), ActivityId(1), ActivityId(2)];
            },
            today(),
            &["act-2 Medium Waiting"],
        );
        // A dependency without an owner is still named.
        check(
            |plan| {
                plan.activities[0].deadline = Some(date("2026-12-08"));
                plan.activities[0].owner = None;
            },
            today(),
            &[
                "act-1 High No owner",
                "act-2 Medium Waiting nobody | Starts on 2026-12-07, but waits on 'Landing zone' (Not started, no owner), due 2026-12-08. | Agree with its team the day 'Landing zone' will be done, then move this start after it or begin with the part that does not need it.",
            ],
        );
    }

    #[test]
    fn an_impossible_order_is_a_dependency_due_after_the_deadline() {
        // Without a start the tenant baseline cannot be waiting, so the
        // order is tested alone; it is due on 2026-12-18.
        check(
            |plan| {
                plan.activities[1].start = None;
                plan.activities[0].deadline = Some(date("2026-12-18"));
            },
            today(),
            &[],
        );
        check(
            |plan| {
                plan.activities[1].start = None;
                plan.activities[0].deadline = Some(date("2026-12-19"));
            },
            today(),
            &["act-2 High Impossible order per-1 | Due on 2026-12-18, but it waits on 'Landing zone' (Not started, Tom Becker), which is due later, on 2026-12-19. | Move this deadline after 2026-12-19, or agree with Tom Becker to finish 'Landing zone' well before 2026-12-18."],
        );
        // With its start, it also waits; a blocked dependency counts too.
        check(
            |plan| {
                plan.activities[0].deadline = Some(date("2026-12-19"));
                plan.activities[0].status = Status::Blocked;
            },
            today(),
            &["act-2 High Impossible order", "act-2 Medium Waiting"],
        );
    }
}
