//! Bookings: an allocation of hours a week on a person, a placeholder or
//! an open role, confirmed or tentative, maybe in a scenario.

use super::*;

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
