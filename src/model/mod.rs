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

mod activity;
mod booking;
mod checkin;
mod people;
mod roles;
mod text;

pub use cadence::{weekday_name, Cadence, CadenceKind, Frequency, MAX_NTH};
pub use dates::{long_date, medium_date, parse_iso_date, short_date};
pub use ids::{
    ActivityId, AllocationId, BadId, CadenceId, CheckInId, MetricId, PersonId, PlanId, RoleId,
    ScenarioId, SkillId,
};
pub use index::{index_of, IdIndex};
pub use week::Week;

pub use activity::*;
pub use booking::*;
pub use checkin::*;
pub use people::*;
pub use roles::*;
pub use text::{
    amount_text, count_figure, count_of, hours_figure, join_and, level_name, number_text,
    percent_text, signed_amount_text,
};

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
mod tests;
