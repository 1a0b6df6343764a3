//! A fleet where any worker may take any task: `command` steps go to the
//! `<task queue>-commands` queue, which only workers started with
//! `--allow-commands` poll, so a worker without the flag never receives one;
//! with no such worker, the step waits (and `status` says for what).

use std::{collections::HashSet, time::Duration};

use serde_json::Value;

use crate::common::*;

/// An agent step any worker runs, then a command.
fn agent_then_command(env: &Env) -> String {
    env.pipeline(
        "fleet",
        "name = \"fleet\"\n[[steps]]\nid = \"think\"\nkind = \"agent\"\naction = \"think\"\nduration = \"50ms\"\n\n[[steps]]\nid = \"run\"\nkind = \"command\"\nargv = [\"echo\", \"{{ run.id }}\"]\nretry = { attempts = 1 }\n",
    )
}

/// Every attributes object of `kind` (`activityTaskScheduledEventAttributes`,
/// …) in a history exported by `temporal workflow show -o json`, with its
/// event's ID.
fn attributes<'a>(history: &'a Value, kind: &str) -> Vec<(String, &'a Value)> {
    history["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|event| {
            let id = event["eventId"].to_string().trim_matches('"').to_string();
            event.get(kind).map(|attributes| (id, attributes))
        })
        .collect()
}

/// Who took each task of run `id`: the identities of the workers that
/// started its command activities, and of those that ran its workflow
/// tasks. Asserts every command was scheduled on `commands_queue`.
fn takers(env: &Env, id: &str, commands_queue: &str) -> (Vec<String>, Vec<String>) {
    let history: Value = serde_json::from_str(&env.temporal_history(id)).expect("history");
    let mut commands = HashSet::new();
    for (event, scheduled) in attributes(&history, "activityTaskScheduledEventAttributes") {
        if scheduled["activityType"]["name"] == "orca.command" {
            assert_eq!(scheduled["taskQueue"]["name"], commands_queue, "{id}");
            commands.insert(event);
        }
    }
    assert_eq!(commands.len(), 1, "{id}: {history:#}");
    let identity = |attributes: &Value| attributes["identity"].as_str().unwrap_or("").to_string();
    let command_takers = attributes(&history, "activityTaskStartedEventAttributes")
        .into_iter()
        .filter(|(_, started)| {
            let scheduled = started["scheduledEventId"].to_string();
            commands.contains(scheduled.trim_matches('"'))
        })
        .map(|(_, started)| identity(started))
        .collect();
    let workflow_takers = attributes(&history, "workflowTaskStartedEventAttributes")
        .into_iter()
        .map(|(_, started)| identity(started))
        .collect();
    (command_takers, workflow_takers)
}

#[test]
fn a_mixed_fleet_runs_every_command_on_a_worker_that_may() {
    let env = Env::new();
    let _commands = env.worker_with(&["--allow-commands", "--identity", "cmd-worker"]);
    let _plain = env.worker_with(&["--identity", "plain-worker"]);
    let file = agent_then_command(&env);
    let ids: Vec<String> = (0..20)
        .map(|i| env.start(&[&file, "--id", &format!("{}-fleet-{i}", env.task_queue)]))
        .collect();
    for id in &ids {
        let done = env.orca(["wait", id]).run_within(Duration::from_secs(90));
        assert_eq!(done.code, 0, "{id}: {done}");
    }
    let queue = format!("{}-commands", env.task_queue);
    let mut plain_took_workflow_tasks = false;
    for id in &ids {
        // `orca start FILE` asks the run's status while its first workflow
        // task runs, which may split that task: the routing replays anyway.
        env.orca(["replay", "--id", id]).ok();
        let (commands, workflows) = takers(&env, id, &queue);
        assert!(
            !commands.is_empty() && commands.iter().all(|who| who.contains("cmd-worker")),
            "{id}: a command ran on {commands:?}"
        );
        plain_took_workflow_tasks |= workflows.iter().any(|who| who.contains("plain-worker"));
    }
    assert!(
        plain_took_workflow_tasks,
        "the worker without --allow-commands took no workflow task of 20 runs"
    );
}

#[test]
fn a_command_step_waits_for_a_worker_with_allow_commands() {
    let env = Env::new();
    let _plain = env.worker();
    let file = agent_then_command(&env);
    let id = env.start(&[&file]);
    let queue = format!("{}-commands", env.task_queue);
    let status = env.wait_status(&id, Duration::from_secs(30), |s| {
        s["live"] == true
            && s["pending"]
                .as_array()
                .is_some_and(|p| p.iter().any(|a| a["waiting_for"] == "commands"))
    });
    assert_eq!(step(&status, "run")["state"], "running", "{status:#}");
    let pending = &status["pending"][0];
    assert_eq!(pending["step"], "run", "{status:#}");
    assert_eq!(pending["task_queue"], queue.as_str(), "{status:#}");
    assert_eq!(status["temporal_status"], "running");
    let text = env.status_text(&id);
    text.stdout_has(&format!(
        "waiting for a worker with --allow-commands (task queue {queue})"
    ));
    let worker = env.worker_with(&["--allow-commands"]);
    assert!(
        worker.log().contains(&format!("{queue} (command steps)")),
        "the startup line names the commands queue:\n{}",
        worker.log()
    );
    env.orca(["wait", &id]).ok();
    assert_eq!(env.final_attempt(&id, "run"), 1, "never failed meanwhile");
    let pending = &env.status(&id)["pending"];
    assert_eq!(pending, &Value::Array(vec![]), "nothing left waiting");
}
