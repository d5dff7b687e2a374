//! Tools for people who write lessons: `lint`, `new` and `preview`.

pub mod lint;
mod lint_rules;
pub mod new;
pub mod preview;
mod report;

pub use lint::{Finding, Severity, lint_paths};
pub use report::{render_human, render_json};
