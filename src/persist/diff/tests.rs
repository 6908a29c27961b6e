//! Comparisons and merges of two plans, two-way and three-way, and the
//! plans they make.

use chrono::{Duration, NaiveDate};

use super::merge::merge_list;
use super::*;
use crate::command::history::History;
use crate::model::demo::demo_plan;
use crate::model::{
    Activity, ActivityId, Allocation, AllocationId, Assignee, Commitment, PersonId, PlanId,
};
use crate::persist::share;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("date")
}

fn demo() -> Plan {
    let mut plan = demo_plan(PlanId(1), today());
    plan.sort_canonically();
    plan
}

fn activity(plan: &mut Plan, id: u32) -> &mut Activity {
    plan.activities
        .iter_mut()
        .find(|activity| activity.id == ActivityId(id))
        .expect("the demo has this activity")
}

fn allocation(plan: &mut Plan, id: u32) -> &mut Allocation {
    plan.allocations
        .iter_mut()
        .find(|allocation| allocation.id == AllocationId(id))
        .expect("the demo has this allocation")
}

fn texts(comparison: &Comparison) -> Vec<String> {
    comparison
        .changes
        .iter()
        .map(|change| format!("{}: {}", change.label, change.text))
        .collect()
}

fn suggested(comparison: &Comparison) -> Vec<bool> {
    comparison
        .changes
        .iter()
        .map(|change| change.suggested)
        .collect()
}

fn all(comparison: &Comparison) -> Vec<bool> {
    vec![true; comparison.changes.len()]
}

#[test]
fn a_plan_compared_with_itself_has_no_changes_and_merges_to_itself() {
    let plan = demo();
    for base in [None, Some(&plan)] {
        let comparison = compare(&plan, &plan, base).expect("compares");
        assert!(comparison.changes.is_empty(), "{:?}", texts(&comparison));
        assert_eq!(comparison.apply(&[]).expect("applies"), plan);
    }
}

/// Each edit of their copy, and the one change a two-way comparison shows.
#[test]
fn two_way_changes_read_as_sentences() {
    type Edit = fn(&mut Plan);
    let cases: [(Edit, &str); 9] = [
        (
            |plan| activity(plan, 2).owner = Some(PersonId(3)),
            "Activity “Standard Azure landing zone in Terraform”: owner: Tom Becker → Lena Novak",
        ),
        (
            |plan| {
                let deadline = activity(plan, 2).deadline.expect("a deadline");
                activity(plan, 2).deadline = Some(deadline + Duration::days(7));
            },
            "(7 days later)",
        ),
        (
            |plan| allocation(plan, 2).hours_per_week += 8.0,
            "Allocation: Tom Becker on “Standard Azure landing zone in Terraform”: hours per week: 14 → 22 (+8)",
        ),
        (
            |plan| {
                let last = allocation(plan, 2).last_week;
                allocation(plan, 2).last_week = last.plus_weeks(2);
            },
            "last week: ",
        ),
        (
            |plan| plan.goal.target = 5.0,
            "Plan: goal target: ",
        ),
        (
            |plan| plan.holidays.clear(),
            ": removed",
        ),
        (
            |plan| {
                // The demo's allocations run to alc-44: this one is new.
                let mut added = plan.allocations[0].clone();
                added.id = AllocationId(45);
                added.hours_per_week = 4.0;
                plan.allocations.push(added);
            },
            "h a week",
        ),
        // An email is left out of the file when empty: taking its removal
        // takes the field away.
        (
            |plan| plan.people[0].email.clear(),
            "email: priya.raman@harbourline-it.example → none",
        ),
        (
            |plan| plan.people[1].email = "tom@harbourline-it.example".to_string(),
            "email: tom.becker@harbourline-it.example → tom@harbourline-it.example",
        ),
    ];
    for (edit, expected) in cases {
        let ours = demo();
        let mut theirs = demo();
        edit(&mut theirs);
        theirs.sort_canonically();
        let comparison = compare(&ours, &theirs, None).expect("compares");
        let shown = texts(&comparison);
        assert!(!comparison.three_way);
        assert!(
            shown.iter().all(|text| !text.is_empty())
                && shown.iter().any(|text| text.contains(expected)),
            "expected a change containing {expected:?}, got {shown:?}"
        );
        assert!(comparison
            .changes
            .iter()
            .all(|change| !change.suggested && !change.conflict));
        // Nothing is taken unless asked; everything taken gives their plan.
        assert_eq!(comparison.apply(&[]).expect("nothing taken"), ours);
        assert_eq!(
            comparison.apply(&all(&comparison)).expect("all taken"),
            theirs
        );
    }
}

