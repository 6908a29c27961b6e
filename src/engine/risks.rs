//! Blockers and risks: what is likely to make an open activity late, found
//! from the plan alone, each with the evidence (dates, people, numbers) and a
//! next step a planner can take today.
//!
//! # The rules
//!
//! Only activities that are not Done are checked. "Today" is a parameter; no
//! rule reads the clock. Dates are compared as whole days.
//!
//! 1. **Stale** (medium): In progress, and the last movement (the latest of
//!    the last status change, the latest checklist tick and the latest
//!    check-in with a "moved" or "blocked" note about it) is
//!    `settings.stale_after_days` or more days ago. Work that is in progress
//!    but does not move is usually a blocker nobody has named yet. With no
//!    movement recorded at all, the start date stands in for it.
//! 2. **Waiting** (medium; high when the dependency is overdue): a
//!    dependency that is not Done is due after this activity starts, or is
//!    already overdue. One risk per such dependency.
//! 3. **Impossible order** (high): a dependency that is not Done is due after
//!    this activity's own deadline.
//! 4. **Missed check-in** (medium): the midpoint check-in date has passed and
//!    no check-in covers it: none has an entry for the activity marked as
//!    its midpoint, and none dated on or after the midpoint has an entry for
//!    it.
//! 5. **Overdue** (high): the deadline is before today.
//! 6. **No owner** (high): no owner, or an owner who is not among the
//!    plan's people. **Owner away** (high): the owner is away (on leave, not
//!    started yet or already gone) on more than `settings.owner_away_share`
//!    of the remaining working days, counted from the later of today and the
//!    start to the deadline, on the owner's working weekdays without public
//!    holidays.
//! 7. **Owner overloaded** (medium): by the work they own, whether or not
//!    it is allocated yet (the Capacity view's `capacity` engine shows the
//!    allocated hours week by week). In the activity's remaining window (later of today and start,
//!    to the deadline) the owner's demand is the remaining effort of each of
//!    their open activities whose remaining window overlaps it, spread
//!    evenly over that activity's working days; what is available is their
//!    daily hours less their daily share of support work, on the working
//!    days they are not away. Overloaded when the demand is more than
//!    `settings.overload_share` of what is available (or anything at all
//!    when nothing is available).
//! 8. **Skill gap** (medium): the owner's level in a required skill is below
//!    its minimum. **Certification expires** (medium; high when already
//!    expired or not held): a required certification the owner does not
//!    hold, or that expires before the deadline.
//!
//! Risks are sorted by severity (high first), then activity id, then kind
//! in the order of [`RiskKind::ALL`].
//!
//! # Speed and size
//!
//! Working days are counted arithmetically (whole weeks, then the odd days,
//! less the holidays found by binary search), and each person's time away
//! is a short list of disjoint spans, so no rule walks day by day and no
//! date range, however long, costs memory. There is no hashing and only
//! [`sort_by_number`], for the browser bundle's sake. The large generated
//! plan (3,000 activities, about 7,400 risks) takes about 6 ms natively,
//! most of it writing the sentences, so a dependency that raises no risk
//! writes none.

use super::availability::{day_number, holiday_numbers, Calendar};
use crate::model::{
    count_of, sort_by_number, Activity, ActivityId, NaiveDate, PersonId, Plan, Status,
};

/// What kind of trouble a risk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RiskKind {
    Overdue,
    ImpossibleOrder,
    Waiting,
    Stale,
    MissedCheckIn,
    NoOwner,
    OwnerAway,
    OwnerOverloaded,
    SkillGap,
    CertificationExpires,
}

impl RiskKind {
    /// Every kind, in the order risks of one activity and severity are listed.
    pub const ALL: [RiskKind; 10] = [
        RiskKind::Overdue,
        RiskKind::ImpossibleOrder,
        RiskKind::Waiting,
        RiskKind::Stale,
        RiskKind::MissedCheckIn,
        RiskKind::NoOwner,
        RiskKind::OwnerAway,
        RiskKind::OwnerOverloaded,
        RiskKind::SkillGap,
        RiskKind::CertificationExpires,
    ];

    /// The label a person reads.
    pub fn label(self) -> &'static str {
        match self {
            RiskKind::Overdue => "Overdue",
            RiskKind::ImpossibleOrder => "Impossible order",
            RiskKind::Waiting => "Waiting",
            RiskKind::Stale => "Stale",
            RiskKind::MissedCheckIn => "Missed check-in",
            RiskKind::NoOwner => "No owner",
            RiskKind::OwnerAway => "Owner away",
            RiskKind::OwnerOverloaded => "Owner overloaded",
            RiskKind::SkillGap => "Skill gap",
            RiskKind::CertificationExpires => "Certification expires",
        }
    }
}

/// How soon a risk needs attention. Sorted, high comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    High,
    Medium,
    Low,
}

impl Severity {
    /// The label a person reads.
    pub fn label(self) -> &'static str {
        match self {
            Severity::High => "High",
            Severity::Medium => "Medium",
            Severity::Low => "Low",
        }
    }
}

/// One risk to one open activity.
#[derive(Debug, Clone, PartialEq)]
pub struct Risk {
    pub kind: RiskKind,
    pub severity: Severity,
    /// The activity at risk.
    pub activity: ActivityId,
    /// The person to talk to first: the owner of the activity, or for
    /// Waiting and Impossible order the owner of the dependency. None when
    /// nobody known owns it.
    pub person: Option<PersonId>,
    /// What was found, with its dates, people and numbers, in a sentence.
    pub evidence: String,
    /// What a planner can do about it, in a sentence.
    pub next_step: String,
}

