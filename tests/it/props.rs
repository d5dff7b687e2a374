//! Property tests: arbitrary input never panics the lesson parser, the check parser, the
//! linter's helpers or the renderer, and rendering always fits the width.

use std::path::Path;

use docktutor::check::parse_checks;
use docktutor::lesson::parse_lesson;
use docktutor::render::{RenderOptions, display_width, render_to_string};
use proptest::prelude::*;

/// Pieces that real lessons and check files are made of, so the generator reaches deep states.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("---\n".to_owned()),
        Just("slug: x\ntitle: T\nsummary: s\nminutes: 1\norder: 1\n".to_owned()),
        Just("# Title\n".to_owned()),
        Just("## Try it yourself\n".to_owned()),
        Just("1. task <!-- task: a-b -->\n".to_owned()),
        Just("   ```sh\n   docker run busybox\n   ```\n".to_owned()),
        Just("| a | b |\n|---|:-:|\n| 1 | 2 |\n".to_owned()),
        Just("> quote\n> > nested\n".to_owned()),
        Just("- [ ] task\n  - nested\n".to_owned()),
        Just("tasks:\n  a:\n    check:\n".to_owned()),
        Just("      container: { name: web, state: running }\n".to_owned()),
        Just("      all: [ { image: { name: x } } ]\n".to_owned()),
        Just("&a [*a]\n".to_owned()),
        Just("\t".to_owned()),
        Just("界🚀\u{200b}".to_owned()),
        "[ -~]{0,40}",
        any::<String>(),
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..25).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn lesson_parser_never_panics(text in document()) {
        let _ = parse_lesson(Path::new("x.md"), &text);
    }

    #[test]
    fn check_parser_never_panics(text in document()) {
        let _ = parse_checks(Path::new("x.yaml"), &text);
    }

    #[test]
    fn renderer_never_panics_and_fits(text in document(), width in 0usize..140, color in any::<bool>()) {
        let opts = RenderOptions { width, color, hyperlinks: color };
        let out = render_to_string(&text, &opts);
        for line in out.lines() {
            prop_assert!(display_width(line) <= width.max(20), "line over {}: {:?}", width.max(20), line);
        }
        if !color {
            prop_assert!(!out.contains('\x1b'));
        }
    }
}
