//! Single-object lookups (`inspect`) and content reads (logs, diff, archive), mapped to the
//! snapshot's stable models. A 404 is an answer ("no such object"), not an error.

use bollard::errors::Error as BollardError;
use bollard::query_parameters::{
    DownloadFromContainerOptions, InspectContainerOptions, InspectNetworkOptions, LogsOptions,
};
use futures_util::StreamExt;

use super::connect::{Daemon, DaemonError};
use crate::check::{
    Change, ContainerDetails, FileAnswer, ImageDetails, Mount, NetworkInfo, Port, VolumeInfo,
};

/// Contents larger than this are not read (files and logs).
const MAX_CONTENT: usize = 1 << 20;

fn not_found(e: &BollardError) -> bool {
    matches!(e, BollardError::DockerResponseServerError { status_code: 404, .. })
}

fn joined(v: Option<Vec<String>>) -> String {
    v.unwrap_or_default().join(" ")
}

fn env_map(env: Option<Vec<String>>) -> std::collections::BTreeMap<String, String> {
    env.unwrap_or_default()
        .into_iter()
        .map(|kv| match kv.split_once('=') {
            Some((k, v)) => (k.to_owned(), v.to_owned()),
            None => (kv, String::new()),
        })
        .collect()
}

fn nanos(rfc3339: Option<&str>) -> i64 {
    rfc3339
        .and_then(|t| {
            time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339).ok()
        })
        .map(|t| i64::try_from(t.unix_timestamp_nanos()).unwrap_or(0))
        .filter(|n| *n > 0)
        .unwrap_or(0)
}

impl Daemon {
    fn answer<T>(&self, r: Result<T, BollardError>) -> Result<Option<T>, DaemonError> {
        match r {
            Ok(v) => Ok(Some(v)),
            Err(e) if not_found(&e) => Ok(None),
            Err(e) => Err(self.err(&e)),
        }
    }

