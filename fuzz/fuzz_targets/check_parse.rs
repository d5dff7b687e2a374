//! Any bytes as a check file (and as a standalone check): parsing must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let path = std::path::Path::new("fuzz.yaml");
        let _ = docktutor::check::parse_checks(path, text);
        let _ = docktutor::check::parse_task(path, text);
    }
});
