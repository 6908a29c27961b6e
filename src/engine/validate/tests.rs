//! The limits of a plan, one table per kind: list sizes, the years dates and
//! weeks may fall in, hours a week. Each limit is checked at its edge (the
//! last value allowed passes, the next one is refused with its message) and
//! on the command path, which refuses what an imported file may not hold.

use chrono::NaiveDate;

use super::*;
use crate::command::{apply, Command};
use crate::model::generate::{generated_plan, Size};
use crate::model::{
    Certification, ChecklistItem, Decision, Holiday, Leave, PriorityPin, Scenario, Skill,
    SkillLevel, SkillRequirement, Status, StatusChange, SuccessMetric, SupportPeriod,
};
use crate::test_support::{date, demo, today, week};

/// The errors of `plan` as "path: message", whose message contains `about`.
fn errors_about(plan: &Plan, about: &str) -> Vec<String> {
    errors(plan)
        .iter()
        .filter(|finding| finding.message.contains(about))
        .map(ToString::to_string)
        .collect()
}

/// Edits the demo with `edit` and compares its errors about `about`.
fn check(about: &str, edit: impl FnOnce(&mut Plan), expected: &[&str]) {
    let mut plan = demo();
    edit(&mut plan);
    assert_eq!(errors_about(&plan, about), expected);
}

#[test]
fn the_demo_and_the_large_generated_plan_keep_every_limit() {
    assert_eq!(errors(&demo()), Vec::new());
    let mut large = generated_plan(Size::LARGE, today());
    large.sort_canonically();
    assert_eq!(errors(&large), Vec::new());
}

/// A list of a plan: where it is, how to grow it to `count` valid-looking
/// items, and its limit.
struct List {
    path: &'static str,
    grow: fn(&mut Plan, usize),
    max: usize,
    message: &'static str,
}

