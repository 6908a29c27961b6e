//! Compare and merge: the changes a plan file would make to the open plan,
//! grouped by kind of thing, each one taken or left with a checkbox. Nothing
//! changes until "Take N changes"; then it is one edit that Undo reverts.

use leptos::prelude::*;

use super::state::{AppState, PendingMerge};
use crate::browser;
use crate::persist::diff::{Change, Kind};

/// Changes shown at once; "Take all" and "Take none" cover the rest too.
const SHOWN: usize = 400;

/// Compare and merge, above any view while a comparison is open; its
/// content ([`Merge`]) is a part loaded the first time.
#[component]
pub fn MergeDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Picking changes updates `merge`; the dialog is built once per comparison.
    let open = Memo::new(move |_| state.exchange.merge.with(Option::is_some));
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if !is_open && was_open == Some(true) {
            // What opened it (the import dialog) is gone: focus goes to the view.
            browser::focus_back(None);
        }
        is_open
    });
    let cancel = Callback::new(move |()| take_nothing(state));
    move || {
        open.get()
            .then(|| super::parts::on_demand_dialog(super::parts::merge_dialog::load, cancel))
    }
}

/// Closes the comparison, taking nothing.
fn take_nothing(state: AppState) {
    state.exchange.merge.set(None);
    state.edits.announce("Nothing was changed".to_string());
}

/// The comparison's box: the changes, each taken or left, and the buttons.
#[component]
pub(super) fn Merge() -> impl IntoView {
    let state = expect_context::<AppState>();
    browser::focus_after_render("merge-title".to_string());
    let set_all = move |value: bool| {
        state.exchange.merge.update(|merge| {
            if let Some(merge) = merge {
                merge.taken.iter_mut().for_each(|taken| *taken = value);
                merge.error = None;
            }
        })
    };
    let cancel = move || take_nothing(state);
    // Read once: the dialog is built once per comparison.
    let shown = state.exchange.merge.with_untracked(|merge| {
        merge.as_ref().map(|merge| {
            (
                merge.file_name.clone(),
                lead(merge),
                merge.comparison.changes.len(),
            )
        })
    });
    shown.map(|(file_name, lead, total)| view! {
        <div class="dialog-backdrop">
            <div class="dialog dialog--wide merge" role="dialog" aria-modal="true" aria-labelledby="merge-title"
                on:keydown=move |event| if event.key() == "Escape" { cancel() }>
                <h2 id="merge-title" tabindex="-1">{format!("Compare with \u{201c}{file_name}\u{201d}")}</h2>
                <p>{lead}</p>
                {(total > 0).then(|| view! {
                    <div class="merge__bulk">
                        <button class="button button--small" on:click=move |_| set_all(true)>"Take all"</button>
                        <button class="button button--small" on:click=move |_| set_all(false)>"Take none"</button>
                        <span class="merge__count" aria-live="polite">{move || {
                            let taken = state.exchange.merge.with(|merge| merge.as_ref().map_or(0, |m| m.taken.iter().filter(|t| **t).count()));
                            format!("{taken} of {total} picked")
                        }}</span>
                    </div>
                })}
                <div class="merge__list">
                    <ChangeList/>
                </div>
                {move || state.exchange.merge.with(|merge| merge.as_ref().and_then(|m| m.error.clone())).map(|error| view! {
                    <div class="import-error" role="alert">
                        <h3>"These changes cannot be taken on their own"</h3>
                        <pre class="import-error__message">{error}</pre>
                        <p>"Also take the change that adds what it names, or leave this one. Your plan was not changed."</p>
                    </div>
                })}
                <div class="form__actions">
                    <button id="merge-apply" class="button button--primary"
                        prop:disabled=move || state.exchange.merge.with(|merge| merge.as_ref().is_none_or(|m| !m.taken.contains(&true)))
                        on:click=move |_| state.exchange.apply_merge()>
                        {move || {
                            let taken = state.exchange.merge.with(|merge| merge.as_ref().map_or(0, |m| m.taken.iter().filter(|t| **t).count()));
                            if taken == 1 { "Take 1 change".to_string() } else { format!("Take {taken} changes") }
                        }}
                    </button>
                    <button class="button button--quiet" on:click=move |_| cancel()>"Cancel"</button>
                </div>
                <p class="view__hint">"Taking the changes is one edit: Undo puts the plan back as it was."</p>
            </div>
        </div>
    })
}

