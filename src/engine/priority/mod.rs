//! The priority list: which open initiative of the ops plan deserves
//! attention first, with a score anyone can recompute by hand and a
//! sentence saying why. The firm's book of work (client projects,
//! contracts, deals) is not ranked: it is booked, not prioritised against
//! the goal.
//!
//! # The formula
//!
//! All times are fractional calendar days counted from `today`, which is a
//! parameter like everywhere in the core; durations and slack are counted
//! in the owner's working days, as planners count them.
//!
//! 1. Done activities drop out. Activities on a dependency loop (as found by
//!    [`dependency_cycles`]) drop out too and are reported in
//!    [`Ranking::loops`]; dependencies on them are ignored, so the rest of the
//!    plan still ranks. No plan makes the ranking panic.
//! 2. Remaining effort = effort hours × (1 − ticked ÷ total items) when the
//!    definition-of-done checklist has items, else the effort hours.
//! 3. Duration: the remaining effort in the owner's working days (their
//!    weekly hours over their working weekdays a day; 8 hours a day, Monday
//!    to Friday, when there is no owner or no hours). Working days are the
//!    owner's working weekdays less public holidays, leave (a half day
//!    counts half) and the days before their start or after their end; work
//!    an owner is not there long enough to do runs on the default calendar.
//! 4. Forward pass over the open dependencies: earliest start
//!    ES = max(0, start − today, latest EF of its dependencies) and earliest
//!    finish EF = the time `duration` working days after ES.
//! 5. Backward pass: latest finish LF = min(deadline − today + 1,
//!    goal date − today + 1, earliest LS of its dependents), the + 1 because
//!    the deadline day itself can be worked; with none of these, LF is the
//!    project end, the largest EF. LS = the time `duration` working days
//!    before LF; slack = the working days from EF to LF, and negative slack
//!    (LF before EF) means late.
//! 6. Critical path: the activities whose slack is within half a working
//!    day of the smallest slack (the tightest chain). Without deadlines and
//!    goal date this is the textbook critical path of zero total float.
//! 7. Unblocks: the open dependents that list it (direct), all open
//!    transitive dependents (total), and the sum of their impacts.
//! 8. Days left = deadline − today; urgency = duration ÷ the owner's working
//!    days in those days, kept between 0 and 3; 3 when due today, overdue or
//!    with no working day left; 0 without a deadline.
//! 9. Score = 10 × impact + 4 × unblocked impact + 30 on the critical path
//!    + 20 × urgency + (14 − slack, kept between 0 and 28).
//! 10. An activity waiting on open dependencies scores at most the lowest
//!     score among them minus 1, so it ranks below the work it waits for.
//! 11. Order: score descending, then deadline ascending (none last), then id.
//! 12. Pins move an activity to its pinned place (in ascending pinned
//!     position, past the end means last); the others keep their order.
//!
//! [`FORMULA`] says the same for the people reading the list.
//!
//! # Speed and size
//!
//! `make bench` times `rank (large plan)` (docs/performance.md).
//! Activities are numbered by their place in dependency order, so both
//! passes are single loops, and the transitive dependents are bitsets of
//! `u64` words built in reverse order; the unblocked impact is a popcount
//! against one mask per impact level. There is no hashing and only unstable
//! sorts (or [`sort_by_number`]), because every distinct sort or hash
//! instantiation costs kilobytes in the browser bundle.

use std::fmt::Write as _;

use crate::engine::availability::{day_number, holiday_numbers, Calendar};
use crate::engine::validate::dependency_cycles;
use crate::model::{
    sort_by_number, Activity, ActivityId, IdIndex, NaiveDate, Person, PersonId, Plan, Status,
    WEEKDAYS,
};

mod explain;
mod network;
#[cfg(test)]
mod tests;

use explain::*;
use network::*;

