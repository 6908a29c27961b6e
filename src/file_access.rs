//! The browser APIs behind a plan linked to a file on disk: the File System
//! Access API (file pickers and handles, Chrome and Edge), the Web Locks
//! API, the IndexedDB database that remembers each plan's file, and the
//! clock as the file's record needs it.
//!
//! Everything is reached through `js_sys::Reflect`: these APIs are not all
//! in stable web-sys, and the few calls made do not need its types.

use std::cell::RefCell;
use std::future::Future;

use chrono::{NaiveDate, NaiveDateTime};
use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A `FileSystemFileHandle`: the file a plan is linked to.
#[derive(Debug, Clone)]
pub struct FileHandle(JsValue);

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
}

/// Calls method `name` of `target` and awaits the promise it returns.
async fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let method: Function = get(target, name)
        .and_then(|method| method.dyn_into().ok())
        .ok_or_else(|| JsValue::from_str(&format!("{name} is missing")))?;
    let result = method.apply(target, &args.iter().collect::<Array>())?;
    match result.dyn_into::<Promise>() {
        Ok(promise) => JsFuture::from(promise).await,
        Err(value) => Ok(value),
    }
}

/// A browser error in words: its name and message.
fn describe(error: &JsValue) -> String {
    let name = get(error, "name").and_then(|name| name.as_string());
    let message = get(error, "message").and_then(|message| message.as_string());
    match (name, message) {
        (_, Some(message)) if !message.is_empty() => message,
        (Some(name), _) => name,
        _ => error
            .as_string()
            .unwrap_or_else(|| "unknown error".to_string()),
    }
}

fn error_name(error: &JsValue) -> String {
    get(error, "name")
        .and_then(|name| name.as_string())
        .unwrap_or_default()
}

/// Whether this browser can link a plan to a file (Chrome and Edge can;
/// Firefox and Safari cannot).
pub fn supported() -> bool {
    let window: JsValue = js_sys::global().into();
    ["showOpenFilePicker", "showSaveFilePicker"]
        .iter()
        .all(|name| get(&window, name).is_some_and(|value| value.is_function()))
}

/// The pickers' options: plan files, and the name to suggest.
fn picker_options(suggested_name: Option<&str>) -> Object {
    let accept = Object::new();
    let _ = Reflect::set(
        &accept,
        &"application/json".into(),
        &Array::of1(&JsValue::from_str(crate::persist::FILE_SUFFIX)),
    );
    let kind = Object::new();
    let _ = Reflect::set(&kind, &"description".into(), &"Opsboard plan".into());
    let _ = Reflect::set(&kind, &"accept".into(), &accept);
    let options = Object::new();
    let _ = Reflect::set(&options, &"types".into(), &Array::of1(&kind));
    if let Some(name) = suggested_name {
        let _ = Reflect::set(&options, &"suggestedName".into(), &name.into());
    }
    options
}

/// What a picker gave: a file, or nothing when the person closed it.
async fn pick(method: &str, options: Object) -> Result<Option<FileHandle>, String> {
    match call(&js_sys::global().into(), method, &[options.into()]).await {
        // The open picker gives a list, the save picker one file.
        Ok(picked) if Array::is_array(&picked) => {
            let first = Array::from(&picked).get(0);
            Ok((!first.is_undefined()).then_some(FileHandle(first)))
        }
        Ok(picked) => Ok(Some(FileHandle(picked))),
        Err(error) if error_name(&error) == "AbortError" => Ok(None),
        Err(error) => Err(describe(&error)),
    }
}

/// Asks for a plan file to open.
pub async fn pick_to_open() -> Result<Option<FileHandle>, String> {
    pick("showOpenFilePicker", picker_options(None)).await
}

/// Asks where to save the plan, suggesting `file_name`.
pub async fn pick_to_save(file_name: &str) -> Result<Option<FileHandle>, String> {
    pick("showSaveFilePicker", picker_options(Some(file_name))).await
}

impl FileHandle {
    /// The file's name (not its folder: the browser does not tell).
    pub fn name(&self) -> String {
        get(&self.0, "name")
            .and_then(|name| name.as_string())
            .unwrap_or_default()
    }

