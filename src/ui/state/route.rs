//! Routing: the view shown and what it opens, from the location's hash
//! (`#/board`, `#/plan/activity/act-3`, `#/work/act-7`).

use leptos::prelude::*;

use crate::model::{ActivityId, MetricId, Plan};

/// Where the person is: the view, the Plan view's editor and the Work
/// view's engagement, each read from the same hash.
#[derive(Clone, Copy)]
pub struct Routing {
    pub route: RwSignal<Route>,
    /// The editor the Plan view shows, from the same hash.
    pub plan_focus: RwSignal<PlanFocus>,
    /// The engagement the Work view opens (`#/work/act-7`), if any.
    pub work_focus: RwSignal<Option<ActivityId>>,
}

impl Default for Routing {
    fn default() -> Routing {
        Routing {
            route: RwSignal::new(Route::Plan),
            plan_focus: RwSignal::new(PlanFocus::Overview),
            work_focus: RwSignal::new(None),
        }
    }
}

impl Routing {
    /// Follows `hash`, setting only what changed: a hash event for the view
    /// already shown (a test or an extension setting the same hash) draws
    /// nothing anew.
    pub fn follow(&self, hash: &str) {
        set_if_changed(self.route, Route::from_hash(hash));
        set_if_changed(self.plan_focus, PlanFocus::from_hash(hash));
        set_if_changed(self.work_focus, work_focus(hash));
    }
}

/// Sets `signal` to `value` unless it holds that already (a set notifies
/// whatever reads it, even with the same value).
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|old| *old != value) {
        signal.set(value);
    }
}

/// A view of the app, reached by a hash route such as `#/board`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Plan,
    Week,
    Work,
    Board,
    People,
    Skills,
    Capacity,
    CheckIn,
    Money,
    Report,
    Files,
}

impl Route {
    pub const ALL: [Route; 11] = [
        Route::Plan,
        Route::Week,
        Route::Work,
        Route::Board,
        Route::People,
        Route::Skills,
        Route::Capacity,
        Route::CheckIn,
        Route::Money,
        Route::Report,
        Route::Files,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Route::Plan => "Plan",
            Route::Week => "This week",
            Route::Work => "Work",
            Route::Board => "Board",
            Route::People => "People",
            Route::Skills => "Skills",
            Route::Capacity => "Capacity",
            Route::CheckIn => "Check-in",
            Route::Money => "Money",
            Route::Report => "Report",
            Route::Files => "Files",
        }
    }

    pub fn hash(self) -> &'static str {
        match self {
            Route::Plan => "#/plan",
            Route::Week => "#/week",
            Route::Work => "#/work",
            Route::Board => "#/board",
            Route::People => "#/people",
            Route::Skills => "#/skills",
            Route::Capacity => "#/capacity",
            Route::CheckIn => "#/check-in",
            Route::Money => "#/money",
            Route::Report => "#/report",
            Route::Files => "#/files",
        }
    }

    /// The route of a location hash; unknown hashes open the Plan view.
    pub fn from_hash(hash: &str) -> Route {
        let view = hash.split(['?', '/']).nth(1).unwrap_or_default();
        Route::ALL
            .into_iter()
            .find(|route| route.hash()[2..] == *view)
            .unwrap_or(Route::Plan)
    }
}

/// What the Plan view opens: an editor, reached by a link such as
/// `#/plan/activity/act-3`, so health findings can point at the place to fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanFocus {
    Overview,
    Goal,
    NewMetric,
    Metric(MetricId),
    NewActivity,
    Activity(ActivityId),
    /// The activity's form with its owner suggestions open.
    SuggestOwner(ActivityId),
}

impl PlanFocus {
    pub fn from_hash(hash: &str) -> PlanFocus {
        let mut parts = hash.split('/').skip(2);
        match (parts.next(), parts.next(), parts.next()) {
            (Some("goal"), None, None) => PlanFocus::Goal,
            (Some("metric"), Some("new"), None) => PlanFocus::NewMetric,
            (Some("metric"), Some(id), None) => {
                id.parse().map_or(PlanFocus::Overview, PlanFocus::Metric)
            }
            (Some("activity"), Some("new"), None) => PlanFocus::NewActivity,
            (Some("activity"), Some(id), None) => {
                id.parse().map_or(PlanFocus::Overview, PlanFocus::Activity)
            }
            (Some("activity"), Some(id), Some("suggest")) => id
                .parse()
                .map_or(PlanFocus::Overview, PlanFocus::SuggestOwner),
            _ => PlanFocus::Overview,
        }
    }

    pub fn hash(self) -> String {
        match self {
            PlanFocus::Overview => "#/plan".to_string(),
            PlanFocus::Goal => "#/plan/goal".to_string(),
            PlanFocus::NewMetric => "#/plan/metric/new".to_string(),
            PlanFocus::Metric(id) => format!("#/plan/metric/{id}"),
            PlanFocus::NewActivity => "#/plan/activity/new".to_string(),
            PlanFocus::Activity(id) => format!("#/plan/activity/{id}"),
            PlanFocus::SuggestOwner(id) => format!("#/plan/activity/{id}/suggest"),
        }
    }
}

/// Where a piece of work is edited: an initiative in the Plan view's form,
/// work of the book of work on the Work view.
pub fn work_hash(plan: &Plan, id: ActivityId) -> String {
    match plan.activity(id) {
        Some(activity) if !activity.is_initiative() => format!("#/work/{id}"),
        _ => PlanFocus::Activity(id).hash(),
    }
}

/// The engagement the Work view opens, from a hash such as `#/work/act-7`.
pub fn work_focus(hash: &str) -> Option<ActivityId> {
    let mut parts = hash.split(['/', '?']).skip(2);
    parts.next().and_then(|id| id.parse().ok())
}
