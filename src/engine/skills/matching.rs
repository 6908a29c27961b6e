//! Who could take on an activity, or a new engagement and from when.

use super::*;

/// One person who could take on an activity, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub person: PersonId,
    /// Whether they reach every required skill level.
    pub meets_all_skills: bool,
    /// (skill, level held, level needed) of every skill they fall short in.
    pub short_skills: Vec<(SkillId, u8, u8)>,
    /// Their available hours in the window, less what other activities
    /// already have of them there. Never negative.
    pub free_hours: f64,
    /// The activity's remaining effort.
    pub needed_hours: f64,
    /// Whether they hold every required certification, valid through the
    /// deadline.
    pub certifications_valid: bool,
    /// Whether they own or are allocated to an activity this one depends
    /// on, one that depends on it, or one for the same client.
    pub on_related_work: bool,
    /// Higher is better; candidates are listed by it (ties by id). The
    /// integer part counts the three tests (skills 8, certifications 4,
    /// hours 2); the fraction grows with the free hours and related work.
    pub score: f64,
    /// The reasons, in a sentence: "meets every skill · 62 h free of 45 h
    /// needed · already on related work".
    pub explanation: String,
}

/// Everyone employed at some point of the remaining window of `activity`
/// (the later of today and its start, to its deadline; the rest of the
/// horizon for a date it lacks), best first: those meeting every skill,
/// then with valid certifications, then whose free hours cover the work,
/// then by free hours, then on related work, then by id. The current owner
/// is among them. Empty for an unknown activity.
pub fn candidates(plan: &Plan, activity: ActivityId, today: NaiveDate) -> Vec<Candidate> {
    let Some(activity_index) = plan.activities.iter().position(|a| a.id == activity) else {
        return Vec::new();
    };
    let activity = &plan.activities[activity_index];
    let (horizon_first, horizon_last) = horizon_days(plan);
    let first = activity
        .start
        .map_or(horizon_first, day_number)
        .max(day_number(today));
    let last = activity.deadline.map_or(horizon_last, day_number);
    // An overdue activity has no time left, but whoever is employed today
    // still counts as a candidate.
    let employment_last = last.max(first);
    let holidays = holiday_numbers(plan);
    let needed_hours = activity.remaining_effort_hours();
    let valid_through = date_of(last);

    let mut person_ids: Vec<(PersonId, usize)> = plan
        .people
        .iter()
        .enumerate()
        .map(|(index, person)| (person.id, index))
        .collect();
    sort_by_number(&mut person_ids, |(id, _)| id.0.into());
    let person_index = |id: PersonId| -> Option<usize> {
        let at = person_ids.partition_point(|(known, _)| *known < id);
        match person_ids.get(at) {
            Some((known, index)) if *known == id => Some(*index),
            _ => None,
        }
    };

    let related = related_activities(plan, activity_index);
    let mut allocated = vec![0.0; plan.people.len()];
    let mut on_related = vec![false; plan.people.len()];
    for (index, other) in plan.activities.iter().enumerate() {
        if related[index] {
            if let Some(owner) = other.owner.and_then(person_index) {
                on_related[owner] = true;
            }
        }
    }
    let mut activity_ids: Vec<(ActivityId, usize)> = plan
        .activities
        .iter()
        .enumerate()
        .map(|(index, activity)| (activity.id, index))
        .collect();
    sort_by_number(&mut activity_ids, |(id, _)| id.0.into());
    // Whether an activity of this id (any of them, for a repeated id) is
    // related.
    let is_related = |id: ActivityId| -> bool {
        let at = activity_ids.partition_point(|(known, _)| *known < id);
        activity_ids[at..]
            .iter()
            .take_while(|(known, _)| *known == id)
            .any(|(_, index)| related[*index])
    };
    let window_weeks = (monday_of(first), monday_of(last));
    for allocation in &plan.allocations {
        let Assignee::Person(id) = allocation.assignee else {
            continue;
        };
        let Some(index) = person_index(id) else {
            continue;
        };
        if allocation.activity == activity.id {
            continue;
        }
        if !on_related[index] && is_related(allocation.activity) {
            on_related[index] = true;
        }
        if last >= first {
            allocated[index] += allocated_hours(
                allocation.hours_per_week,
                allocation.first_week,
                allocation.last_week,
                window_weeks,
            );
        }
    }

    let mut found: Vec<(u64, Candidate)> = Vec::new();
    for (index, person) in plan.people.iter().enumerate() {
        if !employed_between(person, first, employment_last) {
            continue;
        }
        let short_skills = short_skills(person, &activity.required_skills);
        let available = Calendar::new(person).available_hours(&holidays, first, last);
        let free_hours = (available - allocated[index]).max(0.0);
        let lapsed = lapsed_certifications(person, &activity.required_certifications, last);
        let candidate = Candidate {
            person: person.id,
            meets_all_skills: short_skills.is_empty(),
            free_hours,
            needed_hours,
            certifications_valid: lapsed.is_empty(),
            on_related_work: on_related[index],
            score: 0.0,
            explanation: String::new(),
            short_skills,
        };
        let (key, score) = rank_key(&candidate);
        let explanation = candidate_explanation(plan, activity, &candidate, &lapsed, valid_through);
        found.push((
            key,
            Candidate {
                score,
                explanation,
                ..candidate
            },
        ));
    }
    sort_by_number(&mut found, |(key, _)| *key);
    found.into_iter().map(|(_, candidate)| candidate).collect()
}

