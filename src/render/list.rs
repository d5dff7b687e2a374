//! List state: owns [`List`], which knows whether a list is tight, numbers
//! ordered items from their start (right-aligned so text lines up), picks
//! bullets by depth and draws task-list boxes.

use console::Style;
use pulldown_cmark::{Event, Tag};

use super::theme::Theme;

/// Bullets for unordered lists, by nesting depth.
const BULLETS: [&str; 3] = ["•", "◦", "▪"];

/// One open list.
#[derive(Debug)]
pub(crate) struct List {
    /// Items hold inline text directly (no blank lines between items).
    pub tight: bool,
    /// At least one item has been opened.
    pub started: bool,
    next: Option<u64>,
    num_width: usize,
    depth: usize,
    color: bool,
    last: String,
}

impl List {
    /// `start` is the number of the first item of an ordered list; `i` is
    /// the index of the list's start event in `events` (used to look ahead).
    pub fn new(
        start: Option<u64>,
        depth: usize,
        events: &[Event],
        i: usize,
        theme: &Theme,
    ) -> Self {
        let (items, loose) = scan(events, i);
        let num_width =
            start.map_or(0, |s| s.saturating_add(items.saturating_sub(1)).to_string().len());
        Self {
            tight: !loose,
            started: false,
            next: start,
            num_width,
            depth,
            color: theme.enabled(),
            last: String::new(),
        }
    }

    /// The marker of the next item (`•`, or ` 9.` aligned with `10.`).
    pub fn next_marker(&mut self) -> String {
        self.started = true;
        self.last = match &mut self.next {
            Some(n) => {
                let marker = format!("{:>w$}.", n, w = self.num_width);
                *n = n.saturating_add(1);
                marker
            }
            None => BULLETS.get(self.depth % BULLETS.len()).copied().unwrap_or("•").to_owned(),
        };
        self.last.clone()
    }

    /// The marker of the current item once it turns out to be a task.
    pub fn task_marker(&self, done: bool, theme: &Theme) -> (String, Style) {
        let tick = match (self.color, done) {
            (true, true) => "☒",
            (true, false) => "☐",
            (false, true) => "[x]",
            (false, false) => "[ ]",
        };
        let marker =
            if self.next.is_some() { format!("{} {tick}", self.last) } else { tick.to_owned() };
        (marker, if done { theme.task_done.clone() } else { theme.bullet.clone() })
    }
}

/// Counts the items of the list starting at `events[i]` and tells whether it
/// is loose (an item holds a paragraph directly).
fn scan(events: &[Event], i: usize) -> (u64, bool) {
    let mut depth = 0usize;
    let mut items = 0;
    for event in events.iter().skip(i + 1) {
        match event {
            Event::Start(Tag::Paragraph) if depth == 1 => return (items, true),
            Event::Start(tag) => {
                if depth == 0 && matches!(tag, Tag::Item) {
                    items += 1;
                }
                depth += 1;
            }
            Event::End(_) => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    (items, false)
}
