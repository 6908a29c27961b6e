//! The skills engine's tests: coverage, supply and demand, matching and
//! engagements on the demo and on small hand-made plans.

use super::*;
use crate::model::{Certification, Holiday, Leave, PlanId, Skill, SkillLevel, Weekday};
use crate::test_support::{allocation, date, demo, leave, today, week};

fn levels(pairs: &[(u32, u8)]) -> Vec<SkillLevel> {
    pairs
        .iter()
        .map(|(skill, level)| SkillLevel {
            skill: SkillId(*skill),
            level: *level,
        })
        .collect()
}

fn needs(pairs: &[(u32, u8)]) -> Vec<SkillRequirement> {
    pairs
        .iter()
        .map(|(skill, min_level)| SkillRequirement {
            skill: SkillId(*skill),
            min_level: *min_level,
        })
        .collect()
}

fn certification(name: &str, expires: &str) -> Certification {
    Certification {
        name: name.to_string(),
        issuer: "Microsoft".to_string(),
        expires: Some(date(expires)),
    }
}

/// An empty plan from the week of [`today`] (13 weeks, to Sunday
/// 2027-02-21) with a catalogue of Azure (1), Microsoft Intune (2) and
/// Terraform (3).
fn base() -> Plan {
    let mut plan = Plan::empty(PlanId(1), "Test plan", today());
    plan.skills = ["Azure", "Microsoft Intune", "Terraform"]
        .iter()
        .zip(1..)
        .map(|(name, id)| Skill {
            id: SkillId(id),
            name: name.to_string(),
            category: "Cloud".to_string(),
        })
        .collect();
    plan
}

fn person(id: u32, name: &str, skills: &[(u32, u8)]) -> Person {
    Person {
        skills: levels(skills),
        ..Person::new(PersonId(id), name)
    }
}

// Availability.

/// The hours of a full-time person (40 h, Monday to Friday) changed by
/// `edit`, with the public holidays `holidays`, from `from` to `to`.
fn check_hours(
    edit: impl FnOnce(&mut Person),
    holidays: &[&str],
    (from, to): (&str, &str),
    expected: f64,
) {
    let mut plan = base();
    plan.holidays = holidays
        .iter()
        .map(|day| Holiday {
            date: date(day),
            name: String::new(),
        })
        .collect();
    let mut person = Person::new(PersonId(1), "Tom Becker");
    edit(&mut person);
    let hours = available_hours(&plan, &person, date(from), date(to));
    assert!(
        (hours - expected).abs() < 1e-9,
        "{from}..{to}: {hours} h, expected {expected} h"
    );
}

#[test]
fn available_hours_count_working_days_less_time_away() {
    let week = ("2026-11-23", "2026-11-29");
    // Five days of 8 h; two weeks; a backwards range.
    check_hours(|_| {}, &[], week, 40.0);
    check_hours(|_| {}, &[], ("2026-11-23", "2026-12-06"), 80.0);
    check_hours(|_| {}, &[], ("2026-11-27", "2026-11-23"), 0.0);
    // Wednesday off, whole and half; leave over the weekend costs nothing.
    let away = |fraction: f64| {
        move |person: &mut Person| person.leave = vec![leave("2026-11-25", "2026-11-25", fraction)]
    };
    check_hours(away(1.0), &[], week, 32.0);
    check_hours(away(0.5), &[], week, 36.0);
    check_hours(
        |person| person.leave = vec![leave("2026-11-28", "2026-11-29", 1.0)],
        &[],
        week,
        40.0,
    );
    // A holiday on Thursday; one on Saturday; leave on a holiday counts once.
    check_hours(|_| {}, &["2026-11-26"], week, 32.0);
    check_hours(|_| {}, &["2026-11-28"], week, 40.0);
    check_hours(
        |person| person.leave = vec![leave("2026-11-26", "2026-11-26", 1.0)],
        &["2026-11-26"],
        week,
        32.0,
    );
    check_hours(
        |person| person.leave = vec![leave("2026-11-26", "2026-11-27", 1.0)],
        &["2026-11-26"],
        week,
        24.0,
    );
}

