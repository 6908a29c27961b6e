//! Fuzz targets over everything Opsboard reads that a person did not write:
//! plan files (`persist::decode`, the file picker, a drop, browser storage,
//! a team board, a share link), the people spreadsheet
//! (`persist::csv::read_people_csv`) and the base64url of share links.
//!
//! The inputs are arbitrary bytes and text, arbitrary JSON, and mutations
//! of real files (the demo as written today, the golden files of every
//! released version, a generated plan, a client-safe copy): a value
//! replaced by another type, an extreme number, a huge string, deep
//! nesting, a date or week far away; a field deleted or added; a list item
//! duplicated or repeated thousands of times; ids swapped; the text cut,
//! flipped or spliced. The properties:
//!
//! - nothing panics and nothing hangs (a watchdog ends the run, naming the
//!   input, when one takes more than [`HANG_SECONDS`]);
//! - every refusal has a message a person can read: not empty and at most
//!   [`MESSAGE_CHARS`] characters, however large the file;
//! - every file that opens is a valid plan that writes back to a file that
//!   opens as the same plan, and every view's computation and every export
//!   runs on it.
//!
//! `cargo test --test fuzz` runs a few hundred inputs per target (seconds);
//! `FUZZ_CASES=350000 cargo test --release --test fuzz -- --nocapture`
//! runs that many per target and prints each target's count, time and
//! slowest input (`make fuzz`, with overflow checks on). Failures are kept in
//! `tests/fuzz.proptest-regressions` and replayed first on every run.

// proptest is a native dev-dependency: these run natively only.
#![cfg(not(target_arch = "wasm32"))]

use std::cell::{Cell, RefCell};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::test_runner::{FileFailurePersistence, TestCaseError, TestRunner};
use serde_json::{json, Value};

use opsboard::command::{Command, History};
use opsboard::engine::{capacity, checkin, health, money, priority, raci, risks, skills, validate};
use opsboard::model::demo::demo_plan;
use opsboard::model::generate::{generated_plan, Size};
use opsboard::model::{Plan, PlanId};
use opsboard::persist::{self, csv, ics, share};

/// A refusal longer than this is not a message a person reads.
const MESSAGE_CHARS: usize = 2_000;
/// An input running longer than this ends the run as a hang.
const HANG_SECONDS: u64 = 60;

// ---------------------------------------------------------------------------
// Running a target: case count, timing, the watchdog.

thread_local! {
    /// Time spent in Opsboard's code on the current input, apart from the
    /// harness building it (a mutated file can take the harness seconds to
    /// build and write: a list of thousands of deeply nested values).
    static IN_OPSBOARD: Cell<Duration> = const { Cell::new(Duration::ZERO) };
}

/// Runs `work` (Opsboard's code), adding its time to [`IN_OPSBOARD`].
fn timed<T>(work: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let result = work();
    IN_OPSBOARD.with(|spent| spent.set(spent.get() + started.elapsed()));
    result
}

/// Inputs per target: `FUZZ_CASES`, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|text| text.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// The input each running case is on, for the watchdog.
fn in_flight() -> &'static Mutex<Vec<(String, Instant, String)>> {
    static IN_FLIGHT: OnceLock<Mutex<Vec<(String, Instant, String)>>> = OnceLock::new();
    IN_FLIGHT.get_or_init(|| {
        std::thread::spawn(|| loop {
            std::thread::sleep(Duration::from_millis(500));
            let running = in_flight().lock().map(|r| r.clone()).unwrap_or_default();
            for (target, started, input) in running {
                if started.elapsed() > Duration::from_secs(HANG_SECONDS) {
                    eprintln!(
                        "HANG: {target} has run one input for more than {HANG_SECONDS} s: {input}"
                    );
                    std::process::exit(101);
                }
            }
        });
        Mutex::new(Vec::new())
    })
}

/// At most 300 characters of a text, for messages.
fn preview(text: &str) -> String {
    let shown: String = text.chars().take(300).collect();
    if shown.len() < text.len() {
        format!("{shown:?}… ({} bytes)", text.len())
    } else {
        format!("{shown:?}")
    }
}

/// The start of an input's `Debug` text, formatting no further than that
/// (an input may hold a string of a hundred thousand characters).
fn debug_preview(input: &impl std::fmt::Debug) -> String {
    struct Bounded(String);
    impl std::fmt::Write for Bounded {
        fn write_str(&mut self, text: &str) -> std::fmt::Result {
            if self.0.len() >= 300 {
                return Err(std::fmt::Error);
            }
            self.0.push_str(text);
            Ok(())
        }
    }
    let mut bounded = Bounded(String::new());
    let complete = std::fmt::write(&mut bounded, format_args!("{input:?}")).is_ok();
    let mut shown: String = bounded.0.chars().take(300).collect();
    if !complete || shown.len() < bounded.0.len() {
        shown.push('…');
    }
    shown
}

