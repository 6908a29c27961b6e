//! What each line of the timeline shows: a team's sums, a person's or an
//! open role's weeks and bars, computed from the capacity and the plan.

use super::*;

/// A bar as drawn: columns and lane, and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct BarData {
    /// `bar-alc-3`, or `bar-draft`.
    pub(super) element_id: String,
    /// The allocation's id as text (empty for a new draft).
    pub(super) allocation: String,
    pub(super) title: String,
    /// Tenths of an hour a week.
    pub(super) tenths: u32,
    pub(super) first: usize,
    pub(super) span: usize,
    /// The grid row: 1 on a role's line, below the weeks (lane + 2) on a
    /// person's.
    pub(super) row: usize,
    pub(super) tentative: bool,
    pub(super) placeholder: bool,
    pub(super) draft: bool,
    /// The bar whose editor is open.
    pub(super) selected: bool,
    /// Starts before or runs past the visible weeks; `hidden` weeks of it
    /// are before the first visible week.
    pub(super) cut_left: bool,
    pub(super) hidden: usize,
    pub(super) cut_right: bool,
    pub(super) label: String,
}

/// One line of the timeline, kept in the page by who or what it is (see
/// [`DrawnLines`]).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Line {
    /// A team's header with its summed weeks; `collapsed` hides its people.
    Team {
        name: String,
        members: usize,
        collapsed: bool,
        cells: Vec<[u32; 4]>,
        tentative: bool,
    },
    /// A person's line, or an open role's adding capacity (below its
    /// team's people): their weeks and bars.
    Row {
        who: Holder,
        /// Position among the visible rows, for arrow keys.
        row: usize,
        name: String,
        /// The line under the name (a person's role, "Open role from 4
        /// Jan") and its tooltip, if any.
        note: (String, String),
        /// The person's billable figures over the weeks shown (drawn as
        /// "62 % billable (target 75 %)" with the whole sentence as a
        /// tooltip, see [`billable_texts`]); none when the plan bills
        /// nothing, and for open roles. Numbers, not text: a drop formats
        /// only the lines it changed.
        billable: Option<(PersonWeek, Option<f64>)>,
        cells: Vec<[u32; 4]>,
        tentative: bool,
        bars: Vec<BarData>,
        lanes: usize,
    },
    /// Work still to staff: a placeholder, or an open role not adding
    /// capacity with these settings (its scenario hidden).
    Role { bar: BarData, role: String },
    /// Everyone summed.
    Total {
        cells: Vec<[u32; 4]>,
        tentative: bool,
    },
}

/// Whose line a [`Line::Row`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Holder {
    Person(PersonId),
    Role(RoleId),
}

impl Holder {
    pub(super) fn assignee(self) -> Assignee {
        match self {
            Holder::Person(person) => Assignee::Person(person),
            Holder::Role(role) => Assignee::Role(role),
        }
    }
}

/// Hours kept as hundredths, so lines can be compared and hashed.
pub(super) fn cell_key(cell: &Cell) -> [u32; 4] {
    let hundredths = |hours: f64| (hours.max(0.0) * 100.0).round() as u32;
    [
        hundredths(cell.capacity),
        hundredths(cell.support),
        hundredths(cell.confirmed),
        hundredths(cell.tentative),
    ]
}

pub(super) fn cell_of_key(key: &[u32; 4]) -> Cell {
    Cell {
        capacity: f64::from(key[0]) / 100.0,
        support: f64::from(key[1]) / 100.0,
        confirmed: f64::from(key[2]) / 100.0,
        tentative: f64::from(key[3]) / 100.0,
    }
}

/// "28 h", "7.5 h".
pub(super) fn hours(tenths: u32) -> String {
    if tenths.is_multiple_of(10) {
        format!("{} h", tenths / 10)
    } else {
        format!("{}.{} h", tenths / 10, tenths % 10)
    }
}

