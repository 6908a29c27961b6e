//! The panels under the capacity timeline, one a file: `chart.rs`
//! capacity against demand as a chart (its markup also drawn by the
//! Report); `scenarios.rs` the what-if scenarios side by side with the
//! confirmed plan; `skill_weeks.rs` skills week by week; `take_it.rs`
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

mod chart;
mod scenarios;
mod skill_weeks;
mod take_it;

pub use chart::chart_markup;
use chart::CapacityChart;
use scenarios::Scenarios;
use skill_weeks::SkillWeeks;
use take_it::TakeIt;

/// What the panels read from the Capacity view. The panels are a part of
/// their own (`ui::parts`), shown by the view through the context.
#[derive(Clone, Copy)]
pub struct Inputs {
    pub computed: Memo<Capacity>,
    /// Changes a frame after the plan does (see `CapacityView`).
    pub settled: RwSignal<u32>,
    pub include_tentative: RwSignal<bool>,
    pub options: Memo<Options>,
    pub hidden: RwSignal<Vec<ScenarioId>>,
}

/// The panels, from the [`Inputs`] in the context.
#[component]
pub fn Panels() -> impl IntoView {
    let Inputs {
        computed,
        settled,
        include_tentative,
        options,
        hidden,
    } = expect_context::<Inputs>();
    view! {
        <CapacityChart computed settled include_tentative/>
        <SkillWeeks computed settled/>
        <Scenarios computed settled options hidden/>
        <TakeIt options/>
    }
}

/// Whole percent, for people.
fn percent(share: f64) -> String {
    format!("{} %", (share * 100.0).round() as i64)
}
