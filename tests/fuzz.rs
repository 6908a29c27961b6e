//! Fuzz targets over everything Opsboard reads that a person did not write:
//! plan files (`persist::decode`, the file picker, a drop, browser storage,
//! a team board, a share link), the spreadsheets to import
//! (`persist::table`, planned by `command::import`) and the base64url of
//! share links.
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
//! What must hold of each input is in `fuzz_checks/`, shared with the
//! coverage-guided libFuzzer targets (`examples/fuzz_*.rs`, `make libfuzzer`),
//! which start from the corpus in `tests/fuzz-corpus/`; the last four tests
//! here replay that corpus through the same checks on every `cargo test`.
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

use proptest::prelude::*;
use proptest::test_runner::{FileFailurePersistence, TestCaseError, TestRunner};
use serde_json::{json, Value};

use opsboard::command::import;
use opsboard::model::NaiveDate;
use opsboard::persist::table::{self, Column, DateGuess, DateOrder, Sheet};
use opsboard::persist::{self, share};

/// The checks, shared with the libFuzzer targets in `examples/`.
mod fuzz_checks;
use fuzz_checks::{
    apply_mutation, awkward_numbers, demo, import_applies_and_changes_nothing_again, open,
    plan_edits, preview, readable, seed_files, seeds, share_link, sheet_import, timed, Mutation,
    AWKWARD_TEXTS, IN_OPSBOARD, MESSAGE_CHARS,
};

/// An input running longer than this ends the run as a hang.
const HANG_SECONDS: u64 = 60;

// ---------------------------------------------------------------------------
// Running a target: case count, timing, the watchdog.

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
// Real files to mutate.

// ---------------------------------------------------------------------------
// Structure-aware mutations of a parsed file.

