//! The firm's book of work as the Work view lists it: each engagement with
//! the hours booked on it week by week and who they are booked on, grouped
//! by client; and what the pipeline weighs by its win probabilities.

use super::capacity::{self, Capacity};
use super::skills::usable_hours;
use crate::model::{sort_by_number, Activity, ActivityId, Assignee, PersonId, Plan, RoleId, Scope};

/// Someone booked on an engagement.
#[derive(Debug, Clone, PartialEq)]
pub enum Member {
    Person(PersonId),
    /// An open role of the hiring plan.
    Role(RoleId),
    /// A role still to staff, by its name.
    Placeholder(String),
}

/// One engagement of the book of work over the weeks of a capacity.
#[derive(Debug, Clone, PartialEq)]
pub struct Engagement {
    pub activity: ActivityId,
    /// Hours booked on it per week (every shown allocation, tentative or
    /// not), one per column of the capacity.
    pub hours: Vec<f64>,
    /// Who is booked on it in those weeks: people by most hours (then id),
    /// then open roles, then roles still to staff.
    pub team: Vec<Member>,
}

impl Engagement {
    /// Its booked hours over the weeks.
    pub fn total_hours(&self) -> f64 {
        self.hours.iter().sum()
    }
}

/// A client's engagements; `client` is empty for internal work.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientGroup {
    pub client: String,
    pub engagements: Vec<Engagement>,
    /// The client's hours per week, all engagements summed.
    pub hours: Vec<f64>,
}

/// The book of work of `plan` over the weeks of `load` (a capacity of it):
/// every piece of work on the book (not the ops plan's initiatives) for
/// which `keep` holds, grouped by client in name order (ignoring case),
/// internal work last; within a client by start date (none last), then id.
pub fn book_of_work(
    plan: &Plan,
    load: &Capacity,
    keep: impl Fn(&Activity) -> bool,
) -> Vec<ClientGroup> {
    let weeks = load.weeks;
    let mut kept: Vec<(String, &Activity)> = plan
        .activities
        .iter()
        .filter(|activity| activity.scope == Scope::Book && keep(activity))
        .map(|activity| (activity.client.trim().to_string(), activity))
        .collect();
    // Client (internal last), then start, then id; one sort on one key.
    kept.sort_by(|(left_client, left), (right_client, right)| {
        (left_client.is_empty(), left_client.to_ascii_lowercase())
            .cmp(&(right_client.is_empty(), right_client.to_ascii_lowercase()))
            .then_with(|| {
                (left.start.is_none(), left.start, left.id).cmp(&(
                    right.start.is_none(),
                    right.start,
                    right.id,
                ))
            })
    });
    // Where each kept engagement is, by id, for one pass over allocations.
    let mut position: Vec<(u32, usize)> = kept
        .iter()
        .enumerate()
        .map(|(at, (_, activity))| (activity.id.0, at))
        .collect();
    sort_by_number(&mut position, |(id, _)| u64::from(*id));
    let mut hours = vec![vec![0.0; weeks]; kept.len()];
    // (people with their hours, roles, placeholders) per engagement.
    let mut people: Vec<Vec<(PersonId, f64)>> = vec![Vec::new(); kept.len()];
    let mut others: Vec<Vec<Member>> = vec![Vec::new(); kept.len()];
    for allocation in &plan.allocations {
        let Ok(found) = position.binary_search_by_key(&allocation.activity.0, |(id, _)| *id) else {
            continue;
        };
        if !load.options.shows(allocation) {
            continue;
        }
        let at = position[found].1;
        let first = load.column(allocation.first_week.max(load.first_week));
        let last_week = load.week(weeks.saturating_sub(1));
        let last = load.column(allocation.last_week.min(last_week));
        let (Some(first), Some(last)) = (first, last) else {
            continue;
        };
        if first > last {
            continue;
        }
        let weekly = usable_hours(allocation.hours_per_week);
        for slot in &mut hours[at][first..=last] {
            *slot += weekly;
        }
        let booked = weekly * (last - first + 1) as f64;
        match &allocation.assignee {
            Assignee::Person(person) => match people[at].iter_mut().find(|(id, _)| id == person) {
                Some(entry) => entry.1 += booked,
                None => people[at].push((*person, booked)),
            },
            Assignee::Role(role) => {
                if !others[at].contains(&Member::Role(*role)) {
                    others[at].push(Member::Role(*role));
                }
            }
            Assignee::Placeholder { role, .. } => {
                let member = Member::Placeholder(role.clone());
                if !others[at].contains(&member) {
                    others[at].push(member);
                }
            }
        }
    }
    let mut groups: Vec<ClientGroup> = Vec::new();
    for (at, (client, activity)) in kept.iter().enumerate() {
        let mut team = std::mem::take(&mut people[at]);
        sort_by_number(&mut team, |(person, _)| u64::from(person.0));
        team.sort_by(|left, right| right.1.total_cmp(&left.1));
        let mut members: Vec<Member> = team
            .into_iter()
            .map(|(person, _)| Member::Person(person))
            .collect();
        let mut rest = std::mem::take(&mut others[at]);
        rest.sort_by_key(|member| match member {
            Member::Role(role) => (0, role.0, String::new()),
            Member::Placeholder(name) => (1, 0, name.clone()),
            Member::Person(person) => (2, person.0, String::new()),
        });
        members.extend(rest);
        let engagement = Engagement {
            activity: activity.id,
            hours: std::mem::take(&mut hours[at]),
            team: members,
        };
        match groups.last_mut() {
            Some(group) if group.client.eq_ignore_ascii_case(client) => {
                for (sum, week) in group.hours.iter_mut().zip(&engagement.hours) {
                    *sum += week;
                }
                group.engagements.push(engagement);
            }
            _ => groups.push(ClientGroup {
                client: client.clone(),
                hours: engagement.hours.clone(),
                engagements: vec![engagement],
            }),
        }
    }
    groups
}

