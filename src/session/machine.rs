//! The learner's session as a pure state machine: `step(state, input) -> effects`.
//!
//! Inputs are keys, daemon news, ticks and verdicts; effects are what the driver must do
//! (show, evaluate, save, quit). Nothing here does I/O, so every path is unit-tested.

/// What the machine needs to know about the lesson.
#[derive(Debug, Clone)]
pub struct Shape {
    pub steps: usize,
    /// Index of the "Try it yourself" step.
    pub practice: Option<usize>,
    pub tasks: usize,
    /// Number of hints of each task.
    pub hints: Vec<usize>,
    /// How each task's check can be re-evaluated without a key press.
    pub watch: Vec<Watch>,
}

/// What can tell a waiting task that it may be done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Watch {
    /// A daemon event (container, image, volume or network changed).
    Events,
    /// Nothing the daemon reports (file contents, logs, HTTP): re-check on a timer, and on events.
    Poll,
    /// Only the learner can (a quiz needs an answer).
    Never,
}

/// A key or an outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Enter: continue, or check the task now.
    Enter,
    Back,
    Hint,
    Skip,
    Solution,
    Quit,
    /// Ctrl-C or SIGTERM.
    Interrupt,
    /// Something changed on the daemon.
    DaemonChanged,
    /// The polling timer fired.
    Tick,
    /// The daemon stopped answering.
    DaemonLost,
    /// The daemon answers again.
    DaemonBack,
    /// The result of an `Evaluate` effect.
    Verdict {
        passed: bool,
        quiet: bool,
    },
}

/// Something the driver must do, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    ShowStep(usize),
    /// Show the practice lead-in, then task `usize`.
    ShowTask(usize),
    /// Record what the daemon holds now: task `usize` starts.
    StartTask(usize),
    /// Check task `task` now; `quiet` (automatic) checks show nothing unless they pass.
    Evaluate {
        task: usize,
        quiet: bool,
    },
    /// The daemon's reachability changed: update the status line.
    DaemonStatus {
        up: bool,
    },
    /// Show the verdict of the last evaluation.
    ShowVerdict(usize),
    ShowHint {
        task: usize,
        hint: usize,
    },
    NoMoreHints(usize),
    ShowSolution(usize),
    Passed(usize),
    Skipped(usize),
    /// Persist the step/task position.
    Save,
    /// Every task is done: show the summary.
    Finished,
    Quit {
        interrupted: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    Reading,
    Practising { task: usize, hints_shown: usize },
    Done,
}

#[derive(Debug, Clone)]
pub struct State {
    pub shape: Shape,
    pub step: usize,
    pub phase: Phase,
    /// Tasks passed or skipped.
    pub done: Vec<bool>,
    /// Whether the daemon answers.
    pub daemon_up: bool,
}

impl State {
    /// Start or resume: at the first unfinished task if the learner had reached the practice
    /// step, else at the saved step.
    pub fn resume(shape: Shape, saved_step: usize, done: Vec<bool>) -> (State, Vec<Effect>) {
        let mut s = State {
            step: saved_step.min(shape.steps.saturating_sub(1)),
            phase: Phase::Reading,
            done,
            shape,
            daemon_up: true,
        };
        let effects = match s.shape.practice {
            Some(p) if s.step >= p || s.done.iter().any(|d| *d) => s.enter_practice(p),
            _ => vec![Effect::ShowStep(s.step)],
        };
        (s, effects)
    }

    fn next_open_task(&self, from: usize) -> Option<usize> {
        (from..self.shape.tasks)
            .chain(0..from)
            .find(|t| !self.done.get(*t).copied().unwrap_or(false))
    }

    fn enter_practice(&mut self, practice: usize) -> Vec<Effect> {
        self.step = practice;
        match self.next_open_task(0) {
            Some(t) => self.begin_task(t),
            None => {
                self.phase = Phase::Done;
                vec![Effect::ShowStep(practice), Effect::Finished]
            }
        }
    }

    fn begin_task(&mut self, task: usize) -> Vec<Effect> {
        self.phase = Phase::Practising { task, hints_shown: 0 };
        vec![Effect::ShowTask(task), Effect::StartTask(task), Effect::Save]
    }

