//! The figures every view reads, worked out once a change: what counts
//! (tentative work, hidden scenarios), the capacity over the horizon, the
//! risks and the initiatives' ranking.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::command::history::Revision;
use crate::command::History;
use crate::engine::capacity::{self, Capacity, Options};
use crate::engine::priority;
use crate::engine::risks::{self, Risk};
use crate::model::ScenarioId;

/// The one place each shared figure is computed: a person's load in a week
/// reads the same in every view because every view reads it here.
#[derive(Clone, Copy)]
pub struct Figures {
    /// "Include tentative work": whether pipeline work counts in every
    /// load, utilisation and risk the views show.
    pub include_tentative: RwSignal<bool>,
    /// The what-if scenarios hidden everywhere (their work left out).
    pub hidden_scenarios: RwSignal<Vec<ScenarioId>>,
    /// What counts, from the two above.
    pub options: Memo<Options>,
    /// The open plan's capacity over its horizon, as the views count it:
    /// the one computation every person-week figure outside the Capacity
    /// view reads (that view computes the weeks it shows the same way).
    pub load: Memo<Capacity>,
    /// The open plan's risks, from `load`.
    pub risks: Memo<Vec<Risk>>,
    /// The open initiatives by priority: Plan, This week and the Check-in
    /// read this one ranking, worked out once a change.
    pub ranking: Memo<priority::Ranking>,
}

impl Figures {
    pub fn new(history: RwSignal<History>, today: NaiveDate) -> Figures {
        let include_tentative = RwSignal::new(true);
        let hidden_scenarios = RwSignal::new(Vec::new());
        let options = Memo::new(move |_| Options {
            include_tentative: include_tentative.get(),
            hidden_scenarios: hidden_scenarios.get(),
        });
        let load = load_memo(history, options, today);
        let risks = Memo::new(move |_| {
            load.with(|load| history.with(|history| risks::risks_with(history.plan(), load, today)))
        });
        let ranking =
            Memo::new(move |_| history.with(|history| priority::rank(history.plan(), today)));
        Figures {
            include_tentative,
            hidden_scenarios,
            options,
            load,
            risks,
            ranking,
        }
    }
}

/// The capacity of the open plan over its horizon with `options`, kept
/// between edits: a drop or its undo is counted into the last one (see
/// `capacity::Kept`), anything else counted again.
fn load_memo(
    history: RwSignal<History>,
    options: Memo<Options>,
    today: NaiveDate,
) -> Memo<Capacity> {
    let kept = StoredValue::new((None::<Revision>, capacity::Kept::default()));
    Memo::new_with_compare(
        move |_| {
            let options = options.get();
            history.with(|history| {
                let plan = history.plan();
                kept.try_update_value(|(seen, kept)| {
                    let changed = seen.and_then(|seen| history.changes_since(seen));
                    *seen = Some(history.revision());
                    kept.compute(plan, changed.as_deref(), plan.horizon, &options, today)
                })
                .unwrap_or_else(|| capacity::compute(plan, plan.horizon, &options, today))
            })
        },
        // Whatever reads it reads the plan too: comparing would only cost.
        |_, _| true,
    )
}