/// The risks of every open activity of `plan` as of `today`, high severity
/// first, then by activity id, then in the order of [`RiskKind::ALL`]. See
/// the module documentation for the rules. No plan makes this panic.
pub fn risks(plan: &Plan, today: NaiveDate) -> Vec<Risk> {
    let context = Context::new(plan, today);
    let mut found: Vec<Risk> = Vec::new();
    for (index, activity) in plan.activities.iter().enumerate() {
        if activity.status == Status::Done {
            continue;
        }
        let owner = context.owner_of(activity);
        overdue(&context, index, activity, owner, &mut found);
        dependencies(&context, activity, &mut found);
        stale(&context, index, activity, owner, &mut found);
        missed_checkin(&context, index, activity, owner, &mut found);
        match owner {
            Owner::Known(person_index) => {
                owner_away(&context, activity, person_index, &mut found);
                owner_overloaded(&context, index, activity, person_index, &mut found);
                skill_gaps(&context, activity, person_index, &mut found);
                certifications(&context, activity, person_index, &mut found);
            }
            Owner::Nobody | Owner::Unknown(_) => no_owner(activity, owner, &mut found),
        }
    }
    // Severity, id and kind fit side by side in one number; the sort keeps
    // the order of equal keys, which is the order the rules found them in
    // (dependencies and skills in the order the activity lists them).
    sort_by_number(&mut found, |risk| {
        (risk.severity as u64) << 40 | u64::from(risk.activity.0) << 8 | risk.kind as u64
    });
    found
}

/// The risks of one activity, in the order of `risks`.
pub fn risks_of(risks: &[Risk], activity: ActivityId) -> impl Iterator<Item = &Risk> {
    risks.iter().filter(move |risk| risk.activity == activity)
}

/// Who owns an activity, as far as the plan knows.
#[derive(Debug, Clone, Copy)]
enum Owner {
    Nobody,
    /// An id that is not among the plan's people.
    Unknown(PersonId),
    /// The index of the owner in the plan's people.
    Known(usize),
}

/// What every rule needs, worked out once for the whole plan.
struct Context<'a> {
    plan: &'a Plan,
    today: NaiveDate,
    /// Today as a day number (see [`day_number`]).
    today_number: i64,
    /// The public holidays as sorted, distinct day numbers.
    holidays: Vec<i64>,
    /// (id, index) of the activities in id order, the first of an id first.
    activity_ids: Vec<(ActivityId, usize)>,
    /// (id, index) of the people in id order, the first of an id first.
    person_ids: Vec<(PersonId, usize)>,
    /// Each person's working week and time away, by index in the people.
    calendars: Vec<Calendar>,
    /// (owner index, activity index) of the open activities with a known
    /// owner, grouped by owner and in plan order within an owner.
    open_by_owner: Vec<(usize, usize)>,
    /// The remaining window of each open activity with a known owner and a
    /// deadline, by activity index.
    windows: Vec<Option<Window>>,
    /// How many open activities wait on each activity, by activity index.
    open_dependents: Vec<u32>,
    /// By activity index: the latest check-in with a "moved" or "blocked"
    /// note about it.
    last_note: Vec<Option<NaiveDate>>,
    /// By activity index: the latest check-in with any entry about it.
    last_entry: Vec<Option<NaiveDate>>,
    /// By activity index: whether an entry about it covers its midpoint.
    midpoint_covered: Vec<bool>,
}

/// The part of an open activity's time still ahead: from the later of today
/// and its start, to its deadline, both inclusive.
#[derive(Debug, Clone, Copy)]
struct Window {
    first: i64,
    last: i64,
    /// The owner's working days in it.
    working_days: f64,
    /// The effort not yet done.
    remaining_hours: f64,
}

