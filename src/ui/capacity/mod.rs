//! The Capacity view: a timeline of people (grouped by team) and weeks,
//! each cell a stacked bar of support, confirmed, tentative and free hours,
//! with allocation bars to drag, stretch and move by keyboard; the work
//! still to staff beside it, team and firm sums, and the panels of
//! `panels` (chart, scenarios, skills by week, "Can we take it?").
//!
//! `mod.rs` is the view, the signals its handlers share (`Grid`) and its
//! taps and clicks; `drag.rs` drag and drop; `keys.rs` the keyboard;
//! `lines.rs` what each line of the timeline shows; `draw.rs` writes and
//! patches the lines as markup; `controls.rs` the weeks shown, the work
//! list and the legend; `editor.rs` the allocation editor; `panels/` the
//! panels under the timeline.
//!
//! Every change is a command: a drop applies it at once; arrow keys, or a
//! tap on a week, move a draft (`ui::draft`) that Enter or the Place
//! button applies. Rows are keyed by everything they show, so a change
//! repaints only the rows it touched.

use leptos::prelude::*;

mod controls;
mod drag;
mod draw;
pub(super) mod editor;
mod keys;
mod lines;
pub(super) mod panels;

use controls::*;
use drag::*;
use draw::*;
use keys::*;
use lines::*;

use super::draft::{place_booking, DraftController, DraftSetup, DraftTools};
use super::forms::contains_ignoring_case;
use super::markup::{closest, escape_into, key_of, Action, HtmlList};
use super::state::AppState;
use super::week_picker::WeekPicker;
use crate::browser;
use crate::command::draft::{Draft, Timeline};
use crate::command::history::Revision;
use crate::command::Command;
use crate::engine::capacity::{self, lanes, Band, Capacity, Cell, Options};
use crate::engine::money::{self, billable_headline, PersonMoney, PersonWeek};
use crate::model::percent_text;
use crate::model::{
    short_date, sort_by_number, ActivityId, Allocation, AllocationId, Assignee, Commitment,
    Horizon, PersonId, Plan, RoleId, Week, MAX_HORIZON_WEEKS,
};

/// The week range the view shows, at most a year.
fn clamp_range(range: Horizon) -> Horizon {
    Horizon {
        start: range.start,
        weeks: range.weeks.clamp(1, MAX_HORIZON_WEEKS),
    }
}

/// Plans with up to this many people open with their allocation bars shown.
const BARS_SHOWN_UP_TO: usize = 40;

/// The most items the work list shows; Find narrows it.
const WORK_LIST_LIMIT: usize = 100;

/// What the timeline's handlers share: its drags (`drag.rs`), keys
/// (`keys.rs`), taps and clicks (below).
#[derive(Clone, Copy)]
struct Grid {
    state: AppState,
    computed: Memo<Capacity>,
    options: Memo<Options>,
    all_lines: Memo<std::sync::Arc<Vec<Line>>>,
    dragged: RwSignal<Option<Dragged>>,
    draft: DraftController,
    collapsed: RwSignal<Vec<String>>,
    message: RwSignal<Option<String>>,
    /// The allocation the floating editor shows.
    selected: RwSignal<Option<AllocationId>>,
}

impl Grid {
    /// Applies a change to an allocation, keeping focus on its bar; whether
    /// it was applied.
    fn place(&self, allocation: Allocation, original: Option<AllocationId>) -> bool {
        place(
            self.state,
            self.message,
            self.selected,
            allocation,
            original,
        )
    }

    fn find(&self, id: AllocationId) -> Option<Allocation> {
        self.state
            .edits
            .history
            .with_untracked(|history| history.plan().allocation(id).cloned())
    }

    /// The people and open roles shown, top to bottom.
    fn visible_rows(&self) -> Vec<Assignee> {
        visible_rows(self.all_lines)
    }

    /// Placing an activity from the list (Enter on it, or a tap or click):
    /// a draft on its owner (or the first person shown) in its first open
    /// week.
    fn start_placing(&self, activity: ActivityId) {
        let today = self.state.today;
        let proposed = self.state.edits.history.with_untracked(|history| {
            let plan = history.plan();
            let rows = self.visible_rows();
            let found = plan.activity(activity)?;
            let assignee = found
                .owner
                .map(Assignee::Person)
                .filter(|owner| rows.contains(owner))
                .or_else(|| rows.first().cloned())?;
            self.computed.with_untracked(|capacity| {
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
                    &self.options.get_untracked(),
                )
            })
        });
        match proposed {
            Some(proposal) => self.draft.start(Draft {
                original: None,
                allocation: proposal.allocation,
            }),
            None => self.message.set(Some(
                "Show at least one person (open a team) to place work there.".to_string(),
            )),
        }
    }

    fn on_click(&self, event: leptos::ev::MouseEvent) {
        match Action::from_event(&event) {
            Some(Action::SelectBar(id)) => {
                self.selected.set(Some(id));
                // Marking the bar draws its line again: focus follows.
                browser::focus_after_render(format!("bar-{id}"));
            }
            Some(Action::ToggleTeam(team)) => self.collapsed.update(|collapsed| {
                if let Some(at) = collapsed.iter().position(|name| *name == team) {
                    collapsed.remove(at);
                } else {
                    collapsed.push(team);
                }
            }),
            // A week of a person or an open role, tapped or clicked while a
            // move is in progress: the move goes there. A week is a place,
            // not an action: its line and column say which.
            _ => {
                let Some(cell) = closest(event.target(), ".cell[data-col]") else {
                    return;
                };
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
                    let week = self
                        .computed
                        .with_untracked(|capacity| capacity.first_week.plus_weeks(column));
                    self.draft.move_to(Some(assignee), week);
                }
            }
        }
    }
}

