//! `docktutor new SLUG`: a lesson and its check file to start from.

use std::path::Path;

pub fn lesson(slug: &str) -> String {
    format!(
        "---\nslug: {slug}\ntitle: {title}\nsummary: One sentence that says what the learner will be able to do.\nminutes: 20\norder: 99\nimages: [busybox]\n---\n\n# {title}\n\nWhy this matters, in two or three sentences.\n\n## A first idea\n\nExplain one idea, then the command that shows it:\n\n```sh\ndocker run --rm busybox echo hello\n```\n\n## Try it yourself\n\nType the commands in a second terminal; docktutor checks the daemon.\n\n1. Start a container named `{slug}-box` that sleeps in the background. <!-- task: start-box -->\n   ```sh\n   docker run -d --name {slug}-box busybox sleep 600\n   ```\n",
        title = slug.replace('-', " ")
    )
}

pub fn checks(slug: &str) -> String {
    format!(
        "# yaml-language-server: $schema=schema.json\n# Checks for lessons/{slug}.md. Reference: docs/authoring.md\ntasks:\n  start-box:\n    check:\n      container: {{ name: {slug}-box, state: running, image: busybox }}\n    hints:\n      - \"`docker run -d` starts a container in the background; `--name` names it.\"\n      - \"Try: docker run -d --name {slug}-box busybox sleep 600\"\n    solution: |\n      docker run -d --name {slug}-box busybox sleep 600\n    cleanup: |\n      docker rm -f {slug}-box\n"
    )
}

/// Write both files under `dir`, refusing to overwrite. Returns the paths written.
pub fn scaffold(dir: &Path, slug: &str) -> Result<Vec<std::path::PathBuf>, String> {
    let valid = !slug.is_empty()
        && slug.split('-').all(|w| {
            !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        });
    if !valid {
        return Err(format!(
            "`{slug}` is not a slug: use lowercase words joined by `-`, e.g. `my-first-lesson`"
        ));
    }
    let files = [
        (dir.join("lessons").join(format!("{slug}.md")), lesson(slug)),
        (dir.join("checks").join(format!("{slug}.yaml")), checks(slug)),
    ];
    for (path, _) in &files {
        if path.exists() {
            return Err(format!("{} already exists; not overwriting it", path.display()));
        }
    }
    let mut written = Vec::new();
    for (path, text) in files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path);
    }
    let schema = dir.join("checks/schema.json");
    if !schema.exists() {
        let _ = std::fs::write(&schema, crate::check::schema_json());
    }
    Ok(written)
}
