//! Benchmarks of the core in headless Chromium (wasm-bindgen-test's
//! criterion), on the large generated plan: `make bench-browser`.
//! Numbers go in docs/performance.md next to the native ones.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use chrono::NaiveDate;
use wasm_bindgen_test::{wasm_bindgen_bench, wasm_bindgen_test_configure, Criterion};

use opsboard::command::{Command, History};
use opsboard::engine::capacity::{self, Options};
use opsboard::engine::{priority, validate};
use opsboard::model::generate::{generated_plan, Size};
use opsboard::model::Plan;

mod shared;

wasm_bindgen_test_configure!(run_in_browser);

/// Short runs: the page is blocked while a benchmark runs, and the test
/// runner gives up on a page that does not answer for 20 seconds.
fn quick(c: &mut Criterion) {
    *c = std::mem::take(c)
        .sample_size(10)
        .nresamples(1_000)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
}

fn large_plan() -> (Plan, NaiveDate) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    (generated_plan(Size::LARGE, today), today)
}

#[wasm_bindgen_bench]
fn rank_in_the_browser(c: &mut Criterion) {
    quick(c);
    let (plan, today) = large_plan();
    c.bench_function("rank (large plan, browser)", |b| {
        b.iter(|| priority::rank(&plan, today))
    });
}

#[wasm_bindgen_bench]
fn validate_in_the_browser(c: &mut Criterion) {
    quick(c);
    let (plan, _) = large_plan();
    c.bench_function("validate (large plan, browser)", |b| {
        b.iter(|| validate::validate(&plan))
    });
}

#[wasm_bindgen_bench]
fn capacity_in_the_browser(c: &mut Criterion) {
    quick(c);
    let (plan, today) = large_plan();
    let options = Options {
        include_tentative: true,
        hidden_scenarios: vec![],
    };
    c.bench_function("capacity::compute (large plan, browser)", |b| {
        b.iter(|| capacity::compute(&plan, plan.horizon, &options, today))
    });
    let mut baseline = capacity::Baseline::default();
    c.bench_function(
        "capacity::compute_with (large plan, baseline kept, browser)",
        |b| b.iter(|| capacity::compute_with(&plan, plan.horizon, &options, today, &mut baseline)),
    );
    // A drop counted into a kept capacity (one allocation moved a week and
    // back, by turns), as the Capacity view does.
    let (moved, allocation) = shared::one_allocation_moved(&plan);
    let id = allocation.id;
    let mut kept = capacity::Kept::default();
    kept.compute(&plan, None, plan.horizon, &options, today);
    let mut turn = false;
    c.bench_function(
        "capacity::Kept::compute (large plan, one allocation moved, browser)",
        |b| {
            b.iter(|| {
                turn = !turn;
                let plan = if turn { &moved } else { &plan };
                kept.compute(plan, Some(&[id]), plan.horizon, &options, today)
            })
        },
    );
    // The move as the view makes it: executed into the history, undone.
    let command = Command::UpdateAllocation(allocation);
    let mut history = History::new(plan.clone());
    c.bench_function(
        "History::execute and undo an allocation move (large plan, browser)",
        |b| {
            b.iter(|| {
                let executed = history.execute(&command, today);
                history.undo();
                executed
            })
        },
    );
}
