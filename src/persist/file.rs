//! The current version of the plan file format ([`super::CURRENT_VERSION`]):
//! the types written and the reader. Older versions are brought up to this
//! one by `super::migrate` before they are read, so this is the only reader.
//! A change to these types is a new format version with a migration.
//!
//! Lists are written in id order and every field is written (absent values
//! as `null`; only a person's email is left out when they have none, so a
//! plan without emails stays as small as before), so two exports of one
//! plan are byte-identical and a plan file in a git repository diffs one
//! field a line.

use serde::Serialize;
use serde_json::Value;

use crate::model::{
    self, ActivityId, AllocationId, CadenceId, CheckInId, MetricId, NaiveDate, PersonId, PlanId,
    RoleId, ScenarioId, SkillId, Week,
};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Plan {
    pub id: PlanId,
    pub name: String,
    pub goal: Goal,
    pub horizon: Horizon,
    pub review_weekday: Weekday,
    pub resources: Resources,
    pub metrics: Vec<Metric>,
    pub holidays: Vec<Holiday>,
    pub skills: Vec<Skill>,
    pub people: Vec<Person>,
    pub activities: Vec<Activity>,
    pub allocations: Vec<Allocation>,
    pub scenarios: Vec<Scenario>,
    pub checkins: Vec<CheckIn>,
    /// The hiring plan (version 3).
    pub roles: Vec<Role>,
    /// The governance rhythm (version 3).
    pub cadences: Vec<Cadence>,
    pub priority_pins: Vec<PriorityPin>,
    pub settings: Settings,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Goal {
    pub outcome: String,
    pub metric_name: String,
    pub baseline: f64,
    pub target: f64,
    pub unit: String,
    pub target_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Horizon {
    pub start: Week,
    pub weeks: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Resources {
    pub budget: Option<f64>,
    pub currency: String,
    pub headcount_note: String,
    pub tooling: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Metric {
    pub id: MetricId,
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    pub current: f64,
    pub direction: Direction,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Skill {
    pub id: SkillId,
    pub name: String,
    pub category: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    /// Their work email address (version 5); left out when they have none.
    #[serde(skip_serializing_if = "String::is_empty")]
    #[cfg_attr(
        all(test, not(target_arch = "wasm32")),
        schemars(length(min = 3, max = 254), regex(pattern = r"^[^@\s]+@[^@\s]+$"))
    )]
    pub email: String,
    pub role: String,
    pub team: String,
    pub weekly_hours: f64,
    pub working_days: Vec<Weekday>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub support_hours_per_week: f64,
    pub support_periods: Vec<SupportPeriod>,
    pub leave: Vec<Leave>,
    pub skills: Vec<SkillLevel>,
    pub certifications: Vec<Certification>,
    pub cost_rate: Option<f64>,
    pub employment: Employment,
    /// The billable share of capacity aimed for, 0 to 1 (0.75 is 75 %).
    pub billable_target: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Employment {
    Employee,
    Contractor,
    Partner,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct SupportPeriod {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub hours_per_week: f64,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Leave {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub day_fraction: f64,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct SkillLevel {
    pub skill: SkillId,
    pub level: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Certification {
    pub name: String,
    pub issuer: String,
    pub expires: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Activity {
    pub id: ActivityId,
    pub title: String,
    pub description: String,
    /// `initiative` (the ops plan) or `book` (the firm's book of work);
    /// version 4.
    pub scope: Scope,
    pub owner: Option<PersonId>,
    pub start: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    pub checkin: Option<NaiveDate>,
    pub done_definition: DoneDefinition,
    pub status: Status,
    pub status_history: Vec<StatusChange>,
    pub impact: u8,
    pub effort_hours: f64,
    pub kind: ActivityKind,
    pub client: String,
    pub commitment: Commitment,
    pub depends_on: Vec<ActivityId>,
    pub required_skills: Vec<SkillRequirement>,
    pub required_certifications: Vec<String>,
    pub billable: bool,
    /// A bill rate per hour; an activity has a bill rate, a fixed fee or
    /// neither.
    pub bill_rate: Option<f64>,
    pub fixed_fee: Option<f64>,
    pub budget_hours: Option<f64>,
    pub responsible: Vec<PersonId>,
    pub consulted: Vec<PersonId>,
    pub informed: Vec<PersonId>,
    /// A managed-services contract's recurring hours (version 4).
    pub contract: Option<Contract>,
    /// An unsigned pipeline deal's stage and win probability (version 4).
    pub deal: Option<Deal>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Initiative,
    Book,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Contract {
    /// Hours committed per `period`.
    pub hours: f64,
    pub period: Period,
    pub renewal: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Week,
    Month,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Deal {
    pub stage: DealStage,
    /// The chance of winning, 0 to 1.
    pub probability: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DealStage {
    Lead,
    Qualified,
    Proposal,
    Negotiation,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct DoneDefinition {
    pub text: String,
    pub checklist: Vec<ChecklistItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct ChecklistItem {
    pub text: String,
    pub done: bool,
    pub done_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    InProgress,
    Blocked,
    Done,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct StatusChange {
    pub date: NaiveDate,
    pub status: Status,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    Project,
    ManagedService,
    Support,
    Internal,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Commitment {
    Confirmed,
    Tentative,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct SkillRequirement {
    pub skill: SkillId,
    pub min_level: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Settings {
    pub stale_after_days: u32,
    pub owner_away_share: f64,
    pub overload_share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct PriorityPin {
    pub activity: ActivityId,
    pub position: u32,
}

/// An allocation names one of a `person`, a `placeholder` or an
/// `open_role`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Allocation {
    pub id: AllocationId,
    pub person: Option<PersonId>,
    pub placeholder: Option<Placeholder>,
    pub open_role: Option<RoleId>,
    pub activity: ActivityId,
    pub hours_per_week: f64,
    pub first_week: Week,
    pub last_week: Week,
    pub commitment: Commitment,
    pub scenario: Option<ScenarioId>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Scenario {
    pub id: ScenarioId,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Role {
    pub id: RoleId,
    pub title: String,
    pub team: String,
    pub skills: Vec<SkillLevel>,
    pub weekly_hours: f64,
    pub start_date: NaiveDate,
    pub status: RoleStatus,
    pub cost_rate: Option<f64>,
    pub scenario: Option<ScenarioId>,
    pub filled_by: Option<PersonId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RoleStatus {
    Planned,
    Approved,
    Interviewing,
    Offer,
    Filled,
}

/// A recurring meeting: weekly on `weekday`, or monthly or quarterly on
/// the `nth` (1 to 4) `weekday` of the month (quarterly: of January,
/// April, July and October).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Cadence {
    pub id: CadenceId,
    pub kind: CadenceKind,
    pub title: String,
    pub frequency: Frequency,
    pub weekday: Weekday,
    pub nth: Option<u8>,
    pub owner: Option<PersonId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CadenceKind {
    WeeklyOpsSync,
    MonthlyServiceReview,
    QuarterlyStrategyReview,
    Custom,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Weekly,
    Monthly,
    Quarterly,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Placeholder {
    pub role: String,
    pub skills: Vec<SkillRequirement>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct CheckIn {
    pub id: CheckInId,
    pub date: NaiveDate,
    pub summary: String,
    pub entries: Vec<CheckInEntry>,
    pub decisions: Vec<Decision>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct CheckInEntry {
    pub activity: ActivityId,
    pub moved: String,
    pub blocked: String,
    pub covers_midpoint: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Decision {
    pub text: String,
    pub owner: Option<PersonId>,
    pub due: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
}

impl Plan {
    /// Converts a domain plan into the file's plan, lists in id order.
    pub fn from_model(plan: &model::Plan) -> Plan {
        let mut plan = plan.clone();
        plan.sort_canonically();
        Plan {
            id: plan.id,
            name: plan.name,
            goal: Goal {
                outcome: plan.goal.outcome,
                metric_name: plan.goal.metric_name,
                baseline: plan.goal.baseline,
                target: plan.goal.target,
                unit: plan.goal.unit,
                target_date: plan.goal.target_date,
            },
            horizon: Horizon {
                start: plan.horizon.start,
                weeks: plan.horizon.weeks,
            },
            review_weekday: plan.review_weekday.into(),
            resources: Resources {
                budget: plan.resources.budget,
                currency: plan.resources.currency,
                headcount_note: plan.resources.headcount_note,
                tooling: plan.resources.tooling,
            },
            metrics: plan.metrics.into_iter().map(Into::into).collect(),
            holidays: plan
                .holidays
                .into_iter()
                .map(|holiday| Holiday {
                    date: holiday.date,
                    name: holiday.name,
                })
                .collect(),
            skills: plan
                .skills
                .into_iter()
                .map(|skill| Skill {
                    id: skill.id,
                    name: skill.name,
                    category: skill.category,
                })
                .collect(),
            people: plan.people.into_iter().map(Into::into).collect(),
            activities: plan.activities.into_iter().map(Into::into).collect(),
            allocations: plan.allocations.into_iter().map(Into::into).collect(),
            scenarios: plan
                .scenarios
                .into_iter()
                .map(|scenario| Scenario {
                    id: scenario.id,
                    name: scenario.name,
                })
                .collect(),
            checkins: plan.checkins.into_iter().map(Into::into).collect(),
            roles: plan.roles.into_iter().map(Into::into).collect(),
            cadences: plan.cadences.into_iter().map(Into::into).collect(),
            priority_pins: plan
                .priority_pins
                .into_iter()
                .map(|pin| PriorityPin {
                    activity: pin.activity,
                    position: pin.position,
                })
                .collect(),
            settings: Settings {
                stale_after_days: plan.settings.stale_after_days,
                owner_away_share: plan.settings.owner_away_share,
                overload_share: plan.settings.overload_share,
            },
        }
    }
}

impl From<model::Weekday> for Weekday {
    fn from(day: model::Weekday) -> Self {
        match day {
            model::Weekday::Mon => Weekday::Monday,
            model::Weekday::Tue => Weekday::Tuesday,
            model::Weekday::Wed => Weekday::Wednesday,
            model::Weekday::Thu => Weekday::Thursday,
            model::Weekday::Fri => Weekday::Friday,
            model::Weekday::Sat => Weekday::Saturday,
            model::Weekday::Sun => Weekday::Sunday,
        }
    }
}

impl From<model::SuccessMetric> for Metric {
    fn from(metric: model::SuccessMetric) -> Self {
        Metric {
            id: metric.id,
            name: metric.name,
            unit: metric.unit,
            baseline: metric.baseline,
            target: metric.target,
            current: metric.current,
            direction: match metric.direction {
                model::Direction::HigherIsBetter => Direction::HigherIsBetter,
                model::Direction::LowerIsBetter => Direction::LowerIsBetter,
            },
        }
    }
}

impl From<model::Person> for Person {
    fn from(person: model::Person) -> Self {
        Person {
            id: person.id,
            name: person.name,
            email: person.email,
            role: person.role,
            team: person.team,
            weekly_hours: person.weekly_hours,
            working_days: person.working_days.into_iter().map(Into::into).collect(),
            start_date: person.start_date,
            end_date: person.end_date,
            support_hours_per_week: person.support_hours_per_week,
            support_periods: person
                .support_periods
                .into_iter()
                .map(|period| SupportPeriod {
                    start: period.start,
                    end: period.end,
                    hours_per_week: period.hours_per_week,
                    note: period.note,
                })
                .collect(),
            leave: person
                .leave
                .into_iter()
                .map(|leave| Leave {
                    start: leave.start,
                    end: leave.end,
                    day_fraction: leave.day_fraction,
                    note: leave.note,
                })
                .collect(),
            skills: person
                .skills
                .into_iter()
                .map(|held| SkillLevel {
                    skill: held.skill,
                    level: held.level,
                })
                .collect(),
            certifications: person
                .certifications
                .into_iter()
                .map(|certification| Certification {
                    name: certification.name,
                    issuer: certification.issuer,
                    expires: certification.expires,
                })
                .collect(),
            cost_rate: person.cost_rate,
            employment: match person.employment {
                model::Employment::Employee => Employment::Employee,
                model::Employment::Contractor => Employment::Contractor,
                model::Employment::Partner => Employment::Partner,
            },
            billable_target: person.billable_target,
        }
    }
}

impl From<model::OpenRole> for Role {
    fn from(role: model::OpenRole) -> Self {
        Role {
            id: role.id,
            title: role.title,
            team: role.team,
            skills: role
                .skills
                .into_iter()
                .map(|held| SkillLevel {
                    skill: held.skill,
                    level: held.level,
                })
                .collect(),
            weekly_hours: role.weekly_hours,
            start_date: role.start_date,
            status: match role.status {
                model::RoleStatus::Planned => RoleStatus::Planned,
                model::RoleStatus::Approved => RoleStatus::Approved,
                model::RoleStatus::Interviewing => RoleStatus::Interviewing,
                model::RoleStatus::Offer => RoleStatus::Offer,
                model::RoleStatus::Filled => RoleStatus::Filled,
            },
            cost_rate: role.cost_rate,
            scenario: role.scenario,
            filled_by: role.filled_by,
        }
    }
}

impl From<model::Cadence> for Cadence {
    fn from(cadence: model::Cadence) -> Self {
        Cadence {
            id: cadence.id,
            kind: match cadence.kind {
                model::CadenceKind::WeeklyOpsSync => CadenceKind::WeeklyOpsSync,
                model::CadenceKind::MonthlyServiceReview => CadenceKind::MonthlyServiceReview,
                model::CadenceKind::QuarterlyStrategyReview => CadenceKind::QuarterlyStrategyReview,
                model::CadenceKind::Custom => CadenceKind::Custom,
            },
            title: cadence.title,
            frequency: match cadence.frequency {
                model::Frequency::Weekly => Frequency::Weekly,
                model::Frequency::Monthly => Frequency::Monthly,
                model::Frequency::Quarterly => Frequency::Quarterly,
            },
            weekday: cadence.weekday.into(),
            nth: cadence.nth,
            owner: cadence.owner,
        }
    }
}

impl From<model::Status> for Status {
    fn from(status: model::Status) -> Self {
        match status {
            model::Status::NotStarted => Status::NotStarted,
            model::Status::InProgress => Status::InProgress,
            model::Status::Blocked => Status::Blocked,
            model::Status::Done => Status::Done,
        }
    }
}

impl From<model::Commitment> for Commitment {
    fn from(commitment: model::Commitment) -> Self {
        match commitment {
            model::Commitment::Confirmed => Commitment::Confirmed,
            model::Commitment::Tentative => Commitment::Tentative,
        }
    }
}

impl From<model::SkillRequirement> for SkillRequirement {
    fn from(requirement: model::SkillRequirement) -> Self {
        SkillRequirement {
            skill: requirement.skill,
            min_level: requirement.min_level,
        }
    }
}

impl From<model::Activity> for Activity {
    fn from(activity: model::Activity) -> Self {
        Activity {
            id: activity.id,
            title: activity.title,
            description: activity.description,
            scope: match activity.scope {
                model::Scope::Initiative => Scope::Initiative,
                model::Scope::Book => Scope::Book,
            },
            owner: activity.owner,
            start: activity.start,
            deadline: activity.deadline,
            checkin: activity.checkin,
            done_definition: DoneDefinition {
                text: activity.done_definition.text,
                checklist: activity
                    .done_definition
                    .checklist
                    .into_iter()
                    .map(|item| ChecklistItem {
                        text: item.text,
                        done: item.done,
                        done_on: item.done_on,
                    })
                    .collect(),
            },
            status: activity.status.into(),
            status_history: activity
                .status_history
                .into_iter()
                .map(|change| StatusChange {
                    date: change.date,
                    status: change.status.into(),
                })
                .collect(),
            impact: activity.impact,
            effort_hours: activity.effort_hours,
            kind: match activity.kind {
                model::ActivityKind::Project => ActivityKind::Project,
                model::ActivityKind::ManagedService => ActivityKind::ManagedService,
                model::ActivityKind::Support => ActivityKind::Support,
                model::ActivityKind::Internal => ActivityKind::Internal,
            },
            client: activity.client,
            commitment: activity.commitment.into(),
            depends_on: activity.depends_on,
            required_skills: activity
                .required_skills
                .into_iter()
                .map(Into::into)
                .collect(),
            required_certifications: activity.required_certifications,
            billable: activity.billable,
            bill_rate: match activity.billing {
                model::Billing::Hourly { rate } => Some(rate),
                _ => None,
            },
            fixed_fee: match activity.billing {
                model::Billing::FixedFee { amount } => Some(amount),
                _ => None,
            },
            budget_hours: activity.budget_hours,
            responsible: activity.responsible,
            consulted: activity.consulted,
            informed: activity.informed,
            contract: activity.contract.map(|contract| Contract {
                hours: contract.hours,
                period: match contract.period {
                    model::Period::Week => Period::Week,
                    model::Period::Month => Period::Month,
                },
                renewal: contract.renewal,
            }),
            deal: activity.deal.map(|deal| Deal {
                stage: match deal.stage {
                    model::DealStage::Lead => DealStage::Lead,
                    model::DealStage::Qualified => DealStage::Qualified,
                    model::DealStage::Proposal => DealStage::Proposal,
                    model::DealStage::Negotiation => DealStage::Negotiation,
                },
                probability: deal.probability,
            }),
        }
    }
}

impl From<model::Allocation> for Allocation {
    fn from(allocation: model::Allocation) -> Self {
        let (person, placeholder, open_role) = match allocation.assignee {
            model::Assignee::Person(person) => (Some(person), None, None),
            model::Assignee::Placeholder { role, skills } => (
                None,
                Some(Placeholder {
                    role,
                    skills: skills.into_iter().map(Into::into).collect(),
                }),
                None,
            ),
            model::Assignee::Role(role) => (None, None, Some(role)),
        };
        Allocation {
            id: allocation.id,
            person,
            placeholder,
            open_role,
            activity: allocation.activity,
            hours_per_week: allocation.hours_per_week,
            first_week: allocation.first_week,
            last_week: allocation.last_week,
            commitment: allocation.commitment.into(),
            scenario: allocation.scenario,
        }
    }
}

impl From<model::CheckIn> for CheckIn {
    fn from(checkin: model::CheckIn) -> Self {
        CheckIn {
            id: checkin.id,
            date: checkin.date,
            summary: checkin.summary,
            entries: checkin
                .entries
                .into_iter()
                .map(|entry| CheckInEntry {
                    activity: entry.activity,
                    moved: entry.moved,
                    blocked: entry.blocked,
                    covers_midpoint: entry.covers_midpoint,
                })
                .collect(),
            decisions: checkin
                .decisions
                .into_iter()
                .map(|decision| Decision {
                    text: decision.text,
                    owner: decision.owner,
                    due: decision.due,
                    decided_on: decision.decided_on,
                })
                .collect(),
        }
    }
}

// Reading. Field lists double as the "unknown field" check; they must name
// every field of the structs above.

use super::read::{item_at, parsed, text, Object, Read};

const PLAN_FIELDS: &[&str] = &[
    "id",
    "name",
    "goal",
    "horizon",
    "review_weekday",
    "resources",
    "metrics",
    "holidays",
    "skills",
    "people",
    "activities",
    "allocations",
    "scenarios",
    "checkins",
    "roles",
    "cadences",
    "priority_pins",
    "settings",
];
const WEEKDAYS: &[(&str, model::Weekday)] = &[
    ("monday", model::Weekday::Mon),
    ("tuesday", model::Weekday::Tue),
    ("wednesday", model::Weekday::Wed),
    ("thursday", model::Weekday::Thu),
    ("friday", model::Weekday::Fri),
    ("saturday", model::Weekday::Sat),
    ("sunday", model::Weekday::Sun),
];
const STATUSES: &[(&str, model::Status)] = &[
    ("not_started", model::Status::NotStarted),
    ("in_progress", model::Status::InProgress),
    ("blocked", model::Status::Blocked),
    ("done", model::Status::Done),
];
const KINDS: &[(&str, model::ActivityKind)] = &[
    ("project", model::ActivityKind::Project),
    ("managed_service", model::ActivityKind::ManagedService),
    ("support", model::ActivityKind::Support),
    ("internal", model::ActivityKind::Internal),
];
const SCOPES: &[(&str, model::Scope)] = &[
    ("initiative", model::Scope::Initiative),
    ("book", model::Scope::Book),
];
const PERIODS: &[(&str, model::Period)] = &[
    ("week", model::Period::Week),
    ("month", model::Period::Month),
];
const DEAL_STAGES: &[(&str, model::DealStage)] = &[
    ("lead", model::DealStage::Lead),
    ("qualified", model::DealStage::Qualified),
    ("proposal", model::DealStage::Proposal),
    ("negotiation", model::DealStage::Negotiation),
];
const COMMITMENTS: &[(&str, model::Commitment)] = &[
    ("confirmed", model::Commitment::Confirmed),
    ("tentative", model::Commitment::Tentative),
];
const EMPLOYMENTS: &[(&str, model::Employment)] = &[
    ("employee", model::Employment::Employee),
    ("contractor", model::Employment::Contractor),
    ("partner", model::Employment::Partner),
];
const ROLE_STATUSES: &[(&str, model::RoleStatus)] = &[
    ("planned", model::RoleStatus::Planned),
    ("approved", model::RoleStatus::Approved),
    ("interviewing", model::RoleStatus::Interviewing),
    ("offer", model::RoleStatus::Offer),
    ("filled", model::RoleStatus::Filled),
];
const CADENCE_KINDS: &[(&str, model::CadenceKind)] = &[
    ("weekly_ops_sync", model::CadenceKind::WeeklyOpsSync),
    (
        "monthly_service_review",
        model::CadenceKind::MonthlyServiceReview,
    ),
    (
        "quarterly_strategy_review",
        model::CadenceKind::QuarterlyStrategyReview,
    ),
    ("custom", model::CadenceKind::Custom),
];
const FREQUENCIES: &[(&str, model::Frequency)] = &[
    ("weekly", model::Frequency::Weekly),
    ("monthly", model::Frequency::Monthly),
    ("quarterly", model::Frequency::Quarterly),
];
const DIRECTIONS: &[(&str, model::Direction)] = &[
    ("higher_is_better", model::Direction::HigherIsBetter),
    ("lower_is_better", model::Direction::LowerIsBetter),
];
const ID: &str = "an id such as \"act-1\"";
const WEEK: &str = "an ISO week such as \"2026-W48\"";

/// Reads the `plan` of a file of the current version.
pub fn read_plan(value: &Value) -> Read<model::Plan> {
    let plan = Object::new(value, "plan", PLAN_FIELDS)?;
    let goal = plan.object(
        "goal",
        &[
            "outcome",
            "metric_name",
            "baseline",
            "target",
            "unit",
            "target_date",
        ],
    )?;
    let horizon = plan.object("horizon", &["start", "weeks"])?;
    let resources = plan.optional_object(
        "resources",
        &["budget", "currency", "headcount_note", "tooling"],
    )?;
    Ok(model::Plan {
        id: plan.parsed("id", "a plan id such as \"plan-1\"")?,
        name: plan.string("name")?,
        goal: model::StrategicGoal {
            outcome: goal.string("outcome")?,
            metric_name: goal.string_or_empty("metric_name")?,
            baseline: goal.number_or("baseline", 0.0)?,
            target: goal.number_or("target", 0.0)?,
            unit: goal.string_or_empty("unit")?,
            target_date: goal.optional_date("target_date")?,
        },
        horizon: model::Horizon {
            start: horizon.parsed("start", WEEK)?,
            weeks: horizon.whole("weeks", u32::MAX.into())? as u32,
        },
        review_weekday: plan.choice("review_weekday", WEEKDAYS)?,
        resources: match resources {
            None => model::Resources::default(),
            Some(resources) => model::Resources {
                budget: resources.optional_number("budget")?,
                currency: resources.string_or_empty("currency")?,
                headcount_note: resources.string_or_empty("headcount_note")?,
                tooling: resources.list("tooling", |value, path| item_at(path, text(value)))?,
            },
        },
        metrics: plan.list("metrics", |value, path| {
            let metric = Object::new(
                value,
                path,
                &[
                    "id",
                    "name",
                    "unit",
                    "baseline",
                    "target",
                    "current",
                    "direction",
                ],
            )?;
            Ok(model::SuccessMetric {
                id: metric.parsed("id", ID)?,
                name: metric.string("name")?,
                unit: metric.string_or_empty("unit")?,
                baseline: metric.number("baseline")?,
                target: metric.number("target")?,
                current: metric.number("current")?,
                direction: metric.choice("direction", DIRECTIONS)?,
            })
        })?,
        holidays: plan.list("holidays", |value, path| {
            let holiday = Object::new(value, path, &["date", "name"])?;
            Ok(model::Holiday {
                date: holiday.date("date")?,
                name: holiday.string_or_empty("name")?,
            })
        })?,
        skills: plan.list("skills", |value, path| {
            let skill = Object::new(value, path, &["id", "name", "category"])?;
            Ok(model::Skill {
                id: skill.parsed("id", ID)?,
                name: skill.string("name")?,
                category: skill.string_or_empty("category")?,
            })
        })?,
        people: plan.list("people", read_person)?,
        activities: plan.list("activities", read_activity)?,
        allocations: plan.list("allocations", read_allocation)?,
        scenarios: plan.list("scenarios", |value, path| {
            let scenario = Object::new(value, path, &["id", "name"])?;
            Ok(model::Scenario {
                id: scenario.parsed("id", ID)?,
                name: scenario.string("name")?,
            })
        })?,
        checkins: plan.list("checkins", read_checkin)?,
        roles: plan.list("roles", read_role)?,
        cadences: plan.list("cadences", read_cadence)?,
        settings: match plan.optional_object(
            "settings",
            &["stale_after_days", "owner_away_share", "overload_share"],
        )? {
            None => model::RiskSettings::default(),
            Some(settings) => {
                let defaults = model::RiskSettings::default();
                model::RiskSettings {
                    stale_after_days: settings
                        .optional_whole("stale_after_days", 366)?
                        .map_or(defaults.stale_after_days, |days| days as u32),
                    owner_away_share: settings
                        .number_or("owner_away_share", defaults.owner_away_share)?,
                    overload_share: settings
                        .number_or("overload_share", defaults.overload_share)?,
                }
            }
        },
        priority_pins: plan.list("priority_pins", |value, path| {
            let pin = Object::new(value, path, &["activity", "position"])?;
            Ok(model::PriorityPin {
                activity: pin.parsed("activity", ID)?,
                position: pin.whole("position", u32::MAX.into())? as u32,
            })
        })?,
        // Set from the envelope's profile and origin by `decode`.
        client_copy: false,
        lineage: None,
    })
}

fn read_requirement(value: &Value, path: &str) -> Read<model::SkillRequirement> {
    let requirement = Object::new(value, path, &["skill", "min_level"])?;
    Ok(model::SkillRequirement {
        skill: requirement.parsed("skill", ID)?,
        min_level: requirement.whole("min_level", u8::MAX.into())? as u8,
    })
}

fn read_person(value: &Value, path: &str) -> Read<model::Person> {
    let person = Object::new(
        value,
        path,
        &[
            "id",
            "name",
            "email",
            "role",
            "team",
            "weekly_hours",
            "working_days",
            "start_date",
            "end_date",
            "support_hours_per_week",
            "support_periods",
            "leave",
            "skills",
            "certifications",
            "cost_rate",
            "employment",
            "billable_target",
        ],
    )?;
    Ok(model::Person {
        id: person.parsed("id", ID)?,
        name: person.string("name")?,
        email: person.string_or_empty("email")?,
        role: person.string_or_empty("role")?,
        team: person.string_or_empty("team")?,
        weekly_hours: person.number("weekly_hours")?,
        working_days: person.list("working_days", |value, path| {
            let day = item_at(path, text(value))?;
            let known = WEEKDAYS.iter().find(|(name, _)| *name == day);
            item_at(
                path,
                known.map(|(_, day)| *day).ok_or_else(|| {
                    let day = super::read::shown(&day);
                    format!("\"{day}\" is not a weekday: use monday to sunday")
                }),
            )
        })?,
        start_date: person.optional_date("start_date")?,
        end_date: person.optional_date("end_date")?,
        support_hours_per_week: person.number_or("support_hours_per_week", 0.0)?,
        support_periods: person.list("support_periods", |value, path| {
            let period = Object::new(value, path, &["start", "end", "hours_per_week", "note"])?;
            Ok(model::SupportPeriod {
                start: period.date("start")?,
                end: period.date("end")?,
                hours_per_week: period.number("hours_per_week")?,
                note: period.string_or_empty("note")?,
            })
        })?,
        leave: person.list("leave", |value, path| {
            let leave = Object::new(value, path, &["start", "end", "day_fraction", "note"])?;
            Ok(model::Leave {
                start: leave.date("start")?,
                end: leave.date("end")?,
                day_fraction: leave.number_or("day_fraction", 1.0)?,
                note: leave.string_or_empty("note")?,
            })
        })?,
        skills: person.list("skills", |value, path| {
            let held = Object::new(value, path, &["skill", "level"])?;
            Ok(model::SkillLevel {
                skill: held.parsed("skill", ID)?,
                level: held.whole("level", u8::MAX.into())? as u8,
            })
        })?,
        certifications: person.list("certifications", |value, path| {
            let certification = Object::new(value, path, &["name", "issuer", "expires"])?;
            Ok(model::Certification {
                name: certification.string("name")?,
                issuer: certification.string_or_empty("issuer")?,
                expires: certification.optional_date("expires")?,
            })
        })?,
        cost_rate: person.optional_number("cost_rate")?,
        employment: match person.string_or_empty("employment")?.as_str() {
            // Files written by hand may leave it out.
            "" => model::Employment::Employee,
            _ => person.choice("employment", EMPLOYMENTS)?,
        },
        billable_target: person.optional_number("billable_target")?,
    })
}

fn read_role(value: &Value, path: &str) -> Read<model::OpenRole> {
    let role = Object::new(
        value,
        path,
        &[
            "id",
            "title",
            "team",
            "skills",
            "weekly_hours",
            "start_date",
            "status",
            "cost_rate",
            "scenario",
            "filled_by",
        ],
    )?;
    Ok(model::OpenRole {
        id: role.parsed("id", ID)?,
        title: role.string("title")?,
        team: role.string_or_empty("team")?,
        skills: role.list("skills", |value, path| {
            let held = Object::new(value, path, &["skill", "level"])?;
            Ok(model::SkillLevel {
                skill: held.parsed("skill", ID)?,
                level: held.whole("level", u8::MAX.into())? as u8,
            })
        })?,
        weekly_hours: role.number("weekly_hours")?,
        start_date: role.date("start_date")?,
        status: role.choice("status", ROLE_STATUSES)?,
        cost_rate: role.optional_number("cost_rate")?,
        scenario: role.optional_parsed("scenario", ID)?,
        filled_by: role.optional_parsed("filled_by", ID)?,
    })
}

fn read_cadence(value: &Value, path: &str) -> Read<model::Cadence> {
    let cadence = Object::new(
        value,
        path,
        &[
            "id",
            "kind",
            "title",
            "frequency",
            "weekday",
            "nth",
            "owner",
        ],
    )?;
    Ok(model::Cadence {
        id: cadence.parsed("id", ID)?,
        kind: cadence.choice("kind", CADENCE_KINDS)?,
        title: cadence.string_or_empty("title")?,
        frequency: cadence.choice("frequency", FREQUENCIES)?,
        weekday: cadence.choice("weekday", WEEKDAYS)?,
        nth: cadence
            .optional_whole("nth", u8::MAX.into())?
            .map(|nth| nth as u8),
        owner: cadence.optional_parsed("owner", ID)?,
    })
}

fn read_activity(value: &Value, path: &str) -> Read<model::Activity> {
    let activity = Object::new(
        value,
        path,
        &[
            "id",
            "title",
            "description",
            "scope",
            "owner",
            "start",
            "deadline",
            "checkin",
            "done_definition",
            "status",
            "status_history",
            "impact",
            "effort_hours",
            "kind",
            "client",
            "commitment",
            "depends_on",
            "required_skills",
            "required_certifications",
            "billable",
            "bill_rate",
            "fixed_fee",
            "budget_hours",
            "responsible",
            "consulted",
            "informed",
            "contract",
            "deal",
        ],
    )?;
    let contract = match activity.optional_object("contract", &["hours", "period", "renewal"])? {
        None => None,
        Some(contract) => Some(model::Contract {
            hours: contract.number("hours")?,
            period: contract.choice("period", PERIODS)?,
            renewal: contract.optional_date("renewal")?,
        }),
    };
    let deal = match activity.optional_object("deal", &["stage", "probability"])? {
        None => None,
        Some(deal) => Some(model::Deal {
            stage: deal.choice("stage", DEAL_STAGES)?,
            probability: deal.number("probability")?,
        }),
    };
    let billing = match (
        activity.optional_number("bill_rate")?,
        activity.optional_number("fixed_fee")?,
    ) {
        (None, None) => model::Billing::NotBilled,
        (Some(rate), None) => model::Billing::Hourly { rate },
        (None, Some(amount)) => model::Billing::FixedFee { amount },
        (Some(_), Some(_)) => {
            return Err(super::ImportError::Field {
                path: format!("{path}.fixed_fee"),
                reason: "an activity is billed by the hour or at a fixed fee, not both: \
                         keep the bill rate or the fixed fee"
                    .to_string(),
            })
        }
    };
    let people = |field: &str| activity.list(field, |value, path| item_at(path, parsed(value, ID)));
    let done = activity.optional_object("done_definition", &["text", "checklist"])?;
    Ok(model::Activity {
        id: activity.parsed("id", ID)?,
        title: activity.string("title")?,
        description: activity.string_or_empty("description")?,
        scope: activity.choice("scope", SCOPES)?,
        owner: activity.optional_parsed("owner", ID)?,
        start: activity.optional_date("start")?,
        deadline: activity.optional_date("deadline")?,
        checkin: activity.optional_date("checkin")?,
        done_definition: match done {
            None => model::DoneDefinition::default(),
            Some(done) => model::DoneDefinition {
                text: done.string_or_empty("text")?,
                checklist: done.list("checklist", |value, path| {
                    let item = Object::new(value, path, &["text", "done", "done_on"])?;
                    Ok(model::ChecklistItem {
                        text: item.string("text")?,
                        done: item.flag_or_false("done")?,
                        done_on: item.optional_date("done_on")?,
                    })
                })?,
            },
        },
        status: activity.choice("status", STATUSES)?,
        status_history: activity.list("status_history", |value, path| {
            let change = Object::new(value, path, &["date", "status"])?;
            Ok(model::StatusChange {
                date: change.date("date")?,
                status: change.choice("status", STATUSES)?,
            })
        })?,
        impact: activity.whole("impact", u8::MAX.into())? as u8,
        effort_hours: activity.number_or("effort_hours", 0.0)?,
        kind: activity.choice("kind", KINDS)?,
        client: activity.string_or_empty("client")?,
        commitment: activity.choice("commitment", COMMITMENTS)?,
        depends_on: activity.list("depends_on", |value, path| item_at(path, parsed(value, ID)))?,
        required_skills: activity.list("required_skills", read_requirement)?,
        required_certifications: activity.list("required_certifications", |value, path| {
            item_at(path, text(value))
        })?,
        billable: activity.flag_or_false("billable")?,
        billing,
        budget_hours: activity.optional_number("budget_hours")?,
        responsible: people("responsible")?,
        consulted: people("consulted")?,
        informed: people("informed")?,
        contract,
        deal,
    })
}

fn read_allocation(value: &Value, path: &str) -> Read<model::Allocation> {
    let allocation = Object::new(
        value,
        path,
        &[
            "id",
            "person",
            "placeholder",
            "open_role",
            "activity",
            "hours_per_week",
            "first_week",
            "last_week",
            "commitment",
            "scenario",
        ],
    )?;
    let person = allocation.optional_parsed("person", ID)?;
    let placeholder = allocation.optional_object("placeholder", &["role", "skills"])?;
    let open_role = allocation.optional_parsed("open_role", ID)?;
    let assignee = match (person, placeholder, open_role) {
        (Some(person), None, None) => model::Assignee::Person(person),
        (None, Some(placeholder), None) => model::Assignee::Placeholder {
            role: placeholder.string("role")?,
            skills: placeholder.list("skills", read_requirement)?,
        },
        (None, None, Some(role)) => model::Assignee::Role(role),
        (None, None, None) => {
            return Err(super::ImportError::Field {
                path: path.to_string(),
                reason: "names neither a person, a placeholder nor an open role".to_string(),
            })
        }
        (person, placeholder, open_role) => {
            let named: Vec<&str> = [
                person.map(|_| "a person"),
                placeholder.map(|_| "a placeholder"),
                open_role.map(|_| "an open role"),
            ]
            .into_iter()
            .flatten()
            .collect();
            let reason = match named.as_slice() {
                [first, second] => format!("names both {first} and {second}: keep one"),
                _ => "names a person, a placeholder and an open role: keep one".to_string(),
            };
            return Err(super::ImportError::Field {
                path: path.to_string(),
                reason,
            });
        }
    };
    Ok(model::Allocation {
        id: allocation.parsed("id", ID)?,
        assignee,
        activity: allocation.parsed("activity", ID)?,
        hours_per_week: allocation.number("hours_per_week")?,
        first_week: allocation.parsed("first_week", WEEK)?,
        last_week: allocation.parsed("last_week", WEEK)?,
        commitment: allocation.choice("commitment", COMMITMENTS)?,
        scenario: allocation.optional_parsed("scenario", ID)?,
    })
}

fn read_checkin(value: &Value, path: &str) -> Read<model::CheckIn> {
    let checkin = Object::new(
        value,
        path,
        &["id", "date", "summary", "entries", "decisions"],
    )?;
    Ok(model::CheckIn {
        id: checkin.parsed("id", ID)?,
        date: checkin.date("date")?,
        summary: checkin.string_or_empty("summary")?,
        entries: checkin.list("entries", |value, path| {
            let entry = Object::new(
                value,
                path,
                &["activity", "moved", "blocked", "covers_midpoint"],
            )?;
            Ok(model::CheckInEntry {
                activity: entry.parsed("activity", ID)?,
                moved: entry.string_or_empty("moved")?,
                blocked: entry.string_or_empty("blocked")?,
                covers_midpoint: entry.flag_or_false("covers_midpoint")?,
            })
        })?,
        decisions: checkin.list("decisions", |value, path| {
            let decision = Object::new(value, path, &["text", "owner", "due", "decided_on"])?;
            Ok(model::Decision {
                text: decision.string("text")?,
                owner: decision.optional_parsed("owner", ID)?,
                due: decision.optional_date("due")?,
                decided_on: decision.optional_date("decided_on")?,
            })
        })?,
    })
}
