//! The Capacity view: a timeline of people (grouped by team) and weeks,
//! each cell a stacked bar of support, confirmed, tentative and free hours,
//! with allocation bars to drag, stretch and move by keyboard; the work
//! still to staff beside it, team and firm sums, and the panels of
//! `panels` (chart, scenarios, "Can we take it?").
//!
//! `mod.rs` is the view and its handlers (drag and drop, keys, taps);
//! `lines.rs` what each line of the timeline shows; `draw.rs` writes and
//! patches the lines as markup; `controls.rs` the weeks shown, the work
//! list, the legend and the toolbar of a move; `editor.rs` the allocation
//! editor; `panels.rs` the chart, scenarios, skills by week and "Can we
//! take it?".
//!
//! Every change is a command: a drop applies it at once; arrow keys, or a
//! tap on a week, move a draft that Enter or the Place button applies.
//! Rows are keyed by everything they show, so a change repaints only the
//! rows it touched.

use leptos::prelude::*;

mod controls;
mod draw;
mod editor;
mod lines;
pub(super) mod panels;

use controls::*;
use draw::*;
use editor::*;
use lines::*;
pub(super) use panels::{CapacityChart, Scenarios, SkillWeeks, TakeIt};

use super::forms::contains_ignoring_case;
use super::markup::{closest, escape_into, key_of, HtmlList};
use super::state::AppState;
use super::week_picker::WeekPicker;
use crate::browser;
use crate::command::draft::{moved_to as draft_moved_to, step as step_draft, DraftKey};
use crate::command::history::Revision;
use crate::command::Command;
use crate::engine::capacity::{self, lanes, Band, Capacity, Cell, Options};
use crate::engine::money::{self, billable_headline, PersonMoney, PersonWeek};
use crate::model::percent_text;
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

/// Plans with up to this many people open with their allocation bars shown.
const BARS_SHOWN_UP_TO: usize = 40;

/// The most items the work list shows; Find narrows it.
const WORK_LIST_LIMIT: usize = 100;

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
            .unwrap_or_else(|| state.edits.history.with(|history| history.plan().horizon))
    });
    // One switch for every view: tentative work counts here as it does in
    // the risks and the week.
    let include_tentative = state.figures.include_tentative;
    let hidden = state.figures.hidden_scenarios;
    let collapsed = RwSignal::new(Vec::<String>::new());
    let chosen_bars = RwSignal::new(None::<bool>);
    let show_bars = Memo::new(move |_| {
        chosen_bars.get().unwrap_or_else(|| {
            state
                .edits
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

    let options = state.figures.options;
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
            state.edits.history.with(|history| {
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
                state.edits.history.with(|history| {
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
                        state.edits.history.with(|history| {
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
        let next_id = state.edits.history.with_untracked(|history| {
            AllocationId::next_after(history.plan().allocations.iter().map(|a| &a.id))
        });
        let id = original.unwrap_or(next_id);
        let command = match original {
            Some(_) => Command::UpdateAllocation(allocation),
            None => Command::AddAllocation(allocation),
        };
        match state.edits.execute(command) {
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
            .edits
            .history
            .with_untracked(|history| history.plan().allocation(id).cloned())
    };

    // The selected allocation as the plan holds it, and whether the editor
    // is open: it opens on a selection and stays while the selection moves.
    let selected_allocation = Memo::new(move |_| {
        let id = selected.get()?;
        state
            .edits
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
                let proposed = state.edits.history.with_untracked(|history| {
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
                            .edits.history
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
            .edits
            .history
            .with_untracked(|history| draft_place(history.plan(), &draft.allocation));
        format!("{place}. Enter applies, Escape cancels.")
    };
    let start_draft = move |next: Draft| {
        state
            .edits
            .announce(format!("Moving {}", describe_draft(&next)));
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
        state.edits.announce("Move cancelled".to_string());
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
        state.edits.announce(describe_draft(&next));
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
            state.edits.announce(describe_draft(&next));
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
                    if let Ok(summary) = state.edits.execute(Command::RemoveAllocation(id)) {
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
        let proposed = state.edits.history.with_untracked(|history| {
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
        state.edits.history.track();
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
            Some(state.edits.history.with(|history| {
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
