//! A piece of work's own page: its terms, risks, team and form.

use super::*;

/// One engagement: its facts, actions, team timeline and form.
#[component]
pub(super) fn EngagementDetail(id: ActivityId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let activity = Memo::new(move |_| {
        state
            .edits
            .history
            .with(|history| history.plan().activity(id).cloned())
    });
    let editing = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let run = move |command: Command| match state.edits.execute(command) {
        Ok(summary) => message.set(Some(summary)),
        Err(reason) => message.set(Some(format!("Not changed: {reason}"))),
    };
    let ask = move || {
        state.edits.history.with(|history| {
            let plan = history.plan();
            let ask = asked_of(plan, id)?;
            let answer = capacity::can_we_take_it(
                plan,
                &ask.engagement,
                &state.figures.options.get(),
                today,
            );
            Some((ask, answer))
        })
    };
    move || {
        let Some(work) = activity.get() else {
            return view! { <p class="empty">"This work is no longer in the plan. "<a href=Route::Work.hash()>"Back to all work"</a></p> }.into_any();
        };
        let deal = work.deal.is_some();
        let title = work.title.clone();
        let client = if work.client.trim().is_empty() {
            "Internal".to_string()
        } else {
            work.client.clone()
        };
        let lead = state.edits.history.with_untracked(|history| {
            work.owner
                .map(|owner| history.plan().person_name(owner))
                .unwrap_or_else(|| "no lead".to_string())
        });
        let billing = match work.billing {
            Billing::NotBilled if work.billable => "billable, no price set".to_string(),
            Billing::NotBilled => "not billed".to_string(),
            Billing::Hourly { rate } => state.edits.history.with_untracked(|history| {
                format!(
                    "{} an hour",
                    amount_text(rate, &history.plan().resources.currency)
                )
            }),
            Billing::FixedFee { amount } => state.edits.history.with_untracked(|history| {
                format!(
                    "fixed fee {}",
                    amount_text(amount, &history.plan().resources.currency)
                )
            }),
        };
        view! {
            <section class="book engagement-detail" aria-labelledby="engagement-title">
                <p><a href=Route::Work.hash()>"← All work"</a></p>
                <div class="view__heading">
                    <h2 id="engagement-title">{title.clone()}</h2>
                    <p class="engagement-detail__facts">
                        <span class="tag">{if deal { "Pipeline deal" } else { work.kind.label() }}</span>
                        {format!(" {client} · {} · {} · lead {lead} · {billing}", stage_text(&work), dates_text(&work))}
                    </p>
                </div>
                <div class="engagement-detail__actions">
                    <button class="button" on:click=move |_| editing.update(|on| *on = !*on)
                        aria-expanded=move || editing.get().to_string()>"Edit details"</button>
                    {deal.then(|| view! {
                        <button class="button button--primary" on:click=move |_| run(Command::WinDeal(id))>"Won"</button>
                        <button class="button button--danger" on:click=move |_| {
                            run(Command::LoseDeal(id));
                            browser::navigate(Route::Work.hash());
                        }>"Lost"</button>
                    })}
                    {(!deal).then(|| view! {
                        <button class="button button--quiet" on:click=move |_| run(Command::SetScope { activity: id, scope: Scope::Initiative })>
                            "Make it an initiative of the ops plan"
                        </button>
                    })}
                </div>
                <p class="book__message" role="status">{move || message.get()}</p>
                {move || {
                    let mine: Vec<(String, String, bool)> = state.figures.risks.with(|found| {
                        risks::risks_of(found, id)
                            .map(|risk| (risk.kind.label().to_string(), risk.evidence.clone(), risk.severity == risks::Severity::High))
                            .collect()
                    });
                    (!mine.is_empty()).then(|| view! {
                        <section class="panel risks" aria-labelledby="engagement-risks">
                            <h3 id="engagement-risks">{format!("Risks ({})", mine.len())}</h3>
                            <ul class="risks__list">
                                {mine.into_iter().map(|(kind, evidence, high)| view! {
                                    <li class="risk" class:risk--high=high>
                                        <span class="risk__kind">{kind}</span>
                                        <span class="risk__evidence">{evidence}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </section>
                    })
                }}
                {move || editing.get().then(|| view! {
                    <EngagementForm which=Some(id) on_done=Callback::new(move |_| editing.set(false))/>
                })}
                <EngagementTimeline id message/>
                {move || ask().map(|(ask, answer)| view! {
                    <section class="panel" aria-labelledby="ask-title">
                        <h3 id="ask-title">{format!("Can we take it? {} h a week of a {} for {} weeks from {}", hours_text(ask.engagement.hours_per_week), ask.role, ask.engagement.weeks, ask.engagement.earliest_start)}</h3>
                        <p>{answer.summary.clone()}</p>
                        <ul class="week__list">
                            {answer.fits.iter().take(6).map(|fit| {
                                let who = state.edits.history.with_untracked(|history| match &fit.assignee {
                                    Assignee::Person(person) => history.plan().person_name(*person),
                                    Assignee::Role(role) => format!("open role {}", history.plan().role_title(*role)),
                                    Assignee::Placeholder { role, .. } => role.clone(),
                                });
                                let when = fit.first_week.map_or_else(
                                    || "no free run of weeks in the look-ahead".to_string(),
                                    |week| format!("free from {week}"),
                                );
                                view! {
                                    <li>
                                        <strong>{who}</strong>
                                        {format!(" · {when} · {} % → {} % over those weeks", (fit.before * 100.0).round() as i64, (fit.after * 100.0).round() as i64)}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                })}
            </section>
        }
        .into_any()
    }
}
