#!/usr/bin/env bash
# Instructions per call of the core's steady-state workloads (core/examples/workload.rs),
# counted by valgrind (cachegrind): repeatable to ~1 % (hash seeds vary) where timings
# on a shared VM are not, so two builds compare by this figure, and timings confirm the
# direction.
#   bench/instructions.sh            # the working tree
#   bench/instructions.sh <git-rev>  # also <git-rev>, built in a temporary worktree
# Each figure is (instructions of N calls - instructions of 0 calls) / N.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind not found (apt-get install -y valgrind)" >&2; exit 1; }
N="${N:-2000}"
WORKLOADS="${WORKLOADS:-prepare_typical prepare_stream check_typical check_field_phone check_field_phone_part}"

build() { # dir target-dir -> path of the example binary
  (cd "$1" && CARGO_TARGET_DIR="$2" cargo build --release -q -p mailinfra --example workload)
  echo "$2/release/examples/workload"
}
count() { # binary workload n -> instructions
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$1" "$2" "$3" 2>&1 |
    sed -n 's/.*I *refs: *//p' | tr -d ,
}
report() { # label binary
  for w in $WORKLOADS; do
    base=$(count "$2" "$w" 0)
    full=$(count "$2" "$w" "$N")
    printf '%-12s %-18s %8d instructions/call\n' "$1" "$w" $(((full - base) / N))
  done
}

bins=("working-tree:$(build . "$(pwd)/target")")
if [[ $# -ge 1 ]]; then
  wt="$(mktemp -d)"
  trap 'git worktree remove --force "$wt" >/dev/null 2>&1 || true' EXIT
  git worktree add -q --detach "$wt" "$1"
  # The rev's own workload example may not exist: use this one, with this tree's fixtures.
  cp core/examples/workload.rs "$wt/core/examples/workload.rs"
  cp core/benches/common/orders.rs "$wt/core/benches/common/orders.rs"
  bins=("$1:$(build "$wt" "$(pwd)/target/instructions-base")" "${bins[@]}")
fi
for b in "${bins[@]}"; do report "${b%%:*}" "${b#*:}"; done
