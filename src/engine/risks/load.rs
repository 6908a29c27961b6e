//! Load risks: what the capacity computation says about people's weeks and
//! the work booked in them, from this week on. Every number comes from the
//! [`Capacity`] the views show (with or without tentative work, as its
//! options say), so a week a risk calls 115 % reads 115 % on the Capacity
//! view too.
//!
//! - **Overloaded**: a person's load (support and counted work) is more than
//!   `settings.overload_share` of their capacity in a week (by a hundredth
//!   of an hour or more, as the Capacity view marks a week over). One risk
//!   per run of such weeks, with the week most over and what fills it.
//! - **Booked while away**: counted work on a person in a week they have no
//!   capacity at all (leave, public holidays, not started, gone). One risk
//!   per piece of work and run of weeks.
//! - **Cover gap**: an open managed-services contract whose weekly hours
//!   are not covered in a week of its term: its people (and shown open
//!   roles) who are there that week give less than the commitment, less
//!   half an hour. One risk per run of such weeks, naming why.
//! - **Understaffed**: an item of [`Capacity::unstaffed`] that is not a
//!   contract (those have cover gaps), not a deal and not without hours
//!   planned: its people miss part of its remaining effort before its
//!   deadline.

use super::{Risk, RiskKind, Severity};
use crate::engine::availability::{day_number, order_key, Calendar};
use crate::engine::capacity::{Capacity, Cell};
use crate::engine::skills::{hours_text, usable_hours};
use crate::engine::week::bookings;
use crate::model::{
    count_of, medium_date, sort_by_number, ActivityId, Allocation, Assignee, Commitment, IdIndex,
    NaiveDate, Person, Plan, Week,
};

/// Hours below this are nothing (as the Capacity view rounds them).
const TRACE: f64 = 0.01;
/// A contract covered to within this many hours a week is covered.
const COVER_SLACK: f64 = 0.5;
/// A week over by this share of capacity or more makes an overload high.
const HIGH_OVER_SHARE: f64 = 0.2;
/// Work due within this many weeks (this one counted) that is short of
/// staff is high.
const URGENT_WEEKS: u32 = 2;

/// Adds the load risks of `plan`, read from `load`, to `found`.
pub(super) fn find(plan: &Plan, load: &Capacity, today: NaiveDate, found: &mut Vec<Risk>) {
    let this_week = Week::containing(today);
    // The first column from this week on; none when the weeks computed
    // are all past.
    let first_column = match load.column(this_week) {
        Some(column) => column,
        None if this_week < load.first_week => 0,
        None => return,
    };
    let lookup = Lookup::new(plan, load);
    for row in &load.rows {
        let Some(index) = lookup.person_at.get(row.person.0) else {
            continue;
        };
        let person = &plan.people[index];
        overloaded(
            plan,
            load,
            &lookup,
            person,
            index,
            &row.cells,
            first_column,
            found,
        );
        booked_while_away(
            plan,
            load,
            &lookup,
            person,
            index,
            &row.cells,
            first_column,
            found,
        );
    }
    cover_gaps(plan, load, &lookup, first_column, found);
    understaffed(plan, load, today, found);
}

/// What the rules look up, worked out once.
struct Lookup {
    person_at: IdIndex,
    /// By position in the plan's people: the allocations counted on them.
    work_of: Vec<Vec<usize>>,
}

impl Lookup {
    fn new(plan: &Plan, load: &Capacity) -> Lookup {
        let person_at = IdIndex::of(plan.people.iter().map(|person| person.id.0));
        let mut work_of: Vec<Vec<usize>> = vec![Vec::new(); plan.people.len()];
        for (at, allocation) in plan.allocations.iter().enumerate() {
            if let Assignee::Person(id) = allocation.assignee {
                if let Some(index) = person_at.get(id.0) {
                    if load.options.counts(allocation) {
                        work_of[index].push(at);
                    }
                }
            }
        }
        Lookup { person_at, work_of }
    }
}

/// Whether a week's load is over `share` of its capacity.
fn is_over(cell: &Cell, tentative: bool, share: f64) -> bool {
    cell.capacity >= TRACE && cell.load(tentative) - share * cell.capacity >= TRACE
}

