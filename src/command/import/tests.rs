//! Import planner tests on a small hand-written firm: each `check` reads a
//! spreadsheet, compares what each row does and the summary, and the
//! command is applied by the real `command::apply`.
//!
//! The firm: skills Azure (skl-1) and Terraform (skl-2); Lena Novak
//! (lena.novak@small-firm.example, Cloud Engineer, team Cloud, Azure 3, owns
//! "Landing zone" due 2027-01-29) and Tom Becker (team Service desk, no
//! email); Christmas Day 2026-12-25 off.

use super::*;
use crate::command::{apply, CommandError};
use crate::engine::validate;
use crate::model::{Activity, ActivityId, PlanId, Weekday};
use crate::persist::table::{match_columns, read_table};
use crate::test_support::{date, today};

fn firm() -> Plan {
    let mut plan = Plan::empty(PlanId(1), "Small firm", today());
    plan.skills = ["Azure", "Terraform"]
        .iter()
        .zip(1..)
        .map(|(name, id)| Skill {
            id: SkillId(id),
            name: name.to_string(),
            category: "Cloud".to_string(),
        })
        .collect();
    plan.people = vec![
        Person {
            email: "lena.novak@small-firm.example".to_string(),
            role: "Cloud Engineer".to_string(),
            team: "Cloud".to_string(),
            skills: vec![SkillLevel {
                skill: SkillId(1),
                level: 3,
            }],
            ..Person::new(PersonId(1), "Lena Novak")
        },
        Person {
            team: "Service desk".to_string(),
            ..Person::new(PersonId(2), "Tom Becker")
        },
    ];
    plan.activities = vec![Activity {
        owner: Some(PersonId(1)),
        deadline: Some(date("2027-01-29")),
        ..Activity::new(ActivityId(1), "Landing zone")
    }];
    plan.holidays = vec![Holiday {
        date: date("2026-12-25"),
        name: "Christmas Day".to_string(),
    }];
    assert_eq!(validate::errors(&plan), vec![], "the firm is a valid plan");
    plan
}

/// The import of `text` as `sheet` into `plan`, its columns matched by
/// name, its dates in `dates` order.
fn plan_with(plan: &Plan, sheet: Sheet, dates: DateOrder, text: &str) -> ImportPlan {
    let table = read_table(text).expect("a readable table");
    let mapping = Mapping {
        sheet,
        columns: match_columns(sheet, &table.header),
        dates,
    };
    let source = format!("{}.csv", sheet.label().to_lowercase());
    plan_import(plan, &table, &mapping, &source)
}

/// A row as the tests write it: "2 Update Lena Novak", with its problems
/// after " | ".
fn shown_row(outcome: &RowOutcome) -> String {
    let mut text = format!("{} {:?} {}", outcome.row, outcome.action, outcome.what);
    for problem in &outcome.problems {
        text.push_str(&format!(" | {problem}"));
    }
    text
}

/// Plans the import of `text` and compares every row and the summary.
fn check(
    plan: &Plan,
    sheet: Sheet,
    dates: DateOrder,
    text: &str,
    rows: &[&str],
    summary: &str,
) -> ImportPlan {
    let import = plan_with(plan, sheet, dates, text);
    let shown: Vec<String> = import.rows.iter().map(shown_row).collect();
    assert_eq!(shown, rows, "{text}");
    assert_eq!(import.summary, summary, "{text}");
    import
}

/// Applies the import's command to `plan` as the app does and checks that
/// planning the same text again changes nothing.
fn apply_and_reimport(plan: &Plan, import: &ImportPlan, sheet: Sheet, text: &str) -> Plan {
    let command = import.command.as_ref().expect("something changes");
    let applied = apply(plan, command, today()).expect("the plan's rules hold");
    let Command::Batch { summary, .. } = command else {
        panic!("one batch, one undo step: {command:?}");
    };
    assert_eq!(&applied.summary, summary);
    let again = plan_with(&applied.plan, sheet, DateOrder::Iso, text);
    assert_eq!(again.command, None, "a second import changes nothing");
    for row in &again.rows {
        assert!(
            matches!(row.action, RowAction::Unchanged | RowAction::Refused),
            "{}",
            shown_row(row)
        );
    }
    assert_eq!(
        again
            .rows
            .iter()
            .filter(|row| row.action == RowAction::Refused)
            .count(),
        import
            .rows
            .iter()
            .filter(|row| row.action == RowAction::Refused)
            .count(),
    );
    applied.plan
}

