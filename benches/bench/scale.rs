//! Checks on a crowded daemon: 2,000 containers (created, not started) and 500 image tags,
//! made by the bench with a label and removed afterwards.

use std::time::{Duration, Instant};

use bollard::query_parameters::{CreateContainerOptions, RemoveContainerOptions, TagImageOptions};
use docktutor::check::Check;
use docktutor::docker::Daemon;
use docktutor::verify::{Ask, verify};
use futures_util::future::join_all;

use crate::stats::{Table, ms, percentile, quick};

const LABEL: &str = "docktutor.bench.scale";

pub fn run(rt: &tokio::runtime::Runtime, d: &Daemon, table: &mut Table) {
    let (containers, tags) = if quick() { (200, 50) } else { (2000, 500) };
    let t = Instant::now();
    rt.block_on(populate(d, containers, tags));
    eprintln!(
        "scale: created {containers} containers and {tags} tags in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let checks = [
        (
            "count check",
            format!(
                "containers: {{ filters: {{ label: {LABEL}, status: created }}, count: {containers} }}"
            ),
        ),
        ("single-container check", "container: { name: dt-scale-777, state: created }".to_owned()),
        (
            "client-side where check",
            format!(
                "containers: {{ filters: {{ label: {LABEL} }}, where: {{ name: {{ suffix: \"-1999\" }} }}, count: {{ le: 1 }} }}"
            ),
        ),
        (
            "image tag check",
            "images: { filters: { reference: \"dt-scale-tag\" }, count: { ge: 1 } }".to_owned(),
        ),
    ];
    // The floor: the same listing as one raw Engine API request (the daemon's own cost).
    let mut raw = Vec::new();
    for _ in 0..if quick() { 5 } else { 20 } {
        let opts = bollard::query_parameters::ListContainersOptions {
            all: true,
            filters: Some([("label".to_owned(), vec![LABEL.to_owned()])].into()),
            ..Default::default()
        };
        let t = Instant::now();
        let _ = rt.block_on(d.docker.list_containers(Some(opts)));
        raw.push(t.elapsed());
    }
    let floor = format!("raw list of the {containers} {}", ms(percentile(&raw, 50)));
    for (what, yaml) in checks {
        let check: Check = serde_saphyr::from_str(&yaml).expect("bench check parses");
        let mut samples = Vec::new();
        let mut passed = true;
        for _ in 0..if quick() { 5 } else { 20 } {
            let t = Instant::now();
            let v = rt.block_on(verify(d, &check, Ask::default())).expect("verify");
            samples.push(t.elapsed());
            passed &= v.passed;
        }
        table.row(
            &format!("{what} with {containers} containers + {tags} tags (p50)"),
            ms(percentile(&samples, 50)),
            floor.clone(),
            format!(
                "p95 {}, verdict {}",
                ms(percentile(&samples, 95)),
                if passed { "pass" } else { "FAIL" }
            ),
            "< 50 ms",
        );
    }
    let t = Instant::now();
    rt.block_on(cleanup(d, containers, tags));
    eprintln!("scale: removed them in {:.1} s", t.elapsed().as_secs_f64());
}

async fn populate(d: &Daemon, containers: usize, tags: usize) {
    for chunk in (0..containers).collect::<Vec<_>>().chunks(16) {
        let futs = chunk.iter().map(|i| {
            let body = bollard::models::ContainerCreateBody {
                image: Some("busybox".into()),
                cmd: Some(vec!["true".into()]),
                labels: Some([(LABEL.to_owned(), "1".to_owned())].into()),
                ..Default::default()
            };
            let opts = CreateContainerOptions {
                name: Some(format!("dt-scale-{i}")),
                ..Default::default()
            };
            d.docker.create_container(Some(opts), body)
        });
        join_all(futs).await;
    }
    for i in 0..tags {
        let opts =
            TagImageOptions { repo: Some("dt-scale-tag".into()), tag: Some(format!("t{i}")) };
        let _ = d.docker.tag_image("busybox", Some(opts)).await;
    }
}

async fn cleanup(d: &Daemon, containers: usize, tags: usize) {
    for chunk in (0..containers).collect::<Vec<_>>().chunks(16) {
        let names: Vec<String> = chunk.iter().map(|i| format!("dt-scale-{i}")).collect();
        let futs = names.iter().map(|n| {
            d.docker.remove_container(
                n,
                Some(RemoveContainerOptions { force: true, ..Default::default() }),
            )
        });
        join_all(futs).await;
    }
    for i in 0..tags {
        let _ = d
            .docker
            .remove_image(
                &format!("dt-scale-tag:t{i}"),
                None::<bollard::query_parameters::RemoveImageOptions>,
                None,
            )
            .await;
    }
    tokio::time::sleep(Duration::from_millis(10)).await;
}
