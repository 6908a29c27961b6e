//! Money engine tests: one small firm, every number worked out by hand.
//!
//! Four weeks from Monday 2026-11-23; Friday 2026-12-11 is a public
//! holiday.
//!
//! | week     | Monday     |                                   |
//! |----------|------------|-----------------------------------|
//! | 2026-W48 | 2026-11-23 | index 0                           |
//! | 2026-W49 | 2026-11-30 | Ben on leave Wed 12-02            |
//! | 2026-W50 | 2026-12-07 | holiday Fri 12-11; "today" 12-09  |
//! | 2026-W51 | 2026-12-14 | index 3                           |
//!
//! People (no support load):
//!
//! | who  |                                  | cost | target | capacity W48..W51     |
//! |------|----------------------------------|------|--------|-----------------------|
//! | Ann  | employee, 40 h Mon-Fri           | 60   | 75 %   | 40, 40, 32, 40 = 152  |
//! | Ben  | employee, 24 h Mon/Wed/Fri (8 h) | 50   | 50 %   | 24, 16, 16, 24 = 80   |
//! | Cleo | contractor, 40 h Mon-Fri         | 90   | none   | 40, 40, 32, 40 = 152  |
//!
//! Activities:
//!
//! | id    |              | client    | billing            | budget |
//! |-------|--------------|-----------|--------------------|--------|
//! | act-1 | Landing zone | Northwind | 120 an hour        | 100 h  |
//! | act-2 | Pilot        | Fabrikam  | fixed fee 6,000    | 60 h   |
//! | act-3 | Runbooks     | (none)    | not billable       | 100 h  |
//! | act-4 | Tender       | Northwind | 100 an hour, tentative (scn-1) |
//! | act-5 | Audit        | Fabrikam  | fixed fee 2,000, no hours yet  |
//!
//! Allocations (hours a week, weeks):
//!
//! | id    | who  | on    | h  | weeks       | hours |
//! |-------|------|-------|----|-------------|-------|
//! | alc-1 | Ann  | act-1 | 20 | W48-W49     | 40    |
//! | alc-2 | Ben  | act-2 | 10 | W48-W51     | 40    |
//! | alc-3 | Cleo | act-2 | 20 | W50         | 20    |
//! | alc-4 | Ann  | act-3 | 10 | W48-W51     | 40    |
//! | alc-5 | Cleo | act-1 | 30 | W49-W51     | 90    |
//! | alc-6 | Ben  | act-4 | 8  | W50-W51, tentative in scn-1 | 16 |

use super::*;
use crate::model::{
    Employment, Holiday, Leave, OpenRole, Person, PlanId, RoleId, Scenario, ScenarioId, Weekday,
};
use crate::test_support::{allocation, date, today, week};

/// Wednesday 2026-12-09, in 2026-W50: "today" in these tests rather than
/// the shared Monday, so that W48 and W49 are past weeks in a budget's burn.
fn today_in_w50() -> NaiveDate {
    date("2026-12-09")
}

fn range() -> Horizon {
    Horizon {
        start: week("2026-W48"),
        weeks: 4,
    }
}

fn confirmed_only() -> Options {
    Options::default()
}

fn with_tentative() -> Options {
    Options {
        include_tentative: true,
        hidden_scenarios: Vec::new(),
    }
}

fn activity(id: u32, title: &str, client: &str, billing: Billing) -> Activity {
    Activity {
        client: client.to_string(),
        billable: !client.is_empty(),
        billing,
        ..Activity::new(ActivityId(id), title)
    }
}

