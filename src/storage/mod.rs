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
//!
//! Here: the plans' own keys (startup, save, load, delete, save stamps) and
//! the problems; `index` the list of plans, `backups` the data moved aside,
//! `bases` the kept common versions, `large` IndexedDB.

mod backups;
mod bases;
mod index;
mod large;

pub use backups::{backups, delete_backup, Backup};
pub use bases::{has_base, keep_base, load_base, BASES_KEPT, BASES_MAX_TOTAL, BASE_MAX_BYTES};
pub use index::{is_index, mark_exported, plan_list};
pub use large::{kept_in_indexed_db, prepare, save_large, LargeSave};

use wasm_bindgen::{JsCast, JsValue};

use crate::model::{NaiveDate, Plan, PlanId};
use crate::persist;
use backups::move_to_backup;
use bases::drop_bases;
use index::{list, list_saved, read_index, sort_plans, write_index, Index, INDEX_KEY};
use large::{
    is_large, large_available, large_missing, move_large, read_text, refresh_large,
    KEPT_IN_INDEXED_DB,
};

const PLAN_PREFIX: &str = "opsboard.plan.";
const STAMP_PREFIX: &str = "opsboard.stamp.";

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

fn keys(storage: &web_sys::Storage) -> Vec<String> {
    let length = storage.length().unwrap_or(0);
    (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .collect()
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
