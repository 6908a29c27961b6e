//! File format tests: round trips, and one check per way a file can be wrong.

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::*;
use crate::model::demo::demo_plan;
use crate::model::PlanId;
use crate::test_support::today;

/// The demo laid out from Sunday 2026-11-22, not the shared Monday of
/// `test_support`: the dates in the messages these tests expect are its.
fn demo() -> Plan {
    let sunday = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    let mut plan = demo_plan(PlanId(1), sunday);
    plan.sort_canonically();
    plan
}

fn demo_json() -> Value {
    serde_json::from_str(&encode(&demo())).expect("encode writes JSON")
}

/// Decodes `text` and compares the error message with `expected`.
fn check(text: &str, expected: &str) {
    match decode(text) {
        Ok(_) => panic!("decoded, but expected: {expected}"),
        Err(error) => assert_eq!(error.to_string(), expected),
    }
}

/// Edits the demo file with `edit`, then checks the decode error.
fn check_edited(edit: impl FnOnce(&mut Value), expected: &str) {
    let mut file = demo_json();
    edit(&mut file);
    check(&file.to_string(), expected);
}

#[test]
fn plan_files_are_indented_as_serde_json_indents_them() {
    let size = crate::model::generate::Size {
        people: 40,
        activities: 300,
        initiatives: 8,
        dependencies_per_initiative: 2,
        clients: 20,
        allocations: 1_200,
        weeks: 26,
    };
    let generated = crate::model::generate::generated_plan(size, today());
    for plan in [demo(), generated] {
        let pretty = with_envelope(&plan, &[], |envelope| {
            serde_json::to_string_pretty(envelope).expect("serializes")
        });
        assert_eq!(encode(&plan), format!("{pretty}\n"));
    }
}

// proptest is a native dev-dependency.
#[cfg(not(target_arch = "wasm32"))]
mod indenting {
    use super::*;

