//! The risk rules' shared test helpers, the tests across rules (order, the
//! demo, odd plans) and the load rules' tests, each with hand-made dates and
//! the sentences it must say. Each initiative rule's tests are in its file.

use super::*;
use crate::model::{
    Allocation, Certification, CheckIn, CheckInEntry, CheckInId, ChecklistItem, Commitment,
    Holiday, Leave, Person, PlanId, Skill, SkillId, SkillLevel, SkillRequirement, StatusChange,
};
use crate::test_support::{allocation, date, demo, leave, today};

/// A plan that raises no risk on [`today`]: Tom Becker (Terraform at
/// level 2, an Azure certificate valid until mid-2027) owns 'Landing
/// zone', from Monday 2026-11-23 to Friday 2026-12-04; Lena Novak owns
/// 'Tenant baseline', from 2026-12-07 to 2026-12-18, which waits on the
/// landing zone. Both work 40 hours, Monday to Friday. Neither has hours
/// planned yet, so neither is short of staff (see the load tests).
pub(super) fn base() -> Plan {
    let mut plan = Plan::empty(PlanId(1), "Test plan", today());
    plan.skills = vec![Skill {
        id: SkillId(1),
        name: "Terraform".to_string(),
        category: "DevOps".to_string(),
    }];
    plan.people = vec![
        Person {
            skills: vec![SkillLevel {
                skill: SkillId(1),
                level: 2,
            }],
            certifications: vec![Certification {
                name: "Azure Administrator Associate".to_string(),
                issuer: "Microsoft".to_string(),
                expires: Some(date("2027-06-30")),
            }],
            ..Person::new(PersonId(1), "Tom Becker")
        },
        Person::new(PersonId(2), "Lena Novak"),
    ];
    let mut landing_zone = Activity::new(ActivityId(1), "Landing zone");
    landing_zone.owner = Some(PersonId(1));
    landing_zone.start = Some(date("2026-11-23"));
    landing_zone.deadline = Some(date("2026-12-04"));
    let mut tenant = Activity::new(ActivityId(2), "Tenant baseline");
    tenant.owner = Some(PersonId(2));
    tenant.start = Some(date("2026-12-07"));
    tenant.deadline = Some(date("2026-12-18"));
    tenant.depends_on = vec![ActivityId(1)];
    plan.activities = vec![landing_zone, tenant];
    plan
}

/// One line a risk: "act-2 High Waiting" in short, or in full
/// "act-2 High Waiting per-1 | evidence | next step"; tentative work is not
/// counted.
pub(super) fn lines(plan: &Plan, today: NaiveDate) -> Vec<(String, String)> {
    lines_with(plan, &Options::default(), today)
}

/// [`lines`], counting with `options`.
pub(super) fn lines_with(
    plan: &Plan,
    options: &Options,
    today: NaiveDate,
) -> Vec<(String, String)> {
    risks(plan, options, today)
        .into_iter()
        .map(|risk| {
            let short = format!(
                "{} {} {}",
                risk.activity
                    .map_or_else(|| "-".to_string(), |id| id.to_string()),
                risk.severity.label(),
                risk.kind.label()
            );
            let person = risk
                .person
                .map_or_else(|| "nobody".to_string(), |id| id.to_string());
            let full = format!("{short} {person} | {} | {}", risk.evidence, risk.next_step);
            (short, full)
        })
        .collect()
}

/// Edits `plan`, finds its risks on `today` and compares them in order:
/// an expected line with " | " in it is compared with the full line
/// (person, evidence and next step), any other with the short one.
pub(super) fn check_plan(
    mut plan: Plan,
    edit: impl FnOnce(&mut Plan),
    today: NaiveDate,
    expected: &[&str],
) {
    edit(&mut plan);
    let found = lines(&plan, today);
    let actual: Vec<&str> = found
        .iter()
        .zip(expected.iter().chain(std::iter::repeat(&"")))
        .map(|((short, full), wanted)| match wanted.contains(" | ") {
            true => full.as_str(),
            false => short.as_str(),
        })
        .collect();
    let everything: Vec<&str> = found.iter().map(|(_, full)| full.as_str()).collect();
    assert_eq!(
        actual,
        expected,
        "\nall risks on {today}:\n{}\n",
        everything.join("\n")
    );
    // The same plan on the same day gives the same risks.
    assert_eq!(lines(&plan, today), found);
}

