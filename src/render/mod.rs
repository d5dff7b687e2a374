//! Terminal Markdown rendering for lessons: owns the public entry points
//! ([`render_markdown`], [`render_to_string`], [`RenderOptions`]) and wires
//! the parser to the [`renderer`] walker. Output never exceeds the requested
//! width (measured with [`display_width`]) and, without colour, contains no
//! escape code at all.

mod code;
mod heading;
mod html;
mod inline;
mod list;
mod page;
mod renderer;
mod table;
mod text;
mod theme;
mod wrap;

use pulldown_cmark::{Event, Options, Parser};

pub use text::display_width;
pub use theme::Theme;

/// Narrowest width rendered; smaller requests are clamped up to it.
pub const MIN_WIDTH: usize = 20;

/// How to render.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Total output width in terminal columns (clamp to a minimum of 20).
    pub width: usize,
    /// Emit ANSI styling (colors, bold...). When false, NO escape codes at all.
    pub color: bool,
    /// Emit OSC 8 hyperlinks for links (only meaningful when color is true).
    pub hyperlinks: bool,
}

/// Render Markdown `source` (may start with YAML front matter between `---` lines, which is hidden) to `out`.
pub fn render_markdown(
    source: &str,
    opts: &RenderOptions,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    out.write_all(render_to_string(source, opts).as_bytes())
}

/// The Markdown dialect of lessons, shared by everything that reads them (parser, lint,
/// renderer), so a lesson is split into steps exactly as it is drawn.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_GFM
}

/// Convenience: render into a String.
pub fn render_to_string(source: &str, opts: &RenderOptions) -> String {
    let events: Vec<Event> = Parser::new_ext(source, markdown_options()).collect();
    let theme = Theme::new(opts.color);
    renderer::Renderer::new(&theme, opts.width.max(MIN_WIDTH), opts.hyperlinks).run(&events)
}
