//! The commands of one piece of work: added, changed, deleted, given an
//! owner, moved to another status, pinned in the priority list.

use chrono::NaiveDate;

use super::CommandError;
use crate::model::{
    sort_by_number, Activity, ActivityId, PersonId, Plan, PriorityPin, Status, StatusChange,
};

pub(super) fn add_activity(
    plan: &mut Plan,
    activity: &Activity,
    today: NaiveDate,
) -> Result<String, CommandError> {
    let mut activity = activity.clone();
    activity.id = ActivityId::next_after(plan.activities.iter().map(|a| &a.id));
    activity.status_history = vec![StatusChange {
        date: today,
        status: activity.status,
    }];
    let summary = format!("Added '{}'", activity.title);
    plan.activities.push(activity);
    Ok(summary)
}

pub(super) fn update_activity(
    plan: &mut Plan,
    updated: &Activity,
    today: NaiveDate,
) -> Result<String, CommandError> {
    let current = activity_mut(plan, updated.id)?;
    let mut updated = updated.clone();
    updated.status_history = current.status_history.clone();
    if updated.status != current.status {
        updated.status_history.push(StatusChange {
            date: today,
            status: updated.status,
        });
    }
    let summary = format!("Changed '{}'", updated.title);
    *current = updated;
    Ok(summary)
}

pub(super) fn delete_activity(plan: &mut Plan, id: ActivityId) -> Result<String, CommandError> {
    let title = activity_mut(plan, id)?.title.clone();
    plan.activities.retain(|activity| activity.id != id);
    for activity in &mut plan.activities {
        activity.depends_on.retain(|dependency| *dependency != id);
    }
    plan.priority_pins.retain(|pin| pin.activity != id);
    plan.allocations
        .retain(|allocation| allocation.activity != id);
    for checkin in &mut plan.checkins {
        checkin.entries.retain(|entry| entry.activity != id);
    }
    Ok(format!("Deleted '{title}'"))
}

pub(super) fn set_owner(
    plan: &mut Plan,
    activity: ActivityId,
    owner: Option<PersonId>,
) -> Result<String, CommandError> {
    let name = owner.map(|owner| plan.person_name(owner));
    let activity = activity_mut(plan, activity)?;
    activity.owner = owner;
    Ok(match name {
        Some(name) => format!("Gave '{}' to {name}", activity.title),
        None => format!("Left '{}' without an owner", activity.title),
    })
}

pub(super) fn set_status(
    plan: &mut Plan,
    activity: ActivityId,
    status: Status,
    today: NaiveDate,
) -> Result<String, CommandError> {
    let activity = activity_mut(plan, activity)?;
    if activity.status == status {
        return Ok(format!(
            "'{}' is already {}",
            activity.title,
            status.label()
        ));
    }
    activity.status = status;
    activity.status_history.push(StatusChange {
        date: today,
        status,
    });
    Ok(format!("Moved '{}' to {}", activity.title, status.label()))
}

pub(super) fn pin_priority(
    plan: &mut Plan,
    activity: ActivityId,
    position: Option<u32>,
) -> Result<String, CommandError> {
    let title = activity_mut(plan, activity)?.title.clone();
    plan.priority_pins.retain(|pin| pin.activity != activity);
    match position {
        None => Ok(format!("Unpinned '{title}'")),
        Some(position) => {
            let position = position.max(1);
            // Make room: pins from this position down shift by one
            // while they would collide.
            let mut pins = plan.priority_pins.clone();
            sort_by_number(&mut pins, |pin| pin.position.into());
            let mut next = position;
            for pin in &mut pins {
                if pin.position == next {
                    pin.position += 1;
                    next += 1;
                }
            }
            pins.push(PriorityPin { activity, position });
            plan.priority_pins = pins;
            Ok(format!("Pinned '{title}' at position {position}"))
        }
    }
}

pub(super) fn activity_mut(plan: &mut Plan, id: ActivityId) -> Result<&mut Activity, CommandError> {
    plan.activities
        .iter_mut()
        .find(|activity| activity.id == id)
        .ok_or(CommandError::NoSuchActivity(id))
}
