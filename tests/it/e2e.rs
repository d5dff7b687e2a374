//! The learner's session end to end: in a real terminal (tmux) a task turns green the moment
//! the daemon shows it done, without a key press; in plain mode with scripted input; and
//! through a daemon that disappears mid-task and comes back.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command as Proc, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::daemon::{daemon, docker, rt, serial};

const BIN: &str = env!("CARGO_BIN_EXE_docktutor");

/// A home with progress at the practice step of images-vs-containers, first task done.
fn home_at_task_two() -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("tmp");
    std::fs::write(
        home.path().join("progress.json"),
        r#"{"version":1,"current":"images-vs-containers","lessons":{"images-vs-containers":{"step":7,"tasks":{"run-and-exit":{"status":"passed","at":1}}}}}"#,
    )
    .expect("progress");
    home
}

fn remove_napper() {
    let _ = Proc::new("docker").args(["rm", "-f", "napper"]).output();
}

fn progress_of(home: &std::path::Path) -> String {
    std::fs::read_to_string(home.join("progress.json")).unwrap_or_default()
}

fn wait_for(what: &str, mut read: impl FnMut() -> String) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = read();
        if text.contains(what) {
            return text;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what:?}; screen:\n{text}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

struct Tmux(String);

impl Tmux {
    fn start(home: &std::path::Path, extra_env: &str) -> Option<Tmux> {
        if Proc::new("tmux").arg("-V").output().is_err() {
            if std::env::var("DOCKTUTOR_REQUIRE_DOCKER").is_ok_and(|v| v == "1") {
                panic!("tmux is required for the terminal test (apt-get install tmux)");
            }
            eprintln!("SKIPPED: tmux not installed");
            return None;
        }
        let name = format!("dt-e2e-{}", std::process::id());
        let cmd = format!(
            "env DOCKTUTOR_HOME={} {extra_env} {BIN} start; echo EXIT=$?; sleep 60",
            home.display()
        );
        let ok = Proc::new("tmux")
            .args(["new-session", "-d", "-s", &name, "-x", "100", "-y", "40", &cmd])
            .status()
            .expect("tmux");
        assert!(ok.success());
        Some(Tmux(name))
    }
    fn screen(&self) -> String {
        let out = Proc::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.0])
            .output()
            .expect("capture");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
    fn keys(&self, keys: &str) {
        Proc::new("tmux").args(["send-keys", "-t", &self.0, keys]).status().expect("send-keys");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Proc::new("tmux").args(["kill-session", "-t", &self.0]).status();
    }
}

#[test]
fn in_a_terminal_tasks_turn_green_without_a_key_press() {
    let _lock = serial();
    if daemon(&rt(), "terminal_e2e").is_none() {
        return;
    }
    remove_napper();
    let home = home_at_task_two();
    let Some(tmux) = Tmux::start(home.path(), "") else { return };
    wait_for("Task 2 of 6", || tmux.screen());
    docker(&[
        "run",
        "-d",
        "--label",
        "docktutor.it=e2e",
        "--name",
        "napper",
        "busybox",
        "sleep",
        "600",
    ]);
    let screen = wait_for("Task 3 of 6", || tmux.screen());
    assert!(screen.contains("✓ Done! container \"napper\" is running"), "{screen}");
    docker(&["stop", "-t", "1", "napper"]);
    let screen = wait_for("Task 4 of 6", || tmux.screen());
    assert!(screen.contains("✓ Done! container \"napper\" is exited"), "{screen}");
    tmux.keys("h");
    wait_for("Hint 1/2", || tmux.screen());
    tmux.keys("C-c");
    wait_for("EXIT=130", || tmux.screen());
    let p = progress_of(home.path());
    assert!(p.contains("\"start-napper\"") && p.contains("\"stop-napper\""), "{p}");
    remove_napper();
}

/// A running `docktutor start --plain` with its output collected.
struct Plain {
    child: Child,
    out: Arc<Mutex<String>>,
}

