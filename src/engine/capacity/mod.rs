//! Capacity: for each person and ISO week, the hours they have, the support
//! work that takes, the confirmed and tentative work allocated, what is free
//! and by how much they are over; summed per team, per skill and for the
//! whole firm, with the work nobody is staffed for yet.
//!
//! # The rules
//!
//! - **Capacity** is a person's weekly hours spread over their working
//!   weekdays, counted on the days of the week they are there: public
//!   holidays, leave (a half day counts half) and the days before their
//!   start or after their end date are taken off.
//! - **Support** is their support load (or that of a support period, such
//!   as an on-call week) spread the same way, so it shrinks with leave too.
//! - **Allocations** count in full in every week they span, leave or not:
//!   an allocation in a week of leave shows as overload, which is the point.
//!   Confirmed work always counts. Tentative work counts unless its scenario
//!   is hidden; whether it is added to the load is the caller's choice
//!   (`tentative` arguments), so both views come from one computation.
//! - **Load** is support + confirmed (+ tentative). **Free** is capacity less
//!   load, never negative; **over** is load less capacity, never negative;
//!   **utilisation** is load over capacity. Under [`UNDER_USED`] is
//!   under-used, above 100 % is over.
//! - **Unstaffed work** ([`Unstaffed`]): an open activity's remaining effort
//!   less the hours people are allocated to it from this week to its
//!   deadline week. Placeholder allocations (a role to staff) do not cover
//!   it: they are demand without supply. What is missing is spread evenly
//!   over the activity's remaining weeks as demand.
//! - **Open roles** ([`RoleRow`]): a role of the hiring plan that is not
//!   filled adds capacity while its scenario (if any) is shown: its weekly
//!   hours over Monday to Friday from its start date, less public holidays
//!   (a hire to be has no leave or support load yet). Work allocated to it
//!   is its load, and staffs its activity like a person's. A role whose
//!   scenario is hidden adds nothing, and work on it is demand nobody
//!   covers, like a placeholder's. Roles count in their team's and the
//!   firm's sums (a team only roles belong to has no people rows).
//! - **Skills** ([`SkillRow`]): the supply of a skill is the capacity less
//!   support of everyone holding it at working level; its demand is the
//!   hours allocated to activities needing it plus their missing hours, an
//!   activity's hours split evenly between the skills it needs (as in
//!   `skills::supply_and_demand`).
//!
//! # Speed
//!
//! One pass over people (arithmetic calendars, no day-by-day walk), one over
//! allocations, lookups by binary search. The 300-person, 12,000-allocation
//! generated plan recomputes in about a millisecond (`make bench`), and a
//! change of a few allocations is counted into a kept capacity in tens of
//! microseconds ([`Kept`]).

use super::availability::{day_number, holiday_numbers, Calendar};
use super::skills::{hours_text, short_skills_of, usable_hours, WORKING_LEVEL};
use crate::model::{
    count_of, index_of, sort_by_number, Activity, ActivityId, Allocation, AllocationId, Assignee,
    Commitment, Horizon, IdIndex, NaiveDate, Person, PersonId, Plan, RoleId, ScenarioId, SkillId,
    SkillRequirement, Status, Week, MAX_HORIZON_WEEKS,
};

/// Below this share of capacity a week is under-used.
pub const UNDER_USED: f64 = 0.6;

/// How far past the end of the horizon [`can_we_take_it`] looks for a start.
pub const LOOKAHEAD_WEEKS: u32 = 52;

/// What counts: whether tentative work is added to loads and demand, and
/// which scenarios are hidden (their tentative work is left out entirely).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    pub include_tentative: bool,
    pub hidden_scenarios: Vec<ScenarioId>,
}

impl Options {
    /// Whether `allocation` is shown at all: confirmed work always is,
    /// tentative work unless its scenario is hidden.
    pub fn shows(&self, allocation: &Allocation) -> bool {
        self.shows_work(allocation.commitment, allocation.scenario)
    }

