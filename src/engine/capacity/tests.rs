//! Capacity engine tests: weeks computed by hand.
//!
//! Every plan starts on Monday 2026-11-23, in 2026-W48, with a 13-week
//! horizon (2026-W48 to 2027-W07; 2026 has a W53). The weeks used most:
//!
//! | week     | Monday     | Friday     |                               |
//! |----------|------------|------------|-------------------------------|
//! | 2026-W48 | 2026-11-23 | 2026-11-27 | "this week" (index 0)         |
//! | 2026-W49 | 2026-11-30 | 2026-12-04 | Wed 12-02, Thu 12-03          |
//! | 2026-W50 | 2026-12-07 | 2026-12-11 |                               |
//! | 2026-W51 | 2026-12-14 | 2026-12-18 |                               |
//! | 2026-W52 | 2026-12-21 | 2026-12-25 | Christmas on Fri, Sat 12-26   |
//! | 2026-W53 | 2026-12-28 | 2027-01-01 |                               |
//! | 2027-W01 | 2027-01-04 | 2027-01-08 | index 6                       |
//! | 2027-W07 | 2027-02-15 | 2027-02-19 | index 12, the last of the 13  |

use super::*;
use crate::engine::money;
use crate::model::{
    AllocationId, ChecklistItem, DoneDefinition, Holiday, PlanId, Scenario, Skill, SkillLevel,
    SupportPeriod, Weekday,
};
use crate::test_support::{allocation, date, leave, today, week};

fn plan(people: Vec<Person>) -> Plan {
    let mut plan = Plan::empty(PlanId(1), "Capacity test", today());
    plan.people = people;
    plan
}

/// Full time: 40 h over Monday to Friday, 8 h a day.
fn person(id: u32, name: &str) -> Person {
    Person::new(PersonId(id), name)
}

fn in_team(id: u32, name: &str, team: &str) -> Person {
    Person {
        team: team.to_string(),
        ..person(id, name)
    }
}

fn holiday(on: &str) -> Holiday {
    Holiday {
        date: date(on),
        name: format!("Holiday {on}"),
    }
}

fn skill_level(skill: u32, level: u8) -> SkillLevel {
    SkillLevel {
        skill: SkillId(skill),
        level,
    }
}

fn needs(skill: u32, min_level: u8) -> SkillRequirement {
    SkillRequirement {
        skill: SkillId(skill),
        min_level,
    }
}

fn activity(id: u32, effort_hours: f64, deadline: Option<&str>) -> Activity {
    Activity {
        effort_hours,
        deadline: deadline.map(date),
        ..Activity::new(ActivityId(id), &format!("Activity {id}"))
    }
}

/// The same allocation, tentative, in `scenario` if any.
fn tentative(allocation: Allocation, scenario: Option<u32>) -> Allocation {
    Allocation {
        commitment: Commitment::Tentative,
        scenario: scenario.map(ScenarioId),
        ..allocation
    }
}

/// A role still to staff rather than a person.
fn placeholder(allocation: Allocation) -> Allocation {
    Allocation {
        assignee: Assignee::Placeholder {
            role: "Engineer".to_string(),
            skills: Vec::new(),
        },
        ..allocation
    }
}

fn options(include_tentative: bool) -> Options {
    Options {
        include_tentative,
        hidden_scenarios: Vec::new(),
    }
}

fn cell(capacity: f64, support: f64, confirmed: f64, tentative: f64) -> Cell {
    Cell {
        capacity,
        support,
        confirmed,
        tentative,
    }
}

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() < 1e-9
}

fn assert_hours(what: &str, actual: &[f64], expected: &[f64]) {
    assert_eq!(actual.len(), expected.len(), "{what}: weeks");
    for (index, (got, wanted)) in actual.iter().zip(expected).enumerate() {
        assert!(
            close(*got, *wanted),
            "{what}, week {index}: {got} h, expected {wanted} h"
        );
    }
}

/// Hours for the 13 weeks of the horizon, zero but in the weeks given as
/// (index, hours).
fn weeks_with(hours: &[(usize, f64)]) -> Vec<f64> {
    let mut weeks = vec![0.0; 13];
    for (index, value) in hours {
        weeks[*index] = *value;
    }
    weeks
}

/// Computes the one person of a plan over the horizon and checks the
/// (week, capacity, support) given.
fn check_person_weeks(
    name: &str,
    person: Person,
    holidays: &[&str],
    expected: &[(&str, f64, f64)],
) {
    let mut plan = plan(vec![person]);
    plan.holidays = holidays.iter().map(|on| holiday(on)).collect();
    let capacity = compute(&plan, plan.horizon, &options(true), today());
    for (on, hours, support) in expected {
        let found = capacity.cell(PersonId(1), week(on)).expect("week in range");
        assert!(
            close(found.capacity, *hours),
            "{name}, {on}: capacity {} h, expected {hours} h",
            found.capacity
        );
        assert!(
            close(found.support, *support),
            "{name}, {on}: support {} h, expected {support} h",
            found.support
        );
        assert_eq!(
            (found.confirmed, found.tentative),
            (0.0, 0.0),
            "{name}, {on}"
        );
        let free = hours - support;
        assert!(
            close(found.free(true), free),
            "{name}, {on}: free {} h, expected {free} h",
            found.free(true)
        );
    }
}

