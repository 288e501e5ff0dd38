// The Public Suffix List rules come in packs: one per TLD with rules below it
// (`psl/jp`), and for a large TLD one per second-level name holding its deeper rules
// (`psl/tokyo.jp`), each fetched only for a domain under it. Whatever psl packs were
// loaded before, a domain's answer must be the one given with every pack loaded:
// every rule under the split TLDs and a sample of the others, with one and two labels
// in front, and the wildcards and exceptions around them, are checked in processes
// that start from different subsets of the packs, through the Node entry (its
// synchronous retry loop) and the browser entry (DataPendingError, `ready`, again).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { pkgDir } from './paths.mjs';

const PSL = readdirSync(new URL('data/psl/', pkgDir)).map((f) => `psl/${f.replace(/\.txt$/, '')}`).sort();

/** The rules of a `psl/<unit>` pack (a tree of labels, core/src/data/pack.rs). */
function rules(name) {
  const unit = name.slice(4);
  const path = [];
  const out = [];
  for (const line of readFileSync(new URL(`data/${name}.txt`, pkgDir), 'utf8').split('\n').slice(1)) {
    if (!line) continue;
    const label = line.trimStart();
    path.length = line.length - label.length;
    path.push(label.replace(/\?$/, ''));
    if (!label.endsWith('?')) out.push(`${[...path].reverse().join('.')}.${unit}`);
  }
  return out;
}

// The split TLDs: those with a `psl/<second-level name>` pack.
const SPLIT = new Set(PSL.filter((n) => n.includes('.')).map((n) => n.split('.').pop()));

function domains() {
  const names = [];
  for (const pack of PSL) {
    const all = rules(pack);
    const tld = pack.slice(4).split('.').pop();
    // Every rule of a split TLD; every 7th of the others.
    const some = SPLIT.has(tld) ? all : all.filter((_, i) => i % 7 === 0);
    for (const r of some) names.push(r, `acme.${r}`, `www.acme.${r}`);
  }
  // Wildcards and exceptions under a split TLD (`*.kawasaki.jp`, `!city.kawasaki.jp`),
  // second-level names with no rules below them, and the TLDs themselves.
  for (const city of ['kawasaki', 'kitakyushu', 'kobe', 'nagoya', 'sapporo', 'sendai', 'yokohama']) {
    names.push(`${city}.jp`, `acme.${city}.jp`, `www.acme.${city}.jp`, `city.${city}.jp`, `acme.city.${city}.jp`);
  }
  for (const tld of SPLIT) names.push(tld, `acme.${tld}`, `acme.co.${tld}`, `www.acme.co.${tld}`, `acme.nowhere.${tld}`);
  return names;
}

// A fresh process: loads `preload`, then checks every domain in `order`, each call
// made again until its packs are there; its answers by domain, and its most rounds.
const CHILD = `
import { readFileSync } from 'node:fs';
const { entry, pkgDir, preload, domains, order } = JSON.parse(readFileSync(0, 'utf8'));
let m;
if (entry === 'web') {
  globalThis.fetch = async (url) => new Response(readFileSync(new URL(url)));
  m = await import(new URL('web.js', pkgDir).href);
  m.initSync(readFileSync(new URL('mailinfra_wasm_bg.wasm', pkgDir)));
} else {
  m = await import(new URL('node.js', pkgDir).href);
}
await m.loadData(preload);
let most = 0;
async function settle(f) {
  for (let round = 0; ; round++) {
    try {
      const r = f();
      most = Math.max(most, round);
      return r;
    } catch (e) {
      if (!(e instanceof m.DataPendingError) || round === 8) throw e;
      await e.ready;
    }
  }
}
const answers = new Array(domains.length);
for (const i of order) {
  const name = domains[i];
  answers[i] = await settle(() => m.check({ domains: [{ name }, { name: 'acme.com', redirectUrl: name }] }));
}
process.stdout.write(JSON.stringify({ answers, most }));
`;

function run(entry, preload, names, order) {
  const input = JSON.stringify({ entry, pkgDir: pkgDir.href, preload, domains: names, order });
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(out);
}

test('a domain answers the same whichever psl packs were loaded first', () => {
  assert.ok(SPLIT.has('jp') && PSL.includes('psl/tokyo.jp'), [...SPLIT].join());
  const names = domains();
  const all = names.map((_, i) => i);
  const reference = run('node', PSL, names, all).answers;
  // The split changes nothing a rule decides: rules are suffixes, names under them are not.
  const codes = (i) => reference[i].issues.filter((x) => x.pointer === '/domains/0/name').map((x) => x.code);
  const notRegistrable = names.filter((_, i) => codes(i).includes('domain_not_registrable')).length;
  assert.ok(notRegistrable > names.length / 4 && notRegistrable < names.length * 3 / 4, `${notRegistrable} of ${names.length}`);
  let seed = 11;
  const rand = (k) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const shuffled = () => {
    const o = [...all];
    for (let i = o.length - 1; i > 0; i--) {
      const j = rand(i + 1);
      [o[i], o[j]] = [o[j], o[i]];
    }
    return o;
  };
  const subset = () => PSL.filter(() => rand(2) === 0);
  const tldsOnly = PSL.filter((n) => !n.includes('.'));
  const secondLevelOnly = PSL.filter((n) => n.includes('.'));
  let mostRounds = 0;
  for (const [entry, preload, order] of [
    ['node', [], all],
    ['node', subset(), shuffled()],
    ['node', secondLevelOnly, shuffled()],
    ['web', [], shuffled()],
    ['web', tldsOnly, shuffled()],
    ['web', subset(), shuffled()],
  ]) {
    const { answers, most } = run(entry, preload, names, order);
    mostRounds = Math.max(mostRounds, most);
    for (const [i, d] of names.entries()) {
      assert.deepEqual(answers[i], reference[i], `${entry} after ${preload.length} packs: ${d}`);
    }
  }
  // A domain's packs (its TLD's and its second-level name's) come in one round.
  assert.equal(mostRounds, 1);
});
