//! Golden plan files: every released format version must keep opening.
//!
//! `tests/data/v5/demo.opsboard.json` is the demo plan (laid out around
//! 2026-11-23) as the current version writes it. It must decode to the same
//! plan and encode to the same bytes. Run with `UPDATE_GOLDEN=1` to rewrite
//! it after a deliberate change of the demo, never of the format.
//!
//! Files of older versions are frozen: `tests/data/v<N>/demo.opsboard.json`
//! is the demo as version N wrote it, and `v<N>/demo.as-v<M>.opsboard.json`
//! is what opening it and exporting it again gave in version M, byte for
//! byte. The newest of those must still come out exactly; the older ones
//! (written by an older version) must open and give it too.
//! `UPDATE_GOLDEN=1` writes the expected files of the current version once,
//! when a new version is made; after that they are frozen too.

use std::fs;
use std::path::PathBuf;

use opsboard::model::{Assignee, Billing, Employment, PersonId, Scope};
use opsboard::persist;

mod support;
use support::demo;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// `text` opened and exported again, compared with the expected file
/// `expected` (written first when `UPDATE_GOLDEN` is set and it does not
/// exist yet: expected files are written once, then frozen).
fn check_migrates(text: &str, expected: &str) -> opsboard::model::Plan {
    let plan = persist::decode(text).unwrap_or_else(|error| panic!("opens: {error}"));
    let exported = persist::encode(&plan);
    let path = fixture(expected);
    if std::env::var_os("UPDATE_GOLDEN").is_some() && !path.exists() {
        fs::write(&path, &exported).expect("write the expected file");
    }
    let expected_text = fs::read_to_string(&path).expect("the expected file exists");
    assert_eq!(exported, expected_text, "{expected} differs");
    plan
}

#[test]
fn the_current_demo_file_opens_and_writes_back_byte_for_byte() {
    let path = fixture("v5/demo.opsboard.json");
    let expected = persist::encode(&demo());
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::create_dir_all(path.parent().expect("v5/")).expect("create v5/");
        fs::write(&path, &expected).expect("write the golden file");
    }
    let text = fs::read_to_string(&path).expect("the golden file exists");
    assert!(text.contains("\"version\": 5,"));
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
    let plan = check_migrates(&text, "v1/demo.as-v5.opsboard.json");
    // Version 1 knew no scenarios: its tentative work stays tentative,
    // in no scenario.
    assert!(plan.scenarios.is_empty());
    assert!(plan.allocations.iter().all(|a| a.scenario.is_none()));
    assert_eq!(plan.allocations.len(), 9);
    assert_eq!(plan.people.len(), 12);
    // What versions 2 to 4 made of it opens and gives the same.
    for (older, version) in [
        ("v1/demo.as-v2.opsboard.json", 2),
        ("v1/demo.as-v3.opsboard.json", 3),
        ("v1/demo.as-v4.opsboard.json", 4),
    ] {
        let text = fs::read_to_string(fixture(older)).expect("an older export");
        assert!(text.contains(&format!("\"version\": {version},")));
        check_migrates(&text, "v1/demo.as-v5.opsboard.json");
    }
}

