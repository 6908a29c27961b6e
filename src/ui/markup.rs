//! Views written as markup: for lists of many rows with no reactive code of
//! their own (the capacity timeline, the work list, charts), escaped markup
//! per row and one keyed list cost far less wasm than a view per element,
//! and patch faster. Every text from a plan goes through [`escape_into`].

use leptos::prelude::*;

/// Pieces of markup keyed by their text: a changed piece is replaced, the
/// others stay. One list component serves every such list, so the browser
/// bundle carries its keyed diffing once.
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
