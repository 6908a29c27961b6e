//! libFuzzer target: a real plan file (the demo, the golden files, a
//! generated plan, a client-safe copy) edited as the input's bytes say, by
//! the structure-aware mutations of the proptest targets (a value replaced
//! by an awkward one, deleted, repeated, copied, swapped, retyped or moved),
//! then opened. Run with `make libfuzzer` (scripts/libfuzzer.sh); what must
//! hold is in `tests/fuzz_checks/`, which the proptest targets share.
#![no_main]

#[allow(dead_code)]
#[path = "../tests/fuzz_checks/mod.rs"]
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(failure) = fuzz_checks::plan_edits(data) {
        panic!("{failure}");
    }
});
