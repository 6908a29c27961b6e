//! Browser storage: the only code that touches `localStorage`.
//!
//! Plans are kept in the plan file format (`persist`), written compactly
//! (`persist::encode_compact`: the same JSON without indentation, which
//! takes 40 % less of the ~5 million characters a site may store, so the
//! 300-person plan fits), one key a plan, plus an index naming the plans
//! and the one opened last:
//!
//! - `opsboard.index`: `{ "last_open": "plan-2", "plans": [{ "id": "plan-1", "name": "…" }] }`
//! - `opsboard.plan.<plan id>`: the plan file text
//! - `opsboard.stamp.<plan id>`: a random stamp written with every save of
//!   that plan. A tab remembers the stamp it last read or wrote; a save
//!   finding another stamp means another tab saved the plan meanwhile, and
//!   it is refused rather than silently overwriting that tab's work. Other
//!   tabs learn of a save from the `storage` event on this key.
//! - `opsboard.backup.<n>.<original key>`: data that could not be read, moved
//!   aside untouched so nothing is ever overwritten silently.
//! - `opsboard.base.<origin>.<revision>`: a plan file exactly as it left or
//!   reached this browser (an export, a client copy, a received file), the
//!   common version of a later three-way merge (`persist::diff`); the
//!   newest [`BASES_KEPT`] are kept, listed newest first in `opsboard.bases`.

use serde_json::{json, Value};
use wasm_bindgen::JsCast;

use crate::model::{sort_by_number, NaiveDate, Plan, PlanId};
use crate::persist;

const INDEX_KEY: &str = "opsboard.index";
const PLAN_PREFIX: &str = "opsboard.plan.";
const BACKUP_PREFIX: &str = "opsboard.backup.";
const STAMP_PREFIX: &str = "opsboard.stamp.";
const BASE_PREFIX: &str = "opsboard.base.";
const BASES_KEY: &str = "opsboard.bases";
/// How many plan files are kept as common versions for merges.
pub const BASES_KEPT: usize = 8;
/// Larger files are not kept as common versions (storage holds about 5
/// million characters in all); merging with their copies is two-way.
pub const BASE_MAX_BYTES: usize = 512 * 1024;
/// All kept common versions together stay under this.
pub const BASES_MAX_TOTAL: usize = 1536 * 1024;

/// A plan as listed in the plan switcher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanEntry {
    pub id: PlanId,
    pub name: String,
    /// When the plan was first saved in this browser (unknown for plans
    /// saved before this was recorded).
    pub created: Option<NaiveDate>,
    /// When it was last exported as a plan file from this browser.
    pub exported: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default)]
struct Index {
    last_open: Option<PlanId>,
    plans: Vec<PlanEntry>,
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

    fn parse(text: &str) -> Result<Index, String> {
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

/// Something the person must know about their stored data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Storage cannot be used at all (private mode, disabled, blocked).
    Unavailable(String),
    /// Stored data could not be read; it was moved to `backup_key`.
    Unreadable {
        what: String,
        reason: String,
        backup_key: String,
    },
    /// A save failed because storage is full.
    Full,
    /// A save failed for another reason.
    SaveFailed(String),
    /// Another tab or window saved the plan since this tab read it; this
    /// tab's change was not saved over it.
    ChangedElsewhere { name: String },
}

impl Problem {
    /// The sentence shown in the banner.
    pub fn message(&self) -> String {
        match self {
            Problem::Unavailable(reason) => format!(
                "Browser storage is unavailable ({reason}), so changes are kept only while this tab is open. Use Export plan to keep your work."
            ),
            Problem::Unreadable { what, reason, backup_key } => format!(
                "{what} could not be read ({reason}). It was kept untouched under the storage key \"{backup_key}\"; download it from Files."
            ),
            Problem::Full => "Browser storage is full: your last change is kept in this tab but was not saved. Export the plan now, then delete plans you no longer need in Files.".to_string(),
            Problem::ChangedElsewhere { name } => format!(
                "\"{name}\" was changed in another tab or window while you edited it here. Your last change here was not saved over it: load the other version, or keep this one (it replaces the other)."
            ),
            Problem::SaveFailed(reason) => format!(
                "Your last change could not be saved ({reason}). It is kept in this tab; export the plan now to be safe."
            ),
        }
    }
}

/// What the app finds in storage when it starts.
pub struct Startup {
    /// The plan to open, if a readable one was found.
    pub plan: Option<Plan>,
    pub plans: Vec<PlanEntry>,
    pub problems: Vec<Problem>,
    /// Whether storage can be written at all.
    pub available: bool,
}

fn local_storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("the browser offers none".to_string()),
        Err(error) => Err(describe(&error)),
    }
}

