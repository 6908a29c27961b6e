//! The current version of the plan file format ([`super::CURRENT_VERSION`]):
//! the types written and the reader. Older versions are brought up to this
//! one by `super::migrate` before they are read, so this is the only reader.
//! A change to these types is a new format version with a migration.
//!
//! `mod.rs` holds the types, `from_model.rs` how a plan becomes them, and
//! `reader.rs` the reader, which names the path and reason of a fault.
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

mod from_model;
mod reader;

pub use reader::read_plan;
