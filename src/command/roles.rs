//! What the commands do to the hiring plan, the RACI lists and the
//! cadences: a role taken off the plan, a person leaving.

use super::CommandError;
use crate::model::{count_of, Assignee, PersonId, Plan, RoleId, SkillRequirement};

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
