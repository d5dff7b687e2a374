//! The daemon's pull stream as per-layer progress: a pure model fed one message at a time,
//! so the bars can be tested on a recorded stream.

use std::collections::BTreeMap;

use serde::Deserialize;

/// One message of `POST /images/create` (the fields docktutor uses).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PullMessage {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default, rename = "progressDetail")]
    pub progress_detail: Option<Detail>,
    #[serde(default)]
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, Deserialize)]
pub struct Detail {
    #[serde(default)]
    pub current: Option<i64>,
    #[serde(default)]
    pub total: Option<i64>,
}

/// One layer's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layer {
    pub status: String,
    pub current: u64,
    pub total: u64,
}

/// Everything known about one pull.
#[derive(Debug, Clone, Default)]
pub struct Pull {
    /// Layers in the order they were announced.
    pub order: Vec<String>,
    pub layers: BTreeMap<String, Layer>,
    /// Messages without a layer id ("Digest: …", "Status: Downloaded newer image …").
    pub notes: Vec<String>,
    pub error: Option<String>,
}

impl Pull {
    /// Apply one message; returns the id of the layer that changed, if any.
    pub fn apply(&mut self, m: &PullMessage) -> Option<String> {
        if let Some(e) = &m.error {
            self.error = Some(e.clone());
            return None;
        }
        let status = m.status.clone().unwrap_or_default();
        let id = match &m.id {
            // The first message names the tag ("Pulling from library/busybox", id "latest").
            Some(id) if !status.starts_with("Pulling from") => id.clone(),
            _ => {
                if !status.is_empty() {
                    self.notes.push(status);
                }
                return None;
            }
        };
        if !self.layers.contains_key(&id) {
            self.order.push(id.clone());
        }
        let layer = self.layers.entry(id.clone()).or_default();
        layer.status = status;
        if let Some(d) = m.progress_detail {
            layer.current = d.current.and_then(|c| u64::try_from(c).ok()).unwrap_or(layer.current);
            layer.total = d.total.and_then(|t| u64::try_from(t).ok()).unwrap_or(layer.total);
        }
        if matches!(layer.status.as_str(), "Pull complete" | "Already exists" | "Download complete")
        {
            layer.current = layer.total;
        }
        Some(id)
    }

    /// One line per layer, for logs and plain terminals: `a1b2c3d4e5f6 Downloading 50% (1.0 KiB / 2.0 KiB)`.
    pub fn lines(&self) -> Vec<String> {
        self.order
            .iter()
            .filter_map(|id| self.layers.get(id).map(|l| (id, l)))
            .map(|(id, l)| {
                let short: String = id.chars().take(12).collect();
                if l.total > 0 && l.status != "Pull complete" && l.status != "Already exists" {
                    let pct = l.current.saturating_mul(100) / l.total;
                    format!(
                        "{short} {} {pct}% ({} / {})",
                        l.status,
                        bytes(l.current),
                        bytes(l.total)
                    )
                } else {
                    format!("{short} {}", l.status)
                }
            })
            .collect()
    }
}

/// `1.5 MiB`
pub fn bytes(n: u64) -> String {
    let units = ["B", "KiB", "MiB", "GiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < units.len() {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 { format!("{n} B") } else { format!("{v:.1} {}", units[u]) }
}
