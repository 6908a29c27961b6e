//! libFuzzer target: any bytes read as the people spreadsheet against the
//! demo plan and applied as one batch, as the Skills view does.
//! Run with `make libfuzzer` (scripts/libfuzzer.sh); what must hold is in
//! `tests/fuzz_checks/`, which the proptest targets share.
#![no_main]

#[allow(dead_code)]
#[path = "../tests/fuzz_checks/mod.rs"]
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(failure) = fuzz_checks::import_people(&String::from_utf8_lossy(data)) {
        panic!("{failure}");
    }
});
