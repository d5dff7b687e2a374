//! Decisions about the terminal made once: colors, width, and the theme by meaning.

use std::io::IsTerminal;

use console::Style;

use crate::cli::ColorChoice;

/// How output should look, decided from flags, environment and whether stdout is a terminal.
#[derive(Debug, Clone)]
pub struct Output {
    pub color: bool,
    pub hyperlinks: bool,
    pub width: usize,
    pub interactive: bool,
}

impl Output {
    pub fn detect(choice: ColorChoice, width: Option<usize>) -> Output {
        let tty = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && !no_color && !dumb,
        };
        let term_width = console::Term::stdout().size_checked().map(|(_, w)| usize::from(w));
        let width =
            width.unwrap_or_else(|| term_width.filter(|_| tty).map_or(80, |w| w.min(100))).max(20);
        Output { color, hyperlinks: color && tty, width, interactive: tty && !dumb }
    }

    pub fn render_options(&self) -> crate::render::RenderOptions {
        crate::render::RenderOptions {
            width: self.width,
            color: self.color,
            hyperlinks: self.hyperlinks,
        }
    }

    fn style(&self, s: Style) -> Style {
        if self.color { s.force_styling(true) } else { Style::new() }
    }

    pub fn heading(&self) -> Style {
        self.style(Style::new().bold())
    }
    pub fn pass(&self) -> Style {
        self.style(Style::new().green().bold())
    }
    pub fn fail(&self) -> Style {
        self.style(Style::new().red().bold())
    }
    pub fn hint(&self) -> Style {
        self.style(Style::new().yellow())
    }
    pub fn dim(&self) -> Style {
        self.style(Style::new().dim())
    }
    pub fn accent(&self) -> Style {
        self.style(Style::new().cyan())
    }
}