/// Values that break readers: other types, edges of numbers, dates and
/// weeks at and past the limits, ids of every kind, odd text, huge text,
/// deep nesting, long lists.
fn awkward_value() -> impl Strategy<Value = Value> {
    let numbers = prop_oneof![
        26 => prop::sample::select(awkward_numbers()),
        1 => any::<f64>()
            .prop_filter("JSON numbers are finite", |n| n.is_finite())
            .prop_map(|n| json!(n)),
        1 => any::<i64>().prop_map(|n| json!(n)),
    ];
    let texts = prop_oneof![
        4 => prop::sample::select(AWKWARD_TEXTS).prop_map(str::to_string),
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
// Spreadsheets to import (`persist::table`) targets.

/// Reads `text` as a spreadsheet to import: a refusal names a row and a
/// column and reads well; a table keeps to the limits, every sheet's
/// columns are matched and the sheet is guessed, and the first cells go
/// through every reader of cells.
fn read_spreadsheet(text: &str) -> Result<(), TestCaseError> {
    let read = match timed(|| table::read_table(text)) {
        Err(problem) => {
            prop_assert!(problem.row >= 1);
            prop_assert!(!problem.column.is_empty());
            return readable("table", &problem.to_string());
        }
        Ok(read) => read,
    };
    prop_assert!(matches!(read.delimiter, '\t' | ',' | ';'));
    prop_assert!(
        read.header.iter().any(|cell| !cell.is_empty()),
        "an empty header was read"
    );
    prop_assert!(read.rows.len() <= table::MAX_ROWS);
    prop_assert!(
        read.rows
            .last()
            .is_none_or(|row| row.iter().any(|cell| !cell.is_empty())),
        "a blank last row was kept"
    );
    for row in std::iter::once(&read.header).chain(&read.rows) {
        prop_assert!(row.len() <= table::MAX_COLUMNS);
        prop_assert!(
            row.iter().all(|cell| cell.trim() == cell),
            "an untrimmed cell"
        );
    }
    for sheet in Sheet::ALL {
        let matched = timed(|| table::match_columns(sheet, &read.header));
        prop_assert_eq!(matched.len(), read.header.len());
        let filled: Vec<Column> = matched.into_iter().flatten().collect();
        let fields = sheet.columns();
        for (at, column) in filled.iter().enumerate() {
            prop_assert!(
                fields.contains(column),
                "{:?} is not of {:?}",
                column,
                sheet
            );
            prop_assert!(!filled[..at].contains(column), "{:?} filled twice", column);
        }
    }
    let _ = timed(|| table::guess_sheet(&read.header));
    let cells: Vec<&str> = std::iter::once(&read.header)
        .chain(&read.rows)
        .flatten()
        .take(2_000)
        .map(String::as_str)
        .collect();
    let _ = timed(|| table::detect_date_order(cells.iter().copied()));
    cells.into_iter().try_for_each(read_cell)
}

/// Runs every reader of cells on `cell`: a refusal reads well, an answer
/// is in its range.
fn read_cell(cell: &str) -> Result<(), TestCaseError> {
    for order in [
        DateOrder::Iso,
        DateOrder::DayMonthYear,
        DateOrder::MonthDayYear,
    ] {
        if let Err(message) = timed(|| table::parse_date(cell, order)) {
            readable("parse_date", &message)?;
        }
        if let Err(message) = timed(|| table::parse_certifications(cell, order)) {
            readable("parse_certifications", &message)?;
        }
    }
    match timed(|| table::parse_hours(cell)) {
        Ok(hours) => prop_assert!(hours.is_finite() && hours >= 0.0, "{} h: {:?}", hours, cell),
        Err(message) => readable("parse_hours", &message)?,
    }
    match timed(|| table::parse_percent(cell)) {
        Ok(share) => prop_assert!((0.0..=1.0).contains(&share), "{}: {:?}", share, cell),
        Err(message) => readable("parse_percent", &message)?,
    }
    match timed(|| table::parse_skill_levels(cell)) {
        Ok(levels) => prop_assert!(
            levels
                .iter()
                .all(|(name, level)| !name.trim().is_empty() && *level <= 4),
            "{:?}: {:?}",
            levels,
            cell
        ),
        Err(message) => readable("parse_skill_levels", &message)?,
    }
    match timed(|| table::parse_working_days(cell)) {
        Ok(days) => prop_assert!(
            days.windows(2)
                .all(|pair| pair[0].num_days_from_monday() < pair[1].num_days_from_monday()),
            "{:?}: {:?}",
            days,
            cell
        ),
        Err(message) => readable("parse_working_days", &message)?,
    }
    let key = timed(|| table::name_key(cell));
    prop_assert_eq!(timed(|| table::name_key(&key)), key.clone());
    Ok(())
}

#[test]
fn table_survives_arbitrary_text() {
    fuzz(
        "table/arbitrary text",
        256,
        prop_oneof![
            any::<String>(),
            "[,;\t\"\r\n a-zA-Z0-9.:%()/=|\u{feff}\\-]{0,400}",
            prop::collection::vec(any::<u8>(), 0..2_000)
                .prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
        ],
        |text| read_spreadsheet(text),
    );
}

/// A column name of a spreadsheet to import: ours, other tools', odd ones.
fn table_header_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(
            &[
                "Name",
                "Full name",
                "First Name",
                "Last Name",
                "E-mail",
                "Job title",
                "Department",
                "Weekly hours (h)",
                "Hours/day",
                "Capacity h",
                "Working days",
                "Start date",
                "End Date (YYYY-MM-DD)",
                "Cost to Business (per hour)",
                "Billable %",
                "Skills",
                "Certifications",
                "Project",
                "Client",
                "Type",
                "Status",
                "Deal stage",
                "Win probability %",
                "Assignee",
                "Hrs per week",
                "Budget",
                "From",
                "To",
                "Leave type",
                "Half day",
                "Date",
                "Holiday",
                "Tags",
                "",
                "(",
                "(h)",
                " h",
                "name (",
                "Capacity (h/day)",
            ][..]
        )
        .prop_map(str::to_string),
        ".{0,12}",
    ]
}

/// A cell of a spreadsheet to import.
fn table_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        30 => prop::sample::select(
            &[
                "",
                "Lena Novak",
                " lena  NOVAK ",
                "2026-12-07",
                "7/12/2026",
                "12/31/2026",
                "31/12/2026",
                "07.12.2026",
                "7-12-26",
                "2026-02-30",
                "29/2/2028",
                "8",
                "7,5",
                "8 hrs",
                "-8",
                "1,000",
                "NaN",
                "inf",
                "1e999",
                "75%",
                "0.75",
                "150 %",
                "Azure:4; Terraform:3",
                "Azure=2, C++=1",
                "Azure (5)",
                ":3",
                "AZ-104 (2027-03-31); CKA",
                "CCNA (Routing)",
                "X (31/02/2027)",
                "Mon-Fri",
                "Sun-Thu",
                "mon,wed,fri",
                "Mon-",
                "weekdays",
                "Funday",
                "=1+1",
                "\"quoted\"",
                "a\nb",
                "\t",
            ][..]
        )
        .prop_map(str::to_string),
        1 => Just("x".repeat(10_000)),
        1 => Just("Mon-".repeat(2_000)),
        1 => Just("a:1;".repeat(2_000)),
        8 => "[A-Za-z0-9 ,;:=()%./\"\n-]{0,20}",
    ]
}

