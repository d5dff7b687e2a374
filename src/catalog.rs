//! Where lessons come from: the set built into the binary, or a directory given with
//! `--lessons DIR` / `DOCKTUTOR_LESSONS` holding `lessons/*.md` and `checks/<slug>.yaml`.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::check::{ChecksFile, TaskSpec, parse_checks};
use crate::diag::{Diagnostic, Diagnostics};
use crate::lesson::{Lesson, parse_lesson};

static BUILTIN_LESSONS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/lessons");
static BUILTIN_CHECKS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/checks");

/// A lesson with its checks, ready to teach.
#[derive(Debug, Clone)]
pub struct Course {
    pub lesson: Lesson,
    pub checks: ChecksFile,
    pub lesson_path: PathBuf,
    pub checks_path: PathBuf,
}

impl Course {
    pub fn spec(&self, task_id: &str) -> Option<&TaskSpec> {
        self.checks.tasks.get(task_id)
    }
}

/// All lessons of one source, in course order.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub courses: Vec<Course>,
}

/// `pack.yaml` at the top of a lesson pack: its name, version and the order of its lessons.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// The pack's name, shown to learners.
    pub name: String,
    /// Its version, e.g. `1.0.0`.
    pub version: String,
    /// Lesson slugs in course order; every lesson of the pack must be listed.
    pub lessons: Vec<String>,
}

impl Pack {
    /// Read `dir/pack.yaml` if there is one.
    pub fn read(dir: &Path) -> Result<Option<Pack>, Diagnostics> {
        let path = dir.join("pack.yaml");
        if !path.is_file() {
            return Ok(None);
        }
        let text = read_text(&path)?;
        serde_saphyr::from_str::<Pack>(&text).map(Some).map_err(|e| {
            let (line, column) =
                e.location().map_or((0, 0), |l| (l.line() as usize, l.column() as usize));
            Diagnostics(vec![Diagnostic {
                path: path.clone(),
                line,
                column,
                message: e.to_string(),
                hint: Some("pack.yaml has `name`, `version` and `lessons` (slugs in order)".into()),
            }])
        })
    }

    /// Every listed lesson exists and every lesson is listed.
    pub fn check(&self, courses: &[Course]) -> Result<(), Vec<Diagnostic>> {
        let mut diags = Vec::new();
        let diag = |message: String, hint: &str| Diagnostic {
            path: PathBuf::from("pack.yaml"),
            line: 0,
            column: 0,
            message,
            hint: Some(hint.into()),
        };
        for slug in &self.lessons {
            if !courses.iter().any(|c| c.lesson.slug() == slug) {
                diags.push(diag(
                    format!("pack.yaml lists `{slug}`, but no lesson has that slug"),
                    "fix the slug or add lessons/<slug>.md",
                ));
            }
        }
        for c in courses {
            if !self.lessons.iter().any(|s| s == c.lesson.slug()) {
                diags.push(diag(
                    format!("lesson `{}` is not listed in pack.yaml", c.lesson.slug()),
                    "add it to `lessons:` where it belongs in the course",
                ));
            }
        }
        if diags.is_empty() { Ok(()) } else { Err(diags) }
    }
}

/// A file's name and text, from the binary or from disk.
struct Source {
    path: PathBuf,
    text: String,
}

impl Catalog {
    /// Load from `dir`, or the built-in set when `None`. Every problem is reported at once.
    pub fn load(dir: Option<&Path>) -> Result<Catalog, Diagnostics> {
        let (lessons, checks_dir) = match dir {
            Some(d) => (read_dir_md(&d.join("lessons"))?, Some(d.join("checks"))),
            None => (builtin_lessons(), None),
        };
        let mut courses = Vec::new();
        let mut diags = Vec::new();
        for src in lessons {
            match load_course(src, checks_dir.as_deref()) {
                Ok(c) => courses.push(c),
                Err(mut d) => diags.append(&mut d),
            }
        }
        if !diags.is_empty() {
            return Err(Diagnostics(diags));
        }
        courses.sort_by(|a, b| {
            (a.lesson.meta.order, a.lesson.slug()).cmp(&(b.lesson.meta.order, b.lesson.slug()))
        });
        if let Some(d) = dir
            && let Some(pack) = Pack::read(d)?
        {
            pack.check(&courses).map_err(Diagnostics)?;
            courses.sort_by_key(|c| {
                pack.lessons.iter().position(|s| s == c.lesson.slug()).unwrap_or(usize::MAX)
            });
        }
        Ok(Catalog { courses })
    }

    pub fn get(&self, slug: &str) -> Option<&Course> {
        self.courses.iter().find(|c| c.lesson.slug() == slug)
    }

    /// The closest slug, for "did you mean …?".
    pub fn suggest(&self, slug: &str) -> Option<&str> {
        self.courses
            .iter()
            .map(|c| c.lesson.slug())
            .map(|s| (strsim::jaro_winkler(s, slug), s))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, s)| s)
    }
}