fn person<'a>(plan: &'a Plan, name: &str) -> &'a Person {
    plan.people
        .iter()
        .find(|person| person.name == name)
        .expect("a person of the plan")
}

// ---------------------------------------------------------------------------
// People.

#[test]
fn people_are_added_and_updated_only_in_the_fields_the_sheet_has() {
    let text = "Name,Role,Team,Weekly hours,Skills\n\
                lena  NOVAK ,,,32,Azure:4; Kubernetes:2\n\
                Dana Fox,Consultant,Data,,kubernetes=3; Terraform (1)\n\
                Tom Becker,,service DESK,,\n\
                Eve Stone,,data,36,\n";
    let plan = firm();
    let import = check(
        &plan,
        Sheet::People,
        DateOrder::Iso,
        text,
        &[
            "2 Update Lena Novak",
            "3 Add Dana Fox",
            "4 Unchanged Tom Becker",
            "5 Add Eve Stone",
        ],
        "Imported people.csv: 2 people added, 1 updated, 1 skill added (1 unchanged)",
    );
    assert_eq!(import.new_skills, ["Kubernetes"]);
    assert_eq!(import.new_teams, ["Data"], "'data' is the team Dana starts");
    // The new skill comes before the people who hold it, with the id
    // `AddSkill` will give it.
    let Some(Command::Batch { commands, .. }) = &import.command else {
        panic!("a batch");
    };
    assert!(matches!(&commands[0], Command::AddSkill(skill) if skill.id == SkillId(3)));
    let after = apply_and_reimport(&plan, &import, Sheet::People, text);
    assert_eq!(
        after.skill(SkillId(3)).map(|s| s.name.as_str()),
        Some("Kubernetes")
    );
    let lena = person(&after, "Lena Novak");
    assert_eq!(lena.id, PersonId(1));
    assert_eq!(
        (lena.role.as_str(), lena.team.as_str()),
        ("Cloud Engineer", "Cloud")
    );
    assert_eq!(lena.weekly_hours, 32.0);
    assert_eq!(
        (lena.skill_level(SkillId(1)), lena.skill_level(SkillId(3))),
        (4, 2)
    );
    let dana = person(&after, "Dana Fox");
    assert_eq!(dana.id, PersonId(3));
    assert_eq!(
        (dana.role.as_str(), dana.team.as_str()),
        ("Consultant", "Data")
    );
    assert_eq!(
        (dana.skill_level(SkillId(2)), dana.skill_level(SkillId(3))),
        (1, 3)
    );
    assert_eq!(
        person(&after, "Eve Stone").team,
        "Data",
        "the team keeps its first spelling"
    );
    assert_eq!(person(&after, "Tom Becker"), &plan.people[1]);
}

#[test]
fn hours_per_day_times_working_days_are_weekly_hours() {
    let text = "First name,Last name,Hours per day,Working days,Start date,Cost rate,Billable %,Certifications\n\
                Dana,Fox,7.5,Mon-Thu,2027-02-01,€95.50,75%,AZ-104 (2027-03-31); CKA\n\
                Tom,Becker,8,,,,,\n";
    let plan = firm();
    let import = check(
        &plan,
        Sheet::People,
        DateOrder::Iso,
        text,
        &["2 Add Dana Fox", "3 Unchanged Tom Becker"],
        "Imported people.csv: 1 person added (1 unchanged)",
    );
    let after = apply_and_reimport(&plan, &import, Sheet::People, text);
    let dana = person(&after, "Dana Fox");
    assert_eq!(dana.weekly_hours, 30.0);
    assert_eq!(
        dana.working_days,
        [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu]
    );
    assert_eq!(dana.start_date, Some(date("2027-02-01")));
    assert_eq!(
        (dana.cost_rate, dana.billable_target),
        (Some(95.5), Some(0.75))
    );
    let certifications: Vec<(&str, Option<NaiveDate>)> = dana
        .certifications
        .iter()
        .map(|held| (held.name.as_str(), held.expires))
        .collect();
    assert_eq!(
        certifications,
        [("AZ-104", Some(date("2027-03-31"))), ("CKA", None)]
    );
}

