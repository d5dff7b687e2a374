//! Pure evaluation on snapshot fixtures: each case passes and fails, explanations snapshotted.

use docktutor::check::{Baseline, EvalInput, Scope, Snapshot, TaskSpec, evaluate, parse_checks};

use crate::support::{fixture, read};

/// Evaluate every task of `checks/<name>.yaml` against `snapshots/<snap>.json`.
fn run(checks: &str, snap: &str, baseline: Option<&Baseline>) -> Vec<(String, bool, String)> {
    run_answering(checks, snap, baseline, Some("3"))
}

fn run_answering(
    checks: &str,
    snap: &str,
    baseline: Option<&Baseline>,
    answer: Option<&str>,
) -> Vec<(String, bool, String)> {
    let path = fixture(&format!("checks/{checks}.yaml"));
    let file = parse_checks(&path, &read(&path)).unwrap_or_else(|e| panic!("{e}"));
    let snapshot: Snapshot =
        serde_json::from_str(&read(&fixture(&format!("snapshots/{snap}.json"))))
            .expect("snapshot json");
    let scope = Scope::default();
    file.tasks
        .iter()
        .map(|(id, spec): (&String, &TaskSpec)| {
            let answer = if id == "layers-quiz" { answer.map(|_| "2") } else { answer };
            let v = evaluate(
                &spec.check,
                &EvalInput { snapshot: &snapshot, scope: &scope, baseline, answer },
            );
            (id.clone(), v.passed, v.explanation)
        })
        .collect()
}

fn baseline() -> Baseline {
    let b: Baseline =
        serde_json::from_str(&read(&fixture("snapshots/baseline.json"))).expect("baseline json");
    b
}

fn table(rows: &[(String, bool, String)]) -> String {
    rows.iter()
        .map(|(id, passed, text)| {
            format!("{id}: {} — {text}", if *passed { "PASS" } else { "FAIL" })
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn busy_daemon_verdicts() {
    let rows = run("vocabulary", "busy", Some(&baseline()));
    insta::assert_snapshot!(table(&rows));
}

#[test]
fn empty_daemon_verdicts() {
    let rows = run("vocabulary", "empty", Some(&baseline()));
    insta::assert_snapshot!(table(&rows));
}

#[test]
fn every_vocabulary_case_both_passes_and_fails_somewhere() {
    let busy = run("vocabulary", "busy", Some(&baseline()));
    let empty = run("vocabulary", "empty", Some(&baseline()));
    // A quiz with a literal answer does not depend on the daemon; `quiz_answers` covers it.
    for ((id, a, _), (_, b, _)) in busy.iter().zip(&empty).filter(|(r, _)| r.0 != "layers-quiz") {
        assert_ne!(
            a, b,
            "task {id} gives the same verdict on both snapshots: it cannot tell them apart"
        );
    }
}

#[test]
fn without_baseline_events_never_pass_and_new_counts_everything() {
    let rows = run("vocabulary", "busy", None);
    let get = |id: &str| rows.iter().find(|r| r.0 == id).map(|r| r.1).expect(id);
    assert!(!get("napper-started-again"), "events need a recorded task start");
    assert!(get("new-exited-busybox"));
    assert!(!get("napper-restarted"), "started_since_task needs a recorded task start");
}

#[test]
fn quiz_answers() {
    let b = baseline();
    let rows = run_answering("vocabulary", "busy", Some(&b), Some(" 3 "));
    assert!(rows.iter().any(|r| r.0 == "how-many-stopped" && r.1), "derived count, spaces ignored");
    let rows = run_answering("vocabulary", "busy", Some(&b), Some("4"));
    assert!(rows.iter().any(|r| r.0 == "how-many-stopped" && !r.1));
    let rows = run_answering("vocabulary", "busy", Some(&b), None);
    let q = rows.iter().find(|r| r.0 == "layers-quiz").expect("quiz");
    assert!(!q.1 && q.2.contains("this is a question"), "{q:?}");
    let rows = run_answering("vocabulary", "empty", Some(&b), Some("x"));
    let q = rows.iter().find(|r| r.0 == "layers-quiz").expect("quiz");
    assert!(q.1, "choice 2 given by number: {q:?}");
}

/// Objects exist but their properties differ: each explanation names the first mismatch.
#[test]
fn drifted_daemon_verdicts() {
    let rows = run("vocabulary", "drifted", Some(&baseline()));
    insta::assert_snapshot!(table(&rows));
}