/// What a piece of work asks of the firm, for "Can we take it?": its
/// largest booking on a role still to staff (a deal's needs by role or
/// skill), with the skills that role needs (or the work's own), its hours a
/// week and its weeks; none when no role is left to staff on it.
pub fn asked_of(plan: &Plan, activity: ActivityId) -> Option<Ask> {
    let work = plan.activity(activity)?;
    let largest = plan
        .allocations
        .iter()
        .filter(|allocation| allocation.activity == activity)
        .filter_map(|allocation| match &allocation.assignee {
            Assignee::Placeholder { role, skills } => Some((allocation, role, skills)),
            _ => None,
        })
        .max_by(|left, right| {
            left.0
                .hours_per_week
                .total_cmp(&right.0.hours_per_week)
                .then(right.0.id.cmp(&left.0.id))
        })?;
    let (allocation, role, skills) = largest;
    Some(Ask {
        role: role.clone(),
        engagement: capacity::Engagement {
            name: work.title.clone(),
            needs: if skills.is_empty() {
                work.required_skills.clone()
            } else {
                skills.clone()
            },
            hours_per_week: usable_hours(allocation.hours_per_week),
            weeks: (allocation.last_week.weeks_since(allocation.first_week) + 1).clamp(1, 520)
                as u32,
            earliest_start: allocation.first_week,
        },
    })
}

/// A role a piece of work asks for, as "Can we take it?" checks it.
#[derive(Debug, Clone, PartialEq)]
pub struct Ask {
    /// The role's name ("Security Analyst").
    pub role: String,
    pub engagement: capacity::Engagement,
}

