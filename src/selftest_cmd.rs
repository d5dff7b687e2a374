//! `docktutor test`: the table and progress bar around [`crate::selftest`].

use std::io::Write;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};

use crate::app::find;
use crate::catalog::{Catalog, Course};
use crate::docker::Daemon;
use crate::failure::Failure;
use crate::output::Output;
use crate::selftest::{Run, TaskReport, test_task};

pub async fn run(
    catalog: &Catalog,
    slugs: &[String],
    json: bool,
    out: &Output,
) -> Result<ExitCode, Failure> {
    let courses: Vec<&Course> = if slugs.is_empty() {
        catalog.courses.iter().collect()
    } else {
        slugs.iter().map(|s| find(catalog, s)).collect::<Result<_, _>>()?
    };
    let daemon = Daemon::connect().await?;
    let run =
        Run::new().map_err(|e| Failure::msg(format!("cannot prepare the self-test: {e}"), None))?;
    let total: usize = courses.iter().map(|c| c.lesson.tasks.len()).sum();
    let bar = if out.interactive && !json {
        let b = ProgressBar::new(total as u64);
        b.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        b
    } else {
        ProgressBar::hidden()
    };
    let mut reports = Vec::new();
    for c in &courses {
        for t in &c.lesson.tasks {
            bar.set_message(format!("{} {}", c.lesson.slug(), t.id));
            let r = test_task(&daemon, &run, c, &t.id).await?;
            bar.inc(1);
            if json {
                println!("{}", serde_json::to_string(&r).unwrap_or_default());
            }
            reports.push(r);
        }
    }
    bar.finish_and_clear();
    let bad = reports.iter().filter(|r| !r.ok()).count();
    if !json {
        print_table(&reports, out)?;
        let secs: u128 = reports.iter().map(|r| r.millis).sum();
        println!(
            "\n{} tasks in {} lessons, {} ok, {bad} failed, {:.1} s (daemon {})",
            reports.len(),
            courses.len(),
            reports.len() - bad,
            secs as f64 / 1000.0,
            daemon.describe()
        );
    }
    Ok(if bad == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn print_table(reports: &[TaskReport], out: &Output) -> std::io::Result<()> {
    let mut w = std::io::stdout().lock();
    let lw = reports.iter().map(|r| r.lesson.len()).max().unwrap_or(6).max(6);
    let tw = reports.iter().map(|r| r.task.len()).max().unwrap_or(4).max(4);
    writeln!(
        w,
        "{}",
        out.heading()
            .apply_to(format!("{:<lw$}  {:<tw$}  fail-before  pass-after  time", "lesson", "task"))
    )?;
    for r in reports {
        let yes_no = |b: bool| {
            if b { out.pass().apply_to("yes") } else { out.fail().apply_to("NO ") }
        };
        writeln!(
            w,
            "{:<lw$}  {:<tw$}  {}          {}         {:>5} ms",
            r.lesson,
            r.task,
            yes_no(r.failed_before),
            yes_no(r.passed_after),
            r.millis
        )?;
        if let Some(p) = &r.problem {
            writeln!(w, "  {}", out.fail().apply_to(p))?;
        }
    }
    Ok(())
}
