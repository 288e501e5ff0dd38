// Two builds of the package in one Node process, measured in alternating rounds so
// that this VM's drifting speed hits both alike: the before/after figures of a change.
// Usage: node bench/ab.mjs <pkg dir A> <pkg dir B> [rounds] [--cpu]   (each dir holds node.js)
// --cpu: by this process's CPU time instead of the wall clock (steadier when other
// work shares the machine: time spent descheduled is not in it).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { steady } from './typical.mjs';

const cpu = process.argv.includes('--cpu');
const [a, b, roundsArg] = process.argv.slice(2).filter((x) => x !== '--cpu');
if (!a || !b) {
  console.error('usage: node bench/ab.mjs <pkg dir A> <pkg dir B> [rounds]');
  process.exit(2);
}
const example = JSON.parse(readFileSync(new URL('../../examples/order.json', import.meta.url), 'utf8'));
const load = (dir) => import(pathToFileURL(resolve(dir, 'node.js')).href);
const builds = [['A', await load(a)], ['B', await load(b)]];
const rounds = Number(roundsArg ?? 5);
const seen = {};
for (let r = 0; r < rounds; r++) {
  for (const [name, api] of builds) {
    for (const [k, t] of Object.entries(steady(api, example, { warm: 1000, rounds: 9, batch: 400, cpu }))) {
      ((seen[k] ??= {})[name] ??= []).push(t.median);
    }
  }
}
const fmt = (xs) => {
  const s = [...xs].sort((p, q) => p - q);
  return `median ${s[Math.floor(s.length / 2)].toFixed(1)} µs (range ${s[0].toFixed(1)}-${s[s.length - 1].toFixed(1)})`;
};
console.log(`A = ${a}\nB = ${b}\n${rounds} alternating rounds, each the median of 9 batches of 400 calls, by ${cpu ? 'CPU time' : 'the wall clock'}`);
for (const [k, v] of Object.entries(seen)) {
  console.log(`${k.padEnd(16)} A ${fmt(v.A)}   B ${fmt(v.B)}`);
}
