#!/usr/bin/env python3
"""orca's benchmarks, measured side by side in one run against baselines:
the official `temporal` CLI and a worker written with the official Python
SDK, on a Temporal dev server this script starts and stops.

    just bench                # N = 500
    python3 bench/bench.py --n 200 --bulk 300

Absolute times depend on the machine; the ratios are the point. Nothing here
runs in CI (it is not a test): it prints a table for README "Performance".
"""

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import big_loop  # noqa: E402  (beside this file)

ROOT = Path(__file__).resolve().parent.parent
ORCA = str(ROOT / "target" / "release" / "orca")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def real_temporal() -> str:
    """The `temporal` binary itself, not a pyenv shim (a shim adds ~50 ms of bash)."""
    found = shutil.which("temporal") or sys.exit("bench: the Temporal CLI is missing; run `just setup`")
    if "shims" in found and shutil.which("pyenv"):
        found = subprocess.run(["pyenv", "which", "temporal"], capture_output=True, text=True).stdout.strip() or found
    return os.path.realpath(found)


class Bench:
    def __init__(self, args):
        self.args = args
        self.dir = Path(tempfile.mkdtemp(prefix="orca-bench-"))
        self.port = free_port()
        self.address = f"127.0.0.1:{self.port}"
        self.temporal = real_temporal()
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("TEMPORAL_")}
        self.env.update({"TEMPORAL_ADDRESS": self.address, "NO_COLOR": "1"})
        self.procs = []
        self.rows = []

    # ---- processes

    def start_server(self):
        server = subprocess.Popen(
            [self.temporal, "server", "start-dev", "--headless", "--port", str(self.port),
             "--ip", "127.0.0.1", "--log-level", "error",
             "--http-port", str(free_port()), "--metrics-port", str(free_port()),
             "--search-attribute", "OrcaPipeline=Keyword", "--search-attribute", "OrcaPhase=Keyword",
             "--search-attribute", "OrcaApprovers=KeywordList"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        self.procs.append(server)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), 1).close()
                return
            except OSError:
                time.sleep(0.2)
        sys.exit("bench: the dev server did not start")

    def start_worker(self, command, queue, ready):
        env = dict(self.env, TEMPORAL_TASK_QUEUE=queue, RUST_LOG="warn,orca=info")
        proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.procs.append(proc)
        deadline = time.time() + 60
        while time.time() < deadline:
            line = proc.stdout.readline()
            if ready in line:
                # Keep draining output so the worker never blocks on a full pipe.
                import threading
                threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
                return proc
            if not line and proc.poll() is not None:
                break
        sys.exit(f"bench: worker {command[0]} did not start")

    def orca_worker(self, queue):
        return self.start_worker(
            [ORCA, "worker", "--pipelines", str(ROOT / "bench" / "pipelines")], queue, "worker started")

    def python_worker(self, queue):
        return self.start_worker(
            [sys.executable, str(ROOT / "bench" / "python_worker.py"), self.address, queue], queue, "python worker ready")

    def stop(self, proc):
        proc.terminate()
        try:
            proc.wait(timeout=40)
        except subprocess.TimeoutExpired:
            proc.kill()

    def cleanup(self):
        for proc in reversed(self.procs):
            if proc.poll() is None:
                self.stop(proc)
        shutil.rmtree(self.dir, ignore_errors=True)

    def orca(self, *args, queue="bench-cli", check=True):
        env = dict(self.env, TEMPORAL_TASK_QUEUE=queue)
        done = subprocess.run([ORCA, *args], env=env, capture_output=True, text=True)
        if check and done.returncode != 0:
            sys.exit(f"bench: orca {' '.join(args)} failed: {done.stderr}")
        return done.stdout.strip()

    # ---- measurements

    def hyperfine(self, commands, runs=20, prepare=None):
        """Median wall time of each command, via hyperfine (seconds)."""
        out = self.dir / "hyperfine.json"
        cmd = ["hyperfine", "--style", "none", "--warmup", "3", "--runs", str(runs), "--export-json", str(out)]
        if prepare:
            cmd += ["--prepare", prepare]
        else:
            cmd += ["-N"]
        env = dict(self.env, TEMPORAL_TASK_QUEUE="bench-cli")
        subprocess.run(cmd + commands, env=env, check=True, capture_output=True)
        return [r["median"] for r in json.loads(out.read_text())["results"]]

    def peak_rss_kb(self, command, runs=5):
        """Median peak RSS (KB) of a command, from GNU time. (Not this
        script's own wait4: a child forked from Python carries Python's pages
        into its maxrss before it execs.)"""
        peaks = []
        for _ in range(runs):
            done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], env=self.env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            peaks.append(int(done.stderr.strip().splitlines()[-1]))
        return statistics.median(peaks)

    def row(self, section, what, orca, baseline, unit, lower_is_better=True, note=""):
        ratio = orca / baseline if baseline else float("nan")
        self.rows.append((section, what, orca, baseline, unit, ratio, note))
        print(f"  {what}: orca {fmt(orca, unit)}, baseline {fmt(baseline, unit)}, orca/baseline {ratio:.2f} {note}", flush=True)

    # ---- 1. CLI latency

    def cli_latency(self):
        print("1. CLI latency (hyperfine medians, peak RSS medians)", flush=True)
        worker = self.orca_worker("bench-cli")
        waiting = self.orca("start", "sample", "--input", "task=bench")
        time.sleep(1.5)
        t = self.temporal
        status, describe = self.hyperfine([f"{ORCA} status {waiting}", f"{t} workflow describe -w {waiting}"])
        self.row("CLI", "status vs workflow describe (time)", status, describe, "s")
        self.row("CLI", "status vs workflow describe (peak RSS)",
                 self.peak_rss_kb([ORCA, "status", waiting]), self.peak_rss_kb([t, "workflow", "describe", "-w", waiting]), "KB")
        listed, tlist = self.hyperfine([f"{ORCA} list --limit 20", f"{t} workflow list --limit 20"])
        self.row("CLI", "list vs workflow list (time)", listed, tlist, "s")
        self.row("CLI", "list vs workflow list (peak RSS)",
                 self.peak_rss_kb([ORCA, "list", "--limit", "20"]), self.peak_rss_kb([t, "workflow", "list", "--limit", "20"]), "KB")
        # Each approval needs a fresh waiting run: hyperfine's --prepare starts one.
        ids = self.dir / "id"
        prepare = (f"{ORCA} start sample --input task=approve > {ids} && "
                   f"until {ORCA} status $(cat {ids}) -o json | grep -q '\"phase\": \"awaiting_approval\"'; do sleep 0.05; done")
        approve, = self.hyperfine([f"{ORCA} approve $(cat {ids}) --as bench"], runs=15, prepare=prepare)
        update, = self.hyperfine(
            [f"{t} workflow update execute -w $(cat {ids}) --name approve --input '{{\"by\": \"bench\"}}'"],
            runs=15, prepare=prepare)
        self.row("CLI", "approve vs workflow update execute (time)", approve, update, "s")
        self.stop(worker)

    # ---- 2. Worker throughput and cost, 3. server ceiling

    async def run_batch(self, queue, workflow, make_input, n):
        from temporalio.client import Client
        client = await Client.connect(self.address)
        gate = asyncio.Semaphore(64)
        latencies = []
        first = time.perf_counter()

        async def one(i):
            async with gate:
                began = time.perf_counter()
                handle = await client.start_workflow(workflow, make_input(i), id=f"{queue}-{i}-{time.time_ns()}", task_queue=queue)
            await handle.result()
            latencies.append(time.perf_counter() - began)

        await asyncio.gather(*(one(i) for i in range(n)))
        return time.perf_counter() - first, sorted(latencies)

    def worker_cost(self, label, proc, queue, workflow, make_input, n):
        asyncio.run(self.run_batch(queue, workflow, make_input, 20))  # warm up
        cpu0 = cpu_seconds(proc.pid)
        elapsed, latencies = asyncio.run(self.run_batch(queue, workflow, make_input, n))
        cpu = cpu_seconds(proc.pid) - cpu0
        result = {
            "runs_per_s": n / elapsed,
            "cpu_per_1000": cpu / n * 1000,
            "rss_kb": peak_rss_of(proc.pid),
            "p50": latencies[len(latencies) // 2],
            "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        }
        print(f"  {label}: {result['runs_per_s']:.1f} runs/s, {result['cpu_per_1000']:.2f} CPU s/1000 runs, "
              f"peak RSS {result['rss_kb'] / 1024:.0f} MB, p50 {result['p50'] * 1000:.0f} ms, p99 {result['p99'] * 1000:.0f} ms", flush=True)
        return result

    def throughput(self):
        n = self.args.n
        print(f"2. Worker throughput and cost ({n} runs of the bench pipeline), 3. server ceiling", flush=True)
        bench_input = lambda i: {"pipeline": "bench", "input": {"task": f"task {i}"}, "requested_by": "bench"}
        orca = self.orca_worker("bench-orca")
        o = self.worker_cost("orca worker", orca, "bench-orca", "Pipeline", bench_input, n)
        ceiling = self.worker_cost("orca worker, orca.noop", orca, "bench-orca", "orca.noop", lambda i: {}, n)
        self.stop(orca)
        py = self.python_worker("bench-py")
        p = self.worker_cost("Python SDK worker", py, "bench-py", "Pipeline", bench_input, n)
        py_ceiling = self.worker_cost("Python SDK worker, orca.noop", py, "bench-py", "orca.noop", lambda i: {}, n)
        self.stop(py)
        self.row("worker", "throughput (runs/s, higher is better)", o["runs_per_s"], p["runs_per_s"], "/s", False)
        self.row("worker", "CPU seconds per 1,000 runs", o["cpu_per_1000"], p["cpu_per_1000"], "cpu")
        self.row("worker", "peak RSS", o["rss_kb"], p["rss_kb"], "KB")
        self.row("worker", "p50 start-to-complete", o["p50"], p["p50"], "s")
        self.row("worker", "p99 start-to-complete", o["p99"], p["p99"], "s")
        best = max(ceiling["runs_per_s"], py_ceiling["runs_per_s"])
        self.row("ceiling", "orca runs/s vs server ceiling (noop)", o["runs_per_s"], best, "/s", False,
                 f"(ceiling: best of noop on either worker)")

    # ---- 4. Bulk approval

    async def start_waiting(self, queue, n, prefix):
        from temporalio.client import Client
        client = await Client.connect(self.address)
        gate = asyncio.Semaphore(64)
        ids = []

        async def one(i):
            async with gate:
                wid = f"{prefix}-{i}"
                await client.start_workflow(
                    "Pipeline", {"pipeline": "sample", "input": {"task": f"bulk {i}"}, "requested_by": "bench"},
                    id=wid, task_queue=queue)
                ids.append(wid)

        await asyncio.gather(*(one(i) for i in range(n)))
        return ids

    def wait_waiting(self, queue, n):
        query = f"TaskQueue = '{queue}'"
        deadline = time.time() + 600
        while time.time() < deadline:
            out = self.orca("list", "--awaiting-approval", "--query", query, "--limit", "0", "-o", "json", queue=queue)
            if len(json.loads(out)) >= n:
                return
            time.sleep(1)
        sys.exit("bench: runs never reached the gate")

    def bulk(self):
        n = self.args.bulk
        print(f"4. Bulk approval of {n} waiting runs", flush=True)
        worker = self.orca_worker("bench-bulk")
        asyncio.run(self.start_waiting("bench-bulk", n, f"bulk-orca-{time.time_ns()}"))
        self.wait_waiting("bench-bulk", n)
        began = time.perf_counter()
        tally = json.loads(self.orca("approve", "--all", "--query", "TaskQueue = 'bench-bulk'", "--yes", "-o", "json",
                                     queue="bench-bulk"))
        orca_time = time.perf_counter() - began
        assert len(tally["decided"]) == n, tally
        ids = asyncio.run(self.start_waiting("bench-bulk", n, f"bulk-loop-{time.time_ns()}"))
        self.wait_waiting("bench-bulk", n)
        (self.dir / "ids").write_text("\n".join(ids))
        loop = (f"while read id; do {self.temporal} workflow update execute -w \"$id\" --name approve "
                f"--input '{{\"by\": \"bench\"}}' >/dev/null || exit 1; done < {self.dir / 'ids'}")
        began = time.perf_counter()
        subprocess.run(["bash", "-c", loop], env=self.env, check=True)
        loop_time = time.perf_counter() - began
        self.row("bulk", f"decide {n} runs: orca approve --all vs a shell loop of temporal update", orca_time, loop_time, "s")
        self.stop(worker)

    # ---- 5. Signed approvals

    def signed(self):
        print("5. Signed approvals: approve --signing-key vs unsigned; verification per decision", flush=True)
        key = self.dir / "alice"
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
        public = " ".join((self.dir / "alice.pub").read_text().split()[:2])
        signers = self.dir / "allowed_signers"
        signers.write_text(f"bench {public}\n")
        worker = self.start_worker([ORCA, "worker", "--allowed-signers", str(signers)], "bench-cli", "worker started")
        ids = self.dir / "id"
        prepare = (f"{ORCA} start sample --input task=approve > {ids} && "
                   f"until {ORCA} status $(cat {ids}) -o json | grep -q '\"phase\": \"awaiting_approval\"'; do sleep 0.05; done")
        signed, = self.hyperfine([f"{ORCA} approve $(cat {ids}) --as bench --signing-key {key}"], runs=15, prepare=prepare)
        unsigned, = self.hyperfine([f"{ORCA} approve $(cat {ids}) --as bench --no-sign"], runs=15, prepare=prepare)
        self.row("signed", "approve --signing-key vs unsigned approve (time)", signed, unsigned, "s")
        self.stop(worker)
        cost = subprocess.run(["cargo", "run", "--quiet", "--release", "--example", "verify_cost"],
                              cwd=ROOT, check=True, capture_output=True, text=True).stdout
        for kind, micros in json.loads(cost).items():
            self.row("signed", f"verify one {kind} decision (median) vs an unsigned approve", micros / 1e6, unsigned, "s",
                     note="(share of the round trip)")

    def report(self):
        print()
        print(f"orca benchmarks, {time.strftime('%Y-%m-%d')}, N = {self.args.n}, bulk = {self.args.bulk}, "
              f"{os.cpu_count()} CPUs, {self.temporal_version()}")
        print()
        print("| measure | orca | baseline | orca / baseline |")
        print("|---|---|---|---|")
        for section, what, orca, baseline, unit, ratio, note in self.rows:
            print(f"| {section}: {what} | {fmt(orca, unit)} | {fmt(baseline, unit)} | {ratio:.2f} {note}|")

    def temporal_version(self):
        return subprocess.run([self.temporal, "--version"], capture_output=True, text=True).stdout.strip()


def cpu_seconds(pid):
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def peak_rss_of(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def fmt(value, unit):
    if unit == "s":
        if value < 0.001:
            return f"{value * 1e6:.0f} µs"
        return f"{value * 1000:.1f} ms" if value < 10 else f"{value:.1f} s"
    if unit == "cpu":
        return f"{value:.2f} s"
    if unit == "KB":
        return f"{value / 1024:.1f} MB"
    if unit == "/s":
        return f"{value:.1f}/s"
    return f"{value:.2f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=500, help="runs per throughput measurement")
    parser.add_argument("--bulk", type=int, default=1000, help="waiting runs to decide in bulk")
    parser.add_argument("--loop", type=int, default=100_000, help="items of the big-loop run")
    parser.add_argument("--only", choices=["cli", "worker", "bulk", "signed", "size"], help="run one part")
    args = parser.parse_args()
    if not Path(ORCA).exists():
        sys.exit("bench: build the release binary first: cargo build --release")
    for tool in ["hyperfine", "/usr/bin/time"]:
        if not shutil.which(tool):
            sys.exit(f"bench: {tool} is missing; run `just setup`")
    bench = Bench(args)
    try:
        bench.start_server()
        if args.only in (None, "cli"):
            bench.cli_latency()
        if args.only in (None, "worker"):
            bench.throughput()
        if args.only in (None, "bulk"):
            bench.bulk()
        if args.only in (None, "signed"):
            bench.signed()
        if args.only in (None, "size"):
            big_loop.measure(bench, args.loop)
        bench.report()
    finally:
        bench.cleanup()


if __name__ == "__main__":
    main()
