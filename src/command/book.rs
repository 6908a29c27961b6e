//! The commands of the firm's book of work: pipeline deals won and lost, a
//! scenario made from chosen deals, and work moved between the ops plan's
//! initiatives and the book of work.

use super::CommandError;
use crate::model::{
    count_of, ActivityId, Assignee, Commitment, Plan, RoleId, Scenario, ScenarioId, Scope,
    StatusChange,
};

/// The deal is won: it is no longer a deal, it and all its work are
/// confirmed (out of any scenario), as of `today`. The open roles its work
/// is booked on leave their scenario too (the hire is now needed), and a
/// scenario left holding nothing goes.
pub(super) fn win_deal(
    plan: &mut Plan,
    id: ActivityId,
    today: chrono::NaiveDate,
) -> Result<String, CommandError> {
    let activity = deal_mut(plan, id)?;
    let title = activity.title.clone();
    let scenarios = scenarios_of(plan, id);
    let mut roles: Vec<RoleId> = plan
        .allocations
        .iter()
        .filter(|allocation| allocation.activity == id)
        .filter_map(|allocation| match allocation.assignee {
            Assignee::Role(role) => Some(role),
            _ => None,
        })
        .collect();
    roles.sort();
    roles.dedup();
    confirm(plan, id, today);
    for role in &mut plan.roles {
        if roles.contains(&role.id) {
            role.scenario = None;
        }
    }
    let confirmed = plan
        .allocations
        .iter()
        .filter(|allocation| allocation.activity == id)
        .count();
    let hires = match roles.len() {
        0 => String::new(),
        1 => ", with the open role it needs".to_string(),
        n => format!(", with the {n} open roles it needs"),
    };
    Ok(format!(
        "Won '{title}': it and its {} are confirmed{hires}{}",
        count_of(confirmed, "allocation", "allocations"),
        drop_empty_scenarios(plan, &scenarios)
    ))
}

/// Makes `id` confirmed work: no deal, confirmed, its allocations
/// confirmed and out of any scenario. Work that was a deal starts its
/// status history anew from `today` if it has none.
pub(super) fn confirm(plan: &mut Plan, id: ActivityId, today: chrono::NaiveDate) {
    if let Some(activity) = plan.activities.iter_mut().find(|a| a.id == id) {
        activity.deal = None;
        activity.commitment = Commitment::Confirmed;
        if activity.status_history.is_empty() {
            activity.status_history.push(StatusChange {
                date: today,
                status: activity.status,
            });
        }
    }
    for allocation in &mut plan.allocations {
        if allocation.activity == id {
            allocation.commitment = Commitment::Confirmed;
            allocation.scenario = None;
        }
    }
}

/// The deal is lost: it goes, with its work (undo brings it back). A
/// scenario left holding nothing goes too, with the open roles it held
/// that nothing else is booked on.
pub(super) fn lose_deal(plan: &mut Plan, id: ActivityId) -> Result<String, CommandError> {
    let title = deal_mut(plan, id)?.title.clone();
    let scenarios = scenarios_of(plan, id);
    plan.activities.retain(|activity| activity.id != id);
    let before = plan.allocations.len();
    plan.allocations
        .retain(|allocation| allocation.activity != id);
    let removed = before - plan.allocations.len();
    for checkin in &mut plan.checkins {
        checkin.entries.retain(|entry| entry.activity != id);
    }
    // The hires of a scenario that now holds no work were for this deal.
    let idle_roles: Vec<RoleId> = plan
        .roles
        .iter()
        .filter(|role| role.scenario.is_some_and(|s| scenarios.contains(&s)))
        .filter(|role| role.filled_by.is_none())
        .filter(|role| {
            !plan
                .allocations
                .iter()
                .any(|allocation| allocation.assignee == Assignee::Role(role.id))
        })
        .filter(|role| {
            !plan
                .allocations
                .iter()
                .any(|allocation| allocation.scenario == role.scenario)
        })
        .map(|role| role.id)
        .collect();
    plan.roles.retain(|role| !idle_roles.contains(&role.id));
    let hires = match idle_roles.len() {
        0 => String::new(),
        1 => ", with the open role hired for it".to_string(),
        n => format!(", with the {n} open roles hired for it"),
    };
    Ok(format!(
        "Lost '{title}': it and its {} are removed{hires}{}",
        count_of(removed, "allocation", "allocations"),
        drop_empty_scenarios(plan, &scenarios)
    ))
}