/// Runs `test` on `cases(default)` inputs from `strategy`, timing each;
/// prints the count, the time and the input that spent longest in
/// Opsboard's code.
fn fuzz<S: Strategy>(
    target: &str,
    default: u32,
    strategy: S,
    test: impl Fn(&S::Value) -> Result<(), TestCaseError>,
) where
    S::Value: std::fmt::Debug,
{
    let count = cases(default);
    let config = ProptestConfig {
        cases: count,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        source_file: Some(file!()),
        max_shrink_iters: 4_096,
        ..ProptestConfig::default()
    };
    let run = Cell::new(0u64);
    let slowest = Cell::new(Duration::ZERO);
    let slowest_input = RefCell::new(String::new());
    let started = Instant::now();
    let mut runner = TestRunner::new(config);
    let result = runner.run(&strategy, |input| {
        let shown = debug_preview(&input);
        let slot = (target.to_string(), Instant::now(), shown.clone());
        in_flight().lock().expect("watchdog").push(slot);
        IN_OPSBOARD.with(|spent| spent.set(Duration::ZERO));
        let outcome = test(&input);
        let took = IN_OPSBOARD.with(Cell::get);
        run.set(run.get() + 1);
        in_flight()
            .lock()
            .expect("watchdog")
            .retain(|(running, _, _)| running != target);
        if took > slowest.get() {
            slowest.set(took);
            *slowest_input.borrow_mut() = shown;
        }
        outcome
    });
    eprintln!(
        "fuzz {target}: {} inputs ({count} asked) in {:.1} s, slowest in Opsboard {:.1} ms: {}",
        run.get(),
        started.elapsed().as_secs_f64(),
        slowest.get().as_secs_f64() * 1e3,
        slowest_input.borrow()
    );
    if let Err(failure) = result {
        panic!("{target}: {failure}");
    }
}

// ---------------------------------------------------------------------------
// What must hold for every input.

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("date")
}

/// A refusal's message: present and short enough to read.
fn readable(target: &str, message: &str) -> Result<(), TestCaseError> {
    prop_assert!(!message.trim().is_empty(), "{target}: an empty message");
    prop_assert!(
        message.chars().count() <= MESSAGE_CHARS,
        "{target}: a message of {} characters: {}",
        message.chars().count(),
        preview(message)
    );
    Ok(())
}

/// Opens `text` as a plan file: a refusal must read well, a plan must be
/// valid, write back to a file that opens as the same plan, and carry every
/// view and export.
fn open(text: &str) -> Result<(), TestCaseError> {
    match timed(|| persist::decode(text)) {
        Err(error) => {
            let _ = error.path();
            readable("decode", &error.to_string())
        }
        Ok(plan) => timed(|| opened(&plan)),
    }
}

fn opened(plan: &Plan) -> Result<(), TestCaseError> {
    prop_assert_eq!(validate::errors(plan), Vec::new());
    let written = persist::encode(plan);
    let reread = persist::decode(&written);
    prop_assert_eq!(
        reread.as_ref(),
        Ok(plan),
        "the exported file opens as the same plan"
    );
    prop_assert_eq!(persist::encode(plan), written.clone());
    let compact = persist::encode_compact(plan);
    prop_assert_eq!(persist::decode(&compact), Ok(plan.clone()));
    every_view(plan);
    let copy = share::client_safe(
        plan,
        share::ClientSafe {
            names_as_roles: true,
        },
    );
    prop_assert_eq!(validate::errors(&copy), Vec::new());
    let copy_file = persist::encode(&copy);
    prop_assert_eq!(persist::decode(&copy_file), Ok(copy));
    Ok(())
}

/// What the views compute and the exports write from an opened plan, on
/// days in and out of its horizon.
fn every_view(plan: &Plan) {
    let days = [today(), plan.horizon.first_day(), plan.horizon.last_day()];
    for day in days {
        let _ = priority::rank(plan, day);
        let _ = risks::risks(plan, day);
        let _ = skills::coverage(plan, day);
        let _ = skills::supply_and_demand(plan, day);
        let _ = checkin::midpoints_this_week(plan, day);
        let _ = checkin::checkin_date(plan, day);
        for tentative in [false, true] {
            let options = capacity::Options {
                include_tentative: tentative,
                hidden_scenarios: plan.scenarios.iter().take(1).map(|s| s.id).collect(),
            };
            let _ = capacity::compute(plan, plan.horizon, &options, day);
            let _ = money::compute(plan, plan.horizon, &options, day);
            let burns = money::budgets(plan, &options, day);
            let _ = money::budget_warnings(plan, &burns);
            if let Some(scenario) = plan.scenarios.first() {
                let _ = money::scenario_effect(plan, scenario.id, plan.horizon, &options, day);
            }
        }
        for cadence in plan.cadences.iter().take(3) {
            let _ = cadence.next_dates(day, 5);
            let _ = cadence.dates_between(plan.horizon.first_day(), plan.horizon.last_day());
            let _ = cadence.rule_text();
        }
        let _ = csv::utilisation_csv(plan, day, true);
    }
    let _ = health::health(plan);
    let _ = raci::check(plan);
    for activity in plan.activities.iter().take(3) {
        let _ = skills::candidates(plan, activity.id, today());
        if let (Some(start), Some(deadline)) = (activity.start, activity.deadline) {
            let _ = health::propose_midpoint(start, deadline, plan.review_weekday);
        }
    }
    for person in plan.people.iter().take(3) {
        let _ = skills::weekly_availability(plan, person);
    }
    if let [earlier, .., later] = plan.checkins.as_slice() {
        let _ = checkin::moved_between(plan, earlier, later);
    }
    let _ = csv::skills_matrix_csv(plan);
    let _ = csv::activities_csv(plan);
    let _ = csv::allocations_csv(plan);
    let _ = ics::calendar(plan, "https://example.com/opsboard/", today());
    let _ = persist::file_name(plan);
    let mut history = History::new(plan.clone());
    let _ = history.execute(&Command::RenamePlan("Renamed".to_string()), today());
    history.undo();
}

