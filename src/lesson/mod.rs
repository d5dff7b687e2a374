//! Lessons: Markdown with YAML front matter, split into steps, with the hands-on tasks found.
//!
//! Format (see `docs/authoring.md`): front matter between `---` lines; one `# Title`; each
//! `## Heading` starts a step; the step headed "Try it yourself" holds a numbered list whose
//! items are tasks, each marked with `<!-- task: ID -->` naming its entry in `checks/<slug>.yaml`.

mod error;
mod meta;
mod parse;

pub use error::{LessonError, Position};
pub use meta::LessonMeta;
pub use parse::parse_lesson;

use std::ops::Range;

/// Heading of the step that holds the tasks.
pub const PRACTICE_HEADING: &str = "Try it yourself";

/// A parsed lesson. Text is kept as source so each piece can be rendered on its own.
#[derive(Debug, Clone)]
pub struct Lesson {
    pub meta: LessonMeta,
    /// The whole file.
    pub source: String,
    pub steps: Vec<Step>,
    pub tasks: Vec<Task>,
    /// The practice step's text before its task list (heading and lead-in).
    pub practice_lead: String,
}

/// One section, shown on its own screen.
#[derive(Debug, Clone)]
pub struct Step {
    pub title: String,
    /// Byte range of the section in `Lesson::source` (heading included).
    pub range: Range<usize>,
    /// True for the "Try it yourself" step.
    pub practice: bool,
}

/// One hands-on task of the practice step.
#[derive(Debug, Clone)]
pub struct Task {
    /// The id linking it to `checks/<slug>.yaml`.
    pub id: String,
    /// 1-based position in the list.
    pub number: usize,
    /// The item's Markdown, marker removed.
    pub text: String,
    /// Where the marker stands.
    pub position: Position,
}

impl Lesson {
    pub fn slug(&self) -> &str {
        &self.meta.slug
    }

    pub fn step_source(&self, step: &Step) -> &str {
        self.source.get(step.range.clone()).unwrap_or("")
    }

    /// Index of the practice step, if any.
    pub fn practice_step(&self) -> Option<usize> {
        self.steps.iter().position(|s| s.practice)
    }
}
