//! Undo and redo over commands, as a stack of whole plans.
//!
//! Plans are cheap to clone next to a person's pace of editing, and keeping
//! whole plans makes undo exact by construction: an undo gives back the very
//! plan that was there, whatever the command did.

use chrono::NaiveDate;

use super::{apply, Command, CommandError};
use crate::model::Plan;

/// How many edits can be undone.
pub const UNDO_LIMIT: usize = 100;
/// Large plans keep fewer: about this many items (people, activities,
/// allocations, ...) over all the plans kept, so a 300-person plan's undo
/// stack stays near a hundred megabytes, not half a gigabyte.
pub const UNDO_ITEM_BUDGET: usize = 400_000;
/// However large the plan, this many edits can be undone.
pub const UNDO_MINIMUM: usize = 10;

/// How many edits of `plan` can be undone.
pub fn undo_limit(plan: &Plan) -> usize {
    let items = plan.people.len()
        + plan.activities.len()
        + plan.allocations.len()
        + plan.checkins.len()
        + plan.skills.len()
        + 1;
    (UNDO_ITEM_BUDGET / items).clamp(UNDO_MINIMUM, UNDO_LIMIT)
}

/// The plan being edited, with what came before and after it.
#[derive(Debug, Clone)]
pub struct History {
    current: Plan,
    past: Vec<(Plan, String)>,
    future: Vec<(Plan, String)>,
}

impl History {
    /// Starts a history at `plan` (put in canonical order, as every command
    /// leaves it), with nothing to undo.
    pub fn new(mut plan: Plan) -> History {
        plan.sort_canonically();
        History {
            current: plan,
            past: Vec::new(),
            future: Vec::new(),
        }
    }

    /// The plan as it is now.
    pub fn plan(&self) -> &Plan {
        &self.current
    }

    /// Applies `command`; on success it can be undone, and redo is cleared.
    pub fn execute(&mut self, command: &Command, today: NaiveDate) -> Result<String, CommandError> {
        let applied = apply(&self.current, command, today)?;
        if applied.plan == self.current {
            return Ok(applied.summary);
        }
        let before = std::mem::replace(&mut self.current, applied.plan);
        self.past.push((before, applied.summary.clone()));
        let limit = undo_limit(&self.current);
        if self.past.len() > limit {
            self.past.drain(..self.past.len() - limit);
        }
        self.future.clear();
        Ok(applied.summary)
    }

    /// Goes back one edit; returns what was undone.
    pub fn undo(&mut self) -> Option<String> {
        let (mut before, summary) = self.past.pop()?;
        // The lineage records files that left this browser; undo cannot
        // call them back, so it keeps the newest.
        before.lineage = self.current.lineage.clone();
        let after = std::mem::replace(&mut self.current, before);
        self.future.push((after, summary.clone()));
        Some(summary)
    }

    /// Goes forward one undone edit; returns what was redone.
    pub fn redo(&mut self) -> Option<String> {
        let (mut after, summary) = self.future.pop()?;
        after.lineage = self.current.lineage.clone();
        let before = std::mem::replace(&mut self.current, after);
        self.past.push((before, summary.clone()));
        Some(summary)
    }

    /// Records where the plan's copies went (an export, a received file):
    /// not an edit, so there is nothing to undo.
    pub fn set_lineage(&mut self, lineage: Option<crate::model::Lineage>) {
        self.current.lineage = lineage;
    }

    /// What undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.past.last().map(|(_, summary)| summary.as_str())
    }

    /// What redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.future.last().map(|(_, summary)| summary.as_str())
    }
}
