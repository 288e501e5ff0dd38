// Benchmarks of the npm package: .wasm and glue sizes, Node and Chromium steady
// per-call times for a typical order, Node cold start, and Chromium page load to the
// first validated keystroke (cold, empty cache). Figures go to docs/benchmarks-wasm.md.
// Usage: node bench/run.mjs [--quick] [--cold] [--runs N] [--before DIR]   (after ./build.sh)
//   --cold: only the Chromium cold start (cold.mjs: blank floor, fields-and-module floor,
//   phone and first-name fields);
//   --runs N: fresh profiles per cold figure (default 7; 1 with --quick);
//   --before DIR: also time the demo of another tree (a checkout with a built
//   bindings-wasm/pkg, e.g. `git worktree add`), its runs interleaved with this one's.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { steady, typing } from './typical.mjs';
import { coldStart } from './cold.mjs';
import { formGlue, sumSizes } from './glue.mjs';
import { browser, serve } from '../tests/browser.mjs';

const quick = process.argv.includes('--quick');
const coldOnly = process.argv.includes('--cold');
const runsArg = process.argv.indexOf('--runs');
const beforeArg = process.argv.indexOf('--before');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : quick ? 1 : 7;
const pkg = new URL('../pkg/', import.meta.url);
const repo = new URL('../../', import.meta.url);
const example = JSON.parse(readFileSync(new URL('examples/order.json', repo), 'utf8'));
const KB = (n) => `${(n / 1024).toFixed(1)} KiB`;
const us = (t) => `${t.median.toFixed(1)} µs (best ${t.best.toFixed(1)})`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sizes = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

if (!coldOnly) {
  // ---- sizes
  const file = (f) => readFileSync(new URL(f, pkg));
  const wasm = sizes(file('mailinfra_wasm_bg.wasm'));
  const glueFiles = formGlue(pkg);
  const glue = sumSizes(sizes, glueFiles.map(file));
  const bulkWasm = sizes(file('mailinfra_bulk_bg.wasm'));
  const bulkGlue = sizes(file('mailinfra_bulk.js'));
  // The budgets are in KB (1,000 bytes), as the issues state them; sizes print in KiB.
  const GZIP_BUDGET = 650_000; // the .wasm's budget
  const FORM_BUDGET = 250_000; // what a form loads before a check that needs no data pack (packs.mjs: with them)
  const formGzip = wasm.gzip + glue.gzip;
  console.log('## Sizes');
  console.log(`wasm  raw ${KB(wasm.raw)}  gzip -9 ${KB(wasm.gzip)}  brotli 11 ${KB(wasm.brotli)}  (budget gzip < ${GZIP_BUDGET / 1000} KB: ${wasm.gzip < GZIP_BUDGET ? 'met' : 'OVER BUDGET'})`);
  console.log(`glue  raw ${KB(glue.raw)}  gzip -9 ${KB(glue.gzip)}  brotli 11 ${KB(glue.brotli)}  (${glueFiles.join(' + ')}: the browser entry's static import graph)`);
  console.log(`form loads .wasm + glue: gzip -9 ${KB(formGzip)}, brotli 11 ${KB(wasm.brotli + glue.brotli)}  (budget <= ${FORM_BUDGET / 1000} KB: ${formGzip <= FORM_BUDGET ? 'met' : 'NOT MET'})`);
  console.log(`bulk module on demand (suggestMailboxes, buildOrder): wasm gzip -9 ${KB(bulkWasm.gzip)} (raw ${KB(bulkWasm.raw)}, brotli ${KB(bulkWasm.brotli)}), glue gzip ${KB(bulkGlue.gzip)}`);


  // ---- Node
  const api = await import(new URL('node.js', pkg).href);
  const opts = quick ? { warm: 200, rounds: 5, batch: 100 } : undefined;
  const node = { ...steady(api, example, opts), ...typing(api, example, opts) };
  console.log('\n## Node ' + process.version + ' steady per call (typical order: 1 domain x 3 mailboxes; type*: a field typed key by key, per keystroke)');
  for (const [k, t] of Object.entries(node)) console.log(`${k.padEnd(16)} ${us(t)}`);
  console.log(`prepare budget < 100 µs: ${node.prepare.median < 100 ? 'met' : 'NOT MET'}`);

  const coldScript = `
    const t0 = performance.now();
    const api = await import(${JSON.stringify(new URL('node.js', pkg).href)});
    const t1 = performance.now();
    const order = JSON.parse(${JSON.stringify(JSON.stringify(example))});
    api.prepare(order);
    const t2 = performance.now();
    api.prepare(order);
    const t3 = performance.now();
    console.log(JSON.stringify({ load: t1 - t0, first: t2 - t1, second: t3 - t2 }));`;
  const colds = [];
  for (let i = 0; i < (quick ? 1 : 5); i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', coldScript], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    colds.push(JSON.parse(r.stdout));
  }
  console.log(`cold (median of ${colds.length} fresh processes): import+compile+instantiate ${median(colds.map((c) => c.load)).toFixed(1)} ms, first prepare ${median(colds.map((c) => c.first)).toFixed(1)} ms, second ${median(colds.map((c) => c.second)).toFixed(2)} ms`);

}

// ---- Chromium
const server = await serve(fileURLToPath(repo));
const before = beforeArg > 0 ? await serve(process.argv[beforeArg + 1]) : null;
try {
  if (!coldOnly) {
    const b = await browser();
    let chrome;
    let version;
    try {
      const page = await b.page();
      version = await page.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0]);
      await page.goto(`${server.url}bindings-wasm/bench/page.html${quick ? '?quick' : ''}`);
      await page.waitForFunction(() => document.getElementById('out').textContent !== 'running', null, { timeout: 300_000 });
      chrome = JSON.parse(await page.textContent('#out'));
    } finally {
      await b.close();
    }
    console.log(`\n## Chromium (${version}) steady per call (type*: per keystroke)`);
    for (const [k, t] of Object.entries(chrome)) console.log(`${k.padEnd(16)} ${us(t)}`);
  }

  await coldStart([['demo', server.url], ...(before ? [['before', before.url]] : [])], RUNS);
} finally {
  await server.close();
  await before?.close();
}