#[test]
fn a_refused_row_names_its_row_column_and_reason_and_the_others_apply() {
    let text = "Name,Start date,End date,Weekly hours,Cost rate,Skills\n\
                Dana Fox,31/02/2026,,,,\n\
                Eve Stone,1/3/2026,1/2/2026,,,\n\
                Lena Novak,,15/1/2027,200,lots,Azure:5\n\
                ,,,,,\n\
                ,1/1/2026,,,,\n\
                Ann Lee,,,20,,\n";
    let plan = firm();
    let import = check(
        &plan,
        Sheet::People,
        DateOrder::DayMonthYear,
        text,
        &[
            "2 Refused Dana Fox | row 2, column B: Start date: \"31/02/2026\" is not a date (day/month/year)",
            "3 Refused Eve Stone | row 3, column C: End date: 2026-02-01, the last day, is before 2026-03-01, the first day",
            "4 Refused Lena Novak \
             | row 4, column D: Weekly hours: 200 hours a week is more than the 168 hours in a week \
             | row 4, column E: Cost rate: \"lots\" is not a cost an hour: write it as 95 or 95.50 \
             | row 4, column F: Skills: \"Azure:5\": the level must be a whole number from 0 to 4 \
             | row 4, column C: End date: 2027-01-15 is before 'Landing zone', which they own, is due on 2027-01-29: give it to someone else first",
            "6 Refused  | row 6, column A: Name: every person needs a name",
            "7 Add Ann Lee",
        ],
        "Imported people.csv: 1 person added (4 rows refused)",
    );
    apply_and_reimport(&plan, &import, Sheet::People, text);
}

#[test]
fn a_person_twice_in_the_file_is_refused_the_second_time() {
    let text = "Name,Email\n\
                Dana Fox,dana@example.com\n\
                DANA   fox,\n\
                Dana F.,Dana@Example.com\n";
    check(
        &firm(),
        Sheet::People,
        DateOrder::Iso,
        text,
        &[
            "2 Add Dana Fox",
            "3 Refused DANA   fox | row 3, column A: Name: repeats row 2",
            "4 Refused Dana F. | row 4, column B: Email: repeats row 2",
        ],
        "Imported people.csv: 1 person added (2 rows refused)",
    );
}

#[test]
fn people_are_found_by_email_first_then_by_name() {
    // Lena by her email in other letter case, under her new name; Tom by
    // name, given an email; Dana new.
    let text = "Name,Email,Role\n\
                Lena Berg,Lena.Novak@Small-Firm.example,\n\
                tom  becker,tom.becker@small-firm.example,\n\
                Dana Fox,dana.fox@small-firm.example,Consultant\n";
    let plan = firm();
    let import = check(
        &plan,
        Sheet::People,
        DateOrder::Iso,
        text,
        &[
            "2 Update Lena Berg (was Lena Novak)",
            "3 Update Tom Becker",
            "4 Add Dana Fox",
        ],
        "Imported people.csv: 1 person added, 2 updated",
    );
    let after = apply_and_reimport(&plan, &import, Sheet::People, text);
    let lena = person(&after, "Lena Berg");
    assert_eq!(lena.id, PersonId(1));
    assert_eq!(lena.email, "Lena.Novak@Small-Firm.example");
    assert_eq!(lena.role, "Cloud Engineer", "an empty cell changes nothing");
    let tom = person(&after, "Tom Becker");
    assert_eq!(tom.email, "tom.becker@small-firm.example");
    assert_eq!(
        person(&after, "Dana Fox").email,
        "dana.fox@small-firm.example"
    );
    // A name that differs only in case and spacing keeps the plan's
    // spelling; an empty Email cell keeps the email.
    check(
        &after,
        Sheet::People,
        DateOrder::Iso,
        "Name,Email,Weekly hours\nlena   BERG,,32\n",
        &["2 Update Lena Berg"],
        "Imported people.csv: 1 person updated",
    );
}

