//! The rules of money, roles and cadence (plan file version 3): rates,
//! billing and targets, the RACI lists of activities, the open roles of the
//! hiring plan and the work allocated to them, and the cadences. Part of
//! [`super::validate`]'s `Checker`, whose findings, limits and id lookups
//! they share; kept apart so each half stays readable.
//!
//! Like the rest of validation, every list has a size limit checked first,
//! references are checked by binary search over sorted ids, and names are
//! quoted shortly ([`super::quoted`]).

use super::{quoted, Checker, MAX_PEOPLE};
use crate::model::{
    sort_by_number, Activity, Allocation, Assignee, CadenceId, Frequency, Plan, RaciRole, RoleId,
    RoleStatus, HOURS_PER_WEEK_LIMIT, MAX_NTH, MAX_SKILL_LEVEL,
};

/// The most open roles a plan holds.
pub const MAX_ROLES: usize = 1_000;
/// The most cadences a plan holds.
pub const MAX_CADENCES: usize = 200;
/// The most people one RACI list of an activity names: everyone.
pub const MAX_RACI_PEOPLE: usize = MAX_PEOPLE;
/// The most skills an open role lists.
pub const MAX_ROLE_SKILLS: usize = 1_000;

/// A sorted list of the numbers of some ids, to check references by binary
/// search.
fn sorted(ids: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut ids: Vec<u32> = ids.collect();
    sort_by_number(&mut ids, |id| (*id).into());
    ids
}

impl Checker {
    /// Every rule of money, roles and cadence, after the plan's own (see
    /// `Checker::plan`): the lists against their limits first, the rest
    /// only when all are within.
    pub(super) fn money_roles_and_cadences(&mut self, plan: &Plan) {
        if self.role_sizes(plan) {
            self.billable_targets(plan);
            for activity in &plan.activities {
                self.billing(activity);
                self.raci(plan, activity);
            }
            self.open_roles(plan);
            self.role_allocations(plan, &plan.allocations.iter().collect::<Vec<_>>());
            self.cadences(plan);
        }
    }

    /// The lists of these rules against their limits; returns whether all
    /// are within.
    fn role_sizes(&mut self, plan: &Plan) -> bool {
        let before = self.errors;
        self.size(
            || "roles".to_string(),
            plan.roles.len(),
            MAX_ROLES,
            "open roles",
            "a plan",
        );
        self.size(
            || "cadences".to_string(),
            plan.cadences.len(),
            MAX_CADENCES,
            "cadences",
            "a plan",
        );
        for activity in &plan.activities {
            for role in RaciRole::ALL {
                self.size(
                    || format!("activities[{}].{}", activity.id, field(role)),
                    activity.raci_list(role).len(),
                    MAX_RACI_PEOPLE,
                    "people",
                    "a RACI list",
                );
            }
        }
        for role in &plan.roles {
            self.size(
                || format!("roles[{}].skills", role.id),
                role.skills.len(),
                MAX_ROLE_SKILLS,
                "skills",
                "an open role",
            );
        }
        self.errors == before
    }

    /// An amount of money (a rate, a fee): a number, not negative.
    fn money(&mut self, path: String, amount: f64, what: &str) {
        if !amount.is_finite() || amount < 0.0 {
            self.error(path, format!("{what} cannot be negative"));
        }
    }

    fn billable_targets(&mut self, plan: &Plan) {
        for person in &plan.people {
            if let Some(target) = person.billable_target {
                if !(0.0..=1.0).contains(&target) {
                    self.error(
                        format!("people[{}].billable_target", person.id),
                        format!(
                            "{}'s billable target is a share from 0 % to 100 %",
                            quoted(&person.name)
                        ),
                    );
                }
            }
        }
    }

    /// A price on an activity is an amount, on billable work; a budget is
    /// not negative.
    fn billing(&mut self, activity: &Activity) {
        let path = format!("activities[{}]", activity.id);
        match activity.billing {
            crate::model::Billing::NotBilled => {}
            crate::model::Billing::Hourly { rate } => {
                self.money(format!("{path}.bill_rate"), rate, "a bill rate");
                self.unbilled(&path, activity, "a bill rate");
            }
            crate::model::Billing::FixedFee { amount } => {
                self.money(format!("{path}.fixed_fee"), amount, "a fixed fee");
                self.unbilled(&path, activity, "a fixed fee");
            }
        }
        if let Some(budget) = activity.budget_hours {
            if !budget.is_finite() || budget < 0.0 {
                self.error(
                    format!("{path}.budget_hours"),
                    format!(
                        "'{}' has a negative budget: use 0 or more hours",
                        quoted(&activity.title)
                    ),
                );
            }
        }
    }

    /// A price on work that is not billable earns nothing: say so.
    fn unbilled(&mut self, path: &str, activity: &Activity, what: &str) {
        if !activity.billable {
            self.warning(
                format!("{path}.billable"),
                format!(
                    "'{}' has {what} but is not billable, so it earns nothing in the plan",
                    quoted(&activity.title)
                ),
            );
        }
    }

    /// Everyone on the RACI lists is in the plan, once.
    fn raci(&mut self, plan: &Plan, activity: &Activity) {
        let path = format!("activities[{}]", activity.id);
        let title = quoted(&activity.title);
        // (person, list) of every entry, to find repeats by sorting.
        let mut entries: Vec<(u32, RaciRole)> = Vec::new();
        for role in RaciRole::ALL {
            for person in activity.raci_list(role) {
                if !self.ids.person(*person) {
                    self.error(
                        format!("{path}.{}[{person}]", field(role)),
                        format!(
                            "'{title}' lists {person} as {}, who is not in the plan's people",
                            field(role)
                        ),
                    );
                } else {
                    entries.push((person.0, role));
                }
            }
        }
        sort_by_number(&mut entries, |(person, _)| (*person).into());
        for pair in entries.windows(2) {
            let ((person, first), (same, second)) = (pair[0], pair[1]);
            if person != same {
                continue;
            }
            let name = quoted(&plan.person_name(crate::model::PersonId(person)));
            let message = if first == second {
                format!("'{title}' lists {name} twice as {}", field(first))
            } else {
                format!(
                    "{name} is both {} and {} on '{title}': keep one",
                    field(first),
                    field(second)
                )
            };
            self.error(format!("{path}.{}[per-{person}]", field(second)), message);
        }
    }