    /// The file's text as it is on disk now.
    pub async fn read(&self) -> Result<String, String> {
        let file = call(&self.0, "getFile", &[])
            .await
            .map_err(|error| self.failure("read", &error))?;
        call(&file, "text", &[])
            .await
            .map_err(|error| self.failure("read", &error))?
            .as_string()
            .ok_or_else(|| format!("{} is not text", self.name()))
    }

    /// Replaces the file's text. The browser writes a copy and swaps it in
    /// when closed, so a reader never sees half a file.
    pub async fn write(&self, text: &str) -> Result<(), String> {
        let fail = |error: JsValue| self.failure("written", &error);
        let writable = call(&self.0, "createWritable", &[]).await.map_err(fail)?;
        if let Err(error) = call(&writable, "write", &[JsValue::from_str(text)]).await {
            let _ = call(&writable, "abort", &[]).await;
            return Err(fail(error));
        }
        call(&writable, "close", &[]).await.map_err(fail)?;
        Ok(())
    }

    fn failure(&self, doing: &str, error: &JsValue) -> String {
        let name = self.name();
        match error_name(error).as_str() {
            "NotFoundError" => format!("{name} could not be {doing}: it was moved or deleted"),
            "NotAllowedError" | "SecurityError" => {
                format!("{name} could not be {doing}: the browser no longer allows it")
            }
            "NoModificationAllowedError" | "InvalidStateError" => {
                format!("{name} could not be {doing}: another program holds it; it is tried again")
            }
            _ => format!("{name} could not be {doing}: {}", describe(error)),
        }
    }

    /// Whether the page may read and write the file. With `ask`, the
    /// browser asks the person (it needs a click); without, it only says.
    /// A browser without permissions on handles allows it.
    pub async fn allowed(&self, ask: bool) -> bool {
        let options = Object::new();
        let _ = Reflect::set(&options, &"mode".into(), &"readwrite".into());
        let method = if ask {
            "requestPermission"
        } else {
            "queryPermission"
        };
        if get(&self.0, method).is_none() {
            return true;
        }
        call(&self.0, method, &[options.into()])
            .await
            .ok()
            .and_then(|state| state.as_string())
            .is_some_and(|state| state == "granted")
    }
}

/// Runs `work` holding the Web Lock `name`, so tabs of this browser never
/// interleave their reads and writes of one file. Without the Web Locks API
/// it runs unlocked.
pub async fn locked<F: Future>(name: &str, work: F) -> F::Output {
    let locks = js_sys::global()
        .dyn_into::<web_sys::Window>()
        .ok()
        .and_then(|window| get(&window.navigator(), "locks"));
    let request: Option<Function> = locks
        .as_ref()
        .and_then(|locks| get(locks, "request"))
        .and_then(|request| request.dyn_into().ok());
    let (Some(locks), Some(request)) = (locks, request) else {
        return work.await;
    };
    // The lock is held until the promise the callback returns settles:
    // `release` settles it once the work is done.
    let mut release: Option<Function> = None;
    let held = Promise::new(&mut |resolve, _| release = Some(resolve));
    let mut granted: Option<Function> = None;
    let acquired = Promise::new(&mut |resolve, _| granted = Some(resolve));
    let callback = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        if let Some(granted) = granted {
            let _ = granted.call0(&JsValue::UNDEFINED);
        }
        held.into()
    });
    if request
        .call2(&locks, &JsValue::from_str(name), &callback)
        .is_err()
    {
        return work.await;
    }
    let _ = JsFuture::from(acquired).await;
    let output = work.await;
    if let Some(release) = release {
        let _ = release.call0(&JsValue::UNDEFINED);
    }
    output
}

// ---------------------------------------------------------------------------
// The links, in IndexedDB: a database of their own, so the plans' database
// (`storage`) keeps its version.

const LINKS_DATABASE: &str = "opsboard-links";
const LINKS_STORE: &str = "links";

/// A plan's file as remembered for the next visit.
#[derive(Debug, Clone)]
pub struct Link {
    pub handle: FileHandle,
    /// The file's text as last read or written: the common version of the
    /// next merge.
    pub base: String,
}

