//! The Board: the ops plan's initiatives as cards in status columns, moved
//! by drag and drop or by keyboard. Both paths apply the same `SetStatus`
//! command.

use leptos::prelude::*;

use super::state::AppState;
use crate::browser;
use crate::command::Command;
use crate::engine::risks::{self, Risk, Severity};
use crate::model::{ActivityId, Commitment, Plan, Status};

/// The data type a dragged card carries, so file drops are told apart.
const CARD_TYPE: &str = "application/x-opsboard-activity";

/// The cards a column shows; the rest are counted (a plan of thousands of
/// initiatives is read in the Plan view's table).
const CARDS_SHOWN: usize = 60;

pub(super) fn status_slug(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "not-started",
        Status::InProgress => "in-progress",
        Status::Blocked => "blocked",
        Status::Done => "done",
    }
}

fn neighbour(status: Status, step: isize) -> Option<Status> {
    let index = Status::ALL.iter().position(|s| *s == status)? as isize + step;
    usize::try_from(index)
        .ok()
        .and_then(|index| Status::ALL.get(index).copied())
}

/// Moves a card and keeps keyboard focus on it in its new column.
fn move_card(state: AppState, activity: ActivityId, status: Status) {
    if state
        .edits
        .execute(Command::SetStatus { activity, status })
        .is_ok()
    {
        browser::focus_after_render(format!("card-{activity}"));
    }
}

/// What a card shows. Cards are keyed by this whole value, so a changed
/// activity gets a freshly built card and the card itself needs no reactive
/// code (which keeps the wasm bundle small).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct CardData {
    id: ActivityId,
    title: String,
    owner: String,
    deadline: String,
    client: String,
    impact: u8,
    tentative: bool,
    status: Status,
    /// The risks found for it, as one label, and whether one is severe.
    risks: Option<(String, bool)>,
}

/// The badge of an activity's risks, from [`risk_label`]; red when one is
/// severe. Drawn from [`risk_badge_html`], in a wrapper that takes no room
/// of its own (`display: contents`): one way to write the badge for views
/// and for markup.
pub fn risk_badge(label: Option<(String, bool)>) -> impl IntoView {
    label.map(|label| {
        let mut markup = String::new();
        risk_badge_html(&mut markup, Some(label));
        view! { <span class="risk-badge-slot" inner_html=markup></span> }
    })
}

/// An activity's risk badge as markup: "⚠ Overdue", marked high when any
/// of its risks is.
pub fn risk_badge_html(out: &mut String, label: Option<(String, bool)>) {
    if let Some((label, high)) = label {
        out.push_str(if high {
            r#"<span class="risk-badge risk-badge--high""#
        } else {
            r#"<span class="risk-badge""#
        });
        super::markup::attr_into(out, "title", &label);
        out.push('>');
        super::markup::escape_into(out, &format!("⚠ {label}"));
        out.push_str("</span>");
    }
}

/// The label of an activity's risks: "Overdue" or "3 risks: Overdue, …".
pub fn risk_label(found: &[Risk], activity: ActivityId) -> Option<(String, bool)> {
    label_of(risks::risks_of(found, activity).collect())
}

/// The label of the risks of one piece of work found by
/// [`risks::by_work`]: `index` is that index of `found`.
pub fn risk_label_indexed(
    found: &[Risk],
    index: &[(ActivityId, usize)],
    activity: ActivityId,
) -> Option<(String, bool)> {
    let from = index.partition_point(|(work, _)| *work < activity);
    let to = index.partition_point(|(work, _)| *work <= activity);
    label_of(index[from..to].iter().map(|(_, at)| &found[*at]).collect())
}

fn label_of(mine: Vec<&Risk>) -> Option<(String, bool)> {
    let first = mine.first()?;
    let high = mine.iter().any(|risk| risk.severity == Severity::High);
    let names: Vec<&str> = mine.iter().map(|risk| risk.kind.label()).collect();
    Some(if mine.len() == 1 {
        (first.kind.label().to_string(), high)
    } else {
        (format!("{} risks: {}", mine.len(), names.join(", ")), high)
    })
}

fn cards(plan: &Plan, status: Status, found: &[Risk]) -> Vec<CardData> {
    plan.initiatives()
        .filter(|activity| activity.status == status)
        .take(CARDS_SHOWN)
        .map(|activity| CardData {
            id: activity.id,
            title: activity.title.clone(),
            owner: activity
                .owner
                .map_or_else(|| "No owner".to_string(), |owner| plan.person_name(owner)),
            deadline: activity.deadline.map_or_else(
                || "no deadline".to_string(),
                |date| format!("due {}", crate::model::short_date(date)),
            ),
            client: activity.client.clone(),
            impact: activity.impact,
            tentative: activity.commitment == Commitment::Tentative,
            status: activity.status,
            risks: risk_label(found, activity.id),
        })
        .collect()
}

