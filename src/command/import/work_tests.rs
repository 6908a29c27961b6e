//! Work sheet tests, on the firm of `tests.rs` (its helpers too)
//! with a book of work added by [`book_firm`]. Each test checks every row
//! and the summary, applies the command with the real `command::apply`,
//! plans the same text again (which changes nothing), and compares the
//! book of work and its assignments as [`book`] and [`bookings`] show
//! them.

use super::*;
use crate::model::{
    ActivityKind, Allocation, AllocationId, Assignee, Commitment, Contract, Deal, DealStage,
    OpenRole, Period, RoleId, RoleStatus, Scenario, ScenarioId, Scope, Status,
};
use crate::test_support::week;

/// The firm with Tom working Monday, Wednesday and Friday, Priya Raman
/// starting on 2027-01-04, Omar Haddad leaving on 2027-01-31, and a book
/// of work: "AKS platform build" for Tailspin Toys (act-2, owned by Omar,
/// 2026-11-30 to 2027-01-29, 300 h, Lena 16 h in 2026-W49 to W52), the
/// deal "Penetration test" for Trey Research (act-3, at Proposal, 50 %,
/// Tom 8 h in 2026-W50 and W51, in the scenario "Trey won") and the
/// managed service "Managed security" for Litware (act-4, a contract of
/// 24 h a week). The hiring plan has a Cloud Engineer from 2027-01-04.
fn book_firm() -> Plan {
    let mut plan = firm();
    plan.people[1].working_days = vec![Weekday::Mon, Weekday::Wed, Weekday::Fri];
    plan.people.push(Person {
        start_date: Some(date("2027-01-04")),
        ..Person::new(PersonId(3), "Priya Raman")
    });
    plan.people.push(Person {
        end_date: Some(date("2027-01-31")),
        ..Person::new(PersonId(4), "Omar Haddad")
    });
    let book = |id: u32, title: &str, client: &str| Activity {
        scope: Scope::Book,
        client: client.to_string(),
        billable: true,
        ..Activity::new(ActivityId(id), title)
    };
    plan.activities.extend([
        Activity {
            owner: Some(PersonId(4)),
            status: Status::InProgress,
            start: Some(date("2026-11-30")),
            deadline: Some(date("2027-01-29")),
            budget_hours: Some(300.0),
            ..book(2, "AKS platform build", "Tailspin Toys")
        },
        Activity {
            start: Some(date("2026-12-07")),
            deadline: Some(date("2027-01-15")),
            commitment: Commitment::Tentative,
            deal: Some(Deal {
                stage: DealStage::Proposal,
                probability: 0.5,
            }),
            ..book(3, "Penetration test", "Trey Research")
        },
        Activity {
            kind: ActivityKind::ManagedService,
            status: Status::InProgress,
            start: Some(date("2026-01-05")),
            deadline: Some(date("2027-12-31")),
            contract: Some(Contract {
                hours: 24.0,
                period: Period::Week,
                renewal: None,
            }),
            ..book(4, "Managed security", "Litware")
        },
    ]);
    plan.roles = vec![OpenRole {
        status: RoleStatus::Approved,
        ..OpenRole::new(RoleId(1), "Cloud Engineer", date("2027-01-04"))
    }];
    plan.scenarios = vec![Scenario {
        id: ScenarioId(1),
        name: "Trey won".to_string(),
    }];
    plan.allocations = vec![
        Allocation {
            id: AllocationId(1),
            assignee: Assignee::Person(PersonId(1)),
            activity: ActivityId(2),
            hours_per_week: 16.0,
            first_week: week("2026-W49"),
            last_week: week("2026-W52"),
            commitment: Commitment::Confirmed,
            scenario: None,
        },
        Allocation {
            id: AllocationId(2),
            assignee: Assignee::Person(PersonId(2)),
            activity: ActivityId(3),
            hours_per_week: 8.0,
            first_week: week("2026-W50"),
            last_week: week("2026-W51"),
            commitment: Commitment::Tentative,
            scenario: Some(ScenarioId(1)),
        },
    ];
    assert_eq!(validate::errors(&plan), vec![], "the firm is a valid plan");
    plan
}

