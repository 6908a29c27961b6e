//! The commands of the check-in log: a check-in saved, a decision taken or
//! opened again.

use chrono::NaiveDate;

use super::CommandError;
use crate::model::{count_of, CheckIn, CheckInId, Plan};

pub(super) fn add_checkin(plan: &mut Plan, checkin: &CheckIn) -> Result<String, CommandError> {
    let mut checkin = checkin.clone();
    checkin.id = CheckInId::next_after(plan.checkins.iter().map(|c| &c.id));
    let summary = format!(
        "Saved the check-in of {} ({})",
        checkin.date,
        count_of(checkin.entries.len(), "initiative", "initiatives")
    );
    plan.checkins.push(checkin);
    Ok(summary)
}

pub(super) fn decide_decision(
    plan: &mut Plan,
    checkin: CheckInId,
    index: usize,
    on: Option<NaiveDate>,
) -> Result<String, CommandError> {
    let checkin = plan
        .checkins
        .iter_mut()
        .find(|candidate| candidate.id == checkin)
        .ok_or(CommandError::NoSuchCheckIn(checkin))?;
    let decision = checkin
        .decisions
        .get_mut(index)
        .ok_or(CommandError::NoSuchDecision)?;
    decision.decided_on = on;
    Ok(match on {
        Some(date) => format!("Decided on {date}: {}", decision.text),
        None => format!("Reopened: {}", decision.text),
    })
}
