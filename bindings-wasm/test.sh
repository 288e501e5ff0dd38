#!/usr/bin/env bash
# Every suite of the npm package `mailinfra` (bindings-wasm/). Called by scripts/test.sh.
# Installs what is missing (Debian 12 with Rust/rustup and Node 20, as root): the
# wasm32 target, wasm-bindgen-cli (pinned to Cargo.lock), Chromium, the dev tools in
# package-lock.json. Any suite that cannot run fails the script; nothing is skipped.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

step() { printf '\n--> [wasm] %s\n' "$*"; }
die() { echo "bindings-wasm/test.sh: $*" >&2; exit 1; }

command -v node >/dev/null || die "node not found (Node 20 is required)"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || die "Node $node_major found, Node 20 or later is required"
command -v npm >/dev/null || die "npm not found"

step "Chromium (Debian package) for the browser tests; bzip2 and apt's lists for the Unicode test's data"
chromium_bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$chromium_bin" ] || missing+=(chromium)
command -v bzcat >/dev/null || missing+=(bzip2)
# The Unicode test downloads Debian's unicode-data 15.0.0-1 (NormalizationTest.txt):
# a fresh image may have no package lists to find it in.
if [ ${#missing[@]} -gt 0 ] || ! apt-cache show unicode-data=15.0.0-1 >/dev/null 2>&1; then
  command -v apt-get >/dev/null || die "apt-get unavailable (needed for: ${missing[*]:-the unicode-data package})"
  apt-get update
  if [ ${#missing[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  fi
fi
[ -x "$chromium_bin" ] || die "Chromium not found at $chromium_bin"
"$chromium_bin" --version

step "dev tools from package-lock.json (typescript, playwright-core, vite)"
# Not `npm ci`: npm 11 rejects this lock because vite's Windows-only optional
# dependency has no entry in it; `npm install` installs the locked versions and
# leaves the lock unchanged.
npm install --no-audit --no-fund

step "build the package (build.sh -> pkg/)"
./build.sh

step "rustfmt and clippy (host and wasm32)"
(cd .. && cargo fmt -p mailinfra-wasm -- --check)
(cd .. && cargo clippy --locked -p mailinfra-wasm --all-targets -- -D warnings)
(cd .. && cargo clippy --locked -p mailinfra-wasm --target wasm32-unknown-unknown --all-targets -- -D warnings)
(cd .. && cargo clippy --locked -p mailinfra-wasm --features bulk --target wasm32-unknown-unknown --all-targets -- -D warnings)

step "node --test: vectors, API and hostile input, data packs on the browser path, Standard Schema, package (pack, Node ESM, tsc, Vite), Chromium (plain page, demo, React forms)"
# react-forms.test.mjs installs examples/react-form from its lock (npm ci) and builds it.
node --test --test-concurrency=1 --test-reporter=spec \
  tests/vectors.test.mjs tests/api.test.mjs tests/data-packs.test.mjs tests/idna-packs.test.mjs tests/psl-packs.test.mjs tests/standard-schema.test.mjs tests/package.test.mjs \
  tests/browser.test.mjs tests/react-forms.test.mjs

step "Unicode from the host: NormalizationTest 15.0 and a fast subset of inputs, host back end = native, in Node and Chromium (the full run: scripts/unicode-conformance.sh)"
node --test --test-reporter=spec tests/unicode-host.test.mjs

step "bench smoke run (sizes against the budget, a short timing run)"
node bench/run.mjs --quick
node bench/standard-schema.mjs 1
node bench/demo-variants.mjs >/dev/null # fails when the demo no longer has what a variant changes

step "JS-stack peer bench smoke run (both sides agree on every benchmark order; sizes; a short timing run)"
../bench/js/run.sh pkg --quick

echo
echo "bindings-wasm: all suites passed"