// ---------------------------------------------------------------------------
// Real files to mutate.

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn demo() -> Plan {
    let mut plan = demo_plan(PlanId(1), today());
    plan.sort_canonically();
    plan
}

/// The files mutations start from, parsed.
fn seeds() -> &'static [Value] {
    static SEEDS: OnceLock<Vec<Value>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let small = Size {
            people: 12,
            activities: 30,
            dependencies_per_activity: 2,
            allocations: 40,
            weeks: 13,
        };
        let texts = [
            persist::encode(&demo()),
            fixture("v3/demo.opsboard.json"),
            fixture("v2/demo.opsboard.json"),
            fixture("v1/demo.opsboard.json"),
            fixture("v1/minimal.opsboard.json"),
            persist::encode(&generated_plan(small, today())),
            persist::encode(&share::client_safe(&demo(), share::ClientSafe::default())),
        ];
        texts
            .iter()
            .map(|text| serde_json::from_str(text).expect("a seed is JSON"))
            .collect()
    })
}

// ---------------------------------------------------------------------------
// Structure-aware mutations of a parsed file.

/// One step of a path into a JSON value.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// The path of every value inside `value` (not `value` itself).
fn paths(value: &Value) -> Vec<Vec<Step>> {
    fn walk(value: &Value, path: &mut Vec<Step>, all: &mut Vec<Vec<Step>>) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map {
                    path.push(Step::Key(key.clone()));
                    all.push(path.clone());
                    walk(inner, path, all);
                    path.pop();
                }
            }
            Value::Array(items) => {
                for (index, inner) in items.iter().enumerate() {
                    path.push(Step::Index(index));
                    all.push(path.clone());
                    walk(inner, path, all);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut all = Vec::new();
    walk(value, &mut Vec::new(), &mut all);
    all
}

fn node_mut<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |node, step| match step {
        Step::Key(key) => node.get_mut(key.as_str()),
        Step::Index(index) => node.get_mut(*index),
    })
}

/// Values that break readers: other types, edges of numbers, dates and
/// weeks at and past the limits, ids of every kind, odd text, huge text,
/// deep nesting, long lists.
fn awkward_value() -> impl Strategy<Value = Value> {
    let numbers = prop_oneof![
        Just(json!(0)),
        Just(json!(-1)),
        Just(json!(1)),
        Just(json!(0.5)),
        Just(json!(-0.0)),
        Just(json!(4)),
        Just(json!(5)),
        Just(json!(52)),
        Just(json!(53)),
        Just(json!(167.99)),
        Just(json!(168)),
        Just(json!(168.000001)),
        Just(json!(169)),
        Just(json!(366)),
        Just(json!(1e15)),
        Just(json!(1e300)),
        Just(json!(-1e300)),
        Just(json!(f64::MAX)),
        Just(json!(f64::MIN_POSITIVE)),
        Just(json!(5e-324)),
        Just(json!(u64::MAX)),
        Just(json!(i64::MIN)),
        Just(json!(u32::MAX)),
        Just(json!(u32::MAX as u64 + 1)),
        Just(json!(255)),
        Just(json!(256)),
        any::<f64>()
            .prop_filter("JSON numbers are finite", |n| n.is_finite())
            .prop_map(|n| json!(n)),
        any::<i64>().prop_map(|n| json!(n)),
    ];
    let texts = prop_oneof![
        4 => prop::sample::select(vec![
        "",
        " ",
        "NaN",
        "Infinity",
        "-Infinity",
        "1e999",
        "null",
        "act-1",
        "act-0",
        "act-01",
        "act-4294967295",
        "act-4294967296",
        "act-999",
        "per-1",
        "per-99",
        "skl-1",
        "skl-99",
        "scn-1",
        "scn-9",
        "alc-1",
        "chk-1",
        "met-1",
        "plan-1",
        "1970-01-01",
        "1969-12-31",
        "2200-12-31",
        "2201-01-01",
        "0000-01-01",
        "9999-12-31",
        "2028-02-29",
        "2026-02-29",
        "2026-13-01",
        "2026-W53",
        "2020-W53",
        "1970-W01",
        "1969-W52",
        "2200-W52",
        "2201-W01",
        "0000-W01",
        "9999-W52",
        "monday",
        "funday",
        "tentative",
        "confirmed",
        "done",
        "client-safe",
        "opsboard-plan",
        "\u{202e}dlrow olleh",
        "\u{0}\u{1}\u{7f}",
        "a\u{200b}b",
        "\"'\\<script>",
        "=HYPERLINK(\"x\")",
        "😀🏳️‍🌈",
        ])
        .prop_map(str::to_string),
        1 => "[a-z]{1,5}-[0-9]{1,12}",
        1 => "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        1 => "[0-9]{4}-W[0-9]{2}",
        1 => ".{0,40}",
    ]
    .prop_map(|text| json!(text));
    let huge = prop_oneof![
        (1usize..200_000).prop_map(|n| json!("x".repeat(n))),
        (1usize..20_000).prop_map(|n| json!("é😀".repeat(n))),
        (1usize..300).prop_map(|depth| { (0..depth).fold(json!(1), |inner, _| json!([inner])) }),
        (1usize..300)
            .prop_map(|depth| { (0..depth).fold(json!({}), |inner, _| json!({ "a": inner })) }),
        (1usize..5_000).prop_map(|n| json!(vec![0; n])),
        (1usize..2_000).prop_map(|n| json!(vec!["act-1"; n])),
    ];
    let small_json = any_json(2);
    prop_oneof![
        4 => numbers,
        6 => texts,
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => Just(json!([])),
        1 => Just(json!({})),
        1 => huge,
        2 => small_json,
    ]
}

