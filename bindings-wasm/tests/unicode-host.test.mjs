// Unicode from the host (docs/unicode-host.md): the wasm build takes normalization and
// general category M from the JS engine; this checks that it answers exactly as the
// native build, in Node and in Chromium.
//
// Builds unicode/examples/answers.rs (native back end) and unicode/examples/probe.rs
// (wasm32, host back end, with bindings-wasm/js/unicode-host.js), then on each host:
//  - Unicode's NormalizationTest.txt 15.0 (Debian's unicode-data 15.0.0-1, pinned by
//    SHA-256) through the host's String.prototype.normalize (NFC, NFD, NFKC, NFKD;
//    the unlisted code points assigned in 15.0), and through the guarded interface
//    (NFC, NFKC, NFKD; every unlisted code point);
//  - every input through both back ends: NFC, NFKC, NFKD, marks, viramas, the
//    core's strict UTS #46 ToASCII (idna through the in-repo adapter) and the case
//    mappings (lower, each character lower, upper) must be equal;
//  - every input's case mappings on both back ends against UnicodeData.txt,
//    SpecialCasing.txt and DerivedCoreProperties.txt (Cased, Case_Ignorable for
//    Final_Sigma) of 15.0, and the host's own toLowerCase/toUpperCase of each code
//    point assigned in 15.0: where they differ from 15.0 the answer must hold a code
//    point new since (which the guard leaves out).
// Inputs: by default a fast subset (every code point of planes 0-1, `a` + each code
// point of U+0300-U+1FFF, 10,000 two-code-point strings, the Final_Sigma contexts of
// each code point of U+0000-U+1FFF); UNICODE_FULL=1 (what
// scripts/unicode-conformance.sh sets) every code point, `a` + each of planes 0-1,
// 100,000 strings and the Final_Sigma contexts of every code point. Each host's versions and figures go to test-output/unicode-host/.
// UNICODE_DATA_DEB names a local copy of the .deb; otherwise apt-get downloads it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hostRun } from './unicode-host.page.mjs';
import { outputDir, repoRoot } from './paths.mjs';
import { browser, serve } from './browser.mjs';

const DEB = 'unicode-data_15.0.0-1_all.deb';
const DEB_SHA256 = '5efef23bbb1c6a133ecbdd63a2cfa07159ccacf5466a49e2426101c5ecd691fc';
const FULL = process.env.UNICODE_FULL === '1';

const root = fileURLToPath(repoRoot);
const out = new URL('unicode-host/', outputDir);
const outPath = fileURLToPath(out);
const target = process.env.CARGO_TARGET_DIR ?? `${root}target`;
const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 30, ...opts });

/** A small deterministic PRNG (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The inputs: single code points; `a` + a code point (marks, joiners and bidi
 * characters are only valid in a domain after a letter); two-code-point strings, the
 * second one the host decomposes or calls a mark, drawn with a fixed seed.
 */
function makeInputs() {
  const ok = (cp) => cp < 0xd800 || cp > 0xdfff;
  const out = [];
  for (let cp = 0; cp <= (FULL ? 0x10ffff : 0x1ffff); cp++) if (ok(cp)) out.push(String.fromCodePoint(cp));
  for (let cp = FULL ? 0 : 0x300; cp <= (FULL ? 0x1ffff : 0x1fff); cp++) if (ok(cp)) out.push(`a${String.fromCodePoint(cp)}`);
  const interesting = [];
  const assigned = [];
  for (let cp = 0; cp <= 0x3ffff; cp++) {
    if (!ok(cp)) continue;
    const c = String.fromCodePoint(cp);
    if (/^\P{Cn}$/u.test(c)) assigned.push(c);
    if (/^\p{M}$/u.test(c) || c.normalize('NFKD') !== c) interesting.push(c);
  }
  const next = rng(13);
  for (let i = 0; i < (FULL ? 100_000 : 10_000); i++) {
    const first = i % 2 ? interesting : assigned;
    out.push(first[Math.floor(next() * first.length)] + interesting[Math.floor(next() * interesting.length)]);
  }
  // Final_Sigma: whether x is cased or case-ignorable decides the Σ: before it, after
  // it at the end, and after it before a cased letter.
  for (let cp = 0; cp <= (FULL ? 0x10ffff : 0x1fff); cp++) {
    if (!ok(cp)) continue;
    const x = String.fromCodePoint(cp);
    out.push(`A${x}\u03a3`, `A\u03a3${x}`, `A\u03a3${x}b`);
  }
  return out;
}

let server;

