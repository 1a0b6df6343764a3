//! A worker killed with SIGKILL while its runs hand over every item: the
//! next worker picks the chain up, and every item runs exactly once.

use std::time::Duration;

use crate::{
    common::*,
    reliability_crash::{ITEMS, assert_each_item_once, foreach_pipeline, lines, wait_mid_item},
};

#[test]
fn a_chain_survives_a_worker_killed_with_sigkill() {
    let env = Env::new();
    let out = env.path("items.log");
    let starts = env.path("starts.log");
    let file = foreach_pipeline(&env, &out, &starts);
    let bound = ["--allow-commands", "--continue-as-new-after", "10"];
    let mut first = env.worker_with(&bound);
    let id = env.start(&[&file]);
    let done = wait_mid_item(&env, &id, &out, &starts);
    let before = env.status(&id);
    assert!(before["continued"].as_u64().unwrap_or(0) >= 1, "{before:#}");
    first.kill9();
    holds_for(Duration::from_millis(2500), "the line count held", || {
        lines(&out).len() == done
    });

    let _second = env.worker_with(&bound);
    let status = env.wait_status(&id, Duration::from_secs(90), |s| {
        s["phase"] == "completed" && s["live"] == true
    });
    assert_eq!(status["progress"]["done"], ITEMS);
    assert_each_item_once(&out);
    assert_eq!(lines(&starts).len(), ITEMS + 2, "{:?}", lines(&starts));
}