#[test]
fn an_email_of_one_person_and_a_name_of_another_is_refused() {
    let text = "Name,Email\n\
                Tom Becker,LENA.NOVAK@small-firm.example\n\
                Dana Fox,dana at small-firm.example\n\
                Eve Stone,eve@\n";
    check(
        &firm(),
        Sheet::People,
        DateOrder::Iso,
        text,
        &[
            "2 Refused Tom Becker | row 2, column B: Email: 'LENA.NOVAK@small-firm.example' is the email of 'Lena Novak', but 'Tom Becker' is another person in the plan: correct the email or the name",
            "3 Refused Dana Fox | row 3, column B: Email: 'dana at small-firm.example' has a space in it",
            "4 Refused Eve Stone | row 4, column B: Email: 'eve@' has nothing after the @",
        ],
        "Nothing changes from people.csv: 3 rows refused",
    );
    // One row finds Lena by name, a later one by email under a new name:
    // both would update her.
    check(
        &firm(),
        Sheet::People,
        DateOrder::Iso,
        "Name,Email\nLena Novak,\nLena Berg,lena.novak@small-firm.example\n",
        &[
            "2 Unchanged Lena Novak",
            "3 Refused Lena Berg | row 3, column B: Email: repeats row 2: both are 'Lena Novak'",
        ],
        "Nothing changes from people.csv: 1 unchanged, 1 row refused",
    );
}

#[test]
fn a_sheet_without_its_key_is_refused_at_row_1() {
    check(
        &firm(),
        Sheet::People,
        DateOrder::Iso,
        "Team,Role\nCloud,Engineer\n",
        &["1 Refused people.csv | row 1, column A: the People sheet needs a Name column (or First name and Last name): choose the column that holds it"],
        "Nothing imported from people.csv: the People sheet needs a Name column (or First name and Last name): choose the column that holds it",
    );
    check(
        &firm(),
        Sheet::Work,
        DateOrder::Iso,
        "Client,Assignee\nFabrikam,Lena Novak\n",
        &["1 Refused work.csv | row 1, column A: the Work sheet needs a Work column (the engagement, project or deal): choose the column that holds it"],
        "Nothing imported from work.csv: the Work sheet needs a Work column (the engagement, project or deal): choose the column that holds it",
    );
}

// ---------------------------------------------------------------------------
// Leave.

