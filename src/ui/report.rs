//! The Report view: the plan as a client reads it (goal and progress,
//! success metrics, the confirmed initiatives with owners, dates and status,
//! their risks, and capacity against demand), made to print to PDF. It
//! leaves out what is internal: cost rates, budgets, notes and tentative
//! pipeline work. Written as escaped markup (see `markup`): it is read, not
//! edited.

use leptos::prelude::*;

use super::board::status_slug;
use super::capacity::panels::chart_markup;
use super::markup::escape_into;
use super::plan::progress;
use super::state::AppState;
use crate::engine::capacity::{self, Options};
use crate::engine::risks::{self, RiskKind, Severity};
use crate::model::{
    long_date, medium_date, Activity, ActivityId, Commitment, NaiveDate, Plan, Status,
};
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

/// The initiatives and the risks a report lists: a report is read, and
/// printed; a plan of thousands of initiatives says how many it leaves out.
const ROWS_SHOWN: usize = 200;
const RISKS_SHOWN: usize = 50;

/// `line` after a list of `total` cut at `shown`, with `{shown}` and
/// `{total}` filled in; nothing when nothing was cut.
fn left_out(out: &mut String, total: usize, shown: usize, line: &str) {
    if total > shown {
        out.push_str(r#"<p class="report__more">"#);
        let line = line
            .replace("{shown}", &shown.to_string())
            .replace("{total}", &crate::model::count_figure(total));
        text(out, &line);
        out.push_str("</p>");
    }
}

/// The whole report as markup.
pub fn report_html(plan: &Plan, today: NaiveDate) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let confirmed: Vec<&Activity> = plan
        .initiatives()
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
        "</p><p><strong>Progress:</strong> {done} of {} initiatives done; {share} % of the planned effort done.</p></section>",
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
    let options = Options {
        include_tentative: false,
        hidden_scenarios: plan.scenarios.iter().map(|scenario| scenario.id).collect(),
    };
    let found = risks::risks(&clean, &options, today);
    out.push_str(r#"<section class="report__section report__activities" aria-labelledby="report-activities"><h3 id="report-activities">Initiatives</h3>"#);
    if confirmed.is_empty() {
        out.push_str("<p>No initiatives yet.</p>");
    } else {
        out.push_str(r#"<table class="table report__table"><thead><tr><th scope="col">Initiative</th><th scope="col">Owner</th><th scope="col">Start</th><th scope="col">Check-in</th><th scope="col">Deadline</th><th scope="col">Status</th></tr></thead><tbody>"#);
        for activity in confirmed.iter().take(ROWS_SHOWN) {
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
        left_out(
            &mut out,
            confirmed.len(),
            ROWS_SHOWN,
            "The first {shown} of {total} initiatives are listed; the plan file and its spreadsheet exports hold them all.",
        );
    }
    out.push_str("</section>");

    // Risks of the confirmed initiatives, most severe first; a person's
    // load names other work, and stays in the firm.
    let mut ids: Vec<ActivityId> = confirmed.iter().map(|activity| activity.id).collect();
    ids.sort_unstable();
    let shown: Vec<_> = found
        .iter()
        .filter(|risk| risk.kind != RiskKind::Overloaded)
        .filter(|risk| {
            risk.activity
                .is_some_and(|id| ids.binary_search(&id).is_ok())
        })
        .collect();
    out.push_str(&format!(
        r#"<section class="report__section" aria-labelledby="report-risks"><h3 id="report-risks">Risks ({})</h3>"#,
        crate::model::count_figure(shown.len())
    ));
    if shown.is_empty() {
        out.push_str("<p>No risks found.</p>");
    } else {
        out.push_str(r#"<ul class="report__risks">"#);
        for risk in shown.iter().take(RISKS_SHOWN) {
            let title = risk
                .activity
                .map(|activity| plan.activity_title(activity))
                .unwrap_or_default();
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
        left_out(
            &mut out,
            shown.len(),
            RISKS_SHOWN,
            "The {shown} most severe of {total} risks are listed; the Plan view lists them all.",
        );
    }
    out.push_str("</section>");

    // Capacity against demand, confirmed work only.
    let computed = capacity::compute(&clean, plan.horizon, &options, today);
    let (picture, summary) = chart_markup(&computed, false, false);
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

/// The report for one client, made from the plan's copy for that client
/// (`share::for_client`): its work with team, dates and status, who does
/// what, the hours booked week by week and the risks to that work; nothing
/// of other clients, of the ops plan or of money.
pub fn client_report_html(copy: &Plan, client: &str, today: NaiveDate) -> String {
    let mut out = String::with_capacity(8 * 1024);
    out.push_str(r#"<header class="report__header"><p class="report__eyebrow">Work report</p><h2 id="report-title">"#);
    text(&mut out, client);
    out.push_str(&format!(
        r#"</h2><p class="report__meta">As of {} · {} to {}</p></header>"#,
        long_date(today),
        medium_date(copy.horizon.first_day()),
        medium_date(copy.horizon.last_day())
    ));
    let options = Options {
        include_tentative: false,
        hidden_scenarios: Vec::new(),
    };
    let load = capacity::compute(copy, copy.horizon, &options, today);
    let groups = crate::engine::book::book_of_work(copy, &load, |_| true);
    // The initiatives for the client, too (a pilot run with them).
    let mut work: Vec<&Activity> = copy.activities.iter().collect();
    work.sort_by_key(|activity| (activity.start.is_none(), activity.start, activity.id));
    out.push_str(r#"<section class="report__section" aria-labelledby="report-work"><h3 id="report-work">Our work for you</h3>"#);
    if work.is_empty() {
        out.push_str("<p>No work planned.</p>");
    } else {
        out.push_str(r#"<table class="table report__table"><thead><tr><th scope="col">Work</th><th scope="col">Kind</th><th scope="col">Start</th><th scope="col">End</th><th scope="col">Status</th><th scope="col">Team</th></tr></thead><tbody>"#);
        for activity in &work {
            let team: Vec<String> = groups
                .iter()
                .flat_map(|group| &group.engagements)
                .find(|engagement| engagement.activity == activity.id)
                .map(|engagement| {
                    engagement
                        .team
                        .iter()
                        .map(|member| match member {
                            crate::engine::book::Member::Person(person) => {
                                copy.person_name(*person)
                            }
                            crate::engine::book::Member::Role(role) => copy.role_title(*role),
                            crate::engine::book::Member::Placeholder(role) => {
                                format!("{role} (to staff)")
                            }
                        })
                        .collect()
                })
                .unwrap_or_else(|| {
                    activity
                        .owner
                        .map(|owner| vec![copy.person_name(owner)])
                        .unwrap_or_default()
                });
            out.push_str(r#"<tr><th scope="row">"#);
            text(&mut out, &activity.title);
            out.push_str("</th><td>");
            text(
                &mut out,
                if activity.is_initiative() {
                    "Improvement"
                } else {
                    activity.kind.label()
                },
            );
            out.push_str(&format!(
                r#"</td><td>{}</td><td>{}</td><td><span class="report-status report-status--{}">{}</span></td><td>"#,
                date_or_dash(activity.start),
                date_or_dash(activity.deadline),
                status_slug(activity.status),
                activity.status.label()
            ));
            text(
                &mut out,
                &if team.is_empty() {
                    "–".to_string()
                } else {
                    team.join(", ")
                },
            );
            out.push_str("</td></tr>");
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</section>");

    // Hours booked for the client, week by week.
    out.push_str(r#"<section class="report__section" aria-labelledby="report-hours"><h3 id="report-hours">Hours booked by week</h3><table class="table report__table report__weeks"><thead><tr>"#);
    for column in 0..load.weeks {
        out.push_str(&format!(
            r#"<th scope="col">W{:02}</th>"#,
            load.week(column).number()
        ));
    }
    out.push_str("</tr></thead><tbody><tr>");
    for column in 0..load.weeks {
        let hours: f64 = groups.iter().map(|group| group.hours[column]).sum::<f64>()
            + copy
                .initiatives()
                .map(|activity| {
                    copy.allocations
                        .iter()
                        .filter(|allocation| allocation.activity == activity.id)
                        .filter(|allocation| {
                            allocation.first_week <= load.week(column)
                                && load.week(column) <= allocation.last_week
                        })
                        .map(|allocation| allocation.hours_per_week.max(0.0))
                        .sum::<f64>()
                })
                .sum::<f64>();
        out.push_str(&format!("<td>{}</td>", number(hours.round())));
    }
    out.push_str("</tr></tbody></table></section>");

    // Risks to this work, found on the copy: only this client's work and
    // people are in it.
    let found = risks::risks_with(copy, &load, today);
    out.push_str(&format!(
        r#"<section class="report__section" aria-labelledby="report-risks"><h3 id="report-risks">Risks ({})</h3>"#,
        found.len()
    ));
    if found.is_empty() {
        out.push_str("<p>No risks found.</p>");
    } else {
        out.push_str(r#"<ul class="report__risks">"#);
        for risk in &found {
            let subject = match (risk.activity, risk.person) {
                (Some(activity), _) => copy.activity_title(activity),
                (None, Some(person)) => copy.person_name(person),
                (None, None) => String::new(),
            };
            out.push_str(&format!(
                r#"<li class="{}"><strong>"#,
                if risk.severity == Severity::High {
                    "report__risk report__risk--high"
                } else {
                    "report__risk"
                }
            ));
            text(&mut out, &format!("{}: {subject}", risk.kind.label()));
            out.push_str("</strong> ");
            text(&mut out, &risk.evidence);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>");
    out
}

#[component]
pub fn ReportView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let client = RwSignal::new(String::new());
    let names_as_roles = RwSignal::new(false);
    let clients = move || {
        state.edits.history.with(|history| {
            std::iter::once((String::new(), "The ops plan".to_string()))
                .chain(
                    history
                        .plan()
                        .clients()
                        .into_iter()
                        .map(|client| (client.clone(), client)),
                )
                .collect::<Vec<_>>()
        })
    };
    let markup = move || {
        let client = client.get();
        let options = ClientSafe {
            names_as_roles: names_as_roles.get(),
        };
        state.edits.history.with(|history| {
            let plan = history.plan();
            if client.is_empty() {
                report_html(plan, today)
            } else {
                let copy = crate::persist::share::for_client(plan, &client, options);
                client_report_html(&copy, &client, today)
            }
        })
    };
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <div class="report__actions">
            <super::forms::Choice filter=true label="Report for" value=client options=Signal::derive(clients)/>
            {move || (!client.get().is_empty()).then(|| view! {
                <label class="toggle">
                    <input type="checkbox" prop:checked=move || names_as_roles.get()
                        on:change=move |event| names_as_roles.set(event_target_checked(&event))/>
                    " Name people by their role"
                </label>
            })}
            <button class="button button--primary" on:click=print>"Print or save as PDF"</button>
            <p class="view__hint">"Made for clients: confirmed work only, without cost rates, budgets or notes. For one client, only that client's work and the people on it. Printing leaves out the app's navigation."</p>
        </div>
        <article class="report" aria-labelledby="report-title" inner_html=markup></article>
    }
}
