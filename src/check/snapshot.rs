//! What the daemon showed at one moment: the answers to exactly the queries a check needs.
//!
//! A snapshot is plain data (serde), so evaluation is a pure function that tests feed with
//! JSON fixtures, and the daemon module fills it with real answers. Field names are stable
//! and independent of the Engine API version.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

pub use super::snapshot_details::{
    Change, ContainerDetails, FileAnswer, HttpAnswer, ImageDetails, Mount, NetworkInfo, Port,
    VolumeInfo,
};

/// A container as a set lists it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContainerInfo {
    pub id: String,
    /// Name without the leading `/`.
    pub name: String,
    /// The image as given when the container was created.
    pub image: String,
    /// `created`, `running`, `paused`, `restarting`, `removing`, `exited`, `dead`.
    pub state: String,
    /// The daemon's human summary, e.g. `Exited (0) 3 minutes ago`.
    pub status: String,
    /// The command, as the daemon summarises it.
    pub command: String,
    /// Seconds since the epoch.
    pub created: i64,
    pub labels: BTreeMap<String, String>,
    /// Parsed from the status of an exited container.
    pub exit_code: Option<i64>,
}

/// An image as a set lists it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImageInfo {
    pub id: String,
    /// `repo:tag` references; empty for a dangling image.
    pub tags: Vec<String>,
    pub created: i64,
    pub size: i64,
    pub labels: BTreeMap<String, String>,
}

/// One daemon event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventInfo {
    /// `container`, `image`, `network`, `volume`, …
    #[serde(rename = "type")]
    pub kind: String,
    pub action: String,
    /// Id of the object the event is about.
    pub actor: String,
    /// Its name, where the daemon gives one.
    pub name: String,
    pub time_nano: i64,
}

/// What existed when a task started. `new`, `events` and `started_since_task` are relative to it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Baseline {
    /// The daemon's clock when the task started, in nanoseconds since the epoch.
    pub daemon_time_nano: i64,
    /// This machine's clock at the same moment: events are read up to
    /// `daemon_time_nano + (now - local_time_nano)`, so clock skew does not matter.
    pub local_time_nano: i64,
    /// Ids of the containers that existed then.
    pub containers: BTreeSet<String>,
    /// Ids of the images that existed then.
    pub images: BTreeSet<String>,
}

/// The answers to a check's queries. Sets are keyed by [`super::query::filters_key`],
/// single objects by the name asked for (`None`: no such object).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Snapshot {
    pub containers: BTreeMap<String, Vec<ContainerInfo>>,
    pub images: BTreeMap<String, Vec<ImageInfo>>,
    pub volumes: BTreeMap<String, Vec<VolumeInfo>>,
    pub networks: BTreeMap<String, Vec<NetworkInfo>>,
    pub events: BTreeMap<String, Vec<EventInfo>>,
    pub container: BTreeMap<String, Option<ContainerDetails>>,
    pub image: BTreeMap<String, Option<ImageDetails>>,
    pub volume: BTreeMap<String, Option<VolumeInfo>>,
    pub network: BTreeMap<String, Option<NetworkInfo>>,
    /// Names that exist, by kind (`container`, `image`, `volume`, `network`), gathered when
    /// a lookup finds nothing, for "did you mean …?".
    pub names: BTreeMap<String, Vec<String>>,
    pub logs: BTreeMap<String, Option<String>>,
    pub changes: BTreeMap<String, Option<Vec<Change>>>,
    /// Keyed by [`super::query::file_key`].
    pub files: BTreeMap<String, FileAnswer>,
    pub http: BTreeMap<String, HttpAnswer>,
}
