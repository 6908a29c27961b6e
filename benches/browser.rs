//! Benchmarks of the core in headless Chromium (wasm-bindgen-test's
//! criterion), on the large generated plan: `make bench-browser`.
//! Numbers go in README.md next to the native ones.
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use wasm_bindgen_test::{wasm_bindgen_bench, wasm_bindgen_test_configure, Criterion};

use opsboard::engine::{priority, validate};
use opsboard::model::generate::{generated_plan, Size};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_bench]
fn large_plan_in_the_browser(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    let plan = generated_plan(Size::LARGE, today);
    c.bench_function("rank (large plan, browser)", |b| {
        b.iter(|| priority::rank(&plan, today))
    });
    c.bench_function("validate (large plan, browser)", |b| {
        b.iter(|| validate::validate(&plan))
    });
}
