//! Hours budgets burnt: where each budgeted piece of work stands and the
//! week its budget runs out.

use super::*;

/// The hours budgets of `plan` and their burn, in activity id order.
pub fn budgets(plan: &Plan, options: &Options, today: NaiveDate) -> Vec<Burn> {
    let positions = counted_positions(plan, &|allocation| options.counts(allocation));
    budgets_of(plan, &positions, today)
}

/// The budgets, `positions` being [`counted_positions`].
pub(super) fn budgets_of(plan: &Plan, positions: &[Option<usize>], today: NaiveDate) -> Vec<Burn> {
    let this_week = Week::containing(today);
    // (first, last, hours a week) of every counted allocation, by activity,
    // in one pass over the allocations.
    let mut spans_of: Vec<Vec<(Week, Week, f64)>> = vec![Vec::new(); plan.activities.len()];
    for (allocation, at) in plan.allocations.iter().zip(positions) {
        if allocation.first_week > allocation.last_week {
            continue;
        }
        if let Some(at) = *at {
            spans_of[at].push((
                allocation.first_week,
                allocation.last_week,
                usable_hours(allocation.hours_per_week),
            ));
        }
    }
    let mut burns = Vec::new();
    for (activity, spans) in plan.activities.iter().zip(&spans_of) {
        let Some(budget) = activity.budget_hours.map(usable) else {
            continue;
        };
        let allocated: f64 = spans
            .iter()
            .map(|(first, last, hours)| hours * (last.weeks_since(*first) + 1) as f64)
            .sum();
        let burnt: f64 = spans
            .iter()
            .filter(|(first, _, _)| *first < this_week)
            .map(|(first, last, hours)| {
                let last_past = (*last).min(this_week.plus_weeks(-1));
                hours * (last_past.weeks_since(*first) + 1) as f64
            })
            .sum();
        let runs_out = if allocated > budget + 1e-9 {
            week_budget_runs_out(spans, budget)
        } else {
            None
        };
        let state = if runs_out.is_some() {
            BudgetState::Over
        } else if allocated >= BUDGET_TIGHT_SHARE * budget && allocated > 0.0 {
            BudgetState::Tight
        } else {
            BudgetState::Within
        };
        burns.push(Burn {
            activity: activity.id,
            budget,
            allocated,
            burnt,
            runs_out,
            state,
        });
    }
    burns
}

/// The first week in which the hours of `spans` (first, last, hours a
/// week), added up week by week, pass `budget`. Walks week boundaries
/// only, so a long allocation costs no more than a short one.
pub(super) fn week_budget_runs_out(spans: &[(Week, Week, f64)], budget: f64) -> Option<Week> {
    // Weeks where the weekly total changes, in order.
    let mut edges: Vec<Week> = spans
        .iter()
        .flat_map(|(first, last, _)| [*first, last.plus_weeks(1)])
        .collect();
    sort_by_number(&mut edges, |week| day_key(week.monday()));
    edges.dedup();
    let mut used = 0.0;
    for pair in edges.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let weekly: f64 = spans
            .iter()
            .filter(|(first, last, _)| *first <= from && from <= *last)
            .map(|(_, _, hours)| hours)
            .sum();
        let weeks = to.weeks_since(from) as f64;
        if weekly > 0.0 && used + weekly * weeks > budget + 1e-9 {
            // The week within this stretch where it passes.
            let within = ((budget - used) / weekly).floor().max(0.0) as i64;
            let mut week = from.plus_weeks(within);
            if used + weekly * (within + 1) as f64 <= budget + 1e-9 {
                week = week.plus_weeks(1);
            }
            return Some(week);
        }
        used += weekly * weeks;
    }
    None
}

/// A day as a sort key: days from the common era, below 2^32 for every
/// date a plan can hold.
pub(super) fn day_key(date: NaiveDate) -> u64 {
    u64::from(date.num_days_from_ce().max(0).unsigned_abs())
}

/// A warning for every budget that runs out or is tight, most urgent
/// first (runs out soonest), with a sentence naming the activity.
pub fn budget_warnings(plan: &Plan, burns: &[Burn]) -> Vec<(ActivityId, String)> {
    let mut warnings: Vec<(Option<Week>, ActivityId, String)> = Vec::new();
    for burn in burns {
        let title = plan.activity_title(burn.activity);
        let budget = hours_figure(burn.budget);
        match (burn.state, burn.runs_out) {
            (BudgetState::Over, Some(week)) => warnings.push((
                Some(week),
                burn.activity,
                format!(
                    "'{title}' runs out of its {budget} h budget in {week}: {} h are planned, {} h over",
                    hours_figure(burn.allocated),
                    hours_figure(burn.over_by())
                ),
            )),
            (BudgetState::Tight, _) => warnings.push((
                None,
                burn.activity,
                format!(
                    "'{title}' has {} of its {budget} h budget planned ({} h left)",
                    percent_text(burn.allocated_share().unwrap_or(1.0)),
                    hours_figure((burn.budget - burn.allocated).max(0.0))
                ),
            )),
            _ => {}
        }
    }
    sort_by_number(&mut warnings, |(week, activity, _)| {
        let week = week.map_or(u64::from(u32::MAX), |week| day_key(week.monday()));
        week << 32 | u64::from(activity.0)
    });
    warnings
        .into_iter()
        .map(|(_, activity, text)| (activity, text))
        .collect()
}