/// [`check_plan`] on the [`base`] plan.
pub(super) fn check(edit: impl FnOnce(&mut Plan), today: NaiveDate, expected: &[&str]) {
    check_plan(base(), edit, today, expected);
}

pub(super) fn status(plan: &mut Plan, index: usize, status: Status, since: NaiveDate) {
    let activity = &mut plan.activities[index];
    activity.status = status;
    activity.status_history = vec![
        StatusChange {
            date: date("2026-11-02"),
            status: Status::NotStarted,
        },
        StatusChange {
            date: since,
            status,
        },
    ];
}

pub(super) fn checkin(
    date: NaiveDate,
    activity: u32,
    moved: &str,
    blocked: &str,
    covers_midpoint: bool,
) -> CheckIn {
    CheckIn {
        id: CheckInId(1),
        date,
        summary: String::new(),
        entries: vec![CheckInEntry {
            activity: ActivityId(activity),
            moved: moved.to_string(),
            blocked: blocked.to_string(),
            covers_midpoint,
        }],
        decisions: Vec::new(),
    }
}

pub(super) fn ticked(done_on: Option<NaiveDate>) -> ChecklistItem {
    ChecklistItem {
        text: "step".to_string(),
        done: done_on.is_some(),
        done_on,
    }
}

#[test]
fn the_base_plan_has_no_risks() {
    check(|_| {}, today(), &[]);
}

#[test]
fn risks_sort_by_severity_then_activity_then_kind() {
    check(
        |plan| {
            plan.activities[0].required_skills = vec![SkillRequirement {
                skill: SkillId(1),
                min_level: 3,
            }];
            let tenant = &mut plan.activities[1];
            tenant.depends_on.clear();
            tenant.owner = None;
            tenant.start = Some(date("2026-11-02"));
            tenant.deadline = Some(date("2026-11-20"));
            tenant.checkin = Some(date("2026-11-11"));
        },
        today(),
        &[
            "act-2 High Overdue",
            "act-2 High No owner",
            "act-1 Medium Skill gap",
            "act-2 Medium Missed check-in",
        ],
    );
    let plan = base();
    let mut with_risks = plan.clone();
    with_risks.activities[0].owner = None;
    with_risks.activities[1].owner = None;
    let found = risks(&with_risks, &Options::default(), today());
    let of_second: Vec<Option<ActivityId>> = risks_of(&found, ActivityId(2))
        .map(|risk| risk.activity)
        .collect();
    assert_eq!(of_second, vec![Some(ActivityId(2))]);
    assert_eq!(found.len(), 2);
}

#[test]
fn the_demo_plan_on_its_today() {
    // Monday 2026-11-23 (2026-W48; the horizon runs 2026-W46 to 2027-W05).
    // What fires, and why a planner would agree:
    //
    // - The Woodgrove service desk commits 100 h a week; Oliver Grant's
    //   16 h end when he leaves on 8 Jan: from 2027-W02 only 88 h are
    //   covered. Right: that is the hire the headcount note asks for.
    // - Marcus Hill builds Tailspin's AKS platform (24 h a week), helps
    //   with the landing zone (4 h, to W51) and builds Litware's pipelines
    //   (16 h, from W50): 44 h against 40 h in W50 and W51 (110 %), and
    //   40 h against 32 h in the weeks of Christmas and New Year (125 %):
    //   overloaded from W50 to W53, high.
    // - Aisha Khan is on parental leave in W51 and W52 and still booked on
    //   both her projects: booked while away, twice.
    // - Hannah Weber's 40 h (migration and tenant baseline) meet 32 h in
    //   the weeks of Christmas and New Year: overloaded.
    // - The initiatives: Hannah's MD-102 expires before the tenant baseline
    //   is due; the security sign-off starts before both its dependencies
    //   are due, and the pilot before the sign-off; the pilot's 12 h on an
    //   unfilled Microsoft 365 role are not staffed; Lena has no Intune.
    check_plan(
        demo(),
        |_| {},
        today(),
        &[
            "act-8 High Cover gap per-10 | 'Service desk and endpoint management' for Woodgrove Bank commits 100 h a week; in 2027-W02 to 2027-W05 (4 weeks) only 88 h a week are covered: Oliver Grant leaves on 8 Jan 2027. | Book someone with its skills from 2027-W02 (Work view), or agree the cover with the client.",
            "act-10 High Overloaded per-4 | Marcus Hill is booked over their hours in 2026-W50 to 2026-W53 (4 weeks), the most in 2026-W52: 40 h against 32 h (125 %, 8 h over): 'AKS platform build' 24 h, 'CI/CD pipelines' 16 h; away part of that week: Christmas Day, 25 Dec 2026. | Move some of 'AKS platform build' to someone with free hours in those weeks (Capacity view), or move its weeks.",
            "act-10 High Booked while away per-5 | Aisha Khan is booked 24 h a week on 'AKS platform build' in 2026-W51 to 2026-W52 (2 weeks), when they are away all week: Parental leave, 14 Dec 2026 to 25 Dec 2026. | Give those weeks to someone who is there, or move the work out of 2026-W51 to 2026-W52 (2 weeks).",
            "act-12 High Overloaded",
            "act-15 High Booked while away",
            "act-3 Medium Certification expires",
            "act-5 Medium Waiting",
            "act-5 Medium Waiting",
            "act-6 Medium Waiting",
            "act-6 Medium Understaffed per-3 | 'Pilot: onboard Fabrikam Legal in 7 days' has 60 h of work left by 5 Feb 2027 (4 weeks); its people are booked for 48 h of it, so 12 h are not staffed, 12 h of them held by a role still to fill. | Drag it from Work to staff onto someone with free hours (Capacity view), or move its deadline.",
            "act-6 Medium Skill gap",
        ],
    );
}

