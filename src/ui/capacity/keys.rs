//! The keyboard on the timeline: arrows between weeks (one tab stop for
//! the whole grid), Enter to pick a bar up, Delete to remove it, and the
//! keys of a draft in progress (see `ui::draft`).

use super::*;

/// Arrow keys move focus between the weeks of the timeline: along a line,
/// or to the same week of the line above or below. Returns whether the key
/// was one of them.
fn move_cell_focus(cell: &web_sys::Element, key: &str) -> bool {
    use wasm_bindgen::JsCast;
    let column: i64 = cell
        .get_attribute("data-col")
        .and_then(|column| column.parse().ok())
        .unwrap_or(0);
    // Lines sit in wrappers (see `DrawnLines`); their siblings are the lines
    // above and below.
    let wrapper = cell
        .closest(".tl-line")
        .ok()
        .flatten()
        .and_then(|line| line.parent_element());
    let (line, column) = match key {
        "ArrowLeft" => (wrapper, column - 1),
        "ArrowRight" => (wrapper, column + 1),
        "ArrowUp" => (wrapper.and_then(|w| w.previous_element_sibling()), column),
        "ArrowDown" => (wrapper.and_then(|w| w.next_element_sibling()), column),
        _ => return false,
    };
    let next = line
        .and_then(|line| {
            line.query_selector(&format!(".cell[data-col=\"{column}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|next| next.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(next) = next {
        let _ = cell.set_attribute("tabindex", "-1");
        let _ = next.set_attribute("tabindex", "0");
        let _ = next.focus();
    }
    true
}

/// Focuses the timeline's tab stop (its focusable week) after the next
/// repaint, for when the element that had focus is gone.
pub(super) fn focus_timeline() {
    use wasm_bindgen::JsCast;
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(cell) = document()
            .query_selector(".timeline .cell[tabindex=\"0\"]")
            .ok()
            .flatten()
            .and_then(|cell| cell.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = cell.focus();
        }
    });
    let _ = window().request_animation_frame(callback.unchecked_ref());
}

impl Grid {
    /// The keyboard twin of every drag.
    pub(super) fn on_keydown(&self, event: leptos::ev::KeyboardEvent) {
        if let Some(cell) = closest(event.target(), ".cell") {
            if move_cell_focus(&cell, &event.key()) {
                event.prevent_default();
            }
            return;
        }
        let Some(bar) = closest(event.target(), "[data-bar]") else {
            return;
        };
        let key = event.key();
        // While a move is in progress, keys act on it, even before focus
        // has reached the draft bar.
        let is_draft = bar.id() == "bar-draft" || self.draft.is_active();
        if is_draft {
            self.draft.on_key(&event);
            return;
        }
        let id: Option<AllocationId> = bar.get_attribute("data-id").and_then(|id| id.parse().ok());
        match key.as_str() {
            "Enter" | " " => {
                if let Some(allocation) = id.and_then(|id| self.find(id)) {
                    event.prevent_default();
                    self.draft.start(Draft {
                        original: Some(allocation.id),
                        allocation,
                    });
                }
            }
            "Delete" => {
                if let Some(id) = id {
                    event.prevent_default();
                    if let Ok(summary) = self.state.edits.execute(Command::RemoveAllocation(id)) {
                        self.message.set(Some(summary));
                        focus_timeline();
                    }
                }
            }
            _ => {}
        }
    }

    /// Focus can be lost for a moment while a moved line is drawn again:
    /// keys pressed meanwhile still go to the move in progress. Listens on
    /// the window until the view is gone.
    pub(super) fn listen_for_stray_keys(&self) {
        let draft = self.draft;
        let stray_keys = window_event_listener(leptos::ev::keydown, move |event| {
            let stray =
                closest(event.target(), "*").is_none_or(|element| element.tag_name() == "BODY");
            if stray {
                draft.on_key(&event);
            }
        });
        on_cleanup(move || stray_keys.remove());
    }
}