/// The scenarios the work of `id` is in, each once.
fn scenarios_of(plan: &Plan, id: ActivityId) -> Vec<ScenarioId> {
    let mut scenarios: Vec<ScenarioId> = plan
        .allocations
        .iter()
        .filter(|allocation| allocation.activity == id)
        .filter_map(|allocation| allocation.scenario)
        .collect();
    scenarios.sort();
    scenarios.dedup();
    scenarios
}

/// Removes those of `scenarios` that no longer hold any allocation or open
/// role, and says which went ("" when none did).
fn drop_empty_scenarios(plan: &mut Plan, scenarios: &[ScenarioId]) -> String {
    let empty: Vec<ScenarioId> = scenarios
        .iter()
        .copied()
        .filter(|scenario| {
            !plan
                .allocations
                .iter()
                .any(|allocation| allocation.scenario == Some(*scenario))
                && !plan
                    .roles
                    .iter()
                    .any(|role| role.scenario == Some(*scenario))
        })
        .collect();
    let names: Vec<String> = plan
        .scenarios
        .iter()
        .filter(|scenario| empty.contains(&scenario.id))
        .map(|scenario| format!("'{}'", scenario.name))
        .collect();
    plan.scenarios
        .retain(|scenario| !empty.contains(&scenario.id));
    match names.len() {
        0 => String::new(),
        1 => format!(
            "; the scenario {} held nothing else and is removed",
            names[0]
        ),
        _ => format!(
            "; the scenarios {} held nothing else and are removed",
            names.join(", ")
        ),
    }
}

/// A new scenario named `name` holding the tentative work of `deals`
/// (taken out of any scenario it was in), so they can be shown, hidden,
/// won or lost together.
pub(super) fn scenario_from_deals(
    plan: &mut Plan,
    name: &str,
    deals: &[ActivityId],
) -> Result<String, CommandError> {
    let name = name.trim();
    if deals.is_empty() {
        return Err(CommandError::NoDealsChosen);
    }
    for id in deals {
        deal_mut(plan, *id)?;
    }
    let scenario = ScenarioId::next_after(plan.scenarios.iter().map(|s| &s.id));
    plan.scenarios.push(Scenario {
        id: scenario,
        name: name.to_string(),
    });
    let mut moved = 0;
    for allocation in &mut plan.allocations {
        if deals.contains(&allocation.activity) && allocation.commitment == Commitment::Tentative {
            allocation.scenario = Some(scenario);
            moved += 1;
        }
    }
    Ok(format!(
        "Added the scenario '{name}' with {} and their {}",
        count_of(deals.len(), "deal", "deals"),
        count_of(moved, "allocation", "allocations")
    ))
}

/// Moves a piece of work to the ops plan's initiatives or to the book of
/// work. Going to the book of work it leaves the ranking: its priority pin
/// and the dependencies from and to it go (the book of work has none).
pub(super) fn set_scope(
    plan: &mut Plan,
    id: ActivityId,
    scope: Scope,
) -> Result<String, CommandError> {
    let activity = plan
        .activities
        .iter_mut()
        .find(|activity| activity.id == id)
        .ok_or(CommandError::NoSuchActivity(id))?;
    activity.scope = scope;
    let title = activity.title.clone();
    if scope == Scope::Initiative {
        if activity.deal.is_some() {
            return Err(CommandError::DealIsNotAnInitiative(title));
        }
        return Ok(format!("Moved '{title}' to the ops plan's initiatives"));
    }
    let dependencies = activity.depends_on.len();
    activity.depends_on.clear();
    let mut dependents = 0;
    for other in &mut plan.activities {
        let before = other.depends_on.len();
        other.depends_on.retain(|dependency| *dependency != id);
        dependents += before - other.depends_on.len();
    }
    plan.priority_pins.retain(|pin| pin.activity != id);
    let links = dependencies + dependents;
    let dropped = if links == 0 {
        String::new()
    } else {
        format!(
            " (its {} to other initiatives went with it)",
            count_of(links, "dependency", "dependencies")
        )
    };
    Ok(format!("Moved '{title}' to the book of work{dropped}"))
}

fn deal_mut(plan: &mut Plan, id: ActivityId) -> Result<&mut crate::model::Activity, CommandError> {
    let activity = plan
        .activities
        .iter_mut()
        .find(|activity| activity.id == id)
        .ok_or(CommandError::NoSuchActivity(id))?;
    if activity.deal.is_none() {
        return Err(CommandError::NotADeal(activity.title.clone()));
    }
    Ok(activity)
}
