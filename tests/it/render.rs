//! Tests of the terminal Markdown renderer: snapshots of a lesson using every
//! element, width/escape properties on generated documents, focused cases,
//! and a no-panic / no-overflow / no-lost-word sweep over the Docker CLI docs.

use std::path::{Path, PathBuf};
use std::time::Instant;

use docktutor::render::{RenderOptions, display_width, render_markdown, render_to_string};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

const EVERY_ELEMENT: &str = include_str!("../fixtures/render/every_element.md");

fn plain(width: usize) -> RenderOptions {
    RenderOptions { width, color: false, hyperlinks: false }
}

fn colored(width: usize) -> RenderOptions {
    RenderOptions { width, color: true, hyperlinks: true }
}

/// Every line fits `width` columns; plain output has no escape at all.
fn assert_fits(out: &str, opts: &RenderOptions, what: &str) {
    let width = opts.width.max(20);
    for (n, line) in out.lines().enumerate() {
        let w = display_width(line);
        assert!(w <= width, "{what}: line {} is {w} columns wide (> {width}): {line:?}", n + 1);
    }
    if !opts.color {
        assert!(!out.contains('\x1b'), "{what}: escape code in plain output");
    }
}

// ---------------------------------------------------------------- snapshots

#[test]
fn every_element_snapshots() {
    for width in [40, 80, 120] {
        for opts in [plain(width), colored(width)] {
            let out = render_to_string(EVERY_ELEMENT, &opts);
            assert_fits(&out, &opts, "every_element");
            let mode = if opts.color { "color" } else { "plain" };
            insta::assert_snapshot!(format!("every_element_{width}_{mode}"), out);
        }
    }
}

#[test]
fn render_markdown_writes_the_same_as_render_to_string() {
    let mut buf = Vec::new();
    render_markdown(EVERY_ELEMENT, &colored(80), &mut buf).expect("writing to a Vec cannot fail");
    assert_eq!(String::from_utf8_lossy(&buf), render_to_string(EVERY_ELEMENT, &colored(80)));
}

// --------------------------------------------------------------- focused

#[test]
fn wraps_cjk_by_display_width() {
    let src = "Dockerはコンテナを使ってアプリケーションを実行するためのプラットフォームです。😀 絵文字も 🐳 大丈夫。";
    let out = render_to_string(src, &plain(20));
    assert_fits(&out, &plain(20), "cjk");
    insta::assert_snapshot!("wrap_cjk_20", out);
}

#[test]
fn list_items_hang_under_their_text() {
    let src = "1. A first item whose text is long enough to wrap twice at this width.\n   - A nested bullet that wraps onto a second line too.\n     - Third level, still aligned under its own text.\n2. Second\n\n- [ ] a task that is not done yet and wraps\n- [x] done\n";
    let out = render_to_string(src, &plain(32));
    assert_fits(&out, &plain(32), "hanging");
    insta::assert_snapshot!("hanging_indent_32", out);
}

#[test]
fn tables_shrink_to_fit() {
    let src = "| Option | Default | Description |\n|---|:-:|--:|\n| `--restart` | `no` | Restart policy to apply when a container exits, one of no, on-failure, always, unless-stopped |\n| `--rm` | `false` | Automatically remove the container and its anonymous volumes when it exits |\n";
    let out = render_to_string(src, &plain(40));
    assert_fits(&out, &plain(40), "table");
    insta::assert_snapshot!("table_shrunk_40", out);
}

#[test]
fn tables_with_too_many_columns_stack() {
    let src = "| a | b | c | d | e | f | g | h |\n|---|---|---|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 | 6 | 7 | supercalifragilistic |\n";
    let out = render_to_string(src, &plain(20));
    assert_fits(&out, &plain(20), "stacked table");
    insta::assert_snapshot!("table_stacked_20", out);
}

#[test]
fn long_code_lines_are_split_with_a_mark() {
    let src = "```sh\n$ docker run --detach --name web --publish 8080:80 --volume /srv/site:/usr/share/nginx/html:ro nginx:alpine\n```\n";
    let out = render_to_string(src, &plain(30));
    assert_fits(&out, &plain(30), "code");
    assert!(out.contains('↩'));
    insta::assert_snapshot!("code_continuation_30", out);
}

