//! Code blocks: owns [`CodeBlock`], which draws fenced and indented code in a
//! left frame with a language label, sets shell commands apart (prompt,
//! command, output, comment) and hard-splits long lines with a `↩` mark
//! instead of re-wrapping them.

use console::Style;

use super::page::Page;
use super::text::{chunks_by_width, expand_tabs, plain_width, sanitize, truncate};

/// Fence languages shown as terminal sessions.
const SHELLS: &[&str] =
    &["sh", "bash", "shell", "console", "zsh", "shell-session", "shellsession", "terminal"];

/// The mark that ends every piece of a hard-split line but the last.
const CONTINUATION: &str = "↩";

/// A code block being collected; rendered by [`CodeBlock::render`].
#[derive(Debug, Default)]
pub(crate) struct CodeBlock {
    lang: String,
    text: String,
}

/// How one line of a code block is styled.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Code,
    Prompt,
    Command,
    Output,
    Comment,
}

impl CodeBlock {
    /// `info` is the fence's info string (empty for indented blocks).
    pub fn new(info: &str) -> Self {
        let info = info.trim().trim_start_matches('{').trim_start_matches('.');
        let lang = info
            .split(|c: char| c.is_whitespace() || c == ',' || c == '}')
            .next()
            .unwrap_or_default();
        Self { lang: lang.to_owned(), text: String::new() }
    }

    pub fn push(&mut self, text: &str) {
        self.text.push_str(text);
    }

    pub fn render(&self, page: &mut Page) {
        let theme = page.theme;
        let text = sanitize(&self.text);
        let mut lines: Vec<_> = text.split('\n').map(expand_tabs).collect();
        if lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        let is_prompt = |l: &str| {
            let t = l.trim_start();
            t.starts_with("$ ") || t == "$"
        };
        let prompts = lines.iter().any(|l| is_prompt(l));
        let lower = self.lang.to_ascii_lowercase();
        let shell = SHELLS.contains(&lower.as_str()) || (self.lang.is_empty() && prompts);
        let frame = if shell { &theme.shell_frame } else { &theme.code_frame };

        page.begin_block();
        let avail = page.avail();
        let label = match (shell, self.lang.as_str()) {
            (true, "") => "┌─ $ shell".to_owned(),
            (true, lang) => format!("┌─ $ {lang}"),
            (false, "") => "┌──".to_owned(),
            (false, lang) => format!("┌─ {lang}"),
        };
        page.line(&theme.paint(frame, truncate(&label, avail)));
        let gutter = theme.paint(frame, "│ ");
        let room = avail.saturating_sub(2).max(3);
        for line in &lines {
            if line.trim().is_empty() {
                page.line(&theme.paint(frame, "│"));
                continue;
            }
            let role = match (shell, prompts) {
                (false, _) => Role::Code,
                _ if is_prompt(line) => Role::Prompt,
                _ if line.trim_start().starts_with('#') => Role::Comment,
                (true, true) => Role::Output,
                (true, false) => Role::Command,
            };
            let chunks = if plain_width(line) > room {
                chunks_by_width(line, room - 1)
            } else {
                vec![line.as_ref()]
            };
            let last = chunks.len().saturating_sub(1);
            for (i, chunk) in chunks.into_iter().enumerate() {
                let mut out = gutter.clone();
                out.push_str(&self.paint_chunk(
                    page,
                    chunk,
                    if i == 0 { role } else { continued(role) },
                ));
                if i < last {
                    out.push_str(&theme.paint(&theme.continuation, CONTINUATION));
                }
                page.line(&out);
            }
        }
        page.line(&theme.paint(frame, "└─"));
        page.end_block();
    }

    fn paint_chunk(&self, page: &Page, chunk: &str, role: Role) -> String {
        let theme = page.theme;
        let style: Option<&Style> = match role {
            Role::Code => None,
            Role::Command | Role::Prompt => Some(&theme.shell),
            Role::Output => Some(&theme.shell_output),
            Role::Comment => Some(&theme.comment),
        };
        if role == Role::Prompt {
            let indent = chunk.len() - chunk.trim_start().len();
            let (lead, rest) = chunk.split_at_checked(indent).unwrap_or(("", chunk));
            let rest = rest.strip_prefix('$').unwrap_or(rest);
            return format!(
                "{lead}{}{}",
                theme.paint(&theme.shell_prompt, "$"),
                theme.paint(&theme.shell, rest)
            );
        }
        match style {
            Some(style) => theme.paint(style, chunk),
            None => chunk.to_owned(),
        }
    }
}

/// The role of the pieces after the first of a hard-split line.
fn continued(role: Role) -> Role {
    if role == Role::Prompt { Role::Command } else { role }
}
