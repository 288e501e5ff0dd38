// mailinfra's npm package against the JS stack a developer would assemble instead
// (stack.mjs), measured in one run: what a form downloads, Node `prepare` throughput
// on typical and on invalid orders (interleaved rounds in one process), and, where
// Debian's Chromium and bindings-wasm's playwright-core are installed, a cold page's
// time to its first validated keystroke. Results: docs/benchmarks-js-stack.md.
//
//   bench/js/run.sh [PKG] [--quick] [--no-browser]        (installs, then runs this)
//   node bench/js/run.mjs [PKG] [--quick] [--no-browser]  (PKG: default bindings-wasm/pkg)
//
// --quick: a smoke run (a few seconds) that asserts what every run asserts first: both
// sides call every typical order valid and every invalid order invalid, flag each
// mistake's field, and mailinfra accepts the stack's normalized orders.
// ROUNDS and SECONDS_PER_ROUND tune the measurement.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { isDeepStrictEqual } from 'node:util';
import { bundle } from './bundle.mjs';
import { typical, invalid } from './orders.mjs';
import * as stack from './stack.mjs';
import { formGlue, sumSizes } from '../../bindings-wasm/bench/glue.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const noBrowser = args.includes('--no-browser');
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const pkgDir = resolve(args.find((a) => !a.startsWith('--')) ?? resolve(repo, 'bindings-wasm/pkg'));
const glueFiles = formGlue(pathToFileURL(pkgDir + sep));
const ROUNDS = Number(process.env.ROUNDS ?? (quick ? 1 : 21));
const SECONDS = Number(process.env.SECONDS_PER_ROUND ?? (quick ? 0.05 : 0.25));
const VARIANTS = quick ? 100 : 2000;
const CHECKED = Math.min(VARIANTS, 300); // orders both sides must agree on before timing

if (!existsSync(resolve(pkgDir, 'node.js'))) {
  console.error(`run.mjs: no built package at ${pkgDir} (run bindings-wasm/build.sh, or pass its path)`);
  process.exit(2);
}
const mailinfra = await import(pathToFileURL(resolve(pkgDir, 'node.js')).href);
const example = JSON.parse(readFileSync(resolve(repo, 'examples/order.json'), 'utf8'));
const KiB = (n) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n) => Math.round(n).toLocaleString('en-US');

// ---- the orders, and the checks that make the comparison apples to apples

const typicals = Array.from({ length: VARIANTS }, (_, i) => typical(example, i));
const invalids = Array.from({ length: VARIANTS }, (_, i) => invalid(example, i));
const errorPointers = (r) => new Set(r.issues.filter((i) => i.severity === 'error').map((i) => i.pointer));
const counts = { mailinfra: 0, stack: 0 };
for (const [i, o] of typicals.slice(0, CHECKED).entries()) {
  const m = mailinfra.prepare(o);
  const s = stack.prepare(o);
  if (!m.valid) throw new Error(`mailinfra calls typical order ${i} invalid: ${JSON.stringify(m.issues)}`);
  if (!s.valid) throw new Error(`the stack calls typical order ${i} invalid: ${JSON.stringify(s.issues)}`);
  // The stack's normalized order is the canonical one: mailinfra accepts it as is.
  const c = mailinfra.check(s.order);
  if (!c.valid || !isDeepStrictEqual(mailinfra.prepare(s.order).order, m.order)) {
    throw new Error(`typical order ${i}: the stack's order is not mailinfra's: ${JSON.stringify(c.issues)}`);
  }
}
for (const [i, { order, pointers }] of invalids.slice(0, CHECKED).entries()) {
  for (const [side, r] of [['mailinfra', mailinfra.prepare(order)], ['stack', stack.prepare(order)]]) {
    const flagged = errorPointers(r);
    if (r.valid || !pointers.every((p) => flagged.has(p))) {
      throw new Error(`${side}: invalid order ${i} (mistakes at ${pointers}) got ${JSON.stringify(r.issues)}`);
    }
    counts[side] += r.issues.filter((x) => x.severity === 'error').length;
  }
}
console.log(`agreement: ${CHECKED} typical orders valid on both sides (mailinfra accepts the stack's normalized`
  + ` orders); ${CHECKED} invalid orders (1-3 mistakes each) invalid on both, every mistake flagged at its field`
  + ` (errors reported per order: mailinfra ${(counts.mailinfra / CHECKED).toFixed(2)}, stack ${(counts.stack / CHECKED).toFixed(2)})`);

