//! A plan kept in a file that several planners write (a synced folder):
//! what to do when the file changed since this browser last read or wrote
//! it, and the words the file's record and the app show about it. The
//! browser side (`ui::file_link`) reads and writes the file; every decision
//! is made here, without a browser or a clock.
//!
//! The rule is that nobody's work is overwritten: their changes are merged
//! three-way against the text last read or written (the common version);
//! what only they changed is taken, what only we changed stays, and where
//! both changed the same field the person is asked before anything is
//! written.

use chrono::{NaiveDate, NaiveDateTime};

use super::diff::{self, Change, CompareError, Comparison};
use crate::model::{count_of, short_date, Plan};

/// What a file changed by others means for the open plan.
#[derive(Debug)]
pub enum Reconciled {
    /// The file has nothing the open plan lacks.
    NothingNew,
    /// Their changes, none in conflict with ours, all taken: the plan to
    /// put in place (as one undoable merge) and the changes it took.
    Merged {
        plan: Box<Plan>,
        changes: Vec<Change>,
    },
    /// The person must choose: both changed the same thing, no common
    /// version is known, or their changes cannot stand on their own.
    Ask(Box<Comparison>),
}

/// Merges `theirs` (the file as it is now) into `ours` (the open plan),
/// against `base` (the file as last read or written here, when it still
/// reads).
pub fn reconcile(
    ours: &Plan,
    theirs: &Plan,
    base: Option<&Plan>,
) -> Result<Reconciled, CompareError> {
    let comparison = diff::compare(ours, theirs, base)?;
    if comparison.changes.is_empty() {
        return Ok(Reconciled::NothingNew);
    }
    if !comparison.three_way || comparison.conflicts() > 0 {
        return Ok(Reconciled::Ask(Box::new(comparison)));
    }
    let taken: Vec<bool> = comparison
        .changes
        .iter()
        .map(|change| change.suggested)
        .collect();
    if !taken.contains(&true) {
        return Ok(Reconciled::NothingNew);
    }
    match comparison.apply(&taken) {
        Ok(plan) => Ok(Reconciled::Merged {
            plan: Box::new(plan),
            changes: comparison
                .changes
                .iter()
                .filter(|change| change.suggested)
                .cloned()
                .collect(),
        }),
        // A change that breaks a rule when taken alone: the dialog shows
        // why and lets the person pick.
        Err(_) => Ok(Reconciled::Ask(Box::new(comparison))),
    }
}

/// Whether two plans hold the same content: what the file would say,
/// without the plan's local id and where its copies went.
pub fn same_content(a: &Plan, b: &Plan) -> bool {
    let mut b = b.clone();
    b.id = a.id;
    b.lineage = a.lineage.clone();
    a == &b || super::encode_compact(a) == super::encode_compact(&b)
}

/// What a write changed, for the file's record: the labels of the edits
/// since the last write, each once, in order, joined with "; ".
pub fn what_changed(labels: &[String]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for label in labels {
        let label = label.trim();
        if !label.is_empty() && !seen.contains(&label) {
            seen.push(label);
        }
    }
    if seen.is_empty() {
        return NO_LABEL.to_string();
    }
    seen.join("; ")
}

/// The summary of a write that followed no edit of its own (a merge whose
/// result differs from the file).
pub const NO_LABEL: &str = "Merged changes into the file";

/// The things a notice names before "and N more".
const NAMED_THINGS: usize = 2;

/// The things `changes` change, each once, in order, with the first change
/// of each: a Board move changes an activity's status and its status
/// history, one change to the person who made it.
pub fn things_changed(changes: &[Change]) -> Vec<&Change> {
    let mut things: Vec<&Change> = Vec::new();
    for change in changes {
        if !things
            .iter()
            .any(|thing| thing.kind == change.kind && thing.key == change.key)
        {
            things.push(change);
        }
    }
    things
}

