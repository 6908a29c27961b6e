//! The app's state, as small contexts each owning one concern: the plan's
//! history and the commands that change it ([`Edits`]), the banners
//! ([`Notices`], each with its typed cause), saving to browser storage
//! ([`Saving`]), plan files in and out ([`Exchange`]), the read-only team
//! board ([`Board`]), the figures every view reads ([`Figures`]) and the
//! route ([`Routing`]). Each is a `Copy` handle of signals, provided as a
//! context of its own; [`AppState`] bundles them for the components that
//! need several, and holds the few steps that span them (opening a plan,
//! the team board's loading).

mod board;
mod edits;
mod exchange;
mod figures;
mod notices;
mod route;
mod saving;

pub use board::{Board, BoardStatus, TeamBoard, SHARED_LINK};
pub use edits::Edits;
pub use exchange::{Exchange, ImportFailure, PendingImport, PendingMerge};
pub use figures::Figures;
pub use notices::{Cause, Notice, NoticeAction, NoticeKind, Notices};
pub use route::{work_focus, work_hash, PlanFocus, Route, Routing};
pub use saving::{Saving, EXPORT_REMINDER_DAYS};

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::browser;
use crate::model::demo::demo_plan;
use crate::model::{Plan, PlanId};
use crate::storage;

/// Every context of the app, handed down as one context too.
#[derive(Clone, Copy)]
pub struct AppState {
    pub today: NaiveDate,
    pub edits: Edits,
    pub notices: Notices,
    pub saving: Saving,
    pub exchange: Exchange,
    pub board: Board,
    pub figures: Figures,
    pub routing: Routing,
}

impl AppState {
    /// Opens what storage holds, or the demo plan on a first visit; a share
    /// link or `?plan=` opens that plan read-only.
    pub fn start() -> AppState {
        let today = browser::today();
        let startup = storage::startup();
        let shared = browser::share_payload();
        let board_source = browser::query_param("plan")
            .filter(|source| !source.trim().is_empty())
            .or_else(|| shared.as_ref().map(|_| SHARED_LINK.to_string()));
        let fresh_id = || PlanId::next_after(startup.plans.iter().map(|entry| &entry.id));
        let plan = match (&board_source, startup.plan) {
            // The hosted plan replaces this placeholder when it has loaded.
            (Some(_), _) => Plan::empty(fresh_id(), "Team board", today),
            (None, Some(plan)) => plan,
            (None, None) => demo_plan(fresh_id(), today),
        };
        let board = Board::new(board_source.clone());
        let edits = Edits::new(plan, today, board);
        let notices = Notices::default();
        let saving = Saving::new(startup.plans, startup.available, edits, notices, board);
        let state = AppState {
            today,
            edits,
            notices,
            saving,
            exchange: Exchange::new(edits, saving, notices, board),
            board,
            figures: Figures::new(edits.history, today),
            routing: Routing::default(),
        };
        if startup.available {
            saving.start();
        }
        match (shared, board_source) {
            (Some(payload), _) => {
                leptos::task::spawn_local(async move { state.load_shared(payload).await });
            }
            (None, Some(source)) => {
                leptos::task::spawn_local(async move { state.load_board(source).await });
            }
            (None, None) => {}
        }
        for problem in startup.problems {
            notices.report(&problem);
        }
        state
    }

    /// Provides the bundle and each context on its own.
    pub fn provide(self) {
        provide_context(self);
        provide_context(self.edits);
        provide_context(self.notices);
        provide_context(self.saving);
        provide_context(self.exchange);
        provide_context(self.board);
        provide_context(self.figures);
        provide_context(self.routing);
    }

    /// Switches to `plan` with a fresh undo history (leaving a team board).
    pub fn open(&self, plan: Plan) {
        if self.board.read_only() {
            self.board.leave();
        }
        let name = plan.name.clone();
        self.saving.read_stamp(plan.id);
        self.figures.hidden_scenarios.set(Vec::new());
        self.edits.replace(plan);
        self.edits.announce(format!("Opened '{name}'"));
    }

    /// Switches to a stored plan.
    pub fn open_stored(&self, id: PlanId) {
        let state = *self;
        leptos::task::spawn_local(async move {
            match storage::load_latest(id).await {
                Ok(plan) => state.open(plan),
                Err(reason) => state.notices.notify(
                    Cause::OpenFailed,
                    format!("That plan could not be opened: {reason}"),
                ),
            }
        });
    }

    /// Opens a new empty plan.
    pub fn new_empty_plan(&self) {
        self.open(Plan::empty(
            self.saving.fresh_plan_id(),
            "New plan",
            self.today,
        ));
    }

    /// Opens a fresh copy of the demo plan.
    pub fn reset_demo(&self) {
        self.open(demo_plan(self.saving.fresh_plan_id(), self.today));
    }

    /// Opens the pending import as a new plan next to the others.
    pub fn import_as_new(&self) {
        if let Some(pending) = self.exchange.pending_import.get_untracked() {
            Exchange::keep_received(&pending.plan);
            let mut plan = pending.plan;
            plan.id = self.saving.fresh_plan_id();
            self.exchange.pending_import.set(None);
            self.open(plan);
        }
    }
}