#[test]
fn the_demo_plan_two_weeks_later() {
    // Tuesday 2026-12-08 (W50), with nothing recorded since the demo was
    // laid out on 2026-11-23: the landing zone and the intake form last
    // moved with ticks dated 2026-11-23 (15 days), so both are stale, and
    // both midpoints (2026-12-07) passed without a check-in. Nobody has
    // ticked anything off either, so the work left is what it was two weeks
    // ago, with two weeks fewer to do it in: what is booked from now on
    // falls short on most projects, and the intake form and the cost
    // review, due in two weeks, are high.
    check_plan(
        demo(),
        |_| {},
        date("2026-12-08"),
        &[
            "act-4 High Understaffed per-8 | 'Self-service intake form and checklist' has 27 h of work left by 18 Dec 2026 (2 weeks); its people are booked for 16 h of it, so 11 h are not staffed. | Drag it from Work to staff onto someone with free hours (Capacity view), or move its deadline.",
            "act-8 High Cover gap",
            "act-10 High Overloaded",
            "act-10 High Booked while away",
            "act-11 High Understaffed",
            "act-12 High Overloaded",
            "act-15 High Booked while away",
            "act-2 Medium Stale per-2 | In progress since 2026-11-16 with no status change, checklist tick or check-in note since 2026-11-23 (15 days). | Ask Tom Becker what is in the way; if something is, mark it Blocked and name it.",
            "act-2 Medium Missed check-in",
            "act-2 Medium Understaffed",
            "act-3 Medium Understaffed",
            "act-3 Medium Certification expires",
            "act-4 Medium Stale",
            "act-4 Medium Missed check-in",
            "act-5 Medium Waiting",
            "act-5 Medium Waiting",
            "act-6 Medium Waiting",
            "act-6 Medium Understaffed",
            "act-6 Medium Skill gap",
            "act-10 Medium Understaffed",
            "act-12 Medium Understaffed",
            "act-13 Medium Understaffed",
            "act-15 Medium Understaffed",
        ],
    );
}