fn firm() -> Plan {
    let mut plan = Plan::empty(PlanId(1), "Money test", date("2026-11-23"));
    plan.horizon = range();
    plan.resources.currency = "EUR".to_string();
    plan.holidays = vec![Holiday {
        date: date("2026-12-11"),
        name: "Holiday".to_string(),
    }];
    plan.people = vec![
        Person {
            cost_rate: Some(60.0),
            billable_target: Some(0.75),
            ..Person::new(PersonId(1), "Ann")
        },
        Person {
            weekly_hours: 24.0,
            working_days: vec![Weekday::Mon, Weekday::Wed, Weekday::Fri],
            leave: vec![Leave {
                start: date("2026-12-02"),
                end: date("2026-12-02"),
                day_fraction: 1.0,
                note: String::new(),
            }],
            cost_rate: Some(50.0),
            billable_target: Some(0.5),
            ..Person::new(PersonId(2), "Ben")
        },
        Person {
            employment: Employment::Contractor,
            cost_rate: Some(90.0),
            ..Person::new(PersonId(3), "Cleo")
        },
    ];
    plan.activities = vec![
        Activity {
            budget_hours: Some(100.0),
            ..activity(
                1,
                "Landing zone",
                "Northwind",
                Billing::Hourly { rate: 120.0 },
            )
        },
        Activity {
            budget_hours: Some(60.0),
            ..activity(
                2,
                "Pilot",
                "Fabrikam",
                Billing::FixedFee { amount: 6_000.0 },
            )
        },
        Activity {
            budget_hours: Some(100.0),
            ..activity(3, "Runbooks", "", Billing::NotBilled)
        },
        Activity {
            commitment: Commitment::Tentative,
            ..activity(4, "Tender", "Northwind", Billing::Hourly { rate: 100.0 })
        },
        activity(
            5,
            "Audit",
            "Fabrikam",
            Billing::FixedFee { amount: 2_000.0 },
        ),
    ];
    plan.scenarios = vec![Scenario {
        id: ScenarioId(1),
        name: "Northwind tender".to_string(),
    }];
    plan.allocations = vec![
        allocation(1, 1, 1, 20.0, "2026-W48", "2026-W49"),
        allocation(2, 2, 2, 10.0, "2026-W48", "2026-W51"),
        allocation(3, 3, 2, 20.0, "2026-W50", "2026-W50"),
        allocation(4, 1, 3, 10.0, "2026-W48", "2026-W51"),
        allocation(5, 3, 1, 30.0, "2026-W49", "2026-W51"),
        Allocation {
            commitment: Commitment::Tentative,
            scenario: Some(ScenarioId(1)),
            ..allocation(6, 2, 4, 8.0, "2026-W50", "2026-W51")
        },
    ];
    plan
}

/// Money amounts are compared to the cent.
fn assert_amount(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() < 0.005,
        "{what}: {actual} is not {expected}"
    );
}

/// (hours, billable hours, revenue, cost) of some figures.
fn check_figures(figures: &Figures, expected: (f64, f64, f64, f64), what: &str) {
    assert_amount(figures.hours, expected.0, &format!("{what} hours"));
    assert_amount(
        figures.billable_hours,
        expected.1,
        &format!("{what} billable hours"),
    );
    assert_amount(figures.revenue, expected.2, &format!("{what} revenue"));
    assert_amount(figures.cost, expected.3, &format!("{what} cost"));
}

/// A person and their capacity, billable and allocated hours per week.
type PersonWeeks = (u32, [f64; 4], [f64; 4], [f64; 4]);

