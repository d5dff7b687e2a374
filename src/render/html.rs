//! Raw HTML: owns [`InlineHtml`] and [`block_lines`], which hide comments
//! (lessons hide `<!-- task: id -->` markers in them), turn `<br>` into line
//! breaks, drop well-known formatting tags but keep their text, and show any
//! other tag as written (`docker rm <container-id>` must keep its words).

use super::inline::Inline;

/// Tags whose markup is dropped (their text content is kept).
const KNOWN: &[&str] = &[
    "a",
    "abbr",
    "article",
    "b",
    "big",
    "blockquote",
    "br",
    "center",
    "cite",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "font",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "iframe",
    "img",
    "ins",
    "kbd",
    "li",
    "main",
    "mark",
    "nav",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "s",
    "samp",
    "section",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// Tags after which block HTML starts a new line.
const BREAKING: &[&str] = &[
    "br", "p", "div", "li", "tr", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "hr",
    "table", "pre",
];

/// What one inline HTML event turns into.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum InlineHtml {
    /// Nothing at all (comments, known formatting tags).
    Hidden,
    /// A line break (`<br>`).
    Break,
    /// Text to show (an image's alt text, or an unknown tag as written).
    Show(String),
}

impl InlineHtml {
    /// Adds this to the inline text being collected.
    pub fn apply(self, inline: &mut Inline) {
        match self {
            Self::Hidden => {}
            Self::Break => inline.hard_break(),
            Self::Show(text) => inline.text(&text),
        }
    }
}

/// The lower-cased name of the tag at the start of `s` (`<name` or `</name`).
fn tag_name(s: &str) -> Option<String> {
    let rest = s.strip_prefix('<')?;
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name: String =
        rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    (!name.is_empty()).then(|| name.to_ascii_lowercase())
}

/// The value of attribute `attr` in a tag, when quoted.
fn attribute(tag: &str, attr: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{attr}="))? + attr.len() + 1;
    let rest = tag.get(at..)?;
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = rest.get(1..)?;
    Some(value.split(quote).next().unwrap_or_default().to_owned())
}

/// Classifies one inline HTML event.
pub(crate) fn inline(html: &str) -> InlineHtml {
    let t = html.trim();
    if t.starts_with("<!--") || t.starts_with("<?") || t.starts_with("<!") {
        return InlineHtml::Hidden;
    }
    match tag_name(t) {
        Some(name) if name == "br" => InlineHtml::Break,
        Some(name) if name == "img" => {
            let alt = attribute(t, "alt").unwrap_or_default();
            InlineHtml::Show(if alt.is_empty() {
                "[image]".to_owned()
            } else {
                format!("[image: {alt}]")
            })
        }
        Some(name) if KNOWN.contains(&name.as_str()) => InlineHtml::Hidden,
        _ => InlineHtml::Show(html.to_owned()),
    }
}

/// Removes `<!-- ... -->` comments (an unterminated one runs to the end).
pub(crate) fn strip_comments(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find("<!--") {
        out.push_str(rest.get(..start).unwrap_or_default());
        let after = rest.get(start + 4..).unwrap_or_default();
        rest = after.find("-->").and_then(|end| after.get(end + 3..)).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// Decodes the handful of entities common in hand-written HTML.
fn decode(s: &str) -> String {
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The readable lines of an HTML block: comments hidden, known tags dropped,
/// other tags kept verbatim. Empty when the block was only comments.
pub(crate) fn block_lines(html: &str) -> Vec<String> {
    let html = strip_comments(html);
    let mut text = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(start) = rest.find('<') {
        text.push_str(rest.get(..start).unwrap_or_default());
        let tail = rest.get(start..).unwrap_or_default();
        let end = tail.find('>').map_or(tail.len(), |e| e + 1);
        let tag = tail.get(..end).unwrap_or_default();
        match tag_name(tag) {
            Some(name) if KNOWN.contains(&name.as_str()) => {
                if let InlineHtml::Show(alt) = inline(tag) {
                    text.push_str(&alt);
                }
                if BREAKING.contains(&name.as_str()) {
                    text.push('\n');
                }
            }
            _ => text.push_str(tag),
        }
        rest = tail.get(end..).unwrap_or_default();
    }
    text.push_str(rest);
    decode(&text).lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}
