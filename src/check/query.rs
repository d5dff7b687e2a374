//! The daemon queries a check needs, derived from the spec alone.
//!
//! Filters are pushed to the daemon; equal queries are asked once. The same functions name
//! a query for the gatherer and for the evaluator, so the two cannot disagree.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::spec::{Check, ContainerFilters, EventsCheck, ImageFilters, OneOrMany};

/// Label that the self-test puts on everything it creates (see `docs/authoring.md`).
pub const SCOPE_LABEL: &str = "docktutor.selftest";

/// Filters as the Engine API takes them.
pub type Filters = BTreeMap<String, Vec<String>>;

/// One request to the daemon.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Query {
    /// `GET /containers/json?all=1&filters=…`
    Containers(Filters),
    /// `GET /images/json?filters=…`
    Images(Filters),
    /// `GET /events?since=<task start>&until=<now>&filters=…`
    Events(Filters),
}

impl Query {
    /// A stable text key: the snapshot is indexed by it.
    pub fn key(&self) -> String {
        let (_, filters) = self.parts();
        let mut key = String::new();
        for (name, values) in filters {
            for v in values {
                if !key.is_empty() {
                    key.push('&');
                }
                let _ = write!(key, "{name}={v}");
            }
        }
        key
    }

    /// The resource kind and the filters.
    pub fn parts(&self) -> (&'static str, &Filters) {
        match self {
            Query::Containers(f) => ("containers", f),
            Query::Images(f) => ("images", f),
            Query::Events(f) => ("events", f),
        }
    }
}

/// Settings that shape every query of one evaluation.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// When set (self-test), set queries only see objects carrying `docktutor.selftest=<run>`.
    pub selftest_run: Option<String>,
}

impl Scope {
    fn restrict(&self, filters: &mut Filters) {
        if let Some(run) = &self.selftest_run {
            filters.entry("label".into()).or_default().push(format!("{SCOPE_LABEL}={run}"));
        }
    }

    pub fn container_set(&self, f: &ContainerFilters) -> Query {
        let mut filters = Filters::new();
        let fields: [(&str, &Option<OneOrMany>); 9] = [
            ("status", &f.status),
            ("ancestor", &f.ancestor),
            ("name", &f.name),
            ("label", &f.label),
            ("exited", &f.exited),
            ("health", &f.health),
            ("network", &f.network),
            ("volume", &f.volume),
            ("publish", &f.publish),
        ];
        for (name, value) in fields {
            if let Some(OneOrMany(v)) = value {
                filters.insert(name.into(), v.clone());
            }
        }
        self.restrict(&mut filters);
        Query::Containers(filters)
    }

    pub fn image_set(&self, f: &ImageFilters) -> Query {
        let mut filters = Filters::new();
        if let Some(OneOrMany(v)) = &f.reference {
            filters.insert("reference".into(), v.clone());
        }
        if let Some(d) = f.dangling {
            filters.insert("dangling".into(), vec![d.to_string()]);
        }
        if let Some(OneOrMany(v)) = &f.label {
            filters.insert("label".into(), v.clone());
        }
        self.restrict(&mut filters);
        Query::Images(filters)
    }

    /// A single container by exact name: not scoped, names are exact already.
    pub fn container_named(&self, name: &str) -> Query {
        let anchored = format!("^/{}$", regex::escape(name));
        Query::Containers(Filters::from([("name".into(), vec![anchored])]))
    }

    /// A single image by reference: not scoped (the lessons' base images are not ours).
    pub fn image_named(&self, name: &str) -> Query {
        Query::Images(Filters::from([("reference".into(), vec![name.to_owned()])]))
    }

    pub fn events(&self, e: &EventsCheck) -> Query {
        let mut filters = Filters::from([
            ("type".into(), vec![e.kind.clone()]),
            ("event".into(), e.action.0.clone()),
        ]);
        if let Some(c) = &e.container {
            filters.insert("container".into(), vec![c.clone()]);
        }
        if let Some(i) = &e.image {
            filters.insert("image".into(), vec![i.clone()]);
        }
        self.restrict(&mut filters);
        Query::Events(filters)
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
        match check {
            Check::All(list) | Check::Any(list) => list.iter().for_each(|c| self.collect(c, out)),
            Check::Not(inner) => self.collect(inner, out),
            Check::Containers(s) => out.push(self.container_set(&s.filters)),
            Check::Images(s) => out.push(self.image_set(&s.filters)),
            Check::Container(c) => out.push(self.container_named(&c.name)),
            Check::Image(i) => out.push(self.image_named(&i.name)),
            Check::Events(e) => out.push(self.events(e)),
        }
    }
}