/// Arbitrary JSON, `depth` levels deep at most.
fn any_json(depth: u32) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |n| n.is_finite())
            .prop_map(|n| json!(n)),
        ".{0,12}".prop_map(Value::String),
        "[a-z]{3}-[0-9]{1,3}".prop_map(Value::String),
    ];
    leaf.prop_recursive(depth, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec(("[a-z_]{1,16}", inner), 0..8)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

/// One edit of a parsed file. `at` and `other` pick values (by index into
/// every path of the file, modulo its length).
#[derive(Debug, Clone)]
enum Mutation {
    Replace {
        at: usize,
        with: Value,
    },
    Delete {
        at: usize,
    },
    /// Repeats a list item `times` times after itself.
    Repeat {
        at: usize,
        times: usize,
    },
    /// Copies one value over another.
    Copy {
        from: usize,
        to: usize,
    },
    /// Swaps two texts (ids, dates, names).
    Swap {
        at: usize,
        other: usize,
    },
    /// Adds a field to the object holding the value.
    AddField {
        at: usize,
        name: String,
        with: Value,
    },
    /// Writes a number as text, text as a number, a value as a list of it.
    Retype {
        at: usize,
    },
    /// Adds to a number, or moves a date or week by years.
    Nudge {
        at: usize,
        by: i64,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<usize>();
    prop_oneof![
        5 => (at, awkward_value()).prop_map(|(at, with)| Mutation::Replace { at, with }),
        2 => at.prop_map(|at| Mutation::Delete { at }),
        2 => (at, prop_oneof![1usize..4, 995usize..1_010, 1usize..3_000])
            .prop_map(|(at, times)| Mutation::Repeat { at, times }),
        2 => (at, any::<usize>()).prop_map(|(from, to)| Mutation::Copy { from, to }),
        3 => (at, any::<usize>()).prop_map(|(at, other)| Mutation::Swap { at, other }),
        1 => (
            at,
            prop_oneof![
                Just("nickname".to_string()),
                Just("id".to_string()),
                Just("__proto__".to_string()),
                Just("scenario".to_string()),
                Just("profile".to_string()),
                "[a-z_]{1,12}"
            ],
            awkward_value()
        )
            .prop_map(|(at, name, with)| Mutation::AddField { at, name, with }),
        1 => at.prop_map(|at| Mutation::Retype { at }),
        3 => (at, prop_oneof![-300i64..300, Just(-57), Just(175), Just(i64::MAX), Just(i64::MIN)])
            .prop_map(|(at, by)| Mutation::Nudge { at, by }),
    ]
}

fn apply_mutation(file: &mut Value, mutation: &Mutation) {
    let all = paths(file);
    if all.is_empty() {
        return;
    }
    let pick = |index: usize| all[index % all.len()].clone();
    match mutation {
        Mutation::Replace { at, with } => {
            if let Some(node) = node_mut(file, &pick(*at)) {
                *node = with.clone();
            }
        }
        Mutation::Delete { at } => {
            let path = pick(*at);
            let (last, parent) = path.split_last().expect("paths are not empty");
            match (node_mut(file, parent), last) {
                (Some(Value::Object(map)), Step::Key(key)) => {
                    map.remove(key);
                }
                (Some(Value::Array(items)), Step::Index(index)) if *index < items.len() => {
                    items.remove(*index);
                }
                _ => {}
            }
        }
        Mutation::Repeat { at, times } => {
            let path = pick(*at);
            let (last, parent) = path.split_last().expect("paths are not empty");
            if let (Some(Value::Array(items)), Step::Index(index)) = (node_mut(file, parent), last)
            {
                if let Some(item) = items.get(*index).cloned() {
                    for _ in 0..*times {
                        items.insert(*index, item.clone());
                    }
                }
            }
        }
        Mutation::Copy { from, to } => {
            let value = node_mut(file, &pick(*from)).map(|node| node.clone());
            if let (Some(value), Some(node)) = (value, node_mut(file, &pick(*to))) {
                *node = value;
            }
        }
        Mutation::Swap { at, other } => {
            // Texts of the same kind (ids with the same prefix, dates,
            // weeks) when there are, else any two texts.
            let texts: Vec<(Vec<Step>, String)> = all
                .iter()
                .filter_map(|path| {
                    let text = node_mut(file, path)?.as_str()?.to_string();
                    Some((path.clone(), text))
                })
                .collect();
            if texts.is_empty() {
                return;
            }
            let (first_path, first) = texts[at % texts.len()].clone();
            let kind = |text: &str| text.split('-').next().unwrap_or("").len();
            let same: Vec<&(Vec<Step>, String)> = texts
                .iter()
                .filter(|(_, text)| kind(text) == kind(&first) && *text != first)
                .collect();
            let (second_path, second) = match same.as_slice() {
                [] => texts[other % texts.len()].clone(),
                some => some[other % some.len()].clone(),
            };
            if let Some(node) = node_mut(file, &first_path) {
                *node = json!(second);
            }
            if let Some(node) = node_mut(file, &second_path) {
                *node = json!(first);
            }
        }
        Mutation::AddField { at, name, with } => {
            let path = pick(*at);
            let parent = &path[..path.len() - 1];
            if let Some(Value::Object(map)) = node_mut(file, parent) {
                map.insert(name.clone(), with.clone());
            }
        }
        Mutation::Retype { at } => {
            if let Some(node) = node_mut(file, &pick(*at)) {
                *node = match node.take() {
                    Value::Number(number) => json!(number.to_string()),
                    Value::String(text) => match text.parse::<f64>() {
                        Ok(number) if number.is_finite() => json!(number),
                        _ => json!([text]),
                    },
                    Value::Bool(flag) => json!(if flag { 1 } else { 0 }),
                    other => json!([other]),
                };
            }
        }
        Mutation::Nudge { at, by } => {
            if let Some(node) = node_mut(file, &pick(*at)) {
                *node = match node.take() {
                    Value::Number(number) => match number.as_i64() {
                        Some(whole) => json!(whole.saturating_add(*by)),
                        None => json!(number.as_f64().unwrap_or(0.0) + *by as f64),
                    },
                    Value::String(text) => json!(move_years(&text, *by)),
                    other => other,
                };
            }
        }
    }
}

/// A date or week `by` years later (`2026-11-23` → `2027-11-23`), kept to
/// four digits; other text unchanged.
fn move_years(text: &str, by: i64) -> String {
    let Some((year, rest)) = text.split_at_checked(4) else {
        return text.to_string();
    };
    match (year.parse::<i64>(), rest.starts_with('-')) {
        (Ok(year), true) => format!(
            "{:04}{rest}",
            (year + by.clamp(-10_000, 10_000)).rem_euclid(10_000)
        ),
        _ => text.to_string(),
    }
}

/// Text-level damage: cut, flip, insert, splice.
#[derive(Debug, Clone)]
enum Damage {
    Cut(usize),
    Flip(usize, u8),
    Insert(usize, String),
    Splice(usize, usize, usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        any::<usize>().prop_map(Damage::Cut),
        (any::<usize>(), any::<u8>()).prop_map(|(at, bit)| Damage::Flip(at, bit)),
        (
            any::<usize>(),
            prop_oneof![
                Just("\"".to_string()),
                Just(",".to_string()),
                Just("}".to_string()),
                Just("[".to_string()),
                Just("\\u0000".to_string()),
                Just("\\ud800".to_string()),
                Just("\u{feff}".to_string()),
                Just("NaN".to_string()),
                Just("1e999".to_string()),
                ".{0,8}"
            ]
        )
            .prop_map(|(at, text)| Damage::Insert(at, text)),
        (any::<usize>(), any::<usize>(), 0usize..2_000)
            .prop_map(|(from, to, len)| Damage::Splice(from, to, len)),
    ]
}

fn apply_damage(text: &mut Vec<u8>, damage: &Damage) {
    let len = text.len().max(1);
    match damage {
        Damage::Cut(at) => text.truncate(at % len),
        Damage::Flip(at, bit) => {
            if let Some(byte) = text.get_mut(at % len) {
                *byte ^= 1 << (bit % 8);
            }
        }
        Damage::Insert(at, inserted) => {
            let at = at % len;
            text.splice(at..at, inserted.bytes());
        }
        Damage::Splice(from, to, length) => {
            let from = from % len;
            let end = (from + length).min(text.len());
            let piece = text[from..end].to_vec();
            let to = to % len;
            text.splice(to..to, piece);
        }
    }
}

// ---------------------------------------------------------------------------
// Plan file targets.

#[test]
fn decode_survives_arbitrary_bytes() {
    fuzz(
        "decode/bytes",
        256,
        prop::collection::vec(any::<u8>(), 0..4_096),
        |bytes| open(&String::from_utf8_lossy(bytes)),
    );
}

#[test]
fn decode_survives_json_like_text() {
    fuzz(
        "decode/json-like text",
        256,
        prop_oneof![
            "[\\[\\]{}\",:0-9a-z_ .eE+\\-]{0,400}",
            "\\{\"format\": ?\"opsboard-plan\", ?\"version\": ?[0-9.e\\-]{1,6}, ?\"plan\": ?[\\[\\]{}\",:0-9a-z_ .\\-]{0,300}\\}",
            any::<String>(),
        ],
        |text| open(text),
    );
}

#[test]
fn decode_survives_arbitrary_json() {
    fuzz(
        "decode/arbitrary JSON",
        256,
        (any_json(4), 0u8..4),
        |(value, wrap)| {
            let file = match wrap {
                0 => value.clone(),
                1 => json!({"format": "opsboard-plan", "version": 2, "plan": value}),
                2 => json!({"format": "opsboard-plan", "version": 1, "plan": value}),
                _ => {
                    // The plan's own fields, each with an arbitrary value.
                    let mut plan = seeds()[0]["plan"].clone();
                    if let (Some(fields), Value::Object(values)) = (plan.as_object_mut(), value) {
                        for ((_, field), (_, random)) in fields.iter_mut().zip(values) {
                            *field = random.clone();
                        }
                    }
                    json!({"format": "opsboard-plan", "version": 2, "plan": plan})
                }
            };
            open(&file.to_string())
        },
    );
}

#[test]
fn decode_survives_mutated_real_files() {
    fuzz(
        "decode/mutated files",
        256,
        (
            0..seeds().len(),
            prop::collection::vec(mutation(), 1..6),
            any::<bool>(),
        ),
        |(seed, mutations, pretty)| {
            let mut file = seeds()[*seed].clone();
            for mutation in mutations {
                apply_mutation(&mut file, mutation);
            }
            let text = if *pretty {
                serde_json::to_string_pretty(&file)
            } else {
                serde_json::to_string(&file)
            }
            .expect("a JSON value writes");
            open(&text)
        },
    );
}

#[test]
fn decode_survives_damaged_file_text() {
    fuzz(
        "decode/damaged text",
        256,
        (0..seeds().len(), prop::collection::vec(damage(), 1..5)),
        |(seed, damages)| {
            let mut text = serde_json::to_string_pretty(&seeds()[*seed])
                .expect("a JSON value writes")
                .into_bytes();
            for damage in damages {
                apply_damage(&mut text, damage);
            }
            open(&String::from_utf8_lossy(&text))
        },
    );
}

/// Mutations that keep ids pointing at things that exist, so more files
/// open and the views run on odd but valid plans.
#[test]
fn decode_survives_plausible_edits_of_real_files() {
    let plausible = prop_oneof![
        3 => (any::<usize>(), any::<usize>()).prop_map(|(at, other)| Mutation::Swap { at, other }),
        3 => (any::<usize>(), prop_oneof![-300i64..300, Just(-57), Just(175)])
            .prop_map(|(at, by)| Mutation::Nudge { at, by }),
        1 => (any::<usize>(), 1usize..3).prop_map(|(at, times)| Mutation::Repeat { at, times }),
        1 => any::<usize>().prop_map(|at| Mutation::Delete { at }),
    ];
    fuzz(
        "decode/plausible edits",
        128,
        (0..seeds().len(), prop::collection::vec(plausible, 1..4)),
        |(seed, mutations)| {
            let mut file = seeds()[*seed].clone();
            for mutation in mutations {
                apply_mutation(&mut file, mutation);
            }
            open(&file.to_string())
        },
    );
}

// ---------------------------------------------------------------------------
// People spreadsheet (CSV) targets.

/// Reads `text` as the people spreadsheet against the demo and, like the
/// Skills view, applies what it read as one batch.
fn import_people(text: &str) -> Result<(), TestCaseError> {
    let plan = demo();
    match timed(|| csv::read_people_csv(&plan, text)) {
        Err(problems) => {
            prop_assert!(!problems.is_empty(), "refused without a problem");
            prop_assert!(problems.len() <= 101, "{} problems listed", problems.len());
            for problem in &problems {
                prop_assert!(problem.row >= 1);
                prop_assert!(!problem.column.is_empty());
                readable("csv", &problem.to_string())?;
            }
        }
        Ok(people) => {
            let commands = people
                .into_iter()
                .map(|person| {
                    if person.id == opsboard::model::PersonId(0) {
                        Command::AddPerson(person)
                    } else {
                        Command::UpdatePerson(person)
                    }
                })
                .collect();
            let batch = Command::Batch {
                commands,
                summary: "Imported people".to_string(),
            };
            let mut history = History::new(plan.clone());
            match timed(|| history.execute(&batch, today())) {
                Err(error) => {
                    readable("csv import", &error.to_string())?;
                    prop_assert_eq!(history.plan(), &plan);
                }
                Ok(_) => {
                    let imported = history.plan().clone();
                    let (errors, reread) = timed(|| {
                        let file = persist::encode(&imported);
                        (validate::errors(&imported), persist::decode(&file))
                    });
                    prop_assert_eq!(errors, Vec::new());
                    prop_assert_eq!(reread, Ok(imported));
                    history.undo();
                    prop_assert_eq!(history.plan(), &plan);
                }
            }
        }
    }
    Ok(())
}

#[test]
fn csv_import_survives_arbitrary_text() {
    fuzz(
        "csv/arbitrary text",
        256,
        prop_oneof![
            any::<String>(),
            "[,\"\r\n a-zA-Z0-9.;\u{feff}\\-]{0,400}",
            prop::collection::vec(any::<u8>(), 0..2_000)
                .prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
        ],
        |text| import_people(text),
    );
}

/// A cell of a people spreadsheet.
fn csv_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        (0u8..6).prop_map(|level| level.to_string()),
        Just("-1".to_string()),
        Just("40".to_string()),
        Just("32,5".to_string()),
        Just("168".to_string()),
        Just("168.5".to_string()),
        Just("1e3".to_string()),
        Just("NaN".to_string()),
        Just("inf".to_string()),
        Just("  3 ".to_string()),
        Just("Lena Novak".to_string()),
        Just("lena NOVAK".to_string()),
        Just("Tom Becker".to_string()),
        Just("\"Kowalski, Anna\"".to_string()),
        Just("=1+1".to_string()),
        Just("x".repeat(10_000)),
        "[A-Za-z ,\"\n]{0,20}",
    ]
}

