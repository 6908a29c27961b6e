//! Tests of the People, Work, Leave and Holidays sheets: the demo's lines,
//! awkward text read back by the import's own reader, and the book of work
//! imported back.

use super::*;
use crate::command::import::{plan_import, Mapping};
use crate::command::{apply, Command};
use crate::model::demo::demo_plan;
use crate::model::{Holiday, NaiveDate, PersonId, PlanId, Skill, SkillId, SkillLevel};
use crate::persist::table::{match_columns, read_table, DateOrder, Sheet};
use crate::test_support::today;

/// The lines of `text`, which every test here writes without line breaks
/// inside its cells.
fn lines(text: &str) -> Vec<&str> {
    text.split("\r\n").collect()
}

/// Checks that `text` has each of `expected` as one of its lines.
fn check_lines(text: &str, expected: &[&str]) {
    let lines = lines(text);
    for line in expected {
        assert!(lines.contains(line), "{line:?} is not in:\n{text}");
    }
}

/// `text` imported as `sheet` into `plan` with its command applied; the
/// command of a second import of the same text.
fn import(plan: &Plan, sheet: Sheet, text: &str) -> (Plan, Option<Command>) {
    let table = read_table(text).expect("a readable sheet");
    let mapping = Mapping {
        sheet,
        columns: match_columns(sheet, &table.header),
        dates: DateOrder::Iso,
    };
    let imported = plan_import(plan, &table, &mapping, "sheet.csv");
    assert!(
        imported.rows.iter().all(|row| row.problems.is_empty()),
        "{:?}",
        imported.rows
    );
    let command = imported.command.expect("a change");
    let plan = apply(plan, &command, today()).expect("applies").plan;
    let again = plan_import(&plan, &table, &mapping, "sheet.csv").command;
    (plan, again)
}

#[test]
fn the_demo_sheets_are_headed_with_the_import_labels() {
    let plan = demo_plan(PlanId(1), today());
    check_lines(
        &people_sheet_csv(&plan),
        &[
            "Name,Email,Role,Team,Weekly hours,Working days,Start,End,Cost rate,Billable target,Skills,Certifications",
            "Lena Novak,lena.novak@harbourline-it.example,Cloud Engineer,Cloud,32,Mon-Thu,,,58,75%,Azure:3; Terraform:2; PowerShell automation:3,Azure Administrator Associate (2027-08-16)",
            "Oliver Grant,oliver.grant@harbourline-it.example,Service Desk Analyst,Service desk,24,\"Mon, Wed, Fri\",,2027-01-08,36,70%,ITIL service management:2; Exchange Online:1,",
            "Ravi Patel,ravi.patel@harbourline-it.example,Microsoft 365 Consultant (new hire),Microsoft 365,40,Mon-Fri,2026-12-14,,60,75%,Microsoft Intune:3; Exchange Online:3,",
        ],
    );
    check_lines(
        &leave_sheet_csv(&plan),
        &[
            "Person,Email,From,To,Part of day,Note",
            "Aisha Khan,aisha.khan@harbourline-it.example,2026-12-14,2026-12-25,full,Parental leave",
        ],
    );
    assert_eq!(
        lines(&holidays_sheet_csv(&plan)),
        [
            "Date,Name",
            "2026-12-25,Christmas Day",
            "2026-12-26,Boxing Day",
            "2027-01-01,New Year's Day",
            "",
        ]
    );
}

#[test]
fn the_demo_sheets_import_into_an_empty_plan_and_again_change_nothing() {
    let demo = demo_plan(PlanId(1), today());
    let empty = Plan::empty(PlanId(2), "Empty", today());
    let (plan, again) = import(&empty, Sheet::People, &people_sheet_csv(&demo));
    assert_eq!(again, None);
    let (plan, again) = import(&plan, Sheet::Leave, &leave_sheet_csv(&demo));
    assert_eq!(again, None);
    let (plan, again) = import(&plan, Sheet::Holidays, &holidays_sheet_csv(&demo));
    assert_eq!(again, None);
    assert_eq!(plan.people.len(), demo.people.len());
    assert_eq!(plan.holidays, demo.holidays);
    for (read, original) in plan.people.iter().zip(&demo.people) {
        assert_eq!(read.name, original.name);
        assert_eq!(read.working_days, original.working_days);
        assert_eq!(read.leave, original.leave);
        assert_eq!(read.billable_target, original.billable_target);
    }
}

