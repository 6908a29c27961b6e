//! The app's state: one signal holding the plan's edit history, and the few
//! signals around it (stored plans, notices, announcements, the route).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::browser;
use crate::command::history::Revision;
use crate::command::{Command, History};
use crate::engine::capacity::{self, Capacity, Options};
use crate::engine::priority;
use crate::engine::risks::{self, Risk};
use crate::model::demo::demo_plan;
use crate::model::{ActivityId, Lineage, MetricId, Plan, PlanId, ScenarioId};
use crate::persist::diff::{self, Comparison};
use crate::persist::{self, ImportError};
use crate::storage::{self, PlanEntry, Problem};

/// A view of the app, reached by a hash route such as `#/board`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Plan,
    Week,
    Work,
    Board,
    People,
    Skills,
    Capacity,
    CheckIn,
    Money,
    Report,
    Files,
}

impl Route {
    pub const ALL: [Route; 11] = [
        Route::Plan,
        Route::Week,
        Route::Work,
        Route::Board,
        Route::People,
        Route::Skills,
        Route::Capacity,
        Route::CheckIn,
        Route::Money,
        Route::Report,
        Route::Files,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Route::Plan => "Plan",
            Route::Week => "This week",
            Route::Work => "Work",
            Route::Board => "Board",
            Route::People => "People",
            Route::Skills => "Skills",
            Route::Capacity => "Capacity",
            Route::CheckIn => "Check-in",
            Route::Money => "Money",
            Route::Report => "Report",
            Route::Files => "Files",
        }
    }

    pub fn hash(self) -> &'static str {
        match self {
            Route::Plan => "#/plan",
            Route::Week => "#/week",
            Route::Work => "#/work",
            Route::Board => "#/board",
            Route::People => "#/people",
            Route::Skills => "#/skills",
            Route::Capacity => "#/capacity",
            Route::CheckIn => "#/check-in",
            Route::Money => "#/money",
            Route::Report => "#/report",
            Route::Files => "#/files",
        }
    }

    /// The route of a location hash; unknown hashes open the Plan view.
    pub fn from_hash(hash: &str) -> Route {
        let view = hash.split(['?', '/']).nth(1).unwrap_or_default();
        Route::ALL
            .into_iter()
            .find(|route| route.hash()[2..] == *view)
            .unwrap_or(Route::Plan)
    }
}

/// What the Plan view opens: an editor, reached by a link such as
/// `#/plan/activity/act-3`, so health findings can point at the place to fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanFocus {
    Overview,
    Goal,
    NewMetric,
    Metric(MetricId),
    NewActivity,
    Activity(ActivityId),
    /// The activity's form with its owner suggestions open.
    SuggestOwner(ActivityId),
}

impl PlanFocus {
    pub fn from_hash(hash: &str) -> PlanFocus {
        let mut parts = hash.split('/').skip(2);
        match (parts.next(), parts.next(), parts.next()) {
            (Some("goal"), None, None) => PlanFocus::Goal,
            (Some("metric"), Some("new"), None) => PlanFocus::NewMetric,
            (Some("metric"), Some(id), None) => {
                id.parse().map_or(PlanFocus::Overview, PlanFocus::Metric)
            }
            (Some("activity"), Some("new"), None) => PlanFocus::NewActivity,
            (Some("activity"), Some(id), None) => {
                id.parse().map_or(PlanFocus::Overview, PlanFocus::Activity)
            }
            (Some("activity"), Some(id), Some("suggest")) => id
                .parse()
                .map_or(PlanFocus::Overview, PlanFocus::SuggestOwner),
            _ => PlanFocus::Overview,
        }
    }

    pub fn hash(self) -> String {
        match self {
            PlanFocus::Overview => "#/plan".to_string(),
            PlanFocus::Goal => "#/plan/goal".to_string(),
            PlanFocus::NewMetric => "#/plan/metric/new".to_string(),
            PlanFocus::Metric(id) => format!("#/plan/metric/{id}"),
            PlanFocus::NewActivity => "#/plan/activity/new".to_string(),
            PlanFocus::Activity(id) => format!("#/plan/activity/{id}"),
            PlanFocus::SuggestOwner(id) => format!("#/plan/activity/{id}/suggest"),
        }
    }
}

/// Where a piece of work is edited: an initiative in the Plan view's form,
/// work of the book of work on the Work view.
pub fn work_hash(plan: &Plan, id: ActivityId) -> String {
    match plan.activity(id) {
        Some(activity) if !activity.is_initiative() => format!("#/work/{id}"),
        _ => PlanFocus::Activity(id).hash(),
    }
}