#[test]
fn odd_plans_do_not_panic() {
    let extremes = [NaiveDate::MIN, NaiveDate::MAX, today()];
    let mut plans: Vec<Plan> = vec![Plan::empty(PlanId(1), "Empty", today()), demo()];
    let mut odd = base();
    odd.people[0].weekly_hours = f64::NAN;
    odd.people[0].support_hours_per_week = f64::INFINITY;
    odd.people[0].working_days.clear();
    odd.people[0].start_date = Some(NaiveDate::MAX);
    odd.people[0].end_date = Some(NaiveDate::MIN);
    odd.people[0].leave = vec![
        leave("2026-12-01", "2026-11-01", 1.0),
        leave("2026-11-01", "2026-12-01", f64::NAN),
        leave("2026-11-01", "2026-12-01", -1.0),
        leave("2026-11-01", "2026-12-01", 7.0),
        Leave {
            start: NaiveDate::MIN,
            end: NaiveDate::MAX,
            day_fraction: 0.3,
            note: String::new(),
        },
    ];
    odd.people.push(odd.people[0].clone());
    odd.people[1].weekly_hours = 0.0;
    odd.activities[0].effort_hours = f64::NAN;
    odd.activities[0].status = Status::InProgress;
    odd.activities[0].depends_on = vec![ActivityId(1), ActivityId(77), ActivityId(2)];
    odd.activities[0].required_skills = vec![SkillRequirement {
        skill: SkillId(40),
        min_level: 200,
    }];
    odd.activities[0].required_certifications = vec![String::new(), "X".to_string()];
    odd.activities[1].owner = Some(PersonId(55));
    odd.activities[1].effort_hours = -5.0;
    odd.activities.push(odd.activities[0].clone());
    odd.checkins = vec![checkin(NaiveDate::MIN, 404, "moved", "", true)];
    odd.holidays = vec![Holiday {
        date: NaiveDate::MAX,
        name: String::new(),
    }];
    odd.activities.reverse();
    plans.push(odd);
    for first in extremes {
        for last in extremes {
            let mut dated = base();
            for activity in &mut dated.activities {
                activity.start = Some(first);
                activity.deadline = Some(last);
                activity.checkin = Some(last);
                activity.status = Status::InProgress;
                activity.required_certifications =
                    vec!["Azure Administrator Associate".to_string()];
            }
            dated.people[0].leave = vec![leave("2026-11-25", "2026-11-25", 0.5)];
            dated.people[0].certifications[0].expires = Some(first);
            plans.push(dated);
            let mut undated = base();
            for activity in &mut undated.activities {
                activity.start = None;
                activity.deadline = None;
                activity.status = Status::InProgress;
            }
            plans.push(undated);
        }
    }
    for plan in &plans {
        for on in extremes {
            let found = risks(plan, &Options::default(), on);
            assert_eq!(risks(plan, &Options::default(), on), found);
            for risk in &found {
                assert!(!risk.evidence.is_empty() && !risk.next_step.is_empty());
                assert!(risk.evidence.ends_with('.') && risk.next_step.ends_with('.'));
            }
        }
    }
}

// Load risks. Weeks of the 13-week horizon from 2026-W48 (Monday
// 2026-11-23): W50 is 7-11 Dec, W51 14-18 Dec, W52 21-25 Dec (Christmas on
// the Friday), W53 28 Dec-1 Jan (New Year's Day on the Friday), the last
// week 2027-W07.

/// A book-of-work project (no owner needed) of `effort` hours.
pub(super) fn engagement(id: u32, title: &str, effort: f64, deadline: &str) -> Activity {
    Activity {
        scope: crate::model::Scope::Book,
        client: "Contoso".to_string(),
        effort_hours: effort,
        start: Some(date("2026-11-23")),
        deadline: Some(date(deadline)),
        ..Activity::new(ActivityId(id), title)
    }
}

/// The base plan and its public holidays.
pub(super) fn with_holidays() -> Plan {
    let mut plan = base();
    plan.holidays = vec![
        Holiday {
            date: date("2026-12-25"),
            name: "Christmas Day".to_string(),
        },
        Holiday {
            date: date("2027-01-01"),
            name: "New Year's Day".to_string(),
        },
    ];
    plan
}

