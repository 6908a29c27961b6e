//! Saving: the plans kept in this browser, the open plan written after
//! every change (to localStorage, or IndexedDB when large, one write at a
//! time and in order), and what happens when another tab saved it first.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::board::Board;
use super::edits::Edits;
use super::notices::{Cause, Notices};
use crate::browser;
use crate::command::History;
use crate::model::PlanId;
use crate::storage::{self, PlanEntry};

/// A plan not exported for this many days gets a reminder.
pub const EXPORT_REMINDER_DAYS: i64 = 7;

/// The plans kept in this browser and the open plan's saving.
#[derive(Clone, Copy)]
pub struct Saving {
    /// The plans kept in this browser.
    pub plans: RwSignal<Vec<PlanEntry>>,
    pub storage_available: RwSignal<bool>,
    /// Whether the browser promised to keep this site's storage (`None`
    /// until it answered).
    pub persistent: RwSignal<Option<bool>>,
    edits: Edits,
    notices: Notices,
    board: Board,
    /// The save stamp of the open plan as this tab last read or wrote it
    /// (see `storage`): a save finding another one was made by another tab.
    stamp: StoredValue<Option<String>>,
    /// Set while a plan is written to IndexedDB, with the save asked for
    /// meanwhile (made when the write ends, so saves stay in order).
    large_save: StoredValue<Option<Option<storage::Expect>>>,
}

impl Saving {
    pub fn new(
        plans: Vec<PlanEntry>,
        available: bool,
        edits: Edits,
        notices: Notices,
        board: Board,
    ) -> Saving {
        let saving = Saving {
            plans: RwSignal::new(plans),
            storage_available: RwSignal::new(available),
            persistent: RwSignal::new(None),
            edits,
            notices,
            board,
            stamp: StoredValue::new(None),
            large_save: StoredValue::new(None),
        };
        saving.read_stamp(edits.open_id());
        saving
    }

    /// Remembers plan `id`'s save stamp as storage holds it now.
    pub fn read_stamp(&self, id: PlanId) {
        self.stamp.set_value(storage::stamp(id));
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
        if !self.storage_available.get_untracked() || self.board.read_only() {
            return;
        }
        if self.large_save.with_value(Option::is_some) {
            // A save to IndexedDB is under way: this one follows it.
            self.large_save.set_value(Some(Some(expect.clone())));
            return;
        }
        let stamp = browser::random_id();
        let result = self.edits.history.with_untracked(|history| {
            storage::save(history.plan(), self.edits.today, expect, &stamp)
        });
        match result {
            Ok(storage::Saved::Done(plans, stored)) => {
                self.saved(self.edits.open_id(), plans, stored)
            }
            Ok(storage::Saved::Large(job)) => {
                self.large_save.set_value(Some(None));
                let (saving, id) = (*self, self.edits.open_id());
                leptos::task::spawn_local(async move {
                    let result = storage::save_large(job).await;
                    // The app may have been unmounted meanwhile.
                    let Some(queued) = saving.large_save.try_update_value(Option::take) else {
                        return;
                    };
                    match result {
                        Ok((plans, stored)) => saving.saved(id, plans, stored),
                        Err(problem) => saving.notices.report(&problem),
                    }
                    match queued.flatten() {
                        Some(storage::Expect::Anything) => {
                            saving.save_expecting(&storage::Expect::Anything);
                        }
                        Some(storage::Expect::Stamp(_)) => saving.save(),
                        None => {}
                    }
                });
            }
            Err(problem) => self.notices.report(&problem),
        }
    }

    /// Whether a plan is being written to IndexedDB, or a save waits for
    /// that write.
    pub fn saving_large(&self) -> bool {
        self.large_save
            .try_with_value(Option::is_some)
            .unwrap_or(false)
    }

    /// Plan `id` was saved with `stamp`: remembered while it is still the
    /// open plan (a save to IndexedDB may end after another plan opened).
    fn saved(&self, id: PlanId, plans: Vec<PlanEntry>, stamp: Option<String>) {
        if self.edits.open_id() == id {
            self.stamp.set_value(stamp);
        }
        self.plans.set(plans);
        // A save that worked answers earlier save failures.
        self.notices.clear(Cause::answered_by_save);
    }

    /// Another tab saved the open plan (a `storage` event). With nothing
    /// unsaved here the plan is brought up to date; otherwise the next save
    /// here finds the other stamp and asks what to keep.
    pub fn changed_in_other_tab(&self, unsaved_here: bool) {
        // A save to IndexedDB under way is unsaved too: it finds the other
        // tab's stamp and asks what to keep.
        if self.board.read_only() || unsaved_here || self.saving_large() {
            return;
        }
        if storage::stamp(self.edits.open_id()) == self.stamp.get_value() {
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
        let (saving, id) = (*self, self.edits.open_id());
        leptos::task::spawn_local(async move {
            let read = storage::load_latest(id).await;
            // Another plan may have been opened meanwhile (or the app
            // unmounted).
            if saving
                .edits
                .history
                .try_with_untracked(|history| history.plan().id)
                != Some(id)
            {
                return;
            }
            match read {
                Ok(plan) => {
                    saving.edits.history.set(History::new(plan));
                    saving.read_stamp(id);
                    saving
                        .notices
                        .clear(|cause| cause == Cause::ChangedElsewhere);
                    if let Some(message) = announcement {
                        saving.edits.announce(message.to_string());
                    }
                }
                Err(reason) => saving.notices.notify(
                    Cause::OtherVersionUnreadable,
                    format!("The other version could not be read: {reason}"),
                ),
            }
        });
    }

    /// Saves this tab's version over the one another tab saved.
    pub fn keep_this_version(&self) {
        self.save_expecting(&storage::Expect::Anything);
        self.edits
            .announce("Saved this version over the other one".to_string());
    }

    /// A plan id not used by any stored plan or the open one.
    pub fn fresh_plan_id(&self) -> PlanId {
        let current = self.edits.open_id();
        self.plans.with_untracked(|plans| {
            PlanId::next_after(
                plans
                    .iter()
                    .map(|entry| &entry.id)
                    .chain(std::iter::once(&current)),
            )
        })
    }

    /// Asks the browser to keep this site's storage, and reminds to export
    /// a plan not exported for a week.
    pub fn start(&self) {
        let saving = *self;
        leptos::task::spawn_local(async move {
            saving.persistent.set(storage::request_persistence().await);
        });
        self.remind_to_export();
    }

    /// Reminds to export a plan not exported for a week: browsers may clear
    /// a site's storage (Safari after 7 days without a visit).
    fn remind_to_export(&self) {
        let id = self.edits.open_id();
        let Some(entry) = self
            .plans
            .with_untracked(|plans| plans.iter().find(|entry| entry.id == id).cloned())
        else {
            return;
        };
        let today = self.edits.today;
        let since = |date: NaiveDate| (today - date).num_days();
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
        self.notices.notify(
            Cause::ExportReminder,
            format!("{message} Browsers may clear a site's data (Safari after 7 days without a visit): a plan file is the copy that lasts."),
        );
    }

    /// The open plan was exported today: remembered, and the reminder goes.
    pub fn exported(&self) {
        if let Some(plans) = storage::mark_exported(self.edits.open_id(), self.edits.today) {
            self.plans.set(plans);
        }
        self.notices.clear(|cause| cause == Cause::ExportReminder);
    }
}
