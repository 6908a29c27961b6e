//! Every edit to a plan, as a command the core applies and validates.
//!
//! A drop on the board, a key press and a form all build a [`Command`]; the
//! view never changes the plan itself. [`apply`] returns the new plan or an
//! error a planner can read, and [`History`] keeps the plans before and after
//! so undo and redo work for every edit.

mod book;
pub mod draft;
pub mod history;
pub mod import;
mod roles;

pub use history::History;

use chrono::NaiveDate;

use crate::engine::validate;
use crate::model::{
    count_of, medium_date, sort_by_number, Activity, ActivityId, Allocation, AllocationId,
    Assignee, Billing, Cadence, CadenceId, CheckIn, CheckInId, Commitment, Employment, Holiday,
    Horizon, MetricId, OpenRole, Person, PersonId, Plan, PriorityPin, RaciRole, Resources,
    RiskSettings, RoleId, RoleStatus, Scenario, ScenarioId, Scope, Skill, SkillId, SkillLevel,
    Status, StatusChange, StrategicGoal, SuccessMetric, Week, Weekday,
};

/// One edit to a plan.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    RenamePlan(String),
    SetGoal(StrategicGoal),
    SetHorizon(Horizon),
    SetReviewWeekday(Weekday),
    SetResources(Resources),
    SetRiskSettings(RiskSettings),
    /// Replaces the plan's public holidays.
    SetHolidays(Vec<Holiday>),
    /// Adds a success metric; its id is ignored and a fresh one is given.
    AddMetric(SuccessMetric),
    /// Replaces the success metric with the same id.
    UpdateMetric(SuccessMetric),
    RemoveMetric(MetricId),
    /// Adds an activity; its id is ignored and a fresh one is given.
    AddActivity(Activity),
    /// Replaces the activity with the same id. A changed status is recorded
    /// in the status history on the day the command is applied.
    UpdateActivity(Activity),
    /// Deletes an activity, the dependencies on it, its allocations and its
    /// check-in entries.
    DeleteActivity(ActivityId),
    /// Gives an activity to an owner, or leaves it unowned.
    SetOwner {
        activity: ActivityId,
        owner: Option<PersonId>,
    },
    /// Sets a person's level in a skill (0 takes the skill off them).
    SetSkillLevel {
        person: PersonId,
        skill: SkillId,
        level: u8,
    },
    /// Adds a skill to the catalogue; its id is ignored and a fresh one is
    /// given.
    AddSkill(Skill),
    /// Renames or recategorises the skill with the same id.
    UpdateSkill(Skill),
    /// Removes a skill from the catalogue, from everyone who holds it and
    /// from every activity and placeholder that needs it.
    RemoveSkill(SkillId),
    /// Moves an activity to another status (a drop on the board).
    SetStatus {
        activity: ActivityId,
        status: Status,
    },
    /// Adds a person; their id is ignored and a fresh one is given.
    AddPerson(Person),
    /// Replaces the person with the same id.
    UpdatePerson(Person),
    /// Removes a person. Their activities go to `reassign_to` or become
    /// unowned; their allocations go to `reassign_to` or become placeholders
    /// for their role, so no planned work is lost.
    RemovePerson {
        person: PersonId,
        reassign_to: Option<PersonId>,
    },
    /// Adds an allocation; its id is ignored and a fresh one is given. It
    /// must lie inside the horizon and while its person is employed.
    AddAllocation(Allocation),
    /// Replaces the allocation with the same id (a move to other weeks or
    /// another person, a new length or hours, a placeholder staffed), under
    /// the same rules as [`Command::AddAllocation`].
    UpdateAllocation(Allocation),
    RemoveAllocation(AllocationId),
    /// Adds a what-if scenario with its tentative allocations and, for
    /// work not yet in the plan, a tentative activity they are for. Fresh
    /// ids are given to all of them.
    AddScenario {
        name: String,
        activity: Option<Activity>,
        allocations: Vec<Allocation>,
    },
    RenameScenario {
        scenario: ScenarioId,
        name: String,
    },
    /// The deal is lost: the scenario and its allocations go.
    RemoveScenario(ScenarioId),
    /// The deal is won: its allocations, and the tentative activities they
    /// are for, become confirmed, and the scenario goes.
    ConfirmScenario(ScenarioId),
    /// The pipeline deal is won: it and all its work become confirmed
    /// (out of any scenario).
    WinDeal(ActivityId),
    /// The pipeline deal is lost: it goes, with its work.
    LoseDeal(ActivityId),
    /// A new scenario holding the tentative work of the chosen deals.
    ScenarioFromDeals {
        name: String,
        deals: Vec<ActivityId>,
    },
    /// Moves work between the ops plan's initiatives and the book of work
    /// (to the book of work, its dependencies and priority pin go).
    SetScope {
        activity: ActivityId,
        scope: Scope,
    },
    /// Pins an activity to a position of the priority list (1 is the top),
    /// or unpins it with `None`. Other pins at that position or below move
    /// down one, so pins never collide.
    PinPriority {
        activity: ActivityId,
        position: Option<u32>,
    },
    /// Saves a weekly check-in to the plan's log; its id is ignored and a
    /// fresh one is given.
    AddCheckIn(CheckIn),
    /// Marks decision `index` of a check-in as taken on `on`, or open again
    /// with `None`.
    DecideDecision {
        checkin: CheckInId,
        index: usize,
        on: Option<NaiveDate>,
    },
    /// Sets how a person works for the firm and what their time costs:
    /// employment, internal cost rate per hour, billable target (0 to 1).
    SetPersonRates {
        person: PersonId,
        employment: Employment,
        cost_rate: Option<f64>,
        billable_target: Option<f64>,
    },
    /// Sets whether an activity is billable, how it is billed (by the hour
    /// or at a fixed fee) and its budget in hours.
    SetBilling {
        activity: ActivityId,
        billable: bool,
        billing: Billing,
        budget_hours: Option<f64>,
    },
    /// Puts a person on an activity as Responsible, Consulted or Informed
    /// (off any other of the three), or takes them off with `None`. The
    /// Accountable is the owner ([`Command::SetOwner`]).
    SetRaci {
        activity: ActivityId,
        person: PersonId,
        role: Option<RaciRole>,
    },
    /// Adds an open role to the hiring plan; its id is ignored and a fresh
    /// one is given.
    AddRole(OpenRole),
    /// Replaces the open role with the same id.
    UpdateRole(OpenRole),
    /// Takes a role off the hiring plan; work allocated to it becomes
    /// placeholders for its title and skills, so no planned work is lost.
    RemoveRole(RoleId),
    /// The role is filled: a new person (named `name`, with the role's
    /// team, skills, hours and cost rate, starting on `start_date` or the
    /// role's start date) takes over its allocations, and the role is
    /// marked filled by them.
    FillRole {
        role: RoleId,
        name: String,
        start_date: Option<NaiveDate>,
    },
    /// Adds a cadence; its id is ignored and a fresh one is given.
    AddCadence(Cadence),
    /// Replaces the cadence with the same id.
    UpdateCadence(Cadence),
    RemoveCadence(CadenceId),
    /// Several edits as one: applied in order, undone together.
    Batch {
        commands: Vec<Command>,
        summary: String,
    },
    /// Replaces the whole plan with another (an imported file), keeping
    /// the current plan's id.
    ReplacePlan(Box<Plan>),
    /// Takes changes from another copy of the plan: `plan` is the result of
    /// `persist::diff::Comparison::apply`; `changes` and `source` (a file
    /// name) make the undo label.
    Merge {
        plan: Box<Plan>,
        changes: usize,
        source: String,
    },
}