// ---- what a form downloads

// Brotli 11 takes seconds per megabyte: the quick run leaves it out.
const sizes = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: quick ? NaN : brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const pkgFile = (f) => readFileSync(resolve(pkgDir, f));
const ours = {
  wasm: sizes(pkgFile('mailinfra_wasm_bg.wasm')),
  // The JS a form loads: the browser entry's static import graph, as bindings-wasm/bench/run.mjs measures it.
  glue: sumSizes(sizes, glueFiles.map(pkgFile)),
};
const built = await bundle();
const theirs = { all: sizes(readFileSync(built.file)), noZod: sizes(readFileSync(built.withoutZod)) };
const form = { raw: ours.wasm.raw + ours.glue.raw, gzip: ours.wasm.gzip + ours.glue.gzip, brotli: ours.wasm.brotli + ours.glue.brotli };
const size = (n) => (Number.isNaN(n) ? '-' : KiB(n));
const times = (a, b) => (Number.isNaN(a / b) ? '-' : `${(a / b).toFixed(2)}x`);
const row = (name, s, vs) => `| ${name} | ${KiB(s.raw)} | ${size(s.gzip)} | ${size(s.brotli)} | ${vs ? `${times(form.gzip, s.gzip)} / ${times(form.brotli, s.brotli)}` : ''} |`;
console.log(`\n## What a form downloads (gzip: Node zlib level 9; brotli: quality 11${quick ? ', not measured in the quick run' : ''})\n`);
console.log('| | raw | gzip -9 | brotli 11 | mailinfra / stack (gzip / brotli) |');
console.log('|---|---:|---:|---:|---:|');
console.log(row('mailinfra: form `.wasm` + JS glue', form));
console.log(row('&nbsp;&nbsp;`mailinfra_wasm_bg.wasm`', ours.wasm));
console.log(row(`&nbsp;&nbsp;JS glue (${glueFiles.map((f) => `\`${f}\``).join(', ')})`, ours.glue));
console.log(row('JS stack: one minified bundle (esbuild), data included', theirs.all, true));
console.log(row('JS stack without zod (a page that already ships zod)', theirs.noZod, true));
console.log(`\nminified bytes in the stack's bundle by source: ${Object.entries(built.packages)
  .sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${KiB(v)}`).join(', ')}`);

// ---- Node throughput, interleaved

/** Orders per second of `fn` over `items`, round robin, by the wall clock and by
 *  this process's CPU time (all its threads: GC and JIT included). On a shared
 *  machine the CPU-time figure is the steadier one: time spent descheduled is not in it. */
function rate(fn, items, loops) {
  let k = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let n = 0; n < loops; n++) {
    fn(items[k]);
    if (++k === items.length) k = 0;
  }
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { wall: loops / wall, cpu: loops / ((c.user + c.system) / 1e6) };
}
const invalidOrders = invalids.map((x) => x.order);
const workloads = [['typical (1 x 3, Google)', typicals], ['invalid (1-3 mistakes)', invalidOrders]];
const sides = [['mailinfra', (o) => mailinfra.prepare(o)], ['stack', (o) => stack.prepare(o)]];
const plan = [];
for (const [w, items] of workloads) {
  for (const [s, fn] of sides) {
    for (let i = 0; i < (quick ? 50 : 500); i++) fn(items[i % items.length]); // warm up
    let loops = 16;
    for (;;) { // calibrate to ~SECONDS per round
      const t0 = performance.now();
      rate(fn, items, loops);
      const dt = performance.now() - t0;
      if (dt >= 20) { loops = Math.max(1, Math.round(loops * (SECONDS * 1000) / dt)); break; }
      loops *= 2;
    }
    plan.push({ w, s, fn, items, loops, rates: [] });
  }
}
for (let r = 0; r < ROUNDS; r++) {
  // Each workload's two sides back to back, the first side alternating by round, so
  // a slow spell of the machine hits both halves of a round's ratio alike.
  for (const [w] of workloads) {
    const pair = plan.filter((p) => p.w === w);
    for (const p of r % 2 ? pair.reverse() : pair) p.rates.push(rate(p.fn, p.items, p.loops));
  }
}
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.round(q * (xs.length - 1))];
const spread = (xs) => `**${median(xs).toFixed(2)}x** (${quantile(xs, 0.25).toFixed(2)}-${quantile(xs, 0.75).toFixed(2)})`;
console.log(`\n## Node ${process.version}: prepare, ${ROUNDS} rounds of ~${SECONDS} s per side\n`);
console.log('Orders/s by the wall clock, median round (best round); mailinfra / stack as the median of the rounds\' ratios'
  + ' (middle half of them); the same by CPU time (this process, all threads).\n');