/// The columns of each run of consecutive columns from `first` for which
/// `hit` holds, as (first, last) inclusive.
fn runs(first: usize, count: usize, hit: impl Fn(usize) -> bool) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut column = first;
    while column < count {
        if !hit(column) {
            column += 1;
            continue;
        }
        let start = column;
        while column < count && hit(column) {
            column += 1;
        }
        found.push((start, column - 1));
    }
    found
}

/// "2026-W50" for one week, "2026-W50 to 2027-W01 (4 weeks)" for more.
fn weeks_text(first: Week, last: Week) -> String {
    if first == last {
        first.to_string()
    } else {
        let weeks = last.weeks_since(first) + 1;
        format!(
            "{first} to {last} ({})",
            count_of(weeks as usize, "week", "weeks")
        )
    }
}

/// Rule 8: weeks a person is booked over their hours.
#[allow(clippy::too_many_arguments)]
fn overloaded(
    plan: &Plan,
    load: &Capacity,
    lookup: &Lookup,
    person: &Person,
    index: usize,
    cells: &[Cell],
    first_column: usize,
    found: &mut Vec<Risk>,
) {
    let tentative = load.counts_tentative();
    let share = plan.settings.overload_share;
    for (first, last) in runs(first_column, cells.len(), |column| {
        is_over(&cells[column], tentative, share)
    }) {
        // The week most over, by share of capacity; the first of equals.
        let worst = (first..=last)
            .max_by(|left, right| {
                let over = |column: usize| {
                    let cell = &cells[column];
                    cell.load(tentative) / cell.capacity
                };
                over(*left)
                    .total_cmp(&over(*right))
                    .then_with(|| right.cmp(left))
            })
            .unwrap_or(first);
        let cell = &cells[worst];
        let week = load.week(worst);
        let booked = booked_work(plan, load, lookup, index, week);
        let percent = (cell.load(tentative) * 100.0 / cell.capacity).round() as i64;
        let over_hours = cell.load(tentative) - cell.capacity;
        let mut parts: Vec<String> = booked
            .iter()
            .map(|(activity, hours, tentative)| {
                format!(
                    "'{}' {} h{}",
                    plan.activity_title(*activity),
                    hours_text(*hours),
                    if *tentative { " (tentative)" } else { "" }
                )
            })
            .collect();
        if cell.support >= TRACE {
            parts.push(format!("support {} h", hours_text(cell.support)));
        }
        let away = away_reasons(plan, person, week);
        let away = if away.is_empty() {
            String::new()
        } else {
            format!("; away part of that week: {}", away.join("; "))
        };
        let when = if first == last {
            format!("in {week}")
        } else {
            format!(
                "in {}, the most in {week}",
                weeks_text(load.week(first), load.week(last))
            )
        };
        let evidence = format!(
            "{} is booked over their hours {when}: {} h against {} h ({percent} %, {} h over): {}{away}.",
            person.name,
            hours_text(cell.load(tentative)),
            hours_text(cell.capacity),
            hours_text(over_hours),
            parts.join(", ")
        );
        let next_step = match booked.first() {
            Some((activity, _, _)) => format!(
                "Move some of '{}' to someone with free hours in those weeks (Capacity view), or move its weeks.",
                plan.activity_title(*activity)
            ),
            None => format!(
                "Lower {}'s support load in those weeks, or move it to someone with free hours.",
                person.name
            ),
        };
        let severity = if over_hours >= HIGH_OVER_SHARE * cell.capacity {
            Severity::High
        } else {
            Severity::Medium
        };
        let mut work = booked.iter().map(|(activity, _, _)| *activity);
        found.push(Risk {
            kind: RiskKind::Overloaded,
            severity,
            activity: work.next(),
            other_work: work.collect(),
            person: Some(person.id),
            weeks: Some((load.week(first), load.week(last))),
            evidence,
            next_step,
        });
    }
}

/// The counted work of the person at `index` in `week`, as "My week"
/// lists it: (activity, hours, tentative), most hours first, then by id.
fn booked_work(
    plan: &Plan,
    load: &Capacity,
    lookup: &Lookup,
    index: usize,
    week: Week,
) -> Vec<(ActivityId, f64, bool)> {
    let mine = lookup.work_of[index]
        .iter()
        .map(|at| &plan.allocations[*at]);
    bookings(mine, week, &load.options)
        .into_iter()
        .map(|booking| (booking.activity, booking.hours, booking.tentative))
        .collect()
}

