//! Spreadsheets: the skills matrix, the activities, the allocations by week
//! and the utilisation by week as CSV, and people with their skills read
//! from CSV. A file with a bad row is refused whole, each problem named by
//! its row and column, so nothing is half-imported.
//!
//! The CSV itself (RFC 4180: commas, double quotes, quotes doubled inside
//! quotes, CR LF or LF) is read and written here: the `csv` crate did the
//! same but added 14 KB gzipped to the browser bundle, a tenth of the budget
//! left.

use super::read::shown;
use crate::engine::capacity::{self, Options};
use crate::engine::skills::usable_hours;
use crate::engine::validate::{self, thousands};
use crate::model::{
    sort_by_number, Activity, Allocation, Assignee, NaiveDate, Person, PersonId, Plan, SkillLevel,
    Week, MAX_SKILL_LEVEL,
};

/// The fixed columns before the skill columns.
const FIXED: [&str; 4] = ["Name", "Role", "Team", "Weekly hours"];

/// A people spreadsheet has at most this many rows (the header, a row a
/// person, and room for blank lines).
const MAX_ROWS: usize = 2 * validate::MAX_PEOPLE + 1;
/// And at most this many columns: the fixed ones, a skill each, and room
/// for empty ones.
const MAX_COLUMNS: usize = FIXED.len() + validate::MAX_SKILLS + 16;
/// At most this many problems are listed: a file with more is fixed from
/// the first ones.
const MAX_PROBLEMS: usize = 100;

/// A problem in a CSV file, where a spreadsheet shows it: row 1 is the
/// header, column A the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvProblem {
    pub row: usize,
    pub column: String,
    pub message: String,
}

impl std::fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "row {}, column {}: {}",
            self.row, self.column, self.message
        )
    }
}

/// The spreadsheet name of column `index` (0 → A, 26 → AA).
pub(crate) fn column_name(index: usize) -> String {
    let mut name = String::new();
    let mut number = index + 1;
    while number > 0 {
        let rest = (number - 1) % 26;
        name.insert(0, (b'A' + rest as u8) as char);
        number = (number - 1) / 26;
    }
    name
}

/// One CSV field, quoted when it holds a comma, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Splits CSV text into rows of fields.
#[cfg(test)]
fn records(text: &str) -> Vec<Vec<String>> {
    records_within(text, usize::MAX, usize::MAX).unwrap_or_default()
}

/// Splits CSV text into rows of fields, refusing more than `max_rows` rows
/// or `max_columns` fields in a row: a hostile file of 20 MB of commas or
/// line breaks would otherwise become millions of cells.
fn records_within(
    text: &str,
    max_rows: usize,
    max_columns: usize,
) -> Result<Vec<Vec<String>>, CsvProblem> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let too_many_columns = |rows: &Vec<Vec<String>>| CsvProblem {
        row: rows.len() + 1,
        column: column_name(max_columns),
        message: format!(
            "more than {} columns: a plan has at most {} skills",
            thousands(max_columns),
            thousands(validate::MAX_SKILLS)
        ),
    };
    let too_many_rows = || CsvProblem {
        row: max_rows + 1,
        column: "A".to_string(),
        message: format!(
            "more than {} rows: a plan holds at most {} people",
            thousands(max_rows),
            thousands(validate::MAX_PEOPLE)
        ),
    };
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => {
                row.push(std::mem::take(&mut cell));
                if row.len() >= max_columns {
                    return Err(too_many_columns(&rows));
                }
            }
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n' | '\r') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                if rows.len() >= max_rows && chars.peek().is_some() {
                    return Err(too_many_rows());
                }
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    Ok(rows)
}

/// The skills matrix: one row a person, one column a skill, levels 0-4.
pub fn skills_matrix_csv(plan: &Plan) -> String {
    let mut text = String::new();
    let header: Vec<String> = FIXED
        .iter()
        .map(|name| field(name))
        .chain(plan.skills.iter().map(|skill| field(&skill.name)))
        .collect();
    text.push_str(&header.join(","));
    text.push_str("\r\n");
    for person in &plan.people {
        let mut row = vec![
            field(&person.name),
            field(&person.role),
            field(&person.team),
            format!("{}", person.weekly_hours),
        ];
        row.extend(
            plan.skills
                .iter()
                .map(|skill| person.skill_level(skill.id).to_string()),
        );
        text.push_str(&row.join(","));
        text.push_str("\r\n");
    }
    text
}