console.log('| orders | mailinfra, orders/s | JS stack, orders/s | mailinfra / stack, wall | CPU µs per order (mailinfra / stack) | mailinfra / stack, CPU |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [w] of workloads) {
  const [m, s] = ['mailinfra', 'stack'].map((side) => plan.find((p) => p.w === w && p.s === side).rates);
  const wall = (xs) => xs.map((x) => x.wall);
  const cpu = (xs) => xs.map((x) => x.cpu);
  console.log(`| ${w} | ${fmt(median(wall(m)))} (${fmt(Math.max(...wall(m)))}) | ${fmt(median(wall(s)))} (${fmt(Math.max(...wall(s)))})`
    + ` | ${spread(m.map((x, i) => x.wall / s[i].wall))} | ${(1e6 / median(cpu(m))).toFixed(1)} / ${(1e6 / median(cpu(s))).toFixed(1)}`
    + ` | ${spread(m.map((x, i) => x.cpu / s[i].cpu))} |`);
}

// ---- Chromium: cold page to the first validated keystroke

await chromium();

async function chromium() {
  if (noBrowser) return;
  let harness;
  try {
    harness = await import(pathToFileURL(resolve(repo, 'bindings-wasm/tests/browser.mjs')).href);
  } catch (e) {
    console.log(`\n(Chromium part skipped: bindings-wasm/tests/browser.mjs did not load; is bindings-wasm's playwright-core installed? ${e.code ?? e.message})`);
    return;
  }
  if (!existsSync(harness.CHROMIUM)) {
    console.log(`\n(Chromium part skipped: no browser at ${harness.CHROMIUM})`);
    return;
  }
  // One server over the repo and the package (which may live elsewhere).
  let root = repo;
  while (!(pkgDir + sep).startsWith(root + sep)) root = dirname(root);
  const url = (path) => `/${relative(root, path).split(sep).join('/')}`;
  const pages = {
    mailinfra: page(url(resolve(here, 'dist/page-mailinfra.html')), 'mailinfra', url(pkgDir)),
    stack: page(url(resolve(here, 'dist/page-stack.html')), 'stack', url(built.file)),
  };
  const server = await harness.serve(root);
  try {
    const cold = async (path, typed) => {
      const b = await harness.browser();
      try {
        const p = await b.page();
        if (!typed) {
          await p.goto(server.url + path.slice(1), { waitUntil: 'domcontentloaded' });
          return { first: await p.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd) };
        }
        await p.goto(server.url + path.slice(1), { waitUntil: 'commit' });
        await p.locator('[data-pointer="/phoneNumber"]').pressSequentially('0');
        await p.waitForFunction(() => window.__firstValidated !== undefined, null, { timeout: 60_000 });
        if (p.errors.length) throw new Error(`${path}: ${p.errors.join('; ')}`);
        return await p.evaluate(() => ({ first: window.__firstValidated, ready: window.__ready }));
      } finally {
        await b.close();
      }
    };
    const runs = { blank: [], mailinfra: [], stack: [] };
    for (let i = 0; i < (quick ? 1 : 7); i++) {
      runs.blank.push(await cold(url(resolve(repo, 'bindings-wasm/bench/blank.html')), false));
      runs.mailinfra.push(await cold(pages.mailinfra, true));
      runs.stack.push(await cold(pages.stack, true));
    }
    const floor = median(runs.blank.map((r) => r.first));
    console.log(`\n## Chromium: cold page to the first validated keystroke (median of ${runs.blank.length} fresh profiles, interleaved)\n`);
    console.log('| page | first validated keystroke | over the blank page | library ready | runs |');
    console.log('|---|---:|---:|---:|---|');
    console.log(`| blank page, one input, no script (DOMContentLoaded) | ${floor.toFixed(0)} ms | - | - | ${runs.blank.map((r) => r.first.toFixed(0)).join(', ')} |`);
    for (const side of ['mailinfra', 'stack']) {
      const first = median(runs[side].map((r) => r.first));
      console.log(`| ${side === 'mailinfra' ? 'mailinfra (`checkField`)' : 'JS stack (`prepare`, the field\'s issues)'} | ${first.toFixed(0)} ms | ${(first - floor).toFixed(0)} ms | ${median(runs[side].map((r) => r.ready)).toFixed(0)} ms | ${runs[side].map((r) => r.first.toFixed(0)).join(', ')} |`);
    }
  } finally {
    await server.close();
  }
}