/// (case, the person, public holidays, (week, capacity, support) expected).
type PersonCase = (
    &'static str,
    Person,
    Vec<&'static str>,
    Vec<(&'static str, f64, f64)>,
);

#[test]
fn person_weeks_have_hand_counted_capacity_and_support() {
    use Weekday::{Fri, Mon, Wed};
    let part_timer = || Person {
        weekly_hours: 24.0,
        working_days: vec![Mon, Wed, Fri],
        ..person(1, "Pat")
    };
    let cases: Vec<PersonCase> = vec![
        // 40 h over 5 days = 8 h a day, 5 days there.
        (
            "full time",
            person(1, "Ann"),
            vec![],
            vec![("2026-W49", 40.0, 0.0)],
        ),
        // 24 h over Mon, Wed, Fri = 8 h a day, 3 days there.
        (
            "part time",
            part_timer(),
            vec![],
            vec![("2026-W49", 24.0, 0.0)],
        ),
        // Christmas, Fri 12-25, is a working day: 40 - 8 = 32 in W52 only.
        (
            "holiday on a working day",
            person(1, "Ann"),
            vec!["2026-12-25"],
            vec![("2026-W51", 40.0, 0.0), ("2026-W52", 32.0, 0.0)],
        ),
        // Sat 12-26 is nobody's working day: W52 keeps its 40 h.
        (
            "holiday on a Saturday",
            person(1, "Ann"),
            vec!["2026-12-26"],
            vec![("2026-W52", 40.0, 0.0)],
        ),
        // Tue 12-01 is not a day Pat works: 24 h. Wed 12-09 is: 24 - 8 = 16.
        (
            "holidays for a part-timer",
            part_timer(),
            vec!["2026-12-01", "2026-12-09"],
            vec![("2026-W49", 24.0, 0.0), ("2026-W50", 16.0, 0.0)],
        ),
        // Leave Wed-Thu 12-02..12-03 = 2 days, 16 h off: 40 - 16 = 24.
        (
            "leave mid-week",
            Person {
                leave: vec![leave("2026-12-02", "2026-12-03", 1.0)],
                ..person(1, "Ann")
            },
            vec![],
            vec![
                ("2026-W48", 40.0, 0.0),
                ("2026-W49", 24.0, 0.0),
                ("2026-W50", 40.0, 0.0),
            ],
        ),
        // Half days Mon-Tue: 2 days x 0.5 x 8 h = 8 h off: 32.
        (
            "half days of leave",
            Person {
                leave: vec![leave("2026-11-30", "2026-12-01", 0.5)],
                ..person(1, "Ann")
            },
            vec![],
            vec![("2026-W49", 32.0, 0.0)],
        ),
        // Fri 12-04 to Mon 12-07: one working day in each week: 32 and 32.
        (
            "leave over a weekend",
            Person {
                leave: vec![leave("2026-12-04", "2026-12-07", 1.0)],
                ..person(1, "Ann")
            },
            vec![],
            vec![("2026-W49", 32.0, 0.0), ("2026-W50", 32.0, 0.0)],
        ),
        // Leave all of W52 and Christmas in it: 4 working days, all away: 0.
        (
            "leave over a holiday",
            Person {
                leave: vec![leave("2026-12-21", "2026-12-25", 1.0)],
                ..person(1, "Ann")
            },
            vec!["2026-12-25"],
            vec![("2026-W52", 0.0, 0.0)],
        ),
        // Starts Wed 12-02: nothing in W48, Wed-Fri = 24 in W49, 40 after.
        (
            "hire mid-horizon",
            Person {
                start_date: Some(date("2026-12-02")),
                ..person(1, "Ann")
            },
            vec![],
            vec![
                ("2026-W48", 0.0, 0.0),
                ("2026-W49", 24.0, 0.0),
                ("2026-W50", 40.0, 0.0),
            ],
        ),
        // Last day Wed 12-02: Mon-Wed = 24 in W49, nothing after.
        (
            "leaver mid-week",
            Person {
                end_date: Some(date("2026-12-02")),
                ..person(1, "Ann")
            },
            vec![],
            vec![
                ("2026-W48", 40.0, 0.0),
                ("2026-W49", 24.0, 0.0),
                ("2026-W50", 0.0, 0.0),
            ],
        ),
        // 10 h support = 2 h a working day. With leave Wed-Thu in W49:
        // 3 days there, capacity 24, support 3 x 2 = 6, free 18.
        (
            "support load shrinks with leave",
            Person {
                support_hours_per_week: 10.0,
                leave: vec![leave("2026-12-02", "2026-12-03", 1.0)],
                ..person(1, "Ann")
            },
            vec![],
            vec![("2026-W48", 40.0, 10.0), ("2026-W49", 24.0, 6.0)],
        ),
        // 4 h support, 20 h in the on-call week W50 (12-07..12-13).
        (
            "on-call week",
            Person {
                support_hours_per_week: 4.0,
                support_periods: vec![SupportPeriod {
                    start: date("2026-12-07"),
                    end: date("2026-12-13"),
                    hours_per_week: 20.0,
                    note: "On call".to_string(),
                }],
                ..person(1, "Ann")
            },
            vec![],
            vec![
                ("2026-W49", 40.0, 4.0),
                ("2026-W50", 40.0, 20.0),
                ("2026-W51", 40.0, 4.0),
            ],
        ),
        // On call in W52 at 20 h = 4 h a day; Christmas leaves 4 days:
        // capacity 32, support 4 x 4 = 16.
        (
            "on-call week with a holiday",
            Person {
                support_hours_per_week: 5.0,
                support_periods: vec![SupportPeriod {
                    start: date("2026-12-21"),
                    end: date("2026-12-27"),
                    hours_per_week: 20.0,
                    note: "On call".to_string(),
                }],
                ..person(1, "Ann")
            },
            vec!["2026-12-25"],
            vec![("2026-W51", 40.0, 5.0), ("2026-W52", 32.0, 16.0)],
        ),
        // 30 h of support in a 20 h week: support takes all 20, no more.
        (
            "support above the hours",
            Person {
                weekly_hours: 20.0,
                support_hours_per_week: 30.0,
                ..person(1, "Ann")
            },
            vec![],
            vec![("2026-W49", 20.0, 20.0)],
        ),
        // 6 h support over 3 days = 2 h a day; Wed 12-02 a holiday: 2 days
        // there, capacity 16, support 4.
        (
            "part-time support",
            Person {
                support_hours_per_week: 6.0,
                ..part_timer()
            },
            vec!["2026-12-02"],
            vec![("2026-W48", 24.0, 6.0), ("2026-W49", 16.0, 4.0)],
        ),
    ];
    for (name, person, holidays, expected) in cases {
        check_person_weeks(name, person, &holidays, &expected);
    }
}

#[test]
fn cell_numbers_with_and_without_tentative_work() {
    // (case, cell, tentative counted, load, free, over, utilisation, band)
    let cases = [
        // 4 + 20 = 24 of 40: exactly 60 % is not under-used.
        (
            "healthy, off",
            cell(40.0, 4.0, 20.0, 8.0),
            false,
            24.0,
            16.0,
            0.0,
            Some(0.6),
            Band::Healthy,
        ),
        // 4 + 20 + 8 = 32 of 40.
        (
            "healthy, on",
            cell(40.0, 4.0, 20.0, 8.0),
            true,
            32.0,
            8.0,
            0.0,
            Some(0.8),
            Band::Healthy,
        ),
        // 10 of 40 = 25 %.
        (
            "under-used",
            cell(40.0, 0.0, 10.0, 0.0),
            true,
            10.0,
            30.0,
            0.0,
            Some(0.25),
            Band::UnderUsed,
        ),
        // 30 of 40 = 75 % without tentative; 30 + 17 = 47: 7 over, 117.5 %.
        (
            "over with tentative, off",
            cell(40.0, 0.0, 30.0, 17.0),
            false,
            30.0,
            10.0,
            0.0,
            Some(0.75),
            Band::Healthy,
        ),
        (
            "over with tentative, on",
            cell(40.0, 0.0, 30.0, 17.0),
            true,
            47.0,
            0.0,
            7.0,
            Some(1.175),
            Band::Over,
        ),
        (
            "away",
            cell(0.0, 0.0, 0.0, 0.0),
            true,
            0.0,
            0.0,
            0.0,
            None,
            Band::Away,
        ),
        // Work in a week without capacity is all overload.
        (
            "allocated while away",
            cell(0.0, 0.0, 8.0, 0.0),
            false,
            8.0,
            0.0,
            8.0,
            None,
            Band::Over,
        ),
        (
            "tentative while away, off",
            cell(0.0, 0.0, 0.0, 8.0),
            false,
            0.0,
            0.0,
            0.0,
            None,
            Band::Away,
        ),
        (
            "tentative while away, on",
            cell(0.0, 0.0, 0.0, 8.0),
            true,
            8.0,
            0.0,
            8.0,
            None,
            Band::Over,
        ),
        // A millionth of an hour over is rounding, not overload.
        (
            "a hair over",
            cell(40.0, 0.0, 40.000001, 0.0),
            true,
            40.000001,
            0.0,
            0.000001,
            Some(1.000000025),
            Band::Healthy,
        ),
    ];
    for (name, cell, tentative, load, free, over, utilisation, band) in cases {
        assert!(
            close(cell.load(tentative), load),
            "{name}: load {}",
            cell.load(tentative)
        );
        assert!(
            close(cell.free(tentative), free),
            "{name}: free {}",
            cell.free(tentative)
        );
        assert!(
            close(cell.over(tentative), over),
            "{name}: over {}",
            cell.over(tentative)
        );
        match (cell.utilisation(tentative), utilisation) {
            (Some(got), Some(wanted)) => assert!(close(got, wanted), "{name}: utilisation {got}"),
            (got, wanted) => assert_eq!(got, wanted, "{name}: utilisation"),
        }
        assert_eq!(cell.band(tentative), band, "{name}: band");
    }
    assert_eq!(
        [Band::Away, Band::UnderUsed, Band::Healthy, Band::Over].map(Band::label),
        ["away", "under-used", "healthy", "over"]
    );
}

#[test]
fn headlines_and_details_read_as_written() {
    // (case, cell, tentative counted, headline, details)
    let cases = [
        // 47 of 40: 117.5 % rounds to 118; 47 - 40 = 7 over.
        (
            "over",
            cell(40.0, 0.0, 47.0, 0.0),
            true,
            "118 %, 7 h over",
            "Capacity 40 h · confirmed 47 h · 118 %, 7 h over",
        ),
        // 4 + 20 + 8 = 32 of 40: 80 %, 8 free.
        (
            "tentative counted",
            cell(40.0, 4.0, 20.0, 8.0),
            true,
            "80 %, 8 h free",
            "Capacity 40 h · support 4 h · confirmed 20 h · tentative 8 h · 80 %, 8 h free",
        ),
        // 4 + 20 = 24 of 40: 60 %, 16 free.
        (
            "tentative not counted",
            cell(40.0, 4.0, 20.0, 8.0),
            false,
            "60 %, 16 h free",
            concat!(
                "Capacity 40 h · support 4 h · confirmed 20 h · ",
                "tentative 8 h (not counted) · 60 %, 16 h free"
            ),
        ),
        (
            "away",
            cell(0.0, 0.0, 0.0, 0.0),
            true,
            "away",
            "Capacity 0 h · away",
        ),
        (
            "away with work",
            cell(0.0, 0.0, 8.0, 0.0),
            false,
            "away, 8 h allocated",
            "Capacity 0 h · confirmed 8 h · away, 8 h allocated",
        ),
        (
            "away with tentative work, off",
            cell(0.0, 0.0, 0.0, 8.0),
            false,
            "away",
            "Capacity 0 h · tentative 8 h (not counted) · away",
        ),
        (
            "away with tentative work, on",
            cell(0.0, 0.0, 0.0, 8.0),
            true,
            "away, 8 h allocated",
            "Capacity 0 h · tentative 8 h · away, 8 h allocated",
        ),
        // Regression: 23 of 40 is 57.5 %, which read "57 %" because 23 / 40
        // is a hair under 0.575 in binary. 40 - 23 = 17 free.
        (
            "half a percent rounds up",
            cell(40.0, 0.0, 23.0, 0.0),
            true,
            "58 %, 17 h free",
            "Capacity 40 h · confirmed 23 h · 58 %, 17 h free",
        ),
        // 41 of 40 = 102.5 %, which read "102 %"; 1 over.
        (
            "half a percent over rounds up",
            cell(40.0, 0.0, 41.0, 0.0),
            true,
            "103 %, 1 h over",
            "Capacity 40 h · confirmed 41 h · 103 %, 1 h over",
        ),
        // 7.5 of 24 = 31.25 %; 16.5 free rounds to 17.
        (
            "fractions",
            cell(24.0, 0.0, 7.5, 0.0),
            true,
            "31 %, 17 h free",
            "Capacity 24 h · confirmed 8 h · 31 %, 17 h free",
        ),
        (
            "full",
            cell(32.0, 8.0, 24.0, 0.0),
            true,
            "100 %, 0 h free",
            "Capacity 32 h · support 8 h · confirmed 24 h · 100 %, 0 h free",
        ),
    ];
    for (name, cell, tentative, headline, details) in cases {
        assert_eq!(cell.headline(tentative), headline, "{name}");
        assert_eq!(cell.details(tentative), details, "{name}");
    }
}

#[test]
fn options_decide_what_shows_and_counts() {
    // (case, commitment, scenario, include tentative, hidden, shows, counts)
    let cases = [
        (
            "confirmed",
            Commitment::Confirmed,
            None,
            false,
            vec![],
            true,
            true,
        ),
        (
            "confirmed, scenario 1 hidden",
            Commitment::Confirmed,
            None,
            false,
            vec![1],
            true,
            true,
        ),
        (
            "tentative, not included",
            Commitment::Tentative,
            None,
            false,
            vec![],
            true,
            false,
        ),
        (
            "tentative, included",
            Commitment::Tentative,
            None,
            true,
            vec![],
            true,
            true,
        ),
        (
            "tentative of no scenario cannot be hidden",
            Commitment::Tentative,
            None,
            true,
            vec![1],
            true,
            true,
        ),
        (
            "hidden scenario",
            Commitment::Tentative,
            Some(1),
            true,
            vec![1],
            false,
            false,
        ),
        (
            "other scenario hidden",
            Commitment::Tentative,
            Some(1),
            true,
            vec![2],
            true,
            true,
        ),
        (
            "shown scenario, not included",
            Commitment::Tentative,
            Some(1),
            false,
            vec![2],
            true,
            false,
        ),
    ];
    for (name, commitment, scenario, include_tentative, hidden, shows, counts) in cases {
        let allocation = Allocation {
            commitment,
            scenario: scenario.map(ScenarioId),
            ..allocation(1, 1, 1, 8.0, "2026-W48", "2026-W48")
        };
        let options = Options {
            include_tentative,
            hidden_scenarios: hidden.into_iter().map(ScenarioId).collect(),
        };
        assert_eq!(options.shows(&allocation), shows, "{name}: shows");
        assert_eq!(options.counts(&allocation), counts, "{name}: counts");
    }
}

/// Ann, full time, on leave all of W50, with work in and around the
/// horizon; two scenarios.
fn allocations_plan() -> Plan {
    let mut plan = plan(vec![Person {
        leave: vec![leave("2026-12-07", "2026-12-11", 1.0)],
        ..person(1, "Ann")
    }]);
    plan.activities = vec![activity(1, 0.0, None)];
    plan.scenarios = vec![
        Scenario {
            id: ScenarioId(1),
            name: "Contoso signs".to_string(),
        },
        Scenario {
            id: ScenarioId(2),
            name: "Fabrikam signs".to_string(),
        },
    ];
    plan.allocations = vec![
        allocation(1, 1, 1, 10.0, "2026-W48", "2026-W49"),
        tentative(allocation(2, 1, 1, 8.0, "2026-W49", "2026-W50"), None),
        tentative(allocation(3, 1, 1, 6.0, "2026-W49", "2026-W49"), Some(1)),
        tentative(allocation(4, 1, 1, 5.0, "2026-W49", "2026-W51"), Some(2)),
        // Starts before the horizon: only W48 is in it.
        allocation(5, 1, 1, 4.0, "2026-W46", "2026-W48"),
        // In the week of leave.
        allocation(6, 1, 1, 12.0, "2026-W50", "2026-W50"),
        // Runs past the end: only 2027-W06 and W07 are in it.
        allocation(7, 1, 1, 3.0, "2027-W06", "2027-W10"),
        // Wholly after and wholly before the horizon.
        allocation(8, 1, 1, 9.0, "2027-W20", "2027-W21"),
        allocation(9, 1, 1, 7.0, "2026-W40", "2026-W44"),
    ];
    plan
}

#[test]
fn allocations_fill_the_weeks_they_span() {
    // Confirmed: W48 10 + 4 = 14, W49 10, W50 12 (leave), 2027-W06/W07 3.
    // Tentative: W49 8 + 6 + 5 = 19, W50 8 + 5 = 13, W51 5; without
    // scenario 2: W49 14, W50 8, W51 0.
    let confirmed = weeks_with(&[(0, 14.0), (1, 10.0), (2, 12.0), (11, 3.0), (12, 3.0)]);
    let cases = [
        (
            "every scenario shown",
            vec![],
            weeks_with(&[(1, 19.0), (2, 13.0), (3, 5.0)]),
        ),
        (
            "scenario 2 hidden",
            vec![ScenarioId(2)],
            weeks_with(&[(1, 14.0), (2, 8.0)]),
        ),
    ];
    let plan = allocations_plan();
    for (name, hidden, expected_tentative) in cases {
        for include_tentative in [false, true] {
            let options = Options {
                include_tentative,
                hidden_scenarios: hidden.clone(),
            };
            let capacity = compute(&plan, plan.horizon, &options, today());
            assert_eq!(capacity.weeks, 13, "{name}");
            let cells = &capacity.rows[0].cells;
            let what = format!("{name}, tentative {include_tentative}");
            let confirmed_found: Vec<f64> = cells.iter().map(|cell| cell.confirmed).collect();
            let tentative_found: Vec<f64> = cells.iter().map(|cell| cell.tentative).collect();
            assert_hours(&format!("{what}: confirmed"), &confirmed_found, &confirmed);
            assert_hours(
                &format!("{what}: tentative"),
                &tentative_found,
                &expected_tentative,
            );
            // Scenario rows hold every scenario, hidden or not (regression:
            // a hidden scenario's row was all zeros).
            assert_eq!(capacity.scenarios.len(), 2, "{what}");
            assert_eq!(capacity.scenarios[0].scenario, ScenarioId(1), "{what}");
            assert_hours(
                &format!("{what}: scenario 1"),
                &capacity.scenarios[0].hours,
                &weeks_with(&[(1, 6.0)]),
            );
            assert_hours(
                &format!("{what}: scenario 2"),
                &capacity.scenarios[1].hours,
                &weeks_with(&[(1, 5.0), (2, 5.0), (3, 5.0)]),
            );
        }
    }

    // The week of leave: no capacity, 12 h confirmed, and 8 + 5 = 13 h
    // tentative with every scenario shown.
    let capacity = compute(&plan, plan.horizon, &options(true), today());
    let on_leave = capacity.cell(PersonId(1), week("2026-W50")).expect("W50");
    assert_eq!(on_leave.capacity, 0.0);
    assert_eq!(on_leave.band(false), Band::Over);
    assert_eq!(on_leave.headline(false), "away, 12 h allocated");
    assert_eq!(on_leave.headline(true), "away, 25 h allocated");
    // W49: 10 confirmed + 19 tentative = 29 of 40: 72.5 % -> 73 %, 11 free;
    // without tentative 10 of 40 = 25 %, 30 free.
    let busy = capacity.cell(PersonId(1), week("2026-W49")).expect("W49");
    assert_eq!(busy.headline(true), "73 %, 11 h free");
    assert_eq!(busy.headline(false), "25 %, 30 h free");
    assert_eq!(busy.band(false), Band::UnderUsed);

    // A range of two weeks, W49 and W50, inside the horizon: allocation 1
    // (W48..W49) keeps W49 only.
    let range = Horizon {
        start: week("2026-W49"),
        weeks: 2,
    };
    let capacity = compute(&plan, range, &options(true), today());
    assert_eq!((capacity.first_week, capacity.weeks), (week("2026-W49"), 2));
    assert_eq!(capacity.week(1), week("2026-W50"));
    assert_eq!(capacity.column(week("2026-W50")), Some(1));
    assert_eq!(capacity.column(week("2026-W48")), None);
    assert_eq!(capacity.column(week("2026-W51")), None);
    assert_eq!(
        capacity.rows[0].cells,
        vec![cell(40.0, 0.0, 10.0, 19.0), cell(0.0, 0.0, 12.0, 13.0)]
    );
}

#[test]
fn work_after_the_range_does_not_panic() {
    // Regression: an allocation, or the spread of an unstaffed activity,
    // wholly after the range sliced the weeks out of bounds.
    let mut plan = plan(vec![person(1, "Ann")]);
    // Starts 2027-06-07 (2027-W23), no deadline, 10 h still to do, nobody
    // on it: from its start week to the range's last week, which is before
    // it, so one week, wholly after the range. A role holds 6 h in
    // 2027-W30 and W31: open-ended, so all 12 h are in its time, of which
    // the 10 missing are the placeholder's (and no more demand is spread).
    plan.activities = vec![Activity {
        start: Some(date("2027-06-07")),
        ..activity(1, 10.0, None)
    }];
    plan.allocations = vec![placeholder(allocation(
        1, 1, 1, 6.0, "2027-W30", "2027-W31",
    ))];
    let capacity = compute(&plan, plan.horizon, &options(true), today());
    assert_hours("demand", &capacity.unstaffed_demand, &[0.0; 13]);
    assert_eq!(
        capacity.unstaffed,
        vec![Unstaffed {
            activity: ActivityId(1),
            remaining: 10.0,
            staffed: 0.0,
            placeholder: 10.0,
            missing: 10.0,
            weeks_left: 1,
        }]
    );
}

#[test]
fn teams_group_people_in_name_order() {
    let plan = {
        let mut plan = plan(vec![
            in_team(1, "Ada", "Ops"),
            // 32 h over Mon-Thu.
            Person {
                weekly_hours: 32.0,
                working_days: vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu],
                ..in_team(2, "Ben", "Cloud")
            },
            Person {
                weekly_hours: 20.0,
                ..in_team(3, "Cy", "")
            },
            Person {
                support_hours_per_week: 8.0,
                ..in_team(4, "Di", "Ops")
            },
            // The same team as Ben once trimmed.
            in_team(5, "Ed", " Cloud "),
        ]);
        plan.activities = vec![activity(1, 0.0, None)];
        plan.allocations = vec![
            allocation(1, 5, 1, 10.0, "2026-W49", "2026-W49"),
            tentative(allocation(2, 1, 1, 6.0, "2026-W49", "2026-W49"), None),
        ];
        plan
    };
    let capacity = compute(&plan, plan.horizon, &options(true), today());
    // "" < "Cloud" < "Ops"; people by id within a team.
    let rows: Vec<(u32, usize)> = capacity
        .rows
        .iter()
        .map(|row| (row.person.0, row.team))
        .collect();
    assert_eq!(rows, vec![(3, 0), (2, 1), (5, 1), (1, 2), (4, 2)]);
    let teams: Vec<(&str, usize, usize)> = capacity
        .teams
        .iter()
        .map(|team| (team.name.as_str(), team.first_row, team.members))
        .collect();
    assert_eq!(teams, vec![("", 0, 1), ("Cloud", 1, 2), ("Ops", 3, 2)]);

    // W49 (index 1): no team: Cy 20. Cloud: Ben 32 + Ed 40 = 72, Ed's 10
    // confirmed. Ops: Ada 40 + Di 40 = 80, Di's 8 support, Ada's 6
    // tentative. Everyone: 20 + 72 + 80 = 172.
    let expected = [
        ("no team", cell(20.0, 0.0, 0.0, 0.0)),
        ("Cloud", cell(72.0, 0.0, 10.0, 0.0)),
        ("Ops", cell(80.0, 8.0, 0.0, 6.0)),
    ];
    for (team, (name, sum)) in capacity.teams.iter().zip(expected) {
        assert_eq!(team.cells.len(), 13, "{name}");
        assert_eq!(team.cells[1], sum, "{name}");
    }
    assert_eq!(capacity.total.len(), 13);
    assert_eq!(capacity.total[1], cell(172.0, 8.0, 10.0, 6.0));
    // W48 has no work at all.
    assert_eq!(capacity.total[0], cell(172.0, 8.0, 0.0, 0.0));
    assert_eq!(capacity.row(PersonId(5)).map(|row| row.team), Some(1));
    assert_eq!(capacity.cell(PersonId(9), week("2026-W49")), None);
}

