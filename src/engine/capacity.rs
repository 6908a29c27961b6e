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
    count_of, sort_by_number, Activity, ActivityId, Allocation, AllocationId, Assignee, Commitment,
    Horizon, NaiveDate, Person, PersonId, Plan, RoleId, ScenarioId, SkillId, SkillRequirement,
    Status, Week, MAX_HORIZON_WEEKS,
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

/// What a capacity is worked out for besides the plan: the same key and
/// the same plan give the same capacity.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    start: Week,
    weeks: usize,
    options: Options,
    this_week: Week,
}

impl Key {
    fn of(range: Horizon, options: &Options, today: NaiveDate) -> Key {
        Key {
            start: range.start,
            weeks: range.weeks.min(MAX_HORIZON_WEEKS + LOOKAHEAD_WEEKS) as usize,
            options: options.clone(),
            this_week: Week::containing(today),
        }
    }
}

/// An allocation as it is counted: what its hours need of it, without its
/// texts (a kept copy of twelve thousand of them costs no allocation).
#[derive(Debug, Clone, Copy)]
struct Work {
    id: AllocationId,
    holder: Holder,
    activity: ActivityId,
    hours_per_week: f64,
    first_week: Week,
    last_week: Week,
    commitment: Commitment,
    scenario: Option<ScenarioId>,
}

/// Who holds a piece of [`Work`].
#[derive(Debug, Clone, Copy)]
enum Holder {
    Person(PersonId),
    Role(RoleId),
    Placeholder,
}

impl Work {
    fn of(allocation: &Allocation) -> Work {
        Work {
            id: allocation.id,
            holder: match allocation.assignee {
                Assignee::Person(person) => Holder::Person(person),
                Assignee::Role(role) => Holder::Role(role),
                Assignee::Placeholder { .. } => Holder::Placeholder,
            },
            activity: allocation.activity,
            hours_per_week: allocation.hours_per_week,
            first_week: allocation.first_week,
            last_week: allocation.last_week,
            commitment: allocation.commitment,
            scenario: allocation.scenario,
        }
    }
}

/// What counting one piece of work touched, for [`Tally::update`].
#[derive(Debug, Default)]
struct Touched {
    /// Its activity, by position in the plan, when its hours count there.
    activity: Option<usize>,
    /// The team of the row it is on.
    team: Option<usize>,
    person: Option<PersonId>,
}

/// A capacity being counted, with what it takes to count a change of
/// allocations into it: the plan's shape (rows, positions, each activity's
/// facts) and what each allocation and activity added.
#[derive(Debug)]
struct Tally {
    key: Key,
    first_day: i64,
    capacity: Capacity,
    /// Every allocation as counted, in id order.
    work: Vec<Work>,
    activity_at: Positions,
    person_at: Positions,
    /// By position in the plan's people: their row.
    row_of_person: Vec<usize>,
    /// By position in the plan's open roles: their row, when shown.
    role_rows: Vec<Option<usize>>,
    /// The skill rows of every activity (see [`ActivityFacts::skill_rows`]).
    skill_rows: Vec<usize>,
    facts: Vec<ActivityFacts>,
    /// By position in the plan's activities: hours people and placeholders
    /// hold from this week to its deadline week.
    staffed: Vec<(f64, f64)>,
    /// By position in the plan's activities: for a contract, the hours its
    /// people and shown roles are booked on it in each column (a week's
    /// surplus does not make up for another week's gap).
    covered: Vec<Option<Vec<f64>>>,
    /// By position in the plan's activities: the hours a week its missing
    /// work adds to demand, and in which columns.
    spreads: Vec<Option<(f64, std::ops::Range<usize>)>>,
    /// The order of each of `capacity.unstaffed` (see [`unstaffed_order`]).
    unstaffed_order: Vec<u64>,
}

