//! The book of work by client: filters, rows with hours over the horizon
//! and budget burnt, deals won, lost or gathered into a scenario.

use super::*;

/// The book of work, grouped by client.
#[component]
pub(super) fn WorkList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let find = RwSignal::new(String::new());
    let filter = RwSignal::new(String::new());
    let shown = RwSignal::new(ROWS_SHOWN);
    let adding = RwSignal::new(false);
    let sheets = expect_context::<crate::ui::sheet_import::SheetImport>();
    let chosen = RwSignal::new(Vec::<ActivityId>::new());
    let scenario_name = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);

    let groups = Memo::new(move |_| {
        let wanted = find.get().trim().to_string();
        let keep = Filter::of(&filter.get());
        state.figures.load.with(|load| {
            state.edits.history.with(|history| {
                book::book_of_work(history.plan(), load, |activity| {
                    keep.keeps(activity)
                        && (wanted.is_empty()
                            || contains_ignoring_case(&activity.title, &wanted)
                            || contains_ignoring_case(&activity.client, &wanted))
                })
            })
        })
    });
    let risk_index = Memo::new(move |_| state.figures.risks.with(|found| risks::by_work(found)));
    // Budgets burnt, from the money of the horizon.
    let burns = Memo::new(move |_| {
        state.figures.load.with(|load| {
            state.edits.history.with(|history| {
                money::compute_on(history.plan(), load, &load.options, today).budgets
            })
        })
    });
    let summary = move || {
        state.figures.load.with(|load| {
            state.edits.history.with(|history| {
                let plan = history.plan();
                let book: Vec<&Activity> = plan
                    .activities
                    .iter()
                    .filter(|activity| activity.scope == Scope::Book)
                    .collect();
                let clients = crate::ui::forms::distinct_texts(
                    book.iter().map(|activity| activity.client.trim()),
                )
                .len();
                let committed: f64 = book
                    .iter()
                    .filter(|activity| activity.deal.is_none() && activity.status != Status::Done)
                    .filter_map(|activity| activity.weekly_commitment())
                    .sum();
                let deals = book.iter().filter(|activity| activity.deal.is_some()).count();
                format!(
                    "{} for {} · contracts commit {} h a week · {}: {} h over the horizon weighted by their win probability",
                    crate::model::count_of(book.len(), "piece of work", "pieces of work"),
                    crate::model::count_of(clients, "client", "clients"),
                    hours_text(committed),
                    crate::model::count_of(deals, "pipeline deal", "pipeline deals"),
                    hours_text(book::weighted_pipeline_hours(load))
                )
            })
        })
    };
    let make_scenario = move |_| {
        let deals = chosen.get_untracked();
        let name = scenario_name.get_untracked();
        let name = if name.trim().is_empty() {
            format!("{} deals won", deals.len())
        } else {
            name
        };
        match state
            .edits
            .execute(Command::ScenarioFromDeals { name, deals })
        {
            Ok(summary) => {
                chosen.set(Vec::new());
                scenario_name.set(String::new());
                message.set(Some(summary));
            }
            Err(reason) => message.set(Some(format!("Not changed: {reason}"))),
        }
    };
    let kinds: Vec<(String, String)> = std::iter::once((String::new(), "All work".to_string()))
        .chain(
            ActivityKind::ALL
                .into_iter()
                .map(|kind| (kind_slug(kind).to_string(), kind.label().to_string())),
        )
        .chain(std::iter::once((
            "deals".to_string(),
            "Pipeline deals".to_string(),
        )))
        .collect();

    view! {
        <section class="book" aria-labelledby="work-title">
            <div class="view__heading">
                <h2 id="work-title">"Work"</h2>
                <p class="view__hint">"The firm's book of work: client projects, managed-services contracts, internal work and pipeline deals, by client. Open one to staff it on its own timeline. The ops plan's initiatives are on the "<a href=Route::Plan.hash()>"Plan"</a>" view."</p>
            </div>
            <p class="book__summary">{summary}</p>
            <div class="filters" role="group" aria-label="Find work">
                <label class="filter">
                    <span class="filter__label">"Find"</span>
                    <input type="search" aria-label="Find work by title or client" placeholder="title or client"
                        prop:value=move || find.get() on:input=move |event| find.set(event_target_value(&event))/>
                </label>
                <Choice filter=true label="Kind" value=filter options=kinds/>
                <button class="button" on:click=move |_| sheets.start(Some(crate::persist::table::Sheet::Work))>"Import work…"</button>
                <button class="button button--primary" on:click=move |_| adding.set(true)>"Add work"</button>
            </div>
            {move || adding.get().then(|| view! {
                <EngagementForm which=None on_done=Callback::new(move |_| adding.set(false))/>
            })}
            {move || (!chosen.with(Vec::is_empty)).then(|| view! {
                <div class="book__scenario" role="group" aria-label="Make a scenario from the chosen deals">
                    <span>{move || format!("{} chosen: ", crate::model::count_of(chosen.with(Vec::len), "deal", "deals"))}</span>
                    <Field label="Scenario name" value=scenario_name/>
                    <button class="button" on:click=make_scenario>"Make a scenario of them"</button>
                    <button class="button button--quiet" on:click=move |_| chosen.set(Vec::new())>"Clear"</button>
                </div>
            })}
            <p class="book__message" role="status">{move || message.get()}</p>
            {move || {
                // Drawn again on every edit of the plan, not only when the
                // groups' hours or teams change: a deal won keeps its hours
                // but not its tag, stage or buttons.
                state.edits.history.track();
                let limit = shown.get();
                let total: usize = groups.with(|groups| groups.iter().map(|group| group.engagements.len()).sum());
                let mut left = limit;
                let lists = groups.with(|groups| {
                    groups
                        .iter()
                        .filter_map(|group| {
                            if left == 0 {
                                return None;
                            }
                            let take = group.engagements.len().min(left);
                            left -= take;
                            Some(client_group(group.clone(), take, burns, risk_index, chosen, message))
                        })
                        .collect_view()
                });
                let more = (total > limit).then(|| view! {
                    <p class="table__more">
                        {format!("Showing {limit} of {total}. ")}
                        <button class="button button--small" on:click=move |_| shown.update(|shown| *shown += ROWS_SHOWN)>
                            {format!("Show {} more", ROWS_SHOWN.min(total - limit))}
                        </button>
                    </p>
                });
                let empty = (total == 0).then(|| view! {
                    <p class="empty">"No work matches. Add a client project, a contract or a deal with Add work."</p>
                });
                view! { {lists} {more} {empty} }
            }}
        </section>
    }
}

