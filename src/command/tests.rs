//! Command tests on the demo plan, one `check` per expectation.

use chrono::NaiveDate;

use super::*;
use crate::model::demo::demo_plan;
use crate::model::{ActivityKind, Assignee, Commitment, PlanId, Scope, StatusChange, Week};
use crate::test_support::date;

/// Sunday 2026-11-22, not the shared Monday of `test_support`: the weeks
/// and summaries these tests expect are those of the demo laid out from it.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("date")
}

/// The demo laid out around this file's Sunday [`today`], in canonical
/// order.
fn demo() -> Plan {
    let mut plan = demo_plan(PlanId(1), today());
    plan.sort_canonically();
    plan
}

/// Applies `command` to the demo plan and compares the summary or the error.
fn check(command: Command, expected: Result<&str, &str>) -> Option<Plan> {
    check_on(&demo(), command, expected)
}

/// [`check`] on `plan`.
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

fn activity(plan: &Plan, id: u32) -> Activity {
    plan.activity(ActivityId(id))
        .cloned()
        .expect("activity in demo")
}

fn new_activity(title: &str) -> Activity {
    Activity {
        owner: Some(PersonId(2)),
        start: Some(date("2026-12-01")),
        deadline: Some(date("2026-12-18")),
        effort_hours: 16.0,
        kind: ActivityKind::Internal,
        ..Activity::new(ActivityId(0), title)
    }
}

#[test]
fn adding_an_activity_gives_the_next_id_and_a_history() {
    let plan = check(
        Command::AddActivity(new_activity("Write runbooks")),
        Ok("Added 'Write runbooks'"),
    )
    .expect("applied");
    let added = activity(&plan, 21);
    assert_eq!(added.title, "Write runbooks");
    assert_eq!(
        added.status_history,
        vec![StatusChange {
            date: today(),
            status: Status::NotStarted
        }]
    );
}

#[test]
fn rules_are_enforced_with_readable_messages() {
    let mut backwards = new_activity("Backwards");
    backwards.deadline = Some(date("2026-11-30"));
    check(
        Command::AddActivity(backwards),
        Err("'Backwards' has its deadline 2026-11-30 before its start 2026-12-01"),
    );

    let mut late_checkin = new_activity("Late check-in");
    late_checkin.checkin = Some(date("2026-12-19"));
    check(
        Command::AddActivity(late_checkin),
        Err("'Late check-in' has its check-in 2026-12-19 outside its start and deadline"),
    );

    let mut negative = new_activity("Negative");
    negative.effort_hours = -4.0;
    check(
        Command::AddActivity(negative),
        Err("'Negative' has a negative effort: use 0 or more hours"),
    );

    let mut stranger = new_activity("Stranger");
    stranger.owner = Some(PersonId(99));
    check(
        Command::AddActivity(stranger),
        Err("'Stranger' is owned by per-99, who is not in the plan's people"),
    );

    let mut untitled = new_activity("  ");
    untitled.impact = 3;
    check(
        Command::AddActivity(untitled),
        Err("an activity needs a title"),
    );

    let mut itself = activity(&demo(), 2);
    itself.depends_on.push(ActivityId(2));
    check(
        Command::UpdateActivity(itself),
        Err("'Standard Azure landing zone in Terraform' depends on itself"),
    );
}

#[test]
fn a_dependency_loop_names_every_activity_on_it() {
    let mut first = activity(&demo(), 1);
    first.depends_on.push(ActivityId(6));
    check(
        Command::UpdateActivity(first),
        Err(
            "the dependencies form a loop: Map the current onboarding process → \
             Pilot: onboard Fabrikam Legal in 7 days → Self-service intake form and checklist → \
             Map the current onboarding process",
        ),
    );
}

#[test]
fn moving_a_card_records_the_status_history() {
    let plan = check(
        Command::SetStatus {
            activity: ActivityId(5),
            status: Status::InProgress,
        },
        Ok("Moved 'Security baseline sign-off for new clients' to In progress"),
    )
    .expect("applied");
    let moved = activity(&plan, 5);
    assert_eq!(moved.status, Status::InProgress);
    assert_eq!(
        moved.status_history.last(),
        Some(&StatusChange {
            date: today(),
            status: Status::InProgress
        })
    );
    check(
        Command::SetStatus {
            activity: ActivityId(99),
            status: Status::Done,
        },
        Err("There is no activity act-99 in this plan."),
    );
}

#[test]
fn updating_an_activity_keeps_its_history_and_adds_a_changed_status() {
    let mut changed = activity(&demo(), 4);
    let history_before = changed.status_history.clone();
    changed.status = Status::Done;
    changed.status_history.clear();
    let plan = check(
        Command::UpdateActivity(changed),
        Ok("Changed 'Self-service intake form and checklist'"),
    )
    .expect("applied");
    let after = activity(&plan, 4);
    assert_eq!(after.status_history.len(), history_before.len() + 1);
    assert_eq!(
        &after.status_history[..history_before.len()],
        &history_before[..]
    );
}

