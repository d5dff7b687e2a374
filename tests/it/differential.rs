//! Differential test: varied daemon states built with the docker CLI; many generated checks;
//! each verdict compared with an answer computed independently from `docker ps -a`,
//! `docker images`, `docker volume ls`, `docker network ls` and `docker inspect`.

use std::path::Path;
use std::process::Command as Proc;

use docktutor::check::parse_checks;
use docktutor::verify::{Ask, verify};

use crate::daemon::{daemon, docker, rt, serial};

struct State {
    tag: String,
}

impl State {
    fn label(&self) -> String {
        format!("docktutor.diff={}", self.tag)
    }

    fn build(&self) {
        let l = self.label();
        let name = |n: &str| format!("diff-{}-{n}", self.tag);
        docker(&["run", "-d", "--label", &l, "--name", &name("run1"), "busybox", "sleep", "600"]);
        docker(&["run", "-d", "--label", &l, "--name", &name("run2"), "busybox", "sleep", "600"]);
        docker(&["run", "-d", "--label", &l, "--name", &name("paused"), "busybox", "sleep", "600"]);
        docker(&["pause", &name("paused")]);
        docker(&["create", "--label", &l, "--name", &name("created"), "busybox", "true"]);
        for (n, code) in [("ok", "0"), ("bad", "2")] {
            let _ = Proc::new("docker")
                .args([
                    "run",
                    "--label",
                    &l,
                    "--name",
                    &name(n),
                    "busybox",
                    "sh",
                    "-c",
                    &format!("exit {code}"),
                ])
                .output();
        }
        let dir = tempfile::tempdir().expect("tmp");
        for round in ["one", "two"] {
            std::fs::write(
                dir.path().join("Dockerfile"),
                format!("FROM busybox\nLABEL {l}\nRUN echo {round} > /round\n"),
            )
            .expect("Dockerfile");
            docker(&[
                "build",
                "-q",
                "-t",
                &format!("diff-{}:v1", self.tag),
                dir.path().to_str().expect("p"),
            ]);
        }
        docker(&["tag", &format!("diff-{}:v1", self.tag), &format!("diff-{}:v2", self.tag)]);
        for v in ["a", "b"] {
            docker(&["volume", "create", "--label", &l, &name(v)]);
        }
        docker(&["network", "create", "--label", &l, &name("net")]);
    }
}

impl Drop for State {
    fn drop(&mut self) {
        let f = format!("label={}", self.label());
        for id in docker(&["ps", "-aq", "--filter", &f]).lines() {
            let _ = Proc::new("docker").args(["rm", "-f", id]).output();
        }
        for id in docker(&["images", "-q", "--filter", &f]).lines() {
            let _ = Proc::new("docker").args(["rmi", "-f", id]).output();
        }
        for id in docker(&["volume", "ls", "-q", "--filter", &f]).lines() {
            let _ = Proc::new("docker").args(["volume", "rm", id]).output();
        }
        for id in docker(&["network", "ls", "-q", "--filter", &f]).lines() {
            let _ = Proc::new("docker").args(["network", "rm", id]).output();
        }
    }
}

fn count(args: &[&str]) -> usize {
    let mut ids: Vec<String> = docker(args).lines().map(str::to_owned).collect();
    ids.sort();
    ids.dedup();
    ids.len()
}

fn holds(op: &str, actual: usize, n: usize) -> bool {
    match op {
        "eq" => actual == n,
        "ge" => actual >= n,
        "lt" => actual < n,
        _ => actual != n,
    }
}

