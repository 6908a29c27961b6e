//! What-if scenarios: each shown or hidden, its effect on the firm's
//! utilisation (and on revenue and margin) next to the confirmed plan, and
//! "won" or "lost".

use super::*;

/// Scenarios' revenue and margin are worked out at once on plans of up to
/// this many allocations, on request on larger ones.
const MONEY_EFFECT_AT_ONCE_UP_TO: usize = 2_000;

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
