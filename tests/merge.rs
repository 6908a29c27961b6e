//! Compare and merge on hand-made files (`tests/data/merge/`, see its
//! README): a plan sent out as revision `r1` (`base`), edited here (`ours`)
//! and by the client (`theirs`, exported as `c1`). The changes listed, their
//! marks and the merged plan are checked against expected files; run with
//! `UPDATE_GOLDEN=1` to rewrite those after a deliberate change, and read
//! the diff.

use std::fs;
use std::path::PathBuf;

use opsboard::persist::{self, diff};

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/merge")
        .join(name)
}

fn plan(name: &str) -> opsboard::model::Plan {
    let text = fs::read_to_string(path(name)).expect("the file exists");
    persist::decode(&text).unwrap_or_else(|error| panic!("{name} opens: {error}"))
}

/// One line a change: `[x]` picked, `[ ]` not, `[!]` a conflict.
fn listing(comparison: &diff::Comparison) -> String {
    let mut text = String::new();
    for change in &comparison.changes {
        let mark = match (change.conflict, change.suggested) {
            (true, _) => "[!]",
            (false, true) => "[x]",
            (false, false) => "[ ]",
        };
        text.push_str(&format!("{mark} {}: {}\n", change.label, change.text));
    }
    for (old, new) in &comparison.renumbered {
        text.push_str(&format!("renumbered {old} -> {new}\n"));
    }
    text
}

fn check(name: &str, actual: &str) {
    let expected_path = path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::write(&expected_path, actual).expect("write the expected file");
    }
    let expected = fs::read_to_string(&expected_path).expect("the expected file exists");
    assert_eq!(
        actual, expected,
        "{name} differs (UPDATE_GOLDEN=1 rewrites it)"
    );
}

#[test]
fn the_common_version_is_found_from_the_lineages() {
    let (ours, theirs) = (plan("ours.opsboard.json"), plan("theirs.opsboard.json"));
    let common = diff::common_revision(ours.lineage.as_ref(), theirs.lineage.as_ref(), |_| true);
    assert_eq!(common.as_deref(), Some("r1"));
    // Without the kept file there is no common version.
    assert_eq!(
        diff::common_revision(ours.lineage.as_ref(), theirs.lineage.as_ref(), |_| false),
        None
    );
}

#[test]
fn three_way_lists_their_changes_marks_the_conflict_and_merges() {
    let (base, ours, theirs) = (
        plan("base.opsboard.json"),
        plan("ours.opsboard.json"),
        plan("theirs.opsboard.json"),
    );
    let comparison = diff::compare(&ours, &theirs, Some(&base)).expect("compares");
    check("three-way.txt", &listing(&comparison));
    assert_eq!(comparison.conflicts(), 1);

    let picked: Vec<bool> = comparison.changes.iter().map(|c| c.suggested).collect();
    let merged = comparison
        .apply(&picked)
        .expect("the suggested changes merge");
    check("merged.opsboard.json", &persist::encode(&merged));

    // Ours is untouched where they did not change anything, and both new
    // activities are there.
    let titles: Vec<&str> = merged.activities.iter().map(|a| a.title.as_str()).collect();
    assert!(titles.contains(&"Intake form (ours)"));
    assert!(titles.contains(&"Backup review"));
    assert!(titles.contains(&"Firewall audit"));
}

#[test]
fn two_way_lists_every_difference_and_picks_none() {
    let (ours, theirs) = (plan("ours.opsboard.json"), plan("theirs.opsboard.json"));
    let comparison = diff::compare(&ours, &theirs, None).expect("compares");
    check("two-way.txt", &listing(&comparison));
    assert!(comparison
        .changes
        .iter()
        .all(|c| !c.suggested && !c.conflict));
    let mut everything = comparison
        .apply(&vec![true; comparison.changes.len()])
        .expect("all");
    everything.lineage = theirs.lineage.clone();
    assert_eq!(
        everything, theirs,
        "taking every difference gives their plan"
    );
}