#[test]
fn leave_is_added_to_people_of_the_plan_and_a_second_import_changes_nothing() {
    let text = "Person,From,To,Part of day,Note\n\
                Lena Novak,2026-12-14,2026-12-18,,Annual leave\n\
                tom  becker,2026-12-21,,am,Dentist\n\
                Dana Fox,2026-12-14,,,\n\
                Lena Novak,2026-12-14,2026-12-18,full,Annual leave\n\
                Tom Becker,2026-12-22,2026-12-21,quarter,\n\
                Tom Becker,,,,\n";
    let plan = firm();
    let import = check(
        &plan,
        Sheet::Leave,
        DateOrder::Iso,
        text,
        &[
            "2 Add Lena Novak, leave 2026-12-14 to 2026-12-18",
            "3 Add Tom Becker, half-day leave 2026-12-21",
            "4 Refused Dana Fox | row 4, column A: Person: no one in the plan is called 'Dana Fox': import them with a People sheet first, or correct the name",
            "5 Refused Lena Novak, leave 2026-12-14 to 2026-12-18 | row 5, column B: From: repeats row 2",
            "6 Refused Tom Becker, leave 2026-12-22 to 2026-12-21 \
             | row 6, column D: Part of day: \"quarter\" is not a part of a day: write full, half, am or pm \
             | row 6, column C: To: 2026-12-21, the last day off, is before 2026-12-22, the first",
            "7 Refused Tom Becker | row 7, column B: From: no first day off is given",
        ],
        "Imported leave.csv: 2 leave entries added (4 rows refused)",
    );
    let after = apply_and_reimport(&plan, &import, Sheet::Leave, text);
    assert_eq!(
        person(&after, "Tom Becker").leave,
        [Leave {
            start: date("2026-12-21"),
            end: date("2026-12-21"),
            day_fraction: 0.5,
            note: "Dentist".to_string(),
        }]
    );
    // The same days with another part of the day change the entry.
    check(
        &after,
        Sheet::Leave,
        DateOrder::Iso,
        "Name,Start,Half day\nTom Becker,2026-12-21,no\n",
        &["2 Update Tom Becker, leave 2026-12-21"],
        "Imported leave.csv: 1 leave entry changed",
    );
}

#[test]
fn leave_finds_its_person_by_email_first_then_by_name() {
    let text = "Email,Person,From\n\
                LENA.NOVAK@small-firm.example,,2026-12-14\n\
                lena.novak@small-firm.example,Lena N.,2026-12-15\n\
                ,Tom Becker,2026-12-16\n\
                tom@small-firm.example,Tom Becker,2026-12-17\n\
                lena.novak@small-firm.example,Tom Becker,2026-12-18\n\
                nobody@small-firm.example,,2026-12-21\n";
    let plan = firm();
    let import = check(
        &plan,
        Sheet::Leave,
        DateOrder::Iso,
        text,
        &[
            "2 Add Lena Novak, leave 2026-12-14",
            "3 Add Lena Novak, leave 2026-12-15",
            "4 Add Tom Becker, leave 2026-12-16",
            "5 Add Tom Becker, leave 2026-12-17",
            "6 Refused Tom Becker | row 6, column A: Email: 'lena.novak@small-firm.example' is the email of 'Lena Novak', but 'Tom Becker' is another person in the plan: correct the email or the name",
            "7 Refused nobody@small-firm.example | row 7, column A: Email: no one in the plan has the email 'nobody@small-firm.example': add it to them (a People sheet with an Email column does), or add a column with the person's name",
        ],
        "Imported leave.csv: 4 leave entries added (2 rows refused)",
    );
    let after = apply_and_reimport(&plan, &import, Sheet::Leave, text);
    assert_eq!(person(&after, "Lena Novak").leave.len(), 2);
    assert_eq!(
        person(&after, "Tom Becker").email,
        "",
        "a Leave sheet gives no one an email"
    );
}

// ---------------------------------------------------------------------------
// Holidays.

#[test]
fn holidays_are_merged_into_the_plans() {
    let text = "Date,Holiday\n\
                2026-12-25,Christmas Day\n\
                2027-01-01,New Year's Day\n\
                2026-12-26,Boxing Day\n\
                2026-12-26,St Stephen's Day\n\
                2026-13-01,Nonsense\n";
    let plan = firm();
    let import = check(
        &plan,
        Sheet::Holidays,
        DateOrder::Iso,
        text,
        &[
            "2 Unchanged 2026-12-25 Christmas Day",
            "3 Add 2027-01-01 New Year's Day",
            "4 Add 2026-12-26 Boxing Day",
            "5 Refused 2026-12-26 St Stephen's Day | row 5, column A: Date: repeats row 4",
            "6 Refused Nonsense | row 6, column A: Date: \"2026-13-01\" is not a date (year-month-day)",
        ],
        "Imported holidays.csv: 2 public holidays added (1 unchanged, 2 rows refused)",
    );
    let after = apply_and_reimport(&plan, &import, Sheet::Holidays, text);
    let holidays: Vec<(String, &str)> = after
        .holidays
        .iter()
        .map(|holiday| (holiday.date.to_string(), holiday.name.as_str()))
        .collect();
    assert_eq!(
        holidays,
        [
            ("2026-12-25".to_string(), "Christmas Day"),
            ("2026-12-26".to_string(), "Boxing Day"),
            ("2027-01-01".to_string(), "New Year's Day"),
        ]
    );
    check(
        &after,
        Sheet::Holidays,
        DateOrder::DayMonthYear,
        "Day,Name\n26/12/2026,St Stephen's Day\n",
        &["2 Update 2026-12-26 St Stephen's Day"],
        "Imported holidays.csv: 1 public holiday renamed",
    );
}

