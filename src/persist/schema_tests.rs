//! The published JSON Schema of the plan file,
//! `schema/opsboard-plan.schema.json`: generated from the types `encode`
//! writes (`EnvelopeOut` and `file`), compared with the published file byte
//! for byte, and checked against real files with an independent validator.
//!
//! Run `UPDATE_SCHEMA=1 cargo test --lib persist` to rewrite the file after
//! a deliberate change of the format (which is a new format version).
//! Native test builds only: schemars and the validator are native
//! dev-dependencies, so neither reaches the browser.

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::Schema;
use serde_json::{json, Value};

use super::*;
use crate::model::demo::demo_plan;
use crate::model::{self, PlanId};
use crate::test_support::{date, today};

/// The schema's description, used by the attributes of `EnvelopeOut`.
pub(super) fn envelope_description() -> String {
    format!(
        "An Opsboard plan file of format version {CURRENT_VERSION}, as Opsboard writes it: \
         every field present (absent values as null, but for a person's email, left out \
         when they have none) and every list in id order. \
         Opsboard also opens older versions and files that leave out optional fields. \
         Generated from the types in src/persist by `UPDATE_SCHEMA=1 cargo test --lib persist`; \
         do not edit it by hand."
    )
}

fn schema_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schema/opsboard-plan.schema.json")
}

/// The reader refuses a field it does not know in every object of a plan
/// file, so every object of the schema does too.
fn refuse_unknown_fields(schema: &mut Schema) {
    if schema.get("properties").is_some() {
        schema.insert("additionalProperties".to_string(), false.into());
    }
}

/// The schema of what `encode` writes. `for_serialize` makes every field
/// required, `Option` fields included, because every field is written; a
/// person's email, left out when empty (`skip_serializing_if`), is not.
fn plan_file_schema() -> Value {
    let generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .with_transform(RecursiveTransform(refuse_unknown_fields))
        .into_generator();
    let mut schema = generator
        .into_root_schema_for::<EnvelopeOut<'static>>()
        .to_value();
    // The rules of shape the types do not carry: an allocation names one
    // of a person, a placeholder and an open role (`read_allocation`), and
    // an activity has a bill rate or a fixed fee, not both (`read_activity`).
    let allocation = schema
        .pointer_mut("/$defs/Allocation")
        .and_then(Value::as_object_mut)
        .expect("the schema defines Allocation");
    // (Named so, as `null` inside `json!` is JSON's null.)
    let absent = json!({ "type": "null" });
    let present = json!({ "not": { "type": "null" } });
    allocation.insert(
        "oneOf".to_string(),
        json!([
            { "properties": { "person": present, "placeholder": absent, "open_role": absent } },
            { "properties": { "person": absent, "placeholder": present, "open_role": absent } },
            { "properties": { "person": absent, "placeholder": absent, "open_role": present } },
        ]),
    );
    let activity = schema
        .pointer_mut("/$defs/Activity")
        .and_then(Value::as_object_mut)
        .expect("the schema defines Activity");
    activity.insert(
        "not".to_string(),
        json!({ "properties": { "bill_rate": present, "fixed_fee": present } }),
    );
    // The reader reads the envelope's three fields and passes over any
    // other (`decode`), so the envelope alone stays open.
    schema
        .as_object_mut()
        .expect("the schema is an object")
        .remove("additionalProperties");
    schema
}

/// The schema as published: pretty-printed, with a trailing newline.
fn plan_file_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&plan_file_schema()).expect("a schema is JSON");
    text.push('\n');
    text
}

#[test]
fn the_published_schema_is_what_the_types_describe() {
    let path = schema_path();
    let expected = plan_file_schema_text();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        fs::create_dir_all(path.parent().expect("schema/")).expect("create schema/");
        fs::write(&path, &expected).expect("write the schema");
    }
    let published = fs::read_to_string(&path).unwrap_or_default();
    if published != expected {
        let first_difference = published
            .lines()
            .zip(expected.lines())
            .position(|(published, expected)| published != expected)
            .unwrap_or(published.lines().count().min(expected.lines().count()));
        panic!(
            "schema/opsboard-plan.schema.json differs from the schema of the types in \
             src/persist (first at line {}). If the types changed on purpose (a change of \
             what files hold is a new format version), regenerate it with \
             `UPDATE_SCHEMA=1 cargo test --lib persist` and commit it.",
            first_difference + 1
        );
    }
}

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema() {
    let schema = plan_file_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    if let Err(error) = jsonschema::meta::validate(&schema) {
        panic!("not a valid JSON Schema: {error}");
    }
}

