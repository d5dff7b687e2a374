//! The progress file: round trip, atomic replacement, damaged files set aside.

use docktutor::progress::{Progress, Store, TaskStatus};

#[test]
fn round_trip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path().join("sub/progress.json"));
    let mut p = Progress { current: Some("images-vs-containers".into()), ..Default::default() };
    p.record("images-vs-containers", "run-and-exit", TaskStatus::Passed);
    p.record("images-vs-containers", "start-napper", TaskStatus::Skipped);
    store.save(&p).expect("save");
    let loaded = store.load();
    assert!(loaded.warning.is_none());
    assert_eq!(loaded.progress, p);
    assert_eq!(
        p.done_count("images-vs-containers", ["run-and-exit", "start-napper", "x"].into_iter()),
        2
    );
}

#[test]
fn missing_file_is_a_fresh_start() {
    let dir = tempfile::tempdir().expect("tempdir");
    let loaded = Store::at(dir.path().join("progress.json")).load();
    assert!(loaded.warning.is_none());
    assert_eq!(loaded.progress, Progress::default());
}

#[test]
fn damaged_files_are_set_aside_with_a_message() {
    for garbage in
        [&b""[..], b"{\"version\": 1, \"lessons\": ", b"\x00\xff\xfe", b"{\"version\": 99}"]
    {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("progress.json");
        std::fs::write(&path, garbage).expect("write");
        let loaded = Store::at(&path).load();
        assert_eq!(loaded.progress, Progress::default());
        let w = loaded.warning.expect("a warning");
        assert!(w.contains("kept as"), "{w}");
        assert!(!path.exists(), "the damaged file was moved aside");
        let kept = std::fs::read_dir(dir.path()).expect("ls").count();
        assert_eq!(kept, 1, "exactly the set-aside copy remains");
    }
}

#[test]
fn save_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path().join("progress.json"));
    for i in 0..20 {
        let mut p = Progress::default();
        p.lesson_mut("x").step = i;
        store.save(&p).expect("save");
    }
    let names: Vec<_> =
        std::fs::read_dir(dir.path()).expect("ls").flatten().map(|e| e.file_name()).collect();
    assert_eq!(names, vec![std::ffi::OsString::from("progress.json")]);
    assert_eq!(store.load().progress.lesson("x").map(|l| l.step), Some(19));
}
