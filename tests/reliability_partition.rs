//! Reliability: a network partition, not a crash. A dev server and two
//! workers, each in a network namespace of its own, joined by a bridge in
//! the server's namespace. The worker running a step is cut off from the
//! server (the link to it set down; its processes keep running): the server
//! notices by the missed heartbeats and retries the step on the other
//! worker; the cut-off worker's late completion is refused, and the run
//! records one completion; once the link is back, the same worker process
//! polls again by itself and runs the next run.

use std::{
    path::Path,
    process::{Child, Command, Stdio},
    time::Duration,
};

use serde_json::Value;

use crate::{common::*, reliability_crash::lines};

/// The server's address on the bridge; worker `a` is .2, worker `b` is .3.
/// Only addresses inside the test's own namespaces: the machine's own
/// interfaces and routes are never touched.
const SERVER_IP: &str = "10.233.0.1";
const SERVER: &str = "srv";
/// Namespaces are named `orca-part-PID-SIDE`.
const PREFIX: &str = "orca-part-";

/// Three network namespaces (server, worker `a`, worker `b`) named after
/// this test process, a bridge, and the dev server inside. Dropped (also on
/// a panic), it kills every process left in them and deletes them.
struct Partition {
    prefix: String,
    server: Option<Child>,
    env: Env,
}

impl Partition {
    fn new() -> Partition {
        sweep_namespaces_of_dead_tests();
        let mut net = Partition {
            prefix: format!("{PREFIX}{}", std::process::id()),
            server: None,
            env: Env::offline(),
        };
        net.env.address = format!("{SERVER_IP}:7233");
        for side in [SERVER, "a", "b"] {
            ip(&format!("netns add {}", net.ns(side)));
            ip(&format!("-n {} link set lo up", net.ns(side)));
        }
        let srv = net.ns(SERVER);
        ip(&format!("-n {srv} link add br0 type bridge"));
        ip(&format!("-n {srv} addr add {SERVER_IP}/24 dev br0"));
        ip(&format!("-n {srv} link set br0 up"));
        for (side, host) in [("a", 2), ("b", 3)] {
            let ns = net.ns(side);
            ip(&format!(
                "-n {srv} link add to-{side} type veth peer name eth0 netns {ns}"
            ));
            ip(&format!("-n {srv} link set to-{side} master br0 up"));
            ip(&format!("-n {ns} addr add 10.233.0.{host}/24 dev eth0"));
            ip(&format!("-n {ns} link set eth0 up"));
        }
        net.start_server();
        net
    }

    fn ns(&self, side: &str) -> String {
        format!("{}-{side}", self.prefix)
    }

    /// `ip netns exec NS PROGRAM`, with no Temporal or orca settings of the
    /// machine leaking in.
    fn exec_in(&self, side: &str, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new("ip");
        command.args(["netns", "exec", &self.ns(side)]).arg(program);
        isolate(&mut command, &self.env.dir);
        command
    }

    /// A dev server in the server's namespace, reached at the bridge
    /// address. It binds every address of *that namespace* (`--ip 0.0.0.0`):
    /// bound to the bridge address alone, its services listen there but dial
    /// each other on 127.0.0.1, and it never serves. It drops a poll
    /// unanswered after 2 s instead of a minute: the cut-off worker's polls,
    /// still open on the server, could otherwise be handed the retry (each
    /// such attempt then times out too, costing 5 s and an attempt).
    fn start_server(&mut self) {
        use std::os::unix::process::CommandExt;
        let mut command = self.exec_in(SERVER, temporal_bin());
        command
            .args(["server", "start-dev", "--headless", "--ip", "0.0.0.0"])
            .args([
                "--port",
                "7233",
                "--http-port",
                "7243",
                "--metrics-port",
                "7244",
            ])
            .args(["--log-level", "error"])
            .args(["--search-attribute", "OrcaPipeline=Keyword"])
            .args(["--search-attribute", "OrcaPhase=Keyword"])
            .args(["--search-attribute", "OrcaApprovers=KeywordList"])
            .args([
                "--dynamic-config-value",
                "matching.longPollExpirationInterval=\"2s\"",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        unsafe {
            command.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                Ok(())
            });
        }
        let server = self
            .server
            .insert(command.spawn().expect("spawn the dev server"));
        let pid = server.id();
        poll_for(Duration::from_secs(60), || {
            assert!(alive(pid), "the dev server in {} exited", self.ns(SERVER));
            let answered = self
                .exec_in(SERVER, temporal_bin())
                .args([
                    "operator",
                    "namespace",
                    "describe",
                    "--namespace",
                    "default",
                ])
                .args(["--address", &self.env.address])
                .output()
                .is_ok_and(|o| o.status.success());
            answered
                .then_some(())
                .ok_or("the dev server did not answer".to_string())
        });
    }

