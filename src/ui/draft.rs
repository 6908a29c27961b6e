//! The draft of both timelines (the Capacity view's and an engagement's
//! team): a booking picked up or proposed, moved by keys or by a tap on a
//! week, applied by Enter or the toolbar's button, cancelled by Escape or
//! Cancel with the focus going back, and announced for screen readers.
//! What the keys do and the words are in `command::draft`; this is the
//! wiring, parameterised by what differs between the timelines. A booking
//! placed, by a drop or by a draft, goes through `place_booking` on both.

use leptos::prelude::*;

use super::state::Edits;
use crate::browser;
use crate::command::draft::{moved_to, step, Draft, DraftKey, Timeline};
use crate::command::Command;
use crate::model::{Allocation, AllocationId, Assignee, Week};

/// Applies a booking as a command: a change to `original`, or a new one
/// without it. What it did, or why it was refused, goes to `message`; a
/// placed booking's bar (`{bar_prefix}-{id}`) takes the focus, so the
/// keyboard follows it to its new week or row. Both timelines place their
/// drops and drafts here, so they tell and focus alike.
///
/// The booking's id when it was placed (the Capacity view selects it), none
/// when refused (a draft then stays a draft).
pub fn place_booking(
    edits: Edits,
    message: RwSignal<Option<String>>,
    bar_prefix: &str,
    allocation: Allocation,
    original: Option<AllocationId>,
) -> Option<AllocationId> {
    // A new booking gets the id the plan gives it when it is added: the
    // next after the ones there.
    let next_id = edits.history.with_untracked(|history| {
        AllocationId::next_after(history.plan().allocations.iter().map(|a| &a.id))
    });
    let id = original.unwrap_or(next_id);
    let command = match original {
        Some(_) => Command::UpdateAllocation(allocation),
        None => Command::AddAllocation(allocation),
    };
    match edits.execute(command) {
        Ok(summary) => {
            message.set(Some(summary));
            browser::focus_after_render(format!("{bar_prefix}-{id}"));
            Some(id)
        }
        Err(reason) => {
            message.set(Some(format!("Not changed: {reason}")));
            None
        }
    }
}

/// What differs between the timelines that draft.
#[derive(Clone, Copy)]
pub struct DraftSetup {
    /// Whose words the draft is announced in.
    pub timeline: Timeline,
    /// The id of the draft's bar, focused as the draft moves: `bar-draft`.
    pub bar_id: &'static str,
    /// The rows ↑ and ↓ walk, top to bottom.
    pub rows: Callback<(), Vec<Assignee>>,
    /// Applies a draft as a command; whether it was applied (a refused one
    /// stays a draft).
    pub place: Callback<Draft, bool>,
    /// The id of the element that gets the focus back when a draft is
    /// cancelled (its bar, or where it was picked up); none to leave it.
    pub return_focus: Callback<Draft, Option<String>>,
}

/// A timeline's draft and what can be done to it.
#[derive(Clone, Copy)]
pub struct DraftController {
    draft: RwSignal<Option<Draft>>,
    edits: Edits,
    setup: DraftSetup,
}

impl DraftController {
    /// The controller of `draft`, a signal made beforehand so that what
    /// `setup` reads (a timeline's rows) can follow the draft too.
    pub fn new(draft: RwSignal<Option<Draft>>, edits: Edits, setup: DraftSetup) -> DraftController {
        DraftController {
            draft,
            edits,
            setup,
        }
    }

    /// Reads the draft, tracked.
    pub fn with<T>(&self, read: impl FnOnce(Option<&Draft>) -> T) -> T {
        self.draft.with(|draft| read(draft.as_ref()))
    }

    /// Reads the draft, untracked.
    pub fn with_untracked<T>(&self, read: impl FnOnce(Option<&Draft>) -> T) -> T {
        self.draft.with_untracked(|draft| read(draft.as_ref()))
    }

    /// Whether a draft is in progress (untracked).
    pub fn is_active(&self) -> bool {
        self.draft.with_untracked(Option::is_some)
    }

    /// Drops the draft without a word (a drag started instead).
    pub fn clear(&self) {
        self.draft.set(None);
    }

    /// The draft as the toolbar names it, tracked; none without one.
    pub fn heading(&self) -> Option<String> {
        self.draft.with(|draft| {
            let draft = draft.as_ref()?;
            Some(
                self.edits
                    .history
                    .with(|history| self.setup.timeline.heading(history.plan(), draft)),
            )
        })
    }

    /// What a screen reader hears of `draft` as it moves.
    fn announce_moved(&self, draft: &Draft) {
        let text = self.edits.history.with_untracked(|history| {
            self.setup
                .timeline
                .described(history.plan(), &draft.allocation)
        });
        self.edits.announce(text);
    }

