//! Answering queries into a snapshot, and recording baselines.

use std::collections::HashMap;
use std::time::Duration;

use bollard::query_parameters::{EventsOptions, ListContainersOptions, ListImagesOptions};
use futures_util::StreamExt;

use super::connect::{Daemon, DaemonError};
use crate::check::{Baseline, ContainerInfo, EventInfo, Filters, ImageInfo, Query, Snapshot};

fn to_api(filters: &Filters) -> HashMap<String, Vec<String>> {
    filters.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
}

/// Local wall clock in nanoseconds.
pub fn now_nanos() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

/// "Exited (3) 2 minutes ago" → 3.
fn exit_code(status: &str) -> Option<i64> {
    let rest = status.strip_prefix("Exited (")?;
    rest.split(')').next()?.parse().ok()
}

impl Daemon {
    fn err(&self, e: &bollard::errors::Error) -> DaemonError {
        DaemonError::new(&self.endpoint, e)
    }

    pub async fn containers(&self, filters: &Filters) -> Result<Vec<ContainerInfo>, DaemonError> {
        let opts = ListContainersOptions {
            all: true,
            filters: Some(to_api(filters)),
            ..Default::default()
        };
        let list = self.docker.list_containers(Some(opts)).await.map_err(|e| self.err(&e))?;
        Ok(list
            .into_iter()
            .map(|c| {
                let status = c.status.unwrap_or_default();
                let name = c.names.unwrap_or_default().into_iter().next().unwrap_or_default();
                ContainerInfo {
                    id: c.id.unwrap_or_default(),
                    name: name.trim_start_matches('/').to_owned(),
                    image: c.image.unwrap_or_default(),
                    state: c.state.map(|s| s.to_string()).unwrap_or_default(),
                    exit_code: exit_code(&status),
                    status,
                    created: c.created.unwrap_or_default(),
                    labels: c.labels.unwrap_or_default().into_iter().collect(),
                }
            })
            .collect())
    }

    pub async fn images(&self, filters: &Filters) -> Result<Vec<ImageInfo>, DaemonError> {
        let opts = ListImagesOptions { filters: Some(to_api(filters)), ..Default::default() };
        let list = self.docker.list_images(Some(opts)).await.map_err(|e| self.err(&e))?;
        Ok(list
            .into_iter()
            .map(|i| ImageInfo {
                id: i.id,
                tags: i.repo_tags.into_iter().filter(|t| t != "<none>:<none>").collect(),
                created: i.created,
                size: i.size,
                labels: i.labels.into_iter().collect(),
            })
            .collect())
    }

    /// Events between the task start and now (computed on the daemon's clock).
    pub async fn events(
        &self,
        filters: &Filters,
        baseline: &Baseline,
    ) -> Result<Vec<EventInfo>, DaemonError> {
        let since = baseline.daemon_time_nano;
        let elapsed = (now_nanos() - baseline.local_time_nano).max(0);
        let until = since + elapsed;
        let opts = EventsOptions {
            since: Some(nanos_text(since)),
            until: Some(nanos_text(until)),
            filters: Some(to_api(filters)),
        };
        let mut stream = self.docker.events(Some(opts));
        let mut out = Vec::new();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
        loop {
            let next = tokio::time::timeout_at(deadline, stream.next()).await;
            match next {
                Ok(Some(Ok(ev))) => {
                    let actor = ev.actor.unwrap_or_default();
                    let attrs = actor.attributes.unwrap_or_default();
                    out.push(EventInfo {
                        kind: ev.typ.map(|t| t.to_string()).unwrap_or_default(),
                        action: ev.action.unwrap_or_default(),
                        actor: actor.id.unwrap_or_default(),
                        name: attrs.get("name").cloned().unwrap_or_default(),
                        time_nano: ev.time_nano.unwrap_or_default(),
                    });
                }
                Ok(Some(Err(e))) => return Err(self.err(&e)),
                Ok(None) | Err(_) => break,
            }
        }
        Ok(out)
    }

    /// Answer every query. Without a baseline, event queries see nothing.
    pub async fn snapshot(
        &self,
        queries: &[Query],
        baseline: Option<&Baseline>,
    ) -> Result<Snapshot, DaemonError> {
        let mut snap = Snapshot::default();
        for q in queries {
            match q {
                Query::Containers(f) => {
                    snap.containers.insert(q.key(), self.containers(f).await?);
                }
                Query::Images(f) => {
                    snap.images.insert(q.key(), self.images(f).await?);
                }
                Query::Events(f) => {
                    let events = match baseline {
                        Some(b) => self.events(f, b).await?,
                        None => Vec::new(),
                    };
                    snap.events.insert(q.key(), events);
                }
            }
        }
        Ok(snap)
    }

    /// What exists now, and the daemon's clock: the start of a task.
    pub async fn baseline(&self) -> Result<Baseline, DaemonError> {
        let info = self.docker.info().await.map_err(|e| self.err(&e))?;
        let local = now_nanos();
        let daemon_time = info
            .system_time
            .as_deref()
            .and_then(|t| {
                time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339).ok()
            })
            .map_or(local, |t| i64::try_from(t.unix_timestamp_nanos()).unwrap_or(local));
        let containers =
            self.containers(&Filters::new()).await?.into_iter().map(|c| c.id).collect();
        let images = self.images(&Filters::new()).await?.into_iter().map(|i| i.id).collect();
        Ok(Baseline { daemon_time_nano: daemon_time, local_time_nano: local, containers, images })
    }
}

/// The API takes `seconds.nanoseconds`.
fn nanos_text(n: i64) -> String {
    format!("{}.{:09}", n.div_euclid(1_000_000_000), n.rem_euclid(1_000_000_000))
}
