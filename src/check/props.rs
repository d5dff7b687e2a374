//! Comparing named properties with matchers, reporting the first mismatch in words.

use std::collections::BTreeMap;

use super::matcher::{Matcher, Scalar};

/// Properties of one object, checked in order; the first mismatch is described.
#[derive(Default)]
pub struct Props {
    mismatch: Option<String>,
}

impl Props {
    pub fn new() -> Self {
        Props::default()
    }

    /// `what`: the property's name in words; `value`: what the daemon shows (None = nothing).
    pub fn check(
        &mut self,
        what: &str,
        matcher: Option<&Matcher>,
        value: Option<Scalar>,
    ) -> &mut Self {
        if self.mismatch.is_some() {
            return self;
        }
        if let Some(m) = matcher
            && !m.matches(value.as_ref())
        {
            let found = value.map_or_else(|| "none".to_owned(), |v| v.plain());
            self.mismatch = Some(format!("expected {what} {}, found {found}", m.describe()));
        }
        self
    }

    pub fn text(&mut self, what: &str, matcher: Option<&Matcher>, value: &str) -> &mut Self {
        self.check(what, matcher, Some(Scalar::Str(value.to_owned())))
    }

    pub fn int(&mut self, what: &str, matcher: Option<&Matcher>, value: i64) -> &mut Self {
        self.check(what, matcher, Some(Scalar::Int(value)))
    }

    /// Entries of a map (`env`, `labels`) by key.
    pub fn map(
        &mut self,
        what: &str,
        expected: &BTreeMap<String, Matcher>,
        actual: &BTreeMap<String, String>,
    ) -> &mut Self {
        for (key, m) in expected {
            self.check(
                &format!("{what} {key}"),
                Some(m),
                actual.get(key).map(|v| Scalar::Str(v.clone())),
            );
        }
        self
    }

    /// A condition in words that failed.
    pub fn require(&mut self, ok: bool, why: impl FnOnce() -> String) -> &mut Self {
        if self.mismatch.is_none() && !ok {
            self.mismatch = Some(why());
        }
        self
    }

    pub fn mismatch(&self) -> Option<&str> {
        self.mismatch.as_deref()
    }
}
