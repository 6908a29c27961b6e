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

pub use chart::{chart_markup, CapacityChart};
pub use scenarios::Scenarios;
pub use skill_weeks::SkillWeeks;
pub use take_it::TakeIt;

/// Whole percent, for people.
fn percent(share: f64) -> String {
    format!("{} %", (share * 100.0).round() as i64)
}
