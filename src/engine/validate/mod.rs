//! Plan validation: the rules a plan must keep (errors) and the gaps a
//! planner should close (warnings).
//!
//! Errors make a plan file unreadable and make a command fail, so a stored or
//! imported plan never breaks them. Warnings are shown, never enforced.
//!
//! The rules hold against hostile files too: every list has a size limit
//! (checked first, so the other rules never run on a list far over it),
//! references are checked by binary search over sorted ids, duplicates by
//! sorting, and messages quote at most [`QUOTED_CHARS`] characters of a
//! name, so a 20 MB file is refused in well under a second with a message
//! a person can read.

use std::fmt;

use chrono::{Datelike, NaiveDate};

mod activities;
mod allocations;
mod email;
mod people;
mod plan;
mod roles;
pub use email::{email_key, email_problem, EmailProblem, MAX_EMAIL_CHARS};
pub use roles::{MAX_CADENCES, MAX_RACI_PEOPLE, MAX_ROLES, MAX_ROLE_SKILLS};

use crate::model::{
    sort_by_number, Activity, ActivityId, ActivityKind, Allocation, AllocationId, Assignee,
    CheckIn, CheckInId, Commitment, MetricId, Period, Person, PersonId, Plan, ScenarioId, SkillId,
    Week, HOURS_PER_WEEK_LIMIT, MAX_HORIZON_WEEKS, MAX_SKILL_LEVEL,
};

/// Dates outside these years are typing errors, not plans. Weeks count by
/// their ISO year (`1970-W01` starts on 29 December 1969).
pub const FIRST_YEAR: i32 = 1970;
pub const LAST_YEAR: i32 = 2200;

// The most items a plan holds. Well above what a firm plans with (the
// generated large plan of the benchmarks has 300 people, 3,000 activities
// and 12,000 allocations), and low enough that a hostile file cannot make
// the app crawl or run out of memory. A plan file is also at most 20 MB
// (`persist::MAX_FILE_BYTES`).
pub const MAX_PEOPLE: usize = 2_000;
pub const MAX_ACTIVITIES: usize = 20_000;
pub const MAX_ALLOCATIONS: usize = 100_000;
pub const MAX_SKILLS: usize = 1_000;
pub const MAX_METRICS: usize = 200;
pub const MAX_HOLIDAYS: usize = 5_000;
pub const MAX_SCENARIOS: usize = 1_000;
pub const MAX_CHECKINS: usize = 5_000;
/// The lists inside one item: a person's leave, support periods and
/// certifications, an activity's dependencies, checklist and required
/// certifications, a check-in's decisions, the plan's tooling.
pub const MAX_ITEMS_PER_LIST: usize = 1_000;
/// An activity's status history (a change a day for years).
pub const MAX_STATUS_CHANGES: usize = 10_000;
/// At most this many errors are listed; a plan with more is refused all
/// the same.
pub const MAX_ERRORS: usize = 1_000;
/// Names and titles are quoted in messages up to this many characters.
pub const QUOTED_CHARS: usize = 80;
/// A dependency loop longer than this is named by its first and last
/// activities.
const LOOP_NAMES_SHOWN: usize = 10;
/// At most this many dependency loops are found and reported.
pub const MAX_LOOPS: usize = 20;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The plan breaks a rule: it cannot be stored or imported like this.
    Error,
    /// The plan is valid but has a gap a planner should close.
    Warning,
}

/// One thing wrong with a plan, with where it is and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// The field, as a path into the plan: `activities[act-3].deadline`.
    pub path: String,
    /// A sentence a planner can act on.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Every finding for `plan`, errors first, in a stable order.
pub fn validate(plan: &Plan) -> Vec<Finding> {
    let mut check = Checker {
        findings: Vec::new(),
        errors: 0,
        ids: Ids::of(plan),
    };
    check.plan(plan);
    let (mut findings, warnings): (Vec<Finding>, Vec<Finding>) = check
        .findings
        .into_iter()
        .partition(|finding| finding.severity == Severity::Error);
    findings.extend(warnings);
    findings
}

/// Only the errors of [`validate`].
pub fn errors(plan: &Plan) -> Vec<Finding> {
    validate(plan)
        .into_iter()
        .filter(|finding| finding.severity == Severity::Error)
        .collect()
}