#[test]
fn table_survives_spreadsheets() {
    let header = prop::collection::vec(table_header_name(), 0..12);
    let rows = prop::collection::vec(prop::collection::vec(table_cell(), 0..12), 0..30);
    fuzz(
        "table/spreadsheets",
        192,
        (
            header,
            rows,
            any::<u8>(),
            prop_oneof![Just('\t'), Just(','), Just(';')],
            prop_oneof![Just("\r\n"), Just("\n"), Just("\r")],
            any::<bool>(),
        ),
        |(header, rows, quote, delimiter, newline, bom)| {
            let mut text = if *bom {
                "\u{feff}".to_string()
            } else {
                String::new()
            };
            let line = |cells: &[String]| {
                cells
                    .iter()
                    .enumerate()
                    .map(|(index, cell)| match quote.wrapping_add(index as u8) % 3 {
                        0 => cell.clone(),
                        1 => format!("\"{cell}\""),
                        _ => format!("\"{}\"", cell.replace('"', "\"\"")),
                    })
                    .collect::<Vec<_>>()
                    .join(&delimiter.to_string())
            };
            text.push_str(&line(header));
            for row in rows {
                text.push_str(newline);
                text.push_str(&line(row));
            }
            read_spreadsheet(&text)
        },
    );
}

/// Text imported as the import dialog imports a file (arbitrary text and
/// bytes, and spreadsheets of real column names and awkward cells): read,
/// and planned as every sheet into the demo and an empty plan, with the
/// checks of the libFuzzer target `sheet_import`.
#[test]
fn sheet_import_survives_text_and_spreadsheets() {
    let spreadsheet = (
        prop::collection::vec(table_header_name(), 1..10),
        prop::collection::vec(prop::collection::vec(table_cell(), 0..10), 0..12),
        prop_oneof![Just(","), Just(";"), Just("\t")],
    )
        .prop_map(|(header, rows, delimiter)| {
            std::iter::once(&header)
                .chain(&rows)
                .map(|row| row.join(delimiter))
                .collect::<Vec<_>>()
                .join("\n")
        });
    fuzz(
        "table/import text",
        128,
        prop_oneof![
            1 => any::<String>(),
            1 => prop::collection::vec(any::<u8>(), 0..2_000)
                .prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
            3 => spreadsheet,
        ],
        |text| sheet_import(text.as_bytes()),
    );
}

/// Cells written as RFC 4180 quoted fields read back as themselves,
/// trimmed (and without the `'` of a formula guard), whatever they hold
/// and whichever delimiter and line end.
#[test]
fn table_cells_read_back_as_written() {
    let cell = prop_oneof![".{0,8}", "[ \t\r\n\",;a]{0,6}"];
    let header = prop::collection::vec(cell.clone(), 2..8)
        .prop_filter("a header names a column", |header| {
            header.iter().any(|cell| !cell.trim().is_empty())
        });
    let rows = prop::collection::vec(prop::collection::vec(cell, 0..8), 0..20);
    fuzz(
        "table/read back",
        256,
        (
            header,
            rows,
            prop_oneof![Just('\t'), Just(','), Just(';')],
            prop_oneof![Just("\r\n"), Just("\n"), Just("\r")],
            any::<bool>(),
        ),
        |(header, rows, delimiter, newline, bom)| {
            let line = |cells: &[String]| {
                cells
                    .iter()
                    .map(|cell| format!("\"{}\"", cell.replace('"', "\"\"")))
                    .collect::<Vec<_>>()
                    .join(&delimiter.to_string())
            };
            let mut text = if *bom { "\u{feff}" } else { "" }.to_string();
            text.push_str(&line(header));
            for row in rows {
                text.push_str(newline);
                text.push_str(&line(row));
            }
            // Trimmed, and one `'` taken from a cell that starts with `'`s
            // and then `=`, `+`, `-` or `@` (the export's formula guard).
            let read_back = |cell: &str| -> String {
                let cell = cell.trim();
                let formula = cell
                    .trim_start_matches('\'')
                    .starts_with(['=', '+', '-', '@']);
                match cell.strip_prefix('\'') {
                    Some(rest) if formula => rest.trim().to_string(),
                    _ => cell.to_string(),
                }
            };
            let trimmed = |cells: &[String]| -> Vec<String> {
                if cells.is_empty() {
                    return vec![String::new()];
                }
                cells.iter().map(|cell| read_back(cell)).collect()
            };
            let mut expected: Vec<Vec<String>> = rows.iter().map(|row| trimmed(row)).collect();
            while expected
                .last()
                .is_some_and(|row| row.iter().all(String::is_empty))
            {
                expected.pop();
            }
            let read = timed(|| table::read_table(&text));
            prop_assert!(read.is_ok(), "{:?}: {:?}", text, read);
            let read = read.expect("checked");
            prop_assert_eq!(read.delimiter, *delimiter);
            prop_assert_eq!(read.header, trimmed(header));
            prop_assert_eq!(read.rows, expected);
            Ok(())
        },
    );
}

