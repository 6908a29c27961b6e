//! Skill gap: an owner below the level a required skill needs.

use super::{push, Context, Risk, RiskKind, Severity};
use crate::model::Activity;

/// Rule 7, first half: the owner is below a required skill level.
pub(super) fn skill_gaps(
    context: &Context,
    activity: &Activity,
    person_index: usize,
    found: &mut Vec<Risk>,
) {
    let person = &context.plan.people[person_index];
    for requirement in &activity.required_skills {
        let level = person.skill_level(requirement.skill);
        if level >= requirement.min_level {
            continue;
        }
        let skill = context
            .plan
            .skill(requirement.skill)
            .map_or_else(|| requirement.skill.to_string(), |skill| skill.name.clone());
        let evidence = format!(
            "{} is at level {} in {skill}; this needs {}.",
            person.name,
            level_text(level),
            level_text(requirement.min_level)
        );
        // A few colleagues who have the level, so the next step names them.
        let able: Vec<&str> = context
            .plan
            .people
            .iter()
            .filter(|other| other.id != person.id)
            .filter(|other| other.skill_level(requirement.skill) >= requirement.min_level)
            .filter(|other| {
                activity
                    .deadline
                    .is_none_or(|deadline| other.is_employed_on(deadline))
            })
            .take(3)
            .map(|other| other.name.as_str())
            .collect();
        let next_step = match able.as_slice() {
            [] => format!(
                "Nobody else in the plan has level {} in {skill}: plan training for {} or bring in outside help.",
                requirement.min_level, person.name
            ),
            names => format!(
                "Pair {} with {} (level {} or more in {skill}), or hand the activity over.",
                person.name,
                either(names),
                requirement.min_level
            ),
        };
        push(
            found,
            RiskKind::SkillGap,
            Severity::Medium,
            activity,
            Some(person.id),
            evidence,
            next_step,
        );
    }
}

/// "2 (working)"; levels above the scale are shown as the bare number.
fn level_text(level: u8) -> String {
    if level > crate::model::MAX_SKILL_LEVEL {
        return level.to_string();
    }
    format!("{level} ({})", crate::model::level_name(level))
}

/// "A", "A or B", "A, B or C".
fn either(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [only] => only.to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::risks::tests::check;
    use crate::model::{Plan, SkillId, SkillLevel, SkillRequirement};
    use crate::test_support::today;

    #[test]
    fn a_skill_gap_is_an_owner_below_the_level_needed() {
        let needs = |plan: &mut Plan, skill: u32, min_level: u8| {
            plan.activities[0].required_skills.push(SkillRequirement {
                skill: SkillId(skill),
                min_level,
            });
        };
        check(|plan| needs(plan, 1, 2), today(), &[]);
        check(
            |plan| needs(plan, 1, 3),
            today(),
            &["act-1 Medium Skill gap per-1 | Tom Becker is at level 2 (working) in Terraform; this needs 3 (strong). | Nobody else in the plan has level 3 in Terraform: plan training for Tom Becker or bring in outside help."],
        );
        check(
            |plan| {
                needs(plan, 1, 3);
                plan.people[1].skills = vec![SkillLevel {
                    skill: SkillId(1),
                    level: 4,
                }];
            },
            today(),
            &["act-1 Medium Skill gap per-1 | Tom Becker is at level 2 (working) in Terraform; this needs 3 (strong). | Pair Tom Becker with Lena Novak (level 3 or more in Terraform), or hand the activity over."],
        );
        // One risk a skill, in the order listed; an unknown skill is named
        // by its id.
        check(
            |plan| {
                needs(plan, 9, 1);
                needs(plan, 1, 4);
            },
            today(),
            &[
                "act-1 Medium Skill gap per-1 | Tom Becker is at level 0 (none) in skl-9; this needs 1 (learning). | Nobody else in the plan has level 1 in skl-9: plan training for Tom Becker or bring in outside help.",
                "act-1 Medium Skill gap",
            ],
        );
    }
}
