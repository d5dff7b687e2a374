//! `cargo bench`: docktutor's speed, side by side with a reference measured in the same run,
//! printed as one table (copied into BENCHMARKS.md).
//!
//! Rows: check latency vs a docker-CLI verify script and vs one raw API round trip; render
//! throughput vs mdcat; start-up time and peak memory; checks on a crowded daemon; and the
//! event-to-verdict latency of a running session. `DOCKTUTOR_BENCH_QUICK=1` runs fewer trials.

mod latency;
mod live;
mod render;
mod scale;
mod startup;
mod stats;

use stats::Table;

fn main() {
    // `cargo bench -- <filter>` passes extra arguments; the first non-flag one selects rows.
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-')).unwrap_or_default();
    let rt =
        tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
    let daemon = rt.block_on(docktutor::docker::Daemon::connect()).ok();
    let mut table = Table::default();
    let wants = |name: &str| filter.is_empty() || name.contains(&filter);
    if wants("render") {
        render::run(&mut table);
    }
    if wants("startup") {
        startup::run(&mut table);
    }
    match &daemon {
        Some(d) => {
            if wants("latency") {
                latency::run(&rt, d, &mut table);
            }
            if wants("live") {
                live::run(&rt, d, &mut table);
            }
            if wants("scale") {
                scale::run(&rt, d, &mut table);
            }
        }
        None => {
            eprintln!("NOTICE: no Docker daemon: the check, scale and live rows were not measured")
        }
    }
    println!("\n{}", table.markdown());
    println!(
        "machine: {} cores, {}; date: {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        stats::cpu_model(),
        stats::today()
    );
}