#[test]
fn deleting_an_activity_removes_what_points_at_it() {
    let plan = check(
        Command::DeleteActivity(ActivityId(1)),
        Ok("Deleted 'Map the current onboarding process'"),
    )
    .expect("applied");
    assert!(plan.activity(ActivityId(1)).is_none());
    assert!(plan
        .activities
        .iter()
        .all(|a| !a.depends_on.contains(&ActivityId(1))));
    assert!(plan.allocations.iter().all(|a| a.activity != ActivityId(1)));
    assert!(plan
        .checkins
        .iter()
        .flat_map(|c| &c.entries)
        .all(|e| e.activity != ActivityId(1)));
}

#[test]
fn removing_a_person_hands_over_or_frees_their_work() {
    let plan = check(
        Command::RemovePerson {
            person: PersonId(2),
            reassign_to: Some(PersonId(3)),
        },
        Ok("Removed Tom Becker; Lena Novak took over 2 pieces of work and 5 allocations"),
    )
    .expect("applied");
    assert_eq!(activity(&plan, 2).owner, Some(PersonId(3)));

    let plan = check(
        Command::RemovePerson {
            person: PersonId(2),
            reassign_to: None,
        },
        Ok("Removed Tom Becker and left 2 pieces of work unowned and 5 allocations open as placeholders"),
    )
    .expect("applied");
    assert_eq!(activity(&plan, 2).owner, None);
    let placeholder = plan
        .allocations
        .iter()
        .find(|allocation| allocation.id == AllocationId(2))
        .expect("allocation kept");
    assert_eq!(
        placeholder.assignee,
        Assignee::Placeholder {
            role: "Cloud Architect".to_string(),
            skills: Vec::new()
        }
    );

    check(
        Command::RemovePerson {
            person: PersonId(2),
            reassign_to: Some(PersonId(2)),
        },
        Err("Tom Becker cannot take over their own work: pick someone else or leave it unowned."),
    );
    check(
        Command::RemovePerson {
            person: PersonId(42),
            reassign_to: None,
        },
        Err("There is no person per-42 in this plan."),
    );
}

#[test]
fn people_rules() {
    let mut person = demo().person(PersonId(3)).cloned().expect("person");
    person.weekly_hours = 200.0;
    check(
        Command::UpdatePerson(person.clone()),
        Err("200 hours a week is more than the 168 hours in a week"),
    );
    person.weekly_hours = 32.0;
    person.end_date = Some(date("2020-01-01"));
    person.start_date = Some(date("2021-01-01"));
    check(
        Command::UpdatePerson(person),
        Err("Lena Novak leaves on 2020-01-01, before starting on 2021-01-01"),
    );
}

#[test]
fn allocations_need_hours_and_an_order() {
    let week = Week::containing(today());
    let allocation = Allocation {
        id: AllocationId(0),
        assignee: Assignee::Person(PersonId(4)),
        activity: ActivityId(2),
        hours_per_week: 0.0,
        first_week: week,
        last_week: week,
        commitment: Commitment::Confirmed,
        scenario: None,
    };
    check(
        Command::AddAllocation(allocation.clone()),
        Err("an allocation needs more than 0 hours a week"),
    );
    let backwards = Allocation {
        hours_per_week: 8.0,
        last_week: week.plus_weeks(-1),
        ..allocation.clone()
    };
    check(
        Command::AddAllocation(backwards),
        Err("the allocation ends in 2026-W46 before it starts in 2026-W47"),
    );
    let good = Allocation {
        hours_per_week: 8.0,
        ..allocation
    };
    check(
        Command::AddAllocation(good),
        Ok("Allocated Marcus Hill on 'Standard Azure landing zone in Terraform', 8 h a week, in 2026-W47"),
    );
}

#[test]
fn undo_and_redo_give_back_the_exact_plans() {
    let mut history = History::new(demo());
    let original = history.plan().clone();
    let commands = [
        Command::SetStatus {
            activity: ActivityId(4),
            status: Status::Done,
        },
        Command::RenamePlan("Onboarding in a week".to_string()),
        Command::DeleteActivity(ActivityId(6)),
        Command::RemovePerson {
            person: PersonId(8),
            reassign_to: None,
        },
    ];
    let mut snapshots = vec![original.clone()];
    for command in &commands {
        history.execute(command, today()).expect("valid command");
        snapshots.push(history.plan().clone());
    }
    assert_eq!(history.undo_label(), Some("Removed James O'Connor and left 2 pieces of work unowned and 2 allocations open as placeholders"));
    for expected in snapshots.iter().rev().skip(1) {
        history.undo().expect("something to undo");
        assert_eq!(history.plan(), expected);
    }
    assert_eq!(history.undo(), None);
    for expected in snapshots.iter().skip(1) {
        history.redo().expect("something to redo");
        assert_eq!(history.plan(), expected);
    }
    assert_eq!(history.redo(), None);
}

