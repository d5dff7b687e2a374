//! The check file format: `checks/<lesson-slug>.yaml`, one entry per task.
//!
//! These types are the reference of the format: every field is documented here, unknown
//! fields are errors (with "expected one of …"), and lists that would assert nothing are
//! rejected while parsing.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};

use super::matcher::Matcher;

/// A whole check file: the tasks of one lesson, keyed by the id used in the lesson's
/// `<!-- task: ID -->` marker.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecksFile {
    /// Tasks by id. Ids are lowercase words joined by `-`.
    pub tasks: BTreeMap<String, TaskSpec>,
}

/// One hands-on task: how to verify it, how to help, how the self-test performs it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskSpec {
    /// What must be true on the daemon for the task to count as done.
    pub check: Check,
    /// Hints revealed one at a time, from a nudge to the command.
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
}

/// An assertion about the daemon. Exactly one key per check.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Check {
    /// Every listed check holds.
    All(#[serde(deserialize_with = "non_empty")] Vec<Check>),
    /// At least one listed check holds.
    Any(#[serde(deserialize_with = "non_empty")] Vec<Check>),
    /// The inner check does not hold.
    Not(Box<Check>),
    /// A set of containers (server-side filters) and how many there must be.
    Containers(ContainerSet),
    /// A set of images (server-side filters) and how many there must be.
    Images(ImageSet),
    /// One container, by exact name.
    Container(ContainerCheck),
    /// One image, by reference (`busybox`, `myapp:v1`).
    Image(ImageCheck),
    /// Daemon events since the task started.
    Events(EventsCheck),
}

/// Filters for listing containers, passed to the daemon as they are.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContainerFilters {
    /// `created`, `restarting`, `running`, `removing`, `paused`, `exited` or `dead`.
    pub status: Option<OneOrMany>,
    /// Created from this image (name, name:tag or id), or from an image built on it.
    pub ancestor: Option<OneOrMany>,
    /// Name matches (the daemon treats this as a regular expression).
    pub name: Option<OneOrMany>,
    /// Has this label (`key` or `key=value`).
    pub label: Option<OneOrMany>,
    /// Exited with this code.
    pub exited: Option<OneOrMany>,
    /// `starting`, `healthy`, `unhealthy` or `none`.
    pub health: Option<OneOrMany>,
    /// Attached to this network.
    pub network: Option<OneOrMany>,
    /// Mounts this volume or bind-mount destination.
    pub volume: Option<OneOrMany>,
    /// Publishes this port (`8080`, `8080/tcp`).
    pub publish: Option<OneOrMany>,
}

/// A set of containers and what must hold for it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContainerSet {
    /// Server-side filters (all must match).
    #[serde(default)]
    pub filters: ContainerFilters,
    /// Only containers created since the task started.
    #[serde(default)]
    pub new: bool,
    /// How many containers must be in the set.
    pub count: Matcher,
}

/// Filters for listing images, passed to the daemon as they are.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageFilters {
    /// Reference pattern (`busybox`, `myapp:*`).
    pub reference: Option<OneOrMany>,
    /// `true` for untagged images left behind by rebuilds.
    pub dangling: Option<bool>,
    /// Has this label (`key` or `key=value`).
    pub label: Option<OneOrMany>,
}

/// A set of images and what must hold for it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageSet {
    /// Server-side filters (all must match).
    #[serde(default)]
    pub filters: ImageFilters,
    /// Only images that appeared since the task started.
    #[serde(default)]
    pub new: bool,
    /// How many images must be in the set.
    pub count: Matcher,
}

/// One container by exact name, and its properties.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContainerCheck {
    /// The container's name (without the leading `/`).
    pub name: String,
    /// Whether it must exist (default true). `false` checks it was removed.
    #[serde(default = "yes")]
    pub exists: bool,
    /// Its state: `created`, `running`, `paused`, `restarting`, `exited`, `dead`.
    pub state: Option<Matcher>,
    /// The image it was created from, as given to `docker run`.
    pub image: Option<Matcher>,
    /// Exit code of its last run (only meaningful once it has exited).
    pub exit_code: Option<Matcher>,
    /// Only counts if it was created since the task started.
    #[serde(default)]
    pub new: bool,
}

/// One image by reference.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageCheck {
    /// The reference: `busybox` means `busybox:latest`.
    pub name: String,
    /// Whether it must exist (default true).
    #[serde(default = "yes")]
    pub exists: bool,
}

/// Daemon events since the task started.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventsCheck {
    /// Object type: `container`, `image`, `volume`, `network`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Action(s): `create`, `start`, `die`, `stop`, `kill`, `pause`, `destroy`, `commit`, `tag`, …
    pub action: OneOrMany,
    /// Only events about this container (name or id).
    pub container: Option<String>,
    /// Only events about this image.
    pub image: Option<String>,
    /// How many such events there must be (default: at least one).
    #[serde(default = "at_least_one")]
    pub count: Matcher,
}

/// A string or a list of strings. An empty list is an error: it would assert nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OneOrMany(pub Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            One(String),
            Many(Vec<String>),
        }
        match Raw::deserialize(d)? {
            Raw::One(s) => Ok(OneOrMany(vec![s])),
            Raw::Many(v) if v.is_empty() => Err(serde::de::Error::custom(
                "an empty list asserts nothing; give at least one value",
            )),
            Raw::Many(v) => Ok(OneOrMany(v)),
        }
    }
}

fn non_empty<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Check>, D::Error> {
    let v = Vec::<Check>::deserialize(d)?;
    if v.is_empty() {
        return Err(serde::de::Error::custom(
            "an empty list asserts nothing; give at least one check",
        ));
    }
    Ok(v)
}

fn yes() -> bool {
    true
}

fn at_least_one() -> Matcher {
    Matcher::Ge(1)
}