before(() => {
  mkdirSync(out, { recursive: true });
  run('cargo', ['build', '--quiet', '--locked', '--release', '-p', 'mailinfra-unicode', '--example', 'answers']);
  run('cargo', ['build', '--quiet', '--locked', '--release', '-p', 'mailinfra-unicode', '--features', 'host',
    '--example', 'probe', '--target', 'wasm32-unknown-unknown']);
  run('wasm-bindgen', ['--target', 'web', '--out-dir', outPath, '--out-name', 'probe', '--no-typescript',
    `${target}/wasm32-unknown-unknown/release/examples/probe.wasm`]);
  copyFileSync(new URL('../js/unicode-host.js', import.meta.url), new URL('unicode-host.js', out));

  const deb = process.env.UNICODE_DATA_DEB ?? `${outPath}${DEB}`;
  if (!existsSync(deb)) run('apt-get', ['download', 'unicode-data=15.0.0-1'], { cwd: outPath });
  assert.equal(createHash('sha256').update(readFileSync(deb)).digest('hex'), DEB_SHA256, `${deb}: SHA-256`);
  run('dpkg-deb', ['-x', deb, `${outPath}deb`]);
  writeFileSync(new URL('NormalizationTest.txt', out),
    run('bzcat', [`${outPath}deb/usr/share/unicode/NormalizationTest.txt.bz2`]));
  for (const f of ['DerivedAge.txt', 'UnicodeData.txt', 'SpecialCasing.txt', 'DerivedCoreProperties.txt']) {
    copyFileSync(`${outPath}deb/usr/share/unicode/${f}`, new URL(f, out));
  }

  const lines = `${makeInputs().map((s) => JSON.stringify(s)).join('\n')}\n`;
  writeFileSync(new URL('inputs.jsonl', out), lines);
  const r = spawnSync(`${target}/release/examples/answers`, [], { input: lines, maxBuffer: 2 ** 31 - 1 });
  assert.equal(r.status, 0, String(r.stderr));
  writeFileSync(new URL('native.jsonl', out), r.stdout);
});

after(async () => { await server?.close(); });

function check(where, r) {
  writeFileSync(new URL(`${where}${FULL ? '-full' : ''}.json`, out), JSON.stringify(r, null, 1));
  const h = r.hostNormalizationTest;
  const g = r.guardedNormalizationTest;
  console.log(`# ${where}: ${JSON.stringify(r.versions)}`);
  console.log(`# ${where}: NormalizationTest 15.0 through the host: ${h.rows} rows + ${h.unlisted} unlisted code points, `
    + `${h.failCount} fail; through the guarded interface: ${g.failCount} fail`);
  console.log(`# ${where}: ${r.inputs} inputs (${FULL ? 'full' : 'fast subset'}), host vs native back end: `
    + `${r.differ} differ (${r.ms} ms)`);
  const c = r.caseReference;
  console.log(`# ${where}: case mapping vs UnicodeData/SpecialCasing 15.0: host ${c.host.failCount} fail, `
    + `native ${c.native.failCount} fail; the host's own mapping differs from 15.0 at `
    + `${r.hostCaseDifferences.map((d) => `U+${d.cp} ${d.kind}`).join(', ') || 'none'}`);
  assert.deepEqual([r.backends.probe.backend, r.backends.native.backend], ['host', 'native']);
  assert.equal(r.backends.probe.version, '15.0.0');
  assert.equal(r.nativeAnswers, r.inputs);
  assert.deepEqual(h.fails, []);
  assert.deepEqual(g.fails, []);
  assert.deepEqual(r.examples, []);
  assert.equal(r.differ, 0);
  assert.deepEqual(c.host.fails, []);
  assert.deepEqual(c.native.fails, []);
  assert.equal(c.host.inputs, r.inputs);
  assert.deepEqual(r.hostCaseDifferences.filter((d) => !d.guarded), []);
}

test('Node: NormalizationTest and every input, host back end = native back end', async () => {
  const glue = await import(new URL('probe.js', out).href);
  glue.initSync({ module: readFileSync(new URL('probe_bg.wasm', out)) });
  check('node', await hostRun((name) => readFileSync(new URL(name, out), 'utf8'), glue));
});

test('Chromium: the same in a page', async () => {
  server = await serve(repoRoot);
  const chrome = await browser();
  try {
    const page = await chrome.page();
    await page.goto(`${server.url}bindings-wasm/tests/plain/index.html`);
    const r = await page.evaluate(async ([pageModule, base]) => {
      const { hostRun: hostRunInPage } = await import(pageModule);
      const glue = await import(`${base}probe.js`);
      await glue.default({ module_or_path: `${base}probe_bg.wasm` });
      return hostRunInPage(async (name) => (await fetch(base + name)).text(), glue);
    }, [`${server.url}bindings-wasm/tests/unicode-host.page.mjs`, `${server.url}test-output/unicode-host/`]);
    check('chromium', r);
  } finally {
    await chrome.close();
  }
});