#[test]
fn a_refused_command_changes_nothing_and_keeps_redo() {
    let mut history = History::new(demo());
    history
        .execute(&Command::RenamePlan("Renamed".to_string()), today())
        .expect("valid");
    history.undo();
    let before = history.plan().clone();
    let refused = history.execute(&Command::RenamePlan(String::new()), today());
    assert_eq!(
        refused.map_err(|e| e.to_string()),
        Err("the plan needs a name".to_string())
    );
    assert_eq!(history.plan(), &before);
    assert_eq!(history.redo_label(), Some("Renamed the plan to 'Renamed'"));
}

#[test]
fn a_command_that_changes_nothing_leaves_no_undo_step() {
    let mut history = History::new(demo());
    let summary = history
        .execute(
            &Command::SetStatus {
                activity: ActivityId(1),
                status: Status::Done,
            },
            today(),
        )
        .expect("valid");
    assert_eq!(
        summary,
        "'Map the current onboarding process' is already Done"
    );
    assert_eq!(history.undo_label(), None);
}

#[test]
fn pins_make_room_and_unpin() {
    let mut history = History::new(demo());
    let pin = |activity: u32, position: Option<u32>| Command::PinPriority {
        activity: ActivityId(activity),
        position,
    };
    let pins = |history: &History| -> Vec<(u32, u32)> {
        let mut pins: Vec<(u32, u32)> = history
            .plan()
            .priority_pins
            .iter()
            .map(|pin| (pin.activity.0, pin.position))
            .collect();
        pins.sort_by_key(|(_, position)| *position);
        pins
    };
    assert_eq!(
        history.execute(&pin(6, Some(1)), today()),
        Ok("Pinned 'Pilot: onboard Fabrikam Legal in 7 days' at position 1".to_string())
    );
    history.execute(&pin(5, Some(2)), today()).expect("valid");
    history.execute(&pin(4, Some(1)), today()).expect("valid");
    assert_eq!(pins(&history), vec![(4, 1), (6, 2), (5, 3)]);
    history.execute(&pin(6, None), today()).expect("valid");
    assert_eq!(pins(&history), vec![(4, 1), (5, 3)]);
    history
        .execute(&Command::DeleteActivity(ActivityId(4)), today())
        .expect("valid");
    assert_eq!(pins(&history), vec![(5, 3)]);
    assert_eq!(
        history
            .execute(&pin(99, Some(1)), today())
            .map_err(|e| e.to_string()),
        Err("There is no activity act-99 in this plan.".to_string())
    );
}

#[test]
fn an_owner_must_be_employed_when_the_work_is_due() {
    let mut leaver = demo().person(PersonId(2)).cloned().expect("person");
    leaver.end_date = Some(date("2026-12-01"));
    check(
        Command::UpdatePerson(leaver),
        Err(
            "Tom Becker leaves on 2026-12-01, before 'Standard Azure landing zone in Terraform' \
             is due on 2026-12-18: hand it to someone else first",
        ),
    );
    let mut hire_task = activity(&demo(), 1);
    hire_task.owner = Some(PersonId(12));
    check(
        Command::UpdateActivity(hire_task),
        Err("Ravi Patel starts on 2026-12-07, after 'Map the current onboarding process' is due on 2026-11-13"),
    );
}

#[test]
fn success_metrics_are_added_changed_and_removed() {
    let metric = crate::model::SuccessMetric {
        id: crate::model::MetricId(0),
        name: "First-contact resolution".to_string(),
        unit: "%".to_string(),
        baseline: 60.0,
        target: 75.0,
        current: 62.0,
        direction: crate::model::Direction::HigherIsBetter,
    };
    let plan = check(
        Command::AddMetric(metric.clone()),
        Ok("Added the metric 'First-contact resolution'"),
    )
    .expect("applied");
    assert_eq!(
        plan.metrics.last().map(|m| m.id),
        Some(crate::model::MetricId(4))
    );
    let renamed = crate::model::SuccessMetric {
        id: crate::model::MetricId(2),
        name: String::new(),
        ..metric
    };
    check(
        Command::UpdateMetric(renamed),
        Err("a success metric needs a name"),
    );
    check(
        Command::RemoveMetric(crate::model::MetricId(3)),
        Ok("Removed the metric 'Client satisfaction after onboarding'"),
    );
    check(
        Command::RemoveMetric(crate::model::MetricId(9)),
        Err("There is no success metric met-9 in this plan."),
    );
}

