//! Risk rules, each with hand-made dates and the sentences it must say.

use super::*;
use crate::model::{
    Allocation, Certification, CheckIn, CheckInEntry, CheckInId, ChecklistItem, Commitment,
    Holiday, Leave, Person, PlanId, Skill, SkillId, SkillLevel, SkillRequirement, StatusChange,
};
use crate::test_support::{allocation, date, day, demo, leave, today};

/// A plan that raises no risk on [`today`]: Tom Becker (Terraform at
/// level 2, an Azure certificate valid until mid-2027) owns 'Landing
/// zone', from Monday 2026-11-23 to Friday 2026-12-04; Lena Novak owns
/// 'Tenant baseline', from 2026-12-07 to 2026-12-18, which waits on the
/// landing zone. Both work 40 hours, Monday to Friday. Neither has hours
/// planned yet, so neither is short of staff (see the load tests).
fn base() -> Plan {
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
fn lines(plan: &Plan, today: NaiveDate) -> Vec<(String, String)> {
    lines_with(plan, &Options::default(), today)
}

/// [`lines`], counting with `options`.
fn lines_with(plan: &Plan, options: &Options, today: NaiveDate) -> Vec<(String, String)> {
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
fn check_plan(mut plan: Plan, edit: impl FnOnce(&mut Plan), today: NaiveDate, expected: &[&str]) {
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
fn check(edit: impl FnOnce(&mut Plan), today: NaiveDate, expected: &[&str]) {
    check_plan(base(), edit, today, expected);
}

fn status(plan: &mut Plan, index: usize, status: Status, since: NaiveDate) {
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

fn checkin(
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

fn ticked(done_on: Option<NaiveDate>) -> ChecklistItem {
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
fn overdue_starts_the_day_after_the_deadline() {
    // No effort, so a landing zone due on the day it is looked at is
    // not also an overload.
    check(|_| {}, date("2026-12-04"), &[]);
    check(
        |_| {},
        date("2026-12-05"),
        &[
            "act-1 High Overdue per-1 | Due on 2026-12-04, 1 day ago, and still not started. | Agree a new deadline with Tom Becker, or cut the work to what can be finished now, and tell the owner of the activity that waits on it.",
            "act-2 High Waiting per-1 | Waits on 'Landing zone' (Not started, Tom Becker), which was due on 2026-12-04 and is 1 day overdue. | Ask Tom Becker for a new date for 'Landing zone', and check that this activity's own dates still hold.",
        ],
    );
    check(
        |plan| {
            plan.activities[0].status = Status::InProgress;
            plan.activities[0].done_definition.checklist =
                vec![ticked(Some(date("2026-12-10"))), ticked(None)];
            plan.activities[1].depends_on.clear();
        },
        date("2026-12-14"),
        &["act-1 High Overdue per-1 | Due on 2026-12-04, 10 days ago, and still in progress, with 1 of 2 checklist items ticked. | Agree a new deadline with Tom Becker, or cut the work to what can be finished now."],
    );
    // Done work is never at risk, and nothing waits on it.
    check(
        |plan| plan.activities[0].status = Status::Done,
        date("2026-12-05"),
        &[],
    );
}

#[test]
fn stale_starts_at_the_threshold_day() {
    check(
        |plan| status(plan, 0, Status::InProgress, day(-7)),
        today(),
        &[],
    );
    check(
        |plan| status(plan, 0, Status::InProgress, day(-8)),
        today(),
        &["act-1 Medium Stale per-1 | In progress since 2026-11-15 with no status change, checklist tick or check-in note since 2026-11-15 (8 days). | Ask Tom Becker what is in the way; if something is, mark it Blocked and name it."],
    );
    // A checklist tick is movement; a date on an unticked item is not.
    check(
        |plan| {
            status(plan, 0, Status::InProgress, day(-30));
            plan.activities[0].done_definition.checklist = vec![ticked(Some(day(-7)))];
        },
        today(),
        &[],
    );
    check(
        |plan| {
            status(plan, 0, Status::InProgress, day(-30));
            plan.activities[0].done_definition.checklist = vec![
                ticked(Some(day(-8))),
                ChecklistItem {
                    text: "not ticked".to_string(),
                    done: false,
                    done_on: Some(day(-1)),
                },
            ];
        },
        today(),
        &["act-1 Medium Stale per-1 | In progress since 2026-10-24 with no status change, checklist tick or check-in note since 2026-11-15 (8 days). | Ask Tom Becker what is in the way; if something is, mark it Blocked and name it."],
    );
    // A check-in note about it is movement, moved or blocked; an entry
    // with nothing said is not.
    for (moved, blocked, expected) in [
        ("Hub module merged.", "", &[][..]),
        ("", "Waiting for the firewall change.", &[][..]),
        ("  ", "", &["act-1 Medium Stale"][..]),
    ] {
        check(
            |plan| {
                status(plan, 0, Status::InProgress, day(-30));
                plan.checkins = vec![checkin(day(-7), 1, moved, blocked, false)];
            },
            today(),
            expected,
        );
    }
    // A note about another activity does not count.
    check(
        |plan| {
            status(plan, 0, Status::InProgress, day(-30));
            plan.checkins = vec![checkin(day(-1), 2, "Moved.", "", false)];
        },
        today(),
        &["act-1 Medium Stale"],
    );
    // The threshold is the plan's.
    check(
        |plan| {
            plan.settings.stale_after_days = 3;
            status(plan, 0, Status::InProgress, day(-2));
        },
        today(),
        &[],
    );
    check(
        |plan| {
            plan.settings.stale_after_days = 3;
            status(plan, 0, Status::InProgress, day(-3));
        },
        today(),
        &["act-1 Medium Stale"],
    );
    // Only work in progress goes stale.
    check(
        |plan| status(plan, 0, Status::Blocked, day(-30)),
        today(),
        &[],
    );
    // With nothing recorded the start stands in; with no start either
    // there is nothing to go on.
    check(
        |plan| {
            plan.activities[0].status = Status::InProgress;
            plan.activities[0].start = Some(day(-10));
        },
        today(),
        &["act-1 Medium Stale per-1 | In progress with no status change, checklist tick or check-in note recorded since it started on 2026-11-13 (10 days). | Ask Tom Becker what is in the way; if something is, mark it Blocked and name it."],
    );
    check(
        |plan| {
            plan.activities[0].status = Status::InProgress;
            plan.activities[0].start = None;
        },
        today(),
        &[],
    );
}

#[test]
fn waiting_starts_when_the_dependency_is_due_after_the_start() {
    // The tenant baseline starts on 2026-12-07.
    check(
        |plan| plan.activities[0].deadline = Some(date("2026-12-07")),
        today(),
        &[],
    );
    check(
        |plan| plan.activities[0].deadline = Some(date("2026-12-08")),
        today(),
        &["act-2 Medium Waiting per-1 | Starts on 2026-12-07, but waits on 'Landing zone' (Not started, Tom Becker), due 2026-12-08. | Agree with Tom Becker the day 'Landing zone' will be done, then move this start after it or begin with the part that does not need it."],
    );
    // Done dependencies and dependencies without a deadline are no risk.
    check(
        |plan| {
            plan.activities[0].deadline = Some(date("2026-12-08"));
            plan.activities[0].status = Status::Done;
        },
        today(),
        &[],
    );
    check(|plan| plan.activities[0].deadline = None, today(), &[]);
    // Repeats, unknown ids and the activity itself count once or not
    // at all.
    check(
        |plan| {
            plan.activities[0].deadline = Some(date("2026-12-08"));
            plan.activities[1].depends_on =
                vec![ActivityId(1), ActivityId(9), ActivityId(1), ActivityId(2)];
        },
        today(),
        &["act-2 Medium Waiting"],
    );
    // A dependency without an owner is still named.
    check(
        |plan| {
            plan.activities[0].deadline = Some(date("2026-12-08"));
            plan.activities[0].owner = None;
        },
        today(),
        &[
            "act-1 High No owner",
            "act-2 Medium Waiting nobody | Starts on 2026-12-07, but waits on 'Landing zone' (Not started, no owner), due 2026-12-08. | Agree with its team the day 'Landing zone' will be done, then move this start after it or begin with the part that does not need it.",
        ],
    );
}

#[test]
fn an_impossible_order_is_a_dependency_due_after_the_deadline() {
    // Without a start the tenant baseline cannot be waiting, so the
    // order is tested alone; it is due on 2026-12-18.
    check(
        |plan| {
            plan.activities[1].start = None;
            plan.activities[0].deadline = Some(date("2026-12-18"));
        },
        today(),
        &[],
    );
    check(
        |plan| {
            plan.activities[1].start = None;
            plan.activities[0].deadline = Some(date("2026-12-19"));
        },
        today(),
        &["act-2 High Impossible order per-1 | Due on 2026-12-18, but it waits on 'Landing zone' (Not started, Tom Becker), which is due later, on 2026-12-19. | Move this deadline after 2026-12-19, or agree with Tom Becker to finish 'Landing zone' well before 2026-12-18."],
    );
    // With its start, it also waits; a blocked dependency counts too.
    check(
        |plan| {
            plan.activities[0].deadline = Some(date("2026-12-19"));
            plan.activities[0].status = Status::Blocked;
        },
        today(),
        &["act-2 High Impossible order", "act-2 Medium Waiting"],
    );
}

#[test]
fn a_midpoint_is_missed_the_day_after_without_a_checkin_covering_it() {
    // The landing zone started on 2026-11-09, its midpoint 2026-11-20.
    let midpoint = |plan: &mut Plan, on: &str| {
        plan.activities[0].start = Some(date("2026-11-09"));
        plan.activities[0].checkin = Some(date(on));
    };
    check(|plan| midpoint(plan, "2026-11-23"), today(), &[]);
    check(
        |plan| midpoint(plan, "2026-11-20"),
        today(),
        &["act-1 Medium Missed check-in per-1 | The midpoint check-in was due on 2026-11-20, 3 days ago, and no check-in since has an entry for this activity. | Hold the midpoint check-in with Tom Becker now (is it on track for 2026-12-04?) and record it with \"covers midpoint\" ticked."],
    );
    // A check-in on the day with an entry covers it, even one that says
    // nothing; one the day before does not, nor one about other work.
    let cases = [
        ("2026-11-20", 1, false, &[][..]),
        ("2026-11-22", 1, false, &[][..]),
        (
            "2026-11-19",
            1,
            false,
            &["act-1 Medium Missed check-in"][..],
        ),
        (
            "2026-11-20",
            2,
            false,
            &["act-1 Medium Missed check-in"][..],
        ),
        // An entry marked as the midpoint covers it whenever it was.
        ("2026-11-12", 1, true, &[][..]),
    ];
    for (on, activity, covers, expected) in cases {
        check(
            |plan| {
                midpoint(plan, "2026-11-20");
                plan.checkins = vec![checkin(date(on), activity, "", "", covers)];
            },
            today(),
            expected,
        );
    }
}

#[test]
fn an_activity_needs_an_owner_in_the_plan() {
    check(
        |plan| plan.activities[0].owner = None,
        today(),
        &["act-1 High No owner nobody | Nobody owns it; it is due on 2026-12-04. | Name one owner from the plan's people in the activity form."],
    );
    check(
        |plan| {
            plan.activities[0].owner = Some(PersonId(99));
            plan.activities[0].deadline = None;
        },
        today(),
        &["act-1 High No owner nobody | Its owner per-99 is not among the plan's people. | Name one owner from the plan's people in the activity form."],
    );
}

#[test]
fn an_owner_away_for_more_than_half_the_time_left_is_flagged() {
    // Ten working days are left, 2026-11-23 to 2026-12-04.
    let cases = [
        // 4.5 and 5 days are not more than half.
        (vec![leave("2026-11-23", "2026-11-26", 1.0), leave("2026-11-27", "2026-11-27", 0.5)], &[][..]),
        (vec![leave("2026-11-23", "2026-11-27", 1.0)], &[][..]),
        // Two leaves on the same days count each day once.
        (vec![leave("2026-11-23", "2026-11-27", 1.0), leave("2026-11-23", "2026-11-27", 1.0)], &[][..]),
        // Two half days on the same day make a whole one.
        (
            vec![leave("2026-11-23", "2026-11-27", 1.0), leave("2026-11-30", "2026-11-30", 0.5), leave("2026-11-30", "2026-11-30", 0.5)],
            &["act-1 High Owner away"][..],
        ),
        (
            vec![leave("2026-11-23", "2026-11-27", 1.0), leave("2026-11-30", "2026-11-30", 0.5)],
            &["act-1 High Owner away per-1 | Tom Becker is away on 5.5 of the 10 working days left between 2026-11-23 and 2026-12-04 (55 %): leave 2026-11-23 to 2026-11-27 (Skiing); half-day leave on 2026-11-30 (Skiing). | Hand it to someone who is there, or agree with Tom Becker what must be done before they are away and move the deadline for the rest."][..],
        ),
        // Leave on a weekend or outside the window costs nothing.
        (vec![leave("2026-11-14", "2026-11-29", 1.0)], &[][..]),
    ];
    for (leaves, expected) in cases {
        check(
            |plan| {
                plan.people[0].leave = leaves
                    .into_iter()
                    .map(|leave| Leave {
                        note: "Skiing".to_string(),
                        ..leave
                    })
                    .collect();
            },
            today(),
            expected,
        );
    }
    // Not started yet or already gone is away too.
    check(
        |plan| plan.people[0].start_date = Some(date("2026-11-30")),
        today(),
        &[],
    );
    check(
        |plan| plan.people[0].start_date = Some(date("2026-12-01")),
        today(),
        &["act-1 High Owner away per-1 | Tom Becker is away on 6 of the 10 working days left between 2026-11-23 and 2026-12-04 (60 %): starts on 2026-12-01. | Hand it to someone who is there, or agree with Tom Becker what must be done before they are away and move the deadline for the rest."],
    );
    check(
        |plan| plan.people[0].end_date = Some(date("2026-11-27")),
        today(),
        &[],
    );
    check(
        |plan| plan.people[0].end_date = Some(date("2026-11-26")),
        today(),
        &["act-1 High Owner away per-1 | Tom Becker is away on 6 of the 10 working days left between 2026-11-23 and 2026-12-04 (60 %): last working day 2026-11-26. | Hand it to someone who is there, or agree with Tom Becker what must be done before they are away and move the deadline for the rest."],
    );
    // Public holidays are not working days: with two of them, 8 days
    // are left and 4 away is half.
    let holidays = |plan: &mut Plan, leave_until: &str| {
        plan.holidays = ["2026-12-03", "2026-12-04", "2026-11-28"]
            .iter()
            .map(|on| Holiday {
                date: date(on),
                name: "Holiday".to_string(),
            })
            .collect();
        plan.people[0].leave = vec![leave("2026-11-23", leave_until, 1.0)];
    };
    check(|plan| holidays(plan, "2026-11-26"), today(), &[]);
    check(
        |plan| holidays(plan, "2026-11-27"),
        today(),
        &["act-1 High Owner away"],
    );
    // The share is the plan's; the window starts at the start, not
    // today, once the work has not started.
    check(
        |plan| {
            plan.settings.owner_away_share = 0.4;
            plan.people[0].leave = vec![leave("2026-11-23", "2026-11-27", 1.0)];
        },
        today(),
        &["act-1 High Owner away"],
    );
    check(
        |plan| {
            plan.activities[0].start = Some(date("2026-11-30"));
            plan.people[0].leave = vec![leave("2026-11-23", "2026-11-27", 1.0)];
        },
        today(),
        &[],
    );
}

#[test]
fn a_skill_gap_is_an_owner_below_the_level_needed() {
    let needs = |plan: &mut Plan, skill: u32, min_level: u8| {
        plan.activities[0].required_skills.push(SkillRequirement {
            skill: SkillId(skill),
            min_level,
        });
    };
    check(|plan| needs(plan, 1, 2), today(), &[]);
    check(
        |plan| needs(plan, 1, 3),
        today(),
        &["act-1 Medium Skill gap per-1 | Tom Becker is at level 2 (working) in Terraform; this needs 3 (strong). | Nobody else in the plan has level 3 in Terraform: plan training for Tom Becker or bring in outside help."],
    );
    check(
        |plan| {
            needs(plan, 1, 3);
            plan.people[1].skills = vec![SkillLevel {
                skill: SkillId(1),
                level: 4,
            }];
        },
        today(),
        &["act-1 Medium Skill gap per-1 | Tom Becker is at level 2 (working) in Terraform; this needs 3 (strong). | Pair Tom Becker with Lena Novak (level 3 or more in Terraform), or hand the activity over."],
    );
    // One risk a skill, in the order listed; an unknown skill is named
    // by its id.
    check(
        |plan| {
            needs(plan, 9, 1);
            needs(plan, 1, 4);
        },
        today(),
        &[
            "act-1 Medium Skill gap per-1 | Tom Becker is at level 0 (none) in skl-9; this needs 1 (learning). | Nobody else in the plan has level 1 in skl-9: plan training for Tom Becker or bring in outside help.",
            "act-1 Medium Skill gap",
        ],
    );
}

#[test]
fn a_certification_must_be_held_and_valid_through_the_deadline() {
    // The landing zone is due on 2026-12-04.
    let needs = |plan: &mut Plan, name: &str, expires: Option<NaiveDate>| {
        plan.activities[0].required_certifications = vec![name.to_string()];
        plan.people[0].certifications[0].expires = expires;
    };
    let azure = "Azure Administrator Associate";
    check(
        |plan| needs(plan, azure, Some(date("2026-12-04"))),
        today(),
        &[],
    );
    check(|plan| needs(plan, azure, None), today(), &[]);
    check(
        |plan| {
            needs(
                plan,
                " azure ADMINISTRATOR associate ",
                Some(date("2027-06-30")),
            )
        },
        today(),
        &[],
    );
    check(|plan| needs(plan, "  ", None), today(), &[]);
    check(
        |plan| needs(plan, azure, Some(date("2026-12-03"))),
        today(),
        &["act-1 Medium Certification expires per-1 | Tom Becker's 'Azure Administrator Associate' certification expires on 2026-12-03, before the deadline on 2026-12-04. | Book Tom Becker's renewal before 2026-12-03, or plan for someone certified to finish the work."],
    );
    // Valid today still counts as not expired.
    check(
        |plan| needs(plan, azure, Some(today())),
        today(),
        &["act-1 Medium Certification expires"],
    );
    check(
        |plan| needs(plan, azure, Some(day(-1))),
        today(),
        &["act-1 High Certification expires per-1 | Tom Becker's 'Azure Administrator Associate' certification expired on 2026-11-22. | Book Tom Becker's renewal by 2026-12-04, or hand the activity to someone certified."],
    );
    check(
        |plan| needs(plan, "CISSP", None),
        today(),
        &["act-1 High Certification expires per-1 | Tom Becker holds no 'CISSP' certification, which this activity requires. | Hand the activity to someone who holds 'CISSP', or book Tom Becker's exam by 2026-12-04."],
    );
    // Of two certificates of one name the later counts.
    check(
        |plan| {
            needs(plan, azure, Some(day(-1)));
            let mut renewed = plan.people[0].certifications[0].clone();
            renewed.expires = Some(date("2027-01-31"));
            plan.people[0].certifications.push(renewed);
        },
        today(),
        &[],
    );
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
fn engagement(id: u32, title: &str, effort: f64, deadline: &str) -> Activity {
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
fn with_holidays() -> Plan {
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
