//! Every check kind against the real daemon: a scene is built with the docker CLI (labelled,
//! removed afterwards), a check file describing it must pass, a file describing something
//! else must fail with a precise explanation; and evaluating checks makes no mutating call.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command as Proc;

use docktutor::check::{TaskSpec, parse_checks};
use docktutor::docker::Daemon;
use docktutor::verify::{Ask, verify_task};

use crate::daemon::{daemon, docker, rt, serial};

/// Containers, a volume, a network and an image, all carrying `docktutor.it=<tag>`.
struct Scene {
    tag: String,
    port: String,
}

impl Scene {
    fn new() -> Scene {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        // Built before anything is created, so that Drop cleans up even after a failed step.
        let mut scene = Scene { tag: format!("k{}x{n}", std::process::id()), port: String::new() };
        scene.populate();
        scene
    }

    fn populate(&mut self) {
        let tag = self.tag.clone();
        let label = format!("docktutor.it={tag}");
        docker(&["volume", "create", "--label", &label, &format!("dtvol-{tag}")]);
        docker(&["network", "create", "--label", &label, &format!("dtnet-{tag}")]);
        let serve = "mkdir -p /www && echo '<h1>Hello from web</h1>' > /www/index.html && rm /etc/group && exec httpd -f -p 80 -h /www";
        docker(&[
            "run",
            "-d",
            "--label",
            &label,
            "--label",
            "course=docker",
            "--name",
            &format!("dtweb-{tag}"),
            "-e",
            "MODE=dev",
            "-p",
            "127.0.0.1::80",
            "-v",
            &format!("dtvol-{tag}:/data"),
            "--network",
            &format!("dtnet-{tag}"),
            "--memory",
            "64m",
            "--cpus",
            "0.5",
            "--restart",
            "unless-stopped",
            "busybox",
            "sh",
            "-c",
            serve,
        ]);
        let greet = Proc::new("docker")
            .args([
                "run",
                "--label",
                &label,
                "--name",
                &format!("dtgreet-{tag}"),
                "busybox",
                "sh",
                "-c",
                "echo hello from greeter; exit 3",
            ])
            .output()
            .expect("docker run");
        assert_eq!(greet.status.code(), Some(3), "{}", String::from_utf8_lossy(&greet.stderr));
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::write(
            dir.path().join("Dockerfile"),
            "FROM busybox\nLABEL course=docker\nENV APP_ENV=prod\nRUN mkdir /srv && echo hi > /srv/index.html\nWORKDIR /srv\nEXPOSE 80\nUSER nobody\nHEALTHCHECK CMD wget -q -O- localhost || exit 1\nCMD [\"httpd\", \"-f\", \"-p\", \"80\"]\n",
        )
        .expect("Dockerfile");
        docker(&[
            "build",
            "-q",
            "--label",
            &label,
            "-t",
            &format!("dtimg-{tag}:v1"),
            dir.path().to_str().expect("path"),
        ]);
        let port = docker(&["port", &format!("dtweb-{tag}"), "80/tcp"]);
        self.port = port
            .lines()
            .next()
            .unwrap_or_default()
            .rsplit(':')
            .next()
            .unwrap_or_default()
            .to_owned();
    }

    /// Check file text with `{tag}` and `{port}` filled in.
    fn checks(&self, template: &str) -> BTreeMap<String, TaskSpec> {
        let text = template.replace("{tag}", &self.tag).replace("{port}", &self.port);
        parse_checks(Path::new("scene.yaml"), &text).unwrap_or_else(|e| panic!("{e}")).tasks
    }
}

impl Drop for Scene {
    fn drop(&mut self) {
        let label = format!("label=docktutor.it={}", self.tag);
        let ids = docker(&["ps", "-aq", "--filter", &label]);
        for id in ids.lines() {
            let _ = Proc::new("docker").args(["rm", "-f", id]).output();
        }
        let _ = Proc::new("docker").args(["rmi", &format!("dtimg-{}:v1", self.tag)]).output();
        let _ = Proc::new("docker").args(["volume", "rm", &format!("dtvol-{}", self.tag)]).output();
        let _ =
            Proc::new("docker").args(["network", "rm", &format!("dtnet-{}", self.tag)]).output();
    }
}