#[test]
fn billable_utilisation_per_person_and_week_against_target() {
    let money = compute(&firm(), range(), &confirmed_only(), today_in_w50());
    // (person, capacity, billable and allocated hours per week)
    let cases: [PersonWeeks; 3] = [
        // Ann: 20 h billable on act-1 in W48-W49, 10 h on act-3 throughout.
        (
            1,
            [40.0, 40.0, 32.0, 40.0],
            [20.0, 20.0, 0.0, 0.0],
            [30.0, 30.0, 10.0, 10.0],
        ),
        // Ben, part-time, a day of leave in W49, the holiday in W50: 10 h
        // a week on the fixed-fee pilot. His tentative tender work is out.
        (2, [24.0, 16.0, 16.0, 24.0], [10.0; 4], [10.0; 4]),
        // Cleo, contractor: act-1 from W49 (30 h), the pilot in W50 (20 h).
        (
            3,
            [40.0, 40.0, 32.0, 40.0],
            [0.0, 30.0, 50.0, 30.0],
            [0.0, 30.0, 50.0, 30.0],
        ),
    ];
    for (person, capacity, billable, allocated) in cases {
        let row = money.person(PersonId(person)).expect("a row");
        for at in 0..4 {
            let cell = row.weeks[at];
            let what = format!("per-{person}, week {at}");
            assert_amount(cell.capacity, capacity[at], &format!("{what} capacity"));
            assert_amount(cell.billable, billable[at], &format!("{what} billable"));
            assert_amount(cell.allocated, allocated[at], &format!("{what} allocated"));
        }
    }
    let ann = money.person(PersonId(1)).expect("Ann");
    // 40 h of 152 h = 26.3 %; 75 % target: 48.7 points below.
    assert_amount(ann.billable_share().expect("share"), 40.0 / 152.0, "Ann");
    assert_amount(
        ann.against_target().expect("target"),
        40.0 / 152.0 - 0.75,
        "Ann",
    );
    assert_eq!(
        ann.headline(),
        "Billable 40 h of 152 h: 26 % (target 75 %, 49 points below)"
    );
    assert_eq!(
        billable_headline(&ann.weeks[0], ann.target),
        "Billable 20 h of 40 h: 50 % (target 75 %, 25 points below)"
    );
    // Ben: 40 h of 80 h, his target exactly; W49 is 10 of 16 h.
    let ben = money.person(PersonId(2)).expect("Ben");
    assert_eq!(
        ben.headline(),
        "Billable 40 h of 80 h: 50 % (target 50 %, on target)"
    );
    assert_amount(
        ben.weeks[1].billable_share().expect("share"),
        0.625,
        "Ben W49",
    );
    // Cleo has no target.
    let cleo = money.person(PersonId(3)).expect("Cleo");
    assert_eq!(cleo.headline(), "Billable 110 h of 152 h: 72 %");
    assert_eq!(cleo.against_target(), None);
    // The firm: 190 billable hours of 384 h.
    assert_amount(money.capacity, 384.0, "firm capacity");
    assert_amount(
        money.billable_share().expect("share"),
        190.0 / 384.0,
        "firm",
    );

    // With tentative work, Ben's 8 h on the tender count in W50 and W51:
    // 56 h of 80 h = 70 %, 20 points above.
    let money = compute(&firm(), range(), &with_tentative(), today_in_w50());
    let ben = money.person(PersonId(2)).expect("Ben");
    assert_eq!(
        ben.headline(),
        "Billable 56 h of 80 h: 70 % (target 50 %, 20 points above)"
    );
    // Hiding the scenario leaves it out again.
    let hidden = Options {
        include_tentative: true,
        hidden_scenarios: vec![ScenarioId(1)],
    };
    let money = compute(&firm(), range(), &hidden, today_in_w50());
    assert_amount(
        money.person(PersonId(2)).expect("Ben").total.billable,
        40.0,
        "hidden",
    );
}

