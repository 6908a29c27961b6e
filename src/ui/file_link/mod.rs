//! A plan linked to a file on disk, in a folder a team syncs: the Files
//! view's controls, the header's status, the banner, and the loop that
//! keeps the open plan and the file in step.
//!
//! A change to the plan is written to the file a moment later. Before each
//! write, when the tab shows again and every few seconds, the file is read;
//! if someone else wrote it, their changes are merged three-way against the
//! text this tab last read or wrote (`persist::link::reconcile`), as one
//! undoable edit, or, where both changed the same thing, the compare and
//! merge dialog asks first, and nothing is written until it is answered.
//! Tabs of one browser take turns through a Web Lock. The file and that
//! common text are remembered per plan in IndexedDB (`file_access`).
//!
//! The state is one plain value (`Inner`) and one signal of what the views
//! show (`Shown`), driven by the app's autosave effect, its page events and
//! one timer: every signal type and effect is code in the bundle.
//!
//! `mod.rs` is that state and its loop; `sync.rs` one read, merge and
//! write of the file; `picking.rs` linking, reconnecting and unlinking;
//! `views.rs` the header's status,
//! the banner and the Files view's panel.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::{AppState, ImportFailure, PendingMerge};
use crate::browser;
use crate::command::history::Revision;
use crate::command::Command;
use crate::file_access::{self, FileHandle, Link, Stored};
use crate::model::{Plan, PlanId};
use crate::persist;
use crate::persist::edits::{self, Edit};
use crate::persist::link::{self, LinkState, Reconciled};

mod picking;
mod sync;
mod views;

pub use views::{LinkBanner, LinkPanel, LinkStatus};

/// How long after a change the file is written (at once when the page is
/// hidden or left).
const WRITE_DELAY_MS: f64 = 800.0;
/// How often the file is read for others' changes while the page shows.
const CHECK_EVERY_MS: f64 = 5_000.0;
/// How often the timer looks at what is due.
const TICK_MS: i32 = 200;
/// The localStorage key of the planner's name.
const PLANNER_KEY: &str = "opsboard.planner";
/// The record's summary of the write that links a plan to a new file.
const SAVED_WHAT: &str = "Saved the plan to this file";
/// The id of the planner's name field.
const NAME_FIELD: &str = "planner-name";

/// The open plan's file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Linked {
    plan: PlanId,
    file_name: String,
}

/// What the views show about the file.
#[derive(Debug, Clone, PartialEq)]
struct Shown {
    linked: Option<Linked>,
    status: LinkState,
    /// Why the file could not be read or written, or a link not made.
    problem: Option<String>,
    /// The last merge of others' changes.
    merged: Option<String>,
    /// The file's record of who wrote it, as last read or written.
    edits: Vec<Edit>,
}

/// The file's text as last read or written here: the common version of the
/// next merge, and its plan when it reads as one.
#[derive(Debug, Clone)]
struct Base {
    text: String,
    plan: Option<Plan>,
}

/// Their version, waiting on the compare and merge dialog.
#[derive(Debug)]
struct Awaiting {
    base: Base,
    edits: Vec<Edit>,
    /// `AppState::merges_applied` when the dialog opened.
    applied_before: u32,
}

/// The loop's plain state: nothing shows it, so it is no signal.
#[derive(Debug, Default)]
struct Inner {
    handle: Option<FileHandle>,
    base: Option<Base>,
    awaiting: Option<Awaiting>,
    /// When (`Date.now()`) the pending write is due.
    write_due: Option<f64>,
    /// When the file is read next for others' changes.
    next_check: f64,
    running: bool,
    /// A run was asked for while one was under way.
    again: bool,
    /// The open plan as last seen.
    seen: Option<(PlanId, Revision)>,
    /// The revision a merge or an open made here: the file already has it.
    own_revision: Option<Revision>,
}

/// What a button or the loop asks for; one async task runs each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Open,
    Save,
    Reconnect,
    Review,
    Unlink,
    DismissMerged,
    DismissProblem,
    ShowFiles,
    /// Looks up the file of the plan that was opened.
    Follow(PlanId),
    /// Forgets the file of a plan that was unlinked.
    Forget(PlanId),
    Sync,
}

