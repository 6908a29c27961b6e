//! A week chosen the same way in every browser.
//!
//! `<input type="week">` exists only in Chromium: Safari draws an empty box
//! and Firefox a bare text field. A date field exists everywhere, with each
//! browser's own calendar, so the picker is a date field that stands for
//! the week of the day picked: it shows that week's Monday, names the week
//! beside it, and has buttons a week back and on.

use leptos::prelude::*;

use crate::model::Week;

/// A labelled week picker. `value` is the week shown (`None`: empty);
/// `on_change` hears every week picked, typed or stepped to, and `None`
/// when the field is emptied.
#[component]
pub fn WeekPicker(
    label: &'static str,
    #[prop(into)] value: Signal<Option<Week>>,
    on_change: Callback<Option<Week>>,
) -> impl IntoView {
    let step = move |weeks: i64| {
        if let Some(week) = value.get_untracked() {
            on_change.run(Some(week.plus_weeks(weeks)));
        }
    };
    let picked = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        let week = Week::of_date_or_week(&text);
        // An unreadable text is left for the person to finish or correct.
        if week.is_some() || text.trim().is_empty() {
            on_change.run(week);
        }
    };
    let monday = move || {
        value
            .get()
            .map(|week| week.monday().to_string())
            .unwrap_or_default()
    };
    let named = move || value.get().map(|week| week.to_string()).unwrap_or_default();
    view! {
        <div class="filter week-picker">
            <span class="filter__label" aria-hidden="true">{label}</span>
            <span class="week-picker__row">
                <button type="button" class="week-picker__step" aria-label=format!("{label}: a week earlier")
                    disabled=move || value.with(Option::is_none) on:click=move |_| step(-1)>"‹"</button>
                <input type="date" class="week-picker__date" aria-label=label
                    title="Any day of the week: the week it falls in is chosen"
                    prop:value=monday on:change=picked/>
                <button type="button" class="week-picker__step" aria-label=format!("{label}: a week later")
                    disabled=move || value.with(Option::is_none) on:click=move |_| step(1)>"›"</button>
                <output class="week-picker__week" aria-label=format!("{label}: the week")>{named}</output>
            </span>
        </div>
    }
}
