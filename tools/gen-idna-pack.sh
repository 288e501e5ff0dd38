#!/usr/bin/env bash
# Regenerates core/data/packs/unicode/idna-*.txt, one pack per code-point range, and
# unicode/src/uts46_packs.rs, their ranges and header (UTS #46's mapping, Bidi_Class and
# Joining_Type and Script_Extensions, read by unicode/src/uts46.rs) from the data the
# crates.io crates idna_mapping 1.1.0 (IdnaMappingTable.txt), unicode-bidi 0.3.18,
# unicode-joining-type 1.0.0 and unicode-script 0.5.9 ship (Cargo.lock pins the crates' checksums; the files'
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
script="$src/unicode-script-0.5.9/src/tables.rs"
echo "$sha256  $table" | sha256sum --check --quiet
echo "8cbe4b6a4fc690e76107d4654047d3f0d8988b870fc3234f76dc265ad2e2a9ca  $bidi" | sha256sum --check --quiet
echo "bf9009e73c23a30f0892ab989f22d8a6dba39eced74ff5651df53655f0112143  $joining" | sha256sum --check --quiet
echo "f1a4a2499377a0e41bd7da2a1cc5bf67fd068966ee99b4e0f9a937e72d0297b0  $script" | sha256sum --check --quiet
python3 tools/gen_idna_pack.py "$table" "$bidi" "$joining" "$script" \
  "idna_mapping 1.1.0 IdnaMappingTable.txt (sha256 $sha256), unicode-bidi 0.3.18, unicode-joining-type 1.0.0, unicode-script 0.5.9" \
  core/data/packs/unicode unicode/src/uts46_packs.rs
echo "wrote core/data/packs/unicode/idna-*.txt and unicode/src/uts46_packs.rs"
