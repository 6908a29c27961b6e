//! The Money view: planned revenue, cost and margin over the horizon by
//! client and activity, with a small chart by week; how each activity is
//! billed (edited in place: every change is one undoable command); hours
//! budgets and their warnings; and each person's billable utilisation
//! against their target. Tentative work counts when the header's "Include
//! tentative work" is on, as everywhere else.

use leptos::prelude::*;

use super::markup::escape_into;
use super::state::AppState;
use crate::command::Command;
use crate::engine::money::{self, Figures, Money};
use crate::model::{amount_text, hours_figure, number_text, percent_text};
use crate::model::{Activity, Billing, Plan};

#[component]
pub fn MoneyView() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Counted on the app's load (the capacity every view reads), with the
    // same options: the header's tentative switch and hidden scenarios.
    let money = Memo::new(move |_| {
        let options = state.figures.options.get();
        state.figures.load.with(|load| {
            state
                .edits
                .history
                .with(|history| money::compute_on(history.plan(), load, &options, state.today))
        })
    });
    // The activities listed: those matching `find`, the first `limit`.
    let find = RwSignal::new(String::new());
    let limit = RwSignal::new(ACTIVITY_ROWS);
    // Where the matching activities are in the plan, worked out once a
    // change for the rows and the count below them.
    let found = Memo::new(move |_| {
        state
            .edits
            .history
            .with(|history| matching(history.plan(), &find.get()))
    });
    let currency = Memo::new(move |_| {
        state
            .edits
            .history
            .with(|history| history.plan().resources.currency.trim().to_string())
    });
    let summary = move || {
        money.with(|money| {
            let currency = currency.get();
            let total = &money.total;
            let mut text = format!(
                "Over the horizon ({} weeks from {}): revenue {}, cost {}, margin {}",
                money.weeks,
                money.first_week,
                amount_text(total.revenue, &currency),
                amount_text(total.cost, &currency),
                amount_text(total.margin(), &currency),
            );
            if let Some(share) = total.margin_share() {
                text.push_str(&format!(" ({})", percent_text(share)));
            }
            if let Some(share) = money.billable_share() {
                text.push_str(&format!(
                    ". Billable utilisation of the firm: {}",
                    percent_text(share)
                ));
            }
            text.push_str(if state.figures.options.with(|options| options.include_tentative) {
                ". Confirmed and tentative work."
            } else {
                ". Confirmed work only."
            });
            if total.unpriced_hours > 0.0 {
                text.push_str(&format!(
                    " {} h have no cost rate (placeholders or people without one) and cost nothing here.",
                    hours_figure(total.unpriced_hours)
                ));
            }
            text
        })
    };
    view! {
        <div class="money">
            <section class="panel" aria-labelledby="money-title">
                <h2 id="money-title">"Money"</h2>
                <p class="money__summary" data-testid="money-summary">{summary}</p>
                <div class="money__chart" inner_html=move || money.with(|money| chart_markup(money, &currency.get()))></div>
                <Warnings money/>
            </section>
            <section class="panel" aria-labelledby="money-clients-title">
                <h2 id="money-clients-title">"By client"</h2>
                <table class="money__table">
                    <thead><tr><th scope="col">"Client"</th><FigureHeads/></tr></thead>
                    <tbody>
                        {move || money.with(|money| money.clients.iter().map(|client| view! {
                            <tr><th scope="row">{client.label().to_string()}</th>{figure_cells(&client.figures, &currency.get())}</tr>
                        }).collect_view())}
                    </tbody>
                </table>
            </section>
            <section class="panel" aria-labelledby="money-activities-title">
                <h2 id="money-activities-title">"By piece of work"</h2>
                <p class="view__hint">"How each initiative and each piece of the book of work is billed. A change applies at once and can be undone."</p>
                <label class="filter money__find">
                    <span class="filter__label">"Find"</span>
                    <input type="search" aria-label="Find work or a client" placeholder="title or client"
                        prop:value=move || find.get()
                        on:input=move |event| {
                            find.set(event_target_value(&event));
                            limit.set(ACTIVITY_ROWS);
                        }/>
                </label>
                <table class="money__table money__table--activities">
                    <thead><tr>
                        <th scope="col">"Work"</th>
                        <th scope="col">"Billing"</th>
                        <th scope="col">"Budget (h)"</th>
                        <FigureHeads/>
                    </tr></thead>
                    <tbody>
                        {move || state.edits.history.with(|history| {
                            let plan = history.plan();
                            let limit = limit.get();
                            found.with(|found| found.iter().take(limit).filter_map(|at| plan.activities.get(*at)).map(|activity| {
                                let figures = money.with(|money| money.activity(activity.id).map(|found| found.figures)).unwrap_or_default();
                                view! { <ActivityRow activity=activity.clone() figures currency=plan.resources.currency.clone()/> }
                            }).collect_view())
                        })}
                    </tbody>
                </table>
                {move || {
                    let found = found.with(Vec::len);
                    let all = state.edits.history.with(|history| history.plan().activities.len());
                    let shown = found.min(limit.get());
                    let of = if found == all {
                        format!("{all} pieces of work")
                    } else {
                        format!("{found} found, of {all} pieces of work")
                    };
                    (shown < found || found < all).then(|| view! {
                        <p class="money__more">
                            {format!("Showing {shown} of {of}.")}
                            {(shown < found).then(|| view! {
                                " "
                                <button type="button" class="button button--small"
                                    on:click=move |_| limit.update(|limit| *limit += ACTIVITY_ROWS)>
                                    {format!("Show {} more", (found - shown).min(ACTIVITY_ROWS))}
                                </button>
                            })}
                        </p>
                    })
                }}
            </section>
            <section class="panel" aria-labelledby="money-people-title">
                <h2 id="money-people-title">"Billable utilisation"</h2>
                <table class="money__table">
                    <thead><tr>
                        <th scope="col">"Person"</th>
                        <th scope="col" class="num">"Billable"</th>
                        <th scope="col" class="num">"Capacity"</th>
                        <th scope="col" class="num">"Billable %"</th>
                        <th scope="col" class="num">"Target"</th>
                    </tr></thead>
                    <tbody inner_html=move || state.edits.history.with(|history| money.with(|money| people_rows(history.plan(), money)))></tbody>
                </table>
            </section>
        </div>
    }
}

