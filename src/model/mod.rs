//! The plan as plain data: no signals, no browser, no clock.
//!
//! Everything the app knows about an ops plan lives in [`Plan`]. The types
//! here carry no serialization attributes: the file format is a separate,
//! versioned boundary in `crate::persist`, converted to and from these types.

mod cadence;
mod dates;
pub mod demo;
pub mod generate;
mod ids;
mod index;
mod week;

pub use cadence::{weekday_name, Cadence, CadenceKind, Frequency, MAX_NTH};
pub use dates::{long_date, medium_date, parse_iso_date, short_date};
pub use ids::{
    ActivityId, AllocationId, BadId, CadenceId, CheckInId, MetricId, PersonId, PlanId, RoleId,
    ScenarioId, SkillId,
};
pub use index::{index_of, IdIndex};
pub use week::Week;

pub use chrono::{NaiveDate, Weekday};

use chrono::Datelike;

/// The highest skill level: 0 none, 1 learning, 2 working, 3 strong, 4 expert.
pub const MAX_SKILL_LEVEL: u8 = 4;
/// The most hours a week can hold; anything above is a typing error.
pub const HOURS_PER_WEEK_LIMIT: f64 = 168.0;
/// Horizons are between one week and a year long.
pub const MAX_HORIZON_WEEKS: u32 = 52;

/// One ops plan: a strategic goal, the work that reaches it and the people who do it.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub id: PlanId,
    pub name: String,
    pub goal: StrategicGoal,
    pub horizon: Horizon,
    /// The weekday of the weekly check-in.
    pub review_weekday: Weekday,
    pub resources: Resources,
    pub metrics: Vec<SuccessMetric>,
    pub holidays: Vec<Holiday>,
    pub skills: Vec<Skill>,
    pub people: Vec<Person>,
    pub activities: Vec<Activity>,
    pub allocations: Vec<Allocation>,
    /// What-if scenarios: named sets of tentative allocations ("Contoso
    /// migration won") that can be shown or hidden together.
    pub scenarios: Vec<Scenario>,
    pub checkins: Vec<CheckIn>,
    /// The hiring plan: roles to fill, each adding capacity from its start
    /// date (only while its scenario, if any, is shown).
    pub roles: Vec<OpenRole>,
    /// The governance rhythm: recurring meetings with their owners.
    pub cadences: Vec<Cadence>,
    /// Activities a person pinned to a position in the priority list.
    pub priority_pins: Vec<PriorityPin>,
    /// Thresholds of the risk checks.
    pub settings: RiskSettings,
    /// A copy made for a client (see `persist::share`): cost rates, notes,
    /// check-ins and tentative work were left out. It never replaces a full
    /// plan. Written in the file's envelope as `"profile": "client-safe"`.
    pub client_copy: bool,
    /// Where this plan's copies come from, for a three-way merge of a file
    /// sent back (`persist::diff`). Not plan content: undo leaves it alone.
    /// Written in the file's envelope as `"origin"`.
    pub lineage: Option<Lineage>,
}

/// The family a plan belongs to: the random id it got when it was first
/// saved, kept by every file and copy made from it, and the revisions it was
/// exported as or merged from, newest first. Two copies that share a
/// revision have a common ancestor, so a merge of them needs to show only
/// what both changed (the true conflicts).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lineage {
    pub origin: String,
    pub revisions: Vec<String>,
}

impl Lineage {
    /// How many revisions a plan remembers.
    pub const MAX_REVISIONS: usize = 20;
    /// The longest origin or revision id a file may hold.
    pub const MAX_ID_CHARS: usize = 64;

    /// A new revision `token` on top of this lineage (newest first).
    pub fn with_revision(&self, token: &str) -> Lineage {
        let mut revisions = vec![token.to_string()];
        revisions.extend(
            self.revisions
                .iter()
                .filter(|revision| *revision != token)
                .cloned(),
        );
        revisions.truncate(Lineage::MAX_REVISIONS);
        Lineage {
            origin: self.origin.clone(),
            revisions,
        }
    }

