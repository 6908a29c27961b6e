//! The form of a piece of work: kind, client, dates, terms, deal and
//! contract.

use super::*;

/// The form of a piece of work of the book: every field a planner sets.
#[component]
pub(super) fn EngagementForm(which: Option<ActivityId>, on_done: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let original: Activity = state
        .edits
        .history
        .with_untracked(|history| which.and_then(|id| history.plan().activity(id).cloned()))
        .unwrap_or_else(|| Activity {
            scope: Scope::Book,
            start: Some(today),
            ..Activity::new(ActivityId(0), "")
        });
    let is_new = which.is_none();
    let was_deal = original.deal.is_some();
    let title = RwSignal::new(original.title.clone());
    let client = RwSignal::new(original.client.clone());
    let kind = RwSignal::new(kind_slug(original.kind).to_string());
    let pipeline = RwSignal::new(original.deal.is_some());
    let stage = RwSignal::new(
        original
            .deal
            .map_or(DealStage::Qualified, |deal| deal.stage)
            .label()
            .to_string(),
    );
    let probability = RwSignal::new(original.deal.map_or_else(
        || "25".to_string(),
        |deal| number_text((deal.probability * 100.0).round()),
    ));
    let status = RwSignal::new(original.status.label().to_string());
    let start = RwSignal::new(date_text(original.start));
    let end = RwSignal::new(date_text(original.deadline));
    let effort = RwSignal::new(number_text(original.effort_hours));
    let contract_hours = RwSignal::new(
        original
            .contract
            .map(|contract| number_text(contract.hours))
            .unwrap_or_default(),
    );
    let period = RwSignal::new(
        original
            .contract
            .map_or(Period::Week, |contract| contract.period)
            .label()
            .to_string(),
    );
    let renewal = RwSignal::new(date_text(original.contract.and_then(|c| c.renewal)));
    let billing = RwSignal::new(
        match original.billing {
            Billing::NotBilled => "none",
            Billing::Hourly { .. } => "hourly",
            Billing::FixedFee { .. } => "fixed",
        }
        .to_string(),
    );
    let amount = RwSignal::new(match original.billing {
        Billing::NotBilled => String::new(),
        Billing::Hourly { rate } => number_text(rate),
        Billing::FixedFee { amount } => number_text(amount),
    });
    let budget = RwSignal::new(original.budget_hours.map(number_text).unwrap_or_default());
    let lead = RwSignal::new(original.owner.map(|o| o.to_string()).unwrap_or_default());
    let description = RwSignal::new(original.description.clone());
    let error = RwSignal::new(None::<String>);
    let people = move || {
        state.edits.history.with(|history| {
            std::iter::once((String::new(), "No lead".to_string()))
                .chain(
                    history
                        .plan()
                        .people
                        .iter()
                        .map(|person| (person.id.to_string(), person.name.clone())),
                )
                .collect::<Vec<_>>()
        })
    };
    let kinds: Vec<(String, String)> = ActivityKind::ALL
        .into_iter()
        .map(|kind| (kind_slug(kind).to_string(), kind.label().to_string()))
        .collect();
    let stages: Vec<(String, String)> = DealStage::ALL
        .into_iter()
        .map(|stage| (stage.label().to_string(), stage.label().to_string()))
        .collect();
    let statuses: Vec<(String, String)> = Status::ALL
        .into_iter()
        .map(|status| (status.label().to_string(), status.label().to_string()))
        .collect();
    let periods = vec![
        ("week".to_string(), "a week".to_string()),
        ("month".to_string(), "a month".to_string()),
    ];
    let billings = vec![
        ("none".to_string(), "Not billed".to_string()),
        ("hourly".to_string(), "By the hour".to_string()),
        ("fixed".to_string(), "Fixed fee".to_string()),
    ];
    let is_contract = move || kind.get() == kind_slug(ActivityKind::ManagedService);
    let build = move || -> Result<Activity, String> {
        let kind_value = ActivityKind::ALL
            .into_iter()
            .find(|candidate| kind_slug(*candidate) == kind.get_untracked())
            .unwrap_or(ActivityKind::Project);
        let deal = if pipeline.get_untracked() {
            let stage = DealStage::ALL
                .into_iter()
                .find(|candidate| candidate.label() == stage.get_untracked())
                .unwrap_or(DealStage::Qualified);
            let percent = parse_number("Win probability", &probability.get_untracked(), 25.0)?;
            Some(Deal {
                stage,
                probability: percent / 100.0,
            })
        } else {
            None
        };
        let contract = if kind_value == ActivityKind::ManagedService
            && !contract_hours.get_untracked().trim().is_empty()
        {
            Some(Contract {
                hours: parse_number("Contract hours", &contract_hours.get_untracked(), 0.0)?,
                period: if period.get_untracked() == "month" {
                    Period::Month
                } else {
                    Period::Week
                },
                renewal: parse_date("Renewal", &renewal.get_untracked())?,
            })
        } else {
            None
        };
        let price = parse_number("Price", &amount.get_untracked(), 0.0)?;
        let billing_value = match billing.get_untracked().as_str() {
            "hourly" => Billing::Hourly { rate: price },
            "fixed" => Billing::FixedFee { amount: price },
            _ => Billing::NotBilled,
        };
        let budget_value = match budget.get_untracked().trim() {
            "" => None,
            text => Some(parse_number("Budget", text, 0.0)?),
        };
        let client_value = client.get_untracked().trim().to_string();
        Ok(Activity {
            title: title.get_untracked().trim().to_string(),
            client: client_value.clone(),
            kind: kind_value,
            scope: Scope::Book,
            commitment: if deal.is_some() {
                Commitment::Tentative
            } else {
                original.commitment
            },
            deal,
            contract,
            status: Status::ALL
                .into_iter()
                .find(|candidate| candidate.label() == status.get_untracked())
                .unwrap_or(original.status),
            start: parse_date("Start", &start.get_untracked())?,
            deadline: parse_date("End", &end.get_untracked())?,
            effort_hours: parse_number("Effort", &effort.get_untracked(), 0.0)?,
            billable: !client_value.is_empty() && kind_value != ActivityKind::Internal,
            billing: billing_value,
            budget_hours: budget_value,
            owner: lead.get_untracked().parse::<PersonId>().ok(),
            description: description.get_untracked(),
            ..original.clone()
        })
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let result = build().and_then(|activity| {
            state.edits.execute(if is_new {
                Command::AddActivity(activity)
            } else {
                Command::UpdateActivity(activity)
            })
        });
        match result {
            Ok(_) => {
                error.set(None);
                on_done.run(());
            }
            Err(message) => error.set(Some(message)),
        }
    };
    view! {
        <section class="panel form" aria-labelledby="engagement-form-title">
            <h3 id="engagement-form-title">{if is_new { "Add work" } else { "Edit details" }}</h3>
            <form on:submit=save novalidate>
                <div class="form__grid">
                    <Field label="Title" value=title required=true/>
                    <Field label="Client" value=client hint="Empty for internal work"/>
                    <Choice label="Kind" value=kind options=kinds/>
                    {(is_new || was_deal).then(|| view! {
                        <label class="field">
                            <span class="field__label">"Pipeline deal"</span>
                            <span><input type="checkbox" aria-label="Pipeline deal: not signed yet"
                                disabled=!is_new
                                prop:checked=move || pipeline.get()
                                on:change=move |event| pipeline.set(event_target_checked(&event))/>" not signed yet"</span>
                        </label>
                    })}
                    {move || if pipeline.get() {
                        view! {
                            <Choice label="Stage" value=stage options=stages.clone()/>
                            <Field label="Win probability (%)" value=probability kind="number"/>
                        }.into_any()
                    } else {
                        view! { <Choice label="Status" value=status options=statuses.clone()/> }.into_any()
                    }}
                    <Field label="Start" value=start kind="date"/>
                    <Field label="End" value=end kind="date" hint="A contract's term ends here"/>
                    <Field label="Effort (hours)" value=effort kind="number" hint="The hours of work it takes"/>
                    {move || is_contract().then(|| view! {
                        <Field label="Contract hours" value=contract_hours kind="number"/>
                        <Choice label="Per" value=period options=periods.clone()/>
                        <Field label="Renewal" value=renewal kind="date"/>
                    })}
                    <Choice label="Billing" value=billing options=billings.clone()/>
                    <Field label="Price" value=amount kind="number" hint="A rate an hour, or the fixed fee"/>
                    <Field label="Budget (hours)" value=budget kind="number"/>
                    <Choice label="Lead" value=lead options=Signal::derive(people)/>
                </div>
                <TextArea label="Description" value=description rows=2/>
                <p class="form__error" role="alert">{move || error.get()}</p>
                <div class="form__actions">
                    <button type="submit" class="button button--primary">{if is_new { "Add" } else { "Save" }}</button>
                    <button type="button" class="button" on:click=move |_| on_done.run(())>"Cancel"</button>
                </div>
            </form>
        </section>
    }
}
