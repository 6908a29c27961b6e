//! The batch a Work sheet makes: the pieces of work added or updated (a
//! deal won with `WinDeal`), then the assignments, and what each row does.

use super::*;

/// The pieces of work the rows taken make: the commands, the row each
/// is shown on with what it does, and for each group its activity's id and
/// whether it is an open deal (so its work is tentative).
struct Pieces {
    commands: Vec<Command>,
    counts: Counts,
    shown_on: HashMap<usize, RowAction>,
    made: HashMap<usize, (ActivityId, bool)>,
}

impl Work<'_> {
    /// The import plan of the rows, once each is taken or refused.
    pub(super) fn finish(&self, rows: &[Row], entries: Vec<Entry>, source: &str) -> ImportPlan {
        let mut pieces = self.pieces_of_work(&entries);
        let mut bookings = Counts::default();
        let mut cut_to_horizon = 0;
        let mut outcomes = Vec::with_capacity(entries.len());
        for (index, entry) in entries.into_iter().enumerate() {
            let row = &rows[index];
            let reading = match (entry.fate, entry.reading) {
                (Fate::Taken, Some(reading)) => reading,
                (Fate::Refused(problems), _) => {
                    outcomes.push(row.refused(entry.what, problems));
                    continue;
                }
                (_, _) => {
                    outcomes.push(row.outcome(RowAction::Unchanged, entry.what));
                    continue;
                }
            };
            let (activity, deal) = pieces.made[&reading.group];
            let booking = reading.assignment.as_ref().and_then(|assignment| {
                let commitment = match deal {
                    true => Commitment::Tentative,
                    false => reading.commitment.unwrap_or(Commitment::Confirmed),
                };
                let (command, action) = self.booking(activity, assignment, commitment)?;
                pieces.commands.extend(command);
                Some(action)
            });
            match booking {
                Some(RowAction::Add) => bookings.added += 1,
                Some(RowAction::Update) => bookings.updated += 1,
                _ => {}
            }
            let cut = reading
                .assignment
                .as_ref()
                .is_some_and(|assignment| assignment.cut_from.is_some());
            if cut && matches!(booking, Some(RowAction::Add | RowAction::Update)) {
                cut_to_horizon += 1;
            }
            // A row that adds work and updates an assignment adds.
            let action = [pieces.shown_on.get(&index).copied(), booking]
                .into_iter()
                .flatten()
                .min_by_key(|action| match action {
                    RowAction::Add => 0,
                    RowAction::Update => 1,
                    RowAction::Unchanged | RowAction::Refused => 2,
                })
                .unwrap_or(RowAction::Unchanged);
            outcomes.push(row.outcome(action, entry.what));
        }
        let mut changes =
            added_and_updated(&pieces.counts, "piece of work", "pieces of work", "updated");
        changes.extend(added_and_updated(
            &bookings,
            "assignment",
            "assignments",
            "updated",
        ));
        if cut_to_horizon > 0 {
            let horizon = self.plan.horizon;
            changes.push(format!(
                "{} cut to the plan's horizon ({} to {}) or to people's dates",
                count_of(cut_to_horizon, "assignment", "assignments"),
                horizon.start,
                horizon.end().plus_weeks(-1)
            ));
        }
        finish(
            source,
            outcomes,
            changes,
            pieces.commands,
            Vec::new(),
            Vec::new(),
        )
    }

    /// The pieces of work added and updated, new ones first in the order
    /// of their first row, so `AddActivity` gives them the ids counted
    /// here and the assignments after them can refer to those.
    fn pieces_of_work(&self, entries: &[Entry]) -> Pieces {
        let next_id = ActivityId::next_after(self.plan.activities.iter().map(|a| &a.id)).0;
        let mut groups: Vec<(usize, Vec<usize>)> = self
            .groups
            .iter()
            .enumerate()
            .map(|(group, found)| {
                let mut taken: Vec<usize> = found
                    .rows
                    .iter()
                    .copied()
                    .filter(|index| entries[*index].fate == Fate::Taken)
                    .collect();
                taken.sort_unstable();
                (group, taken)
            })
            .filter(|(_, taken)| !taken.is_empty())
            .collect();
        groups.sort_by_key(|(_, taken)| taken[0]);
        let mut pieces = Pieces {
            commands: Vec::new(),
            counts: Counts::default(),
            shown_on: HashMap::new(),
            made: HashMap::new(),
        };
        let mut updates = Vec::new();
        for (group, taken) in &groups {
            let readings: Vec<(usize, &Reading)> = taken
                .iter()
                .filter_map(|index| Some((*index, entries[*index].reading.as_ref()?)))
                .collect();
            let terms = readings
                .iter()
                .fold(Terms::default(), |terms, (_, reading)| {
                    terms.or(&reading.terms)
                });
            let (first_row, first) = readings[0];
            let (id, action, shown_on, activity) = match self.groups[*group].existing {
                None => {
                    let id = ActivityId(next_id + pieces.counts.added as u32);
                    let blank = Activity {
                        scope: Scope::Book,
                        client: first.client.clone(),
                        billable: !first.client.is_empty(),
                        ..Activity::new(id, &first.title)
                    };
                    let mut activity = revised(&blank, &terms);
                    (activity.start, activity.deadline) = self.groups[*group].dates;
                    pieces.counts.added += 1;
                    pieces.commands.push(Command::AddActivity(activity.clone()));
                    (id, RowAction::Add, first_row, activity)
                }
                Some(index) => {
                    let before = &self.plan.activities[index];
                    let activity = revised(before, &terms);
                    if activity == *before {
                        (before.id, RowAction::Unchanged, first_row, activity)
                    } else {
                        // Shown on the first row that changes it on its own.
                        let shown_on = readings
                            .iter()
                            .find(|(_, reading)| revised(before, &reading.terms) != *before)
                            .map_or(first_row, |(index, _)| *index);
                        if before.deal.is_some() && activity.deal.is_none() {
                            updates.push(Command::WinDeal(before.id));
                        }
                        updates.push(Command::UpdateActivity(activity.clone()));
                        pieces.counts.updated += 1;
                        (before.id, RowAction::Update, shown_on, activity)
                    }
                }
            };
            pieces.shown_on.insert(shown_on, action);
            pieces.made.insert(*group, (id, activity.deal.is_some()));
        }
        pieces.commands.append(&mut updates);
        pieces
    }

    /// The command an assignment taken makes (none when the plan holds it
    /// already) and what it does.
    fn booking(
        &self,
        activity: ActivityId,
        assignment: &Assignment,
        commitment: Commitment,
    ) -> Option<(Option<Command>, RowAction)> {
        let (first_week, last_week) = assignment.weeks?;
        let Some((index, editable)) = assignment.existing else {
            let allocation = Allocation {
                id: AllocationId(0),
                assignee: assignment.assignee.clone(),
                activity,
                hours_per_week: assignment.hours,
                first_week,
                last_week,
                commitment,
                scenario: None,
            };
            return Some((Some(Command::AddAllocation(allocation)), RowAction::Add));
        };
        let before = &self.plan.allocations[index];
        let after = Allocation {
            hours_per_week: assignment.hours,
            commitment,
            // Confirmed work is in the plan, in no scenario.
            scenario: before
                .scenario
                .filter(|_| commitment == Commitment::Tentative),
            ..before.clone()
        };
        if !editable || after == *before {
            return Some((None, RowAction::Unchanged));
        }
        Some((Some(Command::UpdateAllocation(after)), RowAction::Update))
    }
}

