//! The frame around every view: the header with the plan switcher, undo and
//! redo, the navigation, and the notices.

use leptos::prelude::*;

use super::state::{AppState, BoardStatus, NoticeAction, NoticeKind, Route, SHARED_LINK};
use crate::command::Command;
use crate::model::PlanId;

/// The top bar: plan name and switcher, undo/redo, and the navigation.
#[component]
pub fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let plan_name = move || {
        state
            .edits
            .history
            .with(|history| history.plan().name.clone())
    };
    let current_id = move || state.edits.history.with(|history| history.plan().id);
    let undo_label = move || {
        state.edits.history.with(|history| {
            history
                .undo_label()
                .map_or("Nothing to undo".to_string(), |label| {
                    format!("Undo: {label}")
                })
        })
    };
    let redo_label = move || {
        state.edits.history.with(|history| {
            history
                .redo_label()
                .map_or("Nothing to redo".to_string(), |label| {
                    format!("Redo: {label}")
                })
        })
    };
    let switch = move |event: leptos::ev::Event| match event_target_value(&event).as_str() {
        "new" => state.new_empty_plan(),
        "demo" => state.reset_demo(),
        value => {
            if let Ok(id) = value.parse::<PlanId>() {
                if id != current_id() {
                    state.open_stored(id);
                }
            }
        }
    };
    // The switcher lists the stored plans and the open one (which may not be
    // stored yet when storage is unavailable).
    let options = move || {
        let mut entries = state.saving.plans.get();
        let (id, name) = state
            .edits
            .history
            .with(|history| (history.plan().id, history.plan().name.clone()));
        match entries.iter_mut().find(|entry| entry.id == id) {
            Some(entry) => entry.name = name,
            None => entries.push(crate::storage::PlanEntry {
                id,
                name,
                created: None,
                exported: None,
            }),
        }
        entries
    };

    let renaming = RwSignal::new(false);
    let draft_name = RwSignal::new(String::new());
    let rename_error = RwSignal::new(None::<String>);
    // Leaves the name field; focus goes back to the button that opened it
    // (the field is gone), as a dialog gives it back to its opener.
    let stop_renaming = move || {
        renaming.set(false);
        rename_error.set(None);
        crate::browser::focus_after_render("plan-rename-button".to_string());
    };
    let rename = move || {
        let name = draft_name.get_untracked();
        if name.trim() == plan_name().trim() {
            stop_renaming();
            return;
        }
        match state.edits.execute(Command::RenamePlan(name)) {
            Ok(_) => stop_renaming(),
            Err(reason) => rename_error.set(Some(format!("Not renamed: {reason}"))),
        }
    };

    view! {
        <header class="app-header">
            <div class="app-header__brand">
                <span class="app-header__logo" aria-hidden="true">"◧"</span>
                <span class="app-header__product">"Opsboard"</span>
            </div>
            <div class="app-header__plan">
                {move || if renaming.get() {
                    view! {
                        <input class="app-header__rename" id="plan-rename" aria-label="Plan name"
                            aria-invalid=move || rename_error.with(Option::is_some).then_some("true")
                            aria-describedby=move || rename_error.with(Option::is_some).then_some("plan-rename-error")
                            prop:value=move || draft_name.get()
                            on:input=move |event| draft_name.set(event_target_value(&event))
                            on:keydown=move |event| match event.key().as_str() {
                                "Enter" => rename(),
                                "Escape" => stop_renaming(),
                                _ => {}
                            }/>
                        <button class="button button--quiet" on:click=move |_| rename()>"Save name"</button>
                        <span id="plan-rename-error" class="app-header__rename-error" role="alert">{move || rename_error.get()}</span>
                    }.into_any()
                } else {
                    view! {
                        <h1 class="app-header__title">{plan_name}</h1>
                        <button class="button button--quiet app-header__edit" id="plan-rename-button" aria-label="Rename the plan" title="Rename the plan"
                            on:click=move |_| {
                                draft_name.set(plan_name());
                                renaming.set(true);
                                crate::browser::focus_after_render("plan-rename".to_string());
                            }>"✎"</button>
                    }.into_any()
                }}
                <label class="visually-hidden" for="plan-switcher">"Switch plan"</label>
                <select id="plan-switcher" class="app-header__switcher" on:change=switch
                    prop:value=move || current_id().to_string()>
                    {move || {
                        let current = current_id();
                        options()
                            .into_iter()
                            .map(|entry| view! {
                                <option value=entry.id.to_string() selected=entry.id == current>{entry.name}</option>
                            })
                            .collect_view()
                    }}
                    <option value="new">"+ New empty plan"</option>
                    <option value="demo">"↺ Reset demo (opens a fresh copy)"</option>
                </select>
                <super::file_link::LinkStatus/>
            </div>
            <div class="app-header__actions">
                <label class="app-header__toggle" title="Whether tentative work (pipeline deals and unconfirmed bookings) counts in every load, utilisation, risk and money figure">
                    <input type="checkbox" prop:checked=move || state.figures.include_tentative.get()
                        on:change=move |event| state.figures.include_tentative.set(event_target_checked(&event))/>
                    " Include tentative work"
                </label>
                <button class="button button--quiet" on:click=move |_| state.edits.undo()
                    disabled=move || state.edits.history.with(|history| history.undo_label().is_none())
                    title=undo_label aria-label=undo_label>
                    "↶ Undo"
                </button>
                <button class="button button--quiet" on:click=move |_| state.edits.redo()
                    disabled=move || state.edits.history.with(|history| history.redo_label().is_none())
                    title=redo_label aria-label=redo_label>
                    "↷ Redo"
                </button>
                <button class="button" on:click=move |_| state.exchange.export()>"Export plan"</button>
            </div>
            <Nav/>
        </header>
    }
}

