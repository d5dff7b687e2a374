//! The commands: each turns parsed arguments into output and an exit status.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde_json::json;

use crate::catalog::{Catalog, Course, load_file};
use crate::cli::{Cli, Command};
use crate::failure::Failure;
use crate::output::Output;
use crate::progress::{Store, TaskStatus};

/// Run the command line; errors come back to `main` to be printed once.
pub fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let width = match &cli.command {
        Some(Command::Render { width, .. } | Command::Preview { width, .. }) => *width,
        _ => None,
    };
    let out = Output::detect(cli.global.color, width);
    let lessons = cli.global.lessons.as_deref();
    match cli.command.unwrap_or(Command::List) {
        Command::List => list(&load(lessons)?, &out),
        Command::Render { lesson, .. } => render(lessons, &lesson, &out),
        Command::Check { lesson, task, answer, file, json, explain } => {
            let opts = crate::check_cmd::Options { task, answer, json, explain };
            let target = match (file, lesson) {
                (Some(f), _) => crate::check_cmd::Target::File(f),
                (None, Some(l)) => crate::check_cmd::Target::Course(Box::new(course(lessons, &l)?)),
                (None, None) => return Err(Failure::msg("give a lesson or --file", None)),
            };
            runtime()?.block_on(crate::check_cmd::run(target, &opts, &out))
        }
        Command::Lint { paths, format } => {
            let paths = if paths.is_empty() {
                lessons.map(|d| vec![d.to_owned()]).unwrap_or_default()
            } else {
                paths
            };
            let (files, findings) = crate::author::lint_paths(&paths);
            match format {
                crate::cli::LintFormat::Json => {
                    println!("{}", crate::author::render_json(&findings))
                }
                crate::cli::LintFormat::Human => {
                    let color = out.color;
                    eprint!("{}", crate::author::render_human(&files, &findings, color, out.width));
                    let errors = findings
                        .iter()
                        .filter(|f| f.severity == crate::author::Severity::Error)
                        .count();
                    eprintln!("{errors} error(s), {} warning(s)", findings.len() - errors);
                }
            }
            let failed = findings.iter().any(|f| f.severity == crate::author::Severity::Error);
            Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::New { slug } => {
            let dir = lessons.map_or_else(|| Path::new(".").to_owned(), Path::to_owned);
            let written =
                crate::author::new::scaffold(&dir, &slug).map_err(|e| Failure::msg(e, None))?;
            for p in &written {
                println!("wrote {}", p.display());
            }
            println!(
                "Next: docktutor preview {} --watch   (and docktutor lint, docktutor --lessons {} test {slug})",
                written.first().map(|p| p.display().to_string()).unwrap_or_default(),
                dir.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Preview { lesson, watch, .. } => {
            let course = course(lessons, &lesson).ok();
            runtime()?.block_on(crate::author::preview::run(&lesson, course, watch, &out))
        }
        Command::Prepare { slugs, save, load: from } => {
            let catalog = load(lessons)?;
            let opts = crate::prepare::Options { save, load: from };
            runtime()?.block_on(crate::prepare::run(&catalog, &slugs, &opts, &out))
        }
        Command::Schema => {
            print!("{}", crate::check::schema_json());
            Ok(ExitCode::SUCCESS)
        }
        Command::Progress { json } => progress(&load(lessons)?, json, &out),
        Command::Reset { lesson, all, yes } => reset(&load(lessons)?, lesson.as_deref(), all, yes),
        Command::Test { slugs, json } => {
            let catalog = load(lessons)?;
            runtime()?.block_on(crate::selftest_cmd::run(&catalog, &slugs, json, &out))
        }
        Command::Start { lesson, plain } => {
            let catalog = load(lessons)?;
            crate::session::start(&catalog, lesson.as_deref(), plain, &out)
        }
    }
}

pub fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::msg(format!("cannot start the async runtime: {e}"), None))
}

fn load(dir: Option<&Path>) -> Result<Catalog, Failure> {
    Ok(Catalog::load(dir)?)
}

pub fn find<'a>(catalog: &'a Catalog, slug: &str) -> Result<&'a Course, Failure> {
    catalog.get(slug).ok_or_else(|| {
        let hint = match catalog.suggest(slug) {
            Some(s) => format!("did you mean `{s}`? `docktutor list` shows every lesson"),
            None => "`docktutor list` shows every lesson".to_owned(),
        };
        Failure::msg(format!("no lesson `{slug}`"), Some(hint))
    })
}

fn list(catalog: &Catalog, out: &Output) -> Result<ExitCode, Failure> {
    let loaded = Store::default_location().load();
    warn(loaded.warning.as_deref());
    let progress = loaded.progress;
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{}", out.heading().apply_to("Lessons"))?;
    let slug_w = catalog.courses.iter().map(|c| c.lesson.slug().len()).max().unwrap_or(0);
    let (mut done_all, mut total_all) = (0, 0);
    for (i, c) in catalog.courses.iter().enumerate() {
        let total = c.lesson.tasks.len();
        let done =
            progress.done_count(c.lesson.slug(), c.lesson.tasks.iter().map(|t| t.id.as_str()));
        done_all += done;
        total_all += total;
        let mark = if total > 0 && done == total {
            out.pass().apply_to("✓")
        } else {
            out.dim().apply_to(" ")
        };
        writeln!(
            stdout,
            "{mark} {:>2}. {:<slug_w$}  {done}/{total}  {} ({} min)",
            i + 1,
            out.accent().apply_to(c.lesson.slug()),
            c.lesson.meta.title,
            c.lesson.meta.minutes,
        )?;
    }
    let pct = (done_all * 100).checked_div(total_all).unwrap_or(0);
    writeln!(
        stdout,
        "\n{done_all}/{total_all} tasks ({pct}%). Begin with `docktutor start <lesson>`."
    )?;
    Ok(ExitCode::SUCCESS)
}

