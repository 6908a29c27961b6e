//! Large, deterministic plans for benchmarks and load tests, shaped like
//! the demo's firm: a handful of the ops plan's initiatives (which alone
//! depend on each other) beside the firm's book of work for its clients:
//! managed-services contracts with their weekly hours over long terms,
//! client projects billed by the hour or at a fixed fee within a budget,
//! pipeline deals (tentative, with tentative work) and internal work.
//! [`Size::LARGE`] is a 300-person firm: 40 clients, 8 initiatives and 392
//! pieces of the book of work, 12,000 allocations over 26 weeks. Its
//! people are booked for about four fifths of their hours, levelled as a
//! planner would, so only a few of their weeks are over.

use chrono::{Duration, NaiveDate, Weekday};

use super::*;

/// The sizes of a generated plan.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub people: u32,
    /// Every piece of work: the ops plan's initiatives and the book of
    /// work.
    pub activities: u32,
    /// How many of `activities` are the ops plan's initiatives (the first
    /// ids; more than `activities` makes them all initiatives); the rest
    /// are the book of work.
    pub initiatives: u32,
    /// The most dependencies an initiative has, each on an earlier one.
    pub dependencies_per_initiative: u32,
    /// The clients the book of work is for. Without clients it is all
    /// internal work.
    pub clients: u32,
    pub allocations: u32,
    pub weeks: u32,
}

impl Size {
    /// The large plan of the performance budgets: a 300-person managed
    /// services firm. Of its 392 pieces of the book of work, a tenth is
    /// internal and the rest is for 40 clients, about two managed-services
    /// contracts, six projects and a deal each.
    pub const LARGE: Size = Size {
        people: 300,
        activities: 400,
        initiatives: 8,
        dependencies_per_initiative: 2,
        clients: 40,
        allocations: 12_000,
        weeks: 26,
    };
}

impl Size {
    /// The large firm at the limit of activities a plan holds
    /// (`validate::MAX_ACTIVITIES`): its 392 pieces of the book of work and
    /// 19,608 initiatives, as a large old file opens (every activity of a
    /// version 3 file is an initiative). For the views' long lists.
    pub const LIMIT: Size = Size {
        activities: 20_000,
        initiatives: 20_000 - 392,
        ..Size::LARGE
    };
}

/// A small linear congruential generator: the same plan every time.
struct Sequence(u64);

impl Sequence {
    /// A number from 0 to `bound` - 1 (0 when `bound` is 0).
    fn below(&mut self, bound: u32) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % bound.max(1) as u64) as u32
    }
}

/// A valid plan of `size` whose horizon starts in the week of `today`. Any
/// size gives a valid plan: the horizon is kept to 1 to 52 weeks, and
/// without people or activities there is nothing to own or allocate.
///
/// Allocations first staff every contract for its weekly hours, in rotas
/// of up to a quarter, then go in short slices to the other work, each
/// within its dates. The effort of a project, deal or initiative is what
/// its people are booked for (a tenth of them a fifth more, so some work
/// is short of staff), and a project's budget a fifth more than that.
pub fn generated_plan(size: Size, today: NaiveDate) -> Plan {
    let mut next = Sequence(42);
    let mut plan = Plan::empty(PlanId(1), "Generated large plan", today);
    let size = Size {
        weeks: size.weeks.clamp(1, MAX_HORIZON_WEEKS),
        initiatives: size.initiatives.min(size.activities),
        allocations: if size.people == 0 || size.activities == 0 {
            0
        } else {
            size.allocations
        },
        ..size
    };
    plan.horizon.weeks = size.weeks;
    plan.skills = (1..=SKILLS)
        .map(|n| Skill {
            id: SkillId(n),
            name: format!("Skill {n}"),
            category: TEAMS[(n as usize) % TEAMS.len()].0.to_string(),
        })
        .collect();
    plan.people = (1..=size.people)
        .map(|n| generated_person(n, size, plan.horizon.start))
        .collect();
    plan.activities = (1..=size.initiatives)
        .map(|n| initiative(n, size, plan.horizon.start, today, &mut next))
        .collect();
    let book = Book::new(size);
    for index in 0..size.activities - size.initiatives {
        let activity = book.piece(index, size, plan.horizon.start, today, &mut next);
        plan.activities.push(activity);
    }
    plan.allocations = allocations(&plan, size, &mut next);
    set_effort_from_bookings(&mut plan);
    plan.scenarios = (1..=SCENARIOS)
        .map(|n| Scenario {
            id: ScenarioId(n),
            name: format!("Pipeline wins {n}"),
        })
        .collect();
    plan
}

