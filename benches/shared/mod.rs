//! What the native and the browser benchmarks set up the same way.

use opsboard::model::{Allocation, Plan};

/// `plan` (the large generated plan) with its allocation 6,000 moved a
/// week later, as a drop on the timeline moves it, and that allocation as
/// moved.
pub fn one_allocation_moved(plan: &Plan) -> (Plan, Allocation) {
    let mut allocation = plan.allocations[6_000].clone();
    allocation.first_week = allocation.first_week.plus_weeks(1);
    allocation.last_week = allocation.last_week.plus_weeks(1);
    let mut moved = plan.clone();
    moved.allocations[6_000] = allocation.clone();
    (moved, allocation)
}
