//! `docktutor lint`: every problem in a set of lessons and checks, none skipped, none fatal.
//!
//! Finds: lesson syntax (front matter, title, task markers), check syntax (unknown fields,
//! wrong types, bad regexes), checks that assert nothing, tasks without checks and checks
//! without tasks, tasks without hints or solutions, a missing "Try it yourself", relative
//! links that point nowhere, images used in commands but not declared, and check files that
//! do not point editors at the schema.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::lint_rules;
use crate::catalog::{builtin_files, cross_check};
use crate::check::{ChecksFile, parse_checks_all};
use crate::diag::Diagnostic;
use crate::lesson::{Lesson, parse_lesson};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, where it is, and how to fix it.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub severity: Severity,
    #[serde(flatten)]
    pub diag: Diagnostic,
}

/// The files being linted, by kind; texts kept for snippets.
#[derive(Default)]
pub struct Files {
    /// Whether every lesson of the set is here (built-in set or a pack), so that a check
    /// file without a lesson is a finding; false when single files are linted.
    pub complete: bool,
    pub lessons: Vec<(PathBuf, String)>,
    /// Pack directories (with a pack.yaml) among the linted paths.
    pub packs: Vec<PathBuf>,
    pub checks: BTreeMap<String, (PathBuf, String)>,
}

impl Files {
    pub fn text(&self, path: &Path) -> Option<&str> {
        self.lessons
            .iter()
            .chain(self.checks.values())
            .find(|(p, _)| p == path)
            .map(|(_, t)| t.as_str())
    }

    fn add(&mut self, path: PathBuf, bytes: Vec<u8>, findings: &mut Vec<Finding>) {
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                findings.push(error(
                    &path,
                    0,
                    0,
                    format!("not UTF-8 text (invalid byte at offset {at})"),
                    "save the file as UTF-8",
                ));
                return;
            }
        };
        match path.extension().and_then(|e| e.to_str()) {
            Some("md") => self.lessons.push((path, text)),
            Some("yaml" | "yml") => {
                let stem =
                    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                self.checks.insert(stem, (path, text));
            }
            _ => {}
        }
    }
}

pub fn error(
    path: &Path,
    line: usize,
    column: usize,
    message: impl Into<String>,
    hint: impl Into<String>,
) -> Finding {
    let hint = hint.into();
    Finding {
        severity: Severity::Error,
        diag: Diagnostic {
            path: path.to_owned(),
            line,
            column,
            message: message.into(),
            hint: (!hint.is_empty()).then_some(hint),
        },
    }
}

/// Gather files: the built-in set when `paths` is empty; a directory means its `lessons/` and
/// `checks/` (a pack); a file means itself, and a lesson's check file beside it.
pub fn collect(paths: &[PathBuf]) -> (Files, Vec<Finding>) {
    let mut files = Files::default();
    let mut findings = Vec::new();
    files.complete = paths.is_empty() || paths.iter().all(|p| p.is_dir());
    if paths.is_empty() {
        for (p, t) in builtin_files() {
            files.add(p, t.into_bytes(), &mut findings);
        }
        return (files, findings);
    }
    files.packs = paths.iter().filter(|p| p.join("pack.yaml").is_file()).cloned().collect();
    for p in paths {
        let mut add_file = |f: &Path, findings: &mut Vec<Finding>| match std::fs::read(f) {
            Ok(bytes) => files.add(f.to_owned(), bytes, findings),
            Err(e) => findings.push(error(f, 0, 0, e.to_string(), "check the path")),
        };
        if p.is_dir() {
            let sub = |d: &str| {
                std::fs::read_dir(p.join(d)).into_iter().flatten().flatten().map(|e| e.path())
            };
            let mut all: Vec<PathBuf> =
                sub("lessons").chain(sub("checks")).filter(|f| f.is_file()).collect();
            all.sort();
            if all.is_empty() {
                findings.push(error(
                    p,
                    0,
                    0,
                    "no lessons/ or checks/ in this directory",
                    "a lesson pack holds lessons/*.md and checks/*.yaml",
                ));
            }
            all.iter().for_each(|f| add_file(f, &mut findings));
        } else {
            add_file(p, &mut findings);
            // A lesson's check file, or a check file's lesson, sits in the sibling folder.
            let sibling = match p.extension().and_then(|e| e.to_str()) {
                Some("md") => Some(("checks", "yaml")),
                Some("yaml" | "yml") => Some(("lessons", "md")),
                _ => None,
            };
            if let Some((folder, ext)) = sibling
                && let Some(stem) = p.file_stem()
                && let Some(dir) = p.parent().and_then(Path::parent)
            {
                let companion = dir.join(folder).join(stem).with_extension(ext);
                if companion.is_file() && !paths.contains(&companion) {
                    add_file(&companion, &mut findings);
                }
            }
        }
    }
    (files, findings)
}