/// `before` with the terms of the sheet: only where they say something.
fn revised(before: &Activity, terms: &Terms) -> Activity {
    let mut activity = before.clone();
    if let Some(KindCell::Of(kind)) = terms.kind {
        activity.kind = kind;
    }
    if activity.kind != before.kind {
        // As the Work view's form has it.
        activity.billable =
            !activity.client.trim().is_empty() && activity.kind != ActivityKind::Internal;
    }
    activity.status = terms.status.unwrap_or(activity.status);
    activity.budget_hours = terms.budget.or(activity.budget_hours);
    activity.start = terms.start.or(activity.start);
    activity.deadline = terms.end.or(activity.deadline);
    activity.deal = deal_of(terms, before.deal);
    activity.commitment = match (before.deal, activity.deal) {
        (_, Some(_)) => Commitment::Tentative,
        // Won: it and its work are confirmed (`Command::WinDeal`).
        (Some(_), None) => Commitment::Confirmed,
        (None, None) => before.commitment,
    };
    activity
}

/// The deal the terms make of work that was `before`: won (none) with a
/// Deal stage of won or, without a stage, a win probability of 100 %; a
/// deal with an open stage or a lower probability, or a Kind of "deal";
/// else as it was. A cell left empty keeps what the deal had, and a new
/// deal gets the usual probability of its stage, or the stage its
/// probability has usually reached.
fn deal_of(terms: &Terms, before: Option<Deal>) -> Option<Deal> {
    match (terms.stage, terms.probability) {
        (Some(StageCell::Won), _) => None,
        (Some(StageCell::Open(stage)), probability) => Some(Deal {
            stage,
            probability: probability
                .or(before.map(|deal| deal.probability))
                .unwrap_or(stage.usual_probability()),
        }),
        (None, Some(probability)) if probability >= 1.0 => None,
        (None, Some(probability)) => Some(Deal {
            stage: before.map_or_else(|| stage_reached(probability), |deal| deal.stage),
            probability,
        }),
        (None, None) if terms.kind == Some(KindCell::Deal) => before.or(Some(Deal {
            stage: DealStage::Qualified,
            probability: DealStage::Qualified.usual_probability(),
        })),
        (None, None) => before,
    }
}

/// The furthest stage whose usual probability `probability` reaches.
fn stage_reached(probability: f64) -> DealStage {
    DealStage::ALL
        .into_iter()
        .rev()
        .find(|stage| stage.usual_probability() <= probability)
        .unwrap_or(DealStage::Lead)
}