/// Checks `file` against the schema, with `format` ("date") checked too;
/// gives the JSON pointers of the values it refuses.
fn schema_errors(file: &Value) -> Vec<String> {
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&plan_file_schema())
        .expect("the schema compiles");
    validator
        .iter_errors(file)
        .map(|error| format!("{} ({error})", error.instance_path()))
        .collect()
}

/// The demo plan with every optional field set somewhere and every list
/// holding at least one item, so the schema sees each field with a value.
fn plan_with_every_field_set() -> model::Plan {
    let mut plan = demo_plan(PlanId(1), today());
    // Written as the envelope's "profile".
    plan.client_copy = true;
    // Written as the envelope's "origin".
    plan.lineage = Some(model::Lineage {
        origin: "k3v9q2m7x1c4".to_string(),
        revisions: vec!["r2-9f3a".to_string(), "r1-0b7c".to_string()],
    });
    let person = &mut plan.people[0];
    person.start_date = Some(date("2024-03-01"));
    person.end_date = Some(date("2027-12-31"));
    person.support_periods.push(model::SupportPeriod {
        start: date("2026-12-07"),
        end: date("2026-12-13"),
        hours_per_week: 16.0,
        note: "On call".to_string(),
    });
    let activity = &mut plan.activities[0];
    activity.checkin = Some(date("2026-11-16"));
    let decision = &mut plan.checkins[0].decisions[0];
    decision.decided_on = Some(date("2026-11-20"));
    let first_activity = plan.activities[0].id;
    plan.priority_pins.push(model::PriorityPin {
        activity: first_activity,
        position: 1,
    });
    // Work on the open role, and a second role filled already.
    let role = plan.roles[0].id;
    plan.allocations.push(model::Allocation {
        id: model::AllocationId(99),
        assignee: model::Assignee::Role(role),
        ..plan.allocations[0].clone()
    });
    // A managed-services contract and a pipeline deal on the book of work.
    plan.activities.push(model::Activity {
        scope: model::Scope::Book,
        kind: model::ActivityKind::ManagedService,
        client: "Contoso Dental Group".to_string(),
        contract: Some(model::Contract {
            hours: 60.0,
            period: model::Period::Month,
            renewal: Some(date("2027-06-30")),
        }),
        ..model::Activity::new(model::ActivityId(90), "Managed Microsoft 365")
    });
    plan.activities.push(model::Activity {
        scope: model::Scope::Book,
        client: "Tailspin Toys".to_string(),
        commitment: model::Commitment::Tentative,
        deal: Some(model::Deal {
            stage: model::DealStage::Proposal,
            probability: 0.5,
        }),
        ..model::Activity::new(model::ActivityId(91), "Security assessment")
    });
    plan.roles.push(model::OpenRole {
        status: model::RoleStatus::Filled,
        filled_by: Some(model::PersonId(12)),
        ..model::OpenRole::new(
            model::RoleId(2),
            "Microsoft 365 Consultant",
            date("2026-12-14"),
        )
    });
    plan.sort_canonically();
    plan
}

/// Every property path the schema names (`.plan.people[].cost_rate`),
/// following references.
fn schema_paths(root: &Value, schema: &Value, path: &str, paths: &mut BTreeSet<String>) {
    if let Some(Value::String(reference)) = schema.get("$ref") {
        let target = root
            .pointer(reference.trim_start_matches('#'))
            .expect("references resolve");
        schema_paths(root, target, path, paths);
    }
    if let Some(Value::Object(properties)) = schema.get("properties") {
        for (name, property) in properties {
            let path = format!("{path}.{name}");
            paths.insert(path.clone());
            schema_paths(root, property, &path, paths);
        }
    }
    if let Some(items) = schema.get("items") {
        schema_paths(root, items, &format!("{path}[]"), paths);
    }
    for alternatives in ["anyOf", "oneOf"] {
        if let Some(Value::Array(alternatives)) = schema.get(alternatives) {
            for alternative in alternatives {
                schema_paths(root, alternative, path, paths);
            }
        }
    }
}

