//! Word wrapping of styled inline text: owns [`Line`] and [`wrap`], which
//! break [`Piece`]s into words (whitespace, plus between ideographs), hard-split
//! words wider than the line, and fit them with textwrap's first-fit algorithm.

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::inline::{Piece, Sty};
use super::text::is_cjk;
use super::theme::Theme;

/// A run of text with one style inside a [`Line`].
#[derive(Clone, Debug)]
pub(crate) struct Run {
    pub text: String,
    pub sty: Sty,
}

/// One wrapped output line and its display width.
#[derive(Clone, Debug, Default)]
pub(crate) struct Line {
    pub runs: Vec<Run>,
    pub width: usize,
}

impl Line {
    fn push(&mut self, text: &str, sty: &Sty) {
        match self.runs.last_mut() {
            Some(last) if last.sty == *sty => last.text.push_str(text),
            _ => self.runs.push(Run { text: text.to_owned(), sty: sty.clone() }),
        }
    }

    /// The line with its styles (and OSC 8 hyperlinks) applied.
    pub fn paint(&self, theme: &Theme) -> String {
        let mut out = String::new();
        for run in &self.runs {
            let painted = theme.paint(&theme.inline(&run.sty), &run.text);
            match (&run.sty.href, theme.enabled()) {
                (Some(url), true) => {
                    out.push_str(&format!("\x1b]8;;{url}\x1b\\{painted}\x1b]8;;\x1b\\"))
                }
                _ => out.push_str(&painted),
            }
        }
        out
    }
}

/// A word: styled segments with no break opportunity inside.
#[derive(Debug, Default)]
struct Word {
    segs: Vec<Run>,
    width: usize,
    space: bool,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        if self.space { 1.0 } else { 0.0 }
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Splits pieces into lines at hard breaks, and each line into words.
fn words(pieces: &[Piece]) -> Vec<Vec<Word>> {
    let mut groups = vec![Vec::new()];
    let mut cur = Word::default();
    for piece in pieces {
        if piece.text == "\n" {
            finish(&mut groups, &mut cur, false);
            groups.push(Vec::new());
            continue;
        }
        for g in piece.text.graphemes(true) {
            if g.chars().all(|c| c.is_whitespace() && c != '\u{a0}') {
                finish(&mut groups, &mut cur, true);
            } else if is_cjk(g) {
                finish(&mut groups, &mut cur, false);
                cur.width = g.width();
                cur.segs.push(Run { text: g.to_owned(), sty: piece.sty.clone() });
                finish(&mut groups, &mut cur, false);
            } else {
                cur.width += g.width();
                match cur.segs.last_mut() {
                    Some(last) if last.sty == piece.sty => last.text.push_str(g),
                    _ => cur.segs.push(Run { text: g.to_owned(), sty: piece.sty.clone() }),
                }
            }
        }
    }
    finish(&mut groups, &mut cur, false);
    groups
}

/// Ends the current word; `space` marks whitespace after it (collapsed, and
/// dropped at the start of a line).
fn finish(groups: &mut [Vec<Word>], cur: &mut Word, space: bool) {
    let Some(group) = groups.last_mut() else {
        return;
    };
    if cur.segs.is_empty() {
        if let Some(prev) = group.last_mut().filter(|_| space) {
            prev.space = true;
        }
        return;
    }
    let mut word = std::mem::take(cur);
    word.space = space;
    group.push(word);
}

/// Hard-splits a word wider than `width` into chunks that fit.
fn split_word(word: Word, width: usize, out: &mut Vec<Word>) {
    if word.width <= width {
        out.push(word);
        return;
    }
    let space = word.space;
    let mut chunk = Word::default();
    for seg in word.segs {
        for g in seg.text.graphemes(true) {
            let w = g.width();
            if chunk.width + w > width && !chunk.segs.is_empty() {
                out.push(std::mem::take(&mut chunk));
            }
            chunk.width += w;
            match chunk.segs.last_mut() {
                Some(last) if last.sty == seg.sty => last.text.push_str(g),
                _ => chunk.segs.push(Run { text: g.to_owned(), sty: seg.sty.clone() }),
            }
        }
    }
    chunk.space = space;
    out.push(chunk);
}

/// Wraps `pieces` into lines of at most `width` columns (`width >= 2`).
pub(crate) fn wrap(pieces: &[Piece], width: usize) -> Vec<Line> {
    let width = width.max(2);
    let mut lines = Vec::new();
    let mut groups = words(pieces);
    if groups.len() > 1 && groups.last().is_some_and(Vec::is_empty) {
        groups.pop();
    }
    for group in groups {
        let mut fitted = Vec::with_capacity(group.len());
        for word in group {
            split_word(word, width, &mut fitted);
        }
        if fitted.is_empty() {
            lines.push(Line::default());
            continue;
        }
        for ws in wrap_first_fit(&fitted, &[width as f64]) {
            let mut line = Line::default();
            let mut prev: Option<&Word> = None;
            for word in ws {
                if let Some(p) = prev.filter(|p| p.space) {
                    let (a, b) = (p.segs.last().map(|r| &r.sty), word.segs.first().map(|r| &r.sty));
                    let sty = if a == b { a.cloned().unwrap_or_default() } else { Sty::default() };
                    line.push(" ", &sty);
                    line.width += 1;
                }
                for seg in &word.segs {
                    line.push(&seg.text, &seg.sty);
                }
                line.width += word.width;
                prev = Some(word);
            }
            lines.push(line);
        }
    }
    lines
}

/// Natural width (widest hard-broken line, unwrapped) and widest word.
pub(crate) fn measure(pieces: &[Piece]) -> (usize, usize) {
    let mut natural = 0;
    let mut longest = 0;
    for group in words(pieces) {
        let mut line = 0;
        for (i, word) in group.iter().enumerate() {
            longest = longest.max(word.width);
            line += word.width + usize::from(word.space && i + 1 < group.len());
        }
        natural = natural.max(line);
    }
    (natural, longest)
}
