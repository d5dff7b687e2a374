//! `docktutor prepare`: make sure the images the lessons need are on the daemon before a
//! class starts — pulled with a bar per layer, or carried on a USB stick with `--save` and
//! `--load` (the Engine API's image export and load), for rooms with bad Wi-Fi.

pub mod pull;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bollard::query_parameters::{CreateImageOptions, ImportImageOptions};
use futures_util::StreamExt;
use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use tokio::io::AsyncWriteExt;

use crate::app::find;
use crate::catalog::Catalog;
use crate::docker::Daemon;
use crate::failure::Failure;
use crate::output::Output;
use pull::{Pull, PullMessage, bytes};

pub struct Options {
    pub save: Option<PathBuf>,
    pub load: Option<PathBuf>,
}

/// The images the chosen lessons declare, each once, in order.
pub fn images(catalog: &Catalog, slugs: &[String]) -> Result<Vec<String>, Failure> {
    let courses = if slugs.is_empty() {
        catalog.courses.iter().collect::<Vec<_>>()
    } else {
        slugs.iter().map(|s| find(catalog, s)).collect::<Result<_, _>>()?
    };
    let mut out: Vec<String> = Vec::new();
    for c in courses {
        for i in &c.lesson.meta.images {
            let full =
                if i.contains(':') || i.contains('@') { i.clone() } else { format!("{i}:latest") };
            if !out.contains(&full) {
                out.push(full);
            }
        }
    }
    Ok(out)
}

fn bar_style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar())
}

pub async fn run(
    catalog: &Catalog,
    slugs: &[String],
    opts: &Options,
    out: &Output,
) -> Result<ExitCode, Failure> {
    let daemon = Daemon::connect().await?;
    if let Some(file) = &opts.load {
        load(&daemon, file, out).await?;
    }
    let wanted = images(catalog, slugs)?;
    let mut missing = Vec::new();
    for image in &wanted {
        if daemon.inspect_image(image).await?.is_some() {
            println!("{} {image} is present", out.pass().apply_to("✓"));
        } else if let Err(e) = pull_image(&daemon, image, out).await {
            println!("{} {image}: {e}", out.fail().apply_to("✗"));
            missing.push(image.clone());
        }
    }
    if let Some(file) = &opts.save {
        let present: Vec<&str> =
            wanted.iter().filter(|i| !missing.contains(i)).map(String::as_str).collect();
        save(&daemon, &present, file, out).await?;
    }
    if missing.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(Failure::msg(
            format!("missing image(s): {}", missing.join(", ")),
            Some("without a registry, bring them on a USB stick: `docktutor prepare --save images.tar` where they exist, then `docktutor prepare --load images.tar` here".into()),
        ))
    }
}

/// Pull with one bar per layer (plain lines when not on a terminal).
async fn pull_image(daemon: &Daemon, image: &str, out: &Output) -> Result<(), String> {
    let (name, tag) = image.rsplit_once(':').unwrap_or((image, "latest"));
    let opts = CreateImageOptions {
        from_image: Some(name.to_owned()),
        tag: Some(tag.to_owned()),
        ..Default::default()
    };
    let mut stream = daemon.docker.create_image(Some(opts), None, None);
    let multi = if out.interactive {
        MultiProgress::new()
    } else {
        MultiProgress::with_draw_target(indicatif::ProgressDrawTarget::hidden())
    };
    let mut bars: std::collections::HashMap<String, ProgressBar> = std::collections::HashMap::new();
    let mut model = Pull::default();
    while let Some(item) = stream.next().await {
        let info = item.map_err(|e| e.to_string())?;
        let msg = PullMessage {
            id: info.id,
            status: info.status,
            progress_detail: info
                .progress_detail
                .map(|d| pull::Detail { current: d.current, total: d.total }),
            error: info.error_detail.and_then(|e| e.message),
        };
        let Some(id) = model.apply(&msg) else { continue };
        let Some(layer) = model.layers.get(&id) else { continue };
        let bar = bars.entry(id.clone()).or_insert_with(|| {
            let b = multi.add(ProgressBar::new(layer.total.max(1)));
            b.set_style(bar_style("{prefix} {bar:30} {bytes}/{total_bytes} {msg}"));
            b.set_prefix(id.chars().take(12).collect::<String>());
            b
        });
        bar.set_length(layer.total.max(1));
        bar.set_position(layer.current);
        bar.set_message(layer.status.clone());
        if !out.interactive {
            println!("{}", model.lines().last().cloned().unwrap_or_default());
        }
    }
    bars.values().for_each(ProgressBar::finish);
    if let Some(e) = model.error {
        return Err(format!("cannot pull: {e}"));
    }
    println!("{} pulled {image}", out.pass().apply_to("✓"));
    Ok(())
}

async fn save(daemon: &Daemon, images: &[&str], file: &Path, out: &Output) -> Result<(), Failure> {
    let mut f = tokio::fs::File::create(file)
        .await
        .map_err(|e| Failure::msg(format!("cannot write {}: {e}", file.display()), None))?;
    let bar = if out.interactive { ProgressBar::new_spinner() } else { ProgressBar::hidden() };
    bar.set_style(bar_style("{spinner} saving {bytes} {msg}"));
    let mut stream = daemon.docker.export_images(images);
    let mut written = 0u64;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| Failure::msg(format!("export failed: {e}"), None))?;
        f.write_all(&chunk).await?;
        written += chunk.len() as u64;
        bar.set_position(written);
    }
    f.flush().await?;
    bar.finish_and_clear();
    println!(
        "{} saved {} ({}) to {}",
        out.pass().apply_to("✓"),
        images.join(", "),
        bytes(written),
        file.display()
    );
    Ok(())
}

async fn load(daemon: &Daemon, file: &Path, out: &Output) -> Result<(), Failure> {
    let f = tokio::fs::File::open(file)
        .await
        .map_err(|e| Failure::msg(format!("cannot read {}: {e}", file.display()), None))?;
    let size = f.metadata().await.map(|m| m.len()).unwrap_or(0);
    let bar = if out.interactive { ProgressBar::new(size) } else { ProgressBar::hidden() };
    bar.set_style(bar_style("loading {bar:30} {bytes}/{total_bytes}"));
    let counter = bar.clone();
    let body = tokio_util::io::ReaderStream::new(f).inspect(move |c| {
        if let Ok(c) = c {
            counter.inc(c.len() as u64);
        }
    });
    let mut stream = daemon.docker.import_image_stream(
        ImportImageOptions { quiet: true, ..Default::default() },
        body,
        None,
    );
    while let Some(item) = stream.next().await {
        let info = item.map_err(|e| {
            Failure::msg(
                format!("loading {} failed: {e}", file.display()),
                Some("is it a file made by `docktutor prepare --save` or `docker save`?".into()),
            )
        })?;
        if let Some(s) = info.stream.filter(|s| !s.trim().is_empty()) {
            bar.suspend(|| println!("{} {}", out.pass().apply_to("✓"), s.trim()));
        }
    }
    bar.finish_and_clear();
    Ok(())
}
