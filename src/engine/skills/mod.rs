//! Skills and people: who holds which skill (and who alone), how many hours
//! of each skill the open work needs against the hours its holders have,
//! and who could take on an activity or a new engagement.
//!
//! # The rules
//!
//! A skill is *held* at working level: [`WORKING_LEVEL`] (2) or above.
//! "Today" is a parameter; nothing reads the clock. Hours a person has are
//! [`available_hours`]: their working weekdays less public holidays, leave
//! (a half day counts half), the days before they start or after they
//! leave, and their support work spread evenly over their working days.
//!
//! - **Coverage** ([`coverage`]) looks at the people employed at some point
//!   of the horizon. A catalogue skill nobody holds is a gap; one only one
//!   person holds is a key-person risk (bus factor 1). A skill an open
//!   activity requires at a level nobody reaches is needed but missing. A
//!   certification that expires between today and the end of the horizon
//!   needs renewing.
//! - **Supply and demand** ([`supply_and_demand`]): the demand for a skill is
//!   the remaining effort of the open activities requiring it, split evenly
//!   between each activity's required skills; the supply is the hours its
//!   holders have from the later of today and the horizon start to the
//!   horizon end. A person holding two skills counts towards both: the
//!   supply says who *could* do the work, not who will.
//! - **Matching** ([`candidates`]) ranks everyone employed in an activity's
//!   remaining window by the skills they meet, the certifications they hold,
//!   whether their free hours cover the work, their free hours, and whether
//!   they already work on related activities.
//! - **Engagements** ([`engagement_candidates`]) find, for a piece of work
//!   not yet in the plan, the first week each qualified person has the
//!   hours free for the whole run.
//!
//! # Speed and size
//!
//! Lookups are binary searches over sorted `(id, index)` lists and every
//! availability is counted arithmetically (see `availability`); there is no
//! hashing and only [`sort_by_number`], for the browser bundle's sake.

use super::availability::{date_of, day_number, holiday_numbers, weekday_index, Calendar};
use crate::model::{
    join_and, sort_by_number, Activity, ActivityId, Assignee, NaiveDate, Person, PersonId, Plan,
    SkillId, SkillLevel, SkillRequirement, Status, Week,
};

/// The level from which a person is counted as holding a skill.
pub const WORKING_LEVEL: u8 = 2;

/// How far past the end of the horizon [`engagement_candidates`] looks.
pub const ENGAGEMENT_LOOKAHEAD_WEEKS: i64 = 52;

/// The hours `person` has for planned work from `from` to `to`, both
/// inclusive: their working weekdays less public holidays, leave (by its
/// day fraction), the days before their start or after their end date, and
/// their weekly support hours spread over their working days. Never
/// negative; zero when `to` is before `from`.
pub fn available_hours(plan: &Plan, person: &Person, from: NaiveDate, to: NaiveDate) -> f64 {
    Calendar::new(person).available_hours(&holiday_numbers(plan), day_number(from), day_number(to))
}

/// One week of a person's availability strip.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekAvailability {
    pub week: Week,
    /// Hours available that week (after support load, leave and holidays).
    pub available_hours: f64,
    /// Hours available in an ordinary week of theirs.
    pub usual_hours: f64,
    /// Why the week is short: "not started yet", "leave: Conference",
    /// "holiday: Christmas Day"; empty for an ordinary week.
    pub reason: String,
}

/// A person's availability for each week of the horizon.
pub fn weekly_availability(plan: &Plan, person: &Person) -> Vec<WeekAvailability> {
    let calendar = Calendar::new(person);
    let holidays = holiday_numbers(plan);
    let usual_hours = calendar.net_daily_hours * calendar.days_a_week as f64;
    plan.horizon
        .weeks()
        .map(|week| {
            let monday = week.monday();
            let sunday = week.day(chrono::Weekday::Sun);
            let available_hours =
                calendar.available_hours(&holidays, day_number(monday), day_number(sunday));
            let mut reasons: Vec<String> = Vec::new();
            if person.start_date.is_some_and(|start| start > monday) {
                reasons.push(format!("starts {}", person.start_date.unwrap_or(monday)));
            }
            if person.end_date.is_some_and(|end| end < sunday) {
                reasons.push(format!("leaves {}", person.end_date.unwrap_or(sunday)));
            }
            for leave in &person.leave {
                if leave.start <= sunday && leave.end >= monday {
                    reasons.push(if leave.note.trim().is_empty() {
                        "leave".to_string()
                    } else {
                        format!("leave: {}", leave.note.trim())
                    });
                }
            }
            for holiday in &plan.holidays {
                if monday <= holiday.date && holiday.date <= sunday {
                    reasons.push(format!("holiday: {}", holiday.name));
                }
            }
            WeekAvailability {
                week,
                available_hours,
                usual_hours,
                reason: reasons.join(", "),
            }
        })
        .collect()
}

