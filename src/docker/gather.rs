//! Set queries, events and baselines: lists with the daemon's own filters.

use std::collections::HashMap;
use std::time::Duration;

use bollard::query_parameters::{
    EventsOptions, ListContainersOptions, ListImagesOptions, ListNetworksOptions,
    ListVolumesOptions,
};
use futures_util::StreamExt;

use super::connect::{Daemon, DaemonError};
use crate::check::{
    Baseline, ContainerInfo, EventInfo, Filters, ImageInfo, NetworkInfo, Query, Snapshot,
    VolumeInfo, file_key, filters_key,
};

pub(super) fn to_api(filters: &Filters) -> HashMap<String, Vec<String>> {
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
    pub(super) fn err(&self, e: &bollard::errors::Error) -> DaemonError {
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
                    command: c.command.unwrap_or_default(),
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

    pub async fn volumes(&self, filters: &Filters) -> Result<Vec<VolumeInfo>, DaemonError> {
        let opts = ListVolumesOptions { filters: Some(to_api(filters)) };
        let list = self.docker.list_volumes(Some(opts)).await.map_err(|e| self.err(&e))?;
        Ok(list
            .volumes
            .unwrap_or_default()
            .into_iter()
            .map(|v| VolumeInfo {
                name: v.name,
                driver: v.driver,
                labels: v.labels.into_iter().collect(),
            })
            .collect())
    }

    pub async fn networks(&self, filters: &Filters) -> Result<Vec<NetworkInfo>, DaemonError> {
        let opts = ListNetworksOptions { filters: Some(to_api(filters)) };
        let list = self.docker.list_networks(Some(opts)).await.map_err(|e| self.err(&e))?;
        Ok(list
            .into_iter()
            .map(|n| NetworkInfo {
                id: n.id.unwrap_or_default(),
                name: n.name.unwrap_or_default(),
                driver: n.driver.unwrap_or_default(),
                labels: n.labels.unwrap_or_default().into_iter().collect(),
                containers: Vec::new(),
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
        let until = since + (now_nanos() - baseline.local_time_nano).max(0);
        let opts = EventsOptions {
            since: Some(nanos_text(since)),
            until: Some(nanos_text(until)),
            filters: Some(to_api(filters)),
        };
        let mut stream = self.docker.events(Some(opts));
        let mut out = Vec::new();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
        loop {
            match tokio::time::timeout_at(deadline, stream.next()).await {
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
                    drop(snap.containers.insert(filters_key(f), self.containers(f).await?))
                }
                Query::Images(f) => drop(snap.images.insert(filters_key(f), self.images(f).await?)),
                Query::Volumes(f) => {
                    drop(snap.volumes.insert(filters_key(f), self.volumes(f).await?))
                }
                Query::Networks(f) => {
                    drop(snap.networks.insert(filters_key(f), self.networks(f).await?))
                }
                Query::Events(f) => {
                    let events = match baseline {
                        Some(b) => self.events(f, b).await?,
                        None => Vec::new(),
                    };
                    snap.events.insert(filters_key(f), events);
                }
                Query::Container(n) => {
                    let found = self.inspect_container(n).await?;
                    self.note_names(&mut snap, "container", found.is_none()).await?;
                    snap.container.insert(n.clone(), found);
                }
                Query::Image(n) => {
                    let found = self.inspect_image(n).await?;
                    self.note_names(&mut snap, "image", found.is_none()).await?;
                    snap.image.insert(n.clone(), found);
                }
                Query::Volume(n) => {
                    let found = self.inspect_volume(n).await?;
                    self.note_names(&mut snap, "volume", found.is_none()).await?;
                    snap.volume.insert(n.clone(), found);
                }
                Query::Network(n) => {
                    let found = self.inspect_network(n).await?;
                    self.note_names(&mut snap, "network", found.is_none()).await?;
                    snap.network.insert(n.clone(), found);
                }
                Query::Logs(c) => drop(snap.logs.insert(c.clone(), self.logs(c).await?)),
                Query::Changes(c) => drop(snap.changes.insert(c.clone(), self.changes(c).await?)),
                Query::File(c, p) => {
                    drop(snap.files.insert(file_key(c, p), self.file(c, p).await?))
                }
                Query::Http(url) => {
                    drop(snap.http.insert(url.clone(), super::http::fetch(url).await))
                }
            }
        }
        Ok(snap)
    }

    /// When a lookup misses, list what exists once, for "did you mean …?".
    async fn note_names(
        &self,
        snap: &mut Snapshot,
        kind: &str,
        missed: bool,
    ) -> Result<(), DaemonError> {
        if !missed || snap.names.contains_key(kind) {
            return Ok(());
        }
        let none = Filters::new();
        let names = match kind {
            "container" => self.containers(&none).await?.into_iter().map(|c| c.name).collect(),
            "image" => self.images(&none).await?.into_iter().flat_map(|i| i.tags).collect(),
            "volume" => self.volumes(&none).await?.into_iter().map(|v| v.name).collect(),
            _ => self.networks(&none).await?.into_iter().map(|n| n.name).collect(),
        };
        snap.names.insert(kind.to_owned(), names);
        Ok(())
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
