//! Plan files in and out: exports (each remembered as a revision, so what
//! comes back can be merged three-way), a received file checked and
//! waiting for "replace" or "open as new", and the compare-and-merge
//! dialog's pending comparison.

use leptos::prelude::*;

use super::board::Board;
use super::edits::Edits;
use super::notices::{Cause, Notices};
use super::saving::Saving;
use crate::browser;
use crate::command::Command;
use crate::model::{Lineage, Plan};
use crate::persist::diff::{self, Comparison};
use crate::persist::{self, ImportError};
use crate::storage;

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

/// Plan files going out and coming in.
#[derive(Clone, Copy)]
pub struct Exchange {
    pub pending_import: RwSignal<Option<PendingImport>>,
    pub import_failure: RwSignal<Option<ImportFailure>>,
    pub merge: RwSignal<Option<PendingMerge>>,
    edits: Edits,
    saving: Saving,
    notices: Notices,
    board: Board,
}

impl Exchange {
    pub fn new(edits: Edits, saving: Saving, notices: Notices, board: Board) -> Exchange {
        Exchange {
            pending_import: RwSignal::new(None),
            import_failure: RwSignal::new(None),
            merge: RwSignal::new(None),
            edits,
            saving,
            notices,
            board,
        }
    }

    /// Downloads the open plan as a plan file.
    pub fn export(&self) {
        let (name, text) = self.export_text(|plan| plan.clone());
        match browser::download(&name, "application/json", &text) {
            Ok(()) => {
                if !self.board.read_only() {
                    self.saving.exported();
                }
                self.edits.announce(format!("Exported {name}"))
            }
            Err(reason) => self
                .notices
                .notify(Cause::ExportFailed, format!("The export failed: {reason}")),
        }
    }

    /// A plan file of `copy` of the open plan (the plan itself, or its
    /// client-safe copy) as a revision (see `persist::revision_of`): the plan
    /// remembers it (and gets its random origin id on its first export), and this
    /// browser keeps the file as the common version of a later merge with
    /// what comes back. Returns the file's name and text.
    pub fn export_text(&self, copy: impl FnOnce(&Plan) -> Plan) -> (String, String) {
        let mut exported = self
            .edits
            .history
            .with_untracked(|history| copy(history.plan()));
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
        if !self.board.read_only() {
            self.edits
                .history
                .update_untracked(|history| history.set_lineage(Some(lineage.clone())));
            storage::keep_base(
                &lineage.origin,
                &revision,
                &persist::encode_compact(&exported),
            );
            self.saving.save();
        }
        (persist::file_name(&exported), persist::encode(&exported))
    }

    /// Gives the open plan its random origin id if it has none yet (the
    /// calendar's event ids are made from it).
    pub fn ensure_origin(&self) {
        if self.board.read_only()
            || self
                .edits
                .history
                .with_untracked(|history| history.plan().lineage.is_some())
        {
            return;
        }
        let lineage = Lineage {
            origin: browser::random_id(),
            revisions: Vec::new(),
        };
        self.edits
            .history
            .update_untracked(|history| history.set_lineage(Some(lineage)));
        self.saving.save();
    }

    /// Keeps a received plan as the common version of a later merge.
    pub(super) fn keep_received(plan: &Plan) {
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
            .edits
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
                self.edits.announce(format!(
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
                self.edits.execute(Command::Merge {
                    plan: Box::new(plan),
                    changes: count,
                    source: pending.file_name.clone(),
                })
            });
        match result {
            Ok(summary) => {
                Exchange::keep_received(&pending.theirs);
                self.edits.note_merge_applied();
                self.merge.set(None);
                self.edits.announce(summary);
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
        self.edits
            .announce(format!("{file_name} was not opened: {error}"));
        self.import_failure.set(Some(ImportFailure {
            file_name,
            message: error.to_string(),
            path: error.path(),
        }));
    }

    /// Replaces the open plan's content with the pending import (undoable).
    pub fn import_replace(&self) {
        if let Some(pending) = self.pending_import.get_untracked() {
            Exchange::keep_received(&pending.plan);
            match self
                .edits
                .execute(Command::ReplacePlan(Box::new(pending.plan)))
            {
                Ok(_) => self.pending_import.set(None),
                Err(message) => self.import_failure.set(Some(ImportFailure {
                    file_name: pending.file_name,
                    message,
                    path: None,
                })),
            }
        }
    }
}
