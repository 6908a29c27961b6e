//! History and commands: the plan being edited, every change applied as a
//! command through its undo history, and what each did read out to screen
//! readers.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::board::Board;
use crate::command::{Command, History};
use crate::model::{Plan, PlanId};

/// The open plan and its undo and redo stacks: the one way the views change
/// a plan.
#[derive(Clone, Copy)]
pub struct Edits {
    /// The plan being edited and its undo/redo stacks.
    pub history: RwSignal<History>,
    pub today: NaiveDate,
    /// Read out by screen readers (an `aria-live` region).
    pub announcement: RwSignal<String>,
    board: Board,
    /// The labels of the edits, undos and redos since the plan's linked
    /// file was last written, oldest first (see `ui::file_link`).
    edit_labels: StoredValue<Vec<String>>,
    /// How many comparisons were applied: the linked file waits for its own.
    merges_applied: StoredValue<u32>,
}

impl Edits {
    pub fn new(plan: Plan, today: NaiveDate, board: Board) -> Edits {
        Edits {
            history: RwSignal::new(History::new(plan)),
            today,
            announcement: RwSignal::new(String::new()),
            board,
            edit_labels: StoredValue::new(Vec::new()),
            merges_applied: StoredValue::new(0),
        }
    }

    /// Applies a command; announces what it did, or returns why not.
    pub fn execute(&self, command: Command) -> Result<String, String> {
        if self.board.read_only() {
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

    /// Switches to `plan` with a fresh undo history.
    pub fn replace(&self, plan: Plan) {
        self.edit_labels.set_value(Vec::new());
        self.history.set(History::new(plan));
    }

    /// The open plan's id.
    pub fn open_id(&self) -> PlanId {
        self.history.with_untracked(|history| history.plan().id)
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

    /// Counts a comparison applied.
    pub fn note_merge_applied(&self) {
        self.merges_applied.update_value(|applied| *applied += 1);
    }
}
