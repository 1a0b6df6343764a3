use serde_json::json;

use super::*;

#[test]
fn a_loop_checkpoint_reads_back_as_written() {
    let mut outputs = LoopOutputs::default();
    outputs.record(0, json!({"n": 0}));
    let checkpoint = LoopCheckpoint {
        total: 10,
        next: 4,
        redo: vec![2],
        finished: 3,
        outputs,
    };
    let text = serde_json::to_value(&checkpoint).unwrap();
    let back: LoopCheckpoint = serde_json::from_value(text).unwrap();
    assert_eq!(back.redo, vec![2]);
    assert_eq!(back.outputs, checkpoint.outputs);
}

#[test]
fn empty_checkpoints_take_no_room() {
    let text = serde_json::to_string(&Checkpoints::default()).unwrap();
    assert_eq!(text, "{}");
}
