//! Evaluation: a pure function of (check, snapshot, baseline) to a verdict a learner can read.
//!
//! A failing verdict says the first thing that is wrong, in the learner's terms, with the
//! offending items (`expected 0 stopped containers, found 2: web (Exited (3) 2 minutes ago), tmp`).

use serde::Serialize;

use super::matcher::{Matcher, Scalar};
use super::query::{Query, Scope};
use super::snapshot::{Baseline, ContainerInfo, ImageInfo, Snapshot};
use super::spec::{Check, ContainerCheck, ContainerSet, EventsCheck, ImageCheck, ImageSet};
use super::words;

/// The outcome of one check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub passed: bool,
    /// What was verified (when passed) or what is still missing (when failed).
    pub explanation: String,
}

impl Verdict {
    fn pass(explanation: impl Into<String>) -> Self {
        Verdict { passed: true, explanation: explanation.into() }
    }
    fn fail(explanation: impl Into<String>) -> Self {
        Verdict { passed: false, explanation: explanation.into() }
    }
}

/// Everything evaluation reads.
pub struct EvalInput<'a> {
    pub snapshot: &'a Snapshot,
    pub scope: &'a Scope,
    /// What existed when the task started; `None` means no start was recorded.
    pub baseline: Option<&'a Baseline>,
}

/// Evaluate `check` on a snapshot. Never touches the daemon.
pub fn evaluate(check: &Check, input: &EvalInput<'_>) -> Verdict {
    match check {
        Check::All(list) => {
            let mut passed = Vec::new();
            for c in list {
                let v = evaluate(c, input);
                if !v.passed {
                    return v;
                }
                passed.push(v.explanation);
            }
            Verdict::pass(passed.join("; "))
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
            if v.passed {
                Verdict::fail(format!("this should not hold, but it does: {}", v.explanation))
            } else {
                Verdict::pass(v.explanation)
            }
        }
        Check::Containers(set) => container_set(set, input),
        Check::Images(set) => image_set(set, input),
        Check::Container(c) => container(c, input),
        Check::Image(i) => image(i, input),
        Check::Events(e) => events(e, input),
    }
}

fn is_new(
    id: &str,
    baseline: Option<&Baseline>,
    pick: fn(&Baseline) -> &std::collections::BTreeSet<String>,
) -> bool {
    baseline.is_none_or(|b| !pick(b).contains(id))
}

fn answered<'a, T>(map: &'a std::collections::BTreeMap<String, Vec<T>>, q: &Query) -> &'a [T] {
    map.get(&q.key()).map(Vec::as_slice).unwrap_or(&[])
}

fn container_set(set: &ContainerSet, input: &EvalInput<'_>) -> Verdict {
    let q = input.scope.container_set(&set.filters);
    let found: Vec<&ContainerInfo> = answered(&input.snapshot.containers, &q)
        .iter()
        .filter(|c| !set.new || is_new(&c.id, input.baseline, |b| &b.containers))
        .collect();
    let noun = words::container_set_noun(set);
    let items: Vec<String> = found.iter().map(|c| words::container_item(c)).collect();
    count_verdict(&set.count, &noun, &items)
}

fn image_set(set: &ImageSet, input: &EvalInput<'_>) -> Verdict {
    let q = input.scope.image_set(&set.filters);
    let found: Vec<&ImageInfo> = answered(&input.snapshot.images, &q)
        .iter()
        .filter(|i| !set.new || is_new(&i.id, input.baseline, |b| &b.images))
        .collect();
    let noun = words::image_set_noun(set);
    let items: Vec<String> = found.iter().map(|i| words::image_item(i)).collect();
    count_verdict(&set.count, &noun, &items)
}

fn count_verdict(count: &Matcher, noun: &str, items: &[String]) -> Verdict {
    let n = items.len();
    let tail = if n == 0 { String::new() } else { format!(": {}", words::list_items(items, 5)) };
    if count.matches_int(n) {
        Verdict::pass(format!("found {n} {}{tail}", words::plural(noun, n == 1)))
    } else {
        let expected = count.describe();
        let one = expected == "1" || expected.ends_with(" 1");
        Verdict::fail(format!("expected {expected} {}, found {n}{tail}", words::plural(noun, one)))
    }
}

fn container(c: &ContainerCheck, input: &EvalInput<'_>) -> Verdict {
    let q = input.scope.container_named(&c.name);
    let found = answered(&input.snapshot.containers, &q)
        .iter()
        .find(|x| x.name == c.name)
        .filter(|x| !c.new || is_new(&x.id, input.baseline, |b| &b.containers));
    let Some(x) = found else {
        let new = if c.new { "new " } else { "" };
        return if c.exists {
            Verdict::fail(format!("no {new}container named \"{}\"", c.name))
        } else {
            Verdict::pass(format!("there is no container named \"{}\"", c.name))
        };
    };
    if !c.exists {
        return Verdict::fail(format!(
            "container \"{}\" still exists ({})",
            c.name,
            words::status_of(x)
        ));
    }
    let props: [(&str, &Option<Matcher>, Option<Scalar>); 3] = [
        ("state", &c.state, Some(Scalar::Str(x.state.clone()))),
        ("image", &c.image, Some(Scalar::Str(x.image.clone()))),
        ("exit code", &c.exit_code, x.exit_code.map(Scalar::Int)),
    ];
    for (what, matcher, value) in props {
        if let Some(m) = matcher
            && !m.matches(value.as_ref())
        {
            let shown = value.map_or_else(|| "none".to_owned(), |v| v.to_string());
            return Verdict::fail(format!(
                "container \"{}\": expected {what} {}, found {}",
                c.name,
                m.describe(),
                shown.trim_matches('"')
            ));
        }
    }
    Verdict::pass(format!("container \"{}\" is {}", c.name, words::status_of(x)))
}

fn image(i: &ImageCheck, input: &EvalInput<'_>) -> Verdict {
    let q = input.scope.image_named(&i.name);
    let found = answered(&input.snapshot.images, &q).first();
    match (found, i.exists) {
        (Some(img), true) => {
            Verdict::pass(format!("image {} is present ({})", i.name, words::short_id(&img.id)))
        }
        (None, true) => Verdict::fail(format!("no image {}", i.name)),
        (Some(img), false) => Verdict::fail(format!(
            "image {} is still present ({})",
            i.name,
            words::short_id(&img.id)
        )),
        (None, false) => Verdict::pass(format!("image {} is gone", i.name)),
    }
}

fn events(e: &EventsCheck, input: &EvalInput<'_>) -> Verdict {
    let q = input.scope.events(e);
    // Events count only from a recorded task start; the gatherer asks from that moment on,
    // and the time filter keeps a hand-made snapshot honest too.
    let found: Vec<_> = match input.baseline {
        Some(b) => answered(&input.snapshot.events, &q)
            .iter()
            .filter(|ev| ev.time_nano == 0 || ev.time_nano >= b.daemon_time_nano)
            .collect(),
        None => Vec::new(),
    };
    let noun = words::events_noun(e);
    let items: Vec<String> = found
        .iter()
        .map(|ev| if ev.name.is_empty() { words::short_id(&ev.actor) } else { ev.name.clone() })
        .collect();
    count_verdict(&e.count, &noun, &items)
}
