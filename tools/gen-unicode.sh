#!/usr/bin/env bash
# Regenerates unicode/src/tables.rs (the code points assigned in the Unicode version
# every surface answers as, and its viramas) from DerivedAge.txt and UnicodeData.txt
# of Debian's `unicode-data` package, pinned by version and SHA-256. Needs apt-get
# (Debian) and python3.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version=15.0.0-1
sha256=5efef23bbb1c6a133ecbdd63a2cfa07159ccacf5466a49e2426101c5ecd691fc
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download "unicode-data=$version" >/dev/null 2>&1 ||
  { apt-get update >/dev/null && apt-get download "unicode-data=$version"; })
deb="$work/unicode-data_${version}_all.deb"
echo "$sha256  $deb" | sha256sum --check --quiet
dpkg-deb -x "$deb" "$work/x"
ucd="$work/x/usr/share/unicode"
python3 "$root/tools/gen_unicode.py" "$ucd/DerivedAge.txt" "$ucd/UnicodeData.txt" \
  "Debian unicode-data $version (sha256 $sha256)" > "$root/unicode/src/tables.rs"
echo "wrote unicode/src/tables.rs"