#[test]
fn a_week_moved_reads_in_weeks() {
    let ours = demo();
    let mut theirs = demo();
    let last = allocation(&mut theirs, 2).last_week;
    allocation(&mut theirs, 2).last_week = last.plus_weeks(2);
    let comparison = compare(&ours, &theirs, None).expect("compares");
    assert_eq!(comparison.changes.len(), 1);
    assert!(
        comparison.changes[0].text.ends_with("(2 weeks later)"),
        "{}",
        comparison.changes[0].text
    );
    assert_eq!(comparison.changes[0].field.as_deref(), Some("last_week"));
}

#[test]
fn three_way_shows_only_their_changes_and_keeps_ours() {
    let base = demo();
    let mut ours = demo();
    activity(&mut ours, 1).title = "Map onboarding (ours)".to_string();
    let mut theirs = demo();
    activity(&mut theirs, 4).title = "Intake form (theirs)".to_string();
    allocation(&mut theirs, 5).hours_per_week = 14.0;

    let comparison = compare(&ours, &theirs, Some(&base)).expect("compares");
    assert!(comparison.three_way);
    assert_eq!(comparison.changes.len(), 2, "{:?}", texts(&comparison));
    assert_eq!(comparison.conflicts(), 0);
    assert_eq!(suggested(&comparison), [true, true]);

    let merged = comparison.apply(&suggested(&comparison)).expect("merges");
    let titles: Vec<&str> = merged.activities.iter().map(|a| a.title.as_str()).collect();
    assert!(titles.contains(&"Map onboarding (ours)"));
    assert!(titles.contains(&"Intake form (theirs)"));
    assert_eq!(merged.allocations[4].hours_per_week, 14.0);
}

#[test]
fn both_changing_a_field_differently_is_a_conflict_left_as_ours() {
    let base = demo();
    let mut ours = demo();
    activity(&mut ours, 2).effort_hours = 100.0;
    let mut theirs = demo();
    activity(&mut theirs, 2).effort_hours = 140.0;
    // The same change on both sides is no change at all.
    activity(&mut ours, 3).impact = 1;
    activity(&mut theirs, 3).impact = 1;

    let comparison = compare(&ours, &theirs, Some(&base)).expect("compares");
    assert_eq!(
        texts(&comparison),
        ["Activity “Standard Azure landing zone in Terraform”: effort hours: 100 → 140 (+40)"]
    );
    assert_eq!(comparison.conflicts(), 1);
    assert_eq!(suggested(&comparison), [false]);
    assert_eq!(
        comparison
            .apply(&suggested(&comparison))
            .expect("keeps ours"),
        ours
    );
    let taken = comparison.apply(&[true]).expect("takes theirs");
    assert_eq!(taken.activities[1].effort_hours, 140.0);
}

#[test]
fn removals_three_way() {
    let base = demo();
    // They removed a holiday we did not touch: suggested.
    let mut theirs = demo();
    let holiday = theirs.holidays.remove(0);
    let comparison = compare(&base, &theirs, Some(&base)).expect("compares");
    assert_eq!(comparison.changes.len(), 1);
    assert_eq!(comparison.changes[0].action, Action::Removed);
    assert!(comparison.changes[0].suggested && !comparison.changes[0].conflict);
    assert_eq!(comparison.changes[0].key, holiday.date.to_string());
    assert_eq!(comparison.apply(&[true]).expect("removes"), theirs);

    // They removed what we changed: a conflict.
    let mut ours = demo();
    ours.holidays[0].name = "Renamed".to_string();
    let comparison = compare(&ours, &theirs, Some(&base)).expect("compares");
    assert!(comparison.changes[0].conflict, "{:?}", texts(&comparison));
    assert!(comparison.changes[0]
        .text
        .contains("they removed it; you changed it"));

    // We removed what they changed: a conflict offering it back.
    let mut ours = demo();
    ours.holidays.remove(0);
    let mut theirs = demo();
    theirs.holidays[0].name = "Renamed".to_string();
    let comparison = compare(&ours, &theirs, Some(&base)).expect("compares");
    assert_eq!(comparison.changes[0].action, Action::Added);
    assert!(comparison.changes[0].conflict);
    assert_eq!(comparison.apply(&[true]).expect("adds it back"), theirs);

    // We removed what they did not touch: nothing to show.
    let comparison = compare(&ours, &base, Some(&base)).expect("compares");
    assert!(comparison.changes.is_empty());
}