/// The errors [`errors`] finds in `plan` when it differs from a valid plan
/// only in its allocations, the ones in `changed` (added or edited; a
/// removed one is simply gone): the rules of those allocations, the
/// allocation list's size and ids. What else [`errors`] checks cannot have
/// changed, so the two agree (a property test holds them to it); this one
/// takes microseconds where the whole plan takes milliseconds, which keeps
/// a drop on the timeline of a large plan within a frame.
pub fn allocation_errors(plan: &Plan, changed: &[AllocationId]) -> Vec<Finding> {
    let mut check = Checker {
        findings: Vec::new(),
        errors: 0,
        ids: Ids::of(plan),
    };
    if check.sizes(plan) {
        check.unique(
            "allocations",
            AllocationId::PREFIX,
            plan.allocations.iter().map(|allocation| allocation.id.0),
        );
        let changed: Vec<&Allocation> = plan
            .allocations
            .iter()
            .filter(|allocation| changed.contains(&allocation.id))
            .collect();
        for allocation in &changed {
            check.allocation(plan, allocation);
        }
        check.role_allocations(plan, &changed);
    }
    check
        .findings
        .into_iter()
        .filter(|finding| finding.severity == Severity::Error)
        .collect()
}

/// `text` as a message quotes it: whole when short, else its first
/// [`QUOTED_CHARS`] characters and "…".
pub fn quoted(text: &str) -> String {
    match text.char_indices().nth(QUOTED_CHARS) {
        None => text.to_string(),
        Some((cut, _)) => format!("{}…", &text[..cut]),
    }
}

/// [`quoted`] as it is written into a message, so a check that finds
/// nothing quotes nothing.
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.char_indices().nth(QUOTED_CHARS) {
            None => f.write_str(self.0),
            Some((cut, _)) => write!(f, "{}…", &self.0[..cut]),
        }
    }
}

/// Where an item of a list is in the file, `allocations[alc-5]`, written
/// out only when a finding names it: a valid plan of 12,000 allocations is
/// checked without writing a path.
struct Entity<T>(&'static str, T);

impl<T: fmt::Display> fmt::Display for Entity<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.0, self.1)
    }
}

/// An item of a list inside another item, `people[per-1].leave[2]`, written
/// out only when needed too.
struct Member<'a, P, I>(&'a P, &'static str, I);

impl<P: fmt::Display, I: fmt::Display> fmt::Display for Member<'_, P, I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}[{}]", self.0, self.1, self.2)
    }
}

/// `12345` as "12,345".
pub(crate) fn thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut text = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

/// For each item of a list, whether an earlier item has the same key; empty
/// when the keys are increasing (lists are kept in id order, so that is the
/// usual case). One stable sort instead of comparing every pair, which a
/// list of thousands of repeats would make crawl.
fn repeats<T>(items: &[T], key: impl Fn(&T) -> u64) -> Vec<bool> {
    if items.windows(2).all(|pair| key(&pair[0]) < key(&pair[1])) {
        return Vec::new();
    }
    let mut order: Vec<(u64, usize)> = items
        .iter()
        .enumerate()
        .map(|(at, item)| (key(item), at))
        .collect();
    let mut repeated = vec![false; order.len()];
    sort_by_number(&mut order, |(key, _)| *key);
    for pair in order.windows(2) {
        if pair[0].0 == pair[1].0 {
            repeated[pair[1].1] = true;
        }
    }
    repeated
}

/// The ids of the lists other items refer to, sorted, so a reference is
/// checked by binary search even in a file where most of them are missing
/// (a lookup in the plan scans the whole list when an id is not there).
#[derive(Default)]
struct Ids {
    activities: Vec<u32>,
    people: Vec<u32>,
    skills: Vec<u32>,
    scenarios: Vec<u32>,
}

impl Ids {
    fn of(plan: &Plan) -> Ids {
        let sorted = |ids: Vec<u32>| {
            let mut ids = ids;
            sort_by_number(&mut ids, |id| (*id).into());
            ids
        };
        Ids {
            activities: sorted(plan.activities.iter().map(|a| a.id.0).collect()),
            people: sorted(plan.people.iter().map(|p| p.id.0).collect()),
            skills: sorted(plan.skills.iter().map(|s| s.id.0).collect()),
            scenarios: sorted(plan.scenarios.iter().map(|s| s.id.0).collect()),
        }
    }

    fn activity(&self, id: ActivityId) -> bool {
        self.activities.binary_search(&id.0).is_ok()
    }

    fn person(&self, id: PersonId) -> bool {
        self.people.binary_search(&id.0).is_ok()
    }

    fn skill(&self, id: SkillId) -> bool {
        self.skills.binary_search(&id.0).is_ok()
    }

    fn scenario(&self, id: ScenarioId) -> bool {
        self.scenarios.binary_search(&id.0).is_ok()
    }
}

struct Checker {
    findings: Vec<Finding>,
    /// Errors found, listed up to [`MAX_ERRORS`].
    errors: usize,
    ids: Ids,
}

