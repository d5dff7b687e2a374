//! Content checks: files, `docker diff`, logs, HTTP, and quiz questions.

use schemars::JsonSchema;
use serde::Deserialize;

use super::matcher::{Matcher, Pattern, Scalar};
use super::spec::{ContainerSet, ImageSet, NetworkSet, VolumeSet, non_empty, yes};

/// Conditions on a text.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextCheck {
    /// The text contains this.
    pub contains: Option<String>,
    /// The text matches this regular expression (searched anywhere; `(?m)^…$` for lines).
    pub matches: Option<Pattern>,
}

/// A file in a container, read through the archive API (no exec; works on stopped containers).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FileCheck {
    /// The container's name or id.
    pub container: String,
    /// Absolute path inside the container.
    pub path: String,
    /// Whether it must exist (default true).
    #[serde(default = "yes")]
    pub exists: bool,
    /// Size in bytes.
    pub size: Option<Matcher>,
    /// Permission bits in octal text, e.g. `"755"`.
    pub mode: Option<Matcher>,
    /// Conditions on its contents (regular files up to 1 MiB).
    pub contents: Option<TextCheck>,
}

/// What `docker diff` shows: paths added, changed or deleted in the writable layer.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangesCheck {
    /// The container's name or id.
    pub container: String,
    /// Paths that must show as added.
    #[serde(default)]
    pub added: Vec<String>,
    /// Paths that must show as changed.
    #[serde(default)]
    pub changed: Vec<String>,
    /// Paths that must show as deleted.
    #[serde(default)]
    pub deleted: Vec<String>,
}

/// A container's output (stdout and stderr).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LogsCheck {
    /// The container's name or id.
    pub container: String,
    /// The output contains this.
    pub contains: Option<String>,
    /// The output matches this regular expression (searched anywhere; `(?m)^…$` for lines).
    pub matches: Option<Pattern>,
}

/// docktutor fetches a URL with a short timeout (plain HTTP).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HttpCheck {
    /// e.g. `http://localhost:8080/`.
    pub url: String,
    /// Expected status code (default 200).
    #[serde(default = "ok_status")]
    pub status: Matcher,
    /// Conditions on the response body.
    pub body: Option<TextCheck>,
}

fn ok_status() -> Matcher {
    Matcher::Eq(Scalar::Int(200))
}

/// A question the learner answers in the runner (or with `docktutor check --answer`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuizCheck {
    /// The question.
    pub question: String,
    /// Choices to pick from, if any (the answer may be given as the choice's text or number).
    #[serde(default)]
    pub choices: Vec<String>,
    /// The right answer.
    pub answer: QuizAnswer,
}

/// The right answer: a literal, one of several, or computed from the daemon when asked.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum QuizAnswer {
    /// This exact value (case and surrounding spaces ignored).
    Is(Scalar),
    /// Any of these values.
    OneOf(#[serde(deserialize_with = "non_empty")] Vec<Scalar>),
    /// The number of containers in this set, counted when the learner answers.
    CountOfContainers(Box<ContainerSet>),
    /// The number of images in this set, counted when the learner answers.
    CountOfImages(Box<ImageSet>),
    /// The number of volumes in this set.
    CountOfVolumes(VolumeSet),
    /// The number of networks in this set.
    CountOfNetworks(NetworkSet),
}
