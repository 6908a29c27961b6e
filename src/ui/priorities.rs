//! The priority list: what to work on first, computed from impact and
//! dependencies, with each rank explained. A person can pin an activity to a
//! place by dragging it, by keyboard (↑ and ↓ move it one place), or by its
//! Move up and Move down buttons (the same move, for a tap or a click).

use leptos::prelude::*;

use super::markup::{attr_into, closest, escape_into, Action, Html};
use super::state::AppState;
use crate::browser;
use crate::command::Command;
use crate::engine::priority::{Ranking, FORMULA};
use crate::model::{ActivityId, Plan};

/// How many entries show before "Show all".
const SHOWN: usize = 10;

/// The place one step up or down from `position` (1-based) among `total`;
/// none past either end. The ↑ and ↓ keys and the Move buttons both go there.
fn step_place(position: usize, total: usize, up: bool) -> Option<usize> {
    match up {
        true if position > 1 => Some(position - 1),
        false if position < total => Some(position + 1),
        _ => None,
    }
}

/// Pins `activity` at `position` and keeps focus on it.
fn pin(state: AppState, activity: ActivityId, position: usize) {
    let command = Command::PinPriority {
        activity,
        position: Some(position.max(1) as u32),
    };
    if state.edits.execute(command).is_ok() {
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
    // The list is markup with one handler per kind of event (see
    // `markup`): each item says its activity and place in `data-*`.
    let item_of = |target: Option<web_sys::EventTarget>| {
        let item = closest(target, "li[data-activity]")?;
        let attribute = |name: &str| item.get_attribute(name).unwrap_or_default();
        let id = attribute("data-activity").parse::<ActivityId>().ok()?;
        let position = attribute("data-position").parse::<usize>().ok()?;
        Some((item, id, position))
    };
    let on_dragstart = move |event: web_sys::DragEvent| {
        if let Some((_, id, _)) = item_of(event.target()) {
            dragged.set(Some(id));
            if let Some(transfer) = event.data_transfer() {
                let _ = transfer.set_data("text/plain", &id.to_string());
                transfer.set_effect_allowed("move");
            }
        }
    };
    let on_dragover = move |event: web_sys::DragEvent| {
        if dragged.get_untracked().is_some() && item_of(event.target()).is_some() {
            event.prevent_default();
        }
    };
    let on_drop = move |event: web_sys::DragEvent| {
        let (Some(moved), Some((_, id, position))) =
            (dragged.get_untracked(), item_of(event.target()))
        else {
            return;
        };
        event.prevent_default();
        dragged.set(None);
        if moved != id {
            pin(state, moved, position);
        }
    };
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        let Some((item, id, position)) = item_of(event.target()) else {
            return;
        };
        // Keys on the item itself, not on its Unpin button.
        let on_item = event
            .target()
            .is_some_and(|target| target == wasm_bindgen::JsValue::from(item).into());
        if !on_item {
            return;
        }
        let up = match event.key().as_str() {
            "ArrowUp" => true,
            "ArrowDown" => false,
            _ => return,
        };
        let total = ranking.with_untracked(|ranking| ranking.entries.len());
        let Some(target) = step_place(position, total, up) else {
            return;
        };
        event.prevent_default();
        pin(state, id, target);
    };
    let on_click = move |event: web_sys::MouseEvent| {
        match Action::from_event(&event) {
            // Move up and Move down: what ↑ and ↓ do.
            Some(Action::PinPriority { activity, position }) => pin(state, activity, position),
            Some(Action::UnpinPriority(activity)) => {
                let command = Command::PinPriority {
                    activity,
                    position: None,
                };
                if state.edits.execute(command).is_ok() {
                    browser::focus_after_render(format!("priority-{activity}"));
                }
            }
            _ => {}
        }
    };
    let items = move || {
        let all = show_all.get();
        ranking.with(|ranking| {
            state
                .edits
                .history
                .with(|history| items_html(history.plan(), ranking, all))
        })
    };

    view! {
        <section class="panel priorities" aria-labelledby="priorities-title">
            <h2 id="priorities-title">"Priorities"</h2>
            <p class="view__hint">
                "Drag an initiative to pin it to a place, tap or click its ↑ and ↓ buttons, or focus it and press ↑ or ↓. Pinned initiatives keep their place; their computed rank shows beside them."
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
            <ol class="priorities__list" inner_html=items on:dragstart=on_dragstart
                on:dragend=move |_| dragged.set(None) on:dragover=on_dragover on:drop=on_drop
                on:keydown=on_keydown on:click=on_click></ol>
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

/// The first entries of the ranking (all of them with `all`), each a
/// sortable item: its place, title, why, for a pinned one its computed
/// rank and an Unpin button, and its Move up and Move down buttons (off at
/// the first and the last place).
fn items_html(plan: &Plan, ranking: &Ranking, all: bool) -> String {
    let total = ranking.entries.len();
    let limit = if all { total } else { SHOWN.min(total) };
    let mut out = String::new();
    for entry in ranking.entries.iter().take(limit) {
        let id = entry.activity;
        let position = entry.position;
        let title = plan.activity_title(id);
        out.push_str(if entry.pinned {
            r#"<li class="priority priority--pinned""#
        } else {
            r#"<li class="priority""#
        });
        out.push_str(&format!(
            r#" id="priority-{id}" tabindex="0" draggable="true" aria-roledescription="sortable item" data-activity="{id}" data-position="{position}""#
        ));
        let label = format!(
            "{position}. {title}{}: {}. Press up or down to move.",
            if entry.pinned { ", pinned" } else { "" },
            entry.explanation
        );
        attr_into(&mut out, "aria-label", &label);
        out.push_str(&format!(
            r#"><span class="priority__rank" aria-hidden="true">{position}</span><span class="priority__body"><span class="priority__title">"#
        ));
        escape_into(&mut out, &title);
        out.push_str(r#"</span><span class="priority__why">"#);
        escape_into(&mut out, &entry.explanation);
        out.push_str("</span></span>");
        let mut html = Html::on(&mut out);
        if entry.pinned {
            html.open("span")
                .class("tag tag--pinned")
                .text(&format!("pinned · computed #{}", entry.computed_rank))
                .close("span")
                .open("button")
                .attr("type", "button")
                .class("button button--small")
                .action(&Action::UnpinPriority(id))
                .attr("aria-label", &format!("Unpin {title}"))
                .text("Unpin")
                .close("button");
        }
        html.open("span").class("priority__moves");
        for (direction, arrow, target) in [
            ("up", "↑", step_place(position, total, true)),
            ("down", "↓", step_place(position, total, false)),
        ] {
            html.open("button")
                .attr("type", "button")
                .class("button button--small priority__move");
            // At the first and the last place one button is off.
            match target {
                Some(target) => html.action(&Action::PinPriority {
                    activity: id,
                    position: target,
                }),
                None => html.flag("disabled", true),
            };
            html.attr("aria-label", &format!("Move {title} {direction}"))
                .text(arrow)
                .close("button");
        }
        html.close("span").close("li");
    }
    out
}