    /// Whether `allocation` adds to loads and demand.
    pub fn counts(&self, allocation: &Allocation) -> bool {
        self.counts_work(allocation.commitment, allocation.scenario)
    }

    fn shows_work(&self, commitment: Commitment, scenario: Option<ScenarioId>) -> bool {
        commitment == Commitment::Confirmed
            || scenario.is_none_or(|scenario| !self.hidden_scenarios.contains(&scenario))
    }

    fn counts_work(&self, commitment: Commitment, scenario: Option<ScenarioId>) -> bool {
        self.shows_work(commitment, scenario)
            && (commitment == Commitment::Confirmed || self.include_tentative)
    }
}

/// One person (or a sum of people) in one week, in hours.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Cell {
    pub capacity: f64,
    pub support: f64,
    pub confirmed: f64,
    /// Tentative work of shown scenarios (and of none).
    pub tentative: f64,
}

/// How full a week is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// No capacity and nothing allocated: leave, not started, gone.
    Away,
    UnderUsed,
    Healthy,
    Over,
}

impl Band {
    pub fn label(self) -> &'static str {
        match self {
            Band::Away => "away",
            Band::UnderUsed => "under-used",
            Band::Healthy => "healthy",
            Band::Over => "over",
        }
    }
}

impl Cell {
    /// Support and allocated work, with or without tentative work.
    pub fn load(&self, tentative: bool) -> f64 {
        self.support + self.confirmed + if tentative { self.tentative } else { 0.0 }
    }

    /// Hours left; never negative.
    pub fn free(&self, tentative: bool) -> f64 {
        (self.capacity - self.load(tentative)).max(0.0)
    }

    /// Hours over capacity; never negative.
    pub fn over(&self, tentative: bool) -> f64 {
        (self.load(tentative) - self.capacity).max(0.0)
    }

    /// Load as a share of capacity; none without capacity.
    pub fn utilisation(&self, tentative: bool) -> Option<f64> {
        (self.capacity > 0.0).then(|| self.load(tentative) / self.capacity)
    }

    pub fn band(&self, tentative: bool) -> Band {
        // Hours are kept to a hundredth so that 40.000001 h of 40 is not over.
        let over = self.over(tentative) >= 0.01;
        match self.utilisation(tentative) {
            _ if over => Band::Over,
            None => Band::Away,
            Some(share) if share < UNDER_USED => Band::UnderUsed,
            Some(_) => Band::Healthy,
        }
    }

    /// "118 %, 7 h over", "75 %, 10 h free", "away", "away, 8 h allocated".
    pub fn headline(&self, tentative: bool) -> String {
        let load = self.load(tentative);
        match self.utilisation(tentative) {
            None if load >= 0.01 => format!("away, {} h allocated", hours_text(load)),
            None => "away".to_string(),
            Some(_) => {
                // Hours times 100 over hours, not the share times 100: the
                // share of 23 h in 40 h is a hair under 0.575, which would
                // round 57.5 % down.
                let percent = (load * 100.0 / self.capacity).round() as i64;
                if self.band(tentative) == Band::Over {
                    format!("{percent} %, {} h over", hours_text(self.over(tentative)))
                } else {
                    format!("{percent} %, {} h free", hours_text(self.free(tentative)))
                }
            }
        }
    }

    /// The numbers behind the bar, for a tooltip or a screen reader:
    /// "Capacity 40 h · support 4 h · confirmed 20 h · tentative 8 h ·
    /// 80 %, 8 h free".
    pub fn details(&self, tentative: bool) -> String {
        let mut parts = vec![format!("Capacity {} h", hours_text(self.capacity))];
        for (name, hours) in [
            ("support", self.support),
            ("confirmed", self.confirmed),
            ("tentative", self.tentative),
        ] {
            if hours >= 0.01 {
                parts.push(format!("{name} {} h", hours_text(hours)));
            }
        }
        if !tentative && self.tentative >= 0.01 {
            if let Some(last) = parts.last_mut() {
                last.push_str(" (not counted)");
            }
        }
        parts.push(self.headline(tentative));
        parts.join(" · ")
    }

