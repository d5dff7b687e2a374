//! The only module that talks to the Docker daemon (through bollard).
//!
//! Connects the way the `docker` CLI does (`DOCKER_HOST`, else the default socket),
//! negotiates the API version (Docker 20.10 speaks 1.41; never pinned), answers a check's
//! [`Query`]s into a [`Snapshot`] and records task baselines. Only GET requests are made.

mod connect;
mod gather;
mod http;
mod inspect;

pub use connect::{Daemon, DaemonError};
pub use gather::now_nanos;

/// A query as the HTTP request it becomes, for `--explain`.
pub fn describe_query(q: &crate::check::Query) -> String {
    use crate::check::{Query, filters_key};
    match q {
        Query::Containers(f) => format!("GET /containers/json?all=1 filters: {}", filters_key(f)),
        Query::Images(f) => format!("GET /images/json filters: {}", filters_key(f)),
        Query::Volumes(f) => format!("GET /volumes filters: {}", filters_key(f)),
        Query::Networks(f) => format!("GET /networks filters: {}", filters_key(f)),
        Query::Events(f) => {
            format!("GET /events since task start until now, filters: {}", filters_key(f))
        }
        Query::Container(n) => format!("GET /containers/{n}/json"),
        Query::Image(n) => format!("GET /images/{n}/json"),
        Query::Volume(n) => format!("GET /volumes/{n}"),
        Query::Network(n) => format!("GET /networks/{n}"),
        Query::Logs(n) => format!("GET /containers/{n}/logs?stdout=1&stderr=1"),
        Query::Changes(n) => format!("GET /containers/{n}/changes"),
        Query::File(c, p) => format!("GET /containers/{c}/archive?path={p}"),
        Query::Http(url) => format!("GET {url}"),
    }
}