#[test]
fn links_show_urls_or_hyperlinks() {
    let src =
        "See [the docs](https://docs.docker.com), <https://hub.docker.com> and [below](#next).";
    let out = render_to_string(src, &plain(120));
    assert!(out.contains("the docs <https://docs.docker.com>"), "{out}");
    assert!(out.contains("https://hub.docker.com and"), "{out}");
    assert!(!out.contains("<https://hub.docker.com>"), "{out}");
    assert!(out.contains("below <#next>"), "{out}");
    let out = render_to_string(src, &colored(80));
    assert!(out.contains("\x1b]8;;https://docs.docker.com\x1b\\"), "{out:?}");
    let no_osc =
        render_to_string(src, &RenderOptions { width: 80, color: true, hyperlinks: false });
    assert!(
        !no_osc.contains("\x1b]8;;") && no_osc.contains("<https://docs.docker.com>"),
        "{no_osc:?}"
    );
    let hyper_plain =
        render_to_string(src, &RenderOptions { width: 80, color: false, hyperlinks: true });
    assert!(!hyper_plain.contains('\x1b'));
}

#[test]
fn front_matter_and_comments_are_hidden() {
    let src = "---\ntitle: Secret\n---\n\n<!-- task: run-it -->\n\nVisible <!-- inline secret --> text.\n\n<!--\nmulti-line\nsecret\n-->\n";
    let out = render_to_string(src, &plain(40));
    assert_eq!(out, "Visible text.\n");
}

#[test]
fn degenerate_inputs_do_not_panic() {
    for src in [
        "",
        "\n\n",
        "#",
        "-",
        "1.",
        ">",
        "```",
        "|a|\n|-|",
        "[^x]",
        "![]()",
        "<",
        "\x1b[31mred\x07",
        "\t\tx",
    ] {
        for width in [0, 1, 20, 200] {
            let out = render_to_string(src, &plain(width));
            assert_fits(&out, &plain(width), src);
        }
    }
    assert_eq!(render_to_string("", &plain(40)), "");
}

// --------------------------------------------------------------- properties

/// Deterministic pseudo-random numbers (no extra dependency).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

const PARTS: &[&str] = &[
    "Plain words that wrap around nicely when the terminal is narrow.",
    "averyveryverylongwordwithoutanybreakopportunityatallthatmustbehardsplit",
    "https://docs.docker.com/reference/cli/docker/container/run/#publish-all",
    "コンテナは軽量で、すぐに起動します。",
    "🐳🐳🐳🐳🐳🐳🐳🐳🐳🐳🐳🐳🐳🐳🐳🐳🐳🐳🐳🐳🐳🐳🐳🐳",
    "**bold _both_** and `code with spaces` and ~~gone~~ and [a link](http://x.y/z)",
    "- item\n  - nested\n    - deeper\n      - deepest item text with words\n",
    "> quote\n> > nested\n> > > deeper still with more text to wrap\n",
    "```\nx = \"a code line that is much longer than most terminals are wide, for sure, really\"\n```\n",
    "| a | b | c | d | e |\n|---|---|---|---|---|\n| one | two | three | four | fiveeeeeeeeeeeeeeeeeeeeee |\n",
    "| k | v |\n|---|---|\n| 鍵 | 値のテキストはとても長いです値のテキスト |\n",
    "1. one\n2. two\n   > quote in item\n   ```\n   code in item that is long enough to need splitting here\n   ```\n",
    "# Heading that is long enough to wrap when the terminal is narrow\n",
    "### Third-level heading with averyveryverylongwordinside\n",
    "Text with<br>a break and <span>html</span> and <unknown-tag> kept.",
    "---",
    "Footnote[^f].\n\n[^f]: The definition text of a footnote.\n",
];

#[test]
fn generated_documents_fit_every_width() {
    let mut rng = Lcg(42);
    for case in 0..300 {
        let mut src = String::new();
        let mut prefix = String::new();
        for _ in 0..1 + rng.next(6) {
            match rng.next(5) {
                0 => prefix.push_str("> "),
                1 => prefix.push_str("- "),
                2 => prefix.push_str("  "),
                _ => {}
            }
            let part = PARTS.get(rng.next(PARTS.len())).copied().unwrap_or_default();
            for line in part.lines() {
                src.push_str(&prefix);
                src.push_str(line);
                src.push('\n');
            }
            src.push('\n');
        }
        let width = 10 + rng.next(120);
        for opts in [plain(width), colored(width)] {
            let out = render_to_string(&src, &opts);
            assert_fits(&out, &opts, &format!("case {case} at {width}:\n{src}"));
        }
    }
}

#[test]
fn every_element_fits_all_widths() {
    for width in 20..=130 {
        for opts in [plain(width), colored(width)] {
            let out = render_to_string(EVERY_ELEMENT, &opts);
            assert_fits(&out, &opts, &format!("every_element at {width}"));
        }
    }
}

