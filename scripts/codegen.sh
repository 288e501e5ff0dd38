#!/usr/bin/env bash
# Writes every generated binding file from the core's definitions (tools/codegen):
# the npm package's types.d.ts, constants.js, order-schema.js and order.schema.json;
# the Python package's _types.py and its order schemas. With --check, writes nothing
# and fails when a committed file is stale. Change a type in the core -> run this.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
check=()
case "${1:-}" in
  --check) check=(--check) ;;
  "") ;;
  *) echo "usage: scripts/codegen.sh [--check]" >&2; exit 2 ;;
esac
cargo run -q --locked -p mailinfra-codegen -- "${check[@]}" "$root"
