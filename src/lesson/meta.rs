//! Front matter: what a lesson says about itself.

use serde::Deserialize;

/// The YAML block between `---` lines at the top of a lesson.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LessonMeta {
    /// Identifier used on the command line and in progress; also names `checks/<slug>.yaml`.
    pub slug: String,
    /// Title shown in lists (the `# Title` heading is what is rendered).
    pub title: String,
    /// One sentence for `docktutor list`.
    pub summary: String,
    /// Estimated minutes to finish.
    pub minutes: u32,
    /// Images the hands-on tasks need (`docktutor prepare` makes them available).
    #[serde(default)]
    pub images: Vec<String>,
    /// Position in the course (lower first).
    pub order: u32,
}
