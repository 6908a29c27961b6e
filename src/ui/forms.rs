//! Labelled form fields over string signals, shared by the edit forms,
//! and the buttons of a list's items, named after their item. Forms keep
//! what the person typed as text and turn it into a command on save, so a
//! half-typed number never reaches the plan.

use chrono::NaiveDate;
use leptos::prelude::*;

/// A labelled single-line input.
#[component]
pub fn Field(
    /// The visible label, also the accessible name.
    label: &'static str,
    /// The text typed so far.
    value: RwSignal<String>,
    /// The input type: "text", "number", "date".
    #[prop(default = "text")]
    kind: &'static str,
    /// A short hint under the field.
    #[prop(optional)]
    hint: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional)] id: &'static str,
) -> impl IntoView {
    // The hint sits outside the label, so the field's accessible name is
    // its label alone; "required" is announced from the attribute, and the
    // visible asterisk is hidden from screen readers.
    view! {
        <div class="field">
            <label class="field__control">
                <span class="field__label">
                    {label}
                    {required.then(|| view! { <span aria-hidden="true">" *"</span> })}
                </span>
                <input
                    type=kind
                    aria-label=label
                    id=(!id.is_empty()).then_some(id)
                    step=(kind == "number").then_some("any")
                    required=required
                    prop:value=move || value.get()
                    on:input=move |event| value.set(event_target_value(&event))
                />
            </label>
            {(!hint.is_empty()).then(|| view! { <span class="field__hint">{hint}</span> })}
        </div>
    }
}

/// A labelled multi-line input.
#[component]
pub fn TextArea(
    label: &'static str,
    value: RwSignal<String>,
    #[prop(default = 3)] rows: u32,
) -> impl IntoView {
    view! {
        <label class="field field--wide">
            <span class="field__label">{label}</span>
            <textarea
                aria-label=label
                rows=rows
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
            ></textarea>
        </label>
    }
}

/// A labelled select over (value, label) options.
#[component]
pub fn Choice(
    label: &'static str,
    value: RwSignal<String>,
    /// The options as (value, label); a select whose options follow the
    /// plan (the allocation editor's "Assigned to") passes a memo.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// The compact look of a table filter instead of a form field.
    #[prop(optional)]
    filter: bool,
) -> impl IntoView {
    let (class, label_class) = if filter {
        ("filter", "filter__label")
    } else {
        ("field", "field__label")
    };
    // The options as escaped markup: a select of every person of a large
    // plan is parsed by the browser at once instead of built one element
    // at a time, and written again only when the options change.
    let markup = move || {
        let mut markup = String::new();
        options.with(|options| {
            super::markup::options_into(&mut markup, options, &value.get_untracked())
        });
        markup
    };
    view! {
        <label class=class>
            <span class=label_class>{label}</span>
            <select
                aria-label=label
                inner_html=markup
                prop:value=move || value.get()
                on:change=move |event| value.set(event_target_value(&event))
            ></select>
        </label>
    }
}

/// A small button of one item in a list (a role's card, a meeting's row),
/// named by its words and then the item's name: "Remove Cloud Engineer".
/// A screen reader's list of buttons then tells the items' Removes apart,
/// and the name follows the item's as it is renamed, since it is read from
/// the element that shows it.
#[component]
pub fn ItemButton(
    /// The button's id, also the first part of its name: `role-3-remove`.
    id: String,
    /// The id of the element that shows the item's name (a card's heading,
    /// a row's name), the second part.
    item: String,
    /// The button's words: "Remove".
    text: &'static str,
    /// What it does, shown on hover.
    title: &'static str,
    /// The red look of a button that takes something away.
    #[prop(optional)]
    danger: bool,
    on_click: Callback<()>,
) -> impl IntoView {
    let class = if danger {
        "button button--small button--danger"
    } else {
        "button button--small"
    };
    let labelled_by = format!("{id} {item}");
    view! {
        <button
            type="button"
            class=class
            id=id
            aria-labelledby=labelled_by
            title=title
            on:click=move |_| on_click.run(())
        >
            {text}
        </button>
    }
}

/// Reads an optional date typed into a date field.
pub fn parse_date(label: &str, text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    crate::model::parse_iso_date(text)
        .map(Some)
        .ok_or_else(|| format!("{label}: '{text}' is not a date (use YYYY-MM-DD)"))
}

/// Reads a number typed into a number field; empty is `default`.
pub fn parse_number(label: &str, text: &str, default: f64) -> Result<f64, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(default);
    }
    text.replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|number| number.is_finite())
        .ok_or_else(|| format!("{label}: '{text}' is not a number"))
}

/// A date as a date field shows it.
pub fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|date| date.to_string()).unwrap_or_default()
}

pub use crate::model::number_text;

/// The different texts among `values`, empty ones left out, in order: the
/// choices of a filter (teams, skill categories, clients).
pub fn distinct_texts<'a>(values: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut texts: Vec<String> = values
        .filter(|value| !value.is_empty())
        .map(str::to_string)
        .collect();
    texts.sort_unstable();
    texts.dedup();
    texts
}

/// Whether `text` contains `part`, ignoring the case of ASCII letters (no
/// Unicode case tables in the bundle): a Find box's match.
pub fn contains_ignoring_case(text: &str, part: &str) -> bool {
    let (text, part) = (text.as_bytes(), part.as_bytes());
    part.is_empty()
        || text
            .windows(part.len())
            .any(|window| window.eq_ignore_ascii_case(part))
}