#[test]
fn a_change_that_cannot_stand_alone_is_refused_with_the_field() {
    // They add an initiative and an allocation to it, each under the next
    // id after the demo's (act-20 and alc-44).
    let ours = demo();
    let mut theirs = demo();
    let mut added = activity(&mut theirs, 4).clone();
    added.id = ActivityId(21);
    added.title = "Runbook for new clients".to_string();
    added.depends_on = Vec::new();
    theirs.activities.push(added);
    theirs.allocations.push(Allocation {
        id: AllocationId(45),
        assignee: Assignee::Person(PersonId(8)),
        activity: ActivityId(21),
        commitment: Commitment::Confirmed,
        scenario: None,
        ..theirs.allocations[4].clone()
    });
    theirs.sort_canonically();

    let comparison = compare(&ours, &theirs, Some(&ours)).expect("compares");
    assert_eq!(
        comparison
            .changes
            .iter()
            .map(|change| (change.kind, change.action))
            .collect::<Vec<_>>(),
        [
            (Kind::Activity, Action::Added),
            (Kind::Allocation, Action::Added)
        ]
    );
    assert!(comparison.changes[1]
        .label
        .contains("“Runbook for new clients”"));
    let error = comparison
        .apply(&[false, true])
        .expect_err("the allocation needs its activity");
    assert!(
        error.to_string().contains(
            "plan.allocations[alc-45].activity: allocation to act-21, which is not in the plan"
        ),
        "{error}"
    );
    assert_eq!(comparison.apply(&[true, true]).expect("both"), theirs);
}

#[test]
fn things_both_added_under_one_id_are_kept_apart() {
    // Both add an initiative under act-21, the next id after the demo's
    // act-20; theirs becomes act-22.
    let base = demo();
    let mut ours = demo();
    let mut mine = activity(&mut ours, 4).clone();
    mine.id = ActivityId(21);
    mine.title = "Ours: backup review".to_string();
    mine.depends_on = Vec::new();
    ours.activities.push(mine);

    let mut theirs = demo();
    let mut other = activity(&mut theirs, 4).clone();
    other.id = ActivityId(21);
    other.title = "Theirs: firewall audit".to_string();
    other.depends_on = Vec::new();
    theirs.activities.push(other);
    // Their allocation on their new activity follows it to its new id.
    theirs.allocations.push(Allocation {
        id: AllocationId(45),
        activity: ActivityId(21),
        ..theirs.allocations[4].clone()
    });
    activity(&mut theirs, 6).depends_on.push(ActivityId(21));

    let comparison = compare(&ours, &theirs, Some(&base)).expect("compares");
    assert_eq!(
        comparison.renumbered,
        [("act-21".to_string(), "act-22".to_string())]
    );
    let merged = comparison
        .apply(&vec![true; comparison.changes.len()])
        .expect("merges");
    let titled = |title: &str| {
        merged
            .activities
            .iter()
            .find(|a| a.title == title)
            .map(|a| a.id)
    };
    assert_eq!(titled("Ours: backup review"), Some(ActivityId(21)));
    assert_eq!(titled("Theirs: firewall audit"), Some(ActivityId(22)));
    let theirs_allocation = merged
        .allocations
        .iter()
        .find(|allocation| allocation.id == AllocationId(45))
        .expect("their allocation");
    assert_eq!(theirs_allocation.activity, ActivityId(22));
    assert!(activity(&mut merged.clone(), 6)
        .depends_on
        .contains(&ActivityId(22)));
}

#[test]
fn a_client_copy_compares_only_against_the_copy_it_was_made_from() {
    let full = demo();
    let sent = share::client_safe(
        &full,
        share::ClientSafe {
            names_as_roles: true,
        },
    );
    let error = compare(&full, &sent, None).expect_err("two-way is refused");
    assert!(error.to_string().contains("client-safe copy"));

    // The client moved a deadline; the merge shows that and nothing of what
    // the client copy leaves out, and the full plan keeps all of it.
    let mut returned = sent.clone();
    let deadline = activity(&mut returned, 6).deadline.expect("a deadline");
    activity(&mut returned, 6).deadline = Some(deadline + Duration::days(14));
    let comparison = compare(&full, &returned, Some(&sent)).expect("three-way");
    assert_eq!(comparison.changes.len(), 1, "{:?}", texts(&comparison));
    assert!(comparison.changes[0].text.contains("(14 days later)"));
    let merged = comparison.apply(&[true]).expect("merges");
    assert!(!merged.client_copy);
    assert_eq!(merged.people, full.people);
    assert_eq!(merged.allocations, full.allocations);
    assert_eq!(
        activity(&mut merged.clone(), 6).deadline,
        Some(deadline + Duration::days(14))
    );
}

