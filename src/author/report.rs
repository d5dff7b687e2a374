//! Printing findings: like a compiler (miette: file:line:col, the source line with the span
//! underlined, the fix), or one JSON object per finding for editors and CI annotations.

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource, Report,
    Severity as MSeverity,
};

use super::lint::{Files, Finding, Severity};

/// Byte span of the token at (line, column), for underlining.
fn span(text: &str, line: usize, column: usize) -> Option<(usize, usize)> {
    if line == 0 {
        return None;
    }
    let start_of_line: usize = text.split_inclusive('\n').take(line - 1).map(str::len).sum();
    let line_text = text.get(start_of_line..)?.lines().next()?;
    let col_byte: usize =
        line_text.chars().take(column.saturating_sub(1)).map(char::len_utf8).sum();
    let rest = line_text.get(col_byte..)?;
    let len = rest
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | '}' | ']' | ':'))
        .unwrap_or(rest.len())
        .max(1);
    Some((start_of_line + col_byte, len.min(rest.len().max(1))))
}

/// The parser's own message without its snippet (miette draws one).
fn headline(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message);
    // serde-saphyr starts with "error: line L column C: "; the position is shown anyway.
    // ("…: error: line L column C: msg" when wrapped, e.g. by the resource-limit wording.)
    let first = first.replacen("error: ", "", 1);
    let re = regex::Regex::new(r"line \d+ column \d+: ").ok();
    re.map_or(first.clone(), |re| re.replace(&first, "").into_owned())
}

pub fn render_human(files: &Files, findings: &[Finding], color: bool, width: usize) -> String {
    let theme = if color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(width).with_context_lines(1);
    let mut out = String::new();
    for f in findings {
        let d = &f.diag;
        let severity = match f.severity {
            Severity::Error => MSeverity::Error,
            Severity::Warning => MSeverity::Warning,
        };
        let mut diag = MietteDiagnostic::new(headline(&d.message)).with_severity(severity);
        if let Some(h) = &d.hint {
            diag = diag.with_help(h.clone());
        }
        let text = files.text(&d.path);
        let name = d.path.display().to_string();
        let report = match text.and_then(|t| span(t, d.line, d.column)) {
            Some((at, len)) => {
                let diag = diag.with_label(LabeledSpan::at(at..at + len, "here"));
                Report::new(diag)
                    .with_source_code(NamedSource::new(name, text.unwrap_or("").to_owned()))
            }
            None => {
                let where_ =
                    if d.line > 0 { format!("{name}:{}:{}", d.line, d.column) } else { name };
                Report::new(MietteDiagnostic {
                    message: format!("{where_}: {}", headline(&d.message)),
                    ..diag
                })
            }
        };
        if handler.render_report(&mut out, report.as_ref()).is_err() {
            out.push_str(&format!("{d}\n"));
        }
        out.push('\n');
    }
    out
}

pub fn render_json(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            let d = &f.diag;
            serde_json::json!({
                "severity": f.severity,
                "file": d.path.display().to_string(),
                "line": d.line,
                "column": d.column,
                "message": headline(&d.message),
                "hint": d.hint,
            })
            .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