const HOLDS: &str = r#"
tasks:
  web:
    check:
      container:
        name: dtweb-{tag}
        state: running
        image: busybox
        command: { contains: httpd }
        env: { MODE: dev }
        labels: { course: docker }
        ports: [{ container: 80, host: {port} }]
        mounts: [{ destination: /data, type: volume, source: dtvol-{tag}, read_only: false }]
        networks: [dtnet-{tag}]
        restart_policy: unless-stopped
        memory: 67108864
        cpus: "0.5"
  greeter:
    check:
      container: { name: dtgreet-{tag}, state: exited, exit_code: 3 }
  sets:
    check:
      all:
        - containers: { filters: { label: "docktutor.it={tag}", status: exited }, count: 1, every: { exit_code: 3 } }
        - containers: { filters: { label: "docktutor.it={tag}" }, count: 2, any: { state: running } }
        - images: { filters: { reference: "dtimg-{tag}" }, where: { tag: { suffix: ":v1" } }, count: 1 }
        - volumes: { filters: { label: "docktutor.it={tag}" }, count: 1 }
        - networks: { filters: { label: "docktutor.it={tag}" }, count: 1 }
  image:
    check:
      image:
        name: "dtimg-{tag}:v1"
        tags: ["dtimg-{tag}:v1"]
        layers: { ge: 2 }
        cmd: httpd -f -p 80
        env: { APP_ENV: prod }
        exposed_ports: ["80"]
        user: nobody
        workdir: /srv
        labels: { course: docker }
        healthcheck: { contains: wget }
  volume-network:
    check:
      all:
        - volume: { name: dtvol-{tag}, driver: local }
        - network: { name: dtnet-{tag}, driver: bridge, containers: [dtweb-{tag}] }
  file:
    check:
      file: { container: dtweb-{tag}, path: /www/index.html, size: { gt: 10 }, mode: "644", contents: { contains: Hello } }
  file-in-stopped:
    check:
      file: { container: dtgreet-{tag}, path: /bin/busybox, size: { gt: 100000 } }
  changes:
    check:
      changes: { container: dtweb-{tag}, added: [/www, /www/index.html], deleted: [/etc/group] }
  logs:
    check:
      logs: { container: dtgreet-{tag}, contains: hello from greeter }
  http:
    check:
      http: { url: "http://127.0.0.1:{port}/index.html", status: 200, body: { contains: Hello from web } }
  quiz:
    check:
      quiz:
        question: How many of the scene's containers have stopped?
        answer: { count_of_containers: { filters: { label: "docktutor.it={tag}", status: exited } } }
"#;

const FAILS: &str = r#"
tasks:
  web:
    check:
      container: { name: dtweb-{tag}, env: { MODE: prod } }
  near-miss:
    check:
      container: { name: "dtweb_{tag}" }
  image:
    check:
      image: { name: "dtimg-{tag}:v1", user: root }
  file:
    check:
      file: { container: dtweb-{tag}, path: /www/missing.html }
  changes:
    check:
      changes: { container: dtweb-{tag}, added: [/tmp/nothing] }
  logs:
    check:
      logs: { container: dtgreet-{tag}, contains: goodbye }
  http:
    check:
      http: { url: "http://127.0.0.1:{port}/nope.html" }
  quiz:
    check:
      quiz:
        question: How many?
        answer: { count_of_containers: { filters: { label: "docktutor.it={tag}" } } }
"#;

fn verdicts(
    d: &Daemon,
    rt: &tokio::runtime::Runtime,
    tasks: &BTreeMap<String, TaskSpec>,
    answer: &str,
) -> Vec<(String, bool, String)> {
    tasks
        .iter()
        .map(|(id, spec)| {
            let v = rt
                .block_on(verify_task(d, spec, Ask { answer: Some(answer), ..Ask::default() }))
                .expect("daemon answers");
            (id.clone(), v.passed, v.explanation)
        })
        .collect()
}