/// Activities listed at first, and added by each "Show more": a plan of
/// thousands opens at once and stays quick to edit.
const ACTIVITY_ROWS: usize = 100;

/// Where the activities whose title or client holds `find` (any case) are
/// in the plan, in plan order; all of them when `find` is blank.
fn matching(plan: &Plan, find: &str) -> Vec<usize> {
    let find = find.trim().to_lowercase();
    plan.activities
        .iter()
        .enumerate()
        .filter(|(_, activity)| {
            find.is_empty()
                || activity.title.to_lowercase().contains(&find)
                || activity.client.to_lowercase().contains(&find)
        })
        .map(|(at, _)| at)
        .collect()
}

#[component]
fn FigureHeads() -> impl IntoView {
    view! {
        <th scope="col" class="num">"Revenue"</th>
        <th scope="col" class="num">"Cost"</th>
        <th scope="col" class="num">"Margin"</th>
        <th scope="col" class="num">"Margin %"</th>
    }
}

fn figure_cells(figures: &Figures, currency: &str) -> impl IntoView {
    let share = figures.margin_share().map_or("–".to_string(), percent_text);
    let negative = figures.margin() < 0.0;
    view! {
        <td class="num">{amount_text(figures.revenue, currency)}</td>
        <td class="num">{amount_text(figures.cost, currency)}</td>
        <td class="num" class:money__loss=negative>{amount_text(figures.margin(), currency)}</td>
        <td class="num" class:money__loss=negative>{share}</td>
    }
}

