//! Commands of money, roles and cadence on the demo plan (laid out around
//! Monday 2026-11-23: the horizon is 2026-W46 to 2027-W05; the open role
//! "Cloud Engineer", rol-1, starts on Monday 2027-01-04, in 2027-W01, in
//! the Contoso scenario).

use chrono::NaiveDate;

use super::super::*;
use crate::model::{
    Assignee, CadenceKind, Commitment, Frequency, RaciRole, RoleStatus, SkillRequirement,
};
use crate::test_support::{demo, today, week};

/// Applies `command` to `plan` and compares the summary or the error.
fn check_on(plan: &Plan, command: Command, expected: Result<&str, &str>) -> Option<Plan> {
    let result = apply(plan, &command, today());
    match (&result, expected) {
        (Ok(applied), Ok(summary)) => assert_eq!(applied.summary, summary),
        (Err(error), Err(message)) => assert_eq!(error.to_string(), message),
        (got, want) => {
            let got = got
                .as_ref()
                .map(|applied| &applied.summary)
                .map_err(ToString::to_string);
            panic!("{command:?}\n got: {got:?}\nwant: {want:?}")
        }
    }
    result.ok().map(|applied| applied.plan)
}

fn check(command: Command, expected: Result<&str, &str>) -> Option<Plan> {
    check_on(&demo(), command, expected)
}

/// 8 h a week of act-6 on the open role in 2027-W02 and W03.
fn work_on_the_role() -> Allocation {
    Allocation {
        id: AllocationId(0),
        assignee: Assignee::Role(RoleId(1)),
        activity: ActivityId(6),
        hours_per_week: 8.0,
        first_week: week("2027-W02"),
        last_week: week("2027-W03"),
        commitment: Commitment::Confirmed,
        scenario: None,
    }
}

#[test]
fn rates_and_targets_are_set_per_person() {
    let plan = check(
        Command::SetPersonRates {
            person: PersonId(4),
            employment: Employment::Contractor,
            cost_rate: Some(100.0),
            billable_target: Some(0.9),
        },
        Ok("Marcus Hill: contractor, costs 100 EUR an hour, billable target 90 %"),
    )
    .expect("applied");
    let marcus = plan.person(PersonId(4)).expect("Marcus");
    assert_eq!(
        (marcus.cost_rate, marcus.billable_target),
        (Some(100.0), Some(0.9))
    );
    check(
        Command::SetPersonRates {
            person: PersonId(9),
            employment: Employment::Employee,
            cost_rate: None,
            billable_target: None,
        },
        Ok("Mei Chen: employee, no cost rate, no billable target"),
    );
    check(
        Command::SetPersonRates {
            person: PersonId(4),
            employment: Employment::Contractor,
            cost_rate: Some(100.0),
            billable_target: Some(1.5),
        },
        Err("Marcus Hill's billable target is a share from 0 % to 100 %"),
    );
    check(
        Command::SetPersonRates {
            person: PersonId(4),
            employment: Employment::Contractor,
            cost_rate: Some(-1.0),
            billable_target: None,
        },
        Err("a cost rate cannot be negative"),
    );
    check(
        Command::SetPersonRates {
            person: PersonId(99),
            employment: Employment::Partner,
            cost_rate: None,
            billable_target: None,
        },
        Err("There is no person per-99 in this plan."),
    );
}

#[test]
fn billing_and_budgets_are_set_per_activity() {
    let plan = check(
        Command::SetBilling {
            activity: ActivityId(2),
            billable: true,
            billing: Billing::Hourly { rate: 150.0 },
            budget_hours: Some(200.0),
        },
        Ok("'Standard Azure landing zone in Terraform': billable at 150 EUR an hour, budget 200 h"),
    )
    .expect("applied");
    let landing = plan.activity(ActivityId(2)).expect("act-2");
    assert_eq!(landing.billing, Billing::Hourly { rate: 150.0 });
    assert_eq!(landing.budget_hours, Some(200.0));
    check(
        Command::SetBilling {
            activity: ActivityId(6),
            billable: true,
            billing: Billing::FixedFee { amount: 12_000.0 },
            budget_hours: None,
        },
        Ok("'Pilot: onboard Fabrikam Legal in 7 days': billable at a fixed fee of 12,000 EUR, no budget"),
    );
    check(
        Command::SetBilling {
            activity: ActivityId(4),
            billable: false,
            billing: Billing::NotBilled,
            budget_hours: Some(40.0),
        },
        Ok("'Self-service intake form and checklist': not billable, budget 40 h"),
    );
    check(
        Command::SetBilling {
            activity: ActivityId(2),
            billable: true,
            billing: Billing::Hourly { rate: -5.0 },
            budget_hours: None,
        },
        Err("a bill rate cannot be negative"),
    );
    check(
        Command::SetBilling {
            activity: ActivityId(2),
            billable: true,
            billing: Billing::NotBilled,
            budget_hours: Some(-1.0),
        },
        Err(
            "'Standard Azure landing zone in Terraform' has a negative budget: use 0 or more hours",
        ),
    );
}

