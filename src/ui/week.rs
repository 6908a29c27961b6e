//! This week: who is over their hours, per owner the top initiatives by
//! priority, what is blocked and on what, the midpoint check-ins due, the
//! decisions waiting on someone and the risks. "My week" shows one person:
//! every piece of work they are booked on this week with its hours, their
//! load as the Capacity view counts it, and their part of the rest.

use leptos::prelude::*;

use super::markup::{attr_into, escape_into};
use super::state::{work_hash, AppState, PlanFocus, Route};
use crate::engine::capacity::{Band, Capacity};
use crate::engine::risks::{Risk, RiskKind, Severity};
use crate::engine::week::person_week;
use crate::engine::{checkin, priority};
use crate::model::count_figure;
use crate::model::{medium_date, ActivityId, NaiveDate, PersonId, Plan, Status, Week};

/// How many of each owner's initiatives show.
const TOP: usize = 3;
/// How many owners' panels show: the ones whose work ranks first (a
/// person's own week is under "My week").
const OWNERS_SHOWN: usize = 24;

#[component]
pub fn WeekView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let person = RwSignal::new(String::new());
    let week = Week::containing(today);

    view! {
        <section class="week" aria-labelledby="week-title">
            <div class="view__heading">
                <h2 id="week-title">{format!("This week · {week} ({} to {})", medium_date(week.monday()), medium_date(week.day(chrono::Weekday::Sun)))}</h2>
                <label class="filter">
                    <span class="filter__label">"Show"</span>
                    {move || {
                        let current = person.get_untracked();
                        let options = state.edits.history.with(|history| {
                            history.plan().people.iter().map(|p| (p.id.to_string(), p.name.clone())).collect::<Vec<_>>()
                        });
                        view! {
                            <select aria-label="Show the week of" on:change=move |event| person.set(event_target_value(&event))>
                                <option value="" selected=current.is_empty()>"Everyone"</option>
                                {options.into_iter().map(|(id, name)| {
                                    let selected = id == current;
                                    view! { <option value=id selected=selected>{format!("My week: {name}")}</option> }
                                }).collect_view()}
                            </select>
                        }
                    }}
                </label>
            </div>
            <div inner_html=move || {
                let only = person.get().parse::<PersonId>().ok();
                state.figures.load.with(|load| {
                    state.figures.risks.with(|found| {
                        state.edits.history.with(|history| {
                            state.figures.ranking.with(|ranking| {
                                week_html(history.plan(), load, found, ranking, today, only)
                            })
                        })
                    })
                })
            }></div>
            <RisksPanel only=Signal::derive(move || person.get().parse::<PersonId>().ok())/>
        </section>
    }
}

/// The badge for the risks of one activity.
pub fn risk_badges(found: &[Risk], activity: ActivityId) -> impl IntoView {
    super::board::risk_badge(super::board::risk_label(found, activity))
}

