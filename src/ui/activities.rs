//! The activities of the plan: the table (sortable, filterable, with the
//! computed priority) and the form that edits every field of an activity.

use leptos::prelude::*;

use super::board::{risk_badge_html, risk_label_indexed};
use super::forms::{
    date_text, distinct_texts, number_text, parse_date, parse_number, Choice, Field, TextArea,
};
use super::markup::{attr_into, closest, escape_into};
use super::state::{AppState, PlanFocus};
use crate::browser;
use crate::command::Command;
use crate::engine::health::{propose_midpoint, MULTI_WEEK_DAYS};
use crate::engine::priority::Ranking;
use crate::engine::{risks, skills};
use crate::model::{
    level_name, sort_by_number, Activity, ActivityId, ActivityKind, ChecklistItem, Commitment,
    DoneDefinition, PersonId, SkillId, SkillRequirement, Status, MAX_SKILL_LEVEL,
};

/// Which activity the form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editing {
    New,
    Existing(ActivityId),
}

/// A column the table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortKey {
    Priority,
    Title,
    Owner,
    Start,
    Deadline,
    Status,
    Impact,
    Client,
    Kind,
}

/// What a row of the activities table shows.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RowData {
    id: ActivityId,
    title: String,
    owner: Option<String>,
    owner_id: Option<PersonId>,
    start: String,
    deadline: String,
    status: Status,
    impact: u8,
    client: String,
    kind: ActivityKind,
    priority: Option<usize>,
    risks: Option<(String, bool)>,
}

/// The filters of the table; empty means "all".
#[derive(Clone, Copy)]
struct Filters {
    priority: RwSignal<String>,
    owner: RwSignal<String>,
    status: RwSignal<String>,
    client: RwSignal<String>,
    kind: RwSignal<String>,
}

impl Filters {
    fn keep(&self, row: &RowData) -> bool {
        let owner = self.owner.get();
        let status = self.status.get();
        let client = self.client.get();
        let kind = self.kind.get();
        let top = self.priority.get().parse::<usize>().ok();
        top.is_none_or(|top| row.priority.is_some_and(|position| position <= top))
            && (owner.is_empty()
                || row
                    .owner_id
                    .map_or(owner == "none", |id| id.to_string() == owner))
            && (status.is_empty() || row.status.label() == status)
            && (client.is_empty()
                || (client == "internal" && row.client.is_empty())
                || row.client == client)
            && (kind.is_empty() || row.kind.label() == kind)
    }
}

fn compare(a: &RowData, b: &RowData, key: SortKey) -> std::cmp::Ordering {
    // Empty values sort last whichever way the column is sorted first.
    let by = match key {
        SortKey::Priority => a
            .priority
            .unwrap_or(usize::MAX)
            .cmp(&b.priority.unwrap_or(usize::MAX)),
        // ASCII lowercasing is enough to sort titles, and unlike
        // `to_lowercase` it brings no Unicode tables into the bundle.
        SortKey::Title => a
            .title
            .to_ascii_lowercase()
            .cmp(&b.title.to_ascii_lowercase()),
        SortKey::Owner => (a.owner.is_none(), &a.owner).cmp(&(b.owner.is_none(), &b.owner)),
        SortKey::Start => (a.start.is_empty(), &a.start).cmp(&(b.start.is_empty(), &b.start)),
        SortKey::Deadline => {
            (a.deadline.is_empty(), &a.deadline).cmp(&(b.deadline.is_empty(), &b.deadline))
        }
        SortKey::Status => a.status.cmp(&b.status),
        SortKey::Impact => b.impact.cmp(&a.impact),
        SortKey::Client => (a.client.is_empty(), &a.client).cmp(&(b.client.is_empty(), &b.client)),
        SortKey::Kind => a.kind.label().cmp(b.kind.label()),
    };
    by.then(a.id.cmp(&b.id))
}

/// How many rows the initiatives table shows before "Show more".
const ROWS_SHOWN: usize = 100;