/// Lint `paths` (see [`collect`]); findings in file order.
pub fn lint_paths(paths: &[PathBuf]) -> (Files, Vec<Finding>) {
    let (files, mut findings) = collect(paths);
    let mut parsed_checks: BTreeMap<String, Option<ChecksFile>> = BTreeMap::new();
    for (slug, (path, text)) in &files.checks {
        findings.extend(lint_rules::schema_reference(path, text));
        match parse_checks_all(path, text) {
            Ok((file, problems)) => {
                findings.extend(problems.into_iter().map(|e| Finding {
                    severity: Severity::Error,
                    diag: with_suggestion(e.into()),
                }));
                parsed_checks.insert(slug.clone(), Some(file));
            }
            Err(e) => {
                findings
                    .push(Finding { severity: Severity::Error, diag: with_suggestion(e.into()) });
                parsed_checks.insert(slug.clone(), None);
            }
        }
    }
    let mut seen = Vec::new();
    for (path, text) in &files.lessons {
        match parse_lesson(path, text) {
            Err(errors) => findings.extend(
                errors.into_iter().map(|e| Finding { severity: Severity::Error, diag: e.into() }),
            ),
            Ok(lesson) => {
                seen.push(lesson.slug().to_owned());
                lint_lesson(&lesson, path, &files, &parsed_checks, &mut findings);
            }
        }
    }
    for (slug, (path, _)) in files.checks.iter().filter(|_| files.complete) {
        if !seen.contains(slug)
            && files
                .lessons
                .iter()
                .all(|(p, _)| p.file_stem().is_none_or(|s| s.to_string_lossy() != *slug))
        {
            findings.push(error(
                path,
                0,
                0,
                format!("no lesson has the slug `{slug}`"),
                format!("name the lesson's `slug: {slug}` or rename this file"),
            ));
        }
    }
    findings.extend(pack_findings(&files));
    findings.sort_by(|a, b| {
        (&a.diag.path, a.diag.line, a.diag.column).cmp(&(&b.diag.path, b.diag.line, b.diag.column))
    });
    (files, findings)
}

fn lint_lesson(
    lesson: &Lesson,
    path: &Path,
    files: &Files,
    checks: &BTreeMap<String, Option<ChecksFile>>,
    out: &mut Vec<Finding>,
) {
    out.extend(lint_rules::practice_step(lesson, path));
    out.extend(lint_rules::relative_links(lesson, path));
    let Some(entry) = checks.get(lesson.slug()) else {
        if !lesson.tasks.is_empty() {
            out.push(error(
                path,
                1,
                1,
                format!(
                    "lesson `{}` has tasks but no checks/{}.yaml",
                    lesson.slug(),
                    lesson.slug()
                ),
                "create it with a `tasks:` map (docktutor new shows the shape)",
            ));
        }
        return;
    };
    let Some(file) = entry else { return };
    let checks_path = files.checks.get(lesson.slug()).map(|(p, _)| p.clone()).unwrap_or_default();
    out.extend(
        cross_check(lesson, file, path, &checks_path)
            .into_iter()
            .map(|d| Finding { severity: Severity::Error, diag: d }),
    );
    let text = files.text(&checks_path).unwrap_or("");
    out.extend(lint_rules::help_present(lesson, file, &checks_path, text));
    out.extend(lint_rules::declared_images(lesson, file, path));
}

/// Add "did you mean …?" to an unknown-field message.
fn with_suggestion(mut d: Diagnostic) -> Diagnostic {
    if let Some(s) = lint_rules::did_you_mean(&d.message) {
        d.hint = Some(s);
    }
    d
}

/// pack.yaml must parse, and list exactly the pack's lessons.
fn pack_findings(files: &Files) -> Vec<Finding> {
    let mut out = Vec::new();
    for dir in &files.packs {
        match crate::catalog::Catalog::load(Some(dir)) {
            Ok(_) => {}
            Err(d) => out.extend(d.0.into_iter().filter(|d| d.path.ends_with("pack.yaml")).map(
                |mut d| {
                    if d.path == Path::new("pack.yaml") {
                        d.path = dir.join("pack.yaml");
                    }
                    Finding { severity: Severity::Error, diag: d }
                },
            )),
        }
    }
    out
}