/// The week of everyone, or of `only`: their booked work (or who is over
/// their hours), meetings, each owner's top initiatives, what is blocked
/// and the check-ins due, open decisions and the risks.
fn week_html(
    plan: &Plan,
    load: &Capacity,
    found: &[Risk],
    ranking: &priority::Ranking,
    today: NaiveDate,
    only: Option<PersonId>,
) -> String {
    let week = Week::containing(today);
    let due = checkin::midpoints_this_week(plan, today);
    let mut owners: Vec<Option<PersonId>> = Vec::new();
    for entry in &ranking.entries {
        let owner = plan
            .activity(entry.activity)
            .and_then(|activity| activity.owner);
        if !owners.contains(&owner) && only.is_none_or(|only| owner == Some(only)) {
            owners.push(owner);
            if owners.len() == OWNERS_SHOWN {
                break;
            }
        }
    }
    let mut out = String::new();
    match only {
        Some(person) => booked_html(&mut out, plan, load, person, week),
        None => over_html(&mut out, plan, load, week),
    }
    // The plan's cadences (ops sync, service review, ...) on the days of
    // this week, with their owner.
    let meetings: Vec<String> = plan
        .meetings_between(week.monday(), week.day(chrono::Weekday::Sun))
        .into_iter()
        .filter(|(_, cadence)| only.is_none_or(|only| cadence.owner == Some(only)))
        .map(|(date, cadence)| {
            let owner = cadence.owner.map(|owner| plan.person_name(owner));
            format!(
                "{}: {}",
                medium_date(date),
                cadence.describe(owner.as_deref())
            )
        })
        .collect();
    out.push_str(r#"<section class="panel" aria-labelledby="meetings-title"><h3 id="meetings-title">Meetings this week</h3>"#);
    list_html(&mut out, &meetings, "No planned meetings this week.");
    out.push_str(r#"</section><div class="week__grid">"#);
    for owner in owners {
        let name = owner.map_or_else(|| "No owner".to_string(), |owner| plan.person_name(owner));
        let mine: Vec<_> = ranking
            .entries
            .iter()
            .filter(|entry| {
                plan.activity(entry.activity)
                    .is_some_and(|a| a.owner == owner)
            })
            .collect();
        out.push_str(r#"<section class="panel week__owner""#);
        attr_into(&mut out, "aria-label", &format!("The week of {name}"));
        out.push_str("><h3>");
        escape_into(&mut out, &name);
        out.push_str(r#"</h3><ul class="week__top">"#);
        for entry in mine.iter().take(TOP) {
            let title = plan
                .activity(entry.activity)
                .map(|a| a.title.as_str())
                .unwrap_or_default();
            out.push_str("<li><a");
            attr_into(
                &mut out,
                "href",
                &PlanFocus::Activity(entry.activity).hash(),
            );
            out.push('>');
            escape_into(&mut out, &format!("#{} {title}", entry.position));
            out.push_str("</a>");
            risk_badge_html(&mut out, found, entry.activity);
            out.push_str(r#"<span class="priority__why">"#);
            escape_into(&mut out, &entry.explanation);
            out.push_str("</span></li>");
        }
        out.push_str("</ul>");
        let blocked: Vec<String> = mine
            .iter()
            .filter_map(|entry| {
                let activity = plan.activity(entry.activity)?;
                let waiting: Vec<String> = entry
                    .waiting_on
                    .iter()
                    .map(|id| format!("'{}'", plan.activity_title(*id)))
                    .collect();
                match (activity.status == Status::Blocked, waiting.is_empty()) {
                    (false, true) => None,
                    (true, true) => Some(format!("{} is blocked", activity.title)),
                    (_, false) => Some(format!(
                        "{} waits on {}",
                        activity.title,
                        waiting.join(", ")
                    )),
                }
            })
            .collect();
        let checkins: Vec<String> = due
            .iter()
            .filter_map(|id| plan.activity(*id))
            .filter(|activity| activity.owner == owner)
            .map(|activity| {
                format!(
                    "{}: midpoint check-in {}",
                    activity.title,
                    activity.checkin.map(medium_date).unwrap_or_default()
                )
            })
            .collect();
        for (heading, lines) in [("Blocked", blocked), ("Check-ins due", checkins)] {
            if !lines.is_empty() {
                out.push_str(&format!("<h4>{heading}</h4>"));
                list_html(&mut out, &lines, "");
            }
        }
        out.push_str("</section>");
    }
    out.push_str(r#"</div><section class="panel" aria-labelledby="decisions-title"><h3 id="decisions-title">Decisions waiting</h3>"#);
    let decisions: Vec<_> = plan
        .checkins
        .iter()
        .flat_map(|checkin| checkin.decisions.iter())
        .filter(|decision| decision.decided_on.is_none())
        .filter(|decision| only.is_none_or(|only| decision.owner == Some(only)))
        .collect();
    if decisions.is_empty() {
        out.push_str(r#"<p class="empty">No open decisions.</p>"#);
    } else {
        out.push_str(r#"<ul class="week__list">"#);
        for decision in decisions {
            let owner = decision
                .owner
                .map_or_else(|| "nobody yet".to_string(), |owner| plan.person_name(owner));
            let due = decision.due.map_or_else(
                || "no due date".to_string(),
                |due| {
                    if due < today {
                        format!("overdue since {}", medium_date(due))
                    } else {
                        format!("due {}", medium_date(due))
                    }
                },
            );
            out.push_str("<li><strong>");
            escape_into(&mut out, &decision.text);
            out.push_str("</strong>");
            escape_into(&mut out, &format!(" · {owner} · {due}"));
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>");
    out
}

/// "My week": every piece of work `person` is booked on in `week`, with its
/// hours, under their load as the Capacity view shows it.
fn booked_html(out: &mut String, plan: &Plan, load: &Capacity, person: PersonId, week: Week) {
    let mine = person_week(plan, load, person, week);
    let tentative = load.counts_tentative();
    let name = plan.person_name(person);
    out.push_str(r#"<section class="panel week__booked" aria-labelledby="booked-title"><h3 id="booked-title">"#);
    escape_into(out, &format!("Booked this week: {name}"));
    out.push_str("</h3>");
    if let Some(cell) = mine.cell {
        let over = cell.band(tentative) == Band::Over;
        out.push_str(if over {
            r#"<p class="week__load week__load--over">"#
        } else {
            r#"<p class="week__load">"#
        });
        escape_into(out, &cell.details(tentative));
        out.push_str("</p>");
    }
    if mine.bookings.is_empty() {
        out.push_str(r#"<p class="empty">Nothing booked this week.</p>"#);
    } else {
        out.push_str(r#"<ul class="week__list">"#);
        for booking in &mine.bookings {
            let Some(activity) = plan.activity(booking.activity) else {
                continue;
            };
            out.push_str("<li><a");
            attr_into(out, "href", &work_hash(plan, activity.id));
            out.push('>');
            escape_into(out, &activity.title);
            out.push_str("</a>");
            let mut meta = vec![format!(
                "{} h",
                crate::engine::skills::hours_text(booking.hours)
            )];
            if !activity.client.trim().is_empty() {
                meta.push(activity.client.trim().to_string());
            }
            meta.push(if activity.is_initiative() {
                "initiative".to_string()
            } else {
                activity.kind.label().to_ascii_lowercase()
            });
            if booking.tentative {
                meta.push("tentative".to_string());
            }
            out.push_str(r#" <span class="priority__why">"#);
            escape_into(out, &meta.join(" · "));
            out.push_str("</span></li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>");
}

/// How many weeks from this one the "Over their hours" panel looks at.
const OVER_WEEKS: usize = 4;

/// Who is over their hours this week or in the next three, each with
/// their weeks over as the Capacity view shows them, most over first.
fn over_html(out: &mut String, plan: &Plan, load: &Capacity, week: Week) {
    let tentative = load.counts_tentative();
    let columns: Vec<usize> = (0..OVER_WEEKS as i64)
        .filter_map(|ahead| load.column(week.plus_weeks(ahead)))
        .collect();
    let mut over: Vec<(f64, PersonId, Vec<String>)> = load
        .rows
        .iter()
        .filter_map(|row| {
            let weeks: Vec<(usize, f64)> = columns
                .iter()
                .map(|column| (*column, row.cells[*column].over(tentative)))
                .filter(|(column, _)| row.cells[*column].band(tentative) == Band::Over)
                .collect();
            if weeks.is_empty() {
                return None;
            }
            let most = weeks.iter().map(|(_, hours)| *hours).fold(0.0, f64::max);
            let texts = weeks
                .iter()
                .map(|(column, _)| {
                    format!(
                        "{}: {}",
                        load.week(*column),
                        row.cells[*column].headline(tentative)
                    )
                })
                .collect();
            Some((most, row.person, texts))
        })
        .collect();
    over.sort_by(|left, right| right.0.total_cmp(&left.0));
    out.push_str(r#"<section class="panel" aria-labelledby="over-title"><h3 id="over-title">Over their hours, this week and the next three</h3>"#);
    if over.is_empty() {
        out.push_str(
            r#"<p class="empty">Nobody is booked over their hours in these four weeks.</p>"#,
        );
    } else {
        out.push_str(r#"<ul class="week__list">"#);
        for (_, person, weeks) in over {
            out.push_str("<li><strong>");
            escape_into(out, &plan.person_name(person));
            out.push_str("</strong> ");
            escape_into(out, &weeks.join(" · "));
            out.push_str(" · <a");
            attr_into(out, "href", Route::Capacity.hash());
            out.push_str(">Capacity</a></li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>");
}

/// `<ul class="week__list">` of `lines`, or `empty` as a paragraph when
/// there are none.
fn list_html(out: &mut String, lines: &[String], empty: &str) {
    if lines.is_empty() {
        out.push_str(r#"<p class="empty">"#);
        out.push_str(empty);
        out.push_str("</p>");
        return;
    }
    out.push_str(r#"<ul class="week__list">"#);
    for line in lines {
        out.push_str("<li>");
        escape_into(out, line);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// The risk badge of an activity (see `board::risk_badge_html`).
fn risk_badge_html(out: &mut String, found: &[Risk], activity: ActivityId) {
    super::board::risk_badge_html(out, super::board::risk_label(found, activity));
}

/// The Risks panel: the plan's risks (or those about `only`), most severe
/// first, the first few listed with the count of each kind when there are
/// more, and "Show more". A plan at its limits can have tens of thousands:
/// drawing them all would take seconds.
#[component]
pub fn RisksPanel(#[prop(into)] only: Signal<Option<PersonId>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // How many are listed, for whose risks: another person's week starts
    // from the first page again.
    let shown = RwSignal::new((only.get_untracked(), RISKS_SHOWN));
    let limit = move || {
        let (whose, limit) = shown.get();
        if whose == only.get() {
            limit
        } else {
            RISKS_SHOWN
        }
    };
    let count = Memo::new(move |_| {
        let only = only.get();
        state
            .figures
            .risks
            .with(|found| found.iter().filter(|risk| about(risk, only)).count())
    });
    let list = move || {
        let (only, limit) = (only.get(), limit());
        state.figures.risks.with(|found| {
            state.edits.history.with(|history| {
                let mine: Vec<&Risk> = found.iter().filter(|risk| about(risk, only)).collect();
                let mut out = String::new();
                risks_html(&mut out, history.plan(), &mine, limit);
                out
            })
        })
    };
    let more = move || {
        let listed = limit();
        let left = count.get().saturating_sub(listed);
        (left > 0).then(|| {
            let step = left.min(RISKS_SHOWN);
            view! {
                <button class="button button--small" on:click=move |_| shown.set((only.get_untracked(), listed + RISKS_SHOWN))>
                    {format!("Show {step} more")}
                </button>
            }
        })
    };
    view! {
        <section class="panel risks" aria-labelledby="risks-title">
            <div inner_html=list></div>
            {more}
        </section>
    }
}

/// How many risks a Risks panel lists before "Show more".
const RISKS_SHOWN: usize = 25;

/// Whether `risk` shows when the week of `only` is shown.
fn about(risk: &Risk, only: Option<PersonId>) -> bool {
    only.is_none_or(|only| risk.person == Some(only))
}

/// The heading and the first `limit` of `risks`, with the count of each
/// kind when some are left out.
fn risks_html(out: &mut String, plan: &Plan, risks: &[&Risk], limit: usize) {
    out.push_str(&format!(
        r#"<h3 id="risks-title">Risks ({})</h3>"#,
        count_figure(risks.len())
    ));
    if risks.is_empty() {
        out.push_str(r#"<p class="empty">No risks found.</p>"#);
        return;
    }
    if risks.len() > limit {
        let mut kinds: Vec<(RiskKind, usize)> = Vec::new();
        for risk in risks {
            match kinds.iter_mut().find(|(kind, _)| *kind == risk.kind) {
                Some((_, count)) => *count += 1,
                None => kinds.push((risk.kind, 1)),
            }
        }
        let counts: Vec<String> = kinds
            .iter()
            .map(|(kind, count)| {
                format!("{} {}", count_figure(*count), kind.label().to_lowercase())
            })
            .collect();
        out.push_str(r#"<p class="risks__counts">"#);
        escape_into(
            out,
            &format!(
                "The {} most severe of {}: {}.",
                limit,
                count_figure(risks.len()),
                counts.join(", ")
            ),
        );
        out.push_str("</p>");
    }
    out.push_str(r#"<ul class="risks__list">"#);
    for risk in risks.iter().take(limit) {
        out.push_str(if risk.severity == Severity::High {
            r#"<li class="risk risk--high"><span class="risk__kind">"#
        } else {
            r#"<li class="risk"><span class="risk__kind">"#
        });
        out.push_str(risk.kind.label());
        out.push_str(r#"</span><a class="risk__activity""#);
        // A person's load is about them, seen on the Capacity view.
        let (href, subject) = match (risk.kind, risk.activity, risk.person) {
            (RiskKind::Overloaded, _, Some(person)) | (_, None, Some(person)) => {
                (Route::Capacity.hash().to_string(), plan.person_name(person))
            }
            (_, Some(activity), _) => (work_hash(plan, activity), plan.activity_title(activity)),
            (_, None, None) => (Route::Capacity.hash().to_string(), String::new()),
        };
        attr_into(out, "href", &href);
        out.push('>');
        escape_into(out, &subject);
        out.push_str(r#"</a><span class="risk__evidence">"#);
        escape_into(out, &risk.evidence);
        out.push_str(r#"</span><span class="risk__next">"#);
        escape_into(out, &format!("Next: {}", risk.next_step));
        out.push_str("</span></li>");
    }
    out.push_str("</ul>");
}
