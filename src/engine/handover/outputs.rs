//! What a run keeps of its outputs, so that no result, no carried state and
//! no query answer outgrows Temporal's 2 MB payload limit.
//!
//! A loop keeps every item's output while they fit in `LOOP_BUDGET` (its
//! output is then the list, as always); past that it keeps the first and
//! the last outputs within the budget and says what it cut.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

/// Bytes (as JSON) of item outputs a loop keeps.
pub const LOOP_BUDGET: usize = 256 * 1024;
/// Items a loop's output lists in full: beyond, even nulls add up.
pub const LOOP_LIST_MAX: usize = 10_000;
/// Bytes (as JSON) of all step outputs a run keeps together: its result
/// and its carried state stay well under the 2 MB a payload may be.
pub const RUN_BUDGET: usize = 1024 * 1024;

/// The outputs a loop keeps: the lowest indices in `first`, the highest in
/// `last`, each within half the budget; `cut` counts what fell between.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LoopOutputs {
    first: BTreeMap<usize, Value>,
    last: BTreeMap<usize, Value>,
    first_bytes: usize,
    last_bytes: usize,
    /// Outputs dropped to stay within the budget.
    cut: usize,
}

impl LoopOutputs {
    /// Item `index` returned `output`.
    pub fn record(&mut self, index: usize, output: Value) {
        let size = json_size(&output);
        self.first.insert(index, output);
        self.first_bytes += size;
        // The highest of `first` move on to `last`, and the lowest of
        // `last` fall out: what stays is the two ends of the loop.
        while self.first_bytes > LOOP_BUDGET / 2 {
            let Some((i, v)) = self.first.pop_last() else {
                break;
            };
            let moved = json_size(&v);
            self.first_bytes -= moved;
            self.last_bytes += moved;
            self.last.insert(i, v);
        }
        while self.last_bytes > LOOP_BUDGET / 2 {
            let Some((_, v)) = self.last.pop_first() else {
                break;
            };
            self.last_bytes -= json_size(&v);
            self.cut += 1;
        }
    }

    /// `steps.LOOP.output`: the list of every item's output (null for a
    /// skipped or unstarted one) while it fits; else what was kept of it:
    /// `{"truncated": true, "items", "kept", "first": [...], "last": [...]}`,
    /// each entry `{"index", "output"}`.
    pub fn output(&self, total: usize) -> Value {
        if self.cut == 0 && total <= LOOP_LIST_MAX {
            let mut list = vec![Value::Null; total];
            for (i, v) in self.first.iter().chain(&self.last) {
                if let Some(slot) = list.get_mut(*i) {
                    *slot = v.clone();
                }
            }
            return Value::Array(list);
        }
        let entries = |map: &BTreeMap<usize, Value>| -> Vec<Value> {
            map.iter()
                .map(|(i, v)| json!({"index": i, "output": v}))
                .collect()
        };
        json!({
            "truncated": true,
            "items": total,
            "kept": self.first.len() + self.last.len(),
            "first": entries(&self.first),
            "last": entries(&self.last),
        })
    }
}

/// The run's outputs within `RUN_BUDGET`: the largest are replaced, one by
/// one, by a note of their size until the rest fit.
pub fn fit_outputs(mut outputs: Map<String, Value>) -> Map<String, Value> {
    let mut sizes: Vec<(usize, String)> = outputs
        .iter()
        .map(|(id, v)| (json_size(v), id.clone()))
        .collect();
    let mut total: usize = sizes.iter().map(|(size, _)| size).sum();
    sizes.sort();
    while total > RUN_BUDGET {
        let Some((size, id)) = sizes.pop() else {
            break;
        };
        let note = json!({"truncated": true, "bytes": size});
        total = total - size + json_size(&note);
        outputs.insert(id, note);
    }
    outputs
}

pub fn json_size(value: &Value) -> usize {
    serde_json::to_vec(value).map_or(0, |v| v.len())
}

#[cfg(test)]
#[path = "outputs_tests.rs"]
mod tests;