#[test]
fn available_hours_of_part_timers_hires_leavers_and_support() {
    let week = ("2026-11-23", "2026-11-29");
    // Four days of 8 h: a Friday holiday costs nothing, a Thursday one a day.
    let four_days = |person: &mut Person| {
        person.weekly_hours = 32.0;
        person.working_days = vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu];
    };
    check_hours(four_days, &[], week, 32.0);
    check_hours(four_days, &["2026-11-27"], week, 32.0);
    check_hours(four_days, &["2026-11-26"], week, 24.0);
    // Three days of 8 h; Tuesday to Thursday holds only the Wednesday.
    let three_days = |person: &mut Person| {
        person.weekly_hours = 24.0;
        person.working_days = vec![Weekday::Mon, Weekday::Wed, Weekday::Fri];
    };
    check_hours(three_days, &[], week, 24.0);
    check_hours(three_days, &[], ("2026-11-24", "2026-11-26"), 8.0);
    // A hire from Wednesday; a leaver whose last day is Tuesday.
    check_hours(
        |person| person.start_date = Some(date("2026-11-25")),
        &[],
        week,
        24.0,
    );
    check_hours(
        |person| person.end_date = Some(date("2026-11-24")),
        &[],
        week,
        16.0,
    );
    check_hours(
        |person| person.end_date = Some(date("2026-11-20")),
        &[],
        week,
        0.0,
    );
    // 10 h of support leave 6 h a day; a day of leave takes its support too.
    let support = |person: &mut Person| person.support_hours_per_week = 10.0;
    check_hours(support, &[], week, 30.0);
    check_hours(
        |person| {
            support(person);
            person.leave = vec![leave("2026-11-23", "2026-11-23", 1.0)];
        },
        &[],
        week,
        24.0,
    );
    // More support than hours is none, not less than none.
    check_hours(
        |person| person.support_hours_per_week = 50.0,
        &[],
        week,
        0.0,
    );
}

// Coverage.

