//! Inspect-level models: one container, image, volume or network in detail, and the answers
//! of content queries.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A container as `docker inspect` shows it, under stable names.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContainerDetails {
    pub id: String,
    pub name: String,
    pub image: String,
    pub state: String,
    /// `starting`, `healthy`, `unhealthy`, or `none`.
    pub health: String,
    pub exit_code: i64,
    /// Entrypoint and arguments joined by spaces.
    pub command: String,
    pub ports: Vec<Port>,
    pub env: BTreeMap<String, String>,
    pub labels: BTreeMap<String, String>,
    pub mounts: Vec<Mount>,
    pub networks: Vec<String>,
    pub restart_policy: String,
    /// Bytes; 0 = no limit.
    pub memory: i64,
    /// Billionths of a CPU; 0 = no limit.
    pub nano_cpus: i64,
    /// Nanoseconds since the epoch; 0 = never started.
    pub started_at: i64,
    pub finished_at: i64,
}

/// A published port.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Port {
    pub container: u16,
    pub host: Option<u16>,
    pub protocol: String,
}

/// A mount.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Mount {
    /// `volume`, `bind`, `tmpfs`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The volume name, or the host path of a bind mount.
    pub source: String,
    pub destination: String,
    pub read_only: bool,
}

/// An image as `docker image inspect` shows it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImageDetails {
    pub id: String,
    pub tags: Vec<String>,
    pub layers: usize,
    pub cmd: String,
    pub entrypoint: String,
    pub env: BTreeMap<String, String>,
    pub exposed_ports: Vec<String>,
    pub user: String,
    pub workdir: String,
    pub labels: BTreeMap<String, String>,
    pub healthcheck: String,
    pub size: i64,
}

/// A volume.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VolumeInfo {
    pub name: String,
    pub driver: String,
    pub labels: BTreeMap<String, String>,
}

/// A network, with the names of the containers attached to it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NetworkInfo {
    pub id: String,
    pub name: String,
    pub driver: String,
    pub labels: BTreeMap<String, String>,
    pub containers: Vec<String>,
}

/// One line of `docker diff`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Change {
    /// `added`, `changed` or `deleted`.
    pub kind: String,
    pub path: String,
}

/// What the archive API said about a path.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FileAnswer {
    pub container_exists: bool,
    pub exists: bool,
    pub size: i64,
    /// Permission bits, octal text (`644`).
    pub mode: String,
    /// Contents of a regular file up to 1 MiB (lossy UTF-8).
    pub contents: Option<String>,
}

/// The result of fetching a URL.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HttpAnswer {
    pub status: Option<u16>,
    pub body: String,
    /// Why nothing came back (refused, timed out, …).
    pub error: Option<String>,
}