    pub async fn inspect_container(
        &self,
        name: &str,
    ) -> Result<Option<ContainerDetails>, DaemonError> {
        let r = self.docker.inspect_container(name, None::<InspectContainerOptions>).await;
        let Some(c) = self.answer(r)? else { return Ok(None) };
        let state = c.state.unwrap_or_default();
        let config = c.config.unwrap_or_default();
        let host = c.host_config.unwrap_or_default();
        let net = c.network_settings.unwrap_or_default();
        let mut ports = Vec::new();
        for (spec, bindings) in net.ports.unwrap_or_default() {
            let (num, proto) = spec.split_once('/').unwrap_or((spec.as_str(), "tcp"));
            let container = num.parse().unwrap_or(0);
            let hosts: Vec<Option<u16>> = match bindings {
                Some(b) if !b.is_empty() => {
                    b.into_iter().map(|b| b.host_port.and_then(|p| p.parse().ok())).collect()
                }
                _ => vec![None],
            };
            for host in hosts {
                ports.push(Port { container, host, protocol: proto.to_owned() });
            }
        }
        ports.sort_by_key(|p| (p.container, p.host));
        ports.dedup();
        let command = [c.path.unwrap_or_default(), joined(c.args)].join(" ").trim().to_owned();
        Ok(Some(ContainerDetails {
            id: c.id.unwrap_or_default(),
            name: c.name.unwrap_or_default().trim_start_matches('/').to_owned(),
            image: config.image.unwrap_or_default(),
            state: state.status.map(|s| s.to_string()).unwrap_or_default(),
            health: state
                .health
                .and_then(|h| h.status)
                .map_or_else(|| "none".into(), |s| s.to_string()),
            exit_code: state.exit_code.unwrap_or_default(),
            command,
            ports,
            env: env_map(config.env),
            labels: config.labels.unwrap_or_default().into_iter().collect(),
            mounts: c
                .mounts
                .unwrap_or_default()
                .into_iter()
                .map(|m| {
                    let kind = m.typ.map(|t| t.to_string()).unwrap_or_default();
                    let source = if kind == "volume" { m.name } else { m.source };
                    Mount {
                        kind,
                        source: source.unwrap_or_default(),
                        destination: m.destination.unwrap_or_default(),
                        read_only: !m.rw.unwrap_or(true),
                    }
                })
                .collect(),
            networks: net.networks.unwrap_or_default().into_keys().collect(),
            restart_policy: host
                .restart_policy
                .and_then(|r| r.name)
                .map(|n| n.to_string())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| "no".into()),
            memory: host.memory.unwrap_or_default(),
            nano_cpus: host.nano_cpus.unwrap_or_default(),
            started_at: nanos(state.started_at.as_deref()),
            finished_at: nanos(state.finished_at.as_deref()),
        }))
    }

    pub async fn inspect_image(&self, name: &str) -> Result<Option<ImageDetails>, DaemonError> {
        let r = self.docker.inspect_image(name).await;
        let Some(i) = self.answer(r)? else { return Ok(None) };
        let config = i.config.unwrap_or_default();
        Ok(Some(ImageDetails {
            id: i.id.unwrap_or_default(),
            tags: i.repo_tags.unwrap_or_default(),
            layers: i.root_fs.and_then(|r| r.layers).map_or(0, |l| l.len()),
            cmd: joined(config.cmd),
            entrypoint: joined(config.entrypoint),
            env: env_map(config.env),
            exposed_ports: config.exposed_ports.unwrap_or_default(),
            user: config.user.unwrap_or_default(),
            workdir: config.working_dir.unwrap_or_default(),
            labels: config.labels.unwrap_or_default().into_iter().collect(),
            healthcheck: joined(config.healthcheck.and_then(|h| h.test)),
            size: i.size.unwrap_or_default(),
        }))
    }

    pub async fn inspect_volume(&self, name: &str) -> Result<Option<VolumeInfo>, DaemonError> {
        let r = self.docker.inspect_volume(name).await;
        Ok(self.answer(r)?.map(|v| VolumeInfo {
            name: v.name,
            driver: v.driver,
            labels: v.labels.into_iter().collect(),
        }))
    }

    pub async fn inspect_network(&self, name: &str) -> Result<Option<NetworkInfo>, DaemonError> {
        let r = self.docker.inspect_network(name, None::<InspectNetworkOptions>).await;
        Ok(self.answer(r)?.map(|n| {
            let mut containers: Vec<String> =
                n.containers.unwrap_or_default().into_values().filter_map(|c| c.name).collect();
            containers.sort();
            NetworkInfo {
                id: n.id.unwrap_or_default(),
                name: n.name.unwrap_or_default(),
                driver: n.driver.unwrap_or_default(),
                labels: n.labels.unwrap_or_default().into_iter().collect(),
                containers,
            }
        }))
    }

    pub async fn logs(&self, name: &str) -> Result<Option<String>, DaemonError> {
        let opts =
            LogsOptions { stdout: true, stderr: true, tail: "all".into(), ..Default::default() };
        let mut stream = self.docker.logs(name, Some(opts));
        let mut text = String::new();
        while let Some(item) = stream.next().await {
            match item {
                Ok(chunk) => text.push_str(&String::from_utf8_lossy(&chunk.into_bytes())),
                Err(e) if not_found(&e) => return Ok(None),
                Err(e) => return Err(self.err(&e)),
            }
            if text.len() > MAX_CONTENT {
                break;
            }
        }
        Ok(Some(text))
    }

    pub async fn changes(&self, name: &str) -> Result<Option<Vec<Change>>, DaemonError> {
        let r = self.docker.container_changes(name).await;
        Ok(self.answer(r)?.map(|list| {
            list.unwrap_or_default()
                .into_iter()
                .map(|c| {
                    let kind = match c.kind as i32 {
                        0 => "changed",
                        1 => "added",
                        _ => "deleted",
                    };
                    Change { kind: kind.into(), path: c.path }
                })
                .collect()
        }))
    }

    /// Read a path through the archive API: a tar stream whose first entry is the path.
    pub async fn file(&self, container: &str, path: &str) -> Result<FileAnswer, DaemonError> {
        let opts = DownloadFromContainerOptions { path: path.to_owned() };
        let mut stream = self.docker.download_from_container(container, Some(opts));
        let mut tar_bytes = Vec::new();
        while let Some(item) = stream.next().await {
            match item {
                Ok(chunk) => tar_bytes.extend_from_slice(&chunk),
                Err(BollardError::DockerResponseServerError { status_code: 404, message }) => {
                    let container_exists = !message.to_lowercase().contains("no such container");
                    return Ok(FileAnswer { container_exists, ..Default::default() });
                }
                Err(e) => return Err(self.err(&e)),
            }
            if tar_bytes.len() > MAX_CONTENT + 1024 {
                break;
            }
        }
        Ok(first_entry(&tar_bytes))
    }
}

/// The first entry of a (possibly truncated) tar archive.
fn first_entry(bytes: &[u8]) -> FileAnswer {
    use std::io::Read;
    let mut answer = FileAnswer { container_exists: true, exists: true, ..Default::default() };
    let mut archive = tar::Archive::new(bytes);
    let Ok(mut entries) = archive.entries() else { return answer };
    let Some(Ok(mut entry)) = entries.next() else { return answer };
    let header = entry.header();
    answer.size = header.size().ok().and_then(|s| i64::try_from(s).ok()).unwrap_or(0);
    answer.mode = header.mode().map(|m| format!("{:o}", m & 0o7777)).unwrap_or_default();
    if header.entry_type().is_file() && answer.size <= MAX_CONTENT as i64 {
        let mut buf = Vec::new();
        if entry.read_to_end(&mut buf).is_ok() {
            answer.contents = Some(String::from_utf8_lossy(&buf).into_owned());
        }
    }
    answer
}
