//! Verifying a task: ask the daemon exactly what the check needs, then evaluate purely.

use crate::check::{Baseline, Check, EvalInput, Scope, Verdict, evaluate};
use crate::docker::{Daemon, DaemonError};

/// One check against the daemon, now.
pub async fn verify(
    daemon: &Daemon,
    check: &Check,
    scope: &Scope,
    baseline: Option<&Baseline>,
) -> Result<Verdict, DaemonError> {
    let queries = scope.queries(check);
    let snapshot = daemon.snapshot(&queries, baseline).await?;
    Ok(evaluate(check, &EvalInput { snapshot: &snapshot, scope, baseline }))
}
