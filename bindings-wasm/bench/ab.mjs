// Two builds of the package in one Node process, measured in alternating rounds so
// that this VM's drifting speed hits both alike: the before/after figures of a change.
// Usage: node bench/ab.mjs <pkg dir A> <pkg dir B> [rounds] [--cpu]   (each dir holds node.js)
// --cpu: by this process's CPU time instead of the wall clock (steadier when other
// work shares the machine: time spent descheduled is not in it).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { steady, timeCalls, typicalOrder, typing } from './typical.mjs';

const cpu = process.argv.includes('--cpu');
const [a, b, roundsArg] = process.argv.slice(2).filter((x) => x !== '--cpu');
if (!a || !b) {
  console.error('usage: node bench/ab.mjs <pkg dir A> <pkg dir B> [rounds]');
  process.exit(2);
}
const example = JSON.parse(readFileSync(new URL('../../examples/order.json', import.meta.url), 'utf8'));
// A long form: 20 domains x 5 mailboxes, the typical order's first domain repeated
// under other names.
function longOrder(example) {
  const o = typicalOrder(example);
  const [first] = o.domains;
  o.domains = Array.from({ length: 20 }, (_, i) => {
    const name = `d${i}-${first.name}`;
    const mailboxes = Array.from({ length: 5 }, (_, j) => ({ ...first.mailboxes[j % first.mailboxes.length] }));
    mailboxes.forEach((mb, j) => { mb.email = `${mb.email.split('@')[0]}${j}@${name}`; });
    return { ...first, name, mailboxes };
  });
  return o;
}
// The field checks of a form's keystrokes beyond steady()'s: in the typical order and
// in the long one, each field under domains at its last entry.
function fieldChecks(api, example, opts) {
  const order = typicalOrder(example);
  const long = longOrder(example);
  const calls = {
    checkFieldDomain: [order, '/domains/0/name'],
    checkFieldFirst: [order, '/domains/0/mailboxes/2/firstname'],
    longEmail: [long, '/domains/19/mailboxes/4/email'],
    longDomain: [long, '/domains/19/name'],
    longFirst: [long, '/domains/19/mailboxes/4/firstname'],
    longPhone: [long, '/phoneNumber'],
  };
  return Object.fromEntries(Object.entries(calls).map(([k, [o, p]]) => [k, timeCalls(() => api.checkField(o, p), opts)]));
}
const load = (dir) => import(pathToFileURL(resolve(dir, 'node.js')).href);
const builds = [['A', await load(a)], ['B', await load(b)]];
const rounds = Number(roundsArg ?? 5);
const seen = {};
for (let r = 0; r < rounds; r++) {
  for (const [name, api] of builds) {
    const opts = { warm: 1000, rounds: 9, batch: 400, cpu };
    for (const [k, t] of Object.entries({ ...steady(api, example, opts), ...typing(api, example, opts), ...fieldChecks(api, example, opts) })) {
      ((seen[k] ??= {})[name] ??= []).push(t);
    }
  }
}
// The median of the rounds' medians with their range, and the best batch of all rounds
// (the least disturbed: on a loaded machine the medians drift with the load).
const fmt = (ts) => {
  const s = ts.map((t) => t.median).sort((p, q) => p - q);
  const best = Math.min(...ts.map((t) => t.best));
  return `median ${s[Math.floor(s.length / 2)].toFixed(1)} µs (range ${s[0].toFixed(1)}-${s[s.length - 1].toFixed(1)}, best ${best.toFixed(1)})`;
};
console.log(`A = ${a}\nB = ${b}\n${rounds} alternating rounds, each the median of 9 batches of 400 calls, by ${cpu ? 'CPU time' : 'the wall clock'}`);
for (const [k, v] of Object.entries(seen)) {
  console.log(`${k.padEnd(16)} A ${fmt(v.A)}   B ${fmt(v.B)}`);
}
