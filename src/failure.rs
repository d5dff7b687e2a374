//! Errors that end a command: printed once, with a hint, exit status 2.

use std::fmt;

use crate::diag::Diagnostics;
use crate::docker::DaemonError;

#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// Lesson or check files are broken.
    #[error("{0}")]
    Files(#[from] Diagnostics),
    /// The daemon cannot be used.
    #[error("{0}")]
    Daemon(#[from] DaemonError),
    /// Anything else, said plainly.
    #[error("{message}")]
    Message { message: String, hint: Option<String> },
}

impl Failure {
    pub fn msg(message: impl Into<String>, hint: impl Into<Option<String>>) -> Self {
        Failure::Message { message: message.into(), hint: hint.into() }
    }

    pub fn hint(&self) -> Option<&str> {
        match self {
            Failure::Files(_) => None,
            Failure::Daemon(d) => Some(&d.hint),
            Failure::Message { hint, .. } => hint.as_deref(),
        }
    }

    /// The full text for stderr.
    pub fn report(&self) -> Report<'_> {
        Report(self)
    }
}

pub struct Report<'a>(&'a Failure);

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Failure::Files(d) => write!(f, "error: the lessons cannot be used:\n{d}")?,
            other => write!(f, "error: {other}")?,
        }
        if let Some(h) = self.0.hint() {
            write!(f, "\nhint: {h}")?;
        }
        Ok(())
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::msg(e.to_string(), None)
    }
}
