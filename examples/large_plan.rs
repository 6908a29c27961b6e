//! Writes the generated large plan (a firm of 300 people: 8 initiatives
//! and 392 pieces of the book of work for 40 clients, 12,000 allocations
//! over 26 weeks, laid out around 2026-11-23) as a plan file to standard
//! output, for the browser benchmarks:
//! `cargo run --release --example large_plan > target/large.opsboard.json`.
//! With the argument `limit`, the plan at the file limit instead: 20,000
//! initiatives (an old file's activities all open as initiatives).

use std::io::Write;

use opsboard::model::generate::{generated_plan, Size};
use opsboard::model::NaiveDate;

fn main() -> std::io::Result<()> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a valid date");
    let size = match std::env::args().nth(1).as_deref() {
        Some("limit") => Size::LIMIT,
        _ => Size::LARGE,
    };
    let text = opsboard::persist::encode(&generated_plan(size, today));
    std::io::stdout().write_all(text.as_bytes())
}