fn lists() -> Vec<List> {
    vec![
        List {
            path: "people",
            grow: |plan, count| {
                let next = plan.people.len() as u32 + 1;
                let more = count - plan.people.len();
                plan.people.extend(
                    (next..next + more as u32)
                        .map(|n| Person::new(PersonId(n), &format!("Person {n}"))),
                );
            },
            max: MAX_PEOPLE,
            message: "2,001 people are more than the 2,000 a plan can hold",
        },
        List {
            path: "activities",
            grow: |plan, count| {
                let next = plan.activities.len() as u32 + 1;
                let more = count - plan.activities.len();
                plan.activities.extend(
                    (next..next + more as u32)
                        .map(|n| Activity::new(ActivityId(n), &format!("Activity {n}"))),
                );
            },
            max: MAX_ACTIVITIES,
            message: "20,001 activities are more than the 20,000 a plan can hold",
        },
        List {
            path: "allocations",
            grow: |plan, count| {
                let model = plan.allocations[0].clone();
                plan.allocations = (1..=count as u32)
                    .map(|n| Allocation {
                        id: AllocationId(n),
                        ..model.clone()
                    })
                    .collect();
            },
            max: MAX_ALLOCATIONS,
            message: "100,001 allocations are more than the 100,000 a plan can hold",
        },
        List {
            path: "skills",
            grow: |plan, count| {
                let next = plan.skills.len() as u32 + 1;
                let more = count - plan.skills.len();
                plan.skills
                    .extend((next..next + more as u32).map(|n| Skill {
                        id: SkillId(n),
                        name: format!("Skill {n}"),
                        category: String::new(),
                    }));
            },
            max: MAX_SKILLS,
            message: "1,001 skills are more than the 1,000 a plan can hold",
        },
        List {
            path: "metrics",
            grow: |plan, count| {
                let model: SuccessMetric = plan.metrics[0].clone();
                plan.metrics = (1..=count as u32)
                    .map(|n| SuccessMetric {
                        id: MetricId(n),
                        ..model.clone()
                    })
                    .collect();
            },
            max: MAX_METRICS,
            message: "201 success metrics are more than the 200 a plan can hold",
        },
        List {
            path: "holidays",
            grow: |plan, count| {
                plan.holidays = (0..count as i64)
                    .map(|n| Holiday {
                        date: date("1970-01-01") + chrono::Duration::days(n),
                        name: String::new(),
                    })
                    .collect();
            },
            max: MAX_HOLIDAYS,
            message: "5,001 public holidays are more than the 5,000 a plan can hold",
        },
        List {
            path: "scenarios",
            grow: |plan, count| {
                plan.scenarios = (1..=count as u32)
                    .map(|n| Scenario {
                        id: ScenarioId(n),
                        name: format!("Deal {n}"),
                    })
                    .collect();
            },
            max: MAX_SCENARIOS,
            message: "1,001 scenarios are more than the 1,000 a plan can hold",
        },
        List {
            path: "checkins",
            grow: |plan, count| {
                let model = plan.checkins[0].clone();
                plan.checkins = (1..=count as u32)
                    .map(|n| CheckIn {
                        id: CheckInId(n),
                        ..model.clone()
                    })
                    .collect();
            },
            max: MAX_CHECKINS,
            message: "5,001 check-ins are more than the 5,000 a plan can hold",
        },
        List {
            path: "priority_pins",
            grow: |plan, count| {
                plan.priority_pins = (1..=count as u32)
                    .map(|n| PriorityPin {
                        activity: ActivityId(n),
                        position: n,
                    })
                    .collect();
            },
            max: MAX_ACTIVITIES,
            message: "20,001 priority pins are more than the 20,000 a plan can hold",
        },
        List {
            path: "resources.tooling",
            grow: |plan, count| plan.resources.tooling = vec!["HaloPSA".to_string(); count],
            max: MAX_ITEMS_PER_LIST,
            message: "1,001 tools are more than the 1,000 a plan can hold",
        },
        List {
            path: "people[per-5].leave",
            grow: |plan, count| {
                let leave = plan.people[4].leave[0].clone();
                plan.people[4].leave = vec![leave; count];
            },
            max: MAX_ITEMS_PER_LIST,
            message: "1,001 leave entries are more than the 1,000 a person can hold",
        },
        List {
            path: "people[per-1].support_periods",
            grow: |plan, count| {
                let period = SupportPeriod {
                    start: date("2026-12-01"),
                    end: date("2026-12-07"),
                    hours_per_week: 10.0,
                    note: String::new(),
                };
                plan.people[0].support_periods = vec![period; count];
            },
            max: MAX_ITEMS_PER_LIST,
            message: "1,001 support periods are more than the 1,000 a person can hold",
        },
        List {
            path: "people[per-1].skills",
            grow: |plan, count| {
                let held = plan.people[0].skills[0];
                plan.people[0].skills = vec![held; count];
            },
            max: MAX_SKILLS,
            message: "1,001 skills are more than the 1,000 a person can hold",
        },
        List {
            path: "people[per-2].certifications",
            grow: |plan, count| {
                let certification: Certification = plan.people[1].certifications[0].clone();
                plan.people[1].certifications = vec![certification; count];
            },
            max: MAX_ITEMS_PER_LIST,
            message: "1,001 certifications are more than the 1,000 a person can hold",
        },
        List {
            path: "activities[act-6].depends_on",
            grow: |plan, count| plan.activities[5].depends_on = vec![ActivityId(1); count],
            max: MAX_ITEMS_PER_LIST,
            message: "1,001 dependencies are more than the 1,000 an activity can hold",
        },
        List {
            path: "activities[act-1].required_skills",
            grow: |plan, count| {
                plan.activities[0].required_skills = vec![
                    SkillRequirement {
                        skill: SkillId(1),
                        min_level: 2
                    };
                    count
                ]
            },
            max: MAX_SKILLS,
            message: "1,001 required skills are more than the 1,000 an activity can hold",
        },
        List {
            path: "activities[act-1].required_certifications",
            grow: |plan, count| {
                plan.activities[0].required_certifications = vec!["AZ-104".to_string(); count]
            },
            max: MAX_ITEMS_PER_LIST,
            message: "1,001 required certifications are more than the 1,000 an activity can hold",
        },
        List {
            path: "activities[act-1].status_history",
            grow: |plan, count| {
                plan.activities[0].status_history = vec![
                    StatusChange {
                        date: date("2026-11-09"),
                        status: Status::InProgress
                    };
                    count
                ]
            },
            max: MAX_STATUS_CHANGES,
            message: "10,001 status changes are more than the 10,000 an activity can hold",
        },
        List {
            path: "activities[act-1].done_definition.checklist",
            grow: |plan, count| {
                let item: ChecklistItem = plan.activities[0].done_definition.checklist[0].clone();
                plan.activities[0].done_definition.checklist = vec![item; count];
            },
            max: MAX_ITEMS_PER_LIST,
            message: "1,001 checklist items are more than the 1,000 an activity can hold",
        },
        List {
            path: "allocations[alc-9].placeholder.skills",
            grow: |plan, count| {
                if let Assignee::Placeholder { skills, .. } = &mut plan.allocations[8].assignee {
                    *skills = vec![skills[0]; count];
                }
            },
            max: MAX_SKILLS,
            message: "1,001 skills are more than the 1,000 a placeholder can hold",
        },
        List {
            path: "roles",
            grow: |plan, count| {
                let role = plan.roles[0].clone();
                plan.roles = (1..=count as u32)
                    .map(|n| crate::model::OpenRole {
                        id: crate::model::RoleId(n),
                        ..role.clone()
                    })
                    .collect();
            },
            max: MAX_ROLES,
            message: "1,001 open roles are more than the 1,000 a plan can hold",
        },
        List {
            path: "roles[rol-1].skills",
            grow: |plan, count| {
                let held = plan.roles[0].skills[0];
                plan.roles[0].skills = vec![held; count];
            },
            max: MAX_ROLE_SKILLS,
            message: "1,001 skills are more than the 1,000 an open role can hold",
        },
        List {
            path: "cadences",
            grow: |plan, count| {
                let cadence = plan.cadences[0].clone();
                plan.cadences = (1..=count as u32)
                    .map(|n| crate::model::Cadence {
                        id: crate::model::CadenceId(n),
                        ..cadence.clone()
                    })
                    .collect();
            },
            max: MAX_CADENCES,
            message: "201 cadences are more than the 200 a plan can hold",
        },
        List {
            path: "activities[act-2].informed",
            grow: |plan, count| plan.activities[1].informed = vec![PersonId(1); count],
            max: MAX_RACI_PEOPLE,
            message: "2,001 people are more than the 2,000 a RACI list can hold",
        },
        List {
            path: "checkins[chk-1].entries",
            grow: |plan, count| {
                let entry = plan.checkins[0].entries[0].clone();
                plan.checkins[0].entries = vec![entry; count];
            },
            max: MAX_ACTIVITIES,
            message: "20,001 entries are more than the 20,000 a check-in can hold",
        },
        List {
            path: "checkins[chk-1].decisions",
            grow: |plan, count| {
                let decision: Decision = plan.checkins[0].decisions[0].clone();
                plan.checkins[0].decisions = vec![decision; count];
            },
            max: MAX_ITEMS_PER_LIST,
            message: "1,001 decisions are more than the 1,000 a check-in can hold",
        },
    ]
}