/// How many what-if scenarios a generated plan has.
const SCENARIOS: u32 = 5;

/// How many skills the catalogue has.
const SKILLS: u32 = 40;

/// The teams and the role of their people.
const TEAMS: [(&str, &str); 5] = [
    ("Cloud", "Cloud Engineer"),
    ("DevOps", "DevOps Engineer"),
    ("Security", "Security Analyst"),
    ("Service desk", "Service Desk Analyst"),
    ("Microsoft 365", "Microsoft 365 Consultant"),
];

/// A contract's weekly hours are staffed in pieces of at most this many
/// hours a week, each for at most [`ROTA_WEEKS`].
const ROTA_HOURS: f64 = 8.0;
const ROTA_WEEKS: i64 = 13;

/// Person `n`: full time but every seventh (24 h), every sixth with 8 h
/// of support a week (the firm's own IT), a week of leave, four skills.
fn generated_person(n: u32, size: Size, start: Week) -> Person {
    let (team, role) = TEAMS[(n as usize) % TEAMS.len()];
    Person {
        role: role.to_string(),
        team: team.to_string(),
        weekly_hours: if n.is_multiple_of(7) { 24.0 } else { 40.0 },
        support_hours_per_week: if n.is_multiple_of(6) { 8.0 } else { 0.0 },
        leave: vec![Leave {
            start: start.plus_weeks((n % size.weeks) as i64).monday(),
            end: start.plus_weeks((n % size.weeks) as i64).day(Weekday::Fri),
            day_fraction: 1.0,
            note: String::new(),
        }],
        skills: (0..4)
            .map(|k| SkillLevel {
                skill: SkillId((n + k * 7) % SKILLS + 1),
                level: (n + k) as u8 % 5,
            })
            .fold(Vec::new(), |mut held: Vec<SkillLevel>, level| {
                if !held.iter().any(|h| h.skill == level.skill) {
                    held.push(level);
                }
                held
            }),
        cost_rate: Some(50.0),
        employment: if n.is_multiple_of(10) {
            Employment::Contractor
        } else {
            Employment::Employee
        },
        billable_target: Some(0.75),
        ..Person::new(PersonId(n), &format!("Person {n}"))
    }
}

/// Initiative `n` of the ops plan: internal, unbilled, one to nine weeks
/// within the horizon with a midpoint check-in when longer than three,
/// depending on earlier initiatives.
fn initiative(n: u32, size: Size, start: Week, today: NaiveDate, next: &mut Sequence) -> Activity {
    let days = size.weeks * 7;
    let begin = next.below(days.saturating_sub(14)) as i64;
    let length = 7 + next.below(56) as i64;
    let first_day = start.monday() + Duration::days(begin);
    let deadline = first_day + Duration::days(length);
    let depends_on = (0..size.dependencies_per_initiative)
        .filter(|_| n > 1)
        .map(|_| ActivityId(1 + next.below(n - 1)))
        .fold(Vec::new(), |mut deps: Vec<ActivityId>, dep| {
            if !deps.contains(&dep) {
                deps.push(dep);
            }
            deps
        });
    let status = match () {
        _ if deadline < today => Status::Done,
        _ if first_day > today => Status::NotStarted,
        _ if n % 4 == 3 => Status::Blocked,
        _ => Status::InProgress,
    };
    let owner = (size.people > 0).then(|| PersonId(1 + next.below(size.people)));
    Activity {
        owner,
        start: Some(first_day),
        deadline: Some(deadline),
        checkin: (length > 21).then(|| first_day + Duration::days(length / 2)),
        status,
        impact: 1 + next.below(5) as u8,
        kind: ActivityKind::Internal,
        depends_on,
        required_skills: vec![SkillRequirement {
            skill: SkillId(1 + next.below(SKILLS)),
            min_level: 2,
        }],
        responsible: owner.into_iter().collect(),
        ..Activity::new(ActivityId(n), &format!("Initiative {n}"))
    }
}

