#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60), one after another, then
# minimizes each corpus so it stays small. Needs the nightly toolchain and
# cargo-fuzz (`cargo +nightly install cargo-fuzz`, installed here when missing).
# Findings land in fuzz/artifacts/<target>/; turn each into a regression vector in
# tests/vectors/fuzz-regressions.json.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(json_bytes structured invariants phone_reading)
command -v cargo-fuzz >/dev/null || cargo +nightly install cargo-fuzz
mkdir -p logs
for t in "${targets[@]}"; do
  echo "==> $t for ${secs}s"
  mkdir -p "corpus/$t"
  cargo +nightly fuzz run "$t" "corpus/$t" -- -max_total_time="$secs" -rss_limit_mb=4096 \
    -print_final_stats=1 2>&1 | tee "logs/$t.log" | grep -E "^#[0-9]+ +(DONE|pulse)|ERROR|panicked|stat::" || true
  if grep -qE "ERROR: libFuzzer|panicked" "logs/$t.log"; then
    echo "FINDING in $t: see fuzz/artifacts/$t and fuzz/logs/$t.log" >&2
    exit 1
  fi
  cargo +nightly fuzz cmin "$t" "corpus/$t" >/dev/null 2>&1 || true
  echo "    corpus: $(ls "corpus/$t" | wc -l) inputs"
done
