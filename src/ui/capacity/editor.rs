//! The allocation editor: a selected bar's person, hours, weeks,
//! commitment and scenario by form.

use super::*;

/// What the editor reads from the Capacity view. The editor is a part of
/// its own (`ui::parts`), loaded the first time a bar is selected, and
/// takes these from the context.
#[derive(Clone, Copy)]
pub(crate) struct EditorInputs {
    pub current: Memo<Option<Allocation>>,
    pub selected: RwSignal<Option<AllocationId>>,
    pub message: RwSignal<Option<String>>,
}

/// The [`AllocationEditor`] of the [`EditorInputs`] in the context.
#[component]
pub(crate) fn Editor() -> impl IntoView {
    let EditorInputs {
        current,
        selected,
        message,
    } = expect_context::<EditorInputs>();
    view! { <AllocationEditor current selected message/> }
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
            state.edits.history.with(|history| {
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
                .edits
                .history
                .with(|history| Some(assignee_name(history.plan(), &allocation.assignee))),
            _ => None,
        })
    };
    let roster = Memo::new(move |_| {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        placeholder().hash(&mut hasher);
        state.edits.history.with(|history| {
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
        state.edits.history.with_untracked(|history| {
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
        state.edits.history.with(|history| {
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
        hours.set(crate::ui::forms::number_text(allocation.hours_per_week));
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
                crate::ui::forms::parse_number("Hours a week", &hours.get_untracked(), 0.0)?;
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
        let result = read.and_then(|()| state.edits.execute(Command::UpdateAllocation(next)));
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
        match state.edits.execute(Command::RemoveAllocation(id)) {
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
            <crate::ui::forms::Choice label="Assigned to" value=holder filter=true options=holders/>
            <label class="filter">
                <span class="filter__label">"Hours a week"</span>
                <input type="number" min="1" max="168" step="0.5" aria-label="Hours a week"
                    prop:value=move || hours.get() on:input=move |event| hours.set(event_target_value(&event))/>
            </label>
            <WeekPicker label="First week" value=Signal::derive(move || Week::of_date_or_week(&first.get()))
                on_change=Callback::new(move |week: Option<Week>| first.set(week.map(|week| week.to_string()).unwrap_or_default()))/>
            <WeekPicker label="Last week" value=Signal::derive(move || Week::of_date_or_week(&last.get()))
                on_change=Callback::new(move |week: Option<Week>| last.set(week.map(|week| week.to_string()).unwrap_or_default()))/>
            <crate::ui::forms::Choice label="Commitment" value=commitment filter=true
                options=vec![("confirmed".to_string(), "Confirmed".to_string()), ("tentative".to_string(), "Tentative".to_string())]/>
            <crate::ui::forms::Choice label="Scenario" value=scenario filter=true options=scenario_options/>
            <button type="submit" class="button button--primary button--small">"Apply"</button>
            <button type="button" class="button button--small button--danger" on:click=remove>"Remove"</button>
            <button type="button" class="button button--small button--quiet" aria-label="Close the allocation editor"
                on:click=close>"✕"</button>
            {move || error.get().map(|text| view! { <p class="form__error" role="alert">{text}</p> })}
        </form>
    }
}

/// Who holds an allocation, as the editor names them.
pub(super) fn assignee_name(plan: &Plan, assignee: &Assignee) -> String {
    match assignee {
        Assignee::Person(person) => plan.person_name(*person),
        Assignee::Placeholder { role, .. } => format!("Unstaffed {role}"),
        Assignee::Role(role) => format!("Open role {}", plan.role_title(*role)),
    }
}