pub(super) fn tenths_of(hours_per_week: f64) -> u32 {
    (hours_per_week.max(0.0) * 10.0).round() as u32
}

/// The view's settings that shape the lines.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Settings {
    pub(super) options: Options,
    pub(super) collapsed: Vec<String>,
    pub(super) show_bars: bool,
    /// The allocation whose editor is open, marked on its bar.
    pub(super) selected: Option<AllocationId>,
}

pub(super) fn bar_data(
    plan: &Plan,
    capacity: &Capacity,
    allocation: &Allocation,
    draft: bool,
    row: usize,
) -> Option<BarData> {
    let last_column = capacity.week(capacity.weeks.checked_sub(1)?);
    if allocation.last_week < capacity.first_week || allocation.first_week > last_column {
        return None;
    }
    let first = allocation.first_week.max(capacity.first_week);
    let last = allocation.last_week.min(last_column);
    let title = plan.activity_title(allocation.activity);
    let tenths = tenths_of(allocation.hours_per_week);
    let who = match &allocation.assignee {
        Assignee::Person(person) => plan.person_name(*person),
        Assignee::Placeholder { role, .. } => format!("Unstaffed {role}"),
        Assignee::Role(role) => format!("Open role {}", plan.role_title(*role)),
    };
    // The name starts with the bar's visible text ("title · 20 h"), so a
    // speech user can say what they see (WCAG 2.5.3, label in name).
    let label = format!(
        "{title} · {} a week, {} to {}, {who}{}{}",
        hours(tenths),
        allocation.first_week,
        allocation.last_week,
        if allocation.commitment == Commitment::Tentative {
            ", tentative"
        } else {
            ""
        },
        if draft {
            ". Moving: arrows move, Shift+arrows change the end, + and - change the hours, Enter applies, Escape cancels."
        } else {
            ". Enter to move by keyboard."
        }
    );
    Some(BarData {
        element_id: if draft {
            "bar-draft".to_string()
        } else {
            format!("bar-{}", allocation.id)
        },
        allocation: if draft && allocation.id.0 == 0 {
            String::new()
        } else {
            allocation.id.to_string()
        },
        title,
        tenths,
        first: capacity.column(first)?,
        span: (last.weeks_since(first) + 1) as usize,
        row,
        tentative: allocation.commitment == Commitment::Tentative,
        placeholder: matches!(
            allocation.assignee,
            Assignee::Placeholder { .. } | Assignee::Role(_)
        ),
        draft,
        selected: false,
        cut_left: allocation.first_week < capacity.first_week,
        hidden: capacity
            .first_week
            .weeks_since(allocation.first_week)
            .max(0) as usize,
        cut_right: allocation.last_week > last_column,
        label,
    })
}

