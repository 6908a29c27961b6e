//! Priority pins and weekly check-ins with their entries and decisions.

use super::*;

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