/// The engagement the Work view opens, from a hash such as `#/work/act-7`.
pub fn work_focus(hash: &str) -> Option<ActivityId> {
    let mut parts = hash.split(['/', '?']).skip(2);
    parts.next().and_then(|id| id.parse().ok())
}

/// How a notice looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Error,
    Warning,
}

/// What a notice offers to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeAction {
    ExportNow,
    OpenFiles,
    /// Another tab saved the plan: load that version or keep this one.
    ResolveConflict,
}

/// A banner above the views.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    pub message: String,
    pub action: Option<NoticeAction>,
}

/// A plan file that was read and checked, waiting for "replace" or "open as new".
#[derive(Debug, Clone, PartialEq)]
pub struct PendingImport {
    pub file_name: String,
    pub plan: Plan,
}

/// A plan file compared with the open plan, waiting for the person to pick
/// the changes to take.
#[derive(Debug, Clone)]
pub struct PendingMerge {
    pub file_name: String,
    pub comparison: Comparison,
    /// Whether each change of `comparison` is taken.
    pub taken: Vec<bool>,
    /// Why the picked changes could not be applied.
    pub error: Option<String>,
    /// Their plan, kept as a common version once merged.
    theirs: Plan,
}

impl PendingMerge {
    /// `comparison` with `theirs` waiting for the person, their suggested
    /// changes picked.
    pub fn new(file_name: String, comparison: Comparison, theirs: Plan) -> PendingMerge {
        let taken = comparison
            .changes
            .iter()
            .map(|change| change.suggested)
            .collect();
        PendingMerge {
            file_name,
            comparison,
            taken,
            error: None,
            theirs,
        }
    }
}

/// A plan file that could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportFailure {
    pub file_name: String,
    pub message: String,
    pub path: Option<String>,
}

/// A plan shown read-only from a file hosted beside the app
/// (`index.html?plan=team.opsboard.json`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamBoard {
    /// The file's address as given.
    pub source: String,
    pub status: BoardStatus,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoardStatus {
    Loading,
    Ready,
    Failed(String),
}

/// The capacity of the open plan over its horizon with `options`, kept
/// between edits: a drop or its undo is counted into the last one (see
/// `capacity::Kept`), anything else counted again.
fn load_memo(
    history: RwSignal<History>,
    options: Memo<Options>,
    today: NaiveDate,
) -> Memo<Capacity> {
    let kept = StoredValue::new((None::<Revision>, capacity::Kept::default()));
    Memo::new_with_compare(
        move |_| {
            let options = options.get();
            history.with(|history| {
                let plan = history.plan();
                kept.try_update_value(|(seen, kept)| {
                    let changed = seen.and_then(|seen| history.changes_since(seen));
                    *seen = Some(history.revision());
                    kept.compute(plan, changed.as_deref(), plan.horizon, &options, today)
                })
                .unwrap_or_else(|| capacity::compute(plan, plan.horizon, &options, today))
            })
        },
        // Whatever reads it reads the plan too: comparing would only cost.
        |_, _| true,
    )
}

/// A plan not exported for this many days gets a reminder.
pub const EXPORT_REMINDER_DAYS: i64 = 7;

/// The source a plan opened from a share link is shown with.
pub const SHARED_LINK: &str = "a shared link";