fn describe(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

fn is_quota_error(error: &wasm_bindgen::JsValue) -> bool {
    error.dyn_ref::<js_sys::Error>().is_some_and(|error| {
        let name = String::from(error.name());
        name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED"
    })
}

fn plan_key(id: PlanId) -> String {
    format!("{PLAN_PREFIX}{id}")
}

/// Reads what is stored: the index, and the plan opened last (or the first
/// readable one). Unreadable data is moved to a backup key and reported.
pub fn startup() -> Startup {
    let storage = match local_storage() {
        Ok(storage) => storage,
        Err(reason) => {
            return Startup {
                plan: None,
                plans: Vec::new(),
                problems: vec![Problem::Unavailable(reason)],
                available: false,
            }
        }
    };
    // Some browsers hand out a storage object that throws on every use.
    if let Err(error) = storage.get_item(INDEX_KEY) {
        return Startup {
            plan: None,
            plans: Vec::new(),
            problems: vec![Problem::Unavailable(describe(&error))],
            available: false,
        };
    }
    let mut problems = Vec::new();
    let index = read_index(&storage, &mut problems);
    let mut plans = Vec::new();
    let mut opened = None;
    let mut order: Vec<PlanId> = index.plans.iter().map(|entry| entry.id).collect();
    if let Some(last) = index.last_open {
        order.retain(|id| *id != last);
        order.insert(0, last);
    }
    for id in order {
        let key = plan_key(id);
        let Ok(Some(text)) = storage.get_item(&key) else {
            continue;
        };
        match persist::decode(&text) {
            Ok(plan) => {
                let listed = index.plans.iter().find(|entry| entry.id == plan.id);
                plans.push(PlanEntry {
                    id: plan.id,
                    name: plan.name.clone(),
                    created: listed.and_then(|entry| entry.created),
                    exported: listed.and_then(|entry| entry.exported),
                });
                if opened.is_none() {
                    opened = Some(plan);
                }
            }
            Err(error) => {
                let name = index
                    .plans
                    .iter()
                    .find(|entry| entry.id == id)
                    .map_or_else(|| id.to_string(), |entry| entry.name.clone());
                match move_to_backup(&storage, &key, &text) {
                    Ok(backup_key) => problems.push(Problem::Unreadable {
                        what: format!("The stored plan \"{name}\""),
                        reason: error.to_string(),
                        backup_key,
                    }),
                    Err(reason) => problems.push(Problem::SaveFailed(reason)),
                }
            }
        }
    }
    sort_by_number(&mut plans, |entry| entry.id.0.into());
    if !problems.is_empty() {
        // The index no longer lists the moved plans; rewrite it so the same
        // problem is not reported again on the next visit.
        let _ = write_index(&storage, opened.as_ref().map(|plan| plan.id), &plans);
    }
    Startup {
        plan: opened,
        plans,
        problems,
        available: true,
    }
}

fn read_index(storage: &web_sys::Storage, problems: &mut Vec<Problem>) -> Index {
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

fn keys(storage: &web_sys::Storage) -> Vec<String> {
    let length = storage.length().unwrap_or(0);
    (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .collect()
}

/// Copies `text` to a fresh backup key, checks the copy, then removes the
/// original. Never overwrites an existing backup.
fn move_to_backup(storage: &web_sys::Storage, key: &str, text: &str) -> Result<String, String> {
    let existing = keys(storage);
    let backup_key = (1..)
        .map(|n| format!("{BACKUP_PREFIX}{n}.{key}"))
        .find(|candidate| !existing.contains(candidate))
        .unwrap_or_else(|| format!("{BACKUP_PREFIX}{key}"));
    storage
        .set_item(&backup_key, text)
        .map_err(|error| format!("could not keep a backup of {key}: {}", describe(&error)))?;
    match storage.get_item(&backup_key) {
        Ok(Some(copy)) if copy == text => {
            let _ = storage.remove_item(key);
            Ok(backup_key)
        }
        _ => Err(format!(
            "could not verify the backup of {key}; it was left in place"
        )),
    }
}

fn write_index(
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

fn save_problem(error: &wasm_bindgen::JsValue) -> Problem {
    if is_quota_error(error) {
        Problem::Full
    } else {
        Problem::SaveFailed(describe(error))
    }
}

/// What a save expects to find stored: the stamp this tab last read or
/// wrote for the plan (`None`: nothing stored yet), or anything, to
/// overwrite another tab's save on purpose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    Stamp(Option<String>),
    Anything,
}

fn stamp_key(id: PlanId) -> String {
    format!("{STAMP_PREFIX}{id}")
}

/// The stamp of the stored copy of plan `id`.
pub fn stamp(id: PlanId) -> Option<String> {
    local_storage()
        .ok()?
        .get_item(&stamp_key(id))
        .ok()
        .flatten()
}

/// Whether a `storage` event's key is the save stamp of plan `id`.
pub fn is_stamp_of(key: &str, id: PlanId) -> bool {
    key == stamp_key(id)
}

/// Whether a `storage` event's key is the list of plans.
pub fn is_index(key: &str) -> bool {
    key == INDEX_KEY
}

/// Saves `plan` and marks it as the plan opened last, with `stamp` (fresh
/// and random) as its save stamp; returns the plans and the stamp stored
/// now (the old one when the stored copy was already this plan, which is
/// then not written again, so other tabs are not told of a change).
/// Refused with [`Problem::ChangedElsewhere`] when the stored copy is not
/// the one `expect`ed (another tab saved it). On failure the stored copy is
/// the last one that saved.
pub fn save(
    plan: &Plan,
    today: NaiveDate,
    expect: &Expect,
    stamp: &str,
) -> Result<(Vec<PlanEntry>, Option<String>), Problem> {
    let storage = local_storage().map_err(Problem::Unavailable)?;
    let stored_stamp = storage.get_item(&stamp_key(plan.id)).ok().flatten();
    let stored_text = storage.get_item(&plan_key(plan.id)).ok().flatten();
    if let Expect::Stamp(expected) = expect {
        if stored_stamp != *expected && stored_text.is_some() {
            return Err(Problem::ChangedElsewhere {
                name: plan.name.clone(),
            });
        }
    }
    let text = persist::encode_compact(plan);
    let stamp = if stored_text.as_deref() == Some(text.as_str()) && stored_stamp.is_some() {
        stored_stamp
    } else {
        if let Err(error) = storage.set_item(&plan_key(plan.id), &text) {
            // Kept common versions for merges are the first to go.
            if !is_quota_error(&error) || !drop_bases(&storage) {
                return Err(save_problem(&error));
            }
            storage
                .set_item(&plan_key(plan.id), &text)
                .map_err(|error| save_problem(&error))?;
        }
        storage
            .set_item(&stamp_key(plan.id), stamp)
            .map_err(|error| save_problem(&error))?;
        Some(stamp.to_string())
    };
    let mut plans = list(&storage);
    match plans.iter_mut().find(|entry| entry.id == plan.id) {
        Some(entry) => {
            entry.name = plan.name.clone();
            entry.created.get_or_insert(today);
        }
        None => plans.push(PlanEntry {
            id: plan.id,
            name: plan.name.clone(),
            created: Some(today),
            exported: None,
        }),
    }
    sort_by_number(&mut plans, |entry| entry.id.0.into());
    write_index(&storage, Some(plan.id), &plans)?;
    Ok((plans, stamp))
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

/// The plan file text kept for the plan opened last, and its name: what the
/// crash banner offers to download when the app itself can no longer run.
pub fn last_saved_text() -> Option<(String, String)> {
    let storage = local_storage().ok()?;
    let index = Index::parse(&storage.get_item(INDEX_KEY).ok()??).ok()?;
    let id = index.last_open?;
    let name = index
        .plans
        .iter()
        .find(|entry| entry.id == id)
        .map_or_else(|| id.to_string(), |entry| entry.name.clone());
    Some((name, storage.get_item(&plan_key(id)).ok()??))
}

/// Asks the browser to keep this site's storage even when space runs low
/// or the site is not visited for a while; resolves to whether it will.
pub async fn request_persistence() -> Option<bool> {
    let manager = web_sys::window()?.navigator().storage();
    let promise = manager.persist().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_bool()
}

/// The stored plans as the index lists them, or `None` when storage cannot
/// be used.
pub fn plan_list() -> Option<Vec<PlanEntry>> {
    Some(list(&local_storage().ok()?))
}

fn list(storage: &web_sys::Storage) -> Vec<PlanEntry> {
    storage
        .get_item(INDEX_KEY)
        .ok()
        .flatten()
        .and_then(|text| Index::parse(&text).ok())
        .map(|index| index.plans)
        .unwrap_or_default()
}

/// Reads a stored plan by id.
pub fn load(id: PlanId) -> Result<Plan, String> {
    let storage = local_storage()?;
    let text = storage
        .get_item(&plan_key(id))
        .map_err(|error| describe(&error))?
        .ok_or_else(|| format!("plan {id} is no longer stored"))?;
    persist::decode(&text).map_err(|error| error.to_string())
}

/// Deletes a stored plan; returns the plans left.
pub fn delete(id: PlanId) -> Result<Vec<PlanEntry>, Problem> {
    let storage = local_storage().map_err(Problem::Unavailable)?;
    let _ = storage.remove_item(&plan_key(id));
    let plans: Vec<PlanEntry> = list(&storage)
        .into_iter()
        .filter(|entry| entry.id != id)
        .collect();
    write_index(&storage, plans.first().map(|entry| entry.id), &plans)?;
    Ok(plans)
}

/// A piece of data kept aside because it could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub key: String,
    pub text: String,
}

/// Every backup in storage.
pub fn backups() -> Vec<Backup> {
    let Ok(storage) = local_storage() else {
        return Vec::new();
    };
    let mut found: Vec<Backup> = keys(&storage)
        .into_iter()
        .filter(|key| key.starts_with(BACKUP_PREFIX))
        .filter_map(|key| {
            let text = storage.get_item(&key).ok().flatten()?;
            Some(Backup { key, text })
        })
        .collect();
    found.sort_unstable_by(|a, b| a.key.cmp(&b.key));
    found
}

/// Deletes a backup the person no longer needs.
pub fn delete_backup(key: &str) {
    if key.starts_with(BACKUP_PREFIX) {
        if let Ok(storage) = local_storage() {
            let _ = storage.remove_item(key);
        }
    }
}

fn base_key(origin: &str, revision: &str) -> String {
    format!("{BASE_PREFIX}{origin}.{revision}")
}

fn base_list(storage: &web_sys::Storage) -> Vec<String> {
    storage
        .get_item(BASES_KEY)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str::<Vec<String>>(&text).ok())
        .unwrap_or_default()
}

/// Keeps `text` (a plan file) as the version `revision` of the plans of
/// `origin`, dropping the oldest beyond [`BASES_KEPT`]. Best effort: when
/// storage is full or the file is large the merge later is two-way, and
/// the plan itself is never affected. Returns whether it was kept.
pub fn keep_base(origin: &str, revision: &str, text: &str) -> bool {
    let Ok(storage) = local_storage() else {
        return false;
    };
    if text.len() > BASE_MAX_BYTES {
        return false;
    }
    let key = base_key(origin, revision);
    let mut list = base_list(&storage);
    list.retain(|kept| *kept != key);
    // The newest first, as many as fit the count and the total size.
    let mut total = text.len();
    let mut kept = vec![key.clone()];
    for older in list {
        let size = storage
            .get_item(&older)
            .ok()
            .flatten()
            .map_or(0, |text| text.len());
        if size > 0 && kept.len() < BASES_KEPT && total + size <= BASES_MAX_TOTAL {
            total += size;
            kept.push(older);
        } else {
            let _ = storage.remove_item(&older);
        }
    }
    if storage.set_item(&key, text).is_err() {
        kept.retain(|candidate| *candidate != key);
        let _ = storage.set_item(BASES_KEY, &json!(kept).to_string());
        return false;
    }
    storage
        .set_item(BASES_KEY, &json!(kept).to_string())
        .is_ok()
}

/// Removes every kept common version, to make room for a plan; whether
/// there was any.
fn drop_bases(storage: &web_sys::Storage) -> bool {
    let list = base_list(storage);
    for key in &list {
        let _ = storage.remove_item(key);
    }
    let _ = storage.remove_item(BASES_KEY);
    !list.is_empty()
}

/// Whether the version `revision` of `origin` is kept.
pub fn has_base(origin: &str, revision: &str) -> bool {
    local_storage()
        .ok()
        .and_then(|storage| storage.get_item(&base_key(origin, revision)).ok().flatten())
        .is_some()
}

/// The kept version `revision` of `origin`, read back.
pub fn load_base(origin: &str, revision: &str) -> Option<Plan> {
    let text = local_storage()
        .ok()?
        .get_item(&base_key(origin, revision))
        .ok()
        .flatten()?;
    persist::decode(&text).ok()
}
