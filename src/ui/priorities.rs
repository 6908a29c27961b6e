//! The priority list: what to work on first, computed from impact and
//! dependencies, with each rank explained. A person can pin an activity to a
//! place by dragging it, or by keyboard (↑ and ↓ move it one place).

use leptos::prelude::*;

use super::state::AppState;
use crate::browser;
use crate::command::Command;
use crate::engine::priority::{Ranked, Ranking, FORMULA};
use crate::model::ActivityId;

/// How many entries show before "Show all".
const SHOWN: usize = 10;

/// Pins `activity` at `position` and keeps focus on it.
fn pin(state: AppState, activity: ActivityId, position: usize) {
    let command = Command::PinPriority {
        activity,
        position: Some(position.max(1) as u32),
    };
    if state.execute(command).is_ok() {
        browser::focus_after_render(format!("priority-{activity}"));
    }
}

#[component]
pub fn PriorityPanel(
    /// The computed priorities, shared with the activities table.
    ranking: Memo<Ranking>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let show_all = RwSignal::new(false);
    let dragged = RwSignal::new(None::<ActivityId>);
    let titles = move |id: ActivityId| {
        state
            .history
            .with(|history| history.plan().activity_title(id))
    };

    view! {
        <section class="panel priorities" aria-labelledby="priorities-title">
            <h2 id="priorities-title">"Priorities"</h2>
            <p class="view__hint">
                "Drag an activity to pin it to a place, or focus it and press ↑ or ↓. Pinned activities keep their place; their computed rank shows beside them."
            </p>
            <details class="priorities__how">
                <summary>"How is this ranked?"</summary>
                <pre class="priorities__formula">{FORMULA}</pre>
            </details>
            {move || ranking.with(|ranking| {
                (!ranking.loops.is_empty()).then(|| view! {
                    <ul class="priorities__loops" role="alert">
                        {ranking.loops.iter().map(|dependency_loop| view! {
                            <li>{format!("Not ranked: {}", dependency_loop.message)}</li>
                        }).collect_view()}
                    </ul>
                })
            })}
            <ol class="priorities__list">
                {move || {
                    let entries: Vec<Ranked> = ranking.with(|ranking| ranking.entries.clone());
                    let total = entries.len();
                    let limit = if show_all.get() { total } else { SHOWN.min(total) };
                    entries
                        .into_iter()
                        .take(limit)
                        .map(|entry| {
                            let id = entry.activity;
                            let position = entry.position;
                            let title = titles(id);
                            let pinned = entry.pinned.then(|| format!("pinned · computed #{}", entry.computed_rank));
                            let label = format!(
                                "{position}. {title}{}: {}. Press up or down to move.",
                                if entry.pinned { ", pinned" } else { "" },
                                entry.explanation
                            );
                            view! {
                                <li
                                    class="priority"
                                    class:priority--pinned=entry.pinned
                                    id=format!("priority-{id}")
                                    tabindex="0"
                                    draggable="true"
                                    aria-roledescription="sortable item"
                                    aria-label=label
                                    data-activity=id.to_string()
                                    on:dragstart=move |event| {
                                        dragged.set(Some(id));
                                        if let Some(transfer) = event.data_transfer() {
                                            let _ = transfer.set_data("text/plain", &id.to_string());
                                            transfer.set_effect_allowed("move");
                                        }
                                    }
                                    on:dragend=move |_| dragged.set(None)
                                    on:dragover=move |event| {
                                        if dragged.get_untracked().is_some() {
                                            event.prevent_default();
                                        }
                                    }
                                    on:drop=move |event| {
                                        if let Some(moved) = dragged.get_untracked() {
                                            event.prevent_default();
                                            dragged.set(None);
                                            if moved != id {
                                                pin(state, moved, position);
                                            }
                                        }
                                    }
                                    on:keydown=move |event| {
                                        if event.target() != event.current_target() {
                                            return;
                                        }
                                        let target = match event.key().as_str() {
                                            "ArrowUp" if position > 1 => position - 1,
                                            "ArrowDown" if position < total => position + 1,
                                            _ => return,
                                        };
                                        event.prevent_default();
                                        pin(state, id, target);
                                    }
                                >
                                    <span class="priority__rank" aria-hidden="true">{position}</span>
                                    <span class="priority__body">
                                        <span class="priority__title">{title.clone()}</span>
                                        <span class="priority__why">{entry.explanation.clone()}</span>
                                    </span>
                                    {pinned.map(|text| view! { <span class="tag tag--pinned">{text}</span> })}
                                    {entry.pinned.then(|| view! {
                                        <button class="button button--small" aria-label=format!("Unpin {title}")
                                            on:click=move |_| {
                                                let _ = state.execute(Command::PinPriority { activity: id, position: None });
                                            }>"Unpin"</button>
                                    })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
            {move || {
                let total = ranking.with(|ranking| ranking.entries.len());
                match total {
                    0 => Some(view! { <p class="empty">"No open activities to rank."</p> }.into_any()),
                    total if total > SHOWN => Some(view! {
                        <button class="button button--small" on:click=move |_| show_all.update(|all| *all = !*all)>
                            {move || if show_all.get() { "Show the top 10".to_string() } else { format!("Show all {total}") }}
                        </button>
                    }.into_any()),
                    _ => None,
                }
            }}
        </section>
    }
}