/// The pipeline's expected hours over the weeks of `load`: every deal's
/// booked hours weighted by its win probability, summed.
pub fn weighted_pipeline_hours(load: &Capacity) -> f64 {
    load.pipeline.iter().sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::capacity::{self, Options};
    use crate::model::demo::demo_plan;
    use crate::model::PlanId;
    use crate::test_support::today;

    #[test]
    fn the_demo_book_is_grouped_by_client_with_its_hours_and_team() {
        let plan = demo_plan(PlanId(1), today());
        let load = capacity::compute(&plan, plan.horizon, &Options::default(), today());
        let groups = book_of_work(&plan, &load, |_| true);
        let clients: Vec<&str> = groups.iter().map(|group| group.client.as_str()).collect();
        assert_eq!(
            clients,
            [
                "Adventure Works",
                "Alpine Ski House",
                "Contoso Dental Group",
                "Litware",
                "Northwind Logistics",
                "Tailspin Toys",
                "Trey Research",
                "Woodgrove Bank",
                ""
            ]
        );
        // Woodgrove: the service desk contract (from before the horizon)
        // comes before the zero-trust rollout (from week 0), both started
        // before; the contract's 104 h a week drop to 88 when Oliver leaves
        // after week 8.
        let woodgrove = &groups[7];
        let titles: Vec<String> = woodgrove
            .engagements
            .iter()
            .map(|engagement| plan.activity_title(engagement.activity))
            .collect();
        assert_eq!(
            titles,
            ["Service desk and endpoint management", "Zero-trust rollout"]
        );
        let desk = &woodgrove.engagements[0];
        assert_eq!((desk.hours[8], desk.hours[9]), (104.0, 88.0));
        assert_eq!(
            desk.team,
            [
                Member::Person(PersonId(9)),
                Member::Person(PersonId(14)),
                Member::Person(PersonId(8)),
                Member::Person(PersonId(10)),
                Member::Person(PersonId(1)),
            ]
        );
        // The client's weeks are its engagements' summed.
        assert_eq!(
            woodgrove.hours[0],
            desk.hours[0] + woodgrove.engagements[1].hours[0]
        );
        // A deal's tentative work shows, whether or not it is counted:
        // Contoso's rollout has a role to staff and the open role.
        let contoso = &groups[2].engagements[0];
        assert_eq!(
            contoso.team,
            [
                Member::Role(RoleId(1)),
                Member::Placeholder("Microsoft 365 Consultant".to_string())
            ]
        );
        assert_eq!(contoso.hours[8], 40.0);
        // The initiatives are not the book's.
        assert!(groups
            .iter()
            .flat_map(|group| &group.engagements)
            .all(|engagement| engagement.activity.0 > 6));
        // Weighted: Contoso 60 % of 24 h (weeks 6-12) and 16 h (weeks
        // 8-12); Trey 40 % of 32 h (weeks 4-9); Tailspin 20 % of 16 h
        // (weeks 9-12).
        let expected = 0.6 * (24.0 * 7.0 + 16.0 * 5.0) + 0.4 * 32.0 * 6.0 + 0.2 * 16.0 * 4.0;
        assert!((weighted_pipeline_hours(&load) - expected).abs() < 1e-6);
    }

    #[test]
    fn the_security_deal_would_overload_security() {
        // Trey Research's penetration test asks for a Security Analyst
        // (penetration testing 2, Defender 3) 32 h a week in weeks 4 to 9
        // (2026-W50 to 2027-W02). Daniel and Sofia have the skills, but
        // the zero-trust rollout, the managed security contract and the
        // sign-off fill their weeks: neither has 32 h free in any six
        // weeks of the horizon and its look-ahead until the rollout ends.
        let plan = demo_plan(PlanId(1), today());
        let ask = asked_of(&plan, ActivityId(17)).expect("a role to staff");
        assert_eq!(ask.role, "Security Analyst");
        assert_eq!(
            (ask.engagement.hours_per_week, ask.engagement.weeks),
            (32.0, 6)
        );
        assert_eq!(
            ask.engagement.earliest_start,
            "2026-W50".parse().expect("week")
        );
        let answer = capacity::can_we_take_it(&plan, &ask.engagement, &Options::default(), today());
        let fits: Vec<PersonId> = answer
            .fits
            .iter()
            .filter_map(|fit| match fit.assignee {
                Assignee::Person(person) => Some(person),
                _ => None,
            })
            .collect();
        assert_eq!(fits, [PersonId(6), PersonId(7)]);
        // Nobody can start it when the deal wants, and taking it then
        // puts them over their hours.
        assert_ne!(answer.earliest, Some(ask.engagement.earliest_start));
        assert!(answer
            .fits
            .iter()
            .all(|fit| fit.first_week != Some(ask.engagement.earliest_start)));
        // Work with no role to staff asks nothing.
        assert_eq!(asked_of(&plan, ActivityId(10)), None);
    }
}
