//! Undo and redo over commands, as a stack of whole plans.
//!
//! Plans are cheap to clone next to a person's pace of editing, and keeping
//! whole plans makes undo exact by construction: an undo gives back the very
//! plan that was there, whatever the command did.
//!
//! Each state of the plan has a [`Revision`], and the history remembers what
//! the last steps between revisions changed: a view that keeps figures
//! worked out at one revision asks [`History::changes_since`] whether only
//! some allocations changed since (a drop, its undo), and works out again
//! only what those touch (see `engine::capacity::Kept`).

use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;

use super::{allocations_touched, apply, Command, CommandError};
use crate::model::{AllocationId, Plan};

/// How many edits can be undone.
pub const UNDO_LIMIT: usize = 100;
/// Large plans keep fewer: about this many items (people, activities,
/// allocations, ...) over all the plans kept, so a 300-person plan's undo
/// stack stays near a hundred megabytes, not half a gigabyte.
pub const UNDO_ITEM_BUDGET: usize = 400_000;
/// However large the plan, this many edits can be undone.
pub const UNDO_MINIMUM: usize = 10;
/// How many steps [`History::changes_since`] can look back over.
pub const STEPS_REMEMBERED: usize = 64;

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

/// One state of the plan in a history. No two states share one, in any
/// history of the running program: an edit, an undo and a redo each make a
/// new one, and so does a new history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Revision(u64);

impl Revision {
    fn next() -> Revision {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        Revision(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// What one step between two revisions changed.
#[derive(Debug, Clone, PartialEq)]
pub enum Changed {
    /// The allocations with these ids were added, edited or removed, and
    /// nothing else was.
    Allocations(Vec<AllocationId>),
    /// Anything may have changed.
    Anything,
}

/// An edit as the history keeps it: the plan on the other side of it, its
/// label and what it changed.
#[derive(Debug, Clone)]
struct Step {
    plan: Plan,
    summary: String,
    changed: Changed,
}

/// The plan being edited, with what came before and after it.
#[derive(Debug, Clone)]
pub struct History {
    current: Plan,
    revision: Revision,
    past: Vec<Step>,
    future: Vec<Step>,
    /// The last steps taken, oldest first: the revision each step led to
    /// and what it changed (at most [`STEPS_REMEMBERED`]).
    steps: Vec<(Revision, Changed)>,
    /// The revision the oldest remembered step started from.
    steps_from: Revision,
}

impl History {
    /// Starts a history at `plan` (put in canonical order, as every command
    /// leaves it), with nothing to undo.
    pub fn new(mut plan: Plan) -> History {
        plan.sort_canonically();
        let revision = Revision::next();
        History {
            current: plan,
            revision,
            past: Vec::new(),
            future: Vec::new(),
            steps: Vec::new(),
            steps_from: revision,
        }
    }

    /// The plan as it is now.
    pub fn plan(&self) -> &Plan {
        &self.current
    }

    /// The state the plan is in now.
    pub fn revision(&self) -> Revision {
        self.revision
    }

    /// The allocations added, edited or removed since `revision`, when
    /// they are all that changed (none when nothing did); `None` when
    /// anything else may have changed, or `revision` is not one of the
    /// last [`STEPS_REMEMBERED`] states of this history.
    pub fn changes_since(&self, revision: Revision) -> Option<Vec<AllocationId>> {
        let first = if revision == self.steps_from {
            0
        } else {
            self.steps.iter().position(|(to, _)| *to == revision)? + 1
        };
        let mut ids = Vec::new();
        for (_, changed) in &self.steps[first..] {
            match changed {
                Changed::Allocations(changed) => ids.extend_from_slice(changed),
                Changed::Anything => return None,
            }
        }
        Some(ids)
    }

    /// Applies `command`; on success it can be undone, and redo is cleared.
    pub fn execute(&mut self, command: &Command, today: NaiveDate) -> Result<String, CommandError> {
        let applied = apply(&self.current, command, today)?;
        let touched = allocations_touched(&self.current, command);
        // A command that edits some allocations changed the plan if it
        // changed one of them: comparing those, not the whole plan (3 MB
        // of a large one), is most of the cost of telling on a drop.
        let unchanged = match &touched {
            Some(ids) => ids
                .iter()
                .all(|id| applied.plan.allocation(*id) == self.current.allocation(*id)),
            None => applied.plan == self.current,
        };
        if unchanged {
            return Ok(applied.summary);
        }
        let changed = match touched {
            Some(ids) => Changed::Allocations(ids),
            None => Changed::Anything,
        };
        let before = std::mem::replace(&mut self.current, applied.plan);
        self.step(changed.clone());
        self.past.push(Step {
            plan: before,
            summary: applied.summary.clone(),
            changed,
        });
        let limit = undo_limit(&self.current);
        if self.past.len() > limit {
            self.past.drain(..self.past.len() - limit);
        }
        self.future.clear();
        Ok(applied.summary)
    }

    /// Goes back one edit; returns what was undone.
    pub fn undo(&mut self) -> Option<String> {
        let mut step = self.past.pop()?;
        // The lineage records files that left this browser; undo cannot
        // call them back, so it keeps the newest.
        step.plan.lineage = self.current.lineage.clone();
        step.plan = std::mem::replace(&mut self.current, step.plan);
        self.step(step.changed.clone());
        let summary = step.summary.clone();
        self.future.push(step);
        Some(summary)
    }

    /// Goes forward one undone edit; returns what was redone.
    pub fn redo(&mut self) -> Option<String> {
        let mut step = self.future.pop()?;
        step.plan.lineage = self.current.lineage.clone();
        step.plan = std::mem::replace(&mut self.current, step.plan);
        self.step(step.changed.clone());
        let summary = step.summary.clone();
        self.past.push(step);
        Some(summary)
    }

    /// Records where the plan's copies went (an export, a received file):
    /// not an edit, so there is nothing to undo, and no figure reads it, so
    /// the revision stays.
    pub fn set_lineage(&mut self, lineage: Option<crate::model::Lineage>) {
        self.current.lineage = lineage;
    }

    /// What undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.past.last().map(|step| step.summary.as_str())
    }

    /// What redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.future.last().map(|step| step.summary.as_str())
    }

    /// Moves to a new revision, remembering what the step changed.
    fn step(&mut self, changed: Changed) {
        self.revision = Revision::next();
        self.steps.push((self.revision, changed));
        if self.steps.len() > STEPS_REMEMBERED {
            let (oldest, _) = self.steps.remove(0);
            self.steps_from = oldest;
        }
    }
}
