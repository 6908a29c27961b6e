//! The hiring plan: open roles and their status.

use super::*;

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
