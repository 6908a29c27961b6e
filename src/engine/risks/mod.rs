//! Blockers and risks: what is likely to make work late or undone, found
//! from the plan alone, each with the evidence (dates, people, hours) and a
//! next step a planner can take today.
//!
//! # The rules
//!
//! Only work that is not Done is checked. "Today" is a parameter; no rule
//! reads the clock. Dates are compared as whole days.
//!
//! Of the ops plan's initiatives:
//!
//! 1. **Stale** (medium): In progress, and the last movement (the latest of
//!    the last status change, the latest checklist tick and the latest
//!    check-in with a "moved" or "blocked" note about it) is
//!    `settings.stale_after_days` or more days ago. Work that is in progress
//!    but does not move is usually a blocker nobody has named yet. With no
//!    movement recorded at all, the start date stands in for it.
//! 2. **Waiting** (medium; high when the dependency is overdue): a
//!    dependency that is not Done is due after this initiative starts, or
//!    is already overdue. One risk per such dependency.
//! 3. **Impossible order** (high): a dependency that is not Done is due after
//!    this initiative's own deadline.
//! 4. **Missed check-in** (medium): the midpoint check-in date has passed and
//!    no check-in covers it: none has an entry for the initiative marked as
//!    its midpoint, and none dated on or after the midpoint has an entry for
//!    it.
//! 5. **Overdue** (high): the deadline is before today. This one is checked
//!    on the book of work too, for projects and internal work (a contract's
//!    deadline is the end of its term, and a deal's the end it would have).
//! 6. **No owner** (high): no owner, or an owner who is not among the
//!    plan's people. **Owner away** (high): the owner is away (on leave, not
//!    started yet or already gone) on more than `settings.owner_away_share`
//!    of the remaining working days, counted from the later of today and the
//!    start to the deadline, on the owner's working weekdays without public
//!    holidays.
//! 7. **Skill gap** (medium): the owner's level in a required skill is below
//!    its minimum. **Certification expires** (medium; high when already
//!    expired or not held): a required certification the owner does not
//!    hold, or that expires before the deadline.
//!
//! Of everyone's load, read from the capacity computation the Capacity view
//! shows (with or without tentative work, as the switch says), from this
//! week to the end of the weeks computed (see [`load`]):
//!
//! 8. **Overloaded** (medium; high when 20 % of capacity or more over in a
//!    week): a person booked over `settings.overload_share` of their
//!    capacity, one risk per run of such weeks, naming the work.
//! 9. **Booked while away** (high): work booked on a person in weeks they
//!    are away all week (leave, public holidays, before they start, after
//!    they leave), one risk per piece of work and run of weeks.
//! 10. **Cover gap** (high): a managed-services contract whose weekly hours
//!     the people there do not cover, one risk per run of weeks, naming the
//!     cause (a leaver, leave, a booking that ends, nobody booked).
//! 11. **Understaffed** (medium; high within two weeks of the deadline):
//!     work whose people are booked for less than its remaining effort
//!     before its deadline, as "Work to staff" lists it.
//!
//! Risks are sorted by severity (high first), then the id of the work at
//! risk, then kind in the order of [`RiskKind::ALL`].
//!
//! # Speed and size
//!
//! Working days are counted arithmetically (whole weeks, then the odd days,
//! less the holidays found by binary search), and each person's time away
//! is a short list of disjoint spans, so no rule walks day by day and no
//! date range, however long, costs memory. There is no hashing and only
//! [`sort_by_number`], for the browser bundle's sake.

mod load;

use super::availability::{day_number, holiday_numbers, Calendar};
use super::capacity::{self, Capacity, Options};
use crate::model::{
    count_of, sort_by_number, Activity, ActivityId, NaiveDate, PersonId, Plan, Status, Week,
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
    Overloaded,
    BookedWhileAway,
    CoverGap,
    Understaffed,
    SkillGap,
    CertificationExpires,
}