/// Everything the components share, handed down as a context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The plan being edited and its undo/redo stacks.
    pub history: RwSignal<History>,
    pub today: NaiveDate,
    /// The plans kept in this browser.
    pub plans: RwSignal<Vec<PlanEntry>>,
    pub notices: RwSignal<Vec<Notice>>,
    /// Read out by screen readers (an `aria-live` region).
    pub announcement: RwSignal<String>,
    pub route: RwSignal<Route>,
    /// The editor the Plan view shows, from the same hash.
    pub plan_focus: RwSignal<PlanFocus>,
    /// The engagement the Work view opens (`#/work/act-7`), if any.
    pub work_focus: RwSignal<Option<ActivityId>>,
    pub storage_available: RwSignal<bool>,
    pub pending_import: RwSignal<Option<PendingImport>>,
    pub import_failure: RwSignal<Option<ImportFailure>>,
    pub merge: RwSignal<Option<PendingMerge>>,
    /// Set while a hosted plan is shown read-only: nothing is edited or
    /// stored until a local copy is made.
    pub board: RwSignal<Option<TeamBoard>>,
    /// Whether the browser promised to keep this site's storage (`None`
    /// until it answered).
    pub persistent: RwSignal<Option<bool>>,
    /// "Include tentative work": whether pipeline work counts in every
    /// load, utilisation and risk the views show.
    pub include_tentative: RwSignal<bool>,
    /// The what-if scenarios hidden everywhere (their work left out).
    pub hidden_scenarios: RwSignal<Vec<ScenarioId>>,
    /// What counts, from the two above.
    pub options: Memo<Options>,
    /// The open plan's capacity over its horizon, as the views count it:
    /// the one computation every person-week figure outside the Capacity
    /// view reads (that view computes the weeks it shows the same way).
    pub load: Memo<Capacity>,
    /// The open plan's risks, from `load`.
    pub risks: Memo<Vec<Risk>>,
    /// The open initiatives by priority: Plan, This week and the Check-in
    /// read this one ranking, worked out once a change.
    pub ranking: Memo<priority::Ranking>,
    /// The save stamp of the open plan as this tab last read or wrote it
    /// (see `storage`): a save finding another one was made by another tab.
    stamp: StoredValue<Option<String>>,
    /// Set while a plan is written to IndexedDB, with the save asked for
    /// meanwhile (made when the write ends, so saves stay in order).
    large_save: StoredValue<Option<Option<storage::Expect>>>,
    next_notice: StoredValue<u32>,
    /// The labels of the edits, undos and redos since the plan's linked
    /// file was last written, oldest first (see `ui::file_link`).
    edit_labels: StoredValue<Vec<String>>,
    /// How many comparisons were applied: the linked file waits for its own.
    merges_applied: StoredValue<u32>,
}

impl AppState {
    /// Opens what storage holds, or the demo plan on a first visit.
    pub fn start() -> AppState {
        let today = browser::today();
        let startup = storage::startup();
        let shared = browser::share_payload();
        let board_source = browser::query_param("plan")
            .filter(|source| !source.trim().is_empty())
            .or_else(|| shared.as_ref().map(|_| SHARED_LINK.to_string()));
        let plan = match (&board_source, startup.plan) {
            // The hosted plan replaces this placeholder when it has loaded.
            (Some(_), _) => Plan::empty(
                PlanId::next_after(startup.plans.iter().map(|entry| &entry.id)),
                "Team board",
                today,
            ),
            (None, Some(plan)) => plan,
            (None, None) => {
                let id = PlanId::next_after(startup.plans.iter().map(|entry| &entry.id));
                demo_plan(id, today)
            }
        };
        let history = RwSignal::new(History::new(plan));
        let include_tentative = RwSignal::new(true);
        let hidden_scenarios = RwSignal::new(Vec::new());
        let options = Memo::new(move |_| Options {
            include_tentative: include_tentative.get(),
            hidden_scenarios: hidden_scenarios.get(),
        });
        let load = load_memo(history, options, today);
        let risks = Memo::new(move |_| {
            load.with(|load| history.with(|history| risks::risks_with(history.plan(), load, today)))
        });
        let ranking =
            Memo::new(move |_| history.with(|history| priority::rank(history.plan(), today)));
        let state = AppState {
            history,
            today,
            plans: RwSignal::new(startup.plans),
            notices: RwSignal::new(Vec::new()),
            announcement: RwSignal::new(String::new()),
            route: RwSignal::new(Route::Plan),
            plan_focus: RwSignal::new(PlanFocus::Overview),
            work_focus: RwSignal::new(None),
            storage_available: RwSignal::new(startup.available),
            pending_import: RwSignal::new(None),
            import_failure: RwSignal::new(None),
            merge: RwSignal::new(None),
            board: RwSignal::new(board_source.clone().map(|source| TeamBoard {
                source,
                status: BoardStatus::Loading,
            })),
            persistent: RwSignal::new(None),
            include_tentative,
            hidden_scenarios,
            options,
            load,
            risks,
            ranking,
            stamp: StoredValue::new(None),
            large_save: StoredValue::new(None),
            next_notice: StoredValue::new(1),
            edit_labels: StoredValue::new(Vec::new()),
            merges_applied: StoredValue::new(0),
        };
        let open_id = state.history.with_untracked(|history| history.plan().id);
        state.stamp.set_value(storage::stamp(open_id));
        if startup.available {
            leptos::task::spawn_local(async move {
                state.persistent.set(storage::request_persistence().await);
            });
            state.remind_to_export();
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
            state.report(&problem);
        }
        state
    }