/// Every date reads back from its ISO form in any order, from day/month/year
/// and month/day/year in theirs, and one date alone is known or ambiguous.
#[test]
fn table_dates_read_back_in_every_order() {
    fuzz(
        "table/dates",
        256,
        (
            1000i32..=9999,
            1u32..=12,
            1u32..=31,
            any::<bool>(),
            prop_oneof![Just('/'), Just('.'), Just('-')],
        ),
        |(year, month, day, padded, separator)| {
            let Some(date) = NaiveDate::from_ymd_opt(*year, *month, *day) else {
                return Ok(());
            };
            let number = |n: u32| {
                if *padded {
                    format!("{n:02}")
                } else {
                    n.to_string()
                }
            };
            let (day_text, month_text) = (number(*day), number(*month));
            let day_first = format!("{day_text}{separator}{month_text}{separator}{year}");
            let month_first = format!("{month_text}{separator}{day_text}{separator}{year}");
            for order in [
                DateOrder::Iso,
                DateOrder::DayMonthYear,
                DateOrder::MonthDayYear,
            ] {
                prop_assert_eq!(table::parse_date(&date.to_string(), order), Ok(date));
            }
            prop_assert_eq!(
                table::parse_date(&day_first, DateOrder::DayMonthYear),
                Ok(date)
            );
            prop_assert_eq!(
                table::parse_date(&month_first, DateOrder::MonthDayYear),
                Ok(date)
            );
            let expected = if *day > 12 {
                DateGuess::Known(DateOrder::DayMonthYear)
            } else {
                DateGuess::Ambiguous
            };
            prop_assert_eq!(table::detect_date_order([day_first.as_str()]), expected);
            Ok(())
        },
    );
}

/// Arbitrary tables planned as imports into the demo plan
/// (`command::import`), their columns matched by name or mapped at random:
/// nothing panics, every refusal names a row of the table and reads well,
/// the command the plan gives always applies, and planning the same table
/// again on the plan it made changes nothing.
#[test]
fn table_import_plans_apply_and_change_nothing_the_second_time() {
    let header = prop::collection::vec(table_header_name(), 0..10);
    let cell = prop_oneof![
        4 => table_cell(),
        1 => prop::sample::select(
            &[
                "Tom Becker",
                "priya raman",
                "Dana Fox",
                "dana@example.com",
                "2026-12-25",
                "2027-01-04",
                "1969-12-31",
                "2201-01-01",
                "half",
                "pm",
                "Cloud",
                "Kubernetes:3",
                "Azure:0",
                "24",
                "25",
                "€95",
                // The demo's book of work, its open role and the Work
                // sheet's words.
                "AKS platform build",
                "Tailspin Toys",
                "Managed security operations",
                "Litware",
                "Microsoft 365 and Intune rollout",
                "Contoso Dental Group",
                "Managed service",
                "Deal",
                "Proposal",
                "Won",
                "Lost",
                "In progress (tentative)",
                "Tentative",
                "Done",
                "Cloud Engineer",
                "Security Analyst",
                "2026-11-30",
                "2027-01-29",
                "16",
                "60%",
            ][..]
        )
        .prop_map(str::to_string),
    ];
    let rows = prop::collection::vec(prop::collection::vec(cell, 0..10), 0..20);
    let mapped = prop::option::of(prop::collection::vec(prop::option::of(0usize..64), 0..10));
    fuzz(
        "table/import plans",
        128,
        (
            header,
            rows,
            0usize..4,
            mapped,
            prop_oneof![
                Just(DateOrder::Iso),
                Just(DateOrder::DayMonthYear),
                Just(DateOrder::MonthDayYear)
            ],
        ),
        |(header, rows, sheet, mapped, dates)| {
            let sheet = Sheet::ALL[*sheet];
            let table = table::Table {
                delimiter: ',',
                header: header.clone(),
                rows: rows.clone(),
            };
            let every_column: Vec<Column> = Sheet::ALL
                .iter()
                .flat_map(|sheet| sheet.columns())
                .collect();
            let columns = match mapped {
                None => table::match_columns(sheet, header),
                Some(picked) => picked
                    .iter()
                    .map(|pick| pick.map(|at| every_column[at % every_column.len()]))
                    .collect(),
            };
            let mapping = import::Mapping {
                sheet,
                columns,
                dates: *dates,
            };
            import_applies_and_changes_nothing_again(&demo(), &table, &mapping)
        },
    );
}