/// Tom (Azure 2, Intune 1), Lena (Azure 3) and Marcus (Terraform 2),
/// changed by `edit`; one line a finding: "Key person skl-3 per-3 |
/// message", or the label alone when `expected` gives no message.
fn check_coverage(edit: impl FnOnce(&mut Plan), expected: &[&str]) {
    let mut plan = base();
    plan.people = vec![
        person(1, "Tom Becker", &[(1, 2), (2, 1)]),
        person(2, "Lena Novak", &[(1, 3)]),
        person(3, "Marcus Hill", &[(3, 2)]),
    ];
    edit(&mut plan);
    let found: Vec<String> = coverage(&plan, today())
        .into_iter()
        .zip(expected.iter().chain(std::iter::repeat(&"")))
        .map(|(finding, wanted)| {
            let mut line = finding.kind.label().to_string();
            for id in [
                finding.skill.map(|s| s.to_string()),
                finding.person.map(|p| p.to_string()),
            ]
            .into_iter()
            .flatten()
            {
                line.push_str(&format!(" {id}"));
            }
            if wanted.contains(" | ") {
                line.push_str(&format!(" | {}", finding.message));
            }
            line
        })
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn a_skill_is_held_from_working_level_by_more_than_one_person() {
    // Intune only at level 1: nobody; Terraform by Marcus alone; Azure by two.
    check_coverage(
        |_| {},
        &[
            "Nobody holds it skl-2 | Nobody holds Microsoft Intune at working level (2) or above during the horizon.",
            "Key person skl-3 per-3 | Only Marcus Hill holds Terraform (level 2): bus factor 1.",
        ],
    );
    // Tom at level 2 in Intune holds it alone; a second Terraform holder
    // ends the key-person risk.
    check_coverage(
        |plan| {
            plan.people[0].skills[1].level = 2;
            plan.people[1].skills.push(SkillLevel {
                skill: SkillId(3),
                level: 4,
            });
        },
        &["Key person skl-2 per-1"],
    );
    // Lena at level 1 leaves Tom alone with Azure.
    check_coverage(
        |plan| plan.people[1].skills[0].level = 1,
        &[
            "Nobody holds it skl-2",
            "Key person skl-1 per-1",
            "Key person skl-3 per-3",
        ],
    );
}

#[test]
fn only_people_employed_during_the_horizon_hold_skills() {
    // Marcus left the Friday before the horizon; a hire starting on its
    // last day counts, one starting the day after does not.
    check_coverage(
        |plan| plan.people[2].end_date = Some(date("2026-11-20")),
        &["Nobody holds it skl-2", "Nobody holds it skl-3"],
    );
    check_coverage(
        |plan| plan.people[2].start_date = Some(date("2027-02-21")),
        &["Nobody holds it skl-2", "Key person skl-3 per-3"],
    );
    check_coverage(
        |plan| plan.people[2].start_date = Some(date("2027-02-22")),
        &["Nobody holds it skl-2", "Nobody holds it skl-3"],
    );
}

#[test]
fn a_required_level_nobody_reaches_is_needed_but_missing() {
    let requiring = |plan: &mut Plan, id: u32, title: &str, required: &[(u32, u8)]| {
        let mut activity = Activity::new(ActivityId(id), title);
        activity.required_skills = needs(required);
        plan.activities.push(activity);
    };
    // Lena's Azure 3 is enough for 3, not for 4; an open activity and a
    // done one.
    check_coverage(
        |plan| requiring(plan, 1, "Landing zone", &[(1, 3)]),
        &["Nobody holds it skl-2", "Key person skl-3 per-3"],
    );
    check_coverage(
        |plan| {
            requiring(plan, 1, "Landing zone", &[(1, 4), (3, 2)]);
            requiring(plan, 2, "Policy as code", &[(1, 4)]);
            requiring(plan, 3, "Old review", &[(1, 4)]);
            plan.activities[2].status = Status::Done;
            // A skill outside the catalogue is named by its id.
            requiring(plan, 4, "Firewall rules", &[(9, 1)]);
        },
        &[
            "Nobody holds it skl-2",
            "Key person skl-3 per-3",
            "Needed but missing skl-1 | 'Landing zone' (4) and 'Policy as code' (4) need Azure at a level nobody reaches; the highest held is 3.",
            "Needed but missing skl-9 | 'Firewall rules' (1) needs skl-9 at a level nobody reaches; the highest held is 0.",
        ],
    );
}

#[test]
fn certifications_expiring_from_today_to_the_horizon_end() {
    let holding = |expires: &'static str| {
        move |plan: &mut Plan| {
            plan.people[2].certifications = vec![certification("AZ-104", expires)];
            plan.people[0].certifications = vec![certification("MD-102", "2027-02-21")];
        }
    };
    let tom = "Certification expiring per-1 | Tom Becker's 'MD-102' certification expires on 2027-02-21, before the horizon ends on 2027-02-21.";
    check_coverage(
        holding("2026-11-23"),
        &[
            "Nobody holds it skl-2",
            "Key person skl-3 per-3",
            tom,
            "Certification expiring per-3",
        ],
    );
    check_coverage(
        holding("2026-11-22"),
        &["Nobody holds it skl-2", "Key person skl-3 per-3", tom],
    );
    check_coverage(
        holding("2027-02-22"),
        &["Nobody holds it skl-2", "Key person skl-3 per-3", tom],
    );
}

#[test]
fn the_demo_plan_coverage() {
    // The horizon runs from 2026-11-09 to 2027-02-07 and all fifteen
    // people are employed in it (Oliver Grant until 2027-01-08, Ravi
    // Patel from 2026-12-14). Every catalogue skill but one has at least
    // two holders at level 2 or more (Azure: Tom 4, Lena 3; CI/CD:
    // Marcus 4, Aisha 3; PowerShell: Lena 3, Aisha 2; Process design:
    // Priya 4, James 3; Penetration testing: Daniel 3, Sofia 2; the
    // thinnest are two). Backup and disaster recovery is Elena Rossi's
    // alone (level 3): a key person. Every level the open work needs is
    // reached (Intune 3 by Hannah and Ravi, Terraform 3 by Tom, Marcus
    // and Elena, Kubernetes 3 by Marcus, Backup 2 by Elena). What is
    // left are two certifications that lapse in the horizon: Tom's AWS
    // associate on 2027-01-13 and Hannah's MD-102 on 2026-12-28
    // (Marcus's, Lena's, Daniel's, Chloé's, Elena's and Tom's architect
    // certificates run past it). Key people come before expiring
    // certificates.
    let found: Vec<(CoverageKind, Option<PersonId>, String)> = coverage(&demo(), today())
        .into_iter()
        .map(|finding| (finding.kind, finding.person, finding.message))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                CoverageKind::KeyPerson,
                Some(PersonId(15)),
                "Only Elena Rossi holds Backup and disaster recovery (level 3): bus factor 1.".to_string()
            ),
            (
                CoverageKind::CertificationExpiring,
                Some(PersonId(2)),
                "Tom Becker's 'AWS Solutions Architect – Associate' certification expires on 2027-01-13, before the horizon ends on 2027-02-07.".to_string()
            ),
            (
                CoverageKind::CertificationExpiring,
                Some(PersonId(11)),
                "Hannah Weber's 'Microsoft 365 Endpoint Administrator (MD-102)' certification expires on 2026-12-28, before the horizon ends on 2027-02-07.".to_string()
            ),
        ]
    );
}