/// Why a command was refused. The plan is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    #[error("There is no activity {0} in this plan.")]
    NoSuchActivity(ActivityId),
    #[error("There is no success metric {0} in this plan.")]
    NoSuchMetric(MetricId),
    #[error("There is no check-in {0} in this plan.")]
    NoSuchCheckIn(CheckInId),
    #[error("That decision is not in the check-in.")]
    NoSuchDecision,
    #[error("There is no skill {0} in the skill catalogue.")]
    NoSuchSkill(SkillId),
    #[error("There is no person {0} in this plan.")]
    NoSuchPerson(PersonId),
    #[error("This file is a client copy (cost rates, notes, check-ins and tentative work were left out): it cannot replace a full plan. Open it as a new plan instead.")]
    ClientCopyOverFullPlan,
    #[error("There is no allocation {0} in this plan.")]
    NoSuchAllocation(AllocationId),
    #[error("There is no scenario {0} in this plan.")]
    NoSuchScenario(ScenarioId),
    #[error("There is no open role {0} in the hiring plan.")]
    NoSuchRole(RoleId),
    #[error("The role '{title}' is already filled.")]
    RoleAlreadyFilled { title: String },
    #[error("There is no cadence {0} in this plan.")]
    NoSuchCadence(CadenceId),
    #[error("{name} cannot take over their own work: pick someone else or leave it unowned.")]
    ReassignToSelf { name: String },
    #[error("'{0}' is not a pipeline deal: only a deal is won or lost.")]
    NotADeal(String),
    #[error("'{0}' is a pipeline deal: win it first, then it can become an initiative.")]
    DealIsNotAnInitiative(String),
    #[error("Choose at least one pipeline deal for the scenario.")]
    NoDealsChosen,
    /// The edit would break a rule of the plan.
    #[error("{}", .0.message)]
    Invalid(validate::Finding),
}

