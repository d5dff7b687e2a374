//! Content checks (file, `docker diff`, logs, HTTP) and quiz answers.

use super::eval::{EvalInput, Verdict};
use super::eval_sets::answered;
use super::matcher::{Pattern, Scalar};
use super::props::Props;
use super::query::{file_key, filters_key};
use super::spec::{
    ChangesCheck, FileCheck, HttpCheck, LogsCheck, QuizAnswer, QuizCheck, TextCheck,
};
use super::words;

/// The first way `text` fails the conditions, if any.
fn text_mismatch(
    what: &str,
    contains: Option<&str>,
    matches: Option<&Pattern>,
    text: &str,
) -> Option<String> {
    if let Some(c) = contains
        && !text.contains(c)
    {
        return Some(format!(
            "{what} does not contain {c:?}; it begins {:?}",
            words::excerpt(text, 80)
        ));
    }
    if let Some(Pattern(re)) = matches
        && !re.is_match(text)
    {
        let start = words::excerpt(text, 80);
        return Some(format!("{what} does not match /{}/; it begins {start:?}", re.as_str()));
    }
    None
}

fn text_check(what: &str, t: &TextCheck, text: &str) -> Option<String> {
    text_mismatch(what, t.contains.as_deref(), t.matches.as_ref(), text)
}

pub(super) fn file(f: &FileCheck, input: &EvalInput<'_>) -> Verdict {
    let answer =
        input.snapshot.files.get(&file_key(&f.container, &f.path)).cloned().unwrap_or_default();
    let at = format!("{} in container {}", f.path, f.container);
    if !answer.container_exists {
        return Verdict::fail(format!("no container named \"{}\"", f.container));
    }
    match (answer.exists, f.exists) {
        (false, true) => return Verdict::fail(format!("there is no file {at}")),
        (false, false) => return Verdict::pass(format!("there is no file {at}")),
        (true, false) => return Verdict::fail(format!("{at} still exists")),
        (true, true) => {}
    }
    let mut p = Props::new();
    p.int("size", f.size.as_ref(), answer.size).text("mode", f.mode.as_ref(), &answer.mode);
    if let Some(t) = &f.contents {
        let text = answer.contents.as_deref().unwrap_or("");
        if let Some(m) = text_check("its contents", t, text) {
            p.require(false, || m);
        }
    }
    match p.mismatch() {
        Some(m) => Verdict::fail(format!("{at}: {m}")),
        None => {
            Verdict::pass(format!("{at} is there ({} bytes, mode {})", answer.size, answer.mode))
        }
    }
}

pub(super) fn changes(c: &ChangesCheck, input: &EvalInput<'_>) -> Verdict {
    let Some(Some(list)) = input.snapshot.changes.get(&c.container) else {
        return Verdict::fail(format!("no container named \"{}\"", c.container));
    };
    let wanted = [("added", &c.added), ("changed", &c.changed), ("deleted", &c.deleted)];
    for (kind, paths) in wanted {
        for path in paths {
            if !list.iter().any(|ch| ch.kind == kind && &ch.path == path) {
                let shown: Vec<String> =
                    list.iter().map(|ch| format!("{} {}", ch.kind, ch.path)).collect();
                let seen = if shown.is_empty() {
                    "no changes".to_owned()
                } else {
                    words::list_items(&shown, 6)
                };
                return Verdict::fail(format!(
                    "{path} is not {kind} in container {}; docker diff shows {seen}",
                    c.container
                ));
            }
        }
    }
    Verdict::pass(format!(
        "docker diff of {} shows {} change(s) as expected",
        c.container,
        list.len()
    ))
}

pub(super) fn logs(l: &LogsCheck, input: &EvalInput<'_>) -> Verdict {
    let Some(Some(text)) = input.snapshot.logs.get(&l.container) else {
        return Verdict::fail(format!("no container named \"{}\"", l.container));
    };
    match text_mismatch(
        &format!("the output of {}", l.container),
        l.contains.as_deref(),
        l.matches.as_ref(),
        text,
    ) {
        Some(m) => Verdict::fail(m),
        None => Verdict::pass(format!("the output of {} is as expected", l.container)),
    }
}

pub(super) fn http(h: &HttpCheck, input: &EvalInput<'_>) -> Verdict {
    let answer = input.snapshot.http.get(&h.url).cloned().unwrap_or_default();
    let Some(status) = answer.status else {
        let why = answer.error.unwrap_or_else(|| "no answer".into());
        return Verdict::fail(format!("nothing answered at {}: {why}", h.url));
    };
    if !h.status.matches(Some(&Scalar::Int(status.into()))) {
        return Verdict::fail(format!(
            "{} answered with status {status}, expected {}",
            h.url,
            h.status.describe()
        ));
    }
    if let Some(b) = &h.body
        && let Some(m) = text_check("the page", b, &answer.body)
    {
        return Verdict::fail(format!("{}: {m}", h.url));
    }
    Verdict::pass(format!("{} answered with status {status}", h.url))
}

fn normal(s: &str) -> String {
    s.trim().to_lowercase()
}

pub(super) fn quiz(q: &QuizCheck, input: &EvalInput<'_>) -> Verdict {
    let Some(raw) = input.answer else {
        return Verdict::fail(format!(
            "this is a question: {} (answer it in the runner, or with --answer)",
            q.question
        ));
    };
    // A choice may be answered by its number.
    let given = raw
        .trim()
        .parse::<usize>()
        .ok()
        .and_then(|n| q.choices.get(n.wrapping_sub(1)))
        .map_or(raw, String::as_str);
    let accepted: Vec<String> = match &q.answer {
        QuizAnswer::Is(s) => vec![s.plain()],
        QuizAnswer::OneOf(list) => list.iter().map(Scalar::plain).collect(),
        QuizAnswer::CountOfContainers(s) => vec![
            answered(
                &input.snapshot.containers,
                &filters_key(&input.scope.container_set(&s.filters)),
            )
            .len()
            .to_string(),
        ],
        QuizAnswer::CountOfImages(s) => vec![
            answered(&input.snapshot.images, &filters_key(&input.scope.image_set(&s.filters)))
                .len()
                .to_string(),
        ],
        QuizAnswer::CountOfVolumes(s) => vec![
            answered(&input.snapshot.volumes, &filters_key(&input.scope.volume_set(&s.filters)))
                .len()
                .to_string(),
        ],
        QuizAnswer::CountOfNetworks(s) => vec![
            answered(&input.snapshot.networks, &filters_key(&input.scope.network_set(&s.filters)))
                .len()
                .to_string(),
        ],
    };
    if accepted.iter().any(|a| normal(a) == normal(given)) {
        Verdict::pass(format!("{given:?} is right"))
    } else {
        Verdict::fail(format!("{given:?} is not the answer to: {}", q.question))
    }
}