#[test]
fn a_person_holds_one_raci_letter_per_activity() {
    // Marcus is responsible for the landing zone (with Tom); Daniel is
    // consulted.
    let plan = check(
        Command::SetRaci {
            activity: ActivityId(2),
            person: PersonId(4),
            role: Some(RaciRole::Consulted),
        },
        Ok("Marcus Hill is consulted on 'Standard Azure landing zone in Terraform'"),
    )
    .expect("applied");
    let landing = plan.activity(ActivityId(2)).expect("act-2");
    assert_eq!(landing.responsible, [PersonId(2)]);
    assert_eq!(landing.consulted, [PersonId(4), PersonId(6)], "in id order");
    let plan = check_on(
        &plan,
        Command::SetRaci {
            activity: ActivityId(2),
            person: PersonId(4),
            role: None,
        },
        Ok("Marcus Hill is no longer responsible, consulted or informed on 'Standard Azure landing zone in Terraform'"),
    )
    .expect("applied");
    assert_eq!(
        plan.activity(ActivityId(2)).expect("act-2").consulted,
        [PersonId(6)]
    );
    check(
        Command::SetRaci {
            activity: ActivityId(6),
            person: PersonId(9),
            role: Some(RaciRole::Informed),
        },
        Ok("Mei Chen is informed about 'Pilot: onboard Fabrikam Legal in 7 days'"),
    );
    check(
        Command::SetRaci {
            activity: ActivityId(6),
            person: PersonId(5),
            role: Some(RaciRole::Responsible),
        },
        Ok("Aisha Khan is responsible for 'Pilot: onboard Fabrikam Legal in 7 days'"),
    );
    check(
        Command::SetRaci {
            activity: ActivityId(6),
            person: PersonId(99),
            role: Some(RaciRole::Responsible),
        },
        Err("There is no person per-99 in this plan."),
    );
}

#[test]
fn open_roles_are_added_changed_and_removed() {
    let mut analyst = OpenRole::new(RoleId(0), "Security Analyst", today());
    analyst.team = "Security".to_string();
    let plan = check(
        Command::AddRole(analyst),
        Ok("Added the open role 'Security Analyst'"),
    )
    .expect("applied");
    assert_eq!(plan.roles[1].id, RoleId(2));

    let mut interviewing = demo().roles[0].clone();
    interviewing.status = RoleStatus::Interviewing;
    check(
        Command::UpdateRole(interviewing),
        Ok("The open role 'Cloud Engineer' is now interviewing"),
    );
    let mut renamed = demo().roles[0].clone();
    renamed.weekly_hours = 32.0;
    check(
        Command::UpdateRole(renamed.clone()),
        Ok("Changed the open role 'Cloud Engineer'"),
    );
    renamed.weekly_hours = 200.0;
    check(
        Command::UpdateRole(renamed),
        Err("200 hours a week is not possible: use 0 to 168"),
    );
    check(
        Command::RemoveRole(RoleId(9)),
        Err("There is no open role rol-9 in the hiring plan."),
    );

    // Removing a role with work on it keeps the work, for a role to staff.
    let with_work = check(
        Command::AddAllocation(work_on_the_role()),
        Ok("Allocated the open role Cloud Engineer on 'Pilot: onboard Fabrikam Legal in 7 days', 8 h a week, 2027-W02 to 2027-W03"),
    )
    .expect("applied");
    let removed = check_on(
        &with_work,
        Command::RemoveRole(RoleId(1)),
        Ok("Removed the open role 'Cloud Engineer'; its 2 allocations stay open as placeholders"),
    )
    .expect("applied");
    assert!(removed.roles.is_empty());
    assert_eq!(
        removed
            .allocations
            .last()
            .expect("the new allocation")
            .assignee,
        Assignee::Placeholder {
            role: "Cloud Engineer".to_string(),
            skills: demo().roles[0]
                .skills
                .iter()
                .map(|held| SkillRequirement {
                    skill: held.skill,
                    min_level: held.level,
                })
                .collect(),
        }
    );
}