/// What a piece of the book of work is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Piece {
    Contract,
    Project,
    Deal,
    Internal,
}

/// The book of work, ten pieces at a time: two managed-services
/// contracts, six projects, a deal and internal work.
const PATTERN: [Piece; 10] = [
    Piece::Contract,
    Piece::Project,
    Piece::Project,
    Piece::Project,
    Piece::Contract,
    Piece::Project,
    Piece::Project,
    Piece::Deal,
    Piece::Project,
    Piece::Internal,
];

const SERVICES: [&str; 5] = [
    "Managed cloud operations",
    "Service desk",
    "Managed security",
    "Managed network",
    "Microsoft 365 management",
];

const PROJECTS: [&str; 7] = [
    "Cloud migration",
    "Zero-trust rollout",
    "Microsoft 365 migration",
    "CI/CD pipelines",
    "Backup and DR",
    "Network refresh",
    "Cost review",
];

const INTERNAL: [&str; 4] = [
    "Certifications and training",
    "Pre-sales and solution design",
    "Internal tooling",
    "Practice development",
];

/// Numbers each piece of the book of work within its kind, from which its
/// client and terms follow.
struct Book {
    /// The kind of the piece of each index, and its number among its kind.
    pieces: Vec<(Piece, u32)>,
    initiatives: u32,
    clients: u32,
}

impl Book {
    fn new(size: Size) -> Book {
        let mut counts = [0u32; 4];
        let pieces = (0..size.activities - size.initiatives)
            .map(|index| {
                let piece = if size.clients == 0 {
                    Piece::Internal
                } else {
                    PATTERN[index as usize % PATTERN.len()]
                };
                let count = &mut counts[piece as usize];
                *count += 1;
                (piece, *count - 1)
            })
            .collect();
        Book {
            pieces,
            initiatives: size.initiatives,
            clients: size.clients,
        }
    }

    /// The piece of the book of work at `index` (from 0).
    fn piece(
        &self,
        index: u32,
        size: Size,
        start: Week,
        today: NaiveDate,
        next: &mut Sequence,
    ) -> Activity {
        let (piece, number) = self.pieces[index as usize];
        let id = ActivityId(self.initiatives + index + 1);
        let clients = self.clients.max(1);
        // Contracts go round the clients, so each has one before any has
        // two; projects and deals go round them on their own.
        let client = 1 + match piece {
            Piece::Contract => number % clients,
            Piece::Project => (number + number / clients) % clients,
            Piece::Deal => (number * 7 + 3) % clients,
            Piece::Internal => 0,
        };
        let owner = (size.people > 0).then(|| PersonId(1 + next.below(size.people)));
        let skills = vec![SkillRequirement {
            skill: SkillId(1 + next.below(SKILLS)),
            min_level: 2,
        }];
        let base = Activity {
            scope: Scope::Book,
            owner,
            required_skills: skills,
            responsible: owner.into_iter().collect(),
            ..Activity::new(id, "")
        };
        let last_week = start.plus_weeks(size.weeks as i64 - 1);
        match piece {
            Piece::Contract => {
                let began = start.plus_weeks(-26 * (1 + next.below(4) as i64));
                contract(base, number, client, (began, start), last_week, next)
            }
            Piece::Project => {
                // Started up to six weeks before the horizon, or in it.
                let first = next.below(size.weeks + 6) as i64 - 6;
                project(base, number, client, first, start, today, next)
            }
            Piece::Deal if number % 3 == 2 => {
                // A managed service still in the pipeline, from a week of
                // the horizon on.
                let from = start.plus_weeks(next.below(size.weeks) as i64);
                let signed = contract(base, number, client, (from, from), last_week, next);
                pipeline(signed, number)
            }
            Piece::Deal => {
                // Work that would start in the horizon, after its first
                // week when there is one.
                let first = (1 + next.below(size.weeks) as i64).min(size.weeks as i64 - 1);
                let won = project(base, number, client, first, start, today, next);
                pipeline(won, number)
            }
            Piece::Internal => Activity {
                title: format!(
                    "{} {}",
                    INTERNAL[number as usize % INTERNAL.len()],
                    number / INTERNAL.len() as u32 + 1
                ),
                kind: ActivityKind::Internal,
                start: Some(start.monday()),
                deadline: Some(last_week.day(Weekday::Fri)),
                status: Status::InProgress,
                ..base
            },
        }
    }
}

