//! The check file format: `checks/<lesson-slug>.yaml`, one entry per task.
//!
//! These types are the reference of the format: every field is documented here (the JSON
//! Schema and `docs/authoring.md` follow them, tests keep all three in step), unknown fields
//! are errors with "expected one of …", and lists that would assert nothing are rejected.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};

pub use super::spec_content::{
    ChangesCheck, FileCheck, HttpCheck, LogsCheck, QuizAnswer, QuizCheck, TextCheck,
};
pub use super::spec_sets::{
    ContainerFilters, ContainerSet, ContainerWhere, ImageFilters, ImageSet, ImageWhere,
    NetworkFilters, NetworkSet, VolumeFilters, VolumeSet,
};
pub use super::spec_single::{
    ContainerCheck, EventsCheck, ImageCheck, MountSpec, NetworkCheck, PortSpec, VolumeCheck,
};

/// A whole check file: the tasks of one lesson, keyed by the id used in the lesson's
/// `<!-- task: ID -->` marker.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecksFile {
    /// Tasks by id. Ids are lowercase words joined by `-`.
    pub tasks: BTreeMap<String, TaskSpec>,
}

/// One hands-on task: how to verify it, how to help, how the self-test performs it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskSpec {
    /// What must be true on the daemon for the task to count as done.
    pub check: Check,
    /// Hints revealed one at a time, from a nudge to the command. `{count}` and `{names}`
    /// are replaced by the size and members of the set the check found.
    #[serde(default)]
    pub hints: Vec<String>,
    /// Shell commands that do the task (shown on request; run by the self-test).
    #[serde(default)]
    pub solution: Option<String>,
    /// Shell commands that create the starting state the task needs (self-test and "do it for me").
    #[serde(default)]
    pub setup: Option<String>,
    /// Shell commands the self-test runs afterwards to remove what the task created.
    #[serde(default)]
    pub cleanup: Option<String>,
    /// Keep re-checking for a while: for states that take time (health checks, a server starting).
    #[serde(default)]
    pub wait: Option<Wait>,
}

/// How long to keep re-checking before a failure counts.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Wait {
    /// Give up after this many seconds (at most 120).
    pub timeout: u32,
    /// Seconds between attempts (default 1).
    #[serde(default = "one")]
    pub interval: u32,
}

fn one() -> u32 {
    1
}

/// An assertion about the daemon. Exactly one key per check.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Check {
    /// Every listed check holds.
    All(#[serde(deserialize_with = "non_empty")] Vec<Check>),
    /// At least one listed check holds.
    Any(#[serde(deserialize_with = "non_empty")] Vec<Check>),
    /// The inner check does not hold.
    Not(Box<Check>),
    /// A set of containers (server-side filters, client-side `where`) and what holds for it.
    Containers(Box<ContainerSet>),
    /// A set of images.
    Images(Box<ImageSet>),
    /// A set of volumes.
    Volumes(VolumeSet),
    /// A set of networks.
    Networks(NetworkSet),
    /// One container, by exact name or id, with properties from `docker inspect`.
    Container(Box<ContainerCheck>),
    /// One image, by reference or id.
    Image(Box<ImageCheck>),
    /// One volume, by name.
    Volume(VolumeCheck),
    /// One network, by name or id.
    Network(NetworkCheck),
    /// Daemon events since the task started.
    Events(EventsCheck),
    /// A file inside a container (read through the archive API; works on stopped containers).
    File(FileCheck),
    /// What `docker diff` shows for a container.
    Changes(ChangesCheck),
    /// What a container printed (`docker logs`).
    Logs(LogsCheck),
    /// docktutor fetches a URL (e.g. a port the learner published).
    Http(HttpCheck),
    /// A question the learner answers in the runner.
    Quiz(QuizCheck),
}

/// A string or a list of strings. An empty list is an error: it would assert nothing.
#[derive(Debug, Clone, PartialEq, Eq, JsonSchema)]
#[schemars(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn values(&self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s.clone()],
            OneOrMany::Many(v) => v.clone(),
        }
    }
}

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            One(String),
            Many(Vec<String>),
        }
        match Raw::deserialize(d)? {
            Raw::One(s) => Ok(OneOrMany::One(s)),
            Raw::Many(v) if v.is_empty() => Err(serde::de::Error::custom(
                "an empty list asserts nothing; give at least one value",
            )),
            Raw::Many(v) => Ok(OneOrMany::Many(v)),
        }
    }
}

pub(super) fn non_empty<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    let v = Vec::<T>::deserialize(d)?;
    if v.is_empty() {
        return Err(serde::de::Error::custom(
            "an empty list asserts nothing; give at least one item",
        ));
    }
    Ok(v)
}

pub(super) fn yes() -> bool {
    true
}