    /// Shows a storage problem as a banner (once).
    pub fn report(&self, problem: &Problem) {
        let (kind, action) = match problem {
            Problem::Unavailable(_) => (NoticeKind::Warning, Some(NoticeAction::ExportNow)),
            Problem::Unreadable { .. } => (NoticeKind::Error, Some(NoticeAction::OpenFiles)),
            Problem::Full | Problem::SaveFailed(_) => {
                (NoticeKind::Error, Some(NoticeAction::ExportNow))
            }
            Problem::ChangedElsewhere { .. } => {
                (NoticeKind::Error, Some(NoticeAction::ResolveConflict))
            }
            Problem::LargeUnreadable { .. } => (NoticeKind::Error, None),
        };
        self.notify(kind, problem.message(), action);
    }

    /// Adds a banner unless the same one is showing.
    pub fn notify(&self, kind: NoticeKind, message: String, action: Option<NoticeAction>) {
        if self
            .notices
            .with_untracked(|notices| notices.iter().any(|notice| notice.message == message))
        {
            return;
        }
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        self.notices.update(|notices| {
            notices.push(Notice {
                id,
                kind,
                message,
                action,
            })
        });
    }

    pub fn dismiss(&self, id: u32) {
        self.notices
            .update(|notices| notices.retain(|notice| notice.id != id));
    }

    /// Loads the hosted plan of a team board: only from the app's own site,
    /// and checked like any imported file; a failure is shown, not a blank
    /// page.
    async fn load_board(self, source: String) {
        let loaded = match browser::same_origin_url(&source) {
            Ok(url) => browser::fetch_text(&url).await.and_then(|text| {
                persist::decode(&text)
                    .map_err(|error| format!("{source} is not a plan this app can open: {error}"))
            }),
            Err(reason) => Err(reason),
        };
        self.show_board(source, loaded);
    }

    /// A share link pasted into a tab where the app is already open.
    pub fn open_shared(&self, payload: String) {
        // Keep the open plan's last change before the board takes over.
        self.save();
        self.board.set(Some(TeamBoard {
            source: SHARED_LINK.to_string(),
            status: BoardStatus::Loading,
        }));
        let state = *self;
        leptos::task::spawn_local(async move { state.load_shared(payload).await });
    }

    /// Opens the plan packed into a share link, read-only like a team board.
    async fn load_shared(self, payload: String) {
        let loaded = match persist::share::from_base64url(&payload) {
            _ if payload.len() > persist::share::SHARE_LINK_LIMIT => Err(format!(
                "the link is longer than {} characters, more than Opsboard ever makes: ask for the plan file",
                persist::share::SHARE_LINK_LIMIT
            )),
            None => Err(
                "the link is cut or damaged: ask for it again, or for the plan file".to_string(),
            ),
            Some(bytes) => browser::inflate(&bytes)
                .await
                .map_err(|reason| {
                    format!("the link could not be read: {reason}; ask for the plan file")
                })
                .and_then(|text| {
                    persist::decode(&text).map_err(|error| {
                        format!("the link holds no plan this app can open: {error}")
                    })
                }),
        };
        self.show_board(SHARED_LINK.to_string(), loaded);
    }

    fn show_board(&self, source: String, loaded: Result<Plan, String>) {
        // The person may have left the board while it loaded.
        if self.board.with_untracked(|board| {
            board.as_ref().map(|board| &board.status) != Some(&BoardStatus::Loading)
        }) {
            return;
        }
        let status = match loaded {
            Ok(mut plan) => {
                // Its own id, so it never hides a stored plan of the same id.
                plan.id = self.fresh_plan_id();
                let name = plan.name.clone();
                self.history.set(History::new(plan));
                self.announce(format!("Opened '{name}', read-only"));
                BoardStatus::Ready
            }
            Err(reason) => BoardStatus::Failed(reason),
        };
        self.board.set(Some(TeamBoard { source, status }));
    }

    /// A link to the open plan, packed into the address's fragment (nothing
    /// is sent to a server), or why not: too large for a link.
    pub async fn share_link(&self) -> Result<String, String> {
        let text = self
            .history
            .with_untracked(|history| persist::encode_compact(history.plan()));
        let packed = browser::deflate(&text).await.map_err(|reason| {
            format!("No share link: {reason}. Send the plan file instead (Export plan).")
        })?;
        let packed = persist::share::to_base64url(&packed);
        let link = format!("{}#/plan?share={packed}", browser::app_url());
        if link.len() > persist::share::SHARE_LINK_LIMIT {
            return Err(format!(
                "This plan is too large for a link: {} characters, and links are kept under {}. Send the plan file instead (Export plan).",
                link.len(),
                persist::share::SHARE_LINK_LIMIT
            ));
        }
        Ok(link)
    }