#[test]
fn a_person_booked_over_their_hours_is_overloaded_for_the_run_of_weeks() {
    // Tom: 24 h of 'AKS platform' in W49..W52 and 22 h of 'Landing zone
    // work' in W50..W51: 46 h against 40 h in W50 and W51 (115 %, 6 h over);
    // W49 is 24 h, W52 24 h against 32 h (Christmas).
    let overbooked = |plan: &mut Plan| {
        plan.activities
            .push(engagement(3, "AKS platform", 96.0, "2026-12-25"));
        plan.activities
            .push(engagement(4, "Landing zone work", 44.0, "2026-12-18"));
        plan.allocations = vec![
            allocation(1, 1, 3, 24.0, "2026-W49", "2026-W52"),
            allocation(2, 1, 4, 22.0, "2026-W50", "2026-W51"),
        ];
    };
    check_plan(
        with_holidays(),
        overbooked,
        today(),
        &["act-3 Medium Overloaded per-1 | Tom Becker is booked over their hours in 2026-W50 to 2026-W51 (2 weeks), the most in 2026-W50: 46 h against 40 h (115 %, 6 h over): 'AKS platform' 24 h, 'Landing zone work' 22 h. | Move some of 'AKS platform' to someone with free hours in those weeks (Capacity view), or move its weeks."],
    );
    // 48 h in W51 alone (120 %, 8 h over: a fifth of 40 h) is high, and
    // the week most over; leave on Wednesday of W50 makes that week 46 h
    // against 32 h (144 %) and says why.
    check_plan(
        with_holidays(),
        |plan| {
            overbooked(plan);
            plan.allocations.push(allocation(3, 1, 4, 2.0, "2026-W51", "2026-W51"));
        },
        today(),
        &["act-3 High Overloaded per-1 | Tom Becker is booked over their hours in 2026-W50 to 2026-W51 (2 weeks), the most in 2026-W51: 48 h against 40 h (120 %, 8 h over): 'AKS platform' 24 h, 'Landing zone work' 24 h. | Move some of 'AKS platform' to someone with free hours in those weeks (Capacity view), or move its weeks."],
    );
    check_plan(
        with_holidays(),
        |plan| {
            overbooked(plan);
            plan.people[0].leave = vec![Leave {
                note: "Dentist".to_string(),
                ..leave("2026-12-09", "2026-12-09", 1.0)
            }];
        },
        today(),
        &["act-3 High Overloaded per-1 | Tom Becker is booked over their hours in 2026-W50 to 2026-W51 (2 weeks), the most in 2026-W50: 46 h against 32 h (144 %, 14 h over): 'AKS platform' 24 h, 'Landing zone work' 22 h; away part of that week: Dentist, 9 Dec 2026. | Move some of 'AKS platform' to someone with free hours in those weeks (Capacity view), or move its weeks."],
    );
    // Weeks already past are not risks: looked at from W51, the run is
    // W51 alone (with no effort left to judge staffing by, and the base
    // plan's landing zone overdue by then).
    check_plan(
        with_holidays(),
        |plan| {
            overbooked(plan);
            plan.activities[2].effort_hours = 0.0;
            plan.activities[3].effort_hours = 0.0;
        },
        date("2026-12-14"),
        &[
            "act-1 High Overdue",
            "act-2 High Waiting",
            "act-3 Medium Overloaded per-1 | Tom Becker is booked over their hours in 2026-W51: 46 h against 40 h (115 %, 6 h over): 'AKS platform' 24 h, 'Landing zone work' 22 h. | Move some of 'AKS platform' to someone with free hours in those weeks (Capacity view), or move its weeks.",
        ],
    );
    // Exactly full is not over; a higher threshold lets 115 % pass.
    check_plan(
        with_holidays(),
        |plan| {
            overbooked(plan);
            plan.allocations[1].hours_per_week = 16.0;
            plan.activities[3].effort_hours = 32.0;
        },
        today(),
        &[],
    );
    check_plan(
        with_holidays(),
        |plan| {
            overbooked(plan);
            plan.settings.overload_share = 1.2;
        },
        today(),
        &[],
    );
}

