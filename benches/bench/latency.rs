//! Check latency: docktutor evaluating each built-in lesson's checks, against the verify.sh a
//! Killercoda-style lesson would run (the same information through the docker CLI, piped
//! through grep/wc), measured alternately in one run; and against one raw API round trip.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use bollard::query_parameters::ListContainersOptions;
use docktutor::catalog::Catalog;
use docktutor::check::{Baseline, Check, ContainerCheck, Filters, Query, Scope, TaskSpec};
use docktutor::docker::Daemon;
use docktutor::verify::{Ask, verify};

use crate::stats::{Table, ms, percentile, quick};

fn flags(f: &Filters) -> String {
    f.iter().flat_map(|(k, vs)| vs.iter().map(move |v| format!(" --filter '{k}={v}'"))).collect()
}

/// The docker CLI pipeline that fetches what `q` fetches.
fn script_line(q: &Query, b: &Baseline) -> String {
    let secs = b.daemon_time_nano / 1_000_000_000;
    match q {
        Query::Containers(f) => format!(
            "docker ps -a{} --format '{{{{.ID}}}} {{{{.Names}}}} {{{{.State}}}}' | wc -l",
            flags(f)
        ),
        Query::Images(f) => format!("docker images -q{} | wc -l", flags(f)),
        Query::Volumes(f) => format!("docker volume ls -q{} | wc -l", flags(f)),
        Query::Networks(f) => format!("docker network ls -q{} | wc -l", flags(f)),
        Query::Events(f) => {
            format!("docker events --since {secs} --until $(date +%s){} | wc -l", flags(f))
        }
        Query::Container(n) => format!(
            "docker inspect --format '{{{{.State.Status}}}}' {n} 2>/dev/null | grep -c running"
        ),
        Query::Image(n) => format!("docker image inspect {n} >/dev/null 2>&1 && echo present"),
        Query::Volume(n) => format!("docker volume inspect {n} >/dev/null 2>&1 && echo present"),
        Query::Network(n) => format!("docker network inspect {n} >/dev/null 2>&1 && echo present"),
        Query::Logs(c) => format!("docker logs {c} 2>&1 | grep -c ."),
        Query::Changes(c) => format!("docker diff {c} 2>/dev/null | grep -c ."),
        Query::File(c, p) => format!("docker cp {c}:{p} - 2>/dev/null | wc -c"),
        Query::Http(u) => format!(
            "curl -s -o /dev/null -w '%{{http_code}}' --max-time 3 {u} || wget -q -O- -T 3 {u} | wc -c"
        ),
    }
}

fn script(spec: &TaskSpec, b: &Baseline) -> String {
    let lines: Vec<String> = Scope::default()
        .queries(&spec.check)
        .iter()
        .map(|q| format!("{} || true", script_line(q, b)))
        .collect();
    lines.join("\n")
}

fn time_script(text: &str) -> Duration {
    let t = Instant::now();
    let _ = std::process::Command::new("bash").arg("-c").arg(text).output();
    t.elapsed()
}

pub fn run(rt: &tokio::runtime::Runtime, d: &Daemon, table: &mut Table) {
    let catalog = Catalog::load(None).expect("built-in lessons");
    let baseline = rt.block_on(d.baseline()).expect("baseline");
    let rounds = if quick() { 3 } else { 10 };
    let mut all_ours = Vec::new();
    let mut all_script = Vec::new();
    for course in &catalog.courses {
        let specs: Vec<&TaskSpec> =
            course.checks.tasks.values().filter(|s| !matches!(s.check, Check::Http(_))).collect();
        let scripts: Vec<String> = specs.iter().map(|s| script(s, &baseline)).collect();
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            let t = Instant::now();
            for s in &specs {
                let _ = rt.block_on(verify(
                    d,
                    &s.check,
                    Ask { baseline: Some(&baseline), answer: Some("1"), ..Ask::default() },
                ));
            }
            ours.push(t.elapsed());
            theirs.push(scripts.iter().map(|s| time_script(s)).sum());
        }
        let (o, s) = (percentile(&ours, 50), percentile(&theirs, 50));
        all_ours.push(o);
        all_script.push(s);
        table.row(
            &format!(
                "check latency, lesson {} ({} checks, p50)",
                course.lesson.slug(),
                specs.len()
            ),
            ms(o),
            format!("verify.sh {}", ms(s)),
            format!("{:.0}× faster", s.as_secs_f64() / o.as_secs_f64().max(1e-9)),
            "≥ 20× faster",
        );
    }
    floor_rows(rt, d, table);
}

/// Single-resource checks against one raw Engine API round trip.
fn floor_rows(rt: &tokio::runtime::Runtime, d: &Daemon, table: &mut Table) {
    let n = if quick() { 50 } else { 300 };
    let floor_opts = || ListContainersOptions {
        all: true,
        filters: Some(HashMap::from([("status".to_owned(), vec!["exited".to_owned()])])),
        ..Default::default()
    };
    let count =
        serde_saphyr::from_str::<Check>("containers: { filters: { status: exited }, count: 0 }")
            .expect("count check");
    let single = Check::Container(Box::new(
        serde_saphyr::from_str::<ContainerCheck>("{ name: dt-bench-single, state: created }")
            .expect("single"),
    ));
    let _ = std::process::Command::new("docker")
        .args([
            "create",
            "--label",
            "docktutor.bench=1",
            "--name",
            "dt-bench-single",
            "busybox",
            "true",
        ])
        .output();
    let (mut floor, mut c, mut s) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..n {
        let t = Instant::now();
        let _ = rt.block_on(d.docker.list_containers(Some(floor_opts())));
        floor.push(t.elapsed());
        let t = Instant::now();
        let _ = rt.block_on(verify(d, &count, Ask::default()));
        c.push(t.elapsed());
        let t = Instant::now();
        let _ = rt.block_on(verify(d, &single, Ask::default()));
        s.push(t.elapsed());
    }
    let _ = std::process::Command::new("docker").args(["rm", "-f", "dt-bench-single"]).output();
    let f = percentile(&floor, 50);
    for (what, v) in [
        ("count check (one list request), p50", &c),
        ("single-container check (one inspect), p50", &s),
    ] {
        let p = percentile(v, 50);
        table.row(
            what,
            ms(p),
            format!("raw API round trip {}", ms(f)),
            format!("{:.2}× the floor", p.as_secs_f64() / f.as_secs_f64().max(1e-9)),
            "≤ 2× floor",
        );
    }
}
