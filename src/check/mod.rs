//! Checks: the YAML format, the queries a check needs, and pure evaluation on a snapshot.
//!
//! Nothing here talks to the daemon; `crate::docker` answers the [`Query`]s into a
//! [`Snapshot`], and [`evaluate`] turns (check, snapshot) into a [`Verdict`].

mod eval;
mod file;
mod matcher;
mod query;
mod snapshot;
mod spec;
mod words;

pub use eval::{EvalInput, Verdict, evaluate};
pub use file::{CheckFileError, parse_checks};
pub use matcher::{Matcher, Scalar};
pub use query::{Filters, Query, SCOPE_LABEL, Scope};
pub use snapshot::{Baseline, ContainerInfo, EventInfo, ImageInfo, Snapshot};
pub use spec::{
    Check, ChecksFile, ContainerCheck, ContainerFilters, ContainerSet, EventsCheck, ImageCheck,
    ImageFilters, ImageSet, OneOrMany, TaskSpec,
};