/// A plan with one person whose every text holds a comma, a double quote
/// and a line break.
fn awkward_plan() -> Plan {
    let name = |what: &str| format!("{what}, \"quoted\"\nsecond line");
    let mut plan = Plan::empty(PlanId(7), "Awkward", today());
    plan.skills.push(Skill {
        id: SkillId(1),
        name: "Skill \"quoted\"\nsecond line".to_string(),
        category: String::new(),
    });
    let mut person = Person::new(PersonId(1), &name("Person"));
    person.role = name("Role");
    person.team = name("Team");
    person.weekly_hours = 37.75;
    person.billable_target = Some(0.123_456_789);
    person.cost_rate = Some(95.55);
    person.skills.push(SkillLevel {
        skill: SkillId(1),
        level: 2,
    });
    person.certifications.push(Certification {
        name: "Cert \"quoted\"\nsecond line".to_string(),
        issuer: String::new(),
        expires: Some("2027-03-31".parse().expect("date")),
    });
    person.leave.push(Leave {
        start: "2026-12-14".parse().expect("date"),
        end: "2026-12-14".parse().expect("date"),
        day_fraction: 0.5,
        note: name("Note"),
    });
    plan.people.push(person);
    plan.holidays.push(Holiday {
        date: "2026-12-25".parse().expect("date"),
        name: name("Holiday"),
    });
    plan
}

#[test]
fn names_with_commas_quotes_and_line_breaks_read_back() {
    let original = awkward_plan();
    let empty = Plan::empty(PlanId(2), "Empty", today());
    let (plan, _) = import(&empty, Sheet::People, &people_sheet_csv(&original));
    let (plan, _) = import(&plan, Sheet::Leave, &leave_sheet_csv(&original));
    let (plan, again) = import(&plan, Sheet::Holidays, &holidays_sheet_csv(&original));
    assert_eq!(again, None);
    assert_eq!(plan.skills[0].name, original.skills[0].name);
    assert_eq!(plan.holidays, original.holidays);
    let (read, person) = (&plan.people[0], &original.people[0]);
    assert_eq!(read.name, person.name);
    assert_eq!(read.role, person.role);
    assert_eq!(read.team, person.team);
    assert_eq!(read.weekly_hours, 37.75, "hours are not rounded to a tenth");
    assert_eq!(read.billable_target, person.billable_target);
    assert_eq!(read.cost_rate, person.cost_rate);
    assert_eq!(read.skills, person.skills);
    assert_eq!(read.certifications, person.certifications);
    assert_eq!(read.leave, person.leave);
}

#[test]
fn working_days_are_written_as_runs() {
    use crate::model::Weekday::*;
    let check = |days: &[crate::model::Weekday], expected: &str| {
        assert_eq!(working_days_cell(days), expected);
        let read = crate::persist::table::parse_working_days(expected).expect("readable");
        assert_eq!(read, days);
    };
    check(&[Mon, Tue, Wed, Thu, Fri], "Mon-Fri");
    check(&[Mon, Wed, Fri], "Mon, Wed, Fri");
    check(&[Mon, Tue, Thu, Fri, Sat, Sun], "Mon-Tue, Thu-Sun");
    check(&[Sun], "Sun");
    // No working day at all is an empty cell, which the import reads as
    // "keep what the person has" (Monday to Friday for someone new): a
    // person who works no day does not round-trip.
    check(&[], "");
}

#[test]
fn shares_are_percentages_when_that_reads_back_exactly() {
    let check = |share: f64, expected: &str| {
        assert_eq!(share_cell(share), expected);
        let read = crate::persist::table::parse_percent(expected).expect("readable");
        assert_eq!(read, share, "{expected}");
    };
    check(0.75, "75%");
    check(0.0, "0%");
    check(1.0, "100%");
    check(0.07, "7%");
    check(0.125, "12.5%");
    check(0.123_456_789, "0.123456789");
}

/// The formula guard puts a `'` before a cell that starts with `=`, `+`,
/// `-` or `@` (and one more before such a cell that already starts with
/// `'`); the import takes it away again, so such names round-trip.
#[test]
fn a_cell_guarded_against_formulas_reads_back_as_it_was() {
    let mut plan = Plan::empty(PlanId(7), "Formulas", today());
    for (id, name) in [
        (1, "=HYPERLINK(\"x\")"),
        (2, "-Dash"),
        (3, "'+quoted"),
        (4, "O'Brien"),
    ] {
        plan.people.push(Person::new(PersonId(id), name));
    }
    let text = people_sheet_csv(&plan);
    assert!(text.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{text}");
    assert!(text.contains("''+quoted"), "{text}");
    let empty = Plan::empty(PlanId(2), "Empty", today());
    let (read, _) = import(&empty, Sheet::People, &text);
    let names: Vec<&str> = read.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["=HYPERLINK(\"x\")", "-Dash", "'+quoted", "O'Brien"]);
}

