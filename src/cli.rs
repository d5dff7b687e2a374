//! The command line. The doc comments below are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Learn Docker in your terminal, with lessons that check your work on the real daemon.
///
/// Read a lesson here, type real `docker` commands in another terminal, and docktutor
/// asks the Docker daemon whether you really did it.
///
/// Getting started:
///   docktutor list                            the lessons, with your progress
///   docktutor start images-vs-containers      begin a lesson (or resume it)
///   docktutor start                           resume where you left off
///   docktutor check images-vs-containers      verify the lesson's tasks now
///
/// docktutor talks to the same daemon as your `docker` command: DOCKER_HOST if set,
/// else /var/run/docker.sock. Progress is kept in $DOCKTUTOR_HOME/progress.json
/// (default: ~/.local/state/docktutor/).
#[derive(Debug, Parser)]
#[command(name = "docktutor", version, verbatim_doc_comment, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Use the lessons in DIR (holding `lessons/` and `checks/`) instead of the built-in set.
    #[arg(long, global = true, env = "DOCKTUTOR_LESSONS", value_name = "DIR")]
    pub lessons: Option<PathBuf>,

    /// When to use colors and styles. `auto` uses them on a terminal unless NO_COLOR is set.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the lessons in course order, with your progress in each (the default command).
    List,

    /// Take a lesson step by step; without LESSON, resume the last one where you left off.
    ///
    /// Keys: Enter continues (or checks the current task), `b` goes back, `h` shows the next
    /// hint, `s` skips a task, `?` shows the solution, `q` quits. Progress is saved as you go.
    Start {
        /// The lesson's slug, as `docktutor list` shows it.
        lesson: Option<String>,
        /// Line-by-line mode without colors or cursor tricks (screen readers, logs, piped input).
        #[arg(long)]
        plain: bool,
    },

    /// Print a whole lesson without stopping (authors' preview; also what a pipe gets).
    Render {
        /// A lesson slug, or the path of a Markdown file.
        lesson: String,
        /// Wrap to this many columns (default: the terminal's width, or 80).
        #[arg(long, value_name = "N")]
        width: Option<usize>,
    },

    /// Verify a lesson's tasks against the daemon now, without prompts.
    ///
    /// Exit status: 0 when every selected task passes, 1 when any fails, 2 on an error
    /// (a broken lesson, an unreachable daemon).
    ///
    /// Examples:
    ///   docktutor check images-vs-containers --task start-again
    ///   docktutor check first-containers --task how-many --answer 2
    ///   docktutor check --file my-check.yaml --explain
    #[command(verbatim_doc_comment)]
    Check {
        /// The lesson's slug (or a lesson file).
        #[arg(required_unless_present = "file")]
        lesson: Option<String>,
        /// Check only this task (its id, as in `docktutor progress`).
        #[arg(long, value_name = "ID")]
        task: Option<String>,
        /// The answer to a quiz task (with --task).
        #[arg(long, value_name = "VALUE", requires = "task")]
        answer: Option<String>,
        /// Evaluate a standalone check file (a `check:` entry as in checks/*.yaml) instead.
        #[arg(long, value_name = "SPEC.yaml", conflicts_with_all = ["lesson", "task"])]
        file: Option<PathBuf>,
        /// Print JSON: `{"lesson", "tasks": [{"id", "passed", "explanation"}]}`, or for
        /// --file `{"passed", "explanation"}`.
        #[arg(long)]
        json: bool,
        /// Also show the daemon, its API version and the queries that were made.
        #[arg(long)]
        explain: bool,
    },

    /// Make sure the images the lessons need are on the daemon (for classrooms): pulls what is
    /// missing with a bar per layer; `--save FILE` writes them to a tar file (for a USB stick),
    /// `--load FILE` loads such a file where there is no network.
    Prepare {
        /// Lesson slugs (default: every lesson).
        #[arg(value_name = "LESSON")]
        slugs: Vec<String>,
        /// After preparing, save the images to this tar file.
        #[arg(long, value_name = "FILE")]
        save: Option<PathBuf>,
        /// First load images from this tar file (made with --save or `docker save`).
        #[arg(long, value_name = "FILE")]
        load: Option<PathBuf>,
    },

    /// Print the JSON Schema of check files (editors use it to complete and validate).
    Schema,

    /// Show your progress in every lesson.
    Progress {
        /// Print it as JSON.
        #[arg(long)]
        json: bool,
    },

    /// Forget your progress in one lesson, or in all of them with --all.
    Reset {
        /// The lesson's slug.
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        lesson: Option<String>,
        /// Forget everything.
        #[arg(long)]
        all: bool,
        /// Do not ask for confirmation.
        #[arg(long, short)]
        yes: bool,
    },

    /// Self-test lessons against the real daemon: for every task, the check must fail
    /// before its solution runs and pass after.
    ///
    /// Everything the test creates is labelled `docktutor.selftest=<run>` and removed
    /// afterwards; listing and pruning in the lessons' commands are scoped to that label,
    /// so unrelated containers, images, volumes and networks are left alone.
    Test {
        /// Lesson slugs (default: every lesson).
        #[arg(value_name = "LESSON")]
        slugs: Vec<String>,
        /// Print one JSON object per task instead of a table.
        #[arg(long)]
        json: bool,
    },

    /// Lint lessons and checks like a compiler: every problem with file:line:col, the source
    /// line underlined, and how to fix it. Exit 1 on any error.
    ///
    /// PATHs are lesson files, check files, or lesson packs (directories with lessons/ and
    /// checks/); without PATH, the built-in lessons.
    Lint {
        /// Files or lesson packs to lint.
        paths: Vec<PathBuf>,
        /// `human` (compiler-style) or `json` (one object per finding, for editors and CI).
        #[arg(long, value_enum, default_value_t = LintFormat::Human)]
        format: LintFormat,
    },

    /// Start a new lesson: writes lessons/SLUG.md and checks/SLUG.yaml (in --lessons DIR, or
    /// here) with a sample step, a sample task, its check, hints and solution.
    New {
        /// Lowercase words joined by `-`.
        slug: String,
    },

    /// Render a lesson and show each task's verdict against the daemon; with --watch, again on
    /// every save.
    Preview {
        /// A lesson slug, or the path of a lesson file (needed for --watch).
        lesson: String,
        /// Re-render and re-check whenever the lesson or its check file changes.
        #[arg(long)]
        watch: bool,
        /// Wrap to this many columns.
        #[arg(long, value_name = "N")]
        width: Option<usize>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    Human,
    Json,
}