/// The built-in lesson and check files, as (path, text).
pub fn builtin_files() -> Vec<(PathBuf, String)> {
    let lessons = builtin_lessons().into_iter().map(|s| (s.path, s.text));
    let checks = BUILTIN_CHECKS
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "yaml"))
        .map(|f| (Path::new("checks").join(f.path()), f.contents_utf8().unwrap_or("").to_owned()));
    lessons.chain(checks).collect()
}

fn builtin_lessons() -> Vec<Source> {
    BUILTIN_LESSONS
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "md"))
        .map(|f| Source {
            path: Path::new("lessons").join(f.path()),
            text: f.contents_utf8().unwrap_or("").to_owned(),
        })
        .collect()
}

fn read_dir_md(dir: &Path) -> Result<Vec<Source>, Diagnostics> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| io_diag(dir, &e, "give a directory that holds `lessons/` and `checks/`"))?;
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md") {
            out.push(Source { text: read_text(&path)?, path });
        }
    }
    Ok(out)
}

fn read_text(path: &Path) -> Result<String, Diagnostics> {
    let bytes = std::fs::read(path)
        .map_err(|e| io_diag(path, &e, "check that the file exists and is readable"))?;
    String::from_utf8(bytes).map_err(|e| {
        Diagnostics(vec![Diagnostic {
            path: path.to_owned(),
            line: 0,
            column: 0,
            message: format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
            hint: Some("save the file as UTF-8".into()),
        }])
    })
}

fn io_diag(path: &Path, e: &std::io::Error, hint: &str) -> Diagnostics {
    Diagnostics(vec![Diagnostic {
        path: path.to_owned(),
        line: 0,
        column: 0,
        message: e.to_string(),
        hint: Some(hint.into()),
    }])
}

/// Parse a single lesson file from disk with its checks beside it (`../checks/<slug>.yaml`).
pub fn load_file(path: &Path) -> Result<Course, Diagnostics> {
    let text = read_text(path)?;
    let checks_dir = path.parent().and_then(Path::parent).map(|p| p.join("checks"));
    load_course(Source { path: path.to_owned(), text }, checks_dir.as_deref()).map_err(Diagnostics)
}

fn load_course(src: Source, checks_dir: Option<&Path>) -> Result<Course, Vec<Diagnostic>> {
    let lesson = parse_lesson(&src.path, &src.text)
        .map_err(|e| e.into_iter().map(Diagnostic::from).collect::<Vec<_>>())?;
    let name = format!("{}.yaml", lesson.slug());
    let (checks_path, text) = match checks_dir {
        Some(d) => {
            let p = d.join(&name);
            let text = if p.exists() || !lesson.tasks.is_empty() {
                read_text(&p).map_err(|d| d.0)?
            } else {
                "tasks: {}".into()
            };
            (p, text)
        }
        None => {
            let text = BUILTIN_CHECKS
                .get_file(&name)
                .and_then(|f| f.contents_utf8())
                .unwrap_or("tasks: {}");
            (Path::new("checks").join(&name), text.to_owned())
        }
    };
    let checks = parse_checks(&checks_path, &text).map_err(|e| vec![Diagnostic::from(e)])?;
    let diags = cross_check(&lesson, &checks, &src.path, &checks_path);
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(Course { lesson, checks, lesson_path: src.path, checks_path })
}

/// Every task has a check and every check a task.
pub(crate) fn cross_check(
    lesson: &Lesson,
    checks: &ChecksFile,
    lesson_path: &Path,
    checks_path: &Path,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for t in &lesson.tasks {
        if !checks.tasks.contains_key(&t.id) {
            diags.push(Diagnostic {
                path: lesson_path.to_owned(),
                line: t.position.line,
                column: t.position.column,
                message: format!("task `{}` has no check in {}", t.id, checks_path.display()),
                hint: Some(format!("add `{}:` with a `check:` under `tasks:` there", t.id)),
            });
        }
    }
    for id in checks.tasks.keys() {
        if !lesson.tasks.iter().any(|t| &t.id == id) {
            let line = find_key_line(checks_path, id);
            diags.push(Diagnostic {
                path: checks_path.to_owned(),
                line,
                column: if line > 0 { 3 } else { 0 },
                message: format!("check `{id}` belongs to no task of lesson `{}`", lesson.slug()),
                hint: Some(format!("mark a task with `<!-- task: {id} -->` or remove this check")),
            });
        }
    }
    diags
}

fn find_key_line(path: &Path, key: &str) -> usize {
    let text = std::fs::read_to_string(path)
        .ok()
        .or_else(|| {
            BUILTIN_CHECKS
                .get_file(path.file_name()?)
                .and_then(|f| f.contents_utf8())
                .map(str::to_owned)
        })
        .unwrap_or_default();
    usize::try_from(crate::check::key_line(&text, key)).unwrap_or(0)
}