/// Every property path that holds something other than null in `value`.
fn value_paths(value: &Value, path: &str, paths: &mut BTreeSet<String>) {
    match value {
        Value::Object(fields) => {
            for (name, field) in fields.iter().filter(|(_, field)| !field.is_null()) {
                let path = format!("{path}.{name}");
                paths.insert(path.clone());
                value_paths(field, &path, paths);
            }
        }
        Value::Array(items) => {
            for item in items {
                value_paths(item, &format!("{path}[]"), paths);
            }
        }
        _ => {}
    }
}

#[test]
fn the_demo_file_and_a_plan_with_every_field_set_are_valid() {
    let demo_path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/v5/demo.opsboard.json");
    let demo_text = fs::read_to_string(demo_path).expect("the golden demo file");
    let demo: Value = serde_json::from_str(&demo_text).expect("the demo file is JSON");
    assert_eq!(schema_errors(&demo), Vec::<String>::new(), "the demo file");

    let plan = plan_with_every_field_set();
    let edits = vec![super::edits::Edit::new(
        "Dana Whitfield",
        "2026-12-07T14:05:09Z",
        "Moved 'Intake form' to In progress",
    )];
    let text = super::encode_file(&plan, &edits);
    assert_eq!(
        super::decode_file(&text),
        Ok((plan, edits)),
        "the full plan is a plan Opsboard opens"
    );
    let full: Value = serde_json::from_str(&text).expect("encode writes JSON");
    let schema = plan_file_schema();
    let mut named = BTreeSet::new();
    schema_paths(&schema, &schema, "", &mut named);
    assert!(named.contains(".plan.allocations[].placeholder.skills[].min_level"));
    let mut filled = BTreeSet::new();
    value_paths(&full, "", &mut filled);
    let empty: Vec<&String> = named.difference(&filled).collect();
    assert!(
        empty.is_empty(),
        "the full plan leaves these fields empty: {empty:?}"
    );
    assert_eq!(schema_errors(&full), Vec::<String>::new(), "the full plan");
}

/// Edits the demo file with `edit`; the reader must refuse it, and the schema
/// too, with an error at `expected_pointer`.
fn check(edit: impl FnOnce(&mut Value), expected_pointer: &str) {
    let demo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/v5/demo.opsboard.json");
    let mut file: Value =
        serde_json::from_str(&fs::read_to_string(demo).expect("the golden demo file"))
            .expect("the demo file is JSON");
    edit(&mut file);
    assert!(
        decode(&file.to_string()).is_err(),
        "the reader opens the edited file; expected a schema error at {expected_pointer:?}"
    );
    let errors = schema_errors(&file);
    assert!(
        errors
            .iter()
            .any(|error| error.starts_with(&format!("{expected_pointer} "))),
        "expected a schema error at {expected_pointer:?}, found {errors:?}"
    );
}