/// The plan of the unstaffed tests: Ann, and activities 1 to 8.
fn unstaffed_plan() -> Plan {
    let mut plan = plan(vec![person(1, "Ann")]);
    let ticked = |done: bool| ChecklistItem {
        text: "Step".to_string(),
        done,
        done_on: None,
    };
    plan.activities = vec![
        // 100 h by Fri 12-18 (W51).
        activity(1, 100.0, Some("2026-12-18")),
        Activity {
            status: Status::Done,
            ..activity(2, 50.0, Some("2026-12-18"))
        },
        Activity {
            commitment: Commitment::Tentative,
            ..activity(3, 30.0, Some("2026-12-04"))
        },
        // Half the checklist ticked: 10 of 20 h left.
        Activity {
            done_definition: DoneDefinition {
                text: String::new(),
                checklist: vec![ticked(true), ticked(false)],
            },
            ..activity(4, 20.0, Some("2026-12-04"))
        },
        // No deadline, from 2027-01-04 (2027-W01).
        Activity {
            start: Some(date("2027-01-04")),
            ..activity(5, 70.0, None)
        },
        // Deadline Fri 11-13 (W46), before this week.
        activity(6, 12.0, Some("2026-11-13")),
        activity(7, 10.4, Some("2026-11-27")),
        activity(8, 20.0, Some("2026-12-04")),
    ];
    plan.allocations = vec![
        // Activity 1: W47 is past, W48 and W49 count: 20 h.
        allocation(1, 1, 1, 10.0, "2026-W47", "2026-W49"),
        // A role for activity 1, 8 h in W50, W51 (by the deadline) and W52.
        placeholder(allocation(2, 1, 1, 8.0, "2026-W50", "2026-W52")),
        // Activity 4: 5 h x 2 weeks = the 10 h left.
        allocation(3, 1, 4, 5.0, "2026-W48", "2026-W49"),
        // Activity 7: 10 of 10.4 h; under half an hour is not missing.
        allocation(4, 1, 7, 10.0, "2026-W48", "2026-W48"),
        // Activity 8: covered only when tentative work counts.
        tentative(allocation(5, 1, 8, 10.0, "2026-W48", "2026-W49"), None),
    ];
    plan
}

