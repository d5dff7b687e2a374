//! The colour theme: owns [`Theme`], the set of `console::Style`s named by
//! meaning, and the one place where text gets painted (or deliberately left
//! unpainted when colour is off).

use console::Style;

use super::inline::{Kind, Sty};

/// Styles named by what they mark, not by how they look.
///
/// Built with `force_styling(true)` when colour is on (we decide about colour,
/// not console's terminal detection); when colour is off, [`Theme::paint`]
/// returns the text untouched so no escape code can slip out.
#[derive(Debug, Clone)]
pub struct Theme {
    enabled: bool,
    /// Level-1 heading text and its `═` underline.
    pub heading1: Style,
    /// Level-2 heading text and its `─` underline.
    pub heading2: Style,
    /// Level-3 to level-6 headings.
    pub heading3: Style,
    /// `*emphasis*` (italic).
    pub emphasis: Style,
    /// `**strong**` (bold).
    pub strong: Style,
    /// `~~strikethrough~~`.
    pub strike: Style,
    /// Inline `code`.
    pub code: Style,
    /// Link text.
    pub link: Style,
    /// The ` <url>` shown after link text.
    pub url: Style,
    /// `[image: alt]`.
    pub image: Style,
    /// Footnote references and definition labels.
    pub footnote: Style,
    /// The `│` bar of block quotes.
    pub quote: Style,
    /// The label of GitHub-style alerts (`> [!NOTE]`).
    pub alert: Style,
    /// Horizontal rules and heading underlines below H1/H2.
    pub rule: Style,
    /// List bullets and numbers.
    pub bullet: Style,
    /// Checked task box.
    pub task_done: Style,
    /// Frame and label of ordinary code blocks.
    pub code_frame: Style,
    /// Frame and label of shell code blocks.
    pub shell_frame: Style,
    /// The `$` prompt in shell blocks.
    pub shell_prompt: Style,
    /// A command typed after a prompt, or any line of a script block.
    pub shell: Style,
    /// Output lines in shell transcripts.
    pub shell_output: Style,
    /// `#` comments in shell blocks.
    pub comment: Style,
    /// The `↩` mark of hard-split code lines.
    pub continuation: Style,
    /// Table borders.
    pub table_border: Style,
    /// Table header cells.
    pub table_header: Style,
}

impl Theme {
    /// A theme that paints when `color` is true and never paints otherwise.
    pub fn new(color: bool) -> Self {
        let s = || Style::new().force_styling(color);
        Self {
            enabled: color,
            heading1: s().bold().cyan().bright(),
            heading2: s().bold().cyan(),
            heading3: s().bold().yellow(),
            emphasis: s().italic(),
            strong: s().bold(),
            strike: s().strikethrough().dim(),
            code: s().yellow(),
            link: s().blue().bright().underlined(),
            url: s().blue().dim(),
            image: s().magenta(),
            footnote: s().cyan(),
            quote: s().magenta().dim(),
            alert: s().bold().yellow(),
            rule: s().dim(),
            bullet: s().cyan(),
            task_done: s().green(),
            code_frame: s().dim(),
            shell_frame: s().green(),
            shell_prompt: s().green().bold(),
            shell: s().bold(),
            shell_output: s().dim(),
            comment: s().dim().italic(),
            continuation: s().red().dim(),
            table_border: s().dim(),
            table_header: s().bold(),
        }
    }

    /// Whether this theme emits escape codes.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// `text` painted with `style`, or `text` itself when colour is off.
    pub fn paint(&self, style: &Style, text: &str) -> String {
        if self.enabled && !text.is_empty() {
            style.apply_to(text).to_string()
        } else {
            text.to_owned()
        }
    }

    /// The style of one inline run: its kind's base style plus attributes.
    pub(crate) fn inline(&self, sty: &Sty) -> Style {
        let mut s = match sty.kind {
            Kind::Code => self.code.clone(),
            Kind::Link => self.link.clone(),
            Kind::Url => self.url.clone(),
            Kind::Image => self.image.clone(),
            Kind::Footnote => self.footnote.clone(),
            Kind::Header => self.table_header.clone(),
            Kind::Text => match sty.heading {
                0 => Style::new().force_styling(self.enabled),
                1 => self.heading1.clone(),
                2 => self.heading2.clone(),
                _ => self.heading3.clone(),
            },
        };
        if sty.strong || sty.heading > 0 {
            s = s.bold();
        }
        if sty.emphasis {
            s = s.italic();
        }
        if sty.strike {
            s = s.strikethrough().dim();
        }
        s
    }
}
