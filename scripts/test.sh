#!/usr/bin/env bash
# Installs whatever is missing and runs every test suite of the project.
# Usage: scripts/test.sh        (CI calls exactly this through .ci/run)
# Each suite that cannot run fails the script loudly; nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "toolchain"
command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup" >&2; exit 1; }
rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo --version

step "fetch every target's crates (the offline steps below need them)"
cargo fetch --locked

step "format"
cargo fmt --all -- --check

step "clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "dependencies: licenses and duplicate versions (cargo-deny, offline)"
command -v cargo-deny >/dev/null || cargo install cargo-deny --locked --version =0.20.2
cargo deny --offline check licenses bans

step "rust tests (core, vectors, properties, CLI)"
cargo test --workspace --locked

step "example: the README's main command"
cargo run -q --locked -p mailinfra-cli -- check examples/order.json
cargo run -q --locked -p mailinfra-cli -- prepare examples/messy-order.json --format json >/dev/null

step "npm package (Node, TypeScript, packaging, Chromium)"
bindings-wasm/test.sh

step "Python package"
bindings-python/test.sh

step "differential tests against the reference implementations and data"
tests/reference/run

step "cross-surface parity (Rust API, CLI, Node, Python; 2,000 orders here, 10,000 by default)"
tests/parity/run 2000

echo
echo "all suites passed"
