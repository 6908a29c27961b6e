//! Small browser services the views need besides storage: today's date,
//! downloads, reading dropped or picked files, and moving focus.

use chrono::NaiveDate;
use wasm_bindgen::{JsCast, JsValue};

/// Today in the browser's time zone. A `?today=YYYY-MM-DD` query parameter
/// replaces it, so demos and end-to-end tests can pin the date.
pub fn today() -> NaiveDate {
    if let Some(pinned) = query_param("today").and_then(|text| crate::model::parse_iso_date(&text))
    {
        return pinned;
    }
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// A random id of 12 letters and digits: a plan's origin, a revision. Not
/// a secret, only unlikely to repeat.
pub fn random_id() -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    (0..12)
        .map(|_| DIGITS[(js_sys::Math::random() * 36.0) as usize % 36] as char)
        .collect()
}

/// The value of a query parameter of the page's URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// Goes to a hash route such as `#/plan/goal`.
pub fn navigate(hash: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(hash);
    }
}

/// Offers `text` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let url = blob_url(mime, text).ok_or("the browser could not prepare the file")?;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "the browser could not start the download".to_string())?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Safari starts the download after `click()` returns and drops it when
    // the URL is gone by then: the URL is revoked a minute later instead.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            revoke.unchecked_ref(),
            DOWNLOAD_URL_LIFETIME_MS,
        );
    }
    Ok(())
}

/// How long a download's object URL is kept after its click.
const DOWNLOAD_URL_LIFETIME_MS: i32 = 60_000;

/// Reads a picked or dropped file as text.
pub async fn read_text(file: web_sys::File) -> Result<String, String> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| format!("the file \"{}\" could not be read", file.name()))?;
    text.as_string()
        .ok_or_else(|| format!("the file \"{}\" is not text", file.name()))
}

/// Moves keyboard focus to the element with `id` after the next repaint,
/// so focus follows an item that a command moved.
pub fn focus_after_render(id: String) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(element) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id(&id))
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(callback.unchecked_ref());
    }
}

/// The file picked in a file input's `change` event, if any. The input is
/// cleared, so picking the same file again fires `change` again.
pub fn picked_file(event: &web_sys::Event) -> Option<web_sys::File> {
    let input = event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// The element that has keyboard focus now (not the page itself), to give
/// focus back to it with [`focus_back`] when a dialog closes.
pub fn focused_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.active_element())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|element| element.tag_name() != "BODY")
}

/// After the next repaint, if focus was lost (it is on the page itself, as
/// when the focused element was removed), moves it to `element` if that is
/// still on the page, else to the view (`#main`).
pub fn focus_back(element: Option<web_sys::HtmlElement>) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            return;
        };
        let lost = document
            .active_element()
            .is_none_or(|active| active.tag_name() == "BODY");
        if !lost {
            return;
        }
        let target = element
            .filter(|element| element.is_connected())
            .or_else(|| {
                document
                    .get_element_by_id("main")
                    .and_then(|main| main.dyn_into::<web_sys::HtmlElement>().ok())
            });
        if let Some(target) = target {
            let _ = target.focus();
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(callback.unchecked_ref());
    }
}

/// Runs `task` after `ms` milliseconds; returns a handle for [`cancel`].
pub fn after(ms: i32, task: impl FnOnce() + 'static) -> Option<i32> {
    let callback = wasm_bindgen::closure::Closure::once_into_js(task);
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms)
        .ok()
}

/// Runs `task` once the next frame has been drawn: work that must not
/// delay a repaint.
pub fn after_next_frame(task: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let next = wasm_bindgen::closure::Closure::once_into_js(move || {
        after(0, task);
    });
    let _ = window.request_animation_frame(next.unchecked_ref());
}

/// Cancels a task from [`after`] that has not run yet.
pub fn cancel(handle: i32) {
    if let Some(window) = web_sys::window() {
        window.clear_timeout_with_handle(handle);
    }
}

/// The app's address without query or route (`https://host/board/`), for
/// links back to it in exported calendars.
pub fn app_url() -> String {
    web_sys::window()
        .and_then(|window| {
            let location = window.location();
            Some(format!(
                "{}{}",
                location.origin().ok()?,
                location.pathname().ok()?
            ))
        })
        .unwrap_or_default()
}

/// The address of `source` (relative to the page) if it is on the page's
/// own site; a team board only reads plan files from where it is hosted.
pub fn same_origin_url(source: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("there is no window")?;
    let here = window
        .location()
        .href()
        .map_err(|_| "the page has no address")?;
    let url = web_sys::Url::new_with_base(source, &here)
        .map_err(|_| format!("\"{source}\" is not an address"))?;
    let origin = window
        .location()
        .origin()
        .map_err(|_| "the page has no origin")?;
    if url.origin() != origin {
        return Err(format!(
            "\"{source}\" is on another site; a team board only opens plan files from its own site ({origin})"
        ));
    }
    Ok(url.href())
}

