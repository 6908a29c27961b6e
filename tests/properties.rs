//! Properties of plans and edits, over plans generated from the demo and
//! the plan generator (random days, random sizes) and varied by random
//! sequences of commands, valid ones and refused ones alike:
//!
//! - a plan exported and imported again is the same plan, and writes the
//!   same bytes ([`export_then_import_gives_the_same_plan`]);
//! - any sequence of commands (every kind, money, roles and cadence
//!   included) followed by as many undos as edits it made gives the
//!   original plan back; a refused command changes nothing and
//!   adds nothing to undo; redo replays every edit
//!   ([`undo_takes_back_every_edit_and_refusals_change_nothing`]);
//! - merging a plan with itself (two-way, or three-way with itself as the
//!   common version) lists no change and changes nothing; and merging an
//!   edited copy into the unchanged original, taking every change, gives
//!   the edited copy ([`merging_a_plan_with_itself_changes_nothing`]);
//! - a command refused or accepted by `apply`, which checks only the rules
//!   an allocation edit can break, is refused with the same error or
//!   accepted with the same plan by checking every rule of the plan
//!   ([`checking_what_a_command_touched_agrees_with_checking_everything`]);
//! - a capacity kept over edits, undos and redos, counting only the
//!   allocations the history says changed, is the capacity computed from
//!   scratch, to the bit, and so are the billable figures worked out again
//!   for the people it names
//!   ([`a_capacity_counted_by_change_is_the_one_computed_from_scratch`]);
//! - the People, Leave and Holidays sheets of a plan, imported in that
//!   order into an empty plan, give the same people, leave and holidays,
//!   and imported again change nothing
//!   ([`the_people_leave_and_holidays_sheets_import_back_as_they_were`]);
//! - the Work sheet of a generated plan's book of work, imported after its
//!   People sheet into an empty plan with the same horizon, gives the same
//!   pieces of work and assignments, and imported again changes nothing
//!   ([`the_work_sheet_imports_back_as_it_was`]).
//!
//! `PROPTEST_CASES` sets the number of cases (64 by default); failures are
//! kept in `tests/properties.proptest-regressions` and replayed first.

// proptest is a native dev-dependency: these run natively only.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

use opsboard::command::import::{plan_import, Mapping};
use opsboard::command::{apply, apply_checking_everything, Command, History};
use opsboard::engine::{capacity, money, validate};
use opsboard::model::demo::demo_plan;
use opsboard::model::generate::{generated_plan, Size};
use opsboard::model::{
    Activity, ActivityId, ActivityKind, Allocation, AllocationId, Assignee, Billing, Cadence,
    CadenceId, CadenceKind, Certification, CheckIn, CheckInEntry, CheckInId, ChecklistItem,
    Commitment, Decision, Direction, Employment, Frequency, Holiday, Horizon, Leave, MetricId,
    OpenRole, Person, PersonId, Plan, PlanId, RaciRole, Resources, RiskSettings, RoleId,
    RoleStatus, ScenarioId, Scope, Skill, SkillId, SkillLevel, SkillRequirement, Status,
    StrategicGoal, SuccessMetric, SupportPeriod, Week, WEEKDAYS,
};
use opsboard::persist::diff::compare;
use opsboard::persist::sheets::{
    holidays_sheet_csv, leave_sheet_csv, people_sheet_csv, work_sheet_csv,
};
use opsboard::persist::table::{match_columns, read_table, DateOrder, Sheet};
use opsboard::persist::{self, share};

mod support;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// Plans to start from.

/// The plan a case starts from: the demo or a generated plan, around a day
/// years before or after 2026.
#[derive(Debug, Clone)]
enum Base {
    Demo {
        days: i64,
    },
    Generated {
        /// People, activities, initiatives, dependencies per initiative,
        /// clients, allocations and weeks.
        size: (u32, u32, u32, u32, u32, u32, u32),
        days: i64,
    },
}

fn base() -> impl Strategy<Value = Base> {
    prop_oneof![
        (-3_000i64..3_000).prop_map(|days| Base::Demo { days }),
        (
            (
                0u32..15,
                0u32..40,
                0u32..10,
                0u32..4,
                0u32..8,
                0u32..60,
                0u32..=52
            ),
            -3_000i64..3_000
        )
            .prop_map(|(size, days)| Base::Generated { size, days }),
    ]
}

fn day_near(days: i64) -> NaiveDate {
    support::today() + Duration::days(days)
}

fn start_plan(base: &Base) -> (Plan, NaiveDate) {
    let (mut plan, today) = match base {
        Base::Demo { days } => (demo_plan(PlanId(1), day_near(*days)), day_near(*days)),
        Base::Generated {
            size:
                (
                    people,
                    activities,
                    initiatives,
                    dependencies_per_initiative,
                    clients,
                    allocations,
                    weeks,
                ),
            days,
        } => {
            let size = Size {
                people: *people,
                activities: *activities,
                initiatives: *initiatives,
                dependencies_per_initiative: *dependencies_per_initiative,
                clients: *clients,
                allocations: *allocations,
                weeks: *weeks,
            };
            (generated_plan(size, day_near(*days)), day_near(*days))
        }
    };
    plan.sort_canonically();
    (plan, today)
}

// ---------------------------------------------------------------------------
// People, leave and holidays for the spreadsheet round trip.

/// What a person of a generated plan gets on top of what the generator
/// gives them (which is no certifications, no dates, and the same working
/// days, cost rate and billable target for all).
#[derive(Debug, Clone)]
struct PersonExtras {
    /// Each bit a weekday, Monday the lowest; never none (see
    /// `the_people_leave_and_holidays_sheets_import_back_as_they_were`).
    working_days: u8,
    weekly_hours: f64,
    /// Days from today to the first and from there to the last working day.
    start: Option<i64>,
    end: Option<i64>,
    cost_rate: Option<f64>,
    billable_target: Option<f64>,
    /// Each bit one of [`CERTIFICATIONS`], with its expiry in days from
    /// today.
    certifications: u8,
    expires: Option<i64>,
    /// A half day off this many days after today, with a note.
    half_day: Option<i64>,
    /// Which of [`AWKWARD`] ends their name, role and team; when odd, the
    /// name also starts like a formula.
    awkward: usize,
}

