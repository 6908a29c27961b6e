//! The controls around the timeline: the weeks shown, the work to staff
//! and the legend.

use super::*;

#[component]
pub(super) fn RangeControls(
    range: Memo<Horizon>,
    chosen_range: RwSignal<Option<Horizon>>,
    include_tentative: RwSignal<bool>,
    show_bars: Memo<bool>,
    chosen_bars: RwSignal<Option<bool>>,
) -> impl IntoView {
    let choose = move |change: &dyn Fn(&mut Horizon)| {
        let mut next = range.get_untracked();
        change(&mut next);
        chosen_range.set(Some(next));
    };
    let set_weeks = move |event: leptos::ev::Event| {
        if let Ok(weeks) = event_target_value(&event).parse::<u32>() {
            choose(&|range| range.weeks = weeks.clamp(1, MAX_HORIZON_WEEKS));
        }
    };
    let shift = move |weeks: i64| choose(&|range| range.start = range.start.plus_weeks(weeks));
    view! {
        <div class="capacity__controls" role="group" aria-label="Weeks shown">
            <WeekPicker label="From week" value=Signal::derive(move || Some(range.get().start))
                on_change=Callback::new(move |week: Option<Week>| {
                    if let Some(week) = week {
                        choose(&|range| range.start = week);
                    }
                })/>
            <label class="filter">
                <span class="filter__label">"Weeks"</span>
                <select aria-label="Weeks" prop:value=move || range.get().weeks.to_string() on:change=set_weeks>
                    {move || {
                        let current = range.get().weeks;
                        [4u32, 8, 13, 26, 39, 52]
                            .into_iter()
                            .chain((![4, 8, 13, 26, 39, 52].contains(&current)).then_some(current))
                            .map(|weeks| view! { <option value=weeks.to_string() selected=weeks == current>{format!("{weeks} weeks")}</option> })
                            .collect_view()
                    }}
                </select>
            </label>
            <button type="button" class="button button--small" aria-label="Four weeks earlier" on:click=move |_| shift(-4)>"◀"</button>
            <button type="button" class="button button--small" on:click=move |_| chosen_range.set(None)>"Horizon"</button>
            <button type="button" class="button button--small" aria-label="Four weeks later" on:click=move |_| shift(4)>"▶"</button>
            <label class="toggle">
                <input type="checkbox" prop:checked=move || include_tentative.get()
                    on:change=move |event| include_tentative.set(event_target_checked(&event))/>
                "Include tentative work"
            </label>
            <label class="toggle">
                <input type="checkbox" prop:checked=move || show_bars.get()
                    on:change=move |event| chosen_bars.set(Some(event_target_checked(&event)))/>
                "Show allocations"
            </label>
        </div>
    }
}

