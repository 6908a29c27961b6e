//! Benchmarks of the pure core on the large generated plan:
//! `cargo bench --bench core`. Numbers go in README.md.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};

use opsboard::command::{apply, Command, History};
use opsboard::engine::capacity::{self, Engagement, Options};
use opsboard::engine::{money, priority, raci, risks, skills, validate};
use opsboard::model::generate::{generated_plan, Size};
use opsboard::model::{ActivityId, ActivityKind, SkillId, SkillRequirement, Status};
use opsboard::persist;

mod shared;

fn large_plan(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    let plan = generated_plan(Size::LARGE, today);
    let text = persist::encode(&plan);
    println!("large plan file: {} bytes", text.len());
    // A client project halfway down the book of work.
    let project = ActivityId(200);
    assert_eq!(
        plan.activity(project).map(|activity| activity.kind),
        Some(ActivityKind::Project)
    );

    c.bench_function("validate (large plan)", |b| {
        b.iter(|| validate::validate(&plan))
    });
    c.bench_function("rank (large plan)", |b| {
        b.iter(|| priority::rank(&plan, today))
    });
    c.bench_function("risks (large plan)", |b| {
        b.iter(|| risks::risks(&plan, &capacity::Options::default(), today))
    });
    c.bench_function("coverage (large plan)", |b| {
        b.iter(|| skills::coverage(&plan, today))
    });
    c.bench_function("candidates (large plan)", |b| {
        b.iter(|| skills::candidates(&plan, project, today))
    });
    // The capacity grid recomputes on every edit: the budget is
    // 5 ms natively.
    let options = Options {
        include_tentative: true,
        hidden_scenarios: vec![],
    };
    c.bench_function("capacity::compute (large plan)", |b| {
        b.iter(|| capacity::compute(&plan, plan.horizon, &options, today))
    });
    // What the Capacity view does on a drop: the same, with everyone's
    // calendar weeks kept from the computation before.
    let mut baseline = capacity::Baseline::default();
    c.bench_function("capacity::compute_with (large plan, baseline kept)", |b| {
        b.iter(|| capacity::compute_with(&plan, plan.horizon, &options, today, &mut baseline))
    });
    // What the Capacity view does: counts only the allocation a drop
    // moved (here one moved a week later and back, by turns), and works
    // out the billable figures again for the people whose rows changed.
    let (moved, allocation) = shared::one_allocation_moved(&plan);
    let id = allocation.id;
    let mut kept = capacity::Kept::default();
    kept.compute(&plan, None, plan.horizon, &options, today);
    let mut turn = false;
    c.bench_function(
        "capacity::Kept::compute (large plan, one allocation moved)",
        |b| {
            b.iter(|| {
                turn = !turn;
                let plan = if turn { &moved } else { &plan };
                kept.compute(plan, Some(&[id]), plan.horizon, &options, today)
            })
        },
    );
    let grid_moved = capacity::compute(&moved, moved.horizon, &options, today);
    let billing = money::people_on(&plan, &grid_moved, &options);
    let changed = kept.take_changed_people().unwrap_or_default();
    c.bench_function(
        "money::people_on_again (large plan, one allocation moved)",
        |b| {
            b.iter(|| {
                money::people_on_again(billing.clone(), &moved, &grid_moved, &options, &changed)
            })
        },
    );
    // Money on the same capacity (the Capacity view's billable %), and
    // alone (the Money panel); the RACI checks.
    let grid = capacity::compute(&plan, plan.horizon, &options, today);
    c.bench_function("money::compute_on (large plan)", |b| {
        b.iter(|| money::compute_on(&plan, &grid, &options, today))
    });
    // The billable figures under each name, on every drop.
    c.bench_function("money::people_on (large plan)", |b| {
        b.iter(|| money::people_on(&plan, &grid, &options))
    });
    c.bench_function("money::compute (large plan)", |b| {
        b.iter(|| money::compute(&plan, plan.horizon, &options, today))
    });
    c.bench_function("raci::check (large plan)", |b| {
        b.iter(|| raci::check(&plan))
    });
    let engagement = Engagement {
        name: "Contoso migration".to_string(),
        needs: vec![SkillRequirement {
            skill: SkillId(1),
            min_level: 2,
        }],
        hours_per_week: 16.0,
        weeks: 6,
        earliest_start: plan.horizon.start,
    };
    c.bench_function("capacity::can_we_take_it (large plan)", |b| {
        b.iter(|| capacity::can_we_take_it(&plan, &engagement, &options, today))
    });
    c.bench_function("encode (large plan)", |b| b.iter(|| persist::encode(&plan)));
    c.bench_function("decode (large plan)", |b| b.iter(|| persist::decode(&text)));
    let command = Command::SetStatus {
        activity: project,
        status: Status::Done,
    };
    c.bench_function("apply a status move (large plan)", |b| {
        b.iter(|| apply(&plan, &command, today))
    });
    // A drop on the timeline: only the allocation's rules are checked.
    let command = Command::UpdateAllocation(allocation);
    assert!(
        apply(&plan, &command, today).is_ok(),
        "a move the plan allows"
    );
    c.bench_function("apply an allocation move (large plan)", |b| {
        b.iter(|| apply(&plan, &command, today))
    });
    // The same as the view makes it: executed into the history (which
    // also tells whether the plan changed), then undone.
    let mut history = History::new(plan.clone());
    c.bench_function(
        "History::execute and undo an allocation move (large plan)",
        |b| {
            b.iter(|| {
                let executed = history.execute(&command, today);
                history.undo();
                executed
            })
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = large_plan
}
criterion_main!(benches);
