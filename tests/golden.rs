//! Golden plan files: every released format version must keep opening.
//!
//! `tests/data/v1/demo.opsboard.json` is the demo plan (laid out around
//! 2026-11-23) as version 1 wrote it. It must decode to the same plan and
//! encode to the same bytes. Run with `UPDATE_GOLDEN=1` to rewrite it after a
//! deliberate change of the demo, never of the format.

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
fn the_v1_demo_file_opens_and_writes_back_byte_for_byte() {
    let path = fixture("v1/demo.opsboard.json");
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