/// Plans `text` as a Work sheet and compares every row and the summary.
fn check_work(plan: &Plan, text: &str, rows: &[&str], summary: &str) -> ImportPlan {
    check(plan, Sheet::Work, DateOrder::Iso, text, rows, summary)
}

/// The book of work, a line a piece: "act-2 AKS platform build (Tailspin
/// Toys) Project, In progress, 2026-11-30 to 2027-01-29, 300 h, billable".
fn book(plan: &Plan) -> Vec<String> {
    let date = |date: Option<NaiveDate>| date.map_or("-".to_string(), |date| date.to_string());
    plan.activities
        .iter()
        .filter(|activity| activity.scope == Scope::Book)
        .map(|activity| {
            let mut line = format!(
                "{} {} ({}) {}, {}, {} to {}",
                activity.id,
                activity.title,
                activity.client,
                activity.kind.label(),
                activity.status.label(),
                date(activity.start),
                date(activity.deadline),
            );
            if let Some(budget) = activity.budget_hours {
                line.push_str(&format!(", {budget} h"));
            }
            if let Some(deal) = activity.deal {
                line.push_str(&format!(
                    ", deal at {} {} %",
                    deal.stage.label(),
                    deal.probability * 100.0
                ));
            }
            if activity.commitment == Commitment::Tentative {
                line.push_str(", tentative");
            }
            if activity.billable {
                line.push_str(", billable");
            }
            line
        })
        .collect()
}

/// The assignments on the book of work, a line each: "act-2 Lena Novak 16
/// h 2026-W49 to 2026-W52", "tentative" and the scenario after it.
fn bookings(plan: &Plan) -> Vec<String> {
    plan.allocations
        .iter()
        .filter(|allocation| {
            plan.activity(allocation.activity)
                .is_some_and(|activity| activity.scope == Scope::Book)
        })
        .map(|allocation| {
            let who = match &allocation.assignee {
                Assignee::Person(person) => plan.person_name(*person),
                Assignee::Role(role) => format!("open role {}", plan.role_title(*role)),
                Assignee::Placeholder { role, .. } => format!("{role} (to staff)"),
            };
            let mut line = format!(
                "{} {who} {} h {} to {}",
                allocation.activity,
                allocation.hours_per_week,
                allocation.first_week,
                allocation.last_week
            );
            if allocation.commitment == Commitment::Tentative {
                line.push_str(" tentative");
            }
            if let Some(scenario) = allocation.scenario {
                line.push_str(&format!(" in {scenario}"));
            }
            line
        })
        .collect()
}

#[test]
fn rows_are_grouped_into_pieces_of_work_by_work_and_client() {
    let text = "Project,Client,Type,Status,Start,End,Assignee,Hours per week,Budget\n\
                Zero-trust rollout,Woodgrove Bank,Project,In progress,2026-11-30,2027-01-29,Lena Novak,16,300\n\
                zero-trust  ROLLOUT,woodgrove bank,,,2026-12-07,2027-01-15,Tom Becker,8,\n\
                Zero-trust rollout,Fabrikam,client project,,2026-12-07,2026-12-18,Tom Becker,4,\n\
                Certifications and training,,Internal,,,,,,\n\
                Landing zone,,,,,,,,\n";
    let plan = firm();
    let import = check_work(
        &plan,
        text,
        &[
            "2 Add 'Zero-trust rollout' (Woodgrove Bank): Lena Novak, 16 h a week, 2026-W49 to 2027-W04",
            "3 Add 'zero-trust  ROLLOUT' (woodgrove bank): Tom Becker, 8 h a week, 2026-W50 to 2027-W02",
            "4 Add 'Zero-trust rollout' (Fabrikam): Tom Becker, 4 h a week, 2026-W50 to 2026-W51",
            "5 Add 'Certifications and training'",
            "6 Add 'Landing zone'",
        ],
        "Imported work.csv: 4 pieces of work added, 3 assignments added",
    );
    let after = apply_and_reimport(&plan, &import, Sheet::Work, text);
    // The initiative "Landing zone" is not the book of work's.
    assert_eq!(after.activities[0], plan.activities[0]);
    assert_eq!(
        book(&after),
        [
            "act-2 Zero-trust rollout (Woodgrove Bank) Project, In progress, 2026-11-30 to 2027-01-29, 300 h, billable",
            "act-3 Zero-trust rollout (Fabrikam) Project, Not started, 2026-12-07 to 2026-12-18, billable",
            "act-4 Certifications and training () Internal, Not started, - to -",
            "act-5 Landing zone () Project, Not started, - to -",
        ]
    );
    assert_eq!(
        bookings(&after),
        [
            "act-2 Lena Novak 16 h 2026-W49 to 2027-W04",
            "act-2 Tom Becker 8 h 2026-W50 to 2027-W02",
            "act-3 Tom Becker 4 h 2026-W50 to 2026-W51",
        ]
    );
}

