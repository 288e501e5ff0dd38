// Where a cold load's time goes, per run instead of per median: for each fresh profile,
// when the HTML, the .wasm and the glue had arrived, when the field was found and the
// keystroke arrived, when the module was ready and the keystroke validated; then the
// medians of the parts: the keystroke's lag after the field was found, the module ready
// after its last byte, the result after both the keystroke and the module. Pages take
// turns within each round. Usage (after ./build.sh):
//   node bench/cold-parts.mjs [RUNS] [PAGE#POINTER ...]
//   default: 7 runs of demo/#/phoneNumber and bench/floor.html#/phoneNumber
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { serve } from '../tests/browser.mjs';
import { typedLoad } from './cold.mjs';

const [runs = '7', ...args] = process.argv.slice(2);
const pages = args.length ? args : ['demo/#/phoneNumber', 'bench/floor.html#/phoneNumber'];
const server = await serve(fileURLToPath(new URL('../../', import.meta.url)));
const rows = new Map(pages.map((p) => [p, []]));
const load0 = loadavg()[0];
try {
  for (let i = 0; i < Number(runs); i++) {
    for (const p of pages) {
      const [page, pointer] = p.split('#');
      rows.get(p).push(await typedLoad(`${server.url}bindings-wasm/${page}`, `[data-pointer="${pointer}"]`, '0', '__firstValidated',
        () => {
          const end = (file) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(file))?.responseEnd;
          return {
            html: performance.getEntriesByType('navigation')[0].responseEnd,
            wasm: end('/mailinfra_wasm_bg.wasm'),
            glue: Math.max(...performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).map((e) => e.responseEnd)),
            found: window.__found,
            typed: window.__typed,
            ready: window.__ready,
            first: window.__firstValidated,
          };
        }));
    }
  }
} finally {
  await server.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`median of ${runs} fresh profiles per page, ms since navigation start; load average ${load0.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`);
for (const [p, rs] of rows) {
  const m = (f) => median(rs.map(f)).toFixed(0);
  console.log(`${p}: HTML received ${m((r) => r.html)}, .wasm ${m((r) => r.wasm)}, last JS ${m((r) => r.glue)}; field found ${m((r) => r.found)}, `
    + `keystroke ${m((r) => r.typed)} (${m((r) => r.typed - r.found)} after the field), module ready ${m((r) => r.ready)} `
    + `(${m((r) => r.ready - Math.max(r.wasm, r.glue))} after its last byte), validated ${m((r) => r.first)} `
    + `(${m((r) => r.first - Math.max(r.typed, r.ready))} after both); the keystroke came after the module in ${rs.filter((r) => r.typed > r.ready).length} of ${rs.length}`);
}
