//! What a row of a Work sheet says of its piece of work: the Kind, Status
//! and Deal stage cells read in the words planners and their tools use,
//! and the terms of two rows compared.

use super::*;

impl KindCell {
    fn label(self) -> &'static str {
        match self {
            KindCell::Of(kind) => kind.label(),
            KindCell::Deal => "Deal",
        }
    }
}

impl StageCell {
    fn label(self) -> &'static str {
        match self {
            StageCell::Open(stage) => stage.label(),
            StageCell::Won => "Won",
        }
    }
}

impl Terms {
    /// The terms `self` and `other` both give, differently.
    pub(super) fn clashes(&self, other: &Terms) -> Vec<Clash> {
        let mut found = Vec::new();
        clash(&mut found, Column::Kind, self.kind, other.kind, |kind| {
            kind.label().to_string()
        });
        clash(
            &mut found,
            Column::Status,
            self.status,
            other.status,
            |status| status.label().to_string(),
        );
        clash(
            &mut found,
            Column::Stage,
            self.stage,
            other.stage,
            |stage| stage.label().to_string(),
        );
        clash(
            &mut found,
            Column::Probability,
            self.probability,
            other.probability,
            |share| format!("{} %", share * 100.0),
        );
        clash(
            &mut found,
            Column::Budget,
            self.budget,
            other.budget,
            |hours| format!("{hours} h"),
        );
        clash(&mut found, Column::Start, self.start, other.start, |date| {
            date.to_string()
        });
        clash(&mut found, Column::End, self.end, other.end, |date| {
            date.to_string()
        });
        found
    }

    /// `self` with the terms it leaves empty taken from `other`.
    pub(super) fn or(self, other: &Terms) -> Terms {
        Terms {
            kind: self.kind.or(other.kind),
            status: self.status.or(other.status),
            stage: self.stage.or(other.stage),
            probability: self.probability.or(other.probability),
            budget: self.budget.or(other.budget),
            start: self.start.or(other.start),
            end: self.end.or(other.end),
        }
    }

    /// The column of the term that makes work a pipeline deal, when this
    /// row alone makes it one: an open stage; without a stage, a win
    /// probability under 100 %; without either, a Kind of "deal".
    pub(super) fn makes_a_deal(&self) -> Option<Column> {
        match (self.stage, self.probability, self.kind) {
            (Some(StageCell::Open(_)), _, _) => Some(Column::Stage),
            (Some(StageCell::Won), _, _) => None,
            (None, Some(share), _) if share < 1.0 => Some(Column::Probability),
            (None, Some(_), _) => None,
            (None, None, Some(KindCell::Deal)) => Some(Column::Kind),
            (None, None, _) => None,
        }
    }
}

/// Adds the clash of one term to `found`.
fn clash<T: PartialEq + Copy>(
    found: &mut Vec<Clash>,
    column: Column,
    ours: Option<T>,
    theirs: Option<T>,
    show: impl Fn(T) -> String,
) {
    if let (Some(ours), Some(theirs)) = (ours, theirs) {
        if ours != theirs {
            found.push((column, show(ours), show(theirs)));
        }
    }
}

// ---------------------------------------------------------------------------
// Reading the cells.

/// A cell as its words are compared: lowercase, `-`, `_` and `/` read as
/// spaces, spaces collapsed.
fn words(text: &str) -> String {
    name_key(&text.replace(['-', '_', '/'], " "))
}

/// Reads a kind of work: a label of [`ActivityKind`] or the words planners
/// use for it (a retainer is a managed service), or "deal" for work in the
/// pipeline.
pub(super) fn parse_kind(text: &str) -> Result<KindCell, String> {
    let kind = match words(text).as_str() {
        "project" | "projects" | "client project" | "engagement" | "fixed price"
        | "fixed fee" | "time and materials" | "t&m" => KindCell::Of(ActivityKind::Project),
        "managed service" | "managed services" | "service" | "contract" | "retainer"
        | "recurring" | "subscription" | "msp" => KindCell::Of(ActivityKind::ManagedService),
        "support" | "bau" | "business as usual" | "break fix" => {
            KindCell::Of(ActivityKind::Support)
        }
        "internal" | "internal work" | "non billable" | "nonbillable" | "admin" | "overhead" => {
            KindCell::Of(ActivityKind::Internal)
        }
        "deal" | "pipeline" | "pipeline deal" | "opportunity" | "prospect" => KindCell::Deal,
        _ => {
            return Err(format!(
                "\"{}\" is not a kind of work: write project, managed service, support, internal or deal",
                shown(text.trim())
            ))
        }
    };
    Ok(kind)
}