    /// A bar picked up or a booking proposed: the draft starts, is
    /// announced and takes the focus.
    pub fn start(&self, next: Draft) {
        let text = self.edits.history.with_untracked(|history| {
            self.setup
                .timeline
                .started(history.plan(), &next.allocation)
        });
        self.edits.announce(text);
        self.draft.set(Some(next));
        browser::focus_after_render(self.setup.bar_id.to_string());
    }

    /// A key, or a button of the toolbar, changes the draft; the focus
    /// stays where it is.
    pub fn step(&self, key: DraftKey) {
        let Some(mut next) = self.draft.get_untracked() else {
            return;
        };
        next.allocation = step(&next.allocation, key, &self.setup.rows.run(()));
        self.announce_moved(&next);
        self.draft.set(Some(next));
    }

    /// A tap or click on a week: the draft goes there, to `row` (none keeps
    /// whoever it is on), as long as it was.
    pub fn move_to(&self, row: Option<Assignee>, week: Week) {
        let Some(mut next) = self.draft.get_untracked() else {
            return;
        };
        let assignee = row.unwrap_or_else(|| next.allocation.assignee.clone());
        next.allocation = moved_to(&next.allocation, assignee, week);
        self.announce_moved(&next);
        self.draft.set(Some(next));
        browser::focus_after_render(self.setup.bar_id.to_string());
    }

    /// Enter, the Place or Apply button: the draft becomes a command.
    pub fn apply(&self) {
        let Some(next) = self.draft.get_untracked() else {
            return;
        };
        if self.setup.place.run(next) {
            self.draft.set(None);
        }
    }

    /// Escape, the Cancel button: the plan stays as it is, and the focus
    /// goes back to where the draft started.
    pub fn cancel(&self) {
        let Some(next) = self.draft.get_untracked() else {
            return;
        };
        self.draft.set(None);
        self.edits
            .announce(self.setup.timeline.cancelled().to_string());
        if let Some(id) = self.setup.return_focus.run(next) {
            browser::focus_after_render(id);
        }
    }

    /// The keys of a draft in progress: the draft keys change it (and the
    /// focus goes to its bar, which a timeline may draw again), Enter
    /// applies it, Escape cancels it. Nothing without a draft.
    pub fn on_key(&self, event: &web_sys::KeyboardEvent) {
        if !self.is_active() {
            return;
        }
        let key = event.key();
        if let Some(step_key) = DraftKey::of(&key, event.shift_key()) {
            event.prevent_default();
            self.step(step_key);
            browser::focus_after_render(self.setup.bar_id.to_string());
            return;
        }
        match key.as_str() {
            "Enter" => {
                event.prevent_default();
                self.apply();
            }
            "Escape" => {
                event.prevent_default();
                self.cancel();
            }
            _ => {}
        }
    }
}

/// The draft in progress above a timeline, shown while there is one: what
/// moves where, and buttons that do what the keys do, for a tap, a click or
/// the keyboard.
#[component]
pub fn DraftTools(
    draft: DraftController,
    /// The class names' prefix: `tl` gives `tl-draft`, `tl-draft__what`.
    prefix: &'static str,
    /// The group's name: "Move in progress".
    label: &'static str,
    /// How to move it without keys: "Tap or click a week to move it there."
    how: &'static str,
    /// The button that applies it, as Enter does: "Place" or "Apply".
    apply: &'static str,
    /// Shows "Shorter" and "Longer", which change its end as Shift+arrows
    /// do.
    #[prop(optional)]
    ends: bool,
) -> impl IntoView {
    let heading = Memo::new(move |_| draft.heading());
    // The toolbar is drawn once a draft starts and stays while it moves,
    // so a focused button keeps the focus.
    let drafting = Memo::new(move |_| heading.with(Option::is_some));
    move || {
        drafting.get().then(|| {
            view! {
                <div class=format!("{prefix}-draft") role="group" aria-label=label>
                    <p class=format!("{prefix}-draft__what")>{move || heading.get().unwrap_or_default()}</p>
                    <p class=format!("{prefix}-draft__how")>{how}</p>
                    <div class=format!("{prefix}-draft__actions")>
                        {ends.then(|| view! {
                            <button type="button" class="button button--small" title="End a week earlier"
                                on:click=move |_| draft.step(DraftKey::Shorter)>"Shorter"</button>
                            <button type="button" class="button button--small" title="End a week later"
                                on:click=move |_| draft.step(DraftKey::Longer)>"Longer"</button>
                        })}
                        <button type="button" class="button button--primary button--small" on:click=move |_| draft.apply()>{apply}</button>
                        <button type="button" class="button button--small" on:click=move |_| draft.cancel()>"Cancel"</button>
                    </div>
                </div>
            }
        })
    }
}
