//! The activities of the plan: `list.rs` the table (sortable, filterable,
//! with the computed priority); `form.rs` the form that edits every field
//! of an activity.

use leptos::prelude::*;

use super::board::{risk_badge_html, risk_label_indexed};
use super::forms::{
    date_text, distinct_texts, number_text, parse_date, parse_number, Choice, Field, TextArea,
};
use super::markup::{attr_into, escape_into, Action, Html};
use super::state::{AppState, PlanFocus};
use crate::browser;
use crate::command::Command;
use crate::engine::health::{propose_midpoint, MULTI_WEEK_DAYS};
use crate::engine::priority::Ranking;
use crate::engine::{risks, skills};
use crate::model::{
    level_name, sort_by_number, Activity, ActivityId, ActivityKind, ChecklistItem, Commitment,
    DoneDefinition, PersonId, SkillId, SkillRequirement, Status, MAX_SKILL_LEVEL,
};

mod form;
mod list;

pub use form::ActivityForm;
pub use list::ActivitiesTable;

/// Which activity the form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editing {
    New,
    Existing(ActivityId),
}
