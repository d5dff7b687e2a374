//! The loop that feeds the machine and performs its effects on the terminal, the daemon and
//! the progress file. Keys, daemon events, ticks and signals arrive on one channel.
//!
//! Progress is saved after every change, so Ctrl-C, SIGTERM or a crash loses nothing, and the
//! terminal's settings are restored on every way out.

use std::collections::VecDeque;
use std::process::ExitCode;

use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

use super::input::{self, Request};
use super::machine::{Effect, Input, Phase, Shape, State, Watch};
use super::screen::Screen;
use super::term::TermGuard;
use super::watch::{self, Msg};
use crate::app::{find, runtime, warn};
use crate::catalog::{Catalog, Course};
use crate::check::{Check, Verdict};
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
    let progress = loaded.progress;
    let course = pick(catalog, slug, &progress)?;
    let plain = plain || !out.interactive;
    let _terminal = TermGuard::save();
    runtime()?.block_on(async {
        let (tx, rx) = unbounded_channel();
        let screen =
            Screen { out, course, plain, daemon: None, carry: Default::default(), last: None };
        let keys = input::spawn(plain, tx.clone());
        let mut s = Session {
            course,
            catalog,
            store,
            screen,
            daemon: None,
            tx,
            rx,
            keys,
            queue: VecDeque::new(),
            progress,
        };
        s.run().await
    })
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

/// How a task's check can be re-evaluated without a key press.
fn watch_of(check: &Check) -> Watch {
    match check {
        Check::Quiz(_) => Watch::Never,
        Check::File(_) | Check::Changes(_) | Check::Logs(_) | Check::Http(_) => Watch::Poll,
        Check::All(list) | Check::Any(list) => {
            let kinds: Vec<Watch> = list.iter().map(watch_of).collect();
            if kinds.contains(&Watch::Never) {
                Watch::Never
            } else if kinds.contains(&Watch::Poll) {
                Watch::Poll
            } else {
                Watch::Events
            }
        }
        Check::Not(inner) => watch_of(inner),
        _ => Watch::Events,
    }
}

struct Session<'a> {
    course: &'a Course,
    catalog: &'a Catalog,
    store: Store,
    screen: Screen<'a>,
    daemon: Option<Daemon>,
    tx: UnboundedSender<Msg>,
    rx: UnboundedReceiver<Msg>,
    keys: std::sync::mpsc::Sender<Request>,
    /// Messages received while waiting for something else.
    queue: VecDeque<Msg>,
    progress: Progress,
}

