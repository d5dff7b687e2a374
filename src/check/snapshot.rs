//! What the daemon showed at one moment: the answers to exactly the queries a check needs.
//!
//! A snapshot is plain data (serde), so evaluation is a pure function that tests feed with
//! JSON fixtures, and the daemon module fills it with real answers.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// A container as a check sees it: stable names, independent of the Engine API version.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerInfo {
    pub id: String,
    /// Name without the leading `/`.
    pub name: String,
    /// The image as given when the container was created.
    pub image: String,
    /// `created`, `running`, `paused`, `restarting`, `removing`, `exited`, `dead`.
    pub state: String,
    /// The daemon's human summary, e.g. `Exited (0) 3 minutes ago`.
    #[serde(default)]
    pub status: String,
    /// Seconds since the epoch.
    #[serde(default)]
    pub created: i64,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// Parsed from the status of an exited container.
    #[serde(default)]
    pub exit_code: Option<i64>,
}

/// An image as a check sees it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImageInfo {
    pub id: String,
    /// `repo:tag` references; empty for a dangling image.
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub created: i64,
    #[serde(default)]
    pub size: i64,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
}

/// One daemon event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventInfo {
    /// `container`, `image`, `network`, `volume`, …
    #[serde(rename = "type")]
    pub kind: String,
    pub action: String,
    /// Id of the object the event is about.
    #[serde(default)]
    pub actor: String,
    /// Its name, where the daemon gives one.
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub time_nano: i64,
}

/// What existed when a task started. `new` and `events` are relative to it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// The daemon's clock when the task started, in nanoseconds since the epoch.
    pub daemon_time_nano: i64,
    /// This machine's clock at the same moment: events are read up to
    /// `daemon_time_nano + (now - local_time_nano)`, so clock skew does not matter.
    #[serde(default)]
    pub local_time_nano: i64,
    /// Ids of the containers that existed then.
    #[serde(default)]
    pub containers: BTreeSet<String>,
    /// Ids of the images that existed then.
    #[serde(default)]
    pub images: BTreeSet<String>,
}

/// The answers to a check's queries, keyed by [`super::Query::key`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    #[serde(default)]
    pub containers: BTreeMap<String, Vec<ContainerInfo>>,
    #[serde(default)]
    pub images: BTreeMap<String, Vec<ImageInfo>>,
    #[serde(default)]
    pub events: BTreeMap<String, Vec<EventInfo>>,
}
