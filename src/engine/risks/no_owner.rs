//! No owner: an initiative nobody in the plan owns.

use super::{push, Owner, Risk, RiskKind, Severity};
use crate::model::Activity;

/// Rule 6, first half: nobody known owns the activity.
pub(super) fn no_owner(activity: &Activity, owner: Owner, found: &mut Vec<Risk>) {
    let due = match activity.deadline {
        Some(deadline) => format!("; it is due on {deadline}"),
        None => String::new(),
    };
    let evidence = match owner {
        Owner::Unknown(id) => format!("Its owner {id} is not among the plan's people{due}."),
        Owner::Nobody | Owner::Known(_) => format!("Nobody owns it{due}."),
    };
    push(
        found,
        RiskKind::NoOwner,
        Severity::High,
        activity,
        None,
        evidence,
        "Name one owner from the plan's people in the activity form.".to_string(),
    );
}

#[cfg(test)]
mod tests {
    use crate::engine::risks::tests::check;
    use crate::model::PersonId;
    use crate::test_support::today;

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
}
