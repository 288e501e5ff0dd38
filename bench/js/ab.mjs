// Two builds of the npm package on bench/js/run.mjs's orders (new variants each call,
// typical and invalid), in one Node process, alternating rounds, by this process's CPU
// time: the before/after of a change to `prepare` as run.sh measures it, steady under
// other work on the machine.
//   node bench/js/ab.mjs <pkg dir A> <pkg dir B> [rounds]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { typical, invalid } from './orders.mjs';

const [a, b, roundsArg] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node bench/js/ab.mjs <pkg dir A> <pkg dir B> [rounds]');
  process.exit(2);
}
const example = JSON.parse(readFileSync(new URL('../../examples/order.json', import.meta.url), 'utf8'));
const VARIANTS = 2000;
const sets = {
  typical: Array.from({ length: VARIANTS }, (_, i) => typical(example, i)),
  invalid: Array.from({ length: VARIANTS }, (_, i) => invalid(example, i).order),
};
const load = async (dir) => (await import(pathToFileURL(resolve(dir, 'node.js')).href));
const builds = [['A', await load(a)], ['B', await load(b)]];
const cpuUs = () => { const u = process.cpuUsage(); return u.user + u.system; };
for (const [, api] of builds) for (const orders of Object.values(sets)) for (const o of orders) api.prepare(o);
const rounds = Number(roundsArg ?? 11);
const seen = {};
for (let r = 0; r < rounds; r++) {
  for (const [name, api] of builds) {
    for (const [set, orders] of Object.entries(sets)) {
      const t0 = cpuUs();
      for (const o of orders) api.prepare(o);
      ((seen[set] ??= {})[name] ??= []).push((cpuUs() - t0) / orders.length);
    }
  }
}
const median = (xs) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];
console.log(`A = ${a}\nB = ${b}\n${rounds} alternating rounds of ${VARIANTS} orders per set, CPU µs per prepare (median, best)`);
for (const [set, v] of Object.entries(seen)) {
  const [ma, mb] = [median(v.A), median(v.B)];
  console.log(`${set.padEnd(8)} A ${ma.toFixed(1)} (${Math.min(...v.A).toFixed(1)})   B ${mb.toFixed(1)} (${Math.min(...v.B).toFixed(1)})   B/A ${(mb / ma).toFixed(3)}`);
}
