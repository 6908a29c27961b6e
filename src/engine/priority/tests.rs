//! The ranking's tests: the formula's parts, the critical path, pins and
//! dependency loops.

use super::*;
use crate::model::demo::demo_plan;
use crate::model::{Person, PersonId, PlanId, PriorityPin};
use crate::test_support::{day, today};

/// A plan of activities given as (title, effort hours, impact, titles it
/// depends on, deadline in days from today), numbered act-1, act-2, ...
/// in that order. One owner works 8 hours on each of the 7 days of the
/// week, so 8 hours of effort take exactly one calendar day.
#[allow(clippy::type_complexity)]
fn plan(activities: &[(&str, f64, u8, &[&str], Option<i64>)]) -> Plan {
    let mut plan = Plan::empty(PlanId(1), "Test plan", today());
    plan.people = vec![Person {
        weekly_hours: 56.0,
        working_days: WEEKDAYS.to_vec(),
        ..Person::new(PersonId(1), "Owner")
    }];
    let id_of = |title: &str| {
        let place = activities
            .iter()
            .position(|(other, ..)| *other == title)
            .expect("a dependency names an activity of the test plan");
        ActivityId(place as u32 + 1)
    };
    plan.activities = activities
        .iter()
        .enumerate()
        .map(|(place, (title, effort, impact, depends_on, deadline))| {
            let mut activity = Activity::new(ActivityId(place as u32 + 1), title);
            activity.owner = Some(PersonId(1));
            activity.effort_hours = *effort;
            activity.impact = *impact;
            activity.depends_on = depends_on.iter().map(|title| id_of(title)).collect();
            activity.deadline = deadline.map(day);
            activity
        })
        .collect();
    plan
}

/// Whole numbers without decimals, others with up to two.
fn number(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match text {
        "-0" => "0".to_string(),
        other => other.to_string(),
    }
}

/// Ranks `plan` today and compares, line by line, each entry (place,
/// title, computed rank, pin, score, duration, earliest and latest
/// finish, slack, critical, direct/total unblocked and their impact),
/// its explanation, and the loops.
fn check(plan: &Plan, expected: &str) {
    let ranking = rank(plan, today());
    let mut lines: Vec<String> = Vec::new();
    for entry in &ranking.entries {
        let parts = &entry.parts;
        lines.push(format!(
            "{}. {} rank {}{} score {} | days {}, EF {}, LF {}, slack {}{} | unblocks {}/{} worth {}",
            entry.position,
            plan.activity_title(entry.activity),
            entry.computed_rank,
            if entry.pinned { " pinned" } else { "" },
            number(entry.score),
            number(parts.duration_days),
            number(parts.earliest_finish),
            number(parts.latest_finish),
            number(parts.slack_days),
            if parts.on_critical_path { ", critical" } else { "" },
            parts.unblocks_direct,
            parts.unblocks_total,
            parts.unblocked_impact,
        ));
        lines.push(entry.explanation.clone());
    }
    for dependency_loop in &ranking.loops {
        lines.push(format!("loop: {}", dependency_loop.message));
    }
    let expected: Vec<&str> = expected
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    assert_eq!(lines, expected, "\nactual ranking:\n{}\n", lines.join("\n"));
    // The same plan on the same day ranks the same.
    assert_eq!(rank(plan, today()), ranking);
}

#[test]
fn a_chain_ranks_in_dependency_order() {
    // A (2 days) → B (1 day) → C (3 days): one chain, all critical, no
    // slack. A: 10×3 + 4×(3+3) + 30 + 14 = 98; B: 30 + 4×3 + 30 + 14 = 86;
    // C: 30 + 30 + 14 = 74. The caps (97 for B, 85 for C) do not bite.
    check(
        &plan(&[
            ("A", 16.0, 3, &[], None),
            ("B", 8.0, 3, &["A"], None),
            ("C", 24.0, 3, &["B"], None),
        ]),
        "
        1. A rank 1 score 98 | days 2, EF 2, LF 2, slack 0, critical | unblocks 1/2 worth 6
        unblocks 2 initiatives · on the critical path · no deadline · impact 3
        2. B rank 2 score 86 | days 1, EF 3, LF 3, slack 0, critical | unblocks 1/1 worth 3
        waiting on 'A' · unblocks 1 initiative · on the critical path · no deadline · impact 3
        3. C rank 3 score 74 | days 3, EF 6, LF 6, slack 0, critical | unblocks 0/0 worth 0
        waiting on 'B' · on the critical path · no deadline · impact 3
        ",
    );
}

