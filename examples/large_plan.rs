//! Writes the generated large plan (300 people, 3,000 activities, 12,000
//! allocations over 26 weeks, laid out around 2026-11-23) as a plan file
//! to standard output, for the browser benchmarks:
//! `cargo run --release --example large_plan > target/large.opsboard.json`.

use std::io::Write;

use opsboard::model::generate::{generated_plan, Size};
use opsboard::model::NaiveDate;

fn main() -> std::io::Result<()> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a valid date");
    let text = opsboard::persist::encode(&generated_plan(Size::LARGE, today));
    std::io::stdout().write_all(text.as_bytes())
}
