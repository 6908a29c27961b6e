//! The Plan view: the strategic goal and its success metrics, the plan's
//! health, the computed priorities and the activities, with an editor for
//! each opened by a link (`#/plan/goal`, `#/plan/activity/act-3`, ...).

use leptos::prelude::*;

use super::activities::{ActivitiesTable, ActivityForm, Editing};
use super::forms::{date_text, number_text, parse_date, parse_number, Choice, Field, TextArea};
use super::markup::{attr_into, escape_into};
use super::priorities::PriorityPanel;
use super::state::{AppState, PlanFocus};
use crate::browser;
use crate::command::Command;
use crate::engine::health::{self, Check, Fix};
use crate::model::{
    medium_date, weekday_label, Direction, Horizon, MetricId, Resources, RiskSettings,
    StrategicGoal, SuccessMetric, Week, MAX_HORIZON_WEEKS, WEEKDAYS,
};

#[component]
pub fn PlanView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ranking = state.figures.ranking;
    let editing = Memo::new(move |_| state.routing.plan_focus.get() != PlanFocus::Overview);
    view! {
        <div class="plan">
            {move || editing.get().then(|| super::parts::on_demand(super::parts::plan_editor::load))}
            <div class="plan__top">
                <GoalPanel/>
                <HealthPanel/>
            </div>
            <PriorityPanel ranking/>
            <super::week::RisksPanel only=Signal::stored(None)/>
            <ActivitiesTable ranking/>
            <super::raci::RaciPanel/>
            <super::cadences::CadencesPanel/>
        </div>
    }
}

/// The editor the address names (`#/plan/goal`, `#/plan/activity/act-3`,
/// ...): a part of its own (`ui::parts`), loaded the first time one opens.
#[component]
pub(super) fn PlanEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || match state.routing.plan_focus.get() {
        PlanFocus::Overview => None,
        PlanFocus::Goal => Some(view! { <GoalForm/> }.into_any()),
        PlanFocus::NewMetric => Some(view! { <MetricForm which=None/> }.into_any()),
        PlanFocus::Metric(id) => Some(view! { <MetricForm which=Some(id)/> }.into_any()),
        PlanFocus::NewActivity => {
            Some(view! { <ActivityForm which=Editing::New suggest=false/> }.into_any())
        }
        PlanFocus::Activity(id) => {
            Some(view! { <ActivityForm which=Editing::Existing(id) suggest=false/> }.into_any())
        }
        PlanFocus::SuggestOwner(id) => {
            Some(view! { <ActivityForm which=Editing::Existing(id) suggest=true/> }.into_any())
        }
    }
}

/// The goal, the horizon and the success metrics with progress bars.
#[component]
fn GoalPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let markup = move || {
        state
            .edits
            .history
            .with(|history| goal_html(history.plan()))
    };
    view! { <section class="panel goal" aria-labelledby="goal-title" inner_html=markup></section> }
}