/// Why `person` is away on some of their working days of `week`: leave,
/// public holidays, a start or an end date in it, in date order.
fn away_reasons(plan: &Plan, person: &Person, week: Week) -> Vec<String> {
    let monday = day_number(week.monday());
    let sunday = monday + 6;
    let calendar = Calendar::new(person);
    let mut reasons: Vec<(i64, String)> = Vec::new();
    if let Some(start) = person.start_date {
        let day = day_number(start);
        if day > monday {
            reasons.push((day, format!("starts on {}", medium_date(start))));
        }
    }
    if let Some(end) = person.end_date {
        let day = day_number(end);
        if day < sunday {
            reasons.push((day, format!("leaves after {}", medium_date(end))));
        }
    }
    for leave in &person.leave {
        let (first, last) = (day_number(leave.start), day_number(leave.end));
        if first <= sunday && last >= monday && leave.day_fraction > 0.0 {
            let days = if leave.start == leave.end {
                medium_date(leave.start)
            } else {
                format!("{} to {}", medium_date(leave.start), medium_date(leave.end))
            };
            let note = match leave.note.trim() {
                "" => "leave".to_string(),
                note => note.to_string(),
            };
            reasons.push((first, format!("{note}, {days}")));
        }
    }
    // A holiday inside whole-day leave says nothing more.
    let on_leave = |day: i64| {
        person.leave.iter().any(|leave| {
            leave.day_fraction >= 1.0
                && day_number(leave.start) <= day
                && day <= day_number(leave.end)
        })
    };
    for holiday in &plan.holidays {
        let day = day_number(holiday.date);
        if (monday..=sunday).contains(&day)
            && calendar.works_on(day)
            && !on_leave(day)
            && person.is_employed_on(holiday.date)
        {
            let name = match holiday.name.trim() {
                "" => "public holiday".to_string(),
                name => name.to_string(),
            };
            reasons.push((day, format!("{name}, {}", medium_date(holiday.date))));
        }
    }
    // In date order; the same day named twice in the plan is said once.
    sort_by_number(&mut reasons, |(day, _)| order_key(*day));
    reasons.dedup_by(|left, right| left.1 == right.1);
    reasons.into_iter().map(|(_, reason)| reason).collect()
}

/// Rule 9: work booked in weeks a person is not there at all.
#[allow(clippy::too_many_arguments)]
fn booked_while_away(
    plan: &Plan,
    load: &Capacity,
    lookup: &Lookup,
    person: &Person,
    index: usize,
    cells: &[Cell],
    first_column: usize,
    found: &mut Vec<Risk>,
) {
    let tentative = load.counts_tentative();
    let away_and_booked = |column: usize| {
        let cell = &cells[column];
        cell.capacity < TRACE && cell.load(tentative) - cell.support >= TRACE
    };
    if !(first_column..cells.len()).any(away_and_booked) {
        return;
    }
    // (activity, column, hours) of every counted booking in such a week.
    let mut booked: Vec<(ActivityId, usize, f64)> = Vec::new();
    for at in &lookup.work_of[index] {
        let allocation = &plan.allocations[*at];
        for column in first_column..cells.len() {
            let week = load.week(column);
            if allocation.first_week <= week
                && week <= allocation.last_week
                && away_and_booked(column)
            {
                let hours = usable_hours(allocation.hours_per_week);
                match booked
                    .iter_mut()
                    .find(|(activity, at, _)| *activity == allocation.activity && *at == column)
                {
                    Some(entry) => entry.2 += hours,
                    None => booked.push((allocation.activity, column, hours)),
                }
            }
        }
    }
    sort_by_number(&mut booked, |(activity, column, _)| {
        u64::from(activity.0) << 32 | *column as u64
    });
    let mut at = 0;
    while at < booked.len() {
        let (activity, first, _) = booked[at];
        let mut end = at;
        while end + 1 < booked.len()
            && booked[end + 1].0 == activity
            && booked[end + 1].1 == booked[end].1 + 1
        {
            end += 1;
        }
        let last = booked[end].1;
        let hours: Vec<f64> = booked[at..=end].iter().map(|entry| entry.2).collect();
        let most = hours.iter().copied().fold(0.0, f64::max);
        let least = hours.iter().copied().fold(f64::INFINITY, f64::min);
        let hours_text = if (most - least).abs() < TRACE {
            format!("{} h a week", hours_text(most))
        } else {
            format!("{}-{} h a week", hours_text(least), hours_text(most))
        };
        let (first_week, last_week) = (load.week(first), load.week(last));
        let mut reasons: Vec<String> = Vec::new();
        for column in first..=last {
            for reason in away_reasons(plan, person, load.week(column)) {
                if !reasons.contains(&reason) {
                    reasons.push(reason);
                }
            }
        }
        let reasons = if reasons.is_empty() {
            String::new()
        } else {
            format!(": {}", reasons.join("; "))
        };
        found.push(Risk {
            kind: RiskKind::BookedWhileAway,
            severity: Severity::High,
            activity: Some(activity),
            other_work: Vec::new(),
            person: Some(person.id),
            weeks: Some((first_week, last_week)),
            evidence: format!(
                "{} is booked {hours_text} on '{}' in {}, when they are away all week{reasons}.",
                person.name,
                plan.activity_title(activity),
                weeks_text(first_week, last_week)
            ),
            next_step: format!(
                "Give those weeks to someone who is there, or move the work out of {}.",
                weeks_text(first_week, last_week)
            ),
        });
        at = end + 1;
    }
}