impl<'a> Context<'a> {
    fn new(plan: &'a Plan, today: NaiveDate) -> Context<'a> {
        let holidays = holiday_numbers(plan);

        let mut activity_ids: Vec<(ActivityId, usize)> = plan
            .activities
            .iter()
            .enumerate()
            .map(|(index, activity)| (activity.id, index))
            .collect();
        sort_by_number(&mut activity_ids, |(id, _)| id.0.into());
        let mut person_ids: Vec<(PersonId, usize)> = plan
            .people
            .iter()
            .enumerate()
            .map(|(index, person)| (person.id, index))
            .collect();
        sort_by_number(&mut person_ids, |(id, _)| id.0.into());
        let calendars: Vec<Calendar> = plan.people.iter().map(Calendar::new).collect();

        let count = plan.activities.len();
        let mut context = Context {
            plan,
            today,
            today_number: day_number(today),
            holidays,
            activity_ids,
            person_ids,
            calendars,
            open_by_owner: Vec::new(),
            windows: vec![None; count],
            open_dependents: vec![0; count],
            last_note: vec![None; count],
            last_entry: vec![None; count],
            midpoint_covered: vec![false; count],
        };

        for (index, activity) in plan.activities.iter().enumerate() {
            if activity.status == Status::Done {
                continue;
            }
            for (place, id) in activity.depends_on.iter().enumerate() {
                // A repeated dependency counts once.
                if activity.depends_on[..place].contains(id) || *id == activity.id {
                    continue;
                }
                if let Some(dependency) = context.activity_index(*id) {
                    context.open_dependents[dependency] += 1;
                }
            }
            let Owner::Known(person_index) = context.owner_of(activity) else {
                continue;
            };
            context.open_by_owner.push((person_index, index));
            context.windows[index] = context.window(activity, person_index);
        }
        sort_by_number(&mut context.open_by_owner, |(person_index, _)| {
            *person_index as u64
        });

        for checkin in &plan.checkins {
            for entry in &checkin.entries {
                let Some(index) = context.activity_index(entry.activity) else {
                    continue;
                };
                let noted = !entry.moved.trim().is_empty() || !entry.blocked.trim().is_empty();
                if noted {
                    context.last_note[index] = context.last_note[index].max(Some(checkin.date));
                }
                context.last_entry[index] = context.last_entry[index].max(Some(checkin.date));
                context.midpoint_covered[index] |= entry.covers_midpoint;
            }
        }
        context
    }

    fn activity_index(&self, id: ActivityId) -> Option<usize> {
        let first = self.activity_ids.partition_point(|(known, _)| *known < id);
        match self.activity_ids.get(first) {
            Some((known, index)) if *known == id => Some(*index),
            _ => None,
        }
    }

    fn person_index(&self, id: PersonId) -> Option<usize> {
        let first = self.person_ids.partition_point(|(known, _)| *known < id);
        match self.person_ids.get(first) {
            Some((known, index)) if *known == id => Some(*index),
            _ => None,
        }
    }

    fn owner_of(&self, activity: &Activity) -> Owner {
        match activity.owner {
            None => Owner::Nobody,
            Some(id) => match self.person_index(id) {
                Some(index) => Owner::Known(index),
                None => Owner::Unknown(id),
            },
        }
    }

    /// The name of an activity's owner, or `fallback` without a known one.
    fn owner_name(&self, activity: &Activity, fallback: &'a str) -> &str {
        match self.owner_of(activity) {
            Owner::Known(index) => &self.plan.people[index].name,
            Owner::Nobody | Owner::Unknown(_) => fallback,
        }
    }

    /// The remaining window of an open activity owned by the person at
    /// `person_index`; none without a deadline or with the deadline passed.
    fn window(&self, activity: &Activity, person_index: usize) -> Option<Window> {
        let last = day_number(activity.deadline?);
        let first = activity
            .start
            .map_or(self.today_number, day_number)
            .max(self.today_number);
        if last < first {
            return None;
        }
        Some(Window {
            first,
            last,
            working_days: self.working_days(person_index, first, last),
            remaining_hours: activity.remaining_effort_hours(),
        })
    }

    /// The working days of a person from `first` to `last` inclusive: their
    /// working weekdays that are not public holidays.
    fn working_days(&self, person_index: usize, first: i64, last: i64) -> f64 {
        self.calendars[person_index].working_days(&self.holidays, first, last)
    }

    /// The working days from `first` to `last` inclusive a person is away,
    /// half days counting half.
    fn days_away(&self, person_index: usize, first: i64, last: i64) -> f64 {
        self.calendars[person_index].days_away(&self.holidays, first, last)
    }
}

/// Days from `earlier` to `later`; negative when `later` is earlier.
fn days_between(earlier: NaiveDate, later: NaiveDate) -> i64 {
    later.signed_duration_since(earlier).num_days()
}

/// Adds one risk; every rule goes through here so none forgets a field.
fn push(
    found: &mut Vec<Risk>,
    kind: RiskKind,
    severity: Severity,
    activity: &Activity,
    person: Option<PersonId>,
    evidence: String,
    next_step: String,
) {
    found.push(Risk {
        kind,
        severity,
        activity: activity.id,
        person,
        evidence,
        next_step,
    });
}

/// Rule 5: the deadline has passed.
fn overdue(
    context: &Context,
    index: usize,
    activity: &Activity,
    owner: Owner,
    found: &mut Vec<Risk>,
) {
    let Some(deadline) = activity.deadline else {
        return;
    };
    let late = days_between(deadline, context.today);
    if late <= 0 {
        return;
    }
    let checklist = &activity.done_definition.checklist;
    let progress = if checklist.is_empty() {
        String::new()
    } else {
        let ticked = checklist.iter().filter(|item| item.done).count();
        format!(
            ", with {ticked} of {} ticked",
            count_of(checklist.len(), "checklist item", "checklist items")
        )
    };
    let evidence = format!(
        "Due on {deadline}, {} ago, and still {}{progress}.",
        days_text(late),
        status_phrase(activity.status)
    );
    let who = context.owner_name(activity, "whoever takes it on");
    let waiting = match context.open_dependents[index] {
        0 => String::new(),
        1 => ", and tell the owner of the activity that waits on it".to_string(),
        count => format!(", and tell the owners of the {count} activities that wait on it"),
    };
    let next_step = format!(
        "Agree a new deadline with {who}, or cut the work to what can be finished now{waiting}."
    );
    push(
        found,
        RiskKind::Overdue,
        Severity::High,
        activity,
        known(owner, context),
        evidence,
        next_step,
    );
}

/// Rules 2 and 3: dependencies that are due too late or are late already.
fn dependencies(context: &Context, activity: &Activity, found: &mut Vec<Risk>) {
    for (place, id) in activity.depends_on.iter().enumerate() {
        // Self-dependencies, repeats and unknown ids are validation's to
        // report; here they are skipped.
        if *id == activity.id || activity.depends_on[..place].contains(id) {
            continue;
        }
        let Some(dependency) = context
            .activity_index(*id)
            .map(|index| &context.plan.activities[index])
        else {
            continue;
        };
        if dependency.status == Status::Done {
            continue;
        }
        let Some(due) = dependency.deadline else {
            continue;
        };
        let too_late_for_deadline = activity.deadline.filter(|deadline| due > *deadline);
        let late = days_between(due, context.today);
        let too_late_for_start = activity.start.filter(|start| due > *start);
        if too_late_for_deadline.is_none() && late <= 0 && too_late_for_start.is_none() {
            // Most dependencies are fine: skip the sentences.
            continue;
        }
        let who = context.owner_name(dependency, "its team");
        let person = known(context.owner_of(dependency), context);
        let about = format!(
            "'{}' ({}, {})",
            dependency.title,
            dependency.status.label(),
            context.owner_name(dependency, "no owner")
        );

        if let Some(deadline) = too_late_for_deadline {
            push(
                found,
                RiskKind::ImpossibleOrder,
                Severity::High,
                activity,
                person,
                format!(
                    "Due on {deadline}, but it waits on {about}, which is due later, on {due}."
                ),
                format!(
                    "Move this deadline after {due}, or agree with {who} to finish '{}' well before {deadline}.",
                    dependency.title
                ),
            );
        }

        if late > 0 {
            push(
                found,
                RiskKind::Waiting,
                Severity::High,
                activity,
                person,
                format!(
                    "Waits on {about}, which was due on {due} and is {} overdue.",
                    days_text(late)
                ),
                format!(
                    "Ask {who} for a new date for '{}', and check that this activity's own dates still hold.",
                    dependency.title
                ),
            );
        } else if let Some(start) = too_late_for_start {
            push(
                found,
                RiskKind::Waiting,
                Severity::Medium,
                activity,
                person,
                format!("Starts on {start}, but waits on {about}, due {due}."),
                format!(
                    "Agree with {who} the day '{}' will be done, then move this start after it or begin with the part that does not need it.",
                    dependency.title
                ),
            );
        }
    }
}

/// Rule 1: in progress, but nothing has moved for a while.
fn stale(
    context: &Context,
    index: usize,
    activity: &Activity,
    owner: Owner,
    found: &mut Vec<Risk>,
) {
    if activity.status != Status::InProgress {
        return;
    }
    let last_change = activity.status_history.last();
    let last_status_date = activity
        .status_history
        .iter()
        .map(|change| change.date)
        .max();
    let last_tick = activity
        .done_definition
        .checklist
        .iter()
        .filter(|item| item.done)
        .filter_map(|item| item.done_on)
        .max();
    let last_movement = last_status_date
        .max(last_tick)
        .max(context.last_note[index]);
    let (last, evidence_tail) = match (last_movement, activity.start) {
        (Some(last), _) => (last, None),
        // Nothing recorded at all: the start is the last sign of life.
        (None, Some(start)) => (start, Some(start)),
        (None, None) => return,
    };
    let quiet = days_between(last, context.today);
    if quiet < i64::from(context.plan.settings.stale_after_days) {
        return;
    }
    let since = match last_change {
        Some(change) if change.status == Status::InProgress => format!(" since {}", change.date),
        _ => String::new(),
    };
    let evidence = match evidence_tail {
        None => format!(
            "In progress{since} with no status change, checklist tick or check-in note since {last} ({}).",
            days_text(quiet)
        ),
        Some(start) => format!(
            "In progress with no status change, checklist tick or check-in note recorded since it started on {start} ({}).",
            days_text(quiet)
        ),
    };
    let next_step = match owner {
        Owner::Known(person_index) => format!(
            "Ask {} what is in the way; if something is, mark it Blocked and name it.",
            context.plan.people[person_index].name
        ),
        Owner::Nobody | Owner::Unknown(_) => "Find out who works on it and what is in the way; if something is, mark it Blocked and name it.".to_string(),
    };
    push(
        found,
        RiskKind::Stale,
        Severity::Medium,
        activity,
        known(owner, context),
        evidence,
        next_step,
    );
}

/// Rule 4: the midpoint check-in date passed without a check-in.
fn missed_checkin(
    context: &Context,
    index: usize,
    activity: &Activity,
    owner: Owner,
    found: &mut Vec<Risk>,
) {
    let Some(midpoint) = activity.checkin else {
        return;
    };
    let ago = days_between(midpoint, context.today);
    if ago <= 0 || context.midpoint_covered[index] {
        return;
    }
    if context.last_entry[index].is_some_and(|date| date >= midpoint) {
        return;
    }
    let evidence = format!(
        "The midpoint check-in was due on {midpoint}, {} ago, and no check-in since has an entry for this activity.",
        days_text(ago)
    );
    let with = match owner {
        Owner::Known(person_index) => format!(" with {}", context.plan.people[person_index].name),
        Owner::Nobody | Owner::Unknown(_) => String::new(),
    };
    let on_track = match activity.deadline {
        Some(deadline) => format!("is it on track for {deadline}?"),
        None => "is it on track?".to_string(),
    };
    let next_step = format!(
        "Hold the midpoint check-in{with} now ({on_track}) and record it with \"covers midpoint\" ticked."
    );
    push(
        found,
        RiskKind::MissedCheckIn,
        Severity::Medium,
        activity,
        known(owner, context),
        evidence,
        next_step,
    );
}

/// Rule 6, first half: nobody known owns the activity.
fn no_owner(activity: &Activity, owner: Owner, found: &mut Vec<Risk>) {
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

/// Rule 6, second half: the owner is away for most of the time left.
fn owner_away(context: &Context, activity: &Activity, person_index: usize, found: &mut Vec<Risk>) {
    let Some(deadline) = activity.deadline else {
        return;
    };
    let first = activity
        .start
        .map_or(context.today_number, day_number)
        .max(context.today_number);
    let last = day_number(deadline);
    let working_days = context.working_days(person_index, first, last);
    if working_days <= 0.0 {
        return;
    }
    let away = context.days_away(person_index, first, last);
    let share = away / working_days;
    if share <= context.plan.settings.owner_away_share {
        return;
    }
    let person = &context.plan.people[person_index];
    let from = activity
        .start
        .map_or(context.today, |start| start.max(context.today));
    let mut reasons: Vec<String> = Vec::new();
    if let Some(start) = person.start_date.filter(|start| day_number(*start) > first) {
        reasons.push(format!("starts on {start}"));
    }
    for leave in &person.leave {
        if day_number(leave.start) <= last && day_number(leave.end) >= first {
            let kind = if leave.day_fraction >= 1.0 {
                "leave"
            } else if leave.day_fraction == 0.5 {
                "half-day leave"
            } else {
                "part-day leave"
            };
            let days = if leave.start == leave.end {
                format!("on {}", leave.start)
            } else {
                format!("{} to {}", leave.start, leave.end)
            };
            let note = match leave.note.trim() {
                "" => String::new(),
                note => format!(" ({note})"),
            };
            reasons.push(format!("{kind} {days}{note}"));
        }
    }
    if let Some(end) = person.end_date.filter(|end| day_number(*end) < last) {
        reasons.push(format!("last working day {end}"));
    }
    let reasons = if reasons.is_empty() {
        String::new()
    } else {
        format!(": {}", reasons.join("; "))
    };
    let evidence = format!(
        "{} is away on {} of the {} working days left between {from} and {deadline} ({} %){reasons}.",
        person.name,
        amount(away),
        amount(working_days),
        whole(share * 100.0),
    );
    let next_step = format!(
        "Hand it to someone who is there, or agree with {} what must be done before they are away and move the deadline for the rest.",
        person.name
    );
    push(
        found,
        RiskKind::OwnerAway,
        Severity::High,
        activity,
        Some(person.id),
        evidence,
        next_step,
    );
}

/// Rule 7: the owner's work in this activity's window is more than their
/// hours there.
fn owner_overloaded(
    context: &Context,
    index: usize,
    activity: &Activity,
    person_index: usize,
    found: &mut Vec<Risk>,
) {
    if activity.start.is_none() {
        return;
    }
    let Some(window) = context.windows[index] else {
        return;
    };
    let from = context
        .open_by_owner
        .partition_point(|(owner, _)| *owner < person_index);
    let to = context
        .open_by_owner
        .partition_point(|(owner, _)| *owner <= person_index);
    let mut demand = 0.0;
    let mut own_share = 0.0;
    let mut others = 0usize;
    let mut largest_other: Option<(usize, f64)> = None;
    for (_, other_index) in &context.open_by_owner[from..to.max(from)] {
        let Some(other) = context.windows[*other_index] else {
            continue;
        };
        let first = window.first.max(other.first);
        let last = window.last.min(other.last);
        if last < first {
            continue;
        }
        // Work is spread evenly over its working days; work with none left
        // (an owner who works no days) is spread over its calendar days.
        let share = if other.working_days > 0.0 {
            context.working_days(person_index, first, last) / other.working_days
        } else {
            (last - first + 1) as f64 / (other.last - other.first + 1) as f64
        };
        let hours = other.remaining_hours * share;
        demand += hours;
        if *other_index == index {
            own_share = hours;
        } else if hours > 0.0 {
            others += 1;
            if largest_other.is_none_or(|(_, largest)| hours > largest) {
                largest_other = Some((*other_index, hours));
            }
        }
    }
    let calendar = &context.calendars[person_index];
    let days_there =
        (window.working_days - context.days_away(person_index, window.first, window.last)).max(0.0);
    let available = calendar.net_daily_hours * days_there;
    let limit = context.plan.settings.overload_share * available;
    let overloaded = if available > 0.0 {
        demand > limit
    } else {
        demand > 0.0
    };
    if !overloaded {
        return;
    }
    let person = &context.plan.people[person_index];
    let from_date = activity
        .start
        .map_or(context.today, |start| start.max(context.today));
    let (deadline, available_text) = match activity.deadline {
        Some(deadline) if available > 0.0 => (
            deadline,
            format!(
                "about {} h available ({} %)",
                hours_text(available),
                whole(demand / available * 100.0)
            ),
        ),
        Some(deadline) => (
            deadline,
            "no hours available (away, on support work or not working those days)".to_string(),
        ),
        None => return,
    };
    let split = match largest_other {
        None => String::new(),
        Some((other_index, hours)) => format!(
            ": {} h on this activity and {} h on {}, most on '{}' ({} h)",
            hours_text(own_share),
            hours_text(demand - own_share),
            count_of(others, "other", "others"),
            context.plan.activities[other_index].title,
            hours_text(hours)
        ),
    };
    let evidence = format!(
        "{} has {} h of work due between {from_date} and {deadline} and {available_text}{split}.",
        person.name,
        hours_text(demand)
    );
    let next_step = match largest_other {
        Some((other_index, _)) => format!(
            "Move some of {}'s work to someone else, or move a deadline: '{}' takes the most of the rest.",
            person.name, context.plan.activities[other_index].title
        ),
        None => format!(
            "Find help for {}, or move the deadline: this activity alone needs more than their hours.",
            person.name
        ),
    };
    push(
        found,
        RiskKind::OwnerOverloaded,
        Severity::Medium,
        activity,
        Some(person.id),
        evidence,
        next_step,
    );
}

/// Rule 8, first half: the owner is below a required skill level.
fn skill_gaps(context: &Context, activity: &Activity, person_index: usize, found: &mut Vec<Risk>) {
    let person = &context.plan.people[person_index];
    for requirement in &activity.required_skills {
        let level = person.skill_level(requirement.skill);
        if level >= requirement.min_level {
            continue;
        }
        let skill = context
            .plan
            .skill(requirement.skill)
            .map_or_else(|| requirement.skill.to_string(), |skill| skill.name.clone());
        let evidence = format!(
            "{} is at level {} in {skill}; this needs {}.",
            person.name,
            level_text(level),
            level_text(requirement.min_level)
        );
        // A few colleagues who have the level, so the next step names them.
        let able: Vec<&str> = context
            .plan
            .people
            .iter()
            .filter(|other| other.id != person.id)
            .filter(|other| other.skill_level(requirement.skill) >= requirement.min_level)
            .filter(|other| {
                activity
                    .deadline
                    .is_none_or(|deadline| other.is_employed_on(deadline))
            })
            .take(3)
            .map(|other| other.name.as_str())
            .collect();
        let next_step = match able.as_slice() {
            [] => format!(
                "Nobody else in the plan has level {} in {skill}: plan training for {} or bring in outside help.",
                requirement.min_level, person.name
            ),
            names => format!(
                "Pair {} with {} (level {} or more in {skill}), or hand the activity over.",
                person.name,
                either(names),
                requirement.min_level
            ),
        };
        push(
            found,
            RiskKind::SkillGap,
            Severity::Medium,
            activity,
            Some(person.id),
            evidence,
            next_step,
        );
    }
}

/// Rule 8, second half: a required certification is missing, expired or
/// expires before the deadline.
fn certifications(
    context: &Context,
    activity: &Activity,
    person_index: usize,
    found: &mut Vec<Risk>,
) {
    let person = &context.plan.people[person_index];
    for required in &activity.required_certifications {
        let name = required.trim();
        if name.is_empty() {
            continue;
        }
        // The latest of the holder's certificates of that name counts; no
        // expiry date means it does not expire. Names compare without ASCII
        // case (full Unicode case folding would cost the bundle its tables).
        let held = person
            .certifications
            .iter()
            .filter(|certification| certification.name.trim().eq_ignore_ascii_case(name))
            .map(|certification| certification.expires)
            .reduce(|left, right| match (left, right) {
                (None, _) | (_, None) => None,
                (Some(left), Some(right)) => Some(left.max(right)),
            });
        let deadline_text = match activity.deadline {
            Some(deadline) => format!(" by {deadline}"),
            None => String::new(),
        };
        let (severity, evidence, next_step) = match held {
            None => (
                Severity::High,
                format!("{} holds no '{name}' certification, which this activity requires.", person.name),
                format!(
                    "Hand the activity to someone who holds '{name}', or book {}'s exam{deadline_text}.",
                    person.name
                ),
            ),
            Some(None) => continue,
            Some(Some(expires)) if expires < context.today => (
                Severity::High,
                format!("{}'s '{name}' certification expired on {expires}.", person.name),
                format!(
                    "Book {}'s renewal{deadline_text}, or hand the activity to someone certified.",
                    person.name
                ),
            ),
            Some(Some(expires)) => match activity.deadline {
                Some(deadline) if expires < deadline => (
                    Severity::Medium,
                    format!(
                        "{}'s '{name}' certification expires on {expires}, before the deadline on {deadline}.",
                        person.name
                    ),
                    format!(
                        "Book {}'s renewal before {expires}, or plan for someone certified to finish the work.",
                        person.name
                    ),
                ),
                _ => continue,
            },
        };
        push(
            found,
            RiskKind::CertificationExpires,
            severity,
            activity,
            Some(person.id),
            evidence,
            next_step,
        );
    }
}

/// The owner's id when the plan knows them.
fn known(owner: Owner, context: &Context) -> Option<PersonId> {
    match owner {
        Owner::Known(index) => Some(context.plan.people[index].id),
        Owner::Nobody | Owner::Unknown(_) => None,
    }
}

/// A status inside a sentence: "in progress".
fn status_phrase(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "not started",
        Status::InProgress => "in progress",
        Status::Blocked => "blocked",
        Status::Done => "done",
    }
}

/// "2 (working)"; levels above the scale are shown as the bare number.
fn level_text(level: u8) -> String {
    let name = match level {
        0 => "none",
        1 => "learning",
        2 => "working",
        3 => "strong",
        4 => "expert",
        _ => return level.to_string(),
    };
    format!("{level} ({name})")
}

/// "1 day", "12 days".
fn days_text(days: i64) -> String {
    count_of(days.unsigned_abs() as usize, "day", "days")
}

/// Whole numbers bare, others with one decimal: "5", "5.5".
fn amount(value: f64) -> String {
    // Integer arithmetic: precision formatting of floats would bring its
    // own formatter into the browser bundle.
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, tenth) = (tenths.abs() / 10, tenths.abs() % 10);
    if tenth == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{tenth}")
    }
}

