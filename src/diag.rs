//! A problem in a lesson or check file, told like a compiler would: file, line, column, hint.

use std::fmt;
use std::path::PathBuf;

use crate::check::CheckFileError;
use crate::lesson::LessonError;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub path: PathBuf,
    /// 1-based; 0 when unknown.
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {h}")?;
        }
        Ok(())
    }
}

impl From<LessonError> for Diagnostic {
    fn from(e: LessonError) -> Self {
        Diagnostic {
            path: e.path,
            line: e.position.line,
            column: e.position.column,
            message: e.message,
            hint: e.hint,
        }
    }
}

impl From<CheckFileError> for Diagnostic {
    fn from(e: CheckFileError) -> Self {
        Diagnostic {
            path: e.path,
            line: usize::try_from(e.line).unwrap_or(0),
            column: usize::try_from(e.column).unwrap_or(0),
            message: e.message,
            hint: Some("the check format is described in docs/authoring.md".into()),
        }
    }
}

/// Several diagnostics, printed one after another.
#[derive(Debug, thiserror::Error)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let texts: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        write!(f, "{}", texts.join("\n"))
    }
}
