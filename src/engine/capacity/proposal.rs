//! Where a drop or a keyboard placement puts a booking, and the lanes bars
//! are drawn in.

use super::*;

/// Lanes for bars on one row: each `(first, last)` span (inclusive) gets
/// the lowest lane free from its first week, spans taken in the given
/// order. Returns each span's lane and how many lanes there are.
pub fn lanes(spans: &[(Week, Week)]) -> (Vec<usize>, usize) {
    // The last week taken in each lane so far.
    let mut ends: Vec<Week> = Vec::new();
    let mut assigned = Vec::with_capacity(spans.len());
    for (first, last) in spans {
        let lane = match ends.iter().position(|end| end < first) {
            Some(lane) => {
                ends[lane] = *last;
                lane
            }
            None => {
                ends.push(*last);
                ends.len() - 1
            }
        };
        assigned.push(lane);
    }
    let count = ends.len();
    (assigned, count)
}

/// What a drop of work on someone's week proposes, and how its hours a
/// week were found, so the view can say so.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub allocation: Allocation,
    pub hours_from: HoursFrom,
    /// Whether the run was cut to the weeks the assignee is there (they
    /// start or leave during it); the rest stays to staff.
    pub clipped: bool,
    /// Whether the hours are more than the assignee has free that week
    /// (they had less than an hour free, so nothing was capped).
    pub overbooks: bool,
}

impl Proposal {
    /// What a planner should know about the proposal beyond its hours and
    /// weeks, in sentences; empty when there is nothing to say.
    pub fn note(&self, plan: &Plan) -> String {
        let allocation = &self.allocation;
        let who = match &allocation.assignee {
            Assignee::Person(id) => plan.person_name(*id),
            Assignee::Role(id) => format!("the open role '{}'", plan.role_title(*id)),
            Assignee::Placeholder { role, .. } => role.clone(),
        };
        let mut notes: Vec<String> = Vec::new();
        if self.hours_from == HoursFrom::FreeHours {
            notes.push(format!(
                "'{}' has no hours planned: booked at {} h a week; set its effort to staff it to a total.",
                plan.activity_title(allocation.activity),
                hours_text(allocation.hours_per_week)
            ));
        }
        if self.clipped {
            notes.push(format!(
                "{who} is there from {} to {} only: the rest of the run stays to staff.",
                allocation.first_week, allocation.last_week
            ));
        }
        if self.overbooks {
            notes.push(format!(
                "{who} had no free hours in {}: this books them over.",
                allocation.first_week
            ));
        }
        notes.join(" ")
    }
}

/// The hours of a working day, for a drop of work with no hours planned
/// on someone with no free hours known.
const DAY_HOURS: f64 = 8.0;

/// Where a proposed allocation's hours a week come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoursFrom {
    /// What the work still misses, spread over its remaining weeks.
    StillNeeded,
    /// Nothing is missing (it is staffed, or tentative work is left out):
    /// its whole remaining effort, spread over its remaining weeks.
    RemainingEffort,
    /// A managed-services contract's weekly hours not yet covered that
    /// week (all of them when it is covered already).
    Commitment,
    /// No hours are planned for it: the assignee's free hours that week.
    FreeHours,
}