// Supply and demand.

fn check_balance(plan: &Plan, today: NaiveDate, expected: &[(u32, f64, f64, usize)]) {
    let found: Vec<(u32, f64, f64, usize)> = supply_and_demand(plan, today)
        .into_iter()
        .map(|balance| {
            (
                balance.skill.0,
                balance.demand_hours,
                balance.supply_hours,
                balance.holders,
            )
        })
        .collect();
    assert_eq!(found, expected, "as of {today}");
}

#[test]
fn supply_and_demand_per_skill() {
    // Two weeks (ten working days). Tom: Azure 2, 8 h a day. Lena: Azure
    // 3 and Intune 2, with 8 h of support a week, 6.4 h a day. Marcus:
    // Intune at level 1 only, so no supply.
    let mut plan = base();
    plan.horizon.weeks = 2;
    plan.people = vec![
        person(1, "Tom Becker", &[(1, 2)]),
        Person {
            support_hours_per_week: 8.0,
            ..person(2, "Lena Novak", &[(1, 3), (2, 2)])
        },
        person(3, "Marcus Hill", &[(2, 1)]),
    ];
    // 30 h split between Azure and Intune, 10 h of Azure with the
    // same skill listed twice, done work and no-skill work ignored.
    let mut both = Activity::new(ActivityId(1), "Pilot");
    both.effort_hours = 30.0;
    both.required_skills = needs(&[(1, 2), (2, 2)]);
    let mut azure = Activity::new(ActivityId(2), "Landing zone");
    azure.effort_hours = 10.0;
    azure.required_skills = needs(&[(1, 2), (1, 3)]);
    let mut done = Activity::new(ActivityId(3), "Old tenant");
    done.effort_hours = 100.0;
    done.required_skills = needs(&[(2, 2)]);
    done.status = Status::Done;
    let mut plain = Activity::new(ActivityId(4), "Meeting");
    plain.effort_hours = 5.0;
    plan.activities = vec![both, azure, done, plain];
    check_balance(
        &plan,
        today(),
        &[(1, 25.0, 144.0, 2), (2, 15.0, 64.0, 1), (3, 0.0, 0.0, 0)],
    );
    // A week later only the second week is left.
    check_balance(
        &plan,
        date("2026-11-30"),
        &[(1, 25.0, 72.0, 2), (2, 15.0, 32.0, 1), (3, 0.0, 0.0, 0)],
    );
    // Before the horizon, supply counts from its start; after it, none.
    check_balance(
        &plan,
        date("2026-11-01"),
        &[(1, 25.0, 144.0, 2), (2, 15.0, 64.0, 1), (3, 0.0, 0.0, 0)],
    );
    check_balance(
        &plan,
        date("2026-12-07"),
        &[(1, 25.0, 0.0, 0), (2, 15.0, 0.0, 0), (3, 0.0, 0.0, 0)],
    );
}

// Matching.

