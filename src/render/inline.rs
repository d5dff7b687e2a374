//! Inline content: owns [`Inline`], the buffer that turns pulldown-cmark's
//! inline events (text, code, emphasis, links, images, footnote references,
//! breaks) into styled [`Piece`]s, ready to be wrapped.

use std::rc::Rc;

use super::text::sanitize;

/// What a run of text is, which decides its base style.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Kind {
    #[default]
    Text,
    Code,
    Link,
    Url,
    Image,
    Footnote,
    Header,
}

/// The full style of a run: kind, attributes, heading level, hyperlink target.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Sty {
    pub kind: Kind,
    pub emphasis: bool,
    pub strong: bool,
    pub strike: bool,
    pub heading: u8,
    /// OSC 8 target, set only when hyperlinks are on.
    pub href: Option<Rc<str>>,
}

/// A piece of inline text with one style. A `"\n"` piece is a hard break.
#[derive(Clone, Debug)]
pub(crate) struct Piece {
    pub text: String,
    pub sty: Sty,
}

impl Piece {
    pub fn new(text: impl Into<String>, kind: Kind) -> Self {
        let sty = Sty { kind, ..Sty::default() };
        Self { text: text.into(), sty }
    }
}

struct Open {
    url: Rc<str>,
    start: usize,
    image: bool,
}

/// Collects styled pieces for one paragraph, heading or table cell.
pub(crate) struct Inline {
    pieces: Vec<Piece>,
    color: bool,
    hyperlinks: bool,
    emphasis: usize,
    strong: usize,
    strike: usize,
    /// Heading level applied to everything pushed (0 = not a heading).
    pub heading: u8,
    /// Base kind for plain text (`Header` inside table headers).
    pub base: Kind,
    open: Vec<Open>,
}

impl Inline {
    pub fn new(color: bool, hyperlinks: bool) -> Self {
        Self {
            pieces: Vec::new(),
            color,
            hyperlinks: color && hyperlinks,
            emphasis: 0,
            strong: 0,
            strike: 0,
            heading: 0,
            base: Kind::Text,
            open: Vec::new(),
        }
    }

    fn sty(&self, kind: Option<Kind>) -> Sty {
        let link_kind = self.open.last().map(|o| if o.image { Kind::Image } else { Kind::Link });
        Sty {
            kind: kind.or(link_kind).unwrap_or(self.base),
            emphasis: self.emphasis > 0,
            strong: self.strong > 0,
            strike: self.strike > 0,
            heading: self.heading,
            href: if self.hyperlinks { self.open.last().map(|o| o.url.clone()) } else { None },
        }
    }

    fn push(&mut self, text: &str, sty: Sty) {
        if text.is_empty() {
            return;
        }
        let text = sanitize(text);
        match self.pieces.last_mut() {
            Some(last) if last.sty == sty && last.text != "\n" && text != "\n" => {
                last.text.push_str(&text)
            }
            _ => self.pieces.push(Piece { text: text.into_owned(), sty }),
        }
    }

    /// Ordinary text in the current style.
    pub fn text(&mut self, text: &str) {
        self.push(text, self.sty(None));
    }

    /// Text of an explicit kind (raw HTML, alert labels...).
    pub fn styled(&mut self, text: &str, kind: Kind) {
        self.push(text, self.sty(Some(kind)));
    }

    /// Inline code; backquoted when there is no colour to set it apart.
    pub fn code(&mut self, code: &str) {
        let sty = self.sty(Some(Kind::Code));
        if self.color {
            self.push(code, sty);
        } else {
            self.push(&format!("`{code}`"), sty);
        }
    }

    pub fn hard_break(&mut self) {
        self.pieces.push(Piece::new("\n", Kind::Text));
    }

    pub fn emphasis(&mut self, on: bool) {
        self.emphasis = if on { self.emphasis + 1 } else { self.emphasis.saturating_sub(1) };
    }

    pub fn strong(&mut self, on: bool) {
        self.strong = if on { self.strong + 1 } else { self.strong.saturating_sub(1) };
    }

    /// Strikethrough; marked with `~~` when there is no colour.
    pub fn strike(&mut self, on: bool) {
        if !on {
            self.strike = self.strike.saturating_sub(1);
        }
        if !self.color {
            self.text("~~");
        }
        if on {
            self.strike += 1;
        }
    }

    pub fn start_link(&mut self, url: &str, image: bool) {
        let url: Rc<str> = sanitize(url).into();
        self.open.push(Open { url, start: self.pieces.len(), image });
        if image {
            self.text("[image: ");
        }
    }

    /// Closes a link or image; shows ` <url>` unless it is a hyperlink or
    /// the URL repeats the link text.
    pub fn end_link(&mut self) {
        let Some(open) = self.open.last() else { return };
        let (url, image) = (open.url.clone(), open.image);
        let shown: String = self
            .pieces
            .get(open.start..)
            .unwrap_or_default()
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        if image {
            if shown.trim_end() == "[image:" {
                self.pieces.truncate(open.start);
                self.text("[image");
            }
            self.text("]");
        }
        self.open.pop();
        let same = shown == *url || url.strip_prefix("mailto:") == Some(shown.as_str());
        if !self.hyperlinks && !url.is_empty() && (image || !same) {
            self.text(" ");
            self.styled(&format!("<{url}>"), Kind::Url);
        }
    }

    /// A footnote reference, shown as `[n]`.
    pub fn footnote_ref(&mut self, number: usize) {
        self.styled(&format!("[{number}]"), Kind::Footnote);
    }

    /// True when there is something other than whitespace to show.
    pub fn has_content(&self) -> bool {
        self.pieces.iter().any(|p| !p.text.trim().is_empty())
    }

    /// Takes the collected pieces, leaving the buffer empty (styles stay).
    pub fn take(&mut self) -> Vec<Piece> {
        std::mem::take(&mut self.pieces)
    }
}