#[test]
fn work_in_the_plan_changes_only_where_the_sheet_says_something_else() {
    let text = "Work,Client,Kind,Status,Budget hours,Person,Email,Start,End,Hours per week\n\
                aks platform build,tailspin toys,,Done,,Lena Novak,,2026-11-30,2026-12-25,20\n\
                AKS platform build,Tailspin Toys,,,,,LENA.NOVAK@small-firm.example,2027-01-04,2027-01-08,16\n\
                AKS platform build,Tailspin Toys,Project,,300,,,,,\n";
    let plan = book_firm();
    let import = check_work(
        &plan,
        text,
        &[
            "2 Update 'aks platform build' (tailspin toys): Lena Novak, 20 h a week, 2026-W49 to 2026-W52",
            "3 Add 'AKS platform build' (Tailspin Toys): Lena Novak, 16 h a week, in 2027-W01",
            "4 Unchanged 'AKS platform build' (Tailspin Toys)",
        ],
        "Imported work.csv: 1 piece of work updated, 1 assignment added, 1 updated (1 unchanged)",
    );
    let after = apply_and_reimport(&plan, &import, Sheet::Work, text);
    assert_eq!(
        book(&after)[0],
        "act-2 AKS platform build (Tailspin Toys) Project, Done, 2026-11-30 to 2027-01-29, 300 h, billable"
    );
    assert_eq!(
        bookings(&after),
        [
            "act-2 Lena Novak 20 h 2026-W49 to 2026-W52",
            "act-3 Tom Becker 8 h 2026-W50 to 2026-W51 tentative in scn-1",
            "act-2 Lena Novak 16 h 2027-W01 to 2027-W01",
        ]
    );
}

#[test]
fn two_rows_that_say_different_things_of_one_piece_of_work_refuse_the_later() {
    let text = "Work,Client,Kind,Budget,Start,End,Person,Hours per week\n\
                Pilot,Acme,Project,100,2026-12-07,2026-12-18,Lena Novak,8\n\
                Pilot,ACME,Internal,100,2026-12-07,2026-12-18,Tom Becker,8\n\
                Pilot,Acme,,120,2026-12-07,2026-12-18,Tom Becker,8\n\
                Pilot,Acme,,,2026-12-21,2026-12-25,Tom Becker,8\n";
    let plan = firm();
    let import = check_work(
        &plan,
        text,
        &[
            "2 Add 'Pilot' (Acme): Lena Novak, 8 h a week, 2026-W50 to 2026-W51",
            "3 Refused 'Pilot' (ACME): Tom Becker, 8 h a week \
             | row 3, column C: Kind: Internal, but row 2 says Project for the same piece of work",
            "4 Refused 'Pilot' (Acme): Tom Becker, 8 h a week \
             | row 4, column D: Budget: 120 h, but row 2 says 100 h for the same piece of work",
            "5 Add 'Pilot' (Acme): Tom Becker, 8 h a week, in 2026-W52",
        ],
        "Imported work.csv: 1 piece of work added, 2 assignments added (2 rows refused)",
    );
    apply_and_reimport(&plan, &import, Sheet::Work, text);
}