#[test]
fn tentative_work_counts_in_load_risks_only_when_the_switch_counts_it() {
    // 20 h of tentative work on Tom in W49 makes 44 h (110 %) with
    // tentative work counted, and nothing without.
    let mut plan = with_holidays();
    plan.activities
        .push(engagement(3, "AKS platform", 96.0, "2026-12-25"));
    let mut deal = engagement(5, "Security review", 20.0, "2026-12-04");
    deal.commitment = Commitment::Tentative;
    plan.activities.push(deal);
    plan.allocations = vec![
        allocation(1, 1, 3, 24.0, "2026-W49", "2026-W52"),
        Allocation {
            commitment: Commitment::Tentative,
            ..allocation(2, 1, 5, 20.0, "2026-W49", "2026-W49")
        },
    ];
    let without: Vec<String> = lines(&plan, today()).into_iter().map(|l| l.0).collect();
    assert_eq!(without, Vec::<String>::new());
    let counted = Options {
        include_tentative: true,
        hidden_scenarios: Vec::new(),
    };
    let with: Vec<String> = lines_with(&plan, &counted, today())
        .into_iter()
        .map(|l| l.1)
        .collect();
    assert_eq!(
        with,
        ["act-3 Medium Overloaded per-1 | Tom Becker is booked over their hours in 2026-W49: 44 h against 40 h (110 %, 4 h over): 'AKS platform' 24 h, 'Security review' 20 h (tentative). | Move some of 'AKS platform' to someone with free hours in those weeks (Capacity view), or move its weeks."]
    );
    // The percentage is the one the Capacity view shows for that week.
    let load = capacity::compute(&plan, plan.horizon, &counted, today());
    let cell = load
        .cell(PersonId(1), "2026-W49".parse().expect("week"))
        .expect("a cell");
    assert_eq!(cell.headline(true), "110 %, 4 h over");
    assert_eq!(
        risks_with(&plan, &load, today()),
        risks(&plan, &counted, today())
    );
}

#[test]
fn work_booked_while_someone_is_away_all_week_is_flagged() {
    // Lena is on parental leave from Monday 2026-12-21 to Friday
    // 2027-01-01, all of W52 and W53, and booked 16 h a week on 'Tenant
    // work' in W51..W53.
    let away = |plan: &mut Plan| {
        plan.people[1].leave = vec![Leave {
            note: "Parental leave".to_string(),
            ..leave("2026-12-21", "2027-01-01", 1.0)
        }];
        plan.activities
            .push(engagement(3, "Tenant work", 48.0, "2027-01-01"));
        plan.allocations = vec![allocation(1, 2, 3, 16.0, "2026-W51", "2026-W53")];
    };
    check_plan(
        with_holidays(),
        away,
        today(),
        &["act-3 High Booked while away per-2 | Lena Novak is booked 16 h a week on 'Tenant work' in 2026-W52 to 2026-W53 (2 weeks), when they are away all week: Parental leave, 21 Dec 2026 to 1 Jan 2027. | Give those weeks to someone who is there, or move the work out of 2026-W52 to 2026-W53 (2 weeks)."],
    );
    // A leaver booked past their last day (a file made elsewhere can say
    // so): Lena leaves on Friday 2026-12-11, booked to W53.
    check_plan(
        with_holidays(),
        |plan| {
            away(plan);
            plan.people[1].leave.clear();
            plan.people[1].end_date = Some(date("2026-12-11"));
        },
        today(),
        &["act-3 High Booked while away per-2 | Lena Novak is booked 16 h a week on 'Tenant work' in 2026-W51 to 2026-W53 (3 weeks), when they are away all week: leaves after 11 Dec 2026. | Give those weeks to someone who is there, or move the work out of 2026-W51 to 2026-W53 (3 weeks)."],
    );
    // Half-day leave all week leaves her there: not away all week (and
    // 16 h of her 20 is not over).
    check_plan(
        with_holidays(),
        |plan| {
            away(plan);
            plan.people[1].leave[0].day_fraction = 0.5;
        },
        today(),
        &[],
    );
}

