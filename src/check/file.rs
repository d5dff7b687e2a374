//! Reading a check file: YAML through serde-saphyr (panic-free, alias bombs bounded), errors
//! with the file, line and column.

use std::path::{Path, PathBuf};

use super::spec::ChecksFile;

/// A check file that could not be read as the format requires.
#[derive(Debug, thiserror::Error)]
#[error("{}:{line}:{column}: {message}", path.display())]
pub struct CheckFileError {
    pub path: PathBuf,
    /// 1-based; 0 when the parser could not tell.
    pub line: u64,
    pub column: u64,
    /// The parser's message, with its source snippet.
    pub message: String,
}

/// Parse the text of a check file; `path` is only used in errors.
pub fn parse_checks(path: &Path, text: &str) -> Result<ChecksFile, CheckFileError> {
    serde_saphyr::from_str::<ChecksFile>(text).map_err(|e| {
        let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
        CheckFileError { path: path.to_owned(), line, column, message: e.to_string() }
    })
}
