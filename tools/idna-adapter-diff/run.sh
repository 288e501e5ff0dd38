#!/usr/bin/env bash
# Differential check of the idna back end we switched to (idna_adapter 1.1, unicode-rs)
# against the one it replaced (1.2, ICU4X): the same strict UTS #46 calls as
# core/src/host.rs on ~26,000 inputs derived from IdnaTestV2.txt. Two versions of
# one crate cannot be linked into one binary, so this builds the probe twice and
# diffs the outputs. Prints every difference; see docs/dependencies.md for the result.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
registry="$(ls -d "$HOME"/.cargo/registry/src/*/ | head -1)"
cp -r "$here/src" "$work/"
cargo fetch --manifest-path "$here/../../Cargo.toml" >/dev/null 2>&1 || true
python3 "$here/inputs.py" "$registry" > "$work/inputs.txt"
for v in 1.1.0 1.2.2; do
  sed "s/ADAPTER/$v/" "$here/Cargo.toml.in" > "$work/Cargo.toml"
  rm -f "$work/Cargo.lock"
  CARGO_TARGET_DIR="$work/target-$v" cargo build -q --release --manifest-path "$work/Cargo.toml"
  "$work/target-$v/release/idna-adapter-diff" < "$work/inputs.txt" > "$work/out-$v.txt"
done
echo "$(wc -l < "$work/inputs.txt") inputs; lines that differ (< 1.1.0 unicode-rs, > 1.2.2 ICU4X):"
diff "$work/out-1.1.0.txt" "$work/out-1.2.2.txt" || true