#[test]
fn a_diamond_counts_shared_dependents_once() {
    // A (1) → B (2) and C (4) → D (1). EF: A 1, B 3, C 5, D 6; LF: D 6,
    // B and C 5 (D starts at 5), A 1 (C starts at 1). Slack B 2, others
    // 0. A unblocks B, C and D once each: 3 + 4 + 5 = 12.
    // A: 20 + 48 + 30 + 14 = 112; B: 30 + 20 + 12 = 62;
    // C: 40 + 20 + 30 + 14 = 104; D: 50 + 30 + 14 = 94, capped at
    // 62 − 1 = 61 by B, the lower of what it waits on: it ranks last.
    check(
        &plan(&[
            ("A", 8.0, 2, &[], None),
            ("B", 16.0, 3, &["A"], None),
            ("C", 32.0, 4, &["A"], None),
            ("D", 8.0, 5, &["B", "C"], None),
        ]),
        "
        1. A rank 1 score 112 | days 1, EF 1, LF 1, slack 0, critical | unblocks 2/3 worth 12
        unblocks 3 initiatives · on the critical path · no deadline · impact 2
        2. C rank 2 score 104 | days 4, EF 5, LF 5, slack 0, critical | unblocks 1/1 worth 5
        waiting on 'A' · unblocks 1 initiative · on the critical path · no deadline · impact 4
        3. B rank 3 score 62 | days 2, EF 3, LF 5, slack 2 | unblocks 1/1 worth 5
        waiting on 'A' · unblocks 1 initiative · no deadline · impact 3
        4. D rank 4 score 61 | days 1, EF 6, LF 6, slack 0, critical | unblocks 0/0 worth 0
        waiting on 2 initiatives · on the critical path · no deadline · impact 5
        ",
    );
}

#[test]
fn of_two_parallel_branches_only_the_longer_is_critical() {
    // A (2) → B (3) takes 5 days, C (1) → D (1) takes 2, so the project
    // ends on day 5 and C and D can slip 3 days. A: 30 + 12 + 30 + 14 =
    // 86; B: 30 + 30 + 14 = 74; C: 30 + 12 + 11 = 53; D: 30 + 11 = 41.
    check(
        &plan(&[
            ("A", 16.0, 3, &[], None),
            ("B", 24.0, 3, &["A"], None),
            ("C", 8.0, 3, &[], None),
            ("D", 8.0, 3, &["C"], None),
        ]),
        "
        1. A rank 1 score 86 | days 2, EF 2, LF 2, slack 0, critical | unblocks 1/1 worth 3
        unblocks 1 initiative · on the critical path · no deadline · impact 3
        2. B rank 2 score 74 | days 3, EF 5, LF 5, slack 0, critical | unblocks 0/0 worth 0
        waiting on 'A' · on the critical path · no deadline · impact 3
        3. C rank 3 score 53 | days 1, EF 1, LF 4, slack 3 | unblocks 1/1 worth 3
        unblocks 1 initiative · no deadline · impact 3
        4. D rank 4 score 41 | days 1, EF 2, LF 5, slack 3 | unblocks 0/0 worth 0
        waiting on 'C' · no deadline · impact 3
        ",
    );
}

#[test]
fn a_dependency_loop_is_reported_and_the_rest_still_ranks() {
    // B → D → C → B is a loop: reported, not ranked, and E's dependency
    // on B is ignored, so E waits on A alone. F has a day of slack
    // before the project end on day 2. The pin on C, on the loop, is
    // ignored. A: 30 + 12 + 30 + 14 = 86; E: 30 + 30 + 14 = 74;
    // F: 30 + 13 = 43.
    let mut looping = plan(&[
        ("A", 8.0, 3, &[], None),
        ("B", 8.0, 3, &["D"], None),
        ("C", 8.0, 3, &["B"], None),
        ("D", 8.0, 3, &["C"], None),
        ("E", 8.0, 3, &["B", "A"], None),
        ("F", 8.0, 3, &[], None),
    ]);
    looping.priority_pins = vec![PriorityPin {
        activity: ActivityId(3),
        position: 1,
    }];
    check(
        &looping,
        "
        1. A rank 1 score 86 | days 1, EF 1, LF 1, slack 0, critical | unblocks 1/1 worth 3
        unblocks 1 initiative · on the critical path · no deadline · impact 3
        2. E rank 2 score 74 | days 1, EF 2, LF 2, slack 0, critical | unblocks 0/0 worth 0
        waiting on 'A' · on the critical path · no deadline · impact 3
        3. F rank 3 score 43 | days 1, EF 1, LF 2, slack 1 | unblocks 0/0 worth 0
        no deadline · impact 3
        loop: the dependencies form a loop: B → D → C → B
        ",
    );
    let ranking = rank(&looping, today());
    assert_eq!(
        ranking.loops[0].activities,
        vec![ActivityId(2), ActivityId(4), ActivityId(3)]
    );
}

