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

# Formatting and lints, as CI runs them
lint:
    cargo fmt --all -- --check
    cargo clippy --all-targets -- -D warnings
