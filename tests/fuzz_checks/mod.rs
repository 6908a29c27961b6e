//! What must hold for every input Opsboard reads that a person did not
//! write, shared by the proptest fuzz targets (`tests/fuzz.rs`, run by
//! `cargo test` and `make fuzz`) and the coverage-guided libFuzzer targets
//! (`examples/fuzz_*.rs`, run by `make libfuzzer`):
//!
//! - every refusal has a message a person can read: not empty and at most
//!   [`MESSAGE_CHARS`] characters, however large the input;
//! - every plan file that opens is a valid plan that writes back to a file
//!   that opens as the same plan, and every view's computation and every
//!   export runs on it;
//! - a spreadsheet to import that reads is planned, as every sheet, into
//!   the demo and into an empty plan: every refused row says why, naming its
//!   row and column, the plan's one command applies and leaves a valid plan,
//!   and planning the same table again on that plan changes nothing; a
//!   spreadsheet that does not read says why, naming a row and a column;
//! - a share link's base64url reads back what was written.
//!
//! A check returns proptest's `TestCaseError`; the libFuzzer targets panic
//! with it, which libFuzzer reports as a crash and keeps the input.

use std::cell::Cell;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use arbitrary::Unstructured;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::{json, Value};

use opsboard::command::import::{self, Mapping, RowAction};
use opsboard::command::{self, Command, History};
use opsboard::engine::{
    book, capacity, checkin, health, money, priority, raci, risks, skills, validate, week,
};
use opsboard::model::generate::{generated_plan, Size};
use opsboard::model::{Plan, PlanId};
use opsboard::persist::table::{self, Column, DateGuess, DateOrder, Sheet, Table};
use opsboard::persist::{self, csv, ics, share};

// By path, so that the libFuzzer targets, which include this file by path,
// find it too.
#[path = "../support/mod.rs"]
mod support;
/// The day the checks run on (the end-to-end tests' day), and the demo laid
/// out around it.
pub use support::{demo, today};

/// A refusal longer than this is not a message a person reads.
pub const MESSAGE_CHARS: usize = 2_000;

// ---------------------------------------------------------------------------
// Timing Opsboard's code apart from the harness's.

thread_local! {
    /// Time spent in Opsboard's code on the current input, apart from the
    /// harness building it (a mutated file can take the harness seconds to
    /// build and write: a list of thousands of deeply nested values).
    pub static IN_OPSBOARD: Cell<Duration> = const { Cell::new(Duration::ZERO) };
}

/// Runs `work` (Opsboard's code), adding its time to [`IN_OPSBOARD`].
pub fn timed<T>(work: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let result = work();
    IN_OPSBOARD.with(|spent| spent.set(spent.get() + started.elapsed()));
    result
}

/// At most 300 characters of a text, for messages.
pub fn preview(text: &str) -> String {
    let shown: String = text.chars().take(300).collect();
    if shown.len() < text.len() {
        format!("{shown:?}… ({} bytes)", text.len())
    } else {
        format!("{shown:?}")
    }
}

// ---------------------------------------------------------------------------
// What must hold for every input.

