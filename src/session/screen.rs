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

    fn clear(&self) {
        if !self.plain {
            let _ = console::Term::stdout().clear_screen();
        }
    }

    pub fn step(&self, index: usize) -> std::io::Result<()> {
        let lesson = &self.course.lesson;
        let Some(step) = lesson.steps.get(index) else {
            return Ok(());
        };
        self.clear();
        let n = lesson.steps.len();
        writeln!(
            self.w(),
            "{}",
            self.out
                .dim()
                .apply_to(format!("{} · step {}/{n}", lesson.meta.title, index + 1))
        )?;
        self.markdown(lesson.step_source(step))
    }

    pub fn task(&self, index: usize, done: &[bool]) -> std::io::Result<()> {
        let lesson = &self.course.lesson;
        let Some(task) = lesson.tasks.get(index) else {
            return Ok(());
        };
        self.clear();
        let finished = done.iter().filter(|d| **d).count();
        writeln!(
            self.w(),
            "{}",
            self.out.dim().apply_to(format!(
                "{} · Try it yourself · {finished}/{} done",
                lesson.meta.title,
                lesson.tasks.len()
            ))
        )?;
        self.markdown(&lesson.practice_lead)?;
        let mut w = self.w();
        writeln!(
            w,
            "{}",
            self.out
                .heading()
                .apply_to(format!("Task {} of {}", task.number, lesson.tasks.len()))
        )?;
        drop(w);
        self.markdown(&task.text)?;
        writeln!(
            self.w(),
            "{}",
            self.out.dim().apply_to(
                "Do it in another terminal with the docker command, then press Enter to check."
            )
        )
    }

    pub fn verdict(&self, v: &Verdict) -> std::io::Result<()> {
        let mut w = self.w();
        if v.passed {
            writeln!(
                w,
                "{} {}",
                self.out.pass().apply_to("✓ Done!"),
                v.explanation
            )
        } else {
            writeln!(
                w,
                "{} {}",
                self.out.fail().apply_to("✗ Not yet:"),
                v.explanation
            )
        }
    }

    pub fn note(&self, text: &str) -> std::io::Result<()> {
        writeln!(self.w(), "{}", self.out.hint().apply_to(text))
    }

    pub fn hint(&self, task: usize, hint: usize) -> std::io::Result<()> {
        let Some(t) = self.course.lesson.tasks.get(task) else {
            return Ok(());
        };
        let hints = self
            .course
            .spec(&t.id)
            .map(|s| s.hints.as_slice())
            .unwrap_or(&[]);
        let Some(text) = hints.get(hint) else {
            return Ok(());
        };
        write!(
            self.w(),
            "{} ",
            self.out
                .hint()
                .apply_to(format!("Hint {}/{}:", hint + 1, hints.len()))
        )?;
        self.markdown(text)
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
