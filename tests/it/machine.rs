//! The session state machine, input by input.

use docktutor::session::machine::{Effect, Input, Phase, Shape, State, Watch};

fn shape() -> Shape {
    // intro, two reading steps, then the practice step with three tasks
    Shape {
        steps: 4,
        practice: Some(3),
        tasks: 3,
        hints: vec![2, 0, 1],
        watch: vec![Watch::Events, Watch::Poll, Watch::Never],
    }
}

fn fresh() -> State {
    let (s, effects) = State::resume(shape(), 0, vec![false; 3]);
    assert_eq!(effects, vec![Effect::ShowStep(0)]);
    s
}

#[test]
fn enter_reads_on_until_the_first_task() {
    let mut s = fresh();
    assert_eq!(s.step(Input::Enter), vec![Effect::ShowStep(1), Effect::Save]);
    assert_eq!(s.step(Input::Enter), vec![Effect::ShowStep(2), Effect::Save]);
    assert_eq!(s.step(Input::Enter), vec![Effect::ShowTask(0), Effect::StartTask(0), Effect::Save]);
    assert_eq!(s.phase, Phase::Practising { task: 0, hints_shown: 0 });
}

#[test]
fn back_from_the_first_step_does_nothing_and_from_a_task_returns_to_reading() {
    let mut s = fresh();
    assert_eq!(s.step(Input::Back), vec![]);
    let (mut s, _) = State::resume(shape(), 3, vec![false; 3]);
    assert_eq!(s.step(Input::Back), vec![Effect::ShowStep(2), Effect::Save]);
    assert_eq!(s.phase, Phase::Reading);
}

#[test]
fn enter_checks_and_a_failing_verdict_keeps_the_task() {
    let (mut s, _) = State::resume(shape(), 3, vec![false; 3]);
    assert_eq!(s.step(Input::Enter), vec![Effect::Evaluate { task: 0, quiet: false }]);
    assert_eq!(
        s.step(Input::Verdict { passed: false, quiet: false }),
        vec![Effect::ShowVerdict(0)]
    );
    assert_eq!(s.phase, Phase::Practising { task: 0, hints_shown: 0 });
}

#[test]
fn a_pass_records_and_moves_to_the_next_open_task() {
    let (mut s, _) = State::resume(shape(), 3, vec![false, true, false]);
    let e = s.step(Input::Verdict { passed: true, quiet: true });
    assert_eq!(
        e,
        vec![
            Effect::ShowVerdict(0),
            Effect::Passed(0),
            Effect::ShowTask(2),
            Effect::StartTask(2),
            Effect::Save
        ]
    );
    assert_eq!(s.done, vec![true, true, false]);
}

#[test]
fn hints_are_revealed_one_at_a_time_then_run_out() {
    let (mut s, _) = State::resume(shape(), 3, vec![false; 3]);
    assert_eq!(s.step(Input::Hint), vec![Effect::ShowHint { task: 0, hint: 0 }]);
    assert_eq!(s.step(Input::Hint), vec![Effect::ShowHint { task: 0, hint: 1 }]);
    assert_eq!(s.step(Input::Hint), vec![Effect::NoMoreHints(0)]);
}

#[test]
fn skip_records_skipped_and_the_last_task_finishes() {
    let (mut s, _) = State::resume(shape(), 3, vec![true, true, false]);
    assert_eq!(s.step(Input::Skip), vec![Effect::Skipped(2), Effect::Save, Effect::Finished]);
    assert_eq!(s.phase, Phase::Done);
    assert_eq!(s.step(Input::Enter), vec![Effect::Quit { interrupted: false }]);
}

#[test]
fn solution_is_shown_on_request() {
    let (mut s, _) = State::resume(shape(), 3, vec![false; 3]);
    assert_eq!(s.step(Input::Solution), vec![Effect::ShowSolution(0)]);
}

#[test]
fn quit_and_interrupt_save_first() {
    let mut s = fresh();
    assert_eq!(s.step(Input::Quit), vec![Effect::Save, Effect::Quit { interrupted: false }]);
    assert_eq!(s.step(Input::Interrupt), vec![Effect::Save, Effect::Quit { interrupted: true }]);
}

#[test]
fn resume_goes_to_the_first_unfinished_task_once_any_is_done() {
    let (s, effects) = State::resume(shape(), 1, vec![true, false, false]);
    assert_eq!(effects, vec![Effect::ShowTask(1), Effect::StartTask(1), Effect::Save]);
    assert_eq!(s.step, 3);
}

#[test]
fn resume_of_a_finished_lesson_says_so() {
    let (_, effects) = State::resume(shape(), 3, vec![true; 3]);
    assert_eq!(effects, vec![Effect::ShowStep(3), Effect::Finished]);
}

#[test]
fn a_lesson_without_practice_finishes_after_the_last_step() {
    let (mut s, _) = State::resume(
        Shape { steps: 2, practice: None, tasks: 0, hints: vec![], watch: vec![] },
        1,
        vec![],
    );
    assert_eq!(s.step(Input::Enter), vec![Effect::Save, Effect::Finished]);
}

#[test]
fn daemon_events_recheck_quietly_and_a_quiet_failure_shows_nothing() {
    let (mut s, _) = State::resume(shape(), 3, vec![false; 3]);
    assert_eq!(s.step(Input::DaemonChanged), vec![Effect::Evaluate { task: 0, quiet: true }]);
    assert_eq!(s.step(Input::Verdict { passed: false, quiet: true }), vec![]);
    // Task 0 is event-driven: the polling tick does not re-check it.
    assert_eq!(s.step(Input::Tick), vec![]);
}

#[test]
fn polled_tasks_recheck_on_ticks_and_quizzes_never_by_themselves() {
    let (mut s, _) = State::resume(shape(), 3, vec![true, false, false]);
    assert_eq!(s.step(Input::Tick), vec![Effect::Evaluate { task: 1, quiet: true }]);
    assert_eq!(s.step(Input::DaemonChanged), vec![Effect::Evaluate { task: 1, quiet: true }]);
    let (mut s, _) = State::resume(shape(), 3, vec![true, true, false]);
    assert_eq!(s.step(Input::DaemonChanged), vec![]);
    assert_eq!(s.step(Input::Tick), vec![]);
    assert_eq!(s.step(Input::Enter), vec![Effect::Evaluate { task: 2, quiet: false }]);
}

#[test]
fn daemon_loss_pauses_rechecks_and_its_return_checks_again() {
    let (mut s, _) = State::resume(shape(), 3, vec![false; 3]);
    assert_eq!(s.step(Input::DaemonLost), vec![Effect::DaemonStatus { up: false }]);
    assert_eq!(s.step(Input::DaemonLost), vec![], "said once");
    assert_eq!(s.step(Input::DaemonChanged), vec![]);
    assert_eq!(s.phase, Phase::Practising { task: 0, hints_shown: 0 }, "the session survives");
    assert_eq!(
        s.step(Input::DaemonBack),
        vec![Effect::DaemonStatus { up: true }, Effect::Evaluate { task: 0, quiet: true }]
    );
    assert_eq!(s.step(Input::Verdict { passed: true, quiet: true })[1], Effect::Passed(0));
}

#[test]
fn daemon_news_while_reading_does_nothing() {
    let mut s = fresh();
    assert_eq!(s.step(Input::DaemonChanged), vec![]);
    assert_eq!(s.step(Input::Tick), vec![]);
    assert_eq!(s.step(Input::DaemonBack), vec![Effect::DaemonStatus { up: true }]);
}
