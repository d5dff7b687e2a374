//! `docktutor preview LESSON|FILE [--watch]`: the author's inner loop. Renders the lesson and
//! shows each task's verdict against the daemon now; with `--watch`, again on every save of
//! the lesson or its check file (polled), until Ctrl-C. A broken file shows its diagnostics
//! and the loop waits for the next save.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

use crate::catalog::{Course, load_file};
use crate::docker::Daemon;
use crate::failure::Failure;
use crate::output::Output;
use crate::render::render_markdown;
use crate::verify::{Ask, verify_task};

fn stamp(paths: &[PathBuf]) -> Vec<Option<SystemTime>> {
    paths.iter().map(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok()).collect()
}

async fn show(course: &Course, out: &Output, daemon: Option<&Daemon>) -> std::io::Result<()> {
    let mut w = std::io::stdout().lock();
    render_markdown(&course.lesson.source, &out.render_options(), &mut w)?;
    writeln!(w, "\n{}", out.heading().apply_to("Checks against the daemon now"))?;
    let Some(d) = daemon else {
        writeln!(w, "{}", out.fail().apply_to("(no Docker daemon: checks not evaluated)"))?;
        return Ok(());
    };
    for t in &course.lesson.tasks {
        let Some(spec) = course.spec(&t.id) else { continue };
        let mut spec = spec.clone();
        spec.wait = None;
        let line = match verify_task(d, &spec, Ask::default()).await {
            Ok(v) if v.passed => {
                format!("{} {}: {}", out.pass().apply_to("✓"), t.id, v.explanation)
            }
            Ok(v) => format!("{} {}: {}", out.fail().apply_to("✗"), t.id, v.explanation),
            Err(e) => format!("{} {}: {e}", out.fail().apply_to("!"), t.id),
        };
        writeln!(w, "{line}")?;
    }
    w.flush()
}

pub async fn run(
    what: &str,
    course: Option<Course>,
    watch: bool,
    out: &Output,
) -> Result<ExitCode, Failure> {
    let daemon = Daemon::connect().await.ok();
    let path = Path::new(what);
    if !watch {
        let course = course.ok_or_else(|| Failure::msg(format!("no lesson {what}"), None))?;
        show(&course, out, daemon.as_ref()).await?;
        return Ok(ExitCode::SUCCESS);
    }
    if !path.is_file() {
        return Err(Failure::msg(
            "--watch needs the path of a lesson file",
            Some(format!("e.g. docktutor preview lessons/{what}.md --watch")),
        ));
    }
    let slug_guess = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let checks = path
        .parent()
        .and_then(Path::parent)
        .map(|d| d.join("checks").join(format!("{slug_guess}.yaml")))
        .unwrap_or_default();
    let watched = vec![path.to_owned(), checks];
    let mut last = Vec::new();
    loop {
        let now = stamp(&watched);
        if now != last {
            last = now;
            if out.interactive {
                let _ = console::Term::stdout().clear_screen();
            }
            match load_file(path) {
                Ok(course) => show(&course, out, daemon.as_ref()).await?,
                Err(d) => println!("{d}"),
            }
            println!(
                "{}",
                out.dim().apply_to(format!(
                    "watching {} — save to refresh, Ctrl-C to stop",
                    watched.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
                ))
            );
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_millis(300)) => {}
            _ = tokio::signal::ctrl_c() => return Ok(ExitCode::SUCCESS),
        }
    }
}
