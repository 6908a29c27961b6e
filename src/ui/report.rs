//! The Report view: the plan as a client reads it (goal and progress,
//! success metrics, the confirmed activities with owners, dates and status,
//! their risks, and capacity against demand), made to print to PDF. It
//! leaves out what is internal: cost rates, budgets, notes and tentative
//! pipeline work. Written as escaped markup (see `markup`): it is read, not
//! edited.

use leptos::prelude::*;

use super::board::status_slug;
use super::capacity_panels::chart_markup;
use super::markup::escape_into;
use super::plan::progress;
use super::state::AppState;
use crate::engine::capacity::{self, Options};
use crate::engine::risks::{self, Severity};
use crate::model::{long_date, medium_date, Activity, Commitment, NaiveDate, Plan, Status};
use crate::persist::share::{client_safe, ClientSafe};

fn number(value: f64) -> String {
    super::forms::number_text(value)
}

fn text(out: &mut String, value: &str) {
    escape_into(out, value);
}

/// A date as the report writes it, or a dash.
fn date_or_dash(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "–".to_string(), medium_date)
}

/// The whole report as markup.
pub fn report_html(plan: &Plan, today: NaiveDate) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let confirmed: Vec<&Activity> = plan
        .activities
        .iter()
        .filter(|activity| activity.commitment == Commitment::Confirmed)
        .collect();

    // Title and goal.
    out.push_str(r#"<header class="report__header"><p class="report__eyebrow">Ops plan report</p><h2 id="report-title">"#);
    text(&mut out, &plan.name);
    out.push_str(&format!(
        r#"</h2><p class="report__meta">As of {} · horizon {} to {}</p></header>"#,
        long_date(today),
        medium_date(plan.horizon.first_day()),
        medium_date(plan.horizon.last_day())
    ));
    let goal = &plan.goal;
    out.push_str(r#"<section class="report__section" aria-labelledby="report-goal"><h3 id="report-goal">Goal</h3><p class="report__goal">"#);
    text(
        &mut out,
        if goal.outcome.trim().is_empty() {
            "No strategic goal yet."
        } else {
            &goal.outcome
        },
    );
    out.push_str("</p><p>");
    text(
        &mut out,
        &format!(
            "{}: from {} to {} {}{}",
            if goal.metric_name.is_empty() {
                "Target"
            } else {
                &goal.metric_name
            },
            number(goal.baseline),
            number(goal.target),
            goal.unit,
            goal.target_date
                .map(|date| format!(" by {}", long_date(date)))
                .unwrap_or_default()
        ),
    );
    let done = confirmed
        .iter()
        .filter(|activity| activity.status == Status::Done)
        .count();
    let effort: f64 = confirmed
        .iter()
        .map(|activity| activity.effort_hours.max(0.0))
        .sum();
    let left: f64 = confirmed
        .iter()
        .map(|activity| activity.remaining_effort_hours())
        .sum();
    let share = if effort > 0.0 {
        ((effort - left) / effort * 100.0).round() as i64
    } else {
        0
    };
    out.push_str(&format!(
        "</p><p><strong>Progress:</strong> {done} of {} activities done; {share} % of the planned effort done.</p></section>",
        confirmed.len()
    ));

    // Success metrics.
    out.push_str(r#"<section class="report__section" aria-labelledby="report-metrics"><h3 id="report-metrics">Success metrics</h3>"#);
    if plan.metrics.is_empty() {
        out.push_str("<p>No success metrics yet.</p>");
    } else {
        out.push_str(r#"<table class="table report__table"><thead><tr><th scope="col">Metric</th><th scope="col">Baseline</th><th scope="col">Now</th><th scope="col">Target</th><th scope="col">Progress</th></tr></thead><tbody>"#);
        for metric in &plan.metrics {
            let unit = &metric.unit;
            out.push_str(r#"<tr><th scope="row">"#);
            text(&mut out, &metric.name);
            out.push_str("</th>");
            for value in [metric.baseline, metric.current, metric.target] {
                out.push_str("<td>");
                text(&mut out, &format!("{} {unit}", number(value)));
                out.push_str("</td>");
            }
            let done = progress(metric);
            out.push_str(&format!(
                r#"<td><span class="report__bar" aria-hidden="true"><span style="width:{done}%"></span></span> {done} %</td></tr>"#
            ));
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</section>");

    // Activities. Risks are found on the plan as a client may see it: no
    // leave notes, no tentative work in the evidence (check-ins are kept:
    // they decide the stale and midpoint rules).
    let mut clean = client_safe(plan, ClientSafe::default());
    clean.checkins = plan.checkins.clone();
    let found = risks::risks(&clean, today);
    out.push_str(r#"<section class="report__section report__activities" aria-labelledby="report-activities"><h3 id="report-activities">Activities</h3>"#);
    if confirmed.is_empty() {
        out.push_str("<p>No activities yet.</p>");
    } else {
        out.push_str(r#"<table class="table report__table"><thead><tr><th scope="col">Activity</th><th scope="col">Owner</th><th scope="col">Start</th><th scope="col">Check-in</th><th scope="col">Deadline</th><th scope="col">Status</th></tr></thead><tbody>"#);
        for activity in &confirmed {
            out.push_str(r#"<tr><th scope="row">"#);
            text(&mut out, &activity.title);
            if !activity.client.trim().is_empty() {
                out.push_str(r#"<span class="report__client">"#);
                text(&mut out, &activity.client);
                out.push_str("</span>");
            }
            out.push_str("</th><td>");
            text(
                &mut out,
                &activity
                    .owner
                    .map_or_else(|| "No owner".to_string(), |owner| plan.person_name(owner)),
            );
            out.push_str(&format!(
                r#"</td><td>{}</td><td>{}</td><td>{}</td><td><span class="report-status report-status--{}">{}</span></td></tr>"#,
                date_or_dash(activity.start),
                date_or_dash(activity.checkin),
                date_or_dash(activity.deadline),
                status_slug(activity.status),
                activity.status.label()
            ));
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</section>");

    // Risks of the confirmed work, most severe first.
    let shown: Vec<_> = found
        .iter()
        .filter(|risk| {
            confirmed
                .iter()
                .any(|activity| activity.id == risk.activity)
        })
        .collect();
    out.push_str(&format!(
        r#"<section class="report__section" aria-labelledby="report-risks"><h3 id="report-risks">Risks ({})</h3>"#,
        shown.len()
    ));
    if shown.is_empty() {
        out.push_str("<p>No risks found.</p>");
    } else {
        out.push_str(r#"<ul class="report__risks">"#);
        for risk in shown {
            let title = plan.activity_title(risk.activity);
            out.push_str(&format!(
                r#"<li class="{}"><strong>"#,
                if risk.severity == Severity::High {
                    "report__risk report__risk--high"
                } else {
                    "report__risk"
                }
            ));
            text(&mut out, &format!("{}: {title}", risk.kind.label()));
            out.push_str("</strong> ");
            text(&mut out, &risk.evidence);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>");

    // Capacity against demand, confirmed work only.
    let options = Options {
        include_tentative: false,
        hidden_scenarios: plan.scenarios.iter().map(|scenario| scenario.id).collect(),
    };
    let computed = capacity::compute(&clean, plan.horizon, &options, today);
    let (picture, summary) = chart_markup(&computed, false);
    out.push_str(r#"<section class="report__section report__capacity" aria-labelledby="report-capacity"><h3 id="report-capacity">Capacity against demand</h3><div class="chart-box" role="img" aria-label=""#);
    text(&mut out, &summary);
    out.push_str(r#"">"#);
    out.push_str(&picture);
    out.push_str("</div><p>");
    text(&mut out, &summary);
    out.push_str(r#"</p><p class="tl-legend"><span class="swatch swatch--support"></span>Support <span class="swatch swatch--confirmed"></span>Confirmed <span class="swatch swatch--unstaffed"></span>Not staffed yet <span class="swatch swatch--capacity"></span>Capacity</p>"#);
    // Each team's utilisation over the horizon.
    out.push_str(r#"<table class="table report__table"><thead><tr><th scope="col">Team</th><th scope="col">People</th><th scope="col">Utilisation over the horizon</th></tr></thead><tbody>"#);
    for team in &computed.teams {
        let (load, hours) = team.cells.iter().fold((0.0, 0.0), |(load, hours), cell| {
            (load + cell.load(false), hours + cell.capacity)
        });
        out.push_str(r#"<tr><th scope="row">"#);
        text(
            &mut out,
            if team.name.is_empty() {
                "No team"
            } else {
                &team.name
            },
        );
        out.push_str(&format!(
            "</th><td>{}</td><td>{}</td></tr>",
            team.members,
            if hours > 0.0 {
                format!("{} %", (load / hours * 100.0).round() as i64)
            } else {
                "–".to_string()
            }
        ));
    }
    out.push_str("</tbody></table></section>");
    out
}

#[component]
pub fn ReportView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let markup = move || {
        state
            .history
            .with(|history| report_html(history.plan(), today))
    };
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <div class="report__actions">
            <button class="button button--primary" on:click=print>"Print or save as PDF"</button>
            <p class="view__hint">"Made for clients: confirmed work only, without cost rates, budgets or notes. Printing leaves out the app's navigation."</p>
        </div>
        <article class="report" aria-labelledby="report-title" inner_html=markup></article>
    }
}
