//! The hiring plan at a glance: how much work is already allocated to each
//! open role, so a planner sees which hires the plan leans on before they
//! are made.

use crate::model::hours_figure;
use crate::model::{count_of, sort_by_number, Assignee, Plan, RoleId, Week};

/// The work allocated to one open role (allocations with
/// `Assignee::Role`), whatever their commitment or scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleWork {
    pub allocations: usize,
    /// The most hours allocated to the role in any one week: allocations
    /// that overlap add up, so this is what the hire would carry at worst.
    pub peak_hours_per_week: f64,
    /// The first and the last week with work; none without work.
    pub weeks: Option<(Week, Week)>,
}

impl RoleWork {
    /// "No work allocated yet", "16 h a week allocated, 2026-W50 to
    /// 2027-W03", "Up to 24 h a week allocated, 2026-W50 to 2027-W03 (3
    /// allocations)".
    pub fn describe(&self) -> String {
        let Some((first, last)) = self.weeks else {
            return "No work allocated yet".to_string();
        };
        let hours = hours_figure(self.peak_hours_per_week);
        let span = if first == last {
            format!("in {first}")
        } else {
            format!("{first} to {last}")
        };
        if self.allocations == 1 {
            format!("{hours} h a week allocated, {span}")
        } else {
            format!(
                "Up to {hours} h a week allocated, {span} ({})",
                count_of(self.allocations, "allocation", "allocations")
            )
        }
    }
}

/// The work allocated to the open role `role`.
pub fn work_on_role(plan: &Plan, role: RoleId) -> RoleWork {
    let mine: Vec<_> = plan
        .allocations
        .iter()
        .filter(|allocation| allocation.assignee == Assignee::Role(role))
        .collect();
    let (Some(first), Some(last)) = (
        mine.iter().map(|allocation| allocation.first_week).min(),
        mine.iter().map(|allocation| allocation.last_week).max(),
    ) else {
        return RoleWork {
            allocations: 0,
            peak_hours_per_week: 0.0,
            weeks: None,
        };
    };
    // A sweep over the weeks where the sum changes: each allocation adds
    // its hours in its first week and takes them off after its last.
    let mut changes: Vec<(u64, f64)> = Vec::with_capacity(mine.len() * 2);
    for allocation in &mine {
        let start = allocation.first_week.weeks_since(first).max(0) as u64;
        let end = allocation.last_week.weeks_since(first).max(0) as u64 + 1;
        changes.push((start, allocation.hours_per_week));
        changes.push((end, -allocation.hours_per_week));
    }
    sort_by_number(&mut changes, |(week, _)| *week);
    let (mut running, mut peak) = (0.0_f64, 0.0_f64);
    for (index, (week, hours)) in changes.iter().enumerate() {
        running += hours;
        // Measure once every change of a week is in.
        let week_done = changes.get(index + 1).is_none_or(|next| next.0 != *week);
        if week_done {
            peak = peak.max(running);
        }
    }
    RoleWork {
        allocations: mine.len(),
        peak_hours_per_week: peak,
        weeks: Some((first, last)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::demo::demo_plan;
    use crate::model::{ActivityId, Allocation, AllocationId, Commitment, PlanId};
    use crate::test_support::{today, week};

    /// The demo plan with these allocations, and only these, to its open
    /// role `role-1`, as (hours a week, first week, last week).
    fn plan_with(work: &[(f64, &str, &str)]) -> Plan {
        let mut plan = demo_plan(PlanId(1), today());
        plan.allocations
            .retain(|allocation| allocation.assignee != Assignee::Role(RoleId(1)));
        for (index, (hours, first, last)) in work.iter().enumerate() {
            plan.allocations.push(Allocation {
                id: AllocationId(100 + index as u32),
                assignee: Assignee::Role(RoleId(1)),
                activity: ActivityId(2),
                hours_per_week: *hours,
                first_week: week(first),
                last_week: week(last),
                commitment: Commitment::Confirmed,
                scenario: None,
            });
        }
        plan
    }

    fn check(work: &[(f64, &str, &str)], expected: &str) {
        let plan = plan_with(work);
        assert_eq!(work_on_role(&plan, RoleId(1)).describe(), expected);
    }

    #[test]
    fn a_role_without_allocations_has_no_work() {
        check(&[], "No work allocated yet");
        let plan = plan_with(&[(16.0, "2026-W50", "2027-W02")]);
        // Another role's work is not this one's.
        assert_eq!(work_on_role(&plan, RoleId(2)).allocations, 0);
    }

    #[test]
    fn one_allocation_gives_its_hours_and_weeks() {
        check(
            &[(16.0, "2026-W50", "2027-W02")],
            "16 h a week allocated, 2026-W50 to 2027-W02",
        );
        check(
            &[(7.5, "2026-W50", "2026-W50")],
            "7.5 h a week allocated, in 2026-W50",
        );
    }

    #[test]
    fn overlapping_allocations_add_up_and_separate_ones_do_not() {
        // 16 + 8 in W52 and W53; W01 has 8 alone.
        check(
            &[
                (16.0, "2026-W50", "2026-W53"),
                (8.0, "2026-W52", "2027-W01"),
            ],
            "Up to 24 h a week allocated, 2026-W50 to 2027-W01 (2 allocations)",
        );
        // One ends the week before the other starts: never both.
        check(
            &[
                (16.0, "2026-W50", "2026-W51"),
                (20.0, "2026-W52", "2027-W01"),
            ],
            "Up to 20 h a week allocated, 2026-W50 to 2027-W01 (2 allocations)",
        );
    }
}
