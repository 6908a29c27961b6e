//! What the command-line tool `opsboard-plan` says about plan files, and the
//! merge it makes as a git merge driver: pure functions of plans and
//! comparisons, so the binary (`src/bin/opsboard-plan.rs`) only reads,
//! writes and exits.
//!
//! The merge takes every change of theirs that is not a conflict (the
//! changes `diff::compare` suggests) and keeps ours for each conflict. A
//! change that cannot stand alone (their allocation on an activity we
//! removed) is left out with its reason rather than failing the merge, so
//! the result always opens.

use serde_json::Value;

use super::diff::{self, Change, CompareError, Comparison, Kind};
use super::ImportError;
use crate::model::Plan;

/// The format version a plan file says it is written in, read from its
/// envelope without opening the plan.
pub fn file_version(text: &str) -> Option<u64> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match serde_json::from_str::<Value>(text).ok()?.get("version")? {
        Value::Number(number) => number.as_u64(),
        _ => None,
    }
}

/// `plan “Faster client onboarding”, format version 5, 15 people, 22
/// activities, 40 allocations`: what a plan file that opened holds.
pub fn plan_summary(plan: &Plan, version: Option<u64>) -> String {
    let mut parts = vec![format!("plan “{}”", plan.name)];
    if let Some(version) = version {
        parts.push(format!("format version {version}"));
    }
    if plan.client_copy {
        parts.push("a client-safe copy".to_string());
    }
    parts.extend([
        count(plan.people.len(), "person", "people"),
        count(plan.activities.len(), "activity", "activities"),
        count(plan.allocations.len(), "allocation", "allocations"),
        count(plan.checkins.len(), "check-in", "check-ins"),
    ]);
    parts.join(", ")
}

fn count(number: usize, one: &str, many: &str) -> String {
    match number {
        1 => format!("1 {one}"),
        _ => format!("{number} {many}"),
    }
}

/// Why `file` did not open, one line a reason, each starting with the file
/// name (`plan.opsboard.json: plan.activities[2].deadline: ...`), as
/// compilers write errors.
pub fn file_error(file: &str, error: &ImportError) -> String {
    let text: String = error
        .to_string()
        .lines()
        .map(|line| format!("{file}: {line}\n"))
        .collect();
    if text.is_empty() {
        return format!("{file}: cannot be opened\n");
    }
    text
}

/// The changes as lines under their kind's heading, in the comparison's
/// order: `  Activity “Patch servers”: deadline: 2026-12-01 → 2026-12-08 (7
/// days later)`. "No differences." when there are none.
pub fn changes_report(changes: &[&Change]) -> String {
    if changes.is_empty() {
        return "No differences.\n".to_string();
    }
    let mut sorted: Vec<&Change> = changes.to_vec();
    // Stable: within a kind the comparison's order (ours, then theirs) stays.
    sorted.sort_by_key(|change| change.kind);
    let mut text = String::new();
    let mut heading: Option<Kind> = None;
    for change in sorted {
        if heading != Some(change.kind) {
            heading = Some(change.kind);
            text.push_str(change.kind.heading());
            text.push('\n');
        }
        text.push_str(&format!("  {}: {}\n", change.label, change.text));
    }
    text
}

/// What `new` changed relative to `old`, grouped by kind: the lines of
/// [`changes_report`] of a two-way comparison of `old` (ours) with `new`
/// (theirs), whose texts read "old → new".
pub fn diff_report(old: &Plan, new: &Plan) -> Result<String, CompareError> {
    let comparison = diff::compare(old, new, None)?;
    let changes: Vec<&Change> = comparison.changes.iter().collect();
    Ok(changes_report(&changes))
}

/// A three-way merge of plan files: ours with their changes that are not
/// conflicts.
#[derive(Debug, Clone)]
pub struct Merged {
    /// Ours with `taken` applied; it breaks no rule and always encodes.
    pub plan: Plan,
    /// Their changes in the merged plan.
    pub taken: Vec<Change>,
    /// Changes both sides made differently: ours is kept for each.
    pub conflicts: Vec<Change>,
    /// Their changes that could not be taken without the plan breaking a
    /// rule, each with the reason.
    pub left_out: Vec<(Change, ImportError)>,
    /// Their things renumbered because ours added another under the same
    /// id: (old, new).
    pub renumbered: Vec<(String, String)>,
}

impl Merged {
    /// Every change of theirs is in and nothing collided.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty() && self.left_out.is_empty()
    }
}