/// The linked file's state, in the context.
#[derive(Clone, Copy)]
pub struct FileLink {
    /// The planner's name, as the file's record shows it to others.
    planner: RwSignal<String>,
    shown: RwSignal<Shown>,
    inner: StoredValue<Inner, LocalStorage>,
    /// Whether this browser has the File System Access API.
    supported: bool,
}

impl FileLink {
    pub fn new() -> FileLink {
        let planner = web_sys::window()
            .and_then(|window| window.local_storage().ok().flatten())
            .and_then(|storage| storage.get_item(PLANNER_KEY).ok().flatten())
            .unwrap_or_default();
        FileLink {
            planner: RwSignal::new(planner),
            shown: RwSignal::new(Shown {
                linked: None,
                status: LinkState::InStep { written: None },
                problem: None,
                merged: None,
                edits: Vec::new(),
            }),
            inner: StoredValue::new_local(Inner::default()),
            supported: file_access::supported(),
        }
    }

    /// Starts the timer that writes pending changes and reads the file.
    pub fn start(self, state: AppState) {
        if self.supported {
            browser::after(TICK_MS, move || self.tick(state));
        }
    }

    /// Reads or changes the plain state. (Each closure handed to a signal
    /// copies the signal's code into the bundle: every access goes through
    /// one.)
    fn with_inner<T>(self, read: impl FnOnce(&mut Inner) -> T) -> Option<T> {
        let (mut read, mut out) = (Some(read), None);
        self.inner_dyn(&mut |inner| out = read.take().map(|read| read(inner)));
        out
    }

    fn inner_dyn(self, change: &mut dyn FnMut(&mut Inner)) {
        self.inner.try_update_value(|inner| change(inner));
    }

    /// Changes what the views show.
    fn show(self, change: impl FnOnce(&mut Shown)) {
        let mut change = Some(change);
        self.show_dyn(&mut |shown| {
            if let Some(change) = change.take() {
                change(shown)
            }
        });
    }

    fn show_dyn(self, change: &mut dyn FnMut(&mut Shown)) {
        self.shown.try_update(|shown| change(shown));
    }

    /// Reads what the views show, untracked.
    fn seen<T>(self, read: impl FnOnce(&Shown) -> T) -> Option<T> {
        let (mut read, mut out) = (Some(read), None);
        self.seen_dyn(&mut |shown| out = read.take().map(|read| read(shown)));
        out
    }

    fn seen_dyn(self, read: &mut dyn FnMut(&Shown)) {
        self.shown.try_with_untracked(|shown| read(shown));
    }

    fn status(self, status: LinkState) {
        self.show(|shown| shown.status = status);
    }

    fn linked(self) -> Option<Linked> {
        self.seen(|shown| shown.linked.clone()).flatten()
    }

    /// Looks at the open plan after the autosave effect saw it change:
    /// another plan's file is looked up, an edit is written a moment later.
    pub fn observe(self, state: AppState) {
        if !self.supported {
            return;
        }
        let Some(now) = where_now(state) else {
            return;
        };
        let Some(seen) = self.with_inner(|inner| inner.seen.replace(now)) else {
            return;
        };
        match seen {
            Some((plan, _)) if plan != now.0 => self.spawn(state, Action::Follow(now.0)),
            None => self.spawn(state, Action::Follow(now.0)),
            Some((_, revision)) if revision == now.1 => {}
            Some(_) => {
                let own = self.with_inner(|inner| inner.own_revision == Some(now.1));
                if own == Some(false) && self.active(state) {
                    self.status(LinkState::Pending);
                    self.with_inner(|inner| {
                        inner.write_due = Some(js_sys::Date::now() + WRITE_DELAY_MS);
                    });
                }
            }
        }
    }

    /// The page was hidden, shown or left: a pending change is written at
    /// once; a page shown again reads the file. Returns the file's name
    /// when a change is not written yet (the browser then asks before
    /// leaving).
    pub fn page_event(self, state: AppState) -> Option<String> {
        if !self.supported {
            return None;
        }
        let pending = self.with_inner(|inner| inner.write_due.take().is_some());
        if pending == Some(true) || !file_access::page_hidden() {
            self.spawn(state, Action::Sync);
        }
        let unwritten = pending == Some(true)
            || self.seen(|shown| shown.status == LinkState::Pending) == Some(true);
        self.linked()
            .filter(|_| unwritten)
            .map(|linked| linked.file_name)
    }

