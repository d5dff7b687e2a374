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
    let (file, mut problems) = parse_checks_all(path, text)?;
    match problems.drain(..).next() {
        Some(first) => Err(first),
        None => Ok(file),
    }
}

/// Parse, and report every rule the parsed file breaks (lint wants them all).
pub fn parse_checks_all(
    path: &Path,
    text: &str,
) -> Result<(ChecksFile, Vec<CheckFileError>), CheckFileError> {
    let file = serde_saphyr::from_str::<ChecksFile>(text).map_err(|e| to_error(path, &e))?;
    let problems = super::validate::problems(&file)
        .into_iter()
        .map(|(id, message)| {
            let line = key_line(text, &id);
            let column = if line > 0 { 3 } else { 0 };
            CheckFileError {
                path: path.to_owned(),
                line,
                column,
                message: format!("task `{id}`: {message}"),
            }
        })
        .collect();
    Ok((file, problems))
}

/// serde-saphyr's message, with its resource-limit errors said in an author's terms.
fn explain(e: &serde_saphyr::Error) -> String {
    let text = e.to_string();
    if text.contains("budget breached: Nodes") || text.contains("budget breached: Alias") {
        format!(
            "the YAML expands to too many nodes (anchors and aliases multiplying?); refused to expand it: {text}"
        )
    } else if text.contains("budget breached: Depth") {
        format!("the YAML is nested too deeply; refused to read further: {text}")
    } else {
        text
    }
}

fn to_error(path: &Path, e: &serde_saphyr::Error) -> CheckFileError {
    let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
    CheckFileError { path: path.to_owned(), line, column, message: explain(e) }
}

/// The 1-based line where `key:` is defined, 0 if not found.
pub fn key_line(text: &str, key: &str) -> u64 {
    let needle = format!("{key}:");
    text.lines()
        .position(|l| l.trim_start().starts_with(&needle))
        .map_or(0, |i| u64::try_from(i).unwrap_or(0) + 1)
}

/// Parse a standalone check file: one task entry (`check:`, and optionally `wait:`, hints …).
pub fn parse_task(path: &Path, text: &str) -> Result<super::spec::TaskSpec, CheckFileError> {
    let task =
        serde_saphyr::from_str::<super::spec::TaskSpec>(text).map_err(|e| to_error(path, &e))?;
    let mut problems = Vec::new();
    super::validate::task_problems(&task, &mut problems);
    match problems.into_iter().next() {
        Some(message) => Err(CheckFileError {
            path: path.to_owned(),
            line: key_line(text, "check"),
            column: 1,
            message,
        }),
        None => Ok(task),
    }
}