    /// Whether the plan shown is a read-only team board.
    pub fn read_only(&self) -> bool {
        self.board.with_untracked(Option::is_some)
    }

    /// Keeps the team board's plan in this browser as a new plan, to edit.
    pub fn make_local_copy(&self) {
        if self.board.with_untracked(|board| {
            board.as_ref().map(|board| board.status.clone()) != Some(BoardStatus::Ready)
        }) {
            return;
        }
        let mut plan = self
            .history
            .with_untracked(|history| history.plan().clone());
        plan.id = self.fresh_plan_id();
        self.board.set(None);
        browser::forget_plan_param();
        self.open(plan);
        self.save();
        self.announce(
            "Made a local copy of the team board: edits are saved in this browser".to_string(),
        );
    }

    /// Leaves a team board that could not be loaded for the plans kept in
    /// this browser.
    pub fn leave_board(&self) {
        self.board.set(None);
        browser::forget_plan_param();
        let startup = storage::startup();
        let plan = startup
            .plan
            .unwrap_or_else(|| demo_plan(self.fresh_plan_id(), self.today));
        self.plans.set(startup.plans);
        self.open(plan);
    }

    /// Applies a command; announces what it did, or returns why not.
    pub fn execute(&self, command: Command) -> Result<String, String> {
        if self.read_only() {
            let message =
                "This team board is read-only: make a local copy to change it.".to_string();
            self.announce(message.clone());
            return Err(message);
        }
        let mut result = Ok(String::new());
        let mut changed = false;
        // A refused command leaves the history as it was: nothing is told
        // to redraw (a form keeps its message; a large plan is not redrawn).
        self.history.update_untracked(|history| {
            let before = history.revision();
            result = history
                .execute(&command, self.today)
                .map_err(|error| error.to_string());
            changed = history.revision() != before;
        });
        if result.is_ok() {
            self.history.notify();
        }
        if let (true, Ok(summary)) = (changed, &result) {
            self.note_edit(summary.clone());
        }
        match &result {
            Ok(summary) => self.announce(summary.clone()),
            Err(message) => self.announce(format!("Not changed: {message}")),
        }
        result
    }

    pub fn undo(&self) {
        let mut undone = None;
        self.history.update(|history| undone = history.undo());
        if let Some(summary) = undone {
            self.announce(format!("Undone: {summary}"));
            self.note_edit(format!("Undid: {summary}"));
        }
    }

    pub fn redo(&self) {
        let mut redone = None;
        self.history.update(|history| redone = history.redo());
        if let Some(summary) = redone {
            self.announce(format!("Redone: {summary}"));
            self.note_edit(format!("Redid: {summary}"));
        }
    }

    pub fn announce(&self, message: String) {
        self.announcement.set(message);
    }

    /// Remembers what an edit did, for the linked file's record.
    fn note_edit(&self, label: String) {
        // Enough for a record's summary, which is cut at 200 characters.
        const KEPT: usize = 30;
        self.edit_labels.update_value(|labels| {
            labels.push(label);
            if labels.len() > KEPT {
                labels.drain(..labels.len() - KEPT);
            }
        });
    }

    /// The labels of the edits since they were last taken, oldest first.
    pub fn take_edit_labels(&self) -> Vec<String> {
        self.edit_labels
            .try_update_value(std::mem::take)
            .unwrap_or_default()
    }

    /// Puts labels taken back (a write that failed), before any noted since.
    pub fn restore_edit_labels(&self, mut labels: Vec<String>) {
        self.edit_labels.update_value(|newer| {
            labels.append(newer);
            *newer = labels;
        });
    }

    /// How many comparisons were applied so far.
    pub fn merges_applied(&self) -> u32 {
        self.merges_applied.get_value()
    }

    /// Switches to `plan` with a fresh undo history.
    pub fn open(&self, plan: Plan) {
        // Opening another plan leaves a team board.
        if self.read_only() {
            self.board.set(None);
            browser::forget_plan_param();
        }
        let name = plan.name.clone();
        self.stamp.set_value(storage::stamp(plan.id));
        self.edit_labels.set_value(Vec::new());
        self.hidden_scenarios.set(Vec::new());
        self.history.set(History::new(plan));
        self.announce(format!("Opened '{name}'"));
    }

    /// Switches to a stored plan.
    pub fn open_stored(&self, id: PlanId) {
        let state = *self;
        leptos::task::spawn_local(async move {
            match storage::load_latest(id).await {
                Ok(plan) => state.open(plan),
                Err(reason) => state.notify(
                    NoticeKind::Error,
                    format!("That plan could not be opened: {reason}"),
                    None,
                ),
            }
        });
    }