    /// `orca ARGS`, run in the server's namespace (a client next to the server).
    fn orca<const N: usize>(&self, args: [&str; N]) -> Run {
        let mut command = self.exec_in(SERVER, ORCA);
        command
            .env("TEMPORAL_ADDRESS", &self.env.address)
            .env("TEMPORAL_TASK_QUEUE", &self.env.task_queue)
            .env("ORCA_IDENTITY", "tester")
            .args(args);
        Run { command }
    }

    /// `orca worker --allow-commands` in the namespace of `side`, as
    /// `partition-SIDE`; its commands see `PARTITION_SIDE=SIDE`.
    fn worker(&self, side: &str) -> Worker {
        let mut command = self.exec_in(side, ORCA);
        command
            .env("TEMPORAL_ADDRESS", &self.env.address)
            .env("TEMPORAL_TASK_QUEUE", &self.env.task_queue)
            .env("ORCA_IDENTITY", format!("partition-{side}"))
            .env("PARTITION_SIDE", side)
            .env("RUST_LOG", "info")
            .args(["worker", "--allow-commands"]);
        Worker::spawn(command, "worker started")
    }

    /// Sets the bridge's port to `side` down (cut off) or up (reconnected).
    fn link(&self, side: &str, up: bool) {
        let state = if up { "up" } else { "down" };
        ip(&format!(
            "-n {} link set to-{side} {state}",
            self.ns(SERVER)
        ));
    }

    /// Waits (90 s at most) until the worker reports run `id` ended, and
    /// returns its status.
    fn finished(&self, id: &str) -> Value {
        poll_for(Duration::from_secs(90), || {
            let status = self.orca(["status", id, "-o", "json"]).ok().json();
            match status["temporal_status"] != "running" && status["live"] == true {
                true => Ok(status),
                false => Err(format!("{id} still going: {status:#}")),
            }
        })
    }

    /// The run's events as the official CLI exports them.
    fn events(&self, id: &str) -> Vec<Value> {
        let mut command = self.exec_in(SERVER, temporal_bin());
        command
            .args(["workflow", "show", "-w", id, "-o", "json"])
            .args(["--address", &self.env.address]);
        let history = Run { command }.ok().json();
        history["events"].as_array().cloned().unwrap_or_default()
    }
}

impl Drop for Partition {
    fn drop(&mut self) {
        if let Some(mut server) = self.server.take() {
            let _ = server.kill();
            let _ = server.wait();
        }
        for side in ["a", "b", SERVER] {
            delete_namespace(&self.ns(side));
        }
    }
}

