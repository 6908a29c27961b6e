//! The 13-person firm's own three spreadsheets (`tests/e2e/fixtures`: people
//! with their skills in one column, one row an assignment, leave), in their
//! own column names, imported into an empty plan as the import dialog
//! imports them: columns matched by name, dates detected, each sheet one
//! command. The end-to-end tests bring the same files in through the app;
//! the user's guide shows them as examples.

use opsboard::command::apply;
use opsboard::command::import::{plan_import, ImportPlan, Mapping, RowAction};
use opsboard::engine::validate;
use opsboard::model::{Plan, PlanId};
use opsboard::persist::table::{
    guess_sheet, match_columns, match_skill_columns, read_table, DateGuess, DateOrder, Sheet,
};

mod support;
use support::today;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/e2e/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// `name` planned into `plan` as the dialog plans it, with the sheet and
/// the date order it finds.
fn planned(plan: &Plan, name: &str) -> (Sheet, DateGuess, ImportPlan) {
    let table = read_table(&fixture(name)).expect("a readable table");
    let sheet = guess_sheet(&table.header).expect("a sheet its columns fit");
    let mut columns = match_columns(sheet, &table.header);
    let skills: Vec<&str> = plan
        .skills
        .iter()
        .map(|skill| skill.name.as_str())
        .collect();
    match_skill_columns(sheet, &mut columns, &table.header, &skills);
    let guess = table.date_order(&columns);
    let dates = match guess {
        DateGuess::Known(order) => order,
        _ => DateOrder::Iso,
    };
    let mapping = Mapping {
        sheet,
        columns,
        dates,
    };
    (sheet, guess, plan_import(plan, &table, &mapping, name))
}

/// The rows of an import that are not added or updated, as "row: problems".
fn not_taken(import: &ImportPlan) -> Vec<String> {
    import
        .rows
        .iter()
        .filter(|row| matches!(row.action, RowAction::Refused | RowAction::Unchanged))
        .map(|row| {
            let problems: Vec<String> = row.problems.iter().map(ToString::to_string).collect();
            format!("{:?} {}: {}", row.action, row.what, problems.join("; "))
        })
        .collect()
}

fn imported(plan: &Plan, import: &ImportPlan) -> Plan {
    let command = import.command.as_ref().expect("something to import");
    let applied = apply(plan, command, today()).expect("the plan's rules hold");
    assert_eq!(validate::errors(&applied.plan), Vec::new());
    applied.plan
}

#[test]
fn a_firms_three_spreadsheets_import_into_an_empty_plan() {
    let empty = Plan::empty(PlanId(1), "Harbour Cloud", today());

    let (sheet, dates, people) = planned(&empty, "firm-people.csv");
    assert_eq!(
        (sheet, dates),
        (Sheet::People, DateGuess::Known(DateOrder::DayMonthYear))
    );
    assert_eq!(not_taken(&people), Vec::<String>::new());
    assert_eq!(
        people.summary,
        "Imported firm-people.csv: 13 people added, 13 skills added"
    );
    let plan = imported(&empty, &people);
    assert_eq!(plan.people.len(), 13);

    let (sheet, dates, work) = planned(&plan, "firm-work.tsv");
    assert_eq!(
        (sheet, dates),
        (Sheet::Work, DateGuess::Known(DateOrder::Iso))
    );
    let refused = not_taken(&work);
    assert_eq!(refused.len(), 2, "{refused:#?}");
    assert!(refused[0].contains("row 10"), "{refused:#?}");
    assert!(refused[1].contains("Sam Carter"), "{refused:#?}");
    let plan = imported(&plan, &work);
    assert_eq!(plan.activities.len(), 8);
    assert_eq!(plan.allocations.len(), 16);

    let (sheet, dates, leave) = planned(&plan, "firm-leave.csv");
    assert_eq!(
        (sheet, dates),
        (Sheet::Leave, DateGuess::Known(DateOrder::DayMonthYear))
    );
    let refused = not_taken(&leave);
    assert_eq!(refused.len(), 1, "{refused:#?}");
    assert!(
        refused[0].contains("row 8, column B: Leave start: "),
        "{refused:#?}"
    );
    let plan = imported(&plan, &leave);
    let days_off: usize = plan.people.iter().map(|person| person.leave.len()).sum();
    assert_eq!(days_off, 8);

    // A second import of each changes nothing.
    for name in ["firm-people.csv", "firm-work.tsv", "firm-leave.csv"] {
        let (_, _, again) = planned(&plan, name);
        assert_eq!(again.command, None, "{name}: {}", again.summary);
    }
}