#[test]
fn revenue_cost_and_margin_per_activity_client_and_firm() {
    let money = compute(&firm(), range(), &confirmed_only(), today_in_w50());
    // act-1, by the hour: Ann 40 h + Cleo 90 h = 130 h × 120 = 15,600;
    // cost 40 × 60 + 90 × 90 = 2,400 + 8,100 = 10,500; margin 5,100
    // (32.7 %).
    let landing = money.activity(ActivityId(1)).expect("act-1");
    check_figures(
        &landing.figures,
        (130.0, 130.0, 15_600.0, 10_500.0),
        "act-1",
    );
    assert_amount(landing.figures.margin(), 5_100.0, "act-1 margin");
    assert_amount(
        landing.figures.margin_share().expect("share"),
        5_100.0 / 15_600.0,
        "act-1 margin share",
    );
    // act-2, fixed fee 6,000 over its 60 h (Ben 40, Cleo 20), all in the
    // range: the whole fee; cost 40 × 50 + 20 × 90 = 3,800; margin 2,200.
    let pilot = money.activity(ActivityId(2)).expect("act-2");
    check_figures(&pilot.figures, (60.0, 60.0, 6_000.0, 3_800.0), "act-2");
    assert!(!pilot.fee_unscheduled);
    // act-3, internal: 40 h of Ann's at 60 cost 2,400 and earn nothing.
    let runbooks = money.activity(ActivityId(3)).expect("act-3");
    check_figures(&runbooks.figures, (40.0, 0.0, 0.0, 2_400.0), "act-3");
    assert_eq!(runbooks.figures.margin_share(), None);
    // act-4 is tentative and left out; act-5 has a fee but no hours yet.
    check_figures(
        &money.activity(ActivityId(4)).expect("act-4").figures,
        (0.0, 0.0, 0.0, 0.0),
        "act-4",
    );
    let audit = money.activity(ActivityId(5)).expect("act-5");
    check_figures(&audit.figures, (0.0, 0.0, 0.0, 0.0), "act-5");
    assert!(audit.fee_unscheduled);

    // Clients by name, internal work last.
    let clients: Vec<(&str, &str, f64, f64)> = money
        .clients
        .iter()
        .map(|client| {
            (
                client.client.as_str(),
                client.label(),
                client.figures.revenue,
                client.figures.cost,
            )
        })
        .collect();
    assert_eq!(
        clients,
        [
            ("Fabrikam", "Fabrikam", 6_000.0, 3_800.0),
            ("Northwind", "Northwind", 15_600.0, 10_500.0),
            ("", "No client (internal work)", 0.0, 2_400.0),
        ]
    );
    assert_eq!(money.clients[1].activities, [ActivityId(1), ActivityId(4)]);
    // The firm: 21,600 revenue, 16,700 cost, 4,900 margin (22.7 %).
    check_figures(&money.total, (230.0, 190.0, 21_600.0, 16_700.0), "firm");
    assert_amount(money.total.margin(), 4_900.0, "firm margin");
    // By week. W48: act-1 20 h (2,400; Ann 1,200), the pilot's 10 h of
    // 60 (1,000; Ben 500), act-3 (Ann 600). W49: act-1 50 h (6,000;
    // Ann 1,200 + Cleo 2,700), pilot 1,000 (500), act-3 600. W50: act-1
    // 30 h (3,600; 2,700), pilot 30 h of 60 (3,000; 500 + 1,800), act-3
    // 600. W51: act-1 3,600 (2,700), pilot 1,000 (500), act-3 600.
    let weekly: Vec<(f64, f64)> = money
        .by_week
        .iter()
        .map(|week| (week.revenue, week.cost))
        .collect();
    let expected = [
        (3_400.0, 2_300.0),
        (7_000.0, 5_000.0),
        (6_600.0, 5_600.0),
        (4_600.0, 3_800.0),
    ];
    for (at, ((revenue, cost), (want_revenue, want_cost))) in
        weekly.iter().zip(expected).enumerate()
    {
        assert_amount(*revenue, want_revenue, &format!("week {at} revenue"));
        assert_amount(*cost, want_cost, &format!("week {at} cost"));
    }

    // Tentative work in: the tender's 16 h × 100 = 1,600, at Ben's 50.
    let money = compute(&firm(), range(), &with_tentative(), today_in_w50());
    check_figures(
        &money.activity(ActivityId(4)).expect("act-4").figures,
        (16.0, 16.0, 1_600.0, 800.0),
        "act-4",
    );
    check_figures(&money.total, (246.0, 206.0, 23_200.0, 17_500.0), "firm");
}

#[test]
fn a_fixed_fee_follows_the_hours_into_and_out_of_the_range() {
    // The first two weeks only: the pilot's 20 of its 60 h are in them, so
    // a third of the fee is: 2,000.
    let first_half = Horizon {
        start: week("2026-W48"),
        weeks: 2,
    };
    let money = compute(&firm(), first_half, &confirmed_only(), today_in_w50());
    let pilot = money.activity(ActivityId(2)).expect("act-2");
    check_figures(&pilot.figures, (20.0, 20.0, 2_000.0, 1_000.0), "act-2");
    // Hours without a cost rate cost nothing and are counted apart.
    let mut plan = firm();
    plan.people[2].cost_rate = None;
    let money = compute(&plan, range(), &confirmed_only(), today_in_w50());
    assert_amount(money.total.unpriced_hours, 110.0, "Cleo's hours");
    assert_amount(money.total.cost, 16_700.0 - 9_900.0, "without Cleo's cost");
}