    /// Writes what is due, reads the file every few seconds while the page
    /// shows, and notices the compare and merge dialog closing.
    fn tick(self, state: AppState) {
        let now = js_sys::Date::now();
        // The app was unmounted: stop.
        let Some((due, dialog_closed)) = self.with_inner(|inner| {
            let check = !file_access::page_hidden() && now >= inner.next_check;
            let write = inner.write_due.is_some_and(|due| now >= due);
            if check || write {
                inner.write_due = None;
                inner.next_check = now + CHECK_EVERY_MS;
            }
            let dialog_closed = inner.awaiting.is_some()
                && state.exchange.merge.try_with_untracked(Option::is_none) == Some(true);
            (check || write, dialog_closed)
        }) else {
            return;
        };
        if dialog_closed {
            self.dialog_closed(state);
        } else if due {
            self.spawn(state, Action::Sync);
        }
        browser::after(TICK_MS, move || self.tick(state));
    }

    /// Whether the open plan is linked and its file may be read and
    /// written now.
    fn active(self, state: AppState) -> bool {
        let Some((open, _)) = where_now(state) else {
            return false;
        };
        let linked = self
            .seen(|shown| {
                shown
                    .linked
                    .as_ref()
                    .is_some_and(|linked| linked.plan == open)
                    && !matches!(
                        shown.status,
                        LinkState::Disconnected | LinkState::Unresolved
                    )
            })
            .unwrap_or(false);
        linked
            && !state.board.read_only()
            && self.with_inner(|inner| inner.awaiting.is_none()) == Some(true)
    }

    /// Runs `action`: at once when it needs no waiting, else as a task.
    fn act(self, state: AppState, action: Action) {
        match action {
            Action::DismissMerged => self.show(|shown| shown.merged = None),
            Action::DismissProblem => self.show(|shown| shown.problem = None),
            Action::ShowFiles => browser::navigate(super::Route::Files.hash()),
            Action::Review => {
                self.show(|shown| {
                    shown.status = LinkState::Pending;
                    shown.problem = None;
                });
                self.spawn(state, Action::Sync);
            }
            Action::Unlink => self.unlink(state),
            Action::Open | Action::Save if self.planner.get_untracked().trim().is_empty() => {
                self.show(|shown| {
                    shown.problem = Some(
                        "Give your name first: the file's recent changes show it to the others."
                            .to_string(),
                    )
                });
                browser::focus_after_render(NAME_FIELD.to_string());
            }
            _ => self.spawn(state, action),
        }
    }

    fn spawn(self, state: AppState, action: Action) {
        if action == Action::Sync {
            if !self.active(state) {
                return;
            }
            // One run at a time; a run asked for meanwhile follows it.
            let busy = self.with_inner(|inner| {
                let busy = inner.running;
                inner.again |= busy;
                inner.running = true;
                busy
            });
            if busy != Some(false) {
                return;
            }
        }
        spawn_local(self.run(state, action));
    }

    async fn run(self, state: AppState, action: Action) {
        match action {
            Action::Sync => loop {
                self.with_inner(|inner| inner.again = false);
                let handle = self.with_inner(|inner| inner.handle.clone()).flatten();
                if let (Some(handle), Some(linked)) = (handle, self.linked()) {
                    let lock = format!("opsboard.file.{}", linked.file_name);
                    file_access::locked(&lock, self.sync_once(state, handle, linked)).await;
                }
                let again = self.with_inner(|inner| {
                    inner.running = inner.again;
                    inner.again
                });
                if again != Some(true) {
                    break;
                }
            },
            Action::Follow(plan) => self.follow(state, plan).await,
            Action::Open => self.open_file(state).await,
            Action::Save => self.save_to_file(state).await,
            Action::Reconnect => self.reconnect(state).await,
            Action::Forget(plan) => {
                let _ = file_access::links(&plan.to_string(), Stored::Forget).await;
            }
            _ => {}
        }
    }

