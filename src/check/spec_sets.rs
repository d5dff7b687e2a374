//! Set checks: containers, images, volumes and networks chosen by the daemon's own filters,
//! narrowed by a client-side `where`, then counted or quantified.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use super::matcher::Matcher;
use super::spec::OneOrMany;

pub(super) fn at_least_one() -> Matcher {
    Matcher::Ge(1)
}

/// Filters for listing containers, passed to the daemon as they are.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
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

/// Client-side conditions on a container of a set (what the daemon cannot filter).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContainerWhere {
    /// Its name.
    pub name: Option<Matcher>,
    /// The image it was created from, as given.
    pub image: Option<Matcher>,
    /// Its state (`running`, `exited`, …).
    pub state: Option<Matcher>,
    /// Exit code of an exited container.
    pub exit_code: Option<Matcher>,
    /// The command it runs.
    pub command: Option<Matcher>,
    /// Label values by key.
    #[serde(default)]
    pub labels: BTreeMap<String, Matcher>,
}

/// A set of containers and what must hold for it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContainerSet {
    /// Server-side filters (all must match).
    #[serde(default)]
    pub filters: ContainerFilters,
    /// Client-side conditions every member of the set must meet.
    #[serde(default, rename = "where")]
    pub where_: Option<ContainerWhere>,
    /// Only containers created since the task started.
    #[serde(default)]
    pub new: bool,
    /// Instead: the containers that existed when the task started and are gone now
    /// (takes no `filters`, `where` or `new`; they describe objects that still exist).
    #[serde(default)]
    pub removed: bool,
    /// How many containers the set must hold (default: at least one).
    #[serde(default = "at_least_one")]
    pub count: Matcher,
    /// Every member meets these conditions.
    pub every: Option<ContainerWhere>,
    /// At least one member meets these conditions.
    pub any: Option<ContainerWhere>,
    /// No member meets these conditions.
    pub none: Option<ContainerWhere>,
}

/// Filters for listing images, passed to the daemon as they are.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImageFilters {
    /// Reference pattern (`busybox`, `myapp:*`).
    pub reference: Option<OneOrMany>,
    /// `true` for untagged images left behind by rebuilds.
    pub dangling: Option<bool>,
    /// Has this label (`key` or `key=value`).
    pub label: Option<OneOrMany>,
}

/// Client-side conditions on an image of a set.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImageWhere {
    /// One of its `repo:tag` references matches.
    pub tag: Option<Matcher>,
    /// Its size in bytes.
    pub size: Option<Matcher>,
    /// Label values by key.
    #[serde(default)]
    pub labels: BTreeMap<String, Matcher>,
}

/// A set of images and what must hold for it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImageSet {
    /// Server-side filters (all must match).
    #[serde(default)]
    pub filters: ImageFilters,
    /// Client-side conditions every member of the set must meet.
    #[serde(default, rename = "where")]
    pub where_: Option<ImageWhere>,
    /// Only images that appeared since the task started.
    #[serde(default)]
    pub new: bool,
    /// Instead: the images that existed when the task started and are gone now
    /// (takes no `filters`, `where` or `new`).
    #[serde(default)]
    pub removed: bool,
    /// How many images the set must hold (default: at least one).
    #[serde(default = "at_least_one")]
    pub count: Matcher,
    /// Every member meets these conditions.
    pub every: Option<ImageWhere>,
    /// At least one member meets these conditions.
    pub any: Option<ImageWhere>,
    /// No member meets these conditions.
    pub none: Option<ImageWhere>,
}

/// Filters for listing volumes, passed to the daemon as they are.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VolumeFilters {
    /// Name matches (partial match).
    pub name: Option<OneOrMany>,
    /// Has this label (`key` or `key=value`).
    pub label: Option<OneOrMany>,
    /// `true`: used by no container.
    pub dangling: Option<bool>,
}

/// A set of volumes and how many there must be.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VolumeSet {
    /// Server-side filters (all must match).
    #[serde(default)]
    pub filters: VolumeFilters,
    /// How many volumes the set must hold (default: at least one).
    #[serde(default = "at_least_one")]
    pub count: Matcher,
}

/// Filters for listing networks, passed to the daemon as they are.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NetworkFilters {
    /// Name matches (partial match).
    pub name: Option<OneOrMany>,
    /// `bridge`, `host`, `overlay`, …
    pub driver: Option<OneOrMany>,
    /// Has this label (`key` or `key=value`).
    pub label: Option<OneOrMany>,
}

/// A set of networks and how many there must be.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NetworkSet {
    /// Server-side filters (all must match).
    #[serde(default)]
    pub filters: NetworkFilters,
    /// How many networks the set must hold (default: at least one).
    #[serde(default = "at_least_one")]
    pub count: Matcher,
}