    /// This lineage after merging a copy with lineage `other` (same origin):
    /// its revisions become ancestors too, ours first.
    pub fn merged_with(&self, other: &Lineage) -> Lineage {
        let mut revisions = self.revisions.clone();
        for revision in &other.revisions {
            if !revisions.contains(revision) {
                revisions.push(revision.clone());
            }
        }
        revisions.truncate(Lineage::MAX_REVISIONS);
        Lineage {
            origin: self.origin.clone(),
            revisions,
        }
    }
}

/// The one outcome the plan exists for, with a measurable target and date.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StrategicGoal {
    /// "Cut client onboarding from 14 to 7 days".
    pub outcome: String,
    pub metric_name: String,
    pub baseline: f64,
    pub target: f64,
    pub unit: String,
    pub target_date: Option<NaiveDate>,
}

/// The planning window: weeks starting on the Monday of `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Horizon {
    pub start: Week,
    /// 13 or 26 weeks, or a custom length up to [`MAX_HORIZON_WEEKS`].
    pub weeks: u32,
}

impl Horizon {
    /// The week after the last week of the horizon.
    pub fn end(&self) -> Week {
        self.start.plus_weeks(self.weeks as i64)
    }

    /// The first day of the horizon (a Monday).
    pub fn first_day(&self) -> NaiveDate {
        self.start.monday()
    }

    /// The last day of the horizon (a Sunday).
    pub fn last_day(&self) -> NaiveDate {
        self.end().monday() - chrono::Duration::days(1)
    }

    /// Every week of the horizon, in order.
    pub fn weeks(&self) -> impl Iterator<Item = Week> + '_ {
        (0..self.weeks as i64).map(|offset| self.start.plus_weeks(offset))
    }

    /// Whether `week` lies inside the horizon.
    pub fn contains(&self, week: Week) -> bool {
        self.start <= week && week < self.end()
    }
}

/// What the plan has to work with besides people.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Resources {
    pub budget: Option<f64>,
    /// "EUR", "USD", ...
    pub currency: String,
    pub headcount_note: String,
    pub tooling: Vec<String>,
}

/// A number that tells whether the plan works.
#[derive(Debug, Clone, PartialEq)]
pub struct SuccessMetric {
    pub id: MetricId,
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    pub current: f64,
    pub direction: Direction,
}

/// Which way a metric should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

/// A public holiday: nobody works that day.
#[derive(Debug, Clone, PartialEq)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: String,
}

/// An entry of the plan's skill catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct Skill {
    pub id: SkillId,
    pub name: String,
    /// "Cloud", "Security", "Microsoft 365", "Networking", "Service desk", ...
    pub category: String,
}

/// A person who can own activities and be allocated to them.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    /// Their work email address, empty for none. A spreadsheet import
    /// finds people by it before their name; never part of a client export.
    pub email: String,
    pub role: String,
    pub team: String,
    /// Contracted hours in a full week.
    pub weekly_hours: f64,
    /// The days this person works, Monday first.
    pub working_days: Vec<Weekday>,
    /// First working day, for a planned hire.
    pub start_date: Option<NaiveDate>,
    /// Last working day, for a leaver.
    pub end_date: Option<NaiveDate>,
    /// Hours a week taken by support and managed-services work.
    pub support_hours_per_week: f64,
    /// Date ranges with another support load (an on-call rota week).
    pub support_periods: Vec<SupportPeriod>,
    pub leave: Vec<Leave>,
    pub skills: Vec<SkillLevel>,
    pub certifications: Vec<Certification>,
    /// Internal cost per hour; never part of a client export.
    pub cost_rate: Option<f64>,
    pub employment: Employment,
    /// The share of their capacity that should be billable (0.75 for
    /// 75 %); none when they have no target. Never part of a client export.
    pub billable_target: Option<f64>,
}

/// How a person works for the firm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Employment {
    #[default]
    Employee,
    Contractor,
    Partner,
}

impl Employment {
    pub const ALL: [Employment; 3] = [
        Employment::Employee,
        Employment::Contractor,
        Employment::Partner,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Employment::Employee => "Employee",
            Employment::Contractor => "Contractor",
            Employment::Partner => "Partner",
        }
    }
}

