//! Render throughput on the 442 real Docker documentation pages, side by side with mdcat.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use docktutor::render::{RenderOptions, display_width, render_to_string};

use crate::stats::{Table, quick};

fn pages(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            pages(&p, out);
        } else if p.extension().is_some_and(|x| x == "md") {
            out.push(p);
        }
    }
}

pub fn run(table: &mut Table) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/docker-cli-docs");
    let mut files = Vec::new();
    pages(&root, &mut files);
    files.sort();
    if files.is_empty() {
        eprintln!("NOTICE: corpus not found at {}: render rows skipped", root.display());
        return;
    }
    let texts: Vec<String> =
        files.iter().map(|f| std::fs::read_to_string(f).unwrap_or_default()).collect();
    let opts = RenderOptions { width: 80, color: true, hyperlinks: false };
    let rounds = if quick() { 1 } else { 5 };
    let t = Instant::now();
    let mut over = 0;
    for _ in 0..rounds {
        for text in &texts {
            let out = render_to_string(text, &opts);
            over += out.lines().filter(|l| display_width(l) > 80).count();
        }
    }
    let in_process = (texts.len() * rounds) as f64 / t.elapsed().as_secs_f64();
    // Whole processes, like a learner's shell: one process per page for both tools.
    let bin = env!("CARGO_BIN_EXE_docktutor");
    let t = Instant::now();
    for f in &files {
        let _ = Command::new(bin)
            .args(["render", "--width", "80", "--color", "always"])
            .arg(f)
            .output();
    }
    let ours = files.len() as f64 / t.elapsed().as_secs_f64();
    let mdcat = which("mdcat").map(|m| {
        let t = Instant::now();
        for f in &files {
            let _ = Command::new(&m).args(["--columns", "80", "--ansi"]).arg(f).output();
        }
        files.len() as f64 / t.elapsed().as_secs_f64()
    });
    match mdcat {
        Some(m) => table.row(
            &format!("render {} corpus pages, one process per page", files.len()),
            format!("{ours:.0} pages/s"),
            format!("mdcat {m:.0} pages/s"),
            format!("{:.1}×", ours / m),
            "≥ 3× mdcat",
        ),
        None => {
            eprintln!("NOTICE: mdcat not installed (cargo install mdcat): its column is empty");
            table.row(
                &format!("render {} corpus pages, one process per page", files.len()),
                format!("{ours:.0} pages/s"),
                "mdcat not installed".into(),
                "—".into(),
                "≥ 3× mdcat",
            );
        }
    }
    table.row(
        "render corpus in-process (width 80)",
        format!("{in_process:.0} pages/s"),
        "—".into(),
        format!("{over} lines over width"),
        "0 lines over width",
    );
}

fn which(cmd: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    let home_bin = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo/bin"));
    std::env::split_paths(&path).chain(home_bin).map(|d| d.join(cmd)).find(|p| p.is_file())
}
