//! Each place of the ranking in words, and the report of a dependency
//! loop.

use super::*;

/// The reasons behind a place, most telling first, joined by " · ". It is
/// written into one string, as this runs for every activity of the plan.
pub(super) fn explanation(
    activities: &[Activity],
    index: usize,
    waiting_for: &[usize],
    parts: &ScoreParts,
    has_goal_date: bool,
) -> String {
    let activity = &activities[index];
    let mut text = String::with_capacity(96);
    match waiting_for {
        [] => {}
        [only] => add_reason(
            &mut text,
            format_args!("waiting on '{}'", activities[*only].title),
        ),
        many => add_reason(
            &mut text,
            format_args!("waiting on {} initiatives", many.len()),
        ),
    }
    match parts.days_left {
        Some(days) if days < 0 => add_reason(
            &mut text,
            format_args!("overdue by {}", Days(days.unsigned_abs())),
        ),
        Some(0) => add_reason(&mut text, format_args!("due today")),
        _ => {}
    }
    match parts.unblocks_total {
        0 => {}
        1 => add_reason(&mut text, format_args!("unblocks 1 initiative")),
        many => add_reason(&mut text, format_args!("unblocks {many} initiatives")),
    }
    if parts.on_critical_path {
        add_reason(&mut text, format_args!("on the critical path"));
    }
    // Slack only means something to a reader when there is a date to slip.
    if activity.deadline.is_some() || has_goal_date {
        let days = parts.slack_days.round() as i64;
        let length = WorkingDays(days.unsigned_abs());
        if days < 0 {
            add_reason(&mut text, format_args!("{length} late"));
        } else {
            add_reason(&mut text, format_args!("{length} of slack"));
        }
    }
    if activity.deadline.is_none() {
        add_reason(&mut text, format_args!("no deadline"));
    }
    add_reason(&mut text, format_args!("impact {}", activity.impact));
    text
}

/// Appends one reason to an explanation.
pub(super) fn add_reason(text: &mut String, reason: std::fmt::Arguments) {
    if !text.is_empty() {
        text.push_str(" · ");
    }
    // Writing into a String cannot fail.
    let _ = text.write_fmt(reason);
}

/// A number of working days as read: "1 working day", "3 working days".
pub(super) struct WorkingDays(u64);

impl std::fmt::Display for WorkingDays {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            1 => formatter.write_str("1 working day"),
            days => write!(formatter, "{days} working days"),
        }
    }
}

/// A number of days as read: "1 day", "3 days".
pub(super) struct Days(u64);

impl std::fmt::Display for Days {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            1 => formatter.write_str("1 day"),
            days => write!(formatter, "{days} days"),
        }
    }
}

/// A loop as validation words it: "the dependencies form a loop: A → B → A".
pub(super) fn loop_report(plan: &Plan, cycle: Vec<ActivityId>) -> DependencyLoop {
    let names: Vec<String> = cycle
        .iter()
        .chain(cycle.first())
        .map(|id| plan.activity_title(*id))
        .collect();
    DependencyLoop {
        message: format!("the dependencies form a loop: {}", names.join(" → ")),
        activities: cycle,
    }
}

/// The report of open activities that could not be ordered.
pub(super) fn unordered_report(activities: &[Activity], unordered: &[usize]) -> DependencyLoop {
    let names: Vec<String> = unordered
        .iter()
        .map(|index| format!("'{}'", activities[*index].title))
        .collect();
    DependencyLoop {
        activities: unordered
            .iter()
            .map(|index| activities[*index].id)
            .collect(),
        message: format!(
            "the dependencies of {} cannot be put in order: look for a loop among them",
            names.join(", ")
        ),
    }
}
