//! Event-to-verdict latency: a running `docktutor start --plain` session waits on a task; the
//! bench makes the Engine API call that satisfies it and times from that call's return to the
//! session printing the pass. A fresh session per trial (its start-up is not counted).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::stats::{Table, ms, percentile, quick};

const LESSON: &str = "---\nslug: bench-live\ntitle: Bench\nsummary: Event-to-verdict latency.\nminutes: 1\norder: 1\n---\n# Bench\n\n## Try it yourself\n\n1. Start it. <!-- task: live -->\n2. Spare. <!-- task: spare -->\n";
const CHECKS: &str = "tasks:\n  live:\n    check: { container: { name: dt-bench-live, state: running } }\n  spare:\n    check: { container: { name: dt-bench-live, exists: false } }\n";

fn docker(args: &[&str]) {
    let _ = Command::new("docker").args(args).output();
}

pub fn run(rt: &tokio::runtime::Runtime, d: &docktutor::docker::Daemon, table: &mut Table) {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(dir.path().join("lessons")).expect("mkdir");
    std::fs::create_dir_all(dir.path().join("checks")).expect("mkdir");
    std::fs::write(dir.path().join("lessons/bench-live.md"), LESSON).expect("lesson");
    std::fs::write(dir.path().join("checks/bench-live.yaml"), CHECKS).expect("checks");
    let trials = if quick() { 10 } else { 50 };
    let mut samples = Vec::new();
    for _ in 0..trials {
        docker(&["rm", "-f", "dt-bench-live"]);
        docker(&[
            "create",
            "--label",
            "docktutor.bench=1",
            "--name",
            "dt-bench-live",
            "busybox",
            "sleep",
            "60",
        ]);
        let home = tempfile::tempdir().expect("home");
        std::fs::write(
            home.path().join("progress.json"),
            r#"{"version":1,"lessons":{"bench-live":{"step":1}}}"#,
        )
        .expect("progress");
        let mut child = Command::new(env!("CARGO_BIN_EXE_docktutor"))
            .args([
                "--lessons",
                dir.path().to_str().unwrap_or("."),
                "start",
                "bench-live",
                "--plain",
            ])
            .env("DOCKTUTOR_HOME", home.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("docktutor");
        let (tx, rx) = mpsc::channel::<(String, Instant)>();
        let stdout = child.stdout.take().expect("stdout");
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send((line, Instant::now()));
            }
        });
        // Wait until the session shows the task (it has subscribed to events by then).
        while let Ok((line, _)) = rx.recv_timeout(Duration::from_secs(10)) {
            if line.contains("Task 1 of 2") {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(300));
        let out = rt.block_on(d.docker.start_container(
            "dt-bench-live",
            None::<bollard::query_parameters::StartContainerOptions>,
        ));
        let returned = Instant::now();
        if out.is_ok() {
            while let Ok((line, at)) = rx.recv_timeout(Duration::from_secs(5)) {
                if line.contains("✓ Done!") {
                    samples.push(at.saturating_duration_since(returned));
                    break;
                }
            }
        }
        let _ = child.kill();
        let _ = child.wait();
    }
    docker(&["rm", "-f", "dt-bench-live"]);
    let note =
        format!("{} of {trials} trials seen; max {}", samples.len(), ms(percentile(&samples, 100)));
    table.row(
        "event-to-verdict latency, p50",
        ms(percentile(&samples, 50)),
        "—".into(),
        note.clone(),
        "< 50 ms",
    );
    table.row(
        "event-to-verdict latency, p95",
        ms(percentile(&samples, 95)),
        "—".into(),
        note,
        "< 150 ms",
    );
}