/// The notice after their changes were merged: "2 changes by Dana merged
/// from team.opsboard.json: Activity “Patch servers” status: Not started →
/// Done; …", counting the things changed. `names` as `edits::names` gives
/// them, empty when the file does not say who.
pub fn merge_notice(file_name: &str, names: &str, changes: &[Change]) -> String {
    let things = things_changed(changes);
    let mut text = count_of(things.len(), "change", "changes");
    if !names.is_empty() {
        text.push_str(&format!(" by {names}"));
    }
    text.push_str(&format!(" merged from {file_name}: "));
    let named: Vec<String> = things
        .iter()
        .take(NAMED_THINGS)
        .map(|change| format!("{} {}", change.label, change.text))
        .collect();
    text.push_str(&named.join("; "));
    if things.len() > NAMED_THINGS {
        text.push_str(&format!("; and {} more", things.len() - NAMED_THINGS));
    }
    text
}

/// A moment as the file's record writes it: `2026-12-07T14:05:09Z`.
pub fn utc_stamp(utc: NaiveDateTime) -> String {
    // By hand: chrono's formatter would add its whole machinery to the app.
    use chrono::{Datelike, Timelike};
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        utc.year(),
        utc.month(),
        utc.day(),
        utc.hour(),
        utc.minute(),
        utc.second()
    )
}

/// A moment in local time, short: "14:05" today, "7 Dec 14:05" earlier
/// this year, "7 Dec 2025 14:05" before.
pub fn when_label(local: NaiveDateTime, today: NaiveDate) -> String {
    use chrono::{Datelike, Timelike};
    let time = format!("{:02}:{:02}", local.hour(), local.minute());
    let date = local.date();
    if date == today {
        time.to_string()
    } else if date.year() == today.year() {
        format!("{} {time}", short_date(date))
    } else {
        format!("{} {} {time}", short_date(date), date.year())
    }
}

/// Where the open plan stands with its file, as the header says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkState {
    /// The browser needs a click to give access to the file again.
    Disconnected,
    /// In step with the file; when it was last written (by anyone, as
    /// [`when_label`] says it), if its record says.
    InStep { written: Option<String> },
    /// Changes made here wait to be written.
    Pending,
    /// The file has changes by others that conflict with ours: not merged,
    /// and nothing is written until they are.
    Unresolved,
    /// The file could not be read or written (the reason is shown apart).
    Failed,
}

