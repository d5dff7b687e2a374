//! The event walker: owns [`Renderer`], which maps pulldown-cmark events to
//! blocks on the [`Page`] (paragraphs, headings, lists, quotes, rules) and
//! hands code blocks, tables and HTML to their own modules. Unknown events
//! degrade to plain text; nothing here can panic on any input.

use std::collections::HashMap;

use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};

use super::code::CodeBlock;
use super::heading::{Heading, alert_label, heading_level};
use super::html;
use super::inline::{Inline, Kind};
use super::list::List;
use super::page::Page;
use super::table::Table;
use super::theme::Theme;
use super::wrap::wrap;

/// Walks the events of one document and lays them out on a [`Page`].
pub(crate) struct Renderer<'t> {
    page: Page<'t>,
    inline: Inline,
    lists: Vec<List>,
    code: Option<CodeBlock>,
    table: Option<Table>,
    html: Option<String>,
    meta: bool,
    footnotes: HashMap<String, usize>,
}

impl<'t> Renderer<'t> {
    pub fn new(theme: &'t Theme, width: usize, hyperlinks: bool) -> Self {
        Self {
            page: Page::new(theme, width),
            inline: Inline::new(theme.enabled(), hyperlinks),
            lists: Vec::new(),
            code: None,
            table: None,
            html: None,
            meta: false,
            footnotes: HashMap::new(),
        }
    }

    /// Renders all `events` and returns the page.
    pub fn run(mut self, events: &[Event]) -> String {
        for (i, event) in events.iter().enumerate() {
            self.event(events, i, event);
        }
        self.flush();
        self.page.finish()
    }

    fn event(&mut self, events: &[Event], i: usize, event: &Event) {
        if self.meta {
            self.meta = !matches!(event, Event::End(TagEnd::MetadataBlock(_)));
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, events, i),
            Event::End(tag) => self.end(*tag),
            Event::Text(t) => match (&mut self.code, &mut self.html) {
                (Some(code), _) => code.push(t),
                (None, Some(html)) => html.push_str(t),
                (None, None) => self.inline.text(t),
            },
            Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => self.inline.code(t),
            Event::Html(t) | Event::InlineHtml(t) => match &mut self.html {
                Some(html) => html.push_str(t),
                None => html::inline(t).apply(&mut self.inline),
            },
            Event::FootnoteReference(label) => {
                let n = self.footnote(label);
                self.inline.footnote_ref(n);
            }
            Event::SoftBreak => self.inline.text(" "),
            Event::HardBreak => self.inline.hard_break(),
            Event::Rule => {
                self.flush();
                self.page.begin_block();
                let theme = self.page.theme;
                self.page.line(&theme.paint(&theme.rule, &"─".repeat(self.page.avail())));
                self.page.end_block();
            }
            Event::TaskListMarker(done) => {
                if let Some(list) = self.lists.last() {
                    let (marker, style) = list.task_marker(*done, self.page.theme);
                    self.page.set_marker(&marker, style);
                }
            }
        }
    }

    fn start(&mut self, tag: &Tag, events: &[Event], i: usize) {
        let theme = self.page.theme;
        match tag {
            Tag::Heading { level, .. } => {
                self.flush();
                self.inline.heading = heading_level(*level);
            }
            Tag::BlockQuote(kind) => {
                self.flush();
                self.page.begin_block();
                self.page.push_quote();
                if let Some(kind) = kind {
                    self.page.line(&theme.paint(&theme.alert, alert_label(*kind)));
                }
            }
            Tag::CodeBlock(kind) => {
                self.flush();
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.as_ref(),
                    CodeBlockKind::Indented => "",
                };
                self.code = Some(CodeBlock::new(info));
            }
            Tag::HtmlBlock => {
                self.flush();
                self.html = Some(String::new());
            }
            Tag::List(start) => {
                self.flush();
                if self.lists.last().is_some_and(|l| l.tight) {
                    self.page.tighten();
                }
                self.lists.push(List::new(*start, self.lists.len(), events, i, theme));
            }
            Tag::Item => {
                self.flush();
                let Some(list) = self.lists.last_mut() else {
                    return self.page.push_item("•", theme.bullet.clone());
                };
                if list.tight && list.started {
                    self.page.tighten()
                } else {
                    self.page.begin_block()
                }
                let marker = list.next_marker();
                self.page.push_item(&marker, theme.bullet.clone());
            }
            Tag::FootnoteDefinition(label) => {
                self.flush();
                self.page.begin_block();
                let n = self.footnote(label);
                self.page.push_item(&format!("[{n}]"), theme.footnote.clone());
            }
            Tag::Table(aligns) => {
                self.flush();
                self.table = Some(Table::new(aligns.clone()));
            }
            Tag::TableHead => self.inline.base = Kind::Header,
            Tag::TableCell => drop(self.inline.take()),
            Tag::Emphasis => self.inline.emphasis(true),
            Tag::Strong => self.inline.strong(true),
            Tag::Strikethrough => self.inline.strike(true),
            Tag::Link { dest_url, .. } => self.inline.start_link(dest_url, false),
            Tag::Image { dest_url, .. } => self.inline.start_link(dest_url, true),
            Tag::MetadataBlock(_) => self.meta = true,
            Tag::TableRow | Tag::Superscript | Tag::Subscript => {}
            Tag::Paragraph
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => self.flush(),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                let heading = Heading { level: self.inline.heading, pieces: self.inline.take() };
                heading.render(&mut self.page);
                self.inline.heading = 0;
            }
            TagEnd::BlockQuote(_) | TagEnd::Item | TagEnd::FootnoteDefinition => {
                self.flush();
                self.page.pop();
                self.page.end_block();
            }
            TagEnd::CodeBlock => {
                if let Some(code) = self.code.take() {
                    code.render(&mut self.page);
                }
            }
            TagEnd::HtmlBlock => {
                let lines = html::block_lines(&self.html.take().unwrap_or_default());
                for (n, line) in lines.iter().enumerate() {
                    if n > 0 {
                        self.inline.hard_break();
                    }
                    self.inline.text(line);
                }
                self.flush();
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
                self.page.end_block();
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    table.render(&mut self.page);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    table.end_row(tag == TagEnd::TableHead);
                }
                self.inline.base = Kind::Text;
            }
            TagEnd::TableCell => {
                let cell = self.inline.take();
                if let Some(table) = &mut self.table {
                    table.push_cell(cell);
                }
            }
            TagEnd::Emphasis => self.inline.emphasis(false),
            TagEnd::Strong => self.inline.strong(false),
            TagEnd::Strikethrough => self.inline.strike(false),
            TagEnd::Link | TagEnd::Image => self.inline.end_link(),
            TagEnd::MetadataBlock(_) => self.meta = false,
            TagEnd::Superscript | TagEnd::Subscript => {}
            TagEnd::Paragraph
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => self.flush(),
        }
    }

    fn footnote(&mut self, label: &str) -> usize {
        let next = self.footnotes.len() + 1;
        *self.footnotes.entry(label.to_owned()).or_insert(next)
    }

    /// Writes pending inline text as a wrapped paragraph.
    fn flush(&mut self) {
        if !self.inline.has_content() {
            self.inline.take();
            return;
        }
        let pieces = self.inline.take();
        self.page.begin_block();
        for line in wrap(&pieces, self.page.avail()) {
            self.page.line(&line.paint(self.page.theme));
        }
        self.page.end_block();
    }
}
