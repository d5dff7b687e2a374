//! GFM tables: owns [`Table`], which collects cells, fits column widths to
//! the page (shrinking the widest columns first, words kept whole as long as
//! possible), wraps cell text inside box-drawn cells, and falls back to one
//! `Header: value` record per row when even minimal columns do not fit.

use pulldown_cmark::Alignment;

use super::inline::{Kind, Piece};
use super::page::Page;
use super::wrap::{Line, measure, wrap};

/// Narrowest column worth drawing; below this the table is stacked.
const MIN_COL: usize = 4;

/// Longest word a column is widened for; longer words (URLs) get split.
const WORD_CAP: usize = 16;

type Cell = Vec<Piece>;

/// A table being collected; rendered by [`Table::render`].
#[derive(Debug, Default)]
pub(crate) struct Table {
    aligns: Vec<Alignment>,
    head: Vec<Cell>,
    rows: Vec<Vec<Cell>>,
    row: Vec<Cell>,
}

impl Table {
    pub fn new(aligns: Vec<Alignment>) -> Self {
        Self { aligns, ..Self::default() }
    }

    pub fn push_cell(&mut self, cell: Cell) {
        self.row.push(cell);
    }

    /// Ends the header (`head`) or a body row.
    pub fn end_row(&mut self, head: bool) {
        let row = std::mem::take(&mut self.row);
        if head { self.head = row } else { self.rows.push(row) }
    }

    fn columns(&self) -> usize {
        self.rows
            .iter()
            .map(Vec::len)
            .chain([self.head.len(), self.aligns.len()])
            .max()
            .unwrap_or(0)
    }