/// A managed-services contract of 8 to 40 hours a week whose term began
/// in the first week of `term` and runs a quarter to a year past
/// `last_week`, at a fixed fee for the weeks planned (from the second week
/// of `term` to `last_week`).
fn contract(
    base: Activity,
    number: u32,
    client: u32,
    term: (Week, Week),
    last_week: Week,
    next: &mut Sequence,
) -> Activity {
    let hours = 8.0 + 4.0 * next.below(9) as f64;
    let (began, planned_from) = term;
    let ends = last_week.plus_weeks(13 * (1 + next.below(4) as i64));
    let weeks = (last_week.weeks_since(planned_from) + 1).max(1) as f64;
    Activity {
        title: format!(
            "{} for Client {client}",
            SERVICES[number as usize % SERVICES.len()]
        ),
        kind: ActivityKind::ManagedService,
        client: format!("Client {client}"),
        start: Some(began.monday()),
        deadline: Some(ends.day(Weekday::Fri)),
        status: Status::InProgress,
        status_history: vec![StatusChange {
            date: began.monday(),
            status: Status::InProgress,
        }],
        contract: Some(Contract {
            hours,
            period: Period::Week,
            renewal: Some(ends.plus_weeks(-8).day(Weekday::Fri)),
        }),
        billable: true,
        billing: Billing::FixedFee {
            amount: hours * weeks * 95.0,
        },
        ..base
    }
}

/// A client project of three to sixteen weeks from week `first` (counted
/// from `start`; it ends in the horizon's first week at the earliest),
/// billed by the hour (two in three) or at a fixed fee; its effort, fee
/// and budget follow from its bookings.
fn project(
    base: Activity,
    number: u32,
    client: u32,
    first: i64,
    start: Week,
    today: NaiveDate,
    next: &mut Sequence,
) -> Activity {
    let length = 3 + next.below(14) as i64;
    let last = (first + length - 1).max(0);
    let first_day = start.plus_weeks(first).monday();
    let status = match () {
        _ if first_day > today => Status::NotStarted,
        _ if number % 17 == 16 => Status::Blocked,
        _ => Status::InProgress,
    };
    Activity {
        title: format!(
            "{} for Client {client}",
            PROJECTS[number as usize % PROJECTS.len()]
        ),
        kind: ActivityKind::Project,
        client: format!("Client {client}"),
        start: Some(first_day),
        deadline: Some(start.plus_weeks(last).day(Weekday::Fri)),
        status,
        status_history: if status == Status::NotStarted {
            Vec::new()
        } else {
            vec![StatusChange {
                date: first_day,
                status: Status::InProgress,
            }]
        },
        billable: true,
        billing: if number.is_multiple_of(3) {
            Billing::FixedFee { amount: 0.0 }
        } else {
            Billing::Hourly {
                rate: 120.0 + 10.0 * (number % 5) as f64,
            }
        },
        ..base
    }
}