#[test]
fn slack_is_measured_against_deadlines_on_both_sides() {
    // Late: 5 days of work due in 2 days: LF 3 (the deadline day
    // counts), EF 5, slack −2, urgency 5 ÷ 2 = 2.5. It has the least
    // slack, so it is the critical path: 30 + 30 + 20×2.5 + 16 = 126.
    // Early: 2 days due in 9: LF 10, slack 8, urgency 2 ÷ 9:
    // 30 + 20×0.222 + 6 = 40.44.
    check(
        &plan(&[
            ("Early", 16.0, 3, &[], Some(9)),
            ("Late", 40.0, 3, &[], Some(2)),
        ]),
        "
        1. Late rank 1 score 126 | days 5, EF 5, LF 3, slack -2, critical | unblocks 0/0 worth 0
        on the critical path · 2 working days late · impact 3
        2. Early rank 2 score 40.44 | days 2, EF 2, LF 10, slack 8 | unblocks 0/0 worth 0
        8 working days of slack · impact 3
        ",
    );
    // Overdue by 3 days: LF −2, slack −3, urgency 3: 30 + 30 + 60 + 17 =
    // 137. Due today: LF 1, slack 0, urgency 3: 30 + 60 + 14 = 104.
    // In 5 days: slack 5, urgency 0.2: 30 + 4 + 9 = 43.
    check(
        &plan(&[
            ("In five days", 8.0, 3, &[], Some(5)),
            ("Due today", 8.0, 3, &[], Some(0)),
            ("Overdue", 8.0, 3, &[], Some(-3)),
        ]),
        "
        1. Overdue rank 1 score 137 | days 1, EF 1, LF -2, slack -3, critical | unblocks 0/0 worth 0
        overdue by 3 days · on the critical path · 3 working days late · impact 3
        2. Due today rank 2 score 104 | days 1, EF 1, LF 1, slack 0 | unblocks 0/0 worth 0
        due today · 0 working days of slack · impact 3
        3. In five days rank 3 score 43 | days 1, EF 1, LF 6, slack 5 | unblocks 0/0 worth 0
        5 working days of slack · impact 3
        ",
    );
    // One day either way is singular. Yesterday's: LF 0, slack −1,
    // 30 + 30 + 60 + 15 = 135. Tomorrow's: LF 2, slack 1, urgency 1:
    // 30 + 20 + 13 = 63.
    check(
        &plan(&[
            ("Tomorrow", 8.0, 3, &[], Some(1)),
            ("Yesterday", 8.0, 3, &[], Some(-1)),
        ]),
        "
        1. Yesterday rank 1 score 135 | days 1, EF 1, LF 0, slack -1, critical | unblocks 0/0 worth 0
        overdue by 1 day · on the critical path · 1 working day late · impact 3
        2. Tomorrow rank 2 score 63 | days 1, EF 1, LF 2, slack 1 | unblocks 0/0 worth 0
        1 working day of slack · impact 3
        ",
    );
}

#[test]
fn the_goal_date_bounds_activities_without_a_deadline() {
    // The goal is due in 9 days, so LF = 10 for both. Chain A (2) → B (3):
    // B slack 10 − 5 = 5, A 10 − 3 − 2 = 5; with the same slack both are
    // critical. A: 30 + 12 + 30 + 9 = 81; B: 30 + 30 + 9 = 69.
    let mut with_goal = plan(&[("A", 16.0, 3, &[], None), ("B", 24.0, 3, &["A"], None)]);
    with_goal.goal.target_date = Some(day(9));
    check(
        &with_goal,
        "
        1. A rank 1 score 81 | days 2, EF 2, LF 7, slack 5, critical | unblocks 1/1 worth 3
        unblocks 1 initiative · on the critical path · 5 working days of slack · no deadline · impact 3
        2. B rank 2 score 69 | days 3, EF 5, LF 10, slack 5, critical | unblocks 0/0 worth 0
        waiting on 'A' · on the critical path · 5 working days of slack · no deadline · impact 3
        ",
    );
}