/// The ops plan's initiatives with owner, dates, status and priority;
/// sortable by every column and filterable by owner, status, client and
/// kind; the first [`ROWS_SHOWN`] at a time.
#[component]
pub fn ActivitiesTable(
    /// The computed priorities, shared with the priority panel.
    ranking: Memo<Ranking>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let sort = RwSignal::new((SortKey::Priority, false));
    let filters = Filters {
        priority: RwSignal::new(String::new()),
        owner: RwSignal::new(String::new()),
        status: RwSignal::new(String::new()),
        client: RwSignal::new(String::new()),
        kind: RwSignal::new(String::new()),
    };
    // The risks by the work they are about, so a row finds its own by
    // halves instead of reading them all.
    let found = state.figures.risks;
    let risk_index = Memo::new(move |_| found.with(|found| risks::by_work(found)));
    let shown = RwSignal::new(ROWS_SHOWN);
    let all_rows = move || {
        // Ranked positions by activity id, found by halves too.
        let mut positions: Vec<(u32, usize)> = ranking.with(|ranking| {
            ranking
                .entries
                .iter()
                .map(|entry| (entry.activity.0, entry.position))
                .collect()
        });
        sort_by_number(&mut positions, |(id, _)| u64::from(*id));
        risk_index.with(|index| {
            found.with(|found| {
                state.edits.history.with(|history| {
                    let plan = history.plan();
                    plan.initiatives()
                        .map(|activity| RowData {
                            id: activity.id,
                            title: activity.title.clone(),
                            owner: activity.owner.map(|owner| plan.person_name(owner)),
                            owner_id: activity.owner,
                            start: date_text(activity.start),
                            deadline: date_text(activity.deadline),
                            status: activity.status,
                            impact: activity.impact,
                            client: activity.client.clone(),
                            kind: activity.kind,
                            priority: positions
                                .binary_search_by_key(&activity.id.0, |(id, _)| *id)
                                .ok()
                                .map(|at| positions[at].1),
                            risks: risk_label_indexed(found, index, activity.id),
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    };
    let rows = move || {
        let (key, descending) = sort.get();
        let mut rows: Vec<RowData> = all_rows()
            .into_iter()
            .filter(|row| filters.keep(row))
            .collect();
        rows.sort_unstable_by(|a, b| {
            let order = compare(a, b, key);
            if descending {
                order.reverse()
            } else {
                order
            }
        });
        rows
    };
    // The table's markup, worked out once per change for the table and
    // for the line under it (no markup: no row shown), with how many rows
    // match: a long list shows its first rows, not thousands.
    let table = Memo::new(move |_| {
        let mut markup = String::new();
        let rows = rows();
        for row in rows.iter().take(shown.get()) {
            row_html(&mut markup, row);
        }
        (markup, rows.len())
    });
    let filter_options = move || {
        state.edits.history.with(|history| {
            let plan = history.plan();
            let mut owners: Vec<(String, String)> = vec![
                (String::new(), "All owners".to_string()),
                ("none".to_string(), "No owner".to_string()),
            ];
            owners.extend(
                plan.people
                    .iter()
                    .map(|person| (person.id.to_string(), person.name.clone())),
            );
            let clients = distinct_texts(
                plan.activities
                    .iter()
                    .map(|activity| activity.client.as_str()),
            );
            let mut client_options = vec![
                (String::new(), "All clients".to_string()),
                ("internal".to_string(), "Internal".to_string()),
            ];
            client_options.extend(clients.into_iter().map(|client| (client.clone(), client)));
            (owners, client_options)
        })
    };
    let header = move |label: &'static str, key: SortKey| {
        let aria = move || match sort.get() {
            (current, false) if current == key => "ascending",
            (current, true) if current == key => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button class="sort" on:click=move |_| sort.update(|(current, descending)| {
                    if *current == key {
                        *descending = !*descending;
                    } else {
                        *current = key;
                        *descending = false;
                    }
                })>
                    {label}
                    <span class="sort__arrow" aria-hidden="true">{move || match aria() {
                        "ascending" => "▲",
                        "descending" => "▼",
                        _ => "",
                    }}</span>
                </button>
            </th>
        }
    };
    let on_delete = move |event: web_sys::MouseEvent| {
        let Some(button) = closest(event.target(), "button[data-delete]") else {
            return;
        };
        if let Some(id) = button
            .get_attribute("data-delete")
            .and_then(|id| id.parse::<ActivityId>().ok())
        {
            let _ = state.edits.execute(Command::DeleteActivity(id));
        }
    };
    view! {
        <section class="panel" aria-labelledby="activities-title" id="activities">
            <div class="panel__heading">
                <h2 id="activities-title">"Initiatives"</h2>
                <a class="button button--primary" href=PlanFocus::NewActivity.hash()>"Add initiative"</a>
            </div>
            <p class="panel__hint">"The ops plan's work toward its goal. Client projects, contracts, deals and internal work are on the "<a href="#/work">"Work"</a>" view."</p>
            {move || {
                let (owners, clients) = filter_options();
                let statuses = std::iter::once((String::new(), "All statuses".to_string()))
                    .chain(Status::ALL.iter().map(|status| (status.label().to_string(), status.label().to_string())))
                    .collect::<Vec<_>>();
                let kinds = std::iter::once((String::new(), "All kinds".to_string()))
                    .chain(ActivityKind::ALL.iter().map(|kind| (kind.label().to_string(), kind.label().to_string())))
                    .collect::<Vec<_>>();
                view! {
                    <div class="filters" role="group" aria-label="Filter initiatives">
                        <Choice filter=true label="Priority" value=filters.priority options=vec![
                            (String::new(), "All priorities".to_string()),
                            ("3".to_string(), "Top 3".to_string()),
                            ("5".to_string(), "Top 5".to_string()),
                            ("10".to_string(), "Top 10".to_string()),
                        ]/>
                        <Choice filter=true label="Owner" value=filters.owner options=owners/>
                        <Choice filter=true label="Status" value=filters.status options=statuses/>
                        <Choice filter=true label="Client" value=filters.client options=clients/>
                        <Choice filter=true label="Kind" value=filters.kind options=kinds/>
                    </div>
                }
            }}
            <table class="table activities">
                <thead>
                    <tr>
                        {header("Priority", SortKey::Priority)}
                        {header("Initiative", SortKey::Title)}
                        {header("Owner", SortKey::Owner)}
                        {header("Start", SortKey::Start)}
                        {header("Deadline", SortKey::Deadline)}
                        {header("Status", SortKey::Status)}
                        {header("Impact", SortKey::Impact)}
                        {header("Client", SortKey::Client)}
                        {header("Kind", SortKey::Kind)}
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody on:click=on_delete inner_html=move || table.with(|(markup, _)| markup.clone())></tbody>
            </table>
            {move || {
                let (none_shown, matching) = table.with(|(markup, matching)| (markup.is_empty(), *matching));
                let total = state.edits.history.with(|history| history.plan().initiatives().count());
                let limit = shown.get();
                match (none_shown, total) {
                    (_, 0) => Some(view! { <p class="empty">"No initiatives yet. A good plan has 3 to 8: add the first one."</p> }.into_any()),
                    (true, _) => Some(view! { <p class="empty">"No initiative matches these filters."</p> }.into_any()),
                    _ if matching > limit => Some(view! {
                        <p class="table__more">
                            {format!("Showing {limit} of {matching}. ")}
                            <button class="button button--small" on:click=move |_| shown.update(|shown| *shown += ROWS_SHOWN)>
                                {format!("Show {} more", ROWS_SHOWN.min(matching - limit))}
                            </button>
                        </p>
                    }.into_any()),
                    _ => None,
                }
            }}
        </section>
    }
}

/// A row of the activities table (markup: the rows are drawn again on a
/// change, and one handler serves their Delete buttons).
fn row_html(out: &mut String, row: &RowData) {
    let id = row.id;
    out.push_str(&format!(
        r#"<tr data-activity="{id}"><td class="activities__priority">{}</td><th scope="row" class="activities__title">"#,
        row.priority
            .map_or_else(|| "–".to_string(), |position| position.to_string())
    ));
    escape_into(out, &row.title);
    out.push_str(r#"</th><td class="activities__owner">"#);
    match &row.owner {
        Some(name) => {
            out.push_str("<span>");
            escape_into(out, name);
            out.push_str("</span>");
        }
        None => out.push_str(r#"<span class="flag">No owner</span>"#),
    }
    out.push_str("</td><td>");
    escape_into(out, &row.start);
    out.push_str("</td><td>");
    escape_into(out, &row.deadline);
    out.push_str(&format!(
        r#"</td><td><span class="status status--{}">{}</span>"#,
        status_class(row.status),
        row.status.label()
    ));
    risk_badge_html(out, row.risks.clone());
    out.push_str(&format!("</td><td>{}</td><td>", row.impact));
    escape_into(out, &row.client);
    out.push_str(&format!(
        r#"</td><td>{}</td><td class="table__actions"><a class="button button--small" href="{}""#,
        row.kind.label(),
        PlanFocus::Activity(id).hash()
    ));
    attr_into(out, "aria-label", &format!("Edit {}", row.title));
    out.push_str(&format!(
        r#">Edit</a><button type="button" class="button button--small button--danger" data-delete="{id}""#
    ));
    attr_into(out, "aria-label", &format!("Delete {}", row.title));
    out.push_str(">Delete</button></td></tr>");
}

/// The CSS modifier of a status.
pub fn status_class(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "notstarted",
        Status::InProgress => "inprogress",
        Status::Blocked => "blocked",
        Status::Done => "done",
    }
}

#[derive(Clone, Copy)]
struct ChecklistRow {
    key: u32,
    text: RwSignal<String>,
    done: RwSignal<bool>,
    done_on: Option<chrono::NaiveDate>,
}

/// A required-skill row being edited.
#[derive(Clone, Copy)]
struct SkillRow {
    key: u32,
    skill: RwSignal<String>,
    level: RwSignal<String>,
}

/// The form for a new or an existing activity: every field of the model.
#[component]
pub fn ActivityForm(
    /// The activity edited.
    which: Editing,
    /// Whether the owner suggestions start open.
    suggest: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let original: Activity = state
        .edits
        .history
        .with_untracked(|history| match which {
            Editing::Existing(id) => history.plan().activity(id).cloned(),
            Editing::New => None,
        })
        .unwrap_or_else(|| Activity {
            start: Some(today),
            ..Activity::new(ActivityId(0), "")
        });

    let title = RwSignal::new(original.title.clone());
    let description = RwSignal::new(original.description.clone());
    let owner = RwSignal::new(original.owner.map(|id| id.to_string()).unwrap_or_default());
    let start = RwSignal::new(date_text(original.start));
    let deadline = RwSignal::new(date_text(original.deadline));
    let checkin = RwSignal::new(date_text(original.checkin));
    let status = RwSignal::new(original.status.label().to_string());
    let impact = RwSignal::new(original.impact.to_string());
    let effort = RwSignal::new(number_text(original.effort_hours));
    let kind = RwSignal::new(original.kind.label().to_string());
    let client = RwSignal::new(original.client.clone());
    let commitment = RwSignal::new(original.commitment.label().to_string());
    let done_text = RwSignal::new(original.done_definition.text.clone());
    let certifications = RwSignal::new(original.required_certifications.join(", "));
    let depends_on = RwSignal::new(original.depends_on.clone());
    let next_key = StoredValue::new(0u32);
    let new_key = move || {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        key
    };
    let checklist = RwSignal::new(
        original
            .done_definition
            .checklist
            .iter()
            .map(|item| ChecklistRow {
                key: new_key(),
                text: RwSignal::new(item.text.clone()),
                done: RwSignal::new(item.done),
                done_on: item.done_on,
            })
            .collect::<Vec<_>>(),
    );
    let skills = RwSignal::new(
        original
            .required_skills
            .iter()
            .map(|requirement| SkillRow {
                key: new_key(),
                skill: RwSignal::new(requirement.skill.to_string()),
                level: RwSignal::new(requirement.min_level.to_string()),
            })
            .collect::<Vec<_>>(),
    );
    let error = RwSignal::new(None::<String>);

    let people_options = {
        state.edits.history.with_untracked(|history| {
            std::iter::once((String::new(), "No owner".to_string()))
                .chain(history.plan().people.iter().map(|person| {
                    (
                        person.id.to_string(),
                        format!("{} ({})", person.name, person.role),
                    )
                }))
                .collect::<Vec<_>>()
        })
    };
    let status_options = {
        Status::ALL
            .iter()
            .map(|status| (status.label().to_string(), status.label().to_string()))
            .collect::<Vec<_>>()
    };
    let kind_options = {
        ActivityKind::ALL
            .iter()
            .map(|kind| (kind.label().to_string(), kind.label().to_string()))
            .collect::<Vec<_>>()
    };
    let commitment_options = {
        [Commitment::Confirmed, Commitment::Tentative]
            .iter()
            .map(|commitment| {
                (
                    commitment.label().to_string(),
                    commitment.label().to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    let impact_options = {
        (1..=5)
            .map(|level| (level.to_string(), format!("{level} of 5")))
            .collect::<Vec<_>>()
    };
    let other_activities = move || {
        state.edits.history.with(|history| {
            history
                .plan()
                .activities
                .iter()
                .filter(|activity| Editing::Existing(activity.id) != which)
                .map(|activity| (activity.id, activity.title.clone()))
                .collect::<Vec<_>>()
        })
    };
    let skill_names = move || {
        state.edits.history.with(|history| {
            history
                .plan()
                .skills
                .iter()
                .map(|skill| (skill.id, format!("{} ({})", skill.name, skill.category)))
                .collect::<Vec<_>>()
        })
    };

    // Midpoint proposal: halfway between start and deadline, moved to the
    // review weekday of that week.
    // The midpoint proposed from the dates typed so far: the review weekday
    // nearest halfway. Saving a multi-week activity without a check-in
    // takes it; "Propose midpoint" fills it in to adjust.
    let proposal = move || {
        let first = parse_date("Start", &start.get()).ok().flatten()?;
        let last = parse_date("Deadline", &deadline.get()).ok().flatten()?;
        let review = state
            .edits
            .history
            .with_untracked(|history| history.plan().review_weekday);
        (last >= first).then(|| propose_midpoint(first, last, review))
    };
    let propose_checkin = move |_| match proposal() {
        Some(date) => checkin.set(date.to_string()),
        None => error.set(Some("Enter a start and a deadline first.".to_string())),
    };
    let multi_week = move || match (
        parse_date("Start", &start.get_untracked()),
        parse_date("Deadline", &deadline.get_untracked()),
    ) {
        (Ok(Some(first)), Ok(Some(last))) => (last - first).num_days() + 1 >= MULTI_WEEK_DAYS,
        _ => false,
    };
    browser::focus_after_render("activity-title".to_string());
    let suggesting = RwSignal::new(suggest);
    let suggestions = move || {
        let Editing::Existing(id) = which else {
            return Vec::new();
        };
        state.edits.history.with(|history| {
            let plan = history.plan();
            skills::candidates(plan, id, today)
                .into_iter()
                .take(5)
                .map(|candidate| {
                    (
                        candidate.person,
                        plan.person_name(candidate.person),
                        candidate.explanation,
                    )
                })
                .collect::<Vec<_>>()
        })
    };

    let heading = match which {
        Editing::New => "New initiative".to_string(),
        Editing::Existing(_) => format!("Edit '{}'", original.title),
    };
    let build = move || -> Result<Activity, String> {
        let owner_text = owner.get_untracked();
        let owner = if owner_text.is_empty() {
            None
        } else {
            Some(
                owner_text
                    .parse::<PersonId>()
                    .map_err(|error| error.to_string())?,
            )
        };
        let status = Status::ALL
            .into_iter()
            .find(|candidate| candidate.label() == status.get_untracked())
            .unwrap_or(Status::NotStarted);
        let kind = ActivityKind::ALL
            .into_iter()
            .find(|candidate| candidate.label() == kind.get_untracked())
            .unwrap_or(ActivityKind::Project);
        let commitment = if commitment.get_untracked() == "Tentative" {
            Commitment::Tentative
        } else {
            Commitment::Confirmed
        };
        let checklist = checklist
            .get_untracked()
            .into_iter()
            .filter(|row| !row.text.get_untracked().trim().is_empty())
            .map(|row| {
                let done = row.done.get_untracked();
                ChecklistItem {
                    text: row.text.get_untracked().trim().to_string(),
                    done,
                    done_on: if done {
                        row.done_on.or(Some(today))
                    } else {
                        None
                    },
                }
            })
            .collect();
        let mut required_skills = Vec::new();
        for row in skills.get_untracked() {
            let Ok(skill) = row.skill.get_untracked().parse::<SkillId>() else {
                continue;
            };
            let min_level = row.level.get_untracked().parse::<u8>().unwrap_or(2);
            if !required_skills
                .iter()
                .any(|r: &SkillRequirement| r.skill == skill)
            {
                required_skills.push(SkillRequirement { skill, min_level });
            }
        }
        Ok(Activity {
            id: original.id,
            title: title.get_untracked().trim().to_string(),
            description: description.get_untracked(),
            owner,
            start: parse_date("Start", &start.get_untracked())?,
            deadline: parse_date("Deadline", &deadline.get_untracked())?,
            checkin: match parse_date("Midpoint check-in", &checkin.get_untracked())? {
                None if multi_week() => proposal(),
                given => given,
            },
            done_definition: DoneDefinition {
                text: done_text.get_untracked(),
                checklist,
            },
            status,
            status_history: original.status_history.clone(),
            impact: impact.get_untracked().parse().unwrap_or(3),
            effort_hours: parse_number("Effort", &effort.get_untracked(), 0.0)?,
            kind,
            client: client.get_untracked().trim().to_string(),
            commitment,
            depends_on: depends_on.get_untracked(),
            required_skills,
            required_certifications: certifications
                .get_untracked()
                .split(',')
                .map(|name| name.trim().to_string())
                .filter(|name| !name.is_empty())
                .collect(),
            // Billing and RACI are edited elsewhere: kept as they were.
            ..original.clone()
        })
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let result = build().and_then(|activity| {
            let command = match which {
                Editing::New => Command::AddActivity(activity),
                Editing::Existing(_) => Command::UpdateActivity(activity),
            };
            state.edits.execute(command)
        });
        match result {
            Ok(_) => {
                error.set(None);
                browser::navigate(&PlanFocus::Overview.hash());
            }
            Err(message) => error.set(Some(message)),
        }
    };

    view! {
        <section class="panel form" aria-labelledby="activity-form-title">
            <h2 id="activity-form-title">{heading}</h2>
            <form on:submit=save novalidate>
                <div class="form__grid">
                    <Field label="Title" value=title required=true id="activity-title"/>
                    <div class="field">
                        <Choice label="Owner" value=owner options=people_options/>
                        <button type="button" class="button button--small" aria-expanded=move || suggesting.get().to_string()
                            on:click=move |_| suggesting.update(|open| *open = !*open)>"Suggest owner"</button>
                    </div>
                    <Choice label="Status" value=status options=status_options/>
                    <Field label="Start" value=start kind="date"/>
                    <Field label="Deadline (hard)" value=deadline kind="date"/>
                    <div class="field">
                        <Field label="Midpoint check-in" value=checkin kind="date"/>
                        <button type="button" class="button button--small" on:click=propose_checkin>"Propose midpoint"</button>
                        <span class="field__hint">{move || proposal().map(|date| format!("Proposed: {date} (halfway, on the review day)"))}</span>
                    </div>
                    <Choice label="Impact on the goal" value=impact options=impact_options/>
                    <Field label="Effort (hours)" value=effort kind="number"/>
                    <Choice label="Kind" value=kind options=kind_options/>
                    <Field label="Client" value=client hint="Empty for internal work"/>
                    <Choice label="Confirmed or tentative" value=commitment options=commitment_options/>
                </div>
                {move || suggesting.get().then(|| view! {
                    <div class="suggestions" role="region" aria-label="Suggested owners">
                        {match which {
                            Editing::New => view! { <p class="empty">"Save the initiative first: suggestions use its dates, skills and effort."</p> }.into_any(),
                            Editing::Existing(id) => view! {
                                <ol class="suggestions__list">
                                    {suggestions().into_iter().map(|(person, name, why)| view! {
                                        <li>
                                            <strong>{name.clone()}</strong>
                                            <span class="priority__why">{why}</span>
                                            <button type="button" class="button button--small" aria-label=format!("Assign {name}")
                                                on:click=move |_| {
                                                    if state.edits.execute(Command::SetOwner { activity: id, owner: Some(person) }).is_ok() {
                                                        owner.set(person.to_string());
                                                        suggesting.set(false);
                                                    }
                                                }>"Assign"</button>
                                        </li>
                                    }).collect_view()}
                                </ol>
                            }.into_any(),
                        }}
                    </div>
                })}
                <Field label="Required certifications" value=certifications
                    hint="Comma-separated; the owner must hold each through the deadline"/>
                <TextArea label="Description" value=description/>
                <TextArea label="Definition of done" value=done_text/>
                <fieldset class="fieldset">
                    <legend>"Done checklist"</legend>
                    <ul class="rows">
                        {move || checklist.get().into_iter().map(|row| view! {
                            <li class="rows__row">
                                <input type="checkbox" aria-label="Done"
                                    prop:checked=move || row.done.get()
                                    on:change=move |event| row.done.set(event_target_checked(&event))/>
                                <input type="text" aria-label="Checklist item" class="rows__text"
                                    prop:value=move || row.text.get()
                                    on:input=move |event| row.text.set(event_target_value(&event))/>
                                <button type="button" class="button button--small" aria-label="Remove this checklist item"
                                    on:click=move |_| checklist.update(|rows| rows.retain(|r| r.key != row.key))>"Remove"</button>
                            </li>
                        }).collect_view()}
                    </ul>
                    <button type="button" class="button button--small" on:click=move |_| {
                        let row = ChecklistRow { key: new_key(), text: RwSignal::new(String::new()), done: RwSignal::new(false), done_on: None };
                        checklist.update(|rows| rows.push(row));
                    }>"Add checklist item"</button>
                </fieldset>
                <fieldset class="fieldset">
                    <legend>"Depends on"</legend>
                    {move || {
                        let others = other_activities();
                        if others.is_empty() {
                            return view! { <p class="empty">"No other activities yet."</p> }.into_any();
                        }
                        view! {
                            <ul class="checks">
                                {others.into_iter().map(|(id, name)| view! {
                                    <li>
                                        <label>
                                            <input type="checkbox"
                                                prop:checked=move || depends_on.with(|deps| deps.contains(&id))
                                                on:change=move |event| {
                                                    let checked = event_target_checked(&event);
                                                    depends_on.update(|deps| {
                                                        deps.retain(|dep| *dep != id);
                                                        if checked { deps.push(id); }
                                                    });
                                                }/>
                                            " " {name}
                                        </label>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </fieldset>
                <fieldset class="fieldset">
                    <legend>"Required skills"</legend>
                    <ul class="rows">
                        {move || skills.get().into_iter().map(|row| view! {
                            <li class="rows__row">
                                <select aria-label="Skill" prop:value=move || row.skill.get()
                                    on:change=move |event| row.skill.set(event_target_value(&event))>
                                    {skill_names().into_iter().map(|(id, name)| {
                                        let value = id.to_string();
                                        let selected = value == row.skill.get_untracked();
                                        view! { <option value=value selected=selected>{name}</option> }
                                    }).collect_view()}
                                </select>
                                <select aria-label="Minimum level" prop:value=move || row.level.get()
                                    on:change=move |event| row.level.set(event_target_value(&event))>
                                    {(1..=MAX_SKILL_LEVEL).map(|level| {
                                        let selected = level.to_string() == row.level.get_untracked();
                                        view! { <option value=level.to_string() selected=selected>{format!("at least {}", level_name(level))}</option> }
                                    }).collect_view()}
                                </select>
                                <button type="button" class="button button--small" aria-label="Remove this required skill"
                                    on:click=move |_| skills.update(|rows| rows.retain(|r| r.key != row.key))>"Remove"</button>
                            </li>
                        }).collect_view()}
                    </ul>
                    <button type="button" class="button button--small"
                        disabled=move || skill_names().is_empty()
                        on:click=move |_| {
                            let first = skill_names().first().map(|(id, _)| id.to_string()).unwrap_or_default();
                            let row = SkillRow { key: new_key(), skill: RwSignal::new(first), level: RwSignal::new("2".to_string()) };
                            skills.update(|rows| rows.push(row));
                        }>"Add required skill"</button>
                </fieldset>
                {move || error.get().map(|message| view! { <p class="form__error" role="alert">{message}</p> })}
                <div class="form__actions">
                    <button type="submit" class="button button--primary">"Save initiative"</button>
                    <a class="button" href=PlanFocus::Overview.hash()>"Cancel"</a>
                    {match which {
                        Editing::Existing(id) => Some(view! {
                            <button type="button" class="button button--quiet"
                                title="Client work, contracts and internal work belong to the firm's book of work, not to the ops plan"
                                on:click=move |_| {
                                    if state.edits.execute(Command::SetScope { activity: id, scope: crate::model::Scope::Book }).is_ok() {
                                        browser::navigate(&format!("#/work/{id}"));
                                    }
                                }>"Move to the book of work"</button>
                        }),
                        Editing::New => None,
                    }}
                </div>
            </form>
        </section>
    }
}
