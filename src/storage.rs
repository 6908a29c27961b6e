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
//!
//! A plan localStorage cannot hold (a site gets about 5 million characters
//! in all) goes to IndexedDB, which holds far more: its key in localStorage
//! then holds only a note (`opsboard:kept-in-indexeddb`), the record in
//! IndexedDB (database `opsboard`, store `files`, under the same key) holds
//! the text and its save stamp, and the stamp key above still tells other
//! tabs of every save. IndexedDB is read when the app starts (`prepare`) and
//! kept in memory, so reading stays synchronous; writing a large plan is
//! asynchronous (`save_large`), with the check for another tab's save made
//! in the same IndexedDB transaction as the write.

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::{json, Value};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

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
    /// A plan kept in IndexedDB could not be read; nothing was changed.
    LargeUnreadable { name: String, reason: String },
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
            Problem::LargeUnreadable { name, reason } => format!(
                "The stored plan \"{name}\" is kept in IndexedDB, which could not be read ({reason}). Nothing was changed: reload the page to try again."
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

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

fn is_quota_error(error: &JsValue) -> bool {
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
    let name_of = |id: PlanId| {
        index
            .plans
            .iter()
            .find(|entry| entry.id == id)
            .map_or_else(|| id.to_string(), |entry| entry.name.clone())
    };
    for id in order {
        let key = plan_key(id);
        let Some(text) = read_text(&storage, &key) else {
            if is_large(&storage, &key) {
                problems.push(Problem::LargeUnreadable {
                    name: name_of(id),
                    reason: large_missing(),
                });
                // Still listed, so no new plan takes its id.
                if let Some(entry) = index.plans.iter().find(|entry| entry.id == id) {
                    plans.push(entry.clone());
                }
            }
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
                let name = name_of(id);
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
    sort_plans(&mut plans);
    if problems
        .iter()
        .any(|problem| !matches!(problem, Problem::LargeUnreadable { .. }))
    {
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

/// Orders the plans as listed: by the number in their ids.
fn sort_plans(plans: &mut Vec<PlanEntry>) {
    sort_by_number(plans, |entry| entry.id.0.into());
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
/// original. Never overwrites an existing backup. A text kept in IndexedDB
/// moves there, to a record under the backup key.
fn move_to_backup(storage: &web_sys::Storage, key: &str, text: &str) -> Result<String, String> {
    let existing = keys(storage);
    let backup_key = (1..)
        .map(|n| format!("{BACKUP_PREFIX}{n}.{key}"))
        .find(|candidate| !existing.contains(candidate))
        .unwrap_or_else(|| format!("{BACKUP_PREFIX}{key}"));
    if is_large(storage, key) {
        storage
            .set_item(&backup_key, KEPT_IN_INDEXED_DB)
            .map_err(|error| format!("could not keep a backup of {key}: {}", describe(&error)))?;
        move_large(key, Some(&backup_key));
        let _ = storage.remove_item(key);
        return Ok(backup_key);
    }
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

fn save_problem(error: &JsValue) -> Problem {
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

/// What [`save`] did.
#[derive(Debug)]
pub enum Saved {
    /// Stored: the plans as listed now, and the save stamp stored.
    Done(Vec<PlanEntry>, Option<String>),
    /// The plan is kept in IndexedDB, or no longer fits localStorage: the
    /// write is finished by [`save_large`].
    Large(LargeSave),
}

/// Saves `plan` and marks it as the plan opened last, with `stamp` (fresh
/// and random) as its save stamp; returns the plans and the stamp stored
/// now (the old one when the stored copy was already this plan, which is
/// then not written again, so other tabs are not told of a change).
/// Refused with [`Problem::ChangedElsewhere`] when the stored copy is not
/// the one `expect`ed (another tab saved it). On failure the stored copy is
/// the last one that saved.
pub fn save(plan: &Plan, today: NaiveDate, expect: &Expect, stamp: &str) -> Result<Saved, Problem> {
    let storage = local_storage().map_err(Problem::Unavailable)?;
    let stored_stamp = storage.get_item(&stamp_key(plan.id)).ok().flatten();
    let stored_text = storage.get_item(&plan_key(plan.id)).ok().flatten();
    let large = |expect: Expect| {
        Saved::Large(LargeSave {
            id: plan.id,
            name: plan.name.clone(),
            text: persist::encode_compact(plan),
            stamp: stamp.to_string(),
            expect,
            today,
        })
    };
    if stored_text.as_deref() == Some(KEPT_IN_INDEXED_DB) {
        return Ok(large(expect.clone()));
    }
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
            // Kept common versions for merges are the first to go, then
            // the plan goes to IndexedDB (checked against `expect` above).
            let retried = if is_quota_error(&error) && drop_bases(&storage) {
                storage.set_item(&plan_key(plan.id), &text)
            } else {
                Err(error)
            };
            if let Err(error) = retried {
                if is_quota_error(&error) && large_available() {
                    return Ok(large(Expect::Anything));
                }
                return Err(save_problem(&error));
            }
        }
        storage
            .set_item(&stamp_key(plan.id), stamp)
            .map_err(|error| save_problem(&error))?;
        Some(stamp.to_string())
    };
    let plans = list_saved(&storage, plan.id, &plan.name, today)?;
    Ok(Saved::Done(plans, stamp))
}

/// Lists plan `id`, saved on `today` as `name`, as the plan opened last.
fn list_saved(
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
    Some((name, read_text(&storage, &plan_key(id))?))
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
    let key = plan_key(id);
    let text = read_text(&storage, &key).ok_or_else(|| {
        if is_large(&storage, &key) {
            format!(
                "it is kept in IndexedDB, which could not be read ({})",
                large_missing()
            )
        } else {
            format!("plan {id} is no longer stored")
        }
    })?;
    persist::decode(&text).map_err(|error| error.to_string())
}

/// Deletes a stored plan; returns the plans left.
pub fn delete(id: PlanId) -> Result<Vec<PlanEntry>, Problem> {
    let storage = local_storage().map_err(Problem::Unavailable)?;
    if is_large(&storage, &plan_key(id)) {
        move_large(&plan_key(id), None);
    }
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
            let text = read_text(&storage, &key)?;
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
            if is_large(&storage, key) {
                move_large(key, None);
            }
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

// ---------------------------------------------------------------------------
// IndexedDB: the plans localStorage cannot hold.

/// The database and object store holding plan files too large for
/// localStorage: records `{ stamp, text }` under the localStorage key they
/// stand in for (`opsboard.plan.<id>`, or a backup key).
const LARGE_DATABASE: &str = "opsboard";
const LARGE_STORE: &str = "files";
/// What a localStorage key holds when its text is kept in IndexedDB.
const KEPT_IN_INDEXED_DB: &str = "opsboard:kept-in-indexeddb";
/// How long the app waits for IndexedDB as it starts before going on
/// without it (plans kept there are then reported, not touched).
const OPEN_TIMEOUT_MS: i32 = 3000;

/// A plan file kept in IndexedDB, and the save stamp written with it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Large {
    stamp: String,
    text: String,
}

/// IndexedDB's records by key: a few plans, so a list.
#[derive(Debug, Default)]
struct Records(Vec<(String, Large)>);

impl Records {
    fn get(&self, key: &str) -> Option<&Large> {
        self.0
            .iter()
            .find(|(stored, _)| stored == key)
            .map(|(_, record)| record)
    }

    fn insert(&mut self, key: String, record: Large) {
        self.remove(&key);
        self.0.push((key, record));
    }

    fn remove(&mut self, key: &str) -> Option<Large> {
        let at = self.0.iter().position(|(stored, _)| stored == key)?;
        Some(self.0.swap_remove(at).1)
    }
}

thread_local! {
    /// Every record in IndexedDB as this tab last read or wrote it: read
    /// when the app starts (`prepare`), so plans kept there read
    /// synchronously like the others; read again when another tab saved.
    static LARGE: RefCell<Records> = const { RefCell::new(Records(Vec::new())) };
    /// The open database, or why it could not be opened.
    static DATABASE: RefCell<Result<web_sys::IdbDatabase, String>> =
        RefCell::new(Err("it was not opened".to_string()));
}

/// Opens IndexedDB and reads the plans kept there, before the app starts
/// (`startup`). Without IndexedDB the app starts all the same: plans too
/// large for localStorage then get the "storage is full" banner.
pub async fn prepare() {
    let opened = match open_database().await {
        Ok(database) => match read_all(&database).await {
            Ok(records) => {
                LARGE.with(|large| *large.borrow_mut() = records);
                Ok(database)
            }
            Err(reason) => Err(reason),
        },
        Err(reason) => Err(reason),
    };
    DATABASE.with(|slot| *slot.borrow_mut() = opened);
}

fn database() -> Result<web_sys::IdbDatabase, String> {
    DATABASE.with(|slot| slot.borrow().clone())
}

/// Why a large plan's record could not be read.
fn large_missing() -> String {
    database()
        .err()
        .unwrap_or_else(|| "its record is missing".to_string())
}

/// Whether plans that do not fit localStorage can go to IndexedDB.
fn large_available() -> bool {
    database().is_ok()
}

/// Whether the text of `key` is kept in IndexedDB.
fn is_large(storage: &web_sys::Storage, key: &str) -> bool {
    storage.get_item(key).ok().flatten().as_deref() == Some(KEPT_IN_INDEXED_DB)
}

/// Whether stored plan `id` is kept in IndexedDB (as this tab knows it).
pub fn kept_in_indexed_db(id: PlanId) -> bool {
    LARGE.with(|large| large.borrow().get(&plan_key(id)).is_some())
}

/// The text stored under `key`, read through to IndexedDB for large plans
/// (`None` when a large plan's record could not be read).
fn read_text(storage: &web_sys::Storage, key: &str) -> Option<String> {
    let text = storage.get_item(key).ok()??;
    if text == KEPT_IN_INDEXED_DB {
        LARGE.with(|large| large.borrow().get(key).map(|record| record.text.clone()))
    } else {
        Some(text)
    }
}

/// A promise settled by `request`: resolved on success, rejected on error.
fn settled(request: &web_sys::IdbRequest) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    })
}

/// The result of `request`, or its error.
async fn finished(request: &web_sys::IdbRequest) -> Result<JsValue, String> {
    wasm_bindgen_futures::JsFuture::from(settled(request))
        .await
        .map_err(|_| {
            request
                .error()
                .ok()
                .flatten()
                .map_or_else(|| "unknown error".to_string(), |error| error.message())
        })?;
    request.result().map_err(|error| describe(&error))
}

/// Resolves when `transaction` committed; a full disk is [`Problem::Full`].
/// (A failed request aborts its transaction, so `abort` covers errors, and
/// by then the transaction's error is set.)
async fn committed(transaction: &web_sys::IdbTransaction) -> Result<(), Problem> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onabort(Some(&reject));
    });
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(_) => Ok(()),
        Err(_) => Err(match transaction.error() {
            Some(error) if is_quota_error(&error) => Problem::Full,
            Some(error) => Problem::SaveFailed(format!("IndexedDB: {}", error.message())),
            None => Problem::SaveFailed("IndexedDB did not keep the change".to_string()),
        }),
    }
}