impl Tally {
    /// Counts `plan` from scratch.
    fn new(
        plan: &Plan,
        range: Horizon,
        options: &Options,
        today: NaiveDate,
        baseline: &mut Baseline,
    ) -> Tally {
        let key = Key::of(range, options, today);
        let weeks = key.weeks;
        let first_day = day_number(range.start.monday());
        baseline.begin(first_day, weeks, holiday_numbers(plan));

        // The open roles that add capacity: not filled, scenario shown.
        let shown_roles: Vec<&crate::model::OpenRole> = plan
            .roles
            .iter()
            .filter(|role| role.adds_capacity(&options.hidden_scenarios))
            .collect();

        // Teams in name order, then the people of each in id order.
        let mut team_names: Vec<&str> = Vec::new();
        let team_names_of_roles = shown_roles.iter().map(|role| role.team.trim());
        for name in plan
            .people
            .iter()
            .map(|person| person.team.trim())
            .chain(team_names_of_roles)
        {
            if let Err(at) = team_names.binary_search(&name) {
                team_names.insert(at, name);
            }
        }
        let team_of = |person: &Person| {
            team_names
                .binary_search(&person.team.trim())
                .unwrap_or_default()
        };
        let mut rows: Vec<PersonRow> = Vec::with_capacity(plan.people.len());
        let mut row_of_person = vec![0usize; plan.people.len()];
        let mut teams: Vec<TeamRow> = Vec::with_capacity(team_names.len());
        for (team, name) in team_names.iter().enumerate() {
            let first_row = rows.len();
            for (index, person) in plan.people.iter().enumerate() {
                if team_of(person) != team {
                    continue;
                }
                row_of_person[index] = rows.len();
                rows.push(PersonRow {
                    person: person.id,
                    team,
                    cells: baseline.weeks_of(false, index, person),
                });
            }
            teams.push(TeamRow {
                name: name.to_string(),
                first_row,
                members: rows.len() - first_row,
                cells: Vec::new(),
            });
        }

        // A role counts as the person it will be (see `OpenRole::as_person`).
        let roles: Vec<RoleRow> = shown_roles
            .iter()
            .enumerate()
            .map(|(at, role)| RoleRow {
                role: role.id,
                team: team_names
                    .binary_search(&role.team.trim())
                    .unwrap_or_default(),
                cells: baseline.weeks_of(true, at, &role.as_person(PersonId(0), &role.title)),
            })
            .collect();
        baseline.end(plan.people.len(), shown_roles.len());
        let role_rows: Vec<Option<usize>> = plan
            .roles
            .iter()
            .map(|role| roles.iter().position(|row| row.role == role.id))
            .collect();

        let this_week = key.this_week;
        let last_week = range.start.plus_weeks(weeks as i64 - 1);
        // What the allocations need of their activity, once per activity.
        let mut skill_rows: Vec<usize> = Vec::new();
        let facts: Vec<ActivityFacts> = plan
            .activities
            .iter()
            .map(|activity| {
                ActivityFacts::of(activity, plan, this_week, last_week, &mut skill_rows)
            })
            .collect();
        let mut work: Vec<Work> = plan.allocations.iter().map(Work::of).collect();
        sort_by_number(&mut work, |work| u64::from(work.id.0));
        let mut tally = Tally {
            first_day,
            capacity: Capacity {
                first_week: range.start,
                weeks,
                rows,
                roles,
                teams,
                total: Vec::new(),
                unstaffed_demand: vec![0.0; weeks],
                skills: plan
                    .skills
                    .iter()
                    .map(|skill| SkillRow {
                        skill: skill.id,
                        supply: vec![0.0; weeks],
                        demand: vec![0.0; weeks],
                    })
                    .collect(),
                unstaffed: Vec::new(),
                scenarios: plan
                    .scenarios
                    .iter()
                    .map(|scenario| ScenarioRow {
                        scenario: scenario.id,
                        hours: vec![0.0; weeks],
                    })
                    .collect(),
                pipeline: vec![0.0; weeks],
                options: options.clone(),
            },
            work: Vec::new(),
            // Where each activity and person is, by id (a search of the
            // lists themselves, of large items, misses the cache on every
            // step).
            activity_at: Positions::of(plan.activities.iter().map(|activity| activity.id.0)),
            person_at: Positions::of(plan.people.iter().map(|person| person.id.0)),
            row_of_person,
            role_rows,
            skill_rows,
            facts,
            staffed: vec![(0.0, 0.0); plan.activities.len()],
            covered: plan
                .activities
                .iter()
                .map(|activity| activity.weekly_commitment().map(|_| vec![0.0; weeks]))
                .collect(),
            spreads: vec![None; plan.activities.len()],
            unstaffed_order: Vec::new(),
            key,
        };
        for work in &work {
            tally.count(plan, work, 1.0);
        }
        tally.work = work;

        // Unstaffed work, spread over its remaining weeks.
        let mut unstaffed: Vec<(u64, Unstaffed)> = Vec::new();
        for index in 0..plan.activities.len() {
            if let Some((order, item, spread)) = tally.unstaffed_of(plan, index) {
                unstaffed.push((order, item));
                tally.spread(index, spread);
            }
        }
        sort_by_number(&mut unstaffed, |(order, _)| *order);
        (tally.unstaffed_order, tally.capacity.unstaffed) = unstaffed.into_iter().unzip();

        tally.add_skill_supply(plan, &shown_roles);
        for team in 0..tally.capacity.teams.len() {
            tally.sum_team(team);
        }
        tally.sum_total();
        tally
    }