#[test]
fn the_textbook_network_has_its_known_critical_path_and_floats() {
    // The classic eight-activity network of critical path method
    // courses (durations in days):
    //
    //   activity  after   days   ES  EF   LS  LF   total float
    //   A         -       3       0   3    0   3   0  critical
    //   B         A       4       3   7    3   7   0  critical
    //   C         A       2       3   5    9  11   6
    //   D         B       5       7  12    7  12   0  critical
    //   E         C       1       5   6   11  12   6
    //   F         C       2       5   7   14  16   9
    //   G         D, E    4      12  16   12  16   0  critical
    //   H         F, G    3      16  19   16  19   0  critical
    //
    // Critical path A → B → D → G → H, 19 days. With impact 3 each,
    // the unblocked impact is 3 × the transitive dependents (A 7, B 3,
    // C 4, D 2, E 2, F 1, G 1, H 0), so the scores are
    // A 30 + 84 + 30 + 14 = 158, B 30 + 36 + 30 + 14 = 110,
    // C 30 + 48 + 8 = 86, D 30 + 24 + 30 + 14 = 98, E 30 + 24 + 8 = 62,
    // F 30 + 12 + 5 = 47, G 30 + 12 + 30 + 14 = 86, H 30 + 30 + 14 = 74.
    // Waiting work is capped below the lowest of what it waits on: G
    // waits on E (62), so 61; H waits on F (47), so 46. The order is
    // A, B, D, C, E, G, F, H.
    check(
        &plan(&[
            ("A", 24.0, 3, &[], None),
            ("B", 32.0, 3, &["A"], None),
            ("C", 16.0, 3, &["A"], None),
            ("D", 40.0, 3, &["B"], None),
            ("E", 8.0, 3, &["C"], None),
            ("F", 16.0, 3, &["C"], None),
            ("G", 32.0, 3, &["D", "E"], None),
            ("H", 24.0, 3, &["F", "G"], None),
        ]),
        "
        1. A rank 1 score 158 | days 3, EF 3, LF 3, slack 0, critical | unblocks 2/7 worth 21
        unblocks 7 initiatives · on the critical path · no deadline · impact 3
        2. B rank 2 score 110 | days 4, EF 7, LF 7, slack 0, critical | unblocks 1/3 worth 9
        waiting on 'A' · unblocks 3 initiatives · on the critical path · no deadline · impact 3
        3. D rank 3 score 98 | days 5, EF 12, LF 12, slack 0, critical | unblocks 1/2 worth 6
        waiting on 'B' · unblocks 2 initiatives · on the critical path · no deadline · impact 3
        4. C rank 4 score 86 | days 2, EF 5, LF 11, slack 6 | unblocks 2/4 worth 12
        waiting on 'A' · unblocks 4 initiatives · no deadline · impact 3
        5. E rank 5 score 62 | days 1, EF 6, LF 12, slack 6 | unblocks 1/2 worth 6
        waiting on 'C' · unblocks 2 initiatives · no deadline · impact 3
        6. G rank 6 score 61 | days 4, EF 16, LF 16, slack 0, critical | unblocks 1/1 worth 3
        waiting on 2 initiatives · unblocks 1 initiative · on the critical path · no deadline · impact 3
        7. F rank 7 score 47 | days 2, EF 7, LF 16, slack 9 | unblocks 1/1 worth 3
        waiting on 'C' · unblocks 1 initiative · no deadline · impact 3
        8. H rank 8 score 46 | days 3, EF 19, LF 19, slack 0, critical | unblocks 0/0 worth 0
        waiting on 2 initiatives · on the critical path · no deadline · impact 3
        ",
    );
}

#[test]
fn done_activities_drop_out_and_stop_blocking() {
    // A and D are done: B no longer waits on A, and nothing counts them.
    // B: 30 + 12 + 30 + 14 = 86; C: 30 + 30 + 14 = 74.
    let mut partly_done = plan(&[
        ("A", 8.0, 3, &[], None),
        ("B", 8.0, 3, &["A"], None),
        ("C", 8.0, 3, &["B"], None),
        ("D", 8.0, 5, &["C"], None),
    ]);
    partly_done.activities[0].status = Status::Done;
    partly_done.activities[3].status = Status::Done;
    check(
        &partly_done,
        "
        1. B rank 1 score 86 | days 1, EF 1, LF 1, slack 0, critical | unblocks 1/1 worth 3
        unblocks 1 initiative · on the critical path · no deadline · impact 3
        2. C rank 2 score 74 | days 1, EF 2, LF 2, slack 0, critical | unblocks 0/0 worth 0
        waiting on 'B' · on the critical path · no deadline · impact 3
        ",
    );
}