#[test]
fn hours_per_day_are_times_the_days_the_assignee_works() {
    let text = "Work,Start,End,Person,Role,Hours per day\n\
                Pilot,2027-01-04,2027-01-15,Tom Becker,,6\n\
                Pilot,2027-01-04,2027-01-15,,cloud  engineer,8\n\
                Pilot,2027-01-04,2027-01-15,,Security Analyst,4\n\
                Pilot,2027-01-04,2027-01-15,Lena Novak,Architect,7.5\n";
    let plan = book_firm();
    let import = check_work(
        &plan,
        text,
        &[
            "2 Add 'Pilot': Tom Becker, 18 h a week, 2027-W01 to 2027-W02",
            "3 Add 'Pilot': open role Cloud Engineer, 40 h a week, 2027-W01 to 2027-W02",
            "4 Add 'Pilot': Security Analyst (to staff), 20 h a week, 2027-W01 to 2027-W02",
            "5 Add 'Pilot': Lena Novak, 37.5 h a week, 2027-W01 to 2027-W02",
        ],
        "Imported work.csv: 1 piece of work added, 4 assignments added",
    );
    let after = apply_and_reimport(&plan, &import, Sheet::Work, text);
    assert_eq!(
        book(&after)[3],
        "act-5 Pilot () Project, Not started, 2027-01-04 to 2027-01-15"
    );
    assert_eq!(
        bookings(&after)[2..],
        [
            "act-5 Tom Becker 18 h 2027-W01 to 2027-W02",
            "act-5 open role Cloud Engineer 40 h 2027-W01 to 2027-W02",
            "act-5 Security Analyst (to staff) 20 h 2027-W01 to 2027-W02",
            "act-5 Lena Novak 37.5 h 2027-W01 to 2027-W02",
        ]
    );
}

#[test]
fn an_assignment_without_dates_takes_its_works() {
    let text = "Work,Start,End,Person,Hours per week\n\
                Pilot,2026-12-07,2027-01-15,,\n\
                Pilot,,,Lena Novak,8\n\
                Pilot,,2026-12-18,Tom Becker,4\n\
                Backlog,,,Lena Novak,8\n\
                Pilot,2027-02-01,,,\n";
    let plan = firm();
    let import = check_work(
        &plan,
        text,
        &[
            "2 Add 'Pilot'",
            "3 Add 'Pilot': Lena Novak, 8 h a week, 2026-W50 to 2027-W02",
            "4 Add 'Pilot': Tom Becker, 4 h a week, 2026-W50 to 2026-W51",
            "5 Refused 'Backlog': Lena Novak, 8 h a week \
             | row 5, column B: Start: no first day is given, and the work has no start: give a Start",
            "6 Refused 'Pilot' \
             | row 6, column B: Start: 2027-02-01, but row 2 says 2026-12-07 for the same piece of work",
        ],
        "Imported work.csv: 1 piece of work added, 2 assignments added (2 rows refused)",
    );
    let after = apply_and_reimport(&plan, &import, Sheet::Work, text);
    assert_eq!(
        book(&after),
        ["act-2 Pilot () Project, Not started, 2026-12-07 to 2027-01-15"]
    );
}

