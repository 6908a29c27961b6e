//! The rules of an activity: dates, owner, effort, kind and terms,
//! dependencies and their loops.

use super::*;

impl Checker {
    pub(super) fn activity(&mut self, plan: &Plan, activity: &Activity) {
        let path = Entity("activities", activity.id);
        let title = &Quoted(&activity.title);
        if activity.title.trim().is_empty() {
            self.error(format!("{path}.title"), "an activity needs a title");
        }
        match activity.owner {
            // No owner is allowed, and flagged by the plan health check.
            None => {}
            Some(owner) => match self.ids.person(owner).then(|| plan.person(owner)).flatten() {
                None => self.error(
                    format!("{path}.owner"),
                    format!("'{title}' is owned by {owner}, who is not in the plan's people"),
                ),
                Some(person) => self.owner_dates(&path, activity, person),
            },
        }
        self.date(&format_args!("{path}.start"), activity.start);
        self.date(&format_args!("{path}.deadline"), activity.deadline);
        self.date(&format_args!("{path}.checkin"), activity.checkin);
        match (activity.start, activity.deadline) {
            (Some(start), Some(deadline)) if deadline < start => self.error(
                format!("{path}.deadline"),
                format!("'{title}' has its deadline {deadline} before its start {start}"),
            ),
            // Missing dates are allowed, and flagged by the plan health check.
            _ => {}
        }
        if let Some(checkin) = activity.checkin {
            let before_start = activity.start.is_some_and(|start| checkin < start);
            let after_deadline = activity.deadline.is_some_and(|deadline| checkin > deadline);
            if before_start || after_deadline {
                self.error(
                    format!("{path}.checkin"),
                    format!("'{title}' has its check-in {checkin} outside its start and deadline"),
                );
            }
        }
        if !(1..=5).contains(&activity.impact) {
            self.error(
                format!("{path}.impact"),
                format!("impact {} is not possible: use 1 to 5", activity.impact),
            );
        }
        if !activity.effort_hours.is_finite() || activity.effort_hours < 0.0 {
            self.error(
                format!("{path}.effort_hours"),
                format!("'{title}' has a negative effort: use 0 or more hours"),
            );
        }
        let listed_before = repeats(&activity.depends_on, |id| id.0.into());
        for (index, dependency) in activity.depends_on.iter().enumerate() {
            let problem = if *dependency == activity.id {
                format!("'{title}' depends on itself")
            } else if !self.ids.activity(*dependency) {
                format!("'{title}' depends on {dependency}, which is not in the plan")
            } else if listed_before.get(index) == Some(&true) {
                format!("'{title}' lists the same dependency twice")
            } else if !activity.is_initiative() {
                format!(
                    "'{title}' is on the book of work: only the ops plan's initiatives depend on each other"
                )
            } else if plan
                .activity(*dependency)
                .is_some_and(|other| !other.is_initiative())
            {
                format!(
                    "'{title}' depends on '{}', which is on the book of work: only the ops plan's initiatives depend on each other",
                    Quoted(&plan.activity_title(*dependency))
                )
            } else {
                continue;
            };
            self.error(format!("{path}.depends_on[{dependency}]"), problem);
        }
        for requirement in &activity.required_skills {
            let req_path = Member(&path, "required_skills", requirement.skill);
            if !self.ids.skill(requirement.skill) {
                self.error(
                    req_path.to_string(),
                    format!(
                        "'{title}' needs skill {}, which is not in the skill catalogue",
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
        self.book_terms(&path, activity);
        for (index, change) in activity.status_history.iter().enumerate() {
            self.date(
                &format_args!("{path}.status_history[{index}].date"),
                Some(change.date),
            );
        }
        for (index, item) in activity.done_definition.checklist.iter().enumerate() {
            self.date(
                &format_args!("{path}.done_definition.checklist[{index}].done_on"),
                item.done_on,
            );
        }
    }

    /// A managed-services contract's hours and a pipeline deal's stage.
    pub(super) fn book_terms(&mut self, path: &Entity<ActivityId>, activity: &Activity) {
        let title = &Quoted(&activity.title);
        if let Some(contract) = activity.contract {
            let most = match contract.period {
                Period::Week => HOURS_PER_WEEK_LIMIT,
                Period::Month => HOURS_PER_WEEK_LIMIT * 52.0 / 12.0,
            };
            if activity.kind != ActivityKind::ManagedService {
                self.error(
                    format!("{path}.contract"),
                    format!(
                        "'{title}' is not a managed service: only a managed-services contract commits hours a week or a month"
                    ),
                );
            } else if !contract.hours.is_finite() || contract.hours <= 0.0 || contract.hours > most
            {
                self.error(
                    format!("{path}.contract.hours"),
                    format!(
                        "{} hours a {} is not possible: use more than 0 and at most {most:.0}",
                        contract.hours,
                        contract.period.label()
                    ),
                );
            }
            self.date(&format_args!("{path}.contract.renewal"), contract.renewal);
        }
        if let Some(deal) = activity.deal {
            if activity.is_initiative() {
                self.error(
                    format!("{path}.deal"),
                    format!(
                        "'{title}' is an initiative of the ops plan: pipeline deals are on the book of work"
                    ),
                );
            }
            if activity.commitment != Commitment::Tentative {
                self.error(
                    format!("{path}.commitment"),
                    format!("'{title}' is a pipeline deal: it stays tentative until it is won"),
                );
            }
            if !(0.0..=1.0).contains(&deal.probability) {
                self.error(
                    format!("{path}.deal.probability"),
                    format!(
                        "a win probability of {} % is not possible: use 0 to 100 %",
                        deal.probability * 100.0
                    ),
                );
            }
        }
    }

    /// An owner must be employed when the activity is due.
    pub(super) fn owner_dates(
        &mut self,
        path: &dyn fmt::Display,
        activity: &Activity,
        owner: &Person,
    ) {
        let Some(deadline) = activity.deadline else {
            return;
        };
        let (name, title) = (Quoted(&owner.name), Quoted(&activity.title));
        if let Some(end) = owner.end_date.filter(|end| *end < deadline) {
            self.error(
                format!("{path}.owner"),
                format!(
                    "{name} leaves on {end}, before '{title}' is due on {deadline}: hand it to someone else first"
                ),
            );
        }
        if let Some(start) = owner.start_date.filter(|start| *start > deadline) {
            self.error(
                format!("{path}.owner"),
                format!("{name} starts on {start}, after '{title}' is due on {deadline}"),
            );
        }
    }

    /// Reports each dependency loop once, naming the activities on it.
    pub(super) fn dependency_cycles(&mut self, plan: &Plan) {
        for cycle in dependency_cycles(plan) {
            let name = |id: &ActivityId| quoted(&plan.activity_title(*id));
            let around = if cycle.len() <= LOOP_NAMES_SHOWN {
                cycle.iter().chain(cycle.first()).map(name).collect()
            } else {
                // A loop through thousands of activities is named by its
                // first and last ones and how many lie between, so the
                // message stays one readable line.
                let mut names: Vec<String> = cycle[..3].iter().map(name).collect();
                names.push(format!("… {} more …", thousands(cycle.len() - 5)));
                names.extend(
                    cycle[cycle.len() - 2..]
                        .iter()
                        .chain(cycle.first())
                        .map(name),
                );
                names
            };
            self.error(
                format!("activities[{}].depends_on", cycle[0]),
                format!("the dependencies form a loop: {}", around.join(" → ")),
            );
        }
    }
}