/// Text a name may end with: a comma, quotes, a line break, two spaces.
const AWKWARD: [&str; 5] = ["", ", Jr.", " \"Jay\" O'Neil", "\nsecond line", "  Smith"];

/// Certification names as firms write them, brackets included.
const CERTIFICATIONS: [&str; 5] = [
    "AZ-104",
    "CKA",
    "CCNA (Routing)",
    "ITIL 4 Foundation",
    "AWS Solutions Architect – Associate",
];

fn person_extras() -> impl Strategy<Value = PersonExtras> {
    (
        (1u8..128, 0.0f64..=80.0, prop::option::of(-400i64..400)),
        (
            prop::option::of(0i64..800),
            prop::option::of(0.0f64..500.0),
            prop::option::of(0.0f64..=1.0),
        ),
        (
            0u8..32,
            prop::option::of(-100i64..1_000),
            prop::option::of(-300i64..300),
            0..AWKWARD.len(),
        ),
    )
        .prop_map(
            |(
                (working_days, weekly_hours, start),
                (end, cost_rate, billable_target),
                (certifications, expires, half_day, awkward),
            )| PersonExtras {
                working_days,
                weekly_hours,
                start,
                end,
                cost_rate,
                billable_target,
                certifications,
                expires,
                half_day,
                awkward,
            },
        )
}

/// A generated plan of 1 to 30 people with `extras` on its first people
/// and public holidays `holidays` days from today.
fn sheet_plan(people: u32, days: i64, extras: &[PersonExtras], holidays: &[i64]) -> Plan {
    let today = day_near(days);
    let size = Size {
        people,
        activities: 0,
        initiatives: 0,
        dependencies_per_initiative: 0,
        clients: 0,
        allocations: 0,
        weeks: 12,
    };
    let mut plan = generated_plan(size, today);
    let at = |offset: i64| today + Duration::days(offset);
    for (person, extras) in plan.people.iter_mut().zip(extras) {
        let awkward = AWKWARD[extras.awkward];
        // Some names start like a formula, which the export guards.
        if extras.awkward % 2 == 1 {
            person.name.insert_str(0, ["=", "'@"][extras.awkward / 2]);
        }
        person.name.push_str(awkward);
        person.role.push_str(awkward);
        person.team.push_str(awkward);
        person.working_days = WEEKDAYS
            .iter()
            .enumerate()
            .filter(|(bit, _)| extras.working_days & (1 << bit) != 0)
            .map(|(_, day)| *day)
            .collect();
        person.weekly_hours = extras.weekly_hours;
        person.start_date = extras.start.map(at);
        person.end_date = extras.end.map(|days| at(extras.start.unwrap_or(0) + days));
        person.cost_rate = extras.cost_rate;
        person.billable_target = extras.billable_target;
        person.certifications = CERTIFICATIONS
            .iter()
            .enumerate()
            .filter(|(bit, _)| extras.certifications & (1 << bit) != 0)
            .map(|(bit, name)| Certification {
                name: name.to_string(),
                // The sheet has no issuer column: the import leaves it empty.
                issuer: String::new(),
                expires: extras.expires.map(|days| at(days + bit as i64)),
            })
            .collect();
        if let Some(days) = extras.half_day {
            let day = at(days);
            // One entry a person's days: the import finds leave by its days.
            if !person
                .leave
                .iter()
                .any(|held| held.start == day && held.end == day)
            {
                person.leave.push(Leave {
                    start: day,
                    end: day,
                    day_fraction: 0.5,
                    note: "Dentist, \"morning\"".to_string(),
                });
            }
        }
    }
    for (index, days) in holidays.iter().enumerate() {
        let date = at(*days);
        if !plan.holidays.iter().any(|holiday| holiday.date == date) {
            plan.holidays.push(Holiday {
                date,
                name: format!("Holiday {index}, observed"),
            });
        }
    }
    plan.sort_canonically();
    plan
}

/// A person as the sheets carry them, to compare by name: ids, the
/// employment, support hours and periods and the certifications' issuers
/// are in no sheet and stay out. Skill levels are by skill name, level 0
/// (no skill) left out, as the sheet leaves it out; leave in date order.
type SheetPerson = (
    String,
    (String, String, u64, Vec<String>),
    (
        Option<NaiveDate>,
        Option<NaiveDate>,
        Option<u64>,
        Option<u64>,
    ),
    Vec<(String, u8)>,
    Vec<(String, Option<NaiveDate>)>,
    Vec<(NaiveDate, NaiveDate, u64, String)>,
);

fn sheet_people(plan: &Plan) -> Vec<SheetPerson> {
    let mut people: Vec<SheetPerson> = plan
        .people
        .iter()
        .map(|person| {
            let mut skills: Vec<(String, u8)> = person
                .skills
                .iter()
                .filter(|held| held.level > 0)
                .filter_map(|held| {
                    let skill = plan.skills.iter().find(|skill| skill.id == held.skill)?;
                    Some((skill.name.clone(), held.level))
                })
                .collect();
            skills.sort();
            let mut leave: Vec<(NaiveDate, NaiveDate, u64, String)> = person
                .leave
                .iter()
                .map(|leave| {
                    (
                        leave.start,
                        leave.end,
                        leave.day_fraction.to_bits(),
                        leave.note.clone(),
                    )
                })
                .collect();
            leave.sort();
            (
                person.name.clone(),
                (
                    person.role.clone(),
                    person.team.clone(),
                    person.weekly_hours.to_bits(),
                    person
                        .working_days
                        .iter()
                        .map(|day| day.to_string())
                        .collect(),
                ),
                (
                    person.start_date,
                    person.end_date,
                    person.cost_rate.map(f64::to_bits),
                    person.billable_target.map(f64::to_bits),
                ),
                skills,
                person
                    .certifications
                    .iter()
                    .map(|held| (held.name.clone(), held.expires))
                    .collect(),
                leave,
            )
        })
        .collect();
    people.sort_by(|a, b| a.0.cmp(&b.0));
    people
}