/// The timeline's lines for a plan, its capacity and the view's settings;
/// `billing` when the plan bills anything (each person's billable share).
pub(super) fn lines(
    plan: &Plan,
    capacity: &Capacity,
    billing: Option<&[PersonMoney]>,
    settings: &Settings,
    draft: Option<&Draft>,
) -> Vec<Line> {
    let tentative = settings.options.include_tentative;
    let hidden = draft.and_then(|draft| draft.original);
    // Each person's and each shown open role's bars, by the position of
    // their row in `capacity`.
    let mut by_row: Vec<Vec<&Allocation>> = vec![Vec::new(); capacity.rows.len()];
    let mut by_role: Vec<Vec<&Allocation>> = vec![Vec::new(); capacity.roles.len()];
    let mut to_staff: Vec<&Allocation> = Vec::new();
    let mut person_rows: Vec<(u32, usize)> = capacity
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| (row.person.0, index))
        .collect();
    sort_by_number(&mut person_rows, |(id, _)| u64::from(*id));
    // Each person's billable figures by id, for binary search.
    let mut billing_of: Vec<(u32, usize)> = billing
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(at, money)| (money.person.0, at))
        .collect();
    sort_by_number(&mut billing_of, |(id, _)| u64::from(*id));
    let row_of = |person: PersonId| {
        person_rows
            .binary_search_by(|(id, _)| id.cmp(&person.0))
            .ok()
            .map(|at| person_rows[at].1)
    };
    let role_row_of = |role: RoleId| capacity.roles.iter().position(|row| row.role == role);
    for allocation in &plan.allocations {
        if Some(allocation.id) == hidden || !settings.options.shows(allocation) {
            continue;
        }
        match allocation.assignee {
            Assignee::Person(person) => {
                if let Some(row) = row_of(person) {
                    by_row[row].push(allocation);
                }
            }
            Assignee::Role(role) => match role_row_of(role) {
                Some(row) => by_role[row].push(allocation),
                None => to_staff.push(allocation),
            },
            Assignee::Placeholder { .. } => to_staff.push(allocation),
        }
    }
    // Where the draft is drawn: a person's row, a shown role's, or a line
    // of its own.
    let (draft_person, draft_role) = match draft.map(|draft| &draft.allocation.assignee) {
        Some(Assignee::Person(person)) => (row_of(*person), None),
        Some(Assignee::Role(role)) => (None, role_row_of(*role)),
        _ => (None, None),
    };
    // The line name of work not on a person: the placeholder's role or the
    // open role's title.
    let role_name = |assignee: &Assignee| match assignee {
        Assignee::Placeholder { role, .. } => Some(role.clone()),
        Assignee::Role(role) => Some(plan.role_title(*role)),
        Assignee::Person(_) => None,
    };
    // A row's bars in lanes, with the draft in a lane of its own.
    let lay_out = |mine: &[&Allocation], with_draft: bool| -> (Vec<BarData>, usize) {
        let mut mine: Vec<&Allocation> = if settings.show_bars {
            mine.to_vec()
        } else {
            Vec::new()
        };
        sort_by_number(&mut mine, |allocation| {
            (allocation.first_week.weeks_since(capacity.first_week) + (1 << 20)) as u64
        });
        let spans: Vec<(Week, Week)> = mine
            .iter()
            .map(|allocation| (allocation.first_week, allocation.last_week))
            .collect();
        let (assigned, used) = lanes(&spans);
        let mut bars: Vec<BarData> = mine
            .iter()
            .zip(assigned)
            .filter_map(|(allocation, lane)| bar_data(plan, capacity, allocation, false, lane + 2))
            .collect();
        let mut count = used;
        if with_draft {
            if let Some(bar) =
                draft.and_then(|draft| bar_data(plan, capacity, &draft.allocation, true, used + 2))
            {
                bars.push(bar);
                count = used + 1;
            }
        }
        (bars, count)
    };

    // Work to staff comes first: it is what needs doing.
    let mut lines = Vec::new();
    for allocation in to_staff {
        if let Some(role) = role_name(&allocation.assignee) {
            if let Some(bar) = bar_data(plan, capacity, allocation, false, 1) {
                lines.push(Line::Role { bar, role });
            }
        }
    }
    if let Some(draft) = draft.filter(|_| draft_person.is_none() && draft_role.is_none()) {
        if let Some(role) = role_name(&draft.allocation.assignee) {
            if let Some(bar) = bar_data(plan, capacity, &draft.allocation, true, 1) {
                lines.push(Line::Role { bar, role });
            }
        }
    }
    let mut visible_row = 0;
    for (team_index, team) in capacity.teams.iter().enumerate() {
        let collapsed = settings.collapsed.contains(&team.name);
        lines.push(Line::Team {
            name: team.name.clone(),
            members: team.members,
            collapsed,
            cells: team.cells.iter().map(cell_key).collect(),
            tentative,
        });
        if collapsed {
            continue;
        }
        for (index, row) in capacity
            .rows
            .iter()
            .enumerate()
            .skip(team.first_row)
            .take(team.members)
        {
            let Some(person) = plan.person(row.person) else {
                continue;
            };
            let with_draft = draft_person == Some(index);
            let (bars, count) = if settings.show_bars || with_draft {
                lay_out(&by_row[index], with_draft)
            } else {
                (Vec::new(), 0)
            };
            let billable = billing
                .and_then(|people| {
                    let at = billing_of
                        .binary_search_by_key(&row.person.0, |(id, _)| *id)
                        .ok()?;
                    people.get(billing_of[at].1)
                })
                .map(|figures| (figures.total, figures.target));
            lines.push(Line::Row {
                who: Holder::Person(row.person),
                row: visible_row,
                name: person.name.clone(),
                note: (person.role.clone(), String::new()),
                billable,
                cells: row.cells.iter().map(cell_key).collect(),
                tentative,
                bars,
                lanes: count,
            });
            visible_row += 1;
        }
        for (index, row) in capacity
            .roles
            .iter()
            .enumerate()
            .filter(|(_, row)| row.team == team_index)
        {
            let Some(role) = plan.role(row.role) else {
                continue;
            };
            let with_draft = draft_role == Some(index);
            let (bars, count) = if settings.show_bars || with_draft {
                lay_out(&by_role[index], with_draft)
            } else {
                (Vec::new(), 0)
            };
            let scenario = role
                .scenario
                .and_then(|id| plan.scenarios.iter().find(|scenario| scenario.id == id))
                .map(|scenario| format!(" · {}", scenario.name))
                .unwrap_or_default();
            lines.push(Line::Row {
                who: Holder::Role(row.role),
                row: visible_row,
                name: role.title.clone(),
                note: (
                    format!("Open role from {}", short_date(role.start_date)),
                    format!(
                        "Open role of the hiring plan: {}, starting {}{scenario}",
                        role.status.label(),
                        short_date(role.start_date)
                    ),
                ),
                billable: None,
                cells: row.cells.iter().map(cell_key).collect(),
                tentative,
                bars,
                lanes: count,
            });
            visible_row += 1;
        }
    }
    // Mark the selected bar (only its line is drawn again).
    if let Some(id) = settings.selected.map(|id| id.to_string()) {
        for line in &mut lines {
            let bars: &mut [BarData] = match line {
                Line::Row { bars, .. } => bars,
                Line::Role { bar, .. } => std::slice::from_mut(bar),
                _ => continue,
            };
            for bar in bars
                .iter_mut()
                .filter(|bar| !bar.draft && bar.allocation == id)
            {
                bar.selected = true;
            }
        }
    }
    lines.push(Line::Total {
        cells: capacity.total.iter().map(cell_key).collect(),
        tentative,
    });
    lines
}

/// Percent of the cell's scale (the larger of capacity and load) as CSS.
pub(super) fn bar_style(cell: &Cell, tentative: bool) -> String {
    let scale = cell.capacity.max(cell.load(true)).max(1.0);
    let support = cell.support / scale * 100.0;
    let confirmed = support + cell.confirmed / scale * 100.0;
    let with_tentative = confirmed
        + if tentative {
            cell.tentative / scale * 100.0
        } else {
            0.0
        };
    format!(
        "--s:{}%;--c:{}%;--t:{}%",
        support.round() as i64,
        confirmed.round() as i64,
        with_tentative.round() as i64
    )
}

pub(super) fn band_class(band: Band) -> &'static str {
    match band {
        Band::Away => "cell cell--away",
        Band::UnderUsed => "cell cell--under",
        Band::Healthy => "cell cell--healthy",
        Band::Over => "cell cell--over",
    }
}

/// The short text in a cell: its utilisation.
pub(super) fn cell_text(cell: &Cell, tentative: bool) -> String {
    match cell.utilisation(tentative) {
        Some(share) => ((share * 100.0).round() as i64).to_string(),
        None if cell.load(tentative) > 0.0 => "!".to_string(),
        None => String::new(),
    }
}