/// Activity 1, 'Tenant baseline' (Contoso, 45 h, Intune 3 and MD-102,
/// 2026-11-23 to Friday 2026-12-04: ten working days, 80 h of a
/// full-timer), owned by Gus; activity 2 depends on it (Ben owns it);
/// activity 3 is unrelated; activity 4 is for " contoso".
fn matching_plan() -> Plan {
    let mut plan = base();
    let md102 = |expires: &str| vec![certification(" md-102 ", expires)];
    let intune = |id: u32, name: &str, level: u8, expires: &str| Person {
        certifications: md102(expires),
        ..person(id, name, &[(2, level)])
    };
    plan.people = vec![
        // 20 h a week on unrelated work in two of the window's weeks.
        intune(1, "Ann Berg", 4, "2027-06-30"),
        intune(2, "Ben Cole", 3, "2027-06-30"),
        intune(3, "Cat Diaz", 3, "2027-06-30"),
        // The certificate lapses the day before the deadline.
        intune(4, "Dan Ek", 3, "2026-12-03"),
        // 6 h a week: 1.2 h a day, 12 h in the window.
        Person {
            weekly_hours: 6.0,
            ..person(5, "Eve Falk", &[])
        },
        // Gone before the window.
        Person {
            end_date: Some(date("2026-11-20")),
            ..intune(6, "Fay Gill", 4, "2027-06-30")
        },
        // The owner: their allocation to this activity is not a load.
        intune(7, "Gus Holm", 3, "2026-12-04"),
        // On the same client's other work.
        intune(8, "Hal Ito", 3, "2027-06-30"),
    ];
    let mut tenant = Activity::new(ActivityId(1), "Tenant baseline");
    tenant.owner = Some(PersonId(7));
    tenant.client = "Contoso".to_string();
    tenant.effort_hours = 45.0;
    tenant.start = Some(date("2026-11-23"));
    tenant.deadline = Some(date("2026-12-04"));
    tenant.required_skills = needs(&[(2, 3)]);
    tenant.required_certifications = vec!["MD-102".to_string()];
    let mut rollout = Activity::new(ActivityId(2), "Rollout");
    rollout.owner = Some(PersonId(2));
    rollout.depends_on = vec![ActivityId(1)];
    let unrelated = Activity::new(ActivityId(3), "Unrelated");
    let mut same_client = Activity::new(ActivityId(4), "Contoso mail");
    same_client.client = " contoso".to_string();
    plan.activities = vec![tenant, rollout, unrelated, same_client];
    plan.allocations = vec![
        allocation(1, 1, 3, 20.0, "2026-W48", "2026-W50"),
        allocation(2, 7, 1, 40.0, "2026-W48", "2026-W49"),
        allocation(3, 8, 4, 1.0, "2026-W52", "2026-W52"),
    ];
    plan
}

fn check_candidates(plan: &Plan, activity: u32, today: NaiveDate, expected: &[&str]) {
    let found = candidates(plan, ActivityId(activity), today);
    for pair in found.windows(2) {
        assert!(pair[0].score >= pair[1].score, "{pair:?}");
    }
    let lines: Vec<String> = found
        .iter()
        .zip(expected.iter().chain(std::iter::repeat(&"")))
        .map(|(candidate, wanted)| {
            let name = plan.person_name(candidate.person);
            if wanted.contains(" | ") {
                format!("{name} | {}", candidate.explanation)
            } else {
                name
            }
        })
        .collect();
    assert_eq!(lines, expected);
}

#[test]
fn candidates_rank_skills_then_certificates_then_hours_then_related_work() {
    // Ben and Hal meet everything with 80 h free and are on related
    // work (Ben owns a dependent, Hal works for the same client); Cat and
    // Gus the same without related work (owning this activity is not
    // related work); Ann has 40 h left after her other work; Dan's
    // certificate lapses; Eve has neither skill nor certificate; Fay
    // has left.
    check_candidates(
        &matching_plan(),
        1,
        today(),
        &[
            "Ben Cole | meets every skill · 80 h free of 45 h needed · certification valid through 2026-12-04 · already on related work",
            "Hal Ito | meets every skill · 80 h free of 45 h needed · certification valid through 2026-12-04 · already on related work",
            "Cat Diaz | meets every skill · 80 h free of 45 h needed · certification valid through 2026-12-04",
            "Gus Holm | meets every skill · 80 h free of 45 h needed · certification valid through 2026-12-04",
            "Ann Berg | meets every skill · 40 h free of 45 h needed · certification valid through 2026-12-04",
            "Dan Ek | meets every skill · 80 h free of 45 h needed · no valid 'MD-102' through 2026-12-04",
            "Eve Falk | short in Microsoft Intune (has 0, needs 3) · 12 h free of 45 h needed · no valid 'MD-102' through 2026-12-04",
        ],
    );
    // From Monday 2026-11-30 the window is one week: nobody's 40 h or
    // less cover 45 h, so free hours decide (Ann's 20 h last), and the
    // related work still orders the ties.
    check_candidates(
        &matching_plan(),
        1,
        date("2026-11-30"),
        &[
            "Ben Cole | meets every skill · 40 h free of 45 h needed · certification valid through 2026-12-04 · already on related work",
            "Hal Ito",
            "Cat Diaz",
            "Gus Holm",
            "Ann Berg | meets every skill · 20 h free of 45 h needed · certification valid through 2026-12-04",
            "Dan Ek",
            "Eve Falk",
        ],
    );
    // An unknown activity has no candidates.
    assert!(candidates(&matching_plan(), ActivityId(99), today()).is_empty());
}

