//! The plan's own rules and its lists: sizes, ids, horizon, metrics,
//! holidays, skills, scenarios.

use super::*;

impl Checker {
    pub(super) fn plan(&mut self, plan: &Plan) {
        if !self.sizes(plan) {
            return;
        }
        if plan.name.trim().is_empty() {
            self.error("name", "the plan needs a name");
        }
        self.week(&"horizon.start", plan.horizon.start);
        if !(1..=MAX_HORIZON_WEEKS).contains(&plan.horizon.weeks) {
            self.error(
                "horizon.weeks",
                format!(
                    "a horizon of {} weeks is not possible: use 1 to {MAX_HORIZON_WEEKS}",
                    plan.horizon.weeks
                ),
            );
        } else {
            let last = plan.horizon.end().plus_weeks(-1);
            if last.iso_year() > LAST_YEAR {
                self.error(
                    "horizon.weeks",
                    format!("the horizon runs to {last}, after {LAST_YEAR}"),
                );
            }
        }
        self.date(&"goal.target_date", plan.goal.target_date);
        self.number("goal.baseline", plan.goal.baseline);
        self.number("goal.target", plan.goal.target);
        let settings = &plan.settings;
        if !(1..=365).contains(&settings.stale_after_days) {
            self.error(
                "settings.stale_after_days",
                "work is stale after 1 to 365 days without movement",
            );
        }
        if !(settings.owner_away_share > 0.0 && settings.owner_away_share <= 1.0) {
            self.error(
                "settings.owner_away_share",
                "the share of days away is more than 0 % and at most 100 %",
            );
        }
        if !(settings.overload_share > 0.0 && settings.overload_share <= 5.0) {
            self.error(
                "settings.overload_share",
                "the overload threshold is more than 0 % and at most 500 % of available hours",
            );
        }
        if let Some(budget) = plan.resources.budget {
            if !budget.is_finite() || budget < 0.0 {
                self.error("resources.budget", "the budget cannot be negative");
            }
        }
        self.unique(
            "metrics",
            MetricId::PREFIX,
            plan.metrics.iter().map(|metric| metric.id.0),
        );
        for metric in &plan.metrics {
            let path = format!("metrics[{}]", metric.id);
            if metric.name.trim().is_empty() {
                self.error(format!("{path}.name"), "a success metric needs a name");
            }
            self.number(&format!("{path}.baseline"), metric.baseline);
            self.number(&format!("{path}.target"), metric.target);
            self.number(&format!("{path}.current"), metric.current);
        }
        for (index, holiday) in plan.holidays.iter().enumerate() {
            self.date(&format_args!("holidays[{index}].date"), Some(holiday.date));
        }
        self.unique(
            "skills",
            SkillId::PREFIX,
            plan.skills.iter().map(|skill| skill.id.0),
        );
        for skill in &plan.skills {
            if skill.name.trim().is_empty() {
                self.error(format!("skills[{}].name", skill.id), "a skill needs a name");
            }
        }
        self.unique(
            "people",
            PersonId::PREFIX,
            plan.people.iter().map(|person| person.id.0),
        );
        for person in &plan.people {
            if self.full() {
                return;
            }
            self.person(person);
        }
        self.unique_emails(plan);
        self.unique(
            "activities",
            ActivityId::PREFIX,
            plan.activities.iter().map(|activity| activity.id.0),
        );
        for activity in &plan.activities {
            if self.full() {
                return;
            }
            self.activity(plan, activity);
        }
        self.dependency_cycles(plan);
        self.unique(
            "scenarios",
            ScenarioId::PREFIX,
            plan.scenarios.iter().map(|scenario| scenario.id.0),
        );
        for scenario in &plan.scenarios {
            if scenario.name.trim().is_empty() {
                self.error(
                    format!("scenarios[{}].name", scenario.id),
                    "a scenario needs a name",
                );
            }
        }
        self.unique(
            "allocations",
            AllocationId::PREFIX,
            plan.allocations.iter().map(|allocation| allocation.id.0),
        );
        for allocation in &plan.allocations {
            if self.full() {
                return;
            }
            self.allocation(plan, allocation);
        }
        let pinned_before = repeats(&plan.priority_pins, |pin| pin.activity.0.into());
        for (index, pin) in plan.priority_pins.iter().enumerate() {
            let path = format!("priority_pins[{index}]");
            if !self.ids.activity(pin.activity) {
                self.error(
                    format!("{path}.activity"),
                    format!(
                        "a priority pin on {}, which is not in the plan",
                        pin.activity
                    ),
                );
            } else if pinned_before.get(index) == Some(&true) {
                self.error(
                    format!("{path}.activity"),
                    format!(
                        "'{}' is pinned twice",
                        quoted(&plan.activity_title(pin.activity))
                    ),
                );
            } else if plan
                .activity(pin.activity)
                .is_some_and(|activity| !activity.is_initiative())
            {
                self.error(
                    format!("{path}.activity"),
                    format!(
                        "'{}' is on the book of work: only initiatives are ranked and pinned",
                        quoted(&plan.activity_title(pin.activity))
                    ),
                );
            }
            if pin.position == 0 {
                self.error(format!("{path}.position"), "positions start at 1");
            }
        }
        self.unique(
            "checkins",
            CheckInId::PREFIX,
            plan.checkins.iter().map(|checkin| checkin.id.0),
        );
        for checkin in &plan.checkins {
            if self.full() {
                return;
            }
            self.checkin(checkin);
        }
        // Money, roles and cadence: their own file.
        self.money_roles_and_cadences(plan);
    }
}