    /// Counts the changes of the allocations with ids `changed` into the
    /// capacity: the plan is the one counted but for them. Returns the
    /// people whose rows changed.
    fn update(&mut self, plan: &Plan, changed: &[AllocationId]) -> Vec<PersonId> {
        let mut changed = changed.to_vec();
        sort_by_number(&mut changed, |id| u64::from(id.0));
        changed.dedup();
        let mut touched: Vec<Touched> = Vec::new();
        for id in changed {
            let kept = self.work.binary_search_by_key(&id, |work| work.id);
            if let Ok(at) = kept {
                let old = self.work[at];
                touched.push(self.count(plan, &old, -1.0));
            }
            let new = plan.allocation(id).map(Work::of);
            if let Some(new) = &new {
                touched.push(self.count(plan, new, 1.0));
            }
            match (new, kept) {
                (Some(new), Ok(at)) => self.work[at] = new,
                (Some(new), Err(at)) => self.work.insert(at, new),
                (None, Ok(at)) => {
                    self.work.remove(at);
                }
                (None, Err(_)) => {}
            }
        }
        let mut activities: Vec<usize> = touched.iter().filter_map(|t| t.activity).collect();
        sort_by_number(&mut activities, |index| *index as u64);
        activities.dedup();
        for index in activities {
            self.restaff(plan, index);
        }
        let mut teams: Vec<usize> = touched.iter().filter_map(|t| t.team).collect();
        sort_by_number(&mut teams, |index| *index as u64);
        teams.dedup();
        for &team in &teams {
            self.sum_team(team);
        }
        if !teams.is_empty() {
            self.sum_total();
        }
        touched.iter().filter_map(|t| t.person).collect()
    }

    /// The columns from `first` to `last` inclusive, clamped to the range:
    /// work wholly before or after it gives an empty span.
    fn columns(&self, first: Week, last: Week) -> std::ops::Range<usize> {
        columns_of(self.first_day, self.capacity.weeks, first, last)
    }

    /// Adds `work`'s hours to the capacity, or takes them out (`sign` -1).
    fn count(&mut self, plan: &Plan, work: &Work, sign: f64) -> Touched {
        let mut touched = Touched::default();
        let hours = sign * counted(usable_hours(work.hours_per_week));
        let span = self.columns(work.first_week, work.last_week);
        let capacity = &mut self.capacity;
        // Scenario rows count hidden scenarios too, so that a hidden
        // scenario can still say how much work it would bring.
        if let Some(scenario) = work.scenario {
            if let Some(row) = index_of(&plan.scenarios, scenario, |s| s.id)
                .and_then(|index| capacity.scenarios.get_mut(index))
            {
                for slot in &mut row.hours[span.clone()] {
                    *slot += hours;
                }
            }
        }
        let options = &self.key.options;
        if !options.shows_work(work.commitment, work.scenario) {
            return touched;
        }
        let activity_index = self.activity_at.get(work.activity.0);
        // A deal's work, weighted by its chance of being won (rounded to
        // whole parts like every other sum, so a kept capacity stays exact).
        if let Some(probability) = activity_index.and_then(|at| self.facts[at].probability) {
            let weighted = sign * counted(usable_hours(work.hours_per_week) * probability);
            for slot in &mut capacity.pipeline[span.clone()] {
                *slot += weighted;
            }
        }
        let tentative = work.commitment == Commitment::Tentative;
        let counts = options.counts_work(work.commitment, work.scenario);
        let add = |cells: &mut [Cell]| {
            for cell in cells {
                if tentative {
                    cell.tentative += hours;
                } else {
                    cell.confirmed += hours;
                }
            }
        };
        let role_row = match work.holder {
            Holder::Role(role) => {
                index_of(&plan.roles, role, |r| r.id).and_then(|index| self.role_rows[index])
            }
            _ => None,
        };
        match (work.holder, role_row) {
            (Holder::Person(person), _) => {
                if let Some(index) = self.person_at.get(person.0) {
                    let row = &mut capacity.rows[self.row_of_person[index]];
                    add(&mut row.cells[span.clone()]);
                    touched.team = Some(row.team);
                    touched.person = Some(person);
                }
            }
            (Holder::Role(_), Some(row)) => {
                let row = &mut capacity.roles[row];
                add(&mut row.cells[span.clone()]);
                touched.team = Some(row.team);
            }
            // A hire not shown brings no capacity: its work is demand, like
            // a placeholder's.
            (Holder::Role(_) | Holder::Placeholder, _) => {
                if counts {
                    for slot in &mut capacity.unstaffed_demand[span.clone()] {
                        *slot += hours;
                    }
                }
            }
        }
        if !counts {
            return touched;
        }
        let Some(activity_index) = activity_index else {
            return touched;
        };
        touched.activity = Some(activity_index);
        let fact = &self.facts[activity_index];
        let (from, to) = (fact.from, fact.to);
        let first = work.first_week.max(from);
        let last = to.map_or(work.last_week, |to| work.last_week.min(to));
        if first <= last {
            let held = hours * (last.weeks_since(first) + 1) as f64;
            let columns = columns_of(self.first_day, capacity.weeks, first, last);
            let slot = &mut self.staffed[activity_index];
            match (work.holder, role_row) {
                (Holder::Person(_), _) | (Holder::Role(_), Some(_)) => {
                    slot.0 += held;
                    if let Some(covered) = &mut self.covered[activity_index] {
                        for slot in &mut covered[columns] {
                            *slot += hours;
                        }
                    }
                }
                (Holder::Role(_) | Holder::Placeholder, _) => slot.1 += held,
            }
        }
        fact.split_over_skills(&self.skill_rows, &mut capacity.skills, hours, span);
        touched
    }

