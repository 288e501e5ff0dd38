#!/usr/bin/env bash
# First `prepare` in a fresh process vs steady state (see core/examples/first_call.rs).
# Builds the example in release, runs it RUNS times (default 5), prints each run and
# the median of each figure. Extra arguments go to the example, e.g.
#   bench/first-call.sh --warm /phoneNumber
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
cargo build --release -q -p mailinfra --example first_call
bin="target/release/examples/first_call"
out=()
for i in $(seq 1 "$RUNS"); do
  line="$("$bin" "$@")"
  echo "run $i: $line"
  out+=("$line")
done
median() { # key -> median value over runs, in ns
  printf '%s\n' "${out[@]}" | tr ' ' '\n' | sed -n "s/^$1=//p" | sort -n |
    awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'
}
fmt() { awk -v ns="$1" 'BEGIN { if (ns >= 1e6) printf "%.2f ms", ns/1e6; else printf "%.1f µs", ns/1e3 }'; }
echo "median over $RUNS runs:"
if [[ "${out[0]}" == warm_ns=* ]]; then
  w=$(median warm_ns); echo "  warm-up check_field: $(fmt "$w")"
fi
f=$(median first_ns); s=$(median second_ns); m=$(median steady_mean_ns)
echo "  first prepare:       $(fmt "$f")"
echo "  second prepare:      $(fmt "$s")"
echo "  steady (mean of 1000): $(fmt "$m")"
awk -v f="$f" -v m="$m" 'BEGIN { printf "  first / steady:      %.0fx\n", f/m }'