/// Applies a change to an allocation as a command (`place_booking`),
/// keeping focus on its bar and selecting it, so the floating editor shows
/// what was just placed; whether it was applied.
fn place(
    state: AppState,
    message: RwSignal<Option<String>>,
    selected: RwSignal<Option<AllocationId>>,
    allocation: Allocation,
    original: Option<AllocationId>,
) -> bool {
    let placed = place_booking(state.edits, message, "bar", allocation, original);
    if let Some(id) = placed {
        selected.set(Some(id));
    }
    placed.is_some()
}

/// The people and open roles the lines show, top to bottom: the rows ↑
/// and ↓ move a draft between.
fn visible_rows(all_lines: Memo<std::sync::Arc<Vec<Line>>>) -> Vec<Assignee> {
    all_lines.with_untracked(|lines| {
        lines
            .iter()
            .filter_map(|line| match line {
                Line::Row { who, .. } => Some(who.assignee()),
                _ => None,
            })
            .collect()
    })
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

    // The keyboard twin of every drag: a draft moved by keys or taps, and
    // placed as a drop would be.
    let draft = DraftController::new(
        draft,
        state.edits,
        DraftSetup {
            timeline: Timeline::Capacity,
            bar_id: "bar-draft",
            rows: Callback::new(move |()| visible_rows(all_lines)),
            place: Callback::new(move |next: Draft| {
                place(state, message, selected, next.allocation, next.original)
            }),
            // Focus goes back to where the move started, its bar or its
            // work in the list.
            return_focus: Callback::new(move |next: Draft| {
                Some(match next.original {
                    Some(id) => format!("bar-{id}"),
                    None => format!("worklist-{}", next.allocation.activity),
                })
            }),
        },
    );
    let grid = Grid {
        state,
        computed,
        options,
        all_lines,
        dragged,
        draft,
        collapsed,
        message,
        selected,
    };
    grid.listen_for_stray_keys();
    let start_placing = move |activity: ActivityId| grid.start_placing(activity);
    let inspect = move |target: Option<web_sys::EventTarget>| {
        if let Some(cell) = closest(target, ".cell[aria-label]") {
            inspected.set(cell.get_attribute("aria-label").unwrap_or_default());
        }
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

    provide_context(editor::EditorInputs {
        current: selected_allocation,
        selected,
        message,
    });
    provide_context(panels::Inputs {
        computed,
        settled,
        include_tentative,
        options,
        hidden,
    });
    view! {
        <section class="capacity" aria-labelledby="capacity-title">
            <div class="view__heading">
                <h2 id="capacity-title">"Capacity"</h2>
                <p class="view__hint">
                    "Drag work from the list onto a person's week, drag a bar to move it, its right edge to change its length. Without dragging: tap or click work in the list, then a person's week, then Place; tap or click a bar to edit it. By keyboard: focus a bar and press Enter, then arrows (Shift+arrows for the end), + and −, Enter to apply."
                </p>
            </div>
            <RangeControls range chosen_range include_tentative show_bars chosen_bars/>
            <div class="capacity__layout" on:dragstart=move |event| grid.on_dragstart(event) on:dragend=move |_| dragged.set(None)>
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
                    <DraftTools draft prefix="tl" label="Move in progress"
                        how="Tap or click a week of a person to move it there." apply="Place"/>
                    {move || editing.get().then(|| crate::ui::parts::on_demand(crate::ui::parts::allocation_editor::load))}

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
                            on:dragover=move |event| grid.on_dragover(event)
                            on:drop=move |event| grid.on_drop(event)
                            on:keydown=move |event| grid.on_keydown(event)
                            on:mouseover=move |event| inspect(event.target())
                            on:focusin=move |event| inspect(event.target())
                            on:click=move |event| grid.on_click(event)
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
                {crate::ui::parts::on_demand(crate::ui::parts::capacity_panels::load)}
            </div>
        </section>
    }
}
