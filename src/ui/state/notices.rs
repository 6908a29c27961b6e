//! Notices: the banners above the views, each kept with the cause that
//! raised it, so the event that answers a cause (a save that worked, an
//! export, the other tab's version loaded) clears exactly its banners.

use leptos::prelude::*;

use crate::storage::Problem;

/// How a notice looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Error,
    Warning,
}

/// What a notice offers to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeAction {
    ExportNow,
    OpenFiles,
    /// Another tab saved the plan: load that version or keep this one.
    ResolveConflict,
}

/// Why a notice is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// Browser storage cannot be used at all.
    StorageUnavailable,
    /// Stored data could not be read and was moved to a backup.
    StorageUnreadable,
    /// A save failed: storage is full.
    StorageFull,
    /// A save failed for another reason.
    SaveFailed,
    /// Another tab saved the plan; this tab's change was not saved over it.
    ChangedElsewhere,
    /// A plan kept in IndexedDB could not be read.
    LargeUnreadable,
    /// The plan has not been exported for a while.
    ExportReminder,
    /// A download of the plan file failed.
    ExportFailed,
    /// A stored plan could not be opened.
    OpenFailed,
    /// The version another tab saved could not be read.
    OtherVersionUnreadable,
}

impl Cause {
    /// The cause of a storage problem.
    pub fn of(problem: &Problem) -> Cause {
        match problem {
            Problem::Unavailable(_) => Cause::StorageUnavailable,
            Problem::Unreadable { .. } => Cause::StorageUnreadable,
            Problem::Full => Cause::StorageFull,
            Problem::SaveFailed(_) => Cause::SaveFailed,
            Problem::ChangedElsewhere { .. } => Cause::ChangedElsewhere,
            Problem::LargeUnreadable { .. } => Cause::LargeUnreadable,
        }
    }

    pub fn kind(self) -> NoticeKind {
        match self {
            Cause::StorageUnavailable | Cause::ExportReminder => NoticeKind::Warning,
            _ => NoticeKind::Error,
        }
    }

    pub fn action(self) -> Option<NoticeAction> {
        match self {
            Cause::StorageUnavailable
            | Cause::StorageFull
            | Cause::SaveFailed
            | Cause::ExportReminder => Some(NoticeAction::ExportNow),
            Cause::StorageUnreadable => Some(NoticeAction::OpenFiles),
            Cause::ChangedElsewhere => Some(NoticeAction::ResolveConflict),
            Cause::LargeUnreadable
            | Cause::ExportFailed
            | Cause::OpenFailed
            | Cause::OtherVersionUnreadable => None,
        }
    }

    /// Whether a save that worked answers it.
    pub fn answered_by_save(self) -> bool {
        matches!(
            self,
            Cause::StorageFull | Cause::SaveFailed | Cause::ChangedElsewhere
        )
    }
}

/// A banner above the views.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub id: u32,
    pub cause: Cause,
    pub message: String,
}

impl Notice {
    pub fn kind(&self) -> NoticeKind {
        self.cause.kind()
    }

    pub fn action(&self) -> Option<NoticeAction> {
        self.cause.action()
    }
}

/// The notices showing, oldest first.
#[derive(Clone, Copy)]
pub struct Notices {
    pub list: RwSignal<Vec<Notice>>,
    next_id: StoredValue<u32>,
}

impl Default for Notices {
    fn default() -> Notices {
        Notices {
            list: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(1),
        }
    }
}

impl Notices {
    /// Shows a storage problem (once).
    pub fn report(&self, problem: &Problem) {
        self.notify(Cause::of(problem), problem.message());
    }

    /// Adds a banner unless the same one is showing.
    pub fn notify(&self, cause: Cause, message: String) {
        if self
            .list
            .with_untracked(|notices| notices.iter().any(|notice| notice.message == message))
        {
            return;
        }
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.list.update(|notices| {
            notices.push(Notice { id, cause, message });
        });
    }

    pub fn dismiss(&self, id: u32) {
        self.list
            .update(|notices| notices.retain(|notice| notice.id != id));
    }

    /// Takes away the notices whose cause `answered` says is answered; draws
    /// nothing anew when there is none.
    pub fn clear(&self, answered: impl Fn(Cause) -> bool) {
        if self
            .list
            .with_untracked(|notices| notices.iter().any(|notice| answered(notice.cause)))
        {
            self.list
                .update(|notices| notices.retain(|notice| !answered(notice.cause)));
        }
    }
}
