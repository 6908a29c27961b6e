//! The Capacity view: a timeline of people (grouped by team) and weeks,
//! each cell a stacked bar of support, confirmed, tentative and free hours,
//! with allocation bars to drag, stretch and move by keyboard; the work
//! still to staff beside it, team and firm sums, and the panels of
//! `capacity_panels` (chart, scenarios, "Can we take it?").
//!
//! Every change is a command: a drop applies it at once; arrow keys, or a
//! tap on a week, move a draft that Enter or the Place button applies.
//! Rows are keyed by everything they show, so a change repaints only the
//! rows it touched.

use leptos::prelude::*;

use super::capacity_panels::{CapacityChart, Scenarios, SkillWeeks, TakeIt};
use super::forms::contains_ignoring_case;
use super::markup::{closest, escape_into, key_of, HtmlList};
use super::state::AppState;
use super::week_picker::WeekPicker;
use crate::browser;
use crate::command::draft::{moved_to as draft_moved_to, step as step_draft, DraftKey};
use crate::command::history::Revision;
use crate::command::Command;
use crate::engine::capacity::{self, lanes, Band, Capacity, Cell, Options};
use crate::engine::money::{self, billable_headline, percent_text, PersonMoney, PersonWeek};
use crate::model::{
    short_date, sort_by_number, ActivityId, Allocation, AllocationId, Assignee, Commitment,
    Horizon, PersonId, Plan, RoleId, Week, MAX_HORIZON_WEEKS,
};

/// What is being dragged. `DataTransfer.getData` is empty during
/// `dragover`, so it is kept in a signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dragged {
    /// An activity from the list, to allocate.
    Activity(ActivityId),
    /// A bar, grabbed `grab` weeks after its first week.
    Bar { id: AllocationId, grab: i64 },
    /// The end of a bar, to lengthen or shorten it.
    End(AllocationId),
}

/// A change being made by keyboard, shown in place until Enter applies it.
#[derive(Debug, Clone, PartialEq)]
struct Draft {
    /// The allocation being changed; none for a new one.
    original: Option<AllocationId>,
    allocation: Allocation,
}

/// A bar as drawn: columns and lane, and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
struct BarData {
    /// `bar-alc-3`, or `bar-draft`.
    element_id: String,
    /// The allocation's id as text (empty for a new draft).
    allocation: String,
    title: String,
    /// Tenths of an hour a week.
    tenths: u32,
    first: usize,
    span: usize,
    /// The grid row: 1 on a role's line, below the weeks (lane + 2) on a
    /// person's.
    row: usize,
    tentative: bool,
    placeholder: bool,
    draft: bool,
    /// The bar whose editor is open.
    selected: bool,
    /// Starts before or runs past the visible weeks; `hidden` weeks of it
    /// are before the first visible week.
    cut_left: bool,
    hidden: usize,
    cut_right: bool,
    label: String,
}

/// One line of the timeline, kept in the page by who or what it is (see
/// [`DrawnLines`]).
#[derive(Debug, Clone, PartialEq)]
enum Line {
    /// A team's header with its summed weeks; `collapsed` hides its people.
    Team {
        name: String,
        members: usize,
        collapsed: bool,
        cells: Vec<[u32; 4]>,
        tentative: bool,
    },
    /// A person's line, or an open role's adding capacity (below its
    /// team's people): their weeks and bars.
    Row {
        who: Holder,
        /// Position among the visible rows, for arrow keys.
        row: usize,
        name: String,
        /// The line under the name (a person's role, "Open role from 4
        /// Jan") and its tooltip, if any.
        note: (String, String),
        /// The person's billable figures over the weeks shown (drawn as
        /// "62 % billable (target 75 %)" with the whole sentence as a
        /// tooltip, see [`billable_texts`]); none when the plan bills
        /// nothing, and for open roles. Numbers, not text: a drop formats
        /// only the lines it changed.
        billable: Option<(PersonWeek, Option<f64>)>,
        cells: Vec<[u32; 4]>,
        tentative: bool,
        bars: Vec<BarData>,
        lanes: usize,
    },
    /// Work still to staff: a placeholder, or an open role not adding
    /// capacity with these settings (its scenario hidden).
    Role { bar: BarData, role: String },
    /// Everyone summed.
    Total {
        cells: Vec<[u32; 4]>,
        tentative: bool,
    },
}

/// Whose line a [`Line::Row`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Holder {
    Person(PersonId),
    Role(RoleId),
}

impl Holder {
    fn assignee(self) -> Assignee {
        match self {
            Holder::Person(person) => Assignee::Person(person),
            Holder::Role(role) => Assignee::Role(role),
        }
    }
}

/// Hours kept as hundredths, so lines can be compared and hashed.
fn cell_key(cell: &Cell) -> [u32; 4] {
    let hundredths = |hours: f64| (hours.max(0.0) * 100.0).round() as u32;
    [
        hundredths(cell.capacity),
        hundredths(cell.support),
        hundredths(cell.confirmed),
        hundredths(cell.tentative),
    ]
}

fn cell_of_key(key: &[u32; 4]) -> Cell {
    Cell {
        capacity: f64::from(key[0]) / 100.0,
        support: f64::from(key[1]) / 100.0,
        confirmed: f64::from(key[2]) / 100.0,
        tentative: f64::from(key[3]) / 100.0,
    }
}

/// "28 h", "7.5 h".
fn hours(tenths: u32) -> String {
    if tenths.is_multiple_of(10) {
        format!("{} h", tenths / 10)
    } else {
        format!("{}.{} h", tenths / 10, tenths % 10)
    }
}

fn tenths_of(hours_per_week: f64) -> u32 {
    (hours_per_week.max(0.0) * 10.0).round() as u32
}

/// The view's settings that shape the lines.
#[derive(Debug, Clone, PartialEq)]
struct Settings {
    options: Options,
    collapsed: Vec<String>,
    show_bars: bool,
    /// The allocation whose editor is open, marked on its bar.
    selected: Option<AllocationId>,
}

fn bar_data(
    plan: &Plan,
    capacity: &Capacity,
    allocation: &Allocation,
    draft: bool,
    row: usize,
) -> Option<BarData> {
    let last_column = capacity.week(capacity.weeks.checked_sub(1)?);
    if allocation.last_week < capacity.first_week || allocation.first_week > last_column {
        return None;
    }
    let first = allocation.first_week.max(capacity.first_week);
    let last = allocation.last_week.min(last_column);
    let title = plan.activity_title(allocation.activity);
    let tenths = tenths_of(allocation.hours_per_week);
    let who = match &allocation.assignee {
        Assignee::Person(person) => plan.person_name(*person),
        Assignee::Placeholder { role, .. } => format!("Unstaffed {role}"),
        Assignee::Role(role) => format!("Open role {}", plan.role_title(*role)),
    };
    // The name starts with the bar's visible text ("title · 20 h"), so a
    // speech user can say what they see (WCAG 2.5.3, label in name).
    let label = format!(
        "{title} · {} a week, {} to {}, {who}{}{}",
        hours(tenths),
        allocation.first_week,
        allocation.last_week,
        if allocation.commitment == Commitment::Tentative {
            ", tentative"
        } else {
            ""
        },
        if draft {
            ". Moving: arrows move, Shift+arrows change the end, + and - change the hours, Enter applies, Escape cancels."
        } else {
            ". Enter to move by keyboard."
        }
    );
    Some(BarData {
        element_id: if draft {
            "bar-draft".to_string()
        } else {
            format!("bar-{}", allocation.id)
        },
        allocation: if draft && allocation.id.0 == 0 {
            String::new()
        } else {
            allocation.id.to_string()
        },
        title,
        tenths,
        first: capacity.column(first)?,
        span: (last.weeks_since(first) + 1) as usize,
        row,
        tentative: allocation.commitment == Commitment::Tentative,
        placeholder: matches!(
            allocation.assignee,
            Assignee::Placeholder { .. } | Assignee::Role(_)
        ),
        draft,
        selected: false,
        cut_left: allocation.first_week < capacity.first_week,
        hidden: capacity
            .first_week
            .weeks_since(allocation.first_week)
            .max(0) as usize,
        cut_right: allocation.last_week > last_column,
        label,
    })
}