#[test]
fn the_dates_of_a_piece_of_work_keep_the_plans_rules() {
    // A new piece of work's own start after the end of its assignments;
    // an end after the owner leaves; a start after the end in the plan.
    let text = "Work,Client,Start,End,Person,Hours per week\n\
                Pilot,,2027-02-01,,,\n\
                Pilot,,2026-12-07,2026-12-18,Lena Novak,8\n\
                AKS platform build,Tailspin Toys,,2027-02-12,,\n\
                AKS platform build,Tailspin Toys,2027-02-01,,,\n";
    let plan = book_firm();
    let import = check_work(
        &plan,
        text,
        &[
            "2 Refused 'Pilot' | row 2, column C: Start: 2027-02-01 is after 2026-12-18, the last day of the work",
            "3 Add 'Pilot': Lena Novak, 8 h a week, 2026-W50 to 2026-W51",
            "4 Refused 'AKS platform build' (Tailspin Toys) \
             | row 4, column D: End: 2027-02-12 is after Omar Haddad, who owns 'AKS platform build' (Tailspin Toys), leaves on 2027-01-31: give it to someone else first",
            "5 Refused 'AKS platform build' (Tailspin Toys) \
             | row 5, column C: Start: 2027-02-01 is after 2027-01-29, the last day of the work",
        ],
        "Imported work.csv: 1 piece of work added, 1 assignment added (3 rows refused)",
    );
    let after = apply_and_reimport(&plan, &import, Sheet::Work, text);
    assert_eq!(
        book(&after)[3],
        "act-5 Pilot () Project, Not started, 2026-12-07 to 2026-12-18"
    );
}

#[test]
fn unknown_people_repeated_rows_and_the_rules_of_a_booking_are_refused() {
    let text = "Work,Start,End,Person,Role,Hours per week\n\
                Pilot,2026-12-07,2026-12-18,Dana Fox,,8\n\
                Pilot,2026-12-07,2026-12-18,lena  novak,,8\n\
                Pilot,2026-12-08,2026-12-17,Lena Novak,,4\n\
                Pilot,2026-12-07,2026-12-18,Priya Raman,,8\n\
                Pilot,2026-12-07,2026-12-18,,Cloud Engineer,8\n\
                Pilot,2027-03-01,2027-03-05,Tom Becker,,8\n\
                Pilot,2026-12-07,2026-12-18,Tom Becker,,200\n\
                Pilot,2026-12-07,2026-12-18,Tom Becker,,\n\
                Pilot,2026-12-07,2026-12-18,,,8\n\
                Pilot,2026-12-18,2026-12-07,Tom Becker,,8\n\
                Pilot,2026-12-07,2026-12-18,Omar Haddad,,0\n";
    let plan = book_firm();
    let import = check_work(
        &plan,
        text,
        &[
            "2 Refused 'Pilot' | row 2, column D: Person: no one called 'Dana Fox' in the plan: add them on People or import the People sheet first",
            "3 Add 'Pilot': Lena Novak, 8 h a week, 2026-W50 to 2026-W51",
            "4 Refused 'Pilot': Lena Novak, 4 h a week, 2026-W50 to 2026-W51 | row 4, column D: Person: row 3 says the same",
            "5 Refused 'Pilot': Priya Raman, 8 h a week, 2026-W50 to 2026-W51 | row 5, column B: Start: Priya Raman only starts on 4 Jan 2027",
            "6 Refused 'Pilot': open role Cloud Engineer, 8 h a week, 2026-W50 to 2026-W51 | row 6, column B: Start: the open role Cloud Engineer only starts on 4 Jan 2027",
            "7 Refused 'Pilot': Tom Becker, 8 h a week | row 7, column B: Start: 2027-W09 starts after the plan's horizon ends in 2027-W07: lengthen the horizon on the Capacity view, then import again",
            "8 Refused 'Pilot' | row 8, column F: Hours per week: 200 hours a week is more than the 168 hours in a week",
            "9 Refused 'Pilot' | row 9, column F: Hours per week: no hours are given for Tom Becker: give hours per week",
            "10 Refused 'Pilot' | row 10, column D: Person: the hours are for no one: give a Person, or a Role to staff",
            "11 Refused 'Pilot' | row 11, column C: End: 2026-12-07, the last day, is before 2026-12-18, the first",
            "12 Refused 'Pilot' | row 12, column F: Hours per week: an assignment needs more than 0 hours a week",
        ],
        "Imported work.csv: 1 piece of work added, 1 assignment added (10 rows refused)",
    );
    apply_and_reimport(&plan, &import, Sheet::Work, text);
}