impl Session<'_> {
    async fn run(&mut self) -> Result<ExitCode, Failure> {
        spawn_signals(self.tx.clone());
        tokio::spawn(watch::tick(self.tx.clone()));
        self.connect().await;
        let lesson = &self.course.lesson;
        self.progress.current = Some(lesson.slug().to_owned());
        let rec = self.progress.lesson(lesson.slug()).cloned().unwrap_or_default();
        let done: Vec<bool> = lesson.tasks.iter().map(|t| rec.tasks.contains_key(&t.id)).collect();
        let specs = lesson.tasks.iter().map(|t| self.course.spec(&t.id));
        let shape = Shape {
            steps: lesson.steps.len(),
            practice: lesson.practice_step(),
            tasks: lesson.tasks.len(),
            hints: specs.clone().map(|s| s.map_or(0, |s| s.hints.len())).collect(),
            watch: specs.map(|s| s.map_or(Watch::Never, |s| watch_of(&s.check))).collect(),
        };
        let (mut state, effects) = State::resume(shape, rec.step, done);
        state.daemon_up = self.daemon.is_some();
        let mut pending: VecDeque<Effect> = effects.into();
        let mut reading = false;
        loop {
            let mut shown = false;
            while let Some(effect) = pending.pop_front() {
                shown |= matches!(
                    effect,
                    Effect::ShowStep(_)
                        | Effect::ShowTask(_)
                        | Effect::ShowVerdict(_)
                        | Effect::ShowHint { .. }
                        | Effect::NoMoreHints(_)
                        | Effect::ShowSolution(_)
                        | Effect::DaemonStatus { .. }
                        | Effect::Finished
                );
                match self.perform(&effect, &mut state).await? {
                    Step::Continue => {}
                    Step::Then(input) => pending.extend(state.step(input)),
                    Step::Exit(code) => return Ok(code),
                }
            }
            if shown {
                self.screen.footer(matches!(state.phase, Phase::Practising { .. }))?;
            }
            if !reading {
                reading = self.keys.send(Request::Key).is_ok();
            }
            let Some(msg) = self.next().await else { return Ok(ExitCode::SUCCESS) };
            let input = match msg {
                Msg::Input(i) => {
                    reading = false;
                    i
                }
                Msg::Changed => Input::DaemonChanged,
                Msg::Tick => Input::Tick,
                Msg::Lost(reason) => {
                    self.daemon = None;
                    self.screen.daemon = None;
                    self.screen.note(&format!(
                        "Lost the Docker daemon ({reason}); retrying. Your progress is saved."
                    ))?;
                    Input::DaemonLost
                }
                Msg::Back(d) => {
                    self.screen.daemon = Some(d.describe());
                    self.daemon = Some(d);
                    Input::DaemonBack
                }
                Msg::Answer(_) => continue,
            };
            pending.extend(state.step(input));
        }
    }

    /// The next message; repeated daemon news collapses into one.
    async fn next(&mut self) -> Option<Msg> {
        let msg = match self.queue.pop_front() {
            Some(m) => m,
            None => self.rx.recv().await?,
        };
        if matches!(msg, Msg::Changed | Msg::Tick) {
            while let Ok(more) = self.rx.try_recv() {
                if !matches!(more, Msg::Changed | Msg::Tick) {
                    self.queue.push_back(more);
                }
            }
        }
        Some(msg)
    }

    async fn connect(&mut self) {
        match Daemon::connect().await {
            Ok(d) => {
                self.screen.daemon = Some(d.describe());
                tokio::spawn(watch::watch(d.clone(), self.tx.clone()));
                self.daemon = Some(d);
            }
            Err(e) => {
                let text = format!(
                    "{e}\nhint: {}\nYou can keep reading; docktutor keeps trying to connect.",
                    e.hint
                );
                let line = self.screen.out.fail().apply_to(text).to_string();
                self.screen.carry.borrow_mut().push(line);
                let tx = self.tx.clone();
                tokio::spawn(async move {
                    let d = watch::reconnect(&tx).await;
                    if tx.send(Msg::Back(d.clone())).is_ok() {
                        watch::watch(d, tx).await;
                    }
                });
            }
        }
    }

    fn save(&mut self, state: &State) {
        let slug = self.course.lesson.slug().to_owned();
        self.progress.lesson_mut(&slug).step = state.step;
        if let Err(e) = self.store.save(&self.progress) {
            let _ = self.screen.note(&format!(
                "warning: could not save progress to {}: {e}",
                self.store.path.display()
            ));
        }
    }

    fn task_id(&self, task: usize) -> String {
        self.course.lesson.tasks.get(task).map(|t| t.id.clone()).unwrap_or_default()
    }

    async fn perform(&mut self, effect: &Effect, state: &mut State) -> Result<Step, Failure> {
        let slug = self.course.lesson.slug().to_owned();
        match effect {
            Effect::ShowStep(i) => self.screen.step(*i)?,
            Effect::ShowTask(t) => self.screen.task(*t, &state.done)?,
            Effect::StartTask(t) => self.record_baseline(*t).await,
            Effect::Evaluate { task, quiet } => {
                let v = self.evaluate(*task, *quiet).await;
                let passed = v.passed;
                self.screen.last = Some(v);
                return Ok(Step::Then(Input::Verdict { passed, quiet: *quiet }));
            }
            Effect::ShowVerdict(_) => {
                if let Some(v) = self.screen.last.clone() {
                    self.screen.verdict(&v)?;
                }
            }
            Effect::ShowHint { task, hint } => {
                // A fresh, quiet look at the daemon fills the hint's {count} and {names};
                // hints without placeholders need no daemon query.
                let id = self.task_id(*task);
                let text = self
                    .course
                    .spec(&id)
                    .and_then(|s| s.hints.get(*hint))
                    .map_or("", String::as_str);
                let v = if text.contains("{count}") || text.contains("{names}") {
                    self.evaluate(*task, true).await
                } else {
                    Verdict::new(false, "")
                };
                self.screen.hint(*task, *hint, &v)?;
            }
            Effect::NoMoreHints(_) => {
                self.screen.note("No more hints: press ? to see the solution.")?
            }
            Effect::ShowSolution(t) => {
                if self.confirm("Show the solution? Trying first teaches more.").await {
                    self.screen.solution(*t)?;
                } else {
                    self.screen.note("Not shown. Press h for a hint.")?;
                }
            }
            Effect::DaemonStatus { up: true } => {
                self.screen.note("The Docker daemon is back; checking again.")?
            }
            Effect::DaemonStatus { up: false } => {}
            Effect::Passed(t) => self.progress.record(&slug, &self.task_id(*t), TaskStatus::Passed),
            Effect::Skipped(t) => {
                self.progress.record(&slug, &self.task_id(*t), TaskStatus::Skipped)
            }
            Effect::Save => self.save(state),
            Effect::Finished => {
                self.save(state);
                let done = state.done.iter().filter(|d| **d).count();
                let next = self
                    .catalog
                    .courses
                    .iter()
                    .skip_while(|c| c.lesson.slug() != slug)
                    .nth(1)
                    .map(|c| c.lesson.slug());
                self.screen.finished(done, state.done.len(), next)?;
            }
            Effect::Quit { interrupted } => {
                self.save(state);
                self.screen.note(&format!("Progress saved to {}.", self.store.path.display()))?;
                return Ok(Step::Exit(if *interrupted {
                    ExitCode::from(130)
                } else {
                    ExitCode::SUCCESS
                }));
            }
        }
        Ok(Step::Continue)
    }

    /// What the daemon holds as task `t` starts (kept across sessions until the task is done).
    async fn record_baseline(&mut self, t: usize) {
        let id = self.task_id(t);
        let slug = self.course.lesson.slug().to_owned();
        if self.progress.lesson(&slug).is_some_and(|l| l.baselines.contains_key(&id)) {
            return;
        }
        if let Some(d) = &self.daemon
            && let Ok(b) = d.baseline().await
        {
            self.progress.lesson_mut(&slug).baselines.insert(id, b);
        }
    }

    async fn evaluate(&mut self, task: usize, quiet: bool) -> Verdict {
        let id = self.task_id(task);
        let slug = self.course.lesson.slug().to_owned();
        let Some(spec) = self.course.spec(&id) else {
            return Verdict::new(false, format!("task `{id}` has no check"));
        };
        if self.daemon.is_none() {
            return Verdict::new(
                false,
                "the Docker daemon is not reachable yet; docktutor keeps trying",
            );
        }
        self.record_baseline(task).await;
        let answer = match (&spec.check, quiet) {
            (Check::Quiz(_), true) => return Verdict::new(false, String::new()),
            (Check::Quiz(q), false) => match self.ask(q.clone()).await {
                Some(a) => Some(a),
                None => return Verdict::new(false, "no answer given"),
            },
            _ => None,
        };
        let Some(daemon) = self.daemon.clone() else {
            return Verdict::new(false, "the Docker daemon is not reachable");
        };
        let baseline = self.progress.lesson(&slug).and_then(|l| l.baselines.get(&id)).cloned();
        let mut spec = spec.clone();
        if quiet {
            spec.wait = None;
        }
        let ask = Ask { scope: None, baseline: baseline.as_ref(), answer: answer.as_deref() };
        match verify_task(&daemon, &spec, ask).await {
            Ok(v) => v,
            Err(e) => Verdict::new(false, format!("{e} ({})", e.hint)),
        }
    }

    /// A yes/no question through the input thread; anything but yes is no.
    async fn confirm(&mut self, question: &str) -> bool {
        if self.keys.send(Request::Confirm(question.to_owned())).is_err() {
            return false;
        }
        loop {
            match self.rx.recv().await {
                Some(Msg::Answer(a)) => {
                    return a.is_some_and(|a| {
                        a.trim().eq_ignore_ascii_case("y") || a.trim().eq_ignore_ascii_case("yes")
                    });
                }
                Some(other) => self.queue.push_back(other),
                None => return false,
            }
        }
    }

    /// Ask a quiz question through the input thread; other news waits in the queue.
    async fn ask(&mut self, q: crate::check::QuizCheck) -> Option<String> {
        self.keys.send(Request::Answer(q)).ok()?;
        loop {
            match self.rx.recv().await? {
                Msg::Answer(a) => return a,
                other => self.queue.push_back(other),
            }
        }
    }
}

enum Step {
    Continue,
    Then(Input),
    Exit(ExitCode),
}

/// SIGINT (outside raw mode) and SIGTERM end the session like `q`, but with status 130.
fn spawn_signals(tx: UnboundedSender<Msg>) {
    use tokio::signal::unix::{SignalKind, signal};
    for kind in [SignalKind::interrupt(), SignalKind::terminate()] {
        let tx = tx.clone();
        if let Ok(mut s) = signal(kind) {
            tokio::spawn(async move {
                while s.recv().await.is_some() {
                    if tx.send(Msg::Input(Input::Interrupt)).is_err() {
                        return;
                    }
                }
            });
        }
    }
}
