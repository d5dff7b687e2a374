//! Checks: the YAML format, the queries a check needs, and pure evaluation on a snapshot.
//!
//! Nothing here talks to the daemon; `crate::docker` answers the [`Query`]s into a
//! [`Snapshot`], and [`evaluate`] turns (check, snapshot) into a [`Verdict`].

mod eval;
mod eval_content;
mod eval_sets;
mod eval_single;
mod file;
mod matcher;
mod props;
mod query;
mod schema;
mod snapshot;
mod snapshot_details;
mod spec;
mod spec_content;
mod spec_sets;
mod spec_single;
mod validate;
mod words;

pub use eval::{EvalInput, Verdict, evaluate};
pub use file::{CheckFileError, key_line, parse_checks, parse_checks_all, parse_task};
pub use matcher::{Matcher, OPERATORS, Pattern, Scalar};
pub use query::{Filters, Query, SCOPE_LABEL, Scope, file_key, filters_key};
pub use schema::schema_json;
pub use snapshot::*;
pub use spec::*;
pub use words::near_misses;