impl Checker {
    /// Whether no more errors can be listed: the per-item rules stop, so a
    /// file with millions of broken references is refused as fast as one.
    fn full(&self) -> bool {
        self.errors >= MAX_ERRORS
    }

    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors += 1;
        if self.errors > MAX_ERRORS {
            return;
        }
        self.findings.push(Finding {
            severity: Severity::Error,
            path: path.into(),
            message: message.into(),
        });
    }

    fn warning(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.findings.push(Finding {
            severity: Severity::Warning,
            path: path.into(),
            message: message.into(),
        });
    }

    fn date(&mut self, path: &dyn fmt::Display, date: Option<NaiveDate>) {
        if let Some(date) = date {
            if !(FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
                self.error(
                    path.to_string(),
                    format!("the date {date} is outside {FIRST_YEAR}-{LAST_YEAR}"),
                );
            }
        }
    }

    /// A week, by its ISO year.
    fn week(&mut self, path: &dyn fmt::Display, week: Week) {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&week.iso_year()) {
            self.error(
                path.to_string(),
                format!("the week {week} is outside {FIRST_YEAR}-{LAST_YEAR}"),
            );
        }
    }

    fn hours_per_week(&mut self, path: &dyn fmt::Display, hours: f64) {
        if !hours.is_finite() || hours < 0.0 {
            self.error(
                path.to_string(),
                format!("{hours} hours a week is not possible: use 0 to {HOURS_PER_WEEK_LIMIT}"),
            );
        } else if hours > HOURS_PER_WEEK_LIMIT {
            self.error(
                path.to_string(),
                format!(
                    "{hours} hours a week is more than the {HOURS_PER_WEEK_LIMIT} hours in a week"
                ),
            );
        }
    }

    /// A list of `len` items against its limit; `path` is only written out
    /// for a list over it.
    fn size(
        &mut self,
        path: impl FnOnce() -> String,
        len: usize,
        max: usize,
        noun: &str,
        holder: &str,
    ) {
        if len > max {
            self.error(
                path(),
                format!(
                    "{} {noun} are more than the {} {holder} can hold",
                    thousands(len),
                    thousands(max)
                ),
            );
        }
    }

    /// Checks every list against its limit; returns whether all are within.
    /// It runs before the other rules, which would be slow on a list far
    /// over its limit and are moot for a plan that is refused anyway.
    fn sizes(&mut self, plan: &Plan) -> bool {
        let before = self.errors;
        for (path, len, max, noun) in [
            (
                "metrics",
                plan.metrics.len(),
                MAX_METRICS,
                "success metrics",
            ),
            (
                "holidays",
                plan.holidays.len(),
                MAX_HOLIDAYS,
                "public holidays",
            ),
            ("skills", plan.skills.len(), MAX_SKILLS, "skills"),
            ("people", plan.people.len(), MAX_PEOPLE, "people"),
            (
                "activities",
                plan.activities.len(),
                MAX_ACTIVITIES,
                "activities",
            ),
            (
                "allocations",
                plan.allocations.len(),
                MAX_ALLOCATIONS,
                "allocations",
            ),
            (
                "scenarios",
                plan.scenarios.len(),
                MAX_SCENARIOS,
                "scenarios",
            ),
            ("checkins", plan.checkins.len(), MAX_CHECKINS, "check-ins"),
            (
                "priority_pins",
                plan.priority_pins.len(),
                MAX_ACTIVITIES,
                "priority pins",
            ),
            (
                "resources.tooling",
                plan.resources.tooling.len(),
                MAX_ITEMS_PER_LIST,
                "tools",
            ),
        ] {
            self.size(|| path.to_string(), len, max, noun, "a plan");
        }
        for person in &plan.people {
            let path = || format!("people[{}]", person.id);
            for (field, len, max, noun) in [
                (
                    "support_periods",
                    person.support_periods.len(),
                    MAX_ITEMS_PER_LIST,
                    "support periods",
                ),
                (
                    "leave",
                    person.leave.len(),
                    MAX_ITEMS_PER_LIST,
                    "leave entries",
                ),
                ("skills", person.skills.len(), MAX_SKILLS, "skills"),
                (
                    "certifications",
                    person.certifications.len(),
                    MAX_ITEMS_PER_LIST,
                    "certifications",
                ),
            ] {
                self.size(|| format!("{}.{field}", path()), len, max, noun, "a person");
            }
        }
        for activity in &plan.activities {
            let path = || format!("activities[{}]", activity.id);
            for (field, len, max, noun) in [
                (
                    "depends_on",
                    activity.depends_on.len(),
                    MAX_ITEMS_PER_LIST,
                    "dependencies",
                ),
                (
                    "required_skills",
                    activity.required_skills.len(),
                    MAX_SKILLS,
                    "required skills",
                ),
                (
                    "required_certifications",
                    activity.required_certifications.len(),
                    MAX_ITEMS_PER_LIST,
                    "required certifications",
                ),
                (
                    "status_history",
                    activity.status_history.len(),
                    MAX_STATUS_CHANGES,
                    "status changes",
                ),
                (
                    "done_definition.checklist",
                    activity.done_definition.checklist.len(),
                    MAX_ITEMS_PER_LIST,
                    "checklist items",
                ),
            ] {
                self.size(
                    || format!("{}.{field}", path()),
                    len,
                    max,
                    noun,
                    "an activity",
                );
            }
        }
        for allocation in &plan.allocations {
            if let Assignee::Placeholder { skills, .. } = &allocation.assignee {
                self.size(
                    || format!("allocations[{}].placeholder.skills", allocation.id),
                    skills.len(),
                    MAX_SKILLS,
                    "skills",
                    "a placeholder",
                );
            }
        }
        for checkin in &plan.checkins {
            self.size(
                || format!("checkins[{}].entries", checkin.id),
                checkin.entries.len(),
                MAX_ACTIVITIES,
                "entries",
                "a check-in",
            );
            self.size(
                || format!("checkins[{}].decisions", checkin.id),
                checkin.decisions.len(),
                MAX_ITEMS_PER_LIST,
                "decisions",
                "a check-in",
            );
        }
        self.errors == before
    }

    fn number(&mut self, path: &str, value: f64) {
        if !value.is_finite() {
            self.error(path, "must be a number");
        }
    }

    /// Reports ids used twice in one list. Ids are compared by number; the
    /// prefix is the id kind's (`act`, `per`, ...).
    fn unique(&mut self, list: &str, prefix: &str, ids: impl Iterator<Item = u32>) {
        let mut numbers: Vec<u32> = ids.collect();
        sort_by_number(&mut numbers, |number| (*number).into());
        let mut previous = None;
        for number in numbers {
            if previous == Some(number) {
                let id = format!("{prefix}-{number}");
                self.error(
                    format!("{list}[{id}]"),
                    format!("the id {id} is used twice"),
                );
            }
            previous = Some(number);
        }
    }
}

