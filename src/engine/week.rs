//! One person's week: the work they are booked on, with its hours, next to
//! the load the capacity computation gives them. "My week" shows it, and the
//! load risks name the work of a week from the same function, so the hours
//! read the same everywhere.

use super::capacity::{Capacity, Cell, Options};
use super::skills::usable_hours;
use crate::model::{
    sort_by_number, ActivityId, Allocation, Assignee, Commitment, PersonId, Plan, Week,
};

/// Hours of one piece of work in one week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Booking {
    pub activity: ActivityId,
    pub hours: f64,
    pub tentative: bool,
}

/// A person's week: their numbers on the Capacity view and what fills it.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonWeek {
    pub person: PersonId,
    pub week: Week,
    /// Their cell of the capacity, when the week is in its range.
    pub cell: Option<Cell>,
    /// The work counted in it (as `options` count it), most hours first.
    pub bookings: Vec<Booking>,
}

/// The bookings in `week` among `allocations` (of one person), counted as
/// `options` count them: one per piece of work and commitment, most hours
/// first, then by id.
pub fn bookings<'a>(
    allocations: impl Iterator<Item = &'a Allocation>,
    week: Week,
    options: &Options,
) -> Vec<Booking> {
    let mut booked: Vec<Booking> = Vec::new();
    for allocation in allocations {
        if allocation.first_week > week
            || week > allocation.last_week
            || !options.counts(allocation)
        {
            continue;
        }
        let tentative = allocation.commitment == Commitment::Tentative;
        let hours = usable_hours(allocation.hours_per_week);
        match booked.iter_mut().find(|booking| {
            booking.activity == allocation.activity && booking.tentative == tentative
        }) {
            Some(booking) => booking.hours += hours,
            None => booked.push(Booking {
                activity: allocation.activity,
                hours,
                tentative,
            }),
        }
    }
    sort_by_number(&mut booked, |booking| u64::from(booking.activity.0));
    // Most hours first; the stable sort keeps id order among equals.
    booked.sort_by(|left, right| right.hours.total_cmp(&left.hours));
    booked
}

/// `person`'s week `week` in `load` (a capacity of `plan`).
pub fn person_week(plan: &Plan, load: &Capacity, person: PersonId, week: Week) -> PersonWeek {
    let mine = plan
        .allocations
        .iter()
        .filter(|allocation| allocation.assignee == Assignee::Person(person));
    PersonWeek {
        person,
        week,
        cell: load.cell(person, week),
        bookings: bookings(mine, week, &load.options),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::capacity;
    use crate::model::demo::demo_plan;
    use crate::model::{AllocationId, PlanId};
    use crate::test_support::{today, week};

    #[test]
    fn an_engineer_on_client_work_has_a_week_full_of_it() {
        // Marcus Hill in 2026-W50 (week 4 of the demo): 24 h of the AKS
        // build, 16 h of Litware's pipelines and 4 h of the landing zone,
        // which is an initiative he does not own: 44 h of his 40.
        let plan = demo_plan(PlanId(1), today());
        let options = Options::default();
        let load = capacity::compute(&plan, plan.horizon, &options, today());
        let marcus = person_week(&plan, &load, PersonId(4), week("2026-W50"));
        let titles: Vec<(String, f64)> = marcus
            .bookings
            .iter()
            .map(|booking| (plan.activity_title(booking.activity), booking.hours))
            .collect();
        assert_eq!(
            titles,
            [
                ("AKS platform build".to_string(), 24.0),
                ("CI/CD pipelines".to_string(), 16.0),
                ("Standard Azure landing zone in Terraform".to_string(), 4.0),
            ]
        );
        let cell = marcus.cell.expect("in the horizon");
        assert_eq!(cell.headline(false), "110 %, 4 h over");
        // The hours booked are the load the cell counts.
        let booked: f64 = marcus.bookings.iter().map(|booking| booking.hours).sum();
        assert_eq!(booked, cell.load(false));
    }

    #[test]
    fn tentative_work_shows_only_when_counted_and_splits_from_confirmed() {
        let mut plan = demo_plan(PlanId(1), today());
        // A tentative second booking of Marcus on the AKS build.
        plan.allocations.push(Allocation {
            id: AllocationId(99),
            commitment: Commitment::Tentative,
            hours_per_week: 4.0,
            ..plan.allocation(AllocationId(21)).expect("alc-21").clone()
        });
        for (tentative, expected) in [(false, 1), (true, 2)] {
            let options = Options {
                include_tentative: tentative,
                hidden_scenarios: Vec::new(),
            };
            let load = capacity::compute(&plan, plan.horizon, &options, today());
            let on_aks = person_week(&plan, &load, PersonId(4), week("2026-W50"))
                .bookings
                .iter()
                .filter(|booking| booking.activity == ActivityId(10))
                .count();
            assert_eq!(on_aks, expected, "tentative counted: {tentative}");
        }
        // Outside the range there is no cell, and nothing booked.
        let load = capacity::compute(&plan, plan.horizon, &Options::default(), today());
        let later = person_week(&plan, &load, PersonId(4), week("2028-W01"));
        assert_eq!((later.cell, later.bookings.len()), (None, 0));
    }
}