#[test]
fn a_checkin_is_saved_and_its_decisions_are_taken() {
    let mut history = History::new(demo());
    let checkin = crate::model::CheckIn {
        id: crate::model::CheckInId(0),
        date: date("2026-11-23"),
        summary: "Intake form fields agreed.".to_string(),
        entries: vec![crate::model::CheckInEntry {
            activity: ActivityId(4),
            moved: "Fields agreed.".to_string(),
            blocked: String::new(),
            covers_midpoint: false,
        }],
        decisions: vec![crate::model::Decision {
            text: "Who trains the service desk?".to_string(),
            owner: Some(PersonId(8)),
            due: Some(date("2026-11-27")),
            decided_on: None,
        }],
    };
    assert_eq!(
        history.execute(&Command::AddCheckIn(checkin), today()),
        Ok("Saved the check-in of 2026-11-23 (1 initiative)".to_string())
    );
    let saved = history.plan().checkins.last().cloned().expect("saved");
    assert_eq!(saved.id, crate::model::CheckInId(2));
    assert_eq!(
        history.execute(
            &Command::DecideDecision {
                checkin: saved.id,
                index: 0,
                on: Some(date("2026-11-24"))
            },
            today()
        ),
        Ok("Decided on 2026-11-24: Who trains the service desk?".to_string())
    );
    assert_eq!(
        history
            .plan()
            .checkins
            .last()
            .map(|c| c.decisions[0].decided_on),
        Some(Some(date("2026-11-24")))
    );
    assert_eq!(
        history
            .execute(
                &Command::DecideDecision {
                    checkin: saved.id,
                    index: 5,
                    on: None
                },
                today()
            )
            .map_err(|e| e.to_string()),
        Err("That decision is not in the check-in.".to_string())
    );
    let mut bad = saved.clone();
    bad.entries[0].activity = ActivityId(99);
    assert_eq!(
        history
            .execute(&Command::AddCheckIn(bad), today())
            .map_err(|e| e.to_string()),
        Err("a check-in entry about act-99, which is not in the plan".to_string())
    );
}

#[test]
fn skill_levels_are_set_and_cleared() {
    let set = |level: u8| Command::SetSkillLevel {
        person: PersonId(3),
        skill: crate::model::SkillId(10),
        level,
    };
    let plan = check(
        set(3),
        Ok("Lena Novak is now at level 3 in Microsoft Intune"),
    )
    .expect("applied");
    assert_eq!(
        plan.person(PersonId(3))
            .map(|p| p.skill_level(crate::model::SkillId(10))),
        Some(3)
    );
    let plan = check(
        set(0),
        Ok("Lena Novak is now at level 0 in Microsoft Intune"),
    )
    .expect("applied");
    assert!(plan.person(PersonId(3)).is_some_and(|p| p
        .skills
        .iter()
        .all(|held| held.skill != crate::model::SkillId(10))));
    check(set(5), Err("skill level 5 is not possible: use 0 to 4"));
    check(
        Command::SetSkillLevel {
            person: PersonId(3),
            skill: crate::model::SkillId(99),
            level: 2,
        },
        Err("There is no skill skl-99 in the skill catalogue."),
    );
}

#[test]
fn skills_are_renamed_and_removed_everywhere() {
    let renamed = crate::model::Skill {
        id: crate::model::SkillId(10),
        name: "Intune".to_string(),
        category: "Microsoft 365".to_string(),
    };
    check(
        Command::UpdateSkill(renamed),
        Ok("Changed the skill 'Intune'"),
    );
    let plan = check(
        Command::RemoveSkill(crate::model::SkillId(10)),
        Ok("Removed the skill 'Microsoft Intune'"),
    )
    .expect("applied");
    let intune = crate::model::SkillId(10);
    assert!(plan.skill(intune).is_none());
    assert!(plan
        .people
        .iter()
        .all(|p| p.skill_level(intune) == 0 && p.skills.iter().all(|h| h.skill != intune)));
    assert!(plan
        .activities
        .iter()
        .flat_map(|a| &a.required_skills)
        .all(|need| need.skill != intune));
    let unnamed = crate::model::Skill {
        id: crate::model::SkillId(1),
        name: " ".to_string(),
        category: String::new(),
    };
    check(Command::UpdateSkill(unnamed), Err("a skill needs a name"));
}

fn demo_allocation(id: u32) -> Allocation {
    demo()
        .allocations
        .iter()
        .find(|allocation| allocation.id == AllocationId(id))
        .cloned()
        .expect("allocation in demo")
}

