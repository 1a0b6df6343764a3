"""6. Runs of any size: a 100,000-item loop (continued as new many times)
against a 1,000-item loop (one run, no hand-over), measured in the same run
on a fresh worker each: items per second, the worker's peak RSS, events per
item across the chain, and `orca status` on the finished run, answered by a
warm worker and by one that must replay the run's (last) history."""

import json
import subprocess
import time


def loop_run(bench, queue, count):
    """Runs the loop pipeline with `count` items on a fresh worker: its
    items/s, peak RSS, events per item, and status times (warm, replayed)."""
    worker = bench.orca_worker(queue)
    run_id = f"loop-{count}-{time.time_ns()}"
    began = time.perf_counter()
    bench.orca("start", "loop", "--input", f"count={count}", "--id", run_id, "--wait", queue=queue)
    elapsed = time.perf_counter() - began
    rss = peak_rss(worker.pid)
    warm = status_time(bench, run_id, queue)
    bench.stop(worker)
    # A fresh worker holds no run in memory: it replays the last run's history.
    worker = bench.orca_worker(queue)
    replayed = status_time(bench, run_id, queue, runs=1)
    bench.stop(worker)
    events = chain_events(bench, run_id)
    print(f"  {count} items: {count / elapsed:.0f} items/s, {events / count:.1f} events/item, "
          f"peak RSS {rss / 1024:.0f} MB, status {warm * 1000:.0f} ms warm, {replayed * 1000:.0f} ms replaying",
          flush=True)
    return {"items_per_s": count / elapsed, "rss_kb": rss, "events_per_item": events / count,
            "status_warm": warm, "status_replayed": replayed}


def status_time(bench, run_id, queue, runs=5):
    """The median time of `orca status ID -o json` answered live (seconds)."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        out = bench.orca("status", run_id, "-o", "json", queue=queue)
        times.append(time.perf_counter() - began)
        if not json.loads(out).get("live"):
            raise SystemExit(f"bench: no worker answered the status of {run_id}")
    return sorted(times)[len(times) // 2]


def chain_events(bench, run_id):
    """Events in every run of the workflow ID's chain."""
    runs = json.loads(subprocess.run(
        [bench.temporal, "workflow", "list", "--address", bench.address, "-q", f"WorkflowId = '{run_id}'", "-o", "json"],
        check=True, capture_output=True, text=True).stdout)
    total = 0
    for run in runs:
        history = json.loads(subprocess.run(
            [bench.temporal, "workflow", "show", "--address", bench.address, "-w", run_id,
             "-r", run["execution"]["runId"], "-o", "json"],
            check=True, capture_output=True, text=True).stdout)
        total += len(history["events"])
    return total


def peak_rss(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def measure(bench, count):
    print(f"6. Runs of any size: a {count}-item loop vs a 1,000-item loop", flush=True)
    small = loop_run(bench, "bench-loop-small", 1000)
    big = loop_run(bench, "bench-loop-big", count)
    bench.row("size", f"{count}-item loop vs 1,000-item loop (items/s, higher is better)",
              big["items_per_s"], small["items_per_s"], "/s", False)
    bench.row("size", "peak worker RSS", big["rss_kb"], small["rss_kb"], "KB")
    bench.row("size", "history events per item (all runs of the chain)",
              big["events_per_item"], small["events_per_item"], "")
    bench.row("size", "status of the finished run, warm worker", big["status_warm"], small["status_warm"], "s")
    bench.row("size", "status of the finished run, worker replaying", big["status_replayed"],
              small["status_replayed"], "s")