    /// The activity at `index` if it is open and short of staff: its order
    /// among unstaffed work (see [`unstaffed_order`]), what it misses, and
    /// the hours a week that adds to demand besides its placeholders'.
    fn unstaffed_of(&self, plan: &Plan, index: usize) -> Option<(u64, Unstaffed, f64)> {
        let activity = plan.activities.get(index)?;
        if activity.status == Status::Done
            || (activity.commitment == Commitment::Tentative && !self.key.options.include_tentative)
        {
            return None;
        }
        let fact = &self.facts[index];
        let last = self.last_week_of(fact);
        let weeks_left = (last.weeks_since(fact.from) + 1).clamp(1, i64::from(u32::MAX)) as u32;
        let (mut person_hours, placeholder_hours) = self.staffed[index];
        // A contract asks its hours every week of its term, each week on
        // its own; other work asks the effort it has left.
        let (remaining, missing) = match (activity.weekly_commitment(), &self.covered[index]) {
            (Some(hours), Some(covered)) => {
                let hours = counted(hours);
                let columns = self.columns(fact.from, last);
                let weeks = columns.len() as f64;
                let short: f64 = covered[columns.clone()]
                    .iter()
                    .map(|booked| (hours - booked).max(0.0))
                    .sum();
                person_hours = hours * weeks - short;
                (hours * weeks, short)
            }
            _ => {
                let remaining = activity.remaining_effort_hours();
                (remaining, remaining - person_hours)
            }
        };
        if remaining < 0.5 && person_hours == 0.0 && placeholder_hours == 0.0 {
            // No hours planned at all: listed, so nothing calls it staffed,
            // but it adds no demand.
            return Some((
                unstaffed_order(activity),
                Unstaffed {
                    activity: activity.id,
                    remaining: 0.0,
                    staffed: 0.0,
                    placeholder: 0.0,
                    missing: 0.0,
                    weeks_left,
                },
                0.0,
            ));
        }
        if missing < 0.5 {
            return None;
        }
        // Placeholder hours are already in the weekly demand.
        let spread = counted((missing - placeholder_hours).max(0.0) / f64::from(weeks_left));
        Some((
            unstaffed_order(activity),
            Unstaffed {
                activity: activity.id,
                remaining,
                staffed: person_hours,
                placeholder: placeholder_hours.min(missing),
                missing,
                weeks_left,
            },
            spread,
        ))
    }

    /// The last of an activity's remaining weeks: its deadline week, or the
    /// range's last week when it has none.
    fn last_week_of(&self, fact: &ActivityFacts) -> Week {
        fact.to
            .unwrap_or_else(|| self.key.start.plus_weeks(self.key.weeks as i64 - 1))
            .max(fact.from)
    }