    fn after_task(&mut self, task: usize) -> Vec<Effect> {
        if let Some(d) = self.done.get_mut(task) {
            *d = true;
        }
        match self.next_open_task(task + 1) {
            Some(t) => self.begin_task(t),
            None => {
                self.phase = Phase::Done;
                vec![Effect::Save, Effect::Finished]
            }
        }
    }

    /// Advance the machine by one input.
    pub fn step(&mut self, input: Input) -> Vec<Effect> {
        match input {
            Input::Quit => return vec![Effect::Save, Effect::Quit { interrupted: false }],
            Input::Interrupt => return vec![Effect::Save, Effect::Quit { interrupted: true }],
            Input::DaemonLost => {
                let changed = self.daemon_up;
                self.daemon_up = false;
                return if changed { vec![Effect::DaemonStatus { up: false }] } else { Vec::new() };
            }
            Input::DaemonBack => {
                self.daemon_up = true;
                let mut e = vec![Effect::DaemonStatus { up: true }];
                e.extend(self.auto_check(Watch::Events));
                return e;
            }
            Input::DaemonChanged => return self.auto_check(Watch::Events),
            Input::Tick => return self.auto_check(Watch::Poll),
            _ => {}
        }
        match self.phase.clone() {
            Phase::Reading => self.reading(input),
            Phase::Practising { task, hints_shown } => self.practising(task, hints_shown, input),
            Phase::Done => match input {
                Input::Back => self.back(),
                Input::Enter => vec![Effect::Quit { interrupted: false }],
                _ => Vec::new(),
            },
        }
    }

    /// A quiet re-check of the waiting task, if `cause` can reveal that it is done.
    fn auto_check(&self, cause: Watch) -> Vec<Effect> {
        let Phase::Practising { task, .. } = self.phase else { return Vec::new() };
        let watch = self.shape.watch.get(task).copied().unwrap_or(Watch::Never);
        let fires = match cause {
            Watch::Events => watch != Watch::Never,
            Watch::Poll => watch == Watch::Poll,
            Watch::Never => false,
        };
        if fires && self.daemon_up {
            vec![Effect::Evaluate { task, quiet: true }]
        } else {
            Vec::new()
        }
    }

    fn back(&mut self) -> Vec<Effect> {
        self.phase = Phase::Reading;
        self.step = self.step.saturating_sub(1);
        vec![Effect::ShowStep(self.step), Effect::Save]
    }

    fn reading(&mut self, input: Input) -> Vec<Effect> {
        match input {
            Input::Enter => {
                let next = self.step + 1;
                match self.shape.practice {
                    Some(p) if next >= p => self.enter_practice(p),
                    _ if next >= self.shape.steps => {
                        self.phase = Phase::Done;
                        vec![Effect::Save, Effect::Finished]
                    }
                    _ => {
                        self.step = next;
                        vec![Effect::ShowStep(next), Effect::Save]
                    }
                }
            }
            Input::Back if self.step > 0 => self.back(),
            _ => Vec::new(),
        }
    }

    fn practising(&mut self, task: usize, hints_shown: usize, input: Input) -> Vec<Effect> {
        match input {
            Input::Enter => vec![Effect::Evaluate { task, quiet: false }],
            Input::Verdict { passed: true, .. } => {
                let mut e = vec![Effect::ShowVerdict(task), Effect::Passed(task)];
                e.extend(self.after_task(task));
                e
            }
            Input::Verdict { passed: false, quiet: false } => vec![Effect::ShowVerdict(task)],
            Input::Verdict { passed: false, quiet: true } => Vec::new(),
            Input::Hint => {
                let available = self.shape.hints.get(task).copied().unwrap_or(0);
                if hints_shown < available {
                    self.phase = Phase::Practising { task, hints_shown: hints_shown + 1 };
                    vec![Effect::ShowHint { task, hint: hints_shown }]
                } else {
                    vec![Effect::NoMoreHints(task)]
                }
            }
            Input::Skip => {
                let mut e = vec![Effect::Skipped(task)];
                e.extend(self.after_task(task));
                e
            }
            Input::Solution => vec![Effect::ShowSolution(task)],
            Input::Back => self.back(),
            _ => Vec::new(),
        }
    }
}