/// How the ranking works, in words a manager reads under "How is this
/// ranked?".
pub const FORMULA: &str = "\
Every open initiative of the ops plan gets a score, and the highest score comes first.

Score = 10 × impact (1 to 5)
      + 4 × the impact of all the work it unblocks (every initiative
            that waits on it, directly or through others)
      + 30 when it is on the critical path
      + 20 × urgency (0 to 3)
      + 14 minus its working days of slack, kept between 0 and 28:
            14 working days of slack or more add nothing, being late
            adds more.

Duration: the work left (the effort, less the share of the
definition-of-done checklist already ticked), in the owner's working
days: their working weekdays, less public holidays, their leave and
the days before they start or after they leave. Without an owner a
day is 8 hours, Monday to Friday.

Slack: how many of the owner's working days the initiative can slip
before it misses its deadline or the goal date, or makes late an
initiative that waits on it. Each initiative is planned to start as early
as its start date and its dependencies allow. Negative slack means it
is already late.

Critical path: the initiatives with the least slack. A slip there moves
the end date.

Urgency: the duration divided by the owner's working days left until
the deadline; 3 when it is due today or overdue; 0 without a deadline.

Waiting: an initiative that waits on unfinished work scores just below
the lowest-scoring initiative it waits on, so all that work comes first.

Ties go to the earlier deadline, then to the older one. A pinned
initiative stays at the place it was pinned to, and the others keep
their order around it. Done initiatives and initiatives caught in a
dependency loop are not ranked. The book of work (client projects,
contracts, deals) is not ranked: it is booked, not prioritised.";

/// Points per level of impact.
const IMPACT_POINTS: f64 = 10.0;
/// Points per level of impact of every activity it unblocks.
const UNBLOCKED_IMPACT_POINTS: f64 = 4.0;
/// Points for being on the critical path.
const CRITICAL_PATH_POINTS: f64 = 30.0;
/// Points per unit of urgency.
const URGENCY_POINTS: f64 = 20.0;
/// The highest urgency, given to work due today or overdue.
const MAX_URGENCY: f64 = 3.0;
/// Slack below this many days adds a point a day.
const SLACK_HORIZON_DAYS: f64 = 14.0;
/// The most points lateness can add, so one very late activity cannot
/// swamp everything else.
const MAX_SLACK_POINTS: f64 = 28.0;
/// How close to the tightest slack an activity must be to be critical.
const CRITICAL_SLACK_TOLERANCE_DAYS: f64 = 0.5;
/// A working day and a working week when the owner does not say.
const DEFAULT_DAILY_HOURS: f64 = 8.0;

/// The priority list of a plan on one day.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// The open activities, first place first.
    pub entries: Vec<Ranked>,
    /// Dependency loops; the activities on them are not ranked.
    pub loops: Vec<DependencyLoop>,
}

/// Activities that depend on each other in a circle, so none can start.
#[derive(Debug, Clone, PartialEq)]
pub struct DependencyLoop {
    /// In dependency order, starting from the smallest id.
    pub activities: Vec<ActivityId>,
    /// "the dependencies form a loop: A → B → A".
    pub message: String,
}

/// One place of the priority list.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub activity: ActivityId,
    /// The place in the list, 1 at the top, pins included.
    pub position: usize,
    /// The place by score alone, 1 at the top.
    pub computed_rank: usize,
    /// Whether a person pinned it to `position`.
    pub pinned: bool,
    pub score: f64,
    pub parts: ScoreParts,
    /// The unfinished activities it depends on, in id order.
    pub waiting_on: Vec<ActivityId>,
    /// "unblocks 3 initiatives · on the critical path · 4 working days of slack ·
    /// impact 5".
    pub explanation: String,
}