#[test]
fn a_blocked_activity_ranks_by_what_it_waits_on() {
    // Top alone would score 50 + 30 + 14 = 94, but it waits on Base
    // (10 + 4×5 + 30 + 14 = 74), so it gets 73. Stuck is marked Blocked
    // but waits on nothing open (its dependency is done), so it keeps
    // its own score: 40 + 13 (a day of slack) = 53.
    let mut blocked = plan(&[
        ("Base", 8.0, 1, &[], None),
        ("Top", 8.0, 5, &["Base"], None),
        ("Finished", 8.0, 3, &[], None),
        ("Stuck", 8.0, 4, &["Finished"], None),
    ]);
    blocked.activities[1].status = Status::Blocked;
    blocked.activities[2].status = Status::Done;
    blocked.activities[3].status = Status::Blocked;
    check(
        &blocked,
        "
        1. Base rank 1 score 74 | days 1, EF 1, LF 1, slack 0, critical | unblocks 1/1 worth 5
        unblocks 1 initiative · on the critical path · no deadline · impact 1
        2. Top rank 2 score 73 | days 1, EF 2, LF 2, slack 0, critical | unblocks 0/0 worth 0
        waiting on 'Base' · on the critical path · no deadline · impact 5
        3. Stuck rank 3 score 53 | days 1, EF 1, LF 2, slack 1 | unblocks 0/0 worth 0
        no deadline · impact 4
        ",
    );
}

#[test]
fn pins_hold_their_place_and_the_rest_keeps_its_order() {
    // Scores by impact alone (all critical, no slack): A 94, B 84, C 74,
    // D 64. D is pinned first and B to place 10, past the end, so last.
    // The pins on done E and on an unknown activity are ignored.
    let mut pinned = plan(&[
        ("A", 8.0, 5, &[], None),
        ("B", 8.0, 4, &[], None),
        ("C", 8.0, 3, &[], None),
        ("D", 8.0, 2, &[], None),
        ("E", 8.0, 1, &[], None),
    ]);
    pinned.activities[4].status = Status::Done;
    let pin = |id: u32, position: u32| PriorityPin {
        activity: ActivityId(id),
        position,
    };
    pinned.priority_pins = vec![pin(2, 10), pin(4, 1), pin(5, 2), pin(99, 1)];
    check(
        &pinned,
        "
        1. D rank 4 pinned score 64 | days 1, EF 1, LF 1, slack 0, critical | unblocks 0/0 worth 0
        on the critical path · no deadline · impact 2
        2. A rank 1 score 94 | days 1, EF 1, LF 1, slack 0, critical | unblocks 0/0 worth 0
        on the critical path · no deadline · impact 5
        3. C rank 3 score 74 | days 1, EF 1, LF 1, slack 0, critical | unblocks 0/0 worth 0
        on the critical path · no deadline · impact 3
        4. B rank 2 pinned score 84 | days 1, EF 1, LF 1, slack 0, critical | unblocks 0/0 worth 0
        on the critical path · no deadline · impact 4
        ",
    );
}

#[test]
fn ties_go_to_the_earlier_deadline_then_the_smaller_id() {
    // Nothing has effort, so no urgency; the goal is due in 20 days.
    // Everything has 11 working days of slack: X and Y start in 10 days and must
    // finish by day 21 (the goal; Y's deadline in 20 days gives the
    // same), Z and W start today and are due in 10 days. All are equally
    // critical: 30 + 30 + 3 = 63. Z and W share the earliest deadline,
    // so id decides; X, without a deadline, is last.
    let mut tied = plan(&[
        ("X", 0.0, 3, &[], None),
        ("Y", 0.0, 3, &[], Some(20)),
        ("Z", 0.0, 3, &[], Some(10)),
        ("W", 0.0, 3, &[], Some(10)),
    ]);
    tied.goal.target_date = Some(day(20));
    tied.activities[0].start = Some(day(10));
    tied.activities[1].start = Some(day(10));
    check(
        &tied,
        "
        1. Z rank 1 score 63 | days 0, EF 0, LF 11, slack 11, critical | unblocks 0/0 worth 0
        on the critical path · 11 working days of slack · impact 3
        2. W rank 2 score 63 | days 0, EF 0, LF 11, slack 11, critical | unblocks 0/0 worth 0
        on the critical path · 11 working days of slack · impact 3
        3. Y rank 3 score 63 | days 0, EF 10, LF 21, slack 11, critical | unblocks 0/0 worth 0
        on the critical path · 11 working days of slack · impact 3
        4. X rank 4 score 63 | days 0, EF 10, LF 21, slack 11, critical | unblocks 0/0 worth 0
        on the critical path · 11 working days of slack · no deadline · impact 3
        ",
    );
}

