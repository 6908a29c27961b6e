//! The panels under the capacity timeline: capacity against demand as a
//! chart, the what-if scenarios side by side with the confirmed plan, and
//! "Can we take it?" for a new engagement.

use leptos::prelude::*;

use crate::command::Command;
use crate::engine::capacity::{self, Answer, Capacity, Engagement, Options};
use crate::engine::money;
use crate::model::{
    Activity, ActivityId, Allocation, AllocationId, Assignee, Billing, Commitment, Horizon,
    ScenarioId, Scope, SkillRequirement, Week, Weekday, MAX_SKILL_LEVEL,
};
use crate::ui::markup::escape_into;
use crate::ui::state::AppState;
use crate::ui::week_picker::WeekPicker;

/// The people "Can we take it?" lists.
const FITS_SHOWN: usize = 8;

/// Scenarios' revenue and margin are worked out at once on plans of up to
/// this many allocations, on request on larger ones.
const MONEY_EFFECT_AT_ONCE_UP_TO: usize = 2_000;

/// Whole percent, for people.
fn percent(share: f64) -> String {
    format!("{} %", (share * 100.0).round() as i64)
}

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

/// What-if scenarios: each shown or hidden, its effect on the firm's
/// utilisation next to the confirmed plan, and "won" or "lost".
#[component]
pub fn Scenarios(
    computed: Memo<Capacity>,
    /// Changes a frame after the plan does (see `CapacityView`).
    settled: RwSignal<u32>,
    options: Memo<Options>,
    hidden: RwSignal<Vec<ScenarioId>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    // Each scenario's revenue and margin takes two computations of the
    // plan: at once on a plan of ordinary size, on request on a large one.
    // Memos: what reads them is drawn again when they change, not after
    // every drop.
    let bills = Memo::new(move |_| {
        state.edits.history.with(|history| {
            let plan = history.plan();
            !plan.scenarios.is_empty() && money::has_money(plan)
        })
    });
    let money_chosen = RwSignal::new(None::<bool>);
    let money_shown = Memo::new(move |_| {
        money_chosen.get().unwrap_or_else(|| {
            state
                .edits
                .history
                .with(|history| history.plan().allocations.len() <= MONEY_EFFECT_AT_ONCE_UP_TO)
        })
    });
    let no_scenarios = Memo::new(move |_| {
        state
            .edits
            .history
            .with(|history| history.plan().scenarios.is_empty())
    });
    let effects = Memo::new(move |_| {
        settled.track();
        money_chosen.track();
        let options = options.get();
        if !bills.get_untracked() || !money_shown.get_untracked() {
            return Vec::new();
        }
        let range = computed.with_untracked(|capacity| Horizon {
            start: capacity.first_week,
            weeks: capacity.weeks as u32,
        });
        state.edits.history.with_untracked(|history| {
            let plan = history.plan();
            plan.scenarios
                .iter()
                .map(|scenario| {
                    let effect = money::scenario_effect(plan, scenario.id, range, &options, today);
                    (scenario.id, effect.summary(&plan.resources.currency))
                })
                .collect::<Vec<_>>()
        })
    });
    let rows = move || {
        settled.track();
        computed.with_untracked(|capacity| {
            state.edits.history.with_untracked(|history| {
                let plan = history.plan();
                plan.scenarios
                    .iter()
                    .map(|scenario| {
                        let hours = capacity
                            .scenarios
                            .iter()
                            .find(|row| row.scenario == scenario.id)
                            .map(|row| row.hours.clone())
                            .unwrap_or_default();
                        // Peak utilisation of the confirmed plan, and with
                        // this scenario on top.
                        let mut without = (0.0f64, 0);
                        let mut with = (0.0f64, 0);
                        for (column, cell) in capacity.total.iter().enumerate() {
                            if cell.capacity <= 0.0 {
                                continue;
                            }
                            let base = cell.load(false) / cell.capacity;
                            let extra = hours.get(column).copied().unwrap_or(0.0) / cell.capacity;
                            if base > without.0 {
                                without = (base, column);
                            }
                            if base + extra > with.0 {
                                with = (base + extra, column);
                            }
                        }
                        let total: f64 = hours.iter().sum();
                        let effect = format!(
                            "{} h in these weeks · firm utilisation peaks at {} in {} without it, {} in {} with it",
                            total.round() as i64,
                            percent(without.0),
                            capacity.week(without.1),
                            percent(with.0),
                            capacity.week(with.1)
                        );
                        let money = effects.with(|effects| {
                            effects
                                .iter()
                                .find(|(id, _)| *id == scenario.id)
                                .map(|(_, text)| text.clone())
                        });
                        (scenario.id, scenario.name.clone(), effect, money)
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let error = RwSignal::new(None::<String>);
    let run = move |command: Command| {
        error.set(state.edits.execute(command).err());
    };
    view! {
        <section class="panel" aria-labelledby="scenarios-title">
            <h3 id="scenarios-title">"Scenarios"</h3>
            <p class="view__hint">"A scenario is a deal in the pipeline: its tentative work, shown or hidden together. Confirmed work is always shown."</p>
            {move || error.get().map(|text| view! { <p class="form__error" role="alert">{text}</p> })}
            <ul class="scenarios">
                <For each=rows key=|row| row.clone() let:row>
                    {
                        let (id, name, effect, money) = row;
                        view! {
                            <li class="scenario">
                                <label class="toggle">
                                    <input type="checkbox"
                                        prop:checked=move || !hidden.get().contains(&id)
                                        on:change=move |event| {
                                            let show = event_target_checked(&event);
                                            hidden.update(|hidden| {
                                                hidden.retain(|other| *other != id);
                                                if !show {
                                                    hidden.push(id);
                                                }
                                            });
                                        }/>
                                    <span class="visually-hidden">{format!("Show {name}")}</span>
                                </label>
                                <input class="scenario__name" aria-label="Scenario name" value=name.clone()
                                    on:change=move |event| run(Command::RenameScenario { scenario: id, name: event_target_value(&event) })/>
                                <span class="scenario__effect">
                                    {effect}
                                    {money.map(|text| view! { <span class="scenario__money">{format!("Money in these weeks: {text}")}</span> })}
                                </span>
                                <button type="button" class="button button--small"
                                    aria-label=format!("{name} won: confirm its work")
                                    on:click=move |_| run(Command::ConfirmScenario(id))>"Won"</button>
                                <button type="button" class="button button--small button--danger"
                                    aria-label=format!("{name} lost: remove its work")
                                    on:click=move |_| run(Command::RemoveScenario(id))>"Lost"</button>
                            </li>
                        }
                    }
                </For>
            </ul>
            {move || (bills.get() && !money_shown.get()).then(|| view! {
                <button type="button" class="button button--small"
                    on:click=move |_| money_chosen.set(Some(true))>"Show each scenario's revenue and margin"</button>
            })}
            {move || no_scenarios.get().then(|| view! {
                <p class="view__hint">"No scenarios yet: describe a deal under “Can we take it?” and add it as one."</p>
            })}
        </section>
    }
}

/// "Can we take it?": a new engagement's skills, hours, length and earliest
/// start give the earliest week and who could staff it without overload,
/// and one click adds it as a tentative scenario.
#[component]
pub fn TakeIt(options: Memo<Options>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let name = RwSignal::new("New engagement".to_string());
    let hours = RwSignal::new("16".to_string());
    let weeks = RwSignal::new("6".to_string());
    let start = RwSignal::new(Week::containing(today).plus_weeks(1).to_string());
    // (skill id as text, level) rows.
    let needs = RwSignal::new(vec![(String::new(), "2".to_string())]);
    // Optional: the bill rate, for what each fit would earn.
    let rate = RwSignal::new(String::new());
    // The engagement, its billing, the answer, and per fit shown what it
    // would do to revenue and margin (none without a rate).
    let answer = RwSignal::new(None::<(Engagement, Billing, Answer, Vec<Option<String>>)>);
    let error = RwSignal::new(None::<String>);

    let check = move |_| {
        let engagement = (|| {
            let hours_per_week = hours
                .get_untracked()
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|hours| *hours > 0.0 && *hours <= 168.0)
                .ok_or("Hours a week: give a number from 1 to 168")?;
            let weeks = weeks
                .get_untracked()
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|weeks| (1..=52).contains(weeks))
                .ok_or("Weeks: give a whole number from 1 to 52")?;
            let earliest_start = start
                .get_untracked()
                .parse::<Week>()
                .map_err(|_| "Earliest start: pick a week")?;
            let needs = needs
                .get_untracked()
                .iter()
                .filter_map(|(skill, level)| {
                    Some(SkillRequirement {
                        skill: skill.parse().ok()?,
                        min_level: level.parse().ok()?,
                    })
                })
                .collect();
            let rate = rate.get_untracked();
            let billing = match rate.trim() {
                "" => Billing::NotBilled,
                text => Billing::Hourly {
                    rate: text
                        .parse::<f64>()
                        .ok()
                        .filter(|rate| rate.is_finite() && *rate >= 0.0)
                        .ok_or("Bill rate: give an amount per hour, or leave it empty")?,
                },
            };
            Ok::<(Engagement, Billing), &str>((
                Engagement {
                    name: name.get_untracked().trim().to_string(),
                    needs,
                    hours_per_week,
                    weeks,
                    earliest_start,
                },
                billing,
            ))
        })();
        match engagement {
            Ok((engagement, billing)) => {
                let options = options.get_untracked();
                let (found, effects) = state.edits.history.with_untracked(|history| {
                    let plan = history.plan();
                    let found = capacity::can_we_take_it(plan, &engagement, &options, today);
                    // What each fit shown would earn over the plan's weeks.
                    let effects = found
                        .fits
                        .iter()
                        .take(FITS_SHOWN)
                        .map(|fit| {
                            (billing != Billing::NotBilled && fit.first_week.is_some()).then(|| {
                                money::engagement_effect(
                                    plan,
                                    &engagement,
                                    fit,
                                    billing,
                                    plan.horizon,
                                    &options,
                                    today,
                                )
                                .summary(&plan.resources.currency)
                            })
                        })
                        .collect();
                    (found, effects)
                });
                state.edits.announce(found.summary.clone());
                error.set(None);
                answer.set(Some((engagement, billing, found, effects)));
            }
            Err(reason) => error.set(Some(reason.to_string())),
        }
    };
    // Adds the engagement as a scenario on `assignee` (a person, or an open
    // role: then the activity has no owner until the hire is named).
    let add = move |assignee: Assignee, first: Week| {
        let Some((engagement, billing, _, _)) = answer.get_untracked() else {
            return;
        };
        let last = first.plus_weeks(i64::from(engagement.weeks) - 1);
        let title = if engagement.name.is_empty() {
            "New engagement".to_string()
        } else {
            engagement.name.clone()
        };
        let (begin, end) = (first.monday(), last.day(Weekday::Fri));
        // An engagement the firm may take is book work (a project), not an
        // initiative of the ops plan: no midpoint check-in.
        let activity = Activity {
            scope: Scope::Book,
            owner: match assignee {
                Assignee::Person(person) => Some(person),
                _ => None,
            },
            start: Some(begin),
            deadline: Some(end),
            effort_hours: engagement.hours_per_week * f64::from(engagement.weeks),
            required_skills: engagement.needs.clone(),
            commitment: Commitment::Tentative,
            billable: billing != Billing::NotBilled,
            billing,
            ..Activity::new(ActivityId(0), &title)
        };
        let allocation = Allocation {
            id: AllocationId(0),
            assignee,
            activity: ActivityId(0),
            hours_per_week: engagement.hours_per_week,
            first_week: first,
            last_week: last,
            commitment: Commitment::Tentative,
            scenario: None,
        };
        match state.edits.execute(Command::AddScenario {
            name: title,
            activity: Some(activity),
            allocations: vec![allocation],
        }) {
            Ok(_) => {
                error.set(None);
                answer.set(None);
            }
            Err(reason) => error.set(Some(reason)),
        }
    };

    // The open plan's skill catalogue (it follows a plan opened meanwhile):
    // a memo, so the skill selects are drawn again when the catalogue
    // changes, not on every drop.
    let catalogue = Memo::new(move |_| {
        state.edits.history.with(|history| {
            history
                .plan()
                .skills
                .iter()
                .map(|skill| (skill.id.to_string(), skill.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let skill_rows = move || {
        let skills = catalogue.get();
        needs
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, (skill, level))| {
                let skills = skills.clone();
                view! {
                    <div class="takeit__need">
                        <label class="filter">
                            <span class="filter__label">{format!("Skill {}", index + 1)}</span>
                            <select aria-label=format!("Skill {}", index + 1)
                                on:change=move |event| {
                                    let value = event_target_value(&event);
                                    needs.update(|needs| needs[index].0 = value);
                                }>
                                <option value="" selected=skill.is_empty()>"(any)"</option>
                                {skills.into_iter().map(|(id, label)| {
                                    let selected = id == skill;
                                    view! { <option value=id selected=selected>{label}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                        <label class="filter">
                            <span class="filter__label">{format!("Level {}", index + 1)}</span>
                            <select aria-label=format!("Level of skill {}", index + 1)
                                on:change=move |event| {
                                    let value = event_target_value(&event);
                                    needs.update(|needs| needs[index].1 = value);
                                }>
                                {(1..=MAX_SKILL_LEVEL).map(|option| view! {
                                    <option value=option.to_string() selected=option.to_string() == level>{format!("at least {option}")}</option>
                                }).collect_view()}
                            </select>
                        </label>
                    </div>
                }
            })
            .collect_view()
    };

    let results = move || {
        answer.get().map(|(engagement, _, found, effects)| {
            let priced = effects.iter().any(Option::is_some);
            let rows = state.edits.history.with_untracked(|history| {
                let plan = history.plan();
                found
                    .fits
                    .iter()
                    .take(FITS_SHOWN)
                    .zip(effects.iter().cloned().chain(std::iter::repeat(None)))
                    .map(|(fit, effect)| {
                        let money = priced.then(|| view! { <td>{effect.unwrap_or_default()}</td> });
                        let (person, team) = match &fit.assignee {
                            Assignee::Person(id) => (
                                plan.person_name(*id),
                                plan.person(*id).map(|p| p.team.clone()).unwrap_or_default(),
                            ),
                            Assignee::Role(id) => (
                                format!("Open role {}", plan.role_title(*id)),
                                plan.role(*id).map(|role| role.team.clone()).unwrap_or_default(),
                            ),
                            Assignee::Placeholder { role, .. } => (role.clone(), String::new()),
                        };
                        let horizon = plan.horizon;
                        let weeks = i64::from(engagement.weeks.max(1));
                        let inside = move |first: Week| {
                            horizon.contains(first) && horizon.contains(first.plus_weeks(weeks - 1))
                        };
                        match fit.first_week {
                            Some(first) => {
                                let id = fit.assignee.clone();
                                let label = format!("Add {} with {person} from {first} as a tentative scenario", engagement.name);
                                view! {
                                    <tr>
                                        <th scope="row">{person}</th>
                                        <td>{first.to_string()}</td>
                                        <td>{format!("{} → {}", percent(fit.before), percent(fit.after))}</td>
                                        <td>{format!("{team}: {} → {}", percent(fit.team_before), percent(fit.team_after))}</td>
                                        {money}
                                        <td>{if inside(first) {
                                            view! { <button type="button" class="button button--small" aria-label=label
                                                on:click=move |_| add(id.clone(), first)>"Add as scenario"</button> }.into_any()
                                        } else {
                                            view! { <span class="view__hint">"after the horizon: extend it to add this"</span> }.into_any()
                                        }}</td>
                                    </tr>
                                }
                                .into_any()
                            }
                            None => view! {
                                <tr>
                                    <th scope="row">{person}</th>
                                    <td colspan=if priced { "5" } else { "4" }>"never free enough in the look-ahead"</td>
                                </tr>
                            }
                            .into_any(),
                        }
                    })
                    .collect_view()
            });
            view! {
                <p class="takeit__answer" role="status">{found.summary.clone()}</p>
                {(!found.fits.is_empty()).then(|| view! {
                    <div class="takeit__scroll"><table class="table takeit__fits">
                        <thead><tr>
                            <th scope="col">"Person"</th><th scope="col">"From"</th>
                            <th scope="col">"Their utilisation"</th><th scope="col">"Team utilisation"</th>
                            {priced.then(|| view! { <th scope="col">"Revenue and margin"</th> })}
                            <th scope="col"><span class="visually-hidden">"Action"</span></th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table></div>
                })}
            }
        })
    };

    view! {
        <section class="panel takeit" aria-labelledby="takeit-title">
            <h3 id="takeit-title">"Can we take it?"</h3>
            <p class="view__hint">"Describe the engagement: the earliest week someone with the skills has the hours free for every week of it, without overload."</p>
            <form class="takeit__form" novalidate=true on:submit=move |event| { event.prevent_default(); check(()); }>
                <label class="filter takeit__name">
                    <span class="filter__label">"Engagement"</span>
                    <input aria-label="Engagement" prop:value=move || name.get() on:input=move |event| name.set(event_target_value(&event))/>
                </label>
                {skill_rows}
                <button type="button" class="button button--small"
                    on:click=move |_| needs.update(|needs| needs.push((String::new(), "2".to_string())))>"Add a skill"</button>
                <label class="filter">
                    <span class="filter__label">"Hours a week"</span>
                    <input type="number" min="1" max="168" aria-label="Hours a week" prop:value=move || hours.get() on:input=move |event| hours.set(event_target_value(&event))/>
                </label>
                <label class="filter">
                    <span class="filter__label">"Weeks"</span>
                    <input type="number" min="1" max="52" aria-label="Weeks" prop:value=move || weeks.get() on:input=move |event| weeks.set(event_target_value(&event))/>
                </label>
                <label class="filter">
                    <span class="filter__label">{move || state.edits.history.with(|history| {
                        let currency = history.plan().resources.currency.trim().to_string();
                        if currency.is_empty() { "Bill rate an hour".to_string() } else { format!("Bill rate an hour ({currency})") }
                    })}</span>
                    <input type="number" min="0" step="any" aria-label="Bill rate an hour" placeholder="optional"
                        prop:value=move || rate.get() on:input=move |event| rate.set(event_target_value(&event))/>
                </label>
                <WeekPicker label="Earliest start" value=Signal::derive(move || Week::of_date_or_week(&start.get()))
                    on_change=Callback::new(move |week: Option<Week>| start.set(week.map(|week| week.to_string()).unwrap_or_default()))/>
                <button type="submit" class="button button--primary">"Check"</button>
            </form>
            {move || error.get().map(|text| view! { <p class="form__error" role="alert">{text}</p> })}
            {results}
        </section>
    }
}

/// Skills week by week: the hours the work needing each skill takes
/// (allocated, or still to staff) against the hours of the people holding
/// it at working level. Skills no work needs are left out.
#[component]
pub fn SkillWeeks(
    computed: Memo<Capacity>,
    /// Changes a frame after the plan does (see `CapacityView`).
    settled: RwSignal<u32>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Open at first on a plan small enough to lay out at no cost.
    let open = state
        .edits
        .history
        .with_untracked(|history| history.plan().people.len() <= 40);
    let shown = RwSignal::new(open);
    let table = move || {
        settled.track();
        computed.with_untracked(|capacity| {
            state.edits.history.with_untracked(|history| {
                let plan = history.plan();
                let mut html = String::from(
                    r#"<table class="table skillweeks"><thead><tr><th scope="col">Skill</th>"#,
                );
                for column in 0..capacity.weeks {
                    html.push_str(&format!(
                        r#"<th scope="col">W{:02}</th>"#,
                        capacity.week(column).number()
                    ));
                }
                html.push_str("</tr></thead><tbody>");
                let mut shown = 0;
                for row in &capacity.skills {
                    if row.demand.iter().all(|hours| *hours < 0.5) {
                        continue;
                    }
                    shown += 1;
                    let name = plan
                        .skill(row.skill)
                        .map_or_else(|| row.skill.to_string(), |skill| skill.name.clone());
                    html.push_str(r#"<tr><th scope="row">"#);
                    escape_into(&mut html, &name);
                    html.push_str("</th>");
                    for (column, (demand, supply)) in row.demand.iter().zip(&row.supply).enumerate()
                    {
                        let (demand, supply) = (demand.round() as i64, supply.round() as i64);
                        html.push_str(&format!(
                            r#"<td class="{}" aria-label=""#,
                            if demand > supply {
                                "skillweeks__short"
                            } else {
                                ""
                            }
                        ));
                        escape_into(
                            &mut html,
                            &format!(
                                "{name}, {}: {demand} h needed, {supply} h held",
                                capacity.week(column)
                            ),
                        );
                        html.push_str(&format!(
                            r#"">{demand}<span class="skillweeks__of">/{supply}</span></td>"#
                        ));
                    }
                    html.push_str("</tr>");
                }
                if shown == 0 {
                    return String::from(
                        r#"<p class="view__hint">No open work needs a skill in these weeks.</p>"#,
                    );
                }
                html.push_str("</tbody></table>");
                html
            })
        })
    };
    view! {
        // Folded until opened: a large plan's table is then not laid out
        // again after every drop.
        <details class="panel skillweeks-panel" prop:open=open
            on:toggle=move |event| {
                use wasm_bindgen::JsCast;
                if let Some(details) = event.target().and_then(|target| target.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                    shown.set(details.open());
                }
            }>
            <summary><h3 id="skillweeks-title">"Skills by week"</h3></summary>
            <p class="view__hint">"Hours the work needing each skill takes, allocated or still to staff, over the hours of the people who hold it (level 2 or above); red where the work needs more."</p>
            <div class="skillweeks__scroll" inner_html=move || if shown.get() { table() } else { String::new() }></div>
        </details>
    }
}