#[test]
fn the_frozen_v2_demo_file_migrates_to_the_current_version() {
    let text = fs::read_to_string(fixture("v2/demo.opsboard.json")).expect("v2 file");
    assert!(text.contains("\"version\": 2,"));
    let plan = check_migrates(&text, "v2/demo.as-v5.opsboard.json");
    for older in ["v2/demo.as-v3.opsboard.json", "v2/demo.as-v4.opsboard.json"] {
        let text = fs::read_to_string(fixture(older)).expect("an older export");
        check_migrates(&text, "v2/demo.as-v5.opsboard.json");
    }
    // Version 2 knew nothing of money, RACI, hiring or cadences: everyone
    // is an employee without a target, client work is billable without a
    // price or budget, the people allocated to an activity are its
    // Responsible, and there are no open roles or cadences.
    assert!(plan.people.iter().all(|person| {
        person.employment == Employment::Employee && person.billable_target.is_none()
    }));
    // The cost rates were there already.
    assert_eq!(plan.people[1].cost_rate, Some(72.0));
    let billable: Vec<u32> = plan
        .activities
        .iter()
        .filter(|activity| activity.billable)
        .map(|activity| activity.id.0)
        .collect();
    // act-2 (Northwind), act-3 (Contoso) and act-6 (Fabrikam) are for
    // clients; act-1, act-4 and act-5 have none.
    assert_eq!(billable, [2, 3, 6]);
    assert!(plan.activities.iter().all(|activity| {
        activity.billing == Billing::NotBilled
            && activity.budget_hours.is_none()
            && activity.consulted.is_empty()
            && activity.informed.is_empty()
    }));
    for activity in &plan.activities {
        let mut allocated: Vec<PersonId> = plan
            .allocations
            .iter()
            .filter(|allocation| allocation.activity == activity.id)
            .filter_map(|allocation| match allocation.assignee {
                Assignee::Person(person) => Some(person),
                _ => None,
            })
            .collect();
        allocated.sort();
        allocated.dedup();
        assert_eq!(activity.responsible, allocated, "{}", activity.title);
    }
    assert!(plan.roles.is_empty());
    assert!(plan.cadences.is_empty());
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

#[test]
fn older_files_cannot_hold_version_3_fields() {
    let v2 = fs::read_to_string(fixture("v2/demo.opsboard.json")).expect("v2 file");
    for (edit, message) in [
        (
            v2.replacen("\"plan\": {", "\"plan\": {\"roles\": [],", 1),
            "plan.roles: unknown field in a version 2 file (it came with version 3)",
        ),
        (
            v2.replacen(
                "\"cost_rate\": 78.0",
                "\"cost_rate\": 78.0, \"billable_target\": 0.3",
                1,
            ),
            "plan.people[0].billable_target: unknown field in a version 2 file (it came with version 3)",
        ),
        (
            v2.replacen(
                "\"required_certifications\": []",
                "\"required_certifications\": [], \"bill_rate\": 120",
                1,
            ),
            "plan.activities[0].bill_rate: unknown field in a version 2 file (it came with version 3)",
        ),
        (
            v2.replacen("\"scenario\": null", "\"scenario\": null, \"open_role\": null", 1),
            "plan.allocations[0].open_role: unknown field in a version 2 file (it came with version 3)",
        ),
    ] {
        let error = persist::decode(&edit).expect_err("refused");
        assert_eq!(error.to_string(), message);
    }
    let v1 = fs::read_to_string(fixture("v1/minimal.opsboard.json")).expect("fixture");
    let with_cadences = v1.replacen("\"plan\": {", "\"plan\": {\"cadences\": [],", 1);
    assert_eq!(
        persist::decode(&with_cadences)
            .expect_err("refused")
            .to_string(),
        "plan.cadences: unknown field in a version 1 file (it came with version 3)"
    );
}

#[test]
fn the_frozen_v3_demo_file_migrates_to_the_current_version() {
    let text = fs::read_to_string(fixture("v3/demo.opsboard.json")).expect("v3 file");
    assert!(text.contains("\"version\": 3,"));
    let before: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let plan = check_migrates(&text, "v3/demo.as-v5.opsboard.json");
    let as_v4 = fs::read_to_string(fixture("v3/demo.as-v4.opsboard.json")).expect("v4 export");
    check_migrates(&as_v4, "v3/demo.as-v5.opsboard.json");
    // Version 3 had one list of work: every activity stays one of the ops
    // plan's initiatives, with no contract and no deal, and keeps its kind,
    // client, billing and allocations; nothing else changes.
    assert_eq!(plan.activities.len(), 6);
    assert!(plan.activities.iter().all(|activity| {
        activity.scope == Scope::Initiative
            && activity.contract.is_none()
            && activity.deal.is_none()
    }));
    let after: serde_json::Value = serde_json::from_str(&persist::encode(&plan)).expect("JSON");
    let mut expected = before["plan"].clone();
    for activity in expected["activities"].as_array_mut().expect("a list") {
        let activity = activity.as_object_mut().expect("an activity");
        activity.insert("scope".into(), "initiative".into());
        activity.insert("contract".into(), serde_json::Value::Null);
        activity.insert("deal".into(), serde_json::Value::Null);
    }
    assert_eq!(
        after["plan"], expected,
        "nothing but the new fields changes"
    );
}

#[test]
fn older_files_cannot_hold_version_4_fields() {
    let v3 = fs::read_to_string(fixture("v3/demo.opsboard.json")).expect("v3 file");
    for (field, value) in [
        ("scope", "\"book\""),
        ("contract", "null"),
        ("deal", "{\"stage\": \"lead\", \"probability\": 0.1}"),
    ] {
        let edit = v3.replacen(
            "\"required_certifications\": []",
            &format!("\"required_certifications\": [], \"{field}\": {value}"),
            1,
        );
        let error = persist::decode(&edit).expect_err("refused");
        assert_eq!(
            error.to_string(),
            format!(
                "plan.activities[0].{field}: unknown field in a version 3 file (it came with version 4)"
            )
        );
    }
}

#[test]
fn the_frozen_v4_demo_file_migrates_to_the_current_version() {
    let text = fs::read_to_string(fixture("v4/demo.opsboard.json")).expect("v4 file");
    assert!(text.contains("\"version\": 4,"));
    let plan = check_migrates(&text, "v4/demo.as-v5.opsboard.json");
    // Version 4 knew no emails: no one has one, and as a person without
    // one is written without the field, only the version changes.
    assert_eq!(plan.people.len(), 15);
    assert!(plan.people.iter().all(|person| person.email.is_empty()));
    assert_eq!(
        persist::encode(&plan),
        text.replacen("\"version\": 4,", "\"version\": 5,", 1),
        "nothing but the version changes"
    );
}

#[test]
fn older_files_cannot_hold_version_5_fields() {
    for (file, version) in [("v4/demo.opsboard.json", 4), ("v2/demo.opsboard.json", 2)] {
        let text = fs::read_to_string(fixture(file)).expect("an older file");
        let edit = text.replacen(
            "\"name\": \"Priya Raman\",",
            "\"name\": \"Priya Raman\", \"email\": \"priya@firm.example\",",
            1,
        );
        assert_ne!(edit, text, "{file} names Priya Raman");
        let error = persist::decode(&edit).expect_err("refused");
        assert_eq!(
            error.to_string(),
            format!(
                "plan.people[0].email: unknown field in a version {version} file (it came with version 5)"
            )
        );
    }
}