#[test]
fn work_on_a_role_waits_for_its_start() {
    let mut early = work_on_the_role();
    early.first_week = week("2026-W53");
    check(
        Command::AddAllocation(early),
        Err("the Cloud Engineer only starts on 4 Jan 2027"),
    );
    let mut unknown = work_on_the_role();
    unknown.assignee = Assignee::Role(RoleId(7));
    check(
        Command::AddAllocation(unknown),
        Err("There is no open role rol-7 in the hiring plan."),
    );
}

#[test]
fn filling_a_role_makes_a_person_who_takes_over_its_work() {
    let with_work = check(
        Command::AddAllocation(work_on_the_role()),
        Ok("Allocated the open role Cloud Engineer on 'Pilot: onboard Fabrikam Legal in 7 days', 8 h a week, 2027-W02 to 2027-W03"),
    )
    .expect("applied");
    let filled = check_on(
        &with_work,
        Command::FillRole {
            role: RoleId(1),
            name: " Nina Brandt ".to_string(),
            start_date: None,
        },
        Ok("Nina Brandt filled the role 'Cloud Engineer' and took over its 2 allocations"),
    )
    .expect("applied");
    let nina = filled.person(PersonId(16)).expect("a new person");
    let role = &with_work.roles[0];
    assert_eq!(nina.name, "Nina Brandt");
    assert_eq!(nina.role, "Cloud Engineer");
    assert_eq!(nina.team, "Cloud");
    assert_eq!(nina.skills, role.skills);
    assert_eq!(nina.weekly_hours, 40.0);
    assert_eq!(nina.cost_rate, Some(56.0));
    assert_eq!(nina.start_date, Some(role.start_date));
    assert_eq!(
        filled
            .allocations
            .last()
            .expect("the new allocation")
            .assignee,
        Assignee::Person(PersonId(16))
    );
    assert_eq!(filled.roles[0].status, RoleStatus::Filled);
    assert_eq!(filled.roles[0].filled_by, Some(PersonId(16)));
    // Filled once is filled.
    check_on(
        &filled,
        Command::FillRole {
            role: RoleId(1),
            name: "Someone Else".to_string(),
            start_date: None,
        },
        Err("The role 'Cloud Engineer' is already filled."),
    );
    check_on(
        &filled,
        Command::AddAllocation(work_on_the_role()),
        Err("the role 'Cloud Engineer' is filled: allocate the person who filled it"),
    );
    // Starting later than the work on the role: refused, nothing changes.
    check_on(
        &with_work,
        Command::FillRole {
            role: RoleId(1),
            name: "Nina Brandt".to_string(),
            start_date: NaiveDate::from_ymd_opt(2027, 1, 18),
        },
        Err("Nina Brandt only starts on 18 Jan 2027"),
    );
    // Without a name there is no person.
    check_on(
        &with_work,
        Command::FillRole {
            role: RoleId(1),
            name: "  ".to_string(),
            start_date: None,
        },
        Err("a person needs a name"),
    );
}

#[test]
fn a_scenario_decides_its_hires() {
    // Lost: the scenario's work goes and so does its hire.
    let lost = check(
        Command::RemoveScenario(ScenarioId(1)),
        Ok("Removed the scenario 'Contoso Dental Group signs' and its 2 allocations and 1 open role"),
    )
    .expect("applied");
    assert!(lost.roles.is_empty());
    // Won: the hire is part of the plan.
    let won = check(
        Command::ConfirmScenario(ScenarioId(1)),
        Ok("Confirmed 'Contoso Dental Group signs': its work is now in the plan"),
    )
    .expect("applied");
    assert_eq!(won.roles[0].scenario, None);
}

