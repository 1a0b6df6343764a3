#!/usr/bin/env bash
# The sample flow on a real Temporal dev server, start to finish:
# policy check → human approval → (simulated) agent work, plus a denial.
set -euo pipefail
cd "$(dirname "$0")/.."

orca=${ORCA:-target/debug/orca}
port=${ORCA_DEMO_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
log=$(mktemp -t orca-demo.XXXXXX)

say() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

"$orca" dev --headless --ephemeral --port "$port" --ui-port $((port + 1)) >"$log" 2>&1 &
dev=$!
trap 'kill -TERM "$dev" 2>/dev/null || true; wait "$dev" 2>/dev/null || true; rm -f "$log"' EXIT

printf 'Starting a Temporal dev server and a worker on 127.0.0.1:%s ' "$port"
for _ in $(seq 1 120); do
  grep -q "worker started" "$log" && break
  kill -0 "$dev" 2>/dev/null || { echo; cat "$log"; exit 1; }
  printf '.'; sleep 0.5
done
grep -q "worker started" "$log" || { echo; cat "$log"; exit 1; }
echo " ready"
export TEMPORAL_ADDRESS="127.0.0.1:$port"

wait_phase() { # ID PHASE
  for _ in $(seq 1 60); do
    "$orca" status "$1" -o json | grep -q "\"phase\": \"$2\"" && return 0
    sleep 0.5
  done
  echo "run $1 did not reach $2" >&2; return 1
}

say "orca start sample --input task='write the weekly report'"
id=$("$orca" start sample --input task='write the weekly report')
echo "$id"
wait_phase "$id" awaiting_approval

say "orca status $id"
"$orca" status "$id"

say "orca approve $id --comment 'looks good' --as alice"
"$orca" approve "$id" --comment 'looks good' --as alice
wait_phase "$id" completed

say "orca status $id"
"$orca" status "$id"

say "orca start sample --input task='forbidden: delete production' --wait"
set +e
"$orca" start sample --input task='forbidden: delete production' --wait
code=$?
set -e
echo "(exit code $code: denied by policy, never asked for approval)"
[ "$code" -eq 3 ]

printf '\nDemo finished: one run approved and completed, one denied by policy.\n'
