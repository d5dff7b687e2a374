//! Evaluation: a pure function of (check, snapshot, baseline, answer) to a verdict a learner
//! can read. A failing verdict names the first thing that is wrong, in the learner's terms,
//! with the offending items (`expected 0 stopped containers, found 2: web (Exited (3) …), tmp`).

use serde::Serialize;

use super::eval_content::{changes, file, http, logs, quiz};
use super::eval_sets::{container_set, image_set, network_set, volume_set};
use super::eval_single::{container, events, image, network, volume};
use super::query::Scope;
use super::snapshot::{Baseline, Snapshot};
use super::spec::Check;

/// The outcome of one check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub passed: bool,
    /// What was verified (when passed) or what is still missing (when failed).
    pub explanation: String,
    /// Members of the set the check looked at, for hints' `{names}` and `{count}`.
    #[serde(skip)]
    pub found: Vec<String>,
}

impl Verdict {
    pub fn new(passed: bool, explanation: impl Into<String>) -> Self {
        Verdict { passed, explanation: explanation.into(), found: Vec::new() }
    }
    pub(super) fn pass(explanation: impl Into<String>) -> Self {
        Verdict::new(true, explanation)
    }
    pub(super) fn fail(explanation: impl Into<String>) -> Self {
        Verdict::new(false, explanation)
    }

    /// A hint with `{count}` and `{names}` filled from what this check found.
    pub fn fill_hint(&self, hint: &str) -> String {
        let names = if self.found.is_empty() {
            "none".to_owned()
        } else {
            super::words::list_items(&self.found, 5)
        };
        hint.replace("{count}", &self.found.len().to_string()).replace("{names}", &names)
    }
}

/// Everything evaluation reads.
pub struct EvalInput<'a> {
    pub snapshot: &'a Snapshot,
    pub scope: &'a Scope,
    /// What existed when the task started; `None` means no start was recorded.
    pub baseline: Option<&'a Baseline>,
    /// The learner's answer to a quiz, if one was given.
    pub answer: Option<&'a str>,
}

/// Evaluate `check` on a snapshot. Never touches the daemon.
pub fn evaluate(check: &Check, input: &EvalInput<'_>) -> Verdict {
    match check {
        Check::All(list) => {
            let mut passed = Vec::new();
            let mut found = Vec::new();
            for c in list {
                let v = evaluate(c, input);
                if !v.passed {
                    return v;
                }
                if found.is_empty() {
                    found = v.found;
                }
                passed.push(v.explanation);
            }
            Verdict { found, ..Verdict::pass(passed.join("; ")) }
        }
        Check::Any(list) => {
            let mut failed = Vec::new();
            for c in list {
                let v = evaluate(c, input);
                if v.passed {
                    return v;
                }
                failed.push(v.explanation);
            }
            Verdict::fail(format!("none of these holds: {}", failed.join("; or ")))
        }
        Check::Not(inner) => {
            let v = evaluate(inner, input);
            Verdict {
                passed: !v.passed,
                explanation: if v.passed {
                    format!("this should not hold, but it does: {}", v.explanation)
                } else {
                    v.explanation
                },
                found: v.found,
            }
        }
        Check::Containers(s) => container_set(s, input),
        Check::Images(s) => image_set(s, input),
        Check::Volumes(s) => volume_set(s, input),
        Check::Networks(s) => network_set(s, input),
        Check::Container(c) => container(c, input),
        Check::Image(i) => image(i, input),
        Check::Volume(v) => volume(v, input),
        Check::Network(n) => network(n, input),
        Check::Events(e) => events(e, input),
        Check::File(f) => file(f, input),
        Check::Changes(c) => changes(c, input),
        Check::Logs(l) => logs(l, input),
        Check::Http(h) => http(h, input),
        Check::Quiz(q) => quiz(q, input),
    }
}
