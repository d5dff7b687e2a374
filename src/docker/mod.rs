//! The only module that talks to the Docker daemon (through bollard).
//!
//! Connects the way the `docker` CLI does (`DOCKER_HOST`, else the default socket),
//! negotiates the API version (Docker 20.10 speaks 1.41; never pinned), answers a check's
//! [`Query`]s into a [`Snapshot`] and records task baselines. Only GET requests are made.

mod connect;
mod gather;

pub use connect::{Daemon, DaemonError};
pub use gather::now_nanos;
