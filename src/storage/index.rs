//! The list of stored plans (`opsboard.index`): read, rebuilt when it is
//! missing, written, and the plans named and ordered as the switcher shows
//! them.

use serde_json::{json, Value};

use super::{keys, local_storage, move_to_backup, save_problem, PlanEntry, Problem, PLAN_PREFIX};
use crate::model::{sort_by_number, NaiveDate, PlanId};

pub(super) const INDEX_KEY: &str = "opsboard.index";

#[derive(Debug, Clone, Default)]
pub(super) struct Index {
    pub(super) last_open: Option<PlanId>,
    pub(super) plans: Vec<PlanEntry>,
}

impl Index {
    fn to_json(&self) -> String {
        json!({
            "last_open": self.last_open.map(|id| id.to_string()),
            "plans": self.plans.iter().map(|entry| json!({
                "id": entry.id.to_string(),
                "name": entry.name,
                "created": entry.created.map(|date| date.to_string()),
                "exported": entry.exported.map(|date| date.to_string()),
            })).collect::<Vec<_>>(),
        })
        .to_string()
    }

    pub(super) fn parse(text: &str) -> Result<Index, String> {
        let value: Value = serde_json::from_str(text).map_err(|error| error.to_string())?;
        let id = |value: &Value| value.as_str().and_then(|text| text.parse::<PlanId>().ok());
        let plans = value
            .get("plans")
            .and_then(Value::as_array)
            .ok_or("it lists no plans")?
            .iter()
            .map(|entry| {
                let date = |field: &str| {
                    entry
                        .get(field)
                        .and_then(Value::as_str)
                        .and_then(crate::model::parse_iso_date)
                };
                Some(PlanEntry {
                    id: id(entry.get("id")?)?,
                    name: entry.get("name")?.as_str()?.to_string(),
                    created: date("created"),
                    exported: date("exported"),
                })
            })
            .collect::<Option<Vec<_>>>()
            .ok_or("a listed plan has no valid id or name")?;
        Ok(Index {
            last_open: value.get("last_open").and_then(id),
            plans,
        })
    }
}

/// Orders the plans as listed: by the number in their ids.
pub(super) fn sort_plans(plans: &mut Vec<PlanEntry>) {
    sort_by_number(plans, |entry| entry.id.0.into());
}

pub(super) fn read_index(storage: &web_sys::Storage, problems: &mut Vec<Problem>) -> Index {
    let Ok(Some(text)) = storage.get_item(INDEX_KEY) else {
        return rebuild_index(storage);
    };
    match Index::parse(&text) {
        Ok(index) => index,
        Err(error) => {
            match move_to_backup(storage, INDEX_KEY, &text) {
                Ok(backup_key) => problems.push(Problem::Unreadable {
                    what: "The list of stored plans".to_string(),
                    reason: error,
                    backup_key,
                }),
                Err(reason) => problems.push(Problem::SaveFailed(reason)),
            }
            rebuild_index(storage)
        }
    }
}

/// An index of every plan key in storage, for when the index is missing.
fn rebuild_index(storage: &web_sys::Storage) -> Index {
    let mut plans = Vec::new();
    for key in keys(storage) {
        if let Some(id) = key.strip_prefix(PLAN_PREFIX).and_then(|id| id.parse().ok()) {
            plans.push(PlanEntry {
                id,
                name: String::new(),
                created: None,
                exported: None,
            });
        }
    }
    Index {
        last_open: None,
        plans,
    }
}

pub(super) fn write_index(
    storage: &web_sys::Storage,
    last_open: Option<PlanId>,
    plans: &[PlanEntry],
) -> Result<(), Problem> {
    let index = Index {
        last_open,
        plans: plans.to_vec(),
    };
    let text = index.to_json();
    storage
        .set_item(INDEX_KEY, &text)
        .map_err(|error| save_problem(&error))
}

/// Whether a `storage` event's key is the list of plans.
pub fn is_index(key: &str) -> bool {
    key == INDEX_KEY
}

/// Lists plan `id`, saved on `today` as `name`, as the plan opened last.
pub(super) fn list_saved(
    storage: &web_sys::Storage,
    id: PlanId,
    name: &str,
    today: NaiveDate,
) -> Result<Vec<PlanEntry>, Problem> {
    let mut plans = list(storage);
    match plans.iter_mut().find(|entry| entry.id == id) {
        Some(entry) => {
            entry.name = name.to_string();
            entry.created.get_or_insert(today);
        }
        None => plans.push(PlanEntry {
            id,
            name: name.to_string(),
            created: Some(today),
            exported: None,
        }),
    }
    sort_plans(&mut plans);
    write_index(storage, Some(id), &plans)?;
    Ok(plans)
}

/// Records that plan `id` was exported as a file on `today`; the plans
/// as listed now, or `None` when storage cannot be used.
pub fn mark_exported(id: PlanId, today: NaiveDate) -> Option<Vec<PlanEntry>> {
    let storage = local_storage().ok()?;
    let mut plans = list(&storage);
    let Some(entry) = plans.iter_mut().find(|entry| entry.id == id) else {
        return Some(plans);
    };
    entry.exported = Some(today);
    let last_open = storage
        .get_item(INDEX_KEY)
        .ok()
        .flatten()
        .and_then(|text| Index::parse(&text).ok())
        .and_then(|index| index.last_open);
    let _ = write_index(&storage, last_open, &plans);
    Some(plans)
}

/// The stored plans as the index lists them, or `None` when storage cannot
/// be used.
pub fn plan_list() -> Option<Vec<PlanEntry>> {
    Some(list(&local_storage().ok()?))
}

pub(super) fn list(storage: &web_sys::Storage) -> Vec<PlanEntry> {
    storage
        .get_item(INDEX_KEY)
        .ok()
        .flatten()
        .and_then(|text| Index::parse(&text).ok())
        .map(|index| index.plans)
        .unwrap_or_default()
}