#[test]
fn allocations_stay_inside_the_horizon_and_the_employment() {
    // The demo's horizon is 2026-W45 to 2027-W05; Oliver Grant (per-10)
    // leaves on Friday 2027-01-01 (2026-W53); Ravi Patel (per-12) starts on
    // Monday 2026-12-07 (2026-W50).
    let week = |text: &str| text.parse::<Week>().expect("week");
    let placed = |person: u32, first: &str, last: &str| Allocation {
        id: AllocationId(0),
        assignee: Assignee::Person(PersonId(person)),
        activity: ActivityId(2),
        hours_per_week: 8.0,
        first_week: week(first),
        last_week: week(last),
        commitment: Commitment::Confirmed,
        scenario: None,
    };
    let outside = "the allocation must lie inside the horizon, 2026-W45 to 2027-W04";
    check(
        Command::AddAllocation(placed(1, "2026-W44", "2026-W46")),
        Err(outside),
    );
    check(
        Command::AddAllocation(placed(1, "2027-W04", "2027-W05")),
        Err(outside),
    );
    check(
        Command::AddAllocation(placed(1, "2026-W45", "2027-W04")),
        Ok("Allocated Priya Raman on 'Standard Azure landing zone in Terraform', 8 h a week, 2026-W45 to 2027-W04"),
    );
    check(
        Command::AddAllocation(placed(10, "2026-W52", "2026-W53")),
        Ok("Allocated Oliver Grant on 'Standard Azure landing zone in Terraform', 8 h a week, 2026-W52 to 2026-W53"),
    );
    check(
        Command::AddAllocation(placed(10, "2026-W52", "2027-W01")),
        Err("Oliver Grant leaves on 1 Jan 2027"),
    );
    check(
        Command::AddAllocation(placed(12, "2026-W49", "2026-W52")),
        Err("Ravi Patel only starts on 7 Dec 2026"),
    );
    check(
        Command::AddAllocation(placed(12, "2026-W50", "2026-W52")),
        Ok("Allocated Ravi Patel on 'Standard Azure landing zone in Terraform', 8 h a week, 2026-W50 to 2026-W52"),
    );
    // A move is checked the same way.
    let mut moved = demo_allocation(2);
    moved.assignee = Assignee::Person(PersonId(12));
    check(
        Command::UpdateAllocation(moved),
        Err("Ravi Patel only starts on 7 Dec 2026"),
    );
}

#[test]
fn moving_resizing_and_staffing_are_updates_said_in_words() {
    let original = demo_allocation(2);
    let mut moved = original.clone();
    moved.assignee = Assignee::Person(PersonId(4));
    moved.first_week = moved.first_week.plus_weeks(1);
    moved.last_week = moved.last_week.plus_weeks(1);
    let plan = check(
        Command::UpdateAllocation(moved.clone()),
        Ok("Moved Marcus Hill on 'Standard Azure landing zone in Terraform', 14 h a week, 2026-W47 to 2026-W52"),
    )
    .expect("moved");
    assert_eq!(plan.allocations[1], moved);

    let mut longer = original.clone();
    longer.last_week = longer.last_week.plus_weeks(2);
    check(
        Command::UpdateAllocation(longer),
        Ok("Resized Tom Becker on 'Standard Azure landing zone in Terraform', 14 h a week, 2026-W46 to 2026-W53"),
    );
    let mut more = original.clone();
    more.hours_per_week = 24.0;
    check(
        Command::UpdateAllocation(more),
        Ok("Changed Tom Becker on 'Standard Azure landing zone in Terraform', 24 h a week, 2026-W46 to 2026-W51"),
    );
    let mut none = original;
    none.hours_per_week = 0.0;
    check(
        Command::UpdateAllocation(none),
        Err("an allocation needs more than 0 hours a week"),
    );

    let mut staffed = demo_allocation(9);
    staffed.assignee = Assignee::Person(PersonId(11));
    check(
        Command::UpdateAllocation(staffed),
        Ok("Staffed Hannah Weber on 'Pilot: onboard Fabrikam Legal in 7 days', 8 h a week, 2027-W01 to 2027-W04"),
    );
    let plan = check(
        Command::RemoveAllocation(AllocationId(9)),
        Ok("Removed an unstaffed Microsoft 365 Consultant on 'Pilot: onboard Fabrikam Legal in 7 days', 8 h a week, 2027-W01 to 2027-W04"),
    )
    .expect("removed");
    assert_eq!(plan.allocations.len(), 43);
    check(
        Command::RemoveAllocation(AllocationId(99)),
        Err("There is no allocation alc-99 in this plan."),
    );
}