#[test]
fn generated_checks_agree_with_the_docker_cli() {
    let _lock = serial();
    let rt = rt();
    let Some(d) = daemon(&rt, "differential") else { return };
    let state = State { tag: format!("d{}", std::process::id()) };
    state.build();
    let l = state.label();
    let mut cases: Vec<(String, bool)> = Vec::new();
    let ops = ["eq", "ge", "lt", "ne"];
    for status in ["created", "running", "paused", "exited"] {
        let actual = count(&[
            "ps",
            "-aq",
            "--filter",
            &format!("label={l}"),
            "--filter",
            &format!("status={status}"),
        ]);
        for op in ops {
            for n in 0..=3 {
                cases.push((format!("containers: {{ filters: {{ label: \"{l}\", status: {status} }}, count: {{ {op}: {n} }} }}"), holds(op, actual, n)));
            }
        }
    }
    for code in ["0", "2"] {
        let actual = count(&[
            "ps",
            "-aq",
            "--filter",
            &format!("label={l}"),
            "--filter",
            &format!("exited={code}"),
        ]);
        cases.push((format!("containers: {{ filters: {{ label: \"{l}\", exited: \"{code}\" }}, count: {actual} }}"), true));
        cases.push((
            format!(
                "containers: {{ filters: {{ label: \"{l}\", exited: \"{code}\" }}, count: {} }}",
                actual + 1
            ),
            false,
        ));
    }
    for dangling in ["true", "false"] {
        let actual = count(&[
            "images",
            "-q",
            "--filter",
            &format!("label={l}"),
            "--filter",
            &format!("dangling={dangling}"),
        ]);
        for op in ops {
            for n in 0..=2 {
                cases.push((format!("images: {{ filters: {{ label: \"{l}\", dangling: {dangling} }}, count: {{ {op}: {n} }} }}"), holds(op, actual, n)));
            }
        }
    }
    let volumes = count(&["volume", "ls", "-q", "--filter", &format!("label={l}")]);
    let networks = count(&["network", "ls", "-q", "--filter", &format!("label={l}")]);
    for n in 0..=3 {
        cases.push((
            format!("volumes: {{ filters: {{ label: \"{l}\" }}, count: {n} }}"),
            volumes == n,
        ));
        cases.push((
            format!("networks: {{ filters: {{ label: \"{l}\" }}, count: {n} }}"),
            networks == n,
        ));
    }
    for name in ["run1", "run2", "paused", "created", "ok", "bad"] {
        let full = format!("diff-{}-{name}", state.tag);
        let inspected = docker(&["inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", &full]);
        let (st, code) = inspected.split_once(' ').expect("status and code");
        for guess in ["created", "running", "paused", "exited"] {
            cases.push((format!("container: {{ name: {full}, state: {guess} }}"), guess == st));
        }
        cases.push((format!("container: {{ name: {full}, exit_code: {code} }}"), true));
        cases.push((format!("container: {{ name: {full}, exit_code: {{ ne: {code} }} }}"), false));
    }
    let tags =
        docker(&["image", "inspect", "-f", "{{len .RepoTags}}", &format!("diff-{}:v1", state.tag)]);
    cases.push((
        format!(
            "image: {{ name: \"diff-{0}:v1\", tags: [\"diff-{0}:v1\", \"diff-{0}:v2\"] }}",
            state.tag
        ),
        tags == "2",
    ));
    cases.push((format!("image: {{ name: \"diff-{0}:v3\" }}", state.tag), false));

    let mut disagreements = Vec::new();
    for (i, (yaml, expected)) in cases.iter().enumerate() {
        let text = format!("tasks:\n  t:\n    check:\n      {yaml}\n");
        let file =
            parse_checks(Path::new("diff.yaml"), &text).unwrap_or_else(|e| panic!("case {i}: {e}"));
        let v = rt.block_on(verify(&d, &file.tasks["t"].check, Ask::default())).expect("verify");
        if v.passed != *expected {
            disagreements.push(format!(
                "{yaml}: docktutor says {} ({}), the CLI says {expected}",
                v.passed, v.explanation
            ));
        }
    }
    assert!(cases.len() >= 100, "only {} cases", cases.len());
    assert!(
        disagreements.is_empty(),
        "{} of {} cases disagree:\n{}",
        disagreements.len(),
        cases.len(),
        disagreements.join("\n")
    );
    eprintln!("differential: {} generated checks agree with the docker CLI", cases.len());
}