// --------------------------------------------------------------- corpus

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            markdown_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

/// Characters ignored when looking for words: whitespace, continuation
/// marks and box drawing (borders, quote bars, code frames).
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            !(c.is_whitespace() || c == '↩' || c == '↪' || ('\u{2500}'..='\u{257f}').contains(&c))
        })
        .collect()
}

/// Words of the page's text (Text and Code events, front matter excluded).
fn source_words(src: &str) -> Vec<String> {
    let options = docktutor::render::markdown_options();
    let mut words = Vec::new();
    let mut meta = false;
    for event in Parser::new_ext(src, options) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => meta = true,
            Event::End(TagEnd::MetadataBlock(_)) => meta = false,
            Event::Text(t) | Event::Code(t) if !meta => {
                for w in t.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)) {
                    let w = squeeze(w);
                    if !w.is_empty() {
                        words.push(w);
                    }
                }
            }
            _ => {}
        }
    }
    words
}

/// The output read cell by cell: runs of lines with the same number of `│`
/// are regrouped column by column, so a word wrapped inside a table cell
/// reads contiguously.
fn by_columns(out: &str) -> String {
    let mut text = String::new();
    let lines: Vec<&str> = out.lines().collect();
    for run in lines.chunk_by(|a, b| a.matches('│').count() == b.matches('│').count()) {
        let cols = run.first().map_or(0, |l| l.matches('│').count());
        for col in 0..=cols {
            for line in run {
                text.push_str(&squeeze(line.split('│').nth(col).unwrap_or_default()));
            }
        }
    }
    text
}

/// Words of `src` missing from `out`, searched in reading order first.
fn lost_words(src: &str, out: &str) -> Vec<String> {
    let rows = squeeze(out);
    let mut cols: Option<String> = None;
    let mut cursor = 0;
    let mut lost = Vec::new();
    for word in source_words(src) {
        if let Some(at) = rows.get(cursor..).and_then(|rest| rest.find(&word)) {
            cursor += at;
        } else if !rows.contains(&word)
            && !cols.get_or_insert_with(|| by_columns(out)).contains(&word)
        {
            lost.push(word);
        }
    }
    lost
}

#[test]
fn word_check_notices_lost_and_split_words() {
    assert_eq!(lost_words("hello brave world", "hello\nworld\n"), vec!["brave".to_owned()]);
    assert!(lost_words("averylongword", "│ avery↩\n│ longword\n").is_empty());
    let table = "┌──────┬──────┐\n│ abc  │ xyz  │\n│ def  │ uvw  │\n└──────┴──────┘\n";
    assert!(lost_words("abcdef xyzuvw", table).is_empty());
    assert_eq!(lost_words("abcuvw", table), vec!["abcuvw".to_owned()]);
}

#[test]
fn docker_docs_corpus_renders_without_loss() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/docker-cli-docs");
    if !root.is_dir() {
        println!("SKIPPED: corpus not found at {}", root.display());
        eprintln!("SKIPPED: corpus not found at {}", root.display());
        return;
    }
    let mut files = Vec::new();
    markdown_files(&root, &mut files);
    files.sort();
    let start = Instant::now();
    let mut failures = Vec::new();
    for file in &files {
        let src = String::from_utf8_lossy(&std::fs::read(file).unwrap_or_default()).into_owned();
        let name = file.strip_prefix(&root).unwrap_or(file).display().to_string();
        for width in [40, 100] {
            let opts = plain(width);
            let rendered = std::panic::catch_unwind(|| render_to_string(&src, &opts));
            let Ok(out) = rendered else {
                failures.push(format!("{name} @{width}: panicked"));
                continue;
            };
            if out.contains('\x1b') {
                failures.push(format!("{name} @{width}: escape code in plain output"));
            }
            if let Some(line) = out.lines().find(|l| display_width(l) > width) {
                failures.push(format!("{name} @{width}: line too wide: {line:?}"));
            }
            let lost = lost_words(&src, &out);
            if !lost.is_empty() {
                failures.push(format!(
                    "{name} @{width}: lost {} words, e.g. {:?}",
                    lost.len(),
                    &lost[..lost.len().min(5)]
                ));
            }
        }
    }
    println!(
        "corpus: {} pages x 2 widths rendered and checked in {:.2?}",
        files.len(),
        start.elapsed()
    );
    assert!(!files.is_empty(), "no markdown files under {}", root.display());
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.iter().take(30).cloned().collect::<Vec<_>>().join("\n")
    );
}