#[test]
fn scenarios_are_added_confirmed_and_removed_whole() {
    let week = Week::containing(today());
    let engagement = Activity {
        effort_hours: 64.0,
        ..new_activity("Fabrikam SOC onboarding")
    };
    let tentative = Allocation {
        id: AllocationId(0),
        assignee: Assignee::Person(PersonId(5)),
        activity: ActivityId(0),
        hours_per_week: 16.0,
        first_week: week.plus_weeks(1),
        last_week: week.plus_weeks(4),
        commitment: Commitment::Confirmed,
        scenario: None,
    };
    let plan = check(
        Command::AddScenario {
            name: " Fabrikam SOC won ".to_string(),
            activity: Some(engagement),
            allocations: vec![tentative],
        },
        Ok("Added the scenario 'Fabrikam SOC won' with 1 tentative allocation"),
    )
    .expect("added");
    let scenario = plan.scenarios.last().expect("scenario");
    assert_eq!(
        (scenario.id, scenario.name.as_str()),
        (ScenarioId(2), "Fabrikam SOC won")
    );
    let added = plan.activities.last().expect("activity");
    assert_eq!(
        (added.id, added.commitment),
        (ActivityId(21), Commitment::Tentative)
    );
    let allocation = plan.allocations.last().expect("allocation");
    assert_eq!(allocation.id, AllocationId(45));
    assert_eq!(allocation.activity, ActivityId(21));
    assert_eq!(allocation.commitment, Commitment::Tentative);
    assert_eq!(allocation.scenario, Some(ScenarioId(2)));

    // Won: the work is confirmed and the scenario goes.
    let won = apply(&plan, &Command::ConfirmScenario(ScenarioId(2)), today()).expect("won");
    assert_eq!(
        won.summary,
        "Confirmed 'Fabrikam SOC won': its work is now in the plan"
    );
    assert_eq!(won.plan.scenarios.len(), 1);
    let confirmed = won.plan.allocations.last().expect("allocation");
    assert_eq!(
        (confirmed.commitment, confirmed.scenario),
        (Commitment::Confirmed, None)
    );
    assert_eq!(
        won.plan.activity(ActivityId(21)).map(|a| a.commitment),
        Some(Commitment::Confirmed)
    );
    // Lost: the scenario and its allocations go, the activity stays.
    let lost = apply(&plan, &Command::RemoveScenario(ScenarioId(2)), today()).expect("lost");
    assert_eq!(
        lost.summary,
        "Removed the scenario 'Fabrikam SOC won' and its 1 allocation"
    );
    assert_eq!(lost.plan.allocations.len(), 44);
    assert!(lost.plan.activity(ActivityId(21)).is_some());

    check(
        Command::RenameScenario {
            scenario: ScenarioId(1),
            name: "Contoso signs in January".to_string(),
        },
        Ok("Renamed the scenario to 'Contoso signs in January'"),
    );
    check(
        Command::RenameScenario {
            scenario: ScenarioId(1),
            name: "  ".to_string(),
        },
        Err("a scenario needs a name"),
    );
    check(
        Command::ConfirmScenario(ScenarioId(9)),
        Err("There is no scenario scn-9 in this plan."),
    );
    // Confirmed work cannot sit in a scenario.
    let mut confirmed_in_scenario = demo_allocation(10);
    confirmed_in_scenario.scenario = Some(ScenarioId(1));
    check(
        Command::UpdateAllocation(confirmed_in_scenario),
        Err("only tentative work belongs to a scenario: confirmed work is in the plan"),
    );
}

#[test]
fn large_plans_keep_fewer_edits_to_undo() {
    use crate::command::history::{undo_limit, UNDO_LIMIT, UNDO_MINIMUM};
    use crate::model::generate::{generated_plan, Size};

    // The demo's 15 people, 20 activities, 44 allocations, 1 check-in and
    // 15 skills are far inside the budget.
    assert_eq!(undo_limit(&demo()), UNDO_LIMIT);
    // 10 + 10 + 40,000 allocations + the generator's skills: 400,000 / 40,000
    // and more is under 10, so the minimum holds.
    let size = Size {
        people: 10,
        activities: 10,
        initiatives: 2,
        dependencies_per_initiative: 0,
        clients: 2,
        allocations: 40_000,
        weeks: 26,
    };
    let plan = generated_plan(size, today());
    assert_eq!(undo_limit(&plan), UNDO_MINIMUM);
    let mut history = History::new(plan);
    for step in 0..UNDO_MINIMUM + 3 {
        let name = format!("Edit {step}");
        history
            .execute(&Command::RenamePlan(name), today())
            .expect("renamed");
    }
    let mut undone = 0;
    while history.undo().is_some() {
        undone += 1;
    }
    assert_eq!(undone, UNDO_MINIMUM);
    assert_eq!(history.plan().name, "Edit 2");
}

#[test]
fn work_under_way_keeps_its_start_when_the_horizon_moves_on() {
    // The demo's alc-2 runs 2026-W46 to W51; the horizon now starts in W48.
    let mut plan = demo();
    plan.horizon.start = "2026-W48".parse().expect("week");
    let mut longer = demo_allocation(2);
    longer.hours_per_week = 24.0;
    longer.last_week = longer.last_week.plus_weeks(1);
    let applied = apply(&plan, &Command::UpdateAllocation(longer.clone()), today())
        .expect("its start before the horizon is kept");
    assert_eq!(applied.plan.allocations[1], longer);
    // Moving its start is a new placement: it must be inside the horizon.
    let mut moved = demo_allocation(2);
    moved.first_week = moved.first_week.plus_weeks(1);
    let refused = apply(&plan, &Command::UpdateAllocation(moved), today()).expect_err("refused");
    assert_eq!(
        refused.to_string(),
        "the allocation must lie inside the horizon, 2026-W48 to 2027-W07"
    );
}