mod coverage;
mod demand;
mod matching;
#[cfg(test)]
mod tests;

pub use coverage::{coverage, CoverageFinding, CoverageKind};
pub use demand::{supply_and_demand, SkillBalance};
pub use matching::{candidates, engagement_candidates, Candidate, EngagementMatch};

/// The first and last day numbers of the horizon, without date arithmetic
/// that could overflow.
fn horizon_days(plan: &Plan) -> (i64, i64) {
    let first = day_number(plan.horizon.start.monday());
    (first, first + i64::from(plan.horizon.weeks) * 7 - 1)
}

/// Whether `person` is employed on some day from `first` to `last`.
fn employed_between(person: &Person, first: i64, last: i64) -> bool {
    person
        .start_date
        .is_none_or(|start| day_number(start) <= last)
        && person.end_date.is_none_or(|end| day_number(end) >= first)
        && first <= last
}

/// The Monday on or before a day number.
fn monday_of(day: i64) -> i64 {
    day - weekday_index(day) as i64
}

/// The week starting on the Monday `monday`, if chrono can hold it.
fn week_at(monday: i64) -> Option<Week> {
    date_of(monday).map(Week::containing)
}

/// Hours a week of an allocation, nothing for nonsense.
pub(crate) fn usable_hours(hours_per_week: f64) -> f64 {
    if hours_per_week.is_finite() {
        hours_per_week.max(0.0)
    } else {
        0.0
    }
}

/// An allocation's hours in the weeks from Monday `window.0` to Monday
/// `window.1`: its weekly hours times the weeks both cover.
fn allocated_hours(
    hours_per_week: f64,
    first_week: Week,
    last_week: Week,
    window: (i64, i64),
) -> f64 {
    let first = day_number(first_week.monday()).max(window.0);
    let last = day_number(last_week.monday()).min(window.1);
    if last < first {
        return 0.0;
    }
    usable_hours(hours_per_week) * ((last - first) / 7 + 1) as f64
}

/// The highest level among `held`.
fn best_level(held: &[(SkillId, u8, PersonId)]) -> u8 {
    held.iter().map(|(_, level, _)| *level).max().unwrap_or(0)
}

/// The skills of `requirements`, each once, in order.
fn distinct_skills(requirements: &[SkillRequirement]) -> Vec<SkillId> {
    let mut skills: Vec<SkillId> = Vec::new();
    for requirement in requirements {
        if !skills.contains(&requirement.skill) {
            skills.push(requirement.skill);
        }
    }
    skills
}

/// (skill, held, needed) of every requirement `person` falls short of, a
/// repeated skill once at its highest level.
pub(crate) fn short_skills(
    person: &Person,
    requirements: &[SkillRequirement],
) -> Vec<(SkillId, u8, u8)> {
    short_skills_of(&person.skills, requirements)
}

/// The same for skills held as a list (a person's, an open role's).
pub(crate) fn short_skills_of(
    skills: &[SkillLevel],
    requirements: &[SkillRequirement],
) -> Vec<(SkillId, u8, u8)> {
    let mut short: Vec<(SkillId, u8, u8)> = Vec::new();
    for skill in distinct_skills(requirements) {
        let needed = requirements
            .iter()
            .filter(|requirement| requirement.skill == skill)
            .map(|requirement| requirement.min_level)
            .max()
            .unwrap_or(0);
        let held = skills
            .iter()
            .find(|held| held.skill == skill)
            .map_or(0, |held| held.level);
        if held < needed {
            short.push((skill, held, needed));
        }
    }
    short
}

/// The required certifications (trimmed, as written) that `person` does
/// not hold valid through day `last`. Names match ASCII case-insensitively;
/// of two certificates of one name the later counts.
fn lapsed_certifications<'a>(person: &Person, required: &'a [String], last: i64) -> Vec<&'a str> {
    let mut lapsed: Vec<&str> = Vec::new();
    for name in required {
        let name = name.trim();
        if name.is_empty() || lapsed.iter().any(|known| known.eq_ignore_ascii_case(name)) {
            continue;
        }
        let valid = person.certifications.iter().any(|held| {
            held.name.trim().eq_ignore_ascii_case(name)
                && held
                    .expires
                    .is_none_or(|expires| day_number(expires) >= last)
        });
        if !valid {
            lapsed.push(name);
        }
    }
    lapsed
}