/// `text` imported as `sheet` into `plan` the way the import dialog does
/// it: read, columns matched by name, planned, its command applied. Every
/// row must be taken.
fn import_sheet(
    plan: &Plan,
    sheet: Sheet,
    text: &str,
    today: NaiveDate,
) -> Result<(Plan, Option<Command>), TestCaseError> {
    let table = read_table(text).map_err(|problem| TestCaseError::fail(problem.to_string()))?;
    let mapping = Mapping {
        sheet,
        columns: match_columns(sheet, &table.header),
        dates: DateOrder::Iso,
    };
    let source = format!("{}.csv", sheet.label());
    let imported = plan_import(plan, &table, &mapping, &source);
    for row in &imported.rows {
        prop_assert!(row.problems.is_empty(), "{:?}\n{}", row, text);
    }
    let Some(command) = imported.command else {
        return Ok((plan.clone(), None));
    };
    let applied =
        apply(plan, &command, today).map_err(|error| TestCaseError::fail(format!("{error}")))?;
    Ok((applied.plan, Some(command)))
}

/// A generated plan of `size` whose book of work the Work sheet can carry
/// whole: a piece of work whose title and client repeat another's (the
/// sheet's key) gets a number after its title, and assignments of one
/// assignee to one piece of work in the same weeks (which the sheet would
/// list twice, and the import refuse the second time) are one, with the
/// hours of both.
fn work_plan(size: Size, today: NaiveDate) -> Plan {
    let mut plan = generated_plan(size, today);
    let mut titles: Vec<(String, String)> = Vec::new();
    for activity in &mut plan.activities {
        let key = |title: &str| (title.to_lowercase(), activity.client.to_lowercase());
        let mut title = activity.title.clone();
        let mut number = 1;
        while titles.contains(&key(&title)) {
            number += 1;
            title = format!("{} ({number})", activity.title);
        }
        titles.push(key(&title));
        activity.title = title;
    }
    let mut kept: Vec<Allocation> = Vec::new();
    for allocation in plan.allocations.drain(..) {
        let same = kept.iter_mut().find(|held| {
            held.activity == allocation.activity
                && held.assignee == allocation.assignee
                && (held.first_week, held.last_week)
                    == (allocation.first_week, allocation.last_week)
        });
        match same {
            Some(held) => held.hours_per_week += allocation.hours_per_week,
            None => kept.push(allocation),
        }
    }
    plan.allocations = kept;
    plan.sort_canonically();
    plan
}

/// The book of work as the Work sheet carries it, to compare by name:
/// each piece of work's title, client, kind, status, dates, budget and
/// deal, and each assignment's work, assignee's name, weeks, hours and
/// commitment (ids, owners, contracts, billing, skills and scenarios are
/// in no column), each list sorted.
type SheetWork = (Vec<String>, Vec<String>);

fn sheet_work(plan: &Plan) -> SheetWork {
    let mut work: Vec<String> = plan
        .activities
        .iter()
        .filter(|activity| activity.scope == Scope::Book)
        .map(|activity| {
            format!(
                "{:?} {:?} {} {} {:?} {:?} {:?} {:?}",
                activity.title,
                activity.client,
                activity.kind.label(),
                activity.status.label(),
                activity.start,
                activity.deadline,
                activity.budget_hours.map(f64::to_bits),
                activity
                    .deal
                    .map(|deal| (deal.stage.label(), deal.probability.to_bits())),
            )
        })
        .collect();
    let mut assignments: Vec<String> = plan
        .allocations
        .iter()
        .filter_map(|allocation| {
            let activity = plan.activity(allocation.activity)?;
            let who = match &allocation.assignee {
                Assignee::Person(id) => plan.person_name(*id),
                Assignee::Role(id) => format!("open role {}", plan.role_title(*id)),
                Assignee::Placeholder { role, .. } => format!("{role} (to staff)"),
            };
            (activity.scope == Scope::Book).then(|| {
                format!(
                    "{:?} {:?} {who:?} {} {} {} {}",
                    activity.title,
                    activity.client,
                    allocation.first_week,
                    allocation.last_week,
                    allocation.hours_per_week.to_bits(),
                    allocation.commitment.label()
                )
            })
        })
        .collect();
    work.sort();
    assignments.sort();
    (work, assignments)
}

// ---------------------------------------------------------------------------
// Random edits, made into commands against the plan they apply to.

/// Which command an edit makes.
#[derive(Debug, Clone, Copy)]
enum Kind {
    RenamePlan,
    SetGoal,
    SetHorizon,
    SetReviewWeekday,
    SetResources,
    SetRiskSettings,
    SetHolidays,
    AddMetric,
    UpdateMetric,
    RemoveMetric,
    AddActivity,
    UpdateActivity,
    DeleteActivity,
    SetOwner,
    SetSkillLevel,
    AddSkill,
    UpdateSkill,
    RemoveSkill,
    SetStatus,
    AddPerson,
    UpdatePerson,
    RemovePerson,
    AddAllocation,
    UpdateAllocation,
    RemoveAllocation,
    AddScenario,
    RenameScenario,
    RemoveScenario,
    ConfirmScenario,
    PinPriority,
    AddCheckIn,
    DecideDecision,
    SetPersonRates,
    SetBilling,
    SetRaci,
    AddRole,
    UpdateRole,
    RemoveRole,
    FillRole,
    AddCadence,
    UpdateCadence,
    RemoveCadence,
    Batch,
    ReplacePlan,
}

const KINDS: [Kind; 44] = [
    Kind::RenamePlan,
    Kind::SetGoal,
    Kind::SetHorizon,
    Kind::SetReviewWeekday,
    Kind::SetResources,
    Kind::SetRiskSettings,
    Kind::SetHolidays,
    Kind::AddMetric,
    Kind::UpdateMetric,
    Kind::RemoveMetric,
    Kind::AddActivity,
    Kind::UpdateActivity,
    Kind::DeleteActivity,
    Kind::SetOwner,
    Kind::SetSkillLevel,
    Kind::AddSkill,
    Kind::UpdateSkill,
    Kind::RemoveSkill,
    Kind::SetStatus,
    Kind::AddPerson,
    Kind::UpdatePerson,
    Kind::RemovePerson,
    Kind::AddAllocation,
    Kind::UpdateAllocation,
    Kind::RemoveAllocation,
    Kind::AddScenario,
    Kind::RenameScenario,
    Kind::RemoveScenario,
    Kind::ConfirmScenario,
    Kind::PinPriority,
    Kind::AddCheckIn,
    Kind::DecideDecision,
    Kind::SetPersonRates,
    Kind::SetBilling,
    Kind::SetRaci,
    Kind::AddRole,
    Kind::UpdateRole,
    Kind::RemoveRole,
    Kind::FillRole,
    Kind::AddCadence,
    Kind::UpdateCadence,
    Kind::RemoveCadence,
    Kind::Batch,
    Kind::ReplacePlan,
];

