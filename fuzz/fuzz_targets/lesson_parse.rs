//! Any bytes as a lesson file: parsing must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = docktutor::lesson::parse_lesson(std::path::Path::new("fuzz.md"), text);
    }
});
