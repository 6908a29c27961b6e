//! A person: hours, working days, employment, support periods, leave,
//! skills and certifications.

use super::*;

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
