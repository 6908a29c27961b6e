//! Golden plan files: every released format version must keep opening.
//!
//! `tests/data/v2/demo.opsboard.json` is the demo plan (laid out around
//! 2026-11-23) as the current version writes it. It must decode to the same
//! plan and encode to the same bytes. Run with `UPDATE_GOLDEN=1` to rewrite
//! it after a deliberate change of the demo, never of the format.
//!
//! Files of older versions are frozen: `tests/data/v1/demo.opsboard.json`
//! is the demo as version 1 wrote it, and `v1/demo.as-v2.opsboard.json` is
//! what opening it and exporting it again must give, byte for byte.

use std::fs;
use std::path::PathBuf;

use chrono::NaiveDate;
use opsboard::model::demo::demo_plan;
use opsboard::model::PlanId;
use opsboard::persist;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn demo() -> opsboard::model::Plan {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    let mut plan = demo_plan(PlanId(1), today);
    plan.sort_canonically();
    plan
}

#[test]
fn the_current_demo_file_opens_and_writes_back_byte_for_byte() {
    let path = fixture("v2/demo.opsboard.json");
    let expected = persist::encode(&demo());
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::write(&path, &expected).expect("write the golden file");
    }
    let text = fs::read_to_string(&path).expect("the golden file exists");
    let plan = persist::decode(&text).expect("the golden file opens");
    assert_eq!(plan, demo());
    assert_eq!(
        persist::encode(&plan),
        text,
        "re-export differs from the golden file"
    );
}

#[test]
fn a_hand_written_minimal_v1_file_opens() {
    let text = fs::read_to_string(fixture("v1/minimal.opsboard.json")).expect("fixture");
    let plan = persist::decode(&text).expect("the minimal file opens");
    assert_eq!(plan.name, "Minimal plan");
    assert_eq!(plan.activities.len(), 1);
    assert_eq!(plan.activities[0].owner, None);
    assert!(plan.people.is_empty());
}

#[test]
fn the_frozen_v1_demo_file_migrates_to_the_current_version() {
    let text = fs::read_to_string(fixture("v1/demo.opsboard.json")).expect("v1 file");
    assert!(text.contains("\"version\": 1,"));
    let plan = persist::decode(&text).expect("the version 1 file opens");
    // Version 1 knew no scenarios: its tentative work stays tentative,
    // in no scenario.
    assert!(plan.scenarios.is_empty());
    assert!(plan.allocations.iter().all(|a| a.scenario.is_none()));
    assert_eq!(plan.allocations.len(), 9);
    assert_eq!(plan.people.len(), 12);
    let expected =
        fs::read_to_string(fixture("v1/demo.as-v2.opsboard.json")).expect("expected export");
    assert_eq!(persist::encode(&plan), expected);
}

#[test]
fn a_version_1_file_cannot_hold_version_2_fields() {
    let text = fs::read_to_string(fixture("v1/minimal.opsboard.json")).expect("fixture");
    let with_scenarios = text.replacen("\"plan\": {", "\"plan\": {\"scenarios\": [],", 1);
    let error = persist::decode(&with_scenarios).expect_err("refused");
    assert_eq!(
        error.to_string(),
        "plan.scenarios: unknown field in a version 1 file (it came with version 2)"
    );
}
