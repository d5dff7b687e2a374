//! Text measurement and sanitising: owns [`display_width`], ANSI stripping,
//! grapheme-by-width splitting and the control-character clean-up applied to
//! every piece of source text before it reaches the terminal.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Width of `s` in terminal columns, ignoring ANSI escape sequences
/// (CSI styling and OSC 8 hyperlinks).
///
/// Measured grapheme by grapheme, exactly as the renderer measures while
/// wrapping, so a rendered line never measures wider than the width it was
/// laid out for.
pub fn display_width(s: &str) -> usize {
    plain_width(&strip_ansi(s))
}

/// Width of text known to contain no escape sequences.
pub(crate) fn plain_width(s: &str) -> usize {
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Removes CSI (`ESC [ ... final`), OSC (`ESC ] ... BEL` or `ESC ] ... ESC \`)
/// and two-character escape sequences.
pub(crate) fn strip_ansi(s: &str) -> Cow<'_, str> {
    if !s.contains('\x1b') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('[') => {
                for c in chars.by_ref() {
                    if ('\x40'..='\x7e').contains(&c) {
                        break;
                    }
                }
            }
            Some(']') => {
                while let Some(c) = chars.next() {
                    if c == '\x07' {
                        break;
                    }
                    if c == '\x1b' {
                        if chars.peek() == Some(&'\\') {
                            chars.next();
                        }
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    Cow::Owned(out)
}

/// Replaces control characters (which could move the cursor or start escape
/// sequences) by U+FFFD and drops carriage returns. Newlines are kept, tabs
/// too (the caller decides how to expand them).
pub(crate) fn sanitize(s: &str) -> Cow<'_, str> {
    let bad = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars().filter(|&c| c != '\r').map(|c| if bad(c) { '\u{FFFD}' } else { c }).collect(),
    )
}

/// Expands tabs to the next multiple-of-4 column.
pub(crate) fn expand_tabs(line: &str) -> Cow<'_, str> {
    if !line.contains('\t') {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut col = 0;
    for g in line.graphemes(true) {
        if g == "\t" {
            let n = 4 - col % 4;
            out.extend(std::iter::repeat_n(' ', n));
            col += n;
        } else {
            out.push_str(g);
            col += g.width();
        }
    }
    Cow::Owned(out)
}

/// True for ideographic scripts, where a line may break between any two
/// characters.
pub(crate) fn is_cjk(g: &str) -> bool {
    g.chars().next().is_some_and(|c| {
        matches!(c as u32,
            0x1100..=0x11FF | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
    })
}

/// Splits `s` into chunks of at most `width` columns (a single grapheme wider
/// than `width` still forms a chunk of its own, so callers keep `width >= 2`).
pub(crate) fn chunks_by_width(s: &str, width: usize) -> Vec<&str> {
    let mut chunks = Vec::new();
    let mut start = 0;
    let mut used = 0;
    for (idx, g) in s.grapheme_indices(true) {
        let w = g.width();
        if used + w > width && idx > start {
            chunks.push(s.get(start..idx).unwrap_or_default());
            start = idx;
            used = 0;
        }
        used += w;
    }
    chunks.push(s.get(start..).unwrap_or_default());
    chunks
}

/// Truncates `s` to at most `width` columns.
pub(crate) fn truncate(s: &str, width: usize) -> &str {
    let mut used = 0;
    for (idx, g) in s.grapheme_indices(true) {
        used += g.width();
        if used > width {
            return s.get(..idx).unwrap_or_default();
        }
    }
    s
}
