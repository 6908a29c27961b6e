//! The commands of the plan's people: a person added, changed, or removed
//! with their work handed to someone else or left open.

use super::{roles, CommandError};
use crate::model::{count_of, Assignee, Person, PersonId, Plan};

pub(super) fn add_person(plan: &mut Plan, person: &Person) -> Result<String, CommandError> {
    let mut person = person.clone();
    person.id = PersonId::next_after(plan.people.iter().map(|p| &p.id));
    let summary = format!("Added {}", person.name);
    plan.people.push(person);
    Ok(summary)
}

pub(super) fn update_person(plan: &mut Plan, updated: &Person) -> Result<String, CommandError> {
    let current = plan
        .people
        .iter_mut()
        .find(|person| person.id == updated.id)
        .ok_or(CommandError::NoSuchPerson(updated.id))?;
    *current = updated.clone();
    Ok(format!("Changed {}", updated.name))
}

pub(super) fn remove_person(
    plan: &mut Plan,
    id: PersonId,
    reassign_to: Option<PersonId>,
) -> Result<String, CommandError> {
    let removed = plan
        .person(id)
        .cloned()
        .ok_or(CommandError::NoSuchPerson(id))?;
    if reassign_to == Some(id) {
        return Err(CommandError::ReassignToSelf { name: removed.name });
    }
    let heir = match reassign_to {
        Some(heir) => Some(
            plan.person(heir)
                .cloned()
                .ok_or(CommandError::NoSuchPerson(heir))?,
        ),
        None => None,
    };
    let mut owned = 0;
    for activity in &mut plan.activities {
        if activity.owner == Some(id) {
            activity.owner = reassign_to;
            owned += 1;
        }
    }
    let mut allocated = 0;
    for allocation in &mut plan.allocations {
        if allocation.assignee == Assignee::Person(id) {
            allocation.assignee = match reassign_to {
                Some(heir) => Assignee::Person(heir),
                None => Assignee::Placeholder {
                    role: if removed.role.trim().is_empty() {
                        format!("Replacement for {}", removed.name)
                    } else {
                        removed.role.clone()
                    },
                    skills: Vec::new(),
                },
            };
            allocated += 1;
        }
    }
    for checkin in &mut plan.checkins {
        for decision in &mut checkin.decisions {
            if decision.owner == Some(id) {
                decision.owner = reassign_to;
            }
        }
    }
    roles::forget_person(plan, id, reassign_to);
    plan.people.retain(|person| person.id != id);
    let mut summary = format!("Removed {}", removed.name);
    if owned + allocated > 0 {
        let activities = count_of(owned, "piece of work", "pieces of work");
        let allocations = count_of(allocated, "allocation", "allocations");
        match heir {
            Some(heir) => summary.push_str(&format!(
                "; {} took over {activities} and {allocations}",
                heir.name
            )),
            None => summary.push_str(&format!(
                " and left {activities} unowned and {allocations} open as {}",
                if allocated == 1 {
                    "a placeholder"
                } else {
                    "placeholders"
                }
            )),
        }
    }
    Ok(summary)
}