#[test]
fn the_common_revision_is_the_newest_both_have_and_this_browser_kept() {
    let lineage = |origin: &str, revisions: &[&str]| Lineage {
        origin: origin.to_string(),
        revisions: revisions.iter().map(|r| r.to_string()).collect(),
    };
    let ours = lineage("o1", &["r5", "r3", "r2", "r1"]);
    let theirs = lineage("o1", &["c1", "r3", "r2", "r1"]);
    assert_eq!(
        common_revision(Some(&ours), Some(&theirs), |_| true).as_deref(),
        Some("r3")
    );
    assert_eq!(
        common_revision(Some(&ours), Some(&theirs), |r| r != "r3").as_deref(),
        Some("r2")
    );
    assert_eq!(
        common_revision(Some(&ours), Some(&lineage("o2", &["r3"])), |_| true),
        None
    );
    assert_eq!(common_revision(None, Some(&theirs), |_| true), None);

    // A merge remembers their revisions, so their next file finds it.
    let mut our_plan = demo();
    our_plan.lineage = Some(ours.clone());
    let mut their_plan = demo();
    their_plan.lineage = Some(theirs.clone());
    let merged = compare(&our_plan, &their_plan, None)
        .expect("compares")
        .apply(&[])
        .expect("applies");
    assert_eq!(
        merged.lineage,
        Some(lineage("o1", &["r5", "r3", "r2", "r1", "c1"]))
    );
    assert_eq!(
        ours.with_revision("r6").revisions[..2],
        ["r6".to_string(), "r5".to_string()]
    );
}

#[test]
fn undo_keeps_the_lineage() {
    let mut history = History::new(demo());
    history
        .execute(
            &crate::command::Command::RenamePlan("Renamed".to_string()),
            today(),
        )
        .expect("renames");
    let lineage = Lineage {
        origin: "o1".to_string(),
        revisions: vec!["r1".to_string()],
    };
    history.set_lineage(Some(lineage.clone()));
    history.undo();
    assert_eq!(history.plan().lineage, Some(lineage.clone()));
    history.redo();
    assert_eq!(history.plan().lineage, Some(lineage));
}

