//! The commands of the plan's own fields (name, goal, horizon, review day,
//! public holidays, risk thresholds, resources, success metrics) and of the
//! whole plan replaced by a file or merged with another copy.

use super::CommandError;
use crate::model::{
    count_of, Holiday, Horizon, MetricId, Plan, Resources, RiskSettings, StrategicGoal,
    SuccessMetric, Weekday,
};

pub(super) fn rename_plan(plan: &mut Plan, name: &str) -> Result<String, CommandError> {
    plan.name = name.trim().to_string();
    Ok(format!("Renamed the plan to '{}'", plan.name))
}

pub(super) fn set_goal(plan: &mut Plan, goal: &StrategicGoal) -> Result<String, CommandError> {
    plan.goal = goal.clone();
    Ok("Changed the strategic goal".to_string())
}

pub(super) fn set_horizon(plan: &mut Plan, horizon: Horizon) -> Result<String, CommandError> {
    plan.horizon = horizon;
    Ok(format!(
        "Set the horizon to {} weeks from {}",
        horizon.weeks, horizon.start
    ))
}

pub(super) fn set_review_weekday(plan: &mut Plan, day: Weekday) -> Result<String, CommandError> {
    plan.review_weekday = day;
    Ok(format!("Moved the weekly review to {day}"))
}

pub(super) fn set_holidays(plan: &mut Plan, holidays: &[Holiday]) -> Result<String, CommandError> {
    plan.holidays = holidays.to_vec();
    Ok(format!(
        "Set {}",
        count_of(holidays.len(), "public holiday", "public holidays")
    ))
}

pub(super) fn set_risk_settings(
    plan: &mut Plan,
    settings: RiskSettings,
) -> Result<String, CommandError> {
    plan.settings = settings;
    Ok("Changed the risk thresholds".to_string())
}

pub(super) fn set_resources(
    plan: &mut Plan,
    resources: &Resources,
) -> Result<String, CommandError> {
    plan.resources = resources.clone();
    Ok("Changed the resources".to_string())
}

pub(super) fn add_metric(plan: &mut Plan, metric: &SuccessMetric) -> Result<String, CommandError> {
    let mut metric = metric.clone();
    metric.id = MetricId::next_after(plan.metrics.iter().map(|m| &m.id));
    let summary = format!("Added the metric '{}'", metric.name);
    plan.metrics.push(metric);
    Ok(summary)
}

pub(super) fn update_metric(
    plan: &mut Plan,
    updated: &SuccessMetric,
) -> Result<String, CommandError> {
    let current = plan
        .metrics
        .iter_mut()
        .find(|metric| metric.id == updated.id)
        .ok_or(CommandError::NoSuchMetric(updated.id))?;
    *current = updated.clone();
    Ok(format!("Changed the metric '{}'", updated.name))
}

pub(super) fn remove_metric(plan: &mut Plan, id: MetricId) -> Result<String, CommandError> {
    let position = plan
        .metrics
        .iter()
        .position(|metric| metric.id == id)
        .ok_or(CommandError::NoSuchMetric(id))?;
    let removed = plan.metrics.remove(position);
    Ok(format!("Removed the metric '{}'", removed.name))
}

/// The whole plan replaced by another, keeping the current plan's id.
pub(super) fn replace_plan(plan: &mut Plan, replacement: &Plan) -> Result<String, CommandError> {
    if replacement.client_copy && !plan.client_copy {
        return Err(CommandError::ClientCopyOverFullPlan);
    }
    let id = plan.id;
    *plan = replacement.clone();
    plan.id = id;
    Ok(format!("Replaced the plan with '{}'", plan.name))
}

/// The plan a merge made put in place, keeping the current plan's id.
pub(super) fn merge(
    plan: &mut Plan,
    merged: &Plan,
    changes: usize,
    source: &str,
) -> Result<String, CommandError> {
    if merged.client_copy && !plan.client_copy {
        return Err(CommandError::ClientCopyOverFullPlan);
    }
    let id = plan.id;
    *plan = merged.clone();
    plan.id = id;
    let plural = if changes == 1 { "" } else { "s" };
    Ok(format!("Took {changes} change{plural} from '{source}'"))
}