#[test]
fn budgets_burn_and_say_when_they_run_out() {
    let burns = budgets(&firm(), &confirmed_only(), today_in_w50());
    let summary: Vec<(u32, f64, f64, f64, Option<Week>, BudgetState)> = burns
        .iter()
        .map(|burn| {
            (
                burn.activity.0,
                burn.budget,
                burn.allocated,
                burn.burnt,
                burn.runs_out,
                burn.state,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            // act-1: 20, 50, 30, 30 h a week = 130 h for 100: added up 20,
            // 70, 100 (exactly the budget, not over), 130: it runs out in
            // W51. Burnt before this week (W50): 20 + 50 = 70 h.
            (
                1,
                100.0,
                130.0,
                70.0,
                Some(week("2026-W51")),
                BudgetState::Over
            ),
            // act-2: 60 h for 60: tight (at least 90 %), never over. Burnt:
            // Ben's 10 h in W48 and W49.
            (2, 60.0, 60.0, 20.0, None, BudgetState::Tight),
            // act-3: 40 h for 100; Ann's 10 h in W48 and W49 are burnt.
            (3, 100.0, 40.0, 20.0, None, BudgetState::Within),
        ]
    );
    assert_amount(burns[0].over_by(), 30.0, "over by");
    assert_amount(burns[0].burnt_share().expect("share"), 0.7, "burnt share");
    let plan = firm();
    assert_eq!(
        budget_warnings(&plan, &burns),
        [
            (
                ActivityId(1),
                "'Landing zone' runs out of its 100 h budget in 2026-W51: 130 h are planned, 30 h over"
                    .to_string()
            ),
            (
                ActivityId(2),
                "'Pilot' has 100 % of its 60 h budget planned (0 h left)".to_string()
            ),
        ]
    );
    // It runs out inside a run of weeks too: a budget of 45 h on act-1 is
    // passed in W49 (20 + 50 = 70 > 45).
    let mut plan = firm();
    plan.activities[0].budget_hours = Some(45.0);
    let burns = budgets(&plan, &confirmed_only(), today_in_w50());
    assert_eq!(burns[0].runs_out, Some(week("2026-W49")));
    // One long allocation: 10 h a week for 10 weeks against 25 h runs out
    // in its third week.
    plan.allocations = vec![allocation(1, 1, 1, 10.0, "2026-W48", "2027-W04")];
    plan.activities[0].budget_hours = Some(25.0);
    let burns = budgets(&plan, &confirmed_only(), today_in_w50());
    assert_eq!(burns[0].runs_out, Some(week("2026-W50")));
    assert_amount(burns[0].allocated, 100.0, "ten weeks");
    // Today is in W50: W48 and W49 are burnt.
    assert_amount(burns[0].burnt, 20.0, "burnt");
}

#[test]
fn what_a_scenario_does_to_revenue_and_margin_with_its_hire() {
    let mut plan = firm();
    // Winning the tender means hiring: a cloud engineer from Monday
    // 2026-12-07 at 55 an hour, in the tender's scenario, with 10 h on
    // the tender in W51.
    plan.roles = vec![OpenRole {
        cost_rate: Some(55.0),
        scenario: Some(ScenarioId(1)),
        ..OpenRole::new(RoleId(1), "Cloud Engineer", date("2026-12-07"))
    }];
    plan.allocations.push(Allocation {
        assignee: Assignee::Role(RoleId(1)),
        commitment: Commitment::Tentative,
        scenario: Some(ScenarioId(1)),
        ..allocation(7, 1, 4, 10.0, "2026-W51", "2026-W51")
    });
    let effect = scenario_effect(
        &plan,
        ScenarioId(1),
        range(),
        &confirmed_only(),
        today_in_w50(),
    );
    // Without: the confirmed plan, 21,600 and 16,700.
    check_figures(
        &effect.without,
        (230.0, 190.0, 21_600.0, 16_700.0),
        "without",
    );
    // With: Ben's 16 h (1,600, cost 800) and the hire's 10 h (1,000, cost
    // 550) on the tender.
    check_figures(&effect.with, (256.0, 216.0, 24_200.0, 18_050.0), "with");
    assert_amount(effect.revenue_change(), 2_600.0, "revenue change");
    assert_amount(effect.margin_change(), 1_250.0, "margin change");
    // The hire's capacity: 32 h in W50 (the holiday), 40 h in W51 = 72 h,
    // costing 72 × 55 = 3,960 busy or not.
    assert_amount(effect.added_capacity, 72.0, "added capacity");
    assert_amount(effect.hire_cost, 3_960.0, "hire cost");
    // Margin 4,900 of 21,600 = 22.7 %; 6,150 of 24,200 = 25.4 %.
    assert_eq!(
        effect.summary("EUR"),
        "+2,600 EUR revenue, +1,250 EUR margin (margin 23 % → 25 %); hiring adds 72 h of capacity costing 3,960 EUR"
    );
    // The same whether or not tentative work is shown.
    let shown = scenario_effect(
        &plan,
        ScenarioId(1),
        range(),
        &with_tentative(),
        today_in_w50(),
    );
    assert_eq!(shown, effect);
}

#[test]
fn what_a_proposed_allocation_or_engagement_earns() {
    let plan = firm();
    // Ann 10 h a week on act-1 in W50 and W51: 20 h × 120 = 2,400, at 60
    // = 1,200.
    let proposal = allocation(0, 1, 1, 10.0, "2026-W50", "2026-W51");
    let effect = allocation_effect(&plan, &proposal, range(), &confirmed_only(), today_in_w50());
    assert_amount(effect.revenue_change(), 2_400.0, "revenue");
    assert_amount(effect.margin_change(), 1_200.0, "margin");
    // More hours on the fixed-fee pilot earn nothing more: the fee is
    // spread over more hours. Ann's 10 h in W51 cost 600.
    let on_pilot = allocation(0, 1, 2, 10.0, "2026-W51", "2026-W51");
    let effect = allocation_effect(&plan, &on_pilot, range(), &confirmed_only(), today_in_w50());
    assert_amount(effect.revenue_change(), 0.0, "revenue");
    assert_amount(effect.margin_change(), -600.0, "margin");

    // "Can we take it?": a 2-week backup review, 10 h a week, Ann from
    // W50, at a fixed fee of 2,500: cost 20 × 60 = 1,200.
    let engagement = capacity::Engagement {
        name: "Backup review".to_string(),
        needs: Vec::new(),
        hours_per_week: 10.0,
        weeks: 2,
        earliest_start: week("2026-W50"),
    };
    let fit = capacity::Fit {
        assignee: Assignee::Person(PersonId(1)),
        first_week: Some(week("2026-W50")),
        short_skills: Vec::new(),
        before: 0.0,
        after: 0.0,
        team_before: 0.0,
        team_after: 0.0,
    };
    let effect = engagement_effect(
        &plan,
        &engagement,
        &fit,
        Billing::FixedFee { amount: 2_500.0 },
        range(),
        &confirmed_only(),
        today_in_w50(),
    );
    assert_eq!(
        effect.summary("EUR"),
        "+2,500 EUR revenue, +1,300 EUR margin (margin 23 % → 26 %)"
    );
    // No week to start: nothing changes.
    let never = capacity::Fit {
        first_week: None,
        ..fit
    };
    let effect = engagement_effect(
        &plan,
        &engagement,
        &never,
        Billing::Hourly { rate: 150.0 },
        range(),
        &confirmed_only(),
        today_in_w50(),
    );
    assert_eq!(effect.with, effect.without);
}

#[test]
fn the_demo_plan_earns_and_warns() {
    // The demo laid out around Monday 2026-11-23: its horizon is 2026-W46
    // to 2027-W05. The Fabrikam pilot (act-6) has 80 h planned (Lena 12 h
    // and a placeholder 8 h a week in weeks 9 to 12, 2027-W02 to W05) for
    // a 72 h budget: 20, 40, 60, 80 h added up, so it runs out in its last
    // week. The AWS cost review (act-11) has 144 h planned for 150 h:
    // tight.
    let plan = crate::model::demo::demo_plan(PlanId(1), today());
    let money = compute(&plan, plan.horizon, &confirmed_only(), today());
    let warnings = budget_warnings(&plan, &money.budgets);
    assert_eq!(
        warnings,
        [
            (
                ActivityId(6),
                "'Pilot: onboard Fabrikam Legal in 7 days' runs out of its 72 h budget in 2027-W05: 80 h are planned, 8 h over"
                    .to_string()
            ),
            (
                ActivityId(11),
                "'AWS cost review and rightsizing' has 96 % of its 150 h budget planned (6 h left)"
                    .to_string()
            ),
        ]
    );
    // Its fixed fee is earned in full; the placeholder's 32 h have no rate.
    let pilot = money.activity(ActivityId(6)).expect("act-6");
    assert_amount(pilot.figures.revenue, 9_500.0, "fee");
    assert_amount(pilot.figures.unpriced_hours, 32.0, "placeholder hours");
    // Lena: 48 h × 58 = 2,784.
    assert_amount(pilot.figures.cost, 2_784.0, "Lena's cost");
    // Adventure Works' cost review: Elena 24 h a week in weeks 1 to 5
    // (120 h), Tom 8 h in weeks 1 to 3 (24 h), at 130 = 18,720; cost
    // 120 × 66 + 24 × 72 = 7,920 + 1,728 = 9,648.
    let review = money.activity(ActivityId(11)).expect("act-11");
    assert_amount(review.figures.revenue, 18_720.0, "cost review revenue");
    assert_amount(review.figures.cost, 9_648.0, "cost review cost");
    // The firm bills about two thirds of its capacity in confirmed work.
    let billable = money.billable_share().expect("capacity");
    assert!((0.65..=0.80).contains(&billable), "{billable}");
}

#[test]
fn people_alone_are_the_people_of_the_whole_computation() {
    let demo = crate::model::demo::demo_plan(PlanId(1), today_in_w50());
    let generated = crate::model::generate::generated_plan(
        crate::model::generate::Size {
            people: 40,
            activities: 200,
            initiatives: 6,
            dependencies_per_initiative: 2,
            clients: 12,
            allocations: 600,
            weeks: 26,
        },
        today_in_w50(),
    );
    for (name, plan) in [("firm", firm()), ("demo", demo), ("generated", generated)] {
        for options in [confirmed_only(), with_tentative()] {
            let capacity = capacity::compute(&plan, range(), &options, today_in_w50());
            let people = people_on(&plan, &capacity, &options);
            let whole = compute_on(&plan, &capacity, &options, today_in_w50());
            assert_eq!(people, whole.people, "{name}, {options:?}");
            assert_eq!(firm_total(&people).capacity, whole.capacity, "{name}");
        }
    }
}

#[test]
fn what_money_a_plan_tracks_decides_what_is_shown() {
    // A firm of one with one activity: nothing billed, no rates, no targets.
    let plain = || {
        let mut plan = Plan::empty(PlanId(2), "Plain", date("2026-11-23"));
        plan.people = vec![Person::new(PersonId(1), "Ann")];
        plan.activities = vec![activity(1, "Runbooks", "", Billing::NotBilled)];
        plan
    };
    type Change = fn(&mut Plan);
    let cases: [(&str, Change, bool, bool); 6] = [
        ("nothing", |_| {}, false, false),
        (
            "billable work",
            |plan| plan.activities[0].billable = true,
            true,
            true,
        ),
        (
            "a billable target",
            |plan| plan.people[0].billable_target = Some(0.75),
            true,
            false,
        ),
        (
            "a person's cost rate",
            |plan| plan.people[0].cost_rate = Some(60.0),
            false,
            true,
        ),
        (
            "an open role's cost rate",
            |plan| {
                plan.roles = vec![OpenRole {
                    cost_rate: Some(55.0),
                    ..OpenRole::new(RoleId(1), "Cloud Engineer", date("2026-12-07"))
                }]
            },
            false,
            true,
        ),
        (
            "an open role without one",
            |plan| {
                plan.roles = vec![OpenRole::new(
                    RoleId(1),
                    "Cloud Engineer",
                    date("2026-12-07"),
                )]
            },
            false,
            false,
        ),
    ];
    for (what, change, billable, money) in cases {
        let mut plan = plain();
        change(&mut plan);
        assert_eq!(tracks_billable(&plan), billable, "{what}: billable shown");
        assert_eq!(has_money(&plan), money, "{what}: money shown");
    }
    assert!(tracks_billable(&firm()) && has_money(&firm()));
}