/// The random choices of one edit; which item it picks, the number, day
/// and text it uses are read against the plan when it is applied.
#[derive(Debug, Clone)]
struct Edit {
    kind: Kind,
    picks: [usize; 4],
    number: f64,
    days: i64,
    text: String,
    flag: bool,
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(0.5),
        Just(8.0),
        Just(40.0),
        Just(168.0),
        Just(168.5),
        Just(-1.0),
        0.0f64..170.0,
        // Every bit pattern: NaN, infinities, subnormals, huge.
        any::<f64>(),
        // A number JSON writes with 17 digits.
        Just(0.1 + 0.2),
        Just(100.0 / 3.0),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    edit_of(KINDS.to_vec())
}

/// Edits of the allocations (the commands checked by what they touch), with
/// others now and then to change what they meet.
fn allocation_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => edit_of(vec![Kind::AddAllocation, Kind::UpdateAllocation, Kind::RemoveAllocation]),
        1 => edit(),
    ]
}

fn edit_of(kinds: Vec<Kind>) -> impl Strategy<Value = Edit> {
    (
        prop::sample::select(kinds),
        any::<[usize; 4]>(),
        number(),
        prop_oneof![
            -120i64..240,
            Just(-30_000i64),
            Just(70_000i64),
            -3_000i64..3_000
        ],
        prop_oneof![
            1 => Just(String::new()),
            1 => Just("   ".to_string()),
            5 => "[A-Za-z][A-Za-z ]{0,20}",
            2 => ".{0,24}"
        ],
        any::<bool>(),
    )
        .prop_map(|(kind, picks, number, days, text, flag)| Edit {
            kind,
            picks,
            number,
            days,
            text,
            flag,
        })
}

/// Item `pick` of `items`, or none one time in eight (an id not in the plan).
fn pick<T>(items: &[T], pick: usize) -> Option<&T> {
    if items.is_empty() || pick % 8 == 7 {
        None
    } else {
        items.get(pick % items.len())
    }
}

fn activity_id(plan: &Plan, index: usize) -> ActivityId {
    pick(&plan.activities, index).map_or(ActivityId(9_999), |a| a.id)
}

fn person_id(plan: &Plan, index: usize) -> PersonId {
    pick(&plan.people, index).map_or(PersonId(9_999), |p| p.id)
}

fn skill_id(plan: &Plan, index: usize) -> SkillId {
    pick(&plan.skills, index).map_or(SkillId(9_999), |s| s.id)
}

fn scenario_id(plan: &Plan, index: usize) -> ScenarioId {
    pick(&plan.scenarios, index).map_or(ScenarioId(9_999), |s| s.id)
}

fn role_id(plan: &Plan, index: usize) -> RoleId {
    pick(&plan.roles, index).map_or(RoleId(9_999), |r| r.id)
}

fn cadence_id(plan: &Plan, index: usize) -> CadenceId {
    pick(&plan.cadences, index).map_or(CadenceId(9_999), |c| c.id)
}

fn new_role(plan: &Plan, today: NaiveDate, edit: &Edit) -> OpenRole {
    let [a, b, c, _] = edit.picks;
    let mut role = OpenRole::new(RoleId(0), &edit.text, shifted(today, edit.days));
    role.team = "Cloud".to_string();
    role.weekly_hours = edit.number;
    role.skills = vec![SkillLevel {
        skill: skill_id(plan, a),
        level: (b % 6) as u8,
    }];
    role.status = [
        RoleStatus::Planned,
        RoleStatus::Approved,
        RoleStatus::Interviewing,
        RoleStatus::Offer,
        RoleStatus::Filled,
    ][c % 5];
    role.cost_rate = edit.flag.then_some(edit.number);
    role.scenario = (a % 3 == 0).then(|| scenario_id(plan, b));
    role
}

fn new_cadence(plan: &Plan, edit: &Edit) -> Cadence {
    let [a, b, c, d] = edit.picks;
    let kind = CadenceKind::ALL[a % 4];
    // Mostly the frequency the kind meets at, sometimes any.
    let frequency = match kind {
        _ if b % 5 == 0 => Frequency::ALL[c % 3],
        CadenceKind::WeeklyOpsSync => Frequency::Weekly,
        CadenceKind::MonthlyServiceReview => Frequency::Monthly,
        CadenceKind::QuarterlyStrategyReview => Frequency::Quarterly,
        CadenceKind::Custom => Frequency::ALL[b % 3],
    };
    Cadence {
        id: CadenceId(0),
        kind,
        title: edit.text.clone(),
        frequency,
        weekday: WEEKDAYS[c % 7],
        nth: match frequency {
            _ if d % 7 == 0 => Some((d % 9) as u8),
            Frequency::Weekly => None,
            _ => Some((d % 4) as u8 + 1),
        },
        owner: edit.flag.then(|| person_id(plan, a)),
    }
}

/// `days` after `today`, when that is a date.
fn shifted(today: NaiveDate, days: i64) -> NaiveDate {
    today
        .checked_add_signed(Duration::days(days))
        .unwrap_or(today)
}

fn week_of(plan: &Plan, offset: usize) -> Week {
    plan.horizon.start.plus_weeks((offset % 16) as i64 - 1)
}

