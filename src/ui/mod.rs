//! The browser shell's components. They read the plan from [`AppState`] and
//! change it only through commands.

mod activities;
mod board;
mod cadences;
mod capacity;
mod checkins;
mod draft;
mod file_link;
mod files;
mod forms;
mod hiring;
pub mod markup;
mod merge;
mod money;
mod parts;
mod people;
mod plan;
mod priorities;
mod raci;
mod report;
mod sheet_import;
mod shell;
mod skills;
pub mod state;
mod week;
mod week_picker;
mod work;

use leptos::prelude::*;

use crate::browser;
use wasm_bindgen::JsCast;

pub use state::{AppState, Route};

/// How long after a change the plan is saved (sooner when the page is
/// hidden or left).
const SAVE_DELAY_MS: i32 = 150;

/// Mounts the app on the page's body, once the plans kept in IndexedDB are
/// read.
pub fn mount() {
    browser::register_service_worker();
    // Leptos's executor starts with the app, so this waits on wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async {
        crate::storage::prepare().await;
        leptos::mount::mount_to_body(App);
        // `?crash-test` makes the app panic a moment after it started: the
        // way to see (and test) the crash banner of
        // `browser::install_panic_hook`.
        if browser::query_param("crash-test").is_some() {
            browser::after(SAVE_DELAY_MS * 4, || panic!("crash test (?crash-test)"));
        }
    });
}

/// The whole app: header, notices, the routed view and the global handlers
/// (keyboard shortcuts, autosave, files dropped anywhere).
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::start();
    state.provide();
    let sheets = sheet_import::SheetImport::new();
    provide_context(sheets);
    let file_link = file_link::FileLink::new();
    provide_context(file_link);
    file_link.start(state);

    let read_route = move || {
        let hash = window().location().hash().unwrap_or_default();
        // A share link pasted into this tab: open the plan it holds.
        if let Some(payload) = browser::share_payload() {
            let showing = state.board.current.with_untracked(|board| board.is_some());
            if !showing {
                state.open_shared(payload);
            }
        }
        state.routing.follow(&hash);
    };
    read_route();
    let _ = window_event_listener(leptos::ev::hashchange, move |_| read_route());

    // Autosave after every change, and when another plan is opened: a
    // moment after the last change, so a drag repaints before a large plan
    // is written, and at once when the page is hidden or left.
    let pending_save = StoredValue::new(None::<i32>);
    let save_now = move || {
        if let Some(handle) = pending_save.get_value() {
            browser::cancel(handle);
            pending_save.set_value(None);
            state.saving.save();
        }
    };
    Effect::new(move |_| {
        state.edits.history.track();
        if let Some(handle) = pending_save.get_value() {
            browser::cancel(handle);
        }
        pending_save.set_value(browser::after(SAVE_DELAY_MS, move || {
            pending_save.set_value(None);
            state.saving.save();
        }));
        // The linked file follows too (it writes a moment later still).
        file_link.observe(state);
    });
    // Another tab saved: bring this one up to date (or let the next save
    // here ask what to keep), and follow its list of plans.
    let _ = window_event_listener(leptos::ev::storage, move |event| {
        let Some(key) = event.key() else { return };
        let open = state
            .edits
            .history
            .with_untracked(|history| history.plan().id);
        if crate::storage::is_stamp_of(&key, open) {
            state
                .saving
                .changed_in_other_tab(pending_save.get_value().is_some());
        } else if crate::storage::is_index(&key) {
            state.saving.refresh_plan_list();
        }
    });
    // Closing the page while a plan is still being written to IndexedDB
    // (asynchronous, unlike localStorage) or to its linked file could lose
    // that change: the browser asks first.
    let _ = window_event_listener(leptos::ev::beforeunload, move |event| {
        save_now();
        let unwritten = file_link.page_event(state);
        if state.saving.saving_large() || unwritten.is_some() {
            event.prevent_default();
            event.set_return_value(&match unwritten {
                Some(file_name) => format!("Your last change is not written to {file_name} yet."),
                None => "Your last change is still being saved.".to_string(),
            });
        }
    });
    let _ = window_event_listener(leptos::ev::pagehide, move |_| {
        save_now();
        file_link.page_event(state);
    });
    let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
        save_now();
        file_link.page_event(state);
    });

    let _ = window_event_listener(leptos::ev::keydown, move |event| {
        handle_shortcut(state, &event);
    });
    // A plan file dropped anywhere on the page is offered for import, a
    // spreadsheet goes to the spreadsheet import. Drags of board cards
    // carry no files and are left to the board.
    let _ = window_event_listener(leptos::ev::dragover, move |event| {
        if carries_files(&event) {
            event.prevent_default();
        }
    });
    let _ = window_event_listener(leptos::ev::drop, move |event| {
        if !carries_files(&event) {
            return;
        }
        event.prevent_default();
        if let Some(file) = event
            .data_transfer()
            .and_then(|transfer| transfer.files())
            .and_then(|files| files.get(0))
        {
            use crate::persist::table::{file_kind, FileKind};
            match file_kind(&file.name(), &file.type_()) {
                FileKind::Text | FileKind::Workbook => sheet_import::receive(sheets, file),
                FileKind::Other => files::receive(state, file),
            }
        }
    });

    view! {
        <shell::Header/>
        <shell::BoardBanner/>
        <shell::Notices/>
        <file_link::LinkBanner/>
        <main id="main" class="view" tabindex="-1">
            {move || match state.routing.route.get() {
                Route::Plan => view! { <plan::PlanView/> }.into_any(),
                Route::Week => view! { <week::WeekView/> }.into_any(),
                Route::Work => parts::on_demand(parts::work_view::load).into_any(),
                Route::Board => view! { <board::Board/> }.into_any(),
                Route::People => parts::on_demand(parts::people_view::load).into_any(),
                Route::Files => parts::on_demand(parts::files_view::load).into_any(),
                Route::Skills => parts::on_demand(parts::skills_view::load).into_any(),
                Route::Capacity => view! { <capacity::CapacityView/> }.into_any(),
                Route::CheckIn => parts::on_demand(parts::check_in_view::load).into_any(),
                Route::Money => parts::on_demand(parts::money_view::load).into_any(),
                Route::Report => parts::on_demand(parts::report_view::load).into_any(),
            }}
        </main>
        <files::ImportDialog/>
        <merge::MergeDialog/>
        <sheet_import::SheetImportDialog/>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {move || state.edits.announcement.get()}
        </div>
    }
}

fn carries_files(event: &web_sys::DragEvent) -> bool {
    event
        .data_transfer()
        .map(|transfer| transfer.types().includes(&"Files".into(), 0))
        .unwrap_or(false)
}

/// Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, except while typing, where
/// the field's own undo applies.
fn handle_shortcut(state: AppState, event: &web_sys::KeyboardEvent) {
    if !(event.ctrl_key() || event.meta_key()) {
        return;
    }
    let typing = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| {
            matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        });
    if typing {
        return;
    }
    match (event.key().as_str(), event.shift_key()) {
        ("z", false) => {
            event.prevent_default();
            state.edits.undo();
        }
        ("Z" | "z", true) | ("y", false) => {
            event.prevent_default();
            state.edits.redo();
        }
        _ => {}
    }
}
