//! Words for explanations: what a set is called and how its items are listed.

use super::snapshot::{ContainerInfo, ImageInfo};
use super::spec::{ContainerSet, EventsCheck, ImageSet, OneOrMany};

fn joined(v: &Option<OneOrMany>, sep: &str) -> Option<String> {
    v.as_ref().map(|OneOrMany(list)| list.join(sep))
}

/// "new exited containers from busybox", "stopped containers" …
pub fn container_set_noun(set: &ContainerSet) -> String {
    let f = &set.filters;
    let mut noun = String::new();
    if set.new {
        noun.push_str("new ");
    }
    if let Some(OneOrMany(states)) = &f.status {
        let mut sorted = states.clone();
        sorted.sort();
        let stopped = ["created", "dead", "exited"];
        if sorted == stopped || sorted == ["created", "exited"] {
            noun.push_str("stopped ");
        } else {
            noun.push_str(&states.join(" or "));
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
    noun
}

/// "dangling images", "images matching myapp" …
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

/// "container start event{s} for napper"
pub fn events_noun(e: &EventsCheck) -> String {
    let mut noun = format!("{} {} event{{s}}", e.kind, e.action.0.join("/"));
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
    format!("{} ({})", c.name, status_of(c))
}

pub fn status_of(c: &ContainerInfo) -> String {
    if c.status.is_empty() { c.state.clone() } else { c.status.clone() }
}

/// `busybox:latest` or the short id of a dangling image.
pub fn image_item(i: &ImageInfo) -> String {
    if i.tags.is_empty() { format!("<none> {}", short_id(&i.id)) } else { i.tags.join(", ") }
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
