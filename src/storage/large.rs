//! IndexedDB: the plans localStorage cannot hold, read into memory before
//! the app starts and written one transaction at a time with the check for
//! another tab's save.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::bases::drop_bases;
use super::index::list_saved;
use super::{
    describe, is_quota_error, local_storage, plan_key, save_problem, stamp_key, Expect, PlanEntry,
    Problem,
};
use crate::model::{NaiveDate, PlanId};

/// The database and object store holding plan files too large for
/// localStorage: records `{ stamp, text }` under the localStorage key they
/// stand in for (`opsboard.plan.<id>`, or a backup key).
const LARGE_DATABASE: &str = "opsboard";
const LARGE_STORE: &str = "files";
/// What a localStorage key holds when its text is kept in IndexedDB.
pub(super) const KEPT_IN_INDEXED_DB: &str = "opsboard:kept-in-indexeddb";
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
pub(super) fn large_missing() -> String {
    database()
        .err()
        .unwrap_or_else(|| "its record is missing".to_string())
}

/// Whether plans that do not fit localStorage can go to IndexedDB.
pub(super) fn large_available() -> bool {
    database().is_ok()
}

/// Whether the text of `key` is kept in IndexedDB.
pub(super) fn is_large(storage: &web_sys::Storage, key: &str) -> bool {
    storage.get_item(key).ok().flatten().as_deref() == Some(KEPT_IN_INDEXED_DB)
}

/// Whether stored plan `id` is kept in IndexedDB (as this tab knows it).
pub fn kept_in_indexed_db(id: PlanId) -> bool {
    LARGE.with(|large| large.borrow().get(&plan_key(id)).is_some())
}

/// The text stored under `key`, read through to IndexedDB for large plans
/// (`None` when a large plan's record could not be read).
pub(super) fn read_text(storage: &web_sys::Storage, key: &str) -> Option<String> {
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
pub(super) async fn refresh_large(key: &str) -> Result<(), String> {
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
pub(super) fn move_large(from: &str, to: Option<&str>) {
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
    pub(super) id: PlanId,
    pub(super) name: String,
    pub(super) text: String,
    pub(super) stamp: String,
    pub(super) expect: Expect,
    pub(super) today: NaiveDate,
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