impl RiskKind {
    /// Every kind, in the order risks of one activity and severity are listed.
    pub const ALL: [RiskKind; 13] = [
        RiskKind::Overdue,
        RiskKind::ImpossibleOrder,
        RiskKind::Waiting,
        RiskKind::Stale,
        RiskKind::MissedCheckIn,
        RiskKind::NoOwner,
        RiskKind::OwnerAway,
        RiskKind::Overloaded,
        RiskKind::BookedWhileAway,
        RiskKind::CoverGap,
        RiskKind::Understaffed,
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
            RiskKind::Overloaded => "Overloaded",
            RiskKind::BookedWhileAway => "Booked while away",
            RiskKind::CoverGap => "Cover gap",
            RiskKind::Understaffed => "Understaffed",
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

/// One risk to open work, or to a person's weeks.
#[derive(Debug, Clone, PartialEq)]
pub struct Risk {
    pub kind: RiskKind,
    pub severity: Severity,
    /// The work at risk, or for a person's load the work with the most
    /// hours in it; none when only support work fills their weeks.
    pub activity: Option<ActivityId>,
    /// For a person's load, the rest of the work booked on them then, most
    /// hours first.
    pub other_work: Vec<ActivityId>,
    /// The person to talk to first: the owner of the activity, for Waiting
    /// and Impossible order the owner of the dependency, for load and
    /// cover the person booked (or leaving). None when nobody known owns
    /// it.
    pub person: Option<PersonId>,
    /// The weeks a load or cover risk is about, first and last.
    pub weeks: Option<(Week, Week)>,
    /// What was found, with its dates, people and numbers, in a sentence.
    pub evidence: String,
    /// What a planner can do about it, in a sentence.
    pub next_step: String,
}

/// The risks of `plan` as of `today`, its load counted with `options` over
/// the plan's horizon (see [`risks_with`]). No plan makes this panic.
pub fn risks(plan: &Plan, options: &Options, today: NaiveDate) -> Vec<Risk> {
    let load = capacity::compute(plan, plan.horizon, options, today);
    risks_with(plan, &load, today)
}

/// The risks of every piece of open work of `plan` as of `today`, with the
/// load risks read from `load` (a capacity of this plan, as the views show
/// it): high severity first, then by the id of the work, then in the order
/// of [`RiskKind::ALL`]. See the module documentation for the rules.
pub fn risks_with(plan: &Plan, load: &Capacity, today: NaiveDate) -> Vec<Risk> {
    let context = Context::new(plan, today);
    let mut found: Vec<Risk> = Vec::new();
    for (index, activity) in plan.activities.iter().enumerate() {
        if activity.status == Status::Done {
            continue;
        }
        let owner = context.owner_of(activity);
        if !activity.is_initiative() {
            if activity.weekly_commitment().is_none() && activity.deal.is_none() {
                overdue(&context, index, activity, owner, &mut found);
            }
            continue;
        }
        overdue(&context, index, activity, owner, &mut found);
        dependencies(&context, activity, &mut found);
        stale(&context, index, activity, owner, &mut found);
        missed_checkin(&context, index, activity, owner, &mut found);
        match owner {
            Owner::Known(person_index) => {
                owner_away(&context, activity, person_index, &mut found);
                skill_gaps(&context, activity, person_index, &mut found);
                certifications(&context, activity, person_index, &mut found);
            }
            Owner::Nobody | Owner::Unknown(_) => no_owner(activity, owner, &mut found),
        }
    }
    load::find(plan, load, today, &mut found);
    // Severity, id and kind fit side by side in one number; the sort keeps
    // the order of equal keys, which is the order the rules found them in
    // (dependencies and skills in the order the activity lists them).
    sort_by_number(&mut found, |risk| {
        let id = risk.activity.map_or(u32::MAX, |id| id.0);
        (risk.severity as u64) << 40 | u64::from(id) << 8 | risk.kind as u64
    });
    found
}

/// The risks about one piece of work (its own, and the load risks it is
/// part of), in the order of `risks`.
pub fn risks_of(risks: &[Risk], activity: ActivityId) -> impl Iterator<Item = &Risk> {
    risks.iter().filter(move |risk| risk.is_about(activity))
}

/// Which risks are about which work: (work, position in `risks`) for every
/// piece of work a risk is about, by work id and then in the order of
/// `risks`, so a long list finds the risks of one piece of work by halves.
pub fn by_work(risks: &[Risk]) -> Vec<(ActivityId, usize)> {
    let mut index: Vec<(ActivityId, usize)> = risks
        .iter()
        .enumerate()
        .flat_map(|(at, risk)| {
            risk.activity
                .into_iter()
                .chain(risk.other_work.iter().copied())
                .map(move |work| (work, at))
        })
        .collect();
    sort_by_number(&mut index, |(work, at)| {
        u64::from(work.0) << 32 | *at as u64
    });
    index
}

impl Risk {
    /// Whether `activity` is the work at risk or part of the load at risk.
    pub fn is_about(&self, activity: ActivityId) -> bool {
        self.activity == Some(activity) || self.other_work.contains(&activity)
    }
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
            open_dependents: vec![0; count],
            last_note: vec![None; count],
            last_entry: vec![None; count],
            midpoint_covered: vec![false; count],
        };

        for activity in &plan.activities {
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
        }

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
        activity: Some(activity.id),
        other_work: Vec::new(),
        person,
        weeks: None,
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

/// Rule 7, first half: the owner is below a required skill level.
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

/// Rule 7, second half: a required certification is missing, expired or
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
    if level > crate::model::MAX_SKILL_LEVEL {
        return level.to_string();
    }
    format!("{level} ({})", crate::model::level_name(level))
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
mod tests;
