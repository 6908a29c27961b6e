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

mod certifications;
mod dependencies;
mod load;
mod missed_checkin;
mod no_owner;
mod overdue;
mod owner_away;
mod skill_gaps;
mod stale;

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
                overdue::overdue(&context, index, activity, owner, &mut found);
            }
            continue;
        }
        overdue::overdue(&context, index, activity, owner, &mut found);
        dependencies::dependencies(&context, activity, &mut found);
        stale::stale(&context, index, activity, owner, &mut found);
        missed_checkin::missed_checkin(&context, index, activity, owner, &mut found);
        match owner {
            Owner::Known(person_index) => {
                owner_away::owner_away(&context, activity, person_index, &mut found);
                skill_gaps::skill_gaps(&context, activity, person_index, &mut found);
                certifications::certifications(&context, activity, person_index, &mut found);
            }
            Owner::Nobody | Owner::Unknown(_) => no_owner::no_owner(activity, owner, &mut found),
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

/// The owner's id when the plan knows them.
fn known(owner: Owner, context: &Context) -> Option<PersonId> {
    match owner {
        Owner::Known(index) => Some(context.plan.people[index].id),
        Owner::Nobody | Owner::Unknown(_) => None,
    }
}

/// "1 day", "12 days".
fn days_text(days: i64) -> String {
    count_of(days.unsigned_abs() as usize, "day", "days")
}

#[cfg(test)]
mod tests;
