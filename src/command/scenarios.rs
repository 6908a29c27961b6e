//! The commands of what-if scenarios: one added with its tentative work,
//! renamed, removed (the deal lost) or confirmed (the deal won).

use chrono::NaiveDate;

use super::allocations::check_allocation;
use super::{book, roles, CommandError};
use crate::model::{
    count_of, Activity, ActivityId, Allocation, AllocationId, Commitment, Plan, RoleId, Scenario,
    ScenarioId, StatusChange,
};

pub(super) fn add_scenario(
    plan: &mut Plan,
    name: &str,
    activity: Option<&Activity>,
    allocations: &[Allocation],
    today: NaiveDate,
) -> Result<String, CommandError> {
    let scenario = ScenarioId::next_after(plan.scenarios.iter().map(|s| &s.id));
    plan.scenarios.push(Scenario {
        id: scenario,
        name: name.trim().to_string(),
    });
    let for_activity = match activity {
        Some(activity) => {
            let mut activity = activity.clone();
            activity.id = ActivityId::next_after(plan.activities.iter().map(|a| &a.id));
            activity.commitment = Commitment::Tentative;
            activity.status_history = vec![StatusChange {
                date: today,
                status: activity.status,
            }];
            let id = activity.id;
            plan.activities.push(activity);
            Some(id)
        }
        None => None,
    };
    for allocation in allocations {
        let mut allocation = allocation.clone();
        allocation.id = AllocationId::next_after(plan.allocations.iter().map(|a| &a.id));
        allocation.activity = for_activity.unwrap_or(allocation.activity);
        allocation.commitment = Commitment::Tentative;
        allocation.scenario = Some(scenario);
        check_allocation(plan, &allocation, None)?;
        plan.allocations.push(allocation);
    }
    Ok(format!(
        "Added the scenario '{}' with {}",
        name.trim(),
        count_of(
            allocations.len(),
            "tentative allocation",
            "tentative allocations"
        )
    ))
}

pub(super) fn rename_scenario(
    plan: &mut Plan,
    scenario: ScenarioId,
    name: &str,
) -> Result<String, CommandError> {
    let found = scenario_mut(plan, scenario)?;
    found.name = name.trim().to_string();
    Ok(format!("Renamed the scenario to '{}'", found.name))
}

pub(super) fn remove_scenario(plan: &mut Plan, id: ScenarioId) -> Result<String, CommandError> {
    let name = scenario_mut(plan, id)?.name.clone();
    plan.scenarios.retain(|scenario| scenario.id != id);
    let before = plan.allocations.len();
    plan.allocations
        .retain(|allocation| allocation.scenario != Some(id));
    let mut summary = format!(
        "Removed the scenario '{name}' and its {}",
        count_of(before - plan.allocations.len(), "allocation", "allocations")
    );
    // Its hires go too; work given to them stays, as placeholders.
    let hires: Vec<RoleId> = plan
        .roles
        .iter()
        .filter(|role| role.scenario == Some(id))
        .map(|role| role.id)
        .collect();
    for role in &hires {
        roles::remove_role(plan, *role)?;
    }
    if !hires.is_empty() {
        summary.push_str(&format!(
            " and {}",
            count_of(hires.len(), "open role", "open roles")
        ));
    }
    Ok(summary)
}

pub(super) fn confirm_scenario(
    plan: &mut Plan,
    id: ScenarioId,
    today: NaiveDate,
) -> Result<String, CommandError> {
    let name = scenario_mut(plan, id)?.name.clone();
    plan.scenarios.retain(|scenario| scenario.id != id);
    let mut activities: Vec<ActivityId> = Vec::new();
    for allocation in &mut plan.allocations {
        if allocation.scenario == Some(id) {
            allocation.scenario = None;
            allocation.commitment = Commitment::Confirmed;
            activities.push(allocation.activity);
        }
    }
    for activity in &mut plan.activities {
        if activities.contains(&activity.id) {
            activity.commitment = Commitment::Confirmed;
        }
    }
    // A deal with work in the scenario is won, with all its work.
    let deals: Vec<ActivityId> = plan
        .activities
        .iter()
        .filter(|activity| activity.deal.is_some() && activities.contains(&activity.id))
        .map(|activity| activity.id)
        .collect();
    for deal in deals {
        book::confirm(plan, deal, today);
    }
    // Its hires are now part of the plan.
    for role in &mut plan.roles {
        if role.scenario == Some(id) {
            role.scenario = None;
        }
    }
    Ok(format!("Confirmed '{name}': its work is now in the plan"))
}

fn scenario_mut(plan: &mut Plan, id: ScenarioId) -> Result<&mut Scenario, CommandError> {
    plan.scenarios
        .iter_mut()
        .find(|scenario| scenario.id == id)
        .ok_or(CommandError::NoSuchScenario(id))
}
