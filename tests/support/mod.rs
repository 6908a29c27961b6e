//! Helpers the integration tests share, as `src/test_support.rs` holds them
//! for the unit tests (which these cannot see): dates and weeks written as
//! text, the day every test pins as "today", and the demo plan. A test
//! includes it with `mod support;`; the fuzz checks of `tests/fuzz_checks/`
//! include it by path, so the libFuzzer targets get it too.

// Each test crate uses only some of these.
#![allow(dead_code)]

use opsboard::model::demo::demo_plan;
use opsboard::model::{NaiveDate, Plan, PlanId, Week};

/// The date written as `2026-11-23`.
pub fn date(text: &str) -> NaiveDate {
    text.parse().expect("test date")
}

/// The ISO week written as `2026-W48`.
pub fn week(text: &str) -> Week {
    text.parse().expect("test week")
}

/// Monday 2026-11-23, in 2026-W48: the day the tests pin as "today" (the
/// end-to-end tests pin it too).
pub fn today() -> NaiveDate {
    date("2026-11-23")
}

/// The demo plan laid out around [`today`], in canonical order as a saved
/// plan is.
pub fn demo() -> Plan {
    let mut plan = demo_plan(PlanId(1), today());
    plan.sort_canonically();
    plan
}