#[test]
fn the_lineage_travels_in_the_file() {
    let mut plan = demo();
    plan.lineage = Some(Lineage {
        origin: "a1b2".to_string(),
        revisions: vec!["r2".to_string(), "r1".to_string()],
    });
    let text = super::super::encode(&plan);
    assert!(
        text.contains("\"origin\": {\n    \"id\": \"a1b2\""),
        "{}",
        &text[..300]
    );
    assert_eq!(super::super::decode(&text).expect("reads"), plan);

    for (origin, field) in [
        (r#"{"id": ""}"#, "origin.id"),
        (r#"{"id": "a b"}"#, "origin.id"),
        (
            r#"{"id": "a", "revisions": ["ok", "<x>"]}"#,
            "origin.revisions[1]",
        ),
        (r#"{"id": "a", "extra": 1}"#, "origin.extra"),
        (r#""a""#, "origin"),
    ] {
        let broken = text.replacen(
            "\"origin\": {\n    \"id\": \"a1b2\",",
            &format!("\"origin\": {origin}, \"was\": {{"),
            1,
        );
        let error = super::super::decode(&broken).expect_err("refused");
        assert_eq!(error.path().as_deref(), Some(field), "{error}");
    }
}

#[test]
fn a_revision_is_the_hash_of_the_content_without_the_lineage() {
    let plan = demo();
    let revision = crate::persist::revision_of(&plan);
    assert_eq!(revision.len(), 16);
    let mut with_lineage = plan.clone();
    with_lineage.lineage = Some(Lineage {
        origin: "o1".to_string(),
        revisions: vec![revision.clone()],
    });
    assert_eq!(crate::persist::revision_of(&with_lineage), revision);
    let mut changed = plan.clone();
    changed.name.push('!');
    assert_ne!(crate::persist::revision_of(&changed), revision);
    // Exporting an unchanged plan again adds no revision.
    let lineage = with_lineage.lineage.clone().expect("set");
    assert_eq!(lineage.with_revision(&revision), lineage);
}

fn person(plan: &mut Plan, id: u32) -> &mut crate::model::Person {
    plan.people
        .iter_mut()
        .find(|person| person.id == PersonId(id))
        .expect("the demo has this person")
}

#[test]
fn lists_inside_a_thing_merge_item_by_item() {
    use crate::model::{SkillId, SkillLevel};
    let base = demo();
    let mut ours = demo();
    let mut theirs = demo();
    // Each adds a different dependency to the pilot; we drop one it had.
    activity(&mut ours, 6).depends_on = vec![ActivityId(5), ActivityId(2)];
    activity(&mut theirs, 6).depends_on.push(ActivityId(3));
    // We change one of Tom's skill levels, they add a skill he did not have.
    let first_skill = person(&mut ours, 2).skills[0].skill;
    person(&mut ours, 2).skills[0].level = 2;
    person(&mut theirs, 2).skills.push(SkillLevel {
        skill: SkillId(4),
        level: 2,
    });

    let comparison = compare(&ours, &theirs, Some(&base)).expect("compares");
    assert_eq!(comparison.conflicts(), 0, "{:?}", texts(&comparison));
    assert_eq!(suggested(&comparison), vec![true; comparison.changes.len()]);
    let merged = comparison.apply(&suggested(&comparison)).expect("merges");
    let pilot = merged
        .activities
        .iter()
        .find(|a| a.id == ActivityId(6))
        .expect("pilot");
    let mut depends_on = pilot.depends_on.clone();
    depends_on.sort();
    assert_eq!(depends_on, [ActivityId(2), ActivityId(3), ActivityId(5)]);
    let tom = merged
        .people
        .iter()
        .find(|p| p.id == PersonId(2))
        .expect("Tom");
    assert!(
        tom.skills.contains(&SkillLevel {
            skill: first_skill,
            level: 2
        }),
        "{:?}",
        tom.skills
    );
    assert!(
        tom.skills.contains(&SkillLevel {
            skill: SkillId(4),
            level: 2
        }),
        "{:?}",
        tom.skills
    );
}

#[test]
fn the_same_item_changed_both_ways_is_still_a_conflict() {
    let base = demo();
    let mut ours = demo();
    let mut theirs = demo();
    person(&mut ours, 2).skills[0].level = 2;
    person(&mut theirs, 2).skills[0].level = 1;
    let comparison = compare(&ours, &theirs, Some(&base)).expect("compares");
    assert_eq!(comparison.conflicts(), 1, "{:?}", texts(&comparison));
    assert_eq!(
        comparison
            .apply(&suggested(&comparison))
            .expect("keeps ours"),
        ours
    );
}

#[test]
fn merge_list_cases() {
    use serde_json::json;
    let list = |value: serde_json::Value| value.as_array().cloned().expect("a list");
    // (base, ours, theirs, merged or None for a collision)
    let cases = [
        (
            json!([1, 2]),
            json!([1, 2, 3]),
            json!([1, 2, 4]),
            Some(json!([1, 2, 3, 4])),
        ),
        (
            json!([1, 2]),
            json!([2]),
            json!([1, 2, 4]),
            Some(json!([2, 4])),
        ),
        (json!([1, 2]), json!([1]), json!([2]), Some(json!([]))),
        (
            json!([1]),
            json!([1, 3]),
            json!([1, 3]),
            Some(json!([1, 3])),
        ),
        (
            json!([{"skill": "skl-1", "level": 3}]),
            json!([{"skill": "skl-1", "level": 4}]),
            json!([{"skill": "skl-1", "level": 3}, {"skill": "skl-2", "level": 1}]),
            Some(json!([{"skill": "skl-1", "level": 4}, {"skill": "skl-2", "level": 1}])),
        ),
        (
            json!([{"skill": "skl-1", "level": 3}]),
            json!([{"skill": "skl-1", "level": 4}]),
            json!([{"skill": "skl-1", "level": 2}]),
            None,
        ),
        // Added by both under one key, differently.
        (
            json!([]),
            json!([{"name": "AZ-104", "issuer": "MS"}]),
            json!([{"name": "AZ-104", "issuer": "Microsoft"}]),
            None,
        ),
        // Removed by us, changed by them.
        (
            json!([{"text": "a", "done": false}]),
            json!([]),
            json!([{"text": "a", "done": true}]),
            None,
        ),
        // Changed by us, removed by them.
        (
            json!([{"text": "a", "done": false}]),
            json!([{"text": "a", "done": true}]),
            json!([]),
            None,
        ),
    ];
    for (base, ours, theirs, expected) in cases {
        let merged = merge_list(
            &list(base.clone()),
            &list(ours.clone()),
            &list(theirs.clone()),
        );
        assert_eq!(
            merged,
            expected.map(list),
            "base {base} ours {ours} theirs {theirs}"
        );
    }
}