/// A cell a spreadsheet would run as a formula (one starting with `=`, `+`,
/// `-` or `@`, after any spaces) with a `'` put before it, so a title from
/// someone else's plan file stays text when the export is opened (CSV
/// injection). A cell that starts with `'`s and then one of those gets one
/// `'` more, so the import, which takes one `'` away from such cells, reads
/// back exactly what was written. Spaces, tabs and carriage returns at the
/// start of a guarded cell or one starting with a tab or a carriage return
/// are left out: the import trims them anyway.
fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    let start = cell.trim_start();
    if super::table::formula_like(start) {
        std::borrow::Cow::Owned(format!("'{start}"))
    } else if cell.starts_with(['\t', '\r']) {
        std::borrow::Cow::Borrowed(start)
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Appends one CSV row of an export, each cell made inert and quoted when it
/// needs to be, ended by CR LF.
pub(crate) fn push_row(text: &mut String, cells: &[String]) {
    let quoted: Vec<String> = cells.iter().map(|cell| field(&inert(cell))).collect();
    text.push_str(&quoted.join(","));
    text.push_str("\r\n");
}

/// The header row of a table.
pub(crate) fn header_row(names: &[&str]) -> Vec<String> {
    names.iter().map(|name| name.to_string()).collect()
}

/// Hours rounded to a tenth, without a needless ".0": "8", "7.5". A number
/// that is not finite gives an empty cell rather than "NaN" in a spreadsheet.
fn hours_cell(hours: f64) -> String {
    if !hours.is_finite() {
        return String::new();
    }
    let tenths = (hours * 10.0).round();
    // Adding 0.0 turns -0.0 (from -0.04 h) into 0.0, so it is not written "-0".
    let rounded = tenths / 10.0 + 0.0;
    if tenths % 10.0 == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// A date as `2026-11-23`, or an empty cell.
pub(crate) fn date_cell(date: Option<NaiveDate>) -> String {
    date.map(|date| date.to_string()).unwrap_or_default()
}

/// The activities of a plan, one row each in id order: Id, Title, Owner,
/// Status, Start, Midpoint check-in, Deadline (dates as `2026-11-23`, empty
/// when unset), Effort hours, Remaining hours (the share of the checklist
/// not yet ticked), Impact, Kind, Client, Commitment, Depends on (ids
/// separated by a space), Required skills (`Azure 3; Terraform 2`), and
/// what the firm's book of work adds: Part (Initiative or Book of work),
/// Deal stage and Win probability % of a pipeline deal, and a contract's
/// Contract hours, Per (week or month) and Renewal.
pub fn activities_csv(plan: &Plan) -> String {
    let mut text = String::new();
    push_row(
        &mut text,
        &header_row(&[
            "Id",
            "Title",
            "Owner",
            "Status",
            "Start",
            "Midpoint check-in",
            "Deadline",
            "Effort hours",
            "Remaining hours",
            "Impact",
            "Kind",
            "Client",
            "Commitment",
            "Depends on",
            "Required skills",
            "Part",
            "Deal stage",
            "Win probability %",
            "Contract hours",
            "Per",
            "Renewal",
        ]),
    );
    let mut activities: Vec<&Activity> = plan.activities.iter().collect();
    sort_by_number(&mut activities, |activity| u64::from(activity.id.0));
    for activity in activities {
        let depends_on: Vec<String> = activity
            .depends_on
            .iter()
            .map(|id| id.to_string())
            .collect();
        let required_skills: Vec<String> = activity
            .required_skills
            .iter()
            .map(|requirement| {
                let name = plan
                    .skill(requirement.skill)
                    .map_or_else(|| requirement.skill.to_string(), |skill| skill.name.clone());
                format!("{name} {}", requirement.min_level)
            })
            .collect();
        push_row(
            &mut text,
            &[
                activity.id.to_string(),
                activity.title.clone(),
                activity
                    .owner
                    .map(|owner| plan.person_name(owner))
                    .unwrap_or_default(),
                activity.status.label().to_string(),
                date_cell(activity.start),
                date_cell(activity.checkin),
                date_cell(activity.deadline),
                hours_cell(activity.effort_hours),
                hours_cell(activity.remaining_effort_hours()),
                activity.impact.to_string(),
                activity.kind.label().to_string(),
                activity.client.clone(),
                activity.commitment.label().to_string(),
                depends_on.join(" "),
                required_skills.join("; "),
                activity.scope.label().to_string(),
                activity
                    .deal
                    .map(|deal| deal.stage.label().to_string())
                    .unwrap_or_default(),
                activity
                    .deal
                    .map(|deal| hours_cell(deal.probability * 100.0))
                    .unwrap_or_default(),
                activity
                    .contract
                    .map(|contract| hours_cell(contract.hours))
                    .unwrap_or_default(),
                activity
                    .contract
                    .map(|contract| contract.period.label().to_string())
                    .unwrap_or_default(),
                date_cell(activity.contract.and_then(|contract| contract.renewal)),
            ],
        );
    }
    text
}

/// Where a row of the allocations export goes: people in id order, then the
/// roles still to staff (the allocation's position among them when their
/// names sort, see `allocations_csv`), then the week, then the allocation.
/// Packed into one number for [`sort_by_number`] (one sort routine in the
/// browser bundle): 1 bit who kind, 23 bits person or role rank, 20 bits
/// week, 20 bits allocation id; larger numbers saturate, which only costs
/// order among them, never rows.
fn row_order(allocation: &Allocation, role_rank: u64, week: i64) -> u64 {
    let who = match &allocation.assignee {
        Assignee::Person(person) => u64::from(person.0).min((1 << 23) - 1),
        Assignee::Placeholder { .. } | Assignee::Role(_) => {
            (1 << 23) | role_rank.min((1 << 23) - 1)
        }
    };
    let week = week.clamp(0, (1 << 20) - 1) as u64;
    let id = u64::from(allocation.id.0).min((1 << 20) - 1);
    who << 40 | week << 20 | id
}

/// The allocations of a plan week by week: one row per allocation per ISO
/// week it spans inside the plan's horizon, ordered by person (people in id
/// order, then roles still to staff by name), week and allocation id.
/// Columns: Person (the name, or `Unstaffed: <role>`), Team, Week
/// (`2026-W48`), Week starting (its Monday), Activity id, Activity title,
/// Hours, Commitment, Scenario (its name, or empty).
pub fn allocations_csv(plan: &Plan) -> String {
    let mut text = String::new();
    push_row(
        &mut text,
        &header_row(&[
            "Person",
            "Team",
            "Week",
            "Week starting",
            "Activity id",
            "Activity title",
            "Hours",
            "Commitment",
            "Scenario",
        ]),
    );
    let horizon_last_week = plan.horizon.end().plus_weeks(-1);
    let mut rows: Vec<(&Allocation, Week)> = Vec::new();
    for allocation in &plan.allocations {
        let first = allocation.first_week.max(plan.horizon.start);
        let last = allocation.last_week.min(horizon_last_week);
        let mut week = first;
        while week <= last {
            rows.push((allocation, week));
            week = week.plus_weeks(1);
        }
    }
    // The roles to staff by name, kept sorted as they are found.
    let mut roles: Vec<&str> = Vec::new();
    for allocation in &plan.allocations {
        if let Assignee::Placeholder { role, .. } = &allocation.assignee {
            if let Err(at) = roles.binary_search(&role.as_str()) {
                roles.insert(at, role.as_str());
            }
        }
    }
    let role_rank = |allocation: &Allocation| match &allocation.assignee {
        Assignee::Placeholder { role, .. } => {
            roles.binary_search(&role.as_str()).unwrap_or_default() as u64
        }
        Assignee::Person(_) | Assignee::Role(_) => 0,
    };
    sort_by_number(&mut rows, |(allocation, week)| {
        row_order(
            allocation,
            role_rank(allocation),
            week.weeks_since(plan.horizon.start),
        )
    });
    for (allocation, week) in rows {
        let (person, team) = match &allocation.assignee {
            Assignee::Person(id) => (
                plan.person_name(*id),
                plan.person(*id)
                    .map(|person| person.team.trim().to_string())
                    .unwrap_or_default(),
            ),
            Assignee::Placeholder { role, .. } => (format!("Unstaffed: {role}"), String::new()),
            Assignee::Role(id) => (
                format!("Open role: {}", plan.role_title(*id)),
                plan.role(*id)
                    .map(|role| role.team.trim().to_string())
                    .unwrap_or_default(),
            ),
        };
        let scenario = allocation
            .scenario
            .map(|id| {
                plan.scenarios
                    .iter()
                    .find(|scenario| scenario.id == id)
                    .map_or_else(|| id.to_string(), |scenario| scenario.name.clone())
            })
            .unwrap_or_default();
        push_row(
            &mut text,
            &[
                person,
                team,
                week.to_string(),
                week.monday().to_string(),
                allocation.activity.to_string(),
                plan.activity_title(allocation.activity),
                hours_cell(usable_hours(allocation.hours_per_week)),
                allocation.commitment.label().to_string(),
                scenario,
            ],
        );
    }
    text
}

/// Utilisation week by week: one row per person per week of the plan's
/// horizon, people in the order of the capacity view (teams by name, people
/// in id order within a team), then the open roles of the hiring plan not
/// yet filled (`Open role: Cloud Engineer`, in id order; their capacity
/// starts on their start date), from [`capacity::compute`] with no scenario
/// hidden. Columns: Person, Team, Week, Week starting, Capacity h, Support h,
/// Confirmed h, Tentative h, Free h, Utilisation % (a whole number, empty
/// without capacity), Over h.
///
/// Tentative hours are listed either way; they count towards free,
/// utilisation and over only with `include_tentative`. `today` is the day
/// "this week" is taken from, as everywhere in the engine.
pub fn utilisation_csv(plan: &Plan, today: NaiveDate, include_tentative: bool) -> String {
    let options = Options {
        include_tentative,
        hidden_scenarios: vec![],
    };
    let capacity = capacity::compute(plan, plan.horizon, &options, today);
    let mut text = String::new();
    push_row(
        &mut text,
        &header_row(&[
            "Person",
            "Team",
            "Week",
            "Week starting",
            "Capacity h",
            "Support h",
            "Confirmed h",
            "Tentative h",
            "Free h",
            "Utilisation %",
            "Over h",
        ]),
    );
    let people = capacity
        .rows
        .iter()
        .map(|row| (plan.person_name(row.person), row.team, &row.cells));
    let roles = capacity.roles.iter().map(|row| {
        (
            format!("Open role: {}", plan.role_title(row.role)),
            row.team,
            &row.cells,
        )
    });
    for (name, team, cells) in people.chain(roles) {
        let team = capacity
            .teams
            .get(team)
            .map(|team| team.name.clone())
            .unwrap_or_default();
        for (index, cell) in cells.iter().enumerate() {
            let week = capacity.week(index);
            // Hours times 100 over hours, as the capacity view rounds it.
            let utilisation = cell
                .utilisation(include_tentative)
                .map(|_| {
                    let percent = cell.load(include_tentative) * 100.0 / cell.capacity;
                    format!("{:.0}", percent.round() + 0.0)
                })
                .unwrap_or_default();
            push_row(
                &mut text,
                &[
                    name.clone(),
                    team.clone(),
                    week.to_string(),
                    week.monday().to_string(),
                    hours_cell(cell.capacity),
                    hours_cell(cell.support),
                    hours_cell(cell.confirmed),
                    hours_cell(cell.tentative),
                    hours_cell(cell.free(include_tentative)),
                    utilisation,
                    hours_cell(cell.over(include_tentative)),
                ],
            );
        }
    }
    text
}

/// Cuts `problems` to [`MAX_PROBLEMS`] when there are that many, saying so at
/// `row`, where checking stopped; returns whether it did.
fn enough_listed(problems: &mut Vec<CsvProblem>, row: usize) -> bool {
    if problems.len() < MAX_PROBLEMS {
        return false;
    }
    problems.truncate(MAX_PROBLEMS);
    problems.push(CsvProblem {
        row,
        column: "A".to_string(),
        message: format!(
            "the first {MAX_PROBLEMS} problems are listed: fix them, then import again to check from here"
        ),
    });
    true
}

/// Reads people with their skills: the columns Name (required), Role, Team,
/// Weekly hours, then one column a catalogue skill (by name) with a level
/// 0-4 or nothing. People whose name is already in the plan are updated
/// (role, team, hours, the skills in the file); the others are added.
///
/// A file over 20 MB, with more rows than a plan holds people or more
/// columns than it holds skills is refused at once; at most
/// [`MAX_PROBLEMS`] problems are listed.
pub fn read_people_csv(plan: &Plan, text: &str) -> Result<Vec<Person>, Vec<CsvProblem>> {
    if text.len() > super::MAX_FILE_BYTES {
        return Err(vec![CsvProblem {
            row: 1,
            column: "A".to_string(),
            message: format!(
                "the file is {} MB: a spreadsheet of people is at most {} MB",
                text.len().div_ceil(1024 * 1024),
                super::MAX_FILE_BYTES / (1024 * 1024)
            ),
        }]);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let records = records_within(text, MAX_ROWS, MAX_COLUMNS).map_err(|problem| vec![problem])?;
    let mut problems = Vec::new();
    let Some(header) = records.first() else {
        return Err(vec![CsvProblem {
            row: 1,
            column: "A".to_string(),
            message: "the file is empty: the first row must name the columns".to_string(),
        }]);
    };
    let header: Vec<String> = header.iter().map(|cell| cell.trim().to_string()).collect();
    let position = |name: &str| {
        header
            .iter()
            .position(|cell| cell.eq_ignore_ascii_case(name))
    };
    let Some(name_column) = position("Name") else {
        return Err(vec![CsvProblem {
            row: 1,
            column: "A".to_string(),
            message: "no \"Name\" column: the first row must name the columns".to_string(),
        }]);
    };
    let (role_column, team_column, hours_column) =
        (position("Role"), position("Team"), position("Weekly hours"));
    let mut skill_columns = Vec::new();
    for (index, cell) in header.iter().enumerate() {
        if FIXED.iter().any(|fixed| fixed.eq_ignore_ascii_case(cell)) || cell.is_empty() {
            continue;
        }
        match plan.skills.iter().find(|skill| skill.name.eq_ignore_ascii_case(cell)) {
            Some(skill) => skill_columns.push((index, skill.id)),
            None => problems.push(CsvProblem {
                row: 1,
                column: column_name(index),
                message: format!("\"{}\" is not a skill in the catalogue: add it on the Skills view first, or rename the column", shown(cell)),
            }),
        }
    }

    if enough_listed(&mut problems, 1) {
        return Err(problems);
    }
    let mut people: Vec<Person> = Vec::new();
    for (offset, record) in records.iter().enumerate().skip(1) {
        let row = offset + 1;
        if enough_listed(&mut problems, row) {
            break;
        }
        let cell = |index: Option<usize>| {
            index
                .and_then(|index| record.get(index))
                .map(|value| value.trim())
                .unwrap_or_default()
        };
        let name = cell(Some(name_column));
        if record.iter().all(|value| value.trim().is_empty()) {
            continue;
        }
        if name.is_empty() {
            problems.push(CsvProblem {
                row,
                column: column_name(name_column),
                message: "every person needs a name".to_string(),
            });
            continue;
        }
        let mut person = plan
            .people
            .iter()
            .find(|existing| existing.name.eq_ignore_ascii_case(name))
            .cloned()
            .unwrap_or_else(|| Person::new(PersonId(0), name));
        if role_column.is_some() {
            person.role = cell(role_column).to_string();
        }
        if team_column.is_some() {
            person.team = cell(team_column).to_string();
        }
        let hours = cell(hours_column);
        if !hours.is_empty() {
            match hours.replace(',', ".").parse::<f64>() {
                Ok(hours) if (0.0..=crate::model::HOURS_PER_WEEK_LIMIT).contains(&hours) => {
                    person.weekly_hours = hours
                }
                _ => problems.push(CsvProblem {
                    row,
                    column: column_name(hours_column.unwrap_or(0)),
                    message: format!(
                        "\"{}\" is not a number of hours from 0 to 168",
                        shown(hours)
                    ),
                }),
            }
        }
        for (index, skill) in &skill_columns {
            let value = cell(Some(*index));
            if value.is_empty() {
                continue;
            }
            match value.parse::<u8>() {
                Ok(level) if level <= MAX_SKILL_LEVEL => {
                    person.skills.retain(|held| held.skill != *skill);
                    if level > 0 {
                        person.skills.push(SkillLevel {
                            skill: *skill,
                            level,
                        });
                    }
                }
                _ => problems.push(CsvProblem {
                    row,
                    column: column_name(*index),
                    message: format!("\"{}\" is not a skill level: use 0 to 4", shown(value)),
                }),
            }
        }
        if people.len() == validate::MAX_PEOPLE {
            problems.push(CsvProblem {
                row,
                column: column_name(name_column),
                message: format!(
                    "more than {} people: a plan holds at most {}",
                    thousands(validate::MAX_PEOPLE),
                    thousands(validate::MAX_PEOPLE)
                ),
            });
            break;
        }
        people.push(person);
    }
    // The last row may have gone past the limit: list up to it.
    if let Some(first_unlisted) = problems.get(MAX_PROBLEMS).map(|problem| problem.row) {
        enough_listed(&mut problems, first_unlisted);
    }
    if problems.is_empty() {
        Ok(people)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::demo::demo_plan;
    use crate::model::{ActivityId, AllocationId, Commitment, PlanId, SkillId, SkillRequirement};

    fn demo() -> Plan {
        let mut plan = demo_plan(PlanId(1), "2026-11-23".parse().expect("date"));
        plan.sort_canonically();
        plan
    }

    #[test]
    fn the_matrix_is_one_row_a_person() {
        // A header and the demo's fifteen people; a column for each of the
        // fifteen skills of the catalogue, in catalogue order (the last two
        // are Penetration testing and Backup and disaster recovery).
        let text = skills_matrix_csv(&demo());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 16);
        assert!(lines[0].starts_with("Name,Role,Team,Weekly hours,Azure,AWS,Terraform,"));
        assert_eq!(
            lines[2],
            "Tom Becker,Cloud Architect,Cloud,40,4,3,3,0,0,0,0,0,0,0,0,0,0,0,0"
        );
        assert_eq!(
            lines[8],
            "James O'Connor,Service Desk Lead,Service desk,40,0,0,0,0,0,0,0,0,0,2,0,4,3,0,0"
        );
    }

    #[test]
    fn people_are_read_added_and_updated() {
        let text = "Name,Role,Team,Weekly hours,Azure,Microsoft Intune\n\
                    Lena Novak,,,,,3\n\
                    \"Kowalski, Anna\",Network Engineer,Cloud,32,2,\n";
        let people = read_people_csv(&demo(), text).expect("a clean file");
        assert_eq!(people.len(), 2);
        assert_eq!(people[0].id, PersonId(3), "Lena is updated, not added");
        assert_eq!(people[0].skill_level(SkillId(10)), 3);
        assert_eq!(
            people[0].skill_level(SkillId(1)),
            3,
            "an empty cell keeps her level"
        );
        assert_eq!(people[0].role, "", "an empty role cell clears it");
        assert_eq!(people[1].id, PersonId(0));
        assert_eq!(people[1].name, "Kowalski, Anna");
        assert_eq!(people[1].weekly_hours, 32.0);
        assert_eq!(people[1].skill_level(SkillId(1)), 2);
    }

    #[test]
    fn every_problem_is_named_by_row_and_column_and_nothing_is_read() {
        let check = |text: &str, expected: &[&str]| {
            let problems = read_people_csv(&demo(), text).expect_err("refused");
            let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
            assert_eq!(shown, expected, "{text}");
        };
        check(
            "",
            &["row 1, column A: the file is empty: the first row must name the columns"],
        );
        check(
            "Person,Azure\nAnn,2\n",
            &["row 1, column A: no \"Name\" column: the first row must name the columns"],
        );
        check(
            "Name,Azure,Cobol\nAnn,5,1\n,2,\nBen,x,\n",
            &[
                "row 1, column C: \"Cobol\" is not a skill in the catalogue: add it on the Skills view first, or rename the column",
                "row 2, column B: \"5\" is not a skill level: use 0 to 4",
                "row 3, column A: every person needs a name",
                "row 4, column B: \"x\" is not a skill level: use 0 to 4",
            ],
        );
        check(
            "Name,Weekly hours\nAnn,200\n",
            &["row 2, column B: \"200\" is not a number of hours from 0 to 168"],
        );
    }

    #[test]
    fn hostile_spreadsheets_are_refused_early_with_short_messages() {
        let first_problems = |text: &str| -> Vec<String> {
            read_people_csv(&demo(), text)
                .expect_err("refused")
                .iter()
                .take(3)
                .map(ToString::to_string)
                .collect()
        };
        let too_large = "x".repeat(super::super::MAX_FILE_BYTES + 1);
        assert_eq!(
            first_problems(&too_large),
            ["row 1, column A: the file is 21 MB: a spreadsheet of people is at most 20 MB"]
        );
        // Megabytes of line breaks or commas are not millions of cells.
        assert_eq!(
            first_problems(&format!("Name{}", "\n".repeat(1_000_000))),
            ["row 4002, column A: more than 4,001 rows: a plan holds at most 2,000 people"]
        );
        assert_eq!(
            first_problems(&format!("Name{}", ",".repeat(1_000_000))),
            ["row 1, column AMG: more than 1,020 columns: a plan has at most 1,000 skills"]
        );
        let many_people: String = (0..2_001).map(|n| format!("\nHire {n}")).collect();
        assert_eq!(
            first_problems(&format!("Name{many_people}")),
            ["row 2002, column A: more than 2,000 people: a plan holds at most 2,000"]
        );
        // A long cell is quoted by its start.
        let long = "9".repeat(100_000);
        assert_eq!(
            first_problems(&format!("Name,Azure,Weekly hours,{long}\nAnn,{long},{long}")),
            [
                format!("row 1, column D: \"{}…\" is not a skill in the catalogue: add it on the Skills view first, or rename the column", &long[..40]),
                format!("row 2, column C: \"{}…\" is not a number of hours from 0 to 168", &long[..40]),
                format!("row 2, column B: \"{}…\" is not a skill level: use 0 to 4", &long[..40]),
            ]
        );
        // At most a hundred problems, and where checking stopped.
        let bad_rows: String = (0..500).map(|n| format!("\nHire {n},9")).collect();
        let problems =
            read_people_csv(&demo(), &format!("Name,Azure{bad_rows}")).expect_err("refused");
        assert_eq!(problems.len(), MAX_PROBLEMS + 1);
        assert_eq!(
            problems[MAX_PROBLEMS].to_string(),
            "row 102, column A: the first 100 problems are listed: fix them, then import again to check from here"
        );
        // Regression: a last row with more problems than the limit listed
        // them all (found by tests/fuzz.rs).
        let header = ",Azure".repeat(150);
        let cells = ",9".repeat(150);
        let problems =
            read_people_csv(&demo(), &format!("Name{header}\nAnn{cells}")).expect_err("refused");
        assert_eq!(problems.len(), MAX_PROBLEMS + 1);
        assert_eq!(
            problems[MAX_PROBLEMS].to_string(),
            "row 2, column A: the first 100 problems are listed: fix them, then import again to check from here"
        );
        let bad_columns: String = (0..500).map(|n| format!(",Juggling {n}")).collect();
        let problems =
            read_people_csv(&demo(), &format!("Name{bad_columns}")).expect_err("refused");
        assert_eq!(problems.len(), MAX_PROBLEMS + 1);
        assert_eq!(problems[MAX_PROBLEMS].row, 1);
    }

    #[test]
    fn exported_cells_that_look_like_formulas_stay_text() {
        for (cell, written) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
            ),
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'=1"),
            (" -5", "'-5"),
            ("'=x", "''=x"),
            ("\tTabbed", "Tabbed"),
            ("\rReturned", "Returned"),
            ("Plain title", "Plain title"),
            ("a=b", "a=b"),
        ] {
            let mut text = String::new();
            push_row(&mut text, &[cell.to_string()]);
            assert_eq!(text, format!("{written}\r\n"), "{cell}");
        }
    }

    #[test]
    fn fields_are_quoted_and_read_back() {
        let cases = [
            ("plain", "plain"),
            ("Kowalski, Anna", "\"Kowalski, Anna\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
        ];
        for (text, written) in cases {
            assert_eq!(field(text), written);
            assert_eq!(
                records(&format!("{written},x\r\n")),
                vec![vec![text.to_string(), "x".to_string()]]
            );
        }
        assert_eq!(records("a,b\nc,d"), vec![vec!["a", "b"], vec!["c", "d"]]);
        assert_eq!(records("a,,\r\n"), vec![vec!["a", "", ""]]);
    }

    #[test]
    fn hours_are_rounded_to_a_tenth_without_a_needless_zero() {
        let check = |hours: f64, expected: &str| assert_eq!(hours_cell(hours), expected, "{hours}");
        check(8.0, "8");
        check(7.5, "7.5");
        check(7.25, "7.3");
        check(7.96, "8");
        check(0.04, "0");
        check(-0.04, "0");
        check(-2.5, "-2.5");
        check(1234.56, "1234.6");
        check(f64::NAN, "");
        check(f64::INFINITY, "");
    }

    /// A plan whose every name holds a comma, a double quote and a line
    /// break, in the places the exports write names.
    fn awkward_plan() -> Plan {
        let today: NaiveDate = "2026-11-23".parse().expect("date");
        let name = |what: &str| format!("{what}, \"quoted\"\nsecond line");
        let mut plan = Plan::empty(PlanId(7), &name("Plan"), today);
        plan.skills.push(crate::model::Skill {
            id: SkillId(1),
            name: name("Skill"),
            category: String::new(),
        });
        plan.people.push(Person {
            team: name("Team"),
            ..Person::new(PersonId(1), &name("Person"))
        });
        plan.scenarios.push(crate::model::Scenario {
            id: crate::model::ScenarioId(1),
            name: name("Scenario"),
        });
        let mut activity = Activity::new(ActivityId(1), &name("Activity"));
        activity.owner = Some(PersonId(1));
        activity.client = name("Client");
        activity.required_skills.push(SkillRequirement {
            skill: SkillId(1),
            min_level: 2,
        });
        plan.activities.push(activity);
        let week = plan.horizon.start;
        for (id, assignee, commitment, scenario) in [
            (
                1,
                Assignee::Person(PersonId(1)),
                Commitment::Tentative,
                Some(1),
            ),
            (
                2,
                Assignee::Placeholder {
                    role: name("Role"),
                    skills: Vec::new(),
                },
                Commitment::Confirmed,
                None,
            ),
        ] {
            plan.allocations.push(Allocation {
                id: AllocationId(id),
                assignee,
                activity: ActivityId(1),
                hours_per_week: 7.5,
                first_week: week,
                last_week: week,
                commitment,
                scenario: scenario.map(crate::model::ScenarioId),
            });
        }
        plan
    }

    #[test]
    fn names_with_commas_quotes_and_line_breaks_read_back() {
        let plan = awkward_plan();
        let name = |what: &str| format!("{what}, \"quoted\"\nsecond line");
        let today: NaiveDate = "2026-11-23".parse().expect("date");

        let activities = records(&activities_csv(&plan));
        assert_eq!(activities.len(), 2);
        assert_eq!(activities[1].len(), activities[0].len());
        assert_eq!(activities[1][1], name("Activity"));
        assert_eq!(activities[1][2], name("Person"));
        assert_eq!(activities[1][11], name("Client"));
        assert_eq!(activities[1][14], format!("{} 2", name("Skill")));

        let allocations = records(&allocations_csv(&plan));
        assert_eq!(allocations.len(), 3);
        assert_eq!(
            allocations[1],
            [
                name("Person"),
                name("Team"),
                "2026-W48".to_string(),
                "2026-11-23".to_string(),
                "act-1".to_string(),
                name("Activity"),
                "7.5".to_string(),
                "Tentative".to_string(),
                name("Scenario"),
            ]
        );
        assert_eq!(allocations[2][0], format!("Unstaffed: {}", name("Role")));
        assert_eq!(allocations[2][8], "");

        let utilisation = records(&utilisation_csv(&plan, today, true));
        assert_eq!(utilisation.len(), 1 + 13);
        assert!(utilisation.iter().all(|row| row.len() == 11));
        assert_eq!(utilisation[1][0], name("Person"));
        assert_eq!(utilisation[1][1], name("Team"));
        assert_eq!(
            utilisation[1][4..],
            ["40", "0", "0", "7.5", "32.5", "19", "0"]
        );
        let without_tentative = records(&utilisation_csv(&plan, today, false));
        assert_eq!(
            without_tentative[1][4..],
            ["40", "0", "0", "7.5", "40", "0", "0"]
        );
    }

    #[test]
    fn allocations_are_listed_only_in_the_weeks_of_the_horizon() {
        let mut plan = awkward_plan();
        let start = plan.horizon.start;
        plan.allocations[0].first_week = start.plus_weeks(-3);
        plan.allocations[0].last_week = start.plus_weeks(1);
        plan.allocations[1].first_week = start.plus_weeks(12);
        plan.allocations[1].last_week = start.plus_weeks(20);
        let weeks: Vec<String> = records(&allocations_csv(&plan))
            .into_iter()
            .skip(1)
            .map(|row| row[2].clone())
            .collect();
        assert_eq!(weeks, ["2026-W48", "2026-W49", "2027-W07"]);
    }

    #[test]
    fn columns_are_named_like_a_spreadsheet() {
        for (index, name) in [
            (0, "A"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (701, "ZZ"),
            (702, "AAA"),
        ] {
            assert_eq!(column_name(index), name);
        }
    }
}
