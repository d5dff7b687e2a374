//! Start-up: `docktutor list` and `docktutor render <lesson>` as whole processes: wall time
//! and peak resident memory.

use std::process::Command;
use std::time::Instant;

use crate::stats::{Table, ms, percentile, quick};

/// Peak RSS of one run, in MiB, read from wait4's rusage.
fn run_once(args: &[&str]) -> (std::time::Duration, f64) {
    let t = Instant::now();
    #[allow(clippy::zombie_processes)] // reaped with wait4, which also gives its rusage
    let child = Command::new(env!("CARGO_BIN_EXE_docktutor"))
        .args(args)
        .env("DOCKTUTOR_HOME", std::env::temp_dir().join("docktutor-bench-home"))
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("docktutor");
    let pid = i32::try_from(child.id()).unwrap_or(0);
    let mut status = 0;
    // SAFETY: waiting for our own child; rusage is written by the kernel.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    // The child is reaped by wait4 above; this only drops the handle.
    drop(child);
    (t.elapsed(), usage.ru_maxrss as f64 / 1024.0)
}

pub fn run(table: &mut Table) {
    let n = if quick() { 5 } else { 30 };
    for args in [&["list"][..], &["render", "images-vs-containers", "--width", "80"][..]] {
        let runs: Vec<_> = (0..n).map(|_| run_once(args)).collect();
        let times: Vec<_> = runs.iter().map(|r| r.0).collect();
        let rss = runs.iter().map(|r| r.1).fold(0.0, f64::max);
        table.row(
            &format!("start-up `docktutor {}` (p50 wall)", args.join(" ")),
            ms(percentile(&times, 50)),
            "—".into(),
            format!("peak RSS {rss:.1} MiB"),
            "< 10 ms, < 15 MB",
        );
    }
}
