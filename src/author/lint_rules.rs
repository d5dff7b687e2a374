//! The individual lint rules beyond parsing.

use std::path::Path;
use std::sync::LazyLock;

use pulldown_cmark::{Event, Parser, Tag};
use regex::Regex;

use super::lint::{Finding, Severity, error};
use crate::check::{ChecksFile, key_line};
use crate::diag::Diagnostic;
use crate::lesson::{Lesson, Position};
use crate::render::markdown_options;

/// The schema line editors read; a warning when it is missing.
pub fn schema_reference(path: &Path, text: &str) -> Option<Finding> {
    let first = text.lines().next().unwrap_or("");
    (first != "# yaml-language-server: $schema=schema.json").then(|| Finding {
        severity: Severity::Warning,
        diag: Diagnostic {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: "the check file does not reference the schema".into(),
            hint: Some("make the first line `# yaml-language-server: $schema=schema.json` so editors complete and validate".into()),
        },
    })
}

pub fn practice_step(lesson: &Lesson, path: &Path) -> Option<Finding> {
    lesson.practice_step().is_none().then(|| {
        error(path, 1, 1, format!("lesson `{}` has no \"Try it yourself\" step", lesson.slug()), "add `## Try it yourself` with a numbered list of tasks, each ending `<!-- task: ID -->`")
    })
}

/// Relative links and images must point at files that exist (next to the lesson).
pub fn relative_links(lesson: &Lesson, path: &Path) -> Vec<Finding> {
    let mut out = Vec::new();
    let base = path.parent().unwrap_or(Path::new("."));
    for (ev, range) in Parser::new_ext(&lesson.source, markdown_options()).into_offset_iter() {
        let url = match &ev {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                dest_url.to_string()
            }
            _ => continue,
        };
        let relative = !url.contains("://")
            && !url.starts_with('#')
            && !url.starts_with("mailto:")
            && !url.is_empty();
        let target = url.split('#').next().unwrap_or("");
        if relative && !target.is_empty() && !base.join(target).exists() {
            let at = Position::of_offset(&lesson.source, range.start);
            out.push(error(
                path,
                at.line,
                at.column,
                format!("link to `{url}` points nowhere"),
                format!(
                    "no file {} exists; fix the path or use a full URL",
                    base.join(target).display()
                ),
            ));
        }
    }
    out
}

/// Every task has at least one hint and a solution.
pub fn help_present(
    lesson: &Lesson,
    checks: &ChecksFile,
    checks_path: &Path,
    text: &str,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in &lesson.tasks {
        let Some(spec) = checks.tasks.get(&t.id) else { continue };
        let line = usize::try_from(key_line(text, &t.id)).unwrap_or(0);
        if spec.hints.is_empty() {
            out.push(error(
                checks_path,
                line,
                3,
                format!("task `{}` has no hints", t.id),
                "add `hints:` with a nudge first and the command last",
            ));
        }
        if spec.solution.as_deref().is_none_or(|s| s.trim().is_empty()) {
            out.push(error(
                checks_path,
                line,
                3,
                format!("task `{}` has no solution", t.id),
                "add `solution:` with the commands that do the task (the self-test runs them)",
            ));
        }
    }
    out
}

static RUN: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"docker\s+(?:container\s+)?(?:run|create)\s+([^\n|;&]*)").ok());
static FROM: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?m)^\s*FROM\s+(\S+)").ok());
static MADE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:-t|--tag)\s+(\S+)|docker\s+(?:image\s+)?tag\s+\S+\s+(\S+)|docker\s+(?:container\s+)?commit\s+(?:-\S+\s+(?:\S+\s+)?)*\S+\s+(\S+)").ok()
});