/// Reads a Status cell: where the work stands (a label of [`Status`] or a
/// usual word for it), whether the assignment is tentative or confirmed,
/// or both, as `In progress (tentative)`.
pub(super) fn parse_status(text: &str) -> Result<(Option<Status>, Option<Commitment>), String> {
    let not_a_status = || {
        format!(
            "\"{}\" is not a status: write not started, in progress, blocked or done, with (tentative) after it for tentative work",
            shown(text.trim())
        )
    };
    let trimmed = text.trim();
    let (status, note) = match trimmed
        .strip_suffix(')')
        .and_then(|body| body.rsplit_once('('))
    {
        Some((status, note)) => (status, Some(note)),
        None => (trimmed, None),
    };
    let note = match note.map(|note| commitment_word(&words(note))) {
        None => None,
        Some(Some(commitment)) => Some(commitment),
        Some(None) => return Err(not_a_status()),
    };
    let status = words(status);
    if note.is_none() {
        if let Some(commitment) = commitment_word(&status) {
            return Ok((None, Some(commitment)));
        }
    }
    let status = match status.as_str() {
        "" if note.is_some() => None,
        "not started" | "planned" | "to do" | "todo" | "new" | "open" | "draft" | "pending"
        | "scheduled" => Some(Status::NotStarted),
        "in progress" | "active" | "ongoing" | "started" | "underway" | "under way" | "running"
        | "live" | "doing" => Some(Status::InProgress),
        "blocked" | "on hold" | "paused" | "waiting" | "stalled" | "stuck" => Some(Status::Blocked),
        "done" | "complete" | "completed" | "closed" | "finished" | "delivered" => {
            Some(Status::Done)
        }
        _ => return Err(not_a_status()),
    };
    Ok((status, note))
}

/// Tentative or confirmed, in the words Float and Runn use.
fn commitment_word(words: &str) -> Option<Commitment> {
    match words {
        "tentative" | "pencilled" | "penciled" | "pencil" | "soft" => Some(Commitment::Tentative),
        "confirmed" | "firm" | "booked" | "hard" => Some(Commitment::Confirmed),
        _ => None,
    }
}

/// Reads a deal stage: a label of [`DealStage`] or a CRM's name for it,
/// or won. A lost deal is refused: losing it is the Work view's.
pub(super) fn parse_stage(text: &str) -> Result<StageCell, String> {
    let stage = match words(text).as_str() {
        "lead" | "new lead" | "prospecting" => StageCell::Open(DealStage::Lead),
        "qualified" | "qualification" | "qualify" | "discovery" => {
            StageCell::Open(DealStage::Qualified)
        }
        "proposal"
        | "proposal sent"
        | "quote"
        | "quoted"
        | "quotation"
        | "price quote"
        | "proposal price quote" => StageCell::Open(DealStage::Proposal),
        "negotiation" | "negotiating" | "negotiation review" | "contract sent" | "verbal"
        | "commit" | "closing" => StageCell::Open(DealStage::Negotiation),
        "won" | "closed won" | "win" | "signed" | "sold" => StageCell::Won,
        "lost" | "closed lost" | "dead" => {
            return Err(
                "a lost deal is not imported: lose it on the Work view, or leave the row out"
                    .to_string(),
            )
        }
        _ => {
            return Err(format!(
                "\"{}\" is not a deal stage: write lead, qualified, proposal, negotiation or won",
                shown(text.trim())
            ))
        }
    };
    Ok(stage)
}