/// The work to staff: activities short of hours (or all open ones), to
/// drag onto the timeline, or to place by Enter, a tap or a click.
#[component]
pub(super) fn WorkList(
    computed: Memo<Capacity>,
    only_unstaffed: RwSignal<bool>,
    /// Starts placing an activity: a draft on the timeline.
    start_placing: impl Fn(ActivityId) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let find = RwSignal::new(String::new());
    let work_of = |event: &web_sys::Event| match Action::from_event(event) {
        Some(Action::PlaceWork(id)) => Some(id),
        _ => None,
    };
    // (markup of the shown items, how many more match)
    let found = Memo::new(move |_| {
        let only = only_unstaffed.get();
        let wanted = find.get();
        let wanted = wanted.trim();
        computed.with(|capacity| {
            state.edits.history.with(|history| {
                let plan = history.plan();
                // The unstaffed entries by activity id, for binary search.
                let mut short_of: Vec<(u32, usize)> = capacity
                    .unstaffed
                    .iter()
                    .enumerate()
                    .map(|(index, item)| (item.activity.0, index))
                    .collect();
                sort_by_number(&mut short_of, |(id, _)| u64::from(*id));
                let mut more = 0;
                let shown: Vec<(u64, String)> = plan
                    .activities
                    .iter()
                    .filter(|activity| activity.status != crate::model::Status::Done)
                    .filter(|activity| {
                        wanted.is_empty()
                            || contains_ignoring_case(&activity.title, wanted)
                            || contains_ignoring_case(&activity.client, wanted)
                    })
                    .filter_map(|activity| {
                        let short = short_of
                            .binary_search_by_key(&activity.id.0, |(id, _)| *id)
                            .ok()
                            .map(|at| &capacity.unstaffed[short_of[at].1]);
                        if only && short.is_none() {
                            return None;
                        }
                        Some((activity, short))
                    })
                    .filter(|_| {
                        more += 1;
                        more <= WORK_LIST_LIMIT
                    })
                    .map(|(activity, short)| {
                        let need = match short {
                            Some(item) if item.has_no_hours_planned() => {
                                "no hours planned".to_string()
                            }
                            Some(item) if activity.weekly_commitment().is_some() => format!(
                                "{} of its weekly hours not covered",
                                hours(tenths_of(item.missing))
                            ),
                            Some(item) if item.placeholder > 0.0 => format!(
                                "{} to staff ({} held by a role)",
                                hours(tenths_of(item.missing)),
                                hours(tenths_of(item.placeholder))
                            ),
                            Some(item) => format!("{} to staff", hours(tenths_of(item.missing))),
                            None => "staffed".to_string(),
                        };
                        let due = activity.deadline.map_or_else(
                            || "no deadline".to_string(),
                            |date| format!("due {}", short_date(date)),
                        );
                        let mut html = format!(
                            r#"<div role="listitem" class="work{}" id="worklist-{}" draggable="true" tabindex="0" data-drag="activity" data-id="{}" data-action="{}" aria-label=""#,
                            if activity.commitment == Commitment::Tentative { " work--tentative" } else { "" },
                            activity.id,
                            activity.id,
                            Action::PlaceWork(activity.id).encode()
                        );
                        escape_into(&mut html, &format!("{}: {need}, {due}. Drag onto a person's week, or press Enter or tap it to place it.", activity.title));
                        html.push_str(r#""><span class="work__title">"#);
                        escape_into(&mut html, &activity.title);
                        html.push_str(r#"</span><span class="work__meta">"#);
                        escape_into(&mut html, &format!("{need} · {due}"));
                        html.push_str("</span></div>");
                        (key_of(&html), html)
                    })
                    .collect();
                (shown, more.saturating_sub(WORK_LIST_LIMIT))
            })
        })
    });
    view! {
        <aside class="worklist" aria-labelledby="worklist-title">
            <h3 id="worklist-title">"Work to staff"</h3>
            <label class="filter worklist__find">
                <span class="filter__label">"Find"</span>
                <input type="search" aria-label="Find work" placeholder="title or client"
                    prop:value=move || find.get() on:input=move |event| find.set(event_target_value(&event))/>
            </label>
            <div class="worklist__filter" role="group" aria-label="Which work">
                <label class="toggle">
                    <input type="radio" name="worklist" prop:checked=move || only_unstaffed.get()
                        on:change=move |_| only_unstaffed.set(true)/>
                    "Short of hours"
                </label>
                <label class="toggle">
                    <input type="radio" name="worklist" prop:checked=move || !only_unstaffed.get()
                        on:change=move |_| only_unstaffed.set(false)/>
                    "All open"
                </label>
            </div>
            <div class="worklist__items" role="list" on:keydown=move |event| {
                if event.key() == "Enter" || event.key() == " " {
                    if let Some(id) = work_of(&event) {
                        event.prevent_default();
                        start_placing(id);
                    }
                }
            } on:click=move |event| {
                // A tap or a click picks the work up as Enter does.
                if let Some(id) = work_of(&event) {
                    start_placing(id);
                }
            }>
                <HtmlList items=Signal::derive(move || found.with(|(shown, _)| shown.clone()))/>
            </div>
            <p class="worklist__empty">{move || found.with(|(_, more)| (*more > 0).then(|| format!("… and {more} more: type in Find to narrow the list.")))}</p>
            <p class="worklist__empty">{move || computed.with(|capacity| capacity.unstaffed.is_empty().then_some("Every open piece of work is staffed to its deadline."))}</p>
        </aside>
    }
}

#[component]
pub(super) fn Legend() -> impl IntoView {
    view! {
        <p class="tl-legend">
            <span class="swatch swatch--support"></span>"Support "
            <span class="swatch swatch--confirmed"></span>"Confirmed "
            <span class="swatch swatch--tentative"></span>"Tentative "
            <span class="swatch swatch--free"></span>"Free · the number is utilisation in %: "
            <span class="legend-band legend-band--under">"under 60"</span>" "
            <span class="legend-band legend-band--healthy">"60–100"</span>" "
            <span class="legend-band legend-band--over">"over 100"</span>
        </p>
    }
}