/// A refusal's message: present and short enough to read.
pub fn readable(target: &str, message: &str) -> Result<(), TestCaseError> {
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
pub fn open(text: &str) -> Result<(), TestCaseError> {
    match timed(|| persist::decode(text)) {
        Err(error) => {
            let _ = error.path();
            readable("decode", &error.to_string())
        }
        Ok(plan) => timed(|| opened(&plan)),
    }
}

pub fn opened(plan: &Plan) -> Result<(), TestCaseError> {
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
pub fn every_view(plan: &Plan) {
    let days = [today(), plan.horizon.first_day(), plan.horizon.last_day()];
    for day in days {
        let _ = priority::rank(plan, day);
        let _ = skills::coverage(plan, day);
        let _ = skills::supply_and_demand(plan, day);
        let _ = checkin::midpoints_this_week(plan, day);
        let _ = checkin::checkin_date(plan, day);
        for tentative in [false, true] {
            let options = capacity::Options {
                include_tentative: tentative,
                hidden_scenarios: plan.scenarios.iter().take(1).map(|s| s.id).collect(),
            };
            let load = capacity::compute(plan, plan.horizon, &options, day);
            let _ = risks::risks(plan, &options, day);
            let _ = book::book_of_work(plan, &load, |_| true);
            for person in plan.people.iter().take(3) {
                let _ = week::person_week(plan, &load, person.id, load.first_week);
            }
            for activity in plan.activities.iter().take(3) {
                let _ = capacity::proposed_allocation(
                    plan,
                    &load,
                    activity.id,
                    opsboard::model::Assignee::Person(
                        plan.people
                            .first()
                            .map_or(opsboard::model::PersonId(1), |p| p.id),
                    ),
                    load.first_week,
                    &options,
                )
                .map(|proposal| proposal.note(plan));
            }
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
    for activity in plan.activities.iter().filter(|a| a.deal.is_some()).take(2) {
        if let Some(ask) = book::asked_of(plan, activity.id) {
            let _ = capacity::can_we_take_it(
                plan,
                &ask.engagement,
                &capacity::Options::default(),
                today(),
            );
        }
    }
    for client in plan.clients().iter().take(2) {
        let copy = share::for_client(plan, client, share::ClientSafe::default());
        assert_eq!(
            validate::errors(&copy),
            Vec::new(),
            "the copy for {client} is a valid plan"
        );
    }
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
// Real files.

pub fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The real plan files mutations start from: the demo as written today,
/// the golden files of every released version, a small generated plan and
/// a client-safe copy.
pub fn seed_files() -> Vec<String> {
    let small = Size {
        people: 12,
        activities: 30,
        initiatives: 4,
        dependencies_per_initiative: 2,
        clients: 5,
        allocations: 40,
        weeks: 13,
    };
    vec![
        persist::encode(&demo()),
        fixture("v4/demo.opsboard.json"),
        fixture("v3/demo.opsboard.json"),
        fixture("v2/demo.opsboard.json"),
        fixture("v1/demo.opsboard.json"),
        fixture("v1/minimal.opsboard.json"),
        persist::encode(&generated_plan(small, today())),
        persist::encode(&share::client_safe(&demo(), share::ClientSafe::default())),
    ]
}

// ---------------------------------------------------------------------------
// Spreadsheets to import and share links.

/// The demo, made once: the spreadsheet checks plan every input into it.
fn shared_demo() -> &'static Plan {
    static DEMO: OnceLock<Plan> = OnceLock::new();
    DEMO.get_or_init(demo)
}

/// Reads `data` as a spreadsheet to import, as the import dialog reads a
/// picked file (UTF-8, invalid bytes replaced): a table that does not read
/// is refused with a readable message naming a row and a column. A table
/// that reads is planned as every sheet, its columns matched by name and
/// the demo's skills as the dialog matches them, into the demo and into an
/// empty plan, with [`import_applies_and_changes_nothing_again`]'s checks.
/// The dates are read in the order the dialog finds in the date columns,
/// and where it would ask a person (every date reads both ways, or the
/// dates disagree), in each order they can choose.
pub fn sheet_import(data: &[u8]) -> Result<(), TestCaseError> {
    let text = String::from_utf8_lossy(data);
    let read = match timed(|| table::read_table(&text)) {
        Err(problem) => {
            prop_assert!(problem.row >= 1, "{:?}", problem);
            prop_assert!(!problem.column.is_empty(), "{:?}", problem);
            return readable("read_table", &problem.to_string());
        }
        Ok(read) => read,
    };
    let _ = timed(|| table::guess_sheet(&read.header));
    let demo = shared_demo();
    let empty = Plan::empty(PlanId(2), "Empty", today());
    let skills: Vec<&str> = demo
        .skills
        .iter()
        .map(|skill| skill.name.as_str())
        .collect();
    for sheet in Sheet::ALL {
        let columns = timed(|| {
            let mut columns = table::match_columns(sheet, &read.header);
            table::match_skill_columns(sheet, &mut columns, &read.header, &skills);
            columns
        });
        for dates in date_orders(&read, &columns) {
            let mapping = Mapping {
                sheet,
                columns: columns.clone(),
                dates,
            };
            for plan in [demo, &empty] {
                import_applies_and_changes_nothing_again(plan, &read, &mapping)?;
            }
        }
    }
    Ok(())
}

/// The date orders the import dialog can read `read` with `columns` in:
/// the one the cells of the date columns show, ISO when none is a date,
/// and each one where the dialog asks a person to choose.
fn date_orders(read: &Table, columns: &[Option<Column>]) -> Vec<DateOrder> {
    match timed(|| read.date_order(columns)) {
        DateGuess::Known(order) => vec![order],
        DateGuess::NoDates => vec![DateOrder::Iso],
        DateGuess::Ambiguous | DateGuess::Conflicting => vec![
            DateOrder::Iso,
            DateOrder::DayMonthYear,
            DateOrder::MonthDayYear,
        ],
    }
}

/// Plans `table`, read as `mapping` says, as an import into `plan`: every
/// row is numbered as the spreadsheet shows it, a row is refused exactly
/// when it has problems, and each problem names the row and a column and
/// reads well; the one command the plan gives applies and leaves a valid
/// plan, and planning the same table again on that plan changes nothing.
pub fn import_applies_and_changes_nothing_again(
    plan: &Plan,
    table: &Table,
    mapping: &Mapping,
) -> Result<(), TestCaseError> {
    let planned = timed(|| import::plan_import(plan, table, mapping, "fuzz.csv"));
    readable("import summary", &planned.summary)?;
    for row in &planned.rows {
        prop_assert!(row.row >= 1 && row.row <= table.rows.len() + 1, "{:?}", row);
        prop_assert_eq!(
            row.problems.is_empty(),
            row.action != RowAction::Refused,
            "{:?}",
            row
        );
        for problem in &row.problems {
            prop_assert_eq!(problem.row, row.row);
            prop_assert!(!problem.column.is_empty(), "{:?}", problem);
            readable("import", &problem.to_string())?;
        }
    }
    let Some(command) = &planned.command else {
        return Ok(());
    };
    let applied = timed(|| command::apply(plan, command, today()));
    prop_assert!(
        applied.is_ok(),
        "{}: the command is refused: {:?}",
        planned.summary,
        applied.err()
    );
    let after = applied.expect("checked").plan;
    prop_assert_eq!(timed(|| validate::errors(&after)), Vec::new());
    let again = timed(|| import::plan_import(&after, table, mapping, "fuzz.csv"));
    prop_assert_eq!(&again.command, &None, "a second import changes nothing");
    for row in &again.rows {
        prop_assert!(
            matches!(row.action, RowAction::Unchanged | RowAction::Refused),
            "{:?}",
            row
        );
    }
    Ok(())
}

/// A share link's base64url: any text reads without a panic, and `bytes`
/// written read back as themselves.
pub fn share_link(text: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let _ = timed(|| share::from_base64url(text));
    let (written, read) = timed(|| {
        let written = share::to_base64url(bytes);
        let read = share::from_base64url(&written);
        (written, read)
    });
    prop_assert_eq!(read.as_deref(), Some(bytes), "{}", written);
    Ok(())
}

// ---------------------------------------------------------------------------
// Structure-aware edits of a parsed file, shared by the proptest targets
// (which generate them) and the libFuzzer target `plan_edits` (which reads
// them from its input's bytes).

/// The files mutations start from, parsed.
pub fn seeds() -> &'static [Value] {
    static SEEDS: OnceLock<Vec<Value>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        seed_files()
            .iter()
            .map(|text| serde_json::from_str(text).expect("a seed is JSON"))
            .collect()
    })
}

/// One step of a path into a JSON value.
#[derive(Debug, Clone)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// The path of every value inside `value` (not `value` itself).
pub fn paths(value: &Value) -> Vec<Vec<Step>> {
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

pub fn node_mut<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |node, step| match step {
        Step::Key(key) => node.get_mut(key.as_str()),
        Step::Index(index) => node.get_mut(*index),
    })
}