impl Person {
    /// A full-time person (40 hours, Monday to Friday) with nothing else set.
    pub fn new(id: PersonId, name: &str) -> Person {
        Person {
            id,
            name: name.to_string(),
            email: String::new(),
            role: String::new(),
            team: String::new(),
            weekly_hours: 40.0,
            working_days: WEEKDAYS[..5].to_vec(),
            start_date: None,
            end_date: None,
            support_hours_per_week: 0.0,
            support_periods: Vec::new(),
            leave: Vec::new(),
            skills: Vec::new(),
            certifications: Vec::new(),
            cost_rate: None,
            employment: Employment::Employee,
            billable_target: None,
        }
    }

    /// Whether this person is employed on `date` (between start and end date).
    pub fn is_employed_on(&self, date: NaiveDate) -> bool {
        self.start_date.is_none_or(|start| start <= date)
            && self.end_date.is_none_or(|end| date <= end)
    }

    /// This person's level in `skill` (0 when not listed).
    pub fn skill_level(&self, skill: SkillId) -> u8 {
        self.skills
            .iter()
            .find(|held| held.skill == skill)
            .map_or(0, |held| held.level)
    }
}

/// A date range with its own support load, such as an on-call week.
#[derive(Debug, Clone, PartialEq)]
pub struct SupportPeriod {
    pub start: NaiveDate,
    /// Inclusive.
    pub end: NaiveDate,
    /// The support load in those weeks, instead of the usual one.
    pub hours_per_week: f64,
    pub note: String,
}

/// A range of days off, whole or partial.
#[derive(Debug, Clone, PartialEq)]
pub struct Leave {
    pub start: NaiveDate,
    /// Inclusive.
    pub end: NaiveDate,
    /// 1.0 for whole days, 0.5 for half days.
    pub day_fraction: f64,
    pub note: String,
}

/// How well a person knows a skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkillLevel {
    pub skill: SkillId,
    /// 0 none, 1 learning, 2 working, 3 strong, 4 expert.
    pub level: u8,
}

/// A certification a person holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Certification {
    pub name: String,
    pub issuer: String,
    pub expires: Option<NaiveDate>,
}

/// A piece of work people can be allocated to: one of the ops plan's
/// initiatives (one owner, a hard deadline, a midpoint check-in, a
/// definition of done, dependencies and impact) or an engagement of the
/// firm's book of work (a client project, a managed-services contract,
/// internal work or a pipeline deal). Both count in capacity, money and
/// skills alike; [`Scope`] says which list it is on.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub id: ActivityId,
    pub title: String,
    pub description: String,
    /// The ops plan's initiatives or the firm's book of work.
    pub scope: Scope,
    /// At most one owner; none is allowed but flagged.
    pub owner: Option<PersonId>,
    pub start: Option<NaiveDate>,
    /// The hard deadline.
    pub deadline: Option<NaiveDate>,
    /// The midpoint check-in date.
    pub checkin: Option<NaiveDate>,
    pub done_definition: DoneDefinition,
    pub status: Status,
    /// Every status the activity has had, oldest first.
    pub status_history: Vec<StatusChange>,
    /// 1 (nice to have) to 5 (the goal fails without it).
    pub impact: u8,
    pub effort_hours: f64,
    pub kind: ActivityKind,
    /// The client it is for; empty for internal work.
    pub client: String,
    pub commitment: Commitment,
    pub depends_on: Vec<ActivityId>,
    pub required_skills: Vec<SkillRequirement>,
    /// Certifications the owner must hold, valid through the deadline.
    pub required_certifications: Vec<String>,
    /// Whether its hours are billed to the client (they count towards
    /// billable utilisation).
    pub billable: bool,
    /// How billable work earns: by the hour or a fixed fee.
    pub billing: Billing,
    /// The hours the work may take, sold or agreed; none for no budget.
    pub budget_hours: Option<f64>,
    /// RACI: the owner is the one Accountable; these people do the work
    /// (Responsible), are asked before decisions (Consulted) or are kept up
    /// to date (Informed). A person is on at most one of the three lists.
    pub responsible: Vec<PersonId>,
    pub consulted: Vec<PersonId>,
    pub informed: Vec<PersonId>,
    /// The recurring commitment of a managed-services contract; its term
    /// runs from `start` to `deadline`.
    pub contract: Option<Contract>,
    /// Where an unsigned pipeline deal stands; none once won (or for work
    /// that was never a deal). The hours it needs by role or skill are its
    /// tentative allocations, on placeholders, open roles or people.
    pub deal: Option<Deal>,
}

