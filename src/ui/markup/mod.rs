//! Markup written by hand, for the lists of hundreds of rows with many
//! cells where a `view!` a cell costs measurably more time to open: the
//! capacity timeline's lines and its work list, the People rows, the skills
//! matrix, the initiatives table, Money's tables and the charts, the Report
//! (and, until they are parts loaded on demand, the priorities and the
//! RACI matrix: see ARCHITECTURE.md, "Writing a view"). Everything else is
//! `view!`.
//!
//! Such markup is written through [`Html`] (tags by name, attribute values
//! and text escaped) or the `*_into` helpers, every text from a plan
//! through [`escape_into`]. A control says what it does with one
//! [`Action`] in its `data-action`, and a view's one delegated handler a
//! kind of event reads it back with [`Action::from_event`]. Rows are kept
//! by [`HtmlList`] (one keyed list); the timeline patches its weeks in
//! place by element id (see `capacity::DrawnLines`).

mod action;

pub use action::Action;

use leptos::prelude::*;

/// A small typed writer of markup: tags are opened and closed by name,
/// attribute values and text are always escaped, and a control's action is
/// written as [`Action`]. A start tag is ended (`>`) by whatever comes next,
/// or when the writer is dropped.
///
/// ```ignore
/// Html::on(&mut out)
///     .open("button").attr("type", "button").class("button button--small")
///     .action(&Action::EditPerson(id)).text("Edit").close("button");
/// ```
pub struct Html<'a> {
    out: &'a mut String,
    in_start_tag: bool,
}

impl<'a> Html<'a> {
    /// Writes at the end of `out`.
    pub fn on(out: &'a mut String) -> Html<'a> {
        Html {
            out,
            in_start_tag: false,
        }
    }

    fn end_start_tag(&mut self) {
        if self.in_start_tag {
            self.out.push('>');
            self.in_start_tag = false;
        }
    }

    /// Starts the element `tag`; attributes follow.
    pub fn open(&mut self, tag: &str) -> &mut Self {
        self.end_start_tag();
        self.out.push('<');
        self.out.push_str(tag);
        self.in_start_tag = true;
        self
    }

    /// An attribute of the element just opened, its value escaped.
    pub fn attr(&mut self, name: &str, value: &str) -> &mut Self {
        debug_assert!(self.in_start_tag, "attribute {name} outside a start tag");
        attr_into(self.out, name, value);
        self
    }

    /// A boolean attribute (`disabled`), written when `on`.
    pub fn flag(&mut self, name: &str, on: bool) -> &mut Self {
        if on {
            self.out.push(' ');
            self.out.push_str(name);
        }
        self
    }

    /// The element's classes.
    pub fn class(&mut self, classes: &str) -> &mut Self {
        self.attr("class", classes)
    }

    /// What the element does when used: its `data-action`.
    pub fn action(&mut self, action: &Action) -> &mut Self {
        self.attr("data-action", &action.encode())
    }

    /// Text content, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        self.end_start_tag();
        escape_into(self.out, text);
        self
    }

    /// Markup written elsewhere, as it is (it must be escaped already).
    pub fn raw(&mut self, markup: &str) -> &mut Self {
        self.end_start_tag();
        self.out.push_str(markup);
        self
    }

    /// Ends the element `tag`.
    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.end_start_tag();
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }
}

impl Drop for Html<'_> {
    fn drop(&mut self) {
        self.end_start_tag();
    }
}

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
