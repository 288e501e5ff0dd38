// The form module's data packs: their gzip sizes, and what a form downloads before its
// first check, worst case over the first field typed: the module and its glue, plus
// the packs that check needs (learned from the DataPendingErrors of the browser path,
// with `fetch` serving pkg/data/ from disk). Usage: node bench/packs.mjs (after ./build.sh)
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { browserEntry, formGlue, sumSizes } from './glue.mjs';

const pkg = new URL('../pkg/', import.meta.url);
const KB = (n) => `${(n / 1024).toFixed(1)} KiB`;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const file = (f) => readFileSync(new URL(f, pkg));

const packs = new Map();
const KINDS = readdirSync(new URL('data/', pkg)).sort();
for (const kind of KINDS) {
  for (const f of readdirSync(new URL(`data/${kind}/`, pkg))) {
    const text = file(`data/${kind}/${f}`);
    packs.set(`${kind}/${f.replace(/\.txt$/, '')}`, { gzip: gz(text), brotli: br(text) });
  }
}
const cost = (names) => names.reduce((t, n) => t + packs.get(n).gzip, 0);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// `--needs <domain>`: only the packs that domain's first check needs, as JSON (the
// children of the run below, each from nothing).
const child = process.argv[2] === '--needs';
if (!child) console.log('## Data packs (gzip -9 each)');
for (const kind of KINDS) {
  if (child) break;
  const all = [...packs].filter(([n]) => n.startsWith(kind));
  const [big, s] = all.reduce((a, b) => (b[1].gzip > a[1].gzip ? b : a));
  const total = all.reduce((t, [, x]) => t + x.gzip, 0);
  console.log(`${kind}: ${all.length} packs, median ${KB(median(all.map(([, x]) => x.gzip)))}, largest ${big} ${KB(s.gzip)}, all ${KB(total)}`);
}

// The browser path in Node: the browser entry as shipped, with fetch reading pkg/data/.
globalThis.fetch = async (url) => new Response(readFileSync(new URL(url)));
const m = await import(new URL(browserEntry(pkg), pkg).href);
m.initSync(file('mailinfra_wasm_bg.wasm'));

/** The packs `f` needs from a state where none of them is loaded. */
async function needs(f) {
  const named = [];
  for (let round = 0; round < 8; round++) {
    try {
      f();
      return named;
    } catch (e) {
      if (!(e instanceof m.DataPendingError)) throw e;
      named.push(...e.packs);
      await e.ready;
    }
  }
  throw new Error('still pending after 8 rounds');
}

if (child) {
  console.log(JSON.stringify(await needs(() => m.check({ domains: [{ name: process.argv[3] }] }))));
  process.exit(0);
}

// A form's first check when one field is typed: check() of the order with that field
// (the demo validates the field and the whole order). A country alone needs its address
// pack; a phone number alone the packs of the regions its calling code leads to
// (an invalid number tries every region without leading digits); a domain its TLD's.
const firsts = [];
const countries = m.countries().map((c) => c.code);
for (const country of countries) firsts.push([`country ${country}`, await needs(() => m.check({ country }))]);
const codes = new Set(JSON.parse(readFileSync(new URL('../../core/src/data/phone.rs', import.meta.url), 'utf8')
  .match(/PHONE_CODES[^=]*=\s*&\[([\s\S]*?)\];/)[1].replace(/\((\d+), \d+, \d+\),/g, '$1,').replace(/,\s*$/, '').trim()
  .replace(/^/, '[').replace(/$/, ']')));
// Packs stay loaded, so a code's later numbers name only what is new: the union over
// its numbers bounds what any one of them needs from nothing.
for (const code of codes) {
  const union = new Set();
  for (const rest of ['2015550123', '7700900123', '0']) {
    for (const n of await needs(() => m.check({ phoneNumber: `+${code}${rest}` }))) union.add(n);
  }
  firsts.push([`phone +${code}… (at most)`, [...union]]);
}
// A domain to buy typed first: its TLD's `psl` pack, if the TLD has rules below it.
const units = [...packs.keys()].filter((n) => n.startsWith('psl/')).map((n) => n.slice(4));
// A keyed TLD (`no`) has no pack of its own, only `psl/<key>.no` by the second-level
// label's first letter (`xn-<letter>` for an A-label).
const tldOf = (u) => u.split('.').pop();
const keyed = [...new Set(units.filter((u) => u.includes('.')).map(tldOf))].filter((t) => !units.includes(t));
const tlds = [...units.filter((u) => !u.includes('.')), ...keyed];
for (const tld of ['com', ...tlds]) {
  firsts.push([`domain acme.${tld}`, await needs(() => m.check({ domains: [{ name: `acme.${tld}` }] }))]);
}
// Under a large TLD's second-level name with deeper rules, that name's pack too
// (`acme.tokyo.jp`: `psl/jp`, `psl/tokyo.jp`); and ASCII `.jp` names under city-level
// labels, wildcards and exceptions. Each from nothing, in a process of its own (packs
// stay loaded in this one), as the browser would.
const fromNothing = (domain) =>
  JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--needs', domain], { encoding: 'utf8' }));
// Under a keyed TLD, a name under the first second-level label of each key's pack.
const firstLabel = (u) => file(`data/psl/${u}.txt`).toString().split('\n')[1].replace(/\?$/, '');
const deeper = [...units.filter((u) => u.includes('.')).map((u) => (keyed.includes(tldOf(u)) ? `acme.${firstLabel(u)}.${tldOf(u)}` : `acme.${u}`)),
  'example.co.jp', 'example.tokyo.jp', 'example.chuo.tokyo.jp', 'foo.city.kawasaki.jp', 'foo.bar.kawasaki.jp'];