/// Only the plan's horizon (2026-W48 to 2027-W07 here) is planned: a
/// booking running past it is cut to it, and to the weeks its person is
/// with the firm (Priya starts on 2027-01-04, Omar leaves on 2027-01-31);
/// one wholly before the horizon is refused. Imported again, the cut
/// bookings are found as they are.
#[test]
fn bookings_are_cut_to_the_horizon_and_to_when_people_work_here() {
    let text = "Work,Start,End,Person,Hours per week\n\
                Migration,2026-10-05,2027-06-25,Lena Novak,10\n\
                Migration,2026-12-07,2027-02-26,Priya Raman,20\n\
                Migration,2026-12-07,2027-02-26,Omar Haddad,6\n\
                Migration,2026-09-07,2026-10-30,Tom Becker,8\n";
    let plan = book_firm();
    let import = check_work(
        &plan,
        text,
        &[
            "2 Add 'Migration': Lena Novak, 10 h a week, 2026-W48 to 2027-W07 (2026-W41 to 2027-W25 asked, cut to the plan's horizon)",
            "3 Add 'Migration': Priya Raman, 20 h a week, 2027-W01 to 2027-W07 (2026-W50 to 2027-W08 asked, cut to the plan's horizon and when Priya Raman works here)",
            "4 Add 'Migration': Omar Haddad, 6 h a week, 2026-W50 to 2027-W04 (2026-W50 to 2027-W08 asked, cut to the plan's horizon and when Omar Haddad works here)",
            "5 Refused 'Migration': Tom Becker, 8 h a week | row 5, column C: End: 2026-W37 to 2026-W44 ends before the plan's horizon starts in 2026-W48: there is nothing left of it to plan",
        ],
        "Imported work.csv: 1 piece of work added, 3 assignments added, 3 assignments cut to the plan's horizon (2026-W48 to 2027-W07) or to people's dates (1 row refused)",
    );
    apply_and_reimport(&plan, &import, Sheet::Work, text);
}

#[test]
fn a_deal_and_its_work_are_tentative_and_a_won_stage_wins_it() {
    let text = "Work,Client,Deal stage,Win probability %,Person,Start,End,Hours per week,Status\n\
                Intune rollout,Contoso,Proposal,,Lena Novak,2026-12-07,2026-12-18,8,\n\
                Penetration test,Trey Research,Closed won,,Tom Becker,2026-12-07,2026-12-18,8,\n\
                Migration,Northwind,,,Lena Novak,2027-01-04,2027-01-08,4,In progress (tentative)\n\
                Firewall refresh,Northwind,,60%,Tom Becker,2027-01-04,2027-01-08,4,Confirmed\n";
    let plan = book_firm();
    let import = check_work(
        &plan,
        text,
        &[
            "2 Add 'Intune rollout' (Contoso): Lena Novak, 8 h a week, 2026-W50 to 2026-W51",
            "3 Update 'Penetration test' (Trey Research): Tom Becker, 8 h a week, 2026-W50 to 2026-W51",
            "4 Add 'Migration' (Northwind): Lena Novak, 4 h a week, in 2027-W01",
            "5 Add 'Firewall refresh' (Northwind): Tom Becker, 4 h a week, in 2027-W01",
        ],
        "Imported work.csv: 3 pieces of work added, 1 updated, 3 assignments added, 1 updated",
    );
    let after = apply_and_reimport(&plan, &import, Sheet::Work, text);
    assert_eq!(
        book(&after)[1..],
        [
            "act-3 Penetration test (Trey Research) Project, Not started, 2026-12-07 to 2027-01-15, billable",
            "act-4 Managed security (Litware) Managed service, In progress, 2026-01-05 to 2027-12-31, billable",
            "act-5 Intune rollout (Contoso) Project, Not started, 2026-12-07 to 2026-12-18, deal at Proposal 50 %, tentative, billable",
            "act-6 Migration (Northwind) Project, In progress, 2027-01-04 to 2027-01-08, billable",
            "act-7 Firewall refresh (Northwind) Project, Not started, 2027-01-04 to 2027-01-08, deal at Proposal 60 %, tentative, billable",
        ]
    );
    assert_eq!(
        bookings(&after)[1..],
        [
            "act-3 Tom Becker 8 h 2026-W50 to 2026-W51",
            "act-5 Lena Novak 8 h 2026-W50 to 2026-W51 tentative",
            "act-6 Lena Novak 4 h 2027-W01 to 2027-W01 tentative",
            "act-7 Tom Becker 4 h 2027-W01 to 2027-W01 tentative",
        ]
    );
    assert_eq!(after.scenarios, [], "winning emptied the scenario");
}

