//! The rules of an allocation and of a check-in.

use super::*;

impl Checker {
    pub(super) fn allocation(&mut self, plan: &Plan, allocation: &Allocation) {
        let path = Entity("allocations", allocation.id);
        if !self.ids.activity(allocation.activity) {
            self.error(
                format!("{path}.activity"),
                format!(
                    "allocation to {}, which is not in the plan",
                    allocation.activity
                ),
            );
        } else if allocation.commitment == Commitment::Confirmed
            && plan
                .activity(allocation.activity)
                .is_some_and(|activity| activity.deal.is_some())
        {
            self.error(
                format!("{path}.commitment"),
                format!(
                    "'{}' is a pipeline deal: its work stays tentative until the deal is won",
                    Quoted(&plan.activity_title(allocation.activity))
                ),
            );
        }
        match &allocation.assignee {
            Assignee::Person(person) if !self.ids.person(*person) => self.error(
                format!("{path}.person"),
                format!("allocation of {person}, who is not in the plan's people"),
            ),
            Assignee::Person(_) => {}
            Assignee::Placeholder { role, skills } => {
                if role.trim().is_empty() {
                    self.error(format!("{path}.placeholder"), "a placeholder needs a role")
                }
                for requirement in skills {
                    let req_path = Member(&path, "placeholder.skills", requirement.skill);
                    if !self.ids.skill(requirement.skill) {
                        self.error(
                            req_path.to_string(),
                            format!(
                                "the placeholder needs skill {}, which is not in the skill catalogue",
                                requirement.skill
                            ),
                        );
                    }
                    if requirement.min_level > MAX_SKILL_LEVEL {
                        self.error(
                            format!("{req_path}.min_level"),
                            format!(
                                "skill level {} is not possible: use 0 to {MAX_SKILL_LEVEL}",
                                requirement.min_level
                            ),
                        );
                    }
                }
            }
            // Checked with the hiring plan, in `roles.rs`.
            Assignee::Role(_) => {}
        }
        if allocation.hours_per_week <= 0.0 {
            self.error(
                format!("{path}.hours_per_week"),
                "an allocation needs more than 0 hours a week",
            );
        } else {
            self.hours_per_week(
                &format_args!("{path}.hours_per_week"),
                allocation.hours_per_week,
            );
        }
        if let Some(scenario) = allocation.scenario {
            if !self.ids.scenario(scenario) {
                self.error(
                    format!("{path}.scenario"),
                    format!("allocation in {scenario}, which is not in the plan's scenarios"),
                );
            } else if allocation.commitment != Commitment::Tentative {
                self.error(
                    format!("{path}.scenario"),
                    "only tentative work belongs to a scenario: confirmed work is in the plan",
                );
            }
        }
        self.week(&format_args!("{path}.first_week"), allocation.first_week);
        self.week(&format_args!("{path}.last_week"), allocation.last_week);
        if allocation.last_week < allocation.first_week {
            self.error(
                format!("{path}.last_week"),
                format!(
                    "the allocation ends in {} before it starts in {}",
                    allocation.last_week, allocation.first_week
                ),
            );
        }
    }

    pub(super) fn checkin(&mut self, checkin: &CheckIn) {
        let path = format!("checkins[{}]", checkin.id);
        self.date(&format_args!("{path}.date"), Some(checkin.date));
        for entry in &checkin.entries {
            if !self.ids.activity(entry.activity) {
                self.error(
                    format!("{path}.entries[{}]", entry.activity),
                    format!(
                        "a check-in entry about {}, which is not in the plan",
                        entry.activity
                    ),
                );
            }
        }
        for (index, decision) in checkin.decisions.iter().enumerate() {
            if let Some(owner) = decision.owner.filter(|owner| !self.ids.person(*owner)) {
                self.error(
                    format!("{path}.decisions[{index}].owner"),
                    format!("a decision owned by {owner}, who is not in the plan's people"),
                );
            }
            self.date(&format_args!("{path}.decisions[{index}].due"), decision.due);
            self.date(
                &format_args!("{path}.decisions[{index}].decided_on"),
                decision.decided_on,
            );
        }
    }
}