/// Hours rounded to whole hours: "96".
fn hours_text(hours: f64) -> String {
    whole(hours).to_string()
}

/// The nearest whole number; integers print faster than rounded floats.
fn whole(value: f64) -> i64 {
    // `as` saturates, and makes "not a number" 0.
    value.round() as i64
}

/// "A", "A or B", "A, B or C".
fn either(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [only] => only.to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::demo::demo_plan;
    use crate::model::{
        Certification, CheckIn, CheckInEntry, CheckInId, ChecklistItem, Holiday, Leave, Person,
        PlanId, Skill, SkillId, SkillLevel, SkillRequirement, StatusChange,
    };

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("test date")
    }

    /// Monday 2026-11-23, the day most tests look from.
    fn today() -> NaiveDate {
        date("2026-11-23")
    }

    fn day(offset: i64) -> NaiveDate {
        today() + chrono::Duration::days(offset)
    }

    /// A plan that raises no risk on [`today`]: Tom Becker (Terraform at
    /// level 2, an Azure certificate valid until mid-2027) owns 'Landing
    /// zone', 16 hours from Monday 2026-11-23 to Friday 2026-12-04 (ten
    /// working days, 80 hours of his time); Lena Novak owns 'Tenant
    /// baseline', 16 hours from 2026-12-07 to 2026-12-18, which waits on the
    /// landing zone. Both work 40 hours, Monday to Friday.
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
        landing_zone.effort_hours = 16.0;
        let mut tenant = Activity::new(ActivityId(2), "Tenant baseline");
        tenant.owner = Some(PersonId(2));
        tenant.start = Some(date("2026-12-07"));
        tenant.deadline = Some(date("2026-12-18"));
        tenant.effort_hours = 16.0;
        tenant.depends_on = vec![ActivityId(1)];
        plan.activities = vec![landing_zone, tenant];
        plan
    }

    fn demo() -> Plan {
        let mut plan = demo_plan(PlanId(1), today());
        plan.sort_canonically();
        plan
    }

    /// One line a risk: "act-2 High Waiting" in short, or in full
    /// "act-2 High Waiting per-1 | evidence | next step".
    fn lines(plan: &Plan, today: NaiveDate) -> Vec<(String, String)> {
        risks(plan, today)
            .into_iter()
            .map(|risk| {
                let short = format!(
                    "{} {} {}",
                    risk.activity,
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
    fn check_plan(
        mut plan: Plan,
        edit: impl FnOnce(&mut Plan),
        today: NaiveDate,
        expected: &[&str],
    ) {
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

    fn leave(start: &str, end: &str, day_fraction: f64) -> Leave {
        Leave {
            start: date(start),
            end: date(end),
            day_fraction,
            note: String::new(),
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
        let no_effort = |plan: &mut Plan| plan.activities[0].effort_hours = 0.0;
        check(no_effort, date("2026-12-04"), &[]);
        check(
            no_effort,
            date("2026-12-05"),
            &[
                "act-1 High Overdue per-1 | Due on 2026-12-04, 1 day ago, and still not started. | Agree a new deadline with Tom Becker, or cut the work to what can be finished now, and tell the owner of the activity that waits on it.",
                "act-2 High Waiting per-1 | Waits on 'Landing zone' (Not started, Tom Becker), which was due on 2026-12-04 and is 1 day overdue. | Ask Tom Becker for a new date for 'Landing zone', and check that this activity's own dates still hold.",
            ],
        );
        check(
            |plan| {
                plan.activities[0].effort_hours = 0.0;
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
    fn an_owner_is_overloaded_past_their_available_hours() {
        // Ten working days of 8 hours: 80 hours.
        check(|plan| plan.activities[0].effort_hours = 80.0, today(), &[]);
        check(
            |plan| plan.activities[0].effort_hours = 81.0,
            today(),
            &["act-1 Medium Owner overloaded per-1 | Tom Becker has 81 h of work due between 2026-11-23 and 2026-12-04 and about 80 h available (101 %). | Find help for Tom Becker, or move the deadline: this activity alone needs more than their hours."],
        );
        // Ticked checklist items are done work.
        check(
            |plan| {
                plan.activities[0].effort_hours = 162.0;
                plan.activities[0].done_definition.checklist =
                    vec![ticked(Some(day(-1))), ticked(None)];
            },
            today(),
            &["act-1 Medium Owner overloaded"],
        );
        // Support work takes 4 of the 40 hours a week: 72 hours left.
        for (effort, expected) in [
            (72.0, &[][..]),
            (73.0, &["act-1 Medium Owner overloaded"][..]),
        ] {
            check(
                |plan| {
                    plan.people[0].support_hours_per_week = 4.0;
                    plan.activities[0].effort_hours = effort;
                },
                today(),
                expected,
            );
        }
        // A day of leave takes 8 hours.
        for (effort, expected) in [
            (72.0, &[][..]),
            (73.0, &["act-1 Medium Owner overloaded"][..]),
        ] {
            check(
                |plan| {
                    plan.people[0].leave = vec![leave("2026-12-01", "2026-12-01", 1.0)];
                    plan.activities[0].effort_hours = effort;
                },
                today(),
                expected,
            );
        }
        // 'Runbooks' spreads 40 hours over 2026-11-30 to 2026-12-11, so
        // half of it (20 h) falls in the landing zone's window. Its own
        // window holds 40 h of its own and half the landing zone's.
        let runbooks = |plan: &mut Plan, landing_zone_effort: f64, runbooks_status: Status| {
            let mut runbooks = Activity::new(ActivityId(3), "Runbooks");
            runbooks.owner = Some(PersonId(1));
            runbooks.start = Some(date("2026-11-30"));
            runbooks.deadline = Some(date("2026-12-11"));
            runbooks.effort_hours = 40.0;
            runbooks.status = runbooks_status;
            plan.activities.push(runbooks);
            plan.activities[0].effort_hours = landing_zone_effort;
        };
        check(
            |plan| runbooks(plan, 60.0, Status::NotStarted),
            today(),
            &[],
        );
        check(
            |plan| runbooks(plan, 61.0, Status::NotStarted),
            today(),
            &["act-1 Medium Owner overloaded per-1 | Tom Becker has 81 h of work due between 2026-11-23 and 2026-12-04 and about 80 h available (101 %): 61 h on this activity and 20 h on 1 other, most on 'Runbooks' (20 h). | Move some of Tom Becker's work to someone else, or move a deadline: 'Runbooks' takes the most of the rest."],
        );
        check(|plan| runbooks(plan, 61.0, Status::Done), today(), &[]);
        // With no hours at all, any work is too much.
        check(
            |plan| plan.people[0].weekly_hours = 0.0,
            today(),
            &["act-1 Medium Owner overloaded per-1 | Tom Becker has 16 h of work due between 2026-11-23 and 2026-12-04 and no hours available (away, on support work or not working those days). | Find help for Tom Becker, or move the deadline: this activity alone needs more than their hours."],
        );
        check(
            |plan| {
                plan.people[0].weekly_hours = 0.0;
                plan.activities[0].effort_hours = 0.0;
            },
            today(),
            &[],
        );
        check(
            |plan| plan.people[0].working_days.clear(),
            today(),
            &["act-1 Medium Owner overloaded"],
        );
        // Without a start there is no window to judge.
        check(
            |plan| {
                plan.activities[0].start = None;
                plan.activities[0].effort_hours = 500.0;
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
        let found = risks(&with_risks, today());
        let of_second: Vec<ActivityId> = risks_of(&found, ActivityId(2))
            .map(|risk| risk.activity)
            .collect();
        assert_eq!(of_second, vec![ActivityId(2)]);
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn the_demo_plan_on_its_today() {
        // Monday 2026-11-23. What fires, and why a planner would agree:
        //
        // - act-1 is done, so never checked.
        // - act-2 (Tom Becker, landing zone) is in progress, but its last
        //   tick is dated today (the demo dates what already happened no
        //   later than today), so it is not stale; its midpoint
        //   (2026-12-07) is ahead; Tom holds the Azure certificate until
        //   2028 and the skills; his 90 h left fit the 24 working days to
        //   2026-12-25 (192 h). No risk.
        // - act-3 (Hannah Weber, tenant baseline) is blocked, which is
        //   status, not a rule; her MD-102 certificate expires on
        //   2026-12-28, before the deadline 2027-01-01: Certification
        //   expires, medium as it is still valid today.
        // - act-4 (James O'Connor, intake form) was ticked today;
        //   26.7 h left against 4 h a day once his 20 h of weekly support
        //   are taken, over 20 days (80 h). No risk.
        // - act-5 (Daniel Ortiz, security sign-off) starts on 2026-12-21,
        //   before both its dependencies are due (2026-12-25 and
        //   2027-01-01): two Waiting risks. Right: as planned it cannot
        //   start on time, and the tenant baseline it waits on is blocked.
        // - act-6 (Lena Novak, pilot) starts on 2027-01-11 but waits on the
        //   security sign-off due 2027-01-15: Waiting. Lena has no Intune,
        //   which the pilot needs at level 2: Skill gap. Right: the only
        //   Intune on the pilot is an unstaffed placeholder, and the next
        //   step names the three people who could pair with her.
        check_plan(
            demo(),
            |_| {},
            today(),
            &[
                "act-3 Medium Certification expires per-11 | Hannah Weber's 'Microsoft 365 Endpoint Administrator (MD-102)' certification expires on 2026-12-28, before the deadline on 2027-01-01. | Book Hannah Weber's renewal before 2026-12-28, or plan for someone certified to finish the work.",
                "act-5 Medium Waiting per-2 | Starts on 2026-12-21, but waits on 'Standard Azure landing zone in Terraform' (In progress, Tom Becker), due 2026-12-25. | Agree with Tom Becker the day 'Standard Azure landing zone in Terraform' will be done, then move this start after it or begin with the part that does not need it.",
                "act-5 Medium Waiting per-11 | Starts on 2026-12-21, but waits on 'Automated Microsoft 365 tenant baseline' (Blocked, Hannah Weber), due 2027-01-01. | Agree with Hannah Weber the day 'Automated Microsoft 365 tenant baseline' will be done, then move this start after it or begin with the part that does not need it.",
                "act-6 Medium Waiting per-6 | Starts on 2027-01-11, but waits on 'Security baseline sign-off for new clients' (Not started, Daniel Ortiz), due 2027-01-15. | Agree with Daniel Ortiz the day 'Security baseline sign-off for new clients' will be done, then move this start after it or begin with the part that does not need it.",
                "act-6 Medium Skill gap per-3 | Lena Novak is at level 0 (none) in Microsoft Intune; this needs 2 (working). | Pair Lena Novak with James O'Connor, Hannah Weber or Ravi Patel (level 2 or more in Microsoft Intune), or hand the activity over.",
            ],
        );
    }

    #[test]
    fn the_demo_plan_two_weeks_later() {
        // Tuesday 2026-12-08, with nothing recorded since the demo was laid
        // out on 2026-11-23: the landing zone and the intake form last moved
        // with ticks dated 2026-11-23 (15 days), so both are stale,
        // and both midpoints (2026-12-07) passed without a check-in. Tom's
        // 90 h now meet 13 working days (104 h): 87 %, not yet overloaded.
        check_plan(
            demo(),
            |_| {},
            date("2026-12-08"),
            &[
                "act-2 Medium Stale per-2 | In progress since 2026-11-16 with no status change, checklist tick or check-in note since 2026-11-23 (15 days). | Ask Tom Becker what is in the way; if something is, mark it Blocked and name it.",
                "act-2 Medium Missed check-in per-2 | The midpoint check-in was due on 2026-12-07, 1 day ago, and no check-in since has an entry for this activity. | Hold the midpoint check-in with Tom Becker now (is it on track for 2026-12-25?) and record it with \"covers midpoint\" ticked.",
                "act-3 Medium Certification expires",
                "act-4 Medium Stale per-8 | In progress since 2026-11-23 with no status change, checklist tick or check-in note since 2026-11-23 (15 days). | Ask James O'Connor what is in the way; if something is, mark it Blocked and name it.",
                "act-4 Medium Missed check-in",
                "act-5 Medium Waiting",
                "act-5 Medium Waiting",
                "act-6 Medium Waiting",
                "act-6 Medium Skill gap",
            ],
        );
        // A bigger landing zone tips Tom over: a quarter of its checklist is
        // ticked, so 138 h of effort leave 103.5 h (not more than 104 h)
        // and 140 h leave 105 h.
        let bigger = |effort: f64| move |plan: &mut Plan| plan.activities[1].effort_hours = effort;
        check_plan(
            demo(),
            bigger(138.0),
            date("2026-12-08"),
            &[
                "act-2 Medium Stale",
                "act-2 Medium Missed check-in",
                "act-3 Medium Certification expires",
                "act-4 Medium Stale",
                "act-4 Medium Missed check-in",
                "act-5 Medium Waiting",
                "act-5 Medium Waiting",
                "act-6 Medium Waiting",
                "act-6 Medium Skill gap",
            ],
        );
        check_plan(
            demo(),
            bigger(140.0),
            date("2026-12-08"),
            &[
                "act-2 Medium Stale",
                "act-2 Medium Missed check-in",
                "act-2 Medium Owner overloaded per-2 | Tom Becker has 105 h of work due between 2026-12-08 and 2026-12-25 and about 104 h available (101 %). | Find help for Tom Becker, or move the deadline: this activity alone needs more than their hours.",
                "act-3 Medium Certification expires",
                "act-4 Medium Stale",
                "act-4 Medium Missed check-in",
                "act-5 Medium Waiting",
                "act-5 Medium Waiting",
                "act-6 Medium Waiting",
                "act-6 Medium Skill gap",
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
                let found = risks(plan, on);
                assert_eq!(risks(plan, on), found);
                for risk in &found {
                    assert!(!risk.evidence.is_empty() && !risk.next_step.is_empty());
                    assert!(risk.evidence.ends_with('.') && risk.next_step.ends_with('.'));
                }
            }
        }
    }
}