#[test]
fn candidates_scores_follow_the_order() {
    let found = candidates(&matching_plan(), ActivityId(1), today());
    let scores: Vec<f64> = found
        .iter()
        .map(|c| (c.score * 1000.0).round() / 1000.0)
        .collect();
    // 100 for meeting every skill, + certificates (4) + fits (2), plus
    // 1601/2601 of related work on 80 h (twice 800 tenths, and one) or
    // 1600/2600 without; Ann 100 + 4 + 800/1800; Dan 100 + 2 +
    // 1600/2600; Eve is 3 levels short: 100 - 30 + 240/1240.
    assert_eq!(
        scores,
        vec![106.616, 106.616, 106.615, 106.615, 104.444, 102.615, 70.194]
    );
    assert_eq!(found[6].short_skills, vec![(SkillId(2), 0, 3)]);
    assert!(!found[6].meets_all_skills && !found[6].certifications_valid);
    assert_eq!(found[4].free_hours, 40.0);
    assert_eq!(found[4].needed_hours, 45.0);
}

#[test]
fn the_demo_pilot_candidates() {
    // The pilot (act-6) needs Azure 2 and Intune 2 from Monday
    // 2027-01-11 to Friday 2027-02-05: twenty weekdays (weeks 9 to 12
    // of the horizon), no holidays, 60 h left, no certificate. Nobody
    // has both skills (Tom and Lena have Azure; James, Hannah, Ravi and
    // Ben Intune), so everyone is short and every certificate test
    // passes. Those short one skill by 2 levels come before those short
    // both (4 levels); within each, those whose free hours cover 60 h,
    // then by free hours, then related work (James owns the intake form
    // and Daniel and Sofia work on the sign-off, the two activities the
    // pilot depends on), then id. Nobody has support hours. Full-timers
    // have 160 h; Lena works four days (128 h; her 12 h a week are on
    // this activity and do not count). Their other work in the four
    // weeks, a week each:
    //   short 2: James 24 (service desk): 64 h free; Lena 16 (Azure
    //   operations): 64 h; Tom 8 + 12 + 6 (Azure operations, backup,
    //   pre-sales): 56 h, short of 60; Hannah 28 (migration): 48 h;
    //   Ravi 28 + 4 (migration, training): 32 h; Ben 28 + 4 (service
    //   desk, training): 32 h;
    //   short 4: Priya 4 + 10 (service desk, pre-sales) and 6 on the
    //   zero-trust rollout in weeks 9 and 10: 92 h; Sofia 16 (security
    //   operations), 10 on the rollout in weeks 9 and 10 and 6 on the
    //   sign-off in week 9: 70 h; Marcus and Aisha 24 (AKS build): 64 h
    //   each; Daniel 20 + 4 (rollout, pre-sales) and 6 on the sign-off
    //   in week 9: 58 h, short; Elena 8 + 20 (Azure operations,
    //   backup): 48 h; Mei 32 (service desk): 32 h; Chloé 8 + 24
    //   (security operations, rollout): 32 h.
    // Oliver Grant leaves on 2027-01-08, before the window.
    let plan = demo();
    check_candidates(
        &plan,
        6,
        today(),
        &[
            "James O'Connor | short in Azure (has 0, needs 2) · 64 h free of 60 h needed · already on related work",
            "Lena Novak | short in Microsoft Intune (has 0, needs 2) · 64 h free of 60 h needed",
            "Tom Becker | short in Microsoft Intune (has 0, needs 2) · 56 h free of 60 h needed",
            "Hannah Weber",
            "Ravi Patel | short in Azure (has 0, needs 2) · 32 h free of 60 h needed",
            "Ben Okafor",
            "Priya Raman | short in Azure (has 0, needs 2), Microsoft Intune (has 0, needs 2) · 92 h free of 60 h needed",
            "Sofia Lindqvist | short in Azure (has 0, needs 2), Microsoft Intune (has 0, needs 2) · 70 h free of 60 h needed · already on related work",
            "Marcus Hill | short in Azure (has 0, needs 2), Microsoft Intune (has 0, needs 2) · 64 h free of 60 h needed",
            "Aisha Khan",
            "Daniel Ortiz | short in Azure (has 0, needs 2), Microsoft Intune (has 0, needs 2) · 58 h free of 60 h needed · already on related work",
            "Elena Rossi",
            "Mei Chen",
            "Chloé Martin | short in Azure (has 0, needs 2), Microsoft Intune (has 0, needs 2) · 32 h free of 60 h needed",
        ],
    );
}