    /// A plan id not used by any stored plan or the open one.
    pub fn fresh_plan_id(&self) -> PlanId {
        let current = self.history.with_untracked(|history| history.plan().id);
        self.plans.with_untracked(|plans| {
            PlanId::next_after(
                plans
                    .iter()
                    .map(|entry| &entry.id)
                    .chain(std::iter::once(&current)),
            )
        })
    }

    /// Opens a new empty plan.
    pub fn new_empty_plan(&self) {
        self.open(Plan::empty(self.fresh_plan_id(), "New plan", self.today));
    }

    /// Opens a fresh copy of the demo plan.
    pub fn reset_demo(&self) {
        self.open(demo_plan(self.fresh_plan_id(), self.today));
    }

    /// Writes the open plan to storage; reports a failure as a banner. A
    /// team board is never stored.
    pub fn save(&self) {
        // A save timer may fire after the app was unmounted (the component
        // tests mount and drop it): nothing to save then.
        let Some(stamp) = self.stamp.try_get_value() else {
            return;
        };
        self.save_expecting(&storage::Expect::Stamp(stamp));
    }

    fn save_expecting(&self, expect: &storage::Expect) {
        if !self.storage_available.get_untracked() || self.read_only() {
            return;
        }
        if self.large_save.with_value(Option::is_some) {
            // A save to IndexedDB is under way: this one follows it.
            self.large_save.set_value(Some(Some(expect.clone())));
            return;
        }
        let stamp = browser::random_id();
        let result = self
            .history
            .with_untracked(|history| storage::save(history.plan(), self.today, expect, &stamp));
        match result {
            Ok(storage::Saved::Done(plans, stored)) => self.saved(self.open_id(), plans, stored),
            Ok(storage::Saved::Large(job)) => {
                self.large_save.set_value(Some(None));
                let (state, id) = (*self, self.open_id());
                leptos::task::spawn_local(async move {
                    let result = storage::save_large(job).await;
                    // The app may have been unmounted meanwhile.
                    let Some(queued) = state.large_save.try_update_value(Option::take) else {
                        return;
                    };
                    match result {
                        Ok((plans, stored)) => state.saved(id, plans, stored),
                        Err(problem) => state.report(&problem),
                    }
                    match queued.flatten() {
                        Some(storage::Expect::Anything) => {
                            state.save_expecting(&storage::Expect::Anything);
                        }
                        Some(storage::Expect::Stamp(_)) => state.save(),
                        None => {}
                    }
                });
            }
            Err(problem) => self.report(&problem),
        }
    }

    /// Whether a plan is being written to IndexedDB, or a save waits for
    /// that write.
    pub fn saving_large(&self) -> bool {
        self.large_save
            .try_with_value(Option::is_some)
            .unwrap_or(false)
    }

    fn open_id(&self) -> PlanId {
        self.history.with_untracked(|history| history.plan().id)
    }

    /// Plan `id` was saved with `stamp`: remembered while it is still the
    /// open plan (a save to IndexedDB may end after another plan opened).
    fn saved(&self, id: PlanId, plans: Vec<PlanEntry>, stamp: Option<String>) {
        if self.open_id() == id {
            self.stamp.set_value(stamp);
        }
        self.plans.set(plans);
        // A successful save clears earlier save failures.
        self.notices.update(|notices| {
            notices.retain(|notice| {
                !matches!(notice.action, Some(NoticeAction::ResolveConflict))
                    && notice.message != Problem::Full.message()
                    && !notice
                        .message
                        .starts_with("Your last change could not be saved")
            })
        });
    }

    /// Another tab saved the open plan (a `storage` event). With nothing
    /// unsaved here the plan is brought up to date; otherwise the next save
    /// here finds the other stamp and asks what to keep.
    pub fn changed_in_other_tab(&self, unsaved_here: bool) {
        // A save to IndexedDB under way is unsaved too: it finds the other
        // tab's stamp and asks what to keep.
        if self.read_only() || unsaved_here || self.saving_large() {
            return;
        }
        if storage::stamp(self.open_id()) == self.stamp.get_value() {
            return;
        }
        self.load_version(Some("Updated with a change saved in another tab"));
    }

    /// Re-reads the list of stored plans (another tab added or renamed one).
    pub fn refresh_plan_list(&self) {
        if let Some(plans) = storage::plan_list() {
            self.plans.set(plans);
        }
    }

