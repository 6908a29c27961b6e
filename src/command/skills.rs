//! The commands of skills: a person's level in a skill, and the skill
//! catalogue's skills added, changed and removed.

use super::CommandError;
use crate::model::{Assignee, PersonId, Plan, Skill, SkillId, SkillLevel};

pub(super) fn set_skill_level(
    plan: &mut Plan,
    person: PersonId,
    skill: SkillId,
    level: u8,
) -> Result<String, CommandError> {
    let skill_name = plan
        .skill(skill)
        .map(|skill| skill.name.clone())
        .ok_or(CommandError::NoSuchSkill(skill))?;
    let person = plan
        .people
        .iter_mut()
        .find(|candidate| candidate.id == person)
        .ok_or(CommandError::NoSuchPerson(person))?;
    person.skills.retain(|held| held.skill != skill);
    if level > 0 {
        person.skills.push(SkillLevel { skill, level });
    }
    Ok(format!(
        "{} is now at level {level} in {skill_name}",
        person.name
    ))
}

pub(super) fn add_skill(plan: &mut Plan, skill: &Skill) -> Result<String, CommandError> {
    let mut skill = skill.clone();
    skill.id = SkillId::next_after(plan.skills.iter().map(|s| &s.id));
    let summary = format!("Added the skill '{}'", skill.name);
    plan.skills.push(skill);
    Ok(summary)
}

pub(super) fn update_skill(plan: &mut Plan, updated: &Skill) -> Result<String, CommandError> {
    let skill = plan
        .skills
        .iter_mut()
        .find(|skill| skill.id == updated.id)
        .ok_or(CommandError::NoSuchSkill(updated.id))?;
    *skill = updated.clone();
    Ok(format!("Changed the skill '{}'", updated.name))
}

pub(super) fn remove_skill(plan: &mut Plan, id: SkillId) -> Result<String, CommandError> {
    let name = plan
        .skill(id)
        .map(|skill| skill.name.clone())
        .ok_or(CommandError::NoSuchSkill(id))?;
    plan.skills.retain(|skill| skill.id != id);
    for person in &mut plan.people {
        person.skills.retain(|held| held.skill != id);
    }
    for activity in &mut plan.activities {
        activity.required_skills.retain(|need| need.skill != id);
    }
    for allocation in &mut plan.allocations {
        if let Assignee::Placeholder { skills, .. } = &mut allocation.assignee {
            skills.retain(|need| need.skill != id);
        }
    }
    for role in &mut plan.roles {
        role.skills.retain(|held| held.skill != id);
    }
    Ok(format!("Removed the skill '{name}'"))
}