/// The numbers a score is made of. Times are calendar days from today;
/// durations and slack are the owner's working days.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScoreParts {
    pub impact: u8,
    /// Open activities that list it as a dependency.
    pub unblocks_direct: usize,
    /// Open activities that wait on it, directly or through others.
    pub unblocks_total: usize,
    /// The sum of the impacts of those activities.
    pub unblocked_impact: u32,
    pub remaining_effort_hours: f64,
    /// The remaining effort in the owner's working days.
    pub duration_days: f64,
    pub earliest_finish: f64,
    pub latest_finish: f64,
    /// The latest finish less the duration, on the owner's calendar.
    pub latest_start: f64,
    /// The owner's working days from the earliest to the latest finish;
    /// negative when late.
    pub slack_days: f64,
    pub on_critical_path: bool,
    /// Deadline − today; none without a deadline.
    pub days_left: Option<i64>,
    pub urgency: f64,
}

/// Ranks the open activities of `plan` as of `today`. See the module
/// documentation for the formula.
pub fn rank(plan: &Plan, today: NaiveDate) -> Ranking {
    let activities = &plan.activities;
    let lookup = IdIndex::of(activities.iter().map(|activity| activity.id.0));

    let cycles = dependency_cycles(plan);
    let mut on_loop = vec![false; activities.len()];
    for id in cycles.iter().flatten() {
        if let Some(index) = lookup.get(id.0) {
            on_loop[index] = true;
        }
    }
    let mut loops: Vec<DependencyLoop> = cycles
        .into_iter()
        .map(|cycle| loop_report(plan, cycle))
        .collect();

    let network = Network::new(activities, &lookup, &on_loop);
    if !network.unordered.is_empty() {
        // Cannot happen with the loops above taken out (every loop has an
        // activity on a reported loop), but if it ever did, naming the
        // activities beats dropping them silently.
        loops.push(unordered_report(activities, &network.unordered));
    }

    let parts = score_parts(plan, today, &network);
    let scores = scores(&network, &parts);

    // The order by score, then deadline (none last), then id. The keys are
    // copied into one small vector first: comparing them there is faster
    // than reaching into the activities, and the plan index settles plans
    // with duplicate ids, so the unstable sort is still deterministic.
    let mut keys: Vec<(f64, i64, ActivityId, usize)> = network
        .order
        .iter()
        .map(|index| {
            let activity = &activities[*index];
            let deadline = activity
                .deadline
                .map_or(i64::MAX, |date| days_from(today, date));
            (scores[*index], deadline, activity.id, *index)
        })
        .collect();
    keys.sort_unstable_by(|left, right| {
        right
            .0
            .total_cmp(&left.0)
            .then_with(|| (left.1, left.2, left.3).cmp(&(right.1, right.2, right.3)))
    });
    let mut computed_rank = vec![0usize; activities.len()];
    for (place, key) in keys.iter().enumerate() {
        computed_rank[key.3] = place + 1;
    }
    let computed: Vec<usize> = keys.into_iter().map(|key| key.3).collect();

    let (order, pinned) = apply_pins(plan, &lookup, &network, computed);
    let has_goal_date = plan.goal.target_date.is_some();
    let entries = order
        .into_iter()
        .enumerate()
        .map(|(place, index)| {
            let waiting_for = network.dependencies.of(index);
            let mut waiting_on: Vec<ActivityId> = waiting_for
                .iter()
                .map(|dependency| activities[*dependency].id)
                .collect();
            sort_by_number(&mut waiting_on, |id| id.0.into());
            Ranked {
                activity: activities[index].id,
                position: place + 1,
                computed_rank: computed_rank[index],
                pinned: pinned[index],
                score: scores[index],
                parts: parts[index].clone(),
                waiting_on,
                explanation: explanation(
                    activities,
                    index,
                    waiting_for,
                    &parts[index],
                    has_goal_date,
                ),
            }
        })
        .collect();
    Ranking { entries, loops }
}