/// One edit of a parsed file. `at` and `other` pick values (by index into
/// every path of the file, modulo its length).
#[derive(Debug, Clone)]
pub enum Mutation {
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

/// Edits that would grow a file past this many values are skipped. One
/// such edit (deep arrays repeated 999 times, and that 999 times again)
/// took the harness 24 GB to build and walk. Files of millions of values
/// are the hand-made hostile files' part instead
/// (`hostile_files_are_refused_quickly…` in `tests/fuzz.rs`: a million
/// repeated dependencies, 1.2 million dangling references).
pub const MAX_VALUES: usize = 2_000_000;

/// How many values `value` holds, itself included.
fn values_in(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(values_in).sum(),
        Value::Object(map) => map.values().map(values_in).sum(),
        _ => 0,
    }
}

pub fn apply_mutation(file: &mut Value, mutation: &Mutation) {
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
                    if all.len() + values_in(&item) * times > MAX_VALUES {
                        return;
                    }
                    for _ in 0..*times {
                        items.insert(*index, item.clone());
                    }
                }
            }
        }
        Mutation::Copy { from, to } => {
            let value = node_mut(file, &pick(*from))
                .map(|node| node.clone())
                .filter(|value| all.len() + values_in(value) <= MAX_VALUES);
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

/// Numbers at the edges of what the file allows and of what `f64`, `u32`,
/// `i64` and `u64` hold.
pub fn awkward_numbers() -> Vec<Value> {
    vec![
        json!(0),
        json!(-1),
        json!(1),
        json!(0.5),
        json!(-0.0),
        json!(4),
        json!(5),
        json!(52),
        json!(53),
        json!(167.99),
        json!(168),
        json!(168.000001),
        json!(169),
        json!(366),
        json!(1e15),
        json!(1e300),
        json!(-1e300),
        json!(f64::MAX),
        json!(f64::MIN_POSITIVE),
        json!(5e-324),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(u32::MAX),
        json!(u32::MAX as u64 + 1),
        json!(255),
        json!(256),
    ]
}

/// Texts that break readers: empty and blank, words JSON and JavaScript
/// read as numbers, ids of every kind at and past the limits, dates and
/// weeks at and past the limits, named values real and made up, and text
/// written right to left, with control and zero-width characters, markup,
/// a spreadsheet formula and emoji.
pub const AWKWARD_TEXTS: &[&str] = &[
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
];

/// Edits of a real file read from `data`, the input of the libFuzzer
/// target `plan_edits`: which seed, one to five mutations, and whether the
/// file is written indented. libFuzzer's coverage feedback then steers the
/// same mutations the proptest targets draw at random.
pub fn edits_from(data: &[u8]) -> arbitrary::Result<(usize, Vec<Mutation>, bool)> {
    let mut input = Unstructured::new(data);
    let seed = input.choose_index(seeds().len())?;
    let pretty = input.arbitrary()?;
    let count = input.int_in_range(1..=5)?;
    let mutations = (0..count)
        .map(|_| mutation_from(&mut input))
        .collect::<arbitrary::Result<_>>()?;
    Ok((seed, mutations, pretty))
}

fn mutation_from(input: &mut Unstructured) -> arbitrary::Result<Mutation> {
    let at = input.arbitrary()?;
    // The proptest targets' weights: replace 5, delete 2, repeat 2, copy 2,
    // swap 3, add a field 1, retype 1, nudge 3.
    Ok(match input.int_in_range(0..=18)? {
        0..=4 => Mutation::Replace {
            at,
            with: value_from(input)?,
        },
        5 | 6 => Mutation::Delete { at },
        7 | 8 => Mutation::Repeat {
            at,
            times: *input.choose(&[1, 2, 3, 999, 1_000, 2_999])?,
        },
        9 | 10 => Mutation::Copy {
            from: at,
            to: input.arbitrary()?,
        },
        11..=13 => Mutation::Swap {
            at,
            other: input.arbitrary()?,
        },
        14 => Mutation::AddField {
            at,
            name: match input.choose(&["nickname", "id", "__proto__", "scenario", "profile", ""])? {
                &"" => input.arbitrary::<String>()?,
                name => name.to_string(),
            },
            with: value_from(input)?,
        },
        15 => Mutation::Retype { at },
        _ => Mutation::Nudge {
            at,
            by: if input.ratio(1, 8)? {
                *input.choose(&[-57, 175, i64::MAX, i64::MIN])?
            } else {
                input.int_in_range(-300..=300)?
            },
        },
    })
}

/// An awkward value read from `input`, as `tests/fuzz.rs`'s
/// `awkward_value` draws one.
fn value_from(input: &mut Unstructured) -> arbitrary::Result<Value> {
    static NUMBERS: OnceLock<Vec<Value>> = OnceLock::new();
    let numbers = NUMBERS.get_or_init(awkward_numbers);
    Ok(match input.int_in_range(0..=15)? {
        0..=3 => input.choose(numbers)?.clone(),
        4 => json!(Some(input.arbitrary::<f64>()?)
            .filter(|n| n.is_finite())
            .unwrap_or(0.0)),
        5 => json!(input.arbitrary::<i64>()?),
        6..=9 => json!(input.choose(AWKWARD_TEXTS)?),
        10 => json!(input.arbitrary::<String>()?),
        11 => json!(format!(
            "{}-{}",
            input
                .choose(&["act", "per", "skl", "scn", "alc", "chk", "met", "rol", "cad", "plan"])?,
            input.arbitrary::<u64>()?
        )),
        12 => input
            .choose(&[Value::Null, json!(true), json!(false), json!([]), json!({})])?
            .clone(),
        13 => {
            let n = input.int_in_range(1..=300)?;
            match input.int_in_range(0..=1)? {
                0 => (0..n).fold(json!(1), |inner, _| json!([inner])),
                _ => (0..n).fold(json!({}), |inner, _| json!({ "a": inner })),
            }
        }
        14 => match input.int_in_range(0..=3)? {
            0 => json!("x".repeat(input.int_in_range(1..=200_000)?)),
            1 => json!("é😀".repeat(input.int_in_range(1..=20_000)?)),
            2 => json!(vec![0; input.int_in_range(1..=5_000)?]),
            _ => json!(vec!["act-1"; input.int_in_range(1..=2_000)?]),
        },
        _ => json!(format!(
            "{:04}-{:02}-{:02}",
            input.int_in_range(0..=9999)?,
            input.int_in_range(0..=13)?,
            input.int_in_range(0..=32)?
        )),
    })
}

/// The libFuzzer target `plan_edits`: a real file edited as `data` says,
/// opened.
pub fn plan_edits(data: &[u8]) -> Result<(), TestCaseError> {
    let Ok((seed, mutations, pretty)) = edits_from(data) else {
        return Ok(());
    };
    let mut file = seeds()[seed].clone();
    for mutation in &mutations {
        apply_mutation(&mut file, mutation);
    }
    let text = if pretty {
        serde_json::to_string_pretty(&file)
    } else {
        serde_json::to_string(&file)
    }
    .expect("a JSON value writes");
    open(&text)
}