    /// Replaces this tab's plan with the version another tab saved.
    pub fn load_other_version(&self) {
        self.load_version(None);
    }

    fn load_version(&self, announcement: Option<&'static str>) {
        let (state, id) = (*self, self.open_id());
        leptos::task::spawn_local(async move {
            let read = storage::load_latest(id).await;
            // Another plan may have been opened meanwhile (or the app
            // unmounted).
            if state
                .history
                .try_with_untracked(|history| history.plan().id)
                != Some(id)
            {
                return;
            }
            match read {
                Ok(plan) => {
                    state.history.set(History::new(plan));
                    state.stamp.set_value(storage::stamp(id));
                    state.notices.update(|notices| {
                        notices
                            .retain(|notice| notice.action != Some(NoticeAction::ResolveConflict))
                    });
                    if let Some(message) = announcement {
                        state.announce(message.to_string());
                    }
                }
                Err(reason) => state.notify(
                    NoticeKind::Error,
                    format!("The other version could not be read: {reason}"),
                    None,
                ),
            }
        });
    }

    /// Saves this tab's version over the one another tab saved.
    pub fn keep_this_version(&self) {
        self.save_expecting(&storage::Expect::Anything);
        self.announce("Saved this version over the other one".to_string());
    }

    /// Reminds to export a plan not exported for a week: browsers may clear
    /// a site's storage (Safari after 7 days without a visit).
    fn remind_to_export(&self) {
        let id = self.history.with_untracked(|history| history.plan().id);
        let Some(entry) = self
            .plans
            .with_untracked(|plans| plans.iter().find(|entry| entry.id == id).cloned())
        else {
            return;
        };
        let since = |date: NaiveDate| (self.today - date).num_days();
        let message = match (entry.exported, entry.created) {
            (Some(exported), _) if since(exported) >= EXPORT_REMINDER_DAYS => format!(
                "\"{}\" was last exported {} days ago.",
                entry.name,
                since(exported)
            ),
            (None, Some(created)) if since(created) >= EXPORT_REMINDER_DAYS => format!(
                "\"{}\" has been kept only in this browser for {} days and was never exported.",
                entry.name,
                since(created)
            ),
            _ => return,
        };
        self.notify(
            NoticeKind::Warning,
            format!("{message} Browsers may clear a site's data (Safari after 7 days without a visit): a plan file is the copy that lasts."),
            Some(NoticeAction::ExportNow),
        );
    }

    /// Downloads the open plan as a plan file.
    pub fn export(&self) {
        let (name, text) = self.export_text(|plan| plan.clone());
        match browser::download(&name, "application/json", &text) {
            Ok(()) => {
                if !self.read_only() {
                    let id = self.history.with_untracked(|history| history.plan().id);
                    if let Some(plans) = storage::mark_exported(id, self.today) {
                        self.plans.set(plans);
                    }
                    self.notices.update(|notices| {
                        notices.retain(|notice| {
                            !notice
                                .message
                                .contains("a plan file is the copy that lasts")
                        })
                    });
                }
                self.announce(format!("Exported {name}"))
            }
            Err(reason) => self.notify(
                NoticeKind::Error,
                format!("The export failed: {reason}"),
                None,
            ),
        }
    }

    /// A plan file of `copy` of the open plan (the plan itself, or its
    /// client-safe copy) as a revision (see `persist::revision_of`): the plan
    /// remembers it (and gets its random origin id on its first export), and this
    /// browser keeps the file as the common version of a later merge with
    /// what comes back. Returns the file's name and text.
    pub fn export_text(&self, copy: impl FnOnce(&Plan) -> Plan) -> (String, String) {
        let mut exported = self.history.with_untracked(|history| copy(history.plan()));
        // The revision is the content's hash: an unchanged plan exports to
        // the same bytes.
        let revision = persist::revision_of(&exported);
        let lineage = exported
            .lineage
            .clone()
            .unwrap_or_else(|| Lineage {
                origin: browser::random_id(),
                revisions: Vec::new(),
            })
            .with_revision(&revision);
        exported.lineage = Some(lineage.clone());
        // A team board is not stored: it keeps no lineage or common versions.
        if !self.read_only() {
            self.history
                .update_untracked(|history| history.set_lineage(Some(lineage.clone())));
            storage::keep_base(
                &lineage.origin,
                &revision,
                &persist::encode_compact(&exported),
            );
            self.save();
        }
        (persist::file_name(&exported), persist::encode(&exported))
    }

