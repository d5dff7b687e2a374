//! Temporary: replaced by the real renderer (src/render/) before this lands.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    pub width: usize,
    pub color: bool,
    pub hyperlinks: bool,
}
pub fn render_markdown(
    source: &str,
    _opts: &RenderOptions,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    out.write_all(source.as_bytes())
}
pub fn render_to_string(source: &str, _opts: &RenderOptions) -> String {
    source.to_owned()
}
pub fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(console::strip_ansi_codes(s).as_ref())
}
