//! Spreadsheets: the skills matrix, the activities, the allocations by week
//! and the utilisation by week written as CSV, and [`CsvProblem`], how the
//! import (`persist::table`, `command::import`) names a problem by its row
//! and column.
//!
//! The CSV itself (RFC 4180: commas, double quotes, quotes doubled inside
//! quotes, CR LF) is written here: the `csv` crate did the same but added
//! 14 KB gzipped to the browser bundle, a tenth of the budget left.

use crate::engine::capacity::{self, Options};
use crate::engine::skills::usable_hours;
use crate::model::{sort_by_number, Activity, Allocation, Assignee, NaiveDate, Plan, Week};

/// The fixed columns of the skills matrix, before a column a skill.
const FIXED: [&str; 4] = ["Name", "Role", "Team", "Weekly hours"];

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

/// Splits CSV text into rows of fields, to read the exports back.
#[cfg(test)]
fn records(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n' | '\r') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        ActivityId, AllocationId, Commitment, Person, PersonId, PlanId, SkillId, SkillRequirement,
    };
    use crate::test_support::{demo, today};

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
        let name = |what: &str| format!("{what}, \"quoted\"\nsecond line");
        let mut plan = Plan::empty(PlanId(7), &name("Plan"), today());
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

        let utilisation = records(&utilisation_csv(&plan, today(), true));
        assert_eq!(utilisation.len(), 1 + 13);
        assert!(utilisation.iter().all(|row| row.len() == 11));
        assert_eq!(utilisation[1][0], name("Person"));
        assert_eq!(utilisation[1][1], name("Team"));
        assert_eq!(
            utilisation[1][4..],
            ["40", "0", "0", "7.5", "32.5", "19", "0"]
        );
        let without_tentative = records(&utilisation_csv(&plan, today(), false));
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