/// Options of `docker run` that take a value as the next word.
const VALUE_FLAGS: &[&str] = &[
    "--name",
    "-p",
    "--publish",
    "-v",
    "--volume",
    "-e",
    "--env",
    "--label",
    "-l",
    "--network",
    "--net",
    "--memory",
    "-m",
    "--cpus",
    "--restart",
    "--health-cmd",
    "--health-interval",
    "--health-retries",
    "--health-timeout",
    "--mount",
    "-w",
    "--workdir",
    "-u",
    "--user",
    "--entrypoint",
    "--hostname",
    "-h",
    "--env-file",
    "--memory-swap",
    "--stop-timeout",
    "--health-start-period",
    "--network-alias",
    "--add-host",
    "--cpu-shares",
    "--pids-limit",
    "--tmpfs",
    "--ulimit",
];

fn base_name(image: &str) -> String {
    let image = image.trim_matches(|c| c == '"' || c == '\'');
    let name = image.split('@').next().unwrap_or(image);
    let last = name.rsplit('/').next().unwrap_or(name);
    if last.contains(':') { name.to_owned() } else { format!("{name}:latest") }
}

/// The image word of a `docker run`/`create` argument list (shell quoting understood).
fn run_image(args: &str) -> Option<String> {
    let words = shlex::split(args)?;
    let mut words = words.into_iter();
    while let Some(w) = words.next() {
        if w.starts_with('-') {
            if VALUE_FLAGS.contains(&w.as_str()) {
                words.next();
            }
            continue;
        }
        return Some(w);
    }
    None
}

/// Images that hands-on commands run or build FROM must be declared in front matter,
/// unless the lesson makes them itself (`docker build -t`, `docker tag`, `docker commit`).
pub fn declared_images(lesson: &Lesson, checks: &ChecksFile, path: &Path) -> Vec<Finding> {
    let (Some(run), Some(from), Some(made_re)) = (RUN.as_ref(), FROM.as_ref(), MADE.as_ref())
    else {
        return Vec::new();
    };
    let practice = lesson
        .practice_step()
        .and_then(|i| lesson.steps.get(i))
        .map(|s| lesson.step_source(s))
        .unwrap_or("");
    let commands: Vec<&str> = checks
        .tasks
        .values()
        .flat_map(|t| [t.setup.as_deref(), t.solution.as_deref()])
        .flatten()
        .chain([practice])
        .collect();
    let all = commands.join("\n").replace("\\\n", " ");
    let made: Vec<String> = made_re
        .captures_iter(&all)
        .filter_map(|c| c.iter().skip(1).flatten().next().map(|m| base_name(m.as_str())))
        .collect();
    let declared: Vec<String> = lesson.meta.images.iter().map(|i| base_name(i)).collect();
    let mut used: Vec<String> = run
        .captures_iter(&all)
        .filter_map(|c| c.get(1).and_then(|m| run_image(m.as_str())))
        .collect();
    used.extend(from.captures_iter(&all).filter_map(|c| c.get(1).map(|m| m.as_str().to_owned())));
    let mut missing: Vec<String> = used
        .into_iter()
        .filter(|u| !declared.contains(&base_name(u)) && !made.contains(&base_name(u)))
        .collect();
    missing.sort();
    missing.dedup();
    missing
        .into_iter()
        .map(|img| error(path, images_line(lesson), 1, format!("the hands-on commands use image `{img}`, which the front matter does not declare"), format!("add it to `images:` so `docktutor prepare` makes it available, e.g. `images: [busybox, {img}]`")))
        .collect()
}

/// "did you mean `state`?" for serde's "unknown field `statuz`, expected one of …".
pub fn did_you_mean(message: &str) -> Option<String> {
    let first = message.lines().next()?;
    let rest = first
        .split("unknown field `")
        .nth(1)
        .or_else(|| first.split("unknown variant `").nth(1))?;
    let (wrong, tail) = rest.split_once('`')?;
    let list = tail.split("expected one of ").nth(1)?;
    let candidates: Vec<&str> = list
        .split(", ")
        .map(|c| c.trim_matches(|ch: char| ch == '`' || ch.is_whitespace()))
        .collect();
    let best = candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(c, wrong), *c))
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    (best.0 > 0.7).then(|| format!("did you mean `{}`?", best.1))
}

fn images_line(lesson: &Lesson) -> usize {
    lesson.source.lines().position(|l| l.starts_with("images:")).map_or(2, |i| i + 1)
}