#[test]
fn what_the_plans_work_cannot_become_is_refused() {
    let text = "Work,Client,Kind,Deal stage,Win probability %\n\
                AKS platform build,Tailspin Toys,,Proposal,\n\
                AKS platform build,Tailspin Toys,,,40%\n\
                AKS platform build,Tailspin Toys,Opportunity,,\n\
                Managed security,Litware,Project,,\n\
                Penetration test,Trey Research,,Lost,\n\
                Penetration test,Trey Research,,Negotiation,80%\n\
                Pipeline,,Retainer,Won,\n";
    let plan = book_firm();
    let import = check_work(
        &plan,
        text,
        &[
            "2 Refused 'AKS platform build' (Tailspin Toys) \
             | row 2, column D: Deal stage: 'AKS platform build' (Tailspin Toys) is won work in the plan, not a deal: it does not go back to the pipeline",
            "3 Refused 'AKS platform build' (Tailspin Toys) \
             | row 3, column E: Win probability %: 'AKS platform build' (Tailspin Toys) is won work in the plan, not a deal: it does not go back to the pipeline",
            "4 Refused 'AKS platform build' (Tailspin Toys) \
             | row 4, column C: Kind: 'AKS platform build' (Tailspin Toys) is won work in the plan, not a deal: it does not go back to the pipeline",
            "5 Refused 'Managed security' (Litware) \
             | row 5, column C: Kind: 'Managed security' (Litware) has a managed-services contract: change its kind on the Work view",
            "6 Refused 'Penetration test' (Trey Research) \
             | row 6, column D: Deal stage: a lost deal is not imported: lose it on the Work view, or leave the row out",
            "7 Update 'Penetration test' (Trey Research)",
            "8 Add 'Pipeline'",
        ],
        "Imported work.csv: 1 piece of work added, 1 updated (5 rows refused)",
    );
    let after = apply_and_reimport(&plan, &import, Sheet::Work, text);
    assert_eq!(
        book(&after)[1],
        "act-3 Penetration test (Trey Research) Project, Not started, 2026-12-07 to 2027-01-15, deal at Negotiation 80 %, tentative, billable"
    );
    assert_eq!(
        book(&after)[3],
        "act-5 Pipeline () Managed service, Not started, - to -",
        "a retainer is a managed service; won, it is no deal"
    );
}

#[test]
fn cells_the_import_cannot_read_are_named() {
    check_work(
        &firm(),
        "Work,Kind,Status,Deal stage,Win probability %,Budget\n\
         Pilot,Hobby,Sort of,Maybe,150 %,lots\n\
         ,Project,,,,\n",
        &[
            "2 Refused 'Pilot' \
             | row 2, column C: Status: \"Sort of\" is not a status: write not started, in progress, blocked or done, with (tentative) after it for tentative work \
             | row 2, column B: Kind: \"Hobby\" is not a kind of work: write project, managed service, support, internal or deal \
             | row 2, column D: Deal stage: \"Maybe\" is not a deal stage: write lead, qualified, proposal, negotiation or won \
             | row 2, column E: Win probability %: \"150 %\" is more than 100 % \
             | row 2, column F: Budget: \"lots\" is not a number of hours",
            "3 Refused  | row 3, column A: Work: every row needs the name of a piece of work",
        ],
        "Nothing changes from work.csv: 2 rows refused",
    );
}
