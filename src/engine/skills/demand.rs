//! The hours of each skill the open work needs against the hours its
//! holders have.

use super::*;

/// How much of one skill the open work needs against what its holders have.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillBalance {
    pub skill: SkillId,
    /// Remaining effort of the open activities requiring the skill, each
    /// activity's effort split evenly between its required skills.
    pub demand_hours: f64,
    /// Hours its holders have for planned work over the rest of the horizon.
    pub supply_hours: f64,
    /// People holding it at working level employed in the rest of the
    /// horizon.
    pub holders: usize,
}

/// One balance per catalogue skill, in skill id order, as of `today`. See
/// the module documentation for the rules.
pub fn supply_and_demand(plan: &Plan, today: NaiveDate) -> Vec<SkillBalance> {
    let (horizon_first, horizon_last) = horizon_days(plan);
    let first = day_number(today).max(horizon_first);
    let last = horizon_last;
    let holidays = holiday_numbers(plan);

    let mut balances: Vec<SkillBalance> = plan
        .skills
        .iter()
        .map(|skill| SkillBalance {
            skill: skill.id,
            demand_hours: 0.0,
            supply_hours: 0.0,
            holders: 0,
        })
        .collect();
    sort_by_number(&mut balances, |balance| balance.skill.0.into());
    balances.dedup_by_key(|balance| balance.skill);
    let index_of = |balances: &[SkillBalance], skill: SkillId| {
        balances
            .binary_search_by(|balance| balance.skill.cmp(&skill))
            .ok()
    };

    for activity in &plan.activities {
        if activity.status == Status::Done {
            continue;
        }
        let skills = distinct_skills(&activity.required_skills);
        if skills.is_empty() {
            continue;
        }
        let share = activity.remaining_effort_hours() / skills.len() as f64;
        for skill in skills {
            if let Some(index) = index_of(&balances, skill) {
                balances[index].demand_hours += share;
            }
        }
    }

    if first <= last {
        for person in &plan.people {
            if !employed_between(person, first, last) {
                continue;
            }
            let mut hours: Option<f64> = None;
            for (place, level) in person.skills.iter().enumerate() {
                let repeated = person.skills[..place]
                    .iter()
                    .any(|earlier| earlier.skill == level.skill);
                if repeated || level.level < WORKING_LEVEL {
                    continue;
                }
                let Some(index) = index_of(&balances, level.skill) else {
                    continue;
                };
                let hours = *hours.get_or_insert_with(|| {
                    Calendar::new(person).available_hours(&holidays, first, last)
                });
                balances[index].supply_hours += hours;
                balances[index].holders += 1;
            }
        }
    }
    balances
}