/// Everything but the score, for every ranked activity (by plan index; the
/// others keep the default).
fn score_parts(plan: &Plan, today: NaiveDate, network: &Network) -> Vec<ScoreParts> {
    let activities = &plan.activities;
    let calendars = Calendars::new(plan, today);
    let mut parts: Vec<ScoreParts> = vec![ScoreParts::default(); activities.len()];
    let goal_finish = plan
        .goal
        .target_date
        .map(|date| days_from(today, date) as f64 + 1.0);

    // What each activity needs on its own, in plan order: reading the large
    // activity records front to back is kinder to the cache than in
    // dependency order.
    let mut start_days: Vec<f64> = vec![0.0; activities.len()];
    for (index, activity) in activities.iter().enumerate() {
        if network.slot[index] == usize::MAX {
            continue;
        }
        let calendar = calendars.of(activity);
        let remaining = activity.remaining_effort_hours();
        let duration = remaining / calendar.daily_hours;
        let days_left = activity.deadline.map(|date| days_from(today, date));
        start_days[index] = activity
            .start
            .map_or(0.0, |date| days_from(today, date) as f64)
            .max(0.0);
        let part = &mut parts[index];
        part.impact = activity.impact;
        part.remaining_effort_hours = remaining;
        part.duration_days = duration;
        part.days_left = days_left;
        let working_days_left = days_left.map(|days| calendars.between(calendar, 0.0, days as f64));
        part.urgency = urgency(duration, days_left, working_days_left);
    }

    // Forward pass: every dependency comes earlier in the order.
    let mut project_end: f64 = 0.0;
    for &index in &network.order {
        let earliest_start = network
            .dependencies
            .of(index)
            .iter()
            .map(|dependency| parts[*dependency].earliest_finish)
            .fold(start_days[index], f64::max);
        let calendar = calendars.of(&activities[index]);
        let part = &mut parts[index];
        part.earliest_finish = calendars.advance(calendar, earliest_start, part.duration_days);
        project_end = project_end.max(part.earliest_finish);
    }

    // Backward pass: every dependent comes later in the order.
    let mut smallest_slack = f64::INFINITY;
    for &index in network.order.iter().rev() {
        let own_finish = parts[index].days_left.map(|days| days as f64 + 1.0);
        let latest_finish = network
            .dependents
            .of(index)
            .iter()
            .map(|dependent| parts[*dependent].latest_start)
            .chain(own_finish)
            .chain(goal_finish)
            .reduce(f64::min)
            .unwrap_or(project_end);
        let calendar = calendars.of(&activities[index]);
        let part = &mut parts[index];
        part.latest_finish = latest_finish;
        part.latest_start = calendars.retreat(calendar, latest_finish, part.duration_days);
        part.slack_days = if latest_finish >= part.earliest_finish {
            calendars.between(calendar, part.earliest_finish, latest_finish)
        } else {
            -calendars.between(calendar, latest_finish, part.earliest_finish)
        };
        smallest_slack = smallest_slack.min(part.slack_days);
    }
    for &index in &network.order {
        let part = &mut parts[index];
        part.on_critical_path = part.slack_days <= smallest_slack + CRITICAL_SLACK_TOLERANCE_DAYS;
    }

    unblocked(network, &mut parts);
    parts
}