#[test]
fn cadences_are_added_changed_and_removed() {
    let board = Cadence {
        title: "Change advisory board".to_string(),
        frequency: Frequency::Weekly,
        ..Cadence::standard(
            CadenceId(0),
            CadenceKind::Custom,
            Weekday::Thu,
            None,
            Some(PersonId(6)),
        )
    };
    let plan = check(
        Command::AddCadence(board),
        Ok("Added the cadence 'Change advisory board'"),
    )
    .expect("applied");
    assert_eq!(plan.cadences[3].id, CadenceId(4));
    let mut review = demo().cadences[1].clone();
    review.nth = Some(2);
    check(
        Command::UpdateCadence(review.clone()),
        Ok("Changed the cadence 'Monthly service review'"),
    );
    review.nth = None;
    check(
        Command::UpdateCadence(review),
        Err("'Monthly service review' needs which weekday of the month it meets on: 1 (the first) to 4"),
    );
    check(
        Command::RemoveCadence(CadenceId(3)),
        Ok("Removed the cadence 'Quarterly strategy review'"),
    );
    check(
        Command::RemoveCadence(CadenceId(9)),
        Err("There is no cadence cad-9 in this plan."),
    );
}

#[test]
fn a_person_leaving_hands_over_their_raci_places_and_meetings() {
    // Marcus goes, Aisha takes over: she is responsible for the landing
    // zone in his place.
    let plan = check(
        Command::RemovePerson {
            person: PersonId(4),
            reassign_to: Some(PersonId(5)),
        },
        Ok("Removed Marcus Hill; Aisha Khan took over 2 pieces of work and 3 allocations"),
    )
    .expect("applied");
    assert_eq!(
        plan.activity(ActivityId(2)).expect("act-2").responsible,
        [PersonId(2), PersonId(5)]
    );
    // James goes with nobody to take over: the service review has no owner
    // and he leaves the RACI lists; Priya, who owns a meeting, hands it to
    // Tom (already informed on act-1, so not made responsible there too).
    let plan = check(
        Command::RemovePerson {
            person: PersonId(8),
            reassign_to: None,
        },
        Ok("Removed James O'Connor and left 2 pieces of work unowned and 2 allocations open as placeholders"),
    )
    .expect("applied");
    assert_eq!(plan.cadences[1].owner, None);
    assert!(plan
        .activities
        .iter()
        .all(|activity| activity.raci_role(PersonId(8)).is_none()));
    let plan = check(
        Command::RemovePerson {
            person: PersonId(1),
            reassign_to: Some(PersonId(2)),
        },
        Ok("Removed Priya Raman; Tom Becker took over 4 pieces of work and 4 allocations"),
    )
    .expect("applied");
    assert_eq!(plan.cadences[0].owner, Some(PersonId(2)));
    let mapping = plan.activity(ActivityId(1)).expect("act-1");
    assert!(mapping.responsible.is_empty());
    assert_eq!(mapping.informed, [PersonId(2)]);
}

#[test]
fn every_new_command_can_be_undone_and_redone() {
    let commands = [
        Command::SetPersonRates {
            person: PersonId(2),
            employment: Employment::Partner,
            cost_rate: Some(80.0),
            billable_target: Some(0.5),
        },
        Command::SetBilling {
            activity: ActivityId(3),
            billable: true,
            billing: Billing::FixedFee { amount: 14_000.0 },
            budget_hours: Some(90.0),
        },
        Command::SetRaci {
            activity: ActivityId(3),
            person: PersonId(12),
            role: Some(RaciRole::Responsible),
        },
        Command::AddRole(OpenRole::new(RoleId(0), "Service Desk Analyst", today())),
        Command::UpdateRole(OpenRole {
            status: RoleStatus::Offer,
            ..demo().roles[0].clone()
        }),
        Command::AddAllocation(work_on_the_role()),
        Command::FillRole {
            role: RoleId(1),
            name: "Nina Brandt".to_string(),
            start_date: None,
        },
        Command::RemoveRole(RoleId(2)),
        Command::AddCadence(Cadence::standard(
            CadenceId(0),
            CadenceKind::WeeklyOpsSync,
            Weekday::Fri,
            None,
            None,
        )),
        Command::UpdateCadence(Cadence {
            weekday: Weekday::Wed,
            ..demo().cadences[1].clone()
        }),
        Command::RemoveCadence(CadenceId(3)),
    ];
    let mut history = History::new(demo());
    let mut plans = vec![history.plan().clone()];
    for command in &commands {
        history
            .execute(command, today())
            .unwrap_or_else(|error| panic!("{command:?}: {error}"));
        assert_ne!(history.plan(), plans.last().expect("a plan"), "{command:?}");
        plans.push(history.plan().clone());
    }
    for before in plans.iter().rev().skip(1) {
        history.undo().expect("undo");
        assert_eq!(history.plan(), before);
    }
    for after in plans.iter().skip(1) {
        history.redo().expect("redo");
        assert_eq!(history.plan(), after);
    }
}
