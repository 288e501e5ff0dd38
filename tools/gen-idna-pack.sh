#!/usr/bin/env bash
# Regenerates core/data/packs/unicode/idna.txt (the UTS #46 mapping, read by
# unicode/idna-mapping) from the IdnaMappingTable.txt that the crates.io crate
# idna_mapping 1.1.0 ships (Cargo.lock pins the crate's checksum; the file's SHA-256
# is checked here). Needs cargo and python3.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sha256=6db2ef4ed35f3b3de74ebc2e00404a9607f76d499f576b8d4043cf14f1ed175c
cd "$root"
cargo fetch --locked >/dev/null
table="$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/idna_mapping-1.1.0/src/IdnaMappingTable.txt | head -n 1)"
echo "$sha256  $table" | sha256sum --check --quiet
python3 tools/gen_idna_pack.py "$table" "idna_mapping 1.1.0 IdnaMappingTable.txt (sha256 $sha256)" \
  > core/data/packs/unicode/idna.txt
echo "wrote core/data/packs/unicode/idna.txt"