/// What to do with a plan's link.
#[derive(Debug)]
pub enum Stored<'a> {
    Load,
    Keep(&'a Link),
    Forget,
}

thread_local! {
    static LINKS: RefCell<Option<web_sys::IdbDatabase>> = const { RefCell::new(None) };
}

/// The result of an IndexedDB request.
async fn finished(request: &web_sys::IdbRequest) -> Result<JsValue, String> {
    let settled = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(settled)
        .await
        .map_err(|error| describe(&error))?;
    request.result().map_err(|error| describe(&error))
}

/// Loads, keeps or forgets the link of plan `plan` (its id); a load gives
/// the link if there is one. The handle is kept by structured clone.
pub async fn links(plan: &str, what: Stored<'_>) -> Result<Option<Link>, String> {
    let database = match LINKS.with(|slot| slot.borrow().clone()) {
        Some(database) => database,
        None => {
            let request = web_sys::window()
                .ok_or("no window")?
                .indexed_db()
                .map_err(|error| describe(&error))?
                .ok_or("the browser offers no IndexedDB")?
                .open_with_u32(LINKS_DATABASE, 1)
                .map_err(|error| describe(&error))?;
            let upgrade = Closure::once_into_js({
                let request = request.clone();
                move || {
                    if let Ok(database) = request.result() {
                        let database: web_sys::IdbDatabase = database.unchecked_into();
                        let _ = database.create_object_store(LINKS_STORE);
                    }
                }
            });
            request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
            let database: web_sys::IdbDatabase = finished(&request).await?.unchecked_into();
            LINKS.with(|slot| *slot.borrow_mut() = Some(database.clone()));
            database
        }
    };
    let mode = match what {
        Stored::Load => web_sys::IdbTransactionMode::Readonly,
        _ => web_sys::IdbTransactionMode::Readwrite,
    };
    let key = JsValue::from_str(plan);
    let store = database
        .transaction_with_str_and_mode(LINKS_STORE, mode)
        .and_then(|transaction| transaction.object_store(LINKS_STORE))
        .map_err(|error| describe(&error))?;
    let request = match what {
        Stored::Load => store.get(&key),
        Stored::Keep(link) => {
            let record = Object::new();
            let _ = Reflect::set(&record, &"handle".into(), &link.handle.0);
            let _ = Reflect::set(&record, &"base".into(), &JsValue::from_str(&link.base));
            store.put_with_key(&record, &key)
        }
        Stored::Forget => store.delete(&key),
    }
    .map_err(|error| describe(&error))?;
    let record = finished(&request).await?;
    Ok(get(&record, "handle").and_then(|handle| {
        Some(Link {
            handle: FileHandle(handle),
            base: get(&record, "base")?.as_string()?,
        })
    }))
}

// ---------------------------------------------------------------------------
// The clock: the file's record says when each write happened.

fn moment(
    year: u32,
    month0: u32,
    day: u32,
    hours: u32,
    minutes: u32,
    seconds: u32,
) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(year as i32, month0 + 1, day)
        .and_then(|date| date.and_hms_opt(hours, minutes, seconds))
        .unwrap_or_default()
}

/// Now, in UTC.
pub fn now_utc() -> NaiveDateTime {
    let now = js_sys::Date::new_0();
    moment(
        now.get_utc_full_year(),
        now.get_utc_month(),
        now.get_utc_date(),
        now.get_utc_hours(),
        now.get_utc_minutes(),
        now.get_utc_seconds(),
    )
}

fn local(date: &js_sys::Date) -> NaiveDateTime {
    moment(
        date.get_full_year(),
        date.get_month(),
        date.get_date(),
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds(),
    )
}

/// Now, in the browser's time zone.
pub fn now_local() -> NaiveDateTime {
    local(&js_sys::Date::new_0())
}

/// A UTC moment of the file's record (`2026-12-07T14:05:09Z`) in the
/// browser's time zone.
pub fn local_time(utc: &str) -> Option<NaiveDateTime> {
    let date = js_sys::Date::new(&JsValue::from_str(utc));
    (!date.get_time().is_nan()).then(|| local(&date))
}

/// Whether the page is hidden (another tab, a minimised window).
pub fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .is_some_and(|document| document.hidden())
}
