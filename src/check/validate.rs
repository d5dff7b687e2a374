//! Rules serde cannot express: checks that would assert nothing, and limits.

use super::spec::{Check, ChecksFile, LogsCheck, QuizAnswer, TaskSpec};

/// Every problem of a parsed file, as (task id, message).
pub fn problems(file: &ChecksFile) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (id, task) in &file.tasks {
        let mut msgs = Vec::new();
        task_problems(task, &mut msgs);
        out.extend(msgs.into_iter().map(|m| (id.clone(), m)));
    }
    out
}

/// Problems of one task.
pub fn task_problems(task: &TaskSpec, out: &mut Vec<String>) {
    check_problems(&task.check, out);
    if let Some(w) = &task.wait {
        if w.timeout == 0 || w.timeout > 120 {
            out.push(format!("wait.timeout must be 1 to 120 seconds, not {}", w.timeout));
        }
        if w.interval == 0 || w.interval > w.timeout.max(1) {
            out.push("wait.interval must be at least 1 and at most the timeout".into());
        }
    }
}

fn check_problems(check: &Check, out: &mut Vec<String>) {
    match check {
        Check::All(list) | Check::Any(list) => list.iter().for_each(|c| check_problems(c, out)),
        Check::Not(inner) => check_problems(inner, out),
        Check::Containers(set)
            if set.removed
                && (set.new || set.where_.is_some() || set.filters != Default::default()) =>
        {
            out.push("`removed` counts containers that are gone, so it takes no `filters`, `where` or `new`".into());
        }
        Check::Images(set)
            if set.removed
                && (set.new || set.where_.is_some() || set.filters != Default::default()) =>
        {
            out.push(
                "`removed` counts images that are gone, so it takes no `filters`, `where` or `new`"
                    .into(),
            );
        }
        Check::Logs(LogsCheck { contains: None, matches: None, .. }) => {
            out.push(
                "a `logs` check needs `contains` or `matches`; as written it asserts nothing"
                    .into(),
            );
        }
        Check::Changes(c) if c.added.is_empty() && c.changed.is_empty() && c.deleted.is_empty() => {
            out.push("a `changes` check needs `added`, `changed` or `deleted`; as written it asserts nothing".into());
        }
        Check::File(f) => {
            if let Some(t) = &f.contents
                && t.contains.is_none()
                && t.matches.is_none()
            {
                out.push("`contents` needs `contains` or `matches`".into());
            }
            if !f.path.starts_with('/') {
                out.push(format!("file path `{}` must be absolute", f.path));
            }
        }
        Check::Http(h) => {
            if !h.url.starts_with("http://") {
                out.push(format!("`{}`: only plain http:// URLs can be fetched", h.url));
            }
            if let Some(b) = &h.body
                && b.contains.is_none()
                && b.matches.is_none()
            {
                out.push("`body` needs `contains` or `matches`".into());
            }
        }
        Check::Quiz(q) => {
            if let QuizAnswer::Is(a) = &q.answer
                && !q.choices.is_empty()
                && !q.choices.iter().any(|c| c.trim().eq_ignore_ascii_case(a.plain().trim()))
            {
                out.push(format!("the answer {a} is not one of the choices"));
            }
        }
        _ => {}
    }
}
