// The Public Suffix List rules come in packs: one per TLD with rules below it
// (`psl/jp`), and for a large TLD one per second-level name holding its deeper rules
// (`psl/tokyo.jp`) or, for a keyed TLD, one per key of the second-level label instead
// of the TLD's own (`psl/s.no`: `no`'s rules under labels starting with `s`), each
// fetched only for a domain under it. Whatever psl packs were
// loaded before, a domain's answer must be the one given with every pack loaded:
// every rule under the split TLDs and a sample of the others, with one and two labels
// in front, and the wildcards and exceptions around them, are checked in processes
// that start from different subsets of the packs, through the Node entry (its
// synchronous retry loop) and the browser entry (DataPendingError, `ready`, again).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { pkgDir } from './paths.mjs';
import { runFresh, seeded } from './pack-rounds.mjs';

const PSL = readdirSync(new URL('data/psl/', pkgDir)).map((f) => `psl/${f.replace(/\.txt$/, '')}`).sort();

// The split TLDs: those with a `psl/<second-level name or key>.<tld>` pack; the keyed
// ones have no pack of their own, and their packs' rules are below the TLD.
const SPLIT = new Set(PSL.filter((n) => n.includes('.')).map((n) => n.split('.').pop()));
const KEYED = new Set([...SPLIT].filter((tld) => !PSL.includes(`psl/${tld}`)));

/** The rules of a `psl/<unit>` pack (a tree of labels, core/src/data/pack.rs). */
function rules(name) {
  const tld = name.split('.').pop();
  const unit = KEYED.has(tld) ? tld : name.slice(4);
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
  // Under a keyed TLD, second-level labels whose key has no pack (no rule starts with q).
  for (const tld of KEYED) names.push(`qq.${tld}`, `www.qq.${tld}`, `xn--qq-xyz.${tld}`, `www.xn--qq-xyz.${tld}`);
  return names;
}

const ANSWER = "return settle(() => m.check({ domains: [{ name }, { name: 'acme.com', redirectUrl: name }] }));";
const run = (...args) => runFresh(ANSWER, ...args);

test('a domain answers the same whichever psl packs were loaded first', () => {
  assert.ok(SPLIT.has('jp') && PSL.includes('psl/tokyo.jp'), [...SPLIT].join());
  assert.ok(KEYED.has('no') && PSL.includes('psl/s.no') && PSL.includes('psl/xn-b.no'), [...KEYED].join());
  // Each keyed pack holds the rules of its key: the second-level label's first letter,
  // for an A-label `xn-` and the first letter after `xn--`.
  for (const pack of PSL.filter((n) => KEYED.has(n.split('.').pop()))) {
    const key = pack.slice(4).split('.')[0];
    for (const r of rules(pack)) {
      const second = r.split('.').at(-2);
      assert.equal(second.startsWith('xn--') ? `xn-${second[4]}` : second[0], key, `${pack}: ${r}`);
    }
  }
  const names = domains();
  const all = names.map((_, i) => i);
  const reference = run('node', PSL, names, all).answers;
  // The split changes nothing a rule decides: rules are suffixes, names under them are not.
  const codes = (i) => reference[i].issues.filter((x) => x.pointer === '/domains/0/name').map((x) => x.code);
  const notRegistrable = names.filter((_, i) => codes(i).includes('domain_not_registrable')).length;
  assert.ok(notRegistrable > names.length / 4 && notRegistrable < names.length * 3 / 4, `${notRegistrable} of ${names.length}`);
  const { shuffled: shuffle, subset: some } = seeded(11);
  const shuffled = () => shuffle(all.length);
  const subset = () => some(PSL);
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