    /// Adds the missing hours a week of the activity at `index` to demand
    /// over its remaining weeks, and remembers them.
    fn spread(&mut self, index: usize, spread: f64) {
        if spread <= 0.0 {
            return;
        }
        let fact = &self.facts[index];
        let span = self.columns(fact.from, self.last_week_of(fact));
        self.add_spread(index, spread, span.clone());
        self.spreads[index] = Some((spread, span));
    }

    fn add_spread(&mut self, index: usize, spread: f64, span: std::ops::Range<usize>) {
        for slot in &mut self.capacity.unstaffed_demand[span.clone()] {
            *slot += spread;
        }
        self.facts[index].split_over_skills(
            &self.skill_rows,
            &mut self.capacity.skills,
            spread,
            span,
        );
    }

    /// Works out again whether the activity at `index` is short of staff,
    /// after its allocations changed.
    fn restaff(&mut self, plan: &Plan, index: usize) {
        if let Some((spread, span)) = self.spreads[index].take() {
            self.add_spread(index, -spread, span);
        }
        if let Some(activity) = plan.activities.get(index) {
            if let Ok(at) = self
                .unstaffed_order
                .binary_search(&unstaffed_order(activity))
            {
                self.unstaffed_order.remove(at);
                self.capacity.unstaffed.remove(at);
            }
        }
        if let Some((order, item, spread)) = self.unstaffed_of(plan, index) {
            let at = self
                .unstaffed_order
                .binary_search(&order)
                .unwrap_or_else(|at| at);
            self.unstaffed_order.insert(at, order);
            self.capacity.unstaffed.insert(at, item);
            self.spread(index, spread);
        }
    }

    /// Skill supply: capacity less support of everyone holding the skill,
    /// and of the shown roles.
    fn add_skill_supply(&mut self, plan: &Plan, shown_roles: &[&crate::model::OpenRole]) {
        let capacity = &mut self.capacity;
        let people = plan.people.iter().enumerate().map(|(index, person)| {
            (
                &person.skills,
                &capacity.rows[self.row_of_person[index]].cells,
            )
        });
        let roles = shown_roles
            .iter()
            .zip(&capacity.roles)
            .map(|(role, row)| (&role.skills, &row.cells));
        for (skills, cells) in people.chain(roles) {
            for held in skills {
                if held.level < WORKING_LEVEL {
                    continue;
                }
                if let Some(row) = index_of(&plan.skills, held.skill, |s| s.id)
                    .and_then(|at| capacity.skills.get_mut(at))
                {
                    for (slot, cell) in row.supply.iter_mut().zip(cells) {
                        *slot += (cell.capacity - cell.support).max(0.0);
                    }
                }
            }
        }
    }

    /// The weeks of team `index` summed again from its rows.
    fn sum_team(&mut self, index: usize) {
        let capacity = &mut self.capacity;
        let team = &capacity.teams[index];
        let mut cells = vec![Cell::default(); capacity.weeks];
        let role_rows_of_team = capacity.roles.iter().filter(|row| row.team == index);
        for row_cells in capacity.rows[team.first_row..team.first_row + team.members]
            .iter()
            .map(|row| &row.cells)
            .chain(role_rows_of_team.map(|row| &row.cells))
        {
            for (sum, cell) in cells.iter_mut().zip(row_cells) {
                sum.add(cell);
            }
        }
        capacity.teams[index].cells = cells;
    }

    /// Everyone's weeks summed again from the teams'.
    fn sum_total(&mut self) {
        let mut total = vec![Cell::default(); self.capacity.weeks];
        for team in &self.capacity.teams {
            for (sum, cell) in total.iter_mut().zip(&team.cells) {
                sum.add(cell);
            }
        }
        self.capacity.total = total;
    }
}

/// The columns from `first` to `last` inclusive of `weeks` columns from the
/// Monday `first_day`, clamped to them.
fn columns_of(first_day: i64, weeks: usize, first: Week, last: Week) -> std::ops::Range<usize> {
    let weeks = weeks as i64;
    let column = |week: Week| (day_number(week.monday()) - first_day).div_euclid(7);
    let from = column(first).clamp(0, weeks) as usize;
    let to = (column(last) + 1).clamp(0, weeks) as usize;
    from..to.max(from)
}

