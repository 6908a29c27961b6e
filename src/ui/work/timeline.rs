//! A piece of work's team on its own timeline: people booked by drag and
//! drop, by keyboard or by taps, and bars moved and stretched the same ways.

use super::*;

/// What is being dragged on an engagement's timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dragged {
    /// A person from the list, to book.
    Person(PersonId),
    /// A bar, grabbed `grab` weeks after its first week.
    Bar { id: AllocationId, grab: i64 },
    /// The end of a bar.
    End(AllocationId),
}

/// An engagement's team on its own timeline: a row per booking, with each
/// person's load in the week under it; people to drag in beside it.
#[component]
pub(super) fn EngagementTimeline(
    id: ActivityId,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let this_week = Week::containing(today);
    let dragged = RwSignal::new(None::<Dragged>);
    let draft = RwSignal::new(None::<Draft>);
    let horizon = Memo::new(move |_| state.edits.history.with(|history| history.plan().horizon));
    let weeks = move || horizon.with(|horizon| horizon.weeks().collect::<Vec<Week>>());
    let bookings = Memo::new(move |_| {
        state.edits.history.with(|history| {
            let plan = history.plan();
            let mut mine: Vec<Allocation> = plan
                .allocations
                .iter()
                .filter(|allocation| allocation.activity == id)
                .cloned()
                .collect();
            mine.sort_by_key(|allocation| (allocation.first_week, allocation.id));
            mine
        })
    });
    // The people to offer: those with the skills the work needs first,
    // then by hours free in its first week here.
    let offered = Memo::new(move |_| {
        state.figures.load.with(|load| {
            state.edits.history.with(|history| {
                let plan = history.plan();
                let Some(work) = plan.activity(id) else {
                    return Vec::new();
                };
                let week = work
                    .start
                    .map_or(this_week, Week::containing)
                    .max(this_week)
                    .max(plan.horizon.start);
                let tentative = load.counts_tentative();
                let mut people: Vec<(bool, f64, PersonId, String)> = plan
                    .people
                    .iter()
                    .filter(|person| person.is_employed_on(week.day(chrono::Weekday::Fri)))
                    .map(|person| {
                        let skilled = work
                            .required_skills
                            .iter()
                            .all(|need| person.skill_level(need.skill) >= need.min_level);
                        let free = load
                            .cell(person.id, week)
                            .map_or(0.0, |cell| cell.free(tentative));
                        (skilled, free, person.id, person.name.clone())
                    })
                    .collect();
                people.sort_by(|left, right| {
                    right
                        .0
                        .cmp(&left.0)
                        .then(right.1.total_cmp(&left.1))
                        .then(left.2.cmp(&right.2))
                });
                people
                    .into_iter()
                    .take(PEOPLE_OFFERED)
                    .map(|(skilled, free, person, name)| (person, name, free, skilled, week))
                    .collect::<Vec<_>>()
            })
        })
    });
    let rows_for_keys = move || -> Vec<Assignee> {
        offered.with_untracked(|people| {
            people
                .iter()
                .map(|(person, ..)| Assignee::Person(*person))
                .collect()
        })
    };
    // Applies a booking, keeping focus on its bar (as the Capacity view
    // does).
    let place = move |allocation: Allocation, original: Option<AllocationId>| -> bool {
        place_booking(state.edits, message, "work-bar", allocation, original).is_some()
    };
    // A booking of `person` on this work from `week`, as a drop on the
    // Capacity view proposes it.
    let propose = move |person: PersonId, week: Week| {
        state.figures.load.with_untracked(|load| {
            state.edits.history.with_untracked(|history| {
                capacity::proposed_allocation(
                    history.plan(),
                    load,
                    id,
                    Assignee::Person(person),
                    week,
                    &load.options,
                )
                .map(|proposal| (proposal.note(history.plan()), proposal.allocation))
            })
        })
    };
    let book = move |person: PersonId, week: Week| match propose(person, week) {
        Some((note, allocation)) => {
            if place(allocation, None) && !note.is_empty() {
                message.update(|text| {
                    if let Some(text) = text {
                        text.push(' ');
                        text.push_str(&note);
                    }
                });
            }
        }
        None => message.set(Some(
            "Not changed: they are not there in any week from there to the work's end.".to_string(),
        )),
    };
    let find = move |allocation: AllocationId| {
        state
            .edits
            .history
            .with_untracked(|history| history.plan().allocation(allocation).cloned())
    };
    let drop_on = move |week: Week, row: Option<Assignee>| {
        let Some(what) = dragged.get_untracked() else {
            return;
        };
        dragged.set(None);
        match (what, row) {
            // A person dropped anywhere on the timeline is booked from
            // that week (a booking of their own, beside the others).
            (Dragged::Person(person), _) => book(person, week),
            (Dragged::Bar { id: bar, grab }, row) => {
                if let Some(mut allocation) = find(bar) {
                    let shift = week.weeks_since(allocation.first_week) - grab;
                    allocation.first_week = allocation.first_week.plus_weeks(shift);
                    allocation.last_week = allocation.last_week.plus_weeks(shift);
                    if let Some(row) = row {
                        allocation.assignee = row;
                    }
                    place(allocation, Some(bar));
                }
            }
            (Dragged::End(bar), _) => {
                if let Some(mut allocation) = find(bar) {
                    allocation.last_week = week.max(allocation.first_week);
                    place(allocation, Some(bar));
                }
            }
        }
    };
    // The keyboard and tap twin of every drag: a booking proposed or
    // picked up, moved by keys or taps, applied as a drop would be.
    let draft = DraftController::new(
        draft,
        state.edits,
        DraftSetup {
            timeline: Timeline::Team,
            bar_id: "work-draft",
            rows: Callback::new(move |()| rows_for_keys()),
            place: Callback::new(move |next: Draft| place(next.allocation, next.original)),
            // Focus goes back to where the draft was picked up, its bar or
            // the person.
            return_focus: Callback::new(move |next: Draft| {
                match (next.original, &next.allocation.assignee) {
                    (Some(bar), _) => Some(format!("work-bar-{bar}")),
                    (None, Assignee::Person(person)) => Some(format!("work-person-{person}")),
                    (None, _) => None,
                }
            }),
        },
    );
    let drafting = Memo::new(move |_| draft.with(|draft| draft.is_some()));
    let describe = move |allocation: &Allocation| {
        state
            .edits
            .history
            .with_untracked(|history| Timeline::Team.described(history.plan(), allocation))
    };
    let week_head = move || {
        weeks()
            .into_iter()
            .map(|week| {
                view! {
                    <span class="wt-week" class:wt-week--now=week == this_week>
                        {format!("W{:02}", week.number())}
                    </span>
                }
            })
            .collect_view()
    };

    view! {
        <section class="panel work-timeline" aria-labelledby="team-title">
            <h3 id="team-title" tabindex="-1">"Team"</h3>
            <p class="view__hint">"Drag a person onto a week to book them (the hours the work still needs, up to their free hours), drag a bar to other weeks or another row, or its end to stretch it. By tap or click: a person proposes a booking, a bar picks it up; tap a week to move it there, then Apply. By keyboard: Enter on a person proposes a booking, Enter on a bar picks it up; arrows move it, Shift+arrows change its end, + and − the hours; Enter applies, Escape cancels, Delete removes. The numbers under a bar are that person's load in the week, as on the Capacity view."</p>
            <DraftTools draft prefix="wt" label="Booking in progress"
                how="Tap or click a week to move it there." apply="Apply" ends=true/>
            <div class="wt" style=move || format!("--weeks: {}", horizon.with(|horizon| horizon.weeks))>
                <div class="wt-row wt-row--head">
                    <span class="wt-name">"Booked"</span>
                    {week_head}
                </div>
                {move || bookings.get().into_iter().map(|allocation| {
                    let bar = allocation.id;
                    let assignee = allocation.assignee.clone();
                    let row_assignee = assignee.clone();
                    let (name, label, loads) = state.figures.load.with(|load| {
                        state.edits.history.with(|history| {
                            let plan = history.plan();
                            let name = assignee_name(plan, &assignee);
                            let label = format!(
                                "{name} · {} h a week, {} to {}{}. Enter to move by keyboard, Delete to remove.",
                                number_text(allocation.hours_per_week),
                                allocation.first_week,
                                allocation.last_week,
                                if allocation.commitment == Commitment::Tentative { ", tentative" } else { "" }
                            );
                            let tentative = load.counts_tentative();
                            let loads: Vec<Option<(i64, bool)>> = horizon.get_untracked().weeks().map(|week| {
                                let cell = load.cell_of(&assignee, week)?;
                                let share = cell.utilisation(tentative)?;
                                Some(((share * 100.0).round() as i64, cell.band(tentative) == Band::Over))
                            }).collect();
                            (name, label, loads)
                        })
                    });
                    let (first, span) = bar_columns(&allocation, horizon.get_untracked());
                    let tentative = allocation.commitment == Commitment::Tentative;
                    view! {
                        <div class="wt-row" data-allocation=bar.to_string()>
                            <span class="wt-name">{name.clone()}</span>
                            {horizon.get_untracked().weeks().zip(loads).enumerate().map(|(column, (week, load))| {
                                let row = row_assignee.clone();
                                let tapped = row_assignee.clone();
                                view! {
                                    <span class="wt-cell" data-week=week.to_string() style=format!("grid-column: {}", column + 2)
                                        on:dragover=move |event| { if dragged.get_untracked().is_some() { event.prevent_default(); } }
                                        on:drop=move |event| { event.prevent_default(); drop_on(week, Some(row.clone())); }
                                        on:click=move |_| draft.move_to(Some(tapped.clone()), week)>
                                        {load.map(|(percent, over)| view! {
                                            <span class="wt-load" class:wt-load--over=over>{format!("{percent} %")}</span>
                                        })}
                                    </span>
                                }
                            }).collect_view()}
                            <span class="wt-bar" class:wt-bar--tentative=tentative
                                id=format!("work-bar-{bar}")
                                tabindex="0" draggable="true" role="button"
                                aria-label=label.clone() title=label
                                style=format!("grid-column: {first} / span {span}")
                                on:dragstart=move |event| {
                                    let grab = state.edits.history.with_untracked(|history| {
                                        history.plan().allocation(bar).map_or(0, |allocation| {
                                            grab_week(&event, allocation)
                                        })
                                    });
                                    dragged.set(Some(Dragged::Bar { id: bar, grab }));
                                    if let Some(transfer) = event.data_transfer() {
                                        let _ = transfer.set_data("text/plain", &bar.to_string());
                                    }
                                }
                                on:dragend=move |_| dragged.set(None)
                                on:click=move |_| {
                                    // A tap or a click picks the bar up as
                                    // Enter does (its end too: Shorter and
                                    // Longer change the end).
                                    let picked = draft.with_untracked(|draft| draft.is_some_and(|draft| draft.original == Some(bar)));
                                    if picked {
                                        return;
                                    }
                                    if let Some(allocation) = find(bar) {
                                        draft.start(Draft { original: Some(bar), allocation });
                                    }
                                }
                                on:keydown=move |event| {
                                    // Keys typed before focus has moved to
                                    // the draft this bar just started go to
                                    // the draft, so none is lost.
                                    if draft.with_untracked(|draft| draft.is_some_and(|draft| draft.original == Some(bar))) {
                                        draft.on_key(&event);
                                        return;
                                    }
                                    match event.key().as_str() {
                                        "Enter" | " " => {
                                            if let Some(allocation) = find(bar) {
                                                event.prevent_default();
                                                draft.start(Draft { original: Some(bar), allocation });
                                            }
                                        }
                                        "Delete" => {
                                            event.prevent_default();
                                            if let Ok(summary) = state.edits.execute(Command::RemoveAllocation(bar)) {
                                                message.set(Some(summary));
                                                // Its bar is gone: focus the team's heading.
                                                browser::focus_after_render("team-title".to_string());
                                            }
                                        }
                                        _ => {}
                                    }
                                }>
                                <span class="wt-bar__text">{format!("{} h", number_text(allocation.hours_per_week))}</span>
                                <span class="wt-bar__end" draggable="true" aria-hidden="true"
                                    on:dragstart=move |event| {
                                        event.stop_propagation();
                                        dragged.set(Some(Dragged::End(bar)));
                                        if let Some(transfer) = event.data_transfer() {
                                            let _ = transfer.set_data("text/plain", &bar.to_string());
                                        }
                                    }></span>
                            </span>
                        </div>
                    }
                }).collect_view()}
                // The draft's row is drawn once while there is a draft and
                // follows it, so the focused bar stays the same element as
                // the keys change it.
                {move || drafting.get().then(|| {
                    let label = move || draft.with(|draft| draft.map(|draft| describe(&draft.allocation)).unwrap_or_default());
                    let name = move || draft.with(|draft| draft.map(|draft| {
                        state.edits.history.with_untracked(|history| assignee_name(history.plan(), &draft.allocation.assignee))
                    }).unwrap_or_default());
                    let style = move || draft.with(|draft| draft.map(|draft| {
                        let (first, span) = bar_columns(&draft.allocation, horizon.get_untracked());
                        format!("grid-column: {first} / span {span}")
                    }).unwrap_or_default());
                    let hours = move || draft.with(|draft| draft.map(|draft| {
                        format!("{} h", number_text(draft.allocation.hours_per_week))
                    }).unwrap_or_default());
                    view! {
                        <div class="wt-row wt-row--draft">
                            <span class="wt-name">{name}</span>
                            <span id="work-draft" class="wt-bar wt-bar--draft" tabindex="0" role="button"
                                aria-label=label title=label style=style
                                on:keydown=move |event| draft.on_key(&event)>
                                <span class="wt-bar__text">{hours}</span>
                            </span>
                        </div>
                    }
                })}
                <div class="wt-row wt-row--book">
                    <span class="wt-name" title="Drop a person on a week to book them">"Book someone"</span>
                    {move || weeks().into_iter().enumerate().map(|(column, week)| view! {
                        <span class="wt-cell wt-cell--book" data-week=week.to_string() style=format!("grid-column: {}", column + 2)
                            on:dragover=move |event| { if dragged.get_untracked().is_some() { event.prevent_default(); } }
                            on:drop=move |event| { event.prevent_default(); drop_on(week, None); }
                            on:click=move |_| draft.move_to(None, week)></span>
                    }).collect_view()}
                </div>
            </div>
            {move || bookings.with(Vec::is_empty).then(|| view! {
                <p class="empty">"Nobody is booked on it yet: drag a person onto a week, or press Enter on one."</p>
            })}
            <h4>"People to book"</h4>
            <ul class="work-people">
                {move || offered.get().into_iter().map(|(person, name, free, skilled, week)| {
                    // The chip is named by its visible text (name and free
                    // hours) followed by the rest, read but not shown, so a
                    // person using speech control can say what they see:
                    // "Aisha Khan 16 h free in 2026-W48. Drag onto ...".
                    let more = format!(
                        " in {week}{}. Drag onto a week, or press Enter to propose a booking from {week}.",
                        if skilled { ", has the skills" } else { "" }
                    );
                    let label = format!("{name}: {} h free{more}", hours_text(free));
                    view! {
                        <li>
                            <button class="person-chip" class:person-chip--skilled=skilled draggable="true"
                                id=format!("work-person-{person}") title=label
                                on:dragstart=move |event| {
                                    dragged.set(Some(Dragged::Person(person)));
                                    if let Some(transfer) = event.data_transfer() {
                                        let _ = transfer.set_data("text/plain", &person.to_string());
                                    }
                                }
                                on:dragend=move |_| dragged.set(None)
                                on:keydown=move |event| {
                                    // As on a bar: keys typed before focus
                                    // reaches the proposed booking go to it.
                                    let proposed = draft.with_untracked(|draft| draft.is_some_and(|draft| {
                                        draft.original.is_none() && draft.allocation.assignee == Assignee::Person(person)
                                    }));
                                    if proposed {
                                        draft.on_key(&event);
                                    }
                                }
                                on:click=move |_| {
                                    if let Some((note, allocation)) = propose(person, week) {
                                        if !note.is_empty() {
                                            message.set(Some(note));
                                        }
                                        draft.start(Draft { original: None, allocation });
                                    }
                                }>
                                <span class="person-chip__name">{name.clone()}</span>
                                <span class="person-chip__free">{format!("{} h free", hours_text(free))}<span class="visually-hidden">{more}</span></span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The grid column a bar starts in (the names are column 1) and how many
/// it spans, kept to the weeks of `horizon`.
pub(super) fn bar_columns(allocation: &Allocation, horizon: crate::model::Horizon) -> (i64, i64) {
    let weeks = i64::from(horizon.weeks);
    let first = allocation
        .first_week
        .weeks_since(horizon.start)
        .clamp(0, weeks - 1);
    let last = allocation
        .last_week
        .weeks_since(horizon.start)
        .clamp(first, weeks - 1);
    (first + 2, last - first + 1)
}

/// The name of whoever a booking is on, as its row shows it.
pub(super) fn assignee_name(plan: &Plan, assignee: &Assignee) -> String {
    Timeline::Team.assignee_name(plan, assignee)
}

/// The week of a bar under the pointer when it was grabbed, counted from
/// its first week.
pub(super) fn grab_week(event: &web_sys::DragEvent, allocation: &Allocation) -> i64 {
    use wasm_bindgen::JsCast;
    let Some(element) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
    else {
        return 0;
    };
    let rect = element.get_bounding_client_rect();
    let weeks = (allocation.last_week.weeks_since(allocation.first_week) + 1).max(1) as f64;
    if rect.width() <= 0.0 {
        return 0;
    }
    (((f64::from(event.client_x()) - rect.left()) / rect.width() * weeks).floor() as i64)
        .clamp(0, weeks as i64 - 1)
}