/// The goal, its target, the horizon, the resources and the success
/// metrics with their progress, with links to edit them.
fn goal_html(plan: &crate::model::Plan) -> String {
    let goal = &plan.goal;
    let outcome = if goal.outcome.trim().is_empty() {
        "No strategic goal yet."
    } else {
        &goal.outcome
    };
    let target_line = format!(
        "{}: {} → {} {}{}",
        if goal.metric_name.is_empty() {
            "Target"
        } else {
            &goal.metric_name
        },
        number_text(goal.baseline),
        number_text(goal.target),
        goal.unit,
        goal.target_date
            .map(|date| format!(" by {}", medium_date(date)))
            .unwrap_or_default(),
    );
    let horizon = format!(
        "Horizon: {} weeks from {} ({} to {}) · weekly review on {}",
        plan.horizon.weeks,
        plan.horizon.start,
        medium_date(plan.horizon.first_day()),
        medium_date(plan.horizon.last_day()),
        weekday_label(plan.review_weekday),
    );
    let resources = &plan.resources;
    let budget = resources.budget.map_or_else(
        || "no budget".to_string(),
        |budget| {
            format!(
                "budget {}",
                crate::model::amount_text(budget, &resources.currency)
            )
        },
    );
    let tooling = if resources.tooling.is_empty() {
        "no tooling listed".to_string()
    } else {
        resources.tooling.join(", ")
    };
    let mut out = format!(
        r#"<div class="panel__heading"><p class="goal__eyebrow">Strategic goal</p><a class="button button--small" href="{}">Edit goal and resources</a></div><h2 id="goal-title" class="goal__outcome">"#,
        PlanFocus::Goal.hash()
    );
    escape_into(&mut out, outcome);
    out.push_str(r#"</h2><p class="goal__target">"#);
    escape_into(&mut out, &target_line);
    out.push_str(r#"</p><p class="goal__horizon">"#);
    escape_into(&mut out, &horizon);
    out.push_str(r#"</p><p class="goal__horizon">"#);
    escape_into(&mut out, &format!("Resources: {budget} · {tooling}"));
    out.push_str("</p>");
    if !resources.headcount_note.is_empty() {
        out.push_str(r#"<p class="goal__horizon">"#);
        escape_into(
            &mut out,
            &format!("Headcount: {}", resources.headcount_note),
        );
        out.push_str("</p>");
    }
    out.push_str(&format!(
        r#"<div class="panel__heading metrics__heading"><h3>Success metrics</h3><a class="button button--small" href="{}">Add metric</a></div><ul class="metrics" aria-label="Success metrics">"#,
        PlanFocus::NewMetric.hash()
    ));
    for metric in &plan.metrics {
        metric_html(&mut out, metric);
    }
    out.push_str("</ul>");
    out
}

/// How far a metric has come from its baseline to its target, 0 to 100.
pub(super) fn progress(metric: &SuccessMetric) -> i64 {
    let span = metric.target - metric.baseline;
    if span.abs() < f64::EPSILON {
        return 100;
    }
    ((metric.current - metric.baseline) / span * 100.0)
        .clamp(0.0, 100.0)
        .round() as i64
}

fn metric_html(out: &mut String, metric: &SuccessMetric) {
    let progress = progress(metric);
    let arrow = match metric.direction {
        Direction::HigherIsBetter => "higher is better",
        Direction::LowerIsBetter => "lower is better",
    };
    let label = format!(
        "{}: {} {} now, from {} to {} ({arrow}), {progress} % of the way",
        metric.name,
        number_text(metric.current),
        metric.unit,
        number_text(metric.baseline),
        number_text(metric.target),
    );
    out.push_str(r#"<li class="metric"><span class="metric__name"><a"#);
    attr_into(out, "href", &PlanFocus::Metric(metric.id).hash());
    attr_into(
        out,
        "aria-label",
        &format!("Edit the metric {}", metric.name),
    );
    out.push('>');
    escape_into(out, &metric.name);
    out.push_str(r#"</a></span><span class="metric__numbers">"#);
    escape_into(
        out,
        &format!(
            "{} {} now · from {} to {} {}",
            number_text(metric.current),
            metric.unit,
            number_text(metric.baseline),
            number_text(metric.target),
            metric.unit
        ),
    );
    out.push_str(r#"</span><span class="metric__bar" role="meter""#);
    attr_into(out, "aria-label", &label);
    out.push_str(&format!(
        r#" aria-valuemin="0" aria-valuemax="100" aria-valuenow="{progress}""#
    ));
    attr_into(out, "title", &label);
    out.push_str(&format!(
        r#"><span class="metric__fill" style="width: {progress}%"></span></span></li>"#
    ));
}

/// The five components every plan needs, and the habits that keep it honest,
/// each finding linked to where it is fixed.
#[component]
fn HealthPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let markup = move || {
        state
            .edits
            .history
            .with(|history| health_html(history.plan()))
    };
    view! {
        <section class="panel health" aria-labelledby="health-title">
            <h2 id="health-title">"Plan health"</h2>
            <div inner_html=markup></div>
        </section>
    }
}

/// The findings a health check lists; the rest are counted (a plan of
/// thousands of initiatives can have thousands of findings).
const FINDINGS_SHOWN: usize = 10;

/// How many of the five components are in place, and every check with its
/// rule and, when it fails, links to what to fix.
fn health_html(plan: &crate::model::Plan) -> String {
    let findings = health::health(plan);
    let components_ok = Check::ALL
        .iter()
        .filter(|check| check.is_component())
        .filter(|check| !findings.iter().any(|finding| finding.check == **check))
        .count();
    let mut out = format!(
        r#"<p class="health__summary">{components_ok} of 5 components in place</p><ul class="health__checks">"#
    );
    for check in Check::ALL {
        let mine: Vec<_> = findings
            .iter()
            .filter(|finding| finding.check == check)
            .collect();
        let ok = mine.is_empty();
        out.push_str(if ok {
            r#"<li class="health__check health__check--ok"><span class="health__mark" aria-hidden="true">✓</span>"#
        } else {
            r#"<li class="health__check"><span class="health__mark" aria-hidden="true">!</span>"#
        });
        out.push_str(r#"<span class="health__label">"#);
        escape_into(&mut out, check.label());
        out.push_str(r#"</span><span class="visually-hidden">"#);
        out.push_str(if ok { ": in place" } else { ": needs work" });
        out.push_str(r#"</span><span class="health__rule">"#);
        escape_into(&mut out, check.rule());
        out.push_str("</span>");
        if !ok {
            out.push_str(r#"<ul class="health__findings">"#);
            for finding in mine.iter().take(FINDINGS_SHOWN) {
                out.push_str("<li><a");
                attr_into(&mut out, "href", &fix_link(finding.fix));
                out.push('>');
                escape_into(&mut out, &finding.message);
                out.push_str("</a></li>");
            }
            if mine.len() > FINDINGS_SHOWN {
                out.push_str(r#"<li class="health__more">"#);
                escape_into(
                    &mut out,
                    &format!(
                        "and {} more like these",
                        crate::model::count_figure(mine.len() - FINDINGS_SHOWN)
                    ),
                );
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    out
}

/// The link that opens the place to fix a finding.
fn fix_link(fix: Fix) -> String {
    match fix {
        Fix::Goal | Fix::Resources => PlanFocus::Goal.hash(),
        Fix::NewMetric => PlanFocus::NewMetric.hash(),
        Fix::Metric(id) => PlanFocus::Metric(id).hash(),
        Fix::Activity(id) => PlanFocus::Activity(id).hash(),
        Fix::NewActivity => PlanFocus::NewActivity.hash(),
        Fix::Activities => "#/plan".to_string(),
    }
}

/// Edits the goal, the horizon, the review weekday and the resources as one
/// undoable change.
#[component]
fn GoalForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let plan = state
        .edits
        .history
        .with_untracked(|history| history.plan().clone());
    let goal = plan.goal.clone();
    let outcome = RwSignal::new(goal.outcome.clone());
    let metric_name = RwSignal::new(goal.metric_name.clone());
    let baseline = RwSignal::new(number_text(goal.baseline));
    let target = RwSignal::new(number_text(goal.target));
    let unit = RwSignal::new(goal.unit.clone());
    let target_date = RwSignal::new(date_text(goal.target_date));
    let horizon_start = RwSignal::new(plan.horizon.first_day().to_string());
    let horizon_weeks = RwSignal::new(plan.horizon.weeks.to_string());
    let review = RwSignal::new(weekday_label(plan.review_weekday).to_string());
    let budget = RwSignal::new(plan.resources.budget.map(number_text).unwrap_or_default());
    let currency = RwSignal::new(plan.resources.currency.clone());
    let headcount = RwSignal::new(plan.resources.headcount_note.clone());
    let tooling = RwSignal::new(plan.resources.tooling.join("\n"));
    let stale_days = RwSignal::new(plan.settings.stale_after_days.to_string());
    let away_percent = RwSignal::new(number_text(
        (plan.settings.owner_away_share * 100.0).round(),
    ));
    let overload_percent =
        RwSignal::new(number_text((plan.settings.overload_share * 100.0).round()));
    let error = RwSignal::new(None::<String>);
    let review_options: Vec<(String, String)> = WEEKDAYS
        .iter()
        .map(|day| {
            (
                weekday_label(*day).to_string(),
                weekday_label(*day).to_string(),
            )
        })
        .collect();
    browser::focus_after_render("goal-outcome".to_string());

    let build = move || -> Result<Command, String> {
        let start = parse_date("Horizon start", &horizon_start.get_untracked())?
            .ok_or("Horizon start: enter the first week of the plan")?;
        let weeks = horizon_weeks
            .get_untracked()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|weeks| (1..=MAX_HORIZON_WEEKS).contains(weeks))
            .ok_or(format!(
                "Horizon: use 13 or 26 weeks, or any length from 1 to {MAX_HORIZON_WEEKS}"
            ))?;
        let review_weekday = WEEKDAYS
            .into_iter()
            .find(|day| weekday_label(*day) == review.get_untracked())
            .unwrap_or(plan.review_weekday);
        let budget_text = budget.get_untracked();
        let goal = StrategicGoal {
            outcome: outcome.get_untracked().trim().to_string(),
            metric_name: metric_name.get_untracked().trim().to_string(),
            baseline: parse_number("Baseline", &baseline.get_untracked(), 0.0)?,
            target: parse_number("Target", &target.get_untracked(), 0.0)?,
            unit: unit.get_untracked().trim().to_string(),
            target_date: parse_date("Target date", &target_date.get_untracked())?,
        };
        let resources = Resources {
            budget: if budget_text.trim().is_empty() {
                None
            } else {
                Some(parse_number("Budget", &budget_text, 0.0)?)
            },
            currency: currency.get_untracked().trim().to_string(),
            headcount_note: headcount.get_untracked().trim().to_string(),
            tooling: tooling
                .get_untracked()
                .lines()
                .map(|line| line.trim().to_string())
                .filter(|line| !line.is_empty())
                .collect(),
        };
        let settings = RiskSettings {
            stale_after_days: stale_days
                .get_untracked()
                .trim()
                .parse()
                .map_err(|_| "Stale after: enter a whole number of days".to_string())?,
            owner_away_share: parse_number("Owner away", &away_percent.get_untracked(), 50.0)?
                / 100.0,
            overload_share: parse_number("Overloaded", &overload_percent.get_untracked(), 100.0)?
                / 100.0,
        };
        Ok(Command::Batch {
            commands: vec![
                Command::SetRiskSettings(settings),
                Command::SetGoal(goal),
                Command::SetHorizon(Horizon {
                    start: Week::containing(start),
                    weeks,
                }),
                Command::SetReviewWeekday(review_weekday),
                Command::SetResources(resources),
            ],
            summary: "Changed the goal, horizon, resources and risk thresholds".to_string(),
        })
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match build().and_then(|command| state.edits.execute(command)) {
            Ok(_) => browser::navigate(&PlanFocus::Overview.hash()),
            Err(message) => error.set(Some(message)),
        }
    };
    view! {
        <section class="panel form" aria-labelledby="goal-form-title">
            <h2 id="goal-form-title">"Goal, horizon, resources and risk thresholds"</h2>
            <form on:submit=save novalidate>
                <Field label="Outcome (the one strategic goal)" value=outcome id="goal-outcome"
                    hint="A measurable outcome with a date, e.g. Cut client onboarding from 14 to 7 days by 5 February"/>
                <div class="form__grid">
                    <Field label="Metric" value=metric_name/>
                    <Field label="Baseline" value=baseline kind="number"/>
                    <Field label="Target" value=target kind="number"/>
                    <Field label="Unit" value=unit/>
                    <Field label="Target date" value=target_date kind="date"/>
                </div>
                <div class="form__grid">
                    <Field label="Horizon starts (its week)" value=horizon_start kind="date"/>
                    <Field label="Horizon length (weeks)" value=horizon_weeks kind="number" hint="13 or 26, or a custom length up to 52"/>
                    <Choice label="Weekly review on" value=review options=review_options/>
                </div>
                <div class="form__grid">
                    <Field label="Budget" value=budget kind="number"/>
                    <Field label="Currency" value=currency/>
                </div>
                <TextArea label="Headcount note" value=headcount rows=2/>
                <TextArea label="Tooling (one per line)" value=tooling rows=4/>
                <fieldset class="fieldset">
                    <legend>"Risk thresholds"</legend>
                    <div class="form__grid">
                        <Field label="Stale after (days without movement)" value=stale_days kind="number"/>
                        <Field label="Owner away (% of remaining days)" value=away_percent kind="number"/>
                        <Field label="Overloaded above (% of available hours)" value=overload_percent kind="number"/>
                    </div>
                </fieldset>
                {move || error.get().map(|message| view! { <p class="form__error" role="alert">{message}</p> })}
                <div class="form__actions">
                    <button type="submit" class="button button--primary">"Save goal"</button>
                    <a class="button" href=PlanFocus::Overview.hash()>"Cancel"</a>
                </div>
            </form>
        </section>
    }
}

/// Adds (`which` is `None`) or edits a success metric.
#[component]
fn MetricForm(which: Option<MetricId>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let original = which
        .and_then(|id| {
            state.edits.history.with_untracked(|history| {
                history
                    .plan()
                    .metrics
                    .iter()
                    .find(|metric| metric.id == id)
                    .cloned()
            })
        })
        .unwrap_or(SuccessMetric {
            id: MetricId(0),
            name: String::new(),
            unit: String::new(),
            baseline: 0.0,
            target: 0.0,
            current: 0.0,
            direction: Direction::HigherIsBetter,
        });
    let id = original.id;
    let name = RwSignal::new(original.name.clone());
    let unit = RwSignal::new(original.unit.clone());
    let baseline = RwSignal::new(number_text(original.baseline));
    let target = RwSignal::new(number_text(original.target));
    let current = RwSignal::new(number_text(original.current));
    let direction = RwSignal::new(
        match original.direction {
            Direction::HigherIsBetter => "higher",
            Direction::LowerIsBetter => "lower",
        }
        .to_string(),
    );
    let error = RwSignal::new(None::<String>);
    let directions = vec![
        ("higher".to_string(), "Higher is better".to_string()),
        ("lower".to_string(), "Lower is better".to_string()),
    ];
    browser::focus_after_render("metric-name".to_string());
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let metric = (|| -> Result<SuccessMetric, String> {
            Ok(SuccessMetric {
                id,
                name: name.get_untracked().trim().to_string(),
                unit: unit.get_untracked().trim().to_string(),
                baseline: parse_number("Baseline", &baseline.get_untracked(), 0.0)?,
                target: parse_number("Target", &target.get_untracked(), 0.0)?,
                current: parse_number("Current value", &current.get_untracked(), 0.0)?,
                direction: if direction.get_untracked() == "lower" {
                    Direction::LowerIsBetter
                } else {
                    Direction::HigherIsBetter
                },
            })
        })();
        let result = metric.and_then(|metric| {
            state.edits.execute(match which {
                None => Command::AddMetric(metric),
                Some(_) => Command::UpdateMetric(metric),
            })
        });
        match result {
            Ok(_) => browser::navigate(&PlanFocus::Overview.hash()),
            Err(message) => error.set(Some(message)),
        }
    };
    let remove = move |_| {
        if state.edits.execute(Command::RemoveMetric(id)).is_ok() {
            browser::navigate(&PlanFocus::Overview.hash());
        }
    };
    view! {
        <section class="panel form" aria-labelledby="metric-form-title">
            <h2 id="metric-form-title">{if which.is_some() { format!("Edit '{}'", original.name) } else { "New success metric".to_string() }}</h2>
            <form on:submit=save novalidate>
                <div class="form__grid">
                    <Field label="Name" value=name id="metric-name" required=true/>
                    <Field label="Unit" value=unit/>
                    <Field label="Baseline" value=baseline kind="number"/>
                    <Field label="Target" value=target kind="number"/>
                    <Field label="Current value" value=current kind="number"/>
                    <Choice label="Direction" value=direction options=directions/>
                </div>
                {move || error.get().map(|message| view! { <p class="form__error" role="alert">{message}</p> })}
                <div class="form__actions">
                    <button type="submit" class="button button--primary">"Save metric"</button>
                    <a class="button" href=PlanFocus::Overview.hash()>"Cancel"</a>
                    {which.is_some().then(|| view! {
                        <button type="button" class="button button--danger" on:click=remove>"Remove metric"</button>
                    })}
                </div>
            </form>
        </section>
    }
}