/// Which of the plan's two lists a piece of work is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Scope {
    /// One of the ops plan's initiatives toward its strategic goal: plan
    /// health, priorities, the board and the weekly check-in are about
    /// these.
    #[default]
    Initiative,
    /// The firm's book of work: client projects, managed-services
    /// contracts, internal work and pipeline deals.
    Book,
}

impl Scope {
    pub fn label(self) -> &'static str {
        match self {
            Scope::Initiative => "Initiative",
            Scope::Book => "Book of work",
        }
    }
}

/// The recurring commitment of a managed-services contract.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Contract {
    /// Hours the firm commits to per `period`.
    pub hours: f64,
    pub period: Period,
    /// When the contract comes up for renewal, if known.
    pub renewal: Option<NaiveDate>,
}

impl Contract {
    /// The committed hours in an average week (a month is 52/12 weeks).
    pub fn hours_per_week(&self) -> f64 {
        match self.period {
            Period::Week => self.hours,
            Period::Month => self.hours * 12.0 / 52.0,
        }
    }
}

/// What a contract's hours are counted per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Week,
    Month,
}

impl Period {
    /// "week", "month".
    pub fn label(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
        }
    }
}

/// An unsigned deal of the pipeline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Deal {
    pub stage: DealStage,
    /// The chance of winning it, 0 to 1 (0.6 is 60 %).
    pub probability: f64,
}

/// How far a deal has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DealStage {
    Lead,
    Qualified,
    Proposal,
    Negotiation,
}

impl DealStage {
    pub const ALL: [DealStage; 4] = [
        DealStage::Lead,
        DealStage::Qualified,
        DealStage::Proposal,
        DealStage::Negotiation,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DealStage::Lead => "Lead",
            DealStage::Qualified => "Qualified",
            DealStage::Proposal => "Proposal",
            DealStage::Negotiation => "Negotiation",
        }
    }

    /// The win probability a deal is given when it reaches this stage.
    pub fn usual_probability(self) -> f64 {
        match self {
            DealStage::Lead => 0.1,
            DealStage::Qualified => 0.25,
            DealStage::Proposal => 0.5,
            DealStage::Negotiation => 0.75,
        }
    }
}

/// How an activity's billable work earns revenue.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Billing {
    /// No price set: billable hours count for utilisation but earn nothing
    /// in the plan's numbers.
    #[default]
    NotBilled,
    /// A bill rate per hour, in the plan's currency.
    Hourly { rate: f64 },
    /// A fixed fee for the whole activity, in the plan's currency.
    FixedFee { amount: f64 },
}

/// Where a person stands on an activity, besides its owner (Accountable).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RaciRole {
    Responsible,
    Consulted,
    Informed,
}

impl RaciRole {
    pub const ALL: [RaciRole; 3] = [
        RaciRole::Responsible,
        RaciRole::Consulted,
        RaciRole::Informed,
    ];

    /// "Responsible", ...
    pub fn label(self) -> &'static str {
        match self {
            RaciRole::Responsible => "Responsible",
            RaciRole::Consulted => "Consulted",
            RaciRole::Informed => "Informed",
        }
    }

    /// "R", "C" or "I".
    pub fn letter(self) -> &'static str {
        match self {
            RaciRole::Responsible => "R",
            RaciRole::Consulted => "C",
            RaciRole::Informed => "I",
        }
    }
}

impl Activity {
    /// The effort still to do: the share of the checklist not yet ticked, or
    /// all of it without a checklist. Effort that is negative or not a number
    /// counts as none.
    pub fn remaining_effort_hours(&self) -> f64 {
        let effort = if self.effort_hours.is_finite() {
            self.effort_hours.max(0.0)
        } else {
            0.0
        };
        let checklist = &self.done_definition.checklist;
        if checklist.is_empty() {
            return effort;
        }
        let ticked = checklist.iter().filter(|item| item.done).count();
        effort * (1.0 - ticked as f64 / checklist.len() as f64)
    }

