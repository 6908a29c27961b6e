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
    sort_by_number, Activity, ActivityId, NaiveDate, Person, PersonId, Plan, Status, WEEKDAYS,
};

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
    let lookup = ActivityLookup::new(activities);

    let cycles = dependency_cycles(plan);
    let mut on_loop = vec![false; activities.len()];
    for id in cycles.iter().flatten() {
        if let Some(index) = lookup.index_of(*id) {
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

/// Finds an activity's index from its id. Plans are kept in id order, but
/// one being edited may not be, so the lookup keeps its own sorted copy of
/// the ids (small, so a binary search stays in the cache) and, like
/// validation, takes the first activity of an id.
struct ActivityLookup {
    by_id: Vec<(ActivityId, usize)>,
}

impl ActivityLookup {
    fn new(activities: &[Activity]) -> ActivityLookup {
        let mut by_id: Vec<(ActivityId, usize)> = activities
            .iter()
            .enumerate()
            .map(|(index, activity)| (activity.id, index))
            .collect();
        sort_by_number(&mut by_id, |(id, _)| id.0.into());
        ActivityLookup { by_id }
    }

    fn index_of(&self, id: ActivityId) -> Option<usize> {
        let first = self.by_id.partition_point(|(known, _)| *known < id);
        match self.by_id.get(first) {
            Some((known, index)) if *known == id => Some(*index),
            _ => None,
        }
    }
}

/// A list of activity indices for every activity, stored back to back in
/// one vector instead of one vector each.
struct Adjacency {
    /// Where each activity's list starts in `items`; one more entry than
    /// activities, the last being the end.
    starts: Vec<usize>,
    items: Vec<usize>,
}

impl Adjacency {
    fn of(&self, index: usize) -> &[usize] {
        match self.starts.get(index..index + 2) {
            Some(&[start, end]) => &self.items[start..end],
            _ => &[],
        }
    }

    /// The same edges the other way round, keeping only those between
    /// activities for which `keep` is true.
    fn reversed(&self, keep: impl Fn(usize) -> bool) -> Adjacency {
        let count = self.starts.len().saturating_sub(1);
        let mut starts = vec![0usize; count + 1];
        for from in (0..count).filter(|from| keep(*from)) {
            for to in self.of(from).iter().filter(|to| keep(**to)) {
                starts[*to + 1] += 1;
            }
        }
        for index in 0..count {
            starts[index + 1] += starts[index];
        }
        let mut next = starts.clone();
        let mut items = vec![0usize; starts[count]];
        for from in (0..count).filter(|from| keep(*from)) {
            for to in self.of(from).iter().filter(|to| keep(**to)) {
                items[next[*to]] = from;
                next[*to] += 1;
            }
        }
        Adjacency { starts, items }
    }
}

/// The open activities and the dependencies between them, by index into
/// the plan's activities.
struct Network {
    /// The ranked activities in dependency order: every activity comes after
    /// all it depends on.
    order: Vec<usize>,
    /// Each activity's place in `order` (`usize::MAX` when not ranked), also
    /// its bit in the bitsets of dependents.
    slot: Vec<usize>,
    /// The open activities each one depends on, each once.
    dependencies: Adjacency,
    /// The ranked activities that depend on each one.
    dependents: Adjacency,
    /// Open activities that could not be ordered (see `rank`).
    unordered: Vec<usize>,
}

impl Network {
    fn new(activities: &[Activity], lookup: &ActivityLookup, on_loop: &[bool]) -> Network {
        let count = activities.len();
        let open: Vec<bool> = activities
            .iter()
            .zip(on_loop)
            .map(|(activity, looping)| {
                activity.is_initiative() && activity.status != Status::Done && !looping
            })
            .collect();
        // Unknown ids, self-dependencies and repeats are errors validation
        // reports; here they are skipped so that any plan ranks.
        let mut starts: Vec<usize> = Vec::with_capacity(count + 1);
        let mut items: Vec<usize> = Vec::new();
        starts.push(0);
        for (index, activity) in activities.iter().enumerate() {
            let first = items.len();
            if open[index] {
                for id in &activity.depends_on {
                    match lookup.index_of(*id) {
                        Some(dependency)
                            if dependency != index
                                && open[dependency]
                                && !items[first..].contains(&dependency) =>
                        {
                            items.push(dependency)
                        }
                        _ => {}
                    }
                }
            }
            starts.push(items.len());
        }
        let dependencies = Adjacency { starts, items };
        let mut dependents = dependencies.reversed(|index| open[index]);

        // Kahn's algorithm: an activity joins the order once everything it
        // depends on has, starting from the free ones in plan (id) order, so
        // the numbering is the same every time.
        let mut unmet: Vec<usize> = (0..count)
            .map(|index| dependencies.of(index).len())
            .collect();
        let mut order: Vec<usize> = (0..count)
            .filter(|index| open[*index] && unmet[*index] == 0)
            .collect();
        let mut next = 0;
        while let Some(&index) = order.get(next) {
            next += 1;
            for &dependent in dependents.of(index) {
                unmet[dependent] = unmet[dependent].saturating_sub(1);
                if unmet[dependent] == 0 {
                    order.push(dependent);
                }
            }
        }
        let mut slot = vec![usize::MAX; count];
        for (place, index) in order.iter().enumerate() {
            slot[*index] = place;
        }
        let unordered: Vec<usize> = (0..count)
            .filter(|index| open[*index] && slot[*index] == usize::MAX)
            .collect();
        if !unordered.is_empty() {
            dependents = dependencies.reversed(|index| slot[index] != usize::MAX);
        }
        Network {
            order,
            slot,
            dependencies,
            dependents,
            unordered,
        }
    }
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
    lookup: &ActivityLookup,
    network: &Network,
    computed: Vec<usize>,
) -> (Vec<usize>, Vec<bool>) {
    // Pins on done, looping or unknown activities are ignored; so is a
    // second pin of the same activity.
    let mut pins: Vec<(u32, ActivityId, usize)> = plan
        .priority_pins
        .iter()
        .filter_map(|pin| {
            let index = lookup.index_of(pin.activity)?;
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

/// The reasons behind a place, most telling first, joined by " · ". It is
/// written into one string, as this runs for every activity of the plan.
fn explanation(
    activities: &[Activity],
    index: usize,
    waiting_for: &[usize],
    parts: &ScoreParts,
    has_goal_date: bool,
) -> String {
    let activity = &activities[index];
    let mut text = String::with_capacity(96);
    match waiting_for {
        [] => {}
        [only] => add_reason(
            &mut text,
            format_args!("waiting on '{}'", activities[*only].title),
        ),
        many => add_reason(
            &mut text,
            format_args!("waiting on {} initiatives", many.len()),
        ),
    }
    match parts.days_left {
        Some(days) if days < 0 => add_reason(
            &mut text,
            format_args!("overdue by {}", Days(days.unsigned_abs())),
        ),
        Some(0) => add_reason(&mut text, format_args!("due today")),
        _ => {}
    }
    match parts.unblocks_total {
        0 => {}
        1 => add_reason(&mut text, format_args!("unblocks 1 initiative")),
        many => add_reason(&mut text, format_args!("unblocks {many} initiatives")),
    }
    if parts.on_critical_path {
        add_reason(&mut text, format_args!("on the critical path"));
    }
    // Slack only means something to a reader when there is a date to slip.
    if activity.deadline.is_some() || has_goal_date {
        let days = parts.slack_days.round() as i64;
        let length = WorkingDays(days.unsigned_abs());
        if days < 0 {
            add_reason(&mut text, format_args!("{length} late"));
        } else {
            add_reason(&mut text, format_args!("{length} of slack"));
        }
    }
    if activity.deadline.is_none() {
        add_reason(&mut text, format_args!("no deadline"));
    }
    add_reason(&mut text, format_args!("impact {}", activity.impact));
    text
}

/// Appends one reason to an explanation.
fn add_reason(text: &mut String, reason: std::fmt::Arguments) {
    if !text.is_empty() {
        text.push_str(" · ");
    }
    // Writing into a String cannot fail.
    let _ = text.write_fmt(reason);
}

/// A number of working days as read: "1 working day", "3 working days".
struct WorkingDays(u64);

impl std::fmt::Display for WorkingDays {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            1 => formatter.write_str("1 working day"),
            days => write!(formatter, "{days} working days"),
        }
    }
}

/// A number of days as read: "1 day", "3 days".
struct Days(u64);

impl std::fmt::Display for Days {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            1 => formatter.write_str("1 day"),
            days => write!(formatter, "{days} days"),
        }
    }
}

/// A loop as validation words it: "the dependencies form a loop: A → B → A".
fn loop_report(plan: &Plan, cycle: Vec<ActivityId>) -> DependencyLoop {
    let names: Vec<String> = cycle
        .iter()
        .chain(cycle.first())
        .map(|id| plan.activity_title(*id))
        .collect();
    DependencyLoop {
        message: format!("the dependencies form a loop: {}", names.join(" → ")),
        activities: cycle,
    }
}

/// The report of open activities that could not be ordered.
fn unordered_report(activities: &[Activity], unordered: &[usize]) -> DependencyLoop {
    let names: Vec<String> = unordered
        .iter()
        .map(|index| format!("'{}'", activities[*index].title))
        .collect();
    DependencyLoop {
        activities: unordered
            .iter()
            .map(|index| activities[*index].id)
            .collect(),
        message: format!(
            "the dependencies of {} cannot be put in order: look for a loop among them",
            names.join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::demo::demo_plan;
    use crate::model::{Person, PersonId, PlanId, PriorityPin};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).expect("date")
    }

    fn day(offset: i64) -> NaiveDate {
        today() + chrono::Duration::days(offset)
    }

    /// A plan of activities given as (title, effort hours, impact, titles it
    /// depends on, deadline in days from today), numbered act-1, act-2, ...
    /// in that order. One owner works 8 hours on each of the 7 days of the
    /// week, so 8 hours of effort take exactly one calendar day.
    #[allow(clippy::type_complexity)]
    fn plan(activities: &[(&str, f64, u8, &[&str], Option<i64>)]) -> Plan {
        let mut plan = Plan::empty(PlanId(1), "Test plan", today());
        plan.people = vec![Person {
            weekly_hours: 56.0,
            working_days: WEEKDAYS.to_vec(),
            ..Person::new(PersonId(1), "Owner")
        }];
        let id_of = |title: &str| {
            let place = activities
                .iter()
                .position(|(other, ..)| *other == title)
                .expect("a dependency names an activity of the test plan");
            ActivityId(place as u32 + 1)
        };
        plan.activities = activities
            .iter()
            .enumerate()
            .map(|(place, (title, effort, impact, depends_on, deadline))| {
                let mut activity = Activity::new(ActivityId(place as u32 + 1), title);
                activity.owner = Some(PersonId(1));
                activity.effort_hours = *effort;
                activity.impact = *impact;
                activity.depends_on = depends_on.iter().map(|title| id_of(title)).collect();
                activity.deadline = deadline.map(day);
                activity
            })
            .collect();
        plan
    }

    /// Whole numbers without decimals, others with up to two.
    fn number(value: f64) -> String {
        let text = format!("{value:.2}");
        let text = text.trim_end_matches('0').trim_end_matches('.');
        match text {
            "-0" => "0".to_string(),
            other => other.to_string(),
        }
    }

    /// Ranks `plan` today and compares, line by line, each entry (place,
    /// title, computed rank, pin, score, duration, earliest and latest
    /// finish, slack, critical, direct/total unblocked and their impact),
    /// its explanation, and the loops.
    fn check(plan: &Plan, expected: &str) {
        let ranking = rank(plan, today());
        let mut lines: Vec<String> = Vec::new();
        for entry in &ranking.entries {
            let parts = &entry.parts;
            lines.push(format!(
                "{}. {} rank {}{} score {} | days {}, EF {}, LF {}, slack {}{} | unblocks {}/{} worth {}",
                entry.position,
                plan.activity_title(entry.activity),
                entry.computed_rank,
                if entry.pinned { " pinned" } else { "" },
                number(entry.score),
                number(parts.duration_days),
                number(parts.earliest_finish),
                number(parts.latest_finish),
                number(parts.slack_days),
                if parts.on_critical_path { ", critical" } else { "" },
                parts.unblocks_direct,
                parts.unblocks_total,
                parts.unblocked_impact,
            ));
            lines.push(entry.explanation.clone());
        }
        for dependency_loop in &ranking.loops {
            lines.push(format!("loop: {}", dependency_loop.message));
        }
        let expected: Vec<&str> = expected
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect();
        assert_eq!(lines, expected, "\nactual ranking:\n{}\n", lines.join("\n"));
        // The same plan on the same day ranks the same.
        assert_eq!(rank(plan, today()), ranking);
    }

    #[test]
    fn a_chain_ranks_in_dependency_order() {
        // A (2 days) → B (1 day) → C (3 days): one chain, all critical, no
        // slack. A: 10×3 + 4×(3+3) + 30 + 14 = 98; B: 30 + 4×3 + 30 + 14 = 86;
        // C: 30 + 30 + 14 = 74. The caps (97 for B, 85 for C) do not bite.
        check(
            &plan(&[
                ("A", 16.0, 3, &[], None),
                ("B", 8.0, 3, &["A"], None),
                ("C", 24.0, 3, &["B"], None),
            ]),
            "
            1. A rank 1 score 98 | days 2, EF 2, LF 2, slack 0, critical | unblocks 1/2 worth 6
            unblocks 2 initiatives · on the critical path · no deadline · impact 3
            2. B rank 2 score 86 | days 1, EF 3, LF 3, slack 0, critical | unblocks 1/1 worth 3
            waiting on 'A' · unblocks 1 initiative · on the critical path · no deadline · impact 3
            3. C rank 3 score 74 | days 3, EF 6, LF 6, slack 0, critical | unblocks 0/0 worth 0
            waiting on 'B' · on the critical path · no deadline · impact 3
            ",
        );
    }

    #[test]
    fn a_diamond_counts_shared_dependents_once() {
        // A (1) → B (2) and C (4) → D (1). EF: A 1, B 3, C 5, D 6; LF: D 6,
        // B and C 5 (D starts at 5), A 1 (C starts at 1). Slack B 2, others
        // 0. A unblocks B, C and D once each: 3 + 4 + 5 = 12.
        // A: 20 + 48 + 30 + 14 = 112; B: 30 + 20 + 12 = 62;
        // C: 40 + 20 + 30 + 14 = 104; D: 50 + 30 + 14 = 94, capped at
        // 62 − 1 = 61 by B, the lower of what it waits on: it ranks last.
        check(
            &plan(&[
                ("A", 8.0, 2, &[], None),
                ("B", 16.0, 3, &["A"], None),
                ("C", 32.0, 4, &["A"], None),
                ("D", 8.0, 5, &["B", "C"], None),
            ]),
            "
            1. A rank 1 score 112 | days 1, EF 1, LF 1, slack 0, critical | unblocks 2/3 worth 12
            unblocks 3 initiatives · on the critical path · no deadline · impact 2
            2. C rank 2 score 104 | days 4, EF 5, LF 5, slack 0, critical | unblocks 1/1 worth 5
            waiting on 'A' · unblocks 1 initiative · on the critical path · no deadline · impact 4
            3. B rank 3 score 62 | days 2, EF 3, LF 5, slack 2 | unblocks 1/1 worth 5
            waiting on 'A' · unblocks 1 initiative · no deadline · impact 3
            4. D rank 4 score 61 | days 1, EF 6, LF 6, slack 0, critical | unblocks 0/0 worth 0
            waiting on 2 initiatives · on the critical path · no deadline · impact 5
            ",
        );
    }

    #[test]
    fn of_two_parallel_branches_only_the_longer_is_critical() {
        // A (2) → B (3) takes 5 days, C (1) → D (1) takes 2, so the project
        // ends on day 5 and C and D can slip 3 days. A: 30 + 12 + 30 + 14 =
        // 86; B: 30 + 30 + 14 = 74; C: 30 + 12 + 11 = 53; D: 30 + 11 = 41.
        check(
            &plan(&[
                ("A", 16.0, 3, &[], None),
                ("B", 24.0, 3, &["A"], None),
                ("C", 8.0, 3, &[], None),
                ("D", 8.0, 3, &["C"], None),
            ]),
            "
            1. A rank 1 score 86 | days 2, EF 2, LF 2, slack 0, critical | unblocks 1/1 worth 3
            unblocks 1 initiative · on the critical path · no deadline · impact 3
            2. B rank 2 score 74 | days 3, EF 5, LF 5, slack 0, critical | unblocks 0/0 worth 0
            waiting on 'A' · on the critical path · no deadline · impact 3
            3. C rank 3 score 53 | days 1, EF 1, LF 4, slack 3 | unblocks 1/1 worth 3
            unblocks 1 initiative · no deadline · impact 3
            4. D rank 4 score 41 | days 1, EF 2, LF 5, slack 3 | unblocks 0/0 worth 0
            waiting on 'C' · no deadline · impact 3
            ",
        );
    }

    #[test]
    fn a_dependency_loop_is_reported_and_the_rest_still_ranks() {
        // B → D → C → B is a loop: reported, not ranked, and E's dependency
        // on B is ignored, so E waits on A alone. F has a day of slack
        // before the project end on day 2. The pin on C, on the loop, is
        // ignored. A: 30 + 12 + 30 + 14 = 86; E: 30 + 30 + 14 = 74;
        // F: 30 + 13 = 43.
        let mut looping = plan(&[
            ("A", 8.0, 3, &[], None),
            ("B", 8.0, 3, &["D"], None),
            ("C", 8.0, 3, &["B"], None),
            ("D", 8.0, 3, &["C"], None),
            ("E", 8.0, 3, &["B", "A"], None),
            ("F", 8.0, 3, &[], None),
        ]);
        looping.priority_pins = vec![PriorityPin {
            activity: ActivityId(3),
            position: 1,
        }];
        check(
            &looping,
            "
            1. A rank 1 score 86 | days 1, EF 1, LF 1, slack 0, critical | unblocks 1/1 worth 3
            unblocks 1 initiative · on the critical path · no deadline · impact 3
            2. E rank 2 score 74 | days 1, EF 2, LF 2, slack 0, critical | unblocks 0/0 worth 0
            waiting on 'A' · on the critical path · no deadline · impact 3
            3. F rank 3 score 43 | days 1, EF 1, LF 2, slack 1 | unblocks 0/0 worth 0
            no deadline · impact 3
            loop: the dependencies form a loop: B → D → C → B
            ",
        );
        let ranking = rank(&looping, today());
        assert_eq!(
            ranking.loops[0].activities,
            vec![ActivityId(2), ActivityId(4), ActivityId(3)]
        );
    }

    #[test]
    fn slack_is_measured_against_deadlines_on_both_sides() {
        // Late: 5 days of work due in 2 days: LF 3 (the deadline day
        // counts), EF 5, slack −2, urgency 5 ÷ 2 = 2.5. It has the least
        // slack, so it is the critical path: 30 + 30 + 20×2.5 + 16 = 126.
        // Early: 2 days due in 9: LF 10, slack 8, urgency 2 ÷ 9:
        // 30 + 20×0.222 + 6 = 40.44.
        check(
            &plan(&[
                ("Early", 16.0, 3, &[], Some(9)),
                ("Late", 40.0, 3, &[], Some(2)),
            ]),
            "
            1. Late rank 1 score 126 | days 5, EF 5, LF 3, slack -2, critical | unblocks 0/0 worth 0
            on the critical path · 2 working days late · impact 3
            2. Early rank 2 score 40.44 | days 2, EF 2, LF 10, slack 8 | unblocks 0/0 worth 0
            8 working days of slack · impact 3
            ",
        );
        // Overdue by 3 days: LF −2, slack −3, urgency 3: 30 + 30 + 60 + 17 =
        // 137. Due today: LF 1, slack 0, urgency 3: 30 + 60 + 14 = 104.
        // In 5 days: slack 5, urgency 0.2: 30 + 4 + 9 = 43.
        check(
            &plan(&[
                ("In five days", 8.0, 3, &[], Some(5)),
                ("Due today", 8.0, 3, &[], Some(0)),
                ("Overdue", 8.0, 3, &[], Some(-3)),
            ]),
            "
            1. Overdue rank 1 score 137 | days 1, EF 1, LF -2, slack -3, critical | unblocks 0/0 worth 0
            overdue by 3 days · on the critical path · 3 working days late · impact 3
            2. Due today rank 2 score 104 | days 1, EF 1, LF 1, slack 0 | unblocks 0/0 worth 0
            due today · 0 working days of slack · impact 3
            3. In five days rank 3 score 43 | days 1, EF 1, LF 6, slack 5 | unblocks 0/0 worth 0
            5 working days of slack · impact 3
            ",
        );
        // One day either way is singular. Yesterday's: LF 0, slack −1,
        // 30 + 30 + 60 + 15 = 135. Tomorrow's: LF 2, slack 1, urgency 1:
        // 30 + 20 + 13 = 63.
        check(
            &plan(&[
                ("Tomorrow", 8.0, 3, &[], Some(1)),
                ("Yesterday", 8.0, 3, &[], Some(-1)),
            ]),
            "
            1. Yesterday rank 1 score 135 | days 1, EF 1, LF 0, slack -1, critical | unblocks 0/0 worth 0
            overdue by 1 day · on the critical path · 1 working day late · impact 3
            2. Tomorrow rank 2 score 63 | days 1, EF 1, LF 2, slack 1 | unblocks 0/0 worth 0
            1 working day of slack · impact 3
            ",
        );
    }

    #[test]
    fn the_goal_date_bounds_activities_without_a_deadline() {
        // The goal is due in 9 days, so LF = 10 for both. Chain A (2) → B (3):
        // B slack 10 − 5 = 5, A 10 − 3 − 2 = 5; with the same slack both are
        // critical. A: 30 + 12 + 30 + 9 = 81; B: 30 + 30 + 9 = 69.
        let mut with_goal = plan(&[("A", 16.0, 3, &[], None), ("B", 24.0, 3, &["A"], None)]);
        with_goal.goal.target_date = Some(day(9));
        check(
            &with_goal,
            "
            1. A rank 1 score 81 | days 2, EF 2, LF 7, slack 5, critical | unblocks 1/1 worth 3
            unblocks 1 initiative · on the critical path · 5 working days of slack · no deadline · impact 3
            2. B rank 2 score 69 | days 3, EF 5, LF 10, slack 5, critical | unblocks 0/0 worth 0
            waiting on 'A' · on the critical path · 5 working days of slack · no deadline · impact 3
            ",
        );
    }

    #[test]
    fn the_textbook_network_has_its_known_critical_path_and_floats() {
        // The classic eight-activity network of critical path method
        // courses (durations in days):
        //
        //   activity  after   days   ES  EF   LS  LF   total float
        //   A         -       3       0   3    0   3   0  critical
        //   B         A       4       3   7    3   7   0  critical
        //   C         A       2       3   5    9  11   6
        //   D         B       5       7  12    7  12   0  critical
        //   E         C       1       5   6   11  12   6
        //   F         C       2       5   7   14  16   9
        //   G         D, E    4      12  16   12  16   0  critical
        //   H         F, G    3      16  19   16  19   0  critical
        //
        // Critical path A → B → D → G → H, 19 days. With impact 3 each,
        // the unblocked impact is 3 × the transitive dependents (A 7, B 3,
        // C 4, D 2, E 2, F 1, G 1, H 0), so the scores are
        // A 30 + 84 + 30 + 14 = 158, B 30 + 36 + 30 + 14 = 110,
        // C 30 + 48 + 8 = 86, D 30 + 24 + 30 + 14 = 98, E 30 + 24 + 8 = 62,
        // F 30 + 12 + 5 = 47, G 30 + 12 + 30 + 14 = 86, H 30 + 30 + 14 = 74.
        // Waiting work is capped below the lowest of what it waits on: G
        // waits on E (62), so 61; H waits on F (47), so 46. The order is
        // A, B, D, C, E, G, F, H.
        check(
            &plan(&[
                ("A", 24.0, 3, &[], None),
                ("B", 32.0, 3, &["A"], None),
                ("C", 16.0, 3, &["A"], None),
                ("D", 40.0, 3, &["B"], None),
                ("E", 8.0, 3, &["C"], None),
                ("F", 16.0, 3, &["C"], None),
                ("G", 32.0, 3, &["D", "E"], None),
                ("H", 24.0, 3, &["F", "G"], None),
            ]),
            "
            1. A rank 1 score 158 | days 3, EF 3, LF 3, slack 0, critical | unblocks 2/7 worth 21
            unblocks 7 initiatives · on the critical path · no deadline · impact 3
            2. B rank 2 score 110 | days 4, EF 7, LF 7, slack 0, critical | unblocks 1/3 worth 9
            waiting on 'A' · unblocks 3 initiatives · on the critical path · no deadline · impact 3
            3. D rank 3 score 98 | days 5, EF 12, LF 12, slack 0, critical | unblocks 1/2 worth 6
            waiting on 'B' · unblocks 2 initiatives · on the critical path · no deadline · impact 3
            4. C rank 4 score 86 | days 2, EF 5, LF 11, slack 6 | unblocks 2/4 worth 12
            waiting on 'A' · unblocks 4 initiatives · no deadline · impact 3
            5. E rank 5 score 62 | days 1, EF 6, LF 12, slack 6 | unblocks 1/2 worth 6
            waiting on 'C' · unblocks 2 initiatives · no deadline · impact 3
            6. G rank 6 score 61 | days 4, EF 16, LF 16, slack 0, critical | unblocks 1/1 worth 3
            waiting on 2 initiatives · unblocks 1 initiative · on the critical path · no deadline · impact 3
            7. F rank 7 score 47 | days 2, EF 7, LF 16, slack 9 | unblocks 1/1 worth 3
            waiting on 'C' · unblocks 1 initiative · no deadline · impact 3
            8. H rank 8 score 46 | days 3, EF 19, LF 19, slack 0, critical | unblocks 0/0 worth 0
            waiting on 2 initiatives · on the critical path · no deadline · impact 3
            ",
        );
    }

    #[test]
    fn done_activities_drop_out_and_stop_blocking() {
        // A and D are done: B no longer waits on A, and nothing counts them.
        // B: 30 + 12 + 30 + 14 = 86; C: 30 + 30 + 14 = 74.
        let mut partly_done = plan(&[
            ("A", 8.0, 3, &[], None),
            ("B", 8.0, 3, &["A"], None),
            ("C", 8.0, 3, &["B"], None),
            ("D", 8.0, 5, &["C"], None),
        ]);
        partly_done.activities[0].status = Status::Done;
        partly_done.activities[3].status = Status::Done;
        check(
            &partly_done,
            "
            1. B rank 1 score 86 | days 1, EF 1, LF 1, slack 0, critical | unblocks 1/1 worth 3
            unblocks 1 initiative · on the critical path · no deadline · impact 3
            2. C rank 2 score 74 | days 1, EF 2, LF 2, slack 0, critical | unblocks 0/0 worth 0
            waiting on 'B' · on the critical path · no deadline · impact 3
            ",
        );
    }

    #[test]
    fn a_blocked_activity_ranks_by_what_it_waits_on() {
        // Top alone would score 50 + 30 + 14 = 94, but it waits on Base
        // (10 + 4×5 + 30 + 14 = 74), so it gets 73. Stuck is marked Blocked
        // but waits on nothing open (its dependency is done), so it keeps
        // its own score: 40 + 13 (a day of slack) = 53.
        let mut blocked = plan(&[
            ("Base", 8.0, 1, &[], None),
            ("Top", 8.0, 5, &["Base"], None),
            ("Finished", 8.0, 3, &[], None),
            ("Stuck", 8.0, 4, &["Finished"], None),
        ]);
        blocked.activities[1].status = Status::Blocked;
        blocked.activities[2].status = Status::Done;
        blocked.activities[3].status = Status::Blocked;
        check(
            &blocked,
            "
            1. Base rank 1 score 74 | days 1, EF 1, LF 1, slack 0, critical | unblocks 1/1 worth 5
            unblocks 1 initiative · on the critical path · no deadline · impact 1
            2. Top rank 2 score 73 | days 1, EF 2, LF 2, slack 0, critical | unblocks 0/0 worth 0
            waiting on 'Base' · on the critical path · no deadline · impact 5
            3. Stuck rank 3 score 53 | days 1, EF 1, LF 2, slack 1 | unblocks 0/0 worth 0
            no deadline · impact 4
            ",
        );
    }

    #[test]
    fn pins_hold_their_place_and_the_rest_keeps_its_order() {
        // Scores by impact alone (all critical, no slack): A 94, B 84, C 74,
        // D 64. D is pinned first and B to place 10, past the end, so last.
        // The pins on done E and on an unknown activity are ignored.
        let mut pinned = plan(&[
            ("A", 8.0, 5, &[], None),
            ("B", 8.0, 4, &[], None),
            ("C", 8.0, 3, &[], None),
            ("D", 8.0, 2, &[], None),
            ("E", 8.0, 1, &[], None),
        ]);
        pinned.activities[4].status = Status::Done;
        let pin = |id: u32, position: u32| PriorityPin {
            activity: ActivityId(id),
            position,
        };
        pinned.priority_pins = vec![pin(2, 10), pin(4, 1), pin(5, 2), pin(99, 1)];
        check(
            &pinned,
            "
            1. D rank 4 pinned score 64 | days 1, EF 1, LF 1, slack 0, critical | unblocks 0/0 worth 0
            on the critical path · no deadline · impact 2
            2. A rank 1 score 94 | days 1, EF 1, LF 1, slack 0, critical | unblocks 0/0 worth 0
            on the critical path · no deadline · impact 5
            3. C rank 3 score 74 | days 1, EF 1, LF 1, slack 0, critical | unblocks 0/0 worth 0
            on the critical path · no deadline · impact 3
            4. B rank 2 pinned score 84 | days 1, EF 1, LF 1, slack 0, critical | unblocks 0/0 worth 0
            on the critical path · no deadline · impact 4
            ",
        );
    }

    #[test]
    fn ties_go_to_the_earlier_deadline_then_the_smaller_id() {
        // Nothing has effort, so no urgency; the goal is due in 20 days.
        // Everything has 11 working days of slack: X and Y start in 10 days and must
        // finish by day 21 (the goal; Y's deadline in 20 days gives the
        // same), Z and W start today and are due in 10 days. All are equally
        // critical: 30 + 30 + 3 = 63. Z and W share the earliest deadline,
        // so id decides; X, without a deadline, is last.
        let mut tied = plan(&[
            ("X", 0.0, 3, &[], None),
            ("Y", 0.0, 3, &[], Some(20)),
            ("Z", 0.0, 3, &[], Some(10)),
            ("W", 0.0, 3, &[], Some(10)),
        ]);
        tied.goal.target_date = Some(day(20));
        tied.activities[0].start = Some(day(10));
        tied.activities[1].start = Some(day(10));
        check(
            &tied,
            "
            1. Z rank 1 score 63 | days 0, EF 0, LF 11, slack 11, critical | unblocks 0/0 worth 0
            on the critical path · 11 working days of slack · impact 3
            2. W rank 2 score 63 | days 0, EF 0, LF 11, slack 11, critical | unblocks 0/0 worth 0
            on the critical path · 11 working days of slack · impact 3
            3. Y rank 3 score 63 | days 0, EF 10, LF 21, slack 11, critical | unblocks 0/0 worth 0
            on the critical path · 11 working days of slack · impact 3
            4. X rank 4 score 63 | days 0, EF 10, LF 21, slack 11, critical | unblocks 0/0 worth 0
            on the critical path · 11 working days of slack · no deadline · impact 3
            ",
        );
    }

    #[test]
    fn checklists_owners_and_working_weeks_set_the_duration() {
        // Half the checklist is ticked, so 32 of 64 hours remain. Lena
        // works 32 hours on 4 days: 8 hours a day, 4 working days. Nobody
        // owns the second: 8 hours a day, so 8 hours is 1 working day; the
        // third's owner works no hours, which falls back to the same.
        let mut owned = plan(&[
            ("Checklist", 64.0, 3, &[], None),
            ("Unowned", 8.0, 3, &[], None),
            ("No hours", 8.0, 3, &[], None),
        ]);
        owned.people = vec![
            Person {
                weekly_hours: 32.0,
                working_days: WEEKDAYS[..4].to_vec(),
                ..Person::new(PersonId(1), "Lena")
            },
            Person {
                weekly_hours: 0.0,
                ..Person::new(PersonId(2), "Idle")
            },
        ];
        let item = |done: bool| crate::model::ChecklistItem {
            text: "step".to_string(),
            done,
            done_on: None,
        };
        owned.activities[0].done_definition.checklist = vec![item(true), item(false)];
        owned.activities[1].owner = None;
        owned.activities[2].owner = Some(PersonId(2));
        let ranking = rank(&owned, today());
        let durations: Vec<(f64, f64)> = ranking
            .entries
            .iter()
            .map(|entry| {
                (
                    entry.parts.remaining_effort_hours,
                    entry.parts.duration_days,
                )
            })
            .collect();
        assert_eq!(durations, vec![(32.0, 4.0), (8.0, 1.0), (8.0, 1.0)]);
    }

    #[test]
    fn a_broken_plan_still_ranks_without_panicking() {
        // Out of id order, a self-dependency, an unknown and a repeated
        // dependency, an effort that is not a number, an impact out of range,
        // an unknown owner and a pin at place 0. Y (unknown owner: the
        // default calendar, 8 hours a day, Monday to Friday) takes one
        // working day, Monday today; X has no effort left and waits on Y. Y: 30 + 4×9 + 30 + 14 = 110; X: 90 + 30 + 14 = 134,
        // capped at 109; the pin at 0 counts as the top.
        let mut broken = plan(&[("X", 0.0, 9, &[], None), ("Y", 8.0, 3, &[], None)]);
        broken.activities[0].depends_on =
            vec![ActivityId(1), ActivityId(99), ActivityId(2), ActivityId(2)];
        broken.activities[0].effort_hours = f64::NAN;
        broken.activities[1].owner = Some(PersonId(99));
        broken.activities.reverse();
        broken.priority_pins = vec![PriorityPin {
            activity: ActivityId(1),
            position: 0,
        }];
        check(
            &broken,
            "
            1. X rank 2 pinned score 109 | days 0, EF 1, LF 1, slack 0, critical | unblocks 0/0 worth 0
            waiting on 'Y' · on the critical path · no deadline · impact 9
            2. Y rank 1 score 110 | days 1, EF 1, LF 1, slack 0, critical | unblocks 1/1 worth 9
            unblocks 1 initiative · on the critical path · no deadline · impact 3
            ",
        );
        check(&plan(&[]), "");
    }

    #[test]
    fn random_plans_with_loops_rank_every_open_activity_once() {
        // Plans of random dependencies (loops, self-dependencies, unknown
        // ids and repeats included), statuses and pins. Each must rank
        // without panicking, place every open activity off the loops once,
        // and count what each unblocks as a plain graph search does.
        let mut seed: u64 = 7;
        let mut below = |bound: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % bound
        };
        for _ in 0..200 {
            let count = 1 + below(40) as u32;
            let mut random = plan(&[]);
            random.activities = (1..=count)
                .map(|number| {
                    let mut activity = Activity::new(ActivityId(number), &format!("T{number}"));
                    activity.owner = Some(PersonId(1));
                    activity.effort_hours = below(40) as f64;
                    activity.impact = 1 + below(5) as u8;
                    activity.status = Status::ALL[below(4) as usize];
                    activity.deadline = (below(2) == 0).then(|| day(below(30) as i64 - 5));
                    activity.depends_on = (0..below(4))
                        .map(|_| ActivityId(1 + below(u64::from(count) + 1) as u32))
                        .collect();
                    activity
                })
                .collect();
            random.priority_pins = (0..below(3))
                .map(|_| PriorityPin {
                    activity: ActivityId(1 + below(u64::from(count)) as u32),
                    position: below(50) as u32,
                })
                .collect();
            let ranking = rank(&random, today());
            assert_eq!(rank(&random, today()), ranking);

            let looping: Vec<ActivityId> = ranking
                .loops
                .iter()
                .flat_map(|dependency_loop| dependency_loop.activities.clone())
                .collect();
            let ranked: Vec<ActivityId> = random
                .activities
                .iter()
                .filter(|activity| activity.status != Status::Done)
                .map(|activity| activity.id)
                .filter(|id| !looping.contains(id))
                .collect();
            let mut placed: Vec<ActivityId> =
                ranking.entries.iter().map(|entry| entry.activity).collect();
            placed.sort_unstable();
            assert_eq!(placed, ranked);

            for (place, entry) in ranking.entries.iter().enumerate() {
                assert_eq!(entry.position, place + 1);
                let mut reached: Vec<ActivityId> = Vec::new();
                let mut frontier = vec![entry.activity];
                while let Some(current) = frontier.pop() {
                    for dependent in &random.activities {
                        let counts = ranked.contains(&dependent.id)
                            && dependent.id != current
                            && dependent.depends_on.contains(&current)
                            && !reached.contains(&dependent.id);
                        if counts {
                            reached.push(dependent.id);
                            frontier.push(dependent.id);
                        }
                    }
                }
                let impact: u32 = reached
                    .iter()
                    .filter_map(|id| random.activity(*id))
                    .map(|activity| u32::from(activity.impact))
                    .sum();
                assert_eq!(entry.parts.unblocks_total, reached.len());
                assert_eq!(entry.parts.unblocked_impact, impact);
                // Below everything it waits on.
                let lowest_waited = ranking
                    .entries
                    .iter()
                    .filter(|other| entry.waiting_on.contains(&other.activity))
                    .map(|other| other.score)
                    .reduce(f64::min);
                if let Some(lowest) = lowest_waited {
                    assert!(entry.score <= lowest - 1.0);
                }
            }
        }
    }

    #[test]
    fn durations_and_slack_are_the_owners_working_days() {
        // Monday 2026-11-23 is day 0. Ann works Monday to Friday, 8 hours a
        // day, and is away from Wednesday 2026-12-02 to Friday 12-04 (days
        // 9 to 11) and half of Monday 12-07 (day 14). Bob works Monday to
        // Friday and is never away.
        //
        //   A (Ann, 40 h = 5 working days, due Friday 12-11, day 18): ES 0,
        //     EF 5 (the end of Friday 11-27). B waits on it and must start
        //     by day 16, so LF = 16. Slack: Ann's working days from day 5 to
        //     day 16 are Monday 11-30 and Tuesday 12-01 (2), half of Monday
        //     12-07 (0.5) and Tuesday 12-08 (1): 3.5, where the calendar
        //     has 11 days. Urgency 5 / 10.5 working days to the deadline.
        //     30 + 4 × 3 + 30 + 20 × 5/10.5 + (14 − 3.5) = 92.02.
        //   B (Bob, 8 h = 1 working day, due Wednesday 12-09, day 16): ES 5
        //     (a Saturday), EF 8 (the end of Monday 11-30); LF 17, LS 16.
        //     Slack: Bob's working days from day 8 to 17, Tuesday 12-01 to
        //     Wednesday 12-09: 7. Urgency 1 / 12. 30 + 20/12 + 7 = 38.67.
        let mut plan = Plan::empty(PlanId(1), "Working days", today());
        plan.people = vec![
            Person {
                leave: vec![
                    crate::model::Leave {
                        start: day(9),
                        end: day(11),
                        day_fraction: 1.0,
                        note: "Conference".to_string(),
                    },
                    crate::model::Leave {
                        start: day(14),
                        end: day(14),
                        day_fraction: 0.5,
                        note: String::new(),
                    },
                ],
                ..Person::new(PersonId(1), "Ann")
            },
            Person::new(PersonId(2), "Bob"),
        ];
        let mut a = Activity::new(ActivityId(1), "A");
        a.owner = Some(PersonId(1));
        a.effort_hours = 40.0;
        a.deadline = Some(day(18));
        let mut b = Activity::new(ActivityId(2), "B");
        b.owner = Some(PersonId(2));
        b.effort_hours = 8.0;
        b.deadline = Some(day(16));
        b.depends_on = vec![ActivityId(1)];
        plan.activities = vec![a, b];
        check(
            &plan,
            "
            1. A rank 1 score 92.02 | days 5, EF 5, LF 16, slack 3.5, critical | unblocks 1/1 worth 3
            unblocks 1 initiative · on the critical path · 4 working days of slack · impact 3
            2. B rank 2 score 38.67 | days 1, EF 8, LF 17, slack 7 | unblocks 0/0 worth 0
            waiting on 'A' · 7 working days of slack · impact 3
            ",
        );
        // A holiday on Tuesday 12-08 takes one more working day off A's
        // slack, and a day off the working days left to its deadline.
        plan.holidays = vec![crate::model::Holiday {
            date: day(15),
            name: "Founders' day".to_string(),
        }];
        let ranking = rank(&plan, today());
        let slack: Vec<f64> = ranking.entries.iter().map(|e| e.parts.slack_days).collect();
        assert_eq!(slack, [2.5, 6.0]);
    }

    #[test]
    fn the_demo_plan_ranks_the_foundations_first() {
        // On Monday 2026-11-23 (day 0; owners work 8 hours a day; Christmas
        // on day 32 and New Year's Day on day 39 are holidays; the goal is
        // due on 2027-02-05, day 74, so every LF is at most 75). Only the
        // ops plan's six initiatives rank; the book of work does not.
        //
        //   act-1 map the process: done, not ranked.
        //   act-2 landing zone: 84 of 112 h left, 10.5 of Tom's working
        //     days: EF 14.5 (noon on Monday 12-07); due day 32 (LF 33).
        //     Slack: his working days to Christmas Eve, 13.5. Unblocks
        //     act-5 and act-6 (4 + 5 = 9).
        //   act-3 tenant baseline: 60 of 80 h, 7.5 days: EF 9.5; LF 40 (due
        //     day 39, New Year's Day), slack 20.5.
        //   act-4 intake form: 26.67 of 40 h, 3.33 days; LF 26, slack 16.67.
        //   act-5 security sign-off: 48 h, 6 days from its start on day 28
        //     (Christmas in that week): EF 37; LF 54, slack 12.
        //   act-6 pilot: 60 h, 7.5 of Lena's 4-day weeks from its start on
        //     day 49: EF 59.5; LF 75, slack 8.5: the least, so the critical
        //     path; it waits on act-4 and act-5, so it scores just below
        //     the lower of them.
        //
        // So the two foundations that unblock the rest come first, and the
        // critical pilot last, right behind what it waits for.
        let demo = demo_plan(PlanId(1), today());
        check(
            &demo,
            "
            1. Standard Azure landing zone in Terraform rank 1 score 95.25 | days 10.5, EF 14.5, LF 33, slack 13.5 | unblocks 1/2 worth 9
            unblocks 2 initiatives · 14 working days of slack · impact 5
            2. Automated Microsoft 365 tenant baseline rank 2 score 91.36 | days 7.5, EF 9.5, LF 40, slack 20.5 | unblocks 1/2 worth 9
            unblocks 2 initiatives · 21 working days of slack · impact 5
            3. Security baseline sign-off for new clients rank 3 score 65.24 | days 6, EF 37, LF 54, slack 12 | unblocks 1/1 worth 5
            waiting on 2 initiatives · unblocks 1 initiative · 12 working days of slack · impact 4
            4. Self-service intake form and checklist rank 4 score 63.51 | days 3.33, EF 3.33, LF 26, slack 16.67 | unblocks 1/1 worth 5
            unblocks 1 initiative · 17 working days of slack · impact 4
            5. Pilot: onboard Fabrikam Legal in 7 days rank 5 score 62.51 | days 7.5, EF 59.5, LF 75, slack 8.5, critical | unblocks 0/0 worth 0
            waiting on 2 initiatives · on the critical path · 9 working days of slack · impact 5
            ",
        );
    }
}