#[test]
fn a_contract_loses_its_cover_when_its_person_leaves_or_is_away() {
    // 'Managed Microsoft 365' for Fabrikam commits 16 h a week from
    // 2026-11-02, open-ended; Oliver Grant covers it until he leaves on
    // Friday 2026-12-11 (W50).
    let contract = |plan: &mut Plan| {
        plan.people.push(Person {
            end_date: Some(date("2026-12-11")),
            ..Person::new(PersonId(3), "Oliver Grant")
        });
        plan.activities.push(Activity {
            scope: crate::model::Scope::Book,
            kind: crate::model::ActivityKind::ManagedService,
            client: "Fabrikam".to_string(),
            start: Some(date("2026-11-02")),
            contract: Some(crate::model::Contract {
                hours: 16.0,
                period: crate::model::Period::Week,
                renewal: None,
            }),
            ..Activity::new(ActivityId(3), "Managed Microsoft 365")
        });
        plan.allocations = vec![allocation(1, 3, 3, 16.0, "2026-W48", "2026-W50")];
    };
    check_plan(
        with_holidays(),
        contract,
        today(),
        &["act-3 High Cover gap per-3 | 'Managed Microsoft 365' for Fabrikam commits 16 h a week; in 2026-W51 to 2027-W07 (10 weeks) nothing is covered: Oliver Grant leaves on 11 Dec 2026. | Book someone with its skills from 2026-W51 (Work view), or agree the cover with the client."],
    );
    // Lena takes 8 h of it from W51 and Tom 8 h: covered, but for the week
    // Lena is away at a conference.
    check_plan(
        with_holidays(),
        |plan| {
            contract(plan);
            plan.allocations.push(allocation(2, 2, 3, 8.0, "2026-W51", "2027-W07"));
            plan.allocations.push(allocation(3, 1, 3, 8.0, "2026-W51", "2027-W07"));
            plan.people[1].leave = vec![Leave {
                note: "Conference".to_string(),
                ..leave("2027-01-11", "2027-01-15", 1.0)
            }];
        },
        today(),
        &[
            "act-3 High Booked while away per-2 | Lena Novak is booked 8 h a week on 'Managed Microsoft 365' in 2027-W02, when they are away all week: Conference, 11 Jan 2027 to 15 Jan 2027. | Give those weeks to someone who is there, or move the work out of 2027-W02.",
            "act-3 High Cover gap per-2 | 'Managed Microsoft 365' for Fabrikam commits 16 h a week; in 2027-W02 only 8 h a week are covered: Lena Novak is away (Conference, 11 Jan 2027 to 15 Jan 2027). | Book someone with its skills from 2027-W02 (Work view), or agree the cover with the client.",
        ],
    );
    // A monthly commitment: 52 h a month is 12 h a week; a term ending
    // on 2027-01-08 (W01) ends the gap there; a contract that is done is
    // not checked.
    check_plan(
        with_holidays(),
        |plan| {
            contract(plan);
            let activity = &mut plan.activities[2];
            activity.contract = Some(crate::model::Contract {
                hours: 52.0,
                period: crate::model::Period::Month,
                renewal: None,
            });
            activity.deadline = Some(date("2027-01-08"));
        },
        today(),
        &["act-3 High Cover gap per-3 | 'Managed Microsoft 365' for Fabrikam commits 12 h a week; in 2026-W51 to 2027-W01 (4 weeks) nothing is covered: Oliver Grant leaves on 11 Dec 2026. | Book someone with its skills from 2026-W51 (Work view), or agree the cover with the client."],
    );
    check_plan(
        with_holidays(),
        |plan| {
            contract(plan);
            plan.activities[2].status = Status::Done;
        },
        today(),
        &[],
    );
}

#[test]
fn work_its_people_do_not_cover_before_its_deadline_is_understaffed() {
    // 'Landing zone' needs 100 h by Friday 2026-12-18 (W51, 4 weeks from
    // W48); Tom is booked 10 h a week in W48..W51: 40 h, 60 h short.
    let short = |plan: &mut Plan| {
        plan.activities[0].effort_hours = 100.0;
        plan.activities[0].deadline = Some(date("2026-12-18"));
        plan.activities[1].depends_on.clear();
        plan.allocations = vec![allocation(1, 1, 1, 10.0, "2026-W48", "2026-W51")];
    };
    check(
        short,
        today(),
        &["act-1 Medium Understaffed per-1 | 'Landing zone' has 100 h of work left by 18 Dec 2026 (4 weeks); its people are booked for 40 h of it, so 60 h are not staffed. | Drag it from Work to staff onto someone with free hours (Capacity view), or move its deadline."],
    );
    // Within two weeks of the deadline it is high: from W50, 20 h booked.
    check(
        short,
        date("2026-12-07"),
        &["act-1 High Understaffed per-1 | 'Landing zone' has 100 h of work left by 18 Dec 2026 (2 weeks); its people are booked for 20 h of it, so 80 h are not staffed. | Drag it from Work to staff onto someone with free hours (Capacity view), or move its deadline."],
    );
    // Booked for all of it, it is staffed; past its deadline it is
    // overdue instead.
    check(
        |plan| {
            short(plan);
            plan.allocations[0].hours_per_week = 25.0;
        },
        today(),
        &[],
    );
    check(
        short,
        date("2026-12-21"),
        &["act-1 High Overdue", "act-2 High Overdue"],
    );
}
