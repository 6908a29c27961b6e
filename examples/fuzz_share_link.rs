//! libFuzzer target: any bytes read as a share link's base64url, and
//! written as one and read back.
//! Run with `make libfuzzer` (scripts/libfuzzer.sh); what must hold is in
//! `tests/fuzz_checks/`, which the proptest targets share.
#![no_main]

#[allow(dead_code)]
#[path = "../tests/fuzz_checks/mod.rs"]
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(failure) = fuzz_checks::share_link(&String::from_utf8_lossy(data), data) {
        panic!("{failure}");
    }
});