#[test]
fn every_list_has_a_size_limit_with_a_message_naming_it() {
    for list in lists() {
        let mut at_limit = demo();
        (list.grow)(&mut at_limit, list.max);
        assert_eq!(
            errors_about(&at_limit, "can hold"),
            Vec::<String>::new(),
            "{} at its limit",
            list.path
        );

        let mut over = demo();
        (list.grow)(&mut over, list.max + 1);
        // Over a limit, only the sizes are reported: the other rules would
        // be slow on a list far over it.
        assert_eq!(
            errors(&over)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            vec![format!("{}: {}", list.path, list.message)],
            "{} over its limit",
            list.path
        );
    }
}

#[test]
fn a_list_at_its_limit_is_a_valid_plan() {
    // Sizes alone refuse nothing: a plan at the largest limits is valid.
    let mut plan = demo();
    for list in lists().iter().filter(|list| {
        ["people", "allocations", "activities", "skills", "scenarios"].contains(&list.path)
    }) {
        (list.grow)(&mut plan, list.max);
    }
    plan.sort_canonically();
    assert_eq!(errors(&plan), Vec::new());
}

/// Every date of a plan, with how to set it on the demo.
/// A field of the demo plan and how to set it.
type Field<T> = (&'static str, fn(&mut Plan, T));

fn date_fields() -> Vec<Field<NaiveDate>> {
    vec![
        ("goal.target_date", |plan, day| {
            plan.goal.target_date = Some(day)
        }),
        ("holidays[0].date", |plan, day| plan.holidays[0].date = day),
        ("people[per-10].start_date", |plan, day| {
            plan.people[9].start_date = Some(day)
        }),
        ("people[per-10].end_date", |plan, day| {
            plan.people[9].end_date = Some(day)
        }),
        ("people[per-5].leave[0].start", |plan, day| {
            plan.people[4].leave[0].start = day
        }),
        ("people[per-5].leave[0].end", |plan, day| {
            plan.people[4].leave[0].end = day
        }),
        ("people[per-1].support_periods[0].start", |plan, day| {
            plan.people[0].support_periods = vec![SupportPeriod {
                start: day,
                end: date("2026-12-07"),
                hours_per_week: 8.0,
                note: String::new(),
            }]
        }),
        ("people[per-1].support_periods[0].end", |plan, day| {
            plan.people[0].support_periods = vec![SupportPeriod {
                start: date("2026-12-01"),
                end: day,
                hours_per_week: 8.0,
                note: String::new(),
            }]
        }),
        ("people[per-2].certifications[0].expires", |plan, day| {
            plan.people[1].certifications[0].expires = Some(day)
        }),
        ("activities[act-2].start", |plan, day| {
            plan.activities[1].start = Some(day)
        }),
        ("activities[act-2].deadline", |plan, day| {
            plan.activities[1].deadline = Some(day)
        }),
        ("activities[act-2].checkin", |plan, day| {
            plan.activities[1].checkin = Some(day)
        }),
        ("activities[act-1].status_history[0].date", |plan, day| {
            plan.activities[0].status_history[0].date = day
        }),
        (
            "activities[act-1].done_definition.checklist[0].done_on",
            |plan, day| plan.activities[0].done_definition.checklist[0].done_on = Some(day),
        ),
        ("checkins[chk-1].date", |plan, day| {
            plan.checkins[0].date = day
        }),
        ("checkins[chk-1].decisions[0].due", |plan, day| {
            plan.checkins[0].decisions[0].due = Some(day)
        }),
        ("checkins[chk-1].decisions[0].decided_on", |plan, day| {
            plan.checkins[0].decisions[0].decided_on = Some(day)
        }),
    ]
}

#[test]
fn every_date_lies_in_1970_to_2200() {
    for (path, set) in date_fields() {
        for (day, refused) in [
            ("0001-01-01", true),
            ("1969-12-31", true),
            ("1970-01-01", false),
            ("2026-12-01", false),
            ("2200-12-31", false),
            ("2201-01-01", true),
            ("9999-12-31", true),
        ] {
            let expected: Vec<String> = if refused {
                vec![format!("{path}: the date {day} is outside 1970-2200")]
            } else {
                Vec::new()
            };
            let mut plan = demo();
            set(&mut plan, date(day));
            assert_eq!(
                errors_about(&plan, "outside 1970-2200"),
                expected,
                "{path} = {day}"
            );
        }
    }
}

#[test]
fn every_week_lies_in_the_iso_years_1970_to_2200() {
    let week_fields: [Field<Week>; 3] = [
        ("horizon.start", |plan, week| plan.horizon.start = week),
        ("allocations[alc-1].first_week", |plan, week| {
            plan.allocations[0].first_week = week
        }),
        ("allocations[alc-1].last_week", |plan, week| {
            plan.allocations[0].last_week = week
        }),
    ];
    for (path, set) in week_fields {
        for (text, refused) in [
            ("0001-W01", true),
            ("1969-W52", true),
            // Its Monday is 29 December 1969; weeks count by ISO year.
            ("1970-W01", false),
            ("2200-W40", false),
            ("2201-W01", true),
            ("9999-W52", true),
        ] {
            let expected: Vec<String> = if refused {
                vec![format!("{path}: the week {text} is outside 1970-2200")]
            } else {
                Vec::new()
            };
            let mut plan = demo();
            set(&mut plan, week(text));
            assert_eq!(
                errors_about(&plan, "outside 1970-2200"),
                expected,
                "{path} = {text}"
            );
        }
    }
}

#[test]
fn the_horizon_ends_by_2200() {
    check(
        "horizon runs",
        |plan| plan.horizon.start = week("2200-W40"),
        &[],
    );
    check(
        "horizon runs",
        |plan| plan.horizon.start = week("2200-W45"),
        &["horizon.weeks: the horizon runs to 2201-W05, after 2200"],
    );
}

/// Every hours-a-week field, with how to set it on the demo.
fn hours_fields() -> Vec<Field<f64>> {
    vec![
        ("people[per-3].weekly_hours", |plan, hours| {
            plan.people[2].weekly_hours = hours
        }),
        ("people[per-3].support_hours_per_week", |plan, hours| {
            plan.people[2].support_hours_per_week = hours
        }),
        (
            "people[per-3].support_periods[0].hours_per_week",
            |plan, hours| {
                plan.people[2].support_periods = vec![SupportPeriod {
                    start: date("2026-12-01"),
                    end: date("2026-12-07"),
                    hours_per_week: hours,
                    note: String::new(),
                }]
            },
        ),
        ("allocations[alc-2].hours_per_week", |plan, hours| {
            plan.allocations[1].hours_per_week = hours
        }),
    ]
}

#[test]
fn hours_a_week_lie_in_0_to_168() {
    for (path, set) in hours_fields() {
        let allocation = path.starts_with("allocations");
        for (hours, expected) in [
            (0.5, None),
            (40.0, None),
            (168.0, None),
            (
                168.5,
                Some("168.5 hours a week is more than the 168 hours in a week"),
            ),
            (
                200.0,
                Some("200 hours a week is more than the 168 hours in a week"),
            ),
            (-8.0, Some("-8 hours a week is not possible: use 0 to 168")),
            (
                f64::NAN,
                Some("NaN hours a week is not possible: use 0 to 168"),
            ),
            (
                f64::INFINITY,
                Some("inf hours a week is not possible: use 0 to 168"),
            ),
        ] {
            let mut plan = demo();
            set(&mut plan, hours);
            // An allocation needs more than 0 hours: its own message.
            let expected: Vec<String> = match expected {
                Some(_) if allocation && hours < 0.0 => vec![format!(
                    "{path}: an allocation needs more than 0 hours a week"
                )],
                Some(message) => vec![format!("{path}: {message}")],
                None => Vec::new(),
            };
            assert_eq!(
                errors_about(&plan, "hours a week"),
                expected,
                "{path} = {hours}"
            );
        }
    }
    check(
        "hours a week",
        |plan| plan.people[2].weekly_hours = 0.0,
        &[],
    );
    check(
        "hours a week",
        |plan| plan.allocations[1].hours_per_week = 0.0,
        &["allocations[alc-2].hours_per_week: an allocation needs more than 0 hours a week"],
    );
}

#[test]
fn a_placeholder_needs_skills_of_the_catalogue() {
    check(
        "placeholder",
        |plan| {
            if let Assignee::Placeholder { skills, .. } = &mut plan.allocations[8].assignee {
                skills.push(SkillRequirement {
                    skill: SkillId(99),
                    min_level: 9,
                });
            }
        },
        &[
            "allocations[alc-9].placeholder.skills[skl-99]: the placeholder needs skill skl-99, which is not in the skill catalogue",
        ],
    );
    check(
        "level",
        |plan| {
            if let Assignee::Placeholder { skills, .. } = &mut plan.allocations[8].assignee {
                skills[0].min_level = 9;
            }
        },
        &["allocations[alc-9].placeholder.skills[skl-10].min_level: skill level 9 is not possible: use 0 to 4"],
    );
}

#[test]
fn messages_quote_long_names_shortly() {
    let long = "Migrate everything ".repeat(1_000);
    let mut plan = demo();
    plan.activities[3].title = long.clone();
    plan.activities[3].owner = Some(PersonId(99));
    let shown = errors(&plan)[0].to_string();
    assert!(shown.len() < 200, "{shown}");
    assert_eq!(
        shown,
        format!(
            "activities[act-4].owner: '{}…' is owned by per-99, who is not in the plan's people",
            &long[..QUOTED_CHARS]
        )
    );
    assert_eq!(quoted("Short"), "Short");
    assert_eq!(quoted(&"é".repeat(81)), format!("{}…", "é".repeat(80)));
}

#[test]
fn a_long_dependency_loop_is_named_by_its_ends() {
    let mut plan = demo();
    let next = plan.activities.len() as u32 + 1;
    // The demo's activities run to act-20, so: act-21 → act-22 → ... →
    // act-70 → act-21.
    for n in next..next + 50 {
        let mut activity = Activity::new(ActivityId(n), &format!("Step {n}"));
        activity.depends_on = vec![ActivityId(if n + 1 < next + 50 { n + 1 } else { next })];
        plan.activities.push(activity);
    }
    assert_eq!(
        errors_about(&plan, "loop"),
        vec![
            "activities[act-21].depends_on: the dependencies form a loop: \
             Step 21 → Step 22 → Step 23 → … 45 more … → Step 69 → Step 70 → Step 21"
        ]
    );
}

#[test]
fn only_so_many_loops_are_reported() {
    let mut plan = demo();
    // 100 pairs that depend on each other.
    let next = plan.activities.len() as u32 + 1;
    for n in (next..next + 200).step_by(2) {
        let mut first = Activity::new(ActivityId(n), "A");
        first.depends_on = vec![ActivityId(n + 1)];
        let mut second = Activity::new(ActivityId(n + 1), "B");
        second.depends_on = vec![ActivityId(n)];
        plan.activities.extend([first, second]);
    }
    assert_eq!(dependency_cycles(&plan).len(), MAX_LOOPS);
    assert_eq!(errors_about(&plan, "loop").len(), MAX_LOOPS);
}

#[test]
fn repeated_dependencies_and_pins_are_found_by_sorting() {
    check(
        "twice",
        |plan| {
            plan.activities[5].depends_on = vec![
                ActivityId(4),
                ActivityId(5),
                ActivityId(4),
                ActivityId(1),
                ActivityId(4),
            ];
            plan.priority_pins = vec![
                PriorityPin {
                    activity: ActivityId(2),
                    position: 1,
                },
                PriorityPin {
                    activity: ActivityId(3),
                    position: 2,
                },
                PriorityPin {
                    activity: ActivityId(2),
                    position: 3,
                },
            ];
        },
        &[
            "activities[act-6].depends_on[act-4]: 'Pilot: onboard Fabrikam Legal in 7 days' lists the same dependency twice",
            "activities[act-6].depends_on[act-4]: 'Pilot: onboard Fabrikam Legal in 7 days' lists the same dependency twice",
            "priority_pins[2].activity: 'Standard Azure landing zone in Terraform' is pinned twice",
        ],
    );
}

#[test]
fn at_most_so_many_errors_are_listed() {
    let mut plan = demo();
    for activity in &mut plan.activities {
        activity.depends_on = (100..1_000).map(ActivityId).collect();
    }
    let found = errors(&plan);
    assert_eq!(found.len(), MAX_ERRORS);
    assert!(found
        .iter()
        .all(|finding| finding.message.contains("which is not in the plan")));
}

#[test]
fn numbers_read_with_thousands_separators() {
    for (number, text) in [
        (0, "0"),
        (999, "999"),
        (1_000, "1,000"),
        (20_001, "20,001"),
        (1_234_567, "1,234,567"),
    ] {
        assert_eq!(thousands(number), text);
    }
}

/// The command path refuses what a file may not hold: `apply` validates the
/// edited plan with the same rules.
#[test]
fn commands_are_refused_at_the_same_limits() {
    let plan = demo();
    let refused = |plan: &Plan, command: Command, expected: &str| {
        let error = apply(plan, &command, today()).expect_err("refused");
        assert_eq!(error.to_string(), expected, "{command:?}");
    };

    let mut overworked = plan.people[2].clone();
    overworked.weekly_hours = 200.0;
    refused(
        &plan,
        Command::UpdatePerson(overworked.clone()),
        "200 hours a week is more than the 168 hours in a week",
    );
    refused(
        &plan,
        Command::AddPerson(overworked),
        "200 hours a week is more than the 168 hours in a week",
    );

    let mut far = plan.activities[1].clone();
    far.deadline = Some(date("2201-01-01"));
    refused(
        &plan,
        Command::UpdateActivity(far),
        "the date 2201-01-01 is outside 1970-2200",
    );

    let mut leave = plan.people[4].clone();
    leave.leave.push(Leave {
        start: date("1969-12-24"),
        end: date("1969-12-31"),
        day_fraction: 1.0,
        note: String::new(),
    });
    refused(
        &plan,
        Command::UpdatePerson(leave),
        "the date 1969-12-24 is outside 1970-2200",
    );

    refused(
        &plan,
        Command::SetHorizon(crate::model::Horizon {
            start: week("2201-W01"),
            weeks: 13,
        }),
        "the week 2201-W01 is outside 1970-2200",
    );

    let mut heavy = plan.allocations[1].clone();
    heavy.hours_per_week = 169.0;
    refused(
        &plan,
        Command::UpdateAllocation(heavy),
        "169 hours a week is more than the 168 hours in a week",
    );

    let mut full = plan.clone();
    let first = full.people.len() as u32 + 1;
    full.people.extend(
        (first..=MAX_PEOPLE as u32).map(|n| Person::new(PersonId(n), &format!("Person {n}"))),
    );
    assert_eq!(errors(&full), Vec::new());
    refused(
        &full,
        Command::AddPerson(Person::new(PersonId(0), "One too many")),
        "2,001 people are more than the 2,000 a plan can hold",
    );
    // A spreadsheet import is one batch, refused whole: the demo's 15
    // people and 2,000 more.
    refused(
        &plan,
        Command::Batch {
            commands: (0..MAX_PEOPLE)
                .map(|n| Command::AddPerson(Person::new(PersonId(0), &format!("Hire {n}"))))
                .collect(),
            summary: "Imported 2,000 people".to_string(),
        },
        "2,015 people are more than the 2,000 a plan can hold",
    );

    let mut skilled = plan.people[0].clone();
    skilled.skills = vec![SkillLevel {
        skill: SkillId(1),
        level: 1,
    }];
    assert!(apply(&plan, &Command::UpdatePerson(skilled), today()).is_ok());
}

/// The allocations changed are checked by their rules, the others are not
/// looked at (a valid plan holds no error there), and the list's ids are.
#[test]
fn allocation_errors_check_the_changed_allocations_and_the_list() {
    let mut plan = demo();
    let first = plan.allocations[0].id;
    let second = plan.allocations[1].id;
    plan.allocations[0].hours_per_week = 0.0;
    plan.allocations[1].last_week = plan.allocations[1].first_week.plus_weeks(-1);
    let messages = |changed: &[AllocationId]| -> Vec<String> {
        allocation_errors(&plan, changed)
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    assert_eq!(
        messages(&[first]),
        [format!(
            "allocations[{first}].hours_per_week: an allocation needs more than 0 hours a week"
        )]
    );
    assert_eq!(messages(&[second]).len(), 1);
    assert!(messages(&[second])[0].starts_with(&format!("allocations[{second}].last_week: ")));
    assert_eq!(messages(&[first, second]).len(), 2);
    assert_eq!(messages(&[]), Vec::<String>::new());
    // Every error of the whole plan is one of these.
    assert_eq!(errors(&plan), allocation_errors(&plan, &[first, second]));

    let mut twice = demo();
    let copy = twice.allocations[0].clone();
    twice.allocations.push(copy);
    assert_eq!(
        allocation_errors(&twice, &[])
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        [format!(
            "allocations[{first}]: the id {first} is used twice"
        )]
    );
}
