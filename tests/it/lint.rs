//! `docktutor lint` on a corpus of broken lessons and checks: every file gives a precise
//! diagnostic (snapshotted), exits non-zero, and never panics; the built-in set is clean.

use std::path::PathBuf;

use assert_cmd::Command;

use crate::support::{fixture, root};

fn broken_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixture("broken"))
        .expect("broken/")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files
}

fn lint(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("docktutor")
        .expect("bin")
        .env("NO_COLOR", "1")
        .arg("lint")
        .args(args)
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), stdout, stderr)
}

/// Paths in output relative to the fixtures, so snapshots do not depend on the checkout.
fn redact(text: &str) -> String {
    text.replace(&format!("{}/", fixture("").display().to_string().trim_end_matches('/')), "")
}

#[test]
fn every_broken_file_fails_with_a_diagnostic_and_no_panic() {
    let files = broken_files();
    assert!(files.len() >= 40, "only {} broken fixtures", files.len());
    let mut all = String::new();
    for f in &files {
        let path = f.to_str().expect("utf8 path");
        let (code, json, _) = lint(&[path, "--format", "json"]);
        let (code2, _, human) = lint(&[path]);
        let name = f.file_name().expect("name").to_string_lossy().into_owned();
        assert_eq!(code, 1, "{name}: lint must fail (exit 1), got {code}: {json}");
        assert_eq!(code2, 1, "{name}: human format exit {code2}");
        assert!(!human.contains("panicked") && !json.contains("panicked"), "{name} panicked");
        let findings: Vec<serde_json::Value> =
            json.lines().map(|l| serde_json::from_str(l).expect("json line")).collect();
        assert!(findings.iter().any(|f| f["severity"] == "error"), "{name}: no error finding");
        for f in &findings {
            assert!(
                f["file"].as_str().is_some_and(|p| p.ends_with(&name)
                    || p.contains("checks")
                    || p.contains("lessons")),
                "{name}: {f}"
            );
        }
        all.push_str(&format!("== {name}\n{}\n", redact(&json)));
    }
    insta::assert_snapshot!("broken_corpus_json", all);
}

#[test]
fn human_diagnostics_underline_the_source() {
    let (code, _, human) = lint(&[fixture("broken/unknown_field.yaml").to_str().expect("p")]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("unknown_field_human", redact(&human));
    let (_, _, human) = lint(&[fixture("broken/task_bad_id.md").to_str().expect("p")]);
    insta::assert_snapshot!("task_bad_id_human", redact(&human));
}

#[test]
fn a_pack_reports_cross_file_problems_all_at_once() {
    let (code, json, _) = lint(&[fixture("broken_pack").to_str().expect("p"), "--format", "json"]);
    assert_eq!(code, 1);
    let expected_all = [
        "has no check",
        "belongs to no task",
        "unknown field `nam`",
        "has no hints",
        "has no solution",
        "image `alpine`",
        "does not reference the schema",
    ];
    for expected in expected_all {
        assert!(json.contains(expected), "missing {expected:?} in:\n{json}");
    }
    insta::assert_snapshot!("broken_pack_json", redact(&json));
}

#[test]
fn the_builtin_lessons_are_clean() {
    let (code, json, _) = lint(&["--format", "json"]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json.trim(), "", "findings in the built-in lessons: {json}");
    let (code, _, _) = lint(&[root().to_str().expect("p")]);
    assert_eq!(code, 0);
}

#[test]
fn new_scaffolds_a_lesson_that_lints_clean_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path().to_str().expect("p");
    Command::cargo_bin("docktutor")
        .expect("bin")
        .args(["--lessons", d, "new", "my-lesson"])
        .assert()
        .success();
    let (code, json, _) = lint(&[d, "--format", "json"]);
    assert_eq!(code, 0, "{json}");
    Command::cargo_bin("docktutor")
        .expect("bin")
        .args(["--lessons", d, "new", "my-lesson"])
        .assert()
        .code(2);
    Command::cargo_bin("docktutor")
        .expect("bin")
        .args(["--lessons", d, "new", "Bad Slug"])
        .assert()
        .code(2);
    Command::cargo_bin("docktutor").expect("bin").args(["--lessons", d, "list"]).assert().success();
}

#[test]
fn pack_yaml_orders_lessons_and_must_list_them_all() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path().to_str().expect("p");
    for slug in ["alpha", "beta"] {
        Command::cargo_bin("docktutor")
            .expect("bin")
            .args(["--lessons", d, "new", slug])
            .assert()
            .success();
    }
    std::fs::write(
        dir.path().join("pack.yaml"),
        "name: Test pack\nversion: 1.0.0\nlessons: [beta, alpha]\n",
    )
    .expect("pack");
    let out = Command::cargo_bin("docktutor")
        .expect("bin")
        .args(["--lessons", d, "list"])
        .output()
        .expect("list");
    let text = String::from_utf8_lossy(&out.stdout);
    let (b, a) =
        (text.find("beta").expect("beta listed"), text.find("alpha").expect("alpha listed"));
    assert!(b < a, "pack order: {text}");
    std::fs::write(
        dir.path().join("pack.yaml"),
        "name: Test pack\nversion: 1.0.0\nlessons: [beta, gamma]\n",
    )
    .expect("pack");
    let (code, json, _) = lint(&[d, "--format", "json"]);
    assert_eq!(code, 1);
    assert!(json.contains("lists `gamma`") && json.contains("`alpha` is not listed"), "{json}");
    std::fs::write(dir.path().join("pack.yaml"), "name: x\nversion: 1\nlessonz: []\n")
        .expect("pack");
    let (code, json, _) = lint(&[d, "--format", "json"]);
    assert_eq!(code, 1);
    assert!(json.contains("lessonz"), "{json}");
}
