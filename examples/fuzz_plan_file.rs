//! libFuzzer target: any bytes opened as a plan file, read as the browser
//! reads a picked or dropped file (UTF-8, invalid bytes replaced).
//! Run with `make libfuzzer` (scripts/libfuzzer.sh); what must hold is in
//! `tests/fuzz_checks/`, which the proptest targets share.
#![no_main]

#[allow(dead_code)]
#[path = "../tests/fuzz_checks/mod.rs"]
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(failure) = fuzz_checks::open(&String::from_utf8_lossy(data)) {
        panic!("{failure}");
    }
});
