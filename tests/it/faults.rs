//! The fault harness: progress survives a writer killed at any moment, and a daemon that is
//! slow, answers 500, or answers garbage gives a clear message and exit 2 — never a panic.
//! `DOCKTUTOR_FAULT_ITERATIONS` sets the number of kills (CI: 200; the harness run: 1,000).

use std::io::{Read, Write};
use std::os::unix::net::UnixListener;
use std::process::{Command as Proc, Stdio};
use std::time::Duration;

use docktutor::progress::{Progress, Store};

use crate::cli::docktutor;

/// When run as the writer (see below): save progress with an increasing step, forever.
#[test]
fn progress_writer_entry() {
    let Ok(path) = std::env::var("DOCKTUTOR_FAULT_WRITER") else { return };
    let store = Store::at(path);
    let start = store.load().progress.lesson("fault").map_or(0, |l| l.step);
    for step in start + 1.. {
        let mut p = Progress::default();
        p.lesson_mut("fault").step = step;
        // A realistic size: a few lessons' worth of records.
        for i in 0..50 {
            p.record("fault", &format!("task-{i}"), docktutor::progress::TaskStatus::Passed);
        }
        if store.save(&p).is_err() {
            return;
        }
    }
}

#[test]
fn progress_file_survives_sigkill_at_random_moments() {
    let iterations: usize = std::env::var("DOCKTUTOR_FAULT_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("progress.json");
    let exe = std::env::current_exe().expect("test binary");
    let mut last = 0;
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..iterations {
        let mut child = Proc::new(&exe)
            .args(["faults::progress_writer_entry", "--exact", "--nocapture", "--test-threads=1"])
            .env("DOCKTUTOR_FAULT_WRITER", &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("writer");
        // xorshift: a different moment each time, reproducible run to run.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(2_000 + seed % 30_000));
        // SAFETY: sending SIGKILL to our own child.
        unsafe { libc::kill(i32::try_from(child.id()).expect("pid"), libc::SIGKILL) };
        let _ = child.wait();
        let loaded = Store::at(&path).load();
        assert!(
            loaded.warning.is_none(),
            "iteration {i}: the file did not parse: {:?}",
            loaded.warning
        );
        let step = loaded.progress.lesson("fault").map_or(0, |l| l.step);
        assert!(step >= last, "iteration {i}: went back from {last} to {step}");
        last = step;
    }
    let leftovers: Vec<_> =
        std::fs::read_dir(dir.path()).expect("ls").flatten().map(|e| e.file_name()).collect();
    assert!(last > 0, "the writer never wrote");
    // At most the temp file of the last killed writer; earlier ones are cleaned by later saves.
    assert!(leftovers.len() <= 2, "temp files pile up: {leftovers:?}");
    eprintln!("{iterations} kills; last step {last}; files left: {leftovers:?}");
}

/// A fake daemon on a unix socket that answers every request with `reply` (after `delay`).
fn fake_daemon(dir: &std::path::Path, reply: &'static str, delay: Duration) -> String {
    let sock = dir.join("fake.sock");
    let listener = UnixListener::bind(&sock).expect("bind");
    std::thread::spawn(move || {
        for mut conn in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                let _ = conn.read(&mut buf);
                std::thread::sleep(delay);
                let _ = conn.write_all(reply.as_bytes());
            });
        }
    });
    format!("unix://{}", sock.display())
}

fn check_against(host: &str) -> (i32, String) {
    let home = tempfile::tempdir().expect("home");
    let out = docktutor(home.path())
        .env("DOCKER_HOST", host)
        .env("DOCKTUTOR_DAEMON_TIMEOUT", "1")
        .args(["check", "images-vs-containers"])
        .timeout(Duration::from_secs(20))
        .output()
        .expect("run");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_daemon_answering_500_is_reported_clearly() {
    let dir = tempfile::tempdir().expect("tmp");
    let body = "{\"message\":\"internal trouble\"}";
    let reply: &'static str = Box::leak(format!("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()).into_boxed_str());
    let host = fake_daemon(dir.path(), reply, Duration::ZERO);
    let (code, err) = check_against(&host);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("cannot reach the Docker daemon at unix://")
            && err.contains("internal trouble")
            && err.contains("hint:"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_daemon_answering_garbage_is_reported_clearly() {
    let dir = tempfile::tempdir().expect("tmp");
    let reply = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9\r\nConnection: close\r\n\r\n{garbage,";
    let host = fake_daemon(dir.path(), reply, Duration::ZERO);
    let (code, err) = check_against(&host);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("cannot reach the Docker daemon")
            && err.contains("hint:")
            && !err.contains("panicked"),
        "{err}"
    );
}

#[test]
fn a_daemon_too_slow_to_answer_times_out_with_a_hint() {
    let dir = tempfile::tempdir().expect("tmp");
    let host = fake_daemon(
        dir.path(),
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}",
        Duration::from_secs(5),
    );
    let started = std::time::Instant::now();
    let (code, err) = check_against(&host);
    assert_eq!(code, 2, "{err}");
    assert!(started.elapsed() < Duration::from_secs(4), "took {:?}", started.elapsed());
    assert!(err.contains("DOCKTUTOR_DAEMON_TIMEOUT"), "{err}");
}
