#!/usr/bin/env bash
# The full Unicode conformance run of the host back end (docs/unicode-host.md):
# NormalizationTest 15.0 and every code point, `a` + each code point of planes 0-1,
# 100,000 two-code-point strings and the Final_Sigma contexts of every code point
# through the wasm build's host back end and the native one, in Node and in Chromium,
# case mappings also against UnicodeData/SpecialCasing 15.0; about 11 minutes on 2 cores. bindings-wasm/test.sh runs
# the same test on a fast subset. Figures: test-output/unicode-host/{node,chromium}-full.json.
set -euo pipefail
cd "$(dirname "$0")/../bindings-wasm"
[ -d node_modules/playwright-core ] || npm install --no-audit --no-fund
UNICODE_FULL=1 node --test --test-reporter=spec tests/unicode-host.test.mjs
