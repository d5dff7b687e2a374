//! Any text rendered at any width: no panic, and no line wider than asked.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&w, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let width = usize::from(w).max(20);
    let opts = docktutor::render::RenderOptions { width, color: w % 2 == 0, hyperlinks: w % 3 == 0 };
    let out = docktutor::render::render_to_string(text, &opts);
    for line in out.lines() {
        assert!(docktutor::render::display_width(line) <= width, "line wider than {width}: {line:?}");
    }
});
