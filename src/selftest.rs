//! `docktutor test`: prove every task's check against the real daemon.
//!
//! For each task: run its `setup`, record the task start, assert the check FAILS, run its
//! `solution`, assert the check PASSES (retrying briefly for states that take a moment),
//! then clean up. Commands run through a `docker` wrapper placed first on `PATH` that labels
//! everything they create with `docktutor.selftest=<run>` and scopes `ps`, `ls` and `prune`
//! to that label; the check's set queries are scoped the same way. So a solution such as
//! `docker container prune -f` is tested verbatim without touching anything the test did
//! not create, and global counts ("no stopped containers") are honest on a busy daemon.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::catalog::Course;
use crate::check::{Check, SCOPE_LABEL, Scope, Verdict};
use crate::docker::{Daemon, DaemonError};
use crate::verify::{Ask, verify, verify_task};

/// The outcome of one task's self-test.
#[derive(Debug, Clone, Serialize)]
pub struct TaskReport {
    pub lesson: String,
    pub task: String,
    /// The check failed before the solution ran, as it must.
    pub failed_before: bool,
    /// The check passed after the solution ran.
    pub passed_after: bool,
    pub millis: u128,
    /// What went wrong, if anything.
    pub problem: Option<String>,
}

impl TaskReport {
    pub fn ok(&self) -> bool {
        self.failed_before && self.passed_after && self.problem.is_none()
    }
}

/// A self-test run: its label value and the wrapper directory.
pub struct Run {
    pub id: String,
    shim_dir: tempfile::TempDir,
    real_docker: PathBuf,
}

const SHIM: &str = include_str!("selftest_docker_shim.sh");

impl Run {
    pub fn new() -> std::io::Result<Run> {
        let real_docker = find_in_path("docker").ok_or_else(|| {
            std::io::Error::other(
                "the docker command is not on PATH; the self-test runs lessons' commands with it",
            )
        })?;
        let id = format!("{}-{}", std::process::id(), crate::docker::now_nanos() % 1_000_000_000);
        let shim_dir = tempfile::Builder::new().prefix("docktutor-selftest").tempdir()?;
        let shim = shim_dir.path().join("docker");
        std::fs::write(&shim, SHIM)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&shim, std::fs::Permissions::from_mode(0o755))?;
        }
        Ok(Run { id, shim_dir, real_docker })
    }

    pub fn scope(&self) -> Scope {
        Scope { selftest_run: Some(self.id.clone()) }
    }

    pub fn label(&self) -> String {
        format!("{SCOPE_LABEL}={}", self.id)
    }

    /// Run shell commands with the wrapper first on PATH. Returns combined output on failure.
    pub async fn sh(&self, script: &str, cwd: &Path) -> Result<(), String> {
        let path = std::env::var_os("PATH").unwrap_or_default();
        let mut paths = vec![self.shim_dir.path().to_owned()];
        paths.extend(std::env::split_paths(&path));
        let joined = std::env::join_paths(paths).map_err(|e| e.to_string())?;
        let out = tokio::process::Command::new("bash")
            .arg("-eo")
            .arg("pipefail")
            .arg("-c")
            .arg(script)
            .env("PATH", joined)
            .env("DOCKTUTOR_SELFTEST_RUN", &self.id)
            .env("DOCKTUTOR_REAL_DOCKER", &self.real_docker)
            .current_dir(cwd)
            .stdin(std::process::Stdio::null())
            .output()
            .await
            .map_err(|e| format!("cannot run bash: {e}"))?;
        if out.status.success() {
            return Ok(());
        }
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        Err(format!("`{}` failed ({}): {}", script.trim(), out.status, text.trim()))
    }

    /// Remove everything carrying this run's label (and only that).
    pub async fn clean(&self) -> Result<(), String> {
        let l = self.label();
        let script = format!(
            "d=\"$DOCKTUTOR_REAL_DOCKER\"\n\
             ids=$(\"$d\" ps -aq --filter label={l}); [ -z \"$ids\" ] || \"$d\" rm -f $ids >/dev/null\n\
             ids=$(\"$d\" images -q --filter label={l} | sort -u); [ -z \"$ids\" ] || \"$d\" rmi -f $ids >/dev/null\n\
             ids=$(\"$d\" volume ls -q --filter label={l}); [ -z \"$ids\" ] || \"$d\" volume rm -f $ids >/dev/null\n\
             ids=$(\"$d\" network ls -q --filter label={l}); [ -z \"$ids\" ] || \"$d\" network rm $ids >/dev/null\n\
             true"
        );
        self.sh(&script, self.shim_dir.path()).await
    }
}

