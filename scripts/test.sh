#!/usr/bin/env bash
# Installs whatever is missing and runs the project's test suites: every suite by
# default (CI calls exactly `scripts/test.sh` through .ci/run), or the ones named.
#
# Usage: scripts/test.sh [SUITE...]     run these suites, in this order (default: all)
#        scripts/test.sh --list         print the suite names, one a line
#
# Each suite installs what it needs; a suite that cannot run fails the script loudly.
# Nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

# Every suite, in the order a full run takes them, with what it runs.
SUITES=(lint codegen rust cli npm python reference parity)
describe() {
  case "$1" in
    lint) echo "rustfmt, clippy (-D warnings), cargo-deny licenses and duplicate versions" ;;
    codegen) echo "the generated binding types, constants and JSON Schemas are up to date (scripts/codegen.sh --check)" ;;
    rust) echo "cargo test: core unit, conformance-vector, property and CLI tests" ;;
    cli) echo "the README's main command on the bundled example orders" ;;
    npm) echo "the npm package: build, Node, TypeScript, packaging, Chromium, bench smoke (bindings-wasm/test.sh)" ;;
    python) echo "the Python package: build, pytest, mypy --strict (bindings-python/test.sh)" ;;
    reference) echo "differential tests against the reference implementations and data (tests/reference/run)" ;;
    parity) echo "the same 2,000 generated orders through Rust, CLI, Node and Python (tests/parity/run 2000)" ;;
  esac
}

usage() {
  echo "usage: scripts/test.sh [--list] [SUITE...]"
  echo "suites (default: all, in this order):"
  for s in "${SUITES[@]}"; do printf '  %-10s %s\n' "$s" "$(describe "$s")"; done
}

step() { printf '\n==> %s\n' "$*"; }
die() { echo "scripts/test.sh: $*" >&2; exit 1; }

need_cargo() {
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup"
}

suite_lint() {
  need_cargo
  step "lint: toolchain"
  rustup component add rustfmt clippy >/dev/null 2>&1 || true
  cargo --version
  step "lint: fetch every target's crates (the offline cargo-deny step needs them)"
  cargo fetch --locked
  step "lint: format"
  cargo fmt --all -- --check
  step "lint: clippy"
  cargo clippy --workspace --all-targets --locked -- -D warnings
  step "lint: dependencies, licenses and duplicate versions (cargo-deny, offline)"
  command -v cargo-deny >/dev/null || cargo install cargo-deny --locked --version =0.20.2
  cargo deny --offline check licenses bans
}

suite_codegen() {
  need_cargo
  step "codegen: generated files up to date"
  scripts/codegen.sh --check
}

suite_rust() {
  need_cargo
  step "rust: tests (core, vectors, properties, CLI)"
  cargo test --workspace --locked
}

suite_cli() {
  need_cargo
  step "cli: the README's main command"
  cargo run -q --locked -p mailinfra-cli -- check examples/order.json
  cargo run -q --locked -p mailinfra-cli -- prepare examples/messy-order.json --format json >/dev/null
}

suite_npm() {
  step "npm: the npm package (Node, TypeScript, packaging, Chromium)"
  bindings-wasm/test.sh
}

suite_python() {
  step "python: the Python package"
  bindings-python/test.sh
}

suite_reference() {
  step "reference: differential tests against the reference implementations and data"
  tests/reference/run
}

suite_parity() {
  step "parity: Rust API, CLI, Node, Python (2,000 orders here, 10,000 by default)"
  tests/parity/run 2000
}

chosen=()
for arg in "$@"; do
  case "$arg" in
    --list) printf '%s\n' "${SUITES[@]}"; exit 0 ;;
    -h | --help) usage; exit 0 ;;
    -*) echo "scripts/test.sh: unknown option '$arg'" >&2; usage >&2; exit 2 ;;
    *)
      known=false
      for s in "${SUITES[@]}"; do [ "$s" = "$arg" ] && known=true; done
      $known || { echo "scripts/test.sh: unknown suite '$arg'; the suites are: ${SUITES[*]}" >&2; exit 2; }
      chosen+=("$arg")
      ;;
  esac
done
[ ${#chosen[@]} -gt 0 ] || chosen=("${SUITES[@]}")

for s in "${chosen[@]}"; do
  "suite_$s"
done

echo
if [ $# -eq 0 ]; then
  echo "all suites passed"
else
  echo "suites passed: ${chosen[*]}"
fi
