//! Older plan files brought up to the current format, on the parsed JSON,
//! before the one reader (`file`) reads them.
//!
//! | version | what changed |
//! |---|---|
//! | 1 | first release |
//! | 2 | `plan.scenarios` and `allocations[].scenario` (what-if scenarios) |
//! | 3 | money, roles and cadence: `people[].employment` and `billable_target`; `activities[].billable`, `bill_rate`, `fixed_fee`, `budget_hours`, `responsible`, `consulted`, `informed`; `allocations[].open_role`; `plan.roles` (the hiring plan) and `plan.cadences` |
//! | 4 | the firm's book of work beside the ops plan: `activities[].scope` (`initiative` or `book`), `contract` (a managed-services contract's hours) and `deal` (a pipeline deal's stage and probability) |
//! | 5 | `people[].email` (a person's work email, left out when they have none) |

use serde_json::{Map, Value};

use super::ImportError;

/// Version 1 to version 2. Version 2 only added fields, which a version 1
/// reader never knew: a version 1 file holding them was not written by
/// Opsboard and is refused, naming the field.
pub fn v1_to_v2(plan: &Value) -> Result<(), ImportError> {
    let unknown = |path: String| ImportError::Field {
        path,
        reason: "unknown field in a version 1 file (it came with version 2)".to_string(),
    };
    if plan.get("scenarios").is_some() {
        return Err(unknown("plan.scenarios".to_string()));
    }
    if let Some(Value::Array(allocations)) = plan.get("allocations") {
        for (index, allocation) in allocations.iter().enumerate() {
            if allocation.get("scenario").is_some() {
                return Err(unknown(format!("plan.allocations[{index}].scenario")));
            }
        }
    }
    Ok(())
}

/// The fields version 3 added, by where they are.
const V3_PLAN_FIELDS: [&str; 2] = ["roles", "cadences"];
const V3_PERSON_FIELDS: [&str; 2] = ["employment", "billable_target"];
const V3_ACTIVITY_FIELDS: [&str; 7] = [
    "billable",
    "bill_rate",
    "fixed_fee",
    "budget_hours",
    "responsible",
    "consulted",
    "informed",
];
const V3_ALLOCATION_FIELDS: [&str; 1] = ["open_role"];

/// Version 2 to version 3. Version 3 only added fields; a version 2 file
/// holding one was not written by Opsboard and is refused, naming it. The
/// new fields get what a version 2 plan already says:
///
/// - everyone is an employee, with no billable target;
/// - an activity is billable when it is for a client (its `client` is not
///   empty) and is not internal work; it has no bill rate, fixed fee or
///   budget yet;
/// - its Responsible are the people allocated to it (its owner stays the
///   one Accountable); nobody is Consulted or Informed yet;
/// - there are no open roles and no cadences.
///
/// `version` is the file's own version (1 or 2), for messages.
pub fn v2_to_v3(plan: &mut Value, version: u64) -> Result<(), ImportError> {
    let unknown = |path: String| ImportError::Field {
        path,
        reason: format!("unknown field in a version {version} file (it came with version 3)"),
    };
    let Value::Object(plan) = plan else {
        // Not an object: the reader says so, with its path.
        return Ok(());
    };
    for field in V3_PLAN_FIELDS {
        if plan.contains_key(field) {
            return Err(unknown(format!("plan.{field}")));
        }
    }
    for (list, fields) in [
        ("people", &V3_PERSON_FIELDS[..]),
        ("activities", &V3_ACTIVITY_FIELDS[..]),
        ("allocations", &V3_ALLOCATION_FIELDS[..]),
    ] {
        for (index, item) in objects(plan, list).enumerate() {
            if let Some(field) = fields.iter().find(|field| item.contains_key(**field)) {
                return Err(unknown(format!("plan.{list}[{index}].{field}")));
            }
        }
    }

    // Who is allocated to what: the people of the plan only, so that a
    // broken allocation is reported once, where it is.
    let people: Vec<&str> = objects(plan, "people")
        .filter_map(|person| person.get("id").and_then(Value::as_str))
        .collect();
    let mut allocated: Vec<(String, String)> = objects(plan, "allocations")
        .filter_map(|allocation| {
            let person = allocation.get("person").and_then(Value::as_str)?;
            let activity = allocation.get("activity").and_then(Value::as_str)?;
            people
                .contains(&person)
                .then(|| (activity.to_string(), person.to_string()))
        })
        .collect();
    allocated.sort();
    allocated.dedup();

    if let Some(Value::Array(activities)) = plan.get_mut("activities") {
        for activity in activities {
            let Value::Object(activity) = activity else {
                continue;
            };
            let for_client = activity
                .get("client")
                .and_then(Value::as_str)
                .is_some_and(|client| !client.trim().is_empty());
            let internal = activity.get("kind").and_then(Value::as_str) == Some("internal");
            activity.insert("billable".to_string(), (for_client && !internal).into());
            let id = activity.get("id").and_then(Value::as_str).unwrap_or("");
            let responsible: Vec<Value> = allocated
                .iter()
                .filter(|(on, _)| on == id)
                .map(|(_, person)| Value::String(person.clone()))
                .collect();
            activity.insert("responsible".to_string(), Value::Array(responsible));
        }
    }
    Ok(())
}

/// The fields version 4 added to activities.
const V4_ACTIVITY_FIELDS: [&str; 3] = ["scope", "contract", "deal"];

/// Version 3 to version 4. Version 4 only added fields; a file of an
/// earlier version holding one was not written by Opsboard and is refused,
/// naming it. Every activity of an earlier file stays what it was there:
/// one of the ops plan's initiatives (`"scope": "initiative"`), with no
/// contract and no deal; its kind, client, billing and allocations are
/// kept as they were.
///
/// `version` is the file's own version (1 to 3), for messages.
pub fn v3_to_v4(plan: &mut Value, version: u64) -> Result<(), ImportError> {
    let Value::Object(plan) = plan else {
        return Ok(());
    };
    for (index, activity) in objects(plan, "activities").enumerate() {
        if let Some(field) = V4_ACTIVITY_FIELDS
            .iter()
            .find(|field| activity.contains_key(**field))
        {
            return Err(ImportError::Field {
                path: format!("plan.activities[{index}].{field}"),
                reason: format!(
                    "unknown field in a version {version} file (it came with version 4)"
                ),
            });
        }
    }
    if let Some(Value::Array(activities)) = plan.get_mut("activities") {
        for activity in activities {
            if let Value::Object(activity) = activity {
                activity.insert("scope".to_string(), "initiative".into());
            }
        }
    }
    Ok(())
}

/// Version 4 to version 5. Version 5 only added `people[].email`, which
/// files leave out for a person without one: an earlier file holding it
/// was not written by Opsboard and is refused, naming it. Nothing is
/// filled in, as an earlier plan knew no one's email.
///
/// `version` is the file's own version (1 to 4), for messages.
pub fn v4_to_v5(plan: &Value, version: u64) -> Result<(), ImportError> {
    let Value::Object(plan) = plan else {
        return Ok(());
    };
    match objects(plan, "people").position(|person| person.contains_key("email")) {
        None => Ok(()),
        Some(index) => Err(ImportError::Field {
            path: format!("plan.people[{index}].email"),
            reason: format!("unknown field in a version {version} file (it came with version 5)"),
        }),
    }
}

/// The objects of the list `list` of `plan` (none when it is not a list).
fn objects<'a>(
    plan: &'a Map<String, Value>,
    list: &str,
) -> impl Iterator<Item = &'a Map<String, Value>> {
    plan.get(list)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
}
