//! "Can we take it?": the earliest week a new engagement fits and who
//! could staff it, added as a tentative scenario with one click.

use super::*;

/// The people "Can we take it?" lists.
const FITS_SHOWN: usize = 8;

/// "Can we take it?": a new engagement's skills, hours, length and earliest
/// start give the earliest week and who could staff it without overload,
/// and one click adds it as a tentative scenario.
#[component]
pub fn TakeIt(options: Memo<Options>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let name = RwSignal::new("New engagement".to_string());
    let hours = RwSignal::new("16".to_string());
    let weeks = RwSignal::new("6".to_string());
    let start = RwSignal::new(Week::containing(today).plus_weeks(1).to_string());
    // (skill id as text, level) rows.
    let needs = RwSignal::new(vec![(String::new(), "2".to_string())]);
    // Optional: the bill rate, for what each fit would earn.
    let rate = RwSignal::new(String::new());
    // The engagement, its billing, the answer, and per fit shown what it
    // would do to revenue and margin (none without a rate).
    let answer = RwSignal::new(None::<(Engagement, Billing, Answer, Vec<Option<String>>)>);
    let error = RwSignal::new(None::<String>);

    let check = move |_| {
        let engagement = (|| {
            let hours_per_week = hours
                .get_untracked()
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|hours| *hours > 0.0 && *hours <= 168.0)
                .ok_or("Hours a week: give a number from 1 to 168")?;
            let weeks = weeks
                .get_untracked()
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|weeks| (1..=52).contains(weeks))
                .ok_or("Weeks: give a whole number from 1 to 52")?;
            let earliest_start = start
                .get_untracked()
                .parse::<Week>()
                .map_err(|_| "Earliest start: pick a week")?;
            let needs = needs
                .get_untracked()
                .iter()
                .filter_map(|(skill, level)| {
                    Some(SkillRequirement {
                        skill: skill.parse().ok()?,
                        min_level: level.parse().ok()?,
                    })
                })
                .collect();
            let rate = rate.get_untracked();
            let billing = match rate.trim() {
                "" => Billing::NotBilled,
                text => Billing::Hourly {
                    rate: text
                        .parse::<f64>()
                        .ok()
                        .filter(|rate| rate.is_finite() && *rate >= 0.0)
                        .ok_or("Bill rate: give an amount per hour, or leave it empty")?,
                },
            };
            Ok::<(Engagement, Billing), &str>((
                Engagement {
                    name: name.get_untracked().trim().to_string(),
                    needs,
                    hours_per_week,
                    weeks,
                    earliest_start,
                },
                billing,
            ))
        })();
        match engagement {
            Ok((engagement, billing)) => {
                let options = options.get_untracked();
                let (found, effects) = state.edits.history.with_untracked(|history| {
                    let plan = history.plan();
                    let found = capacity::can_we_take_it(plan, &engagement, &options, today);
                    // What each fit shown would earn over the plan's weeks.
                    let effects = found
                        .fits
                        .iter()
                        .take(FITS_SHOWN)
                        .map(|fit| {
                            (billing != Billing::NotBilled && fit.first_week.is_some()).then(|| {
                                money::engagement_effect(
                                    plan,
                                    &engagement,
                                    fit,
                                    billing,
                                    plan.horizon,
                                    &options,
                                    today,
                                )
                                .summary(&plan.resources.currency)
                            })
                        })
                        .collect();
                    (found, effects)
                });
                state.edits.announce(found.summary.clone());
                error.set(None);
                answer.set(Some((engagement, billing, found, effects)));
            }
            Err(reason) => error.set(Some(reason.to_string())),
        }
    };
    // Adds the engagement as a scenario on `assignee` (a person, or an open
    // role: then the activity has no owner until the hire is named).
    let add = move |assignee: Assignee, first: Week| {
        let Some((engagement, billing, _, _)) = answer.get_untracked() else {
            return;
        };
        let last = first.plus_weeks(i64::from(engagement.weeks) - 1);
        let title = if engagement.name.is_empty() {
            "New engagement".to_string()
        } else {
            engagement.name.clone()
        };
        let (begin, end) = (first.monday(), last.day(Weekday::Fri));
        // An engagement the firm may take is book work (a project), not an
        // initiative of the ops plan: no midpoint check-in.
        let activity = Activity {
            scope: Scope::Book,
            owner: match assignee {
                Assignee::Person(person) => Some(person),
                _ => None,
            },
            start: Some(begin),
            deadline: Some(end),
            effort_hours: engagement.hours_per_week * f64::from(engagement.weeks),
            required_skills: engagement.needs.clone(),
            commitment: Commitment::Tentative,
            billable: billing != Billing::NotBilled,
            billing,
            ..Activity::new(ActivityId(0), &title)
        };
        let allocation = Allocation {
            id: AllocationId(0),
            assignee,
            activity: ActivityId(0),
            hours_per_week: engagement.hours_per_week,
            first_week: first,
            last_week: last,
            commitment: Commitment::Tentative,
            scenario: None,
        };
        match state.edits.execute(Command::AddScenario {
            name: title,
            activity: Some(activity),
            allocations: vec![allocation],
        }) {
            Ok(_) => {
                error.set(None);
                answer.set(None);
            }
            Err(reason) => error.set(Some(reason)),
        }
    };

    // The open plan's skill catalogue (it follows a plan opened meanwhile):
    // a memo, so the skill selects are drawn again when the catalogue
    // changes, not on every drop.
    let catalogue = Memo::new(move |_| {
        state.edits.history.with(|history| {
            history
                .plan()
                .skills
                .iter()
                .map(|skill| (skill.id.to_string(), skill.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let skill_rows = move || {
        let skills = catalogue.get();
        needs
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, (skill, level))| {
                let skills = skills.clone();
                view! {
                    <div class="takeit__need">
                        <label class="filter">
                            <span class="filter__label">{format!("Skill {}", index + 1)}</span>
                            <select aria-label=format!("Skill {}", index + 1)
                                on:change=move |event| {
                                    let value = event_target_value(&event);
                                    needs.update(|needs| needs[index].0 = value);
                                }>
                                <option value="" selected=skill.is_empty()>"(any)"</option>
                                {skills.into_iter().map(|(id, label)| {
                                    let selected = id == skill;
                                    view! { <option value=id selected=selected>{label}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                        <label class="filter">
                            <span class="filter__label">{format!("Level {}", index + 1)}</span>
                            <select aria-label=format!("Level of skill {}", index + 1)
                                on:change=move |event| {
                                    let value = event_target_value(&event);
                                    needs.update(|needs| needs[index].1 = value);
                                }>
                                {(1..=MAX_SKILL_LEVEL).map(|option| view! {
                                    <option value=option.to_string() selected=option.to_string() == level>{format!("at least {option}")}</option>
                                }).collect_view()}
                            </select>
                        </label>
                    </div>
                }
            })
            .collect_view()
    };

    let results = move || {
        answer.get().map(|(engagement, _, found, effects)| {
            let priced = effects.iter().any(Option::is_some);
            let rows = state.edits.history.with_untracked(|history| {
                let plan = history.plan();
                found
                    .fits
                    .iter()
                    .take(FITS_SHOWN)
                    .zip(effects.iter().cloned().chain(std::iter::repeat(None)))
                    .map(|(fit, effect)| {
                        let money = priced.then(|| view! { <td>{effect.unwrap_or_default()}</td> });
                        let (person, team) = match &fit.assignee {
                            Assignee::Person(id) => (
                                plan.person_name(*id),
                                plan.person(*id).map(|p| p.team.clone()).unwrap_or_default(),
                            ),
                            Assignee::Role(id) => (
                                format!("Open role {}", plan.role_title(*id)),
                                plan.role(*id).map(|role| role.team.clone()).unwrap_or_default(),
                            ),
                            Assignee::Placeholder { role, .. } => (role.clone(), String::new()),
                        };
                        let horizon = plan.horizon;
                        let weeks = i64::from(engagement.weeks.max(1));
                        let inside = move |first: Week| {
                            horizon.contains(first) && horizon.contains(first.plus_weeks(weeks - 1))
                        };
                        match fit.first_week {
                            Some(first) => {
                                let id = fit.assignee.clone();
                                let label = format!("Add {} with {person} from {first} as a tentative scenario", engagement.name);
                                view! {
                                    <tr>
                                        <th scope="row">{person}</th>
                                        <td>{first.to_string()}</td>
                                        <td>{format!("{} → {}", percent(fit.before), percent(fit.after))}</td>
                                        <td>{format!("{team}: {} → {}", percent(fit.team_before), percent(fit.team_after))}</td>
                                        {money}
                                        <td>{if inside(first) {
                                            view! { <button type="button" class="button button--small" aria-label=label
                                                on:click=move |_| add(id.clone(), first)>"Add as scenario"</button> }.into_any()
                                        } else {
                                            view! { <span class="view__hint">"after the horizon: extend it to add this"</span> }.into_any()
                                        }}</td>
                                    </tr>
                                }
                                .into_any()
                            }
                            None => view! {
                                <tr>
                                    <th scope="row">{person}</th>
                                    <td colspan=if priced { "5" } else { "4" }>"never free enough in the look-ahead"</td>
                                </tr>
                            }
                            .into_any(),
                        }
                    })
                    .collect_view()
            });
            view! {
                <p class="takeit__answer" role="status">{found.summary.clone()}</p>
                {(!found.fits.is_empty()).then(|| view! {
                    <div class="takeit__scroll"><table class="table takeit__fits">
                        <thead><tr>
                            <th scope="col">"Person"</th><th scope="col">"From"</th>
                            <th scope="col">"Their utilisation"</th><th scope="col">"Team utilisation"</th>
                            {priced.then(|| view! { <th scope="col">"Revenue and margin"</th> })}
                            <th scope="col"><span class="visually-hidden">"Action"</span></th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table></div>
                })}
            }
        })
    };

    view! {
        <section class="panel takeit" aria-labelledby="takeit-title">
            <h3 id="takeit-title">"Can we take it?"</h3>
            <p class="view__hint">"Describe the engagement: the earliest week someone with the skills has the hours free for every week of it, without overload."</p>
            <form class="takeit__form" novalidate=true on:submit=move |event| { event.prevent_default(); check(()); }>
                <label class="filter takeit__name">
                    <span class="filter__label">"Engagement"</span>
                    <input aria-label="Engagement" prop:value=move || name.get() on:input=move |event| name.set(event_target_value(&event))/>
                </label>
                {skill_rows}
                <button type="button" class="button button--small"
                    on:click=move |_| needs.update(|needs| needs.push((String::new(), "2".to_string())))>"Add a skill"</button>
                <label class="filter">
                    <span class="filter__label">"Hours a week"</span>
                    <input type="number" min="1" max="168" aria-label="Hours a week" prop:value=move || hours.get() on:input=move |event| hours.set(event_target_value(&event))/>
                </label>
                <label class="filter">
                    <span class="filter__label">"Weeks"</span>
                    <input type="number" min="1" max="52" aria-label="Weeks" prop:value=move || weeks.get() on:input=move |event| weeks.set(event_target_value(&event))/>
                </label>
                <label class="filter">
                    <span class="filter__label">{move || state.edits.history.with(|history| {
                        let currency = history.plan().resources.currency.trim().to_string();
                        if currency.is_empty() { "Bill rate an hour".to_string() } else { format!("Bill rate an hour ({currency})") }
                    })}</span>
                    <input type="number" min="0" step="any" aria-label="Bill rate an hour" placeholder="optional"
                        prop:value=move || rate.get() on:input=move |event| rate.set(event_target_value(&event))/>
                </label>
                <WeekPicker label="Earliest start" value=Signal::derive(move || Week::of_date_or_week(&start.get()))
                    on_change=Callback::new(move |week: Option<Week>| start.set(week.map(|week| week.to_string()).unwrap_or_default()))/>
                <button type="submit" class="button button--primary">"Check"</button>
            </form>
            {move || error.get().map(|text| view! { <p class="form__error" role="alert">{text}</p> })}
            {results}
        </section>
    }
}
