// UTS #46's tables come in packs by code-point range (`unicode/idna-<first>`), fetched
// as a domain's text needs them, over more than one round when its mapping leads into
// another range. Whatever packs were loaded before, a domain's answer must be the one
// given with every pack loaded: generated domains across many scripts (mapped,
// composed, case-folded, bidi and joining text, xn-- labels) are checked in processes
// that start from different subsets of the packs, through the Node entry (its
// synchronous retry loop) and the browser entry (DataPendingError, `ready`, again).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { domainToASCII } from 'node:url';
import { pkgDir } from './paths.mjs';
import { runFresh, seeded } from './pack-rounds.mjs';

const UNICODE = readdirSync(new URL('data/unicode/', pkgDir)).map((f) => `unicode/${f.replace(/\.txt$/, '')}`).sort();

// Code points a label is made of: letters of many scripts, and what UTS #46 maps
// elsewhere (fullwidth and halfwidth forms, compatibility characters, ligatures,
// mathematical and enclosed letters, upper case), marks, joiners, digits of two systems.
const POOLS = [
  [0x61, 0x7A], [0x41, 0x5A], [0x30, 0x39], [0x2D, 0x2D], [0xC0, 0xFF], [0x100, 0x17F],
  [0x300, 0x36F], [0x391, 0x3C9], [0x410, 0x44F], [0x5D0, 0x5EA], [0x620, 0x64A],
  [0x660, 0x669], [0x6F0, 0x6F9], [0x200C, 0x200D], [0x905, 0x939], [0x93E, 0x94D],
  [0xE01, 0xE3A], [0x10A0, 0x10FA], [0x1E00, 0x1EFF], [0x2160, 0x217F], [0x2460, 0x24FF],
  [0x3041, 0x3096], [0x30A1, 0x30FA], [0x3131, 0x318E], [0x3200, 0x33FF], [0x4E00, 0x9FFF],
  [0xAC00, 0xD7A3], [0xF900, 0xFAFF], [0xFB01, 0xFB06], [0xFE70, 0xFEFC], [0xFF01, 0xFF5E],
  [0xFF61, 0xFF9F], [0xFFA0, 0xFFDC], [0x10400, 0x1044F], [0x1D400, 0x1D7FF],
  [0x1E900, 0x1E95F], [0x1F130, 0x1F189], [0x1F600, 0x1F64F], [0x2F800, 0x2FA1D],
  [0xE0100, 0xE01EF],
];
const TLDS = ['com', 'jp', 'de', 'рф', '中国', '한국', 'co.il', 'ＣＯＭ'];

function generate(n) {
  let state = 0x2545F4914F6CDD1Dn;
  const next = (k) => {
    state ^= (state << 13n) & 0xFFFFFFFFFFFFFFFFn;
    state ^= state >> 7n;
    state ^= (state << 17n) & 0xFFFFFFFFFFFFFFFFn;
    return Number(state % BigInt(k));
  };
  const from = ([a, b]) => String.fromCodePoint(a + next(b - a + 1));
  const label = () => {
    const main = POOLS[next(POOLS.length)];
    let s = '';
    for (let i = 1 + next(6); i > 0; i--) s += from(next(4) === 0 ? POOLS[next(POOLS.length)] : main);
    return s;
  };
  const domains = [];
  while (domains.length < n) {
    const labels = Array.from({ length: 1 + next(2) }, label);
    // An xn-- label as Node's own UTS #46 writes it, for a third of them.
    if (next(3) === 0) {
      const a = domainToASCII(`${labels[0]}.com`).split('.')[0];
      if (a.startsWith('xn--')) labels[0] = a;
    }
    domains.push(`${labels.join('.')}.${TLDS[next(TLDS.length)]}`);
  }
  return domains;
}

const ANSWER = `return [
  await settle(() => m.check({ domains: [{ name }] })),
  await settle(() => m.domainToAscii(name)),
  await settle(() => m.domainToUnicode(name)),
];`;
const run = (...args) => runFresh(ANSWER, ...args);

test('a domain answers the same whichever unicode/idna packs were loaded first', () => {
  assert.ok(UNICODE.length > 8, UNICODE.join());
  const domains = generate(600);
  const all = domains.map((_, i) => i);
  const reference = run('node', UNICODE, domains, all).answers;
  const valid = reference.filter(([, ascii]) => ascii !== null).length;
  assert.ok(valid > 100 && valid < 550, `${valid} of 600 valid`);
  const { shuffled: shuffle, subset: some } = seeded(7);
  const shuffled = () => shuffle(all.length);
  const subset = () => some(UNICODE);
  let mostRounds = 0;
  for (const [entry, preload, order] of [
    ['node', [], all],
    ['node', subset(), shuffled()],
    ['node', subset(), shuffled()],
    ['web', [], all],
    ['web', [], shuffled()],
    ['web', subset(), shuffled()],
  ]) {
    const { answers, most } = run(entry, preload, domains, order);
    mostRounds = Math.max(mostRounds, most);
    for (const [i, d] of domains.entries()) {
      assert.deepEqual(answers[i], reference[i], `${entry} after ${preload.join(' ') || 'nothing'}: ${JSON.stringify(d)}`);
    }
  }
  // Some domain took a second round of Unicode packs; none more than a TLD's besides.
  assert.ok(mostRounds >= 2 && mostRounds <= 4, `${mostRounds} rounds`);
});