/// Where an activity is listed among unstaffed work: by the day number of
/// its deadline (below 2^31; none last), then by id.
fn unstaffed_order(activity: &Activity) -> u64 {
    let deadline = activity.deadline.map_or(u64::from(u32::MAX >> 1), |day| {
        day_number(day).clamp(0, 1 << 30) as u64
    });
    deadline << 32 | u64::from(activity.id.0)
}

/// The weeks an open activity still has: from the later of this week and
/// its start week to its deadline week (none: open-ended).
fn remaining_weeks(activity: &Activity, this_week: Week) -> (Week, Option<Week>) {
    let from = activity
        .start
        .map_or(this_week, |start| Week::containing(start).max(this_week));
    (from, activity.deadline.map(Week::containing))
}

/// What the capacity of its allocations needs of an activity, worked out
/// once per activity instead of once per allocation (a large plan has four
/// allocations per activity).
#[derive(Debug)]
struct ActivityFacts {
    /// Its remaining weeks (see [`remaining_weeks`]).
    from: Week,
    to: Option<Week>,
    /// Where in the list shared by all activities (see [`ActivityFacts::of`])
    /// the rows of [`Capacity::skills`] of the skills it needs are: each
    /// skill once (a skill listed twice, at two levels, counts once), in
    /// the order it lists them; skills not in the catalogue have no row.
    /// One list for all, not one each: thousands of small lists made and
    /// dropped on every computation cost more than the rest of it.
    skill_rows: std::ops::Range<usize>,
    /// How many distinct skills it needs, known or not: its hours are
    /// split evenly between them.
    distinct_skills: usize,
    /// A pipeline deal's win probability (0 to 1); none for other work.
    probability: Option<f64>,
}

impl ActivityFacts {
    /// The facts of `activity`, its skill rows added to `skill_rows`.
    fn of(
        activity: &Activity,
        plan: &Plan,
        this_week: Week,
        last_week: Week,
        skill_rows: &mut Vec<usize>,
    ) -> ActivityFacts {
        let (from, mut to) = remaining_weeks(activity, this_week);
        // A contract asks its hours to the end of the weeks counted (or of
        // its term, when sooner), and its cover is counted over those
        // weeks only: a term running past them is not work short of staff.
        if activity.weekly_commitment().is_some() {
            to = Some(to.map_or(last_week, |to| to.min(last_week)).max(from));
        }
        let needs = &activity.required_skills;
        let mut distinct_skills = 0;
        let first_row = skill_rows.len();
        for (at, need) in needs.iter().enumerate() {
            if needs[..at]
                .iter()
                .any(|earlier| earlier.skill == need.skill)
            {
                continue;
            }
            distinct_skills += 1;
            if let Some(row) = index_of(&plan.skills, need.skill, |s| s.id) {
                skill_rows.push(row);
            }
        }
        ActivityFacts {
            from,
            to,
            skill_rows: first_row..skill_rows.len(),
            distinct_skills,
            probability: activity
                .deal
                .map(|deal| deal.probability)
                .filter(|probability| (0.0..=1.0).contains(probability)),
        }
    }

    /// Adds `hours` a week in `span` to the demand of the skills the
    /// activity needs, split evenly between them; `skill_rows` is the list
    /// the facts were made with.
    fn split_over_skills(
        &self,
        skill_rows: &[usize],
        skills: &mut [SkillRow],
        hours: f64,
        span: std::ops::Range<usize>,
    ) {
        if self.distinct_skills == 0 || span.is_empty() {
            return;
        }
        let share = counted(hours / self.distinct_skills as f64);
        for row in skill_rows.get(self.skill_rows.clone()).unwrap_or_default() {
            if let Some(row) = skills.get_mut(*row) {
                for slot in &mut row.demand[span.clone()] {
                    *slot += share;
                }
            }
        }
    }
}

/// The positions of the items of a list by their id numbers, for many
/// lookups: a table indexed by id number when the ids are about as many as
/// the numbers (a plan numbers them from 1), else a sorted table searched
/// by halves.
#[derive(Debug)]
pub(crate) enum Positions {
    /// `u32::MAX` where no item has that id.
    Dense(Vec<u32>),
    Sorted(Vec<(u32, u32)>),
}

impl Positions {
    pub(crate) fn of(ids: impl Iterator<Item = u32>) -> Positions {
        let mut table: Vec<(u32, u32)> = ids.zip(0..).collect();
        let largest = table.iter().map(|(id, _)| *id).max().unwrap_or(0) as usize;
        if largest <= 4 * table.len() + 1_024 {
            let mut dense = vec![u32::MAX; largest + 1];
            // Of an id listed twice (never in a valid plan), the first.
            for (id, at) in table.iter().rev() {
                dense[*id as usize] = *at;
            }
            return Positions::Dense(dense);
        }
        sort_by_number(&mut table, |(id, _)| u64::from(*id));
        table.dedup_by_key(|(id, _)| *id);
        Positions::Sorted(table)
    }