/// The timeline's lines for a plan, its capacity and the view's settings;
/// `billing` when the plan bills anything (each person's billable share).
fn lines(
    plan: &Plan,
    capacity: &Capacity,
    billing: Option<&[PersonMoney]>,
    settings: &Settings,
    draft: Option<&Draft>,
) -> Vec<Line> {
    let tentative = settings.options.include_tentative;
    let hidden = draft.and_then(|draft| draft.original);
    // Each person's and each shown open role's bars, by the position of
    // their row in `capacity`.
    let mut by_row: Vec<Vec<&Allocation>> = vec![Vec::new(); capacity.rows.len()];
    let mut by_role: Vec<Vec<&Allocation>> = vec![Vec::new(); capacity.roles.len()];
    let mut to_staff: Vec<&Allocation> = Vec::new();
    let mut person_rows: Vec<(u32, usize)> = capacity
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| (row.person.0, index))
        .collect();
    sort_by_number(&mut person_rows, |(id, _)| u64::from(*id));
    // Each person's billable figures by id, for binary search.
    let mut billing_of: Vec<(u32, usize)> = billing
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(at, money)| (money.person.0, at))
        .collect();
    sort_by_number(&mut billing_of, |(id, _)| u64::from(*id));
    let row_of = |person: PersonId| {
        person_rows
            .binary_search_by(|(id, _)| id.cmp(&person.0))
            .ok()
            .map(|at| person_rows[at].1)
    };
    let role_row_of = |role: RoleId| capacity.roles.iter().position(|row| row.role == role);
    for allocation in &plan.allocations {
        if Some(allocation.id) == hidden || !settings.options.shows(allocation) {
            continue;
        }
        match allocation.assignee {
            Assignee::Person(person) => {
                if let Some(row) = row_of(person) {
                    by_row[row].push(allocation);
                }
            }
            Assignee::Role(role) => match role_row_of(role) {
                Some(row) => by_role[row].push(allocation),
                None => to_staff.push(allocation),
            },
            Assignee::Placeholder { .. } => to_staff.push(allocation),
        }
    }
    // Where the draft is drawn: a person's row, a shown role's, or a line
    // of its own.
    let (draft_person, draft_role) = match draft.map(|draft| &draft.allocation.assignee) {
        Some(Assignee::Person(person)) => (row_of(*person), None),
        Some(Assignee::Role(role)) => (None, role_row_of(*role)),
        _ => (None, None),
    };
    // The line name of work not on a person: the placeholder's role or the
    // open role's title.
    let role_name = |assignee: &Assignee| match assignee {
        Assignee::Placeholder { role, .. } => Some(role.clone()),
        Assignee::Role(role) => Some(plan.role_title(*role)),
        Assignee::Person(_) => None,
    };
    // A row's bars in lanes, with the draft in a lane of its own.
    let lay_out = |mine: &[&Allocation], with_draft: bool| -> (Vec<BarData>, usize) {
        let mut mine: Vec<&Allocation> = if settings.show_bars {
            mine.to_vec()
        } else {
            Vec::new()
        };
        sort_by_number(&mut mine, |allocation| {
            (allocation.first_week.weeks_since(capacity.first_week) + (1 << 20)) as u64
        });
        let spans: Vec<(Week, Week)> = mine
            .iter()
            .map(|allocation| (allocation.first_week, allocation.last_week))
            .collect();
        let (assigned, used) = lanes(&spans);
        let mut bars: Vec<BarData> = mine
            .iter()
            .zip(assigned)
            .filter_map(|(allocation, lane)| bar_data(plan, capacity, allocation, false, lane + 2))
            .collect();
        let mut count = used;
        if with_draft {
            if let Some(bar) =
                draft.and_then(|draft| bar_data(plan, capacity, &draft.allocation, true, used + 2))
            {
                bars.push(bar);
                count = used + 1;
            }
        }
        (bars, count)
    };

    // Work to staff comes first: it is what needs doing.
    let mut lines = Vec::new();
    for allocation in to_staff {
        if let Some(role) = role_name(&allocation.assignee) {
            if let Some(bar) = bar_data(plan, capacity, allocation, false, 1) {
                lines.push(Line::Role { bar, role });
            }
        }
    }
    if let Some(draft) = draft.filter(|_| draft_person.is_none() && draft_role.is_none()) {
        if let Some(role) = role_name(&draft.allocation.assignee) {
            if let Some(bar) = bar_data(plan, capacity, &draft.allocation, true, 1) {
                lines.push(Line::Role { bar, role });
            }
        }
    }
    let mut visible_row = 0;
    for (team_index, team) in capacity.teams.iter().enumerate() {
        let collapsed = settings.collapsed.contains(&team.name);
        lines.push(Line::Team {
            name: team.name.clone(),
            members: team.members,
            collapsed,
            cells: team.cells.iter().map(cell_key).collect(),
            tentative,
        });
        if collapsed {
            continue;
        }
        for (index, row) in capacity
            .rows
            .iter()
            .enumerate()
            .skip(team.first_row)
            .take(team.members)
        {
            let Some(person) = plan.person(row.person) else {
                continue;
            };
            let with_draft = draft_person == Some(index);
            let (bars, count) = if settings.show_bars || with_draft {
                lay_out(&by_row[index], with_draft)
            } else {
                (Vec::new(), 0)
            };
            let billable = billing
                .and_then(|people| {
                    let at = billing_of
                        .binary_search_by_key(&row.person.0, |(id, _)| *id)
                        .ok()?;
                    people.get(billing_of[at].1)
                })
                .map(|figures| (figures.total, figures.target));
            lines.push(Line::Row {
                who: Holder::Person(row.person),
                row: visible_row,
                name: person.name.clone(),
                note: (person.role.clone(), String::new()),
                billable,
                cells: row.cells.iter().map(cell_key).collect(),
                tentative,
                bars,
                lanes: count,
            });
            visible_row += 1;
        }
        for (index, row) in capacity
            .roles
            .iter()
            .enumerate()
            .filter(|(_, row)| row.team == team_index)
        {
            let Some(role) = plan.role(row.role) else {
                continue;
            };
            let with_draft = draft_role == Some(index);
            let (bars, count) = if settings.show_bars || with_draft {
                lay_out(&by_role[index], with_draft)
            } else {
                (Vec::new(), 0)
            };
            let scenario = role
                .scenario
                .and_then(|id| plan.scenarios.iter().find(|scenario| scenario.id == id))
                .map(|scenario| format!(" · {}", scenario.name))
                .unwrap_or_default();
            lines.push(Line::Row {
                who: Holder::Role(row.role),
                row: visible_row,
                name: role.title.clone(),
                note: (
                    format!("Open role from {}", short_date(role.start_date)),
                    format!(
                        "Open role of the hiring plan: {}, starting {}{scenario}",
                        role.status.label(),
                        short_date(role.start_date)
                    ),
                ),
                billable: None,
                cells: row.cells.iter().map(cell_key).collect(),
                tentative,
                bars,
                lanes: count,
            });
            visible_row += 1;
        }
    }
    // Mark the selected bar (only its line is drawn again).
    if let Some(id) = settings.selected.map(|id| id.to_string()) {
        for line in &mut lines {
            let bars: &mut [BarData] = match line {
                Line::Row { bars, .. } => bars,
                Line::Role { bar, .. } => std::slice::from_mut(bar),
                _ => continue,
            };
            for bar in bars
                .iter_mut()
                .filter(|bar| !bar.draft && bar.allocation == id)
            {
                bar.selected = true;
            }
        }
    }
    lines.push(Line::Total {
        cells: capacity.total.iter().map(cell_key).collect(),
        tentative,
    });
    lines
}

/// Percent of the cell's scale (the larger of capacity and load) as CSS.
fn bar_style(cell: &Cell, tentative: bool) -> String {
    let scale = cell.capacity.max(cell.load(true)).max(1.0);
    let support = cell.support / scale * 100.0;
    let confirmed = support + cell.confirmed / scale * 100.0;
    let with_tentative = confirmed
        + if tentative {
            cell.tentative / scale * 100.0
        } else {
            0.0
        };
    format!(
        "--s:{}%;--c:{}%;--t:{}%",
        support.round() as i64,
        confirmed.round() as i64,
        with_tentative.round() as i64
    )
}

fn band_class(band: Band) -> &'static str {
    match band {
        Band::Away => "cell cell--away",
        Band::UnderUsed => "cell cell--under",
        Band::Healthy => "cell cell--healthy",
        Band::Over => "cell cell--over",
    }
}

/// The short text in a cell: its utilisation.
fn cell_text(cell: &Cell, tentative: bool) -> String {
    match cell.utilisation(tentative) {
        Some(share) => ((share * 100.0).round() as i64).to_string(),
        None if cell.load(tentative) > 0.0 => "!".to_string(),
        None => String::new(),
    }
}

/// The week range the view shows, at most a year.
fn clamp_range(range: Horizon) -> Horizon {
    Horizon {
        start: range.start,
        weeks: range.weeks.clamp(1, MAX_HORIZON_WEEKS),
    }
}

/// Arrow keys move focus between the weeks of the timeline (one tab stop
/// for the whole grid): along a line, or to the same week of the line above
/// or below. Returns whether the key was one of them.
fn move_cell_focus(cell: &web_sys::Element, key: &str) -> bool {
    use wasm_bindgen::JsCast;
    let column: i64 = cell
        .get_attribute("data-col")
        .and_then(|column| column.parse().ok())
        .unwrap_or(0);
    // Lines sit in wrappers (see `DrawnLines`); their siblings are the lines
    // above and below.
    let wrapper = cell
        .closest(".tl-line")
        .ok()
        .flatten()
        .and_then(|line| line.parent_element());
    let (line, column) = match key {
        "ArrowLeft" => (wrapper, column - 1),
        "ArrowRight" => (wrapper, column + 1),
        "ArrowUp" => (wrapper.and_then(|w| w.previous_element_sibling()), column),
        "ArrowDown" => (wrapper.and_then(|w| w.next_element_sibling()), column),
        _ => return false,
    };
    let next = line
        .and_then(|line| {
            line.query_selector(&format!(".cell[data-col=\"{column}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|next| next.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(next) = next {
        let _ = cell.set_attribute("tabindex", "-1");
        let _ = next.set_attribute("tabindex", "0");
        let _ = next.focus();
    }
    true
}

/// Focuses the timeline's tab stop (its focusable week) after the next
/// repaint, for when the element that had focus is gone.
fn focus_timeline() {
    use wasm_bindgen::JsCast;
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(cell) = document()
            .query_selector(".timeline .cell[tabindex=\"0\"]")
            .ok()
            .flatten()
            .and_then(|cell| cell.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = cell.focus();
        }
    });
    let _ = window().request_animation_frame(callback.unchecked_ref());
}

/// The week column under the pointer in a person's line: from the left edge
/// of its first cell and the cells' width.
fn column_at(line: &web_sys::Element, client_x: i32, weeks: usize) -> Option<i64> {
    let first = line.query_selector(".cell").ok()??;
    let rect = first.get_bounding_client_rect();
    if rect.width() <= 0.0 {
        return None;
    }
    let column = ((f64::from(client_x) - rect.left()) / rect.width()).floor() as i64;
    (0..weeks as i64).contains(&column).then_some(column)
}

/// Whose a person's or an open role's line is, from its `data-person` or
/// `data-role`.
fn line_assignee(line: &web_sys::Element) -> Option<Assignee> {
    match line.get_attribute("data-person") {
        Some(id) => id.parse().ok().map(Assignee::Person),
        None => line
            .get_attribute("data-role")
            .and_then(|id| id.parse().ok())
            .map(Assignee::Role),
    }
}

/// Where a draft stands, without the keys: "Tom Becker, 2026-W49 to
/// 2026-W52, 4 h a week".
fn draft_place(plan: &Plan, allocation: &Allocation) -> String {
    let who = match &allocation.assignee {
        Assignee::Person(person) => plan.person_name(*person),
        Assignee::Placeholder { role, .. } => format!("unstaffed {role}"),
        Assignee::Role(role) => format!("open role {}", plan.role_title(*role)),
    };
    format!(
        "{who}, {} to {}, {} a week",
        allocation.first_week,
        allocation.last_week,
        hours(tenths_of(allocation.hours_per_week))
    )
}

/// The move in progress above the timeline: what moves where, and buttons
/// that place or cancel it as Enter and Escape do, for a tap, a click or
/// the keyboard.
#[component]
fn DraftTools(
    /// "Placing 'Intake form': Marcus Hill, 2026-W48 to 2026-W51, 7 h a week."
    #[prop(into)]
    text: Signal<String>,
    on_place: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="tl-draft" role="group" aria-label="Move in progress">
            <p class="tl-draft__what">{text}</p>
            <p class="tl-draft__how">"Tap or click a week of a person to move it there."</p>
            <div class="tl-draft__actions">
                <button type="button" class="button button--primary button--small" on:click=move |_| on_place.run(())>"Place"</button>
                <button type="button" class="button button--small" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </div>
    }
}

