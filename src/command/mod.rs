//! Every edit to a plan, as a command the core applies and validates.
//!
//! A drop on the board, a key press and a form all build a [`Command`]; the
//! view never changes the plan itself. [`apply`] returns the new plan or an
//! error a planner can read, and [`History`] keeps the plans before and after
//! so undo and redo work for every edit.

mod activities;
mod allocations;
mod book;
mod checkins;
pub mod draft;
pub mod history;
pub mod import;
mod people;
mod plan_edits;
mod roles;
mod scenarios;
mod skills;

pub use history::History;

use chrono::NaiveDate;

use crate::engine::validate;
use crate::model::{
    Activity, ActivityId, Allocation, AllocationId, Billing, Cadence, CadenceId, CheckIn,
    CheckInId, Employment, Holiday, Horizon, MetricId, OpenRole, Person, PersonId, Plan, RaciRole,
    Resources, RiskSettings, RoleId, ScenarioId, Scope, Skill, SkillId, Status, StrategicGoal,
    SuccessMetric, Weekday,
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

/// Makes the edit `command` asks for on `plan` and says what it did; each
/// edit is in the file of what it edits.
fn edit(plan: &mut Plan, command: &Command, today: NaiveDate) -> Result<String, CommandError> {
    match command {
        Command::RenamePlan(name) => plan_edits::rename_plan(plan, name),
        Command::SetGoal(goal) => plan_edits::set_goal(plan, goal),
        Command::SetHorizon(horizon) => plan_edits::set_horizon(plan, *horizon),
        Command::SetReviewWeekday(day) => plan_edits::set_review_weekday(plan, *day),
        Command::SetHolidays(holidays) => plan_edits::set_holidays(plan, holidays),
        Command::SetRiskSettings(settings) => plan_edits::set_risk_settings(plan, *settings),
        Command::SetResources(resources) => plan_edits::set_resources(plan, resources),
        Command::AddMetric(metric) => plan_edits::add_metric(plan, metric),
        Command::UpdateMetric(updated) => plan_edits::update_metric(plan, updated),
        Command::RemoveMetric(id) => plan_edits::remove_metric(plan, *id),
        Command::AddActivity(activity) => activities::add_activity(plan, activity, today),
        Command::UpdateActivity(updated) => activities::update_activity(plan, updated, today),
        Command::DeleteActivity(id) => activities::delete_activity(plan, *id),
        Command::SetOwner { activity, owner } => activities::set_owner(plan, *activity, *owner),
        Command::SetSkillLevel {
            person,
            skill,
            level,
        } => skills::set_skill_level(plan, *person, *skill, *level),
        Command::AddSkill(skill) => skills::add_skill(plan, skill),
        Command::UpdateSkill(updated) => skills::update_skill(plan, updated),
        Command::RemoveSkill(id) => skills::remove_skill(plan, *id),
        Command::SetStatus { activity, status } => {
            activities::set_status(plan, *activity, *status, today)
        }
        Command::AddPerson(person) => people::add_person(plan, person),
        Command::UpdatePerson(updated) => people::update_person(plan, updated),
        Command::RemovePerson {
            person,
            reassign_to,
        } => people::remove_person(plan, *person, *reassign_to),
        Command::AddAllocation(allocation) => allocations::add_allocation(plan, allocation),
        Command::UpdateAllocation(updated) => allocations::update_allocation(plan, updated),
        Command::RemoveAllocation(id) => allocations::remove_allocation(plan, *id),
        Command::AddScenario {
            name,
            activity,
            allocations,
        } => scenarios::add_scenario(plan, name, activity.as_ref(), allocations, today),
        Command::RenameScenario { scenario, name } => {
            scenarios::rename_scenario(plan, *scenario, name)
        }
        Command::RemoveScenario(id) => scenarios::remove_scenario(plan, *id),
        Command::ConfirmScenario(id) => scenarios::confirm_scenario(plan, *id, today),
        Command::WinDeal(id) => book::win_deal(plan, *id, today),
        Command::LoseDeal(id) => book::lose_deal(plan, *id),
        Command::ScenarioFromDeals { name, deals } => book::scenario_from_deals(plan, name, deals),
        Command::SetScope { activity, scope } => book::set_scope(plan, *activity, *scope),
        Command::PinPriority { activity, position } => {
            activities::pin_priority(plan, *activity, *position)
        }
        Command::AddCheckIn(checkin) => checkins::add_checkin(plan, checkin),
        Command::DecideDecision { checkin, index, on } => {
            checkins::decide_decision(plan, *checkin, *index, *on)
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
        Command::ReplacePlan(replacement) => plan_edits::replace_plan(plan, replacement),
        Command::Merge {
            plan: merged,
            changes,
            source,
        } => plan_edits::merge(plan, merged, *changes, source),
    }
}

#[cfg(test)]
mod tests;