for (const domain of deeper) firsts.push([`domain ${domain}`, fromNothing(domain)]);
// A domain with non-ASCII letters typed first also needs UTS #46's tables for the
// code-point ranges of its text and of what that maps to (`unicode/idna-<first>`,
// named over up to three rounds). Each is checked from nothing, in a process of its
// own (packs stay loaded in this one), as the browser would.
const SCRIPTS = [
  ['German', 'münchen.de'],
  ['French', 'élysée-café.fr'],
  ['Cyrillic', 'пример.рф'],
  ['Greek', 'παράδειγμα.gr'],
  ['Arabic', 'مثال.com'],
  ['Hebrew', 'דוגמה.co.il'],
  ['Devanagari', 'उदाहरण.भारत'],
  ['Thai', 'ตัวอย่าง.th'],
  ['Chinese', '例子.中国'],
  ['Japanese', 'ドメイン名例.jp'],
  ['Japanese, halfwidth kana', 'ﾄﾞﾒｲﾝ.jp'],
  ['Korean', '도메인.한국'],
  ['emoji', '😀.ws'],
  ['fullwidth ASCII', 'ｅｘａｍｐｌｅ.com'],
  ['xn-- label', 'xn--mnchen-3ya.de'],
];
const idns = SCRIPTS.map(([script, domain]) => [`domain ${domain} (${script})`, fromNothing(domain)]);
firsts.push(...idns);
// The script whose text costs most, under the suffix whose psl packs cost most
// (`acme.<suffix>` the ASCII domain that fetches the most psl bytes).
const unicodeCost = (names) => cost(names.filter((n) => n.startsWith('unicode/')));
const pslCost = (names) => cost(names.filter((n) => n.startsWith('psl/')));
const [, worstIdn] = SCRIPTS.map(([, d], i) => [d, idns[i][1]]).reduce((a, b) => (unicodeCost(b[1]) > unicodeCost(a[1]) ? b : a));
const [bigWhat] = firsts.filter(([what]) => what.startsWith('domain acme.')).reduce((a, b) => (pslCost(b[1]) > pslCost(a[1]) ? b : a));
const bigSuffix = bigWhat.slice('domain acme.'.length);
const worstLabel = SCRIPTS.find(([, d], i) => idns[i][1] === worstIdn)[1].split('.')[0];
firsts.push([`domain ${worstLabel}.${bigSuffix}`, fromNothing(`${worstLabel}.${bigSuffix}`)]);
const costBr = (names) => names.reduce((t, n) => t + packs.get(n).brotli, 0);
const [worstWhat, worstNames] = firsts.reduce((a, b) => (cost(b[1]) > cost(a[1]) ? b : a));
const wasm = file('mailinfra_wasm_bg.wasm');
const glue = sumSizes((b) => ({ gzip: gz(b), brotli: br(b) }), formGlue(pkg).map(file));
const base = gz(wasm) + glue.gzip;
const baseBr = br(wasm) + glue.brotli;
console.log('\n## What a form downloads before its first check (gzip -9; brotli 11)');
console.log(`module + glue: ${KB(base)}; ${KB(baseBr)}`);
console.log(`worst first field typed: ${worstWhat} needs ${worstNames.join(' ')} (${KB(cost(worstNames))}): total ${KB(base + cost(worstNames))}; ${KB(baseBr + costBr(worstNames))}`);
const phones = firsts.filter(([what]) => what.startsWith('phone'));
const [pWhat, pNames] = phones.reduce((a, b) => (cost(b[1]) > cost(a[1]) ? b : a));
console.log(`worst phone typed first: ${pWhat} needs ${pNames.length} packs (${KB(cost(pNames))})`);
const domains = firsts.filter(([what]) => what.startsWith('domain'));
const [dWhat, dNames] = domains.reduce((a, b) => (cost(b[1]) > cost(a[1]) ? b : a));
console.log(`worst domain typed first: ${dWhat} needs ${dNames.join(' ')} (${KB(cost(dNames))}); domain acme.com needs ${domains[0][1].length} packs`);
const ascii = domains.filter(([what]) => /^domain [\x21-\x7e]+$/.test(what));
const [aWhat, aNames] = ascii.reduce((a, b) => (cost(b[1]) > cost(a[1]) ? b : a));
console.log(`worst ASCII domain typed first: ${aWhat} needs ${aNames.join(' ')} (${KB(cost(aNames))}): total ${KB(base + cost(aNames))}`);
console.log('\n## An ASCII domain under a split TLD typed first, from nothing (gzip -9)');
for (const [what, names] of firsts.filter(([w]) => deeper.includes(w.slice('domain '.length)) && !w.startsWith('domain acme.'))) {
  console.log(`${what}: ${names.join(' ')} (${KB(cost(names))}): total ${KB(base + cost(names))}`);
}
console.log('\n## A non-ASCII domain typed first, from nothing (gzip -9)');
for (const [what, names] of idns) {
  console.log(`${what}: ${names.join(' ')} (${KB(cost(names))}): total ${KB(base + cost(names))}`);
}
// Not a domain anyone types: a label with a code point of every range fetches them all.
const every = [...packs.keys()].filter((n) => n.startsWith('unicode/'));
console.log(`every unicode/idna-* pack (a label with a code point of each range): ${KB(cost(every))}: total ${KB(base + cost(every))}`);
const us = ['address/US', 'phone/US', 'phone/GB'];
console.log(`the example of the issue (country US, then +44 typed): ${us.join(' ')} ${KB(cost(us))}: total ${KB(base + cost(us))}`);
