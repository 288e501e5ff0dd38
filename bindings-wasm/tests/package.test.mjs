// The published package: `npm pack`, installed into a temp project, then used from
// Node 20 ESM, type-checked with tsc against its .d.ts, and bundled by Vite for a
// production build that runs in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pkgDir, repoRoot, wasmDir } from './paths.mjs';
import { browser, serve } from './browser.mjs';

const tsc = fileURLToPath(new URL('node_modules/typescript/bin/tsc', wasmDir));
let work;
let project;
let tarball;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'mailinfra-pack-'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work, fileURLToPath(pkgDir)], { encoding: 'utf8' });
  const info = JSON.parse(out)[0];
  tarball = join(work, info.filename);
  project = join(work, 'app');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', tarball], { cwd: project, stdio: 'pipe' });
});

after(() => { if (work) rmSync(work, { recursive: true, force: true }); });

test('the tarball holds exactly the package files', () => {
  const out = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', fileURLToPath(pkgDir)], { encoding: 'utf8' }))[0];
  const files = out.files.map((f) => f.path).sort();
  assert.deepEqual(files.filter((f) => !f.startsWith('data/')), ['README.md', 'api.js', 'bulk.js', 'constants.js', 'data.js', 'mailinfra.d.ts', 'mailinfra_bulk.js', 'mailinfra_bulk_bg.wasm', 'mailinfra_wasm.js', 'mailinfra_wasm_bg.wasm', 'node.js', 'order-schema.js', 'order.schema.json', 'package.json', 'types.d.ts', 'unicode-host.js', 'web.bundle.js']);
  // Every data pack the generators wrote, and nothing else.
  const packs = readdirSync(new URL('core/data/packs/', repoRoot)).flatMap((kind) =>
    readdirSync(new URL(`core/data/packs/${kind}/`, repoRoot)).map((f) => `data/${kind}/${f}`));
  assert.deepEqual(files.filter((f) => f.startsWith('data/')), packs.sort());
  const pj = JSON.parse(readFileSync(new URL('package.json', pkgDir), 'utf8'));
  assert.equal(pj.name, 'mailinfra');
  assert.equal(pj.type, 'module');
  assert.equal(pj.exports['.'].node, './node.js');
  assert.equal(pj.exports['.'].types, './mailinfra.d.ts');
  // Browsers and bundlers get the glue as one file (build.sh checks its exports).
  for (const entry of [pj.exports['.'].browser, pj.exports['.'].default, pj.browser, pj.module]) assert.equal(entry, './web.bundle.js');
  assert.equal(pj.exports['./order.schema.json'], './order.schema.json');
  assert.deepEqual(pj.sideEffects, ['./node.js']);
});

test('Node 20 ESM: import from "mailinfra" is ready with no init step', () => {
  writeFileSync(join(project, 'index.mjs'), `
    import { check, prepare, checkField } from 'mailinfra';
    import * as all from 'mailinfra';
    const p = prepare({ country: 'uk', phoneNumber: '020 7946 0958' });
    console.log(JSON.stringify({ country: p.order.country, phone: p.order.phoneNumber,
      valid: check({}).valid, zip: checkField({ country: 'GB', zipcode: 'sw1a1aa' }, '/zipcode')[0].suggestion,
      exports: Object.keys(all).sort() }));
  `);
  const r = spawnSync(process.execPath, ['index.mjs'], { cwd: project, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out, {
    country: 'GB', phone: '+442079460958', valid: false, zip: 'SW1A 1AA',
    exports: ['DataPendingError', 'addressFormat', 'buildOrder', 'check', 'checkField', 'countries', 'dataVersions', 'defaultOptions',
      'domainToAscii', 'domainToUnicode', 'init', 'initBulk', 'initSync', 'issueCodes', 'loadData', 'orderJsonSchema', 'orderSchema', 'orderSchemaWith',
      'prepare', 'strictOrderSchema', 'suggestMailboxes'],
  });
});

test('TypeScript: a usage file compiles against the published .d.ts; a drifting one does not', () => {
  const dir = join(project, 'types');
  cpSync(fileURLToPath(new URL('tests/types/', wasmDir)), dir, { recursive: true });
  // The spec's own types (a dev dependency) for standard.ts to compare ours with.
  cpSync(fileURLToPath(new URL('node_modules/@standard-schema/spec/', wasmDir)),
    join(project, 'node_modules', '@standard-schema', 'spec'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  const ok = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  writeFileSync(join(dir, 'tsconfig.drift.json'), JSON.stringify({ extends: './tsconfig.json', files: ['drift.ts'] }));
  const drift = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.drift.json'], { cwd: dir, encoding: 'utf8' });
  assert.notEqual(drift.status, 0, 'drift.ts must not compile');
  const errors = drift.stdout.split('\n').filter((l) => l.includes('error TS'));
  assert.equal(errors.length, 4, drift.stdout);
  assert.match(drift.stdout, /"no_such_code"/);
  assert.match(drift.stdout, /"mailinfra"/);
  assert.match(drift.stdout, /maxDomainz/);
});

test('Vite production build of a small app runs in Chromium', async () => {
  const app = join(project, 'vite-app');
  cpSync(fileURLToPath(new URL('tests/vite-app/', wasmDir)), app, { recursive: true });
  // Vite itself comes from our dev tooling; `mailinfra` resolves from the temp project.
  const { build } = await import(new URL('node_modules/vite/dist/node/index.js', wasmDir).href);
  const built = await build({ root: app, logLevel: 'warn', configFile: false, build: { outDir: join(app, 'dist') } });
  // `mailinfra` resolved to the browser entry as shipped, the one file (and the bulk
  // glue it imports on first use), not to the separate modules.
  const modules = [built].flat().flatMap((b) => b.output).flatMap((c) => c.moduleIds ?? []);
  const js = modules.map((id) => id.split('node_modules/mailinfra/')[1]).filter((f) => f?.endsWith('.js'));
  assert.deepEqual([...new Set(js)].sort(), ['mailinfra_bulk.js', 'unicode-host.js', 'web.bundle.js']);
  const assets = join(app, 'dist', 'assets');
  assert.ok(existsSync(assets));
  // Both modules are emitted as assets; the bulk one is only fetched by initBulk().
  assert.equal(readdirSync(assets).filter((f) => f.endsWith('.wasm')).length, 2);
  // The data packs too, each fetched when a call first needs it.
  assert.ok(readdirSync(assets).filter((f) => f.endsWith('.txt')).length > 400);
  const server = await serve(join(app, 'dist'));
  const b = await browser();
  try {
    const page = await b.page();
    await page.goto(server.url);
    await page.waitForFunction(() => document.getElementById('result').textContent.startsWith('{'), null, { timeout: 30_000 });
    const out = JSON.parse(await page.textContent('#result'));
    const node = await import(new URL('node.js', pkgDir).href);
    const missing = node.check({}).issues.filter((i) => i.code === 'missing_field').length;
    assert.ok(missing >= 5);
    const suggested = node.suggestMailboxes({ firstName: 'Zoë', lastName: 'Lee', domain: 'acme.com', count: 1 }).addresses;
    assert.equal(suggested.length, 1);
    assert.deepEqual(out, { country: 'GB', phone: '+442079460958', missing, zip: 'SW1A 1AA', suggested, pending: ['phone/GB'] });
    assert.deepEqual(page.errors, []);
  } finally {
    await b.close();
    await server.close();
  }
});
