//! The commands of money, roles and cadence: rates and billing, RACI, the
//! hiring plan (open roles, filling one) and cadences; and what the
//! other commands do to them when a person goes.

use chrono::NaiveDate;

use super::allocations::check_allocation;
use super::CommandError;
use crate::engine::skills::hours_text;
use crate::model::{amount_text, percent_text};
use crate::model::{
    count_of, Assignee, Billing, Cadence, CadenceId, Employment, OpenRole, PersonId, Plan,
    RaciRole, RoleId, RoleStatus, SkillRequirement,
};

pub(super) fn set_person_rates(
    plan: &mut Plan,
    id: PersonId,
    employment: Employment,
    cost_rate: Option<f64>,
    billable_target: Option<f64>,
) -> Result<String, CommandError> {
    let currency = plan.resources.currency.clone();
    let person = plan
        .people
        .iter_mut()
        .find(|person| person.id == id)
        .ok_or(CommandError::NoSuchPerson(id))?;
    person.employment = employment;
    person.cost_rate = cost_rate;
    person.billable_target = billable_target;
    let cost = match cost_rate {
        Some(rate) => format!("costs {} an hour", amount_text(rate, &currency)),
        None => "no cost rate".to_string(),
    };
    let target = match billable_target {
        Some(target) => format!("billable target {}", percent_text(target)),
        None => "no billable target".to_string(),
    };
    Ok(format!(
        "{}: {}, {cost}, {target}",
        person.name,
        employment.label().to_ascii_lowercase()
    ))
}

pub(super) fn set_billing(
    plan: &mut Plan,
    id: crate::model::ActivityId,
    billable: bool,
    billing: Billing,
    budget_hours: Option<f64>,
) -> Result<String, CommandError> {
    let currency = plan.resources.currency.clone();
    let activity = plan
        .activities
        .iter_mut()
        .find(|activity| activity.id == id)
        .ok_or(CommandError::NoSuchActivity(id))?;
    activity.billable = billable;
    activity.billing = billing;
    activity.budget_hours = budget_hours;
    let price = match (billable, billing) {
        (false, _) => "not billable".to_string(),
        (true, Billing::NotBilled) => "billable, no price yet".to_string(),
        (true, Billing::Hourly { rate }) => {
            format!("billable at {} an hour", amount_text(rate, &currency))
        }
        (true, Billing::FixedFee { amount }) => {
            format!(
                "billable at a fixed fee of {}",
                amount_text(amount, &currency)
            )
        }
    };
    let budget = match budget_hours {
        Some(hours) => format!("budget {} h", hours_text(hours)),
        None => "no budget".to_string(),
    };
    Ok(format!("'{}': {price}, {budget}", activity.title))
}

pub(super) fn set_raci(
    plan: &mut Plan,
    activity: crate::model::ActivityId,
    person: PersonId,
    role: Option<RaciRole>,
) -> Result<String, CommandError> {
    let name = plan
        .person(person)
        .map(|found| found.name.clone())
        .ok_or(CommandError::NoSuchPerson(person))?;
    let activity = plan
        .activities
        .iter_mut()
        .find(|candidate| candidate.id == activity)
        .ok_or(CommandError::NoSuchActivity(activity))?;
    for list in RaciRole::ALL {
        activity.raci_list_mut(list).retain(|held| *held != person);
    }
    let title = activity.title.clone();
    Ok(match role {
        Some(role) => {
            activity.raci_list_mut(role).push(person);
            match role {
                RaciRole::Responsible => format!("{name} is responsible for '{title}'"),
                RaciRole::Consulted => format!("{name} is consulted on '{title}'"),
                RaciRole::Informed => format!("{name} is informed about '{title}'"),
            }
        }
        None => format!("{name} is no longer responsible, consulted or informed on '{title}'"),
    })
}

pub(super) fn add_role(plan: &mut Plan, role: &OpenRole) -> Result<String, CommandError> {
    let mut role = role.clone();
    role.id = RoleId::next_after(plan.roles.iter().map(|role| &role.id));
    let summary = format!("Added the open role '{}'", role.title);
    plan.roles.push(role);
    Ok(summary)
}

pub(super) fn update_role(plan: &mut Plan, updated: &OpenRole) -> Result<String, CommandError> {
    let role = plan
        .roles
        .iter_mut()
        .find(|role| role.id == updated.id)
        .ok_or(CommandError::NoSuchRole(updated.id))?;
    let moved = role.status != updated.status;
    *role = updated.clone();
    Ok(if moved {
        format!(
            "The open role '{}' is now {}",
            updated.title,
            updated.status.label().to_ascii_lowercase()
        )
    } else {
        format!("Changed the open role '{}'", updated.title)
    })
}

