//! Strict parsing of check files: every mistake is an error with a position.

use std::path::Path;

use docktutor::check::parse_checks;

fn error_of(yaml: &str) -> String {
    match parse_checks(Path::new("checks/x.yaml"), yaml) {
        Ok(_) => panic!("expected an error for:\n{yaml}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn unknown_field_is_named_with_alternatives() {
    let e = error_of("tasks:\n  a:\n    check:\n      container: { name: web, statuz: running }\n");
    assert!(e.starts_with("checks/x.yaml:4:"), "{e}");
    assert!(e.contains("statuz") && e.contains("state"), "{e}");
}

#[test]
fn unknown_check_kind() {
    let e = error_of("tasks:\n  a:\n    check:\n      containerz: { name: web }\n");
    assert!(e.contains("containerz") && e.contains("containers"), "{e}");
}

#[test]
fn empty_list_asserts_nothing() {
    let e = error_of("tasks:\n  a:\n    check:\n      all: []\n");
    assert!(e.contains("asserts nothing"), "{e}");
    let e = error_of(
        "tasks:\n  a:\n    check:\n      containers: { filters: { status: [] }, count: 0 }\n",
    );
    assert!(e.contains("asserts nothing"), "{e}");
}

#[test]
fn bad_regex_is_reported() {
    let e = error_of(
        "tasks:\n  a:\n    check:\n      container: { name: web, image: { matches: \"(\" } }\n",
    );
    assert!(e.contains("bad regular expression"), "{e}");
}

#[test]
fn text_patterns_are_regexes_checked_while_parsing() {
    let e = error_of(
        "tasks:\n  a:\n    check:\n      logs: { container: web, matches: \"tick [0-9\" }\n",
    );
    assert!(e.starts_with("checks/x.yaml:4:") && e.contains("bad regular expression"), "{e}");
}

#[test]
fn unknown_matcher_operator() {
    let e = error_of("tasks:\n  a:\n    check:\n      containers: { count: { gte: 1 } }\n");
    assert!(e.contains("gte") && e.contains("ge"), "{e}");
}

#[test]
fn two_operators_in_one_matcher() {
    let e = error_of("tasks:\n  a:\n    check:\n      containers: { count: { ge: 1, le: 3 } }\n");
    assert!(e.contains("exactly one operator"), "{e}");
}

#[test]
fn checks_that_assert_nothing_are_errors_at_their_task() {
    let e = error_of(
        "tasks:\n  first:\n    check: { image: { name: x } }\n  a:\n    check:\n      logs: { container: web }\n",
    );
    assert!(e.starts_with("checks/x.yaml:4:3: task `a`: a `logs` check needs"), "{e}");
    let e = error_of("tasks:\n  a:\n    check:\n      changes: { container: web }\n");
    assert!(e.contains("asserts nothing"), "{e}");
    let e = error_of("tasks:\n  a:\n    check:\n      file: { container: web, path: etc/x }\n");
    assert!(e.contains("must be absolute"), "{e}");
    let e = error_of(
        "tasks:\n  a:\n    check:\n      quiz: { question: q, choices: [a, b], answer: { is: c } }\n",
    );
    assert!(e.contains("not one of the choices"), "{e}");
    let e =
        error_of("tasks:\n  a:\n    check: { image: { name: x } }\n    wait: { timeout: 500 }\n");
    assert!(e.contains("1 to 120"), "{e}");
}

#[test]
fn a_set_without_count_means_at_least_one() {
    let yaml = "tasks:\n  a:\n    check:\n      containers: { filters: { status: exited } }\n";
    let f = parse_checks(Path::new("x.yaml"), yaml).expect("parses");
    let docktutor::check::Check::Containers(set) = &f.tasks["a"].check else {
        panic!("containers")
    };
    assert!(set.count.matches_int(1) && !set.count.matches_int(0));
}

#[test]
fn tabs_and_garbage_do_not_panic() {
    for text in ["tasks:\n\ta: 1\n", "\u{0}\u{1}", "[[[[", "tasks: &a [*a]", ""] {
        let _ = parse_checks(Path::new("x.yaml"), text);
    }
}

/// Every matcher operator, parsed from YAML, with a value it accepts and one it rejects.
#[test]
fn every_matcher_operator_passes_and_fails() {
    use docktutor::check::{Matcher, Scalar};
    let cases: [(&str, Scalar, Scalar); 12] = [
        ("running", Scalar::Str("running".into()), Scalar::Str("exited".into())),
        ("{ eq: 3 }", Scalar::Str("3".into()), Scalar::Int(4)),
        ("{ ne: 0 }", Scalar::Int(2), Scalar::Int(0)),
        ("{ gt: 1 }", Scalar::Int(2), Scalar::Int(1)),
        ("{ ge: 1 }", Scalar::Int(1), Scalar::Int(0)),
        ("{ lt: 1 }", Scalar::Int(0), Scalar::Int(1)),
        ("{ le: 1 }", Scalar::Int(1), Scalar::Int(2)),
        ("{ in: [running, paused] }", Scalar::Str("paused".into()), Scalar::Str("exited".into())),
        (
            "{ matches: \"^web-[0-9]+$\" }",
            Scalar::Str("web-12".into()),
            Scalar::Str("web-x".into()),
        ),
        ("{ contains: sleep }", Scalar::Str("sleep 600".into()), Scalar::Str("true".into())),
        ("{ prefix: \"myapp:\" }", Scalar::Str("myapp:v1".into()), Scalar::Str("other:v1".into())),
        ("{ suffix: \":v1\" }", Scalar::Str("myapp:v1".into()), Scalar::Str("myapp:v2".into())),
    ];
    for (yaml, good, bad) in cases {
        let m: Matcher = serde_saphyr::from_str(yaml).unwrap_or_else(|e| panic!("{yaml}: {e}"));
        assert!(m.matches(Some(&good)), "{yaml} should accept {good:?}");
        assert!(!m.matches(Some(&bad)), "{yaml} should reject {bad:?}");
        assert!(!m.describe().is_empty());
    }
    let ne: Matcher = serde_saphyr::from_str("{ ne: 0 }").expect("ne");
    assert!(ne.matches(None), "a missing value is not equal to anything");
    let eq: Matcher = serde_saphyr::from_str("0").expect("eq");
    assert!(!eq.matches(None));
}