/// Merges `theirs` into `ours`, `base` being the version both were edited
/// from (a git merge driver's `%O`), whatever the plans' lineages say.
pub fn merge(base: &Plan, ours: &Plan, theirs: &Plan) -> Result<Merged, CompareError> {
    let comparison = diff::compare(ours, theirs, Some(base))?;
    let suggested: Vec<bool> = comparison.changes.iter().map(|c| c.suggested).collect();
    let (plan, taken, left_out) = match comparison.apply(&suggested) {
        Ok(plan) => (plan, suggested, Vec::new()),
        Err(_) => take_what_stands(&comparison, ours, &suggested),
    };
    let chosen = |flags: &[bool]| -> Vec<Change> {
        comparison
            .changes
            .iter()
            .zip(flags)
            .filter(|(_, taken)| **taken)
            .map(|(change, _)| change.clone())
            .collect()
    };
    let conflicts: Vec<bool> = comparison.changes.iter().map(|c| c.conflict).collect();
    Ok(Merged {
        plan,
        taken: chosen(&taken),
        conflicts: chosen(&conflicts),
        left_out,
        renumbered: comparison.renumbered.clone(),
    })
}

/// Their suggested changes taken one at a time, each kept when the plan
/// still opens with it, in passes until one takes nothing more (a change
/// that needs a later one, such as an activity depending on an activity
/// they added after it, gets in on the next pass).
fn take_what_stands(
    comparison: &Comparison,
    ours: &Plan,
    suggested: &[bool],
) -> (Plan, Vec<bool>, Vec<(Change, ImportError)>) {
    let mut taken = vec![false; suggested.len()];
    let mut plan = comparison.apply(&taken).unwrap_or_else(|_| ours.clone());
    let mut reasons: Vec<Option<ImportError>> = vec![None; suggested.len()];
    loop {
        let mut progress = false;
        for index in 0..suggested.len() {
            if !suggested[index] || taken[index] {
                continue;
            }
            taken[index] = true;
            match comparison.apply(&taken) {
                Ok(merged) => {
                    plan = merged;
                    reasons[index] = None;
                    progress = true;
                }
                Err(error) => {
                    taken[index] = false;
                    reasons[index] = Some(error);
                }
            }
        }
        if !progress {
            break;
        }
    }
    let left_out = comparison
        .changes
        .iter()
        .zip(reasons)
        .filter_map(|(change, reason)| Some((change.clone(), reason?)))
        .collect();
    (plan, taken, left_out)
}