/// What a cell of `column` of a Work sheet may hold: the demo's book of
/// work, its people, roles and clients, the words the import reads and a
/// few it refuses, dates around the demo's horizon, and empty cells.
fn work_cells(column: Column) -> &'static [&'static str] {
    match column {
        Column::Work => &[
            "AKS platform build",
            "aks  platform BUILD",
            "Microsoft 365 and Intune rollout",
            "Kubernetes managed service",
            "Managed security operations",
            "Pilot",
            "Certifications and training",
            "",
        ],
        Column::Client => &[
            "Tailspin Toys",
            "Contoso Dental Group",
            "Litware",
            "Acme",
            "",
        ],
        Column::Kind => &[
            "",
            "Project",
            "Managed service",
            "Internal",
            "Deal",
            "Retainer",
            "Hobby",
        ],
        Column::Status => &[
            "",
            "In progress",
            "Done",
            "on hold",
            "Tentative",
            "Not started (tentative)",
            "Confirmed",
            "Sort of",
        ],
        Column::Stage => &[
            "",
            "Proposal",
            "Won",
            "Lost",
            "Lead",
            "Negotiation",
            "Maybe",
        ],
        Column::Probability => &["", "60%", "100%", "0", "0.25", "150 %"],
        Column::Start | Column::End => &[
            "",
            "2026-11-09",
            "2026-11-23",
            "2026-12-14",
            "2027-01-04",
            "2027-02-05",
            "2027-06-11",
            "2025-01-01",
            "2026-13-01",
        ],
        Column::Person => &[
            "",
            "Lena Novak",
            "tom becker",
            "Ravi Patel",
            "Oliver Grant",
            "Dana Fox",
        ],
        Column::Email => &[
            "",
            "lena.novak@harbourline-it.example",
            "RAVI.PATEL@harbourline-it.example",
            "nobody@example.com",
        ],
        Column::Role => &["", "Cloud Engineer", "Security Analyst", "DevOps Engineer"],
        Column::HoursPerWeek => &["", "8", "16", "0", "200", "7,5"],
        Column::HoursPerDay => &["", "4", "8", "25"],
        Column::Budget => &["", "300", "760", "lots"],
        _ => &[""],
    }
}

/// Work sheets shaped as planners write them, planned into the demo: the
/// Work sheet's columns in any order, each cell from [`work_cells`], so
/// rows group into the demo's pieces of work and its assignments, clash,
/// win deals and move dates, which arbitrary tables seldom do. The checks
/// are those of any table.
#[test]
fn work_sheet_import_plans_apply_and_change_nothing_the_second_time() {
    let columns = Sheet::Work.columns();
    let shape = prop::sample::subsequence(columns.clone(), 1..=columns.len())
        .prop_shuffle()
        .prop_flat_map(|header| {
            let width = header.len();
            let rows = prop::collection::vec(prop::collection::vec(0usize..16, width), 0..16);
            (Just(header), rows)
        });
    fuzz("table/work sheets", 256, shape, |(header, picks)| {
        let rows: Vec<Vec<String>> = picks
            .iter()
            .map(|row| {
                row.iter()
                    .zip(header)
                    .map(|(pick, column)| {
                        let cells = work_cells(*column);
                        cells[pick % cells.len()].to_string()
                    })
                    .collect()
            })
            .collect();
        let table = table::Table {
            delimiter: ',',
            header: header
                .iter()
                .map(|column| column.label().to_string())
                .collect(),
            rows,
        };
        let mapping = import::Mapping {
            sheet: Sheet::Work,
            columns: table::match_columns(Sheet::Work, &table.header),
            dates: DateOrder::Iso,
        };
        import_applies_and_changes_nothing_again(&demo(), &table, &mapping)
    });
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
        |(text, bytes)| share_link(text, bytes),
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

// ---------------------------------------------------------------------------
// The libFuzzer corpus, replayed.

/// Where the libFuzzer targets' minimized corpus is kept, one folder a
/// target (`scripts/libfuzzer.sh merge` writes it).
fn corpus_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-corpus")
}

