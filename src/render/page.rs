//! The output page: owns [`Page`], which writes finished lines behind the
//! prefixes of the open containers (quote bars, list markers and hanging
//! indents), and keeps exactly one blank line between blocks.

use console::Style;

use super::text::{plain_width, truncate};
use super::theme::Theme;

/// Columns always left for content, however deep the nesting.
const MIN_CONTENT: usize = 10;

/// An open container that prefixes every line written inside it.
#[derive(Debug)]
enum Frame {
    Quote,
    /// A list item or footnote definition: `marker` on its first line,
    /// blanks of the same width after (the hanging indent).
    Item {
        marker: String,
        style: Style,
        width: usize,
        used: bool,
    },
}

/// Lines written so far plus the state needed to lay out the next ones.
pub(crate) struct Page<'t> {
    pub theme: &'t Theme,
    width: usize,
    out: String,
    frames: Vec<Frame>,
    gap: bool,
    last_blank: bool,
}

impl<'t> Page<'t> {
    pub fn new(theme: &'t Theme, width: usize) -> Self {
        Self { theme, width, out: String::new(), frames: Vec::new(), gap: false, last_blank: true }
    }

    fn prefix_width(&self) -> usize {
        let w: usize = self
            .frames
            .iter()
            .map(|f| if let Frame::Item { width, .. } = f { *width } else { 2 })
            .sum();
        w.min(self.width.saturating_sub(MIN_CONTENT))
    }

    /// Columns available for content at the current nesting.
    pub fn avail(&self) -> usize {
        self.width - self.prefix_width()
    }

    pub fn push_quote(&mut self) {
        self.frames.push(Frame::Quote);
    }

    /// Opens an item whose first line starts with `marker` (plus one space).
    pub fn push_item(&mut self, marker: &str, style: Style) {
        let width = plain_width(marker) + 1;
        self.frames.push(Frame::Item { marker: marker.to_owned(), style, width, used: false });
    }

    /// Replaces the marker of the innermost item if its first line is not out yet.
    pub fn set_marker(&mut self, new: &str, new_style: Style) {
        if let Some(Frame::Item { marker, style, width, used: false }) = self.frames.last_mut() {
            *marker = new.to_owned();
            *style = new_style;
            *width = plain_width(new) + 1;
        }
    }

    /// Closes the innermost container; an item that printed nothing still
    /// shows its marker.
    pub fn pop(&mut self) {
        if let Some(Frame::Item { used: false, .. }) = self.frames.last() {
            self.line("");
        }
        self.frames.pop();
    }

    /// Call before a block's first line: emits the pending blank line.
    pub fn begin_block(&mut self) {
        if self.gap && !self.last_blank {
            self.blank();
        }
        self.gap = false;
    }

    /// Call after a block: the next block gets a blank line before it.
    pub fn end_block(&mut self) {
        self.gap = true;
    }

    /// Drops the pending blank line (tight lists).
    pub fn tighten(&mut self) {
        self.gap = false;
    }

    /// Writes one line of already-painted content behind the prefixes.
    pub fn line(&mut self, content: &str) {
        let segs = self.prefix(false);
        self.emit(segs);
        self.out.push_str(content);
        self.out.push('\n');
        self.last_blank = false;
    }

    /// Writes a blank line (quote bars stay, trailing spaces go).
    pub fn blank(&mut self) {
        let mut segs = self.prefix(true);
        while segs.last().is_some_and(|(t, _)| t.trim().is_empty()) {
            segs.pop();
        }
        if let Some((t, _)) = segs.last_mut() {
            *t = t.trim_end().to_owned();
        }
        self.emit(segs);
        self.out.push('\n');
        self.last_blank = true;
    }

    fn prefix(&mut self, blank: bool) -> Vec<(String, Option<Style>)> {
        let quote = self.theme.quote.clone();
        let mut segs = Vec::with_capacity(self.frames.len());
        for frame in &mut self.frames {
            match frame {
                Frame::Quote => segs.push(("│ ".to_owned(), Some(quote.clone()))),
                Frame::Item { marker, style, width, used } => {
                    if blank || *used {
                        segs.push((" ".repeat(*width), None));
                    } else {
                        *used = true;
                        let pad = width.saturating_sub(plain_width(marker));
                        segs.push((marker.clone(), Some(style.clone())));
                        segs.push((" ".repeat(pad), None));
                    }
                }
            }
        }
        segs
    }

    fn emit(&mut self, segs: Vec<(String, Option<Style>)>) {
        let mut room = self.prefix_width();
        for (text, style) in segs {
            let text = truncate(&text, room);
            room = room.saturating_sub(plain_width(text));
            match style {
                Some(style) => self.out.push_str(&self.theme.paint(&style, text)),
                None => self.out.push_str(text),
            }
        }
    }

    /// The rendered page: no leading or trailing blank lines.
    pub fn finish(self) -> String {
        let mut out = self.out;
        while out.ends_with("\n\n") {
            out.pop();
        }
        out
    }
}