/// Writes one CSV field, quoted or not, maybe wrongly.
fn csv_field(text: &str, quote: u8) -> String {
    match quote % 4 {
        0 if !text.contains([',', '"', '\n', '\r']) => text.to_string(),
        1 => format!("\"{text}\""),
        _ => format!("\"{}\"", text.replace('"', "\"\"")),
    }
}

#[test]
fn csv_import_survives_spreadsheets() {
    let header = prop::collection::vec(
        prop_oneof![
            Just("Name".to_string()),
            Just("name".to_string()),
            Just("Role".to_string()),
            Just("Team".to_string()),
            Just("Weekly hours".to_string()),
            Just("Azure".to_string()),
            Just("AWS".to_string()),
            Just("terraform".to_string()),
            Just("Microsoft Intune".to_string()),
            Just("Juggling".to_string()),
            Just(String::new()),
        ],
        0..10,
    );
    let rows = prop::collection::vec(prop::collection::vec(csv_cell(), 0..12), 0..30);
    fuzz(
        "csv/spreadsheets",
        192,
        (
            header,
            rows,
            any::<u8>(),
            prop_oneof![Just("\r\n"), Just("\n"), Just("\r")],
            any::<bool>(),
            prop_oneof![12 => Just(1usize), 1 => Just(200usize)],
        ),
        |(header, rows, quote, newline, bom, repeat)| {
            let mut text = if *bom {
                "\u{feff}".to_string()
            } else {
                String::new()
            };
            let line = |cells: &[String]| {
                cells
                    .iter()
                    .enumerate()
                    .map(|(index, cell)| csv_field(cell, quote.wrapping_add(index as u8)))
                    .collect::<Vec<_>>()
                    .join(",")
            };
            text.push_str(&line(header));
            // Sometimes repeated past the row limit, up to half a megabyte.
            'rows: for _ in 0..*repeat {
                for row in rows {
                    if text.len() > 512 << 10 {
                        break 'rows;
                    }
                    text.push_str(newline);
                    text.push_str(&line(row));
                }
            }
            import_people(&text)
        },
    );
}

