//! The learner's progress: one versioned JSON file, written atomically.
//!
//! Location: `$DOCKTUTOR_HOME/progress.json`, else `$XDG_STATE_HOME/docktutor/progress.json`,
//! else `~/.local/state/docktutor/progress.json`. A write goes to a temporary file in the same
//! directory, is flushed to disk, then renamed over the old one, so a crash at any moment leaves
//! either the old or the new state. A file that cannot be read is set aside, never fatal.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::check::Baseline;

pub const VERSION: u32 = 1;

/// How a task ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TaskStatus {
    Passed,
    Skipped,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskRecord {
    pub status: TaskStatus,
    /// Seconds since the epoch.
    pub at: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LessonProgress {
    /// The step the learner last saw.
    #[serde(default)]
    pub step: usize,
    #[serde(default)]
    pub tasks: BTreeMap<String, TaskRecord>,
    /// What the daemon held when each unfinished task started.
    #[serde(default)]
    pub baselines: BTreeMap<String, Baseline>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    /// The lesson last opened.
    #[serde(default)]
    pub current: Option<String>,
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonProgress>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress { version: VERSION, current: None, lessons: BTreeMap::new() }
    }
}

impl Progress {
    pub fn lesson(&self, slug: &str) -> Option<&LessonProgress> {
        self.lessons.get(slug)
    }

    pub fn lesson_mut(&mut self, slug: &str) -> &mut LessonProgress {
        self.lessons.entry(slug.to_owned()).or_default()
    }

    /// Tasks of `ids` that are done (passed or skipped).
    pub fn done_count<'a>(&self, slug: &str, ids: impl Iterator<Item = &'a str>) -> usize {
        let Some(l) = self.lesson(slug) else { return 0 };
        ids.filter(|id| l.tasks.contains_key(*id)).count()
    }

    pub fn record(&mut self, slug: &str, task: &str, status: TaskStatus) {
        let l = self.lesson_mut(slug);
        l.tasks.insert(task.to_owned(), TaskRecord { status, at: now_secs() });
        l.baselines.remove(task);
    }
}

pub fn now_secs() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// The progress file on disk.
#[derive(Debug, Clone)]
pub struct Store {
    pub path: PathBuf,
}

/// What loading found.
pub struct Loaded {
    pub progress: Progress,
    /// Set when a damaged file was moved aside: tell the learner.
    pub warning: Option<String>,
}

impl Store {
    /// The default location (see the module docs).
    pub fn default_location() -> Store {
        let dir = std::env::var_os("DOCKTUTOR_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("XDG_STATE_HOME")
                    .filter(|v| !v.is_empty())
                    .map(|d| PathBuf::from(d).join("docktutor"))
            })
            .or_else(|| {
                std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/state/docktutor"))
            })
            .unwrap_or_else(|| PathBuf::from(".docktutor"));
        Store { path: dir.join("progress.json") }
    }

    pub fn at(path: impl Into<PathBuf>) -> Store {
        Store { path: path.into() }
    }

    /// Read the file; a missing file is a fresh start, a damaged one is set aside.
    pub fn load(&self) -> Loaded {
        let bytes = match std::fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Loaded { progress: Progress::default(), warning: None };
            }
            Err(e) => {
                return Loaded {
                    progress: Progress::default(),
                    warning: Some(format!(
                        "could not read {}: {e}; starting without saved progress",
                        self.path.display()
                    )),
                };
            }
        };
        match serde_json::from_slice::<Progress>(&bytes) {
            Ok(p) if p.version == VERSION => Loaded { progress: p, warning: None },
            Ok(p) => self.set_aside(&format!(
                "it has version {}, this docktutor writes {VERSION}",
                p.version
            )),
            Err(e) => self.set_aside(&format!("it is damaged ({e})")),
        }
    }

    fn set_aside(&self, why: &str) -> Loaded {
        let aside = self.path.with_extension(format!("json.bad-{}", now_secs()));
        let moved = std::fs::rename(&self.path, &aside);
        let warning = match moved {
            Ok(()) => format!(
                "progress file {} could not be used: {why}. It was kept as {} and a fresh one started.",
                self.path.display(),
                aside.display()
            ),
            Err(e) => format!(
                "progress file {} could not be used: {why}; moving it aside failed too ({e})",
                self.path.display()
            ),
        };
        Loaded { progress: Progress::default(), warning: Some(warning) }
    }

    /// Write atomically: temp file in the same directory, fsync, rename.
    pub fn save(&self, progress: &Progress) -> std::io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        remove_stale_temps(dir);
        let json = serde_json::to_vec_pretty(progress).map_err(std::io::Error::other)?;
        let tmp = dir.join(format!(".progress.json.{}.tmp", std::process::id()));
        {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&json)?;
            f.write_all(b"\n")?;
            f.sync_all()?;
        }
        std::fs::rename(&tmp, &self.path)?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// Temp files left by a writer that was killed mid-write (its process is gone).
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let pid = name
            .strip_prefix(".progress.json.")
            .and_then(|r| r.strip_suffix(".tmp"))
            .and_then(|p| p.parse::<i32>().ok());
        // SAFETY: signal 0 only asks whether the process exists.
        if let Some(pid) = pid
            && pid != i32::try_from(std::process::id()).unwrap_or(0)
            && unsafe { libc::kill(pid, 0) } != 0
            && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH)
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