/// Rule 10: managed-services contracts whose weekly hours are not covered.
fn cover_gaps(
    plan: &Plan,
    load: &Capacity,
    lookup: &Lookup,
    first_column: usize,
    found: &mut Vec<Risk>,
) {
    // The allocations of each open contract, in one pass.
    let contracts: Vec<usize> = plan
        .activities
        .iter()
        .enumerate()
        .filter(|(_, activity)| {
            activity.status != crate::model::Status::Done
                && activity.deal.is_none()
                && activity.weekly_commitment().is_some()
                && (activity.commitment == Commitment::Confirmed || load.counts_tentative())
        })
        .map(|(index, _)| index)
        .collect();
    if contracts.is_empty() {
        return;
    }
    let contract_at = IdIndex::of(contracts.iter().map(|index| plan.activities[*index].id.0));
    let mut work_of: Vec<Vec<&Allocation>> = vec![Vec::new(); contracts.len()];
    for allocation in &plan.allocations {
        if let Some(at) = contract_at.get(allocation.activity.0) {
            if load.options.counts(allocation) {
                work_of[at].push(allocation);
            }
        }
    }
    let there = |assignee: &Assignee, week: Week| {
        load.cell_of(assignee, week)
            .is_some_and(|cell| cell.capacity >= TRACE)
    };
    for (at, index) in contracts.iter().enumerate() {
        let activity = &plan.activities[*index];
        let Some(commitment) = activity.weekly_commitment() else {
            continue;
        };
        let column_of = |week: Week| -> i64 { week.weeks_since(load.first_week) };
        let from = activity
            .start
            .map_or(0, |start| column_of(Week::containing(start)))
            .max(first_column as i64)
            .max(0) as usize;
        let to = activity
            .deadline
            .map_or(load.weeks as i64, |end| {
                column_of(Week::containing(end)) + 1
            })
            .clamp(0, load.weeks as i64) as usize;
        if from >= to {
            continue;
        }
        let covered = |column: usize| -> f64 {
            let week = load.week(column);
            work_of[at]
                .iter()
                .filter(|allocation| allocation.first_week <= week && week <= allocation.last_week)
                .filter(|allocation| there(&allocation.assignee, week))
                .map(|allocation| usable_hours(allocation.hours_per_week))
                .sum()
        };
        for (first, last) in runs(from, to, |column| {
            covered(column) < commitment - COVER_SLACK
        }) {
            let least = (first..=last).map(covered).fold(f64::INFINITY, f64::min);
            let most = (first..=last).map(covered).fold(0.0, f64::max);
            let (first_week, last_week) = (load.week(first), load.week(last));
            let (cause, person) = cover_cause(plan, load, lookup, &work_of[at], first_week);
            let covered_text = if most < TRACE {
                "nothing is covered".to_string()
            } else if (most - least).abs() < TRACE {
                format!("only {} h a week are covered", hours_text(most))
            } else {
                format!(
                    "only {}-{} h a week are covered",
                    hours_text(least),
                    hours_text(most)
                )
            };
            let client = match activity.client.trim() {
                "" => String::new(),
                client => format!(" for {client}"),
            };
            found.push(Risk {
                kind: RiskKind::CoverGap,
                severity: Severity::High,
                activity: Some(activity.id),
                other_work: Vec::new(),
                person: person.or(activity.owner),
                weeks: Some((first_week, last_week)),
                evidence: format!(
                    "'{}'{client} commits {} h a week; in {} {covered_text}: {cause}.",
                    activity.title,
                    hours_text(commitment),
                    weeks_text(first_week, last_week)
                ),
                next_step: format!(
                    "Book someone with its skills from {first_week} (Work view), or agree the cover with the client."
                ),
            });
        }
    }
}

