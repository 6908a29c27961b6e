//! Backups: stored data that could not be read, moved aside untouched
//! under `opsboard.backup.<n>.<original key>`, listed and deleted.

use super::large::{is_large, move_large, read_text, KEPT_IN_INDEXED_DB};
use super::{describe, keys, local_storage};

const BACKUP_PREFIX: &str = "opsboard.backup.";

/// Copies `text` to a fresh backup key, checks the copy, then removes the
/// original. Never overwrites an existing backup. A text kept in IndexedDB
/// moves there, to a record under the backup key.
pub(super) fn move_to_backup(
    storage: &web_sys::Storage,
    key: &str,
    text: &str,
) -> Result<String, String> {
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
