//! Single-object checks (one container, image, volume, network) and events.

use super::eval::{EvalInput, Verdict};
use super::eval_sets::{answered, count_verdict, is_new};
use super::matcher::Scalar;
use super::props::Props;
use super::snapshot::{ContainerDetails, ImageDetails};
use super::spec::{ContainerCheck, EventsCheck, ImageCheck, NetworkCheck, VolumeCheck};
use super::words;
use crate::check::query::filters_key;

/// "no container named "my-web"; found "my_web"" — a missing object said once, with near misses.
fn missing(input: &EvalInput<'_>, kind: &str, name: &str) -> String {
    let candidates = input.snapshot.names.get(kind).map(Vec::as_slice).unwrap_or(&[]);
    match words::near_misses(name, candidates) {
        near if near.is_empty() => format!("no {kind} named \"{name}\""),
        near => format!("no {kind} named \"{name}\"; found {}", near.join(", ")),
    }
}

/// The common shape: look up, handle `exists`, then compare properties.
fn single<T>(
    input: &EvalInput<'_>,
    kind: &str,
    name: &str,
    exists: bool,
    found: Option<&T>,
    describe: impl Fn(&T) -> String,
    props: impl Fn(&T, &mut Props),
) -> Verdict {
    match (found, exists) {
        (None, true) => Verdict::fail(missing(input, kind, name)),
        (None, false) => Verdict::pass(format!("there is no {kind} named \"{name}\"")),
        (Some(x), false) => {
            Verdict::fail(format!("{kind} \"{name}\" still exists ({})", describe(x)))
        }
        (Some(x), true) => {
            let mut p = Props::new();
            props(x, &mut p);
            match p.mismatch() {
                Some(m) => Verdict::fail(format!("{kind} \"{name}\": {m}")),
                None => Verdict::pass(format!("{kind} \"{name}\" is {}", describe(x))),
            }
        }
    }
}

fn lookup<'a, T>(
    map: &'a std::collections::BTreeMap<String, Option<T>>,
    name: &str,
) -> Option<&'a T> {
    map.get(name).and_then(Option::as_ref)
}

pub(super) fn container(c: &ContainerCheck, input: &EvalInput<'_>) -> Verdict {
    let found = lookup(&input.snapshot.container, &c.name)
        .filter(|x| !c.new || is_new(&x.id, input.baseline, |b| &b.containers));
    let since = input.baseline.map(|b| b.daemon_time_nano);
    single(
        input,
        "container",
        &c.name,
        c.exists,
        found,
        words::container_details,
        |x: &ContainerDetails, p| {
            p.require(!c.started_since_task || since.is_some_and(|s| x.started_at >= s), || {
                "it has not been started since the task began".to_owned()
            });
            p.text("state", c.state.as_ref(), &x.state)
                .text("health", c.health.as_ref(), &x.health)
                .int("exit code", c.exit_code.as_ref(), x.exit_code)
                .text("image", c.image.as_ref(), &x.image)
                .text("command", c.command.as_ref(), &x.command)
                .text("restart policy", c.restart_policy.as_ref(), &x.restart_policy)
                .int("memory limit", c.memory.as_ref(), x.memory)
                .check("CPU limit", c.cpus.as_ref(), Some(Scalar::Str(words::cpus(x.nano_cpus))))
                .map("env", &c.env, &x.env)
                .map("label", &c.labels, &x.labels);
            for want in &c.ports {
                let ok = x.ports.iter().any(|p| {
                    p.container == want.container
                        && p.protocol == want.protocol
                        && want.host.as_ref().is_none_or(|m| {
                            m.matches(p.host.map(|h| Scalar::Int(h.into())).as_ref())
                        })
                });
                p.require(ok, || {
                    format!(
                        "port {}/{} is not published as asked; published: {}",
                        want.container,
                        want.protocol,
                        words::ports(&x.ports)
                    )
                });
            }
            for want in &c.mounts {
                let ok = x.mounts.iter().any(|m| {
                    m.destination == want.destination
                        && want
                            .kind
                            .as_ref()
                            .is_none_or(|k| k.matches(Some(&Scalar::Str(m.kind.clone()))))
                        && want
                            .source
                            .as_ref()
                            .is_none_or(|s| s.matches(Some(&Scalar::Str(m.source.clone()))))
                        && want.read_only.is_none_or(|r| r == m.read_only)
                });
                p.require(ok, || {
                    format!(
                        "no mount at {} as asked; mounts: {}",
                        want.destination,
                        words::mounts(&x.mounts)
                    )
                });
            }
            for net in &c.networks {
                p.require(x.networks.contains(net), || {
                    format!("not attached to network {net}; attached to: {}", x.networks.join(", "))
                });
            }
        },
    )
}

