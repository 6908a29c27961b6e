//! Capacity against demand as a chart: stacked demand under a line of
//! capacity, as SVG markup with a sentence for screen readers.

use super::*;

/// Capacity against demand as SVG markup (numbers and fixed class names
/// only) and the sentence that says the same for screen readers; with
/// `weighted`, a line of the demand to expect: support, confirmed work and
/// the pipeline's deals weighted by their win probability.
pub fn chart_markup(capacity: &Capacity, tentative: bool, weighted: bool) -> (String, String) {
    {
        // Whole-number coordinates in a 960 × 230 box.
        const WIDTH: i64 = 960;
        const HEIGHT: i64 = 190;
        const TOP: i64 = 12;
        const LEFT: i64 = 48;
        let columns = capacity.weeks.max(1) as i64;
        let pitch = (WIDTH - LEFT) / columns;
        let bar = (pitch * 4 / 5).max(1);
        let stacks: Vec<[f64; 4]> = capacity
            .total
            .iter()
            .zip(&capacity.unstaffed_demand)
            .map(|(cell, unstaffed)| {
                [
                    cell.support,
                    cell.confirmed,
                    if tentative { cell.tentative } else { 0.0 },
                    *unstaffed,
                ]
            })
            .collect();
        let top = capacity
            .total
            .iter()
            .map(|cell| cell.capacity)
            .chain(stacks.iter().map(|stack| stack.iter().sum()))
            .fold(0.0f64, f64::max);
        // A round scale of four steps.
        let step = [
            1u32, 2, 5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 125, 150, 200, 250, 300, 400, 500,
            750, 1000, 1500, 2000, 2500, 5000, 10_000, 20_000, 50_000,
        ]
        .into_iter()
        .map(f64::from)
        .find(|step| step * 4.0 >= top)
        .unwrap_or_else(|| (top / 4.0).ceil());
        let scale = step * 4.0;
        let y = |hours: f64| TOP + HEIGHT - (hours / scale * HEIGHT as f64).round() as i64;
        let colours = [
            "chart-support",
            "chart-confirmed",
            "chart-tentative",
            "chart-unstaffed",
        ];
        // The picture as SVG markup: numbers and fixed class names only.
        let mut svg = String::with_capacity(8192);
        for tick in 0..=4 {
            let hours = step * f64::from(tick);
            let at = y(hours);
            svg.push_str(&format!(
                    r#"<line class="chart-grid" x1="{LEFT}" x2="{WIDTH}" y1="{at}" y2="{at}"/><text class="chart-axis" x="{}" y="{}" text-anchor="end">{}</text>"#,
                    LEFT - 6,
                    at + 4,
                    hours as i64
                ));
        }
        for (column, stack) in stacks.iter().enumerate() {
            let x = LEFT + column as i64 * pitch + (pitch - bar) / 2;
            let mut base = 0.0;
            for (hours, class) in stack.iter().zip(colours) {
                if *hours <= 0.0 {
                    continue;
                }
                let (from, to) = (base, base + hours);
                base = to;
                svg.push_str(&format!(
                    r#"<rect class="{class}" x="{x}" y="{}" width="{bar}" height="{}"/>"#,
                    y(to),
                    y(from) - y(to)
                ));
            }
        }
        svg.push_str(r#"<polyline class="chart-capacity" points=""#);
        for (column, cell) in capacity.total.iter().enumerate() {
            let x = LEFT + column as i64 * pitch;
            let level = y(cell.capacity);
            svg.push_str(&format!("{x},{level} {},{level} ", x + pitch));
        }
        svg.push_str(r#""/>"#);
        // The expected demand: support, confirmed work, weighted deals.
        let expected: Vec<f64> = capacity
            .total
            .iter()
            .zip(&capacity.pipeline)
            .map(|(cell, pipeline)| cell.support + cell.confirmed + pipeline)
            .collect();
        if weighted {
            svg.push_str(r#"<polyline class="chart-weighted" points=""#);
            for (column, hours) in expected.iter().enumerate() {
                let x = LEFT + column as i64 * pitch;
                let level = y(*hours);
                svg.push_str(&format!("{x},{level} {},{level} ", x + pitch));
            }
            svg.push_str(r#""/>"#);
        }
        for column in (0..capacity.weeks).step_by(if capacity.weeks > 26 { 4 } else { 2 }) {
            svg.push_str(&format!(
                r#"<text class="chart-axis" x="{}" y="{}" text-anchor="middle">W{:02}</text>"#,
                LEFT + column as i64 * pitch + pitch / 2,
                TOP + HEIGHT + 18,
                capacity.week(column).number()
            ));
        }
        // The sentence a screen reader gets instead of the picture.
        let peak = stacks
            .iter()
            .enumerate()
            .map(|(column, stack)| (column, stack.iter().sum::<f64>()))
            .fold(
                (0, 0.0),
                |best, next| if next.1 > best.1 { next } else { best },
            );
        let over_weeks = stacks
            .iter()
            .zip(&capacity.total)
            .filter(|(stack, cell)| stack.iter().sum::<f64>() > cell.capacity + 0.01)
            .count();
        let mut summary = format!(
                "Demand peaks at {} h in {} against {} h of capacity; demand is above capacity in {} of {} weeks.",
                peak.1.round() as i64,
                capacity.week(peak.0),
                capacity.total.get(peak.0).map_or(0.0, |cell| cell.capacity).round() as i64,
                over_weeks,
                capacity.weeks
            );
        if weighted {
            let (column, hours) =
                expected
                    .iter()
                    .enumerate()
                    .fold((0, 0.0), |best, (column, hours)| {
                        if *hours > best.1 {
                            (column, *hours)
                        } else {
                            best
                        }
                    });
            summary.push_str(&format!(
                " With the pipeline weighted by its win probability, expected demand peaks at {} h in {}.",
                hours.round() as i64,
                capacity.week(column)
            ));
        }
        let picture = format!(
            r#"<svg class="chart" aria-hidden="true" viewBox="0 0 {} {}">{svg}</svg>"#,
            WIDTH + 4,
            TOP + HEIGHT + 28
        );
        (picture, summary)
    }
}

/// Capacity against demand per week: stacked demand (support, confirmed,
/// tentative, unstaffed) under a line of capacity.
#[component]
pub fn CapacityChart(
    computed: Memo<Capacity>,
    /// Changes a frame after the plan does (see `CapacityView`).
    settled: RwSignal<u32>,
    include_tentative: RwSignal<bool>,
) -> impl IntoView {
    let weighted = RwSignal::new(false);
    let chart = move || {
        settled.track();
        let tentative = include_tentative.get();
        let weighted = weighted.get();
        computed.with_untracked(|capacity| {
            let (picture, summary) = chart_markup(capacity, tentative, weighted);
            view! {
                <div class="chart-box" role="img" aria-label=summary.clone() inner_html=picture></div>
                <p class="chart__summary">{summary}</p>
            }
        })
    };
    view! {
        <section class="panel chart-panel" aria-labelledby="chart-title">
            <div class="panel__heading">
                <h3 id="chart-title">"Capacity against demand (hours a week)"</h3>
                <label class="toggle">
                    <input type="checkbox" prop:checked=move || weighted.get()
                        on:change=move |event| weighted.set(event_target_checked(&event))/>
                    " Show the pipeline weighted by its win probability"
                </label>
            </div>
            {chart}
            <p class="tl-legend">
                <span class="swatch swatch--support"></span>"Support "
                <span class="swatch swatch--confirmed"></span>"Confirmed "
                <span class="swatch swatch--tentative"></span>"Tentative "
                <span class="swatch swatch--unstaffed"></span>"Not staffed yet "
                <span class="swatch swatch--capacity"></span>"Capacity"
                {move || weighted.get().then(|| view! {
                    <span class="swatch swatch--weighted"></span>" Expected: support, confirmed and deals × win probability"
                })}
            </p>
        </section>
    }
}
