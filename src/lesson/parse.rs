//! Markdown → [`Lesson`]: front matter, steps at each `##`, tasks in "Try it yourself".
//!
//! Grammar:
//! ```text
//! lesson   := "---\n" yaml "---\n" "# " title intro step*
//! step     := "## " heading body          (body up to the next "## ")
//! practice := "## Try it yourself" … ordered-list( item* )
//! item     := markdown "<!-- task: " id " -->" markdown
//! ```
//! Every problem found is reported, with its position; parsing never stops at the first.

use std::path::Path;
use std::sync::LazyLock;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use regex::Regex;

use crate::render::markdown_options;

use super::{Lesson, LessonError, LessonMeta, PRACTICE_HEADING, Position, Step, Task};

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*task:\s*([^\s>]*)\s*-->").unwrap_or_else(|e| panic!("static regex: {e}"))
});
static ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[a-z0-9]+(-[a-z0-9]+)*$").unwrap_or_else(|e| panic!("static regex: {e}"))
});

struct Ctx<'a> {
    path: &'a Path,
    source: &'a str,
    errors: Vec<LessonError>,
}

impl Ctx<'_> {
    fn error(&mut self, offset: usize, message: impl Into<String>, hint: impl Into<String>) {
        self.errors.push(LessonError {
            path: self.path.to_owned(),
            position: Position::of_offset(self.source, offset),
            message: message.into(),
            hint: Some(hint.into()),
        });
    }
}

/// Parse a lesson file. `path` only names the file in errors.
pub fn parse_lesson(path: &Path, source: &str) -> Result<Lesson, Vec<LessonError>> {
    let mut ctx = Ctx { path, source, errors: Vec::new() };
    let (meta, body_start) = front_matter(&mut ctx);
    let (steps, title_offset) = steps(&mut ctx, body_start);
    if title_offset.is_none() {
        ctx.error(
            body_start,
            "the lesson has no `# Title` heading",
            "start the body with a line `# <lesson title>`",
        );
    }
    let (tasks, list_start) = steps
        .iter()
        .find(|s| s.practice)
        .map(|s| tasks(&mut ctx, s.range.clone()))
        .unwrap_or_default();
    let practice_lead = match (steps.iter().find(|s| s.practice), list_start) {
        (Some(s), Some(at)) => source.get(s.range.start..at).unwrap_or("").trim_end().to_owned(),
        _ => String::new(),
    };
    match meta {
        Some(meta) if ctx.errors.is_empty() => {
            Ok(Lesson { meta, source: source.to_owned(), steps, tasks, practice_lead })
        }
        _ => Err(ctx.errors),
    }
}

/// Returns the metadata (if valid) and the byte offset where the body starts.
fn front_matter(ctx: &mut Ctx<'_>) -> (Option<LessonMeta>, usize) {
    let src = ctx.source;
    let Some(rest) = src.strip_prefix("---\n").or_else(|| src.strip_prefix("---\r\n")) else {
        ctx.error(0, "the lesson has no front matter", "begin the file with `---`, the fields slug, title, summary, minutes, order, images, and `---`");
        return (None, 0);
    };
    let open = src.len() - rest.len();
    let close = rest
        .find("\n---\n")
        .map(|i| (i + 1, i + 5))
        .or_else(|| rest.strip_suffix("\n---").map(|r| (r.len() + 1, rest.len())));
    let Some((yaml_len, after)) = close else {
        ctx.error(0, "the front matter is never closed", "end it with a line `---`");
        return (None, src.len());
    };
    let yaml = rest.get(..yaml_len).unwrap_or("");
    let body = open + after;
    match serde_saphyr::from_str::<LessonMeta>(yaml) {
        Ok(meta) => {
            if !ID.is_match(&meta.slug) {
                ctx.error(
                    open,
                    format!("slug `{}` is not lowercase words joined by `-`", meta.slug),
                    "use e.g. `slug: images-vs-containers`",
                );
            }
            (Some(meta), body)
        }
        Err(e) => {
            // The parser counts lines from the front matter's first line (line 2 of the file).
            let (line, column) =
                e.location().map_or((1, 1), |l| (l.line() as usize, l.column() as usize));
            let message = e.to_string();
            let first = message.lines().next().unwrap_or("invalid front matter").to_owned();
            ctx.errors.push(LessonError {
                path: ctx.path.to_owned(),
                position: Position { line: line + 1, column },
                message: format!("front matter: {first}"),
                hint: Some("fields: slug, title, summary, minutes, order, images".into()),
            });
            (None, body)
        }
    }
}

