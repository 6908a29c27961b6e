//! Views written as markup: for lists of many rows with no reactive code of
//! their own (the capacity timeline, the work list, charts, the hiring plan
//! and the cadences), escaped markup per row and one keyed list (or one
//! handler and [`Patch`]es by id; the timeline patches its weeks in place,
//! see `capacity::DrawnLines`) cost far less wasm than a view per element,
//! and patch faster. Every text from a plan goes through
//! [`escape_into`].

use leptos::prelude::*;

/// Pieces of markup keyed by their text: a changed piece is replaced, the
/// others stay. One list component serves such lists (the work list), so
/// the browser bundle carries its keyed diffing once; the capacity timeline
/// patches its lines in place instead (`capacity::DrawnLines`).
#[component]
pub fn HtmlList(
    /// (a key that changes whenever the markup does, the markup)
    items: Signal<Vec<(u64, String)>>,
) -> impl IntoView {
    view! {
        <For each=move || items.get() key=|(key, _)| *key let:item>
            <div class="tl-wrap" inner_html=item.1></div>
        </For>
    }
}

/// The key of a piece of markup for [`HtmlList`]: a hash of what it shows.
pub fn key_of(content: &impl std::hash::Hash) -> u64 {
    use std::hash::Hasher;
    let mut hasher = std::hash::DefaultHasher::new();
    content.hash(&mut hasher);
    hasher.finish()
}

/// Appends `text` with the characters that mean something in HTML escaped,
/// so names and titles from a plan file are always shown as text.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Appends ` name="value"`, the value escaped.
pub fn attr_into(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_into(out, value);
    out.push('"');
}

/// Appends the `<option>`s of a select, `current` selected.
pub fn options_into(out: &mut String, options: &[(String, String)], current: &str) {
    for (value, text) in options {
        out.push_str("<option");
        attr_into(out, "value", value);
        if value == current {
            out.push_str(" selected");
        }
        out.push('>');
        escape_into(out, text);
        out.push_str("</option>");
    }
}

/// Appends a labelled input as `forms::Field` draws it: `kind` is the
/// input type ("text", "number", "date"), `hint` a line under it (or "").
pub fn field_into(
    out: &mut String,
    id: &str,
    label: &str,
    kind: &str,
    value: &str,
    required: bool,
    hint: &str,
) {
    out.push_str(
        "<div class=\"field\"><label class=\"field__control\"><span class=\"field__label\">",
    );
    escape_into(out, label);
    if required {
        out.push_str("<span aria-hidden=\"true\"> *</span>");
    }
    out.push_str("</span><input");
    attr_into(out, "type", kind);
    attr_into(out, "id", id);
    attr_into(out, "aria-label", label);
    attr_into(out, "value", value);
    if kind == "number" {
        out.push_str(" step=\"any\" min=\"0\"");
    }
    if required {
        out.push_str(" required");
    }
    out.push_str("></label>");
    if !hint.is_empty() {
        out.push_str("<span class=\"field__hint\">");
        escape_into(out, hint);
        out.push_str("</span>");
    }
    out.push_str("</div>");
}

/// Appends a labelled select as `forms::Choice` draws it.
pub fn choice_into(
    out: &mut String,
    id: &str,
    label: &str,
    options: &[(String, String)],
    current: &str,
) {
    out.push_str("<label class=\"field\"><span class=\"field__label\">");
    escape_into(out, label);
    out.push_str("</span><select");
    attr_into(out, "id", id);
    attr_into(out, "aria-label", label);
    out.push('>');
    options_into(out, options, current);
    out.push_str("</select></label>");
}

/// The element an event happened on, or its nearest ancestor matching
/// `selector`: how one handler serves a whole list written as markup.
pub fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()?
}

/// A change to markup already on the page, found by element id: what an
/// edit changes in a list written as markup, applied without drawing the
/// list again, so focus, an open select and what is being typed elsewhere
/// stay as they are.
pub enum Patch {
    /// The value of an input or a select.
    Value(String),
    /// The text of an element.
    Text(String),
    /// An element's content, as markup.
    Html(String),
}

/// Applies patches; an element that already shows the value is left alone,
/// and an id not on the page is skipped.
pub fn apply_patches(patches: Vec<(String, Patch)>) {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    for (id, patch) in patches {
        let Some(element) = document.get_element_by_id(&id) else {
            continue;
        };
        match patch {
            // Selects have the same `value` property as inputs.
            Patch::Value(value) => {
                let control = element.unchecked_ref::<web_sys::HtmlInputElement>();
                if control.value() != value {
                    control.set_value(&value);
                }
            }
            Patch::Text(text) => {
                if element.text_content().as_deref() != Some(text.as_str()) {
                    element.set_text_content(Some(&text));
                }
            }
            Patch::Html(markup) => element.set_inner_html(&markup),
        }
    }
}

/// The value of the input or select with this id; empty when it is gone.
pub fn value_of(id: &str) -> String {
    use wasm_bindgen::JsCast;
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .map(|element| {
            element
                .unchecked_into::<web_sys::HtmlInputElement>()
                .value()
        })
        .unwrap_or_default()
}