/// `activity` as a pipeline deal: not started, tentative, at a stage.
fn pipeline(activity: Activity, number: u32) -> Activity {
    let stage = DealStage::ALL[number as usize % DealStage::ALL.len()];
    Activity {
        status: Status::NotStarted,
        status_history: Vec::new(),
        commitment: Commitment::Tentative,
        deal: Some(Deal {
            stage,
            probability: stage.usual_probability(),
        }),
        ..activity
    }
}

/// `size.allocations` allocations: first the rotas that give every
/// contract its weekly hours, then slices of the other work. Each goes to
/// the one of a few people drawn with the most hours free in its weeks, as
/// a planner levels the load (so hardly anyone is booked while on leave).
fn allocations(plan: &Plan, size: Size, next: &mut Sequence) -> Vec<Allocation> {
    let wanted = size.allocations as usize;
    let mut made: Vec<Allocation> = Vec::with_capacity(wanted);
    if wanted == 0 {
        return made;
    }
    let start = plan.horizon.start;
    let mut free = FreeHours::of(&plan.people, start, size.weeks);
    for activity in &plan.activities {
        let Some(contract) = activity.contract else {
            continue;
        };
        let (first, last) = weeks_of(activity, size, start);
        let mut from = first;
        while from <= last {
            let to = (from + ROTA_WEEKS - 1).min(last);
            let mut left = contract.hours;
            while left > 0.0 && made.len() < wanted {
                let hours = left.min(ROTA_HOURS);
                left -= hours;
                for (person, weeks) in free.rota(hours, (from, to), next) {
                    made.push(slice(
                        activity,
                        Assignee::Person(person),
                        hours,
                        weeks,
                        start,
                        made.len(),
                    ));
                }
            }
            from = to + 1;
        }
    }
    made.truncate(wanted);
    // The other work, each drawn as often as it has weeks in the horizon,
    // so a week of a short project is staffed like a week of a long one
    // (internal work of the book a quarter as often: a few hours here and
    // there): (activity, its weeks, the draws of all before it and its
    // own).
    let mut targets: Vec<(&Activity, (i64, i64), u32)> = Vec::new();
    let mut total = 0;
    let others = plan
        .activities
        .iter()
        .filter(|activity| activity.contract.is_none());
    for activity in others {
        let weeks = weeks_of(activity, size, start);
        let length = (weeks.1 - weeks.0 + 1) as u32;
        let ongoing = activity.kind == ActivityKind::Internal && !activity.is_initiative();
        total += if ongoing { length.div_ceil(4) } else { length };
        targets.push((activity, weeks, total));
    }
    if targets.is_empty() {
        let weeks = (0, size.weeks as i64 - 1);
        targets = plan
            .activities
            .iter()
            .zip(1..)
            .map(|(activity, n)| (activity, weeks, n * size.weeks))
            .collect();
        total = targets.len() as u32 * size.weeks;
    }
    while made.len() < wanted {
        let drawn = next.below(total);
        let at = targets.partition_point(|(_, _, before)| *before <= drawn);
        let (activity, (first, last), _) = targets[at.min(targets.len() - 1)];
        // One to four weeks, the first and last weeks of the work as
        // likely to be in one as any other.
        let from = first - 3 + next.below((last - first + 4) as u32) as i64;
        let to = (from + next.below(4) as i64).clamp(first, last);
        let weeks = (from.max(first), to);
        let hours = 4.0 + next.below(8) as f64;
        let assignee = match activity.deal {
            // A deal's hours are partly asked of a role nobody fills yet.
            Some(_) if made.len() % 3 == 2 => Assignee::Placeholder {
                role: TEAMS[activity.id.0 as usize % TEAMS.len()].1.to_string(),
                skills: activity.required_skills.clone(),
            },
            _ => Assignee::Person(free.least_booked(hours, weeks, None, next)),
        };
        made.push(slice(activity, assignee, hours, weeks, start, made.len()));
    }
    made
}