/// Fills in what each activity unblocks. Each activity's dependents are a
/// bitset over the order; walking the order backwards, an activity's set is
/// the union of its direct dependents and their sets, which are complete by
/// then. One mask per impact level turns the impact sum into popcounts.
/// Dependents come later in the order, so a set has no bits before its own
/// place and the words before it are skipped.
fn unblocked(network: &Network, parts: &mut [ScoreParts]) {
    let count = network.order.len();
    let words = count.div_ceil(64);
    let mut reach: Vec<u64> = vec![0; count * words];
    let mut level_masks: Vec<(u32, Vec<u64>)> = Vec::new();
    for (place, index) in network.order.iter().enumerate() {
        let level = u32::from(parts[*index].impact);
        let at = match level_masks.iter().position(|(known, _)| *known == level) {
            Some(at) => at,
            None => {
                level_masks.push((level, vec![0; words]));
                level_masks.len() - 1
            }
        };
        level_masks[at].1[place / 64] |= 1 << (place % 64);
    }

    for (place, index) in network.order.iter().enumerate().rev() {
        let row = place * words;
        for dependent in network.dependents.of(*index) {
            let dependent_place = network.slot[*dependent];
            // A dependent always comes later in the order; the check keeps
            // the split below in bounds even if that were ever broken.
            if dependent_place <= place || dependent_place >= count {
                continue;
            }
            let first_word = dependent_place / 64;
            let (earlier, later) = reach.split_at_mut(dependent_place * words);
            let own = &mut earlier[row + first_word..row + words];
            for (word, theirs) in own.iter_mut().zip(&later[first_word..words]) {
                *word |= *theirs;
            }
            own[0] |= 1 << (dependent_place % 64);
        }
        let first_word = (place + 1) / 64;
        let mut total: u32 = 0;
        let mut impact: u32 = 0;
        for (word_index, word) in reach[row..row + words].iter().enumerate().skip(first_word) {
            if *word == 0 {
                continue;
            }
            total += word.count_ones();
            for (level, mask) in &level_masks {
                let members = (word & mask[word_index]).count_ones();
                impact = impact.saturating_add(members.saturating_mul(*level));
            }
        }
        let part = &mut parts[*index];
        part.unblocks_direct = network.dependents.of(*index).len();
        part.unblocks_total = total as usize;
        part.unblocked_impact = impact;
    }
}

/// The scores by plan index, capped for waiting activities. Dependencies
/// come first in the order, so their scores are final when a dependent
/// reads them.
fn scores(network: &Network, parts: &[ScoreParts]) -> Vec<f64> {
    let mut scores = vec![0.0; parts.len()];
    for &index in &network.order {
        let part = &parts[index];
        let slack_points = (SLACK_HORIZON_DAYS - part.slack_days).clamp(0.0, MAX_SLACK_POINTS);
        let critical_points = if part.on_critical_path {
            CRITICAL_PATH_POINTS
        } else {
            0.0
        };
        let own = IMPACT_POINTS * f64::from(part.impact)
            + UNBLOCKED_IMPACT_POINTS * f64::from(part.unblocked_impact)
            + critical_points
            + URGENCY_POINTS * part.urgency
            + slack_points;
        let waited_for = network
            .dependencies
            .of(index)
            .iter()
            .map(|dependency| scores[*dependency])
            .reduce(f64::min);
        // Work that waits ranks below everything it waits on.
        scores[index] = match waited_for {
            Some(lowest) => own.min(lowest - 1.0),
            None => own,
        };
    }
    scores
}

/// Moves pinned activities to their places. Returns the final order and,
/// by plan index, whether each activity is pinned.
fn apply_pins(
    plan: &Plan,
    lookup: &IdIndex,
    network: &Network,
    computed: Vec<usize>,
) -> (Vec<usize>, Vec<bool>) {
    // Pins on done, looping or unknown activities are ignored; so is a
    // second pin of the same activity.
    let mut pins: Vec<(u32, ActivityId, usize)> = plan
        .priority_pins
        .iter()
        .filter_map(|pin| {
            let index = lookup.get(pin.activity.0)?;
            (network.slot[index] != usize::MAX).then_some((pin.position, pin.activity, index))
        })
        .collect();
    sort_by_number(&mut pins, |(position, id, _)| {
        u64::from(*position) << 32 | u64::from(id.0)
    });
    let mut pinned = vec![false; plan.activities.len()];
    pins.retain(|(_, _, index)| !std::mem::replace(&mut pinned[*index], true));

    let mut order: Vec<usize> = computed
        .into_iter()
        .filter(|index| !pinned[*index])
        .collect();
    // In ascending position, each insert lands exactly where pinned unless
    // the list is shorter, then at its end.
    for (position, _, index) in pins {
        let place = (position as usize).saturating_sub(1).min(order.len());
        order.insert(place, index);
    }
    (order, pinned)
}