#[test]
fn checklists_owners_and_working_weeks_set_the_duration() {
    // Half the checklist is ticked, so 32 of 64 hours remain. Lena
    // works 32 hours on 4 days: 8 hours a day, 4 working days. Nobody
    // owns the second: 8 hours a day, so 8 hours is 1 working day; the
    // third's owner works no hours, which falls back to the same.
    let mut owned = plan(&[
        ("Checklist", 64.0, 3, &[], None),
        ("Unowned", 8.0, 3, &[], None),
        ("No hours", 8.0, 3, &[], None),
    ]);
    owned.people = vec![
        Person {
            weekly_hours: 32.0,
            working_days: WEEKDAYS[..4].to_vec(),
            ..Person::new(PersonId(1), "Lena")
        },
        Person {
            weekly_hours: 0.0,
            ..Person::new(PersonId(2), "Idle")
        },
    ];
    let item = |done: bool| crate::model::ChecklistItem {
        text: "step".to_string(),
        done,
        done_on: None,
    };
    owned.activities[0].done_definition.checklist = vec![item(true), item(false)];
    owned.activities[1].owner = None;
    owned.activities[2].owner = Some(PersonId(2));
    let ranking = rank(&owned, today());
    let durations: Vec<(f64, f64)> = ranking
        .entries
        .iter()
        .map(|entry| {
            (
                entry.parts.remaining_effort_hours,
                entry.parts.duration_days,
            )
        })
        .collect();
    assert_eq!(durations, vec![(32.0, 4.0), (8.0, 1.0), (8.0, 1.0)]);
}

#[test]
fn a_broken_plan_still_ranks_without_panicking() {
    // Out of id order, a self-dependency, an unknown and a repeated
    // dependency, an effort that is not a number, an impact out of range,
    // an unknown owner and a pin at place 0. Y (unknown owner: the
    // default calendar, 8 hours a day, Monday to Friday) takes one
    // working day, Monday today; X has no effort left and waits on Y. Y: 30 + 4×9 + 30 + 14 = 110; X: 90 + 30 + 14 = 134,
    // capped at 109; the pin at 0 counts as the top.
    let mut broken = plan(&[("X", 0.0, 9, &[], None), ("Y", 8.0, 3, &[], None)]);
    broken.activities[0].depends_on =
        vec![ActivityId(1), ActivityId(99), ActivityId(2), ActivityId(2)];
    broken.activities[0].effort_hours = f64::NAN;
    broken.activities[1].owner = Some(PersonId(99));
    broken.activities.reverse();
    broken.priority_pins = vec![PriorityPin {
        activity: ActivityId(1),
        position: 0,
    }];
    check(
        &broken,
        "
        1. X rank 2 pinned score 109 | days 0, EF 1, LF 1, slack 0, critical | unblocks 0/0 worth 0
        waiting on 'Y' · on the critical path · no deadline · impact 9
        2. Y rank 1 score 110 | days 1, EF 1, LF 1, slack 0, critical | unblocks 1/1 worth 9
        unblocks 1 initiative · on the critical path · no deadline · impact 3
        ",
    );
    check(&plan(&[]), "");
}