#[test]
fn every_kind_passes_on_a_scene_that_holds_and_fails_precisely_otherwise() {
    let _lock = serial();
    let rt = rt();
    let Some(d) = daemon(&rt, "every_kind") else { return };
    let scene = Scene::new();
    let failures: Vec<_> =
        verdicts(&d, &rt, &scene.checks(HOLDS), "1").into_iter().filter(|r| !r.1).collect();
    assert!(failures.is_empty(), "should hold: {failures:#?}");

    let got = verdicts(&d, &rt, &scene.checks(FAILS), "1");
    let text = |id: &str| {
        got.iter()
            .find(|r| r.0 == id)
            .map(|r| (r.1, r.2.replace(&scene.tag, "TAG").replace(&scene.port, "PORT")))
            .expect(id)
    };
    let expect = [
        ("web", "container \"dtweb-TAG\": expected env MODE prod, found dev"),
        ("near-miss", "no container named \"dtweb_TAG\"; found \"dtweb-TAG\""),
        ("image", "image \"dtimg-TAG:v1\": expected user root, found nobody"),
        ("file", "there is no file /www/missing.html in container dtweb-TAG"),
        ("changes", "/tmp/nothing is not added in container dtweb-TAG; docker diff shows"),
        (
            "logs",
            "the output of dtgreet-TAG does not contain \"goodbye\"; it begins \"hello from greeter\"",
        ),
        ("http", "http://127.0.0.1:PORT/nope.html answered with status 404, expected 200"),
        ("quiz", "\"1\" is not the answer to: How many?"),
    ];
    for (id, start) in expect {
        let (passed, explanation) = text(id);
        assert!(!passed, "{id} should fail");
        assert!(explanation.starts_with(start), "{id}: {explanation}");
    }
}

#[test]
fn events_and_restarts_since_the_task_started() {
    let _lock = serial();
    let rt = rt();
    let Some(d) = daemon(&rt, "events") else { return };
    let scene = Scene::new();
    let tasks = scene.checks(
        "tasks:\n  exec:\n    check: { events: { type: container, action: exec_start, container: dtweb-{tag} } }\n  restarted:\n    check: { container: { name: dtweb-{tag}, started_since_task: true } }\n  removed:\n    check: { containers: { removed: true, count: { ge: 1 } } }\n",
    );
    let baseline = rt.block_on(d.baseline()).expect("baseline");
    let ask = Ask { baseline: Some(&baseline), ..Ask::default() };
    for spec in tasks.values() {
        assert!(!rt.block_on(verify_task(&d, spec, ask)).expect("verify").passed);
    }
    docker(&["exec", &format!("dtweb-{}", scene.tag), "true"]);
    docker(&["restart", "-t", "0", &format!("dtweb-{}", scene.tag)]);
    docker(&["rm", &format!("dtgreet-{}", scene.tag)]);
    for (id, spec) in &tasks {
        let v = rt.block_on(verify_task(&d, spec, ask)).expect("verify");
        assert!(v.passed, "{id}: {}", v.explanation);
    }
}

#[test]
fn evaluating_every_check_makes_no_mutating_call() {
    let _lock = serial();
    let rt = rt();
    let Some(d) = daemon(&rt, "read_only") else { return };
    let scene = Scene::new();
    let mut watcher = Proc::new("docker")
        .args(["events", "--format", "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("docker events");
    std::thread::sleep(std::time::Duration::from_millis(500));
    let catalog = docktutor::catalog::Catalog::load(None).expect("built-in lessons");
    let mut specs: Vec<TaskSpec> =
        catalog.courses.iter().flat_map(|c| c.checks.tasks.values().cloned()).collect();
    specs.extend(scene.checks(HOLDS).into_values());
    specs.extend(scene.checks(FAILS).into_values());
    let baseline = rt.block_on(d.baseline()).expect("baseline");
    for spec in &specs {
        let mut s = spec.clone();
        s.wait = None;
        let _ = rt.block_on(verify_task(
            &d,
            &s,
            Ask { baseline: Some(&baseline), answer: Some("1"), ..Ask::default() },
        ));
    }
    std::thread::sleep(std::time::Duration::from_millis(500));
    let _ = watcher.kill();
    let out = watcher.wait_with_output().expect("events output");
    let events = String::from_utf8_lossy(&out.stdout);
    // Reading a file through the archive API is reported as `archive-path`, and the daemon
    // mounts the container's volumes to read it (`volume mount`/`unmount`): reads, not changes.
    let reads = ["container archive-path ", "volume mount ", "volume unmount "];
    let mutating: Vec<&str> =
        events.lines().filter(|l| !reads.iter().any(|r| l.starts_with(r))).collect();
    assert!(specs.len() > 20, "only {} checks evaluated", specs.len());
    assert!(
        mutating.is_empty(),
        "evaluating {} checks caused daemon events: {mutating:#?}",
        specs.len()
    );
    drop(scene);
}
