//! Errors in a lesson file, each with the position a reader can jump to.

use std::fmt;
use std::path::PathBuf;

/// 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `text` (columns count characters).
    pub fn of_offset(text: &str, offset: usize) -> Position {
        let mut end = offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &text[..end];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Position { line, column }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A lesson that cannot be used, and how to fix it.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}:{position}: {message}", path.display())]
pub struct LessonError {
    pub path: PathBuf,
    pub position: Position,
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}