/// Writes the inputs `target`'s corpus starts from into `dir`: for
/// `plan_file` every real plan file, indented and compact; for `plan_edits`
/// random bytes (each chooses a seed file and its edits); for
/// `sheet_import` the spreadsheets of [`sheet_seeds`]; for `share_link`
/// base64url payloads.
fn write_seeds(target: &str, dir: &std::path::Path) {
    let mut seeds: Vec<(&str, String, Vec<u8>)> = Vec::new();
    let mut files = seed_files();
    files.dedup();
    for (index, text) in files.into_iter().enumerate() {
        let value: Value = serde_json::from_str(&text).expect("a seed is JSON");
        let compact = serde_json::to_string(&value).expect("a JSON value writes");
        seeds.push((
            "plan_file",
            format!("seed-{index}-indented"),
            text.into_bytes(),
        ));
        seeds.push((
            "plan_file",
            format!("seed-{index}-compact"),
            compact.into_bytes(),
        ));
    }
    // Edits of each seed file: the bytes choose the seed, then the edits.
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for index in 0..16 {
        let bytes: Vec<u8> = (0..64)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        seeds.push(("plan_edits", format!("seed-{index}"), bytes));
    }
    for (name, text) in sheet_seeds() {
        seeds.push(("sheet_import", format!("seed-{name}"), text.into_bytes()));
    }
    for (index, payload) in [&b""[..], b"f", b"fo", b"foo", &[0, 255, 62, 63, 191]]
        .iter()
        .enumerate()
    {
        let text = share::to_base64url(payload);
        seeds.push(("share_link", format!("seed-{index}"), text.into_bytes()));
    }
    std::fs::create_dir_all(dir).expect("the corpus folder is writable");
    for (_, name, bytes) in seeds.iter().filter(|(of, _, _)| *of == target) {
        std::fs::write(dir.join(name), bytes).expect("a seed is written");
    }
}