/// Skills and certifications share one cell each, their entries separated
/// by `;`, `,` or `|`: a name holding one of those splits in two on the
/// way back. Written as the parser reads them, such names cannot
/// round-trip.
#[test]
fn a_skill_name_with_a_comma_splits_on_the_way_back() {
    let mut plan = Plan::empty(PlanId(7), "Commas", today());
    plan.skills.push(Skill {
        id: SkillId(1),
        name: "Networking, Cisco".to_string(),
        category: String::new(),
    });
    let mut person = Person::new(PersonId(1), "Dana Fox");
    person.skills.push(SkillLevel {
        skill: SkillId(1),
        level: 2,
    });
    plan.people.push(person);
    let text = people_sheet_csv(&plan);
    assert!(text.contains("\"Networking, Cisco:2\""), "{text}");
    let table = read_table(&text).expect("readable");
    let mapping = Mapping {
        sheet: Sheet::People,
        columns: match_columns(Sheet::People, &table.header),
        dates: DateOrder::Iso,
    };
    let empty = Plan::empty(PlanId(2), "Empty", today());
    let imported = plan_import(&empty, &table, &mapping, "people.csv");
    assert_eq!(imported.command, None);
    assert_eq!(
        imported.rows[0].problems[0].message,
        "Skills: \"Networking\" has no level: write it as Networking:3, with a level from 0 to 4"
    );
}

// ---------------------------------------------------------------------------
// Work.

use crate::model::{
    Activity, ActivityId, ActivityKind, Allocation, AllocationId, Assignee, Commitment, Deal,
    DealStage, OpenRole, RoleId, Scope, Status, Week,
};

/// The book of work of `plan` as the Work sheet carries it, to compare two
/// plans: each piece of work by title and client with its kind, status,
/// dates, budget and deal, and each assignment by its work, its assignee's
/// name, weeks, hours and commitment, each list sorted.
fn sheet_work(plan: &Plan) -> (Vec<String>, Vec<String>) {
    let mut work: Vec<String> = plan
        .activities
        .iter()
        .filter(|activity| activity.scope == Scope::Book)
        .map(|activity| {
            format!(
                "{} ({}) {} {} {:?} {:?} {:?} {:?}",
                activity.title,
                activity.client,
                activity.kind.label(),
                activity.status.label(),
                activity.start,
                activity.deadline,
                activity.budget_hours,
                activity.deal
            )
        })
        .collect();
    let mut assignments: Vec<String> = plan
        .allocations
        .iter()
        .filter_map(|allocation| {
            let activity = plan.activity(allocation.activity)?;
            let who = match &allocation.assignee {
                Assignee::Person(id) => plan.person_name(*id),
                Assignee::Role(id) => format!("open role {}", plan.role_title(*id)),
                Assignee::Placeholder { role, .. } => format!("{role} (to staff)"),
            };
            (activity.scope == Scope::Book).then(|| {
                format!(
                    "{} ({}) {who} {} to {} {} h {}",
                    activity.title,
                    activity.client,
                    allocation.first_week,
                    allocation.last_week,
                    allocation.hours_per_week,
                    allocation.commitment.label()
                )
            })
        })
        .collect();
    work.sort();
    assignments.sort();
    (work, assignments)
}