pub(super) fn image(i: &ImageCheck, input: &EvalInput<'_>) -> Verdict {
    let found = lookup(&input.snapshot.image, &i.name)
        .filter(|x| !i.new || is_new(&x.id, input.baseline, |b| &b.images));
    single(input, "image", &i.name, i.exists, found, words::image_details, |x: &ImageDetails, p| {
        for t in &i.tags {
            let full = if t.contains(':') { t.clone() } else { format!("{t}:latest") };
            p.require(x.tags.contains(&full), || {
                format!("it is not tagged {full}; its tags: {}", x.tags.join(", "))
            });
        }
        for port in &i.exposed_ports {
            let full = if port.contains('/') { port.clone() } else { format!("{port}/tcp") };
            p.require(x.exposed_ports.contains(&full), || {
                format!("it does not expose {full}; exposed: {}", x.exposed_ports.join(", "))
            });
        }
        p.int("layer count", i.layers.as_ref(), i64::try_from(x.layers).unwrap_or(i64::MAX))
            .text("command", i.cmd.as_ref(), &x.cmd)
            .text("entrypoint", i.entrypoint.as_ref(), &x.entrypoint)
            .text("user", i.user.as_ref(), &x.user)
            .text("working directory", i.workdir.as_ref(), &x.workdir)
            .text("health check", i.healthcheck.as_ref(), &x.healthcheck)
            .int("size", i.size.as_ref(), x.size)
            .map("env", &i.env, &x.env)
            .map("label", &i.labels, &x.labels);
    })
}

pub(super) fn volume(v: &VolumeCheck, input: &EvalInput<'_>) -> Verdict {
    let found = lookup(&input.snapshot.volume, &v.name);
    single(
        input,
        "volume",
        &v.name,
        v.exists,
        found,
        |x| format!("present (driver {})", x.driver),
        |x, p| {
            p.text("driver", v.driver.as_ref(), &x.driver).map("label", &v.labels, &x.labels);
        },
    )
}

pub(super) fn network(n: &NetworkCheck, input: &EvalInput<'_>) -> Verdict {
    let found = lookup(&input.snapshot.network, &n.name);
    let describe = |x: &super::snapshot::NetworkInfo| {
        let attached =
            if x.containers.is_empty() { "nothing".to_owned() } else { x.containers.join(", ") };
        format!("present (driver {}, attached: {attached})", x.driver)
    };
    single(input, "network", &n.name, n.exists, found, describe, |x, p| {
        p.text("driver", n.driver.as_ref(), &x.driver).map("label", &n.labels, &x.labels);
        for c in &n.containers {
            p.require(x.containers.contains(c), || format!("container {c} is not attached"));
        }
    })
}

pub(super) fn events(e: &EventsCheck, input: &EvalInput<'_>) -> Verdict {
    let key = filters_key(&input.scope.events(e));
    // Events count only from a recorded task start; the gatherer asks from that moment on,
    // and the time filter keeps a hand-made snapshot honest too.
    let found: Vec<_> = match input.baseline {
        Some(b) => answered(&input.snapshot.events, &key)
            .iter()
            .filter(|ev| ev.time_nano == 0 || ev.time_nano >= b.daemon_time_nano)
            .collect(),
        None => Vec::new(),
    };
    let items: Vec<String> = found
        .iter()
        .map(|ev| if ev.name.is_empty() { words::short_id(&ev.actor) } else { ev.name.clone() })
        .collect();
    count_verdict(&e.count, &words::events_noun(e), &items)
}
