//! Single-resource checks: one container, image, volume or network, with properties taken
//! from `docker inspect` under stable names; and daemon events since the task started.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use super::matcher::Matcher;
use super::spec::{OneOrMany, yes};

/// One container by exact name or id, and its properties.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContainerCheck {
    /// The container's name (without the leading `/`) or id.
    pub name: String,
    /// Whether it must exist (default true). `false` checks it was removed.
    #[serde(default = "yes")]
    pub exists: bool,
    /// Only counts if it was created since the task started.
    #[serde(default)]
    pub new: bool,
    /// Only counts if it was (re)started since the task started: `docker start` and
    /// `docker restart` are seen even when the daemon's event buffer has rolled over.
    #[serde(default)]
    pub started_since_task: bool,
    /// `created`, `running`, `paused`, `restarting`, `removing`, `exited` or `dead`.
    pub state: Option<Matcher>,
    /// `starting`, `healthy`, `unhealthy`, or `none` without a health check.
    pub health: Option<Matcher>,
    /// Exit code of its last run.
    pub exit_code: Option<Matcher>,
    /// The image as given to `docker run`.
    pub image: Option<Matcher>,
    /// The command it runs: entrypoint and arguments joined by spaces.
    pub command: Option<Matcher>,
    /// Published ports; each listed one must be there.
    #[serde(default)]
    pub ports: Vec<PortSpec>,
    /// Environment variables by name.
    #[serde(default)]
    pub env: BTreeMap<String, Matcher>,
    /// Labels by key.
    #[serde(default)]
    pub labels: BTreeMap<String, Matcher>,
    /// Mounts; each listed one must be there.
    #[serde(default)]
    pub mounts: Vec<MountSpec>,
    /// Networks it must be attached to, by name.
    #[serde(default)]
    pub networks: Vec<String>,
    /// `no`, `always`, `unless-stopped` or `on-failure`.
    pub restart_policy: Option<Matcher>,
    /// Memory limit in bytes (0 = none).
    pub memory: Option<Matcher>,
    /// CPU limit in CPUs, e.g. `0.5` (0 = none).
    pub cpus: Option<Matcher>,
}

/// A published port.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PortSpec {
    /// The port inside the container.
    pub container: u16,
    /// The port on the host (any when omitted).
    pub host: Option<Matcher>,
    /// `tcp` (default) or `udp`.
    #[serde(default = "tcp")]
    pub protocol: String,
}

fn tcp() -> String {
    "tcp".into()
}

/// A mount, matched on the fields given.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MountSpec {
    /// Where it appears inside the container.
    pub destination: String,
    /// `volume`, `bind` or `tmpfs`.
    #[serde(rename = "type")]
    pub kind: Option<Matcher>,
    /// The volume name, or the host path of a bind mount.
    pub source: Option<Matcher>,
    /// Mounted read-only.
    pub read_only: Option<bool>,
}

/// One image by reference or id.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImageCheck {
    /// The reference (`busybox` means `busybox:latest`) or id.
    pub name: String,
    /// Whether it must exist (default true).
    #[serde(default = "yes")]
    pub exists: bool,
    /// Only counts if it appeared since the task started.
    #[serde(default)]
    pub new: bool,
    /// References it must carry (`myapp:v1`), all of them.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Number of filesystem layers.
    pub layers: Option<Matcher>,
    /// Default command, joined by spaces.
    pub cmd: Option<Matcher>,
    /// Entrypoint, joined by spaces.
    pub entrypoint: Option<Matcher>,
    /// Environment variables by name.
    #[serde(default)]
    pub env: BTreeMap<String, Matcher>,
    /// Exposed ports (`80/tcp`), all of them.
    #[serde(default)]
    pub exposed_ports: Vec<String>,
    /// The user it runs as.
    pub user: Option<Matcher>,
    /// The working directory.
    pub workdir: Option<Matcher>,
    /// Labels by key.
    #[serde(default)]
    pub labels: BTreeMap<String, Matcher>,
    /// The health check command, joined by spaces (`NONE` when disabled, empty when absent).
    pub healthcheck: Option<Matcher>,
    /// Size in bytes.
    pub size: Option<Matcher>,
}

/// One volume by name.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VolumeCheck {
    /// The volume's name.
    pub name: String,
    /// Whether it must exist (default true).
    #[serde(default = "yes")]
    pub exists: bool,
    /// Its driver (`local`).
    pub driver: Option<Matcher>,
    /// Labels by key.
    #[serde(default)]
    pub labels: BTreeMap<String, Matcher>,
}

/// One network by name or id.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NetworkCheck {
    /// The network's name or id.
    pub name: String,
    /// Whether it must exist (default true).
    #[serde(default = "yes")]
    pub exists: bool,
    /// Its driver (`bridge`, …).
    pub driver: Option<Matcher>,
    /// Labels by key.
    #[serde(default)]
    pub labels: BTreeMap<String, Matcher>,
    /// Containers that must be attached to it now, by name.
    #[serde(default)]
    pub containers: Vec<String>,
}

/// Daemon events since the task started.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventsCheck {
    /// Object type: `container`, `image`, `volume`, `network`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Action(s): `create`, `start`, `die`, `stop`, `kill`, `pause`, `destroy`, `commit`,
    /// `tag`, `exec_start`, … (`exec_start` also matches `exec_start: sh -c …`).
    pub action: OneOrMany,
    /// Only events about this container (name or id).
    pub container: Option<String>,
    /// Only events about this image.
    pub image: Option<String>,
    /// How many such events there must be (default: at least one).
    #[serde(default = "super::spec_sets::at_least_one")]
    pub count: Matcher,
}
