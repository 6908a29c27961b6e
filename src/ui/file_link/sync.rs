//! One turn of keeping the plan and the file in step: read the file, take
//! what others wrote (or ask), write ours.

use super::*;

impl FileLink {
    pub(super) async fn sync_once(self, state: AppState, handle: FileHandle, linked: Linked) {
        if !self.still(state, &linked) {
            return;
        }
        let text = match handle.read().await {
            Ok(text) => text,
            Err(reason) => return self.fail(reason),
        };
        if !self.still(state, &linked) {
            return;
        }
        let unchanged =
            self.with_inner(|inner| inner.base.as_ref().is_some_and(|base| base.text == text));
        if unchanged != Some(true) && !self.take_theirs(state, &linked, text) {
            return;
        }
        self.write_ours(state, &handle, &linked).await;
    }

    /// Whether the link is still the one a run started with, and active.
    pub(super) fn still(self, state: AppState, linked: &Linked) -> bool {
        self.linked().as_ref() == Some(linked) && self.active(state)
    }

    /// Merges the file's new `text` into the open plan; false when it could
    /// not be (the person is asked, or the file does not read).
    pub(super) fn take_theirs(self, state: AppState, linked: &Linked, text: String) -> bool {
        let (theirs, their_edits) = match persist::decode_file(&text) {
            Ok(read) => read,
            Err(error) => {
                self.fail(format!(
                    "{} does not read as a plan now, so it is not written over: {error}",
                    linked.file_name
                ));
                return false;
            }
        };
        let Some(ours) = plan_now(state) else {
            return false;
        };
        let base = self
            .with_inner(|inner| inner.base.as_ref().and_then(|base| base.plan.clone()))
            .flatten();
        let names = self
            .seen(|shown| edits::names(&edits::new_in(&shown.edits, &their_edits)))
            .unwrap_or_default();
        match link::reconcile(&ours, &theirs, base.as_ref()) {
            Err(error) => {
                self.fail(error.to_string());
                return false;
            }
            Ok(Reconciled::NothingNew) => {}
            Ok(Reconciled::Merged { plan, changes }) => {
                // The merge is not an edit of ours to record in the file.
                let labels = state.edits.take_edit_labels();
                let result = state.edits.execute(Command::Merge {
                    plan,
                    changes: link::things_changed(&changes).len(),
                    source: linked.file_name.clone(),
                });
                state.edits.take_edit_labels();
                state.edits.restore_edit_labels(labels);
                if let Err(reason) = result {
                    self.fail(format!(
                        "The changes in {} could not be merged: {reason}",
                        linked.file_name
                    ));
                    return false;
                }
                let revision = where_now(state).map(|(_, revision)| revision);
                self.with_inner(|inner| inner.own_revision = revision);
                let notice = link::merge_notice(&linked.file_name, &names, &changes);
                state.edits.announce(notice.clone());
                self.show(|shown| shown.merged = Some(notice));
            }
            Ok(Reconciled::Ask(comparison)) => {
                self.status(LinkState::Unresolved);
                let busy = state.exchange.merge.with_untracked(Option::is_some)
                    || state
                        .exchange
                        .pending_import
                        .with_untracked(Option::is_some);
                if busy {
                    // Another comparison is open: this one waits for Review.
                    return false;
                }
                let applied_before = state.edits.merges_applied();
                self.with_inner(|inner| {
                    inner.awaiting = Some(Awaiting {
                        base: Base {
                            text,
                            plan: Some(theirs.clone()),
                        },
                        edits: their_edits,
                        applied_before,
                    })
                });
                state.exchange.merge.set(Some(PendingMerge::new(
                    linked.file_name.clone(),
                    *comparison,
                    theirs,
                )));
                let who = if names.is_empty() {
                    "someone else"
                } else {
                    &names
                };
                state.edits.announce(format!(
                    "{} has changes by {who} to what you changed too: pick what to keep. Nothing is written to it until then.",
                    linked.file_name
                ));
                return false;
            }
        }
        self.accept(
            Base {
                text,
                plan: Some(theirs),
            },
            &their_edits,
        );
        true
    }

    /// Takes the file's version as the common version of the next merge.
    pub(super) fn accept(self, base: Base, their_edits: &[Edit]) {
        self.show(|shown| shown.edits = edits::merged(&shown.edits, their_edits));
        self.with_inner(|inner| inner.base = Some(base));
        self.spawn_remember();
    }

    /// Writes the open plan to the file if it differs from it.
    pub(super) async fn write_ours(self, state: AppState, handle: &FileHandle, linked: &Linked) {
        let (Some(ours), Some((_, revision))) = (plan_now(state), where_now(state)) else {
            return;
        };
        let in_step_now = self.with_inner(|inner| {
            inner
                .base
                .as_ref()
                .and_then(|base| base.plan.as_ref())
                .is_some_and(|written| link::same_content(&ours, written))
        });
        if in_step_now == Some(true) {
            state.edits.take_edit_labels();
            self.show(|shown| {
                shown.problem = None;
                shown.status = in_step(&shown.edits);
            });
            return;
        }
        let labels = state.edits.take_edit_labels();
        let edit = Edit::new(
            &self.signature(),
            &link::utc_stamp(file_access::now_utc()),
            &link::what_changed(&labels),
        );
        let Some(written_edits) = self.seen(|shown| edits::with_edit(&shown.edits, edit)) else {
            return;
        };
        let text = persist::encode_file(&ours, &written_edits);
        if let Err(reason) = handle.write(&text).await {
            state.edits.restore_edit_labels(labels);
            return self.fail(reason);
        }
        if !self.still(state, linked) {
            return;
        }
        self.with_inner(|inner| {
            inner.base = Some(Base {
                text,
                plan: Some(ours),
            })
        });
        // A change made while writing waits for the next write.
        let changed_since = where_now(state).map(|(_, now)| now) != Some(revision);
        self.show(|shown| {
            shown.problem = None;
            shown.status = if changed_since {
                LinkState::Pending
            } else {
                in_step(&written_edits)
            };
            shown.edits = written_edits;
        });
        self.remember().await;
    }

    /// The name the file's record gives this planner.
    pub(super) fn signature(self) -> String {
        let name = self.planner.get_untracked();
        if name.trim().is_empty() {
            "A planner".to_string()
        } else {
            name
        }
    }
}