/// The allocation a drop of `activity` on the `week` of `assignee` (a
/// person, or an open role adding capacity) proposes: from that week to
/// the activity's deadline week (at least that week, at most the last week
/// of `capacity`), cut to the weeks the assignee is there (from their start
/// date, to their last day), at the hours a week the work asks (see
/// [`HoursFrom`]: what it still misses over the whole run, so a cut run
/// leaves the rest to staff), capped by the assignee's free hours in the
/// first week they are there when they have an hour or more free, rounded
/// to whole hours and at least 1. Tentative activities give tentative work. None when the activity is
/// unknown or the assignee is not there in any week of the run.
pub fn proposed_allocation(
    plan: &Plan,
    capacity: &Capacity,
    activity: ActivityId,
    assignee: Assignee,
    week: Week,
    options: &Options,
) -> Option<Proposal> {
    let found = plan.activity(activity)?;
    let last_column = capacity.week(capacity.weeks.saturating_sub(1));
    let last = found
        .deadline
        .map_or(last_column, Week::containing)
        .min(last_column)
        .max(week);
    let weeks = (last.weeks_since(week) + 1) as f64;
    let (first_there, last_there) = weeks_there(plan, &assignee);
    let first = week.max(first_there.unwrap_or(week));
    let last_kept = last_there.map_or(last, |there| last.min(there));
    if last_kept < first {
        return None;
    }
    // Free hours in the first week they are there.
    let free = capacity
        .cell_of(&assignee, first)
        .map(|cell| cell.free(options.include_tentative));
    let (needed, hours_from) = match found.weekly_commitment() {
        Some(commitment) => {
            let covered = covered_hours(plan, capacity, found.id, first);
            let gap = commitment - covered;
            (
                if gap >= 0.5 { gap } else { commitment },
                HoursFrom::Commitment,
            )
        }
        None => {
            let missing = capacity
                .unstaffed
                .iter()
                .find(|item| item.activity == activity)
                .map_or(0.0, |item| item.missing);
            let remaining = found.remaining_effort_hours();
            if missing > 0.0 {
                (missing / weeks, HoursFrom::StillNeeded)
            } else if remaining >= 0.5 {
                (remaining / weeks, HoursFrom::RemainingEffort)
            } else {
                // With less than an hour free (or none known), a working
                // day a week, which books them over and says so.
                let hours = free
                    .filter(|free| *free >= 1.0)
                    .map_or(DAY_HOURS, f64::floor);
                (hours, HoursFrom::FreeHours)
            }
        }
    };
    // Capped by the hours free that week; a week outside `capacity` has no
    // known free hours and is not capped, nor is a week with less than an
    // hour free (the drop then books them over, and says so).
    let (hours, overbooks) = match free {
        Some(free) if free >= 1.0 => (needed.min(free), false),
        Some(free) => (needed, needed.round().max(1.0) > free),
        None => (needed, false),
    };
    Some(Proposal {
        allocation: Allocation {
            id: crate::model::AllocationId(0),
            assignee,
            activity,
            hours_per_week: hours.round().max(1.0),
            first_week: first,
            last_week: last_kept,
            commitment: found.commitment,
            scenario: None,
        },
        hours_from,
        clipped: first != week || last_kept != last,
        overbooks,
    })
}

/// The first and last weeks `assignee` is there: from the week of a
/// person's start date (or an open role's) to the week of a person's last
/// day; none where there is no such date.
fn weeks_there(plan: &Plan, assignee: &Assignee) -> (Option<Week>, Option<Week>) {
    match assignee {
        Assignee::Person(id) => plan.person(*id).map_or((None, None), |person| {
            (
                person.start_date.map(Week::containing),
                person.end_date.map(Week::containing),
            )
        }),
        Assignee::Role(id) => (
            plan.role(*id).map(|role| Week::containing(role.start_date)),
            None,
        ),
        Assignee::Placeholder { .. } => (None, None),
    }
}

/// The hours a week people (and shown open roles) who are there that week
/// give `activity` in `week`: the cover of a managed-services contract.
/// Work of someone away all that week, or on a placeholder, covers nothing.
pub fn covered_hours(plan: &Plan, capacity: &Capacity, activity: ActivityId, week: Week) -> f64 {
    plan.allocations
        .iter()
        .filter(|allocation| allocation.activity == activity)
        .filter(|allocation| allocation.first_week <= week && week <= allocation.last_week)
        .filter(|allocation| capacity.options.counts(allocation))
        .filter(|allocation| {
            capacity
                .cell_of(&allocation.assignee, week)
                .is_some_and(|cell| cell.capacity >= 0.01)
        })
        .map(|allocation| usable_hours(allocation.hours_per_week))
        .sum()
}