/// Takes a role off the plan; its allocations become placeholders for its
/// title and skills.
pub(super) fn remove_role(plan: &mut Plan, id: RoleId) -> Result<String, CommandError> {
    let role = plan.role(id).cloned().ok_or(CommandError::NoSuchRole(id))?;
    let mut kept = 0;
    for allocation in &mut plan.allocations {
        if allocation.assignee == Assignee::Role(id) {
            allocation.assignee = Assignee::Placeholder {
                role: role.title.clone(),
                skills: role
                    .skills
                    .iter()
                    .map(|held| SkillRequirement {
                        skill: held.skill,
                        min_level: held.level,
                    })
                    .collect(),
            };
            kept += 1;
        }
    }
    plan.roles.retain(|role| role.id != id);
    let mut summary = format!("Removed the open role '{}'", role.title);
    if kept > 0 {
        summary.push_str(&format!(
            "; its {} open as {}",
            count_of(kept, "allocation stays", "allocations stay"),
            if kept == 1 {
                "a placeholder"
            } else {
                "placeholders"
            }
        ));
    }
    Ok(summary)
}

pub(super) fn fill_role(
    plan: &mut Plan,
    id: RoleId,
    name: &str,
    start_date: Option<NaiveDate>,
) -> Result<String, CommandError> {
    let role = plan.role(id).cloned().ok_or(CommandError::NoSuchRole(id))?;
    if role.status == RoleStatus::Filled {
        return Err(CommandError::RoleAlreadyFilled { title: role.title });
    }
    let person_id = PersonId::next_after(plan.people.iter().map(|person| &person.id));
    let mut person = role.as_person(person_id, name.trim());
    person.start_date = Some(start_date.unwrap_or(role.start_date));
    let name = person.name.clone();
    plan.people.push(person);
    let mut moved = 0;
    for index in 0..plan.allocations.len() {
        if plan.allocations[index].assignee != Assignee::Role(id) {
            continue;
        }
        let mut allocation = plan.allocations[index].clone();
        allocation.assignee = Assignee::Person(person_id);
        // The person may start later than the role was planned to.
        check_allocation(plan, &allocation, Some(&plan.allocations[index]))?;
        plan.allocations[index] = allocation;
        moved += 1;
    }
    if let Some(role) = plan.roles.iter_mut().find(|role| role.id == id) {
        role.status = RoleStatus::Filled;
        role.filled_by = Some(person_id);
    }
    let mut summary = format!("{name} filled the role '{}'", role.title);
    if moved > 0 {
        summary.push_str(&format!(
            " and took over its {}",
            count_of(moved, "allocation", "allocations")
        ));
    }
    Ok(summary)
}

pub(super) fn add_cadence(plan: &mut Plan, cadence: &Cadence) -> Result<String, CommandError> {
    let mut cadence = cadence.clone();
    cadence.id = CadenceId::next_after(plan.cadences.iter().map(|cadence| &cadence.id));
    let summary = format!("Added the cadence '{}'", cadence.name());
    plan.cadences.push(cadence);
    Ok(summary)
}

pub(super) fn update_cadence(plan: &mut Plan, updated: &Cadence) -> Result<String, CommandError> {
    let cadence = plan
        .cadences
        .iter_mut()
        .find(|cadence| cadence.id == updated.id)
        .ok_or(CommandError::NoSuchCadence(updated.id))?;
    *cadence = updated.clone();
    Ok(format!("Changed the cadence '{}'", updated.name()))
}

pub(super) fn remove_cadence(plan: &mut Plan, id: CadenceId) -> Result<String, CommandError> {
    let name = plan
        .cadence(id)
        .map(Cadence::name)
        .ok_or(CommandError::NoSuchCadence(id))?;
    plan.cadences.retain(|cadence| cadence.id != id);
    Ok(format!("Removed the cadence '{name}'"))
}

/// What a person leaving does here: their RACI places go to `heir` (when
/// the heir holds none on that activity yet) or are dropped, the cadences
/// they run go to `heir` or have no owner, and a role they filled keeps its
/// status but no longer names them.
pub(super) fn forget_person(plan: &mut Plan, id: PersonId, heir: Option<PersonId>) {
    for activity in &mut plan.activities {
        let Some(role) = activity.raci_role(id) else {
            continue;
        };
        activity.raci_list_mut(role).retain(|held| *held != id);
        if let Some(heir) = heir {
            if activity.raci_role(heir).is_none() {
                activity.raci_list_mut(role).push(heir);
            }
        }
    }
    for cadence in &mut plan.cadences {
        if cadence.owner == Some(id) {
            cadence.owner = heir;
        }
    }
    for role in &mut plan.roles {
        if role.filled_by == Some(id) {
            role.filled_by = None;
        }
    }
}

#[cfg(test)]
#[path = "roles_tests.rs"]
mod tests;
