//! The team board: a plan shown read-only, from a file hosted beside the
//! app (`index.html?plan=team.opsboard.json`) or packed into a share link;
//! nothing is edited or stored until a local copy is made.

use leptos::prelude::*;

use super::AppState;
use crate::browser;
use crate::command::History;
use crate::model::demo::demo_plan;
use crate::model::Plan;
use crate::persist;
use crate::storage;

/// The source a plan opened from a share link is shown with.
pub const SHARED_LINK: &str = "a shared link";

/// A plan shown read-only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamBoard {
    /// The file's address as given, or [`SHARED_LINK`].
    pub source: String,
    pub status: BoardStatus,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoardStatus {
    Loading,
    Ready,
    Failed(String),
}

/// The team board shown, if any.
#[derive(Clone, Copy)]
pub struct Board {
    pub current: RwSignal<Option<TeamBoard>>,
}

impl Board {
    /// A board loading from `source`, or none.
    pub fn new(source: Option<String>) -> Board {
        Board {
            current: RwSignal::new(source.map(|source| TeamBoard {
                source,
                status: BoardStatus::Loading,
            })),
        }
    }

    /// Whether the plan shown is a read-only team board.
    pub fn read_only(&self) -> bool {
        self.current.with_untracked(Option::is_some)
    }

    fn status_is(&self, status: &BoardStatus) -> bool {
        self.current
            .with_untracked(|board| board.as_ref().map(|board| &board.status) == Some(status))
    }

    /// Stops showing the board, and takes `?plan=` out of the address.
    pub(super) fn leave(&self) {
        self.current.set(None);
        browser::forget_plan_param();
    }
}

impl AppState {
    /// Loads the hosted plan of a team board: only from the app's own site,
    /// and checked like any imported file; a failure is shown, not a blank
    /// page.
    pub(super) async fn load_board(self, source: String) {
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
        self.saving.save();
        self.board.current.set(Some(TeamBoard {
            source: SHARED_LINK.to_string(),
            status: BoardStatus::Loading,
        }));
        let state = *self;
        leptos::task::spawn_local(async move { state.load_shared(payload).await });
    }

    /// Opens the plan packed into a share link, read-only like a team board.
    pub(super) async fn load_shared(self, payload: String) {
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
        if !self.board.status_is(&BoardStatus::Loading) {
            return;
        }
        let status = match loaded {
            Ok(mut plan) => {
                // Its own id, so it never hides a stored plan of the same id.
                plan.id = self.saving.fresh_plan_id();
                let name = plan.name.clone();
                self.edits.history.set(History::new(plan));
                self.edits.announce(format!("Opened '{name}', read-only"));
                BoardStatus::Ready
            }
            Err(reason) => BoardStatus::Failed(reason),
        };
        self.board.current.set(Some(TeamBoard { source, status }));
    }

    /// A link to the open plan, packed into the address's fragment (nothing
    /// is sent to a server), or why not: too large for a link.
    pub async fn share_link(&self) -> Result<String, String> {
        let text = self
            .edits
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

    /// Keeps the team board's plan in this browser as a new plan, to edit.
    pub fn make_local_copy(&self) {
        if !self.board.status_is(&BoardStatus::Ready) {
            return;
        }
        let mut plan = self
            .edits
            .history
            .with_untracked(|history| history.plan().clone());
        plan.id = self.saving.fresh_plan_id();
        self.board.leave();
        self.open(plan);
        self.saving.save();
        self.edits.announce(
            "Made a local copy of the team board: edits are saved in this browser".to_string(),
        );
    }

    /// Leaves a team board that could not be loaded for the plans kept in
    /// this browser.
    pub fn leave_board(&self) {
        self.board.leave();
        let startup = storage::startup();
        let plan = startup
            .plan
            .unwrap_or_else(|| demo_plan(self.saving.fresh_plan_id(), self.today));
        self.saving.plans.set(startup.plans);
        self.open(plan);
    }
}