fn find_in_path(cmd: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(cmd)).find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        p.metadata().is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        p.is_file()
    }
}

/// Self-test one task; always cleans up after itself.
pub async fn test_task(
    daemon: &Daemon,
    run: &Run,
    course: &Course,
    task_id: &str,
) -> Result<TaskReport, DaemonError> {
    let started = Instant::now();
    let mut report = TaskReport {
        lesson: course.lesson.slug().to_owned(),
        task: task_id.to_owned(),
        failed_before: false,
        passed_after: false,
        millis: 0,
        problem: None,
    };
    // Setup, solution and cleanup of a task share a fresh working directory (for Dockerfiles
    // and other files a task writes); it is removed with the run.
    let dir = run.shim_dir.path().join("work").join(format!("{}-{task_id}", course.lesson.slug()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        report.problem = Some(format!("cannot create a working directory: {e}"));
        return Ok(report);
    }
    let result = exercise(daemon, run, course, task_id, &dir, &mut report).await;
    let cleanup = course.spec(task_id).and_then(|s| s.cleanup.clone());
    if let Some(script) = cleanup {
        // Cleanup commands may find nothing to remove; that is fine.
        let _ = run.sh(&format!("{script}\ntrue"), &dir).await;
    }
    if let Err(e) = run.clean().await {
        report.problem.get_or_insert(format!("cleanup: {e}"));
    }
    report.millis = started.elapsed().as_millis();
    result.map(|()| report)
}

async fn exercise(
    daemon: &Daemon,
    run: &Run,
    course: &Course,
    task_id: &str,
    dir: &Path,
    report: &mut TaskReport,
) -> Result<(), DaemonError> {
    let Some(spec) = course.spec(task_id) else {
        report.problem = Some("no check".into());
        return Ok(());
    };
    let scope = run.scope();
    if let Some(setup) = &spec.setup
        && let Err(e) = run.sh(setup, dir).await
    {
        report.problem = Some(format!("setup: {e}"));
        return Ok(());
    }
    let baseline = daemon.baseline().await?;
    let ask = Ask { scope: Some(&scope), baseline: Some(&baseline), answer: None };
    let before = verify(daemon, &spec.check, ask).await?;
    report.failed_before = !before.passed;
    if before.passed {
        report.problem =
            Some(format!("the check passes before the solution ran: {}", before.explanation));
    }
    let Some(solution) = &spec.solution else {
        report.problem.get_or_insert("no solution to run".into());
        return Ok(());
    };
    // A quiz is solved by answering it: its solution is the answer, not a command.
    let is_quiz = matches!(spec.check, Check::Quiz(_));
    let after = if is_quiz {
        verify(daemon, &spec.check, Ask { answer: Some(solution.trim()), ..ask }).await?
    } else {
        if let Err(e) = run.sh(solution, dir).await {
            report.problem.get_or_insert(format!("solution: {e}"));
            return Ok(());
        }
        settle(daemon, spec, ask).await?
    };
    report.passed_after = after.passed;
    if !after.passed {
        report
            .problem
            .get_or_insert(format!("the check fails after the solution: {}", after.explanation));
    }
    Ok(())
}

/// Evaluate until it passes or two seconds have gone by (events and states can lag a little).
async fn settle(
    daemon: &Daemon,
    spec: &crate::check::TaskSpec,
    ask: Ask<'_>,
) -> Result<Verdict, DaemonError> {
    if spec.wait.is_some() {
        return verify_task(daemon, spec, ask).await;
    }
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        let v = verify(daemon, &spec.check, ask).await?;
        if v.passed || Instant::now() > deadline {
            return Ok(v);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