#[test]
fn random_plans_with_loops_rank_every_open_activity_once() {
    // Plans of random dependencies (loops, self-dependencies, unknown
    // ids and repeats included), statuses and pins. Each must rank
    // without panicking, place every open activity off the loops once,
    // and count what each unblocks as a plain graph search does.
    let mut seed: u64 = 7;
    let mut below = |bound: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % bound
    };
    for _ in 0..200 {
        let count = 1 + below(40) as u32;
        let mut random = plan(&[]);
        random.activities = (1..=count)
            .map(|number| {
                let mut activity = Activity::new(ActivityId(number), &format!("T{number}"));
                activity.owner = Some(PersonId(1));
                activity.effort_hours = below(40) as f64;
                activity.impact = 1 + below(5) as u8;
                activity.status = Status::ALL[below(4) as usize];
                activity.deadline = (below(2) == 0).then(|| day(below(30) as i64 - 5));
                activity.depends_on = (0..below(4))
                    .map(|_| ActivityId(1 + below(u64::from(count) + 1) as u32))
                    .collect();
                activity
            })
            .collect();
        random.priority_pins = (0..below(3))
            .map(|_| PriorityPin {
                activity: ActivityId(1 + below(u64::from(count)) as u32),
                position: below(50) as u32,
            })
            .collect();
        let ranking = rank(&random, today());
        assert_eq!(rank(&random, today()), ranking);

        let looping: Vec<ActivityId> = ranking
            .loops
            .iter()
            .flat_map(|dependency_loop| dependency_loop.activities.clone())
            .collect();
        let ranked: Vec<ActivityId> = random
            .activities
            .iter()
            .filter(|activity| activity.status != Status::Done)
            .map(|activity| activity.id)
            .filter(|id| !looping.contains(id))
            .collect();
        let mut placed: Vec<ActivityId> =
            ranking.entries.iter().map(|entry| entry.activity).collect();
        placed.sort_unstable();
        assert_eq!(placed, ranked);

        for (place, entry) in ranking.entries.iter().enumerate() {
            assert_eq!(entry.position, place + 1);
            let mut reached: Vec<ActivityId> = Vec::new();
            let mut frontier = vec![entry.activity];
            while let Some(current) = frontier.pop() {
                for dependent in &random.activities {
                    let counts = ranked.contains(&dependent.id)
                        && dependent.id != current
                        && dependent.depends_on.contains(&current)
                        && !reached.contains(&dependent.id);
                    if counts {
                        reached.push(dependent.id);
                        frontier.push(dependent.id);
                    }
                }
            }
            let impact: u32 = reached
                .iter()
                .filter_map(|id| random.activity(*id))
                .map(|activity| u32::from(activity.impact))
                .sum();
            assert_eq!(entry.parts.unblocks_total, reached.len());
            assert_eq!(entry.parts.unblocked_impact, impact);
            // Below everything it waits on.
            let lowest_waited = ranking
                .entries
                .iter()
                .filter(|other| entry.waiting_on.contains(&other.activity))
                .map(|other| other.score)
                .reduce(f64::min);
            if let Some(lowest) = lowest_waited {
                assert!(entry.score <= lowest - 1.0);
            }
        }
    }
}

#[test]
fn durations_and_slack_are_the_owners_working_days() {
    // Monday 2026-11-23 is day 0. Ann works Monday to Friday, 8 hours a
    // day, and is away from Wednesday 2026-12-02 to Friday 12-04 (days
    // 9 to 11) and half of Monday 12-07 (day 14). Bob works Monday to
    // Friday and is never away.
    //
    //   A (Ann, 40 h = 5 working days, due Friday 12-11, day 18): ES 0,
    //     EF 5 (the end of Friday 11-27). B waits on it and must start
    //     by day 16, so LF = 16. Slack: Ann's working days from day 5 to
    //     day 16 are Monday 11-30 and Tuesday 12-01 (2), half of Monday
    //     12-07 (0.5) and Tuesday 12-08 (1): 3.5, where the calendar
    //     has 11 days. Urgency 5 / 10.5 working days to the deadline.
    //     30 + 4 × 3 + 30 + 20 × 5/10.5 + (14 − 3.5) = 92.02.
    //   B (Bob, 8 h = 1 working day, due Wednesday 12-09, day 16): ES 5
    //     (a Saturday), EF 8 (the end of Monday 11-30); LF 17, LS 16.
    //     Slack: Bob's working days from day 8 to 17, Tuesday 12-01 to
    //     Wednesday 12-09: 7. Urgency 1 / 12. 30 + 20/12 + 7 = 38.67.
    let mut plan = Plan::empty(PlanId(1), "Working days", today());
    plan.people = vec![
        Person {
            leave: vec![
                crate::model::Leave {
                    start: day(9),
                    end: day(11),
                    day_fraction: 1.0,
                    note: "Conference".to_string(),
                },
                crate::model::Leave {
                    start: day(14),
                    end: day(14),
                    day_fraction: 0.5,
                    note: String::new(),
                },
            ],
            ..Person::new(PersonId(1), "Ann")
        },
        Person::new(PersonId(2), "Bob"),
    ];
    let mut a = Activity::new(ActivityId(1), "A");
    a.owner = Some(PersonId(1));
    a.effort_hours = 40.0;
    a.deadline = Some(day(18));
    let mut b = Activity::new(ActivityId(2), "B");
    b.owner = Some(PersonId(2));
    b.effort_hours = 8.0;
    b.deadline = Some(day(16));
    b.depends_on = vec![ActivityId(1)];
    plan.activities = vec![a, b];
    check(
        &plan,
        "
        1. A rank 1 score 92.02 | days 5, EF 5, LF 16, slack 3.5, critical | unblocks 1/1 worth 3
        unblocks 1 initiative · on the critical path · 4 working days of slack · impact 3
        2. B rank 2 score 38.67 | days 1, EF 8, LF 17, slack 7 | unblocks 0/0 worth 0
        waiting on 'A' · 7 working days of slack · impact 3
        ",
    );
    // A holiday on Tuesday 12-08 takes one more working day off A's
    // slack, and a day off the working days left to its deadline.
    plan.holidays = vec![crate::model::Holiday {
        date: day(15),
        name: "Founders' day".to_string(),
    }];
    let ranking = rank(&plan, today());
    let slack: Vec<f64> = ranking.entries.iter().map(|e| e.parts.slack_days).collect();
    assert_eq!(slack, [2.5, 6.0]);
}

