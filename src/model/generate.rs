//! Large, deterministic plans for benchmarks and load tests
//! (300 people, 3,000 activities, 12,000 allocations over 26 weeks).

use chrono::{Duration, NaiveDate, Weekday};

use super::*;

/// The sizes of a generated plan.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub people: u32,
    pub activities: u32,
    pub dependencies_per_activity: u32,
    pub allocations: u32,
    pub weeks: u32,
}

impl Size {
    /// The large plan of the performance budgets.
    pub const LARGE: Size = Size {
        people: 300,
        activities: 3_000,
        dependencies_per_activity: 2,
        allocations: 12_000,
        weeks: 26,
    };
}

/// A small linear congruential generator: the same plan every time.
struct Sequence(u64);

impl Sequence {
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
pub fn generated_plan(size: Size, today: NaiveDate) -> Plan {
    let mut next = Sequence(42);
    let mut plan = Plan::empty(PlanId(1), "Generated large plan", today);
    let size = Size {
        weeks: size.weeks.clamp(1, MAX_HORIZON_WEEKS),
        allocations: if size.people == 0 || size.activities == 0 {
            0
        } else {
            size.allocations
        },
        ..size
    };
    plan.horizon.weeks = size.weeks;
    let start = plan.horizon.start;
    let teams = [
        "Cloud",
        "DevOps",
        "Security",
        "Service desk",
        "Microsoft 365",
    ];
    plan.skills = (1..=40)
        .map(|n| Skill {
            id: SkillId(n),
            name: format!("Skill {n}"),
            category: teams[(n as usize) % teams.len()].to_string(),
        })
        .collect();
    plan.people = (1..=size.people)
        .map(|n| Person {
            id: PersonId(n),
            name: format!("Person {n}"),
            role: "Engineer".to_string(),
            team: teams[(n as usize) % teams.len()].to_string(),
            weekly_hours: if n % 7 == 0 { 24.0 } else { 40.0 },
            working_days: vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
            start_date: None,
            end_date: None,
            support_hours_per_week: (n % 4) as f64 * 4.0,
            support_periods: Vec::new(),
            leave: vec![Leave {
                start: start.plus_weeks((n % size.weeks) as i64).monday(),
                end: start.plus_weeks((n % size.weeks) as i64).day(Weekday::Fri),
                day_fraction: 1.0,
                note: String::new(),
            }],
            skills: (0..4)
                .map(|k| SkillLevel {
                    skill: SkillId((n + k * 7) % 40 + 1),
                    level: (n + k) as u8 % 5,
                })
                .fold(Vec::new(), |mut held: Vec<SkillLevel>, level| {
                    if !held.iter().any(|h| h.skill == level.skill) {
                        held.push(level);
                    }
                    held
                }),
            certifications: Vec::new(),
            cost_rate: Some(50.0),
            employment: if n % 10 == 0 {
                Employment::Contractor
            } else {
                Employment::Employee
            },
            billable_target: Some(0.75),
        })
        .collect();
    let days = size.weeks as i64 * 7;
    plan.activities = (1..=size.activities)
        .map(|n| {
            let begin = next.below((days as u32).saturating_sub(14)) as i64;
            let length = 7 + next.below(56) as i64;
            let first_day = start.monday() + Duration::days(begin);
            let depends_on = (0..size.dependencies_per_activity)
                .filter(|_| n > 1)
                .map(|_| ActivityId(1 + next.below(n - 1)))
                .fold(Vec::new(), |mut deps: Vec<ActivityId>, dep| {
                    if !deps.contains(&dep) {
                        deps.push(dep);
                    }
                    deps
                });
            Activity {
                id: ActivityId(n),
                title: format!("Activity {n}"),
                description: String::new(),
                owner: (size.people > 0).then(|| PersonId(1 + next.below(size.people))),
                start: Some(first_day),
                deadline: Some(first_day + Duration::days(length)),
                checkin: None,
                done_definition: DoneDefinition::default(),
                status: Status::ALL[next.below(4) as usize],
                status_history: Vec::new(),
                impact: 1 + next.below(5) as u8,
                effort_hours: 8.0 + next.below(120) as f64,
                kind: ActivityKind::ALL[next.below(4) as usize],
                client: format!("Client {}", next.below(30)),
                commitment: if n % 5 == 0 {
                    Commitment::Tentative
                } else {
                    Commitment::Confirmed
                },
                depends_on,
                required_skills: vec![SkillRequirement {
                    skill: SkillId(1 + next.below(40)),
                    min_level: 2,
                }],
                required_certifications: Vec::new(),
                ..Activity::new(ActivityId(n), "")
            }
        })
        .collect();
    // Client work is billed, every third activity at a fixed fee, and has
    // a budget; its owner is responsible. Derived from what was drawn, so
    // the random sequence (and every plan generated before) is unchanged.
    for activity in &mut plan.activities {
        activity.billable = activity.kind != ActivityKind::Internal;
        activity.billing = match (activity.billable, activity.id.0 % 3) {
            (false, _) => Billing::NotBilled,
            (true, 0) => Billing::FixedFee {
                amount: activity.effort_hours * 110.0,
            },
            (true, _) => Billing::Hourly { rate: 120.0 },
        };
        activity.budget_hours = Some(activity.effort_hours);
        activity.responsible = activity.owner.into_iter().collect();
    }
    plan.allocations = (1..=size.allocations)
        .map(|n| {
            let first = next.below(size.weeks) as i64;
            let last = (first + next.below(6) as i64).min(size.weeks as i64 - 1);
            Allocation {
                id: AllocationId(n),
                assignee: Assignee::Person(PersonId(1 + next.below(size.people))),
                activity: ActivityId(1 + next.below(size.activities)),
                hours_per_week: 2.0 + next.below(16) as f64,
                first_week: start.plus_weeks(first),
                last_week: start.plus_weeks(last),
                commitment: if n % 4 == 0 {
                    Commitment::Tentative
                } else {
                    Commitment::Confirmed
                },
                // Half the tentative work belongs to one of the scenarios.
                scenario: (n % 8 == 0).then_some(ScenarioId(1 + (n / 8) % SCENARIOS)),
            }
        })
        .collect();
    plan.scenarios = (1..=SCENARIOS)
        .map(|n| Scenario {
            id: ScenarioId(n),
            name: format!("Prospect {n} signs"),
        })
        .collect();
    plan
}

/// How many what-if scenarios a generated plan has.
const SCENARIOS: u32 = 5;
