//! Older plan files brought up to the current format, on the parsed JSON,
//! before the one reader (`file`) reads them.
//!
//! | version | what changed |
//! |---|---|
//! | 1 | first release |
//! | 2 | `plan.scenarios` and `allocations[].scenario` (what-if scenarios) |

use serde_json::Value;

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