    /// JSON values with every kind of node, empty and nested containers, and
    /// strings full of the characters the indenter must not act on.
    fn json_value() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        let text = prop_oneof![any::<String>(), "[\"\\\\{}\\[\\],: \\n]{0,8}"];
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("JSON numbers are finite", |n| n.is_finite())
                .prop_map(Value::from),
            text.clone().prop_map(Value::from),
        ];
        leaf.prop_recursive(5, 96, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
                prop::collection::btree_map(text.clone(), inner, 0..6)
                    .prop_map(|map| Value::Object(map.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn indenting_compact_json_gives_serde_jsons_pretty_text(value in json_value()) {
            let compact = serde_json::to_string(&value).expect("serializes");
            let pretty = serde_json::to_string_pretty(&value).expect("serializes");
            proptest::prop_assert_eq!(indent_json(&compact), pretty);
        }
    }
}

#[test]
fn the_demo_survives_a_round_trip() {
    let plan = demo();
    let text = encode(&plan);
    let decoded = decode(&text).expect("the demo decodes");
    assert_eq!(decoded, plan);
    assert_eq!(encode(&decoded), text, "a second export is byte-identical");
}

#[test]
fn the_envelope_comes_first_and_lists_are_in_id_order() {
    let mut plan = demo();
    plan.activities.reverse();
    plan.people.reverse();
    let text = encode(&plan);
    assert!(
        text.starts_with("{\n  \"format\": \"opsboard-plan\",\n  \"version\": 5,\n  \"plan\": {")
    );
    assert_eq!(text, encode(&demo()));
}

#[test]
fn what_is_not_a_plan_file() {
    check(
        "",
        "The file is not valid JSON (line 1, column 0: EOF while parsing a value).",
    );
    check(
        "{\"format\": ",
        "The file is not valid JSON (line 1, column 11: EOF while parsing a value).",
    );
    check(
        "[1, 2]",
        "This is not an Opsboard plan file: it holds a list, not an object.",
    );
    check(
        "{\"name\": \"budget\"}",
        "This is not an Opsboard plan file: it has no \"format\": \"opsboard-plan\" field.",
    );
    check(
        "{\"format\": \"trello-board\", \"version\": 1}",
        "This is not an Opsboard plan file: its \"format\" is \"trello-board\", not \"opsboard-plan\".",
    );
    check(
        "{\"format\": \"opsboard-plan\", \"version\": 6, \"plan\": {}}",
        "This plan was saved by a newer Opsboard (file format version 6); this app reads up to version 5. Update the app to open it.",
    );
    check(
        "{\"format\": \"opsboard-plan\", \"version\": 0}",
        "version: must be a whole number from 1",
    );
    check(
        "{\"format\": \"opsboard-plan\", \"version\": \"1\"}",
        "version: must be a whole number from 1",
    );
    check(
        "{\"format\": \"opsboard-plan\", \"version\": 1}",
        "plan: missing: the file has no plan in it",
    );
}

#[test]
fn a_wrong_field_is_named_by_its_path() {
    check_edited(
        |file| file["plan"]["activities"][2]["impact"] = json!("high"),
        "plan.activities[2].impact: expected a whole number from 0 to 255, found the text \"high\"",
    );
    check_edited(
        |file| file["plan"]["activities"][0]["deadline"] = json!("2026-02-30"),
        "plan.activities[0].deadline: \"2026-02-30\" is not a real date: use YYYY-MM-DD",
    );
    check_edited(
        |file| file["plan"]["people"][1]["id"] = json!("person-2"),
        "plan.people[1].id: 'person-2' is not a valid id: expected something like 'per-1'",
    );
    check_edited(
        |file| file["plan"]["horizon"]["start"] = json!("2026-W60"),
        "plan.horizon.start: '2026-W60' is not an ISO week: expected something like '2026-W48'",
    );
    check_edited(
        |file| file["plan"]["people"][0]["nickname"] = json!("P"),
        "plan.people[0].nickname: unknown field; expected one of: id, name, email, role, team, weekly_hours, working_days, start_date, end_date, support_hours_per_week, support_periods, leave, skills, certifications, cost_rate, employment, billable_target",
    );
    check_edited(
        |file| {
            if let Some(plan) = file["plan"].as_object_mut() {
                plan.remove("name");
            }
        },
        "plan.name: missing: this field is required",
    );
    check_edited(
        |file| file["plan"]["activities"][1]["status"] = json!("waiting"),
        "plan.activities[1].status: expected one of not_started, in_progress, blocked, done, found the text \"waiting\"",
    );
    check_edited(
        |file| file["plan"]["people"] = json!({"per-1": "Priya"}),
        "plan.people: expected a list, found an object",
    );
    check_edited(
        |file| file["plan"]["people"][2]["working_days"] = json!(["monday", "funday"]),
        "plan.people[2].working_days[1]: \"funday\" is not a weekday: use monday to sunday",
    );
    check_edited(
        |file| file["plan"]["activities"][4]["title"] = json!(null),
        "plan.activities[4].title: missing: this field is required",
    );
    check_edited(
        |file| file["plan"]["activities"][4]["impact"] = json!(-1),
        "plan.activities[4].impact: expected a whole number from 0 to 255, found -1",
    );
    check_edited(
        |file| file["plan"]["allocations"][0]["placeholder"] = json!({"role": "Cloud Engineer"}),
        "plan.allocations[0]: names both a person and a placeholder: keep one",
    );
}

#[test]
fn a_broken_rule_is_named_by_its_path() {
    check_edited(
        |file| file["plan"]["activities"][3]["owner"] = json!("per-99"),
        "plan.activities[act-4].owner: 'Self-service intake form and checklist' is owned by per-99, who is not in the plan's people",
    );
    check_edited(
        |file| file["plan"]["activities"][5]["depends_on"] = json!(["act-4", "act-77"]),
        "plan.activities[act-6].depends_on[act-77]: 'Pilot: onboard Fabrikam Legal in 7 days' depends on act-77, which is not in the plan",
    );
    check_edited(
        |file| file["plan"]["activities"][1]["deadline"] = json!("2020-01-01"),
        "plan.activities[act-2].deadline: 'Standard Azure landing zone in Terraform' has its deadline 2020-01-01 before its start 2026-11-09\n\
         plan.activities[act-2].checkin: 'Standard Azure landing zone in Terraform' has its check-in 2026-11-30 outside its start and deadline",
    );
    check_edited(
        |file| file["plan"]["people"][4]["weekly_hours"] = json!(-8),
        "plan.people[per-5].weekly_hours: -8 hours a week is not possible: use 0 to 168",
    );
    check_edited(
        |file| file["plan"]["allocations"][1]["hours_per_week"] = json!(-4),
        "plan.allocations[alc-2].hours_per_week: an allocation needs more than 0 hours a week",
    );
    check_edited(
        |file| file["plan"]["activities"][0]["start"] = json!("1900-01-01"),
        "plan.activities[act-1].start: the date 1900-01-01 is outside 1970-2200",
    );
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let text = format!("\u{feff}{}", encode(&demo()));
    assert_eq!(decode(&text), Ok(demo()));
}

#[test]
fn file_names_are_safe() {
    let mut plan = demo();
    assert_eq!(file_name(&plan), "Faster client onboarding.opsboard.json");
    plan.name = "Q1/Q2: plan?".to_string();
    assert_eq!(file_name(&plan), "Q1-Q2- plan-.opsboard.json");
    plan.name = "   ".to_string();
    assert_eq!(file_name(&plan), "plan.opsboard.json");
}

#[test]
fn the_fields_of_version_3_are_read_strictly() {
    check_edited(
        |file| file["plan"]["people"][0]["employment"] = json!("freelancer"),
        "plan.people[0].employment: expected one of employee, contractor, partner, found the text \"freelancer\"",
    );
    // The AKS platform build (act-10, the tenth activity) is billed by the
    // hour.
    check_edited(
        |file| file["plan"]["activities"][9]["fixed_fee"] = json!(5000),
        "plan.activities[9].fixed_fee: an activity is billed by the hour or at a fixed fee, not both: keep the bill rate or the fixed fee",
    );
    check_edited(
        |file| file["plan"]["activities"][1]["responsible"] = json!(["Tom"]),
        "plan.activities[1].responsible[0]: 'Tom' is not a valid id: expected something like 'per-1'",
    );
    check_edited(
        |file| file["plan"]["allocations"][0]["open_role"] = json!("rol-1"),
        "plan.allocations[0]: names both a person and an open role: keep one",
    );
    check_edited(
        |file| {
            file["plan"]["allocations"][0]["placeholder"] = json!({"role": "Engineer"});
            file["plan"]["allocations"][0]["open_role"] = json!("rol-1");
        },
        "plan.allocations[0]: names a person, a placeholder and an open role: keep one",
    );
    check_edited(
        |file| file["plan"]["allocations"][0]["person"] = json!(null),
        "plan.allocations[0]: names neither a person, a placeholder nor an open role",
    );
    check_edited(
        |file| file["plan"]["roles"][0]["status"] = json!("hired"),
        "plan.roles[0].status: expected one of planned, approved, interviewing, offer, filled, found the text \"hired\"",
    );
    check_edited(
        |file| file["plan"]["cadences"][1]["frequency"] = json!("fortnightly"),
        "plan.cadences[1].frequency: expected one of weekly, monthly, quarterly, found the text \"fortnightly\"",
    );
    // A hand-written file may leave out who is employed how.
    let mut file = demo_json();
    file["plan"]["people"][3]
        .as_object_mut()
        .expect("a person")
        .remove("employment");
    let plan = decode(&file.to_string()).expect("opens");
    assert_eq!(
        plan.people[3].employment,
        crate::model::Employment::Employee
    );
}

#[test]
fn the_rules_of_money_roles_and_cadence_are_named_by_their_path() {
    check_edited(
        |file| file["plan"]["people"][1]["billable_target"] = json!(1.5),
        "plan.people[per-2].billable_target: Tom Becker's billable target is a share from 0 % to 100 %",
    );
    check_edited(
        |file| file["plan"]["activities"][1]["bill_rate"] = json!(-135),
        "plan.activities[act-2].bill_rate: a bill rate cannot be negative",
    );
    check_edited(
        |file| file["plan"]["activities"][5]["budget_hours"] = json!(-1),
        "plan.activities[act-6].budget_hours: 'Pilot: onboard Fabrikam Legal in 7 days' has a negative budget: use 0 or more hours",
    );
    check_edited(
        |file| file["plan"]["activities"][1]["consulted"] = json!(["per-6", "per-99"]),
        "plan.activities[act-2].consulted[per-99]: 'Standard Azure landing zone in Terraform' lists per-99 as consulted, who is not in the plan's people",
    );
    check_edited(
        |file| file["plan"]["activities"][1]["informed"] = json!(["per-1", "per-4"]),
        "plan.activities[act-2].informed[per-4]: Marcus Hill is both responsible and informed on 'Standard Azure landing zone in Terraform': keep one",
    );
    check_edited(
        |file| file["plan"]["roles"][0]["scenario"] = json!("scn-9"),
        "plan.roles[rol-1].scenario: the role 'Cloud Engineer' is in scn-9, which is not in the plan's scenarios",
    );
    check_edited(
        |file| file["plan"]["roles"][0]["filled_by"] = json!("per-3"),
        "plan.roles[rol-1].status: the role 'Cloud Engineer' names who filled it, so its status is filled",
    );
    check_edited(
        |file| file["plan"]["allocations"][0]["open_role"] = json!("rol-7"),
        "plan.allocations[0]: names both a person and an open role: keep one",
    );
    check_edited(
        |file| {
            file["plan"]["allocations"][0]["person"] = json!(null);
            file["plan"]["allocations"][0]["open_role"] = json!("rol-7");
        },
        "plan.allocations[alc-1].open_role: allocation on rol-7, which is not in the hiring plan",
    );
    check_edited(
        |file| file["plan"]["cadences"][1]["frequency"] = json!("weekly"),
        "plan.cadences[cad-2].frequency: a monthly service review meets monthly: make it a custom meeting to meet otherwise\n\
         plan.cadences[cad-2].nth: 'Monthly service review' meets every week: it has no nth weekday of the month",
    );
    check_edited(
        |file| file["plan"]["cadences"][2]["nth"] = json!(5),
        "plan.cadences[cad-3].nth: 'Quarterly strategy review' needs which weekday of the month it meets on: 1 (the first) to 4",
    );
    check_edited(
        |file| file["plan"]["cadences"][0]["owner"] = json!("per-99"),
        "plan.cadences[cad-1].owner: 'Weekly ops sync' is run by per-99, who is not in the plan's people",
    );
    check_edited(
        |file| {
            file["plan"]["cadences"][0]["kind"] = json!("custom");
            file["plan"]["cadences"][0]["title"] = json!(" ");
        },
        "plan.cadences[cad-1].title: a custom meeting needs a title",
    );
}

#[test]
fn an_email_is_written_only_when_a_person_has_one() {
    let mut plan = demo();
    plan.people[1].email.clear();
    let text = encode(&plan);
    assert!(text.contains(
        "\"name\": \"Priya Raman\",\n        \"email\": \"priya.raman@harbourline-it.example\",\n        \"role\""
    ));
    assert!(text.contains("\"name\": \"Tom Becker\",\n        \"role\""));
    assert_eq!(text.matches("\"email\"").count(), plan.people.len() - 1);
    assert_eq!(decode(&text), Ok(plan));
    // A hand-written file may write no email as empty or null.
    for none in [json!(""), json!(null)] {
        let mut file = demo_json();
        file["plan"]["people"][0]["email"] = none;
        let read = decode(&file.to_string()).expect("opens");
        assert_eq!(read.people[0].email, "");
    }
}

#[test]
fn the_fields_of_version_5_are_read_strictly() {
    check_edited(
        |file| file["plan"]["people"][0]["email"] = json!(["priya@firm.example"]),
        "plan.people[0].email: expected text, found a list",
    );
    check_edited(
        |file| file["plan"]["people"][2]["email"] = json!("lena.novak at harbourline-it.example"),
        "plan.people[per-3].email: Lena Novak's email 'lena.novak at harbourline-it.example' has a space in it",
    );
    check_edited(
        |file| file["plan"]["people"][2]["email"] = json!("Priya.Raman@Harbourline-IT.example"),
        "plan.people[per-3].email: Lena Novak's email 'Priya.Raman@Harbourline-IT.example' is Priya Raman's too (ignoring case): each person has their own",
    );
}
