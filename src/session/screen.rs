//! What the session prints: steps, tasks, verdicts, hints, footers.

use std::io::Write;

use crate::catalog::Course;
use crate::check::Verdict;
use crate::output::Output;
use crate::render::render_markdown;

pub struct Screen<'a> {
    pub out: &'a Output,
    pub course: &'a Course,
    pub plain: bool,
    /// The daemon being watched, for the status line (`None` while unreachable).
    pub daemon: Option<String>,
    /// Shown at the top of the next screen (e.g. the verdict of the task just passed).
    pub carry: std::cell::RefCell<Vec<String>>,
    /// The last verdict, for `ShowVerdict`.
    pub last: Option<Verdict>,
}

impl Screen<'_> {
    fn w(&self) -> std::io::StdoutLock<'static> {
        std::io::stdout().lock()
    }

    fn markdown(&self, text: &str) -> std::io::Result<()> {
        let mut w = self.w();
        render_markdown(text, &self.out.render_options(), &mut w)?;
        w.flush()
    }

    /// Start a new screen: clear it (not in plain mode), then the status line and anything carried over.
    fn begin(&self, status: String) -> std::io::Result<()> {
        if !self.plain {
            let _ = console::Term::stdout().clear_screen();
        }
        let daemon = self.daemon.as_deref().unwrap_or("not connected");
        let mut w = self.w();
        writeln!(w, "{}", self.out.dim().apply_to(format!("{status} · docker: {daemon}")))?;
        for line in self.carry.borrow_mut().drain(..) {
            writeln!(w, "{line}")?;
        }
        writeln!(w)
    }

    pub fn step(&self, index: usize) -> std::io::Result<()> {
        let lesson = &self.course.lesson;
        let Some(step) = lesson.steps.get(index) else {
            return Ok(());
        };
        self.begin(format!("{} · step {}/{}", lesson.meta.title, index + 1, lesson.steps.len()))?;
        self.markdown(lesson.step_source(step))
    }

    pub fn task(&self, index: usize, done: &[bool]) -> std::io::Result<()> {
        let lesson = &self.course.lesson;
        let Some(task) = lesson.tasks.get(index) else {
            return Ok(());
        };
        let finished = done.iter().filter(|d| **d).count();
        let total = lesson.tasks.len();
        self.begin(format!("{} · Try it yourself · {finished}/{total} done", lesson.meta.title))?;
        self.markdown(&lesson.practice_lead)?;
        let title = format!("Task {} of {total}", task.number);
        writeln!(self.w(), "\n{}\n", self.out.heading().apply_to(title))?;
        self.markdown(&task.text)?;
        let tip = "Type the commands in another terminal, then press Enter here to check.";
        writeln!(self.w(), "\n{}", self.out.dim().apply_to(tip))
    }

    /// A pass is also carried to the top of the next screen, so it is seen before moving on.
    pub fn verdict(&self, v: &Verdict) -> std::io::Result<()> {
        let line = if v.passed {
            format!("{} {}", self.out.pass().apply_to("✓ Done!"), v.explanation)
        } else {
            format!("{} {}", self.out.fail().apply_to("✗ Not yet:"), v.explanation)
        };
        if v.passed && !self.plain {
            self.carry.borrow_mut().push(line.clone());
        }
        writeln!(self.w(), "{line}")
    }

    pub fn note(&self, text: &str) -> std::io::Result<()> {
        writeln!(self.w(), "{}", self.out.hint().apply_to(text))
    }

    /// `verdict` fills `{count}` and `{names}` from what the task's check found just now.
    pub fn hint(&self, task: usize, hint: usize, verdict: &Verdict) -> std::io::Result<()> {
        let Some(t) = self.course.lesson.tasks.get(task) else {
            return Ok(());
        };
        let hints = self.course.spec(&t.id).map(|s| s.hints.as_slice()).unwrap_or(&[]);
        let Some(text) = hints.get(hint) else {
            return Ok(());
        };
        write!(
            self.w(),
            "{} ",
            self.out.hint().apply_to(format!("Hint {}/{}:", hint + 1, hints.len()))
        )?;
        self.markdown(&verdict.fill_hint(text))
    }

    pub fn solution(&self, task: usize) -> std::io::Result<()> {
        let Some(t) = self.course.lesson.tasks.get(task) else {
            return Ok(());
        };
        match self.course.spec(&t.id).and_then(|s| s.solution.as_deref()) {
            Some(sol) => self.markdown(&format!("Solution:\n\n```sh\n{}\n```\n", sol.trim_end())),
            None => self.note("This task has no written solution."),
        }
    }

    pub fn footer(&self, practising: bool) -> std::io::Result<()> {
        let keys = if practising {
            "Enter check · h hint · s skip · ? solution · b back · q quit"
        } else {
            "Enter next · b back · q quit"
        };
        let mut w = self.w();
        writeln!(w, "{}", self.out.dim().apply_to(format!("── {keys}")))?;
        w.flush()
    }

    pub fn finished(&self, done: usize, total: usize, next: Option<&str>) -> std::io::Result<()> {
        let mut w = self.w();
        let title = &self.course.lesson.meta.title;
        writeln!(
            w,
            "\n{} {title}: {done}/{total} tasks done.",
            self.out.pass().apply_to("Lesson complete!")
        )?;
        if let Some(n) = next {
            writeln!(w, "Next: docktutor start {n}")?;
        }
        Ok(())
    }
}