#[component]
pub fn CapacityView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    // The weeks shown: the plan's horizon unless the person picked others;
    // bars shown unless the plan is large, unless the person chose. Both
    // follow the plan when another one is opened.
    let chosen_range = RwSignal::new(None::<Horizon>);
    // Memos: the controls and the capacity follow a change of the weeks,
    // not every edit of the plan.
    let range = Memo::new(move |_| {
        chosen_range
            .get()
            .unwrap_or_else(|| state.history.with(|history| history.plan().horizon))
    });
    // One switch for every view: tentative work counts here as it does in
    // the risks and the week.
    let include_tentative = state.include_tentative;
    let hidden = state.hidden_scenarios;
    let collapsed = RwSignal::new(Vec::<String>::new());
    let chosen_bars = RwSignal::new(None::<bool>);
    let show_bars = Memo::new(move |_| {
        chosen_bars.get().unwrap_or_else(|| {
            state
                .history
                .with(|history| history.plan().people.len() <= BARS_SHOWN_UP_TO)
        })
    });
    let only_unstaffed = RwSignal::new(true);
    let dragged = RwSignal::new(None::<Dragged>);
    let draft = RwSignal::new(None::<Draft>);
    let inspected = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    // The allocation the floating editor shows (a click on a bar,
    // or the one a drop made).
    let selected = RwSignal::new(None::<AllocationId>);

    let options = state.options;
    // The capacity and the billable shares are "changed" whenever they are
    // worked out again, without comparing them with the last ones: all
    // that reads them reads the plan too, so a comparison would only cost
    // time (about 1 ms a drop on a 300-person plan).
    // What the last computation counted is kept with the revision of the
    // plan it counted: a drop, or its undo, changes a few allocations, and
    // only their hours are counted again (see `capacity::Kept`).
    let kept = StoredValue::new((None::<Revision>, capacity::Kept::default()));
    let computed = Memo::new_with_compare(
        move |_| {
            let options = options.get();
            let range = clamp_range(range.get());
            state.history.with(|history| {
                let plan = history.plan();
                kept.try_update_value(|(seen, kept)| {
                    let changed = seen.and_then(|seen| history.changes_since(seen));
                    *seen = Some(history.revision());
                    kept.compute(plan, changed.as_deref(), range, &options, today)
                })
                .unwrap_or_else(|| capacity::compute(plan, range, &options, today))
            })
        },
        |_, _| true,
    );
    let settings = Memo::new(move |_| Settings {
        options: options.get(),
        collapsed: collapsed.get(),
        show_bars: show_bars.get(),
        selected: selected.get(),
    });
    // Billable utilisation, on the capacity computed, when the plan bills
    // anything or sets anyone a target: worked out again for the people
    // whose rows the computations since the last time changed.
    let billing = Memo::new_with_compare(
        move |previous: Option<&Option<Vec<PersonMoney>>>| {
            computed.with(|capacity| {
                let changed = kept
                    .try_update_value(|(_, kept)| kept.take_changed_people())
                    .flatten();
                state.history.with(|history| {
                    let plan = history.plan();
                    let options = options.get();
                    money::tracks_billable(plan).then(|| {
                        match (previous.cloned().flatten(), changed) {
                            (Some(previous), Some(changed)) => {
                                money::people_on_again(previous, plan, capacity, &options, &changed)
                            }
                            _ => money::people_on(plan, capacity, &options),
                        }
                    })
                })
            })
        },
        |_, _| true,
    );
    // Always "changed" when worked out again: the timeline compares its
    // lines one by one as it patches them (see `DrawnLines`).
    let all_lines = Memo::new_with_compare(
        move |_| {
            let settings = settings.get();
            draft.with(|draft| {
                billing.with(|billing| {
                    computed.with(|capacity| {
                        state.history.with(|history| {
                            std::sync::Arc::new(lines(
                                history.plan(),
                                capacity,
                                billing.as_deref(),
                                &settings,
                                draft.as_ref(),
                            ))
                        })
                    })
                })
            })
        },
        |_, _| true,
    );

    // Applies a change to an allocation, keeping focus on its bar.
    let place = move |allocation: Allocation, original: Option<AllocationId>| {
        let next_id = state.history.with_untracked(|history| {
            AllocationId::next_after(history.plan().allocations.iter().map(|a| &a.id))
        });
        let id = original.unwrap_or(next_id);
        let command = match original {
            Some(_) => Command::UpdateAllocation(allocation),
            None => Command::AddAllocation(allocation),
        };
        match state.execute(command) {
            Ok(summary) => {
                message.set(Some(summary));
                selected.set(Some(id));
                browser::focus_after_render(format!("bar-{id}"));
                true
            }
            Err(reason) => {
                message.set(Some(format!("Not changed: {reason}")));
                false
            }
        }
    };
    let find = move |id: AllocationId| {
        state
            .history
            .with_untracked(|history| history.plan().allocation(id).cloned())
    };

    // The selected allocation as the plan holds it, and whether the editor
    // is open: it opens on a selection and stays while the selection moves.
    let selected_allocation = Memo::new(move |_| {
        let id = selected.get()?;
        state
            .history
            .with(|history| history.plan().allocation(id).cloned())
    });
    let editing = Memo::new(move |_| selected_allocation.with(Option::is_some));

    // Drops: the person from the line under the pointer, the week from its x.
    let on_dragover = move |event: leptos::ev::DragEvent| {
        if dragged.get_untracked().is_some()
            && closest(event.target(), "[data-person],[data-role]").is_some()
        {
            event.prevent_default();
        }
    };
    let on_drop = move |event: leptos::ev::DragEvent| {
        let Some(what) = dragged.get_untracked() else {
            return;
        };
        let Some(line) = closest(event.target(), "[data-person],[data-role]") else {
            return;
        };
        event.prevent_default();
        dragged.set(None);
        // The sticky name column covers weeks: a drop on a name places nothing.
        if closest(event.target(), ".tl-name").is_some() {
            return;
        }
        let (Some(assignee), Some(column)) = (
            line_assignee(&line),
            column_at(
                &line,
                event.client_x(),
                computed.with_untracked(|capacity| capacity.weeks),
            ),
        ) else {
            return;
        };
        let first_week = computed.with_untracked(|capacity| capacity.first_week);
        let week = first_week.plus_weeks(column);
        match what {
            Dragged::Activity(activity) => {
                let proposed = state.history.with_untracked(|history| {
                    computed.with_untracked(|capacity| {
                        capacity::proposed_allocation(
                            history.plan(),
                            capacity,
                            activity,
                            assignee,
                            week,
                            &options.get_untracked(),
                        )
                    })
                });
                match proposed {
                    Some(proposal) => {
                        let note = state
                            .history
                            .with_untracked(|history| proposal.note(history.plan()));
                        if place(proposal.allocation, None) && !note.is_empty() {
                            message.update(|text| {
                                if let Some(text) = text {
                                    text.push(' ');
                                    text.push_str(&note);
                                }
                            });
                        }
                    }
                    None => message.set(Some(
                        "Not changed: they are not there in any week from there to the work's deadline."
                            .to_string(),
                    )),
                }
            }
            Dragged::Bar { id, grab } => {
                if let Some(mut allocation) = find(id) {
                    let staffing = matches!(allocation.assignee, Assignee::Placeholder { .. });
                    allocation.assignee = assignee;
                    if !staffing {
                        // The week grabbed lands on the week dropped on.
                        let shift = week.weeks_since(allocation.first_week) - grab;
                        allocation.first_week = allocation.first_week.plus_weeks(shift);
                        allocation.last_week = allocation.last_week.plus_weeks(shift);
                    }
                    place(allocation, Some(id));
                }
            }
            Dragged::End(id) => {
                if let Some(mut allocation) = find(id) {
                    allocation.last_week = week.max(allocation.first_week);
                    place(allocation, Some(id));
                }
            }
        }
    };
    let on_dragstart = move |event: leptos::ev::DragEvent| {
        let Some(element) = closest(event.target(), "[data-drag]") else {
            return;
        };
        let kind = element.get_attribute("data-drag").unwrap_or_default();
        let id = element.get_attribute("data-id").unwrap_or_default();
        let what = match kind.as_str() {
            "activity" => id.parse().ok().map(Dragged::Activity),
            "end" => id.parse().ok().map(Dragged::End),
            "bar" => id.parse().ok().map(|id| {
                let rect = element.get_bounding_client_rect();
                let span: f64 = element
                    .get_attribute("data-span")
                    .and_then(|span| span.parse().ok())
                    .unwrap_or(1.0);
                let cut: i64 = element
                    .get_attribute("data-cut")
                    .and_then(|cut| cut.parse().ok())
                    .unwrap_or(0);
                let grab = if rect.width() > 0.0 {
                    ((f64::from(event.client_x()) - rect.left()) / (rect.width() / span)).floor()
                        as i64
                } else {
                    0
                };
                Dragged::Bar {
                    id,
                    grab: grab.clamp(0, span as i64 - 1) + cut,
                }
            }),
            _ => None,
        };
        let Some(what) = what else {
            return;
        };
        // The end handle sits inside its bar: the bar must not start a drag.
        event.stop_propagation();
        dragged.set(Some(what));
        draft.set(None);
        if let Some(transfer) = event.data_transfer() {
            let _ = transfer.set_data("application/x-opsboard-allocation", &id);
            let _ = transfer.set_data("text/plain", &id);
            transfer.set_effect_allowed("move");
        }
    };

    // The keyboard twin of every drag.
    // The people and open roles shown, top to bottom.
    let visible_rows = move || {
        all_lines.with_untracked(|lines| {
            lines
                .iter()
                .filter_map(|line| match line {
                    Line::Row { who, .. } => Some(who.assignee()),
                    _ => None,
                })
                .collect::<Vec<Assignee>>()
        })
    };
    let describe_draft = move |draft: &Draft| {
        let place = state
            .history
            .with_untracked(|history| draft_place(history.plan(), &draft.allocation));
        format!("{place}. Enter applies, Escape cancels.")
    };
    let start_draft = move |next: Draft| {
        state.announce(format!("Moving {}", describe_draft(&next)));
        draft.set(Some(next));
        browser::focus_after_render("bar-draft".to_string());
    };
    // Enter, the Place button: the draft becomes a command.
    let apply_draft = move || {
        let Some(next) = draft.get_untracked() else {
            return;
        };
        if place(next.allocation, next.original) {
            draft.set(None);
        }
    };
    // Escape, the Cancel button: the plan stays as it is, and focus goes
    // back to where the move started, its bar or its work in the list.
    let cancel_draft = move || {
        let Some(next) = draft.get_untracked() else {
            return;
        };
        draft.set(None);
        state.announce("Move cancelled".to_string());
        match next.original {
            Some(id) => browser::focus_after_render(format!("bar-{id}")),
            None => browser::focus_after_render(format!("worklist-{}", next.allocation.activity)),
        }
    };
    // A tap or click on a week while a move is in progress: the draft goes
    // to that line from that week.
    let move_draft_to = move |assignee: Assignee, week: Week| {
        let Some(mut next) = draft.get_untracked() else {
            return;
        };
        next.allocation = draft_moved_to(&next.allocation, assignee, week);
        state.announce(describe_draft(&next));
        draft.set(Some(next));
        browser::focus_after_render("bar-draft".to_string());
    };
    // The keys of a move in progress (see the view's hint).
    let draft_key = move |event: &web_sys::KeyboardEvent| {
        let Some(mut next) = draft.get_untracked() else {
            return;
        };
        let key = event.key();
        if let Some(step_key) = DraftKey::of(&key, event.shift_key()) {
            event.prevent_default();
            next.allocation = step_draft(&next.allocation, step_key, &visible_rows());
            state.announce(describe_draft(&next));
            draft.set(Some(next));
            browser::focus_after_render("bar-draft".to_string());
            return;
        }
        match key.as_str() {
            "Enter" => {
                event.prevent_default();
                apply_draft();
            }
            "Escape" => {
                event.prevent_default();
                cancel_draft();
            }
            _ => {}
        }
    };
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if let Some(cell) = closest(event.target(), ".cell") {
            if move_cell_focus(&cell, &event.key()) {
                event.prevent_default();
            }
            return;
        }
        let Some(bar) = closest(event.target(), "[data-bar]") else {
            return;
        };
        let key = event.key();
        let current = draft.get_untracked();
        // While a move is in progress, keys act on it, even before focus
        // has reached the draft bar.
        let is_draft = bar.id() == "bar-draft" || current.is_some();
        if !is_draft {
            if key == "Enter" || key == " " {
                let id: Option<AllocationId> =
                    bar.get_attribute("data-id").and_then(|id| id.parse().ok());
                if let Some(allocation) = id.and_then(find) {
                    event.prevent_default();
                    start_draft(Draft {
                        original: Some(allocation.id),
                        allocation,
                    });
                }
            } else if key == "Delete" {
                let id: Option<AllocationId> =
                    bar.get_attribute("data-id").and_then(|id| id.parse().ok());
                if let Some(id) = id {
                    event.prevent_default();
                    if let Ok(summary) = state.execute(Command::RemoveAllocation(id)) {
                        message.set(Some(summary));
                        focus_timeline();
                    }
                }
            }
            return;
        }
        draft_key(&event);
    };
    // Focus can be lost for a moment while a moved line is drawn again: keys
    // pressed meanwhile still go to the move in progress.
    let stray_keys = window_event_listener(leptos::ev::keydown, move |event| {
        let stray = closest(event.target(), "*").is_none_or(|element| element.tag_name() == "BODY");
        if stray && draft.with_untracked(Option::is_some) {
            draft_key(&event);
        }
    });
    on_cleanup(move || stray_keys.remove());

    // Placing an activity from the list (Enter on it, or a tap or click):
    // a draft on its owner (or the first person shown) in its first open
    // week.
    let start_placing = move |activity: ActivityId| {
        let proposed = state.history.with_untracked(|history| {
            let plan = history.plan();
            let rows = visible_rows();
            let found = plan.activity(activity)?;
            let assignee = found
                .owner
                .map(Assignee::Person)
                .filter(|owner| rows.contains(owner))
                .or_else(|| rows.first().cloned())?;
            computed.with_untracked(|capacity| {
                let first = capacity.first_week;
                let last = capacity.week(capacity.weeks.saturating_sub(1));
                let week = found
                    .start
                    .map_or(first, Week::containing)
                    .max(Week::containing(today))
                    .clamp(first, last);
                capacity::proposed_allocation(
                    plan,
                    capacity,
                    activity,
                    assignee,
                    week,
                    &options.get_untracked(),
                )
            })
        });
        match proposed {
            Some(proposal) => start_draft(Draft {
                original: None,
                allocation: proposal.allocation,
            }),
            None => message.set(Some(
                "Show at least one person (open a team) to place work there.".to_string(),
            )),
        }
    };
    let inspect = move |target: Option<web_sys::EventTarget>| {
        if let Some(cell) = closest(target, ".cell[aria-label]") {
            inspected.set(cell.get_attribute("aria-label").unwrap_or_default());
        }
    };
    let on_click = move |event: leptos::ev::MouseEvent| {
        if let Some(bar) = closest(event.target(), "[data-bar][data-id]") {
            let id: Option<AllocationId> =
                bar.get_attribute("data-id").and_then(|id| id.parse().ok());
            if let Some(id) = id {
                selected.set(Some(id));
                // Marking the bar draws its line again: focus follows.
                browser::focus_after_render(format!("bar-{id}"));
            }
            return;
        }
        // A week of a person or an open role, tapped or clicked while a
        // move is in progress: the move goes there.
        if let Some(cell) = closest(event.target(), ".cell[data-col]") {
            let assignee = cell
                .closest("[data-person],[data-role]")
                .ok()
                .flatten()
                .as_ref()
                .and_then(line_assignee);
            let column: Option<i64> = cell
                .get_attribute("data-col")
                .and_then(|column| column.parse().ok());
            if let (Some(assignee), Some(column)) = (assignee, column) {
                let week =
                    computed.with_untracked(|capacity| capacity.first_week.plus_weeks(column));
                move_draft_to(assignee, week);
            }
            return;
        }
        if let Some(button) = closest(event.target(), "[data-team]") {
            let team = button.get_attribute("data-team").unwrap_or_default();
            collapsed.update(|collapsed| {
                if let Some(at) = collapsed.iter().position(|name| *name == team) {
                    collapsed.remove(at);
                } else {
                    collapsed.push(team);
                }
            });
        }
    };

    // The lines, patched into the page as they change.
    let body = NodeRef::<leptos::html::Div>::new();
    let drawn = StoredValue::new_local(DrawnLines::default());
    Effect::new(move |_| {
        let lines = all_lines.get();
        if let Some(body) = body.get() {
            drawn.update_value(|drawn| drawn.update(&body, lines));
        }
    });
    // The weeks shown: the header and the grid's columns change with them,
    // not with every drop.
    let shape = Memo::new(move |_| computed.with(|capacity| (capacity.first_week, capacity.weeks)));
    let weeks_header = move || {
        shape.with(|(first_week, weeks)| {
            (0..*weeks)
                .map(|column| {
                    let week = first_week.plus_weeks(column as i64);
                    let this_week = week == Week::containing(today);
                    view! {
                        <div class="tl-week" class:tl-week--now=this_week role="columnheader"
                            title=format!("Week of {}", short_date(week.monday()))>
                            <span class="tl-week__number">{format!("W{:02}", week.number())}</span>
                            <span class="tl-week__date">{short_date(week.monday())}</span>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let week_count = move || shape.with(|(_, weeks)| *weeks);
    // The panels under the timeline follow the plan a frame after it
    // changes: a drop repaints the timeline and the work list in its frame,
    // and the chart and scenarios right after it.
    let settled = RwSignal::new(0u32);
    let generation = StoredValue::new(0u32);
    Effect::new(move |first: Option<()>| {
        state.history.track();
        computed.with(|_| ());
        if first.is_none() {
            return;
        }
        let mine = generation.get_value().wrapping_add(1);
        generation.set_value(mine);
        browser::after_next_frame(move || {
            if generation.try_get_value() == Some(mine) {
                let _ = settled.try_update(|count| *count = count.wrapping_add(1));
            }
        });
    });

    // The move in progress as its toolbar names it; none without one.
    let draft_text = Memo::new(move |_| {
        draft.with(|draft| {
            let draft = draft.as_ref()?;
            Some(state.history.with(|history| {
                let plan = history.plan();
                format!(
                    "{} '{}': {}.",
                    if draft.original.is_some() {
                        "Moving"
                    } else {
                        "Placing"
                    },
                    plan.activity_title(draft.allocation.activity),
                    draft_place(plan, &draft.allocation)
                )
            }))
        })
    });
    let drafting = Memo::new(move |_| draft_text.with(Option::is_some));

    view! {
        <section class="capacity" aria-labelledby="capacity-title">
            <div class="view__heading">
                <h2 id="capacity-title">"Capacity"</h2>
                <p class="view__hint">
                    "Drag work from the list onto a person's week, drag a bar to move it, its right edge to change its length. Without dragging: tap or click work in the list, then a person's week, then Place; tap or click a bar to edit it. By keyboard: focus a bar and press Enter, then arrows (Shift+arrows for the end), + and −, Enter to apply."
                </p>
            </div>
            <RangeControls range chosen_range include_tentative show_bars chosen_bars/>
            <div class="capacity__layout" on:dragstart=on_dragstart on:dragend=move |_| dragged.set(None)>
                <WorkList computed only_unstaffed start_placing/>
                <div class="capacity__main">
                    <p class="tl-inspector" aria-hidden="true">
                        {move || {
                            let text = inspected.get();
                            if text.is_empty() { "Hover or focus a week to see its numbers.".to_string() } else { text }
                        }}
                    </p>
                    // Always in the page, so that a screen reader hears each
                    // new message and a drop writes only its text.
                    <p class="capacity__message" role="status" hidden=move || message.with(Option::is_none)>
                        {move || message.get().unwrap_or_default()}
                    </p>
                    {move || drafting.get().then(|| view! {
                        <DraftTools text=Signal::derive(move || draft_text.get().unwrap_or_default())
                            on_place=Callback::new(move |()| apply_draft())
                            on_cancel=Callback::new(move |()| cancel_draft())/>
                    })}
                    {move || editing.get().then(|| view! { <AllocationEditor current=selected_allocation selected message/> })}

                    <p class="capacity__billable" hidden=move || billing.with(Option::is_none)>
                        {move || billing.with(|billing| billing.as_ref().map(|people| {
                            format!(
                                "The firm in these weeks: {}. Each person's share is under their name.",
                                billable_headline(&money::firm_total(people), None)
                            )
                        }))}
                    </p>
                    <div class="tl-scroll">
                        <div
                            class="timeline"
                            role="grid"
                            aria-label="Capacity by person and week"
                            style=move || format!("--weeks:{}", week_count())
                            on:dragover=on_dragover
                            on:drop=on_drop
                            on:keydown=on_keydown
                            on:mouseover=move |event| inspect(event.target())
                            on:focusin=move |event| inspect(event.target())
                            on:click=on_click
                        >
                            <div class="tl-line tl-line--head" role="row">
                                <div class="tl-name" role="columnheader">"Person"</div>
                                {weeks_header}
                            </div>
                            <div class="tl-body" node_ref=body></div>
                        </div>
                    </div>
                    <Legend/>
                </div>
            </div>
            <div class="capacity__panels">
                <CapacityChart computed settled include_tentative/>
                <SkillWeeks computed settled/>
                <Scenarios computed settled options hidden/>
                <TakeIt options/>
            </div>
        </section>
    }
}

#[component]
fn RangeControls(
    range: Memo<Horizon>,
    chosen_range: RwSignal<Option<Horizon>>,
    include_tentative: RwSignal<bool>,
    show_bars: Memo<bool>,
    chosen_bars: RwSignal<Option<bool>>,
) -> impl IntoView {
    let choose = move |change: &dyn Fn(&mut Horizon)| {
        let mut next = range.get_untracked();
        change(&mut next);
        chosen_range.set(Some(next));
    };
    let set_weeks = move |event: leptos::ev::Event| {
        if let Ok(weeks) = event_target_value(&event).parse::<u32>() {
            choose(&|range| range.weeks = weeks.clamp(1, MAX_HORIZON_WEEKS));
        }
    };
    let shift = move |weeks: i64| choose(&|range| range.start = range.start.plus_weeks(weeks));
    view! {
        <div class="capacity__controls" role="group" aria-label="Weeks shown">
            <WeekPicker label="From week" value=Signal::derive(move || Some(range.get().start))
                on_change=Callback::new(move |week: Option<Week>| {
                    if let Some(week) = week {
                        choose(&|range| range.start = week);
                    }
                })/>
            <label class="filter">
                <span class="filter__label">"Weeks"</span>
                <select aria-label="Weeks" prop:value=move || range.get().weeks.to_string() on:change=set_weeks>
                    {move || {
                        let current = range.get().weeks;
                        [4u32, 8, 13, 26, 39, 52]
                            .into_iter()
                            .chain((![4, 8, 13, 26, 39, 52].contains(&current)).then_some(current))
                            .map(|weeks| view! { <option value=weeks.to_string() selected=weeks == current>{format!("{weeks} weeks")}</option> })
                            .collect_view()
                    }}
                </select>
            </label>
            <button type="button" class="button button--small" aria-label="Four weeks earlier" on:click=move |_| shift(-4)>"◀"</button>
            <button type="button" class="button button--small" on:click=move |_| chosen_range.set(None)>"Horizon"</button>
            <button type="button" class="button button--small" aria-label="Four weeks later" on:click=move |_| shift(4)>"▶"</button>
            <label class="toggle">
                <input type="checkbox" prop:checked=move || include_tentative.get()
                    on:change=move |event| include_tentative.set(event_target_checked(&event))/>
                "Include tentative work"
            </label>
            <label class="toggle">
                <input type="checkbox" prop:checked=move || show_bars.get()
                    on:change=move |event| chosen_bars.set(Some(event_target_checked(&event)))/>
                "Show allocations"
            </label>
        </div>
    }
}

/// The work to staff: activities short of hours (or all open ones), to
/// drag onto the timeline, or to place by Enter, a tap or a click.
#[component]
fn WorkList(
    computed: Memo<Capacity>,
    only_unstaffed: RwSignal<bool>,
    /// Starts placing an activity: a draft on the timeline.
    start_placing: impl Fn(ActivityId) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let find = RwSignal::new(String::new());
    let work_of = |target: Option<web_sys::EventTarget>| -> Option<ActivityId> {
        closest(target, ".work[data-id]")?
            .get_attribute("data-id")?
            .parse()
            .ok()
    };
    // (markup of the shown items, how many more match)
    let found = Memo::new(move |_| {
        let only = only_unstaffed.get();
        let wanted = find.get();
        let wanted = wanted.trim();
        computed.with(|capacity| {
            state.history.with(|history| {
                let plan = history.plan();
                // The unstaffed entries by activity id, for binary search.
                let mut short_of: Vec<(u32, usize)> = capacity
                    .unstaffed
                    .iter()
                    .enumerate()
                    .map(|(index, item)| (item.activity.0, index))
                    .collect();
                sort_by_number(&mut short_of, |(id, _)| u64::from(*id));
                let mut more = 0;
                let shown: Vec<(u64, String)> = plan
                    .activities
                    .iter()
                    .filter(|activity| activity.status != crate::model::Status::Done)
                    .filter(|activity| {
                        wanted.is_empty()
                            || contains_ignoring_case(&activity.title, wanted)
                            || contains_ignoring_case(&activity.client, wanted)
                    })
                    .filter_map(|activity| {
                        let short = short_of
                            .binary_search_by_key(&activity.id.0, |(id, _)| *id)
                            .ok()
                            .map(|at| &capacity.unstaffed[short_of[at].1]);
                        if only && short.is_none() {
                            return None;
                        }
                        Some((activity, short))
                    })
                    .filter(|_| {
                        more += 1;
                        more <= WORK_LIST_LIMIT
                    })
                    .map(|(activity, short)| {
                        let need = match short {
                            Some(item) if item.has_no_hours_planned() => {
                                "no hours planned".to_string()
                            }
                            Some(item) if activity.weekly_commitment().is_some() => format!(
                                "{} of its weekly hours not covered",
                                hours(tenths_of(item.missing))
                            ),
                            Some(item) if item.placeholder > 0.0 => format!(
                                "{} to staff ({} held by a role)",
                                hours(tenths_of(item.missing)),
                                hours(tenths_of(item.placeholder))
                            ),
                            Some(item) => format!("{} to staff", hours(tenths_of(item.missing))),
                            None => "staffed".to_string(),
                        };
                        let due = activity.deadline.map_or_else(
                            || "no deadline".to_string(),
                            |date| format!("due {}", short_date(date)),
                        );
                        let mut html = format!(
                            r#"<div role="listitem" class="work{}" id="worklist-{}" draggable="true" tabindex="0" data-drag="activity" data-id="{}" aria-label=""#,
                            if activity.commitment == Commitment::Tentative { " work--tentative" } else { "" },
                            activity.id,
                            activity.id
                        );
                        escape_into(&mut html, &format!("{}: {need}, {due}. Drag onto a person's week, or press Enter or tap it to place it.", activity.title));
                        html.push_str(r#""><span class="work__title">"#);
                        escape_into(&mut html, &activity.title);
                        html.push_str(r#"</span><span class="work__meta">"#);
                        escape_into(&mut html, &format!("{need} · {due}"));
                        html.push_str("</span></div>");
                        (key_of(&html), html)
                    })
                    .collect();
                (shown, more.saturating_sub(WORK_LIST_LIMIT))
            })
        })
    });
    view! {
        <aside class="worklist" aria-labelledby="worklist-title">
            <h3 id="worklist-title">"Work to staff"</h3>
            <label class="filter worklist__find">
                <span class="filter__label">"Find"</span>
                <input type="search" aria-label="Find work" placeholder="title or client"
                    prop:value=move || find.get() on:input=move |event| find.set(event_target_value(&event))/>
            </label>
            <div class="worklist__filter" role="group" aria-label="Which work">
                <label class="toggle">
                    <input type="radio" name="worklist" prop:checked=move || only_unstaffed.get()
                        on:change=move |_| only_unstaffed.set(true)/>
                    "Short of hours"
                </label>
                <label class="toggle">
                    <input type="radio" name="worklist" prop:checked=move || !only_unstaffed.get()
                        on:change=move |_| only_unstaffed.set(false)/>
                    "All open"
                </label>
            </div>
            <div class="worklist__items" role="list" on:keydown=move |event| {
                if event.key() == "Enter" || event.key() == " " {
                    if let Some(id) = work_of(event.target()) {
                        event.prevent_default();
                        start_placing(id);
                    }
                }
            } on:click=move |event| {
                // A tap or a click picks the work up as Enter does.
                if let Some(id) = work_of(event.target()) {
                    start_placing(id);
                }
            }>
                <HtmlList items=Signal::derive(move || found.with(|(shown, _)| shown.clone()))/>
            </div>
            <p class="worklist__empty">{move || found.with(|(_, more)| (*more > 0).then(|| format!("… and {more} more: type in Find to narrow the list.")))}</p>
            <p class="worklist__empty">{move || computed.with(|capacity| capacity.unstaffed.is_empty().then_some("Every open piece of work is staffed to its deadline."))}</p>
        </aside>
    }
}

/// Plans with up to this many people open with their allocation bars shown.
const BARS_SHOWN_UP_TO: usize = 40;

/// The most items the work list shows; Find narrows it.
const WORK_LIST_LIMIT: usize = 100;

/// Markup of one timeline line. Lines are many (a row of cells and bars for
/// each person) and hold no reactive code, so they are written as markup
/// once for their content: far less wasm than a view per cell, and a fast
/// repaint. Every text from the plan goes through [`escape_into`]; the
/// timeline's handlers are delegated, so the markup carries none.
fn line_html(line: &Line) -> String {
    let mut out = String::with_capacity(4096);
    match line {
        Line::Team {
            name,
            members,
            collapsed,
            cells,
            tentative,
        } => {
            let shown = team_name(name);
            out.push_str(r#"<div class="tl-line tl-line--team" role="row"><div class="tl-name" role="rowheader"><button type="button" class="tl-team" data-team=""#);
            escape_into(&mut out, name);
            out.push_str(&format!(r#"" aria-expanded="{}" aria-label=""#, !collapsed));
            escape_into(
                &mut out,
                &format!(
                    "{shown}, {}: {}",
                    crate::model::count_of(*members, "person", "people"),
                    if *collapsed { "show them" } else { "hide them" }
                ),
            );
            out.push_str(r#""><span aria-hidden="true">"#);
            out.push_str(if *collapsed { "▸ " } else { "▾ " });
            out.push_str("</span>");
            escape_into(&mut out, &shown);
            out.push_str(&format!(
                r#"<span class="tl-team__count"> · {members}</span></button></div>"#
            ));
            sum_cells_html(&mut out, &shown, cells, *tentative);
            out.push_str("</div>");
        }
        Line::Total { cells, tentative } => {
            out.push_str(r#"<div class="tl-line tl-line--total" role="row"><div class="tl-name" role="rowheader">All teams</div>"#);
            sum_cells_html(&mut out, "All teams", cells, *tentative);
            out.push_str("</div>");
        }
        Line::Row {
            who,
            row,
            name,
            note,
            billable,
            cells,
            tentative,
            bars,
            lanes,
        } => {
            let (class, attribute) = match who {
                Holder::Person(person) => ("", format!("data-person=\"{person}\"")),
                Holder::Role(role) => (" tl-line--open-role", format!("data-role=\"{role}\"")),
            };
            let who = row_who(*who, name);
            out.push_str(&format!(
                r#"<div class="tl-line tl-line--person{class}" role="row" {attribute}>"#
            ));
            row_name_html(&mut out, name, note, billable, *lanes);
            row_weeks_html(&mut out, &who, *row, cells, *tentative, bars);
        }
        Line::Role { bar, role } => {
            out.push_str(r#"<div class="tl-line tl-line--role" role="row"><div class="tl-name" role="rowheader"><span class="tl-name__person">"#);
            escape_into(&mut out, role);
            out.push_str(
                r#"</span><span class="tl-name__role">to staff: drag onto a person</span></div>"#,
            );
            bar_cell_html(&mut out, bar);
            out.push_str("</div>");
        }
    }
    out
}

/// The timeline's lines in the page, each in a wrapper kept by who or what
/// the line is. A changed line is patched where it stands: the weeks that
/// changed get their new class, style, label and text, its bars and name
/// are written again only when they changed. A drop on a 300-person plan
/// so restyles a few weeks of three lines (the person's, the team's, the
/// total) instead of drawing those lines again; anything a patch does not
/// cover draws the line again.
#[derive(Default)]
struct DrawnLines {
    /// The lines as drawn, and each one's key, position in `lines` and
    /// wrapper, in order.
    lines: std::sync::Arc<Vec<Line>>,
    wrappers: Vec<(u64, usize, web_sys::Element)>,
}

impl DrawnLines {
    fn update(&mut self, body: &web_sys::Element, lines: std::sync::Arc<Vec<Line>>) {
        use std::collections::{HashMap, HashSet};
        let keys = line_keys(&lines);
        // The same lines in the same order (a drop, a move, an edit of
        // hours): each is patched where it stands, and the page is not
        // walked (two calls into the page per line).
        let same_lines = self.wrappers.len() == keys.len()
            && self
                .wrappers
                .iter()
                .zip(&keys)
                .all(|((drawn, _, _), key)| drawn == key);
        if same_lines {
            for (at, line) in lines.iter().enumerate() {
                let (_, was, wrapper) = &mut self.wrappers[at];
                if let Some(before) = self.lines.get(*was).filter(|before| *before != line) {
                    patch_line(wrapper, before, line);
                }
                *was = at;
            }
            self.lines = lines;
            return;
        }
        let mut drawn: HashMap<u64, (usize, web_sys::Element)> = self
            .wrappers
            .drain(..)
            .map(|(key, at, wrapper)| (key, (at, wrapper)))
            .collect();
        // Lines gone leave first, so the ones kept are found in place.
        let wanted: HashSet<u64> = keys.iter().copied().collect();
        drawn.retain(|key, (_, wrapper)| {
            let keep = wanted.contains(key);
            if !keep {
                wrapper.remove();
            }
            keep
        });
        let mut cursor = body.first_child();
        for (at, (key, line)) in keys.into_iter().zip(lines.iter()).enumerate() {
            let wrapper = match drawn.remove(&key) {
                Some((was, wrapper)) => {
                    if let Some(before) = self.lines.get(was).filter(|before| *before != line) {
                        patch_line(&wrapper, before, line);
                    }
                    wrapper
                }
                None => {
                    let Ok(wrapper) = document().create_element("div") else {
                        continue;
                    };
                    wrapper.set_class_name("tl-wrap");
                    wrapper.set_inner_html(&line_html(line));
                    wrapper
                }
            };
            let node: &web_sys::Node = &wrapper;
            if cursor.as_ref() == Some(node) {
                cursor = node.next_sibling();
            } else {
                let _ = body.insert_before(node, cursor.as_ref());
            }
            self.wrappers.push((key, at, wrapper));
        }
        self.lines = lines;
    }
}

/// Who or what each line is, unique within the lines: a team by name, a
/// person or open role by id, work to staff by its bar, the total.
fn line_keys(lines: &[Line]) -> Vec<u64> {
    let mut seen = std::collections::HashSet::with_capacity(lines.len());
    lines
        .iter()
        .map(|line| {
            let mut key = match line {
                Line::Team { name, .. } => key_of(&(0u8, name)),
                Line::Row { who, .. } => key_of(&(1u8, who)),
                Line::Role { bar, .. } => key_of(&(2u8, &bar.element_id)),
                Line::Total { .. } => key_of(&3u8),
            };
            // Two lines never share a key in a valid plan; should they,
            // the later one takes the next free number.
            while !seen.insert(key) {
                key = key.wrapping_add(1);
            }
            key
        })
        .collect()
}

/// Brings a drawn line from `before` to `after`: in place when only its
/// weeks, bars or name changed, else by drawing it again.
fn patch_line(wrapper: &web_sys::Element, before: &Line, after: &Line) {
    let line = wrapper.first_element_child();
    let patched = line.is_some_and(|line| match (before, after) {
        (
            Line::Team {
                name,
                members,
                collapsed,
                cells: old,
                tentative,
            },
            Line::Team {
                name: name_after,
                members: members_after,
                collapsed: collapsed_after,
                cells,
                tentative: tentative_after,
            },
        ) => {
            (name, members, collapsed, tentative)
                == (name_after, members_after, collapsed_after, tentative_after)
                && patch_cells(&line, &team_name(name), old, cells, *tentative)
        }
        (
            Line::Total {
                cells: old,
                tentative,
            },
            Line::Total {
                cells,
                tentative: tentative_after,
            },
        ) => {
            tentative == tentative_after && patch_cells(&line, "All teams", old, cells, *tentative)
        }
        (
            Line::Row {
                who,
                row,
                name,
                note,
                billable,
                cells: old,
                tentative,
                bars: old_bars,
                lanes,
            },
            Line::Row {
                who: who_after,
                row: row_after,
                name: name_after,
                note: note_after,
                billable: billable_after,
                cells,
                tentative: tentative_after,
                bars,
                lanes: lanes_after,
            },
        ) => {
            (who, row, name, tentative) == (who_after, row_after, name_after, tentative_after)
                && patch_cells(&line, &row_who(*who, name), old, cells, *tentative)
                && (old_bars == bars || replace_bars(&line, bars))
                && ((note, billable, lanes) == (note_after, billable_after, lanes_after)
                    || replace_name(&line, name, note_after, billable_after, *lanes_after))
        }
        _ => false,
    });
    if !patched {
        wrapper.set_inner_html(&line_html(after));
    }
}

/// Sets the weeks that changed; false when the line is not drawn as
/// expected (the caller then draws it again). Of a changed week, only what
/// changed is written: its band's class, its bar, its text (in the text
/// node it has), and its label. A drop on a large plan changes 30 to 70 weeks,
/// most of which stay in their band.
fn patch_cells(
    line: &web_sys::Element,
    who: &str,
    before: &[[u32; 4]],
    after: &[[u32; 4]],
    tentative: bool,
) -> bool {
    if before.len() != after.len() {
        return false;
    }
    let children = line.children();
    let mut checked = false;
    for (column, (old, key)) in before.iter().zip(after).enumerate() {
        if old == key {
            continue;
        }
        // The name comes first, then the weeks in order.
        let Some(element) = children.item(column as u32 + 1) else {
            return false;
        };
        if !checked {
            if element.get_attribute("data-col") != Some(column.to_string()) {
                return false;
            }
            checked = true;
        }
        let (was, cell) = (cell_of_key(old), cell_of_key(key));
        let class = band_class(cell.band(tentative));
        if class != band_class(was.band(tentative)) {
            element.set_class_name(class);
        }
        let style = cell_style(column, &cell, tentative);
        if style != cell_style(column, &was, tentative) {
            let _ = element.set_attribute("style", &style);
        }
        let text = cell_text(&cell, tentative);
        if text != cell_text(&was, tentative) {
            match element
                .first_child()
                .filter(|node| node.node_type() == web_sys::Node::TEXT_NODE)
            {
                Some(node) if !text.is_empty() => node.set_node_value(Some(&text)),
                _ => element.set_text_content(Some(&text)),
            }
        }
        let _ = element.set_attribute(
            "aria-label",
            &cell_label(&week_name(who, column), &cell, tentative),
        );
    }
    true
}

/// Draws a person's or open role's bars again, after its weeks.
fn replace_bars(line: &web_sys::Element, bars: &[BarData]) -> bool {
    // The bars come last in the line.
    while let Some(last) = line
        .last_element_child()
        .filter(|last| last.class_name() == "tl-barcell")
    {
        last.remove();
    }
    let mut out = String::new();
    bars_html(&mut out, bars);
    line.insert_adjacent_html("beforeend", &out).is_ok()
}

/// Draws a person's or open role's name cell again.
fn replace_name(
    line: &web_sys::Element,
    name: &str,
    note: &(String, String),
    billable: &Option<(PersonWeek, Option<f64>)>,
    lanes: usize,
) -> bool {
    let Some(cell) = line.first_element_child() else {
        return false;
    };
    let mut out = String::new();
    row_name_html(&mut out, name, note, billable, lanes);
    cell.set_outer_html(&out);
    true
}

/// A team's name as its line shows it.
fn team_name(name: &str) -> String {
    if name.is_empty() {
        "No team".to_string()
    } else {
        name.to_string()
    }
}

/// Whose weeks a person's or open role's line shows, as their labels say.
fn row_who(who: Holder, name: &str) -> String {
    match who {
        Holder::Person(_) => name.to_string(),
        Holder::Role(_) => format!("Open role {name}"),
    }
}

/// A person's or an open role's name cell: the name, the note under it and
/// the billable share, over the line's lanes of bars.
fn row_name_html(
    out: &mut String,
    name: &str,
    note: &(String, String),
    billable: &Option<(PersonWeek, Option<f64>)>,
    lanes: usize,
) {
    out.push_str(&format!(
        r#"<div class="tl-name" role="rowheader" style="grid-row:1 / span {}"><span class="tl-name__person">"#,
        lanes + 1
    ));
    escape_into(out, name);
    out.push_str("</span>");
    span_html(out, "tl-name__role", note);
    let billable = billable_texts(billable);
    if !billable.0.is_empty() {
        span_html(out, "tl-name__billable", &billable);
    }
    out.push_str("</div>");
}

/// "62 % billable (target 75 %)" and the whole sentence for a tooltip;
/// nothing without capacity or figures.
fn billable_texts(billable: &Option<(PersonWeek, Option<f64>)>) -> (String, String) {
    let Some((total, target)) = billable else {
        return Default::default();
    };
    let short = match (total.billable_share(), target) {
        (None, _) => String::new(),
        (Some(share), None) => format!("{} billable", percent_text(share)),
        (Some(share), Some(target)) => format!(
            "{} billable (target {})",
            percent_text(share),
            percent_text(*target)
        ),
    };
    (short, billable_headline(total, *target))
}

/// `<span class="{class}" title="…">text</span>`, without a title when it
/// is empty.
fn span_html(out: &mut String, class: &str, (text, title): &(String, String)) {
    out.push_str(r#"<span class=""#);
    out.push_str(class);
    out.push('"');
    if !title.is_empty() {
        out.push_str(r#" title=""#);
        escape_into(out, title);
        out.push('"');
    }
    out.push('>');
    escape_into(out, text);
    out.push_str("</span>");
}

/// A person's or an open role's weeks and bars; the first row's first week
/// is the grid's one tab stop.
fn row_weeks_html(
    out: &mut String,
    name: &str,
    row: usize,
    cells: &[[u32; 4]],
    tentative: bool,
    bars: &[BarData],
) {
    for (column, key) in cells.iter().enumerate() {
        let cell = cell_of_key(key);
        let focusable = row == 0 && column == 0;
        cell_html(
            out,
            &week_name(name, column),
            column,
            &cell,
            tentative,
            focusable,
        );
    }
    bars_html(out, bars);
    out.push_str("</div>");
}

fn bars_html(out: &mut String, bars: &[BarData]) {
    for bar in bars {
        bar_cell_html(out, bar);
    }
}

/// A bar in the line's grid: a row holds cells only, so each bar sits in a
/// cell of its own, laid out as if it were not there (`display: contents`).
fn bar_cell_html(out: &mut String, bar: &BarData) {
    out.push_str(r#"<div class="tl-barcell" role="gridcell">"#);
    bar_html(out, bar);
    out.push_str("</div>");
}

/// One week: its band, its stacked bar and utilisation, and the numbers
/// behind it as its accessible name.
fn cell_html(
    out: &mut String,
    who: &str,
    column: usize,
    cell: &Cell,
    tentative: bool,
    focusable: bool,
) {
    out.push_str(&format!(
        r#"<div class="{}" role="gridcell" data-col="{column}" tabindex="{}" style="{}" aria-label=""#,
        band_class(cell.band(tentative)),
        if focusable { 0 } else { -1 },
        cell_style(column, cell, tentative),
    ));
    escape_into(out, &cell_label(who, cell, tentative));
    out.push_str(r#"">"#);
    out.push_str(&cell_text(cell, tentative));
    out.push_str("</div>");
}

fn cell_style(column: usize, cell: &Cell, tentative: bool) -> String {
    format!("grid-column:{};{}", column + 2, bar_style(cell, tentative))
}

fn cell_label(who: &str, cell: &Cell, tentative: bool) -> String {
    format!("{who}: {}", cell.details(tentative))
}

/// The name a week's label starts with: "Tom Becker, week 3".
fn week_name(who: &str, column: usize) -> String {
    format!("{who}, week {}", column + 1)
}

/// A team's or the firm's weeks: utilisation in each.
fn sum_cells_html(out: &mut String, name: &str, cells: &[[u32; 4]], tentative: bool) {
    for (column, key) in cells.iter().enumerate() {
        cell_html(
            out,
            &week_name(name, column),
            column,
            &cell_of_key(key),
            tentative,
            false,
        );
    }
}

fn bar_html(out: &mut String, bar: &BarData) {
    let movable = !bar.draft;
    out.push_str(&format!(
        r#"<div class="bar{}{}{}{}{}{}" id="{}" style="grid-column:{} / span {};grid-row:{}" role="button" tabindex="0" draggable="{movable}" data-bar=""{} data-id="{}" data-span="{}" data-cut="{}" aria-roledescription="allocation bar" aria-label=""#,
        if bar.tentative { " bar--tentative" } else { "" },
        if bar.placeholder { " bar--role" } else { "" },
        if bar.draft { " bar--draft" } else { "" },
        if bar.cut_left { " bar--cut-left" } else { "" },
        if bar.cut_right { " bar--cut-right" } else { "" },
        if bar.selected { " bar--selected" } else { "" },
        bar.element_id,
        bar.first + 2,
        bar.span,
        bar.row,
        if movable { r#" data-drag="bar""# } else { "" },
        bar.allocation,
        bar.span,
        bar.hidden,
    ));
    escape_into(out, &bar.label);
    out.push_str(r#"" title=""#);
    escape_into(out, &bar.title);
    out.push_str(r#""><span class="bar__text">"#);
    escape_into(out, &bar.title);
    out.push_str(" · ");
    out.push_str(&hours(bar.tenths));
    out.push_str("</span>");
    if movable {
        out.push_str(&format!(
            r#"<span class="bar__end" draggable="true" data-drag="end" data-id="{}" role="separator" aria-label=""#,
            bar.allocation
        ));
        escape_into(out, &format!("Change the end of {}", bar.title));
        out.push_str(r#""></span>"#);
    }
    out.push_str("</div>");
}

#[component]
fn Legend() -> impl IntoView {
    view! {
        <p class="tl-legend">
            <span class="swatch swatch--support"></span>"Support "
            <span class="swatch swatch--confirmed"></span>"Confirmed "
            <span class="swatch swatch--tentative"></span>"Tentative "
            <span class="swatch swatch--free"></span>"Free · the number is utilisation in %: "
            <span class="legend-band legend-band--under">"under 60"</span>" "
            <span class="legend-band legend-band--healthy">"60–100"</span>" "
            <span class="legend-band legend-band--over">"over 100"</span>
        </p>
    }
}

/// Edits the selected allocation by form: hours a week, weeks, commitment
/// and scenario; the same command as a drag or a key. It stays mounted
/// while the selection moves from bar to bar (a drop selects the bar it
/// made): its fields follow the allocation the plan holds, and its option
/// lists are written again only when the people, roles or scenarios change.
#[component]
fn AllocationEditor(
    /// The selected allocation as the plan holds it.
    current: Memo<Option<Allocation>>,
    selected: RwSignal<Option<AllocationId>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let heading = move || {
        current.with(|allocation| {
            let allocation = allocation.as_ref()?;
            state.history.with(|history| {
                let plan = history.plan();
                Some((
                    plan.activity_title(allocation.activity),
                    assignee_name(plan, &allocation.assignee),
                ))
            })
        })
    };
    // Who can hold it: a placeholder stays as it is ("") until staffed;
    // people by name, then the open roles not yet filled.
    // The list is rebuilt only when who can hold work changes: the
    // selection moving to or from a placeholder, or the people and open
    // roles (a hash of the placeholder's name and the people's and roles'
    // ids, names and whether filled), not on every drop.
    let placeholder = move || {
        current.with(|allocation| match allocation.as_ref() {
            Some(
                allocation @ Allocation {
                    assignee: Assignee::Placeholder { .. },
                    ..
                },
            ) => state
                .history
                .with(|history| Some(assignee_name(history.plan(), &allocation.assignee))),
            _ => None,
        })
    };
    let roster = Memo::new(move |_| {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        placeholder().hash(&mut hasher);
        state.history.with(|history| {
            let plan = history.plan();
            for person in &plan.people {
                (person.id.0, &person.name).hash(&mut hasher);
            }
            for role in &plan.roles {
                (role.id.0, &role.title, role.filled_by.is_none()).hash(&mut hasher);
            }
        });
        hasher.finish()
    });
    let holders = Memo::new(move |_| {
        // Read, not only tracked: `track` alone never works a memo out, so
        // it would never learn what it depends on.
        let _ = roster.get();
        let placeholder = untrack(placeholder);
        state.history.with_untracked(|history| {
            let plan = history.plan();
            let mut holders: Vec<(String, String)> = placeholder
                .map(|name| (String::new(), name))
                .into_iter()
                .collect();
            holders.extend(
                plan.people
                    .iter()
                    .map(|person| (person.id.to_string(), person.name.clone())),
            );
            holders.extend(
                plan.roles
                    .iter()
                    .filter(|role| role.filled_by.is_none())
                    .map(|role| (role.id.to_string(), format!("Open role {}", role.title))),
            );
            holders
        })
    });
    let scenario_options = Memo::new(move |_| {
        state.history.with(|history| {
            let mut options = vec![(String::new(), "(no scenario)".to_string())];
            options.extend(
                history
                    .plan()
                    .scenarios
                    .iter()
                    .map(|scenario| (scenario.id.to_string(), scenario.name.clone())),
            );
            options
        })
    });
    let holder = RwSignal::new(String::new());
    let hours = RwSignal::new(String::new());
    let first = RwSignal::new(String::new());
    let last = RwSignal::new(String::new());
    let commitment = RwSignal::new(String::new());
    let scenario = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // The fields show the allocation the plan holds: when another bar is
    // selected, or this one changed (applied, dragged, undone).
    let show = move |allocation: &Allocation| {
        holder.set(match &allocation.assignee {
            Assignee::Person(person) => person.to_string(),
            Assignee::Role(role) => role.to_string(),
            Assignee::Placeholder { .. } => String::new(),
        });
        hours.set(super::forms::number_text(allocation.hours_per_week));
        first.set(allocation.first_week.to_string());
        last.set(allocation.last_week.to_string());
        commitment.set(
            if allocation.commitment == Commitment::Tentative {
                "tentative"
            } else {
                "confirmed"
            }
            .to_string(),
        );
        scenario.set(
            allocation
                .scenario
                .map(|id| id.to_string())
                .unwrap_or_default(),
        );
        error.set(None);
    };
    if let Some(allocation) = current.get_untracked() {
        show(&allocation);
    }
    Effect::new(move |first_run: Option<()>| {
        let allocation = current.get();
        if let (Some(()), Some(allocation)) = (first_run, allocation) {
            show(&allocation);
        }
    });
    let apply = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(mut next) = current.get_untracked() else {
            return;
        };
        let read = (|| {
            next.hours_per_week =
                super::forms::parse_number("Hours a week", &hours.get_untracked(), 0.0)?;
            next.first_week = first
                .get_untracked()
                .parse()
                .map_err(|_| "First week: pick a week".to_string())?;
            next.last_week = last
                .get_untracked()
                .parse()
                .map_err(|_| "Last week: pick a week".to_string())?;
            let chosen = holder.get_untracked();
            if let Ok(person) = chosen.parse::<PersonId>() {
                next.assignee = Assignee::Person(person);
            } else if let Ok(role) = chosen.parse::<RoleId>() {
                next.assignee = Assignee::Role(role);
            }
            next.commitment = if commitment.get_untracked() == "tentative" {
                Commitment::Tentative
            } else {
                Commitment::Confirmed
            };
            next.scenario = match next.commitment {
                Commitment::Tentative => scenario.get_untracked().parse().ok(),
                Commitment::Confirmed => None,
            };
            Ok::<(), String>(())
        })();
        let result = read.and_then(|()| state.execute(Command::UpdateAllocation(next)));
        match result {
            Ok(summary) => {
                error.set(None);
                message.set(Some(summary));
            }
            Err(reason) => error.set(Some(reason)),
        }
    };
    let remove = move |_| {
        let Some(id) = selected.get_untracked() else {
            return;
        };
        match state.execute(Command::RemoveAllocation(id)) {
            Ok(summary) => {
                message.set(Some(summary));
                selected.set(None);
                // The bar is gone: focus goes back to the timeline.
                focus_timeline();
            }
            Err(reason) => error.set(Some(reason)),
        }
    };
    let close = move |_| {
        if let Some(id) = selected.get_untracked() {
            selected.set(None);
            browser::focus_after_render(format!("bar-{id}"));
        }
    };
    let title = move || heading().map(|(title, _)| title);
    let who = move || heading().map(|(_, who)| who);
    let form_label = move || match heading() {
        Some((title, who)) => format!("Allocation: {title}, {who}"),
        None => "Allocation".to_string(),
    };
    view! {
        <form class="allocation-editor" aria-label=form_label novalidate=true on:submit=apply>
            <p class="allocation-editor__title"><strong>{title}</strong> " · " {who}</p>
            <super::forms::Choice label="Assigned to" value=holder filter=true options=holders/>
            <label class="filter">
                <span class="filter__label">"Hours a week"</span>
                <input type="number" min="1" max="168" step="0.5" aria-label="Hours a week"
                    prop:value=move || hours.get() on:input=move |event| hours.set(event_target_value(&event))/>
            </label>
            <WeekPicker label="First week" value=Signal::derive(move || Week::of_date_or_week(&first.get()))
                on_change=Callback::new(move |week: Option<Week>| first.set(week.map(|week| week.to_string()).unwrap_or_default()))/>
            <WeekPicker label="Last week" value=Signal::derive(move || Week::of_date_or_week(&last.get()))
                on_change=Callback::new(move |week: Option<Week>| last.set(week.map(|week| week.to_string()).unwrap_or_default()))/>
            <super::forms::Choice label="Commitment" value=commitment filter=true
                options=vec![("confirmed".to_string(), "Confirmed".to_string()), ("tentative".to_string(), "Tentative".to_string())]/>
            <super::forms::Choice label="Scenario" value=scenario filter=true options=scenario_options/>
            <button type="submit" class="button button--primary button--small">"Apply"</button>
            <button type="button" class="button button--small button--danger" on:click=remove>"Remove"</button>
            <button type="button" class="button button--small button--quiet" aria-label="Close the allocation editor"
                on:click=close>"✕"</button>
            {move || error.get().map(|text| view! { <p class="form__error" role="alert">{text}</p> })}
        </form>
    }
}

/// Who holds an allocation, as the editor names them.
fn assignee_name(plan: &Plan, assignee: &Assignee) -> String {
    match assignee {
        Assignee::Person(person) => plan.person_name(*person),
        Assignee::Placeholder { role, .. } => format!("Unstaffed {role}"),
        Assignee::Role(role) => format!("Open role {}", plan.role_title(*role)),
    }
}