    pub(crate) fn get(&self, id: u32) -> Option<usize> {
        let at = match self {
            Positions::Dense(table) => *table.get(id as usize)?,
            Positions::Sorted(table) => {
                let found = table.binary_search_by_key(&id, |(id, _)| *id).ok()?;
                table[found].1
            }
        };
        (at != u32::MAX).then_some(at as usize)
    }
}

/// The position of the item with `id` in a list kept in id order.
fn index_of<T, Id: Ord + Copy>(items: &[T], id: Id, id_of: impl Fn(&T) -> Id) -> Option<usize> {
    match items.binary_search_by(|item| id_of(item).cmp(&id)) {
        Ok(index) => Some(index),
        Err(_) => items.iter().position(|item| id_of(item) == id),
    }
}

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

/// A piece of work not yet in the plan, to see whether it fits.
#[derive(Debug, Clone, PartialEq)]
pub struct Engagement {
    pub name: String,
    pub needs: Vec<SkillRequirement>,
    pub hours_per_week: f64,
    pub weeks: u32,
    pub earliest_start: Week,
}

/// Someone who could take the engagement, or why not.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// A person, or an open role of the hiring plan adding capacity (the
    /// hire would take it).
    pub assignee: Assignee,
    /// The first week of the earliest run of `weeks` weeks in each of which
    /// they have the hours free; none when short in a skill or never free
    /// within the look-ahead.
    pub first_week: Option<Week>,
    /// (skill, level held, level needed) of every skill they fall short in.
    pub short_skills: Vec<(SkillId, u8, u8)>,
    /// Their utilisation over those weeks without and with the engagement.
    pub before: f64,
    pub after: f64,
    /// Their team's utilisation over those weeks without and with it.
    pub team_before: f64,
    pub team_after: f64,
}

/// The answer to "can we take it?".
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// The earliest week anyone on the team today can start it without
    /// overload (an open role's week is not: the hire may not happen).
    pub earliest: Option<Week>,
    /// Everyone who meets every skill, then the open roles adding capacity
    /// that do, by first week (none last), then by utilisation after
    /// (lowest first), people before roles; people short in a skill are
    /// left out and counted in `short`, roles short in one left out.
    pub fits: Vec<Fit>,
    /// How many people are short in a skill, of those there in some week
    /// from the start to the end of the look-ahead.
    pub short: usize,
    /// The answer in a sentence.
    pub summary: String,
}