#[test]
fn files_the_reader_refuses_break_the_schema() {
    // Wrong types.
    check(
        |file| file["plan"]["activities"][0]["impact"] = json!("high"),
        "/plan/activities/0/impact",
    );
    check(
        |file| file["plan"]["people"][0]["weekly_hours"] = json!("40"),
        "/plan/people/0/weekly_hours",
    );
    check(
        |file| file["plan"]["activities"][0]["impact"] = json!(-1),
        "/plan/activities/0/impact",
    );
    // Unknown fields, at every depth.
    check(
        |file| file["plan"]["activities"][0]["priority"] = json!(1),
        "/plan/activities/0",
    );
    check(
        |file| file["plan"]["checkins"][0]["decisions"][0]["votes"] = json!(3),
        "/plan/checkins/0/decisions/0",
    );
    // Bad ids, weeks, dates and names.
    check(
        |file| file["plan"]["activities"][0]["owner"] = json!("person-1"),
        "/plan/activities/0/owner",
    );
    check(
        |file| file["plan"]["allocations"][0]["id"] = json!("alc-07"),
        "/plan/allocations/0/id",
    );
    check(
        |file| file["plan"]["activities"][1]["depends_on"][0] = json!("act-0"),
        "/plan/activities/1/depends_on/0",
    );
    check(
        |file| file["plan"]["horizon"]["start"] = json!("2026-W54"),
        "/plan/horizon/start",
    );
    check(
        |file| file["plan"]["activities"][0]["deadline"] = json!("2026-02-30"),
        "/plan/activities/0/deadline",
    );
    check(
        |file| file["plan"]["holidays"][0]["date"] = json!("25/12/2026"),
        "/plan/holidays/0/date",
    );
    check(
        |file| file["plan"]["activities"][0]["status"] = json!("paused"),
        "/plan/activities/0/status",
    );
    // The envelope.
    check(|file| file["format"] = json!("trello-board"), "/format");
    check(|file| file["version"] = json!(6), "/version");
    // An allocation names a person, a placeholder or an open role: two is
    // refused, and none.
    check(
        |file| {
            file["plan"]["allocations"][0]["placeholder"] =
                json!({ "role": "Engineer", "skills": [] })
        },
        "/plan/allocations/0",
    );
    check(
        |file| file["plan"]["allocations"][0]["open_role"] = json!("rol-1"),
        "/plan/allocations/0",
    );
    check(
        |file| file["plan"]["allocations"][0]["person"] = json!(null),
        "/plan/allocations/0",
    );
    // A bill rate and a fixed fee on one activity (the AKS platform build,
    // act-10, is billed by the hour).
    check(
        |file| file["plan"]["activities"][9]["fixed_fee"] = json!(5000.0),
        "/plan/activities/9",
    );
    // The values of version 3.
    check(
        |file| file["plan"]["people"][0]["employment"] = json!("intern"),
        "/plan/people/0/employment",
    );
    check(
        |file| file["plan"]["roles"][0]["status"] = json!("hired"),
        "/plan/roles/0/status",
    );
    check(
        |file| file["plan"]["cadences"][0]["frequency"] = json!("daily"),
        "/plan/cadences/0/frequency",
    );
    check(
        |file| file["plan"]["activities"][0]["responsible"][0] = json!("per-0"),
        "/plan/activities/0/responsible/0",
    );
    // The values of version 4.
    check(
        |file| file["plan"]["activities"][0]["scope"] = json!("pipeline"),
        "/plan/activities/0/scope",
    );
    check(
        |file| file["plan"]["activities"][0]["deal"] = json!({"stage": "won", "probability": 1.0}),
        "/plan/activities/0/deal",
    );
    check(
        |file| {
            file["plan"]["activities"][0]["contract"] =
                json!({"hours": 8, "period": "day", "renewal": null})
        },
        "/plan/activities/0/contract",
    );
    // The values of version 5.
    for email in [
        "priya raman@firm.example",
        "priya",
        "@firm.example",
        "priya@a@b",
    ] {
        check(
            |file| file["plan"]["people"][0]["email"] = json!(email),
            "/plan/people/0/email",
        );
    }
}

#[test]
fn where_the_schema_and_the_reader_differ() {
    let full: Value =
        serde_json::from_str(&encode(&plan_with_every_field_set())).expect("encode writes JSON");
    // The schema describes files as `encode` writes them, so a field left
    // out breaks it, though the reader fills in the empty value.
    let mut without_description = full.clone();
    without_description["plan"]["activities"][0]
        .as_object_mut()
        .expect("an activity")
        .remove("description");
    assert!(decode(&without_description.to_string()).is_ok());
    let errors = schema_errors(&without_description);
    assert!(
        errors
            .iter()
            .any(|error| error.starts_with("/plan/activities/0 ")),
        "expected a missing-field error, found {errors:?}"
    );
    // A person's email is left out when they have none; an empty one
    // opens all the same.
    let mut empty_email = full.clone();
    empty_email["plan"]["people"][0]["email"] = json!("");
    assert!(decode(&empty_email.to_string()).is_ok());
    assert!(schema_errors(&empty_email)
        .iter()
        .any(|error| error.starts_with("/plan/people/0/email ")));
    let mut without_email = full.clone();
    without_email["plan"]["people"][0]
        .as_object_mut()
        .expect("a person")
        .remove("email");
    assert!(decode(&without_email.to_string()).is_ok());
    assert_eq!(schema_errors(&without_email), Vec::<String>::new());
    // Both pass over a field of the envelope they do not know.
    let mut with_author = full;
    with_author["author"] = json!("Priya Raman");
    assert!(decode(&with_author.to_string()).is_ok());
    assert_eq!(schema_errors(&with_author), Vec::<String>::new());
}