/// The dependency loops (at most [`MAX_LOOPS`]: one is enough to refuse a
/// plan), each as the activities on it in dependency order, starting from
/// its smallest id. Self-dependencies and unknown ids are left to the
/// per-activity checks.
pub fn dependency_cycles(plan: &Plan) -> Vec<Vec<ActivityId>> {
    let activities = &plan.activities;
    let position = |id: ActivityId| activities.iter().position(|activity| activity.id == id);
    // Activities are kept in id order, so a binary search finds them; the
    // linear `position` is only a fallback for a plan not yet sorted.
    let sorted = activities.windows(2).all(|pair| pair[0].id < pair[1].id);
    let index_of = |id: ActivityId| {
        if sorted {
            activities
                .binary_search_by_key(&id, |activity| activity.id)
                .ok()
        } else {
            position(id)
        }
    };
    let edges: Vec<Vec<usize>> = activities
        .iter()
        .enumerate()
        .map(|(index, activity)| {
            let mut targets: Vec<usize> = activity
                .depends_on
                .iter()
                .filter_map(|dependency| index_of(*dependency))
                .filter(|target| *target != index)
                .collect();
            // In index order, each once (sorting, not a scan per target:
            // a hostile file may list thousands).
            sort_by_number(&mut targets, |target| *target as u64);
            targets.dedup();
            targets
        })
        .collect();

    // Iterative depth-first search with colours (0 unvisited, 1 on the
    // current path, 2 finished); reaching a node on the path closes a loop,
    // which is read off the path.
    let mut colour = vec![0u8; activities.len()];
    let mut cycles: Vec<Vec<usize>> = Vec::new();
    let mut order: Vec<usize> = (0..activities.len()).collect();
    sort_by_number(&mut order, |index| activities[*index].id.0.into());
    for root in order {
        if colour[root] != 0 {
            continue;
        }
        let mut path: Vec<usize> = vec![root];
        let mut next_child: Vec<usize> = vec![0];
        colour[root] = 1;
        while let (Some(&node), Some(child_index)) = (path.last(), next_child.last_mut()) {
            match edges[node].get(*child_index).copied() {
                Some(child) => {
                    *child_index += 1;
                    match colour[child] {
                        0 => {
                            colour[child] = 1;
                            path.push(child);
                            next_child.push(0);
                        }
                        1 if cycles.len() < MAX_LOOPS => {
                            let start = path.iter().position(|n| *n == child).unwrap_or(0);
                            let mut cycle = path[start..].to_vec();
                            let smallest = (0..cycle.len())
                                .min_by_key(|at| activities[cycle[*at]].id.0)
                                .unwrap_or(0);
                            cycle.rotate_left(smallest);
                            if !cycles.contains(&cycle) {
                                cycles.push(cycle);
                            }
                        }
                        _ => {}
                    }
                }
                None => {
                    colour[node] = 2;
                    path.pop();
                    next_child.pop();
                }
            }
        }
    }
    cycles
        .into_iter()
        .map(|cycle| {
            cycle
                .into_iter()
                .map(|index| activities[index].id)
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests;