/// What applying a command gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    pub plan: Plan,
    /// A sentence describing the edit, for undo labels and screen readers.
    pub summary: String,
}

/// Applies `command` to the valid `plan` on `today`, checking every rule
/// the command can have broken: the rules of the allocations it touched
/// when that is all it touched (a drag on the timeline), else every rule
/// of the plan.
pub fn apply(plan: &Plan, command: &Command, today: NaiveDate) -> Result<Applied, CommandError> {
    let touched = allocations_touched(plan, command);
    apply_checking(plan, command, today, |next| match &touched {
        Some(changed) => validate::allocation_errors(next, changed),
        None => validate::errors(next),
    })
}

/// [`apply`], checking every rule of the plan whatever the command: what
/// `apply` must always agree with (tests/properties.rs holds it to that).
pub fn apply_checking_everything(
    plan: &Plan,
    command: &Command,
    today: NaiveDate,
) -> Result<Applied, CommandError> {
    apply_checking(plan, command, today, validate::errors)
}

fn apply_checking(
    plan: &Plan,
    command: &Command,
    today: NaiveDate,
    errors: impl FnOnce(&Plan) -> Vec<validate::Finding>,
) -> Result<Applied, CommandError> {
    let mut next = plan.clone();
    let summary = edit(&mut next, command, today)?;
    next.sort_canonically();
    // The plan was valid before, so any error now was made by this command.
    if let Some(first) = errors(&next).into_iter().next() {
        return Err(CommandError::Invalid(first));
    }
    Ok(Applied {
        plan: next,
        summary,
    })
}

/// The allocations `command` adds, edits or removes, when allocations are
/// all it changes (a removed one is gone from the plan after it, and leaves
/// nothing to check).
pub(crate) fn allocations_touched(plan: &Plan, command: &Command) -> Option<Vec<AllocationId>> {
    match command {
        // The id `edit` gives it.
        Command::AddAllocation(_) => Some(vec![AllocationId::next_after(
            plan.allocations.iter().map(|allocation| &allocation.id),
        )]),
        Command::UpdateAllocation(allocation) => Some(vec![allocation.id]),
        Command::RemoveAllocation(id) => Some(vec![*id]),
        _ => None,
    }
}