fn heading_text(events: &[(Event<'_>, std::ops::Range<usize>)], from: usize) -> String {
    let mut text = String::new();
    for (ev, _) in events.iter().skip(from + 1) {
        match ev {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text.trim().to_owned()
}

/// Split the body at each `##`. The part before the first `##` is the introduction.
fn steps(ctx: &mut Ctx<'_>, body_start: usize) -> (Vec<Step>, Option<usize>) {
    let body = ctx.source.get(body_start..).unwrap_or("");
    let events: Vec<_> = Parser::new_ext(body, markdown_options()).into_offset_iter().collect();
    let mut title = None;
    let mut starts: Vec<(usize, String)> = Vec::new();
    for (i, (ev, range)) in events.iter().enumerate() {
        if let Event::Start(Tag::Heading { level, .. }) = ev {
            let at = body_start + range.start;
            match level {
                HeadingLevel::H1 if title.is_none() => title = Some((at, heading_text(&events, i))),
                HeadingLevel::H1 => ctx.error(
                    at,
                    "a second `# ` heading",
                    "a lesson has one title; use `## ` for steps",
                ),
                HeadingLevel::H2 => starts.push((at, heading_text(&events, i))),
                _ => {}
            }
        }
    }
    let intro_title = title.as_ref().map_or_else(String::new, |(_, t)| t.clone());
    let mut steps = Vec::new();
    let first_h2 = starts.first().map_or(ctx.source.len(), |s| s.0);
    if !body.trim().is_empty() && first_h2 > body_start {
        steps.push(Step { title: intro_title, range: body_start..first_h2, practice: false });
    }
    for (k, (at, heading)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(ctx.source.len(), |s| s.0);
        let practice = heading.eq_ignore_ascii_case(PRACTICE_HEADING);
        steps.push(Step { title: heading.clone(), range: *at..end, practice });
    }
    (steps, title.map(|(at, _)| at))
}

/// The top-level items of the first ordered list in the practice step.
/// Also returns where the list starts, so the lead-in can be shown on its own.
fn tasks(ctx: &mut Ctx<'_>, range: std::ops::Range<usize>) -> (Vec<Task>, Option<usize>) {
    let section = ctx.source.get(range.clone()).unwrap_or("");
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut in_list = false;
    let mut done = false;
    let mut list_start = None;
    for (ev, r) in Parser::new_ext(section, markdown_options()).into_offset_iter() {
        match ev {
            Event::Start(Tag::List(Some(_))) if depth == 0 && !done => {
                in_list = true;
                list_start = Some(range.start + r.start);
                depth += 1;
            }
            Event::Start(Tag::List(_)) => depth += 1,
            Event::End(TagEnd::List(_)) => {
                depth = depth.saturating_sub(1);
                if depth == 0 && in_list {
                    in_list = false;
                    done = true;
                }
            }
            Event::Start(Tag::Item) if in_list && depth == 1 => items.push(r),
            _ => {}
        }
    }
    if items.is_empty() {
        ctx.error(
            range.start,
            "\"Try it yourself\" has no numbered list of tasks",
            "list each task as `1. … <!-- task: some-id -->`",
        );
    }
    let mut tasks: Vec<Task> = Vec::new();
    for (n, r) in items.into_iter().enumerate() {
        let at = range.start + r.start;
        let item = section.get(r).unwrap_or("");
        let markers: Vec<_> = MARKER.captures_iter(item).collect();
        let Some(m) = markers.first() else {
            ctx.error(at, format!("task {} has no `<!-- task: ID -->` marker", n + 1), "end the item's first line with `<!-- task: some-id -->` and add `some-id` to the check file");
            continue;
        };
        let whole = m.get(0).map_or(0..0, |g| g.range());
        let id = m.get(1).map_or("", |g| g.as_str()).to_owned();
        let marker_at = at + whole.start;
        if markers.len() > 1 {
            ctx.error(
                marker_at,
                format!("task {} has {} task markers", n + 1, markers.len()),
                "one marker per list item; split it into several tasks",
            );
        }
        if !ID.is_match(&id) {
            ctx.error(
                marker_at,
                format!("task id `{id}` is not lowercase words joined by `-`"),
                "use e.g. `<!-- task: start-again -->`",
            );
        } else if tasks.iter().any(|t| t.id == id) {
            ctx.error(
                marker_at,
                format!("task id `{id}` is used twice"),
                "give every task its own id",
            );
        }
        let text = strip_item(item, whole);
        tasks.push(Task {
            id,
            number: n + 1,
            text,
            position: Position::of_offset(ctx.source, marker_at),
        });
    }
    (tasks, list_start)
}

/// The item's Markdown without its list marker, its task marker, or the item indent.
fn strip_item(item: &str, marker: std::ops::Range<usize>) -> String {
    let mut s = String::with_capacity(item.len());
    s.push_str(item.get(..marker.start).unwrap_or(""));
    s.push_str(item.get(marker.end..).unwrap_or(""));
    let body = s.trim_start();
    let body = body
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['.', ')'])
        .trim_start();
    let indent = item.len() - item.trim_start().len() + 3;
    body.lines()
        .map(|l| {
            let pad = l.len() - l.trim_start_matches(' ').len();
            l.get(pad.min(indent)..).unwrap_or(l)
        })
        .collect::<Vec<_>>()
        .join("\n")
        .trim_end()
        .to_owned()
}