#[test]
fn the_demo_plan_ranks_the_foundations_first() {
    // On Monday 2026-11-23 (day 0; owners work 8 hours a day; Christmas
    // on day 32 and New Year's Day on day 39 are holidays; the goal is
    // due on 2027-02-05, day 74, so every LF is at most 75). Only the
    // ops plan's six initiatives rank; the book of work does not.
    //
    //   act-1 map the process: done, not ranked.
    //   act-2 landing zone: 84 of 112 h left, 10.5 of Tom's working
    //     days: EF 14.5 (noon on Monday 12-07); due day 32 (LF 33).
    //     Slack: his working days to Christmas Eve, 13.5. Unblocks
    //     act-5 and act-6 (4 + 5 = 9).
    //   act-3 tenant baseline: 60 of 80 h, 7.5 days: EF 9.5; LF 40 (due
    //     day 39, New Year's Day), slack 20.5.
    //   act-4 intake form: 26.67 of 40 h, 3.33 days; LF 26, slack 16.67.
    //   act-5 security sign-off: 48 h, 6 days from its start on day 28
    //     (Christmas in that week): EF 37; LF 54, slack 12.
    //   act-6 pilot: 60 h, 7.5 of Lena's 4-day weeks from its start on
    //     day 49: EF 59.5; LF 75, slack 8.5: the least, so the critical
    //     path; it waits on act-4 and act-5, so it scores just below
    //     the lower of them.
    //
    // So the two foundations that unblock the rest come first, and the
    // critical pilot last, right behind what it waits for.
    let demo = demo_plan(PlanId(1), today());
    check(
        &demo,
        "
        1. Standard Azure landing zone in Terraform rank 1 score 95.25 | days 10.5, EF 14.5, LF 33, slack 13.5 | unblocks 1/2 worth 9
        unblocks 2 initiatives · 14 working days of slack · impact 5
        2. Automated Microsoft 365 tenant baseline rank 2 score 91.36 | days 7.5, EF 9.5, LF 40, slack 20.5 | unblocks 1/2 worth 9
        unblocks 2 initiatives · 21 working days of slack · impact 5
        3. Security baseline sign-off for new clients rank 3 score 65.24 | days 6, EF 37, LF 54, slack 12 | unblocks 1/1 worth 5
        waiting on 2 initiatives · unblocks 1 initiative · 12 working days of slack · impact 4
        4. Self-service intake form and checklist rank 4 score 63.51 | days 3.33, EF 3.33, LF 26, slack 16.67 | unblocks 1/1 worth 5
        unblocks 1 initiative · 17 working days of slack · impact 4
        5. Pilot: onboard Fabrikam Legal in 7 days rank 5 score 62.51 | days 7.5, EF 59.5, LF 75, slack 8.5, critical | unblocks 0/0 worth 0
        waiting on 2 initiatives · on the critical path · 9 working days of slack · impact 5
        ",
    );
}