/// What a history says changed since each of its revisions: the
/// allocations of drops, undos and redos, or anything after any other
/// edit, a new history, or a revision too old to remember.
#[test]
fn a_history_knows_which_allocations_changed_since_a_revision() {
    let mut history = History::new(demo());
    let start = history.revision();
    assert_eq!(history.changes_since(start), Some(Vec::new()));
    let mut moved = history.plan().allocations[0].clone();
    moved.first_week = moved.first_week.plus_weeks(1);
    moved.last_week = moved.last_week.plus_weeks(1);
    let (first, second) = (moved.id, history.plan().allocations[1].id);
    history
        .execute(&Command::UpdateAllocation(moved.clone()), today())
        .expect("a valid move");
    let after_move = history.revision();
    assert_ne!(after_move, start);
    assert_eq!(history.changes_since(start), Some(vec![first]));
    assert_eq!(history.changes_since(after_move), Some(Vec::new()));
    history
        .execute(&Command::RemoveAllocation(second), today())
        .expect("a valid removal");
    assert_eq!(history.changes_since(start), Some(vec![first, second]));
    assert_eq!(history.changes_since(after_move), Some(vec![second]));
    // Undo and redo change what the edit changed, to new revisions.
    let after_removal = history.revision();
    history.undo();
    assert_eq!(history.changes_since(after_removal), Some(vec![second]));
    history.redo();
    assert_eq!(
        history.changes_since(after_removal),
        Some(vec![second, second])
    );
    // Adding: the id the new allocation gets.
    moved.id = AllocationId(0);
    history
        .execute(&Command::AddAllocation(moved), today())
        .expect("a valid addition");
    let added = history.plan().allocations.last().map(|a| a.id);
    assert_eq!(
        history.changes_since(after_removal),
        Some(vec![second, second, added.expect("added")])
    );
    // A rename is not an allocation: anything may have changed.
    let before_rename = history.revision();
    history
        .execute(&Command::RenamePlan("Renamed".to_string()), today())
        .expect("valid");
    assert_eq!(history.changes_since(before_rename), None);
    assert_eq!(history.changes_since(start), None);
    assert_eq!(history.changes_since(history.revision()), Some(Vec::new()));
    // Where copies went is no change, and a refused or empty edit none.
    let renamed = history.revision();
    history.set_lineage(None);
    let _ = history.execute(&Command::RenamePlan(String::new()), today());
    let _ = history.execute(&Command::RenamePlan("Renamed".to_string()), today());
    assert_eq!(history.revision(), renamed);
    // Another history's revisions are not this one's.
    let other = History::new(demo());
    assert_eq!(other.changes_since(renamed), None);
    assert_eq!(history.changes_since(other.revision()), None);
    // Only the last steps are remembered.
    let remembered = history.revision();
    for hours in 0..history::STEPS_REMEMBERED {
        let mut edited = history.plan().allocations[0].clone();
        edited.hours_per_week = 1.0 + hours as f64;
        history
            .execute(&Command::UpdateAllocation(edited), today())
            .expect("valid hours");
    }
    assert_eq!(
        history.changes_since(remembered),
        Some(vec![first; history::STEPS_REMEMBERED])
    );
    let mut edited = history.plan().allocations[0].clone();
    edited.hours_per_week = 2.5;
    history
        .execute(&Command::UpdateAllocation(edited), today())
        .expect("valid hours");
    assert_eq!(history.changes_since(remembered), None, "forgotten");
}

#[test]
fn a_deal_is_won_or_lost_with_its_work() {
    // act-17, Trey Research's penetration test, a qualified deal with a
    // tentative Security Analyst placeholder (alc-37).
    let won = check(
        Command::WinDeal(ActivityId(17)),
        Ok("Won 'Penetration test and security uplift': it and its 1 allocation are confirmed"),
    )
    .expect("won");
    let deal = activity(&won, 17);
    assert_eq!((deal.deal, deal.commitment), (None, Commitment::Confirmed));
    assert_eq!(
        deal.status_history,
        vec![StatusChange {
            date: today(),
            status: Status::NotStarted
        }]
    );
    let work = won.allocation(AllocationId(37)).expect("alc-37");
    assert_eq!(
        (work.commitment, work.scenario),
        (Commitment::Confirmed, None)
    );
    // Won once is no longer a deal.
    check_on(
        &won,
        Command::WinDeal(ActivityId(17)),
        Err("'Penetration test and security uplift' is not a pipeline deal: only a deal is won or lost."),
    );
    // A deal in a scenario leaves it when won: act-16's two allocations
    // are Contoso's scenario, and stay in the plan, confirmed; the Cloud
    // Engineer it is booked on is now a hire of the plan, and the scenario,
    // holding nothing else, goes.
    let contoso = check(
        Command::WinDeal(ActivityId(16)),
        Ok(
            "Won 'Microsoft 365 and Intune rollout': it and its 2 allocations are confirmed, \
            with the open role it needs; the scenario 'Contoso Dental Group signs' held \
            nothing else and is removed",
        ),
    )
    .expect("won");
    assert!(contoso
        .allocations
        .iter()
        .filter(|allocation| allocation.activity == ActivityId(16))
        .all(|allocation| allocation.scenario.is_none()));
    assert_eq!(contoso.roles[0].scenario, None);
    assert!(contoso.scenarios.is_empty());
    // Lost, its hire goes with it, and so does the scenario.
    let contoso = check(
        Command::LoseDeal(ActivityId(16)),
        Ok(
            "Lost 'Microsoft 365 and Intune rollout': it and its 2 allocations are removed, \
            with the open role hired for it; the scenario 'Contoso Dental Group signs' held \
            nothing else and is removed",
        ),
    )
    .expect("lost");
    assert!(contoso.roles.is_empty() && contoso.scenarios.is_empty());
    // A scenario that holds other work stays, and so does its hire.
    let together = apply(
        &demo(),
        &Command::ScenarioFromDeals {
            name: "Both".to_string(),
            deals: vec![ActivityId(16), ActivityId(17)],
        },
        today(),
    )
    .expect("grouped")
    .plan;
    let one_lost = apply(&together, &Command::LoseDeal(ActivityId(17)), today())
        .expect("lost")
        .plan;
    assert_eq!(one_lost.scenarios.len(), 2, "'Both' still holds Contoso");

    let lost = check(
        Command::LoseDeal(ActivityId(18)),
        Ok("Lost 'Kubernetes managed service': it and its 1 allocation are removed"),
    )
    .expect("lost");
    assert!(lost.activity(ActivityId(18)).is_none());
    assert!(lost.allocation(AllocationId(38)).is_none());
    check(
        Command::LoseDeal(ActivityId(10)),
        Err("'AKS platform build' is not a pipeline deal: only a deal is won or lost."),
    );
    check(
        Command::WinDeal(ActivityId(99)),
        Err("There is no activity act-99 in this plan."),
    );
    // Both undo to the very plan.
    let mut history = History::new(demo());
    history
        .execute(&Command::LoseDeal(ActivityId(17)), today())
        .expect("lost");
    history.undo();
    assert_eq!(history.plan(), &demo());
}

