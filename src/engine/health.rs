//! Plan health: does the ops plan have the five components every plan needs
//! (goal, resources, timelines, owners, success metrics), and the habits that
//! keep it honest (3-8 initiatives, midpoint check-ins on multi-week work, a
//! definition of done everywhere)? Each finding says where to fix it.
//!
//! Only the ops plan's initiatives are checked: the firm's book of work
//! (client projects, managed-services contracts, pipeline deals) is not the
//! plan's to merge or drop, and has no midpoint or definition of done.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::model::{count_of, ActivityId, MetricId, Plan, Week};

/// Initiatives this long or longer need a midpoint check-in.
pub const MULTI_WEEK_DAYS: i64 = 14;
/// The recommended number of initiatives in one ops plan.
pub const RECOMMENDED_ACTIVITIES: std::ops::RangeInclusive<usize> = 3..=8;

/// One of the checks of the health panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    Goal,
    Resources,
    Timelines,
    Owners,
    SuccessMetrics,
    ActivityCount,
    MidpointCheckins,
    DefinitionsOfDone,
}

impl Check {
    /// The checks in the order the panel shows them: the five components first.
    pub const ALL: [Check; 8] = [
        Check::Goal,
        Check::Resources,
        Check::Timelines,
        Check::Owners,
        Check::SuccessMetrics,
        Check::ActivityCount,
        Check::MidpointCheckins,
        Check::DefinitionsOfDone,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Check::Goal => "Goal",
            Check::Resources => "Resources",
            Check::Timelines => "Timelines",
            Check::Owners => "Owners",
            Check::SuccessMetrics => "Success metrics",
            Check::ActivityCount => "3-8 initiatives",
            Check::MidpointCheckins => "Midpoint check-ins",
            Check::DefinitionsOfDone => "Definitions of done",
        }
    }

    /// What passing the check means.
    pub fn rule(self) -> &'static str {
        match self {
            Check::Goal => "one outcome with a metric, a target and a target date",
            Check::Resources => "a budget, a headcount note and the tooling",
            Check::Timelines => "every initiative has a start and a hard deadline",
            Check::Owners => "every initiative has exactly one owner",
            Check::SuccessMetrics => "at least one metric, each with a target",
            Check::ActivityCount => "a focused plan has 3 to 8 initiatives",
            Check::MidpointCheckins => "initiatives of 14 days or more have a midpoint check-in",
            Check::DefinitionsOfDone => "every initiative says what done means",
        }
    }

    /// Whether this is one of the five components every plan needs.
    pub fn is_component(self) -> bool {
        matches!(
            self,
            Check::Goal
                | Check::Resources
                | Check::Timelines
                | Check::Owners
                | Check::SuccessMetrics
        )
    }
}

/// Where a finding is fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    Goal,
    Resources,
    NewMetric,
    Metric(MetricId),
    Activity(ActivityId),
    NewActivity,
    Activities,
}

/// One gap, with where to close it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub check: Check,
    pub message: String,
    pub fix: Fix,
}