fn new_activity(plan: &Plan, today: NaiveDate, edit: &Edit) -> Activity {
    let [a, b, c, d] = edit.picks;
    let start = shifted(today, edit.days);
    let mut activity = Activity::new(ActivityId(0), &edit.text);
    activity.owner = (a % 3 != 0).then(|| person_id(plan, b));
    activity.start = (b % 5 != 0).then_some(start);
    activity.deadline = (c % 5 != 0).then(|| shifted(start, (d % 70) as i64 - 3));
    activity.checkin = (d % 4 == 0).then(|| shifted(start, (a % 30) as i64));
    activity.impact = (c % 7) as u8;
    activity.effort_hours = edit.number;
    activity.status = Status::ALL[d % 4];
    activity.kind = ActivityKind::ALL[a % 4];
    activity.commitment = if edit.flag {
        Commitment::Tentative
    } else {
        Commitment::Confirmed
    };
    if b % 2 == 0 {
        activity.depends_on.push(activity_id(plan, c));
    }
    if c % 3 == 0 {
        activity.required_skills.push(SkillRequirement {
            skill: skill_id(plan, d),
            min_level: (a % 6) as u8,
        });
    }
    if d % 3 == 0 {
        activity.done_definition.checklist.push(ChecklistItem {
            text: "Runbook written".to_string(),
            done: edit.flag,
            done_on: edit.flag.then_some(today),
        });
    }
    activity
}

fn new_allocation(plan: &Plan, edit: &Edit) -> Allocation {
    let [a, b, c, d] = edit.picks;
    let first = week_of(plan, b);
    Allocation {
        id: AllocationId(0),
        assignee: if a % 8 == 3 {
            Assignee::Role(role_id(plan, b))
        } else if a % 4 == 0 {
            Assignee::Placeholder {
                role: edit.text.clone(),
                skills: vec![SkillRequirement {
                    skill: skill_id(plan, c),
                    min_level: (d % 5) as u8,
                }],
            }
        } else {
            Assignee::Person(person_id(plan, c))
        },
        activity: activity_id(plan, d),
        hours_per_week: edit.number,
        first_week: first,
        last_week: first.plus_weeks((c % 7) as i64 - 1),
        commitment: if edit.flag {
            Commitment::Tentative
        } else {
            Commitment::Confirmed
        },
        scenario: (edit.flag && a % 3 == 0).then(|| scenario_id(plan, b)),
    }
}

