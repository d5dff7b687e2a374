//! Connecting, and saying clearly why it failed.

use bollard::Docker;

/// A connected daemon and how to name it to the learner.
#[derive(Clone)]
pub struct Daemon {
    pub docker: Docker,
    /// `unix:///var/run/docker.sock`, `tcp://…`: what the learner's `docker` CLI should use too.
    pub endpoint: String,
    /// Negotiated API version, e.g. `1.41`.
    pub api_version: String,
}

/// The daemon could not be used; `hint` says what to do.
#[derive(Debug, Clone, thiserror::Error)]
#[error("cannot reach the Docker daemon at {endpoint}: {reason}")]
pub struct DaemonError {
    pub endpoint: String,
    pub reason: String,
    pub hint: String,
}

impl DaemonError {
    pub fn new(endpoint: &str, err: &bollard::errors::Error) -> Self {
        let mut reason = err.to_string();
        let mut source = std::error::Error::source(err);
        while let Some(s) = source {
            let text = s.to_string();
            if !reason.contains(&text) {
                reason.push_str(": ");
                reason.push_str(&text);
            }
            source = s.source();
        }
        let lower = reason.to_lowercase();
        let hint = if lower.contains("timeout") || lower.contains("timed out") {
            "the daemon did not answer in time; check `docker info`, or allow more time with DOCKTUTOR_DAEMON_TIMEOUT=<seconds>".to_owned()
        } else if lower.contains("permission denied") {
            "your user may not use the Docker socket: add it to the `docker` group (`sudo usermod -aG docker $USER`, then log in again), or run with sudo".to_owned()
        } else if lower.contains("no such file")
            || lower.contains("not found")
            || lower.contains("connection refused")
        {
            "is Docker running? Start it (`sudo systemctl start docker`, or Docker Desktop), or point DOCKER_HOST at the daemon your `docker` command uses".to_owned()
        } else {
            "check that `docker info` works in this shell; docktutor uses the same DOCKER_HOST"
                .to_owned()
        };
        DaemonError { endpoint: endpoint.to_owned(), reason, hint }
    }
}

/// How long one request may take: `DOCKTUTOR_DAEMON_TIMEOUT` seconds, default 10.
fn timeout() -> std::time::Duration {
    let secs = std::env::var("DOCKTUTOR_DAEMON_TIMEOUT")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .filter(|s| *s > 0);
    std::time::Duration::from_secs(secs.unwrap_or(10))
}

/// The endpoint as the learner would name it.
pub fn endpoint() -> String {
    std::env::var("DOCKER_HOST")
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "unix:///var/run/docker.sock".to_owned())
}

impl Daemon {
    /// Connect and negotiate the API version.
    pub async fn connect() -> Result<Daemon, DaemonError> {
        let endpoint = endpoint();
        let docker =
            Docker::connect_with_defaults().map_err(|e| DaemonError::new(&endpoint, &e))?;
        let docker = docker
            .with_timeout(timeout())
            .negotiate_version()
            .await
            .map_err(|e| DaemonError::new(&endpoint, &e))?;
        let api_version = docker.client_version().to_string();
        Ok(Daemon { docker, endpoint, api_version })
    }

    /// A one-line description for status lines.
    pub fn describe(&self) -> String {
        format!("{} (API {})", self.endpoint, self.api_version)
    }
}