#[test]
fn a_scenario_is_made_from_chosen_deals() {
    let plan = check(
        Command::ScenarioFromDeals {
            name: " Security and Kubernetes won ".to_string(),
            deals: vec![ActivityId(17), ActivityId(18)],
        },
        Ok("Added the scenario 'Security and Kubernetes won' with 2 deals and their 2 allocations"),
    )
    .expect("added");
    let scenario = plan.scenarios.last().expect("scenario");
    assert_eq!(scenario.id, ScenarioId(2));
    for id in [37, 38] {
        assert_eq!(
            plan.allocation(AllocationId(id))
                .expect("allocation")
                .scenario,
            Some(ScenarioId(2))
        );
    }
    // Confirming it wins both deals.
    let won = apply(&plan, &Command::ConfirmScenario(ScenarioId(2)), today()).expect("won");
    assert!(won
        .plan
        .activity(ActivityId(17))
        .is_some_and(|a| a.deal.is_none()));
    assert!(won
        .plan
        .activity(ActivityId(18))
        .is_some_and(|a| a.deal.is_none()));
    check(
        Command::ScenarioFromDeals {
            name: "Nothing".to_string(),
            deals: Vec::new(),
        },
        Err("Choose at least one pipeline deal for the scenario."),
    );
    check(
        Command::ScenarioFromDeals {
            name: "Not a deal".to_string(),
            deals: vec![ActivityId(10)],
        },
        Err("'AKS platform build' is not a pipeline deal: only a deal is won or lost."),
    );
    check(
        Command::ScenarioFromDeals {
            name: " ".to_string(),
            deals: vec![ActivityId(17)],
        },
        Err("a scenario needs a name"),
    );
}

#[test]
fn work_moves_between_the_ops_plan_and_the_book_of_work() {
    // The security sign-off (act-5) waits on act-2 and act-3, and the pilot
    // (act-6) waits on it: three dependencies go with it.
    let plan = check(
        Command::SetScope {
            activity: ActivityId(5),
            scope: Scope::Book,
        },
        Ok("Moved 'Security baseline sign-off for new clients' to the book of work (its 3 dependencies to other initiatives went with it)"),
    )
    .expect("moved");
    assert!(activity(&plan, 5).depends_on.is_empty());
    assert_eq!(activity(&plan, 6).depends_on, [ActivityId(4)]);
    let back = check_on(
        &plan,
        Command::SetScope {
            activity: ActivityId(5),
            scope: Scope::Initiative,
        },
        Ok("Moved 'Security baseline sign-off for new clients' to the ops plan's initiatives"),
    )
    .expect("moved back");
    assert!(activity(&back, 5).is_initiative());
    check(
        Command::SetScope {
            activity: ActivityId(16),
            scope: Scope::Initiative,
        },
        Err("'Microsoft 365 and Intune rollout' is a pipeline deal: win it first, then it can become an initiative."),
    );
    // The book of work has no dependencies: a rule, not only a command.
    let mut depends = activity(&demo(), 10).clone();
    depends.depends_on = vec![ActivityId(2)];
    check(
        Command::UpdateActivity(depends),
        Err("'AKS platform build' is on the book of work: only the ops plan's initiatives depend on each other"),
    );
}
