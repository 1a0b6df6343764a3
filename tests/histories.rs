//! Replay safety. `tests/histories/*.json` are event histories recorded from
//! real runs of every built-in pipeline and outcome; each must replay on the
//! current engine without nondeterminism. `just record-histories` regenerates
//! them (the ignored tests in `record_histories`, on a live dev server).

use std::{
    path::{Path, PathBuf},
    time::Duration,
};

use base64::Engine as _;
use serde_json::Value;

use crate::common::*;

/// Where recorded histories live (`record_histories` writes them).
pub(crate) const DIR: &str = "tests/histories";

/// Histories recorded by earlier engines, kept as they were: runs they
/// started may still be in flight when this build rolls out, so this build
/// must replay them too. A re-recording never touches them.
const EARLIER: &[&str] = &["tests/histories/before-typed-core"];

fn json_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn recorded() -> Vec<PathBuf> {
    json_files(DIR)
}

#[test]
fn every_history_an_earlier_engine_recorded_replays_on_this_one() {
    let env = Env::offline();
    let files: Vec<PathBuf> = EARLIER.iter().flat_map(|dir| json_files(dir)).collect();
    assert!(files.len() >= 25, "only {} earlier histories", files.len());
    let done = files
        .iter()
        .fold(env.orca(["replay"]), |run, file| run.arg(file))
        .run_within(Duration::from_secs(120));
    assert_eq!(done.code, 0, "an earlier history does not replay:\n{done}");
}

#[test]
fn every_recorded_history_replays_on_this_engine() {
    let env = Env::offline();
    let files = recorded();
    assert!(
        files.len() >= 32,
        "only {} recorded histories; run `just record-histories`",
        files.len()
    );
    // One invocation for the whole corpus, as a user checks one before a rollout.
    let done = files
        .iter()
        .fold(env.orca(["replay"]), |run, file| run.arg(file))
        .run_within(Duration::from_secs(120));
    assert_eq!(done.code, 0, "some history does not replay:\n{done}");
    for file in &files {
        done.stdout_has(&format!("{}: compatible", file.display()));
    }
}

/// A run that continued as new was recorded run by run (`continued-N.json`):
/// the first run, which hands over, those between, which start from what
/// they were handed, and the last, which ends it. Each replays on its own.
#[test]
fn every_run_of_a_recorded_chain_replays_on_its_own() {
    let env = Env::offline();
    let chain: Vec<PathBuf> = recorded()
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("continued-"))
        })
        .collect();
    assert!(
        chain.len() >= 3,
        "a chain of {} runs; run `just record-histories`",
        chain.len()
    );
    let done = chain
        .iter()
        .fold(env.orca(["replay"]), |run, file| run.arg(file))
        .run_within(Duration::from_secs(60));
    assert_eq!(done.code, 0, "a run of the chain does not replay:\n{done}");
}

/// A spec recorded with a run decides what the run does on replay. Reorder
/// its steps, as an engine that resolved specs differently would, and the
/// replay must refuse, naming the first event where the commands differ.
#[test]
fn a_history_whose_recorded_commands_differ_is_refused() {
    let env = Env::offline();
    let source = Path::new(DIR).join("sample-approved.json");
    let mut history: Value =
        serde_json::from_str(&std::fs::read_to_string(&source).unwrap()).unwrap();
    let engine = base64::engine::general_purpose::STANDARD;
    let mut changed = false;
    for event in history["events"].as_array_mut().unwrap() {
        let Some(marker) = event["attributes"].get_mut("MarkerRecordedEventAttributes") else {
            continue;
        };
        let payload = &mut marker["details"]["result"]["payloads"][0];
        let mut resolved: Value =
            serde_json::from_slice(&engine.decode(payload["data"].as_str().unwrap()).unwrap())
                .unwrap();
        resolved["spec"]["steps"].as_array_mut().unwrap().reverse();
        payload["data"] = Value::String(engine.encode(serde_json::to_vec(&resolved).unwrap()));
        changed = true;
    }
    assert!(changed, "the history has a resolve marker");
    let diverging = env.write("diverging.json", &history.to_string());
    let done = env
        .orca(["replay"])
        .arg(&diverging)
        .run_within(Duration::from_secs(60));
    assert_eq!(done.code, 4, "{done}");
    done.clean_error()
        .stderr_has("not compatible with this build (first diverging event:")
        .stderr_has("ctx.patched");

    // In a corpus, every file gets its answer and the diverging one sets the exit code.
    let good = Path::new(DIR).join("sample-denied.json");
    let both = env
        .orca(["replay", "-o", "json"])
        .arg(&good)
        .arg(&diverging)
        .run_within(Duration::from_secs(60));
    assert_eq!(both.code, 4, "{both}");
    both.stderr_has("error: 1 of 2 histories did not replay on this build")
        .stderr_has("ctx.patched");
    let results = both.json();
    assert_eq!(results[0]["compatible"], true, "{results:#}");
    assert_eq!(results[1]["compatible"], false, "{results:#}");
    assert!(
        results[1]["first_diverging_event"].as_u64().is_some(),
        "{results:#}"
    );
    // A file that is not a history, among good ones: exit 2, the others still checked.
    let junk = env.write("junk.json", "{\"not\": \"a history\"}");
    let mixed = env
        .orca(["replay"])
        .arg(&good)
        .arg(&junk)
        .run_within(Duration::from_secs(60));
    assert_eq!(mixed.code, 2, "{mixed}");
    mixed
        .stdout_has("sample-denied.json: compatible")
        .stderr_has("junk.json: not a workflow history")
        .stderr_has("1 of 2 histories did not replay");
    env.orca(["replay", "--save", "x.json"])
        .arg(&good)
        .arg(&good)
        .code(2)
        .stderr_has("--save takes one history");
}

#[test]
fn replay_reads_the_official_cli_export_and_a_live_run() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=export me"]);
    env.wait_phase(&id, "awaiting_approval");
    env.orca(["approve", &id]).ok();
    env.wait_phase(&id, "completed");
    env.orca(["replay", "--id", &id])
        .ok()
        .stdout_has(&format!("run {id}: compatible"));
    let file = env.write("exported.json", &env.temporal_history(&id));
    env.orca(["replay"])
        .arg(&file)
        .ok()
        .stdout_has("compatible");
    let garbage = env.write("garbage.json", "{\"events\": 3}");
    env.orca(["replay"])
        .arg(&garbage)
        .code(2)
        .clean_error()
        .stderr_has("not a workflow history");
    env.orca(["replay", "--id", "no-such-run"]).code(5);
}