    fn add(&mut self, other: &Cell) {
        self.capacity += other.capacity;
        self.support += other.support;
        self.confirmed += other.confirmed;
        self.tentative += other.tentative;
    }
}

/// One person's weeks.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonRow {
    pub person: PersonId,
    /// Index into [`Capacity::teams`].
    pub team: usize,
    pub cells: Vec<Cell>,
}

/// An open role's weeks: the capacity the hire would bring and the work
/// allocated to it.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleRow {
    pub role: RoleId,
    /// Index into [`Capacity::teams`].
    pub team: usize,
    pub cells: Vec<Cell>,
}

/// The people of one team (rows `first_row..first_row + members`) and
/// their summed weeks (with the team's shown open roles).
#[derive(Debug, Clone, PartialEq)]
pub struct TeamRow {
    /// "" for people without a team.
    pub name: String,
    pub first_row: usize,
    pub members: usize,
    pub cells: Vec<Cell>,
}

/// The hours of one skill a week: what its holders have and what the work
/// needing it takes.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillRow {
    pub skill: SkillId,
    pub supply: Vec<f64>,
    pub demand: Vec<f64>,
}

/// An open activity whose remaining effort (or a contract's hours over the
/// rest of its term) its people do not cover by its deadline, or that has
/// no hours planned at all.
#[derive(Debug, Clone, PartialEq)]
pub struct Unstaffed {
    pub activity: ActivityId,
    pub remaining: f64,
    /// Hours people are allocated from this week to the deadline week.
    pub staffed: f64,
    /// Hours placeholder roles hold in that time (part of `missing`).
    pub placeholder: f64,
    /// `remaining - staffed`.
    pub missing: f64,
    /// The weeks from this week to the deadline week, at least 1.
    pub weeks_left: u32,
}

impl Unstaffed {
    /// Whether it has no hours planned: no effort (or contract hours) and
    /// nobody, not even a role to fill, allocated to it.
    pub fn has_no_hours_planned(&self) -> bool {
        self.remaining < 0.5 && self.staffed == 0.0 && self.placeholder == 0.0
    }
}

/// Hours of a scenario's tentative work per week.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioRow {
    pub scenario: ScenarioId,
    pub hours: Vec<f64>,
}

/// Capacity over a range of weeks.
#[derive(Debug, Clone, PartialEq)]
pub struct Capacity {
    pub first_week: Week,
    pub weeks: usize,
    /// Every person, grouped by team (teams in name order, people in id
    /// order within a team).
    pub rows: Vec<PersonRow>,
    /// The open roles that add capacity with these options, in id order.
    pub roles: Vec<RoleRow>,
    pub teams: Vec<TeamRow>,
    /// Everyone summed.
    pub total: Vec<Cell>,
    /// Per week: placeholder hours and missing hours of unstaffed work
    /// (demand nobody is allocated to).
    pub unstaffed_demand: Vec<f64>,
    pub skills: Vec<SkillRow>,
    /// Open activities short of staff, by deadline (none last), then id.
    pub unstaffed: Vec<Unstaffed>,
    /// Every scenario's hours per week, shown or not, in id order.
    pub scenarios: Vec<ScenarioRow>,
    /// Per week: the hours of shown pipeline deals' work, each weighted by
    /// its deal's win probability (16 h a week on a 25 % deal is 4 h).
    pub pipeline: Vec<f64>,
    /// What these numbers count: whether tentative work adds to loads, and
    /// which scenarios are hidden.
    pub options: Options,
}

impl Capacity {
    /// Whether tentative work is counted in loads and demand.
    pub fn counts_tentative(&self) -> bool {
        self.options.include_tentative
    }

    /// The week at column `index`.
    pub fn week(&self, index: usize) -> Week {
        self.first_week.plus_weeks(index as i64)
    }