/// The spreadsheets the `sheet_import` corpus starts from: the demo's
/// sheets and skills matrix as Opsboard writes them, the end-to-end tests'
/// spreadsheets of another firm (`tests/e2e/fixtures/`), and a few written
/// as other tools and other countries write them.
fn sheet_seeds() -> Vec<(&'static str, String)> {
    let plan = demo();
    let fixture = |name: &str| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/e2e/fixtures")
            .join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
    };
    let matrix = persist::csv::skills_matrix_csv(&plan);
    vec![
        ("people", persist::sheets::people_sheet_csv(&plan)),
        ("work", persist::sheets::work_sheet_csv(&plan)),
        ("leave", persist::sheets::leave_sheet_csv(&plan)),
        ("holidays", persist::sheets::holidays_sheet_csv(&plan)),
        // With a byte order mark and line feeds alone, as some tools save.
        (
            "skills-matrix",
            format!("\u{feff}{}", matrix.replace("\r\n", "\n")),
        ),
        ("firm-people", fixture("firm-people.csv")),
        ("firm-work", fixture("firm-work.tsv")),
        ("firm-leave", fixture("firm-leave.csv")),
        (
            "semicolons",
            "Name;E-mail;Weekly hours;Billable %;Skills\r\n\
             Lena Novak;LENA.NOVAK@harbourline-it.example;32,5;75 %;Azure:3; Terraform:2\r\n\
             \"Kowalski; Anna\";;40;;\r\n"
                .to_string(),
        ),
        (
            "quotes",
            "Name,Role,Skills,Certifications\n\
             \"Becker, Tom\",\"Cloud \"\"Lead\"\"\",\"Azure:4, Terraform:3\",\"AZ-104 (2027-03-31); CKA\"\n\
             \"Dana\nFox\",'=1+1,\"Azure=2, C++=1\",\"CCNA (Routing)\"\n\
             Tom Becker,,,\n"
                .to_string(),
        ),
        (
            "unclosed-quote",
            "Name,Team\nLena Novak,\"Cloud\nTom Becker,Cloud\n".to_string(),
        ),
        (
            "ambiguous-dates",
            "Employee,Leave start,Leave end,Half day,Leave type\n\
             Lena Novak,3/4/2027,5/4/2027,,Annual leave\n\
             Tom Becker,7/12/2026,7/12/2026,pm,Dentist\n\
             Mei Lin,1.2.2027,,half,\n"
                .to_string(),
        ),
        (
            "conflicting-dates",
            "Date,Holiday\n25/12/2026,Christmas Day\n12/26/2026,Boxing Day\n1/1/2027,New Year\n"
                .to_string(),
        ),
        (
            "runn",
            "First Name,Last Name,Email,Job Title,Team Name,Cost to Business (per hour),\
             Work Days,Hours per day,Start Date,End Date,Skills\n\
             Lena,Novak,lena.novak@harbourline-it.example,Cloud Engineer,Cloud,48,Mon-Fri,8,\
             2026-01-05,,\"Azure=3, Terraform=2\"\n\
             Sam,Okafor,sam.okafor@example.com,Security Analyst,Security,45,Mon-Thu,7.5,\
             2027-01-11,2027-12-31,\"Sentinel=2\"\n"
                .to_string(),
        ),
        (
            "float",
            "Name,Email,Role,Department,Start date,End date,Tags,Cost rate,Bill rate\n\
             Dana Fox,dana@example.com,Security Analyst,Security,12-01-2026,,SOC,55,120\n\
             Tom Becker,,Cloud Architect,Cloud,01-05-2026,12-31-2027,Azure,58,140\n"
                .to_string(),
        ),
        (
            "float-schedule",
            "Project,Client,Person,Hours/day,Start date,End date\n\
             AKS platform build,Tailspin Toys,Tom Becker,4,11-30-2026,01-29-2027\n\
             AKS platform build,Tailspin Toys,Dana Fox,8,12-07-2026,12-18-2026\n"
                .to_string(),
        ),
        (
            "pasted-holidays",
            "Date\tHoliday\n2026-12-25\tChristmas Day\n2026-12-26\tBoxing Day\n\
             2027-01-01\tNew Year's Day\n"
                .to_string(),
        ),
    ]
}

/// Every input in a libFuzzer target's corpus (`tests/fuzz-corpus/<target>/`:
/// the real files it started from and the inputs that reached code no
/// other did) passes that target's checks, on every `cargo test`.
/// `UPDATE_FUZZ_SEEDS=1` first writes the target's seeds into it.
fn replay(target: &str, check: impl Fn(&[u8]) -> Result<(), TestCaseError>) {
    let dir = corpus_root().join(target);
    if std::env::var_os("UPDATE_FUZZ_SEEDS").is_some() {
        write_seeds(target, &dir);
    }
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.expect("a corpus entry").path())
        .collect();
    inputs.sort();
    assert!(
        inputs.iter().any(|path| path
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with("seed-"))),
        "{}: the seeds are missing (UPDATE_FUZZ_SEEDS=1 writes them)",
        dir.display()
    );
    for path in inputs {
        let data = std::fs::read(&path).expect("a corpus input reads");
        if let Err(failure) = check(&data) {
            panic!("{}: {failure}", path.display());
        }
    }
}

#[test]
fn the_libfuzzer_plan_file_corpus_passes_the_checks() {
    replay("plan_file", |data| open(&String::from_utf8_lossy(data)));
}

/// The slowest of the four in a debug build (about a minute): each input
/// edits and writes a whole real file, and every view and export runs on
/// the third that open as plans.
#[test]
fn the_libfuzzer_plan_edits_corpus_passes_the_checks() {
    replay("plan_edits", plan_edits);
}

#[test]
fn the_libfuzzer_sheet_import_corpus_passes_the_checks() {
    replay("sheet_import", sheet_import);
}

#[test]
fn the_libfuzzer_share_link_corpus_passes_the_checks() {
    replay("share_link", |data| {
        share_link(&String::from_utf8_lossy(data), data)
    });
}