/// The command `edit` makes on `plan`.
fn command(plan: &Plan, today: NaiveDate, edit: &Edit) -> Command {
    let [a, b, c, d] = edit.picks;
    let day = shifted(today, edit.days);
    let text = edit.text.clone();
    match edit.kind {
        Kind::RenamePlan => Command::RenamePlan(text),
        Kind::SetGoal => Command::SetGoal(StrategicGoal {
            outcome: text,
            metric_name: "Median onboarding time".to_string(),
            baseline: edit.number,
            target: (a % 20) as f64,
            unit: "days".to_string(),
            target_date: edit.flag.then_some(day),
        }),
        Kind::SetHorizon => Command::SetHorizon(Horizon {
            start: plan.horizon.start.plus_weeks(edit.days / 7),
            weeks: (a % 56) as u32,
        }),
        Kind::SetReviewWeekday => Command::SetReviewWeekday(WEEKDAYS[a % 7]),
        Kind::SetResources => Command::SetResources(Resources {
            budget: edit.flag.then_some(edit.number * 1_000.0),
            currency: "EUR".to_string(),
            headcount_note: text.clone(),
            tooling: vec![text; b % 3],
        }),
        Kind::SetRiskSettings => Command::SetRiskSettings(RiskSettings {
            stale_after_days: (a % 400) as u32,
            owner_away_share: edit.number / 100.0,
            overload_share: (b % 60) as f64 / 10.0,
        }),
        Kind::SetHolidays => Command::SetHolidays(
            (0..a % 4)
                .map(|n| Holiday {
                    date: shifted(day, n as i64 * 3),
                    name: text.clone(),
                })
                .collect(),
        ),
        Kind::AddMetric => Command::AddMetric(SuccessMetric {
            id: MetricId(0),
            name: text,
            unit: "%".to_string(),
            baseline: (a % 100) as f64,
            target: (b % 100) as f64,
            current: edit.number,
            direction: if edit.flag {
                Direction::HigherIsBetter
            } else {
                Direction::LowerIsBetter
            },
        }),
        Kind::UpdateMetric => match pick(&plan.metrics, a) {
            Some(metric) => Command::UpdateMetric(SuccessMetric {
                current: edit.number,
                ..metric.clone()
            }),
            None => Command::UpdateMetric(SuccessMetric {
                id: MetricId(9_999),
                name: text,
                unit: String::new(),
                baseline: 0.0,
                target: 1.0,
                current: 0.0,
                direction: Direction::HigherIsBetter,
            }),
        },
        Kind::RemoveMetric => {
            Command::RemoveMetric(pick(&plan.metrics, a).map_or(MetricId(9_999), |m| m.id))
        }
        Kind::AddActivity => Command::AddActivity(new_activity(plan, today, edit)),
        Kind::UpdateActivity => {
            let Some(found) = pick(&plan.activities, a) else {
                let mut missing = new_activity(plan, today, edit);
                missing.id = ActivityId(9_999);
                return Command::UpdateActivity(missing);
            };
            let mut activity = found.clone();
            match b % 7 {
                0 => activity.deadline = Some(day),
                1 => activity.depends_on.push(activity_id(plan, c)),
                2 => activity.status = Status::ALL[c % 4],
                3 => {
                    if let Some(item) = activity.done_definition.checklist.get_mut(c % 4) {
                        item.done = !item.done;
                        item.done_on = item.done.then_some(today);
                    }
                }
                4 => activity.effort_hours = edit.number,
                5 => activity.title = text,
                _ => activity.required_certifications.push(text),
            }
            Command::UpdateActivity(activity)
        }
        Kind::DeleteActivity => Command::DeleteActivity(activity_id(plan, a)),
        Kind::SetOwner => Command::SetOwner {
            activity: activity_id(plan, a),
            owner: edit.flag.then(|| person_id(plan, b)),
        },
        Kind::SetSkillLevel => Command::SetSkillLevel {
            person: person_id(plan, a),
            skill: skill_id(plan, b),
            level: (c % 7) as u8,
        },
        Kind::AddSkill => Command::AddSkill(Skill {
            id: SkillId(0),
            name: text.clone(),
            category: text,
        }),
        Kind::UpdateSkill => Command::UpdateSkill(Skill {
            id: skill_id(plan, a),
            name: text,
            category: "Cloud".to_string(),
        }),
        Kind::RemoveSkill => Command::RemoveSkill(skill_id(plan, a)),
        Kind::SetStatus => Command::SetStatus {
            activity: activity_id(plan, a),
            status: Status::ALL[b % 4],
        },
        Kind::AddPerson => {
            let mut person = Person::new(PersonId(0), &text);
            person.weekly_hours = edit.number;
            person.working_days = WEEKDAYS.iter().copied().skip(a % 3).take(b % 8).collect();
            person.support_hours_per_week = (c % 20) as f64;
            person.start_date = (d % 3 == 0).then_some(day);
            person.end_date = (d % 5 == 0).then(|| shifted(day, (a % 200) as i64 - 20));
            if edit.flag {
                person.leave.push(Leave {
                    start: day,
                    end: shifted(day, (b % 10) as i64),
                    day_fraction: if c % 2 == 0 { 1.0 } else { 0.5 },
                    note: String::new(),
                });
                person.certifications.push(Certification {
                    name: "AZ-104".to_string(),
                    issuer: "Microsoft".to_string(),
                    expires: Some(shifted(day, 300)),
                });
            }
            person.cost_rate = (c % 2 == 0).then_some(edit.number);
            Command::AddPerson(person)
        }
        Kind::UpdatePerson => {
            let Some(found) = pick(&plan.people, a) else {
                return Command::UpdatePerson(Person::new(PersonId(9_999), &text));
            };
            let mut person = found.clone();
            match b % 5 {
                0 => person.weekly_hours = edit.number,
                1 => person.end_date = Some(day),
                2 => person.support_periods.push(SupportPeriod {
                    start: day,
                    end: shifted(day, 6),
                    hours_per_week: edit.number,
                    note: text,
                }),
                3 => person.leave.push(Leave {
                    start: day,
                    end: shifted(day, (c % 9) as i64 - 1),
                    day_fraction: edit.number,
                    note: text,
                }),
                _ => person.name = text,
            }
            Command::UpdatePerson(person)
        }
        Kind::RemovePerson => {
            let person = person_id(plan, a);
            Command::RemovePerson {
                person,
                reassign_to: match b % 3 {
                    0 => None,
                    1 => Some(person),
                    _ => Some(person_id(plan, c)),
                },
            }
        }
        Kind::AddAllocation => Command::AddAllocation(new_allocation(plan, edit)),
        Kind::UpdateAllocation => {
            let Some(found) = pick(&plan.allocations, a) else {
                let mut missing = new_allocation(plan, edit);
                missing.id = AllocationId(9_999);
                return Command::UpdateAllocation(missing);
            };
            let mut allocation = found.clone();
            match b % 4 {
                0 => allocation.hours_per_week = edit.number,
                1 => {
                    allocation.first_week = allocation.first_week.plus_weeks((c % 5) as i64 - 2);
                    allocation.last_week = allocation.last_week.plus_weeks((d % 5) as i64 - 2);
                }
                2 => allocation.assignee = Assignee::Person(person_id(plan, c)),
                _ => allocation.commitment = Commitment::Confirmed,
            }
            Command::UpdateAllocation(allocation)
        }
        Kind::RemoveAllocation => Command::RemoveAllocation(
            pick(&plan.allocations, a).map_or(AllocationId(9_999), |allocation| allocation.id),
        ),
        Kind::AddScenario => Command::AddScenario {
            name: text,
            activity: edit.flag.then(|| new_activity(plan, today, edit)),
            allocations: (0..a % 3).map(|_| new_allocation(plan, edit)).collect(),
        },
        Kind::RenameScenario => Command::RenameScenario {
            scenario: scenario_id(plan, a),
            name: text,
        },
        Kind::RemoveScenario => Command::RemoveScenario(scenario_id(plan, a)),
        Kind::ConfirmScenario => Command::ConfirmScenario(scenario_id(plan, a)),
        Kind::PinPriority => Command::PinPriority {
            activity: activity_id(plan, a),
            position: (b % 4 != 0).then_some((c % 12) as u32),
        },
        Kind::AddCheckIn => Command::AddCheckIn(CheckIn {
            id: CheckInId(0),
            date: day,
            summary: text.clone(),
            entries: (0..a % 3)
                .map(|n| CheckInEntry {
                    activity: activity_id(plan, b + n),
                    moved: text.clone(),
                    blocked: String::new(),
                    covers_midpoint: edit.flag,
                })
                .collect(),
            decisions: (0..c % 3)
                .map(|n| Decision {
                    text: text.clone(),
                    owner: (n % 2 == 0).then(|| person_id(plan, d + n)),
                    due: Some(shifted(day, 7)),
                    decided_on: None,
                })
                .collect(),
        }),
        Kind::DecideDecision => Command::DecideDecision {
            checkin: pick(&plan.checkins, a).map_or(CheckInId(9_999), |checkin| checkin.id),
            index: b % 3,
            on: edit.flag.then_some(day),
        },
        Kind::SetPersonRates => Command::SetPersonRates {
            person: person_id(plan, a),
            employment: Employment::ALL[b % 3],
            cost_rate: edit.flag.then_some(edit.number),
            billable_target: (c % 3 != 0).then_some(edit.number / 100.0),
        },
        Kind::SetBilling => Command::SetBilling {
            activity: activity_id(plan, a),
            billable: edit.flag,
            billing: match b % 3 {
                0 => Billing::NotBilled,
                1 => Billing::Hourly { rate: edit.number },
                _ => Billing::FixedFee {
                    amount: edit.number * 100.0,
                },
            },
            budget_hours: (c % 2 == 0).then_some(edit.number),
        },
        Kind::SetRaci => Command::SetRaci {
            activity: activity_id(plan, a),
            person: person_id(plan, b),
            role: (c % 4 != 0).then(|| RaciRole::ALL[d % 3]),
        },
        Kind::AddRole => Command::AddRole(new_role(plan, today, edit)),
        Kind::UpdateRole => match pick(&plan.roles, a) {
            Some(found) => {
                let mut role = found.clone();
                match b % 3 {
                    0 => role.weekly_hours = edit.number,
                    1 => role.start_date = day,
                    _ => role.title = text,
                }
                Command::UpdateRole(role)
            }
            None => {
                let mut role = new_role(plan, today, edit);
                role.id = RoleId(9_999);
                Command::UpdateRole(role)
            }
        },
        Kind::RemoveRole => Command::RemoveRole(role_id(plan, a)),
        Kind::FillRole => Command::FillRole {
            role: role_id(plan, a),
            name: text,
            start_date: edit.flag.then_some(day),
        },
        Kind::AddCadence => Command::AddCadence(new_cadence(plan, edit)),
        Kind::UpdateCadence => {
            let mut cadence = new_cadence(plan, edit);
            cadence.id = cadence_id(plan, c);
            Command::UpdateCadence(cadence)
        }
        Kind::RemoveCadence => Command::RemoveCadence(cadence_id(plan, a)),
        Kind::Batch => {
            // Two edits of other kinds as one undoable step.
            let other = |shift: usize| Edit {
                kind: KINDS[(a + shift) % (KINDS.len() - 2)],
                picks: [b, c, d, a],
                ..edit.clone()
            };
            Command::Batch {
                commands: vec![
                    command(plan, today, &other(1)),
                    command(plan, today, &other(2)),
                ],
                summary: "Several edits".to_string(),
            }
        }
        Kind::ReplacePlan => Command::ReplacePlan(Box::new(match a % 3 {
            0 => demo_plan(PlanId(5), day),
            1 => share::client_safe(plan, share::ClientSafe::default()),
            _ => generated_plan(
                Size {
                    people: 4,
                    activities: 6,
                    initiatives: 2,
                    dependencies_per_initiative: 1,
                    clients: 2,
                    allocations: 5,
                    weeks: 13,
                },
                day,
            ),
        })),
    }
}