    /// Whether it is one of the ops plan's initiatives.
    pub fn is_initiative(&self) -> bool {
        self.scope == Scope::Initiative
    }

    /// The hours a week it asks of its people when it asks a steady
    /// number (a managed-services contract); none for work measured by
    /// its effort.
    pub fn weekly_commitment(&self) -> Option<f64> {
        self.contract
            .map(|contract| contract.hours_per_week())
            .filter(|hours| hours.is_finite() && *hours > 0.0)
    }

    /// A not-started, confirmed project initiative with impact 3 and
    /// nothing else set.
    pub fn new(id: ActivityId, title: &str) -> Activity {
        Activity {
            id,
            title: title.to_string(),
            description: String::new(),
            scope: Scope::Initiative,
            owner: None,
            start: None,
            deadline: None,
            checkin: None,
            done_definition: DoneDefinition::default(),
            status: Status::NotStarted,
            status_history: Vec::new(),
            impact: 3,
            effort_hours: 0.0,
            kind: ActivityKind::Project,
            client: String::new(),
            commitment: Commitment::Confirmed,
            depends_on: Vec::new(),
            required_skills: Vec::new(),
            required_certifications: Vec::new(),
            billable: false,
            billing: Billing::NotBilled,
            budget_hours: None,
            responsible: Vec::new(),
            consulted: Vec::new(),
            informed: Vec::new(),
            contract: None,
            deal: None,
        }
    }

    /// The list of people holding `role` on this activity.
    pub fn raci_list(&self, role: RaciRole) -> &Vec<PersonId> {
        match role {
            RaciRole::Responsible => &self.responsible,
            RaciRole::Consulted => &self.consulted,
            RaciRole::Informed => &self.informed,
        }
    }

    /// The same list, to edit.
    pub fn raci_list_mut(&mut self, role: RaciRole) -> &mut Vec<PersonId> {
        match role {
            RaciRole::Responsible => &mut self.responsible,
            RaciRole::Consulted => &mut self.consulted,
            RaciRole::Informed => &mut self.informed,
        }
    }

    /// `person`'s R, C or I on this activity (the owner's Accountable is
    /// [`Activity::owner`]).
    pub fn raci_role(&self, person: PersonId) -> Option<RaciRole> {
        RaciRole::ALL
            .into_iter()
            .find(|role| self.raci_list(*role).contains(&person))
    }
}

/// What "done" means for an activity.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DoneDefinition {
    pub text: String,
    pub checklist: Vec<ChecklistItem>,
}

/// One item of a definition-of-done checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistItem {
    pub text: String,
    pub done: bool,
    /// When it was ticked, so progress can be seen over time.
    pub done_on: Option<NaiveDate>,
}

/// Where an activity stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    NotStarted,
    InProgress,
    Blocked,
    Done,
}

impl Status {
    /// All statuses in board order.
    pub const ALL: [Status; 4] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Blocked,
        Status::Done,
    ];

    /// The label a person reads.
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Blocked => "Blocked",
            Status::Done => "Done",
        }
    }
}

/// A dated status change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusChange {
    pub date: NaiveDate,
    pub status: Status,
}

/// The kind of work an activity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActivityKind {
    Project,
    ManagedService,
    Support,
    Internal,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 4] = [
        ActivityKind::Project,
        ActivityKind::ManagedService,
        ActivityKind::Support,
        ActivityKind::Internal,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ActivityKind::Project => "Project",
            ActivityKind::ManagedService => "Managed service",
            ActivityKind::Support => "Support",
            ActivityKind::Internal => "Internal",
        }
    }
}

/// Whether work is sold (confirmed) or still in the pipeline (tentative).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Commitment {
    Confirmed,
    Tentative,
}

impl Commitment {
    pub fn label(self) -> &'static str {
        match self {
            Commitment::Confirmed => "Confirmed",
            Commitment::Tentative => "Tentative",
        }
    }
}

/// A skill an activity needs, at a minimum level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkillRequirement {
    pub skill: SkillId,
    pub min_level: u8,
}

