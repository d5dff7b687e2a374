//! The daemon queries a check needs, derived from the spec alone.
//!
//! Filters are pushed to the daemon; equal queries are asked once. The same functions name
//! a query for the gatherer and for the evaluator, so the two cannot disagree.

use std::collections::BTreeMap;

use super::spec::{
    Check, ContainerFilters, EventsCheck, ImageFilters, NetworkFilters, OneOrMany, QuizAnswer,
    VolumeFilters,
};

/// Label that the self-test puts on everything it creates (see `docs/authoring.md`).
pub const SCOPE_LABEL: &str = "docktutor.selftest";

/// Filters as the Engine API takes them.
pub type Filters = BTreeMap<String, Vec<String>>;

/// One request to the daemon (or, for `Http`, to a URL). All are reads.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Query {
    /// `GET /containers/json?all=1&filters=…`
    Containers(Filters),
    /// `GET /images/json?filters=…`
    Images(Filters),
    /// `GET /volumes?filters=…`
    Volumes(Filters),
    /// `GET /networks?filters=…`
    Networks(Filters),
    /// `GET /events?since=<task start>&until=<now>&filters=…`
    Events(Filters),
    /// `GET /containers/{name}/json`
    Container(String),
    /// `GET /images/{name}/json`
    Image(String),
    /// `GET /volumes/{name}`
    Volume(String),
    /// `GET /networks/{name}`
    Network(String),
    /// `GET /containers/{name}/logs?stdout=1&stderr=1`
    Logs(String),
    /// `GET /containers/{name}/changes`
    Changes(String),
    /// `GET /containers/{name}/archive?path=…`
    File(String, String),
    /// `GET url`
    Http(String),
}

/// A stable text key for a set of filters: `ancestor=busybox&status=exited`.
pub fn filters_key(filters: &Filters) -> String {
    let mut parts = Vec::new();
    for (name, values) in filters {
        for v in values {
            parts.push(format!("{name}={v}"));
        }
    }
    parts.join("&")
}

/// The key of a file query in the snapshot.
pub fn file_key(container: &str, path: &str) -> String {
    format!("{container}:{path}")
}

/// Settings that shape every query of one evaluation.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// When set (self-test), set queries only see objects carrying `docktutor.selftest=<run>`.
    pub selftest_run: Option<String>,
}

fn put(filters: &mut Filters, name: &str, value: &Option<OneOrMany>) {
    if let Some(v) = value {
        filters.insert(name.into(), v.values());
    }
}

fn put_bool(filters: &mut Filters, name: &str, value: Option<bool>) {
    if let Some(b) = value {
        filters.insert(name.into(), vec![b.to_string()]);
    }
}

impl Scope {
    fn restrict(&self, mut filters: Filters) -> Filters {
        if let Some(run) = &self.selftest_run {
            filters.entry("label".into()).or_default().push(format!("{SCOPE_LABEL}={run}"));
        }
        filters
    }

    pub fn container_set(&self, f: &ContainerFilters) -> Filters {
        let mut filters = Filters::new();
        put(&mut filters, "status", &f.status);
        put(&mut filters, "ancestor", &f.ancestor);
        put(&mut filters, "name", &f.name);
        put(&mut filters, "label", &f.label);
        put(&mut filters, "exited", &f.exited);
        put(&mut filters, "health", &f.health);
        put(&mut filters, "network", &f.network);
        put(&mut filters, "volume", &f.volume);
        put(&mut filters, "publish", &f.publish);
        self.restrict(filters)
    }

    pub fn image_set(&self, f: &ImageFilters) -> Filters {
        let mut filters = Filters::new();
        put(&mut filters, "reference", &f.reference);
        put_bool(&mut filters, "dangling", f.dangling);
        put(&mut filters, "label", &f.label);
        self.restrict(filters)
    }

    pub fn volume_set(&self, f: &VolumeFilters) -> Filters {
        let mut filters = Filters::new();
        put(&mut filters, "name", &f.name);
        put(&mut filters, "label", &f.label);
        put_bool(&mut filters, "dangling", f.dangling);
        self.restrict(filters)
    }

    pub fn network_set(&self, f: &NetworkFilters) -> Filters {
        let mut filters = Filters::new();
        put(&mut filters, "name", &f.name);
        put(&mut filters, "driver", &f.driver);
        put(&mut filters, "label", &f.label);
        self.restrict(filters)
    }

    pub fn events(&self, e: &EventsCheck) -> Filters {
        let mut filters = Filters::from([
            ("type".into(), vec![e.kind.clone()]),
            ("event".into(), e.action.values()),
        ]);
        if let Some(c) = &e.container {
            filters.insert("container".into(), vec![c.clone()]);
        }
        if let Some(i) = &e.image {
            filters.insert("image".into(), vec![i.clone()]);
        }
        self.restrict(filters)
    }

    /// Every query `check` needs, each once, in a stable order.
    pub fn queries(&self, check: &Check) -> Vec<Query> {
        let mut out = Vec::new();
        self.collect(check, &mut out);
        out.sort();
        out.dedup();
        out
    }

    fn collect(&self, check: &Check, out: &mut Vec<Query>) {
        let q = match check {
            Check::All(list) | Check::Any(list) => {
                return list.iter().for_each(|c| self.collect(c, out));
            }
            Check::Not(inner) => return self.collect(inner, out),
            // What is gone is compared with the (unscoped) baseline, so list everything.
            Check::Containers(s) if s.removed => Query::Containers(Filters::new()),
            Check::Images(s) if s.removed => Query::Images(Filters::new()),
            Check::Containers(s) => Query::Containers(self.container_set(&s.filters)),
            Check::Images(s) => Query::Images(self.image_set(&s.filters)),
            Check::Volumes(s) => Query::Volumes(self.volume_set(&s.filters)),
            Check::Networks(s) => Query::Networks(self.network_set(&s.filters)),
            Check::Container(c) => Query::Container(c.name.clone()),
            Check::Image(i) => Query::Image(i.name.clone()),
            Check::Volume(v) => Query::Volume(v.name.clone()),
            Check::Network(n) => Query::Network(n.name.clone()),
            Check::Events(e) => Query::Events(self.events(e)),
            Check::File(f) => Query::File(f.container.clone(), f.path.clone()),
            Check::Changes(c) => Query::Changes(c.container.clone()),
            Check::Logs(l) => Query::Logs(l.container.clone()),
            Check::Http(h) => Query::Http(h.url.clone()),
            Check::Quiz(q) => match &q.answer {
                QuizAnswer::Is(_) | QuizAnswer::OneOf(_) => return,
                QuizAnswer::CountOfContainers(s) => {
                    Query::Containers(self.container_set(&s.filters))
                }
                QuizAnswer::CountOfImages(s) => Query::Images(self.image_set(&s.filters)),
                QuizAnswer::CountOfVolumes(s) => Query::Volumes(self.volume_set(&s.filters)),
                QuizAnswer::CountOfNetworks(s) => Query::Networks(self.network_set(&s.filters)),
            },
        };
        out.push(q);
    }
}