// ---------------------------------------------------------------------------
// Share links.

#[test]
fn share_link_base64url_survives_arbitrary_text_and_round_trips() {
    fuzz(
        "share/base64url",
        512,
        (
            prop_oneof![any::<String>(), "[A-Za-z0-9_=+/\\-]{0,200}"],
            prop::collection::vec(any::<u8>(), 0..512),
        ),
        |(text, bytes)| {
            let _ = timed(|| share::from_base64url(text));
            let (written, read) = timed(|| {
                let written = share::to_base64url(bytes);
                let read = share::from_base64url(&written);
                (written, read)
            });
            prop_assert_eq!(read, Some(bytes.clone()), "{}", written);
            Ok(())
        },
    );
}

// ---------------------------------------------------------------------------
// Hostile files too large to come out of random mutations: each is refused
// (or opened) quickly with a short message. Regression tests for what the
// limits in `engine::validate` fixed.

/// The demo file edited by `edit`.
fn demo_file_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut file = seeds()[0].clone();
    edit(&mut file);
    file.to_string()
}

/// Decodes `text` within `seconds` (in a debug build) and returns the
/// message of the refusal.
fn refused_quickly(what: &str, text: &str, seconds: u64) -> String {
    let started = Instant::now();
    let result = persist::decode(text);
    let took = started.elapsed();
    eprintln!("hostile file, {what}: {took:?} for {} bytes", text.len());
    assert!(
        took < Duration::from_secs(seconds),
        "{what}: took {took:?} for {} bytes",
        text.len()
    );
    let message = result.map(|_| ()).expect_err(what).to_string();
    assert!(
        !message.is_empty() && message.chars().count() <= MESSAGE_CHARS,
        "{what}: {}",
        preview(&message)
    );
    message
}