// ---------------------------------------------------------------------------
// The properties.

/// Exported and imported again, `plan` is the same plan, and a second
/// export writes the same bytes.
fn round_trips(plan: &Plan) -> Result<(), TestCaseError> {
    let text = persist::encode(plan);
    let read = persist::decode(&text);
    prop_assert_eq!(
        read.as_ref(),
        Ok(plan),
        "the plan file opens as the same plan"
    );
    if let Ok(read) = read {
        prop_assert_eq!(persist::encode(&read), text, "a second export is identical");
    }
    prop_assert_eq!(
        persist::decode(&persist::encode_compact(plan)),
        Ok(plan.clone()),
        "a share link's compact file opens as the same plan"
    );
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_plans_keep_every_rule(base in base()) {
        let (plan, _) = start_plan(&base);
        prop_assert_eq!(validate::errors(&plan), Vec::new());
    }

    #[test]
    fn export_then_import_gives_the_same_plan(
        base in base(),
        edits in prop::collection::vec(edit(), 0..12),
    ) {
        let (mut plan, today) = start_plan(&base);
        round_trips(&plan)?;
        for edit in &edits {
            let command = command(&plan, today, edit);
            if let Ok(applied) = apply(&plan, &command, today) {
                plan = applied.plan;
                prop_assert_eq!(validate::errors(&plan), Vec::new());
                round_trips(&plan)?;
            }
        }
    }

    #[test]
    fn undo_takes_back_every_edit_and_refusals_change_nothing(
        base in base(),
        edits in prop::collection::vec(edit(), 0..16),
    ) {
        let (original, today) = start_plan(&base);
        let mut history = History::new(original.clone());
        let mut plans = vec![original.clone()];
        for edit in &edits {
            let before = history.plan().clone();
            let label = history.undo_label().map(str::to_string);
            let command = command(&before, today, edit);
            match history.execute(&command, today) {
                Err(error) => {
                    prop_assert!(!error.to_string().trim().is_empty());
                    prop_assert_eq!(history.plan(), &before, "a refused command changes nothing");
                    prop_assert_eq!(
                        history.undo_label().map(str::to_string),
                        label,
                        "a refused command is not undoable"
                    );
                }
                Ok(summary) => {
                    prop_assert!(!summary.trim().is_empty());
                    if history.plan() != &before {
                        prop_assert_eq!(history.undo_label(), Some(summary.as_str()));
                        plans.push(history.plan().clone());
                    } else {
                        prop_assert_eq!(
                            history.undo_label().map(str::to_string),
                            label,
                            "an edit that changes nothing is not undoable"
                        );
                    }
                }
            }
        }
        let edited = history.plan().clone();
        // Back through every plan the edits made, to the original.
        for expected in plans.iter().rev().skip(1) {
            prop_assert!(history.undo().is_some());
            prop_assert_eq!(history.plan(), expected);
        }
        prop_assert_eq!(history.plan(), &original);
        prop_assert!(history.undo().is_none(), "nothing more to undo");
        // And forward again.
        for expected in plans.iter().skip(1) {
            prop_assert!(history.redo().is_some());
            prop_assert_eq!(history.plan(), expected);
        }
        prop_assert_eq!(history.plan(), &edited);
        prop_assert!(history.redo().is_none(), "nothing more to redo");
    }

    #[test]
    fn checking_what_a_command_touched_agrees_with_checking_everything(
        base in base(),
        edits in prop::collection::vec(allocation_edit(), 1..24),
    ) {
        let (mut plan, today) = start_plan(&base);
        for edit in &edits {
            let command = command(&plan, today, edit);
            let checked = apply(&plan, &command, today);
            prop_assert_eq!(&checked, &apply_checking_everything(&plan, &command, today));
            if let Ok(applied) = checked {
                plan = applied.plan;
            }
        }
    }

    #[test]
    fn a_capacity_counted_by_change_is_the_one_computed_from_scratch(
        base in base(),
        // An edit, and what to do: 0 undo, 1 redo, else the edit; the view
        // looks after every step but those of 5 (changes pile up).
        steps in prop::collection::vec((allocation_edit(), 0u8..8), 1..24),
        hide in any::<bool>(),
    ) {
        let (plan, today) = start_plan(&base);
        let options = capacity::Options {
            include_tentative: !hide,
            hidden_scenarios: plan.scenarios.iter().take(usize::from(hide)).map(|s| s.id).collect(),
        };
        let mut history = History::new(plan);
        let mut kept = capacity::Kept::default();
        let mut seen = None;
        let mut billing = None;
        for (edit, action) in &steps {
            match action {
                0 => {
                    history.undo();
                }
                1 => {
                    history.redo();
                }
                _ => {
                    let command = command(history.plan(), today, edit);
                    let _ = history.execute(&command, today);
                }
            }
            if *action == 5 {
                continue;
            }
            let changed = seen.and_then(|seen| history.changes_since(seen));
            seen = Some(history.revision());
            let plan = history.plan();
            let counted = kept.compute(plan, changed.as_deref(), plan.horizon, &options, today);
            let fresh = capacity::compute(plan, plan.horizon, &options, today);
            prop_assert_eq!(&counted, &fresh);
            billing = Some(match (billing, kept.take_changed_people()) {
                (Some(previous), Some(people)) => {
                    money::people_on_again(previous, plan, &counted, &options, &people)
                }
                _ => money::people_on(plan, &counted, &options),
            });
            prop_assert_eq!(billing.as_ref(), Some(&money::people_on(plan, &fresh, &options)));
        }
    }

    #[test]
    fn merging_a_plan_with_itself_changes_nothing(
        base in base(),
        edits in prop::collection::vec(edit(), 0..12),
    ) {
        let (original, today) = start_plan(&base);
        let mut plan = original.clone();
        for edit in &edits {
            if let Ok(applied) = apply(&plan, &command(&plan, today, edit), today) {
                plan = applied.plan;
            }
        }
        for common in [None, Some(&plan)] {
            let comparison = compare(&plan, &plan, common);
            prop_assert!(comparison.is_ok(), "{:?}", comparison.err());
            if let Ok(comparison) = comparison {
                prop_assert_eq!(comparison.changes.len(), 0, "{:?}", comparison.changes);
                let merged = comparison.apply(&[]);
                prop_assert_eq!(merged.as_ref(), Ok(&plan));
                // As the app applies it: one command, which changes nothing.
                if let Ok(merged) = merged {
                    let mut history = History::new(plan.clone());
                    let merge = Command::Merge {
                        plan: Box::new(merged),
                        changes: 0,
                        source: "the same plan.opsboard.json".to_string(),
                    };
                    if history.execute(&merge, today).is_ok() {
                        prop_assert_eq!(history.plan(), &plan);
                    }
                }
            }
        }
        // The edited copy merged into the untouched original, every change
        // taken, is the edited copy (bar the original's identity).
        if let Ok(comparison) = compare(&original, &plan, Some(&original)) {
            let all = vec![true; comparison.changes.len()];
            let merged = comparison.apply(&all);
            prop_assert!(merged.is_ok(), "{:?}", merged.as_ref().err());
            if let Ok(mut merged) = merged {
                merged.lineage = plan.lineage.clone();
                prop_assert_eq!(&merged, &plan);
            }
        }
    }
}

