// What the Standard Schema wrapper adds to a call: `orderSchema['~standard'].validate`
// against the `prepare` it wraps (and the strict schema against `check`), on the
// typical order, on the messy example (what a form holds) and on an order with errors
// (the failure path filters the issues). Alternating rounds in one process, so this
// VM's drifting speed hits both alike.
// Usage: node bench/standard-schema.mjs [rounds]   (after ./build.sh)
import { readFileSync } from 'node:fs';
import { timeCalls, typicalOrder } from './typical.mjs';

const api = await import(new URL('../pkg/node.js', import.meta.url).href);
const read = (f) => JSON.parse(readFileSync(new URL(`../../examples/${f}`, import.meta.url), 'utf8'));
const order = typicalOrder(read('order.json'));
const messy = read('messy-order.json');
const invalid = { ...order, phoneNumber: '12345', domains: [{ ...order.domains[0], name: 'pаypal.com' }] };
const schema = api.orderSchema['~standard'];
const strict = api.strictOrderSchema['~standard'];
const pairs = {
  'typical order': [() => api.prepare(order), () => schema.validate(order)],
  'messy example': [() => api.prepare(messy), () => schema.validate(messy)],
  'with errors': [() => api.prepare(invalid), () => schema.validate(invalid)],
  'strict, typical': [() => api.check(order), () => strict.validate(order)],
};
const rounds = Number(process.argv[2] ?? 7);
const seen = {};
for (let r = 0; r < rounds; r++) {
  for (const [name, [bare, wrapped]] of Object.entries(pairs)) {
    const t = (seen[name] ??= { bare: [], wrapped: [] });
    t.bare.push(timeCalls(bare, { warm: 1000, rounds: 9, batch: 400 }).median);
    t.wrapped.push(timeCalls(wrapped, { warm: 1000, rounds: 9, batch: 400 }).median);
  }
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`Node ${process.version}, ${rounds} alternating rounds, each the median of 9 batches of 400 calls`);
console.log('| input | prepare / check | schema validate | added |\n|---|---|---|---|');
for (const [name, t] of Object.entries(seen)) {
  const added = t.wrapped.map((w, i) => w - t.bare[i]);
  console.log(`| ${name} | ${med(t.bare).toFixed(1)} µs | ${med(t.wrapped).toFixed(1)} µs | ${med(added).toFixed(2)} µs (rounds ${Math.min(...added).toFixed(2)} to ${Math.max(...added).toFixed(2)}) |`);
}
