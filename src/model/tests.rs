//! Tests of the plan's own methods.

use super::*;
use crate::test_support::demo;

#[test]
fn an_allocation_is_found_by_id_in_a_sorted_or_unsorted_list() {
    let mut plan = demo();
    let found = plan.allocation(AllocationId(3)).map(|a| a.id);
    assert_eq!(found, Some(AllocationId(3)));
    assert!(plan.allocation(AllocationId(999)).is_none());
    plan.allocations.reverse();
    let found = plan.allocation(AllocationId(3)).map(|a| a.id);
    assert_eq!(found, Some(AllocationId(3)));
}
