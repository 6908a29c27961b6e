//! What a scenario, a booking or a new engagement adds to the money.

use super::*;

/// The firm's money without and with something.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Effect {
    pub without: Figures,
    pub with: Figures,
    /// Capacity the change adds (the hires of a scenario), in hours.
    pub added_capacity: f64,
    /// What that capacity costs at the hires' cost rates, busy or not.
    pub hire_cost: f64,
}

impl Effect {
    pub fn revenue_change(&self) -> f64 {
        self.with.revenue - self.without.revenue
    }

    pub fn margin_change(&self) -> f64 {
        self.with.margin() - self.without.margin()
    }

    /// "+12,000 EUR revenue, +4,960 EUR margin (margin 38 % → 41 %)".
    pub fn summary(&self, currency: &str) -> String {
        let share = |figures: &Figures| {
            figures
                .margin_share()
                .map_or("none".to_string(), percent_text)
        };
        let mut text = format!(
            "{} revenue, {} margin (margin {} → {})",
            signed_amount_text(self.revenue_change(), currency),
            signed_amount_text(self.margin_change(), currency),
            share(&self.without),
            share(&self.with)
        );
        if self.added_capacity > 0.0 {
            text.push_str(&format!(
                "; hiring adds {} h of capacity costing {}",
                hours_figure(self.added_capacity),
                amount_text(self.hire_cost, currency)
            ));
        }
        text
    }
}

/// What scenario `scenario` does to the firm's money over `range`: the
/// numbers with it hidden against the numbers with it shown and its
/// tentative work counted (whether or not `options` include tentative
/// work), and the capacity its open roles add with their cost.
pub fn scenario_effect(
    plan: &Plan,
    scenario: ScenarioId,
    range: Horizon,
    options: &Options,
    today: NaiveDate,
) -> Effect {
    let mut hidden = options.clone();
    if !hidden.hidden_scenarios.contains(&scenario) {
        hidden.hidden_scenarios.push(scenario);
    }
    let mut shown = options.clone();
    shown.hidden_scenarios.retain(|id| *id != scenario);
    let without_capacity = capacity::compute(plan, range, &hidden, today);
    let with_capacity = capacity::compute(plan, range, &shown, today);
    let without = compute_counting(
        plan,
        &without_capacity,
        &|allocation| hidden.counts(allocation),
        today,
    );
    let with = compute_counting(
        plan,
        &with_capacity,
        &|allocation| shown.counts(allocation) || allocation.scenario == Some(scenario),
        today,
    );
    let mut added_capacity = 0.0;
    let mut hire_cost = 0.0;
    for row in &with_capacity.roles {
        let Some(role) = plan.role(row.role) else {
            continue;
        };
        if role.scenario != Some(scenario) {
            continue;
        }
        let hours: f64 = row.cells.iter().map(|cell| cell.capacity).sum();
        added_capacity += hours;
        hire_cost += hours * role.cost_rate.map_or(0.0, usable);
    }
    Effect {
        without: without.total,
        with: with.total,
        added_capacity,
        hire_cost,
    }
}

/// What one more allocation (a drop proposed by
/// `capacity::proposed_allocation`, on an activity of the plan) does to
/// the firm's money over `range`, counted as `options` count it.
pub fn allocation_effect(
    plan: &Plan,
    allocation: &Allocation,
    range: Horizon,
    options: &Options,
    today: NaiveDate,
) -> Effect {
    let mut with_plan = plan.clone();
    let mut added = allocation.clone();
    added.id = AllocationId::next_after(plan.allocations.iter().map(|a| &a.id));
    with_plan.allocations.push(added);
    let without = compute(plan, range, options, today);
    let with = compute(&with_plan, range, options, today);
    Effect {
        without: without.total,
        with: with.total,
        added_capacity: 0.0,
        hire_cost: 0.0,
    }
}

/// What "can we take it?" would earn: `engagement` done by the person of
/// `fit` from its first week, billed as `billing` (billable work), against
/// the firm's money over `range` without it. The work counts as confirmed.
/// A fit with no first week changes nothing.
pub fn engagement_effect(
    plan: &Plan,
    engagement: &capacity::Engagement,
    fit: &capacity::Fit,
    billing: Billing,
    range: Horizon,
    options: &Options,
    today: NaiveDate,
) -> Effect {
    let without = compute(plan, range, options, today);
    let Some(first_week) = fit.first_week else {
        return Effect {
            without: without.total,
            with: without.total,
            added_capacity: 0.0,
            hire_cost: 0.0,
        };
    };
    let mut with_plan = plan.clone();
    let activity = ActivityId::next_after(plan.activities.iter().map(|a| &a.id));
    with_plan.activities.push(Activity {
        billable: true,
        billing,
        commitment: Commitment::Confirmed,
        ..Activity::new(activity, &engagement.name)
    });
    with_plan.allocations.push(Allocation {
        id: AllocationId::next_after(plan.allocations.iter().map(|a| &a.id)),
        assignee: fit.assignee.clone(),
        activity,
        hours_per_week: engagement.hours_per_week,
        first_week,
        last_week: first_week.plus_weeks(i64::from(engagement.weeks.max(1)) - 1),
        commitment: Commitment::Confirmed,
        scenario: None,
    });
    let with = compute(&with_plan, range, options, today);
    Effect {
        without: without.total,
        with: with.total,
        added_capacity: 0.0,
        hire_cost: 0.0,
    }
}
