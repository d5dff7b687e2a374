//! Headings: owns [`Heading`], which draws H1 over a `═` rule, H2 over a `─`
//! rule (both as wide as the title) and deeper levels behind a `▸`/`▹`
//! marker with a hanging indent; also names the levels and alert titles.

use pulldown_cmark::{BlockQuoteKind, HeadingLevel};

use super::inline::Piece;
use super::page::Page;
use super::wrap::wrap;

/// A finished heading, ready to be drawn.
pub(crate) struct Heading {
    /// 1 to 6.
    pub level: u8,
    pub pieces: Vec<Piece>,
}

impl Heading {
    pub fn render(&self, page: &mut Page) {
        if !self.pieces.iter().any(|p| !p.text.trim().is_empty()) {
            return;
        }
        let theme = page.theme;
        page.begin_block();
        if self.level < 3 {
            let (rule, style) =
                if self.level == 1 { ("═", &theme.heading1) } else { ("─", &theme.heading2) };
            let lines = wrap(&self.pieces, page.avail());
            let width = lines.iter().map(|l| l.width).max().unwrap_or(0).max(1);
            for line in &lines {
                page.line(&line.paint(theme));
            }
            page.line(&theme.paint(style, &rule.repeat(width)));
        } else {
            let marker = theme.paint(&theme.heading3, if self.level == 3 { "▸ " } else { "▹ " });
            for (n, line) in wrap(&self.pieces, page.avail().saturating_sub(2)).iter().enumerate() {
                let lead = if n == 0 { marker.as_str() } else { "  " };
                page.line(&format!("{lead}{}", line.paint(theme)));
            }
        }
        page.end_block();
    }
}

/// The heading level as a number.
pub(crate) fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The title line of a GitHub-style alert quote.
pub(crate) fn alert_label(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "NOTE",
        BlockQuoteKind::Tip => "TIP",
        BlockQuoteKind::Important => "IMPORTANT",
        BlockQuoteKind::Warning => "WARNING",
        BlockQuoteKind::Caution => "CAUTION",
    }
}
