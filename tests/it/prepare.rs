//! `docktutor prepare`: layer progress from a pull stream (recorded, since no registry is
//! reachable here), and save/load through the Engine API for real.

use std::process::Command as Proc;

use assert_cmd::Command;
use docktutor::prepare::pull::{Pull, PullMessage};

use crate::daemon::{daemon, docker, rt, serial};
use crate::support::{fixture, read};

/// The message shapes follow the Engine API's documented pull stream; the file was written
/// here, not captured from a registry (none is reachable).
#[test]
fn pull_progress_per_layer_from_a_recorded_stream() {
    let mut pull = Pull::default();
    let mut frames = Vec::new();
    for line in read(&fixture("pull/busybox_pull.jsonl")).lines() {
        let msg: PullMessage = serde_json::from_str(line).expect("message");
        if pull.apply(&msg).is_some() {
            frames.push(pull.lines().join(" | "));
        }
    }
    assert_eq!(pull.order, ["9ad63333ebc9", "0a1b2c3d4e5f"]);
    assert_eq!(pull.notes.len(), 3, "{:?}", pull.notes);
    assert!(pull.layers.values().all(|l| l.status == "Pull complete" && l.current == l.total));
    insta::assert_snapshot!(frames.join("\n"));
}

#[test]
fn a_pull_error_is_kept() {
    let mut pull = Pull::default();
    let msg: PullMessage =
        serde_json::from_str(r#"{"error":"pull access denied for nope"}"#).expect("json");
    assert_eq!(pull.apply(&msg), None);
    assert_eq!(pull.error.as_deref(), Some("pull access denied for nope"));
}

fn pack(dir: &std::path::Path, image: &str) {
    std::fs::create_dir_all(dir.join("lessons")).expect("mkdir");
    std::fs::create_dir_all(dir.join("checks")).expect("mkdir");
    let lesson = format!(
        "---\nslug: prep\ntitle: Prep\nsummary: s.\nminutes: 1\norder: 1\nimages: [{image}]\n---\n# Prep\n\nText.\n"
    );
    std::fs::write(dir.join("lessons/prep.md"), lesson).expect("lesson");
}

#[test]
fn save_then_load_brings_an_image_back() {
    let _lock = serial();
    if daemon(&rt(), "prepare_save_load").is_none() {
        return;
    }
    let image = format!("dt-prepare-{}:v1", std::process::id());
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(
        dir.path().join("Dockerfile"),
        "FROM busybox\nLABEL docktutor.it=prepare\nRUN echo packed > /packed.txt\n",
    )
    .expect("Dockerfile");
    docker(&["build", "-q", "-t", &image, dir.path().to_str().expect("p")]);
    let lessons = dir.path().join("pack");
    pack(&lessons, &image);
    let tar = dir.path().join("images.tar");
    let l = lessons.to_str().expect("p");
    Command::cargo_bin("docktutor")
        .expect("bin")
        .args(["--lessons", l, "prepare", "--save", tar.to_str().expect("p")])
        .assert()
        .success();
    assert!(std::fs::metadata(&tar).expect("tar written").len() > 100_000);
    docker(&["rmi", &image]);
    Command::cargo_bin("docktutor")
        .expect("bin")
        .args(["--lessons", l, "prepare", "--load", tar.to_str().expect("p")])
        .assert()
        .success();
    let present = Proc::new("docker")
        .args(["image", "inspect", &image])
        .output()
        .expect("inspect")
        .status
        .success();
    let _ = Proc::new("docker").args(["rmi", &image]).output();
    assert!(present, "the image came back from the tar file");
}

#[test]
fn a_missing_image_without_registry_says_how_to_bring_it() {
    let _lock = serial();
    if daemon(&rt(), "prepare_missing").is_none() {
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    pack(dir.path(), &format!("dt-nope-{}:v1", std::process::id()));
    Command::cargo_bin("docktutor")
        .expect("bin")
        .args(["--lessons", dir.path().to_str().expect("p"), "prepare"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--load"));
}