/// Every gap of `plan`, in the order of [`Check::ALL`], then by activity id.
pub fn health(plan: &Plan) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut add = |check: Check, fix: Fix, message: String| {
        findings.push(Finding {
            check,
            message,
            fix,
        })
    };

    let goal = &plan.goal;
    if goal.outcome.trim().is_empty() {
        add(
            Check::Goal,
            Fix::Goal,
            "The plan has no strategic goal: write the outcome it exists for.".to_string(),
        );
    }
    if goal.metric_name.trim().is_empty() {
        add(
            Check::Goal,
            Fix::Goal,
            "The goal has no metric: name the number that shows it is reached.".to_string(),
        );
    } else if goal.target == goal.baseline {
        add(
            Check::Goal,
            Fix::Goal,
            format!(
                "The goal's target equals its baseline ({}): set the target to reach.",
                goal.target
            ),
        );
    }
    match goal.target_date {
        None => add(
            Check::Goal,
            Fix::Goal,
            "The goal has no target date.".to_string(),
        ),
        Some(date) if date < plan.horizon.first_day() || date > plan.horizon.last_day() => add(
            Check::Goal,
            Fix::Goal,
            format!("The goal's target date {date} is outside the plan's horizon."),
        ),
        Some(_) => {}
    }

    let resources = &plan.resources;
    if resources.budget.is_none() {
        add(
            Check::Resources,
            Fix::Resources,
            "No budget is set.".to_string(),
        );
    }
    if resources.headcount_note.trim().is_empty() {
        add(
            Check::Resources,
            Fix::Resources,
            "No headcount note: say who works on the plan, and any hires or leavers.".to_string(),
        );
    }
    if resources.tooling.is_empty() {
        add(
            Check::Resources,
            Fix::Resources,
            "No tooling is listed.".to_string(),
        );
    }

    if plan.initiatives().next().is_none() {
        add(
            Check::Timelines,
            Fix::NewActivity,
            "No initiatives yet, so no timeline.".to_string(),
        );
        add(
            Check::Owners,
            Fix::NewActivity,
            "No initiatives yet, so nobody owns any of the plan's work.".to_string(),
        );
    }
    for activity in plan.initiatives() {
        let title = &activity.title;
        match (activity.start, activity.deadline) {
            (None, None) => add(
                Check::Timelines,
                Fix::Activity(activity.id),
                format!("'{title}' has no start and no deadline."),
            ),
            (None, Some(_)) => add(
                Check::Timelines,
                Fix::Activity(activity.id),
                format!("'{title}' has no start date."),
            ),
            (Some(_), None) => add(
                Check::Timelines,
                Fix::Activity(activity.id),
                format!("'{title}' has no hard deadline."),
            ),
            (Some(_), Some(_)) => {}
        }
    }
    for activity in plan.initiatives() {
        if activity.owner.is_none() {
            add(
                Check::Owners,
                Fix::Activity(activity.id),
                format!("'{}' has no owner.", activity.title),
            );
        }
    }

    if plan.metrics.is_empty() {
        add(
            Check::SuccessMetrics,
            Fix::NewMetric,
            "The plan has no success metric: add one to know it works.".to_string(),
        );
    }
    for metric in &plan.metrics {
        if metric.target == metric.baseline {
            add(
                Check::SuccessMetrics,
                Fix::Metric(metric.id),
                format!(
                    "'{}' has no target: its target equals its baseline.",
                    metric.name
                ),
            );
        }
    }

    let count = plan.initiatives().count();
    if count < *RECOMMENDED_ACTIVITIES.start() {
        add(
            Check::ActivityCount,
            Fix::NewActivity,
            format!(
                "The plan has {}: 3 to 8 are recommended to reach a goal.",
                count_of(count, "initiative", "initiatives")
            ),
        );
    } else if count > *RECOMMENDED_ACTIVITIES.end() {
        add(
            Check::ActivityCount,
            Fix::Activities,
            format!("The plan has {count} initiatives: more than 8 spreads the team thin; merge or drop some, or move client work to the book of work."),
        );
    }

    for activity in plan.initiatives() {
        let (Some(start), Some(deadline)) = (activity.start, activity.deadline) else {
            continue;
        };
        let days = (deadline - start).num_days() + 1;
        if days >= MULTI_WEEK_DAYS && activity.checkin.is_none() {
            add(
                Check::MidpointCheckins,
                Fix::Activity(activity.id),
                format!(
                    "'{}' runs {days} days with no midpoint check-in.",
                    activity.title
                ),
            );
        }
    }
    for activity in plan.initiatives() {
        let done = &activity.done_definition;
        if done.text.trim().is_empty() && done.checklist.is_empty() {
            add(
                Check::DefinitionsOfDone,
                Fix::Activity(activity.id),
                format!("'{}' has no definition of done.", activity.title),
            );
        }
    }
    findings
}

