//! Owner away: an owner who is away for most of the time left.

use super::{push, Context, Risk, RiskKind, Severity};
use crate::engine::availability::day_number;
use crate::model::Activity;

/// Rule 6, second half: the owner is away for most of the time left.
pub(super) fn owner_away(
    context: &Context,
    activity: &Activity,
    person_index: usize,
    found: &mut Vec<Risk>,
) {
    let Some(deadline) = activity.deadline else {
        return;
    };
    let first = activity
        .start
        .map_or(context.today_number, day_number)
        .max(context.today_number);
    let last = day_number(deadline);
    let working_days = context.working_days(person_index, first, last);
    if working_days <= 0.0 {
        return;
    }
    let away = context.days_away(person_index, first, last);
    let share = away / working_days;
    if share <= context.plan.settings.owner_away_share {
        return;
    }
    let person = &context.plan.people[person_index];
    let from = activity
        .start
        .map_or(context.today, |start| start.max(context.today));
    let mut reasons: Vec<String> = Vec::new();
    if let Some(start) = person.start_date.filter(|start| day_number(*start) > first) {
        reasons.push(format!("starts on {start}"));
    }
    for leave in &person.leave {
        if day_number(leave.start) <= last && day_number(leave.end) >= first {
            let kind = if leave.day_fraction >= 1.0 {
                "leave"
            } else if leave.day_fraction == 0.5 {
                "half-day leave"
            } else {
                "part-day leave"
            };
            let days = if leave.start == leave.end {
                format!("on {}", leave.start)
            } else {
                format!("{} to {}", leave.start, leave.end)
            };
            let note = match leave.note.trim() {
                "" => String::new(),
                note => format!(" ({note})"),
            };
            reasons.push(format!("{kind} {days}{note}"));
        }
    }
    if let Some(end) = person.end_date.filter(|end| day_number(*end) < last) {
        reasons.push(format!("last working day {end}"));
    }
    let reasons = if reasons.is_empty() {
        String::new()
    } else {
        format!(": {}", reasons.join("; "))
    };
    let evidence = format!(
        "{} is away on {} of the {} working days left between {from} and {deadline} ({} %){reasons}.",
        person.name,
        amount(away),
        amount(working_days),
        whole(share * 100.0),
    );
    let next_step = format!(
        "Hand it to someone who is there, or agree with {} what must be done before they are away and move the deadline for the rest.",
        person.name
    );
    push(
        found,
        RiskKind::OwnerAway,
        Severity::High,
        activity,
        Some(person.id),
        evidence,
        next_step,
    );
}

/// Whole numbers bare, others with one decimal: "5", "5.5".
fn amount(value: f64) -> String {
    // Integer arithmetic: precision formatting of floats would bring its
    // own formatter into the browser bundle.
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, tenth) = (tenths.abs() / 10, tenths.abs() % 10);
    if tenth == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{tenth}")
    }
}

/// The nearest whole number; integers print faster than rounded floats.
fn whole(value: f64) -> i64 {
    // `as` saturates, and makes "not a number" 0.
    value.round() as i64
}

#[cfg(test)]
mod tests {
    use crate::engine::risks::tests::check;
    use crate::model::{Holiday, Leave, Plan};
    use crate::test_support::{date, leave, today};

    #[test]
    fn an_owner_away_for_more_than_half_the_time_left_is_flagged() {
        // Ten working days are left, 2026-11-23 to 2026-12-04.
        let cases = [
            // 4.5 and 5 days are not more than half.
            (vec![leave("2026-11-23", "2026-11-26", 1.0), leave("2026-11-27", "2026-11-27", 0.5)], &[][..]),
            (vec![leave("2026-11-23", "2026-11-27", 1.0)], &[][..]),
            // Two leaves on the same days count each day once.
            (vec![leave("2026-11-23", "2026-11-27", 1.0), leave("2026-11-23", "2026-11-27", 1.0)], &[][..]),
            // Two half days on the same day make a whole one.
            (
                vec![leave("2026-11-23", "2026-11-27", 1.0), leave("2026-11-30", "2026-11-30", 0.5), leave("2026-11-30", "2026-11-30", 0.5)],
                &["act-1 High Owner away"][..],
            ),
            (
                vec![leave("2026-11-23", "2026-11-27", 1.0), leave("2026-11-30", "2026-11-30", 0.5)],
                &["act-1 High Owner away per-1 | Tom Becker is away on 5.5 of the 10 working days left between 2026-11-23 and 2026-12-04 (55 %): leave 2026-11-23 to 2026-11-27 (Skiing); half-day leave on 2026-11-30 (Skiing). | Hand it to someone who is there, or agree with Tom Becker what must be done before they are away and move the deadline for the rest."][..],
            ),
            // Leave on a weekend or outside the window costs nothing.
            (vec![leave("2026-11-14", "2026-11-29", 1.0)], &[][..]),
        ];
        for (leaves, expected) in cases {
            check(
                |plan| {
                    plan.people[0].leave = leaves
                        .into_iter()
                        .map(|leave| Leave {
                            note: "Skiing".to_string(),
                            ..leave
                        })
                        .collect();
                },
                today(),
                expected,
            );
        }
        // Not started yet or already gone is away too.
        check(
            |plan| plan.people[0].start_date = Some(date("2026-11-30")),
            today(),
            &[],
        );
        check(
            |plan| plan.people[0].start_date = Some(date("2026-12-01")),
            today(),
            &["act-1 High Owner away per-1 | Tom Becker is away on 6 of the 10 working days left between 2026-11-23 and 2026-12-04 (60 %): starts on 2026-12-01. | Hand it to someone who is there, or agree with Tom Becker what must be done before they are away and move the deadline for the rest."],
        );
        check(
            |plan| plan.people[0].end_date = Some(date("2026-11-27")),
            today(),
            &[],
        );
        check(
            |plan| plan.people[0].end_date = Some(date("2026-11-26")),
            today(),
            &["act-1 High Owner away per-1 | Tom Becker is away on 6 of the 10 working days left between 2026-11-23 and 2026-12-04 (60 %): last working day 2026-11-26. | Hand it to someone who is there, or agree with Tom Becker what must be done before they are away and move the deadline for the rest."],
        );
        // Public holidays are not working days: with two of them, 8 days
        // are left and 4 away is half.
        let holidays = |plan: &mut Plan, leave_until: &str| {
            plan.holidays = ["2026-12-03", "2026-12-04", "2026-11-28"]
                .iter()
                .map(|on| Holiday {
                    date: date(on),
                    name: "Holiday".to_string(),
                })
                .collect();
            plan.people[0].leave = vec![leave("2026-11-23", leave_until, 1.0)];
        };
        check(|plan| holidays(plan, "2026-11-26"), today(), &[]);
        check(
            |plan| holidays(plan, "2026-11-27"),
            today(),
            &["act-1 High Owner away"],
        );
        // The share is the plan's; the window starts at the start, not
        // today, once the work has not started.
        check(
            |plan| {
                plan.settings.owner_away_share = 0.4;
                plan.people[0].leave = vec![leave("2026-11-23", "2026-11-27", 1.0)];
            },
            today(),
            &["act-1 High Owner away"],
        );
        check(
            |plan| {
                plan.activities[0].start = Some(date("2026-11-30"));
                plan.people[0].leave = vec![leave("2026-11-23", "2026-11-27", 1.0)];
            },
            today(),
            &[],
        );
    }
}