    fn open_roles(&mut self, plan: &Plan) {
        self.unique(
            "roles",
            RoleId::PREFIX,
            plan.roles.iter().map(|role| role.id.0),
        );
        for role in &plan.roles {
            let path = format!("roles[{}]", role.id);
            let title = quoted(&role.title);
            if role.title.trim().is_empty() {
                self.error(format!("{path}.title"), "an open role needs a title");
            }
            let hours = role.weekly_hours;
            if !hours.is_finite() || !(0.0..=HOURS_PER_WEEK_LIMIT).contains(&hours) {
                self.error(
                    format!("{path}.weekly_hours"),
                    format!(
                        "{hours} hours a week is not possible: use 0 to {HOURS_PER_WEEK_LIMIT}"
                    ),
                );
            }
            self.date(&format!("{path}.start_date"), Some(role.start_date));
            if let Some(rate) = role.cost_rate {
                self.money(format!("{path}.cost_rate"), rate, "a cost rate");
            }
            for held in &role.skills {
                if !self.ids.skill(held.skill) {
                    self.error(
                        format!("{path}.skills[{}]", held.skill),
                        format!(
                            "the role '{title}' needs skill {}, which is not in the skill catalogue",
                            held.skill
                        ),
                    );
                }
                if held.level > MAX_SKILL_LEVEL {
                    self.error(
                        format!("{path}.skills[{}].level", held.skill),
                        format!(
                            "skill level {} is not possible: use 0 to {MAX_SKILL_LEVEL}",
                            held.level
                        ),
                    );
                }
            }
            if let Some(scenario) = role.scenario {
                if !self.ids.scenario(scenario) {
                    self.error(
                        format!("{path}.scenario"),
                        format!("the role '{title}' is in {scenario}, which is not in the plan's scenarios"),
                    );
                }
            }
            if let Some(person) = role.filled_by {
                if !self.ids.person(person) {
                    self.error(
                        format!("{path}.filled_by"),
                        format!("the role '{title}' was filled by {person}, who is not in the plan's people"),
                    );
                } else if role.status != RoleStatus::Filled {
                    self.error(
                        format!("{path}.status"),
                        format!("the role '{title}' names who filled it, so its status is filled"),
                    );
                }
            }
        }
    }

    /// Work on an open role needs the role, still open.
    pub(super) fn role_allocations(&mut self, plan: &Plan, allocations: &[&Allocation]) {
        let roles = sorted(plan.roles.iter().map(|role| role.id.0));
        for allocation in allocations {
            let Assignee::Role(id) = allocation.assignee else {
                continue;
            };
            let path = format!("allocations[{}].open_role", allocation.id);
            let known = roles.binary_search(&id.0).is_ok();
            match known.then(|| plan.role(id)).flatten() {
                None => self.error(
                    path,
                    format!("allocation on {id}, which is not in the hiring plan"),
                ),
                Some(role) if role.status == RoleStatus::Filled => self.error(
                    path,
                    format!(
                        "the role '{}' is filled: allocate the person who filled it",
                        quoted(&role.title)
                    ),
                ),
                Some(_) => {}
            }
        }
    }

    fn cadences(&mut self, plan: &Plan) {
        self.unique(
            "cadences",
            CadenceId::PREFIX,
            plan.cadences.iter().map(|cadence| cadence.id.0),
        );
        for cadence in &plan.cadences {
            let path = format!("cadences[{}]", cadence.id);
            let name = quoted(&cadence.name());
            match cadence.kind.frequency() {
                Some(frequency) if frequency != cadence.frequency => self.error(
                    format!("{path}.frequency"),
                    format!(
                        "a {} meets {}: make it a custom meeting to meet otherwise",
                        cadence.kind.label().to_ascii_lowercase(),
                        frequency.label().to_ascii_lowercase()
                    ),
                ),
                None if cadence.title.trim().is_empty() => self.error(
                    format!("{path}.title"),
                    "a custom meeting needs a title".to_string(),
                ),
                _ => {}
            }
            match (cadence.frequency, cadence.nth) {
                (Frequency::Weekly, None) => {}
                (Frequency::Weekly, Some(_)) => self.error(
                    format!("{path}.nth"),
                    format!("'{name}' meets every week: it has no nth weekday of the month"),
                ),
                (_, Some(nth)) if (1..=MAX_NTH).contains(&nth) => {}
                (_, _) => self.error(
                    format!("{path}.nth"),
                    format!(
                        "'{name}' needs which weekday of the month it meets on: 1 (the first) to {MAX_NTH}"
                    ),
                ),
            }
            if let Some(owner) = cadence.owner {
                if !self.ids.person(owner) {
                    self.error(
                        format!("{path}.owner"),
                        format!("'{name}' is run by {owner}, who is not in the plan's people"),
                    );
                }
            }
        }
    }
}

/// The file's field of a RACI list.
fn field(role: RaciRole) -> &'static str {
    match role {
        RaciRole::Responsible => "responsible",
        RaciRole::Consulted => "consulted",
        RaciRole::Informed => "informed",
    }
}