    /// Gives the open plan its random origin id if it has none yet (the
    /// calendar's event ids are made from it).
    pub fn ensure_origin(&self) {
        if self.read_only() || self.history.with_untracked(|h| h.plan().lineage.is_some()) {
            return;
        }
        let lineage = Lineage {
            origin: browser::random_id(),
            revisions: Vec::new(),
        };
        self.history
            .update_untracked(|history| history.set_lineage(Some(lineage)));
        self.save();
    }

    /// Keeps a received plan as the common version of a later merge.
    fn keep_received(plan: &Plan) {
        if let Some(lineage) = &plan.lineage {
            if let Some(revision) = lineage.revisions.first() {
                storage::keep_base(&lineage.origin, revision, &persist::encode_compact(plan));
            }
        }
    }

    /// Compares the pending import with the open plan, three-way when this
    /// browser kept their common version.
    pub fn compare_pending(&self) {
        let Some(pending) = self.pending_import.get_untracked() else {
            return;
        };
        let ours = self
            .history
            .with_untracked(|history| history.plan().clone());
        let base = diff::common_revision(
            ours.lineage.as_ref(),
            pending.plan.lineage.as_ref(),
            |revision| {
                ours.lineage
                    .as_ref()
                    .is_some_and(|lineage| storage::has_base(&lineage.origin, revision))
            },
        )
        .and_then(|revision| storage::load_base(&ours.lineage.as_ref()?.origin, &revision));
        match diff::compare(&ours, &pending.plan, base.as_ref()) {
            Ok(comparison) => {
                self.pending_import.set(None);
                self.import_failure.set(None);
                self.announce(format!(
                    "{} differences from {}",
                    comparison.changes.len(),
                    pending.file_name
                ));
                self.merge.set(Some(PendingMerge::new(
                    pending.file_name,
                    comparison,
                    pending.plan,
                )));
            }
            Err(error) => {
                self.pending_import.set(None);
                self.import_failure.set(Some(ImportFailure {
                    file_name: pending.file_name,
                    message: error.to_string(),
                    path: None,
                }));
            }
        }
    }

    /// Applies the picked changes of the comparison as one undoable edit.
    pub fn apply_merge(&self) {
        let Some(pending) = self.merge.get_untracked() else {
            return;
        };
        let count = pending.taken.iter().filter(|taken| **taken).count();
        let result = pending
            .comparison
            .apply(&pending.taken)
            .map_err(|error| error.to_string())
            .and_then(|plan| {
                self.execute(Command::Merge {
                    plan: Box::new(plan),
                    changes: count,
                    source: pending.file_name.clone(),
                })
            });
        match result {
            Ok(summary) => {
                AppState::keep_received(&pending.theirs);
                self.merges_applied.update_value(|applied| *applied += 1);
                self.merge.set(None);
                self.announce(summary);
            }
            Err(message) => self.merge.update(|merge| {
                if let Some(merge) = merge {
                    merge.error = Some(message);
                }
            }),
        }
    }

    /// Checks a plan file's text; a good one waits for the person's choice,
    /// a bad one is reported. The open plan is never touched here.
    pub fn receive_file(&self, file_name: String, text: &str) {
        match persist::decode(text) {
            Ok(plan) => {
                self.import_failure.set(None);
                self.pending_import
                    .set(Some(PendingImport { file_name, plan }));
            }
            Err(error) => self.reject_file(file_name, &error),
        }
    }

    /// Shows why a plan file was not opened.
    pub fn reject_file(&self, file_name: String, error: &ImportError) {
        self.pending_import.set(None);
        self.announce(format!("{file_name} was not opened: {error}"));
        self.import_failure.set(Some(ImportFailure {
            file_name,
            message: error.to_string(),
            path: error.path(),
        }));
    }

    /// Replaces the open plan's content with the pending import (undoable).
    pub fn import_replace(&self) {
        if let Some(pending) = self.pending_import.get_untracked() {
            AppState::keep_received(&pending.plan);
            match self.execute(Command::ReplacePlan(Box::new(pending.plan))) {
                Ok(_) => self.pending_import.set(None),
                Err(message) => self.import_failure.set(Some(ImportFailure {
                    file_name: pending.file_name,
                    message,
                    path: None,
                })),
            }
        }
    }

    /// Opens the pending import as a new plan next to the others.
    pub fn import_as_new(&self) {
        if let Some(pending) = self.pending_import.get_untracked() {
            AppState::keep_received(&pending.plan);
            let mut plan = pending.plan;
            plan.id = self.fresh_plan_id();
            self.pending_import.set(None);
            self.open(plan);
        }
    }
}