#[test]
fn the_availability_strip_shows_short_weeks_and_why() {
    // Aisha Khan (per-5) is on parental leave 2026-12-14..25, weeks
    // 2026-W51 and W52; Christmas and Boxing Day fall in W52 too, and
    // New Year's Day (a Friday) takes 8 h off W53.
    let plan = demo();
    let aisha = plan.person(PersonId(5)).cloned().expect("per-5");
    let strip = weekly_availability(&plan, &aisha);
    assert_eq!(strip.len(), 13);
    let short: Vec<(String, f64, &str)> = strip
        .iter()
        .filter(|week| !week.reason.is_empty())
        .map(|week| {
            (
                week.week.to_string(),
                week.available_hours,
                week.reason.as_str(),
            )
        })
        .collect();
    assert_eq!(
        short,
        vec![
            ("2026-W51".to_string(), 0.0, "leave: Parental leave"),
            (
                "2026-W52".to_string(),
                0.0,
                "leave: Parental leave, holiday: Christmas Day, holiday: Boxing Day"
            ),
            ("2026-W53".to_string(), 32.0, "holiday: New Year's Day"),
        ]
    );
    assert!(strip.iter().all(|week| week.usual_hours == 40.0));
    // Ravi Patel starts on 2026-12-14: nothing before that week.
    let ravi = plan.person(PersonId(12)).cloned().expect("per-12");
    let strip = weekly_availability(&plan, &ravi);
    assert_eq!(strip[4].available_hours, 0.0);
    assert_eq!(strip[4].reason, "starts 2026-12-14");
    assert_eq!(strip[5].available_hours, 40.0);
}

// Engagements.

fn check_engagement(plan: &Plan, (hours, weeks, earliest): (f64, u32, &str), expected: &[&str]) {
    let found = engagement_candidates(
        plan,
        &needs(&[(2, 3)]),
        hours,
        weeks,
        week(earliest),
        today(),
    );
    let lines: Vec<String> = found
        .iter()
        .zip(expected.iter().chain(std::iter::repeat(&"")))
        .map(|(found, wanted)| {
            let name = plan.person_name(found.person);
            let when = found
                .first_week
                .map_or("none".to_string(), |w| w.to_string());
            if wanted.contains(" | ") {
                format!("{name} {when} | {}", found.explanation)
            } else {
                format!("{name} {when}")
            }
        })
        .collect();
    assert_eq!(lines, expected);
}