/// How many people are drawn for each allocation.
const DRAWN: u32 = 8;

/// Everyone's hours still free in each week of the horizon: their contracted
/// hours less support, none in their week of leave, less what is booked.
struct FreeHours {
    weeks: usize,
    /// People by index (`PersonId` less one), then weeks.
    hours: Vec<f64>,
    /// The week of the horizon each person is on leave, if any.
    away: Vec<Option<i64>>,
}

impl FreeHours {
    fn of(people: &[Person], start: Week, weeks: u32) -> FreeHours {
        let weeks = weeks as usize;
        let away: Vec<Option<i64>> = people
            .iter()
            .map(|person| {
                let leave = person.leave.first()?;
                Some(Week::containing(leave.start).weeks_since(start))
            })
            .collect();
        let mut hours = Vec::with_capacity(people.len() * weeks);
        for (person, away) in people.iter().zip(&away) {
            hours.extend((0..weeks as i64).map(|week| {
                if Some(week) == *away {
                    0.0
                } else {
                    person.weekly_hours - person.support_hours_per_week
                }
            }));
        }
        FreeHours { weeks, hours, away }
    }

    /// The fewest hours `person` (an index) has free in `weeks`.
    fn least_free(&self, person: u32, weeks: (i64, i64)) -> f64 {
        let row = person as usize * self.weeks;
        self.hours[row + weeks.0 as usize..=row + weeks.1 as usize]
            .iter()
            .copied()
            .fold(f64::INFINITY, f64::min)
    }

    fn book(&mut self, person: u32, hours: f64, weeks: (i64, i64)) {
        let row = person as usize * self.weeks;
        for week in weeks.0..=weeks.1 {
            self.hours[row + week as usize] -= hours;
        }
    }

    /// Of [`DRAWN`] people drawn (other than `not`), the one with the most
    /// hours free in every week of `weeks`, booked for `hours` a week there.
    fn least_booked(
        &mut self,
        hours: f64,
        weeks: (i64, i64),
        not: Option<u32>,
        next: &mut Sequence,
    ) -> PersonId {
        let people = self.away.len() as u32;
        let mut best: Option<(u32, f64)> = None;
        for _ in 0..DRAWN {
            let mut person = next.below(people);
            if Some(person) == not {
                person = (person + 1) % people;
            }
            let least = self.least_free(person, weeks);
            if best.is_none_or(|(_, most)| least > most) {
                best = Some((person, least));
            }
        }
        let person = best.map_or(0, |(person, _)| person);
        self.book(person, hours, weeks);
        PersonId(person + 1)
    }

    /// A contract's rota piece of `hours` a week over `weeks`: one person,
    /// and when they are away a week of it, someone else that week.
    fn rota(
        &mut self,
        hours: f64,
        weeks: (i64, i64),
        next: &mut Sequence,
    ) -> Vec<(PersonId, (i64, i64))> {
        let person = self.least_booked(hours, weeks, None, next);
        let index = person.0 - 1;
        let away = self.away[index as usize].filter(|away| (weeks.0..=weeks.1).contains(away));
        let Some(away) = away else {
            return vec![(person, weeks)];
        };
        // Not booked while away after all: covered by another.
        self.book(index, -hours, (away, away));
        let cover = self.least_booked(hours, (away, away), Some(index), next);
        let mut pieces = Vec::with_capacity(3);
        if away > weeks.0 {
            pieces.push((person, (weeks.0, away - 1)));
        }
        pieces.push((cover, (away, away)));
        if away < weeks.1 {
            pieces.push((person, (away + 1, weeks.1)));
        }
        pieces
    }
}

