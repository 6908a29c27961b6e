//! The initiatives table: sortable, filterable, with the computed
//! priority and risks; rows as markup with one handler for their buttons.

use super::*;

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
        if let Some(Action::DeleteActivity(id)) = Action::from_event(&event) {
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
    Html::on(out)
        .raw(">Edit</a>")
        .open("button")
        .attr("type", "button")
        .class("button button--small button--danger")
        .action(&Action::DeleteActivity(id))
        .attr("aria-label", &format!("Delete {}", row.title))
        .text("Delete")
        .close("button")
        .raw("</td></tr>");
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