/// The named links to every view, as hash routes.
#[component]
fn Nav() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <nav class="app-nav" aria-label="Views">
            {Route::ALL
                .into_iter()
                .map(|route| {
                    view! {
                        <a
                            href=route.hash()
                            class="app-nav__link"
                            class:app-nav__link--current=move || state.routing.route.get() == route
                            aria-current=move || (state.routing.route.get() == route).then_some("page")
                        >
                            {route.label()}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// Banners about storage and other problems, each with what to do next.
#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="notices" aria-label="Notices">
            {move || state.notices.list.get().into_iter().map(|notice| view! {
                <div
                    class="notice"
                    class:notice--error=notice.kind() == NoticeKind::Error
                    role=if notice.kind() == NoticeKind::Error { "alert" } else { "status" }
                >
                    <p class="notice__message">{notice.message.clone()}</p>
                    {match notice.action() {
                        Some(NoticeAction::ExportNow) => view! {
                            <button class="button" on:click=move |_| state.exchange.export()>"Export plan now"</button>
                        }.into_any(),
                        Some(NoticeAction::OpenFiles) => view! {
                            <a class="button" href=Route::Files.hash()>"Open Files"</a>
                        }.into_any(),
                        Some(NoticeAction::ResolveConflict) => view! {
                            <button class="button" on:click=move |_| state.saving.load_other_version()>"Load the other version"</button>
                            <button class="button" on:click=move |_| state.saving.keep_this_version()>"Keep this version"</button>
                        }.into_any(),
                        None => ().into_any(),
                    }}
                    <button class="button button--quiet" aria-label="Dismiss this notice"
                        on:click=move |_| state.notices.dismiss(notice.id)>"✕"</button>
                </div>
            }).collect_view()}
        </section>
    }
}

/// The team board's marker: read-only, where the plan comes from, and the
/// way to a copy that can be edited; or why the hosted plan did not load.
#[component]
pub fn BoardBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.board.current.get().map(|board| match board.status {
            BoardStatus::Loading => view! {
                <div class="board-banner" role="status">
                    <p><strong>"Team board"</strong> " · loading " <code>{board.source}</code> "…"</p>
                </div>
            }
            .into_any(),
            BoardStatus::Ready => view! {
                <div class="board-banner" role="region" aria-label="Read-only team board">
                    <p>
                        <strong>"Read-only team board"</strong> " · from "
                        {if board.source == SHARED_LINK {
                            view! { <span>{board.source}</span> }.into_any()
                        } else {
                            view! { <code>{board.source}</code> }.into_any()
                        }}
                        " · nothing here can be changed or is stored in this browser."
                    </p>
                    <button class="button button--primary" on:click=move |_| state.make_local_copy()>"Make a local copy"</button>
                </div>
            }
            .into_any(),
            BoardStatus::Failed(reason) => view! {
                <div class="board-banner board-banner--failed" role="alert">
                    <p><strong>"The team board could not be opened."</strong> " " {reason}</p>
                    <button class="button" on:click=move |_| state.leave_board()>"Open the plans in this browser instead"</button>
                </div>
            }
            .into_any(),
        })
    }
}
