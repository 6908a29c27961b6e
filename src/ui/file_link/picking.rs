//! Linking a plan to a file (open or save), reconnecting after a restart,
//! unlinking, and the planner's name.

use super::*;

impl FileLink {
    /// Asks the browser for access to the file again (after a restart).
    pub(super) async fn reconnect(self, state: AppState) {
        let Some(Some(handle)) = self.with_inner(|inner| inner.handle.clone()) else {
            return;
        };
        if handle.allowed(true).await {
            self.show(|shown| {
                shown.problem = None;
                shown.status = LinkState::Pending;
            });
            self.spawn(state, Action::Sync);
        } else {
            self.show(|shown| {
                shown.problem = Some(format!(
                    "The browser did not give access to {}: changes stay in this browser until you reconnect.",
                    handle.name()
                ))
            });
        }
    }

    /// Opens a plan file as a new plan of this browser, linked to it.
    pub(super) async fn open_file(self, state: AppState) {
        let handle = match file_access::pick_to_open().await {
            Ok(Some(handle)) => handle,
            Ok(None) => return,
            Err(reason) => {
                return self
                    .show(|shown| shown.problem = Some(format!("No file was opened: {reason}")))
            }
        };
        let file_name = handle.name();
        let text = match handle.read().await {
            Ok(text) => text,
            Err(message) => {
                return state.exchange.import_failure.set(Some(ImportFailure {
                    file_name,
                    message,
                    path: None,
                }))
            }
        };
        match persist::decode_file(&text) {
            Err(error) => state.exchange.reject_file(file_name, &error),
            Ok((mut plan, file_edits)) => {
                plan.id = state.saving.fresh_plan_id();
                state.exchange.import_failure.set(None);
                let name = plan.name.clone();
                self.link(
                    plan.id,
                    handle,
                    Base {
                        text,
                        plan: Some(plan.clone()),
                    },
                    file_edits,
                );
                self.spawn_remember();
                state.open(plan);
                let opened = where_now(state);
                self.with_inner(|inner| {
                    inner.seen = opened;
                    inner.own_revision = opened.map(|(_, revision)| revision);
                });
                state.edits.announce(format!(
                    "Opened '{name}' from {file_name}: changes are written to it"
                ));
            }
        }
    }

    /// Writes the open plan to a new file and links it there.
    pub(super) async fn save_to_file(self, state: AppState) {
        let Some(suggested) = plan_now(state).map(|plan| persist::file_name(&plan)) else {
            return;
        };
        let handle = match file_access::pick_to_save(&suggested).await {
            Ok(Some(handle)) => handle,
            Ok(None) => return,
            Err(reason) => {
                return self.show(|shown| {
                    shown.problem = Some(format!("The plan was not saved: {reason}"))
                })
            }
        };
        let Some(plan) = plan_now(state) else {
            return;
        };
        let file_edits = vec![Edit::new(
            &self.signature(),
            &link::utc_stamp(file_access::now_utc()),
            SAVED_WHAT,
        )];
        let text = persist::encode_file(&plan, &file_edits);
        if let Err(reason) = handle.write(&text).await {
            return self
                .show(|shown| shown.problem = Some(format!("The plan was not saved: {reason}")));
        }
        let file_name = handle.name();
        state.edits.take_edit_labels();
        self.link(
            plan.id,
            handle,
            Base {
                text,
                plan: Some(plan),
            },
            file_edits,
        );
        self.spawn_remember();
        // A change made while the picker was open is written next.
        self.spawn(state, Action::Sync);
        state
            .edits
            .announce(format!("Saved to {file_name}: changes are written to it"));
    }

    /// Forgets the open plan's file; the plan stays in this browser.
    pub(super) fn unlink(self, state: AppState) {
        let Some(linked) = self.linked() else {
            return;
        };
        self.clear();
        self.spawn(state, Action::Forget(linked.plan));
        state.edits.announce(format!(
            "Unlinked {}: the plan stays in this browser",
            linked.file_name
        ));
    }

    pub(super) fn set_planner(self, name: String) {
        if let Some(storage) =
            web_sys::window().and_then(|window| window.local_storage().ok().flatten())
        {
            let _ = if name.trim().is_empty() {
                storage.remove_item(PLANNER_KEY)
            } else {
                storage.set_item(PLANNER_KEY, name.trim())
            };
        }
        self.planner.set(name);
    }
}