/// Whether the engagement fits: for everyone employed who meets every
/// skill, the first week from `earliest_start` (and not before next week,
/// or this week when `today` is a Monday) that starts `weeks` weeks in each
/// of which they have `hours_per_week` free, within [`LOOKAHEAD_WEEKS`]
/// after the horizon. Free hours follow `options` (tentative work counts
/// only when included).
pub fn can_we_take_it(
    plan: &Plan,
    engagement: &Engagement,
    options: &Options,
    today: NaiveDate,
) -> Answer {
    let this_week = Week::containing(today);
    let soonest = if this_week.monday() == today {
        this_week
    } else {
        this_week.plus_weeks(1)
    };
    let start = engagement.earliest_start.max(soonest);
    let limit = plan.horizon.end().plus_weeks(i64::from(LOOKAHEAD_WEEKS));
    let span = limit
        .weeks_since(start)
        .clamp(0, i64::from(MAX_HORIZON_WEEKS + LOOKAHEAD_WEEKS));
    let range = Horizon {
        start,
        weeks: span as u32,
    };
    let capacity = compute(plan, range, options, today);
    let tentative = options.include_tentative;
    let hours = usable_hours(engagement.hours_per_week);
    let run = engagement.weeks.max(1) as usize;

    let mut fits: Vec<Fit> = Vec::new();
    let mut short = 0;
    // People, then the open roles that add capacity with these options.
    let people = capacity.rows.iter().filter_map(|row| {
        let person = plan.person(row.person)?;
        Some((
            Assignee::Person(row.person),
            &person.skills,
            row.team,
            &row.cells,
        ))
    });
    let roles = capacity.roles.iter().filter_map(|row| {
        let role = plan.role(row.role)?;
        Some((Assignee::Role(row.role), &role.skills, row.team, &row.cells))
    });
    for (assignee, skills, team, cells) in people.chain(roles) {
        // Someone who is never there in these weeks (gone, not started
        // within the look-ahead) is neither a fit nor short of a skill.
        if cells.iter().all(|cell| cell.capacity <= 0.0) {
            continue;
        }
        let missing_skills = short_skills_of(skills, &engagement.needs);
        if !missing_skills.is_empty() {
            if let Assignee::Person(_) = assignee {
                short += 1;
            }
            continue;
        }
        let fits_week: Vec<bool> = cells
            .iter()
            .map(|cell| cell.capacity > 0.0 && cell.free(tentative) + 1e-9 >= hours)
            .collect();
        let first = fits_week
            .windows(run)
            .position(|window| window.iter().all(|fits| *fits));
        let (before, after, team_before, team_after) = match first {
            Some(at) => {
                let share = |cells: &[Cell], added: f64| {
                    let (mut load, mut capacity) = (0.0, 0.0);
                    for cell in cells {
                        load += cell.load(tentative);
                        capacity += cell.capacity;
                    }
                    if capacity > 0.0 {
                        (load + added) / capacity
                    } else {
                        0.0
                    }
                };
                let added = hours * run as f64;
                let team = &capacity.teams[team].cells[at..at + run];
                let own = &cells[at..at + run];
                (
                    share(own, 0.0),
                    share(own, added),
                    share(team, 0.0),
                    share(team, added),
                )
            }
            None => (0.0, 0.0, 0.0, 0.0),
        };
        fits.push(Fit {
            assignee,
            first_week: first.map(|at| capacity.week(at)),
            short_skills: missing_skills,
            before,
            after,
            team_before,
            team_after,
        });
    }
    sort_by_number(&mut fits, |fit| {
        // Week offset (below 2^10; none after every week), utilisation
        // after in tenths of a percent (below 2^20), then people before
        // roles, then the id (below 2^31).
        let week = fit.first_week.map_or(1 << 10, |week| {
            week.weeks_since(start).clamp(0, 1023) as u64
        });
        let after = (fit.after * 1000.0).clamp(0.0, 1_048_575.0) as u64;
        let who = match fit.assignee {
            Assignee::Role(role) => 1 << 31 | u64::from(role.0).min((1 << 31) - 1),
            Assignee::Person(person) => u64::from(person.0).min((1 << 31) - 1),
            Assignee::Placeholder { .. } => u64::MAX >> 32,
        };
        week << 52 | after << 32 | who
    });
    let is_person = |fit: &&Fit| matches!(fit.assignee, Assignee::Person(_));
    let earliest = fits.iter().filter(is_person).find_map(|fit| fit.first_week);
    // The first open role that could take it sooner than anyone there.
    let sooner_hire = fits
        .iter()
        .filter(|fit| !is_person(fit))
        .filter_map(|fit| Some((fit.first_week?, &fit.assignee)))
        .find(|(week, _)| earliest.is_none_or(|earliest| *week < earliest))
        .and_then(|(week, assignee)| match assignee {
            Assignee::Role(role) => Some((week, plan.role_title(*role))),
            _ => None,
        });
    let people_fits = fits.iter().filter(is_person).count();
    let summary = match earliest {
        Some(week) => format!(
            "Yes, from {week}: {} could take {} h a week for {} without overload.",
            count_of(
                fits.iter()
                    .filter(is_person)
                    .filter(|fit| fit.first_week == Some(week))
                    .count(),
                "person",
                "people"
            ),
            hours_text(hours),
            count_of(run, "week", "weeks"),
        ),
        None if people_fits == 0 => format!(
            "No: nobody has every skill it needs ({} short in a skill).",
            count_of(short, "person is", "people are")
        ),
        None => format!(
            "Not before {}: {} every skill but never {} h a week free for {} in a row.",
            limit.plus_weeks(-1),
            count_of(people_fits, "person has", "people have"),
            hours_text(hours),
            count_of(run, "week", "weeks"),
        ),
    };
    let summary = match sooner_hire {
        None => summary,
        Some((week, title)) => {
            format!("{summary} With the open role '{title}' hired as planned: from {week}.")
        }
    };
    Answer {
        earliest,
        fits,
        short,
        summary,
    }
}

#[cfg(test)]
#[path = "capacity_tests.rs"]
mod tests;
