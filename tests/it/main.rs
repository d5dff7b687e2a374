//! One integration-test crate (one link), a module per area.

mod check_eval;
mod check_parse;
mod cli;
mod daemon;
mod daemon_kinds;
mod differential;
mod e2e;
mod faults;
mod lesson_parse;
mod lint;
mod machine;
mod prepare;
mod progress;
mod props;
mod render;
mod schema_docs;
mod support;