/// One line for a clean merge: `Merged plan “Faster client onboarding”:
/// took 3 of their changes (People 1, Activities 2); no conflicts.`
pub fn merge_summary(merged: &Merged) -> String {
    let mut groups: Vec<(Kind, usize)> = Vec::new();
    for change in &merged.taken {
        match groups.iter_mut().find(|(kind, _)| *kind == change.kind) {
            Some((_, number)) => *number += 1,
            None => groups.push((change.kind, 1)),
        }
    }
    groups.sort_by_key(|(kind, _)| *kind);
    let taken = match merged.taken.len() {
        0 => "took none of their changes".to_string(),
        number => {
            let groups: Vec<String> = groups
                .iter()
                .map(|(kind, number)| format!("{} {number}", kind.heading()))
                .collect();
            let changes = match number {
                1 => "1 change of theirs".to_string(),
                _ => format!("{number} of their changes"),
            };
            format!("took {changes} ({})", groups.join(", "))
        }
    };
    let renumbered = match merged.renumbered.len() {
        0 => String::new(),
        _ => format!(
            "; renumbered theirs that ours also added: {}",
            merged
                .renumbered
                .iter()
                .map(|(old, new)| format!("{old} → {new}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let conflicts = match merged.conflicts.len() + merged.left_out.len() {
        0 => "no conflicts".to_string(),
        number => count(number, "conflict", "conflicts"),
    };
    format!(
        "Merged plan “{}”: {taken}{renumbered}; {conflicts}.\n",
        merged.plan.name
    )
}

/// What a merge with conflicts kept and left out, for a person to resolve:
/// each conflict under its kind's heading as "field: ours → theirs", then
/// each change of theirs that could not be taken with its reason, then
/// what to do. `file` names the plan file written.
pub fn conflict_report(file: &str, merged: &Merged) -> String {
    let mut text = String::new();
    if !merged.conflicts.is_empty() {
        text.push_str(&format!(
            "{file}: {} both sides made differently; ours is kept for {}. Each reads \"field: ours → theirs\":\n",
            count(merged.conflicts.len(), "change", "changes"),
            if merged.conflicts.len() == 1 { "it" } else { "each" },
        ));
        let conflicts: Vec<&Change> = merged.conflicts.iter().collect();
        for line in changes_report(&conflicts).lines() {
            text.push_str(&format!("  {line}\n"));
        }
    }
    if !merged.left_out.is_empty() {
        text.push_str(&format!(
            "{file}: {} of theirs left out, because the plan would break a rule with {}:\n",
            count(merged.left_out.len(), "change", "changes"),
            if merged.left_out.len() == 1 {
                "it"
            } else {
                "them"
            },
        ));
        for (change, reason) in &merged.left_out {
            text.push_str(&format!("    {}: {}\n", change.label, change.text));
            for line in reason.to_string().lines() {
                text.push_str(&format!("      {line}\n"));
            }
        }
    }
    let held = match merged.taken.len() {
        0 => "ours as it was".to_string(),
        taken => format!("ours with {} of theirs", count(taken, "change", "changes")),
    };
    text.push_str(&format!(
        "{file}: written as {held}; it opens in Opsboard. To resolve, open both versions in the app's Compare and merge, or edit the file, then `git add` it.\n"
    ));
    text
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;
    use crate::model::{ActivityId, PersonId};
    use crate::test_support::demo;

    fn edited(edit: impl FnOnce(&mut Plan)) -> Plan {
        let mut plan = demo();
        edit(&mut plan);
        plan.sort_canonically();
        plan
    }

    fn later_deadline(plan: &mut Plan) {
        let activity = plan
            .activities
            .iter_mut()
            .find(|activity| activity.id == ActivityId(2))
            .expect("the demo has act-2");
        activity.deadline = activity.deadline.map(|date| date + Duration::days(7));
    }

    fn rename_activity(title: &str) -> impl FnOnce(&mut Plan) + '_ {
        move |plan| {
            plan.activities
                .iter_mut()
                .find(|activity| activity.id == ActivityId(2))
                .expect("the demo has act-2")
                .title = title.to_string();
        }
    }

    fn fewer_hours(plan: &mut Plan) {
        plan.people
            .iter_mut()
            .find(|person| person.id == PersonId(2))
            .expect("the demo has per-2")
            .weekly_hours = 32.0;
    }

    /// The report of `new` against the demo, each line checked to contain
    /// the expected text, in order.
    fn check_diff(edit: impl FnOnce(&mut Plan), expected: &[&str]) {
        let report = diff_report(&demo(), &edited(edit)).expect("compares");
        let lines: Vec<&str> = report.lines().collect();
        assert_eq!(lines.len(), expected.len(), "{report}");
        for (line, expected) in lines.iter().zip(expected) {
            assert!(
                line.contains(expected),
                "{line:?} lacks {expected:?}\n{report}"
            );
        }
    }

    #[test]
    fn the_file_version_is_read_from_the_envelope() {
        assert_eq!(
            file_version("{\"format\": \"opsboard-plan\", \"version\": 3}"),
            Some(3)
        );
        assert_eq!(file_version("\u{feff}{\"version\": 5}"), Some(5));
        assert_eq!(file_version("{\"version\": \"5\"}"), None);
        assert_eq!(file_version("not json"), None);
    }

    #[test]
    fn the_summary_names_the_plan_version_and_counts() {
        let plan = demo();
        let summary = plan_summary(&plan, Some(5));
        assert!(
            summary.starts_with("plan “Faster client onboarding”, format version 5, "),
            "{summary}"
        );
        assert!(
            summary.contains(&format!("{} people", plan.people.len())),
            "{summary}"
        );
        let mut one = plan.clone();
        one.people.truncate(1);
        assert!(plan_summary(&one, None).contains(", 1 person,"));
    }

    #[test]
    fn each_line_of_an_error_names_the_file() {
        let finding = |path: &str| crate::engine::validate::Finding {
            severity: crate::engine::validate::Severity::Error,
            path: path.to_string(),
            message: "is wrong".to_string(),
        };
        let error = ImportError::Rules(vec![finding("people[per-1].name"), finding("name")]);
        assert_eq!(
            file_error("a.json", &error),
            "a.json: plan.people[per-1].name: is wrong\na.json: plan.name: is wrong\n"
        );
        let error = ImportError::Rules(vec![]);
        assert_eq!(file_error("a.json", &error), "a.json: cannot be opened\n");
        let error = ImportError::Field {
            path: "plan.activities[0].deadline".to_string(),
            reason: "must be a date".to_string(),
        };
        assert_eq!(
            file_error("a.json", &error),
            "a.json: plan.activities[0].deadline: must be a date\n"
        );
    }

    #[test]
    fn the_diff_reads_old_to_new_under_headings() {
        check_diff(|_| {}, &["No differences."]);
        check_diff(
            later_deadline,
            &[
                "Activities",
                "  Activity “Standard Azure landing zone in Terraform”: deadline: 2026-12-25 → 2027-01-01 (7 days later)",
            ],
        );
        check_diff(
            |plan| {
                fewer_hours(plan);
                later_deadline(plan);
                plan.name = "Onboarding".to_string();
            },
            &[
                "Plan",
                "  Plan: name: Faster client onboarding → Onboarding",
                "People",
                ": weekly hours: 40 → 32 (−8)",
                "Activities",
                ": deadline:",
            ],
        );
        check_diff(
            |plan| {
                plan.activities
                    .retain(|activity| activity.id != ActivityId(9))
            },
            &["Activities", ": removed"],
        );
    }

    #[test]
    fn edits_of_different_things_merge_cleanly() {
        let (base, ours, theirs) = (demo(), edited(fewer_hours), edited(later_deadline));
        let merged = merge(&base, &ours, &theirs).expect("merges");
        assert!(merged.is_clean());
        assert_eq!(
            merged.plan,
            edited(|plan| {
                fewer_hours(plan);
                later_deadline(plan);
            })
        );
        assert_eq!(
            merge_summary(&merged),
            "Merged plan “Faster client onboarding”: took 1 change of theirs (Activities 1); no conflicts.\n"
        );
        let unchanged = merge(&base, &ours, &base).expect("merges");
        assert_eq!(unchanged.plan, ours);
        assert!(merge_summary(&unchanged).contains("took none of their changes"));
    }

    #[test]
    fn a_conflict_keeps_ours_and_is_reported() {
        let base = demo();
        let ours = edited(rename_activity("Landing zone (ours)"));
        let theirs = edited(|plan| {
            rename_activity("Landing zone (theirs)")(plan);
            fewer_hours(plan);
        });
        let merged = merge(&base, &ours, &theirs).expect("merges");
        assert!(!merged.is_clean());
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(
            merged.plan,
            edited(|plan| {
                rename_activity("Landing zone (ours)")(plan);
                fewer_hours(plan);
            })
        );
        let report = conflict_report("plan.opsboard.json", &merged);
        assert!(
            report.starts_with(
                "plan.opsboard.json: 1 change both sides made differently; ours is kept for it."
            ),
            "{report}"
        );
        assert!(
            report.contains("    Activity “Landing zone (theirs)”: title: Landing zone (ours) → Landing zone (theirs)\n"),
            "{report}"
        );
        assert!(
            report.contains("plan.opsboard.json: written as ours with 1 change of theirs;"),
            "{report}"
        );
        assert!(merge_summary(&merged).ends_with("; 1 conflict.\n"));
    }

    #[test]
    fn a_change_of_theirs_that_cannot_stand_alone_is_left_out() {
        // We removed an activity; they booked someone on it.
        let base = demo();
        let gone = ActivityId(2);
        let ours = edited(|plan| {
            plan.activities.retain(|activity| activity.id != gone);
            plan.allocations
                .retain(|allocation| allocation.activity != gone);
            plan.priority_pins.retain(|pin| pin.activity != gone);
            for activity in &mut plan.activities {
                activity.depends_on.retain(|id| *id != gone);
            }
        });
        assert!(crate::engine::validate::errors(&ours).is_empty());
        let theirs = edited(|plan| {
            fewer_hours(plan);
            let mut booking = plan
                .allocations
                .iter()
                .find(|allocation| allocation.activity == gone)
                .expect("the demo books act-2")
                .clone();
            booking.id = crate::model::AllocationId::next_after(
                plan.allocations.iter().map(|allocation| &allocation.id),
            );
            plan.allocations.push(booking);
        });
        let merged = merge(&base, &ours, &theirs).expect("merges");
        assert!(!merged.is_clean());
        assert_eq!(merged.left_out.len(), 1, "{merged:?}");
        assert!(crate::engine::validate::errors(&merged.plan).is_empty());
        assert_eq!(
            merged.plan.people,
            edited(fewer_hours).people,
            "the change that stands is taken"
        );
        let report = conflict_report("p.json", &merged);
        assert!(
            report.contains("p.json: 1 change of theirs left out"),
            "{report}"
        );
        assert!(report.contains("Allocation:"), "{report}");
    }
}
