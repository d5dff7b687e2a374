//! The loop that performs the machine's effects: terminal, daemon and progress file.
//!
//! Progress is saved after every change, so Ctrl-C, SIGTERM or a crash loses nothing.

use std::io::BufRead;
use std::process::ExitCode;

use console::Key;

use super::machine::{Effect, Input, Phase, Shape, State};
use super::screen::Screen;
use crate::app::{find, runtime, warn};
use crate::catalog::{Catalog, Course};
use crate::check::{Check, QuizCheck, Verdict};
use crate::docker::Daemon;
use crate::failure::Failure;
use crate::output::Output;
use crate::progress::{Progress, Store, TaskStatus};
use crate::verify::{Ask, verify_task};

/// `docktutor start [LESSON]`.
pub fn start(
    catalog: &Catalog,
    slug: Option<&str>,
    plain: bool,
    out: &Output,
) -> Result<ExitCode, Failure> {
    let store = Store::default_location();
    let loaded = store.load();
    warn(loaded.warning.as_deref());
    let mut progress = loaded.progress;
    let course = pick(catalog, slug, &progress)?;
    let plain = plain || !out.interactive;
    let rt = runtime()?;
    let mut driver = Driver {
        course,
        store,
        screen: Screen { out, course, plain, daemon: None, carry: Default::default() },
        daemon: None,
        last: None,
        rt: &rt,
        keys: Keys::new(plain),
    };
    driver.connect();
    progress.current = Some(course.lesson.slug().to_owned());
    let lesson = &course.lesson;
    let rec = progress.lesson(lesson.slug()).cloned().unwrap_or_default();
    let done: Vec<bool> = lesson.tasks.iter().map(|t| rec.tasks.contains_key(&t.id)).collect();
    let shape = Shape {
        steps: lesson.steps.len(),
        practice: lesson.practice_step(),
        tasks: lesson.tasks.len(),
        hints: lesson
            .tasks
            .iter()
            .map(|t| course.spec(&t.id).map_or(0, |s| s.hints.len()))
            .collect(),
    };
    let (mut state, effects) = State::resume(shape, rec.step, done);
    let mut pending = effects;
    loop {
        for effect in std::mem::take(&mut pending) {
            if let Some(code) = driver.perform(&effect, &mut state, &mut progress, catalog)? {
                return Ok(code);
            }
            if let Effect::Evaluate(_) = effect {
                let passed = driver.last.as_ref().is_some_and(|v| v.passed);
                pending.extend(state.step(Input::Verdict { passed }));
            }
        }
        if !pending.is_empty() {
            continue;
        }
        driver.screen.footer(matches!(state.phase, Phase::Practising { .. }))?;
        pending = state.step(driver.keys.next());
    }
}

fn pick<'a>(
    catalog: &'a Catalog,
    slug: Option<&str>,
    progress: &Progress,
) -> Result<&'a Course, Failure> {
    if let Some(s) = slug {
        return find(catalog, s);
    }
    if let Some(c) = progress.current.as_deref().and_then(|s| catalog.get(s)) {
        return Ok(c);
    }
    catalog.courses.first().ok_or_else(|| {
        Failure::msg(
            "there are no lessons",
            Some("give --lessons DIR with a lessons/ folder".into()),
        )
    })
}

struct Driver<'a> {
    course: &'a Course,
    store: Store,
    screen: Screen<'a>,
    daemon: Option<Daemon>,
    last: Option<Verdict>,
    rt: &'a tokio::runtime::Runtime,
    keys: Keys,
}