/// The midpoint check-in proposed for an activity: the review weekday of the
/// week halfway between start and deadline, kept inside start..=deadline.
pub fn propose_midpoint(
    start: NaiveDate,
    deadline: NaiveDate,
    review_weekday: Weekday,
) -> NaiveDate {
    if deadline <= start {
        return start;
    }
    let middle = start + (deadline - start) / 2;
    let on_review_day = Week::containing(middle).day(review_weekday);
    // Prefer the review day nearest the middle; the week's own review day
    // may fall before the start or after the deadline.
    let candidates = [
        on_review_day - chrono::Duration::weeks(1),
        on_review_day,
        on_review_day + chrono::Duration::weeks(1),
    ];
    candidates
        .into_iter()
        .filter(|day| start <= *day && *day <= deadline)
        .min_by_key(|day| ((*day - middle).num_days().abs(), day.num_days_from_ce()))
        .unwrap_or(middle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Activity;
    use crate::test_support::{date, demo};

    /// Applies `edit` to the demo plan and compares the findings' messages.
    fn check(edit: impl FnOnce(&mut Plan), expected: &[&str]) {
        let mut plan = demo();
        edit(&mut plan);
        let messages: Vec<String> = health(&plan)
            .into_iter()
            .map(|finding| finding.message)
            .collect();
        assert_eq!(messages, expected);
    }

    #[test]
    fn the_demo_plan_is_healthy() {
        check(|_| {}, &[]);
    }

    #[test]
    fn each_gap_is_found_with_where_to_fix_it() {
        check(
            |plan| {
                plan.goal.outcome.clear();
                plan.goal.target_date = None;
            },
            &[
                "The plan has no strategic goal: write the outcome it exists for.",
                "The goal has no target date.",
            ],
        );
        check(
            |plan| plan.goal.target = plan.goal.baseline,
            &["The goal's target equals its baseline (14): set the target to reach."],
        );
        check(
            |plan| plan.goal.target_date = Some(date("2030-01-01")),
            &["The goal's target date 2030-01-01 is outside the plan's horizon."],
        );
        check(
            |plan| plan.resources = Default::default(),
            &[
                "No budget is set.",
                "No headcount note: say who works on the plan, and any hires or leavers.",
                "No tooling is listed.",
            ],
        );
        check(
            |plan| {
                plan.activities[1].start = None;
                plan.activities[2].deadline = None;
                plan.activities[3].owner = None;
            },
            &[
                "'Standard Azure landing zone in Terraform' has no start date.",
                "'Automated Microsoft 365 tenant baseline' has no hard deadline.",
                "'Self-service intake form and checklist' has no owner.",
            ],
        );
        check(
            |plan| plan.metrics.clear(),
            &["The plan has no success metric: add one to know it works."],
        );
        check(
            |plan| plan.metrics[0].target = plan.metrics[0].baseline,
            &["'Median onboarding time' has no target: its target equals its baseline."],
        );
        check(
            |plan| {
                plan.activities[1].checkin = None;
                plan.activities[4].done_definition = Default::default();
            },
            &[
                "'Standard Azure landing zone in Terraform' runs 40 days with no midpoint check-in.",
                "'Security baseline sign-off for new clients' has no definition of done.",
            ],
        );
    }

    #[test]
    fn the_activity_count_is_recommended_between_3_and_8() {
        check(
            |plan| plan.activities.truncate(2),
            &["The plan has 2 initiatives: 3 to 8 are recommended to reach a goal."],
        );
        check(|plan| plan.activities.truncate(3), &[]);
        check(
            |plan| {
                for n in 7..=9 {
                    let mut extra = Activity::new(ActivityId(n), &format!("Extra {n}"));
                    extra.owner = Some(crate::model::PersonId(1));
                    extra.start = Some(date("2026-11-23"));
                    extra.deadline = Some(date("2026-11-27"));
                    extra.done_definition.text = "Done.".to_string();
                    plan.activities.push(extra);
                }
            },
            &["The plan has 9 initiatives: more than 8 spreads the team thin; merge or drop some, or move client work to the book of work."],
        );
    }

    #[test]
    fn the_book_of_work_is_not_the_plans_to_check() {
        // Thirteen engagements without dates, owner, midpoint or definition
        // of done leave the plan's health as it was.
        check(
            |plan| {
                for n in 20..33 {
                    let mut engagement = Activity::new(ActivityId(n), &format!("Contract {n}"));
                    engagement.scope = crate::model::Scope::Book;
                    plan.activities.push(engagement);
                }
            },
            &[],
        );
        // Two initiatives and a book of work are still two initiatives.
        check(
            |plan| {
                plan.activities.truncate(2);
                let mut engagement = Activity::new(ActivityId(20), "Managed cloud");
                engagement.scope = crate::model::Scope::Book;
                plan.activities.push(engagement);
            },
            &["The plan has 2 initiatives: 3 to 8 are recommended to reach a goal."],
        );
    }

    #[test]
    fn a_13_day_activity_needs_no_midpoint_but_a_14_day_one_does() {
        check(
            |plan| {
                plan.activities[0].start = Some(date("2026-11-02"));
                plan.activities[0].deadline = Some(date("2026-11-14"));
            },
            &[],
        );
        check(
            |plan| {
                plan.activities[0].start = Some(date("2026-11-02"));
                plan.activities[0].deadline = Some(date("2026-11-15"));
            },
            &["'Map the current onboarding process' runs 14 days with no midpoint check-in."],
        );
    }

    #[test]
    fn the_midpoint_is_the_review_day_nearest_halfway() {
        let cases = [
            // start, deadline, review day, proposal
            ("2026-11-16", "2026-12-25", Weekday::Mon, "2026-12-07"),
            ("2026-11-16", "2026-12-25", Weekday::Fri, "2026-12-04"),
            ("2026-11-23", "2026-11-27", Weekday::Mon, "2026-11-23"),
            ("2026-11-24", "2026-11-27", Weekday::Mon, "2026-11-25"),
            ("2026-11-23", "2026-11-23", Weekday::Wed, "2026-11-23"),
        ];
        for (start, deadline, review, expected) in cases {
            assert_eq!(
                propose_midpoint(date(start), date(deadline), review),
                date(expected),
                "{start}..{deadline} on {review:?}"
            );
        }
    }
}