#[test]
fn unstaffed_work_is_what_people_do_not_cover_by_the_deadline() {
    let unstaffed =
        |activity: u32, remaining, staffed, placeholder, missing, weeks_left| Unstaffed {
            activity: ActivityId(activity),
            remaining,
            staffed,
            placeholder,
            missing,
            weeks_left,
        };
    // Activity 1: 100 - 20 = 80 missing over W48..W51 (4 weeks); the role
    // holds 16 of them by the deadline (W50, W51): (80 - 16) / 4 = 16 h a
    // week of demand, plus the role's own 8 h in W50..W52.
    // Activity 3 (tentative): 30 over W48..W49: 15 a week.
    // Activity 5: 70 over 2027-W01..W07 (7 weeks, open-ended to the range's
    // end): 10 a week from index 6.
    // Activity 6: past its deadline: all 12 h this week.
    // Activity 8: 20 over W48..W49: 10 a week, unless tentative work counts.
    let later = (6..13).map(|index| (index, 10.0));
    let cases = [
        (
            "tentative left out",
            false,
            vec![
                // Deadlines 11-13, 12-04, 12-18, none.
                unstaffed(6, 12.0, 0.0, 0.0, 12.0, 1),
                unstaffed(8, 20.0, 0.0, 0.0, 20.0, 2),
                unstaffed(1, 100.0, 20.0, 16.0, 80.0, 4),
                unstaffed(5, 70.0, 0.0, 0.0, 70.0, 7),
            ],
            // W48: 16 + 12 + 10 = 38; W49: 16 + 10 = 26; W50, W51: 16 + 8.
            weeks_with(
                &[(0, 38.0), (1, 26.0), (2, 24.0), (3, 24.0), (4, 8.0)]
                    .into_iter()
                    .chain(later.clone())
                    .collect::<Vec<_>>(),
            ),
        ),
        (
            "tentative included",
            true,
            vec![
                unstaffed(6, 12.0, 0.0, 0.0, 12.0, 1),
                unstaffed(3, 30.0, 0.0, 0.0, 30.0, 2),
                unstaffed(1, 100.0, 20.0, 16.0, 80.0, 4),
                unstaffed(5, 70.0, 0.0, 0.0, 70.0, 7),
            ],
            // W48: 16 + 12 + 15 = 43; W49: 16 + 15 = 31.
            weeks_with(
                &[(0, 43.0), (1, 31.0), (2, 24.0), (3, 24.0), (4, 8.0)]
                    .into_iter()
                    .chain(later)
                    .collect::<Vec<_>>(),
            ),
        ),
    ];
    let plan = unstaffed_plan();
    for (name, include_tentative, expected, demand) in cases {
        let capacity = compute(&plan, plan.horizon, &options(include_tentative), today());
        assert_eq!(capacity.unstaffed, expected, "{name}");
        assert_hours(name, &capacity.unstaffed_demand, &demand);
    }
}

#[test]
fn skill_supply_counts_holders_at_working_level_and_demand_splits_evenly() {
    use Weekday::{Fri, Mon, Wed};
    let mut plan = plan(vec![
        // Skill 1 at working level; skill 2 only learning: not supply.
        Person {
            skills: vec![skill_level(1, 2), skill_level(2, 1)],
            ..person(1, "Ann")
        },
        // 40 - 8 support = 32 a week of skill 1.
        Person {
            skills: vec![skill_level(1, 4)],
            support_hours_per_week: 8.0,
            ..person(2, "Bob")
        },
        // 24 h over Mon/Wed/Fri, away Wed 12-02: 24, then 16 in W49.
        Person {
            skills: vec![skill_level(2, 3)],
            weekly_hours: 24.0,
            working_days: vec![Mon, Wed, Fri],
            leave: vec![leave("2026-12-02", "2026-12-02", 1.0)],
            ..person(3, "Cat")
        },
    ]);
    plan.skills = (1..=3)
        .map(|id| Skill {
            id: SkillId(id),
            name: format!("Skill {id}"),
            category: String::new(),
        })
        .collect();
    plan.activities = vec![
        // Skill 1 listed twice and skill 2: two skills. Nothing left to do.
        Activity {
            required_skills: vec![needs(1, 2), needs(2, 2), needs(1, 3)],
            ..activity(1, 0.0, None)
        },
        // Skill 3, 12 h missing over W48..W49: 6 a week.
        Activity {
            required_skills: vec![needs(3, 2)],
            ..activity(2, 12.0, Some("2026-12-04"))
        },
        // Skill 2, 4 h by Fri 11-27, held by a role: the role's 4 h are the
        // demand, the missing 4 h are not added again.
        Activity {
            required_skills: vec![needs(2, 2)],
            ..activity(3, 4.0, Some("2026-11-27"))
        },
    ];
    plan.allocations = vec![
        // 12 h of activity 1 in W49: 6 to skill 1, 6 to skill 2
        // (regression: the repeated skill 1 made it 4 + 4 + 4).
        allocation(1, 1, 1, 12.0, "2026-W49", "2026-W49"),
        placeholder(allocation(2, 1, 3, 4.0, "2026-W48", "2026-W48")),
    ];
    let capacity = compute(&plan, plan.horizon, &options(true), today());
    // Supply: skill 1 = Ann 40 + Bob 32 = 72; skill 2 = Cat 24, 16 in W49.
    let supply = |w48: f64, w49: f64, rest: f64| {
        let mut weeks = vec![rest; 13];
        weeks[0] = w48;
        weeks[1] = w49;
        weeks
    };
    let expected = [
        (
            SkillId(1),
            supply(72.0, 72.0, 72.0),
            weeks_with(&[(1, 6.0)]),
        ),
        (
            SkillId(2),
            supply(24.0, 16.0, 24.0),
            weeks_with(&[(0, 4.0), (1, 6.0)]),
        ),
        (
            SkillId(3),
            supply(0.0, 0.0, 0.0),
            weeks_with(&[(0, 6.0), (1, 6.0)]),
        ),
    ];
    assert_eq!(capacity.skills.len(), 3);
    for (row, (skill, supply, demand)) in capacity.skills.iter().zip(expected) {
        assert_eq!(row.skill, skill);
        assert_hours(&format!("{skill} supply"), &row.supply, &supply);
        assert_hours(&format!("{skill} demand"), &row.demand, &demand);
    }
}

#[test]
fn lanes_stack_overlapping_spans() {
    let span = |first: &str, last: &str| (week(first), week(last));
    // (case, spans, lane of each, lanes)
    let cases = [
        ("none", vec![], vec![], 0),
        ("one", vec![span("2026-W48", "2026-W50")], vec![0], 1),
        // The second starts the week after the first ends: same lane.
        (
            "touching",
            vec![span("2026-W48", "2026-W49"), span("2026-W50", "2026-W51")],
            vec![0, 0],
            1,
        ),
        // Both hold W50.
        (
            "overlapping",
            vec![span("2026-W48", "2026-W50"), span("2026-W50", "2026-W51")],
            vec![0, 1],
            2,
        ),
        (
            "same week",
            vec![span("2026-W48", "2026-W48"); 3],
            vec![0, 1, 2],
            3,
        ),
        // W48-50 in lane 0, W49 in lane 1; W51-52 fits lane 0 again (ends
        // W50); W50 does not (ends W52) but fits lane 1 (ends W49).
        (
            "lowest free lane",
            vec![
                span("2026-W48", "2026-W50"),
                span("2026-W49", "2026-W49"),
                span("2026-W51", "2026-W52"),
                span("2026-W50", "2026-W50"),
            ],
            vec![0, 1, 0, 1],
            2,
        ),
    ];
    for (name, spans, expected, count) in cases {
        assert_eq!(lanes(&spans), (expected, count), "{name}");
    }
}

/// Ann: 10 h confirmed W49..W51, 20 h tentative in W50; Bob full in W49;
/// Cat on half of activity 7.
fn proposal_plan() -> Plan {
    let mut plan = plan(vec![
        person(1, "Ann"),
        person(2, "Bob"),
        person(3, "Cat"),
        // Leaves on Friday 2026-12-04 (W49).
        Person {
            end_date: Some(date("2026-12-04")),
            ..person(4, "Dee")
        },
        // Starts on Wednesday 2026-12-09 (W50): 24 h that week.
        Person {
            start_date: Some(date("2026-12-09")),
            ..person(5, "Eve")
        },
    ]);
    plan.activities = vec![
        activity(1, 100.0, Some("2026-12-18")),
        activity(2, 130.0, None),
        activity(3, 130.0, Some("2027-06-04")),
        Activity {
            commitment: Commitment::Tentative,
            ..activity(4, 30.0, Some("2026-12-11"))
        },
        activity(5, 50.0, Some("2026-12-11")),
        activity(6, 0.0, Some("2026-12-11")),
        activity(7, 60.0, Some("2026-12-11")),
        activity(8, 100.0, Some("2026-12-11")),
        activity(9, 0.0, None),
        // A contract of 20 h a week with no end; Cat covers 8 of them
        // until 2026-W52.
        Activity {
            kind: crate::model::ActivityKind::ManagedService,
            contract: Some(crate::model::Contract {
                hours: 20.0,
                period: crate::model::Period::Week,
                renewal: None,
            }),
            ..activity(10, 0.0, None)
        },
    ];
    plan.allocations = vec![
        allocation(1, 1, 9, 10.0, "2026-W49", "2026-W51"),
        tentative(allocation(2, 1, 9, 20.0, "2026-W50", "2026-W50"), None),
        allocation(3, 2, 9, 40.0, "2026-W49", "2026-W49"),
        // 10 h x W48..W50 = 30 of activity 7's 60.
        allocation(4, 3, 7, 10.0, "2026-W48", "2026-W50"),
        allocation(5, 3, 10, 8.0, "2026-W48", "2026-W52"),
    ];
    plan
}

