//! `docktutor check`: verify a lesson's tasks (or a standalone check file) now.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use crate::catalog::Course;
use crate::check::{Scope, TaskSpec, Verdict};
use crate::docker::Daemon;
use crate::failure::Failure;
use crate::output::Output;
use crate::progress::Store;
use crate::verify::{Ask, verify_task};

pub enum Target {
    Course(Box<Course>),
    File(PathBuf),
}

pub struct Options {
    pub task: Option<String>,
    pub answer: Option<String>,
    pub json: bool,
    pub explain: bool,
}

pub async fn run(target: Target, opts: &Options, out: &Output) -> Result<ExitCode, Failure> {
    match target {
        Target::Course(c) => lesson(&c, opts, out).await,
        Target::File(f) => file(&f, opts, out).await,
    }
}

fn explain(daemon: &Daemon, spec: &TaskSpec, out: &Output) -> std::io::Result<()> {
    let mut w = std::io::stderr().lock();
    writeln!(w, "{}", out.dim().apply_to(format!("daemon: {}", daemon.describe())))?;
    for q in Scope::default().queries(&spec.check) {
        writeln!(
            w,
            "{}",
            out.dim().apply_to(format!("query: {}", crate::docker::describe_query(&q)))
        )?;
    }
    Ok(())
}

async fn file(path: &std::path::Path, opts: &Options, out: &Output) -> Result<ExitCode, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::msg(format!("cannot read {}: {e}", path.display()), None))?;
    let spec = crate::check::parse_task(path, &text)
        .map_err(|e| Failure::Files(crate::diag::Diagnostics(vec![e.into()])))?;
    let daemon = Daemon::connect().await?;
    if opts.explain {
        explain(&daemon, &spec, out)?;
    }
    let v = verify_task(&daemon, &spec, Ask { answer: opts.answer.as_deref(), ..Ask::default() })
        .await?;
    let mut w = std::io::stdout().lock();
    if opts.json {
        writeln!(w, "{}", json!({"passed": v.passed, "explanation": v.explanation}))?;
    } else {
        writeln!(w, "{}", line(out, &path.display().to_string(), &v))?;
    }
    Ok(exit(v.passed))
}

fn line(out: &Output, name: &str, v: &Verdict) -> String {
    let mark =
        if v.passed { out.pass().apply_to("✓ pass") } else { out.fail().apply_to("✗ fail") };
    format!("{mark} {name}: {}", v.explanation)
}

fn exit(passed: bool) -> ExitCode {
    if passed { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

async fn lesson(course: &Course, opts: &Options, out: &Output) -> Result<ExitCode, Failure> {
    let lesson = &course.lesson;
    let tasks: Vec<_> = match &opts.task {
        Some(id) => {
            let t = lesson.tasks.iter().find(|t| &t.id == id).ok_or_else(|| {
                let ids: Vec<&str> = lesson.tasks.iter().map(|t| t.id.as_str()).collect();
                Failure::msg(
                    format!("lesson `{}` has no task `{id}`", lesson.slug()),
                    Some(format!("its tasks are: {}", ids.join(", "))),
                )
            })?;
            vec![t]
        }
        None => lesson.tasks.iter().collect(),
    };
    let daemon = Daemon::connect().await?;
    let progress = Store::default_location().load().progress;
    let mut results = Vec::new();
    for t in tasks {
        let Some(spec) = course.spec(&t.id) else { continue };
        if opts.explain {
            explain(&daemon, spec, out)?;
        }
        let baseline = progress.lesson(lesson.slug()).and_then(|l| l.baselines.get(&t.id));
        let ask = Ask { scope: None, baseline, answer: opts.answer.as_deref() };
        results.push((t, verify_task(&daemon, spec, ask).await?));
    }
    let all_passed = results.iter().all(|(_, v)| v.passed);
    let mut w = std::io::stdout().lock();
    if opts.json {
        let tasks: Vec<_> = results
            .iter()
            .map(|(t, v)| json!({"id": t.id, "passed": v.passed, "explanation": v.explanation}))
            .collect();
        writeln!(w, "{}", json!({"lesson": lesson.slug(), "tasks": tasks}))?;
    } else {
        let title = out.heading().apply_to(&lesson.meta.title);
        writeln!(w, "{title} {}", out.dim().apply_to(format!("— daemon {}", daemon.describe())))?;
        for (t, v) in &results {
            writeln!(w, "{}", line(out, &format!("{}. {}", t.number, t.id), v))?;
        }
    }
    Ok(exit(all_passed))
}