/// Hours a week of a person (or an unfilled role) on an activity.
#[derive(Debug, Clone, PartialEq)]
pub struct Allocation {
    pub id: AllocationId,
    pub assignee: Assignee,
    pub activity: ActivityId,
    pub hours_per_week: f64,
    pub first_week: Week,
    /// Inclusive.
    pub last_week: Week,
    pub commitment: Commitment,
    /// The scenario a tentative allocation belongs to, if any.
    pub scenario: Option<ScenarioId>,
}

/// A named set of tentative allocations: a deal that may or may not be won.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    pub id: ScenarioId,
    pub name: String,
}

/// Who an allocation is for.
#[derive(Debug, Clone, PartialEq)]
pub enum Assignee {
    Person(PersonId),
    /// A role still to be staffed, with the skills it needs.
    Placeholder {
        role: String,
        skills: Vec<SkillRequirement>,
    },
    /// An open role of the hiring plan: the hire to be, with its capacity.
    Role(RoleId),
}

/// A role the firm plans to hire for. It adds capacity (its weekly hours,
/// Monday to Friday, from its start date, less public holidays) while it is
/// not filled and its scenario, if any, is shown; work can be allocated to
/// it. Filling it turns it into a person (`Command::FillRole`).
#[derive(Debug, Clone, PartialEq)]
pub struct OpenRole {
    pub id: RoleId,
    /// "Cloud Engineer".
    pub title: String,
    pub team: String,
    pub skills: Vec<SkillLevel>,
    pub weekly_hours: f64,
    /// The planned first working day.
    pub start_date: NaiveDate,
    pub status: RoleStatus,
    /// The expected internal cost per hour; never part of a client export.
    pub cost_rate: Option<f64>,
    /// The what-if scenario the hire belongs to ("Hire a cloud engineer in
    /// March"); none for a hire the plan counts on.
    pub scenario: Option<ScenarioId>,
    /// The person who filled it, once filled.
    pub filled_by: Option<PersonId>,
}

impl OpenRole {
    /// A planned, full-time role with nothing else set.
    pub fn new(id: RoleId, title: &str, start_date: NaiveDate) -> OpenRole {
        OpenRole {
            id,
            title: title.to_string(),
            team: String::new(),
            skills: Vec::new(),
            weekly_hours: 40.0,
            start_date,
            status: RoleStatus::Planned,
            cost_rate: None,
            scenario: None,
            filled_by: None,
        }
    }

    /// Whether the role adds capacity with the scenarios in `hidden`
    /// hidden: while it is open and its scenario (if any) is shown.
    pub fn adds_capacity(&self, hidden: &[ScenarioId]) -> bool {
        self.status != RoleStatus::Filled
            && self
                .scenario
                .is_none_or(|scenario| !hidden.contains(&scenario))
    }

    /// The person the hire will be: full time over Monday to Friday from
    /// the start date, with the role's team, skills, hours and cost rate.
    /// Capacity is counted on this person, and filling the role adds it.
    pub fn as_person(&self, id: PersonId, name: &str) -> Person {
        Person {
            role: self.title.clone(),
            team: self.team.clone(),
            weekly_hours: self.weekly_hours,
            start_date: Some(self.start_date),
            skills: self.skills.clone(),
            cost_rate: self.cost_rate,
            ..Person::new(id, name)
        }
    }
}

/// Where a hire stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoleStatus {
    Planned,
    Approved,
    Interviewing,
    Offer,
    Filled,
}

impl RoleStatus {
    pub const ALL: [RoleStatus; 5] = [
        RoleStatus::Planned,
        RoleStatus::Approved,
        RoleStatus::Interviewing,
        RoleStatus::Offer,
        RoleStatus::Filled,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RoleStatus::Planned => "Planned",
            RoleStatus::Approved => "Approved",
            RoleStatus::Interviewing => "Interviewing",
            RoleStatus::Offer => "Offer",
            RoleStatus::Filled => "Filled",
        }
    }
}

/// An activity held at a position of the priority list by a person,
/// whatever its computed rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PriorityPin {
    pub activity: ActivityId,
    /// 1 is the top of the list.
    pub position: u32,
}

/// One weekly check-in, as said on the day.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckIn {
    pub id: CheckInId,
    pub date: NaiveDate,
    pub summary: String,
    pub entries: Vec<CheckInEntry>,
    pub decisions: Vec<Decision>,
}

