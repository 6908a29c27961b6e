//! Writes the generated large plan (a firm of 300 people: 8 initiatives
//! and 392 pieces of the book of work for 40 clients, 12,000 allocations
//! over 26 weeks, laid out around 2026-11-23) as a plan file to standard
//! output, for the browser benchmarks:
//! `cargo run --release --example large_plan > target/large.opsboard.json`.
//! With the argument `limit`, the plan at the list limit instead: the same
//! firm with 20,000 activities (19,608 of them initiatives), written
//! without indentation, as another tool may write it, so it stays under
//! the 20 MB a plan file may have.

use std::io::Write;

use opsboard::model::generate::{generated_plan, Size};
use opsboard::model::NaiveDate;

fn main() -> std::io::Result<()> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a valid date");
    let limit = std::env::args().nth(1).as_deref() == Some("limit");
    let size = if limit { Size::LIMIT } else { Size::LARGE };
    let mut text = opsboard::persist::encode(&generated_plan(size, today));
    if limit {
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(std::io::Error::other)?;
        text = serde_json::to_string(&value).map_err(std::io::Error::other)?;
    }
    std::io::stdout().write_all(text.as_bytes())
}
