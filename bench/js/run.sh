#!/usr/bin/env bash
# mailinfra's npm package against the JS stack a developer would assemble instead
# (see run.mjs and docs/benchmarks-js-stack.md). Installs the stack's pinned packages
# (npm ci in bench/js), and bindings-wasm's dev tools (playwright-core) for the
# Chromium part when they are missing, then runs run.mjs with the arguments given:
#   bench/js/run.sh [PKG] [--quick] [--no-browser]
# PKG is a built npm package (default bindings-wasm/pkg: bindings-wasm/build.sh).
# ROUNDS and SECONDS_PER_ROUND tune the measurement.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
# --no-save: bindings-wasm's lock stays as committed (npm would rewrite it; see bindings-wasm/test.sh).
if [[ " $* " != *" --no-browser "* && ! -d "$here/../../bindings-wasm/node_modules/playwright-core" ]]; then
  (cd "$here/../../bindings-wasm" && npm install --no-audit --no-fund --no-save --loglevel=error)
fi
exec node "$here/run.mjs" "$@"