/// One drop and what it should propose.
struct Drop {
    name: &'static str,
    activity: u32,
    person: u32,
    on: &'static str,
    include_tentative: bool,
    hours: f64,
    weeks: (&'static str, &'static str),
    from: HoursFrom,
    clipped: bool,
    overbooks: bool,
}

#[test]
fn a_drop_proposes_the_hours_the_work_asks_to_its_deadline() {
    use HoursFrom::*;
    let drop = |name, activity, person, on, hours, weeks, from| Drop {
        name,
        activity,
        person,
        on,
        include_tentative: false,
        hours,
        weeks,
        from,
        clipped: false,
        overbooks: false,
    };
    let cases = [
        // 100 h over W48..W51 = 25; Ann has 40 free in W48.
        drop(
            "spread to the deadline",
            1,
            1,
            "2026-W48",
            25.0,
            ("2026-W48", "2026-W51"),
            StillNeeded,
        ),
        // 100 over W49..W51 = 33.3, but Ann has 40 - 10 = 30 free.
        drop(
            "capped by free hours",
            1,
            1,
            "2026-W49",
            30.0,
            ("2026-W49", "2026-W51"),
            StillNeeded,
        ),
        drop(
            "in the deadline week",
            1,
            1,
            "2026-W51",
            30.0,
            ("2026-W51", "2026-W51"),
            StillNeeded,
        ),
        // After the deadline: that week only, 100 capped at 40 free.
        drop(
            "after the deadline",
            1,
            1,
            "2026-W52",
            40.0,
            ("2026-W52", "2026-W52"),
            StillNeeded,
        ),
        // No deadline: to the range's last week, 2027-W07: 130 / 13 = 10.
        drop(
            "open-ended",
            2,
            1,
            "2026-W48",
            10.0,
            ("2026-W48", "2027-W07"),
            StillNeeded,
        ),
        drop(
            "deadline after the range",
            3,
            1,
            "2026-W48",
            10.0,
            ("2026-W48", "2027-W07"),
            StillNeeded,
        ),
        // 30 over W48..W50 = 10. Left out, tentative work is not missing:
        // its whole effort is spread.
        drop(
            "tentative activity",
            4,
            1,
            "2026-W48",
            10.0,
            ("2026-W48", "2026-W50"),
            RemainingEffort,
        ),
        Drop {
            include_tentative: true,
            ..drop(
                "tentative activity, tentative counted",
                4,
                1,
                "2026-W48",
                10.0,
                ("2026-W48", "2026-W50"),
                StillNeeded,
            )
        },
        // 50 / 3 = 16.67, rounded.
        drop(
            "rounded",
            5,
            1,
            "2026-W48",
            17.0,
            ("2026-W48", "2026-W50"),
            StillNeeded,
        ),
        // Regression: nothing planned made a silent 1 h; Ann's free 40 h.
        drop(
            "nothing planned: the free hours",
            6,
            1,
            "2026-W48",
            40.0,
            ("2026-W48", "2026-W50"),
            FreeHours,
        ),
        // 60 - Cat's 30 = 30 missing over 3 weeks.
        drop(
            "half staffed",
            7,
            1,
            "2026-W48",
            10.0,
            ("2026-W48", "2026-W50"),
            StillNeeded,
        ),
        // Regression: Bob has nothing free in W49 and was proposed a silent
        // 1 h; he is booked what the work needs, and over, and it says so.
        Drop {
            overbooks: true,
            ..drop(
                "a full person is booked over",
                1,
                2,
                "2026-W49",
                33.0,
                ("2026-W49", "2026-W51"),
                StillNeeded,
            )
        },
        // Nothing planned and nothing free: a working day a week.
        Drop {
            overbooks: true,
            ..drop(
                "nothing planned, nothing free",
                6,
                2,
                "2026-W49",
                8.0,
                ("2026-W49", "2026-W50"),
                FreeHours,
            )
        },
        // 100 in W50 alone; Ann has 40 - 10 = 30 free, or 30 - 20 = 10
        // counting her tentative work.
        drop(
            "tentative work not counted",
            8,
            1,
            "2026-W50",
            30.0,
            ("2026-W50", "2026-W50"),
            StillNeeded,
        ),
        Drop {
            include_tentative: true,
            ..drop(
                "tentative work counted",
                8,
                1,
                "2026-W50",
                10.0,
                ("2026-W50", "2026-W50"),
                StillNeeded,
            )
        },
        // Regression: a leaver was refused; the run is cut to their last
        // week, W49, at 25 a week, so 50 h stay to staff.
        Drop {
            clipped: true,
            ..drop(
                "a leaver: cut to their last week",
                1,
                4,
                "2026-W48",
                25.0,
                ("2026-W48", "2026-W49"),
                StillNeeded,
            )
        },
        // A starter: from their first week, W50, capped by their 24 h.
        Drop {
            clipped: true,
            ..drop(
                "a starter: from their first week",
                1,
                5,
                "2026-W48",
                24.0,
                ("2026-W50", "2026-W51"),
                StillNeeded,
            )
        },
        // A contract asks what its cover lacks that week: 20 - Cat's 8.
        drop(
            "a contract's uncovered hours",
            10,
            1,
            "2026-W48",
            12.0,
            ("2026-W48", "2027-W07"),
            Commitment,
        ),
        // From 2026-W53 Cat no longer covers it: all 20.
        drop(
            "a contract with no cover",
            10,
            1,
            "2026-W53",
            20.0,
            ("2026-W53", "2027-W07"),
            Commitment,
        ),
    ];
    let plan = proposal_plan();
    for case in cases {
        let options = options(case.include_tentative);
        let capacity = compute(&plan, plan.horizon, &options, today());
        let proposed = proposed_allocation(
            &plan,
            &capacity,
            ActivityId(case.activity),
            Assignee::Person(PersonId(case.person)),
            week(case.on),
            &options,
        );
        let commitment = plan
            .activity(ActivityId(case.activity))
            .map(|activity| activity.commitment)
            .expect("a known activity");
        let expected = Proposal {
            allocation: Allocation {
                id: AllocationId(0),
                assignee: Assignee::Person(PersonId(case.person)),
                activity: ActivityId(case.activity),
                hours_per_week: case.hours,
                first_week: week(case.weeks.0),
                last_week: week(case.weeks.1),
                commitment,
                scenario: None,
            },
            hours_from: case.from,
            clipped: case.clipped,
            overbooks: case.overbooks,
        };
        assert_eq!(proposed, Some(expected), "{}", case.name);
    }
    let capacity = compute(&plan, plan.horizon, &options(false), today());
    let propose = |activity: u32, person: u32, on: &str| {
        proposed_allocation(
            &plan,
            &capacity,
            ActivityId(activity),
            Assignee::Person(PersonId(person)),
            week(on),
            &options(false),
        )
    };
    assert_eq!(propose(99, 1, "2026-W48"), None, "unknown activity");
    // Dee is gone in W50 and W51, the run of activity 1 from W50.
    assert_eq!(propose(1, 4, "2026-W50"), None, "a leaver already gone");
    // The cut leaves the rest to staff: 100 - 2 x 25 = 50 h still missing.
    let mut staffed = plan.clone();
    let cut = propose(1, 4, "2026-W48").expect("a proposal");
    staffed.allocations.push(Allocation {
        id: AllocationId(6),
        ..cut.allocation
    });
    let after = compute(&staffed, staffed.horizon, &options(false), today());
    let missing = after
        .unstaffed
        .iter()
        .find(|item| item.activity == ActivityId(1))
        .map(|item| item.missing);
    assert_eq!(missing, Some(50.0));
}

/// Ops: Ann (skill 1 at 3, 30 h confirmed W48..W49, 8 h in 2027-W02), Bob
/// (skill 1 at 2, 30 h tentative W48..W53), Gus (skill 1 at 4, on leave
/// W48..W50). Cloud: Cat (skill 1 at 1), Dan (no skill), Fay (gone since
/// 2026-10-30, no skill). Christmas on Fri 12-25.
fn engagement_plan() -> Plan {
    let mut plan = plan(vec![
        Person {
            skills: vec![skill_level(1, 3)],
            ..in_team(1, "Ann", "Ops")
        },
        Person {
            skills: vec![skill_level(1, 2)],
            ..in_team(2, "Bob", "Ops")
        },
        Person {
            skills: vec![skill_level(1, 1)],
            ..in_team(3, "Cat", "Cloud")
        },
        in_team(4, "Dan", "Cloud"),
        Person {
            end_date: Some(date("2026-10-30")),
            ..in_team(5, "Fay", "Cloud")
        },
        Person {
            skills: vec![skill_level(1, 4)],
            leave: vec![leave("2026-11-23", "2026-12-11", 1.0)],
            ..in_team(6, "Gus", "Ops")
        },
    ]);
    plan.holidays = vec![holiday("2026-12-25")];
    plan.skills = (1..=2)
        .map(|id| Skill {
            id: SkillId(id),
            name: format!("Skill {id}"),
            category: String::new(),
        })
        .collect();
    plan.activities = vec![activity(1, 0.0, None)];
    plan.allocations = vec![
        allocation(1, 1, 1, 30.0, "2026-W48", "2026-W49"),
        allocation(2, 1, 1, 8.0, "2027-W02", "2027-W02"),
        tentative(allocation(3, 2, 1, 30.0, "2026-W48", "2026-W53"), None),
    ];
    plan
}