#[test]
fn hostile_files_are_refused_quickly_with_a_short_message() {
    let too_large = " ".repeat(persist::MAX_FILE_BYTES + 1);
    assert_eq!(
        refused_quickly("over 20 MB", &too_large, 1),
        "The file is 20 MB; plan files are at most 20 MB."
    );

    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    refused_quickly("deep nesting", &deep, 2);

    // A person with 100,000 leave entries.
    let many_leave = demo_file_with(|file| {
        let leave = file["plan"]["people"][4]["leave"][0].clone();
        file["plan"]["people"][4]["leave"] = json!(vec![leave; 100_000]);
    });
    assert_eq!(
        refused_quickly("100,000 leave entries", &many_leave, 20),
        "plan.people[per-5].leave: 100,000 leave entries are more than the 1,000 a person can hold"
    );

    // 2,000 activities with 600 dependencies each, none of which exist:
    // 1.2 million references, each a binary search, the listing cut short.
    let dangling = demo_file_with(|file| {
        let activity = file["plan"]["activities"][0].clone();
        let deps: Vec<String> = (100_000..100_600).map(|n| format!("act-{n}")).collect();
        file["plan"]["activities"] = json!((1..=2_000)
            .map(|n| {
                let mut activity = activity.clone();
                activity["id"] = json!(format!("act-{n}"));
                activity["depends_on"] = json!(deps);
                activity
            })
            .collect::<Vec<_>>());
    });
    let message = refused_quickly("1.2 million dangling dependencies", &dangling, 30);
    assert!(message.ends_with("… and 995 more"), "{message}");

    // 20,000 pins of one activity: every one after the first is a repeat,
    // found by one sort instead of comparing every pair.
    let pins = demo_file_with(|file| {
        file["plan"]["priority_pins"] =
            json!(vec![json!({"activity": "act-1", "position": 1}); 20_000]);
    });
    let message = refused_quickly("20,000 repeated pins", &pins, 20);
    assert!(message.contains("is pinned twice"), "{message}");

    // A dependency loop through 5,000 activities, named by its ends.
    let long_loop = demo_file_with(|file| {
        let activity = file["plan"]["activities"][0].clone();
        file["plan"]["activities"] = json!((1..=5_000)
            .map(|n| {
                let mut activity = activity.clone();
                activity["id"] = json!(format!("act-{n}"));
                activity["title"] = json!(format!("Step {n}"));
                activity["depends_on"] = json!([format!("act-{}", n % 5_000 + 1)]);
                activity
            })
            .collect::<Vec<_>>());
        file["plan"]["allocations"] = json!([]);
        file["plan"]["checkins"] = json!([]);
    });
    assert_eq!(
        refused_quickly("a loop through 5,000 activities", &long_loop, 20),
        "plan.activities[act-1].depends_on: the dependencies form a loop: \
         Step 1 → Step 2 → Step 3 → … 4,995 more … → Step 4999 → Step 5000 → Step 1"
    );

    // Regression: one activity listing 2,000 others 500 times. Repeats were
    // found by comparing each dependency with every earlier one, and loops
    // by a scan per edge: before the limits, the 10,000 × 80 version of
    // this file (19.9 MB) took 95 s to refuse in a release build.
    let repeated = demo_file_with(|file| {
        let activity = file["plan"]["activities"][0].clone();
        let mut activities: Vec<Value> = (1..=2_000)
            .map(|n| {
                let mut activity = activity.clone();
                activity["id"] = json!(format!("act-{n}"));
                activity["depends_on"] = json!([]);
                activity
            })
            .collect();
        let dependencies: Vec<String> = (0..500)
            .flat_map(|_| (2..=2_000).map(|n| format!("act-{n}")))
            .collect();
        activities[0]["depends_on"] = json!(dependencies);
        file["plan"]["activities"] = json!(activities);
    });
    assert_eq!(
        refused_quickly("a million repeated dependencies", &repeated, 20),
        "plan.activities[act-1].depends_on: 999,500 dependencies are more than the 1,000 an activity can hold"
    );

    // Regression: a chain of 2,000 activities closed by 999 loops. Every
    // loop was reported with every activity on it: a message of hundreds of
    // thousands of characters.
    let loops = demo_file_with(|file| {
        let activity = file["plan"]["activities"][0].clone();
        file["plan"]["activities"] = json!((1..=2_000)
            .map(|n| {
                let mut activity = activity.clone();
                activity["id"] = json!(format!("act-{n}"));
                activity["title"] = json!(format!("Step {n}"));
                activity["depends_on"] = if n == 2_000 {
                    json!((1..=999).map(|m| format!("act-{m}")).collect::<Vec<_>>())
                } else {
                    json!([format!("act-{}", n + 1)])
                };
                activity
            })
            .collect::<Vec<_>>());
        file["plan"]["allocations"] = json!([]);
        file["plan"]["checkins"] = json!([]);
    });
    let message = refused_quickly("999 dependency loops", &loops, 20);
    assert!(message.ends_with("… and 15 more"), "{message}");

    // A title of a million characters, quoted shortly.
    let long_title = demo_file_with(|file| {
        file["plan"]["activities"][3]["title"] = json!("Migrate ".repeat(125_000));
        file["plan"]["activities"][3]["owner"] = json!("per-99");
    });
    let message = refused_quickly("a title of a million characters", &long_title, 5);
    assert!(message.len() < 300, "{message}");
}