/// Runs `ip ARGS` (words split on spaces), failing the test with its error.
#[track_caller]
fn ip(args: &str) {
    let out = Command::new("ip")
        .args(args.split(' '))
        .output()
        .expect("run `ip`");
    assert!(
        out.status.success(),
        "ip {args} failed (the test needs root and iproute2): {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Kills what still runs in namespace `ns` (processes a test started, by
/// pid) and deletes it.
fn delete_namespace(ns: &str) {
    let pids = Command::new("ip")
        .args(["netns", "pids", ns])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    for pid in pids.split_whitespace().filter_map(|p| p.parse().ok()) {
        unsafe { libc::kill(pid, libc::SIGKILL) };
    }
    let _ = Command::new("ip")
        .args(["netns", "del", ns])
        .stderr(Stdio::null())
        .status();
}

/// Deletes the namespaces of earlier runs of this test whose process is
/// gone (killed before its guard could clean up); only those.
fn sweep_namespaces_of_dead_tests() {
    let listed = Command::new("ip")
        .args(["netns", "list"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    for ns in listed.lines().filter_map(|l| l.split_whitespace().next()) {
        let pid = ns
            .strip_prefix(PREFIX)
            .and_then(|rest| rest.split('-').next());
        if let Some(pid) = pid.and_then(|p| p.parse::<u32>().ok())
            && (pid == std::process::id() || !alive(pid))
        {
            delete_namespace(ns);
        }
    }
}

/// One `command` step: it notes `RUN-SIDE` in `starts` (the side is the
/// worker's, from its environment), sleeps, then notes it in `done`.
fn pipeline(env: &Env, starts: &Path, done: &Path) -> String {
    env.pipeline(
        "partition",
        &format!(
            r#"
name = "partition"
[inputs.run]
default = "1"
[inputs.secs]
default = "5"
[[steps]]
id = "work"
kind = "command"
shell = "echo {{{{ input.run }}}}-$PARTITION_SIDE >> {starts} && sleep {{{{ input.secs }}}} && echo {{{{ input.run }}}}-$PARTITION_SIDE >> {done}"
retry = {{ attempts = 5, initial = "1s", backoff = 1.0 }}
"#,
            starts = starts.display(),
            done = done.display(),
        ),
    )
}

/// The events of activity `work`: (started attempts, completions' identities).
fn work_events(events: &[Value]) -> (Vec<u64>, Vec<String>) {
    let scheduled: Vec<&Value> = events
        .iter()
        .filter(|e| e["activityTaskScheduledEventAttributes"]["activityId"] == "work")
        .map(|e| &e["eventId"])
        .collect();
    let of_work = |attrs: &Value| scheduled.contains(&&attrs["scheduledEventId"]);
    let attempts = events
        .iter()
        .map(|e| &e["activityTaskStartedEventAttributes"])
        .filter(|a| of_work(a))
        .filter_map(|a| a["attempt"].as_u64())
        .collect();
    let completions = events
        .iter()
        .map(|e| &e["activityTaskCompletedEventAttributes"])
        .filter(|a| of_work(a))
        .map(|a| a["identity"].as_str().unwrap_or_default().to_string())
        .collect();
    (attempts, completions)
}

/// The step's worker, `a` or `b`, and the other one: whichever noted the
/// first start.
fn first_taker(starts: &Path) -> (&'static str, &'static str) {
    let first = poll_every(Duration::from_secs(60), Duration::from_millis(20), || {
        lines(starts)
            .first()
            .cloned()
            .ok_or("the step did not start".to_string())
    });
    match first.as_str() {
        "1-a" => ("a", "b"),
        _ => ("b", "a"),
    }
}

#[test]
#[ignore = "needs root and iproute2 (network namespaces): `just test-heavy`"]
fn a_worker_cut_off_mid_step_is_refused_its_late_completion_and_polls_again_once_reconnected() {
    let net = Partition::new();
    let (starts, done) = (net.env.path("starts.log"), net.env.path("done.log"));
    let file = pipeline(&net.env, &starts, &done);
    let mut workers = [net.worker("a"), net.worker("b")];
    let id = net.orca(["start", &file]).ok().stdout.trim().to_string();

    // Cut off whichever worker took the step, as soon as its command began.
    let (cut, other) = first_taker(&starts);
    let index = |side: &str| usize::from(side == "b");
    let cut_pid = workers[index(cut)].pid();
    net.link(cut, false);
    // Cut off, it keeps running: its command finishes, but its completion
    // cannot reach the server. The server, missing its heartbeats (5 s),
    // runs the step again on the other worker.
    eventually(
        Duration::from_secs(30),
        "done on the cut-off worker",
        || lines(&done).contains(&format!("1-{cut}")),
    );
    eventually(
        Duration::from_secs(60),
        "retried on the other worker",
        || lines(&starts).contains(&format!("1-{other}")),
    );
    assert!(alive(cut_pid), "the cut-off worker kept running");
    net.link(cut, true);

    // Its late completion reaches the server once the link is back, and is
    // refused: that attempt had timed out (the server answers NotFound, and
    // the SDK logs it in these words).
    let refused = "Activity not found on completion";
    workers[index(cut)].wait_for_log(refused, Duration::from_secs(60));
    let status = net.finished(&id);
    assert_eq!(status["phase"], "completed", "{status:#}");
    let attempts = step(&status, "work")["attempts"].as_u64().unwrap_or(0);
    assert!(attempts >= 2, "one attempt timed out: {status:#}");
    // One completion recorded, the other worker's, on the attempt it ran.
    let (started, completed) = work_events(&net.events(&id));
    assert_eq!(completed.len(), 1, "{completed:?}");
    assert!(
        completed[0].starts_with(&format!("orca:partition-{other}@")),
        "{completed:?}"
    );
    assert_eq!(started, [attempts], "{status:#}");

    // The same process polls again by itself: with the other worker gone,
    // a new run completes on it.
    workers[index(other)].kill9();
    let id = net
        .orca(["start", &file, "--input", "run=2", "--input", "secs=1"])
        .ok()
        .stdout;
    let status = net.finished(id.trim());
    assert_eq!(status["phase"], "completed", "{status:#}");
    assert!(
        lines(&done).contains(&format!("2-{cut}")),
        "{:?}",
        lines(&done)
    );
    assert!(alive(cut_pid), "the reconnected worker is the same process");
}