/** Writes a minimal order form that validates the field typed in, with `side`'s
 *  library loaded the way a form would load it (module preloads, the .wasm preloaded);
 *  returns its URL path. The keystroke typed before the library is ready is validated
 *  as soon as it is (for mailinfra, once the data packs the field needs are loaded). */
function page(path, side, lib) {
  const head = side === 'mailinfra'
    ? glueFiles.map((f) => `<link rel="modulepreload" href="${lib}/${f}">`).join('\n')
      + `\n<link rel="preload" href="${lib}/mailinfra_wasm_bg.wasm" as="fetch" type="application/wasm" crossorigin>`
    : `<link rel="modulepreload" href="${lib}">`;
  const load = side === 'mailinfra'
    ? `import { init, checkField, DataPendingError } from '${lib}/web.js';\nawait init();\nconst issuesOf = (order, pointer) => checkField(order, pointer);\nconst dataPending = (e) => (e instanceof DataPendingError ? e.ready : null);`
    : `import { prepare } from '${lib}';\nconst issuesOf = (order, pointer) => prepare(order).issues.filter((i) => i.pointer === pointer);\nconst dataPending = () => null;`;
  const fields = ['/domainOwnerFirstname', '/domainOwnerLastname', '/companyName', '/address', '/city', '/state',
    '/country', '/zipcode', '/phoneNumber', '/emailServiceProvider', '/domains/0/name',
    '/domains/0/mailboxes/0/firstname', '/domains/0/mailboxes/0/lastname', '/domains/0/mailboxes/0/email'];
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${side}: first keystroke</title>
${head}
</head><body><form>
${fields.map((f) => `<label>${f} <input data-pointer="${f}"></label><output data-for="${f}"></output>`).join('\n')}
</form>
<script type="module">
${load}
window.__ready = performance.now();
const inputs = [...document.querySelectorAll('input[data-pointer]')];
function formOrder() {
  const order = {};
  for (const el of inputs) {
    if (el.value === '') continue;
    const keys = el.dataset.pointer.slice(1).split('/');
    let at = order;
    keys.slice(0, -1).forEach((k, i) => { at = at[k] ??= /^\\d+$/.test(keys[i + 1]) ? [] : {}; });
    at[keys.at(-1)] = el.value;
  }
  return order;
}
function validate(el) {
  let issues;
  try {
    issues = issuesOf(formOrder(), el.dataset.pointer);
  } catch (e) {
    // mailinfra: the field needs a country's data pack; validated again once it is here.
    const ready = dataPending(e);
    if (!ready) throw e;
    ready.then(() => validate(el));
    return;
  }
  document.querySelector(\`output[data-for="\${el.dataset.pointer}"]\`).textContent = issues.map((i) => i.message).join(' ');
  window.__firstValidated ??= performance.now();
}
document.addEventListener('input', (e) => validate(e.target));
for (const el of inputs) if (el.value !== '') validate(el);
</script></body></html>
`;
  writeFileSync(resolve(here, 'dist', `page-${side}.html`), html);
  return path;
}