proptest! {
    #![proptest_config(config())]

    /// A person who works no day and a leave of another share of a day
    /// than a whole or a half cannot round-trip, by design: the import
    /// reads an empty Working days cell as "keep what they have" and a
    /// part of a day as full or half. The generated plans have neither.
    /// Names that start like a formula (written with a `'` before them)
    /// do round-trip, and some generated names do.
    #[test]
    fn the_people_leave_and_holidays_sheets_import_back_as_they_were(
        people in 1u32..=30,
        days in -3_000i64..3_000,
        extras in prop::collection::vec(person_extras(), 0..30),
        holidays in prop::collection::vec(-400i64..400, 0..12),
    ) {
        let plan = sheet_plan(people, days, &extras, &holidays);
        prop_assume!(validate::errors(&plan).is_empty());
        let today = day_near(days);
        let sheets = [
            (Sheet::People, people_sheet_csv(&plan)),
            (Sheet::Leave, leave_sheet_csv(&plan)),
            (Sheet::Holidays, holidays_sheet_csv(&plan)),
        ];
        let mut read = Plan::empty(PlanId(2), "Imported", today);
        for (sheet, text) in &sheets {
            read = import_sheet(&read, *sheet, text, today)?.0;
        }
        prop_assert_eq!(validate::errors(&read), Vec::new());
        prop_assert_eq!(sheet_people(&read), sheet_people(&plan));
        let mut holidays = plan.holidays.clone();
        holidays.sort_by_key(|holiday| holiday.date);
        prop_assert_eq!(&read.holidays, &holidays);
        for (sheet, text) in &sheets {
            let (_, again) = import_sheet(&read, *sheet, text, today)?;
            prop_assert_eq!(again, None, "a second import of {:?} changes nothing", sheet);
        }
    }

    /// A generated plan's book of work (its contracts, projects, deals
    /// with roles to staff, and internal work) written as a Work sheet
    /// after its People sheet, and read into an empty plan with the same
    /// horizon, gives the same pieces of work and assignments; both sheets
    /// imported again change nothing.
    #[test]
    fn the_work_sheet_imports_back_as_it_was(
        (people, activities, initiatives, clients, allocations, weeks) in
            (1u32..15, 0u32..40, 0u32..10, 0u32..8, 0u32..60, 1u32..=52),
        days in -3_000i64..3_000,
    ) {
        let today = day_near(days);
        let size = Size {
            people,
            activities,
            initiatives,
            dependencies_per_initiative: 1,
            clients,
            allocations,
            weeks,
        };
        let plan = work_plan(size, today);
        prop_assume!(validate::errors(&plan).is_empty());
        let sheets = [
            (Sheet::People, people_sheet_csv(&plan)),
            (Sheet::Work, work_sheet_csv(&plan)),
        ];
        let mut read = Plan::empty(PlanId(2), "Imported", today);
        read.horizon = plan.horizon;
        for (sheet, text) in &sheets {
            read = import_sheet(&read, *sheet, text, today)?.0;
        }
        prop_assert_eq!(validate::errors(&read), Vec::new());
        prop_assert_eq!(sheet_work(&read), sheet_work(&plan));
        for (sheet, text) in &sheets {
            let (_, again) = import_sheet(&read, *sheet, text, today)?;
            prop_assert_eq!(again, None, "a second import of {:?} changes nothing", sheet);
        }
    }
}
