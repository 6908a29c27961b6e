//! Spreadsheets: the skills matrix as CSV, and people with their skills read
//! from CSV. A file with a bad row is refused whole, each problem named by
//! its row and column, so nothing is half-imported.
//!
//! The CSV itself (RFC 4180: commas, double quotes, quotes doubled inside
//! quotes, CR LF or LF) is read and written here: the `csv` crate did the
//! same but added 14 KB gzipped to the browser bundle, a tenth of the budget
//! left.

use crate::model::{Person, PersonId, Plan, SkillLevel, MAX_SKILL_LEVEL};

/// The fixed columns before the skill columns.
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
fn column_name(index: usize) -> String {
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

/// Reads people with their skills: the columns Name (required), Role, Team,
/// Weekly hours, then one column a catalogue skill (by name) with a level
/// 0-4 or nothing. People whose name is already in the plan are updated
/// (role, team, hours, the skills in the file); the others are added.
pub fn read_people_csv(plan: &Plan, text: &str) -> Result<Vec<Person>, Vec<CsvProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let records = records(text);
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
                message: format!("\"{cell}\" is not a skill in the catalogue: add it on the Skills view first, or rename the column"),
            }),
        }
    }

    let mut people: Vec<Person> = Vec::new();
    for (offset, record) in records.iter().enumerate().skip(1) {
        let row = offset + 1;
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
                    message: format!("\"{hours}\" is not a number of hours from 0 to 168"),
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
                    message: format!("\"{value}\" is not a skill level: use 0 to 4"),
                }),
            }
        }
        people.push(person);
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
    use crate::model::{PlanId, SkillId};

    fn demo() -> Plan {
        let mut plan = demo_plan(PlanId(1), "2026-11-23".parse().expect("date"));
        plan.sort_canonically();
        plan
    }

    #[test]
    fn the_matrix_is_one_row_a_person() {
        let text = skills_matrix_csv(&demo());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 13);
        assert!(lines[0].starts_with("Name,Role,Team,Weekly hours,Azure,AWS,Terraform,"));
        assert_eq!(
            lines[2],
            "Tom Becker,Cloud Architect,Cloud,40,4,3,3,0,0,0,0,0,0,0,0,0,0"
        );
        assert_eq!(
            lines[8],
            "James O'Connor,Service Desk Lead,Service desk,40,0,0,0,0,0,0,0,0,0,2,0,4,3"
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