/// Regression guard: the import's command goes through the same rules as
/// every edit, so a plan it would break is never made.
#[test]
fn an_import_never_makes_a_command_the_plan_refuses() {
    let plan = firm();
    let import = plan_with(
        &plan,
        Sheet::People,
        DateOrder::Iso,
        "Name,Start date\nLena Novak,2027-02-01\n",
    );
    assert_eq!(import.command, None);
    let by_hand = Command::UpdatePerson(Person {
        start_date: Some(date("2027-02-01")),
        ..plan.people[0].clone()
    });
    assert!(matches!(
        apply(&plan, &by_hand, today()),
        Err(CommandError::Invalid(_))
    ));
}

// ---------------------------------------------------------------------------
// Work: its own file, with the firm and the helpers above.

#[path = "work_tests.rs"]
mod work_sheet;

/// A skills matrix, one column per skill: columns named after a skill of
/// the catalogue are matched as its levels; another column becomes a skill
/// when the person matches it as one. An empty cell keeps the level, 0
/// takes the skill away.
#[test]
fn a_skills_matrix_gives_a_level_a_column() {
    use crate::persist::table::{choose_column, match_skill_columns};
    let plan = firm();
    let text = "Name,Weekly hours,azure,Terraform,Kubernetes\n\
                Lena Novak,,0,2,3\n\
                Tom Becker,,4,,\n\
                Dana Fox,40,,7,1\n";
    let table = read_table(text).expect("a table");
    let mut columns = match_columns(Sheet::People, &table.header);
    match_skill_columns(
        Sheet::People,
        &mut columns,
        &table.header,
        &["Azure", "Terraform"],
    );
    assert_eq!(columns[4], None, "Kubernetes is no skill of the plan yet");
    choose_column(&mut columns, 4, Some(Column::SkillLevel));
    let mapping = Mapping {
        sheet: Sheet::People,
        columns: columns.clone(),
        dates: DateOrder::Iso,
    };
    let import = plan_import(&plan, &table, &mapping, "skills.csv");
    let shown: Vec<String> = import.rows.iter().map(shown_row).collect();
    assert_eq!(
        shown,
        [
            "2 Update Lena Novak",
            "3 Update Tom Becker",
            "4 Refused Dana Fox | row 4, column D: Terraform: '7' is not a skill level: use 0 (none) to 4",
        ]
    );
    assert_eq!(import.new_skills, ["Kubernetes"]);
    let command = import.command.expect("a change");
    let applied = apply(&plan, &command, today()).expect("the plan's rules hold");
    let levels = |name: &str| -> Vec<(String, u8)> {
        person(&applied.plan, name)
            .skills
            .iter()
            .map(|held| {
                let skill = applied
                    .plan
                    .skills
                    .iter()
                    .find(|skill| skill.id == held.skill);
                (skill.expect("a catalogue skill").name.clone(), held.level)
            })
            .collect()
    };
    assert_eq!(
        levels("Lena Novak"),
        [("Terraform".to_string(), 2), ("Kubernetes".to_string(), 3)]
    );
    assert_eq!(levels("Tom Becker"), [("Azure".to_string(), 4)]);
    let again = plan_import(&applied.plan, &table, &mapping, "skills.csv");
    assert_eq!(again.command, None, "a second import changes nothing");
}
