//! Lesson parsing: steps, tasks, positions, and every error with file:line:col.

use std::path::Path;

use docktutor::lesson::parse_lesson;

const GOOD: &str = "---\nslug: demo\ntitle: Demo\nsummary: A demo.\nminutes: 5\norder: 1\nimages: [busybox]\n---\n\n# Demo\n\nIntro text.\n\n## First\n\nSome words.\n\n## Try it yourself\n\nDo these:\n\n1. Run a thing. <!-- task: run-thing -->\n   ```sh\n   docker run busybox true\n   ```\n2. Another <!-- task: another -->\n\nAfter the list.\n";

#[test]
fn steps_and_tasks() {
    let l = parse_lesson(Path::new("demo.md"), GOOD).unwrap_or_else(|e| panic!("{e:?}"));
    let titles: Vec<_> = l.steps.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Demo", "First", "Try it yourself"]);
    assert_eq!(l.practice_step(), Some(2));
    let ids: Vec<_> = l.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["run-thing", "another"]);
    assert_eq!(l.tasks[0].position.line, 22);
    assert_eq!(l.tasks[0].text, "Run a thing. \n```sh\ndocker run busybox true\n```");
    assert!(
        l.practice_lead.starts_with("## Try it yourself") && l.practice_lead.ends_with("Do these:")
    );
    assert_eq!(l.meta.images, ["busybox"]);
}

fn errors(text: &str) -> Vec<String> {
    match parse_lesson(Path::new("x.md"), text) {
        Ok(_) => panic!("expected errors"),
        Err(e) => e
            .iter()
            .map(|d| format!("{d} (hint: {})", d.hint.clone().unwrap_or_default()))
            .collect(),
    }
}

#[test]
fn every_problem_is_reported_with_a_position() {
    let text = GOOD.replace("<!-- task: another -->", "").replace("run-thing", "Run_Thing");
    let errs = errors(&text);
    assert_eq!(errs.len(), 2, "{errs:#?}");
    assert!(errs[0].starts_with("x.md:22:17: task id `Run_Thing`"), "{}", errs[0]);
    assert!(errs[1].starts_with("x.md:26:1: task 2 has no"), "{}", errs[1]);
}

#[test]
fn front_matter_errors_point_into_the_file() {
    let errs = errors(&GOOD.replace("minutes: 5", "minutes: five"));
    assert!(errs[0].starts_with("x.md:5:"), "{errs:?}");
    let errs = errors(&GOOD.replace("summary:", "sumary:"));
    assert!(errs[0].contains("sumary") && errs[0].starts_with("x.md:4:"), "{errs:?}");
    let errs = errors("# No front matter\n");
    assert!(errs[0].starts_with("x.md:1:1: the lesson has no front matter"), "{errs:?}");
}

#[test]
fn duplicate_ids_and_missing_title() {
    let text = GOOD.replace("another", "run-thing").replace("# Demo\n", "");
    let errs = errors(&text);
    assert!(errs.iter().any(|e| e.contains("no `# Title`")), "{errs:?}");
    assert!(errs.iter().any(|e| e.contains("used twice")), "{errs:?}");
}

#[test]
fn garbage_never_panics() {
    for text in [
        "",
        "---",
        "---\n",
        "---\n---\n",
        "\u{0}\u{feff}# x",
        "---\na: [\n---\n# x",
        "# x\n## Try it yourself\n- not numbered",
    ] {
        let _ = parse_lesson(Path::new("x.md"), text);
    }
}