/// What was said about one activity in a check-in.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckInEntry {
    pub activity: ActivityId,
    pub moved: String,
    pub blocked: String,
    /// Whether this entry is the activity's midpoint check-in.
    pub covers_midpoint: bool,
}

/// A decision someone has to take.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub text: String,
    pub owner: Option<PersonId>,
    pub due: Option<NaiveDate>,
    /// When the decision was taken; open until then.
    pub decided_on: Option<NaiveDate>,
}

/// The thresholds of the risk checks, kept with the plan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RiskSettings {
    /// In progress this many days without movement is "stale".
    pub stale_after_days: u32,
    /// An owner away for more than this share of the remaining working days
    /// is flagged.
    pub owner_away_share: f64,
    /// An owner whose work in an activity's weeks is more than this share of
    /// their available hours is overloaded.
    pub overload_share: f64,
}

impl Default for RiskSettings {
    fn default() -> Self {
        RiskSettings {
            stale_after_days: 8,
            owner_away_share: 0.5,
            overload_share: 1.0,
        }
    }
}

impl Plan {
    /// An empty plan whose horizon starts in the week of `today`.
    pub fn empty(id: PlanId, name: &str, today: NaiveDate) -> Plan {
        Plan {
            id,
            name: name.to_string(),
            goal: StrategicGoal::default(),
            horizon: Horizon {
                start: Week::containing(today),
                weeks: 13,
            },
            review_weekday: Weekday::Mon,
            resources: Resources::default(),
            metrics: Vec::new(),
            holidays: Vec::new(),
            skills: Vec::new(),
            people: Vec::new(),
            activities: Vec::new(),
            allocations: Vec::new(),
            scenarios: Vec::new(),
            checkins: Vec::new(),
            roles: Vec::new(),
            cadences: Vec::new(),
            priority_pins: Vec::new(),
            settings: RiskSettings::default(),
            client_copy: false,
            lineage: None,
        }
    }

    pub fn activity(&self, id: ActivityId) -> Option<&Activity> {
        find_by_id(&self.activities, id, |activity| activity.id)
    }

    /// The clients of the plan's work, each once (the first spelling of
    /// names that differ only in case), in name order ignoring case.
    pub fn clients(&self) -> Vec<String> {
        let mut clients: Vec<String> = Vec::new();
        for activity in &self.activities {
            let client = activity.client.trim();
            if !client.is_empty()
                && !clients
                    .iter()
                    .any(|known| known.eq_ignore_ascii_case(client))
            {
                clients.push(client.to_string());
            }
        }
        clients.sort_by_key(|client| client.to_ascii_lowercase());
        clients
    }

