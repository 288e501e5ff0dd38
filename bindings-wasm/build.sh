#!/usr/bin/env bash
# Builds the npm package `mailinfra` into bindings-wasm/pkg/ (the folder `npm pack`
# publishes) from a clean checkout. Installs what is missing: the wasm32 target and
# wasm-bindgen-cli at exactly the version Cargo.lock pins for wasm-bindgen.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

say() { printf '[build.sh] %s\n' "$*"; }

command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup" >&2; exit 1; }
command -v node >/dev/null || { echo "node not found: install Node 20" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

wb_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[ -n "$wb_version" ] || { echo "wasm-bindgen not found in Cargo.lock" >&2; exit 1; }
if ! command -v wasm-bindgen >/dev/null || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$wb_version" ]; then
  say "installing wasm-bindgen-cli $wb_version (a few minutes)"
  cargo install wasm-bindgen-cli --version "=$wb_version"
fi
export PATH="$HOME/.cargo/bin:$PATH"

target_dir="$(cargo metadata --format-version 1 --no-deps --locked | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"
wasm="$target_dir/wasm32-unknown-unknown/wasm-release/mailinfra_wasm.wasm"

pkg="$here/pkg"
rm -rf "$pkg"
mkdir -p "$pkg"
# Two modules from one crate: mailinfra_wasm (what a form needs) and mailinfra_bulk
# (everything, plus suggestMailboxes/buildOrder; loaded only when those are used).
for variant in "mailinfra_wasm:" "mailinfra_bulk:--features=bulk"; do
  name="${variant%%:*}"
  features="${variant#*:}"
  say "cargo build $name (wasm32, profile wasm-release${features:+, $features})"
  cargo build --locked -p mailinfra-wasm --target wasm32-unknown-unknown --profile wasm-release $features
  say "wasm-bindgen --target web -> $name"
  wasm-bindgen --target web --out-dir "$pkg" --out-name "$name" \
    --remove-name-section --remove-producers-section --no-typescript "$wasm"
done

# unicode-host.js: the host's normalization and marks, which both modules' glue imports.
cp "$here/js/api.js" "$here/js/bulk.js" "$here/js/data.js" "$here/js/node.js" "$here/js/web.js" "$here/js/unicode-host.js" "$here/README.md" "$pkg/"
# The declarations and the generated files (scripts/codegen.sh writes them from the core).
cp "$here/js/mailinfra.d.ts" "$here/js/types.d.ts" "$here/js/constants.js" \
  "$here/js/order-schema.js" "$here/js/order.schema.json" "$pkg/"
# The form module's data packs (js/data.js fetches or reads them by name).
cp -r "$root/core/data/packs" "$pkg/data"
# web.bundle.js: the package's browser entry (package.json's "browser" condition), web.js's
# static import graph as one minified file: a page that loads the package without a
# bundler makes one request instead of eight, which a cold page waits for before its
# module can run, and the glue weighs 6.2 KiB gzip instead of 14.3 (`bench/glue.mjs`).
# Bundlers resolve the same file. Names are mangled: keeping them costs 0.3 KiB gzip,
# and DataPendingError names itself. web.js and its modules stay in pkg/ for the tests
# that share their wasm instance; node.js imports the modules. The bulk glue stays a
# separate file, imported on first use.
if [ ! -x "$here/node_modules/.bin/rolldown" ]; then
  say "installing the dev tools of package-lock.json (rolldown bundles web.bundle.js)"
  (cd "$here" && npm install --no-audit --no-fund)
fi
say "rolldown --minify pkg/web.js -> pkg/web.bundle.js"
(cd "$pkg" && "$here/node_modules/.bin/rolldown" web.js --file web.bundle.js --format esm --platform browser \
  --minify --external ./mailinfra_bulk.js --logLevel warn >/dev/null)
node --input-type=module -e '
  const [a, b] = await Promise.all([import(process.argv[1]), import(process.argv[2])]);
  const names = (m) => Object.keys(m).sort().join(" ");
  if (names(a) !== names(b)) { console.error(`web.bundle.js exports ${names(b)}\nweb.js exports ${names(a)}`); process.exit(1); }
' "$pkg/web.js" "$pkg/web.bundle.js"
version="$(cargo metadata --format-version 1 --no-deps --locked | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).packages.find(p=>p.name==="mailinfra-wasm").version))')"
sed "s/@VERSION@/$version/" "$here/js/package.json" > "$pkg/package.json"

say "built $(cd "$root" && realpath --relative-to=. "$pkg"): $(ls "$pkg" | tr '\n' ' ')"