    /// The column of `week`, if it is in the range.
    pub fn column(&self, week: Week) -> Option<usize> {
        let offset = week.weeks_since(self.first_week);
        (0..self.weeks as i64)
            .contains(&offset)
            .then_some(offset as usize)
    }

    /// The row of `person`.
    pub fn row(&self, person: PersonId) -> Option<&PersonRow> {
        self.rows.iter().find(|row| row.person == person)
    }

    /// The cell of `person` in `week`, if both are there.
    pub fn cell(&self, person: PersonId, week: Week) -> Option<Cell> {
        Some(self.row(person)?.cells[self.column(week)?])
    }

    /// The row of an open role, when it adds capacity.
    pub fn role_row(&self, role: RoleId) -> Option<&RoleRow> {
        self.roles.iter().find(|row| row.role == role)
    }

    /// The cell of a person or of an open role adding capacity in `week`;
    /// none for a placeholder, or outside the range.
    pub fn cell_of(&self, assignee: &Assignee, week: Week) -> Option<Cell> {
        let cells = match assignee {
            Assignee::Person(person) => &self.row(*person)?.cells,
            Assignee::Role(role) => &self.role_row(*role)?.cells,
            Assignee::Placeholder { .. } => return None,
        };
        Some(cells[self.column(week)?])
    }
}

/// Capacity of `plan` over `range` (at most [`MAX_HORIZON_WEEKS`] plus
/// [`LOOKAHEAD_WEEKS`] weeks are computed), "this week" being the week of
/// `today`.
pub fn compute(plan: &Plan, range: Horizon, options: &Options, today: NaiveDate) -> Capacity {
    Tally::new(plan, range, options, today, &mut Baseline::default()).capacity
}

/// Each person's and open role's hours week by week before any work is
/// allocated: what their calendar gives (capacity and support). A drop or
/// any other change of allocations leaves it as it was, so a view keeps one
/// between edits and passes it to [`compute_with`], which works out again
/// only the weeks of people (and roles) that changed, and all of them when
/// the weeks or the public holidays did.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    first_day: i64,
    weeks: usize,
    holidays: Vec<i64>,
    /// By position in the plan's people: the person as last seen and
    /// their weeks.
    people: Vec<Option<(Person, Vec<Cell>)>>,
    /// By position among the open roles shown, the same way (a role as the
    /// person it will be, see `OpenRole::as_person`).
    roles: Vec<Option<(Person, Vec<Cell>)>>,
}

impl Baseline {
    /// Keeps what it knows if it was worked out for these weeks and
    /// holidays; forgets it all otherwise.
    fn begin(&mut self, first_day: i64, weeks: usize, holidays: Vec<i64>) {
        if self.first_day != first_day || self.weeks != weeks || self.holidays != holidays {
            *self = Baseline {
                first_day,
                weeks,
                holidays,
                people: Vec::new(),
                roles: Vec::new(),
            };
        }
    }

    /// The weeks of `person`, the one at `at` among people (or shown
    /// roles): kept if they are the same as last time, else worked out.
    fn weeks_of(&mut self, role: bool, at: usize, person: &Person) -> Vec<Cell> {
        let (first_day, weeks, holidays) = (self.first_day, self.weeks, &self.holidays);
        let entries = if role {
            &mut self.roles
        } else {
            &mut self.people
        };
        if let Some(Some((seen, cells))) = entries.get(at) {
            if seen == person {
                return cells.clone();
            }
        }
        let calendar = Calendar::new(person);
        let cells: Vec<Cell> = (0..weeks)
            .map(|week| {
                let monday = first_day + week as i64 * 7;
                let capacity = calendar.capacity_hours(holidays, monday, monday + 6);
                let available = calendar.available_hours(holidays, monday, monday + 6);
                Cell {
                    capacity,
                    support: (capacity - available).max(0.0),
                    ..Cell::default()
                }
            })
            .collect();
        if entries.len() <= at {
            entries.resize(at + 1, None);
        }
        entries[at] = Some((person.clone(), cells.clone()));
        cells
    }