/// Fetches a text file, with a sentence for each way it can fail.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("there is no window")?;
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
            .await
            .map_err(|_| format!("{url} could not be fetched (the network or the server is down)"))?
            .dyn_into()
            .map_err(|_| format!("{url} gave no response"))?;
    // A redirect may not lead off the site either.
    let landed = response.url();
    if !landed.is_empty() && same_origin_url(&landed).is_err() {
        return Err(format!(
            "{url} redirects to another site, which a team board does not follow"
        ));
    }
    if !response.ok() {
        return Err(format!(
            "{url} could not be loaded: the server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let text = response
        .text()
        .map_err(|_| format!("{url} could not be read"))?;
    wasm_bindgen_futures::JsFuture::from(text)
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| format!("{url} is not text"))
}

/// Takes the `?plan=` query parameter (and a share link's plan in the
/// fragment) off the address without reloading, keeping the route.
pub fn forget_plan_param() {
    if let Some(window) = web_sys::window() {
        let location = window.location();
        let hash = location.hash().unwrap_or_default();
        // A share link's plan is in the fragment: keep only the route.
        let hash = match hash.split_once('?') {
            Some((route, query)) if query.contains("share=") => route.to_string(),
            _ => hash,
        };
        let search = location
            .search()
            .ok()
            .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
            .map(|params| {
                params.delete("plan");
                let rest = String::from(params.to_string());
                if rest.is_empty() {
                    rest
                } else {
                    format!("?{rest}")
                }
            })
            .unwrap_or_default();
        let target = format!(
            "{}{search}{}",
            location.pathname().unwrap_or_default(),
            hash
        );
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&target));
        }
    }
}

/// Registers the service worker (`sw.js`, beside `index.html`) that keeps
/// the app's files for offline use. Quietly does nothing where service
/// workers are not available (an insecure page, an old browser) or with
/// `?sw=off`.
pub fn register_service_worker() {
    if query_param("sw").as_deref() == Some("off") {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return;
    }
    let promise = navigator.service_worker().register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        // A failed registration only means no offline copy; the app works.
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

/// Runs `bytes` through the browser's `CompressionStream` or
/// `DecompressionStream` (`kind` names which) in the raw deflate format:
/// share links are compressed by the browser, with no compressor in the
/// app's bundle.
async fn through_stream(kind: &str, bytes: &[u8]) -> Result<js_sys::ArrayBuffer, String> {
    let unsupported = || {
        format!(
            "this browser has no {kind}, which share links need (Safari 16.4, Firefox 113 and Chrome 80 have it)"
        )
    };
    let global = js_sys::global();
    let constructor: js_sys::Function = js_sys::Reflect::get(&global, &JsValue::from_str(kind))
        .ok()
        .and_then(|value| value.dyn_into().ok())
        .ok_or_else(unsupported)?;
    let transform = js_sys::Reflect::construct(
        &constructor,
        &js_sys::Array::of1(&JsValue::from_str("deflate-raw")),
    )
    .map_err(|_| unsupported())?;
    let input = js_sys::Uint8Array::from(bytes);
    let blob = web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&input))
        .map_err(|_| "the data could not be read".to_string())?;
    let stream = blob.stream();
    let pipe_through: js_sys::Function =
        js_sys::Reflect::get(&stream, &JsValue::from_str("pipeThrough"))
            .ok()
            .and_then(|value| value.dyn_into().ok())
            .ok_or_else(unsupported)?;
    let output: web_sys::ReadableStream = pipe_through
        .call1(&stream, &transform)
        .map_err(|_| unsupported())?
        .unchecked_into();
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&output))
        .map_err(|_| "the data could not be read".to_string())?;
    let buffer = response
        .array_buffer()
        .map_err(|_| "the data could not be read".to_string())?;
    wasm_bindgen_futures::JsFuture::from(buffer)
        .await
        .map_err(|_| "the data is damaged".to_string())?
        .dyn_into()
        .map_err(|_| "the data could not be read".to_string())
}

/// `text` compressed (raw deflate) by the browser.
pub async fn deflate(text: &str) -> Result<Vec<u8>, String> {
    let buffer = through_stream("CompressionStream", text.as_bytes()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Compressed bytes back to text.
pub async fn inflate(bytes: &[u8]) -> Result<String, String> {
    let buffer = through_stream("DecompressionStream", bytes).await?;
    String::from_utf8(js_sys::Uint8Array::new(&buffer).to_vec())
        .map_err(|_| "the link does not hold text".to_string())
}

/// The share payload of the address (`#/plan?share=...`), if any.
pub fn share_payload() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let (_, after) = hash.split_once("share=")?;
    let payload = after.split('&').next().unwrap_or_default();
    (!payload.is_empty()).then(|| payload.to_string())
}

/// Installs the panic hook: the panic goes to the console as before, and
/// the page shows a banner with the plan as last saved to download, built
/// without the app (which stops after a panic). Autosave runs a moment after
/// every change, so at most that moment's work is lost.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_banner();
    }));
}

fn show_crash_banner() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let (Some(body), Ok(banner)) = (document.body(), document.create_element("div")) else {
        return;
    };
    if document.get_element_by_id("crash-banner").is_some() {
        return;
    }
    banner.set_id("crash-banner");
    let _ = banner.set_attribute("class", "crash-banner");
    let _ = banner.set_attribute("role", "alert");
    let add = |parent: &web_sys::Element, tag: &str, text: &str| {
        let element = document.create_element(tag).ok()?;
        element.set_text_content(Some(text));
        parent.append_child(&element).ok()?;
        Some(element)
    };
    add(
        &banner,
        "strong",
        "Opsboard stopped because of an internal error.",
    );
    add(
        &banner,
        "p",
        "Your plan as last saved in this browser is safe. Export it now, then reload the page to go on.",
    );
    if let Some((name, text)) = crate::storage::last_saved_text() {
        if let Some(link) = add(&banner, "a", "Export plan now") {
            let href = blob_url("application/json", &text).unwrap_or_default();
            let _ = link.set_attribute("href", &href);
            let file_name = format!("{}{}", name.trim(), crate::persist::FILE_SUFFIX);
            let _ = link.set_attribute("download", &file_name);
            let _ = link.set_attribute("class", "button button--primary");
        }
    }
    if let Some(reload) = add(&banner, "a", "Reload") {
        let _ = reload.set_attribute("href", "");
        let _ = reload.set_attribute("class", "button");
    }
    let _ = body.insert_before(&banner, body.first_child().as_ref());
}

fn blob_url(mime: &str, text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}