/// The allocation at `index` (from 0) on `activity` over the weeks
/// `weeks` counted from `start`, tentative on a deal, and then in one of
/// the scenarios for every other deal.
fn slice(
    activity: &Activity,
    assignee: Assignee,
    hours_per_week: f64,
    weeks: (i64, i64),
    start: Week,
    index: usize,
) -> Allocation {
    let deal = activity.deal.is_some();
    let id = activity.id.0;
    Allocation {
        id: AllocationId(index as u32 + 1),
        assignee,
        activity: activity.id,
        hours_per_week,
        first_week: start.plus_weeks(weeks.0),
        last_week: start.plus_weeks(weeks.1),
        commitment: if deal {
            Commitment::Tentative
        } else {
            Commitment::Confirmed
        },
        scenario: (deal && id.is_multiple_of(2)).then_some(ScenarioId(1 + (id / 2) % SCENARIOS)),
    }
}

/// The weeks of the horizon (counted from `start`, 0 to `size.weeks` - 1)
/// that `activity` runs in; the whole horizon for one outside it.
fn weeks_of(activity: &Activity, size: Size, start: Week) -> (i64, i64) {
    let end = size.weeks as i64 - 1;
    let first = activity
        .start
        .map_or(0, |date| Week::containing(date).weeks_since(start))
        .max(0);
    let last = activity
        .deadline
        .map_or(end, |date| Week::containing(date).weeks_since(start))
        .min(end);
    if first <= last {
        (first, last)
    } else {
        (0, end)
    }
}

