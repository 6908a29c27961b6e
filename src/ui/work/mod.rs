//! The Work view: the firm's book of work (client projects, managed-services
//! contracts, internal work and pipeline deals) grouped by client, with each
//! engagement's kind, status or stage, dates, team, hours a week over the
//! horizon and budget burnt; deals won, lost or gathered into a scenario.
//! Opening one (`#/work/act-7`) shows its team on its own timeline, staffed
//! and moved by drag and drop, by keyboard, or by taps (a person or a bar
//! picked, a week tapped, Apply), and its form.

use leptos::prelude::*;

use super::board::{risk_badge, risk_label_indexed};
use super::draft::{place_booking, DraftController, DraftSetup, DraftTools};
use super::forms::{
    contains_ignoring_case, date_text, number_text, parse_date, parse_number, Choice, Field,
    TextArea,
};
use super::state::{AppState, Route};
use crate::browser;
use crate::command::draft::{Draft, Timeline};
use crate::command::Command;
use crate::engine::book::{self, asked_of, ClientGroup, Member};
use crate::engine::capacity::{self, Band, Capacity};
use crate::engine::money::{self, Burn};
use crate::engine::risks;
use crate::engine::skills::hours_text;
use crate::model::amount_text;
use crate::model::{
    medium_date, Activity, ActivityId, ActivityKind, Allocation, AllocationId, Assignee, Billing,
    Commitment, Contract, Deal, DealStage, Period, PersonId, Plan, Scope, Status, Week,
};

mod detail;
mod form;
mod list;
mod timeline;

use detail::*;
use form::*;
use list::*;
use timeline::*;

/// How many engagements the list shows before "Show more".
const ROWS_SHOWN: usize = 100;
/// How many people the timeline offers to drag in.
const PEOPLE_OFFERED: usize = 10;

/// The Work view: the list, or one engagement.
#[component]
pub fn WorkView() -> impl IntoView {
    let state = expect_context::<AppState>();
    // A memo, so an edit of the plan that leaves the opened work in it does
    // not draw the page again (which would drop its message, its keyboard
    // draft and the focus).
    let focus = Memo::new(move |_| {
        state.routing.work_focus.get().filter(|id| {
            state
                .edits
                .history
                .with(|history| history.plan().activity(*id).is_some())
        })
    });
    move || match focus.get() {
        Some(id) => view! { <EngagementDetail id/> }.into_any(),
        None => view! { <WorkList/> }.into_any(),
    }
}

/// Which work the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Filter {
    All,
    Kind(ActivityKind),
    Deals,
}

impl Filter {
    fn of(value: &str) -> Filter {
        match value {
            "deals" => Filter::Deals,
            other => ActivityKind::ALL
                .into_iter()
                .find(|kind| kind_slug(*kind) == other)
                .map_or(Filter::All, Filter::Kind),
        }
    }

    fn keeps(self, activity: &Activity) -> bool {
        match self {
            Filter::All => true,
            Filter::Deals => activity.deal.is_some(),
            Filter::Kind(kind) => activity.kind == kind && activity.deal.is_none(),
        }
    }
}

fn kind_slug(kind: ActivityKind) -> &'static str {
    match kind {
        ActivityKind::Project => "project",
        ActivityKind::ManagedService => "managed-service",
        ActivityKind::Support => "support",
        ActivityKind::Internal => "internal",
    }
}

/// "Proposal · 60 %" for a deal, its status for other work.
fn stage_text(activity: &Activity) -> String {
    match activity.deal {
        Some(deal) => format!(
            "{} · {} %",
            deal.stage.label(),
            (deal.probability * 100.0).round() as i64
        ),
        None => activity.status.label().to_string(),
    }
}

/// "2 Nov 2026 to 5 Feb 2027 · 32 h a week, renews 30 Apr 2027".
fn dates_text(activity: &Activity) -> String {
    let mut parts = vec![match (activity.start, activity.deadline) {
        (Some(start), Some(end)) => format!("{} to {}", medium_date(start), medium_date(end)),
        (Some(start), None) => format!("from {}", medium_date(start)),
        (None, Some(end)) => format!("until {}", medium_date(end)),
        (None, None) => "no dates".to_string(),
    }];
    if let Some(contract) = activity.contract {
        let mut terms = format!(
            "{} h a {}",
            number_text(contract.hours),
            contract.period.label()
        );
        if let Some(renewal) = contract.renewal {
            terms.push_str(&format!(", renews {}", medium_date(renewal)));
        }
        parts.push(terms);
    }
    parts.join(" · ")
}

/// The team as read: "Mei Chen, Ben Okafor, James O'Connor and 2 more".
fn team_text(plan: &Plan, team: &[Member]) -> String {
    if team.is_empty() {
        return "nobody booked".to_string();
    }
    let names: Vec<String> = team
        .iter()
        .map(|member| match member {
            Member::Person(person) => plan.person_name(*person),
            Member::Role(role) => format!("open role {}", plan.role_title(*role)),
            Member::Placeholder(role) => format!("{role} (to staff)"),
        })
        .collect();
    match names.len() {
        0..=3 => names.join(", "),
        count => format!("{} and {} more", names[..3].join(", "), count - 3),
    }
}

/// "312 of 760 h burnt · 624 h planned", or how far over.
fn burn_text(burn: &Burn) -> String {
    let mut text = format!(
        "{} of {} h burnt · {} h planned",
        hours_text(burn.burnt),
        hours_text(burn.budget),
        hours_text(burn.allocated)
    );
    if let Some(week) = burn.runs_out {
        text.push_str(&format!(", runs out in {week}"));
    }
    text
}

/// The hours a week as a row of small bars, with the sentence a screen
/// reader reads instead.
fn sparkline(hours: &[f64], load: &Capacity, this_week: Week) -> impl IntoView {
    let top = hours.iter().copied().fold(0.0, f64::max);
    let now = load.column(this_week);
    let booked: Vec<&f64> = hours.iter().filter(|hours| **hours > 0.0).collect();
    let summary = if booked.is_empty() {
        "No hours booked in the horizon".to_string()
    } else {
        let least = booked.iter().copied().fold(f64::INFINITY, |a, b| a.min(*b));
        let total: f64 = hours.iter().sum();
        format!(
            "{} h booked over the horizon, {} to {} h a week in {} of {} weeks",
            hours_text(total),
            hours_text(least),
            hours_text(top),
            booked.len(),
            hours.len()
        )
    };
    let bars = hours
        .iter()
        .enumerate()
        .map(|(column, hours)| {
            let height = if top > 0.0 {
                (hours / top * 100.0).round() as i64
            } else {
                0
            };
            view! {
                <span class="spark__bar" class:spark__bar--now=now == Some(column)
                    style=format!("height: {}%", height.max(if *hours > 0.0 { 8 } else { 0 }))></span>
            }
        })
        .collect_view();
    view! {
        <span class="spark" role="img" aria-label=summary.clone() title=summary>{bars}</span>
    }
}