fn edit(plan: &mut Plan, command: &Command, today: NaiveDate) -> Result<String, CommandError> {
    match command {
        Command::RenamePlan(name) => {
            plan.name = name.trim().to_string();
            Ok(format!("Renamed the plan to '{}'", plan.name))
        }
        Command::SetGoal(goal) => {
            plan.goal = goal.clone();
            Ok("Changed the strategic goal".to_string())
        }
        Command::SetHorizon(horizon) => {
            plan.horizon = *horizon;
            Ok(format!(
                "Set the horizon to {} weeks from {}",
                horizon.weeks, horizon.start
            ))
        }
        Command::SetReviewWeekday(day) => {
            plan.review_weekday = *day;
            Ok(format!("Moved the weekly review to {day}"))
        }
        Command::SetHolidays(holidays) => {
            plan.holidays = holidays.clone();
            Ok(format!(
                "Set {}",
                count_of(holidays.len(), "public holiday", "public holidays")
            ))
        }
        Command::SetRiskSettings(settings) => {
            plan.settings = *settings;
            Ok("Changed the risk thresholds".to_string())
        }
        Command::SetResources(resources) => {
            plan.resources = resources.clone();
            Ok("Changed the resources".to_string())
        }
        Command::AddMetric(metric) => {
            let mut metric = metric.clone();
            metric.id = MetricId::next_after(plan.metrics.iter().map(|m| &m.id));
            let summary = format!("Added the metric '{}'", metric.name);
            plan.metrics.push(metric);
            Ok(summary)
        }
        Command::UpdateMetric(updated) => {
            let current = plan
                .metrics
                .iter_mut()
                .find(|metric| metric.id == updated.id)
                .ok_or(CommandError::NoSuchMetric(updated.id))?;
            *current = updated.clone();
            Ok(format!("Changed the metric '{}'", updated.name))
        }
        Command::RemoveMetric(id) => {
            let position = plan
                .metrics
                .iter()
                .position(|metric| metric.id == *id)
                .ok_or(CommandError::NoSuchMetric(*id))?;
            let removed = plan.metrics.remove(position);
            Ok(format!("Removed the metric '{}'", removed.name))
        }
        Command::AddActivity(activity) => {
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
        Command::UpdateActivity(updated) => {
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
        Command::DeleteActivity(id) => {
            let title = activity_mut(plan, *id)?.title.clone();
            plan.activities.retain(|activity| activity.id != *id);
            for activity in &mut plan.activities {
                activity.depends_on.retain(|dependency| dependency != id);
            }
            plan.priority_pins.retain(|pin| pin.activity != *id);
            plan.allocations
                .retain(|allocation| allocation.activity != *id);
            for checkin in &mut plan.checkins {
                checkin.entries.retain(|entry| entry.activity != *id);
            }
            Ok(format!("Deleted '{title}'"))
        }
        Command::SetOwner { activity, owner } => {
            let name = owner.map(|owner| plan.person_name(owner));
            let activity = activity_mut(plan, *activity)?;
            activity.owner = *owner;
            Ok(match name {
                Some(name) => format!("Gave '{}' to {name}", activity.title),
                None => format!("Left '{}' without an owner", activity.title),
            })
        }
        Command::SetSkillLevel {
            person,
            skill,
            level,
        } => {
            let skill_name = plan
                .skill(*skill)
                .map(|skill| skill.name.clone())
                .ok_or(CommandError::NoSuchSkill(*skill))?;
            let person = plan
                .people
                .iter_mut()
                .find(|candidate| candidate.id == *person)
                .ok_or(CommandError::NoSuchPerson(*person))?;
            person.skills.retain(|held| held.skill != *skill);
            if *level > 0 {
                person.skills.push(SkillLevel {
                    skill: *skill,
                    level: *level,
                });
            }
            Ok(format!(
                "{} is now at level {level} in {skill_name}",
                person.name
            ))
        }
        Command::AddSkill(skill) => {
            let mut skill = skill.clone();
            skill.id = SkillId::next_after(plan.skills.iter().map(|s| &s.id));
            let summary = format!("Added the skill '{}'", skill.name);
            plan.skills.push(skill);
            Ok(summary)
        }
        Command::UpdateSkill(updated) => {
            let skill = plan
                .skills
                .iter_mut()
                .find(|skill| skill.id == updated.id)
                .ok_or(CommandError::NoSuchSkill(updated.id))?;
            *skill = updated.clone();
            Ok(format!("Changed the skill '{}'", updated.name))
        }
        Command::RemoveSkill(id) => {
            let name = plan
                .skill(*id)
                .map(|skill| skill.name.clone())
                .ok_or(CommandError::NoSuchSkill(*id))?;
            plan.skills.retain(|skill| skill.id != *id);
            for person in &mut plan.people {
                person.skills.retain(|held| held.skill != *id);
            }
            for activity in &mut plan.activities {
                activity.required_skills.retain(|need| need.skill != *id);
            }
            for allocation in &mut plan.allocations {
                if let Assignee::Placeholder { skills, .. } = &mut allocation.assignee {
                    skills.retain(|need| need.skill != *id);
                }
            }
            for role in &mut plan.roles {
                role.skills.retain(|held| held.skill != *id);
            }
            Ok(format!("Removed the skill '{name}'"))
        }
        Command::SetStatus { activity, status } => {
            let activity = activity_mut(plan, *activity)?;
            if activity.status == *status {
                return Ok(format!(
                    "'{}' is already {}",
                    activity.title,
                    status.label()
                ));
            }
            activity.status = *status;
            activity.status_history.push(StatusChange {
                date: today,
                status: *status,
            });
            Ok(format!("Moved '{}' to {}", activity.title, status.label()))
        }
        Command::AddPerson(person) => {
            let mut person = person.clone();
            person.id = PersonId::next_after(plan.people.iter().map(|p| &p.id));
            let summary = format!("Added {}", person.name);
            plan.people.push(person);
            Ok(summary)
        }
        Command::UpdatePerson(updated) => {
            let current = plan
                .people
                .iter_mut()
                .find(|person| person.id == updated.id)
                .ok_or(CommandError::NoSuchPerson(updated.id))?;
            *current = updated.clone();
            Ok(format!("Changed {}", updated.name))
        }
        Command::RemovePerson {
            person,
            reassign_to,
        } => remove_person(plan, *person, *reassign_to),
        Command::AddAllocation(allocation) => {
            let mut allocation = allocation.clone();
            allocation.id = AllocationId::next_after(plan.allocations.iter().map(|a| &a.id));
            check_allocation(plan, &allocation, None)?;
            let summary = format!("Allocated {}", describe_allocation(plan, &allocation));
            plan.allocations.push(allocation);
            Ok(summary)
        }
        Command::UpdateAllocation(updated) => {
            let index = plan
                .allocations
                .iter()
                .position(|allocation| allocation.id == updated.id)
                .ok_or(CommandError::NoSuchAllocation(updated.id))?;
            check_allocation(plan, updated, Some(&plan.allocations[index]))?;
            let before = &plan.allocations[index];
            let verb = if matches!(before.assignee, Assignee::Placeholder { .. })
                && matches!(updated.assignee, Assignee::Person(_))
            {
                "Staffed"
            } else if before.assignee != updated.assignee || before.first_week != updated.first_week
            {
                "Moved"
            } else if before.last_week != updated.last_week {
                "Resized"
            } else {
                "Changed"
            };
            let summary = format!("{verb} {}", describe_allocation(plan, updated));
            plan.allocations[index] = updated.clone();
            Ok(summary)
        }
        Command::RemoveAllocation(id) => {
            let index = plan
                .allocations
                .iter()
                .position(|allocation| allocation.id == *id)
                .ok_or(CommandError::NoSuchAllocation(*id))?;
            let removed = plan.allocations.remove(index);
            Ok(format!("Removed {}", describe_allocation(plan, &removed)))
        }
        Command::AddScenario {
            name,
            activity,
            allocations,
        } => {
            let scenario = ScenarioId::next_after(plan.scenarios.iter().map(|s| &s.id));
            plan.scenarios.push(Scenario {
                id: scenario,
                name: name.trim().to_string(),
            });
            let for_activity = match activity {
                Some(activity) => {
                    let mut activity = activity.clone();
                    activity.id = ActivityId::next_after(plan.activities.iter().map(|a| &a.id));
                    activity.commitment = Commitment::Tentative;
                    activity.status_history = vec![StatusChange {
                        date: today,
                        status: activity.status,
                    }];
                    let id = activity.id;
                    plan.activities.push(activity);
                    Some(id)
                }
                None => None,
            };
            for allocation in allocations {
                let mut allocation = allocation.clone();
                allocation.id = AllocationId::next_after(plan.allocations.iter().map(|a| &a.id));
                allocation.activity = for_activity.unwrap_or(allocation.activity);
                allocation.commitment = Commitment::Tentative;
                allocation.scenario = Some(scenario);
                check_allocation(plan, &allocation, None)?;
                plan.allocations.push(allocation);
            }
            Ok(format!(
                "Added the scenario '{}' with {}",
                name.trim(),
                count_of(
                    allocations.len(),
                    "tentative allocation",
                    "tentative allocations"
                )
            ))
        }
        Command::RenameScenario { scenario, name } => {
            let found = scenario_mut(plan, *scenario)?;
            found.name = name.trim().to_string();
            Ok(format!("Renamed the scenario to '{}'", found.name))
        }
        Command::RemoveScenario(id) => {
            let name = scenario_mut(plan, *id)?.name.clone();
            plan.scenarios.retain(|scenario| scenario.id != *id);
            let before = plan.allocations.len();
            plan.allocations
                .retain(|allocation| allocation.scenario != Some(*id));
            let mut summary = format!(
                "Removed the scenario '{name}' and its {}",
                count_of(before - plan.allocations.len(), "allocation", "allocations")
            );
            // Its hires go too; work given to them stays, as placeholders.
            let hires: Vec<RoleId> = plan
                .roles
                .iter()
                .filter(|role| role.scenario == Some(*id))
                .map(|role| role.id)
                .collect();
            for role in &hires {
                roles::remove_role(plan, *role)?;
            }
            if !hires.is_empty() {
                summary.push_str(&format!(
                    " and {}",
                    count_of(hires.len(), "open role", "open roles")
                ));
            }
            Ok(summary)
        }
        Command::ConfirmScenario(id) => {
            let name = scenario_mut(plan, *id)?.name.clone();
            plan.scenarios.retain(|scenario| scenario.id != *id);
            let mut activities: Vec<ActivityId> = Vec::new();
            for allocation in &mut plan.allocations {
                if allocation.scenario == Some(*id) {
                    allocation.scenario = None;
                    allocation.commitment = Commitment::Confirmed;
                    activities.push(allocation.activity);
                }
            }
            for activity in &mut plan.activities {
                if activities.contains(&activity.id) {
                    activity.commitment = Commitment::Confirmed;
                }
            }
            // A deal with work in the scenario is won, with all its work.
            let deals: Vec<ActivityId> = plan
                .activities
                .iter()
                .filter(|activity| activity.deal.is_some() && activities.contains(&activity.id))
                .map(|activity| activity.id)
                .collect();
            for deal in deals {
                book::confirm(plan, deal, today);
            }
            // Its hires are now part of the plan.
            for role in &mut plan.roles {
                if role.scenario == Some(*id) {
                    role.scenario = None;
                }
            }
            Ok(format!("Confirmed '{name}': its work is now in the plan"))
        }
        Command::WinDeal(id) => book::win_deal(plan, *id, today),
        Command::LoseDeal(id) => book::lose_deal(plan, *id),
        Command::ScenarioFromDeals { name, deals } => book::scenario_from_deals(plan, name, deals),
        Command::SetScope { activity, scope } => book::set_scope(plan, *activity, *scope),
        Command::PinPriority { activity, position } => {
            let title = activity_mut(plan, *activity)?.title.clone();
            plan.priority_pins.retain(|pin| pin.activity != *activity);
            match position {
                None => Ok(format!("Unpinned '{title}'")),
                Some(position) => {
                    let position = (*position).max(1);
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
                    pins.push(PriorityPin {
                        activity: *activity,
                        position,
                    });
                    plan.priority_pins = pins;
                    Ok(format!("Pinned '{title}' at position {position}"))
                }
            }
        }
        Command::AddCheckIn(checkin) => {
            let mut checkin = checkin.clone();
            checkin.id = CheckInId::next_after(plan.checkins.iter().map(|c| &c.id));
            let summary = format!(
                "Saved the check-in of {} ({})",
                checkin.date,
                count_of(checkin.entries.len(), "initiative", "initiatives")
            );
            plan.checkins.push(checkin);
            Ok(summary)
        }
        Command::DecideDecision { checkin, index, on } => {
            let checkin = plan
                .checkins
                .iter_mut()
                .find(|candidate| candidate.id == *checkin)
                .ok_or(CommandError::NoSuchCheckIn(*checkin))?;
            let decision = checkin
                .decisions
                .get_mut(*index)
                .ok_or(CommandError::NoSuchDecision)?;
            decision.decided_on = *on;
            Ok(match on {
                Some(date) => format!("Decided on {date}: {}", decision.text),
                None => format!("Reopened: {}", decision.text),
            })
        }
        Command::SetPersonRates {
            person,
            employment,
            cost_rate,
            billable_target,
        } => roles::set_person_rates(plan, *person, *employment, *cost_rate, *billable_target),
        Command::SetBilling {
            activity,
            billable,
            billing,
            budget_hours,
        } => roles::set_billing(plan, *activity, *billable, *billing, *budget_hours),
        Command::SetRaci {
            activity,
            person,
            role,
        } => roles::set_raci(plan, *activity, *person, *role),
        Command::AddRole(role) => roles::add_role(plan, role),
        Command::UpdateRole(role) => roles::update_role(plan, role),
        Command::RemoveRole(id) => roles::remove_role(plan, *id),
        Command::FillRole {
            role,
            name,
            start_date,
        } => roles::fill_role(plan, *role, name, *start_date),
        Command::AddCadence(cadence) => roles::add_cadence(plan, cadence),
        Command::UpdateCadence(cadence) => roles::update_cadence(plan, cadence),
        Command::RemoveCadence(id) => roles::remove_cadence(plan, *id),
        Command::Batch { commands, summary } => {
            for command in commands {
                edit(plan, command, today)?;
            }
            Ok(summary.clone())
        }
        Command::ReplacePlan(replacement) => {
            if replacement.client_copy && !plan.client_copy {
                return Err(CommandError::ClientCopyOverFullPlan);
            }
            let id = plan.id;
            *plan = (**replacement).clone();
            plan.id = id;
            Ok(format!("Replaced the plan with '{}'", plan.name))
        }
        Command::Merge {
            plan: merged,
            changes,
            source,
        } => {
            if merged.client_copy && !plan.client_copy {
                return Err(CommandError::ClientCopyOverFullPlan);
            }
            let id = plan.id;
            *plan = (**merged).clone();
            plan.id = id;
            let plural = if *changes == 1 { "" } else { "s" };
            Ok(format!("Took {changes} change{plural} from '{source}'"))
        }
    }
}

fn scenario_mut(plan: &mut Plan, id: ScenarioId) -> Result<&mut Scenario, CommandError> {
    plan.scenarios
        .iter_mut()
        .find(|scenario| scenario.id == id)
        .ok_or(CommandError::NoSuchScenario(id))
}

/// The rules an allocation being placed must keep, beyond the plan's own:
/// inside the horizon, and while its person works here. Work already under
/// way when the horizon moved on may keep its first week (`before` is the
/// allocation as it was), so it can still be shortened, staffed or changed.
fn check_allocation(
    plan: &Plan,
    allocation: &Allocation,
    before: Option<&Allocation>,
) -> Result<(), CommandError> {
    let refuse = |field: &str, message: String| {
        Err(CommandError::Invalid(validate::Finding {
            severity: validate::Severity::Error,
            path: format!("allocations[{}].{field}", allocation.id),
            message,
        }))
    };
    let horizon = plan.horizon;
    let kept_start = before.is_some_and(|before| {
        before.first_week == allocation.first_week && allocation.first_week < horizon.start
    });
    let first_ok = horizon.contains(allocation.first_week) || kept_start;
    if !first_ok || !horizon.contains(allocation.last_week) {
        return refuse(
            "first_week",
            format!(
                "the allocation must lie inside the horizon, {} to {}",
                horizon.start,
                horizon.end().plus_weeks(-1)
            ),
        );
    }
    if let Assignee::Role(id) = allocation.assignee {
        let role = plan.role(id).ok_or(CommandError::NoSuchRole(id))?;
        if role.status == RoleStatus::Filled {
            return refuse(
                "open_role",
                format!(
                    "the role '{}' is filled: allocate the person who filled it",
                    role.title
                ),
            );
        }
        if allocation.first_week < Week::containing(role.start_date) && !kept_start {
            return refuse(
                "first_week",
                format!(
                    "the {} only starts on {}",
                    role.title,
                    medium_date(role.start_date)
                ),
            );
        }
    }
    if let Assignee::Person(id) = allocation.assignee {
        let person = plan.person(id).ok_or(CommandError::NoSuchPerson(id))?;
        if let Some(start) = person.start_date {
            if allocation.first_week < Week::containing(start) {
                return refuse(
                    "first_week",
                    format!("{} only starts on {}", person.name, medium_date(start)),
                );
            }
        }
        if let Some(end) = person.end_date {
            if allocation.last_week > Week::containing(end) {
                return refuse(
                    "last_week",
                    format!("{} leaves on {}", person.name, medium_date(end)),
                );
            }
        }
    }
    Ok(())
}

/// "Ben Ortiz on 'Landing zone', 16 h a week, 2026-W49 to 2026-W52
/// (tentative)", for summaries and screen readers.
fn describe_allocation(plan: &Plan, allocation: &Allocation) -> String {
    let who = match &allocation.assignee {
        Assignee::Person(person) => plan.person_name(*person),
        Assignee::Placeholder { role, .. } => format!("an unstaffed {role}"),
        Assignee::Role(role) => format!("the open role {}", plan.role_title(*role)),
    };
    let weeks = if allocation.first_week == allocation.last_week {
        format!("in {}", allocation.first_week)
    } else {
        format!("{} to {}", allocation.first_week, allocation.last_week)
    };
    let tentative = match allocation.commitment {
        Commitment::Tentative => " (tentative)",
        Commitment::Confirmed => "",
    };
    format!(
        "{who} on '{}', {} h a week, {weeks}{tentative}",
        plan.activity_title(allocation.activity),
        allocation.hours_per_week
    )
}

fn activity_mut(plan: &mut Plan, id: ActivityId) -> Result<&mut Activity, CommandError> {
    plan.activities
        .iter_mut()
        .find(|activity| activity.id == id)
        .ok_or(CommandError::NoSuchActivity(id))
}

fn remove_person(
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

#[cfg(test)]
mod tests;
