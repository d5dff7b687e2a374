//! Verifying a task: ask the daemon exactly what the check needs, then evaluate purely.

use std::time::{Duration, Instant};

use crate::check::{Baseline, Check, EvalInput, Scope, TaskSpec, Verdict, evaluate};
use crate::docker::{Daemon, DaemonError};

/// What one verification is relative to.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ask<'a> {
    pub scope: Option<&'a Scope>,
    /// The task's start; `None` when none was recorded.
    pub baseline: Option<&'a Baseline>,
    /// The learner's answer to a quiz.
    pub answer: Option<&'a str>,
}

/// One check against the daemon, now.
pub async fn verify(daemon: &Daemon, check: &Check, ask: Ask<'_>) -> Result<Verdict, DaemonError> {
    let default = Scope::default();
    let scope = ask.scope.unwrap_or(&default);
    let queries = scope.queries(check);
    let snapshot = daemon.snapshot(&queries, ask.baseline).await?;
    Ok(evaluate(
        check,
        &EvalInput { snapshot: &snapshot, scope, baseline: ask.baseline, answer: ask.answer },
    ))
}

/// A task's check, re-evaluated as its `wait` allows (states that take time to settle).
pub async fn verify_task(
    daemon: &Daemon,
    spec: &TaskSpec,
    ask: Ask<'_>,
) -> Result<Verdict, DaemonError> {
    let Some(wait) = &spec.wait else { return verify(daemon, &spec.check, ask).await };
    let deadline = Instant::now() + Duration::from_secs(u64::from(wait.timeout.min(120)));
    let interval = Duration::from_secs(u64::from(wait.interval.clamp(1, 60)));
    loop {
        let v = verify(daemon, &spec.check, ask).await?;
        if v.passed || Instant::now() + interval > deadline {
            return Ok(v);
        }
        tokio::time::sleep(interval).await;
    }
}