async fn open_database() -> Result<web_sys::IdbDatabase, String> {
    let window = web_sys::window().ok_or("no window")?;
    let factory = window
        .indexed_db()
        .map_err(|error| describe(&error))?
        .ok_or("the browser offers none")?;
    let request = factory
        .open_with_u32(LARGE_DATABASE, 1)
        .map_err(|error| describe(&error))?;
    let upgrade = Closure::once_into_js({
        let request = request.clone();
        move || {
            if let Ok(database) = request.result() {
                let database: web_sys::IdbDatabase = database.unchecked_into();
                if !database.object_store_names().contains(LARGE_STORE) {
                    let _ = database.create_object_store(LARGE_STORE);
                }
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    // Another tab holding an older version, or a browser that never answers,
    // must not keep the app from starting.
    let timeout = js_sys::Promise::new(&mut |_, reject| {
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(&reject, OPEN_TIMEOUT_MS);
    });
    let opened = js_sys::Promise::race(&js_sys::Array::of2(&settled(&request), &timeout));
    if wasm_bindgen_futures::JsFuture::from(opened).await.is_err() {
        return Err(request
            .error()
            .ok()
            .flatten()
            .map_or_else(|| "it did not answer".to_string(), |error| error.message()));
    }
    Ok(request
        .result()
        .map_err(|error| describe(&error))?
        .unchecked_into())
}

fn store(
    database: &web_sys::IdbDatabase,
    mode: web_sys::IdbTransactionMode,
) -> Result<(web_sys::IdbTransaction, web_sys::IdbObjectStore), String> {
    let transaction = database
        .transaction_with_str_and_mode(LARGE_STORE, mode)
        .map_err(|error| describe(&error))?;
    let store = transaction
        .object_store(LARGE_STORE)
        .map_err(|error| describe(&error))?;
    Ok((transaction, store))
}

/// A record as stored; anything else stored there is kept as its JSON
/// text, which then fails to read as a plan and is moved to a backup.
fn record_from(value: &JsValue) -> Option<Large> {
    if value.is_undefined() {
        return None;
    }
    let field = |name: &str| {
        js_sys::Reflect::get(value, &JsValue::from_str(name))
            .ok()
            .and_then(|field| field.as_string())
    };
    Some(match (field("stamp"), field("text")) {
        (Some(stamp), Some(text)) => Large { stamp, text },
        _ => Large {
            stamp: String::new(),
            text: value.as_string().unwrap_or_else(|| {
                js_sys::JSON::stringify(value).map_or_else(|_| String::new(), String::from)
            }),
        },
    })
}

fn record_value(record: &Large) -> JsValue {
    let object = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&object, &"stamp".into(), &JsValue::from_str(&record.stamp));
    let _ = js_sys::Reflect::set(&object, &"text".into(), &JsValue::from_str(&record.text));
    object.into()
}

async fn read_all(database: &web_sys::IdbDatabase) -> Result<Records, String> {
    let (_transaction, store) = store(database, web_sys::IdbTransactionMode::Readonly)?;
    let keys = store.get_all_keys().map_err(|error| describe(&error))?;
    let values = store.get_all().map_err(|error| describe(&error))?;
    let keys = js_sys::Array::from(&finished(&keys).await?);
    let values = js_sys::Array::from(&finished(&values).await?);
    Ok(Records(
        keys.iter()
            .zip(values.iter())
            .filter_map(|(key, value)| Some((key.as_string()?, record_from(&value)?)))
            .collect(),
    ))
}

/// Reads the record of `key` again (another tab may have saved it).
async fn refresh_large(key: &str) -> Result<(), String> {
    let (_transaction, store) = store(&database()?, web_sys::IdbTransactionMode::Readonly)?;
    let request = store
        .get(&JsValue::from_str(key))
        .map_err(|error| describe(&error))?;
    let record = record_from(&finished(&request).await?);
    LARGE.with(|large| match record {
        Some(record) => large.borrow_mut().insert(key.to_string(), record),
        None => {
            large.borrow_mut().remove(key);
        }
    });
    Ok(())
}

/// What writing a large plan came to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Put {
    Written,
    /// The same text was stored already, with this stamp.
    Unchanged(String),
    /// Another tab saved it since this tab read it.
    Conflict,
}

/// Writes `record` under `key` in one transaction with the check that the
/// stored stamp is the one expected, so two tabs never overwrite each
/// other unseen (IndexedDB runs writing transactions one at a time).
async fn put_large(key: &str, expect: &Expect, record: &Large) -> Result<Put, Problem> {
    let (transaction, store) = store(
        &database().map_err(Problem::SaveFailed)?,
        web_sys::IdbTransactionMode::Readwrite,
    )
    .map_err(Problem::SaveFailed)?;
    let key = JsValue::from_str(key);
    let request = store.get(&key).map_err(|error| save_problem(&error))?;
    let outcome = Rc::new(RefCell::new(Put::Written));
    // The write is issued from the read's success event, inside the same
    // transaction.
    let on_read = Closure::once_into_js({
        let (outcome, transaction, request) =
            (outcome.clone(), transaction.clone(), request.clone());
        let (expect, record) = (expect.clone(), record.clone());
        move || {
            let stored = request.result().ok().and_then(|value| record_from(&value));
            if let (Expect::Stamp(expected), Some(stored)) = (&expect, &stored) {
                if expected.as_deref() != Some(stored.stamp.as_str()) {
                    *outcome.borrow_mut() = Put::Conflict;
                    let _ = transaction.abort();
                    return;
                }
            }
            match stored {
                Some(stored) if stored.text == record.text => {
                    *outcome.borrow_mut() = Put::Unchanged(stored.stamp);
                }
                _ => {
                    if store.put_with_key(&record_value(&record), &key).is_err() {
                        let _ = transaction.abort();
                    }
                }
            }
        }
    });
    request.set_onsuccess(Some(on_read.unchecked_ref()));
    let result = committed(&transaction).await;
    let outcome = outcome.borrow().clone();
    match (outcome, result) {
        (Put::Conflict, _) => Ok(Put::Conflict),
        (outcome, Ok(())) => Ok(outcome),
        (_, Err(problem)) => Err(problem),
    }
}

/// Deletes `from` in IndexedDB, first writing its record under `to` if
/// given (a move to a backup key); this tab's copy follows at once.
fn move_large(from: &str, to: Option<&str>) {
    let record = LARGE.with(|large| {
        let mut large = large.borrow_mut();
        let record = large.remove(from);
        if let (Some(to), Some(record)) = (to, &record) {
            large.insert(to.to_string(), record.clone());
        }
        record
    });
    let Ok((transaction, store)) =
        database().and_then(|database| store(&database, web_sys::IdbTransactionMode::Readwrite))
    else {
        return;
    };
    if let (Some(to), Some(record)) = (to, &record) {
        if store
            .put_with_key(&record_value(record), &JsValue::from_str(to))
            .is_err()
        {
            // Without its copy the record stays where it is.
            return;
        }
    }
    let _ = store.delete(&JsValue::from_str(from));
    wasm_bindgen_futures::spawn_local(async move {
        let _ = committed(&transaction).await;
    });
}

/// A save of a plan too large for localStorage, finished by [`save_large`].
#[derive(Debug, Clone)]
pub struct LargeSave {
    id: PlanId,
    name: String,
    text: String,
    stamp: String,
    expect: Expect,
    today: NaiveDate,
}

/// Writes a plan localStorage could not hold to IndexedDB, then leaves a
/// note in its localStorage key, the save stamp (which tells other tabs)
/// and the list of plans. Refused like [`save`] when another tab saved the
/// plan meanwhile; on failure the stored copy is the last one that saved.
pub async fn save_large(job: LargeSave) -> Result<(Vec<PlanEntry>, Option<String>), Problem> {
    let key = plan_key(job.id);
    let record = Large {
        stamp: job.stamp,
        text: job.text,
    };
    let stamp = match put_large(&key, &job.expect, &record).await? {
        Put::Conflict => return Err(Problem::ChangedElsewhere { name: job.name }),
        Put::Unchanged(stamp) => stamp,
        Put::Written => record.stamp.clone(),
    };
    LARGE.with(|large| {
        large.borrow_mut().insert(
            key.clone(),
            Large {
                stamp: stamp.clone(),
                text: record.text,
            },
        )
    });
    let storage = local_storage().map_err(Problem::Unavailable)?;
    if !is_large(&storage, &key) {
        // The note replaces the plan's text, which frees room for it; only
        // a plan new to this browser may find no room even for the note.
        let noted = storage.set_item(&key, KEPT_IN_INDEXED_DB).or_else(|error| {
            if is_quota_error(&error) && drop_bases(&storage) {
                storage.set_item(&key, KEPT_IN_INDEXED_DB)
            } else {
                Err(error)
            }
        });
        if let Err(error) = noted {
            move_large(&key, None);
            return Err(save_problem(&error));
        }
    }
    if storage
        .get_item(&stamp_key(job.id))
        .ok()
        .flatten()
        .as_deref()
        != Some(stamp.as_str())
    {
        storage
            .set_item(&stamp_key(job.id), &stamp)
            .map_err(|error| save_problem(&error))?;
    }
    let plans = list_saved(&storage, job.id, &job.name, job.today)?;
    Ok((plans, Some(stamp)))
}

/// Reads stored plan `id` as another tab may just have saved it: a plan
/// kept in IndexedDB is read from there again.
pub async fn load_latest(id: PlanId) -> Result<Plan, String> {
    let key = plan_key(id);
    // One read of the stored text (a plan may be millions of characters).
    match local_storage()?.get_item(&key).ok().flatten() {
        Some(text) if text != KEPT_IN_INDEXED_DB => {
            persist::decode(&text).map_err(|error| error.to_string())
        }
        Some(_) => {
            refresh_large(&key).await?;
            load(id)
        }
        None => load(id),
    }
}
