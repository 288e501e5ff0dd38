#!/usr/bin/env bash
# Regenerates core/data/packs/unicode/idna.txt (UTS #46's mapping, Bidi_Class and
# Joining_Type, read by unicode/src/uts46.rs) from the data the crates.io crates
# idna_mapping 1.1.0 (IdnaMappingTable.txt), unicode-bidi 0.3.18 and
# unicode-joining-type 1.0.0 ship (Cargo.lock pins the crates' checksums; the files'
# SHA-256 are checked here). Needs cargo and python3.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sha256=6db2ef4ed35f3b3de74ebc2e00404a9607f76d499f576b8d4043cf14f1ed175c
cd "$root"
cargo fetch --locked >/dev/null
src="$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/ | head -n 1)"
table="$src/idna_mapping-1.1.0/src/IdnaMappingTable.txt"
bidi="$src/unicode-bidi-0.3.18/src/char_data/tables.rs"
joining="$src/unicode-joining-type-1.0.0/src/joining_type_tables.rs"
echo "$sha256  $table" | sha256sum --check --quiet
echo "8cbe4b6a4fc690e76107d4654047d3f0d8988b870fc3234f76dc265ad2e2a9ca  $bidi" | sha256sum --check --quiet
echo "bf9009e73c23a30f0892ab989f22d8a6dba39eced74ff5651df53655f0112143  $joining" | sha256sum --check --quiet
python3 tools/gen_idna_pack.py "$table" "$bidi" "$joining" \
  "idna_mapping 1.1.0 IdnaMappingTable.txt (sha256 $sha256), unicode-bidi 0.3.18, unicode-joining-type 1.0.0" \
  > core/data/packs/unicode/idna.txt
echo "wrote core/data/packs/unicode/idna.txt"
