//! The kept common versions for three-way merges: plan files as they left
//! or reached this browser, the newest few within a size budget, dropped
//! first when a plan needs the room.

use serde_json::json;

use super::local_storage;
use crate::model::Plan;
use crate::persist;

const BASE_PREFIX: &str = "opsboard.base.";
const BASES_KEY: &str = "opsboard.bases";
/// How many plan files are kept as common versions for merges.
pub const BASES_KEPT: usize = 8;
/// Larger files are not kept as common versions (storage holds about 5
/// million characters in all); merging with their copies is two-way.
pub const BASE_MAX_BYTES: usize = 512 * 1024;
/// All kept common versions together stay under this.
pub const BASES_MAX_TOTAL: usize = 1536 * 1024;

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
pub(super) fn drop_bases(storage: &web_sys::Storage) -> bool {
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