fn render(dir: Option<&Path>, what: &str, out: &Output) -> Result<ExitCode, Failure> {
    let path = Path::new(what);
    let source = if what.ends_with(".md") || path.is_file() {
        std::fs::read_to_string(path)
            .map_err(|e| Failure::msg(format!("cannot read {what}: {e}"), None))?
    } else {
        let catalog = load(dir)?;
        find(&catalog, what)?.lesson.source.clone()
    };
    let mut stdout = std::io::stdout().lock();
    crate::render::render_markdown(&source, &out.render_options(), &mut stdout)?;
    Ok(ExitCode::SUCCESS)
}

/// A lesson by slug, or by the path of its Markdown file.
pub fn course(dir: Option<&Path>, what: &str) -> Result<Course, Failure> {
    let path = Path::new(what);
    if what.ends_with(".md") || path.is_file() {
        Ok(load_file(path)?)
    } else {
        Ok(find(&load(dir)?, what)?.clone())
    }
}

fn progress(catalog: &Catalog, json: bool, out: &Output) -> Result<ExitCode, Failure> {
    let loaded = Store::default_location().load();
    warn(loaded.warning.as_deref());
    let p = loaded.progress;
    let mut stdout = std::io::stdout().lock();
    if json {
        let lessons: Vec<_> = catalog
            .courses
            .iter()
            .map(|c| {
                let rec = p.lesson(c.lesson.slug());
                let tasks: Vec<_> = c
                    .lesson
                    .tasks
                    .iter()
                    .map(|t| {
                        let status = rec.and_then(|r| r.tasks.get(&t.id)).map(|r| r.status);
                        json!({"id": t.id, "status": status.map_or("todo", status_word)})
                    })
                    .collect();
                json!({"lesson": c.lesson.slug(), "tasks": tasks})
            })
            .collect();
        writeln!(stdout, "{}", json!({"current": p.current, "lessons": lessons}))?;
        return Ok(ExitCode::SUCCESS);
    }
    for c in &catalog.courses {
        let rec = p.lesson(c.lesson.slug());
        let done = p.done_count(c.lesson.slug(), c.lesson.tasks.iter().map(|t| t.id.as_str()));
        writeln!(
            stdout,
            "{} {done}/{}",
            out.heading().apply_to(c.lesson.slug()),
            c.lesson.tasks.len()
        )?;
        for t in &c.lesson.tasks {
            let status = rec.and_then(|r| r.tasks.get(&t.id)).map(|r| r.status);
            let word = match status {
                Some(TaskStatus::Passed) => out.pass().apply_to("passed").to_string(),
                Some(TaskStatus::Skipped) => out.hint().apply_to("skipped").to_string(),
                None => out.dim().apply_to("todo").to_string(),
            };
            writeln!(stdout, "  {}. {:<24} {word}", t.number, t.id)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn status_word(s: TaskStatus) -> &'static str {
    match s {
        TaskStatus::Passed => "passed",
        TaskStatus::Skipped => "skipped",
    }
}

fn reset(
    catalog: &Catalog,
    lesson: Option<&str>,
    all: bool,
    yes: bool,
) -> Result<ExitCode, Failure> {
    let store = Store::default_location();
    let mut p = store.load().progress;
    let what = match lesson {
        Some(slug) => format!("your progress in `{}`", find(catalog, slug)?.lesson.slug()),
        None => "ALL your progress".to_owned(),
    };
    if !yes {
        use std::io::IsTerminal;
        if !std::io::stdin().is_terminal() {
            return Err(Failure::msg(
                format!("not resetting {what} without confirmation"),
                Some("add --yes to confirm when not at a terminal".into()),
            ));
        }
        let ok = dialoguer::Confirm::new()
            .with_prompt(format!("Forget {what}?"))
            .default(false)
            .interact()
            .map_err(|e| Failure::msg(format!("no answer: {e}"), None))?;
        if !ok {
            println!("Nothing was reset.");
            return Ok(ExitCode::SUCCESS);
        }
    }
    match lesson {
        Some(slug) if !all => {
            p.lessons.remove(slug);
            if p.current.as_deref() == Some(slug) {
                p.current = None;
            }
        }
        _ => p = Default::default(),
    }
    store.save(&p)?;
    println!("Reset {what}.");
    Ok(ExitCode::SUCCESS)
}

/// Print a warning about the progress file to stderr.
pub fn warn(w: Option<&str>) {
    if let Some(w) = w {
        eprintln!("warning: {w}");
    }
}
