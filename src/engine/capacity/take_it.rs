//! "Can we take it?": the earliest weeks a new engagement fits, and who
//! would do it.

use super::*;

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