/// One client's engagements (the first `take` of them).
pub(super) fn client_group(
    group: ClientGroup,
    take: usize,
    burns: Memo<Vec<Burn>>,
    risk_index: Memo<Vec<(ActivityId, usize)>>,
    chosen: RwSignal<Vec<ActivityId>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let this_week = Week::containing(state.today);
    let name = if group.client.is_empty() {
        "Internal work".to_string()
    } else {
        group.client.clone()
    };
    let now = state
        .figures
        .load
        .with_untracked(|load| load.column(this_week))
        .and_then(|column| group.hours.get(column).copied())
        .unwrap_or(0.0);
    let heading_id = format!("client-{}", crate::ui::markup::key_of(&group.client));
    let labelled_by = heading_id.clone();
    let rows = group
        .engagements
        .into_iter()
        .take(take)
        .map(|engagement| {
            let id = engagement.activity;
            let (activity, team) = state.edits.history.with_untracked(|history| {
                let plan = history.plan();
                (
                    plan.activity(id).cloned(),
                    team_text(plan, &engagement.team),
                )
            });
            let activity = activity?;
            let burn = burns.with_untracked(|burns| {
                burns
                    .iter()
                    .find(|burn| burn.activity == id)
                    .map(burn_text)
            });
            let spark = state
                .figures.load
                .with_untracked(|load| sparkline(&engagement.hours, load, this_week));
            let badge = state.figures.risks.with_untracked(|found| {
                risk_index.with_untracked(|index| risk_label_indexed(found, index, id))
            });
            let deal = activity.deal.is_some();
            let title = activity.title.clone();
            let won = move |_| match state.edits.execute(Command::WinDeal(id)) {
                Ok(summary) => message.set(Some(summary)),
                Err(reason) => message.set(Some(format!("Not changed: {reason}"))),
            };
            let lost = move |_| match state.edits.execute(Command::LoseDeal(id)) {
                Ok(summary) => message.set(Some(summary)),
                Err(reason) => message.set(Some(format!("Not changed: {reason}"))),
            };
            Some(view! {
                <li class="engagement" class:engagement--deal=deal data-activity=id.to_string()>
                    <div class="engagement__main">
                        <a class="engagement__title" href=format!("#/work/{id}")>{title.clone()}</a>
                        <span class="tag">{if deal { "Pipeline deal" } else { activity.kind.label() }}</span>
                        <span class=if deal { "engagement__stage engagement__stage--deal" } else { "engagement__stage" }>{stage_text(&activity)}</span>
                        {risk_badge(badge)}
                    </div>
                    <div class="engagement__dates">{dates_text(&activity)}</div>
                    <div class="engagement__team">{team}</div>
                    <div class="engagement__hours">{spark}</div>
                    <div class="engagement__budget">{burn.unwrap_or_default()}</div>
                    {deal.then(|| view! {
                        <div class="engagement__actions">
                            <label class="toggle">
                                <input type="checkbox"
                                    aria-label=format!("Choose {title} for a scenario")
                                    prop:checked=move || chosen.with(|chosen| chosen.contains(&id))
                                    on:change=move |event| {
                                        let on = event_target_checked(&event);
                                        chosen.update(|chosen| {
                                            chosen.retain(|other| *other != id);
                                            if on {
                                                chosen.push(id);
                                            }
                                        });
                                    }/>
                                " Choose"
                            </label>
                            <button class="button button--small" on:click=won aria-label=format!("Won: {title}")>"Won"</button>
                            <button class="button button--small button--danger" on:click=lost aria-label=format!("Lost: {title}")>"Lost"</button>
                        </div>
                    })}
                </li>
            })
        })
        .collect_view();
    view! {
        <section class="work-client" aria-labelledby=labelled_by>
            <h3 id=heading_id class="work-client__name">
                {name}
                <span class="work-client__meta">{format!(" · {} h booked this week", hours_text(now))}</span>
            </h3>
            <ul class="work-client__list">{rows}</ul>
        </section>
    }
}