/// Activities related to the one at `index`: those it depends on, those
/// depending on it, and those for the same (non-empty) client; by index.
fn related_activities(plan: &Plan, index: usize) -> Vec<bool> {
    let activity = &plan.activities[index];
    let client = activity.client.trim();
    plan.activities
        .iter()
        .enumerate()
        .map(|(other_index, other)| {
            other_index != index
                && other.id != activity.id
                && (activity.depends_on.contains(&other.id)
                    || other.depends_on.contains(&activity.id)
                    || (!client.is_empty() && other.client.trim().eq_ignore_ascii_case(client)))
        })
        .collect()
}

/// The sort key (ascending is best first) and the score (descending is best
/// first) of a candidate: first whether they meet every skill, and if not by
/// how many levels they fall short in all (so someone short in one skill
/// ranks above someone short in both), then valid certificates, then whether
/// their free hours cover the work, then free hours, then related work.
fn rank_key(candidate: &Candidate) -> (u64, f64) {
    let shortfall: u64 = if candidate.meets_all_skills {
        0
    } else {
        candidate
            .short_skills
            .iter()
            .map(|(_, has, needs)| u64::from(needs.saturating_sub(*has)))
            .sum::<u64>()
            .clamp(1, MAX_SHORTFALL)
    };
    let valid = candidate.certifications_valid;
    let fits = candidate.free_hours >= candidate.needed_hours;
    // Tenths of an hour, so the key and the score agree on ties.
    let free_tenths = (candidate.free_hours * 10.0)
        .round()
        .clamp(0.0, FREE_TENTHS_CAP) as u64;
    let related = u64::from(candidate.on_related_work);
    let tests = u64::from(valid) << 1 | u64::from(fits);
    let fine = free_tenths << 1 | related;
    let key = shortfall << 60
        | (3 - tests) << 58
        | ((1 << 26) - 1 - fine) << 32
        | u64::from(candidate.person.0);
    let fine = fine as f64;
    // Each shortfall level costs 10, more than everything after it (under 7).
    let score = 100.0 - 10.0 * shortfall as f64 + 2.0 * tests as f64 + fine / (fine + 1000.0);
    (key, score)
}

/// Shortfalls beyond this many levels rank together.
const MAX_SHORTFALL: u64 = 9;

/// The most free hours told apart when ranking, in tenths: over 3 million
/// hours, far beyond any horizon.
const FREE_TENTHS_CAP: f64 = ((1u64 << 25) - 1) as f64;

/// "meets every skill · 62 h free of 45 h needed · certification valid
/// through 2027-01-01 · already on related work".
fn candidate_explanation(
    plan: &Plan,
    activity: &Activity,
    candidate: &Candidate,
    lapsed: &[&str],
    valid_through: Option<NaiveDate>,
) -> String {
    let mut text = if candidate.meets_all_skills {
        "meets every skill".to_string()
    } else {
        format!("short in {}", short_text(plan, &candidate.short_skills))
    };
    text.push_str(&format!(
        " · {} h free of {} h needed",
        hours_text(candidate.free_hours),
        hours_text(candidate.needed_hours)
    ));
    let required = activity
        .required_certifications
        .iter()
        .filter(|name| !name.trim().is_empty())
        .count();
    let through = valid_through.map_or_else(String::new, |date| format!(" through {date}"));
    match (required, lapsed) {
        (0, _) => {}
        (1, []) => text.push_str(&format!(" · certification valid{through}")),
        (_, []) => text.push_str(&format!(" · certifications valid{through}")),
        (_, lapsed) => {
            let names: Vec<String> = lapsed.iter().map(|name| format!("'{name}'")).collect();
            text.push_str(&format!(" · no valid {}{through}", join_and(&names)));
        }
    }
    if candidate.on_related_work {
        text.push_str(" · already on related work");
    }
    text
}

/// "Microsoft Intune (has 0, needs 3), Azure (has 1, needs 2)".
pub(crate) fn short_text(plan: &Plan, short: &[(SkillId, u8, u8)]) -> String {
    short
        .iter()
        .map(|(skill, has, needs)| {
            format!("{} (has {has}, needs {needs})", skill_name(plan, *skill))
        })
        .collect::<Vec<String>>()
        .join(", ")
}

/// The catalogue name of a skill, or its id when it is not in the catalogue.
fn skill_name(plan: &Plan, skill: SkillId) -> String {
    plan.skill(skill)
        .map_or_else(|| skill.to_string(), |found| found.name.clone())
}

/// Hours rounded to whole hours, thousands grouped as on the Money view:
/// "62", "1,288". What is not a number reads 0.
pub(crate) fn hours_text(hours: f64) -> String {
    let whole = if hours.is_finite() {
        hours.round()
    } else {
        0.0
    };
    let grouped = crate::model::hours_figure(whole.abs());
    if whole < 0.0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// "1 week", "4 weeks".
fn weeks_text(weeks: u32) -> String {
    crate::model::count_of(weeks as usize, "week", "weeks")
}