/// The working calendars of the owners, for durations and slack counted
/// in working days: each owner's working weekdays less public holidays,
/// leave and the days before they start or after they leave. Work with no
/// known owner, or an owner with no hours, runs on the default calendar (8
/// hours a day, Monday to Friday, less public holidays); so does work whose
/// owner is not there long enough to do it (a leaver).
struct Calendars {
    holidays: Vec<i64>,
    today: i64,
    by_id: Vec<(PersonId, usize)>,
    people: Vec<Calendar>,
    default: Calendar,
}

impl Calendars {
    fn new(plan: &Plan, today: NaiveDate) -> Calendars {
        let mut by_id: Vec<(PersonId, usize)> = plan
            .people
            .iter()
            .enumerate()
            .map(|(index, person)| (person.id, index))
            .collect();
        sort_by_number(&mut by_id, |(id, _)| id.0.into());
        let default = Person {
            weekly_hours: DEFAULT_DAILY_HOURS * 5.0,
            working_days: WEEKDAYS[..5].to_vec(),
            ..Person::new(PersonId(0), "")
        };
        Calendars {
            holidays: holiday_numbers(plan),
            today: day_number(today),
            by_id,
            people: plan.people.iter().map(Calendar::new).collect(),
            default: Calendar::new(&default),
        }
    }

    /// The calendar of the activity's owner, or the default.
    fn of(&self, activity: &Activity) -> &Calendar {
        let Some(owner) = activity.owner else {
            return &self.default;
        };
        let first = self.by_id.partition_point(|(id, _)| *id < owner);
        match self.by_id.get(first) {
            Some((id, index)) if *id == owner => {
                let calendar = &self.people[*index];
                if calendar.daily_hours > 0.0 {
                    calendar
                } else {
                    &self.default
                }
            }
            _ => &self.default,
        }
    }

    /// Working days on `calendar` between two times (days from today).
    fn between(&self, calendar: &Calendar, from: f64, to: f64) -> f64 {
        let today = self.today as f64;
        calendar.days_there_between(&self.holidays, today + from, today + to)
    }

    /// The time `days` working days on `calendar` after `from`.
    fn advance(&self, calendar: &Calendar, from: f64, days: f64) -> f64 {
        let today = self.today as f64;
        calendar
            .advance(&self.holidays, today + from, days)
            .or_else(|| self.default.advance(&self.holidays, today + from, days))
            .map_or(from + days * 7.0 / 5.0, |at| at - today)
    }

    /// The time `days` working days on `calendar` before `to`.
    fn retreat(&self, calendar: &Calendar, to: f64, days: f64) -> f64 {
        let today = self.today as f64;
        calendar
            .retreat(&self.holidays, today + to, days)
            .or_else(|| self.default.retreat(&self.holidays, today + to, days))
            .map_or(to - days * 7.0 / 5.0, |at| at - today)
    }
}

/// How much of the time left the work needs: its working days over the
/// working days from today to the deadline, 0 to 3; 3 when due today,
/// overdue or with no working day left; 0 without a deadline.
fn urgency(duration_days: f64, days_left: Option<i64>, working_days_left: Option<f64>) -> f64 {
    match (days_left, working_days_left) {
        (None, _) | (_, None) => 0.0,
        (Some(days), _) if days <= 0 => MAX_URGENCY,
        (Some(_), Some(left)) if left <= 0.0 => MAX_URGENCY,
        (Some(_), Some(left)) => (duration_days / left).clamp(0.0, MAX_URGENCY),
    }
}

fn days_from(today: NaiveDate, date: NaiveDate) -> i64 {
    date.signed_duration_since(today).num_days()
}
