//! Missed check-in: a midpoint check-in date that passed without a check-in.

use super::{days_between, days_text, known, push, Context, Owner, Risk, RiskKind, Severity};
use crate::model::Activity;

/// Rule 4: the midpoint check-in date passed without a check-in.
pub(super) fn missed_checkin(
    context: &Context,
    index: usize,
    activity: &Activity,
    owner: Owner,
    found: &mut Vec<Risk>,
) {
    let Some(midpoint) = activity.checkin else {
        return;
    };
    let ago = days_between(midpoint, context.today);
    if ago <= 0 || context.midpoint_covered[index] {
        return;
    }
    if context.last_entry[index].is_some_and(|date| date >= midpoint) {
        return;
    }
    let evidence = format!(
        "The midpoint check-in was due on {midpoint}, {} ago, and no check-in since has an entry for this activity.",
        days_text(ago)
    );
    let with = match owner {
        Owner::Known(person_index) => format!(" with {}", context.plan.people[person_index].name),
        Owner::Nobody | Owner::Unknown(_) => String::new(),
    };
    let on_track = match activity.deadline {
        Some(deadline) => format!("is it on track for {deadline}?"),
        None => "is it on track?".to_string(),
    };
    let next_step = format!(
        "Hold the midpoint check-in{with} now ({on_track}) and record it with \"covers midpoint\" ticked."
    );
    push(
        found,
        RiskKind::MissedCheckIn,
        Severity::Medium,
        activity,
        known(owner, context),
        evidence,
        next_step,
    );
}

#[cfg(test)]
mod tests {
    use crate::engine::risks::tests::{check, checkin};
    use crate::model::Plan;
    use crate::test_support::{date, today};

    #[test]
    fn a_midpoint_is_missed_the_day_after_without_a_checkin_covering_it() {
        // The landing zone started on 2026-11-09, its midpoint 2026-11-20.
        let midpoint = |plan: &mut Plan, on: &str| {
            plan.activities[0].start = Some(date("2026-11-09"));
            plan.activities[0].checkin = Some(date(on));
        };
        check(|plan| midpoint(plan, "2026-11-23"), today(), &[]);
        check(
            |plan| midpoint(plan, "2026-11-20"),
            today(),
            &["act-1 Medium Missed check-in per-1 | The midpoint check-in was due on 2026-11-20, 3 days ago, and no check-in since has an entry for this activity. | Hold the midpoint check-in with Tom Becker now (is it on track for 2026-12-04?) and record it with \"covers midpoint\" ticked."],
        );
        // A check-in on the day with an entry covers it, even one that says
        // nothing; one the day before does not, nor one about other work.
        let cases = [
            ("2026-11-20", 1, false, &[][..]),
            ("2026-11-22", 1, false, &[][..]),
            (
                "2026-11-19",
                1,
                false,
                &["act-1 Medium Missed check-in"][..],
            ),
            (
                "2026-11-20",
                2,
                false,
                &["act-1 Medium Missed check-in"][..],
            ),
            // An entry marked as the midpoint covers it whenever it was.
            ("2026-11-12", 1, true, &[][..]),
        ];
        for (on, activity, covers, expected) in cases {
            check(
                |plan| {
                    midpoint(plan, "2026-11-20");
                    plan.checkins = vec![checkin(date(on), activity, "", "", covers)];
                },
                today(),
                expected,
            );
        }
    }
}
