//! Words for explanations: what a set is called and how its members are listed.

use super::query::SCOPE_LABEL;
use super::snapshot::{ContainerDetails, ContainerInfo, ImageDetails, ImageInfo, Mount, Port};
use super::spec::{ContainerSet, EventsCheck, ImageSet, OneOrMany};

fn joined(v: &Option<OneOrMany>, sep: &str) -> Option<String> {
    v.as_ref().map(|o| o.values().join(sep))
}

/// "new exited container{s} from busybox", "stopped container{s}" …
pub fn container_set_noun(set: &ContainerSet) -> String {
    let f = &set.filters;
    let mut noun = String::new();
    if set.new {
        noun.push_str("new ");
    }
    if let Some(states) = &f.status {
        let mut sorted = states.values();
        sorted.sort();
        if sorted == ["created", "dead", "exited"] || sorted == ["created", "exited"] {
            noun.push_str("stopped ");
        } else {
            noun.push_str(&sorted.join(" or "));
            noun.push(' ');
        }
    }
    noun.push_str("container{s}");
    let extras = [
        (" from ", joined(&f.ancestor, " or ")),
        (" named like ", joined(&f.name, " or ")),
        (" labelled ", joined(&f.label, " and ")),
        (" that exited with ", joined(&f.exited, " or ")),
        (" with health ", joined(&f.health, " or ")),
        (" on network ", joined(&f.network, " or ")),
        (" using volume ", joined(&f.volume, " or ")),
        (" publishing ", joined(&f.publish, " or ")),
    ];
    for (prefix, value) in extras {
        if let Some(v) = value {
            noun.push_str(prefix);
            noun.push_str(&v);
        }
    }
    if set.where_.is_some() {
        noun.push_str(" (as described)");
    }
    noun
}

/// "dangling image{s}", "image{s} matching myapp" …
pub fn image_set_noun(set: &ImageSet) -> String {
    let f = &set.filters;
    let mut noun = String::new();
    if set.new {
        noun.push_str("new ");
    }
    match f.dangling {
        Some(true) => noun.push_str("dangling "),
        Some(false) => noun.push_str("tagged "),
        None => {}
    }
    noun.push_str("image{s}");
    if let Some(r) = joined(&f.reference, " or ") {
        noun.push_str(" matching ");
        noun.push_str(&r);
    }
    if let Some(l) = joined(&f.label, " and ") {
        noun.push_str(" labelled ");
        noun.push_str(&l);
    }
    noun
}

/// "volume{s} with name=data" from a filter key, without the self-test's scope label.
pub fn filtered_noun(noun: &str, key: &str) -> String {
    let parts: Vec<&str> = key
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with(&format!("label={SCOPE_LABEL}=")))
        .collect();
    if parts.is_empty() { noun.to_owned() } else { format!("{noun} with {}", parts.join(", ")) }
}

/// "container start event{s} for container napper since the task started"
pub fn events_noun(e: &EventsCheck) -> String {
    let mut noun = format!("{} {} event{{s}}", e.kind, e.action.values().join("/"));
    if let Some(c) = &e.container {
        noun.push_str(&format!(" for container {c}"));
    }
    if let Some(i) = &e.image {
        noun.push_str(&format!(" for image {i}"));
    }
    noun.push_str(" since the task started");
    noun
}

/// `web (Exited (3) 2 minutes ago)`
pub fn container_item(c: &ContainerInfo) -> String {
    let status = if c.status.is_empty() { &c.state } else { &c.status };
    format!("{} ({status})", c.name)
}

/// `running`, `exited (code 3)`, `running (healthy)`
pub fn container_details(c: &ContainerDetails) -> String {
    let mut s = c.state.clone();
    if c.state == "exited" {
        s.push_str(&format!(" (code {})", c.exit_code));
    }
    if !c.health.is_empty() && c.health != "none" {
        s.push_str(&format!(" ({})", c.health));
    }
    s
}

pub fn image_details(i: &ImageDetails) -> String {
    format!("present ({})", short_id(&i.id))
}

/// `busybox:latest` or the short id of a dangling image.
pub fn image_item(i: &ImageInfo) -> String {
    match i.tags.as_slice() {
        [] => format!("<none> {}", short_id(&i.id)),
        [one] => one.clone(),
        [first, rest @ ..] => format!("{first} (also {})", rest.join(" ")),
    }
}

/// The 12 hex digits `docker ps` shows.
pub fn short_id(id: &str) -> String {
    let hex = id.strip_prefix("sha256:").unwrap_or(id);
    hex.chars().take(12).collect()
}

/// At most `max` items, then "and N more".
pub fn list_items(items: &[String], max: usize) -> String {
    let mut shown: Vec<String> = items.iter().take(max).cloned().collect();
    if items.len() > max {
        shown.push(format!("and {} more", items.len() - max));
    }
    shown.join(", ")
}

/// Fill the `{s}` of a noun: "container{s}" → "container" or "containers".
pub fn plural(noun: &str, one: bool) -> String {
    noun.replace("{s}", if one { "" } else { "s" })
}

/// CPUs as `docker run --cpus` takes them: `0.5`, `2`, `0`.
pub fn cpus(nano: i64) -> String {
    let whole = nano / 1_000_000_000;
    let frac = nano % 1_000_000_000;
    if frac == 0 {
        return whole.to_string();
    }
    let digits = format!("{frac:09}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

pub fn ports(ports: &[Port]) -> String {
    if ports.is_empty() {
        return "none".into();
    }
    let items: Vec<String> = ports
        .iter()
        .map(|p| match p.host {
            Some(h) => format!("{h}->{}/{}", p.container, p.protocol),
            None => format!("{}/{}", p.container, p.protocol),
        })
        .collect();
    items.join(", ")
}

pub fn mounts(mounts: &[Mount]) -> String {
    if mounts.is_empty() {
        return "none".into();
    }
    let items: Vec<String> = mounts
        .iter()
        .map(|m| {
            format!(
                "{} {}:{}{}",
                m.kind,
                m.source,
                m.destination,
                if m.read_only { " (read-only)" } else { "" }
            )
        })
        .collect();
    items.join(", ")
}

/// The first `max` characters of a text, on one line.
pub fn excerpt(text: &str, max: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut s: String = one_line.chars().take(max).collect();
    if one_line.chars().count() > max {
        s.push('…');
    }
    s
}

/// Names close to `wanted` ("my_web" for "my-web"), best first, at most three, quoted.
pub fn near_misses(wanted: &str, candidates: &[String]) -> Vec<String> {
    let norm = |s: &str| s.to_lowercase().replace(['-', '_', '.'], "");
    let mut scored: Vec<(f64, &String)> = candidates
        .iter()
        .filter(|c| c.as_str() != wanted)
        .map(|c| {
            let same = norm(c) == norm(wanted);
            (if same { 2.0 } else { strsim::jaro_winkler(c, wanted) }, c)
        })
        .filter(|(s, _)| *s >= 0.85)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(3).map(|(_, c)| format!("\"{c}\"")).collect()
}