    /// The ops plan's initiatives, in plan order.
    pub fn initiatives(&self) -> impl Iterator<Item = &Activity> + '_ {
        self.activities
            .iter()
            .filter(|activity| activity.is_initiative())
    }

    pub fn person(&self, id: PersonId) -> Option<&Person> {
        find_by_id(&self.people, id, |person| person.id)
    }

    pub fn allocation(&self, id: AllocationId) -> Option<&Allocation> {
        find_by_id(&self.allocations, id, |allocation| allocation.id)
    }

    pub fn skill(&self, id: SkillId) -> Option<&Skill> {
        find_by_id(&self.skills, id, |skill| skill.id)
    }

    pub fn role(&self, id: RoleId) -> Option<&OpenRole> {
        find_by_id(&self.roles, id, |role| role.id)
    }

    pub fn cadence(&self, id: CadenceId) -> Option<&Cadence> {
        find_by_id(&self.cadences, id, |cadence| cadence.id)
    }

    /// The title of an open role, or a readable stand-in for a dangling id.
    pub fn role_title(&self, id: RoleId) -> String {
        self.role(id)
            .map_or_else(|| format!("unknown role {id}"), |role| role.title.clone())
    }

    /// The name of a person, or a readable stand-in for a dangling id.
    pub fn person_name(&self, id: PersonId) -> String {
        self.person(id).map_or_else(
            || format!("unknown person {id}"),
            |person| person.name.clone(),
        )
    }

    /// The title of an activity, or a readable stand-in for a dangling id.
    pub fn activity_title(&self, id: ActivityId) -> String {
        self.activity(id).map_or_else(
            || format!("unknown activity {id}"),
            |activity| activity.title.clone(),
        )
    }

    /// Puts every list in id order, the order files are written in, so equal
    /// plans compare equal and export byte-identically.
    pub fn sort_canonically(&mut self) {
        sort_by_number(&mut self.metrics, |metric| metric.id.0.into());
        sort_by_number(&mut self.holidays, |holiday| {
            holiday.date.num_days_from_ce() as u64
        });
        sort_by_number(&mut self.skills, |skill| skill.id.0.into());
        sort_by_number(&mut self.people, |person| person.id.0.into());
        for person in &mut self.people {
            sort_by_number(&mut person.skills, |held| held.skill.0.into());
            // Monday first, each day once.
            let days = std::mem::take(&mut person.working_days);
            person.working_days = WEEKDAYS
                .into_iter()
                .filter(|day| days.contains(day))
                .collect();
        }
        sort_by_number(&mut self.activities, |activity| activity.id.0.into());
        for activity in &mut self.activities {
            sort_by_number(&mut activity.depends_on, |id| id.0.into());
            sort_by_number(&mut activity.required_skills, |requirement| {
                requirement.skill.0.into()
            });
            for role in RaciRole::ALL {
                sort_by_number(activity.raci_list_mut(role), |person| person.0.into());
            }
        }
        sort_by_number(&mut self.allocations, |allocation| allocation.id.0.into());
        sort_by_number(&mut self.scenarios, |scenario| scenario.id.0.into());
        sort_by_number(&mut self.checkins, |checkin| checkin.id.0.into());
        sort_by_number(&mut self.roles, |role| role.id.0.into());
        for role in &mut self.roles {
            sort_by_number(&mut role.skills, |held| held.skill.0.into());
        }
        sort_by_number(&mut self.cadences, |cadence| cadence.id.0.into());
        sort_by_number(&mut self.priority_pins, |pin| pin.activity.0.into());
    }
}

/// Finds the item with `id`. Lists are kept in id order, so a binary search
/// finds it; a linear scan covers a list edited but not yet re-sorted.
fn find_by_id<T, Id: Ord + Copy>(items: &[T], id: Id, id_of: impl Fn(&T) -> Id) -> Option<&T> {
    match items.binary_search_by(|item| id_of(item).cmp(&id)) {
        Ok(index) => Some(&items[index]),
        Err(_) => items.iter().find(|item| id_of(item) == id),
    }
}

/// Sorts `items` by a numeric key, keeping the order of equal keys.
///
/// One sort of `(key, position)` pairs serves every list: the browser build
/// carries one sort routine instead of one per item type.
pub fn sort_by_number<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    if items.windows(2).all(|pair| key(&pair[0]) <= key(&pair[1])) {
        return;
    }
    let mut order: Vec<(u64, usize)> = items
        .iter()
        .enumerate()
        .map(|(position, item)| (key(item), position))
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|(_, position)| slots[position].take()),
    );
}

/// "1 activity", "3 activities".
pub fn count_of(number: usize, one: &str, many: &str) -> String {
    format!("{number} {}", if number == 1 { one } else { many })
}

/// Short labels for weekdays, Monday first.
pub fn weekday_label(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Mon",
        Weekday::Tue => "Tue",
        Weekday::Wed => "Wed",
        Weekday::Thu => "Thu",
        Weekday::Fri => "Fri",
        Weekday::Sat => "Sat",
        Weekday::Sun => "Sun",
    }
}

/// The seven weekdays, Monday first.
pub const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

#[cfg(test)]
mod lookup_tests {
    use super::*;

    #[test]
    fn an_allocation_is_found_by_id_in_a_sorted_or_unsorted_list() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
        let mut plan = demo::demo_plan(PlanId(1), today);
        plan.sort_canonically();
        let found = plan.allocation(AllocationId(3)).map(|a| a.id);
        assert_eq!(found, Some(AllocationId(3)));
        assert!(plan.allocation(AllocationId(999)).is_none());
        plan.allocations.reverse();
        let found = plan.allocation(AllocationId(3)).map(|a| a.id);
        assert_eq!(found, Some(AllocationId(3)));
    }
}