    /// Another plan was opened: forgets the last one's file and looks up
    /// this one's.
    async fn follow(self, state: AppState, id: PlanId) {
        if self.linked().is_some_and(|linked| linked.plan == id) {
            return;
        }
        self.clear();
        if where_now(state).is_none() || state.board.read_only() {
            return;
        }
        let Ok(Some(found)) = file_access::links(&id.to_string(), Stored::Load).await else {
            return;
        };
        let still_open = where_now(state).map(|(open, _)| open) == Some(id);
        if !still_open || self.linked().is_some() {
            return;
        }
        let (plan, file_edits) = match persist::decode_file(&found.base) {
            Ok((plan, file_edits)) => (Some(plan), file_edits),
            Err(_) => (None, Vec::new()),
        };
        let allowed = found.handle.allowed(false).await;
        self.link(
            id,
            found.handle,
            Base {
                text: found.base,
                plan,
            },
            file_edits,
        );
        if allowed {
            self.spawn(state, Action::Sync);
        } else {
            self.status(LinkState::Disconnected);
        }
    }

    fn clear(self) {
        self.with_inner(|inner| {
            *inner = Inner {
                running: inner.running,
                again: inner.again,
                seen: inner.seen,
                next_check: inner.next_check,
                ..Inner::default()
            }
        });
        self.show(|shown| {
            *shown = Shown {
                linked: None,
                status: LinkState::InStep { written: None },
                problem: None,
                merged: None,
                edits: Vec::new(),
            }
        });
    }

    fn link(self, plan: PlanId, handle: FileHandle, base: Base, file_edits: Vec<Edit>) {
        self.clear();
        let file_name = handle.name();
        self.with_inner(|inner| {
            inner.handle = Some(handle);
            inner.base = Some(base);
        });
        let status = in_step(&file_edits);
        self.show(|shown| {
            shown.linked = Some(Linked { plan, file_name });
            shown.edits = file_edits;
            shown.status = status;
        });
    }

    fn spawn_remember(self) {
        spawn_local(self.remember());
    }

    /// Keeps the link and its common version for the next visit.
    async fn remember(self) {
        let Some((Some(handle), Some(base))) = self.with_inner(|inner| {
            (
                inner.handle.clone(),
                inner.base.as_ref().map(|base| base.text.clone()),
            )
        }) else {
            return;
        };
        let Some(linked) = self.linked() else {
            return;
        };
        let link = Link { handle, base };
        if let Err(reason) = file_access::links(&linked.plan.to_string(), Stored::Keep(&link)).await
        {
            self.show(|shown| {
                shown.problem = Some(format!(
                    "This browser could not remember the link to {}: {reason}. It lasts until the page closes.",
                    linked.file_name
                ))
            });
        }
    }

    fn fail(self, reason: String) {
        self.show(|shown| {
            shown.problem = Some(reason);
            shown.status = LinkState::Failed;
        });
    }

    /// The compare and merge dialog closed: taken, their version is the
    /// common one and ours is written; cancelled, nothing is written until
    /// the person reviews the file's changes again.
    fn dialog_closed(self, state: AppState) {
        let Some(Some(awaiting)) = self.with_inner(|inner| inner.awaiting.take()) else {
            return;
        };
        if state.edits.merges_applied() > awaiting.applied_before {
            self.accept(awaiting.base, &awaiting.edits);
            self.status(LinkState::Pending);
            self.spawn(state, Action::Sync);
        } else {
            self.status(LinkState::Unresolved);
        }
    }
}

/// The open plan's id and revision. (Each closure handed to a signal
/// copies the signal's code into the bundle: the reads go through these.)
/// (`None` once the app is unmounted: a task may end after that.)
fn where_now(state: AppState) -> Option<(PlanId, Revision)> {
    state
        .edits
        .history
        .try_with_untracked(|history| (history.plan().id, history.revision()))
}

/// The open plan.
fn plan_now(state: AppState) -> Option<Plan> {
    state
        .edits
        .history
        .try_with_untracked(|history| history.plan().clone())
}

/// In step with the file, which was last written when its record says.
fn in_step(file_edits: &[Edit]) -> LinkState {
    let written = file_edits.first().and_then(|edit| {
        let local = file_access::local_time(&edit.at)?;
        Some(link::when_label(local, file_access::now_local().date()))
    });
    LinkState::InStep { written }
}
