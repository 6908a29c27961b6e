//! The Files view: export and import plan files, the plans kept in this
//! browser, and data that could not be read. Also the import dialog that a
//! file picked here or dropped anywhere opens.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::state::{AppState, ImportFailure};
use crate::browser;
use crate::model::count_of;
use crate::storage;

/// Reads a picked or dropped file and hands it to the import check.
pub fn receive(state: AppState, file: web_sys::File) {
    let file_name = file.name();
    if file.size() > crate::persist::MAX_FILE_BYTES as f64 {
        state.exchange.import_failure.set(Some(ImportFailure {
            file_name,
            message: crate::persist::ImportError::TooLarge(file.size() as usize).to_string(),
            path: None,
        }));
        return;
    }
    spawn_local(async move {
        match browser::read_text(file).await {
            Ok(text) => state.exchange.receive_file(file_name, &text),
            Err(reason) => state.exchange.import_failure.set(Some(ImportFailure {
                file_name,
                message: reason,
                path: None,
            })),
        }
    });
}

#[component]
pub fn FilesView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let backups = RwSignal::new(storage::backups());
    let on_pick = move |event: leptos::ev::Event| {
        if let Some(file) = browser::picked_file(&event) {
            receive(state, file);
        }
    };
    let current_id = move || state.edits.history.with(|history| history.plan().id);

    view! {
        <div class="files">
            <section class="panel" aria-labelledby="files-title">
                <h2 id="files-title">"Plan files"</h2>
                <p>
                    "A plan file (" <code>".opsboard.json"</code>
                    ") holds the whole plan. Send it to a client, keep it in a repository, or host it beside the app."
                </p>
                <div class="files__actions">
                    <button class="button button--primary" on:click=move |_| state.exchange.export()>"Export plan"</button>
                    <label class="button file-picker">
                        "Import plan"
                        <input type="file" class="visually-hidden" accept=".json,application/json"
                            aria-label="Import plan" on:change=on_pick/>
                    </label>
                </div>
                <p class="view__hint">"You can also drop a plan file anywhere on the page; compare it with this plan to take its changes one by one."</p>
                <p class="files__safety" data-testid="export-status">{move || {
                    let id = current_id();
                    let exported = state.saving.plans.with(|plans| {
                        plans.iter().find(|entry| entry.id == id).and_then(|entry| entry.exported)
                    });
                    let exported = match exported {
                        Some(date) if date == state.today => "Last exported today.".to_string(),
                        Some(date) => format!(
                            "Last exported {} ({} days ago).",
                            crate::model::medium_date(date),
                            (state.today - date).num_days()
                        ),
                        None => "Not exported from this browser yet.".to_string(),
                    };
                    let kept = match state.saving.persistent.get() {
                        Some(true) => " This browser keeps the plans stored here until you delete them.",
                        Some(false) => " This browser may clear the plans stored here when space runs low or the site is not visited (Safari: 7 days): export to keep a copy.",
                        // Asked but not answered yet, or a browser that
                        // cannot say (Safari before 15.2).
                        None => " This browser has not said that it keeps the plans stored here; Safari clears a site's storage after 7 days without a visit: export to keep a copy.",
                    };
                    format!("{exported}{kept}")
                }}</p>
                <ImportFailurePanel/>
            </section>
            <super::file_link::LinkPanel/>
            <Exports/>
            <section class="panel" aria-labelledby="stored-title">
                <h2 id="stored-title">"Plans in this browser"</h2>
                {move || (!state.saving.storage_available.get()).then(|| view! {
                    <p class="flag">"Browser storage is unavailable: nothing is kept after this tab closes."</p>
                })}
                <StoredPlans/>
            </section>
            {move || backups.with(|b| !b.is_empty()).then(|| view! {
                <section class="panel" aria-labelledby="backups-title">
                    <h2 id="backups-title">"Data that could not be read"</h2>
                    <p>"Kept untouched. Download it to open it in a newer Opsboard or to repair it by hand."</p>
                    <ul class="stored">
                        {move || backups.get().into_iter().map(|backup| view! {
                            <li class="stored__plan">
                                <code class="stored__name">{backup.key.clone()}</code>
                                <button class="button button--small" on:click={
                                    let backup = backup.clone();
                                    move |_| {
                                        let _ = browser::download(&format!("{}.json", backup.key), "application/json", &backup.text);
                                    }
                                }>"Download"</button>
                                <button class="button button--small button--danger" on:click={
                                    let key = backup.key.clone();
                                    move |_| {
                                        storage::delete_backup(&key);
                                        backups.set(storage::backups());
                                    }
                                }>"Delete"</button>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
        </div>
    }
}

/// The plans stored in this browser, each with Open and Delete (both off
/// for the open one).
#[component]
fn StoredPlans() -> impl IntoView {
    let state = expect_context::<AppState>();
    let current_id = move || state.edits.history.with(|history| history.plan().id);
    // Each plan: its id, its name and whether it is kept in IndexedDB.
    let listed = move || {
        state.saving.plans.with(|plans| {
            plans
                .iter()
                .map(|entry| {
                    (
                        entry.id,
                        entry.name.clone(),
                        storage::kept_in_indexed_db(entry.id),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let delete = move |id| match storage::delete(id) {
        Ok(plans) => state.saving.plans.set(plans),
        Err(problem) => state.notices.report(&problem),
    };
    view! {
        <ul class="stored">
            <For
                each=listed
                key=|plan| plan.clone()
                children=move |(id, name, in_indexed_db)| {
                    let is_open = move || current_id() == id;
                    view! {
                        <li class="stored__plan">
                            <span class="stored__name">{name.clone()}</span>
                            {move || is_open().then(|| view! { <span class="tag">"open"</span> })}
                            {in_indexed_db.then(|| view! {
                                <span class="tag" title="Too large for localStorage: kept in the browser's IndexedDB">
                                    "in IndexedDB"
                                </span>
                            })}
                            <button
                                type="button"
                                class="button button--small"
                                disabled=is_open
                                aria-label=format!("Open {name}")
                                on:click=move |_| state.open_stored(id)
                            >
                                "Open"
                            </button>
                            <button
                                type="button"
                                class="button button--small button--danger"
                                disabled=is_open
                                aria-label=format!("Delete {name} from this browser")
                                on:click=move |_| delete(id)
                            >
                                "Delete"
                            </button>
                        </li>
                    }
                }
            />
        </ul>
    }
}

/// Why the last file was not opened, naming the field and the reason.
#[component]
fn ImportFailurePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.exchange.import_failure.get().map(|failure| {
            view! {
                <div class="import-error" role="alert" data-testid="import-error">
                    <h3>{format!("\"{}\" was not opened", failure.file_name)}</h3>
                    {failure.path.map(|path| view! { <p>"Field: " <code>{path}</code></p> })}
                    <pre class="import-error__message">{failure.message}</pre>
                    <p>"Your current plan was not changed."</p>
                    <button class="button button--small" on:click=move |_| state.exchange.import_failure.set(None)>"Dismiss"</button>
                </div>
            }
        })
    }
}

/// Asks what to do with a good plan file: replace the open plan, or open it
/// as a new plan. Shown above any view, since files can be dropped anywhere;
/// its content ([`ImportChoice`]) is a part loaded the first time.
#[component]
pub fn ImportDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = Memo::new(move |_| state.exchange.pending_import.with(Option::is_some));
    // When it closes, focus goes back to what had it before (the file
    // picker), or to the view.
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if is_open && was_open != Some(true) {
            opener.set_value(browser::focused_element());
        } else if !is_open && was_open == Some(true) {
            browser::focus_back(opener.get_value());
        }
        is_open
    });
    let cancel = Callback::new(move |()| state.exchange.pending_import.set(None));
    view! {
        {move || open.get().then(|| super::parts::on_demand_dialog(super::parts::import_dialog::load, cancel))}
        {move || {
            // A failure from a file dropped outside the Files view shows here too.
            let on_files = state.routing.route.get() == super::Route::Files;
            (!on_files).then(|| view! { <div class="floating-error"><ImportFailurePanel/></div> })
        }}
    }
}

/// The import dialog's box: what the file holds and the choices.
#[component]
pub(super) fn ImportChoice() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The first choice has focus, for each file offered.
    Effect::new(move |_| {
        let client_copy = state
            .exchange
            .pending_import
            .with(|pending| pending.as_ref().map(|p| p.plan.client_copy));
        if let Some(client_copy) = client_copy {
            browser::focus_after_render(
                if client_copy {
                    "import-new"
                } else {
                    "import-replace"
                }
                .to_string(),
            );
        }
    });
    // Escape cancels, as in any dialog.
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" {
            event.prevent_default();
            state.exchange.pending_import.set(None);
        }
    };
    move || {
        state.exchange.pending_import.get().map(|pending| {
            // A client copy never replaces a full plan (the core refuses it too).
            let can_replace = !pending.plan.client_copy
                || state.edits.history.with_untracked(|history| history.plan().client_copy);
            let initiatives = pending.plan.initiatives().count();
            let summary = format!(
                "\"{}\" holds the plan \"{}\": {}, {} of the book of work, {}.",
                pending.file_name,
                pending.plan.name,
                count_of(initiatives, "initiative", "initiatives"),
                count_of(
                    pending.plan.activities.len() - initiatives,
                    "piece",
                    "pieces"
                ),
                count_of(pending.plan.people.len(), "person", "people")
            );
            view! {
                <div class="dialog-backdrop">
                    <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" on:keydown=on_keydown>
                        <h2 id="import-title">"Open this plan file?"</h2>
                        <p>{summary}</p>
                        {(!can_replace).then(|| view! {
                            <p class="notice notice--inline">"This file is a client copy: cost rates, notes, check-ins and tentative work were left out, so it cannot replace a full plan. Open it as a new plan to read it or compare."</p>
                        })}
                        <div class="form__actions">
                            {can_replace.then(|| view! {
                                <button id="import-replace" class="button button--primary" on:click=move |_| state.exchange.import_replace()>
                                    "Replace the current plan"
                                </button>
                            })}
                            <button id="import-new" class="button" on:click=move |_| state.import_as_new()>"Open as a new plan"</button>
                            {(!state.board.read_only()).then(|| view! {
                                <button id="import-compare" class="button" on:click=move |_| state.exchange.compare_pending()>
                                    "Compare and merge…"
                                </button>
                            })}
                            <button class="button button--quiet" on:click=move |_| state.exchange.pending_import.set(None)>"Cancel"</button>
                        </div>
                        <p class="view__hint">"Replacing can be undone with Undo. Compare lists every change the file would make, to take or leave one by one."</p>
                    </div>
                </div>
            }
    })
    }
}

/// The kinds of spreadsheet and calendar export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Export {
    People,
    Work,
    Leave,
    Holidays,
    Activities,
    Allocations,
    Utilisation,
    Calendar,
    ClientCopy,
}

/// Spreadsheets (CSV) and a calendar (iCalendar) made from the plan.
#[component]
fn Exports() -> impl IntoView {
    let state = expect_context::<AppState>();
    let sheets = expect_context::<super::sheet_import::SheetImport>();
    let error = RwSignal::new(None::<String>);
    let names_as_roles = RwSignal::new(false);
    let for_client = RwSignal::new(String::new());
    let link = RwSignal::new(None::<String>);
    let clients = move || {
        state.edits.history.with(|history| {
            std::iter::once((String::new(), "The whole plan".to_string()))
                .chain(
                    history
                        .plan()
                        .clients()
                        .into_iter()
                        .map(|client| (client.clone(), format!("Only {client}"))),
                )
                .collect::<Vec<_>>()
        })
    };
    let export = move |kind: Export| {
        if kind == Export::Calendar {
            state.exchange.ensure_origin();
        }
        let (name, mime, text) = state.edits.history.with_untracked(|history| {
            let plan = history.plan();
            let base = plan.name.trim().to_string();
            match kind {
                Export::People => (
                    format!("{base} people.csv"),
                    "text/csv",
                    crate::persist::sheets::people_sheet_csv(plan),
                ),
                Export::Work => (
                    format!("{base} work.csv"),
                    "text/csv",
                    crate::persist::sheets::work_sheet_csv(plan),
                ),
                Export::Leave => (
                    format!("{base} leave.csv"),
                    "text/csv",
                    crate::persist::sheets::leave_sheet_csv(plan),
                ),
                Export::Holidays => (
                    format!("{base} holidays.csv"),
                    "text/csv",
                    crate::persist::sheets::holidays_sheet_csv(plan),
                ),
                Export::Activities => (
                    format!("{base} activities.csv"),
                    "text/csv",
                    crate::persist::csv::activities_csv(plan),
                ),
                Export::Allocations => (
                    format!("{base} allocations by week.csv"),
                    "text/csv",
                    crate::persist::csv::allocations_csv(plan),
                ),
                Export::Utilisation => (
                    format!("{base} utilisation by week.csv"),
                    "text/csv",
                    crate::persist::csv::utilisation_csv(plan, state.today, true),
                ),
                // A plan file is a revision of the plan: made below.
                Export::ClientCopy => (String::new(), "application/json", String::new()),
                Export::Calendar => (
                    format!("{base}.ics"),
                    "text/calendar",
                    crate::persist::ics::calendar(plan, &crate::browser::app_url(), state.today),
                ),
            }
        });
        let (name, text) = if kind == Export::ClientCopy {
            let client = for_client.get_untracked();
            let (name, text) = state.exchange.export_text(|plan| {
                let options = crate::persist::share::ClientSafe {
                    names_as_roles: names_as_roles.get_untracked(),
                };
                if client.is_empty() {
                    crate::persist::share::client_safe(plan, options)
                } else {
                    crate::persist::share::for_client(plan, &client, options)
                }
            });
            let suffix = crate::persist::FILE_SUFFIX;
            (
                name.replace(suffix, &format!(" (client copy){suffix}")),
                text,
            )
        } else {
            (name, text)
        };
        match crate::browser::download(&name, mime, &text) {
            Ok(()) => {
                error.set(None);
                state.edits.announce(format!("Exported {name}"));
            }
            Err(reason) => error.set(Some(format!("The export failed: {reason}"))),
        }
    };
    view! {
        <section class="panel" aria-labelledby="exports-title">
            <h2 id="exports-title">"Spreadsheets and calendars"</h2>
            <p>"Bring people, work and assignments, leave and public holidays in from the spreadsheets you keep, or from Runn or Float, by file or by pasting cells. The sheets below go out in the same columns: edit them in a spreadsheet and import them back as updates."</p>
            <div class="files__actions">
                <button class="button button--primary" on:click=move |_| sheets.start(None)>"Import from a spreadsheet…"</button>
            </div>
            <h3 class="files__subheading">"Sheets to edit and import back"</h3>
            <div class="files__actions">
                <button class="button" on:click=move |_| export(Export::People)>"People (CSV)"</button>
                <button class="button" on:click=move |_| export(Export::Work)>"Work and assignments (CSV)"</button>
                <button class="button" on:click=move |_| export(Export::Leave)>"Leave (CSV)"</button>
                <button class="button" on:click=move |_| export(Export::Holidays)>"Public holidays (CSV)"</button>
            </div>
            <h3 class="files__subheading">"Reports"</h3>
            <p>"Made from the plan for a spreadsheet or a calendar; they are not read back."</p>
            <div class="files__actions">
                <button class="button" on:click=move |_| export(Export::Activities)>"Activities (CSV)"</button>
                <button class="button" on:click=move |_| export(Export::Allocations)>"Allocations by week (CSV)"</button>
                <button class="button" on:click=move |_| export(Export::Utilisation)>"Utilisation by week (CSV)"</button>
                <button class="button" on:click=move |_| export(Export::Calendar)>"Deadlines and check-ins (iCalendar)"</button>
            </div>
            <h3 class="files__subheading">"Client-safe copy"</h3>
            <p>"A plan file to send to a client: without cost rates, budget and headcount notes, notes on leave and support, the check-in log and tentative pipeline work. It says it is a client copy, so it can be opened as a plan of its own but never replaces the full plan."</p>
            <div class="files__actions">
                <super::forms::Choice filter=true label="For" value=for_client options=Signal::derive(clients)/>
                <label class="toggle">
                    <input type="checkbox" prop:checked=move || names_as_roles.get()
                        on:change=move |event| names_as_roles.set(event_target_checked(&event))/>
                    "Name people by their role"
                </label>
                <button class="button" on:click=move |_| export(Export::ClientCopy)>"Export client-safe copy"</button>
            </div>
            <h3 class="files__subheading">"Share link"</h3>
            <p>"A link that holds the whole plan, compressed into the part of the address browsers never send to a server. Anyone with it sees the plan read-only and can make a local copy. Share the client-safe copy the same way: open it as a new plan first."</p>
            <div class="files__actions">
                <button class="button" on:click=move |_| {
                    leptos::task::spawn_local(async move {
                        match state.share_link().await {
                            Ok(made) => {
                                link.set(Some(made));
                                error.set(None);
                                state.edits.announce("The share link is ready".to_string());
                            }
                            Err(reason) => {
                                link.set(None);
                                error.set(Some(reason));
                            }
                        }
                    });
                }>"Make a share link"</button>
            </div>
            {move || link.get().map(|made| view! {
                <label class="field field--wide">
                    <span class="field__label">{format!("Share link ({} characters)", made.len())}</span>
                    <input class="share-link" readonly aria-label="Share link" prop:value=made
                        on:focus=move |event| {
                            if let Some(input) = event.target().and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                input.select();
                            }
                        }/>
                </label>
            })}
            {move || state.edits.history.with(|history| history.plan().client_copy).then(|| view! {
                <p class="view__hint">"The open plan is a client copy: its exports stay client copies."</p>
            })}
            {move || error.get().map(|text| view! { <p class="form__error" role="alert">{text}</p> })}
        </section>
    }
}