/// A person who could take on a new engagement, and from when.
#[derive(Debug, Clone, PartialEq)]
pub struct EngagementMatch {
    pub person: PersonId,
    /// The first week of the earliest run of weeks with the hours free;
    /// none when short in a skill or never free within the look-ahead.
    pub first_week: Option<Week>,
    /// (skill, level held, level needed) of every skill they fall short in.
    pub short_skills: Vec<(SkillId, u8, u8)>,
    /// Why, in a sentence.
    pub explanation: String,
}

/// For a new engagement of `weeks` weeks at `hours_per_week`, needing
/// `needs`: every person employed at some point from `earliest_start` on
/// who meets every skill, with the earliest week from `earliest_start`
/// (and not before the week of `today`) that starts `weeks` consecutive
/// weeks in each of which they have `hours_per_week` free (available
/// hours less every allocation of theirs that week). The whole run must
/// end within [`ENGAGEMENT_LOOKAHEAD_WEEKS`] after the horizon. People
/// short in a skill follow with no week. Listed by first week (earliest
/// first, none last), then id.
pub fn engagement_candidates(
    plan: &Plan,
    needs: &[SkillRequirement],
    hours_per_week: f64,
    weeks: u32,
    earliest_start: Week,
    today: NaiveDate,
) -> Vec<EngagementMatch> {
    let (_, horizon_last) = horizon_days(plan);
    let search_first = day_number(earliest_start.monday()).max(monday_of(day_number(today)));
    let limit = horizon_last + 1 + ENGAGEMENT_LOOKAHEAD_WEEKS * 7;
    // At most a horizon and two look-aheads of weeks, however odd the
    // dates, so nothing here can grow without bound.
    let span = ((limit - search_first) / 7).clamp(0, 3 * ENGAGEMENT_LOOKAHEAD_WEEKS) as usize;
    let run = weeks as usize;
    let hours_needed = if hours_per_week.is_nan() {
        0.0
    } else {
        hours_per_week.max(0.0)
    };
    let holidays = holiday_numbers(plan);
    let today_number = day_number(today);

    let mut found: Vec<(u64, EngagementMatch)> = Vec::new();
    for person in &plan.people {
        let search_last = search_first + span as i64 * 7 - 1;
        if !employed_between(person, search_first, search_last.max(search_first)) {
            continue;
        }
        let short = short_skills(person, needs);
        if !short.is_empty() {
            let explanation = format!("short in {}", short_text(plan, &short));
            found.push((
                u64::MAX,
                EngagementMatch {
                    person: person.id,
                    first_week: None,
                    short_skills: short,
                    explanation,
                },
            ));
            continue;
        }
        let calendar = Calendar::new(person);
        let mut free: Vec<f64> = (0..span)
            .map(|offset| {
                let monday = search_first + offset as i64 * 7;
                calendar.available_hours(&holidays, monday.max(today_number), monday + 6)
            })
            .collect();
        for allocation in &plan.allocations {
            if allocation.assignee != Assignee::Person(person.id) {
                continue;
            }
            let hours = usable_hours(allocation.hours_per_week);
            let from = (day_number(allocation.first_week.monday()) - search_first).max(0) / 7;
            let to = (day_number(allocation.last_week.monday()) - search_first) / 7;
            for slot in free
                .iter_mut()
                .take((to + 1).max(0) as usize)
                .skip(from as usize)
            {
                *slot -= hours;
            }
        }
        let fits: Vec<bool> = free.iter().map(|hours| *hours >= hours_needed).collect();
        let start = if run == 0 {
            (span > 0).then_some(0)
        } else {
            fits.windows(run)
                .position(|window| window.iter().all(|f| *f))
        };
        let first_week = start.and_then(|offset| week_at(search_first + offset as i64 * 7));
        let explanation = match first_week {
            Some(week) => format!(
                "meets every skill · {} h a week free for {} from {week}",
                hours_text(hours_needed),
                weeks_text(weeks)
            ),
            None => format!(
                "meets every skill · never {} h a week free for {} before {}",
                hours_text(hours_needed),
                weeks_text(weeks),
                date_of(limit).map_or_else(|| "the look-ahead ends".to_string(), |d| d.to_string())
            ),
        };
        let key = match first_week {
            Some(week) => (day_number(week.monday()) - search_first).max(0) as u64,
            None => u64::MAX - 1,
        };
        found.push((
            key,
            EngagementMatch {
                person: person.id,
                first_week,
                short_skills: short,
                explanation,
            },
        ));
    }
    sort_by_number(&mut found, |(key, found)| {
        // The key is a week offset below 2^16, or one of the two "no week"
        // markers; the id breaks ties.
        (*key).min((1 << 31) - 1) << 32 | u64::from(found.person.0)
    });
    found.into_iter().map(|(_, found)| found).collect()
}
