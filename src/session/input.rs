//! Keys and answers from the learner, read on their own thread.
//!
//! The thread reads only when the loop asks (one request, one reply), so it is never inside
//! a raw-mode read while the loop prompts with dialoguer, and never when the process exits.

use std::io::BufRead;
use std::sync::mpsc;

use console::Key;
use tokio::sync::mpsc::UnboundedSender;

use super::machine::Input;
use super::watch::Msg;
use crate::check::QuizCheck;

/// What the loop wants read next.
pub enum Request {
    Key,
    Answer(QuizCheck),
    /// A yes/no question; the reply is an `Answer` of "y" or "n".
    Confirm(String),
}

/// Start the reader; send it requests through the returned channel.
pub fn spawn(plain: bool, tx: UnboundedSender<Msg>) -> mpsc::Sender<Request> {
    let (req_tx, req_rx) = mpsc::channel::<Request>();
    std::thread::spawn(move || {
        let term = console::Term::stdout();
        let mut lines = std::io::stdin().lock().lines();
        while let Ok(req) = req_rx.recv() {
            let msg = match req {
                Request::Key if plain => Msg::Input(plain_input(lines.next())),
                Request::Key => Msg::Input(key_input(&term)),
                Request::Answer(q) if plain => Msg::Answer(plain_answer(&q, &mut lines)),
                Request::Answer(q) => Msg::Answer(prompt_answer(&q)),
                Request::Confirm(question) if plain => {
                    println!("{question} [y/N]");
                    Msg::Answer(lines.next().and_then(Result::ok))
                }
                Request::Confirm(question) => {
                    let yes = dialoguer::Confirm::new()
                        .with_prompt(question)
                        .default(false)
                        .interact()
                        .unwrap_or(false);
                    Msg::Answer(Some(if yes { "y" } else { "n" }.to_owned()))
                }
            };
            if tx.send(msg).is_err() {
                break;
            }
        }
    });
    req_tx
}

fn plain_input(line: Option<std::io::Result<String>>) -> Input {
    match line {
        None | Some(Err(_)) => Input::Quit,
        Some(Ok(line)) => match line.trim() {
            "b" => Input::Back,
            "h" => Input::Hint,
            "s" => Input::Skip,
            "?" => Input::Solution,
            "q" => Input::Quit,
            _ => Input::Enter,
        },
    }
}

fn key_input(term: &console::Term) -> Input {
    loop {
        let Ok(key) = term.read_key() else { return Input::Interrupt };
        return match key {
            Key::Enter | Key::ArrowRight | Key::Char(' ') => Input::Enter,
            Key::Char('b') | Key::ArrowLeft | Key::Backspace => Input::Back,
            Key::Char('h') => Input::Hint,
            Key::Char('s') => Input::Skip,
            Key::Char('?') => Input::Solution,
            Key::Char('q') | Key::Escape => Input::Quit,
            Key::CtrlC => Input::Interrupt,
            _ => continue,
        };
    }
}

fn plain_answer(
    q: &QuizCheck,
    lines: &mut std::io::Lines<std::io::StdinLock<'_>>,
) -> Option<String> {
    println!("{}", q.question);
    for (i, c) in q.choices.iter().enumerate() {
        println!("  {}. {c}", i + 1);
    }
    println!("Your answer:");
    let line = lines.next()?.ok()?;
    let line = line.trim().to_owned();
    (!line.is_empty()).then_some(line)
}

fn prompt_answer(q: &QuizCheck) -> Option<String> {
    if q.choices.is_empty() {
        dialoguer::Input::<String>::new().with_prompt(&q.question).interact_text().ok()
    } else {
        let picked = dialoguer::Select::new()
            .with_prompt(&q.question)
            .items(&q.choices)
            .default(0)
            .interact_opt();
        picked.ok().flatten().and_then(|i| q.choices.get(i).cloned())
    }
}
