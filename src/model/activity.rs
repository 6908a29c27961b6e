//! A piece of work, an initiative of the ops plan or of the book of work:
//! its scope, contract, deal, RACI, definition of done, status and kind.

use super::*;

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
