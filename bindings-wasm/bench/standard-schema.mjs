// What the Standard Schema wrapper adds to a call: `orderSchema['~standard'].validate`
// against the `prepare` it wraps (and the strict schema against `check`), on the
// typical order, on the messy example (what a form holds) and on an order with errors
// (the failure path filters the issues). Batches of the two alternate every few
// milliseconds (which one goes first alternates too), so a shared machine's drifting
// speed hits both alike; the figure is the median over pairs of the per-call
// difference. On a loaded machine count instructions instead, which load does not
// change: `--calls prepare|schema N` makes N calls of the typical order after a
// warm-up, for `valgrind --tool=cachegrind --cache-sim=no node ...`, whose totals at
// the same N compare (V8 makes runs of identical work differ too: run each twice).
// Usage: node bench/standard-schema.mjs [pairs]   (after ./build.sh)
//        node bench/standard-schema.mjs --calls prepare|schema N
import { readFileSync } from 'node:fs';
import { typicalOrder } from './typical.mjs';

const api = await import(new URL('../pkg/node.js', import.meta.url).href);
const read = (f) => JSON.parse(readFileSync(new URL(`../../examples/${f}`, import.meta.url), 'utf8'));
const order = typicalOrder(read('order.json'));
const messy = read('messy-order.json');
const invalid = { ...order, phoneNumber: '12345', domains: [{ ...order.domains[0], name: 'pаypal.com' }] };
const schema = api.orderSchema['~standard'];
const strict = api.strictOrderSchema['~standard'];
const cases = {
  'typical order': [() => api.prepare(order), () => schema.validate(order)],
  'messy example': [() => api.prepare(messy), () => schema.validate(messy)],
  'with errors': [() => api.prepare(invalid), () => schema.validate(invalid)],
  'strict, typical': [() => api.check(order), () => strict.validate(order)],
};
if (process.argv[2] === '--calls') {
  const [, , , which, n] = process.argv;
  const [bare, wrapped] = cases['typical order'];
  for (let i = 0; i < 300; i++) { bare(); wrapped(); }
  const fn = { prepare: bare, schema: wrapped }[which];
  if (!fn) throw new Error('--calls prepare|schema N');
  for (let i = 0; i < Number(n); i++) fn();
  process.exit(0);
}
const pairs = Number(process.argv[2] ?? 400);
const BATCH = 100;
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const perCall = (fn) => {
  const t0 = performance.now();
  for (let i = 0; i < BATCH; i++) fn();
  return ((performance.now() - t0) * 1000) / BATCH;
};

console.log(`Node ${process.version}: per-call µs, median of ${pairs} alternating pairs of ${BATCH}-call batches`);
console.log('| input | prepare / check | schema validate | added (median of pair differences) |\n|---|---|---|---|');
for (const [name, [bare, wrapped]] of Object.entries(cases)) {
  for (let i = 0; i < 2000; i++) { bare(); wrapped(); }
  const b = [];
  const w = [];
  for (let p = 0; p < pairs; p++) {
    if (p % 2) { w.push(perCall(wrapped)); b.push(perCall(bare)); } else { b.push(perCall(bare)); w.push(perCall(wrapped)); }
  }
  const diff = w.map((x, i) => x - b[i]);
  console.log(`| ${name} | ${med(b).toFixed(1)} | ${med(w).toFixed(1)} | ${med(diff).toFixed(2)} (quartiles ${[...diff].sort((x, y) => x - y)[Math.floor(pairs / 4)].toFixed(2)} to ${[...diff].sort((x, y) => x - y)[Math.floor((3 * pairs) / 4)].toFixed(2)}) |`);
}