#[component]
pub fn Board() -> impl IntoView {
    let state = expect_context::<AppState>();
    // `DataTransfer.getData` is empty during `dragover`, so the dragged card
    // is kept here.
    let dragged = RwSignal::new(None::<ActivityId>);
    let over = RwSignal::new(None::<Status>);
    let found = state.figures.risks;

    view! {
        <section class="board" aria-labelledby="board-title">
            <div class="view__heading">
                <h2 id="board-title">"Board"</h2>
                <p class="view__hint">
                    "Drag a card to another column, or focus it and press ← or → (or use its Move menu). Ctrl+Z undoes a move."
                </p>
            </div>
            <div class="board__columns">
                {Status::ALL
                    .into_iter()
                    .map(|status| {
                        let column = move || found.with(|found| state.edits.history.with(|history| cards(history.plan(), status, found)));
                        let count = move || state.edits.history.with(|history| {
                            history.plan().initiatives().filter(|activity| activity.status == status).count()
                        });
                        view! {
                            <section
                                class=format!("board__column board__column--{}", status_slug(status))
                                class:board__column--over=move || over.get() == Some(status)
                                aria-labelledby=format!("column-{}", status_slug(status))
                                data-status=status_slug(status)
                                on:dragover=move |event| {
                                    if dragged.get_untracked().is_some() {
                                        event.prevent_default();
                                        over.set(Some(status));
                                    }
                                }
                                on:dragleave=move |_| over.set(None)
                                on:drop=move |event| {
                                    over.set(None);
                                    if let Some(activity) = dragged.get_untracked() {
                                        event.prevent_default();
                                        dragged.set(None);
                                        move_card(state, activity, status);
                                    }
                                }
                            >
                                <h3 class="board__column-title" id=format!("column-{}", status_slug(status))>
                                    {status.label()} " " <span class="board__count">{move || count()}</span>
                                </h3>
                                <ul class="board__cards">
                                    <For each=column key=|card| card.clone() let:card>
                                        <Card card dragged/>
                                    </For>
                                </ul>
                                {move || (count() > CARDS_SHOWN).then(|| view! {
                                    <p class="empty">{format!("… and {} more: see the initiatives table on the Plan view.", count() - CARDS_SHOWN)}</p>
                                })}
                            </section>
                        }
                    })
                    .collect_view()}
            </div>
        </section>
    }
}

/// One activity card: draggable, focusable, with a Move menu.
#[component]
fn Card(
    /// What the card shows.
    card: CardData,
    /// The card being dragged, shared with the columns.
    dragged: RwSignal<Option<ActivityId>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = card.id;
    let status = card.status;
    let on_key = move |event: leptos::ev::KeyboardEvent| {
        // Arrow keys inside the card's Move menu belong to the menu.
        if event.target() != event.current_target() {
            return;
        }
        let step = match event.key().as_str() {
            "ArrowRight" => 1,
            "ArrowLeft" => -1,
            _ => return,
        };
        if let Some(target) = neighbour(status, step) {
            event.prevent_default();
            move_card(state, id, target);
        }
    };
    let on_move = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        if let Some(target) = Status::ALL.into_iter().find(|s| status_slug(*s) == value) {
            move_card(state, id, target);
        }
    };
    let title = card.title.clone();
    let label = format!(
        "{}, {}, {}, {}. Press left or right arrow to move.",
        card.title,
        card.owner,
        card.deadline,
        card.status.label()
    );

    view! {
        <li
            class="card"
            id=format!("card-{id}")
            tabindex="0"
            draggable="true"
            aria-roledescription="draggable card"
            aria-label=label
            data-activity=id.to_string()
            on:keydown=on_key
            on:dragstart=move |event| {
                dragged.set(Some(id));
                if let Some(transfer) = event.data_transfer() {
                    let _ = transfer.set_data(CARD_TYPE, &id.to_string());
                    let _ = transfer.set_data("text/plain", &title);
                    transfer.set_effect_allowed("move");
                }
            }
            on:dragend=move |_| dragged.set(None)
        >
            <p class="card__title">{card.title.clone()}</p>
            <p class="card__meta">
                <span class="card__owner">{card.owner}</span>
                " · "
                <span class="card__deadline">{card.deadline}</span>
            </p>
            <p class="card__tags">
                <span class="tag" title="Impact on the goal, 1 to 5">{format!("impact {}", card.impact)}</span>
                {(!card.client.is_empty()).then(|| view! { <span class="tag tag--client">{card.client}</span> })}
                {card.tentative.then(|| view! { <span class="tag tag--tentative">"tentative"</span> })}
                {risk_badge(card.risks)}
            </p>
            <a class="card__link" href=super::state::PlanFocus::SuggestOwner(id).hash()
                aria-label=format!("Suggest owner for {}", card.title)>"Suggest owner"</a>
            <label class="card__move">
                <span class="visually-hidden">{format!("Move {} to", card.title)}</span>
                <select on:change=on_move>
                    {Status::ALL
                        .into_iter()
                        .map(|option| view! {
                            <option value=status_slug(option) selected=option == status>
                                {format!("Move: {}", option.label())}
                            </option>
                        })
                        .collect_view()}
                </select>
            </label>
        </li>
    }
}