/// A plan with Dana Fox, an open role of Cloud Engineer from 2026-12-14,
/// and a book of work: an audit whose one assignment spans it, a retainer
/// (its title like a formula) with a tentative week, a deal with a role to
/// staff and the open role, and internal work with no assignment; beside
/// an initiative, which is not on the sheet.
fn book_plan() -> Plan {
    let date = |text: &str| -> NaiveDate { text.parse().expect("date") };
    let week = |text: &str| -> Week { text.parse().expect("week") };
    let mut plan = Plan::empty(PlanId(7), "Book", today());
    let mut dana = Person::new(PersonId(1), "Dana Fox");
    dana.email = "dana@acme.example".to_string();
    plan.people.push(dana);
    plan.roles.push(OpenRole::new(
        RoleId(1),
        "Cloud Engineer",
        date("2026-12-14"),
    ));
    let book = |id: u32, title: &str, client: &str, kind: ActivityKind| Activity {
        scope: Scope::Book,
        kind,
        client: client.to_string(),
        ..Activity::new(ActivityId(id), title)
    };
    plan.activities = vec![
        Activity::new(ActivityId(1), "Landing zone"),
        Activity {
            start: Some(date("2026-11-25")),
            deadline: Some(date("2026-12-09")),
            budget_hours: Some(37.75),
            ..book(2, "Audit, phase 1", "Acme", ActivityKind::Project)
        },
        Activity {
            status: Status::InProgress,
            start: Some(date("2026-06-01")),
            deadline: Some(date("2027-06-30")),
            ..book(3, "=Retainer", "Acme", ActivityKind::ManagedService)
        },
        Activity {
            start: Some(date("2026-12-07")),
            deadline: Some(date("2026-12-18")),
            commitment: Commitment::Tentative,
            deal: Some(Deal {
                stage: DealStage::Negotiation,
                probability: 0.8,
            }),
            ..book(4, "Pen test", "Trey", ActivityKind::Project)
        },
        book(5, "Internal tools", "", ActivityKind::Internal),
    ];
    let allocation =
        |id: u32, assignee: Assignee, activity: u32, hours: f64, weeks: (&str, &str)| Allocation {
            id: AllocationId(id),
            assignee,
            activity: ActivityId(activity),
            hours_per_week: hours,
            first_week: week(weeks.0),
            last_week: week(weeks.1),
            commitment: Commitment::Tentative,
            scenario: None,
        };
    let dana = Assignee::Person(PersonId(1));
    plan.allocations = vec![
        allocation(1, dana.clone(), 1, 8.0, ("2026-W48", "2026-W49")),
        Allocation {
            commitment: Commitment::Confirmed,
            ..allocation(2, dana.clone(), 2, 7.5, ("2026-W48", "2026-W50"))
        },
        allocation(3, dana, 3, 4.0, ("2026-W49", "2026-W49")),
        allocation(
            4,
            Assignee::Placeholder {
                role: "Security Analyst".to_string(),
                skills: Vec::new(),
            },
            4,
            8.0,
            ("2026-W50", "2026-W51"),
        ),
        allocation(
            5,
            Assignee::Role(RoleId(1)),
            4,
            16.0,
            ("2026-W51", "2026-W51"),
        ),
    ];
    assert_eq!(crate::engine::validate::errors(&plan), vec![]);
    plan
}

#[test]
fn the_work_sheet_has_a_row_an_assignment_and_one_for_work_they_do_not_span() {
    assert_eq!(
        lines(&work_sheet_csv(&book_plan())),
        [
            "Work,Client,Kind,Status,Deal stage,Win probability %,Start,End,Person,Email,Role,Hours per week,Budget hours",
            "\"Audit, phase 1\",Acme,Project,Not started,,,2026-11-25,2026-12-09,Dana Fox,dana@acme.example,,7.5,37.75",
            "'=Retainer,Acme,Managed service,In progress,,,2026-06-01,2027-06-30,,,,,",
            "'=Retainer,Acme,Managed service,In progress (tentative),,,2026-11-30,2026-12-04,Dana Fox,dana@acme.example,,4,",
            "Pen test,Trey,Project,Not started,Negotiation,80%,2026-12-07,2026-12-18,,,Security Analyst,8,",
            "Pen test,Trey,Project,Not started,Negotiation,80%,2026-12-14,2026-12-18,,,Cloud Engineer,16,",
            "Internal tools,,Internal,Not started,,,,,,,,,",
            "",
        ]
    );
}

#[test]
fn the_work_sheet_imports_into_a_plan_with_the_same_people_and_again_changes_nothing() {
    for original in [book_plan(), demo_plan(PlanId(1), today())] {
        let mut empty = Plan::empty(PlanId(2), "Empty", today());
        empty.horizon = original.horizon;
        empty.scenarios = original.scenarios.clone();
        // The roles' skills are the original catalogue's ids: left out.
        empty.roles = original
            .roles
            .iter()
            .map(|role| OpenRole {
                skills: Vec::new(),
                ..role.clone()
            })
            .collect();
        let (plan, _) = import(&empty, Sheet::People, &people_sheet_csv(&original));
        let (plan, again) = import(&plan, Sheet::Work, &work_sheet_csv(&original));
        assert_eq!(again, None, "{}", original.name);
        assert_eq!(
            sheet_work(&plan),
            sheet_work(&original),
            "{}",
            original.name
        );
    }
}

#[test]
fn the_demo_work_sheet_lists_the_book_of_work_and_its_assignments() {
    check_lines(
        &work_sheet_csv(&demo_plan(PlanId(1), today())),
        &[
            // A contract signed before the horizon has a row of its own.
            "Managed Azure and AWS operations,Northwind Logistics,Managed service,In progress,,,2026-04-13,2027-06-11,,,,,",
            "Microsoft 365 migration,Alpine Ski House,Project,In progress,,,2026-12-14,2027-02-05,Ravi Patel,ravi.patel@harbourline-it.example,,28,700",
            "Microsoft 365 and Intune rollout,Contoso Dental Group,Project,Not started,Proposal,60%,2026-12-21,2027-02-05,,,Microsoft 365 Consultant,24,",
            "Microsoft 365 and Intune rollout,Contoso Dental Group,Project,Not started,Proposal,60%,2027-01-04,2027-02-05,,,Cloud Engineer,16,",
        ],
    );
}