/// The header's words: "team.opsboard.json · written 14:05".
pub fn status_text(file_name: &str, state: &LinkState) -> String {
    let status = match state {
        LinkState::Disconnected => "not connected".to_string(),
        LinkState::InStep {
            written: Some(when),
        } => format!("written {when}"),
        LinkState::InStep { written: None } => "in step".to_string(),
        LinkState::Pending => "changes not written yet".to_string(),
        LinkState::Unresolved => "file changed by others, review".to_string(),
        LinkState::Failed => "not reachable".to_string(),
    };
    format!("{file_name} · {status}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::demo::demo_plan;
    use crate::model::{ActivityId, PlanId, Status};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).expect("date")
    }

    fn demo() -> Plan {
        let mut plan = demo_plan(PlanId(1), today());
        plan.sort_canonically();
        plan
    }

    fn status(plan: &Plan, id: u32) -> Status {
        plan.activity(ActivityId(id)).expect("in the demo").status
    }

    fn set_status(plan: &mut Plan, id: u32, status: Status) {
        plan.activities
            .iter_mut()
            .find(|activity| activity.id == ActivityId(id))
            .expect("in the demo")
            .status = status;
    }

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").expect("a moment")
    }

    /// The plan the file and both planners started from, one edit made on
    /// each side, and what reconciling gives.
    fn reconcile_edits(
        our_edit: impl Fn(&mut Plan),
        their_edit: impl Fn(&mut Plan),
    ) -> (Plan, Plan, Reconciled) {
        let base = demo();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        our_edit(&mut ours);
        their_edit(&mut theirs);
        // Their copy has its own local id: ids never make a difference.
        theirs.id = PlanId(7);
        let reconciled = reconcile(&ours, &theirs, Some(&base)).expect("compares");
        (ours, theirs, reconciled)
    }

    #[test]
    fn edits_of_different_things_merge_without_losing_either_side() {
        let (ours, theirs, reconciled) = reconcile_edits(
            |plan| set_status(plan, 5, Status::Done),
            |plan| set_status(plan, 4, Status::Blocked),
        );
        let Reconciled::Merged { plan, changes } = reconciled else {
            panic!("merges on its own: {reconciled:?}");
        };
        assert_eq!(changes.len(), 1);
        assert_eq!(status(&plan, 5), Status::Done, "ours is kept");
        assert_eq!(status(&plan, 4), Status::Blocked, "theirs is taken");
        assert_eq!(plan.id, ours.id);
        assert!(!same_content(&plan, &ours) && !same_content(&plan, &theirs));
        // Merged the other way round, the result is the same plan: both
        // planners end up with one content.
        let base = demo();
        match reconcile(&theirs, &ours, Some(&base)).expect("compares") {
            Reconciled::Merged { plan: other, .. } => assert!(same_content(&plan, &other)),
            other => panic!("merges on its own: {other:?}"),
        }
    }

    /// One planner's side of the file: their plan and the text they last
    /// read or wrote.
    struct Planner {
        plan: Plan,
        base: String,
    }

    impl Planner {
        /// Reads the file, merges what changed in it, and writes when the
        /// plan differs from it, as the browser does before each write.
        fn sync(&mut self, file: &mut String) {
            if *file != self.base {
                let (theirs, _) = crate::persist::decode_file(file).expect("the file reads");
                let base = crate::persist::decode(&self.base).ok();
                match reconcile(&self.plan, &theirs, base.as_ref()).expect("compares") {
                    Reconciled::NothingNew => {}
                    Reconciled::Merged { plan, .. } => self.plan = *plan,
                    Reconciled::Ask(comparison) => panic!("asked: {:?}", comparison.changes),
                }
                self.base = file.clone();
            }
            let written = crate::persist::decode(&self.base).expect("the base reads");
            if !same_content(&self.plan, &written) {
                *file = crate::persist::encode(&self.plan);
                self.base = file.clone();
            }
        }
    }

    #[test]
    fn two_planners_writing_one_file_in_turn_both_keep_every_edit() {
        let mut file = crate::persist::encode(&demo());
        let start = |id: u32| Planner {
            plan: {
                let mut plan = crate::persist::decode(&file).expect("reads");
                plan.id = PlanId(id);
                plan
            },
            base: file.clone(),
        };
        let (mut dana, mut sam) = (start(1), start(2));
        // Both edit before either has seen the other's write.
        set_status(&mut dana.plan, 5, Status::Done);
        set_status(&mut sam.plan, 4, Status::Blocked);
        dana.sync(&mut file);
        sam.sync(&mut file);
        dana.sync(&mut file);
        let in_file = crate::persist::decode(&file).expect("reads");
        for plan in [&dana.plan, &sam.plan, &in_file] {
            assert_eq!(status(plan, 5), Status::Done);
            assert_eq!(status(plan, 4), Status::Blocked);
        }
        assert!(same_content(&dana.plan, &sam.plan));
        // Nothing is left to write: a further round changes nothing.
        let before = file.clone();
        sam.sync(&mut file);
        dana.sync(&mut file);
        assert_eq!(file, before);
    }

    #[test]
    fn the_same_field_changed_both_ways_is_asked_and_nothing_is_taken() {
        let (_, _, reconciled) = reconcile_edits(
            |plan| set_status(plan, 5, Status::Done),
            |plan| set_status(plan, 5, Status::Blocked),
        );
        let Reconciled::Ask(comparison) = reconciled else {
            panic!("asks: {reconciled:?}");
        };
        assert_eq!(comparison.conflicts(), 1);
    }

    #[test]
    fn a_file_with_only_our_changes_or_none_brings_nothing_new() {
        let (_, _, reconciled) = reconcile_edits(|plan| set_status(plan, 5, Status::Done), |_| {});
        assert!(
            matches!(reconciled, Reconciled::NothingNew),
            "{reconciled:?}"
        );
        let (_, _, reconciled) = reconcile_edits(
            |plan| set_status(plan, 5, Status::Done),
            |plan| set_status(plan, 5, Status::Done),
        );
        assert!(
            matches!(reconciled, Reconciled::NothingNew),
            "{reconciled:?}"
        );
    }

    #[test]
    fn without_a_common_version_every_difference_is_asked() {
        let ours = demo();
        let mut theirs = demo();
        set_status(&mut theirs, 4, Status::Blocked);
        let reconciled = reconcile(&ours, &theirs, None).expect("compares");
        assert!(matches!(reconciled, Reconciled::Ask(_)), "{reconciled:?}");
        assert!(matches!(
            reconcile(&ours, &ours, None).expect("compares"),
            Reconciled::NothingNew
        ));
    }

    #[test]
    fn same_content_ignores_the_local_id_and_lineage() {
        let plan = demo();
        let mut copy = plan.clone();
        copy.id = PlanId(9);
        copy.lineage = Some(crate::model::Lineage {
            origin: "abc".to_string(),
            revisions: vec!["r1".to_string()],
        });
        assert!(same_content(&plan, &copy));
        set_status(&mut copy, 1, Status::Blocked);
        assert!(!same_content(&plan, &copy));
    }

    #[test]
    fn what_changed_lists_each_label_once() {
        let check = |labels: &[&str], expected: &str| {
            let labels: Vec<String> = labels.iter().map(|label| label.to_string()).collect();
            assert_eq!(what_changed(&labels), expected, "{labels:?}");
        };
        check(&[], NO_LABEL);
        check(&["  "], NO_LABEL);
        check(&["Moved 'A' to Done"], "Moved 'A' to Done");
        check(
            &["Moved 'A' to Done", "Renamed the plan", "Moved 'A' to Done"],
            "Moved 'A' to Done; Renamed the plan",
        );
    }

    #[test]
    fn the_merge_notice_names_who_and_the_first_changes() {
        let (_, _, reconciled) = reconcile_edits(
            |_| {},
            |plan| {
                set_status(plan, 4, Status::Blocked);
                set_status(plan, 5, Status::Done);
                set_status(plan, 6, Status::Done);
            },
        );
        let Reconciled::Merged { changes, .. } = reconciled else {
            panic!("merges: {reconciled:?}");
        };
        let text = merge_notice("team.opsboard.json", "Dana and Sam", &changes);
        assert!(
            text.starts_with("3 changes by Dana and Sam merged from team.opsboard.json: Activity"),
            "{text}"
        );
        assert!(text.ends_with("; and 1 more"), "{text}");
        assert_eq!(
            merge_notice("team.opsboard.json", "", &changes[..1]),
            format!(
                "1 change merged from team.opsboard.json: {} {}",
                changes[0].label, changes[0].text
            )
        );
    }

    #[test]
    fn two_fields_of_one_thing_are_one_change() {
        let (_, _, reconciled) = reconcile_edits(
            |_| {},
            |plan| {
                let activity = plan
                    .activities
                    .iter_mut()
                    .find(|activity| activity.id == ActivityId(5))
                    .expect("in the demo");
                activity.status = Status::Done;
                activity.title = "Security sign-off".to_string();
            },
        );
        let Reconciled::Merged { changes, .. } = reconciled else {
            panic!("merges: {reconciled:?}");
        };
        assert_eq!(changes.len(), 2);
        assert_eq!(things_changed(&changes).len(), 1);
        let text = merge_notice("team.opsboard.json", "Sam", &changes);
        assert!(
            text.starts_with("1 change by Sam merged from team.opsboard.json: Activity"),
            "{text}"
        );
        assert!(!text.contains("; "), "one thing, named once: {text}");
    }

    #[test]
    fn moments_are_written_in_utc_and_shown_short() {
        assert_eq!(utc_stamp(at("2026-12-07 14:05:09")), "2026-12-07T14:05:09Z");
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).expect("date");
        let cases = [
            ("2026-12-07 14:05:09", "14:05"),
            ("2026-12-06 09:30:00", "6 Dec 09:30"),
            ("2025-12-31 23:59:00", "31 Dec 2025 23:59"),
        ];
        for (moment, expected) in cases {
            assert_eq!(when_label(at(moment), today), expected, "{moment}");
        }
    }

    #[test]
    fn the_header_says_where_the_plan_stands() {
        let cases = [
            (
                LinkState::InStep {
                    written: Some("14:05".to_string()),
                },
                "team.opsboard.json · written 14:05",
            ),
            (
                LinkState::InStep { written: None },
                "team.opsboard.json · in step",
            ),
            (
                LinkState::Pending,
                "team.opsboard.json · changes not written yet",
            ),
            (
                LinkState::Unresolved,
                "team.opsboard.json · file changed by others, review",
            ),
            (
                LinkState::Disconnected,
                "team.opsboard.json · not connected",
            ),
            (LinkState::Failed, "team.opsboard.json · not reachable"),
        ];
        for (state, expected) in cases {
            assert_eq!(status_text("team.opsboard.json", &state), expected);
        }
    }
}
