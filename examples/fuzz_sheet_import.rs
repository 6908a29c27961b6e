//! libFuzzer target: any bytes read as a spreadsheet to import and, when it
//! reads, planned as every sheet into the demo and into an empty plan, the
//! plan's command applied and the same table planned again, as the import
//! dialog does.
//! Run with `make libfuzzer` (scripts/libfuzzer.sh); what must hold is in
//! `tests/fuzz_checks/`, which the proptest targets share.
#![no_main]

#[allow(dead_code)]
#[path = "../tests/fuzz_checks/mod.rs"]
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(failure) = fuzz_checks::sheet_import(data) {
        panic!("{failure}");
    }
});