impl Driver<'_> {
    fn connect(&mut self) -> Option<&Daemon> {
        if self.daemon.is_none() {
            match self.rt.block_on(Daemon::connect()) {
                Ok(d) => {
                    self.screen.daemon = Some(d.describe());
                    self.daemon = Some(d);
                }
                Err(e) => {
                    self.screen.daemon = None;
                    let text = format!(
                        "{e}\nhint: {}\nYou can keep reading; checks will try again.",
                        e.hint
                    );
                    let line = self.screen.out.fail().apply_to(text).to_string();
                    self.screen.carry.borrow_mut().push(line);
                }
            }
        }
        self.daemon.as_ref()
    }

    fn save(&self, progress: &Progress) {
        if let Err(e) = self.store.save(progress) {
            let _ = self.screen.note(&format!(
                "warning: could not save progress to {}: {e}",
                self.store.path.display()
            ));
        }
    }

    fn task_id(&self, task: usize) -> String {
        self.course.lesson.tasks.get(task).map(|t| t.id.clone()).unwrap_or_default()
    }

    fn perform(
        &mut self,
        effect: &Effect,
        state: &mut State,
        progress: &mut Progress,
        catalog: &Catalog,
    ) -> Result<Option<ExitCode>, Failure> {
        let slug = self.course.lesson.slug().to_owned();
        match effect {
            Effect::ShowStep(i) => self.screen.step(*i)?,
            Effect::ShowTask(t) => self.screen.task(*t, &state.done)?,
            Effect::StartTask(t) => {
                let id = self.task_id(*t);
                let has = progress.lesson(&slug).is_some_and(|l| l.baselines.contains_key(&id));
                if !has && let Some(d) = self.connect() {
                    let d = d.clone();
                    if let Ok(b) = self.rt.block_on(d.baseline()) {
                        progress.lesson_mut(&slug).baselines.insert(id, b);
                    }
                }
            }
            Effect::Evaluate(t) => self.evaluate(*t, progress),
            Effect::ShowVerdict(_) => {
                if let Some(v) = &self.last {
                    self.screen.verdict(v)?;
                }
            }
            Effect::ShowHint { task, hint } => self.screen.hint(*task, *hint)?,
            Effect::NoMoreHints(_) => {
                self.screen.note("No more hints: press ? to see the solution.")?
            }
            Effect::ShowSolution(t) => self.screen.solution(*t)?,
            Effect::Passed(t) => progress.record(&slug, &self.task_id(*t), TaskStatus::Passed),
            Effect::Skipped(t) => progress.record(&slug, &self.task_id(*t), TaskStatus::Skipped),
            Effect::Save => {
                progress.lesson_mut(&slug).step = state.step;
                self.save(progress);
            }
            Effect::Finished => {
                self.save(progress);
                let done = state.done.iter().filter(|d| **d).count();
                let next = catalog
                    .courses
                    .iter()
                    .skip_while(|c| c.lesson.slug() != slug)
                    .nth(1)
                    .map(|c| c.lesson.slug());
                self.screen.finished(done, state.done.len(), next)?;
            }
            Effect::Quit { interrupted } => {
                self.save(progress);
                self.screen.note(&format!("Progress saved to {}.", self.store.path.display()))?;
                return Ok(Some(if *interrupted {
                    ExitCode::from(130)
                } else {
                    ExitCode::SUCCESS
                }));
            }
        }
        Ok(None)
    }

    fn evaluate(&mut self, task: usize, progress: &mut Progress) {
        let id = self.task_id(task);
        let slug = self.course.lesson.slug().to_owned();
        let Some(spec) = self.course.spec(&id) else {
            self.last =
                Some(Verdict { passed: false, explanation: format!("task `{id}` has no check") });
            return;
        };
        let Some(daemon) = self.connect().cloned() else {
            self.last = Some(Verdict {
                passed: false,
                explanation: "the Docker daemon is not reachable; start it and press Enter again"
                    .into(),
            });
            return;
        };
        if !progress.lesson(&slug).is_some_and(|l| l.baselines.contains_key(&id))
            && let Ok(b) = self.rt.block_on(daemon.baseline())
        {
            progress.lesson_mut(&slug).baselines.insert(id.clone(), b);
            self.save(progress);
        }
        let baseline = progress.lesson(&slug).and_then(|l| l.baselines.get(&id)).cloned();
        let answer = match &spec.check {
            Check::Quiz(q) => match self.keys.answer(q) {
                Some(a) => Some(a),
                None => {
                    self.last =
                        Some(Verdict { passed: false, explanation: "no answer given".into() });
                    return;
                }
            },
            _ => None,
        };
        let ask = Ask { scope: None, baseline: baseline.as_ref(), answer: answer.as_deref() };
        let result = self.rt.block_on(verify_task(&daemon, spec, ask));
        self.last = Some(match result {
            Ok(v) => v,
            Err(e) => {
                self.daemon = None;
                self.screen.daemon = None;
                Verdict { passed: false, explanation: format!("{e} ({})", e.hint) }
            }
        });
    }
}

/// Keys from the terminal, or lines from stdin in plain mode.
struct Keys {
    plain: bool,
    term: console::Term,
    lines: std::io::Lines<std::io::StdinLock<'static>>,
}

impl Keys {
    fn new(plain: bool) -> Keys {
        Keys { plain, term: console::Term::stdout(), lines: std::io::stdin().lock().lines() }
    }

    fn next(&mut self) -> Input {
        if self.plain {
            return match self.lines.next() {
                None | Some(Err(_)) => Input::Quit,
                Some(Ok(line)) => match line.trim() {
                    "" => Input::Enter,
                    "b" => Input::Back,
                    "h" => Input::Hint,
                    "s" => Input::Skip,
                    "?" => Input::Solution,
                    "q" => Input::Quit,
                    _ => Input::Enter,
                },
            };
        }
        loop {
            let key = match self.term.read_key() {
                Ok(k) => k,
                Err(_) => return Input::Interrupt,
            };
            let input = match key {
                Key::Enter | Key::ArrowRight | Key::Char(' ') => Input::Enter,
                Key::Char('b') | Key::ArrowLeft | Key::Backspace => Input::Back,
                Key::Char('h') => Input::Hint,
                Key::Char('s') => Input::Skip,
                Key::Char('?') => Input::Solution,
                Key::Char('q') | Key::Escape => Input::Quit,
                Key::CtrlC => Input::Interrupt,
                _ => continue,
            };
            return input;
        }
    }
}

impl Keys {
    /// Ask a quiz question; `None` when the learner gives no answer.
    fn answer(&mut self, q: &QuizCheck) -> Option<String> {
        if self.plain {
            println!("{}", q.question);
            for (i, c) in q.choices.iter().enumerate() {
                println!("  {}. {c}", i + 1);
            }
            println!("Your answer:");
            let line = self.lines.next()?.ok()?;
            let line = line.trim().to_owned();
            return (!line.is_empty()).then_some(line);
        }
        if q.choices.is_empty() {
            dialoguer::Input::<String>::new().with_prompt(&q.question).interact_text().ok()
        } else {
            let i = dialoguer::Select::new()
                .with_prompt(&q.question)
                .items(&q.choices)
                .default(0)
                .interact_opt()
                .ok()??;
            q.choices.get(i).cloned()
        }
    }
}