/// Why a contract's cover falls short from `week`: who covered it the week
/// before and no longer does (a leaver, leave, a booking that ends), or
/// that nobody is booked; with the person to talk to.
fn cover_cause(
    plan: &Plan,
    load: &Capacity,
    lookup: &Lookup,
    work: &[&Allocation],
    week: Week,
) -> (String, Option<crate::model::PersonId>) {
    let before = week.plus_weeks(-1);
    let mut causes: Vec<String> = Vec::new();
    let mut person_named = None;
    for allocation in work {
        let Assignee::Person(id) = allocation.assignee else {
            continue;
        };
        let Some(index) = lookup.person_at.get(id.0) else {
            continue;
        };
        let person = &plan.people[index];
        let covers_now = allocation.first_week <= week && week <= allocation.last_week;
        let covered_before = allocation.first_week <= before && before <= allocation.last_week;
        let cause = if covers_now {
            if load
                .cell_of(&allocation.assignee, week)
                .is_some_and(|cell| cell.capacity >= TRACE)
            {
                // Booked and there: not why the cover falls short.
                continue;
            }
            let reasons = away_reasons(plan, person, week);
            match reasons.is_empty() {
                true => format!("{} is away", person.name),
                false => format!("{} is away ({})", person.name, reasons.join("; ")),
            }
        } else if covered_before {
            match person.end_date {
                Some(end) if Week::containing(end) <= week => {
                    format!("{} leaves on {}", person.name, medium_date(end))
                }
                _ => format!(
                    "{}'s booking on it ends in {}",
                    person.name, allocation.last_week
                ),
            }
        } else {
            continue;
        };
        if !causes.contains(&cause) {
            causes.push(cause);
            person_named = person_named.or(Some(person.id));
        }
    }
    if causes.is_empty() {
        let anyone = work.iter().any(|allocation| {
            load.cell_of(&allocation.assignee, week).is_some()
                && allocation.first_week <= week
                && week <= allocation.last_week
        });
        let text = if anyone {
            "the people booked on it give fewer hours than it commits".to_string()
        } else {
            "nobody is booked on it then".to_string()
        };
        return (text, None);
    }
    (causes.join("; "), person_named)
}

/// Rule 11: work whose people miss part of its remaining effort before its
/// deadline (once that has passed, it is overdue instead).
fn understaffed(plan: &Plan, load: &Capacity, today: NaiveDate, found: &mut Vec<Risk>) {
    for item in &load.unstaffed {
        if item.has_no_hours_planned() {
            continue;
        }
        let Some(activity) = plan.activity(item.activity) else {
            continue;
        };
        if activity.weekly_commitment().is_some()
            || activity.deal.is_some()
            || activity.deadline.is_some_and(|deadline| deadline < today)
        {
            continue;
        }
        let due = match activity.deadline {
            Some(deadline) => format!(
                "by {} ({})",
                medium_date(deadline),
                count_of(item.weeks_left as usize, "week", "weeks")
            ),
            None => "with no deadline".to_string(),
        };
        let role = if item.placeholder >= TRACE {
            format!(
                ", {} h of them held by a role still to fill",
                hours_text(item.placeholder)
            )
        } else {
            String::new()
        };
        let severity = if activity.deadline.is_some() && item.weeks_left <= URGENT_WEEKS {
            Severity::High
        } else {
            Severity::Medium
        };
        found.push(Risk {
            kind: RiskKind::Understaffed,
            severity,
            activity: Some(activity.id),
            other_work: Vec::new(),
            person: activity.owner,
            weeks: None,
            evidence: format!(
                "'{}' has {} h of work left {due}; its people are booked for {} h of it, so {} h are not staffed{role}.",
                activity.title,
                hours_text(item.remaining),
                hours_text(item.staffed),
                hours_text(item.missing)
            ),
            next_step: "Drag it from Work to staff onto someone with free hours (Capacity view), or move its deadline.".to_string(),
        });
    }
}