impl Plain {
    fn start(home: &std::path::Path, docker_host: Option<&str>) -> Plain {
        let mut cmd = Proc::new(BIN);
        cmd.args(["start", "images-vs-containers", "--plain"]).env("DOCKTUTOR_HOME", home);
        if let Some(h) = docker_host {
            cmd.env("DOCKER_HOST", h);
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let out = Arc::new(Mutex::new(String::new()));
        for stream in [
            child.stdout.take().map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
            child.stderr.take().map(|s| Box::new(s) as _),
        ]
        .into_iter()
        .flatten()
        {
            let out = Arc::clone(&out);
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    let mut o = out.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                    o.push_str(&line);
                    o.push('\n');
                }
            });
        }
        Plain { child, out }
    }
    fn text(&self) -> String {
        self.out.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone()
    }
    fn send(&mut self, line: &str) {
        let stdin = self.child.stdin.as_mut().expect("stdin");
        writeln!(stdin, "{line}").expect("write");
        stdin.flush().expect("flush");
    }
    fn finish(mut self) -> (i32, String) {
        let status = self.child.wait().expect("wait");
        std::thread::sleep(Duration::from_millis(200));
        (status.code().unwrap_or(-1), self.text())
    }
}

#[test]
fn plain_mode_is_scriptable_and_free_of_escape_codes() {
    let _lock = serial();
    if daemon(&rt(), "plain_e2e").is_none() {
        return;
    }
    remove_napper();
    let home = home_at_task_two();
    let mut p = Plain::start(home.path(), None);
    wait_for("Task 2 of 6", || p.text());
    p.send("");
    wait_for("✗ Not yet: no container named \"napper\"", || p.text());
    docker(&[
        "run",
        "-d",
        "--label",
        "docktutor.it=e2e",
        "--name",
        "napper",
        "busybox",
        "sleep",
        "600",
    ]);
    wait_for("Task 3 of 6", || p.text());
    p.send("s");
    wait_for("Task 4 of 6", || p.text());
    p.send("q");
    let (code, text) = p.finish();
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains('\x1b'), "escape codes in plain mode: {text:?}");
    assert!(text.contains("✓ Done! container \"napper\" is running"), "{text}");
    let progress = progress_of(home.path());
    assert!(
        progress.contains("\"stop-napper\": {\n          \"status\": \"skipped\""),
        "{progress}"
    );
    remove_napper();
}

/// A unix socket that forwards to the real daemon and can be taken down and brought back.
struct Proxy {
    path: std::path::PathBuf,
    rt: tokio::runtime::Runtime,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl Proxy {
    fn new(dir: &std::path::Path) -> Proxy {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("rt");
        let mut p = Proxy { path: dir.join("proxy.sock"), rt, task: None };
        p.up();
        p
    }
    fn up(&mut self) {
        let _ = std::fs::remove_file(&self.path);
        let listener = {
            let _guard = self.rt.enter();
            tokio::net::UnixListener::bind(&self.path).expect("bind proxy")
        };
        self.task = Some(self.rt.spawn(async move {
            let mut conns = tokio::task::JoinSet::new();
            while let Ok((mut client, _)) = listener.accept().await {
                conns.spawn(async move {
                    if let Ok(mut upstream) =
                        tokio::net::UnixStream::connect("/var/run/docker.sock").await
                    {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut upstream).await;
                    }
                });
            }
        }));
    }
    /// Stop listening and cut every open connection (dropping the task drops its JoinSet).
    fn down(&mut self) {
        if let Some(t) = self.task.take() {
            t.abort();
        }
        std::thread::sleep(Duration::from_millis(200));
        let _ = std::fs::remove_file(&self.path);
    }
}

#[test]
fn the_session_survives_the_daemon_going_away_and_passes_when_it_returns() {
    let _lock = serial();
    if daemon(&rt(), "fault_e2e").is_none()
        || !std::path::Path::new("/var/run/docker.sock").exists()
    {
        return;
    }
    remove_napper();
    let home = home_at_task_two();
    let mut proxy = Proxy::new(home.path());
    let host = format!("unix://{}", proxy.path.display());
    let mut p = Plain::start(home.path(), Some(&host));
    wait_for("Task 2 of 6", || p.text());
    proxy.down();
    wait_for("Lost the Docker daemon", || p.text());
    p.send("");
    wait_for("✗ Not yet: the Docker daemon is not reachable", || p.text());
    docker(&[
        "run",
        "-d",
        "--label",
        "docktutor.it=e2e",
        "--name",
        "napper",
        "busybox",
        "sleep",
        "600",
    ]);
    proxy.up();
    wait_for("The Docker daemon is back", || p.text());
    wait_for("Task 3 of 6", || p.text());
    p.send("q");
    let (code, text) = p.finish();
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("✓ Done! container \"napper\" is running"), "{text}");
    assert!(progress_of(home.path()).contains("\"start-napper\""));
    remove_napper();
}