/// Each person's billable hours, capacity, share and target, as markup.
fn people_rows(plan: &Plan, money: &Money) -> String {
    let mut out = String::new();
    for person in &money.people {
        let name = plan
            .person(person.person)
            .map_or_else(|| person.person.to_string(), |p| p.name.clone());
        let share = person.billable_share();
        let below = match (share, person.target) {
            (Some(share), Some(target)) => share + 1e-9 < target,
            _ => false,
        };
        out.push_str(r#"<tr><th scope="row">"#);
        escape_into(&mut out, &name);
        out.push_str(&format!(
            r#"</th><td class="num">{} h</td><td class="num">{} h</td><td class="{}">{}</td><td class="num">{}</td></tr>"#,
            hours_figure(person.total.billable),
            hours_figure(person.total.capacity),
            if below { "num money__loss" } else { "num" },
            share.map_or("–".to_string(), percent_text),
            person.target.map_or("–".to_string(), percent_text)
        ));
    }
    out
}

#[component]
fn Warnings(money: Memo<Money>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let markup = move || {
        let warnings = state.edits.history.with(|history| {
            money.with(|money| money::budget_warnings(history.plan(), &money.budgets))
        });
        let mut out = String::new();
        if !warnings.is_empty() {
            out.push_str(r#"<ul class="money__warnings" aria-label="Budget warnings">"#);
            for (_, text) in warnings {
                out.push_str("<li>");
                escape_into(&mut out, &text);
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        out
    };
    view! { <div inner_html=markup></div> }
}

/// The billing kinds a select offers.
const KINDS: [(&str, &str); 3] = [
    ("none", "Not billed"),
    ("hourly", "Per hour"),
    ("fixed", "Fixed fee"),
];

#[component]
fn ActivityRow(activity: Activity, figures: Figures, currency: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = activity.id;
    let title = activity.title.clone();
    let (kind, amount) = match (activity.billable, activity.billing) {
        (false, _) | (true, Billing::NotBilled) => ("none", None),
        (true, Billing::Hourly { rate }) => ("hourly", Some(rate)),
        (true, Billing::FixedFee { amount }) => ("fixed", Some(amount)),
    };
    let budget = activity.budget_hours;
    let error = RwSignal::new(None::<String>);
    // Reads the row's three fields and applies them as one command.
    let apply = move |kind: String, amount: String, budget: String| {
        let number = |text: &str, what: &str| -> Result<Option<f64>, String> {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            text.replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|value| value.is_finite() && *value >= 0.0)
                .map(Some)
                .ok_or_else(|| format!("{what} must be a number of 0 or more"))
        };
        let result = number(&amount, "The amount").and_then(|amount| {
            let budget_hours = number(&budget, "The budget")?;
            let billing = match (kind.as_str(), amount) {
                ("hourly", Some(rate)) => Billing::Hourly { rate },
                ("fixed", Some(amount)) => Billing::FixedFee { amount },
                ("hourly" | "fixed", None) => {
                    return Err("Give the rate or the fee".to_string());
                }
                _ => Billing::NotBilled,
            };
            state.edits.execute(Command::SetBilling {
                activity: id,
                billable: kind != "none",
                billing,
                budget_hours,
            })
        });
        error.set(result.err());
    };
    let kind_ref = NodeRef::<leptos::html::Select>::new();
    let amount_ref = NodeRef::<leptos::html::Input>::new();
    let budget_ref = NodeRef::<leptos::html::Input>::new();
    let read_and_apply = move || {
        let (Some(kind), Some(amount), Some(budget)) =
            (kind_ref.get(), amount_ref.get(), budget_ref.get())
        else {
            return;
        };
        apply(kind.value(), amount.value(), budget.value());
    };
    let label = |what: &str| format!("{what} of {title}");
    view! {
        <tr>
            <th scope="row"><a href=crate::ui::state::PlanFocus::Activity(id).hash()>{activity.title.clone()}</a></th>
            <td class="money__billing">
                <select node_ref=kind_ref aria-label=label("Billing") on:change=move |_| read_and_apply()>
                    {KINDS.iter().map(|(value, text)| view! {
                        <option value=*value selected=*value == kind>{*text}</option>
                    }).collect_view()}
                </select>
                <input node_ref=amount_ref type="number" min="0" step="any" class="money__amount"
                    aria-label=label("Rate per hour or fixed fee")
                    prop:value=amount.map(number_text).unwrap_or_default()
                    on:change=move |_| read_and_apply()/>
                {move || error.get().map(|text| view! { <span class="form__error" role="alert">{text}</span> })}
            </td>
            <td>
                <input node_ref=budget_ref type="number" min="0" step="any" class="money__amount"
                    aria-label=label("Budget in hours")
                    prop:value=budget.map(number_text).unwrap_or_default()
                    on:change=move |_| read_and_apply()/>
            </td>
            {figure_cells(&figures, &currency)}
        </tr>
    }
}

/// Revenue and cost by week as an SVG of paired bars; numbers only.
fn chart_markup(money: &Money, currency: &str) -> String {
    let top = money
        .by_week
        .iter()
        .map(|figures| figures.revenue.max(figures.cost))
        .fold(0.0_f64, f64::max);
    let (width, height, bar) = (720.0, 140.0, 720.0 / money.by_week.len().max(1) as f64);
    let mut svg = format!(
        "<svg viewBox=\"0 0 {width} {}\" role=\"img\" aria-labelledby=\"money-chart-title\" class=\"money__svg\"><title id=\"money-chart-title\">",
        height + 18.0
    );
    escape_into(
        &mut svg,
        &format!(
            "Revenue and cost by week: revenue {}, cost {} in all",
            amount_text(money.total.revenue, currency),
            amount_text(money.total.cost, currency)
        ),
    );
    svg.push_str("</title>");
    if top > 0.0 {
        for (index, figures) in money.by_week.iter().enumerate() {
            let x = index as f64 * bar;
            for (offset, value, class) in [
                (0.12, figures.revenue, "money__bar--revenue"),
                (0.5, figures.cost, "money__bar--cost"),
            ] {
                let h = value / top * height;
                svg.push_str(&format!(
                    "<rect class=\"{class}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\"/>",
                    x + bar * offset,
                    height - h,
                    bar * 0.36
                ));
            }
            if index % 4 == 0 {
                svg.push_str(&format!(
                    "<text x=\"{:.1}\" y=\"{}\" class=\"money__tick\">W{}</text>",
                    x + 2.0,
                    height + 14.0,
                    money.week(index).number()
                ));
            }
        }
    }
    svg.push_str("</svg><p class=\"money__legend\"><span class=\"money__key money__bar--revenue\"></span> Revenue <span class=\"money__key money__bar--cost\"></span> Cost</p>");
    svg
}
