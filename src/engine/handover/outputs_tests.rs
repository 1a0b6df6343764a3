use serde_json::{Map, Value, json};

use super::*;

fn big(n: usize) -> Value {
    Value::String("x".repeat(n))
}

#[test]
fn a_small_loop_lists_every_output_in_order() {
    let mut kept = LoopOutputs::default();
    kept.record(2, json!("c"));
    kept.record(0, json!("a"));
    assert_eq!(kept.output(4), json!(["a", null, "c", null]));
}

#[test]
fn a_loop_past_the_budget_keeps_both_ends_and_says_so() {
    let mut kept = LoopOutputs::default();
    for i in 0..100 {
        kept.record(i, big(10_000));
    }
    let output = kept.output(100);
    assert_eq!(output["truncated"], json!(true));
    assert_eq!(output["items"], json!(100));
    assert_eq!(output["first"][0]["index"], json!(0));
    let last = output["last"].as_array().unwrap();
    assert_eq!(last.last().unwrap()["index"], json!(99));
    let kept_count = output["kept"].as_u64().unwrap() as usize;
    assert!(kept_count < 100, "kept {kept_count}");
    assert!(json_size(&output) < LOOP_BUDGET + 4096);
}

#[test]
fn items_finishing_out_of_order_still_keep_the_lowest_first() {
    let mut kept = LoopOutputs::default();
    for i in (0..100).rev() {
        kept.record(i, big(10_000));
    }
    let output = kept.output(100);
    assert_eq!(output["first"][0]["index"], json!(0));
}

#[test]
fn a_loop_of_more_items_than_a_list_holds_is_summed_up() {
    let kept = LoopOutputs::default();
    let output = kept.output(LOOP_LIST_MAX + 1);
    assert_eq!(output["truncated"], json!(true));
    assert_eq!(output["kept"], json!(0));
}

#[test]
fn outputs_within_the_run_budget_are_kept_as_they_are() {
    let mut outputs = Map::new();
    outputs.insert("a".into(), json!({"x": 1}));
    assert_eq!(fit_outputs(outputs.clone()), outputs);
}

#[test]
fn the_largest_outputs_give_way_first() {
    let mut outputs = Map::new();
    outputs.insert("small".into(), big(1000));
    outputs.insert("huge".into(), big(RUN_BUDGET));
    outputs.insert("mid".into(), big(RUN_BUDGET / 4));
    let fitted = fit_outputs(outputs);
    assert_eq!(fitted["small"], big(1000));
    assert_eq!(fitted["mid"], big(RUN_BUDGET / 4));
    assert_eq!(fitted["huge"]["truncated"], json!(true));
}