fn lead(merge: &PendingMerge) -> String {
    let comparison = &merge.comparison;
    let count = comparison.changes.len();
    let mut text = if count == 0 {
        "The file makes no change to your plan.".to_string()
    } else if comparison.three_way {
        let conflicts = comparison.conflicts();
        let mut text = format!(
            "Both plans come from a version kept in this browser, so only what the file changed since then is listed ({count}); your own changes stay. Their changes are picked."
        );
        if conflicts > 0 {
            text.push_str(&format!(
                " {conflicts} of them changed what you changed too: those keep yours unless you pick them."
            ));
        }
        text
    } else {
        format!("No common version of these plans is kept in this browser, so every difference is listed ({count}): pick what to take from the file.")
    };
    for (old, new) in &comparison.renumbered {
        text.push_str(&format!(
            " Their {old} is {new} here (you added a different {old})."
        ));
    }
    text
}

#[component]
fn ChangeList() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The list itself is built once; only the checkboxes follow `taken`.
    let changes: Vec<(usize, Change)> = state.exchange.merge.with_untracked(|merge| {
        merge
            .as_ref()
            .map(|merge| {
                merge
                    .comparison
                    .changes
                    .iter()
                    .cloned()
                    .enumerate()
                    .take(SHOWN)
                    .collect()
            })
            .unwrap_or_default()
    });
    let total = state
        .exchange
        .merge
        .with_untracked(|merge| merge.as_ref().map_or(0, |m| m.comparison.changes.len()));
    let mut groups: Vec<(Kind, Vec<(usize, Change)>)> = Vec::new();
    for (index, change) in changes {
        match groups.last_mut() {
            Some((kind, items)) if *kind == change.kind => items.push((index, change)),
            _ => groups.push((change.kind, vec![(index, change)])),
        }
    }
    let groups = groups
        .into_iter()
        .map(|(kind, items)| {
            view! {
                <h3 class="merge__group">{kind.heading()}</h3>
                <ul class="merge__changes">
                    {items.into_iter().map(|(index, change)| view! { <ChangeRow index change/> }).collect_view()}
                </ul>
            }
        })
        .collect_view();
    view! {
        {groups}
        {(total > SHOWN).then(|| view! {
            <p class="view__hint">{format!("… and {} more changes, not shown: Take all and Take none include them.", total - SHOWN)}</p>
        })}
    }
}

#[component]
fn ChangeRow(index: usize, change: Change) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = format!("change-{index}");
    let class = if change.conflict {
        "merge__change merge__change--conflict"
    } else {
        "merge__change"
    };
    view! {
        <li class=class>
            <input type="checkbox" id=id.clone()
                prop:checked=move || state.exchange.merge.with(|merge| merge.as_ref().and_then(|m| m.taken.get(index).copied()).unwrap_or(false))
                on:change=move |event| {
                    let checked = event_target_checked(&event);
                    state.exchange.merge.update(|merge| {
                        if let Some(taken) = merge.as_mut().and_then(|m| m.taken.get_mut(index)) {
                            *taken = checked;
                        }
                        if let Some(merge) = merge {
                            merge.error = None;
                        }
                    });
                }/>
            <label for=id>
                <span class="merge__label">{change.label}</span>
                " "
                <span class="merge__text">{change.text}</span>
                {change.conflict.then(|| view! { " " <span class="merge__badge">"both changed"</span> })}
            </label>
        </li>
    }
}
