//! Helpers the unit tests share: dates and weeks written as text, the day
//! every test pins as "today", the demo plan, and small builders of fixture
//! data. Test builds only (`#[cfg(test)]` in lib.rs), so none of it reaches
//! the app. The integration tests cannot see it; `tests/support/mod.rs`
//! holds the same for them.

use chrono::NaiveDate;

use crate::model::demo::demo_plan;
use crate::model::{
    ActivityId, Allocation, AllocationId, Assignee, Commitment, Leave, PersonId, Plan, PlanId, Week,
};

/// The date written as `2026-11-23`.
pub(crate) fn date(text: &str) -> NaiveDate {
    text.parse().expect("test date")
}

/// The ISO week written as `2026-W48`.
pub(crate) fn week(text: &str) -> Week {
    text.parse().expect("test week")
}

/// Monday 2026-11-23, in 2026-W48: the day the tests pin as "today" (the
/// end-to-end tests pin it too).
pub(crate) fn today() -> NaiveDate {
    date("2026-11-23")
}

/// The day `offset` days after [`today`] (before it when negative).
pub(crate) fn day(offset: i64) -> NaiveDate {
    today() + chrono::Duration::days(offset)
}

/// The demo plan laid out around [`today`], in canonical order as a saved
/// plan is.
pub(crate) fn demo() -> Plan {
    let mut plan = demo_plan(PlanId(1), today());
    plan.sort_canonically();
    plan
}

/// Confirmed work of person `who` on `activity`: `hours` a week from week
/// `first` to week `last`, both included, in no scenario.
pub(crate) fn allocation(
    id: u32,
    who: u32,
    activity: u32,
    hours: f64,
    first: &str,
    last: &str,
) -> Allocation {
    Allocation {
        id: AllocationId(id),
        assignee: Assignee::Person(PersonId(who)),
        activity: ActivityId(activity),
        hours_per_week: hours,
        first_week: week(first),
        last_week: week(last),
        commitment: Commitment::Confirmed,
        scenario: None,
    }
}

/// Leave from `start` to `end`, both included, taking `day_fraction` of
/// each working day (1.0 whole days, 0.5 half days), with no note.
pub(crate) fn leave(start: &str, end: &str, day_fraction: f64) -> Leave {
    Leave {
        start: date(start),
        end: date(end),
        day_fraction,
        note: String::new(),
    }
}