/// The effort of every initiative, project and deal: the hours booked on
/// it (a fifth more for every tenth, which is then short of staff); a
/// project's budget a fifth more again, and a fixed fee at 115 an hour.
fn set_effort_from_bookings(plan: &mut Plan) {
    let mut booked = vec![0.0; plan.activities.len()];
    for allocation in &plan.allocations {
        // Ids are the positions plus one, as generated.
        let index = allocation.activity.0 as usize - 1;
        let weeks = allocation.last_week.weeks_since(allocation.first_week) + 1;
        booked[index] += allocation.hours_per_week * weeks as f64;
    }
    for (activity, hours) in plan.activities.iter_mut().zip(booked) {
        let ongoing = activity.kind == ActivityKind::Internal && !activity.is_initiative();
        if activity.contract.is_some() || ongoing {
            continue;
        }
        let short = if activity.id.0.is_multiple_of(10) {
            1.2
        } else {
            1.0
        };
        activity.effort_hours = (hours * short).round();
        if activity.kind != ActivityKind::Project {
            continue;
        }
        if activity.deal.is_none() {
            activity.budget_hours = Some((activity.effort_hours * 1.2).round());
        }
        if let Billing::FixedFee { amount } = &mut activity.billing {
            *amount = activity.effort_hours * 115.0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::validate;
    use crate::test_support::today;

    fn size(
        people: u32,
        activities: u32,
        initiatives: u32,
        clients: u32,
        allocations: u32,
    ) -> Size {
        Size {
            people,
            activities,
            initiatives,
            dependencies_per_initiative: 2,
            clients,
            allocations,
            weeks: 26,
        }
    }

    /// Every size gives a valid plan, the empty ones too.
    #[test]
    fn generated_plans_of_every_size_are_valid() {
        for size in [
            Size::LARGE,
            size(0, 0, 0, 0, 0),
            size(0, 20, 4, 5, 100),
            size(10, 0, 3, 5, 100),
            size(10, 3, 8, 5, 100),
            size(10, 30, 0, 0, 100),
            size(10, 1, 0, 3, 5),
            size(12, 30, 4, 5, 40),
            Size {
                weeks: 1,
                ..size(5, 20, 2, 3, 50)
            },
            Size {
                weeks: 0,
                ..size(5, 20, 2, 3, 50)
            },
        ] {
            let mut plan = generated_plan(size, today());
            plan.sort_canonically();
            assert_eq!(validate::errors(&plan), Vec::new(), "{size:?}");
        }
    }

    /// The large plan is a firm: a handful of initiatives that alone depend
    /// on each other, and for 40 clients contracts, projects and deals.
    #[test]
    fn the_large_plan_is_a_firm() {
        let plan = generated_plan(Size::LARGE, today());
        assert_eq!(plan.people.len(), 300);
        assert_eq!(plan.activities.len(), 400);
        assert_eq!(plan.allocations.len(), 12_000);
        assert_eq!(plan.horizon.weeks, 26);
        let initiatives: Vec<&Activity> = plan.initiatives().collect();
        assert_eq!(initiatives.len(), 8);
        assert!(initiatives.iter().all(|activity| activity.client.is_empty()
            && activity.deal.is_none()
            && activity.contract.is_none()));
        // Dependencies only among initiatives, and some there.
        let dependencies: Vec<(ActivityId, ActivityId)> = plan
            .activities
            .iter()
            .flat_map(|activity| activity.depends_on.iter().map(|on| (activity.id, *on)))
            .collect();
        assert!(dependencies.len() >= 7, "{dependencies:?}");
        assert!(dependencies
            .iter()
            .all(|(from, on)| from.0 <= 8 && on.0 <= 8));

        let mut clients: Vec<&str> = plan
            .activities
            .iter()
            .map(|activity| activity.client.as_str())
            .filter(|client| !client.is_empty())
            .collect();
        clients.sort_unstable();
        clients.dedup();
        assert_eq!(clients.len(), 40);
        let book = |piece: fn(&Activity) -> bool| {
            plan.activities
                .iter()
                .filter(|activity| activity.scope == Scope::Book && piece(activity))
                .count()
        };
        // 392 pieces, ten at a time: 79 contracts (13 of the deals are
        // managed services too), 235 projects, 39 deals, 39 internal.
        assert_eq!(
            book(|a| a.kind == ActivityKind::ManagedService && a.deal.is_none()),
            79
        );
        assert!(book(|a| a.contract.is_some() && a.deal.is_none()) == 79);
        assert_eq!(
            book(|a| a.kind == ActivityKind::Project && a.deal.is_none()),
            235
        );
        assert_eq!(book(|a| a.deal.is_some()), 39);
        assert_eq!(book(|a| a.deal.is_some() && a.contract.is_some()), 13);
        assert_eq!(book(|a| a.kind == ActivityKind::Internal), 39);
        // Every client has a contract; a contract's term runs past the
        // horizon on both sides.
        let horizon = (plan.horizon.first_day(), plan.horizon.last_day());
        for activity in plan
            .activities
            .iter()
            .filter(|a| a.contract.is_some() && a.deal.is_none())
        {
            assert!(activity.start.is_some_and(|start| start < horizon.0));
            assert!(activity.deadline.is_some_and(|end| end > horizon.1));
        }
        let with_contract = |client: &str| {
            plan.activities
                .iter()
                .any(|a| a.client == client && a.contract.is_some() && a.deal.is_none())
        };
        assert!(clients.iter().all(|client| with_contract(client)));
        // Deals are tentative, and so is all their work.
        for deal in plan.activities.iter().filter(|a| a.deal.is_some()) {
            assert_eq!(deal.commitment, Commitment::Tentative);
            assert!(plan
                .allocations
                .iter()
                .filter(|allocation| allocation.activity == deal.id)
                .all(|allocation| allocation.commitment == Commitment::Tentative));
        }
        // Every contract is staffed for its hours in the horizon's first
        // week.
        for activity in plan
            .activities
            .iter()
            .filter(|a| a.contract.is_some() && a.deal.is_none())
        {
            let staffed: f64 = plan
                .allocations
                .iter()
                .filter(|allocation| {
                    allocation.activity == activity.id
                        && allocation.first_week == plan.horizon.start
                })
                .map(|allocation| allocation.hours_per_week)
                .sum();
            assert_eq!(
                Some(staffed),
                activity.weekly_commitment(),
                "{}",
                activity.title
            );
        }
    }

    #[test]
    fn the_same_size_gives_the_same_plan() {
        let size = size(20, 60, 5, 8, 300);
        assert_eq!(generated_plan(size, today()), generated_plan(size, today()));
    }
}