/// One expected fit: person, first week, before, after, team before, team
/// after.
type ExpectedFit = (u32, Option<&'static str>, f64, f64, f64, f64);

/// (case, today, tentative counted, the engagement, earliest week, fits,
/// people short, summary).
type EngagementCase = (
    &'static str,
    NaiveDate,
    bool,
    Engagement,
    Option<&'static str>,
    Vec<ExpectedFit>,
    usize,
    &'static str,
);

#[test]
fn can_we_take_it_finds_the_earliest_week_without_overload() {
    // Capacity in the weeks that matter (Christmas takes 8 h off W52):
    //   Ann: 40 a week, 32 in W52; 30 h taken in W48 and W49: 10 free.
    //   Bob: the same, with 30 h tentative W48..W53: 10 free (2 in W52)
    //        when tentative work counts, 40 free when it does not.
    //   Gus: nothing W48..W50, then 40, 32 (W52), 40.
    // 16 h for 3 weeks needs 16 free in 3 weeks in a row; 48 h in all.
    let wednesday = date("2026-11-25");
    let cases: Vec<EngagementCase> = vec![
        (
            // Bob from W48. Ann from W50 (W50, W51, W52 = 40 + 40 + 32 =
            // 112), Gus from W51 (W51..W53 = 112). Team Ops over Bob's
            // W48..W50: Ann 120 + Bob 120 + Gus 0 = 240, Ann's 60 loaded;
            // over W50..W52: Ann 112 + Bob 112 + Gus 0 + 40 + 32 = 296;
            // over W51..W53: 3 x 112 = 336. Cat and Dan are short; Fay
            // is gone (regression: she was counted short).
            "Monday, tentative left out",
            today(),
            false,
            engagement(1, 2, 16.0, 3, "2026-W48"),
            Some("2026-W48"),
            vec![
                (
                    2,
                    Some("2026-W48"),
                    0.0,
                    48.0 / 120.0,
                    60.0 / 240.0,
                    108.0 / 240.0,
                ),
                (1, Some("2026-W50"), 0.0, 48.0 / 112.0, 0.0, 48.0 / 296.0),
                (6, Some("2026-W51"), 0.0, 48.0 / 112.0, 0.0, 48.0 / 336.0),
            ],
            2,
            "Yes, from 2026-W48: 1 person could take 16 h a week for 3 weeks without overload.",
        ),
        (
            // Not a Monday: from next week, W49. Team Ops over W49..W51:
            // Ann 120 + Bob 120 + Gus 40 = 280, Ann's 30 of W49 loaded.
            "Wednesday: from next week",
            wednesday,
            false,
            engagement(1, 2, 16.0, 3, "2026-W48"),
            Some("2026-W49"),
            vec![
                (
                    2,
                    Some("2026-W49"),
                    0.0,
                    48.0 / 120.0,
                    30.0 / 280.0,
                    78.0 / 280.0,
                ),
                (1, Some("2026-W50"), 0.0, 48.0 / 112.0, 0.0, 48.0 / 296.0),
                (6, Some("2026-W51"), 0.0, 48.0 / 112.0, 0.0, 48.0 / 336.0),
            ],
            2,
            "Yes, from 2026-W49: 1 person could take 16 h a week for 3 weeks without overload.",
        ),
        (
            // Bob's tentative work counts: free again from 2027-W01. Team
            // Ops carries Bob's 30 h a week through W53: 90 in W50..W52 and
            // in W51..W53; in 2027-W01..W03 only Ann's 8 (of 3 x 120 = 360).
            "Monday, tentative counted",
            today(),
            true,
            engagement(1, 2, 16.0, 3, "2026-W48"),
            Some("2026-W50"),
            vec![
                (
                    1,
                    Some("2026-W50"),
                    0.0,
                    48.0 / 112.0,
                    90.0 / 296.0,
                    138.0 / 296.0,
                ),
                (
                    6,
                    Some("2026-W51"),
                    0.0,
                    48.0 / 112.0,
                    90.0 / 336.0,
                    138.0 / 336.0,
                ),
                (
                    2,
                    Some("2027-W01"),
                    0.0,
                    48.0 / 120.0,
                    8.0 / 360.0,
                    56.0 / 360.0,
                ),
            ],
            2,
            "Yes, from 2026-W50: 1 person could take 16 h a week for 3 weeks without overload.",
        ),
        (
            // From 2027-W01 all three can; Ann has 8 h in W02, so 56 of
            // 120 after: she comes last; Bob and Gus tie at 48 / 120 and
            // go by id.
            "several from the same week, least loaded first",
            today(),
            false,
            engagement(1, 2, 16.0, 3, "2027-W01"),
            Some("2027-W01"),
            vec![
                (
                    2,
                    Some("2027-W01"),
                    0.0,
                    48.0 / 120.0,
                    8.0 / 360.0,
                    56.0 / 360.0,
                ),
                (
                    6,
                    Some("2027-W01"),
                    0.0,
                    48.0 / 120.0,
                    8.0 / 360.0,
                    56.0 / 360.0,
                ),
                (
                    1,
                    Some("2027-W01"),
                    8.0 / 120.0,
                    56.0 / 120.0,
                    8.0 / 360.0,
                    56.0 / 360.0,
                ),
            ],
            2,
            "Yes, from 2027-W01: 3 people could take 16 h a week for 3 weeks without overload.",
        ),
        (
            // Nobody holds skill 2: everyone there (not Fay) is short.
            "nobody has the skill",
            today(),
            false,
            engagement(2, 3, 16.0, 3, "2026-W48"),
            None,
            vec![],
            5,
            "No: nobody has every skill it needs (5 people are short in a skill).",
        ),
        (
            // Nobody ever has 50 h free. The look-ahead ends 52 weeks after
            // the horizon's end (2027-W08): 2028-W08, so 2028-W07 is the
            // last week looked at.
            "never free",
            today(),
            false,
            engagement(1, 2, 50.0, 1, "2026-W48"),
            None,
            vec![
                (1, None, 0.0, 0.0, 0.0, 0.0),
                (2, None, 0.0, 0.0, 0.0, 0.0),
                (6, None, 0.0, 0.0, 0.0, 0.0),
            ],
            2,
            concat!(
                "Not before 2028-W07: 3 people have every skill ",
                "but never 50 h a week free for 1 week in a row."
            ),
        ),
        (
            // Only Gus holds skill 1 at 4: Ann, Bob, Cat and Dan are short.
            "one person never free",
            today(),
            false,
            engagement(1, 4, 50.0, 2, "2026-W48"),
            None,
            vec![(6, None, 0.0, 0.0, 0.0, 0.0)],
            4,
            concat!(
                "Not before 2028-W07: 1 person has every skill ",
                "but never 50 h a week free for 2 weeks in a row."
            ),
        ),
    ];
    let plan = engagement_plan();
    for (name, today, include_tentative, engagement, earliest, fits, short, summary) in cases {
        let answer = can_we_take_it(&plan, &engagement, &options(include_tentative), today);
        assert_eq!(answer.earliest, earliest.map(week), "{name}: earliest");
        assert_eq!(answer.short, short, "{name}: short");
        assert_eq!(answer.summary, summary, "{name}: summary");
        let found: Vec<(u32, Option<Week>)> = answer
            .fits
            .iter()
            .map(|fit| match fit.assignee {
                Assignee::Person(person) => (person.0, fit.first_week),
                _ => (0, fit.first_week),
            })
            .collect();
        let wanted: Vec<(u32, Option<Week>)> =
            fits.iter().map(|fit| (fit.0, fit.1.map(week))).collect();
        assert_eq!(found, wanted, "{name}: fits");
        for (fit, (person, _, before, after, team_before, team_after)) in
            answer.fits.iter().zip(fits)
        {
            let numbers = [fit.before, fit.after, fit.team_before, fit.team_after];
            let expected = [before, after, team_before, team_after];
            assert!(
                numbers
                    .iter()
                    .zip(expected)
                    .all(|(got, wanted)| close(*got, wanted)),
                "{name}, person {person}: {numbers:?}, expected {expected:?}"
            );
            assert!(fit.short_skills.is_empty(), "{name}, person {person}");
        }
    }

    // One person there, short of the skill: the singular sentence.
    let mut alone = engagement_plan();
    alone.people.retain(|person| person.id == PersonId(4));
    let answer = can_we_take_it(
        &alone,
        &engagement(1, 2, 16.0, 3, "2026-W48"),
        &options(false),
        today(),
    );
    assert_eq!(
        answer.summary,
        "No: nobody has every skill it needs (1 person is short in a skill)."
    );
}

fn engagement(
    skill: u32,
    level: u8,
    hours_per_week: f64,
    weeks: u32,
    earliest_start: &str,
) -> Engagement {
    Engagement {
        name: "Contoso migration".to_string(),
        needs: vec![needs(skill, level)],
        hours_per_week,
        weeks,
        earliest_start: week(earliest_start),
    }
}

/// A cloud engineer to hire from Wednesday 2026-12-02, in scenario 1, with
/// 10 h a week of act-1 (20 h of effort, due Friday 2026-12-18) in W50 and
/// W51; Ann (per-1) is the cloud team today.
fn hiring_plan() -> Plan {
    let mut plan = plan(vec![in_team(1, "Ann", "Cloud")]);
    plan.skills = vec![Skill {
        id: SkillId(1),
        name: "Azure".to_string(),
        category: "Cloud".to_string(),
    }];
    plan.scenarios = vec![Scenario {
        id: ScenarioId(1),
        name: "Hire a cloud engineer".to_string(),
    }];
    plan.roles = vec![crate::model::OpenRole {
        team: "Cloud".to_string(),
        skills: vec![skill_level(1, 3)],
        scenario: Some(ScenarioId(1)),
        ..crate::model::OpenRole::new(RoleId(1), "Cloud Engineer", date("2026-12-02"))
    }];
    plan.activities = vec![activity(1, 20.0, Some("2026-12-18"))];
    plan.allocations = vec![Allocation {
        assignee: Assignee::Role(RoleId(1)),
        ..allocation(1, 1, 1, 10.0, "2026-W50", "2026-W51")
    }];
    plan
}

#[test]
fn an_open_role_adds_capacity_only_while_its_scenario_is_shown() {
    let plan = hiring_plan();
    // Shown: from Wednesday 2026-12-02, three days of 8 h in W49 (24 h),
    // then 40 h a week; its 10 h in W50 and W51 are its load and staff
    // act-1, so nothing is unstaffed.
    let shown = compute(&plan, plan.horizon, &options(false), today());
    assert_eq!(shown.roles.len(), 1);
    let role = shown.role_row(RoleId(1)).expect("the role adds capacity");
    assert_eq!(shown.teams[role.team].name, "Cloud");
    assert_eq!(shown.teams[role.team].members, 1, "people only");
    assert_eq!(role.cells[0], cell(0.0, 0.0, 0.0, 0.0));
    assert_eq!(role.cells[1], cell(24.0, 0.0, 0.0, 0.0));
    assert_eq!(role.cells[2], cell(40.0, 0.0, 10.0, 0.0));
    assert_eq!(role.cells[3], cell(40.0, 0.0, 10.0, 0.0));
    // The team and the firm: Ann's 40 h plus the hire's.
    let team: Vec<f64> = shown.teams[role.team].cells[..4]
        .iter()
        .map(|cell| cell.capacity)
        .collect();
    assert_hours("team capacity", &team, &[40.0, 64.0, 80.0, 80.0]);
    assert_eq!(shown.total[2], cell(80.0, 0.0, 10.0, 0.0));
    assert!(shown.unstaffed.is_empty(), "{:?}", shown.unstaffed);
    assert_hours("demand", &shown.unstaffed_demand, &[0.0; 13]);
    // Its skill adds supply from its start.
    assert_hours(
        "Azure supply",
        &shown.skills[0].supply[..3],
        &[0.0, 24.0, 40.0],
    );

    // Hidden: no hire, so its work is demand nobody covers.
    let hidden = Options {
        include_tentative: false,
        hidden_scenarios: vec![ScenarioId(1)],
    };
    let without = compute(&plan, plan.horizon, &hidden, today());
    assert!(without.roles.is_empty());
    let team: Vec<f64> = without.teams[0].cells[..4]
        .iter()
        .map(|cell| cell.capacity)
        .collect();
    assert_hours("team capacity", &team, &[40.0, 40.0, 40.0, 40.0]);
    assert_hours(
        "demand",
        &without.unstaffed_demand,
        &weeks_with(&[(2, 10.0), (3, 10.0)]),
    );
    assert_eq!(without.unstaffed.len(), 1);
    assert!(close(without.unstaffed[0].missing, 20.0));
    assert!(close(without.unstaffed[0].placeholder, 20.0));
}

#[test]
fn work_dropped_on_an_open_role_is_capped_by_its_free_hours() {
    let mut plan = hiring_plan();
    // A second activity of 100 h due Friday 2026-12-18 (W51), nobody on it.
    plan.activities.push(activity(2, 100.0, Some("2026-12-18")));
    let shown = compute(&plan, plan.horizon, &options(false), today());
    // Dropped on the hire's W49: 100 h over W49..W51 is 33.3 h a week,
    // capped by their 24 h that week (they start on the Wednesday).
    let on_start = proposed_allocation(
        &plan,
        &shown,
        ActivityId(2),
        Assignee::Role(RoleId(1)),
        week("2026-W49"),
        &options(false),
    )
    .expect("a known activity")
    .allocation;
    assert_eq!(on_start.assignee, Assignee::Role(RoleId(1)));
    assert_eq!(on_start.hours_per_week, 24.0);
    assert_eq!(
        (on_start.first_week, on_start.last_week),
        (week("2026-W49"), week("2026-W51"))
    );
    // On W50, 50 h a week is wanted; 40 - 10 = 30 h are free.
    let later = proposed_allocation(
        &plan,
        &shown,
        ActivityId(2),
        Assignee::Role(RoleId(1)),
        week("2026-W50"),
        &options(false),
    )
    .expect("a known activity")
    .allocation;
    assert_eq!(later.hours_per_week, 30.0);
    // The cell of a role or a person, none for a placeholder.
    assert_eq!(
        shown.cell_of(&Assignee::Role(RoleId(1)), week("2026-W50")),
        Some(cell(40.0, 0.0, 10.0, 0.0))
    );
    assert_eq!(
        shown.cell_of(&Assignee::Person(PersonId(1)), week("2026-W50")),
        shown.cell(PersonId(1), week("2026-W50"))
    );
    assert_eq!(
        shown.cell_of(
            &placeholder(allocation(9, 2, 1, 1.0, "2026-W50", "2026-W50")).assignee,
            week("2026-W50")
        ),
        None
    );
    assert_eq!(
        shown.cell_of(&Assignee::Role(RoleId(1)), week("2030-W01")),
        None,
        "outside the range"
    );
    // Hidden, the role has no row: the proposal is not capped.
    let hidden = Options {
        include_tentative: false,
        hidden_scenarios: vec![ScenarioId(1)],
    };
    let without = compute(&plan, plan.horizon, &hidden, today());
    let uncapped = proposed_allocation(
        &plan,
        &without,
        ActivityId(2),
        Assignee::Role(RoleId(1)),
        week("2026-W49"),
        &hidden,
    )
    .expect("a known activity")
    .allocation;
    assert_eq!(uncapped.hours_per_week, 33.0);
}

#[test]
fn can_we_take_it_names_an_open_role_that_could_take_it_sooner() {
    let mut plan = hiring_plan();
    // Ann has Azure at 3 too, and 30 h of act-1 in W49 and W50; the hire
    // (from Wednesday 2026-12-02: 24 h in W49, then 40 h less its 10 h of
    // act-1 in W50 and W51) has Azure at 3.
    plan.people[0].skills = vec![skill_level(1, 3)];
    plan.activities.push(activity(2, 60.0, None));
    plan.allocations
        .push(allocation(2, 1, 2, 30.0, "2026-W49", "2026-W50"));
    let engagement = Engagement {
        needs: vec![needs(1, 3)],
        ..engagement(1, 3, 20.0, 2, "2026-W49")
    };
    let answer = can_we_take_it(&plan, &engagement, &options(false), today());
    // Ann has 10 h free in W49 and W50, 40 h from W51: from W51. The hire
    // has 24 h in W49 and 30 h in W50: from W49, sooner.
    assert_eq!(answer.earliest, Some(week("2026-W51")), "people only");
    let found: Vec<(Assignee, Option<Week>)> = answer
        .fits
        .iter()
        .map(|fit| (fit.assignee.clone(), fit.first_week))
        .collect();
    assert_eq!(
        found,
        [
            (Assignee::Role(RoleId(1)), Some(week("2026-W49"))),
            (Assignee::Person(PersonId(1)), Some(week("2026-W51"))),
        ]
    );
    // The hire's utilisation in W49 and W50: 10 h of 64 h before, 50 h after.
    let hire = &answer.fits[0];
    assert!(close(hire.before, 10.0 / 64.0), "{}", hire.before);
    assert!(close(hire.after, 50.0 / 64.0), "{}", hire.after);
    assert_eq!(
        answer.summary,
        concat!(
            "Yes, from 2026-W51: 1 person could take 20 h a week for 2 weeks without overload. ",
            "With the open role 'Cloud Engineer' hired as planned: from 2026-W49."
        )
    );

    // Nobody there has the skill: only the hire could.
    plan.people[0].skills.clear();
    let answer = can_we_take_it(&plan, &engagement, &options(false), today());
    assert_eq!(answer.earliest, None);
    assert_eq!(answer.short, 1, "people only are counted short");
    assert_eq!(
        answer.summary,
        concat!(
            "No: nobody has every skill it needs (1 person is short in a skill). ",
            "With the open role 'Cloud Engineer' hired as planned: from 2026-W49."
        )
    );

    // Its scenario hidden, the role adds nothing and is not listed.
    let hidden = Options {
        include_tentative: false,
        hidden_scenarios: vec![ScenarioId(1)],
    };
    let answer = can_we_take_it(&plan, &engagement, &hidden, today());
    assert!(answer.fits.is_empty(), "{:?}", answer.fits);
    assert_eq!(
        answer.summary,
        "No: nobody has every skill it needs (1 person is short in a skill)."
    );
}

#[test]
fn a_filled_role_or_one_in_no_scenario() {
    let mut plan = hiring_plan();
    // In no scenario, the hire is counted whatever is hidden.
    plan.roles[0].scenario = None;
    let hidden = Options {
        include_tentative: false,
        hidden_scenarios: vec![ScenarioId(1)],
    };
    assert_eq!(
        compute(&plan, plan.horizon, &hidden, today()).roles.len(),
        1
    );
    // A role of a team nobody is in yet gets its own team row, with no
    // people.
    plan.roles[0].team = "Security".to_string();
    let capacity = compute(&plan, plan.horizon, &hidden, today());
    let names: Vec<(&str, usize)> = capacity
        .teams
        .iter()
        .map(|team| (team.name.as_str(), team.members))
        .collect();
    assert_eq!(names, [("Cloud", 1), ("Security", 0)]);
    assert!(close(capacity.teams[1].cells[2].capacity, 40.0));
    // Filled: the person who filled it brings the capacity instead.
    plan.roles[0].status = crate::model::RoleStatus::Filled;
    plan.allocations.clear();
    let capacity = compute(&plan, plan.horizon, &hidden, today());
    assert!(capacity.roles.is_empty());
    assert_eq!(capacity.teams.len(), 1);
}

/// A baseline kept from one computation to the next gives what a fresh
/// computation gives, whatever changed in between: allocations (kept
/// weeks), a person's calendar, people added and removed (positions shift),
/// holidays, the weeks shown, scenarios hidden (roles shown change).
#[test]
fn a_kept_baseline_computes_what_a_fresh_one_does() {
    type Edit = fn(&mut Plan, &mut Horizon, &mut Options);
    let edits: &[(&str, Edit)] = &[
        ("nothing", |_, _, _| {}),
        ("work added", |plan, _, _| {
            plan.allocations
                .push(allocation(90, 1, 1, 12.0, "2026-W49", "2026-W52"));
        }),
        ("work moved to the role", |plan, _, _| {
            if let Some(last) = plan.allocations.last_mut() {
                last.assignee = Assignee::Role(RoleId(1));
            }
        }),
        ("leave taken", |plan, _, _| {
            plan.people[0]
                .leave
                .push(leave("2026-12-07", "2026-12-09", 1.0));
        }),
        ("hours cut", |plan, _, _| plan.people[0].weekly_hours = 24.0),
        ("support load", |plan, _, _| {
            plan.people[0].support_hours_per_week = 6.0
        }),
        ("a person added first", |plan, _, _| {
            plan.people.insert(0, in_team(7, "Bo", "Cloud"));
        }),
        ("a holiday", |plan, _, _| {
            plan.holidays.push(holiday("2026-12-25"))
        }),
        ("weeks moved", |_, range, _| range.start = week("2026-W50")),
        ("weeks widened", |_, range, _| range.weeks = 20),
        ("the role's scenario hidden", |_, _, options| {
            options.hidden_scenarios = vec![ScenarioId(1)];
        }),
        ("the role's scenario shown", |_, _, options| {
            options.hidden_scenarios.clear()
        }),
        ("the role starts later", |plan, _, _| {
            plan.roles[0].start_date = date("2027-01-04");
        }),
        ("the first person leaves the plan", |plan, _, _| {
            plan.people.remove(0);
        }),
        ("everyone leaves", |plan, _, _| plan.people.clear()),
        ("someone joins", |plan, _, _| {
            plan.people.push(in_team(8, "Cy", "Data"))
        }),
    ];
    let mut plan = hiring_plan();
    plan.people.push(in_team(2, "Dee", "Data"));
    let mut range = plan.horizon;
    let mut options = options(true);
    let mut baseline = Baseline::default();
    for (what, edit) in edits {
        edit(&mut plan, &mut range, &mut options);
        let kept = compute_with(&plan, range, &options, today(), &mut baseline);
        let fresh = compute(&plan, range, &options, today());
        assert_eq!(kept, fresh, "after {what}");
    }
}

/// The baseline of the generated large plan, kept over allocation edits,
/// agrees with fresh computations (every person's weeks are looked at).
#[test]
fn a_kept_baseline_agrees_on_a_generated_plan() {
    let mut plan = crate::model::generate::generated_plan(
        crate::model::generate::Size {
            people: 40,
            activities: 120,
            initiatives: 6,
            dependencies_per_initiative: 2,
            clients: 10,
            allocations: 400,
            weeks: 26,
        },
        today(),
    );
    let options = options(true);
    let mut baseline = Baseline::default();
    for step in 0..6 {
        let kept = compute_with(&plan, plan.horizon, &options, today(), &mut baseline);
        assert_eq!(
            kept,
            compute(&plan, plan.horizon, &options, today()),
            "step {step}"
        );
        let moved = &mut plan.allocations[step * 17];
        moved.first_week = moved.first_week.plus_weeks(1);
        moved.last_week = moved.last_week.plus_weeks(2);
        plan.people[step]
            .leave
            .push(leave("2026-12-14", "2026-12-15", 0.5));
    }
}

/// A plan for counting changes: two teams, a work of three skills (its
/// shares are thirds), an open role in a scenario, tentative work.
fn changing_plan() -> Plan {
    let mut plan = hiring_plan();
    plan.people = vec![
        Person {
            skills: vec![skill_level(1, 3), skill_level(2, 3)],
            cost_rate: Some(70.0),
            ..in_team(1, "Ann", "Cloud")
        },
        in_team(2, "Bo", "Cloud"),
        Person {
            billable_target: Some(0.7),
            ..in_team(3, "Cy", "Data")
        },
    ];
    plan.skills.extend([2, 3].map(|id| Skill {
        id: SkillId(id),
        name: format!("Skill {id}"),
        category: "Cloud".to_string(),
    }));
    plan.activities = vec![
        Activity {
            required_skills: vec![needs(1, 2), needs(2, 2), needs(3, 2)],
            billable: true,
            ..activity(1, 100.0, Some("2026-12-18"))
        },
        activity(2, 35.0, None),
        Activity {
            status: crate::model::Status::Done,
            ..activity(3, 10.0, Some("2027-01-08"))
        },
    ];
    plan.allocations = vec![
        allocation(1, 1, 1, 10.0, "2026-W49", "2026-W51"),
        allocation(2, 3, 2, 7.3, "2026-W48", "2027-W02"),
        tentative(allocation(3, 2, 1, 5.0, "2026-W50", "2026-W52"), Some(1)),
    ];
    plan
}

/// A capacity kept between edits, counting only the allocations each edit
/// changed, is the capacity a computation from scratch gives, to the bit,
/// and the billable figures worked out again for the people it names are
/// the ones worked out for everyone. Hours of 7.3 and shares of a third
/// would add up differently in another order, if they were not counted in
/// whole parts of an hour (`HOUR_PARTS`).
#[test]
fn a_kept_capacity_counts_a_change_as_a_fresh_one_does() {
    type Edit = fn(&mut Plan) -> Vec<u32>;
    fn at(plan: &mut Plan, id: u32) -> &mut Allocation {
        let found = plan.allocations.iter_mut().find(|a| a.id.0 == id);
        found.expect("the allocation is in the plan")
    }
    // What each edit does, the allocations it changes, and the people
    // whose rows change (by id).
    let edits: &[(&str, Edit, &[u32])] = &[
        ("nothing", |_| vec![], &[]),
        (
            "moved a week later",
            |plan| {
                let moved = at(plan, 1);
                moved.first_week = week("2026-W50");
                moved.last_week = week("2026-W52");
                vec![1]
            },
            &[1],
        ),
        (
            "given to someone else",
            |plan| {
                at(plan, 1).assignee = Assignee::Person(PersonId(3));
                vec![1]
            },
            &[1, 3],
        ),
        (
            "a third of an hour",
            |plan| {
                at(plan, 2).hours_per_week = 10.0 / 3.0;
                vec![2]
            },
            &[3],
        ),
        (
            "added in another team",
            |plan| {
                plan.allocations
                    .push(allocation(4, 2, 2, 12.5, "2026-W52", "2027-W03"));
                vec![4]
            },
            &[2],
        ),
        (
            "to a placeholder",
            |plan| {
                *at(plan, 4) = placeholder(allocation(4, 2, 2, 12.5, "2026-W52", "2027-W03"));
                vec![4]
            },
            &[2],
        ),
        (
            "to the open role",
            |plan| {
                at(plan, 4).assignee = Assignee::Role(RoleId(1));
                vec![4]
            },
            &[],
        ),
        (
            "tentative confirmed",
            |plan| {
                let confirmed = at(plan, 3);
                confirmed.commitment = Commitment::Confirmed;
                confirmed.scenario = None;
                vec![3]
            },
            &[2],
        ),
        (
            "on work that is done",
            |plan| {
                at(plan, 3).activity = ActivityId(3);
                vec![3]
            },
            &[2],
        ),
        (
            "before the range and past it",
            |plan| {
                let long = at(plan, 2);
                long.first_week = week("2026-W40");
                long.last_week = week("2027-W30");
                vec![2]
            },
            &[3],
        ),
        (
            "two at once, one removed",
            |plan| {
                plan.allocations.retain(|a| a.id.0 != 1);
                at(plan, 3).hours_per_week = 0.1;
                vec![1, 3, 3]
            },
            &[2, 3],
        ),
        (
            "removed and added back",
            |plan| {
                plan.allocations
                    .push(allocation(1, 1, 1, 10.0, "2026-W49", "2026-W51"));
                vec![1]
            },
            &[1],
        ),
        (
            "everything removed",
            |plan| {
                let ids = plan.allocations.iter().map(|a| a.id.0).collect();
                plan.allocations.clear();
                ids
            },
            &[1, 2, 3],
        ),
    ];
    let hidden = Options {
        include_tentative: false,
        hidden_scenarios: vec![ScenarioId(1)],
    };
    for options in [options(true), hidden] {
        let mut plan = changing_plan();
        let mut kept = Kept::default();
        let range = plan.horizon;
        let first = kept.compute(&plan, None, range, &options, today());
        assert_eq!(first, compute(&plan, range, &options, today()));
        assert_eq!(kept.take_changed_people(), None, "counted from scratch");
        let mut billing = money::people_on(&plan, &first, &options);
        for (what, edit, people) in edits {
            let changed: Vec<AllocationId> =
                edit(&mut plan).into_iter().map(AllocationId).collect();
            plan.sort_canonically();
            let counted = kept.compute(&plan, Some(&changed), range, &options, today());
            let fresh = compute(&plan, range, &options, today());
            assert_eq!(counted, fresh, "after {what}, {options:?}");
            let changed_people = kept.take_changed_people().expect("counted, not computed");
            let expected: Vec<PersonId> = people.iter().copied().map(PersonId).collect();
            // A hidden scenario's work moves no one's row.
            if options.hidden_scenarios.is_empty() {
                assert_eq!(changed_people, expected, "after {what}");
            } else {
                assert!(
                    changed_people
                        .iter()
                        .all(|person| expected.contains(person)),
                    "after {what}: {changed_people:?}"
                );
            }
            billing = money::people_on_again(billing, &plan, &counted, &options, &changed_people);
            assert_eq!(
                billing,
                money::people_on(&plan, &fresh, &options),
                "after {what}"
            );
        }
    }
}

/// Anything but allocations changed, or other weeks or options asked for:
/// counted from scratch, and still the fresh computation.
#[test]
fn a_kept_capacity_counts_from_scratch_when_more_changed() {
    let mut plan = changing_plan();
    let mut kept = Kept::default();
    let range = plan.horizon;
    let options = options(true);
    kept.compute(&plan, None, range, &options, today());
    plan.people[1].weekly_hours = 20.0;
    assert_eq!(
        kept.compute(&plan, None, range, &options, today()),
        compute(&plan, range, &options, today())
    );
    assert_eq!(kept.take_changed_people(), None);
    let later = Horizon {
        start: week("2026-W50"),
        weeks: 26,
    };
    // The caller says no allocation changed; the weeks did.
    assert_eq!(
        kept.compute(&plan, Some(&[]), later, &options, today()),
        compute(&plan, later, &options, today())
    );
    let hidden = Options {
        include_tentative: true,
        hidden_scenarios: vec![ScenarioId(1)],
    };
    assert_eq!(
        kept.compute(&plan, Some(&[]), later, &hidden, today()),
        compute(&plan, later, &hidden, today())
    );
    let next_week = date("2026-11-30");
    assert_eq!(
        kept.compute(&plan, Some(&[]), later, &hidden, next_week),
        compute(&plan, later, &hidden, next_week)
    );
    assert_eq!(kept.take_changed_people(), None);
    assert_eq!(kept.take_changed_people(), Some(Vec::new()), "taken");
}