#[test]
fn an_engagement_starts_in_the_first_run_of_free_weeks() {
    // 20 h a week for two weeks, needing Intune 3. Ann has 30 h of
    // other work in W48 and W49 (10 h free); Ben 25 h in W48 only; Cat
    // nothing; Dan only Intune 1; Eve is booked full for more than the
    // look-ahead; Fay joins on Monday 2027-01-04.
    let mut plan = base();
    plan.people = vec![
        person(1, "Ann Berg", &[(2, 3)]),
        person(2, "Ben Cole", &[(2, 4)]),
        person(3, "Cat Diaz", &[(2, 3)]),
        person(4, "Dan Ek", &[(2, 1)]),
        person(5, "Eve Falk", &[(2, 3)]),
        Person {
            start_date: Some(date("2027-01-04")),
            ..person(6, "Fay Gill", &[(2, 3)])
        },
    ];
    plan.allocations = vec![
        allocation(1, 1, 1, 30.0, "2026-W48", "2026-W49"),
        allocation(2, 2, 1, 25.0, "2026-W48", "2026-W48"),
        allocation(3, 5, 1, 40.0, "2026-W48", "2028-W30"),
    ];
    check_engagement(
        &plan,
        (20.0, 2, "2026-W48"),
        &[
            "Cat Diaz 2026-W48 | meets every skill · 20 h a week free for 2 weeks from 2026-W48",
            "Ben Cole 2026-W49",
            "Ann Berg 2026-W50",
            "Fay Gill 2027-W01",
            "Dan Ek none | short in Microsoft Intune (has 1, needs 3)",
            "Eve Falk none | meets every skill · never 20 h a week free for 2 weeks before 2028-02-21",
        ],
    );
    // From W49 Ben fits at once; 10 h a week fit Ann's weeks too.
    check_engagement(
        &plan,
        (20.0, 2, "2026-W49"),
        &[
            "Ben Cole 2026-W49",
            "Cat Diaz 2026-W49",
            "Ann Berg 2026-W50",
            "Fay Gill 2027-W01",
            "Dan Ek none",
            "Eve Falk none",
        ],
    );
    check_engagement(
        &plan,
        (10.0, 3, "2026-W48"),
        &[
            "Ann Berg 2026-W48",
            "Ben Cole 2026-W48",
            "Cat Diaz 2026-W48",
            "Fay Gill 2027-W01",
            "Dan Ek none",
            "Eve Falk none",
        ],
    );
    // A run longer than the look-ahead never fits.
    check_engagement(
        &plan,
        (1.0, 70, "2026-W48"),
        &[
            "Ann Berg none",
            "Ben Cole none",
            "Cat Diaz none",
            "Dan Ek none",
            "Eve Falk none",
            "Fay Gill none",
        ],
    );
}

#[test]
fn odd_plans_do_not_panic() {
    let extremes = [NaiveDate::MIN, NaiveDate::MAX, today()];
    let mut plans = vec![
        Plan::empty(PlanId(1), "Empty", today()),
        demo(),
        matching_plan(),
    ];
    let mut odd = matching_plan();
    odd.people[0].weekly_hours = f64::NAN;
    odd.people[1].support_hours_per_week = f64::INFINITY;
    odd.people[2].working_days.clear();
    odd.people[3].start_date = Some(NaiveDate::MAX);
    odd.people[3].end_date = Some(NaiveDate::MIN);
    odd.people[4].leave = vec![
        leave("2026-12-01", "2026-11-01", 1.0),
        leave("2026-11-01", "2026-12-01", f64::NAN),
        Leave {
            start: NaiveDate::MIN,
            end: NaiveDate::MAX,
            day_fraction: 0.3,
            note: String::new(),
        },
    ];
    odd.people[5].certifications[0].expires = Some(NaiveDate::MIN);
    odd.people.push(odd.people[0].clone());
    odd.activities[0].effort_hours = f64::NAN;
    odd.activities[0].start = Some(NaiveDate::MAX);
    odd.activities[0].deadline = Some(NaiveDate::MIN);
    odd.activities[1].required_skills = needs(&[(40, 200), (2, 0)]);
    odd.activities[1].depends_on = vec![ActivityId(2), ActivityId(77)];
    odd.activities.push(odd.activities[0].clone());
    odd.allocations[0].hours_per_week = f64::INFINITY;
    odd.allocations[1].hours_per_week = f64::NAN;
    odd.allocations
        .push(allocation(9, 404, 1, 5.0, "2026-W48", "2026-W30"));
    odd.holidays = vec![Holiday {
        date: NaiveDate::MAX,
        name: String::new(),
    }];
    odd.skills.push(odd.skills[0].clone());
    plans.push(odd);
    for plan in &plans {
        for on in extremes {
            let findings = coverage(plan, on);
            assert_eq!(coverage(plan, on), findings);
            assert!(findings
                .iter()
                .all(|finding| finding.message.ends_with('.')));
            supply_and_demand(plan, on);
            for activity in &plan.activities {
                for candidate in candidates(plan, activity.id, on) {
                    assert!(candidate.free_hours >= 0.0 && candidate.score.is_finite());
                }
            }
            for (hours, weeks) in [
                (f64::NAN, 2),
                (f64::INFINITY, 1),
                (-3.0, 0),
                (8.0, u32::MAX),
            ] {
                engagement_candidates(plan, &needs(&[(2, 3)]), hours, weeks, week("2026-W48"), on);
            }
            for person in &plan.people {
                for (from, to) in [(on, NaiveDate::MAX), (NaiveDate::MIN, on)] {
                    assert!(available_hours(plan, person, from, to) >= 0.0);
                }
            }
        }
    }
}