    /// Forgets people and roles past the ones the plan has now.
    fn end(&mut self, people: usize, roles: usize) {
        self.people.truncate(people);
        self.roles.truncate(roles);
    }
}

/// [`compute`], keeping each person's calendar weeks in `baseline` from one
/// call to the next (the result is the same as `compute`'s).
pub fn compute_with(
    plan: &Plan,
    range: Horizon,
    options: &Options,
    today: NaiveDate,
    baseline: &mut Baseline,
) -> Capacity {
    Tally::new(plan, range, options, today, baseline).capacity
}

/// How finely hours are counted: every hour, share and spread added to a
/// capacity is first rounded to a whole number of these parts of an hour
/// (2^24 of them, about a fifth of a millisecond each). Sums of such numbers
/// are exact in `f64` below 2^29 hours, so they do not depend on the order
/// they are added in, and taking an allocation's hours out and putting them
/// back gives the very number it was: what lets [`Kept`] count a change
/// instead of the whole plan and still agree with [`compute`] to the bit.
pub const HOUR_PARTS: f64 = 16_777_216.0;

/// `hours` rounded to whole [`HOUR_PARTS`]ths (halves away from zero, so
/// that the rounding of `-hours` is minus that of `hours`).
fn counted(hours: f64) -> f64 {
    (hours * HOUR_PARTS).round() / HOUR_PARTS
}

/// What a view keeps between computations of a plan's capacity, so that a
/// change of a few allocations (a drop, its undo) is counted by taking
/// their old hours out and putting their new hours in, instead of counting
/// the whole plan again; anything else is counted from scratch, keeping the
/// calendar weeks of everyone who did not change (see [`Baseline`]).
///
/// Either way the capacity is the one [`compute`] gives, to the bit (see
/// [`HOUR_PARTS`]); tests/properties.rs holds it to that over random edits,
/// undos and redos.
#[derive(Debug, Default)]
pub struct Kept {
    baseline: Baseline,
    tally: Option<Tally>,
    /// The people whose rows changed since [`Kept::take_changed_people`]
    /// was last called; none when anyone's may have.
    changed_people: Option<Vec<PersonId>>,
}

impl Kept {
    /// The capacity of `plan`, as [`compute`] gives it. `changed` lists
    /// the allocations added, edited or removed since the last call, when
    /// nothing else in the plan changed (see `History::changes_since`);
    /// `None` when anything else may have.
    pub fn compute(
        &mut self,
        plan: &Plan,
        changed: Option<&[AllocationId]>,
        range: Horizon,
        options: &Options,
        today: NaiveDate,
    ) -> Capacity {
        let key = Key::of(range, options, today);
        let tally = match (self.tally.take(), changed) {
            (Some(mut tally), Some(changed)) if tally.key == key => {
                let people = tally.update(plan, changed);
                if let Some(changed_people) = &mut self.changed_people {
                    changed_people.extend(people);
                }
                tally
            }
            _ => {
                self.changed_people = None;
                Tally::new(plan, range, options, today, &mut self.baseline)
            }
        };
        let capacity = tally.capacity.clone();
        self.tally = Some(tally);
        capacity
    }

    /// The people whose rows the computations since the last call changed
    /// (each once, in id order); `None` when anyone's may have, as after a
    /// computation from scratch.
    pub fn take_changed_people(&mut self) -> Option<Vec<PersonId>> {
        let mut people = self.changed_people.replace(Vec::new())?;
        sort_by_number(&mut people, |person| u64::from(person.0));
        people.dedup();
        Some(people)
    }
}

mod proposal;
mod take_it;
mod tally;
#[cfg(test)]
mod tests;

pub use proposal::{covered_hours, lanes, proposed_allocation, HoursFrom, Proposal};
pub use take_it::{can_we_take_it, Answer, Engagement, Fit};
use tally::{Key, Tally};