    /// Column widths fitting `inner` columns of content, or `None` when the
    /// table reads better stacked: columns narrower than [`MIN_COL`], or so
    /// many words split that a grid would be mostly broken words.
    fn widths(&self, n: usize, inner: usize) -> Option<Vec<usize>> {
        if n * MIN_COL > inner {
            return None;
        }
        let mut natural = vec![2; n];
        let mut longest = vec![2; n];
        for row in std::iter::once(&self.head).chain(&self.rows) {
            for (c, cell) in row.iter().enumerate() {
                let (nat, long) = measure(cell);
                if let (Some(n), Some(l)) = (natural.get_mut(c), longest.get_mut(c)) {
                    *n = (*n).max(nat);
                    *l = (*l).max(long);
                }
            }
        }
        if natural.iter().sum::<usize>() <= inner {
            return Some(natural);
        }
        // Start from the longest word (capped: longer ones get split anyway)...
        let mut widths: Vec<usize> =
            natural.iter().zip(&longest).map(|(&nat, &long)| nat.min(long).min(WORD_CAP)).collect();
        if widths.iter().sum::<usize>() * 4 > inner * 5 {
            return None;
        }
        // ...shrink the widest while it does not fit (splitting some words)...
        while widths.iter().sum::<usize>() > inner {
            let widest = (0..n)
                .filter(|&c| widths.get(c).is_some_and(|&w| w > MIN_COL))
                .max_by_key(|&c| widths.get(c));
            match widest.and_then(|c| widths.get_mut(c)) {
                Some(w) => *w -= 1,
                None => break,
            }
        }
        // ...then share what is left in proportion to what each column lacks.
        let lack: Vec<usize> =
            natural.iter().zip(&widths).map(|(nat, w)| nat.saturating_sub(*w)).collect();
        let total: usize = lack.iter().sum();
        let extra = inner.saturating_sub(widths.iter().sum());
        for (w, l) in widths.iter_mut().zip(&lack) {
            *w += (extra * l).checked_div(total).unwrap_or(0).min(*l);
        }
        let mut left = inner.saturating_sub(widths.iter().sum());
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&c| {
            std::cmp::Reverse(
                natural
                    .get(c)
                    .copied()
                    .unwrap_or(0)
                    .saturating_sub(widths.get(c).copied().unwrap_or(0)),
            )
        });
        for c in order.into_iter().cycle().take(n * 2) {
            if left == 0 {
                break;
            }
            if let (Some(w), Some(nat)) = (widths.get_mut(c), natural.get(c))
                && *w < *nat
            {
                *w += 1;
                left -= 1;
            }
        }
        Some(widths)
    }

    pub fn render(&self, page: &mut Page) {
        let n = self.columns();
        if n == 0 {
            return;
        }
        page.begin_block();
        let avail = page.avail();
        match self.widths(n, avail.saturating_sub(3 * n + 1)) {
            Some(widths) => self.draw(page, &widths),
            None => self.stack(page, avail),
        }
        page.end_block();
    }

    fn draw(&self, page: &mut Page, widths: &[usize]) {
        let theme = page.theme;
        let border = |l: &str, fill: &str, mid: &str, r: &str| {
            let inner: Vec<String> = widths.iter().map(|w| fill.repeat(w + 2)).collect();
            theme.paint(&theme.table_border, &format!("{l}{}{r}", inner.join(mid)))
        };
        let wrapped = |row: &[Cell]| -> Vec<Vec<Line>> {
            widths
                .iter()
                .enumerate()
                .map(|(c, &w)| row.get(c).map(|cell| wrap(cell, w)).unwrap_or_default())
                .collect()
        };
        let body: Vec<_> = self.rows.iter().map(|r| wrapped(r)).collect();
        let separated = body.iter().any(|cells| cells.iter().any(|l| l.len() > 1));
        page.line(&border("┌", "─", "┬", "┐"));
        self.draw_row(page, widths, &wrapped(&self.head));
        page.line(&border("╞", "═", "╪", "╡"));
        for (i, cells) in body.iter().enumerate() {
            if i > 0 && separated {
                page.line(&border("├", "─", "┼", "┤"));
            }
            self.draw_row(page, widths, cells);
        }
        page.line(&border("└", "─", "┴", "┘"));
    }

    fn draw_row(&self, page: &mut Page, widths: &[usize], cells: &[Vec<Line>]) {
        let theme = page.theme;
        let bar = theme.paint(&theme.table_border, "│");
        let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        for i in 0..height {
            let mut out = bar.clone();
            for (c, &w) in widths.iter().enumerate() {
                let line = cells.get(c).and_then(|l| l.get(i));
                let (text, used) = line.map_or((String::new(), 0), |l| (l.paint(theme), l.width));
                let pad = w.saturating_sub(used);
                let (left, right) = match self.aligns.get(c) {
                    Some(Alignment::Right) => (pad, 0),
                    Some(Alignment::Center) => (pad / 2, pad - pad / 2),
                    _ => (0, pad),
                };
                out.push_str(&format!(" {}{text}{} {bar}", " ".repeat(left), " ".repeat(right)));
            }
            page.line(&out);
        }
    }

    /// Narrow fallback: each row as a bulleted record of `Header: value`
    /// lines (empty cells left out, unless their whole column is empty).
    fn stack(&self, page: &mut Page, avail: usize) {
        let theme = page.theme;
        for row in &self.rows {
            let mut first = true;
            for (c, cell) in row.iter().enumerate() {
                if is_empty(cell)
                    && self.rows.iter().any(|r| r.get(c).is_some_and(|x| !is_empty(x)))
                {
                    continue;
                }
                let mut pieces = self.head.get(c).cloned().unwrap_or_default();
                pieces.push(Piece::new(": ", Kind::Header));
                pieces.extend(cell.iter().cloned());
                for line in wrap(&pieces, avail.saturating_sub(2)) {
                    let lead =
                        if first { theme.paint(&theme.bullet, "• ") } else { "  ".to_owned() };
                    first = false;
                    page.line(&format!("{lead}{}", line.paint(theme)));
                }
            }
        }
    }
}

fn is_empty(cell: &Cell) -> bool {
    cell.iter().all(|p| p.text.trim().is_empty())
}
