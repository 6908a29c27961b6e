//! The commands of bookings: an allocation added, moved, resized, staffed
//! or removed, the rules a booking being placed keeps, and its description.

use super::CommandError;
use crate::engine::validate;
use crate::model::{
    medium_date, Allocation, AllocationId, Assignee, Commitment, Plan, RoleStatus, Week,
};

pub(super) fn add_allocation(
    plan: &mut Plan,
    allocation: &Allocation,
) -> Result<String, CommandError> {
    let mut allocation = allocation.clone();
    allocation.id = AllocationId::next_after(plan.allocations.iter().map(|a| &a.id));
    check_allocation(plan, &allocation, None)?;
    let summary = format!("Allocated {}", describe_allocation(plan, &allocation));
    plan.allocations.push(allocation);
    Ok(summary)
}

pub(super) fn update_allocation(
    plan: &mut Plan,
    updated: &Allocation,
) -> Result<String, CommandError> {
    let index = plan
        .allocations
        .iter()
        .position(|allocation| allocation.id == updated.id)
        .ok_or(CommandError::NoSuchAllocation(updated.id))?;
    check_allocation(plan, updated, Some(&plan.allocations[index]))?;
    let before = &plan.allocations[index];
    let verb = if matches!(before.assignee, Assignee::Placeholder { .. })
        && matches!(updated.assignee, Assignee::Person(_))
    {
        "Staffed"
    } else if before.assignee != updated.assignee || before.first_week != updated.first_week {
        "Moved"
    } else if before.last_week != updated.last_week {
        "Resized"
    } else {
        "Changed"
    };
    let summary = format!("{verb} {}", describe_allocation(plan, updated));
    plan.allocations[index] = updated.clone();
    Ok(summary)
}

pub(super) fn remove_allocation(plan: &mut Plan, id: AllocationId) -> Result<String, CommandError> {
    let index = plan
        .allocations
        .iter()
        .position(|allocation| allocation.id == id)
        .ok_or(CommandError::NoSuchAllocation(id))?;
    let removed = plan.allocations.remove(index);
    Ok(format!("Removed {}", describe_allocation(plan, &removed)))
}

/// The rules an allocation being placed must keep, beyond the plan's own:
/// inside the horizon, and while its person works here. Work already under
/// way when the horizon moved on may keep its first week (`before` is the
/// allocation as it was), so it can still be shortened, staffed or changed.
pub(super) fn check_allocation(
    plan: &Plan,
    allocation: &Allocation,
    before: Option<&Allocation>,
) -> Result<(), CommandError> {
    let refuse = |field: &str, message: String| {
        Err(CommandError::Invalid(validate::Finding {
            severity: validate::Severity::Error,
            path: format!("allocations[{}].{field}", allocation.id),
            message,
        }))
    };
    let horizon = plan.horizon;
    let kept_start = before.is_some_and(|before| {
        before.first_week == allocation.first_week && allocation.first_week < horizon.start
    });
    let first_ok = horizon.contains(allocation.first_week) || kept_start;
    if !first_ok || !horizon.contains(allocation.last_week) {
        return refuse(
            "first_week",
            format!(
                "the allocation must lie inside the horizon, {} to {}",
                horizon.start,
                horizon.end().plus_weeks(-1)
            ),
        );
    }
    if let Assignee::Role(id) = allocation.assignee {
        let role = plan.role(id).ok_or(CommandError::NoSuchRole(id))?;
        if role.status == RoleStatus::Filled {
            return refuse(
                "open_role",
                format!(
                    "the role '{}' is filled: allocate the person who filled it",
                    role.title
                ),
            );
        }
        if allocation.first_week < Week::containing(role.start_date) && !kept_start {
            return refuse(
                "first_week",
                format!(
                    "the {} only starts on {}",
                    role.title,
                    medium_date(role.start_date)
                ),
            );
        }
    }
    if let Assignee::Person(id) = allocation.assignee {
        let person = plan.person(id).ok_or(CommandError::NoSuchPerson(id))?;
        if let Some(start) = person.start_date {
            if allocation.first_week < Week::containing(start) {
                return refuse(
                    "first_week",
                    format!("{} only starts on {}", person.name, medium_date(start)),
                );
            }
        }
        if let Some(end) = person.end_date {
            if allocation.last_week > Week::containing(end) {
                return refuse(
                    "last_week",
                    format!("{} leaves on {}", person.name, medium_date(end)),
                );
            }
        }
    }
    Ok(())
}

/// "Ben Ortiz on 'Landing zone', 16 h a week, 2026-W49 to 2026-W52
/// (tentative)", for summaries and screen readers.
fn describe_allocation(plan: &Plan, allocation: &Allocation) -> String {
    let who = match &allocation.assignee {
        Assignee::Person(person) => plan.person_name(*person),
        Assignee::Placeholder { role, .. } => format!("an unstaffed {role}"),
        Assignee::Role(role) => format!("the open role {}", plan.role_title(*role)),
    };
    let weeks = if allocation.first_week == allocation.last_week {
        format!("in {}", allocation.first_week)
    } else {
        format!("{} to {}", allocation.first_week, allocation.last_week)
    };
    let tentative = match allocation.commitment {
        Commitment::Tentative => " (tentative)",
        Commitment::Confirmed => "",
    };
    format!(
        "{who} on '{}', {} h a week, {weeks}{tentative}",
        plan.activity_title(allocation.activity),
        allocation.hours_per_week
    )
}
