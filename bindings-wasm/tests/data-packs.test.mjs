// The form module's data packs on the browser path, in Node: the package's web entry
// (no synchronous pack reader) with `fetch` serving pkg/data/ from disk. A call made
// before its packs are loaded throws a DataPendingError naming exactly those packs;
// after `ready` the answer is the one the Node entry gives; a bad pack, or one of
// another data generation than the module, is an Error, never a trap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pkgDir, pkgEntry } from './paths.mjs';

const served = [];
let corrupt = new Set();
let stale = new Set();
/** A pack as an older generation wrote it: the same rules, another header line. */
const older = (text) => text.replace(/^(# @generated .*?)\(data [0-9a-f]+\)/, '$1(data 000000000000)');
globalThis.fetch = async (url) => {
  const u = new URL(url);
  const file = u.pathname.split('/data/')[1];
  served.push(file);
  const name = file.replace(/\.txt$/, '');
  if (corrupt.has(name)) return new Response(header(name) + 'zip\tnot a pack\n');
  if (stale.has(name)) return new Response(older(readFileSync(u, 'utf8')));
  try {
    return new Response(readFileSync(u));
  } catch {
    return new Response('not found', { status: 404 });
  }
};

const m = await import(new URL('web.js', pkgDir).href);
const raw = await import(new URL('mailinfra_wasm.js', pkgDir).href);
m.initSync(readFileSync(new URL('mailinfra_wasm_bg.wasm', pkgDir)));

/** The first line of a shipped pack, with its newline. */
function header(name) {
  return readFileSync(new URL(`data/${name}.txt`, pkgDir), 'utf8').split('\n')[0] + '\n';
}

/** What the Node entry answers (a separate process: it reads packs synchronously). */
function nodeAnswer(call, ...args) {
  const script = `const m = await import(${JSON.stringify(pkgEntry)});
    process.stdout.write(JSON.stringify(await m[${JSON.stringify(call)}](...${JSON.stringify(args)})));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

/** `f()`, awaiting each DataPendingError's `ready`; the packs each one named. */
async function settle(f) {
  const named = [];
  for (;;) {
    try {
      return { result: await f(), named };
    } catch (e) {
      if (!(e instanceof m.DataPendingError)) throw e;
      named.push(e.packs);
      await e.ready;
    }
  }
}

const order = { country: 'US', state: 'california', zipcode: '94105', phoneNumber: '+44 20 7946 0958' };

test('a call before its packs are loaded names exactly them; after ready it answers as Node does', async () => {
  let pending;
  assert.throws(() => m.check(order), (e) => (pending = e) instanceof m.DataPendingError);
  assert.ok(pending instanceof Error);
  assert.deepEqual(pending.packs, ['address/US', 'phone/GB', 'phone/US']);
  assert.match(pending.message, /address\/US, phone\/GB, phone\/US/);
  await pending.ready;
  assert.deepEqual(served.sort(), ['address/US.txt', 'phone/GB.txt', 'phone/US.txt']);
  assert.deepEqual(m.check(order), nodeAnswer('check', order));
  assert.deepEqual(m.prepare(order), nodeAnswer('prepare', order));
  assert.deepEqual(m.checkField(order, '/phoneNumber'), nodeAnswer('checkField', order, '/phoneNumber'));
});

test('a field that needs no pack answers at once', () => {
  assert.deepEqual(m.checkField({ country: 'FR', domainOwnerFirstname: 'Ada' }, '/domainOwnerFirstname'), []);
  assert.deepEqual(m.checkField({ country: 'ZZ', phoneNumber: '1' }, '/country').map((i) => i.code), ['invalid_country']);
});

test('a domain under a TLD with rules waits for its psl pack; a .com domain needs none', async () => {
  const com = { domains: [{ name: 'mail.acme.com' }] };
  assert.deepEqual(m.checkField(com, '/domains/0/name'), nodeAnswer('checkField', com, '/domains/0/name'));
  assert.equal(m.checkField(com, '/domains/0/name')[0].code, 'domain_not_registrable');
  assert.ok(!served.some((f) => f.startsWith('psl/')), 'no psl pack was fetched for .com');
  const jp = { domains: [{ name: 'acme.co.jp' }, { name: 'co.jp' }] };
  let pending;
  assert.throws(() => m.checkField(jp, '/domains/1/name'), (e) => (pending = e) instanceof m.DataPendingError);
  assert.deepEqual(pending.packs, ['psl/jp']);
  await pending.ready;
  assert.deepEqual(served.filter((f) => f.startsWith('psl/')), ['psl/jp.txt']);
  const answer = m.checkField(jp, '/domains/1/name');
  assert.deepEqual(answer, nodeAnswer('checkField', jp, '/domains/1/name'));
  assert.deepEqual(answer.map((i) => i.code), ['domain_not_registrable']);
  assert.deepEqual(m.check(jp), nodeAnswer('check', jp));
  // Japan's city-level rules are in a pack per prefecture, fetched in the same round.
  const tokyo = { domains: [{ name: 'acme.chuo.tokyo.jp' }] };
  assert.throws(() => m.check(tokyo), (e) => (pending = e) instanceof m.DataPendingError);
  assert.deepEqual(pending.packs, ['psl/tokyo.jp']);
  await pending.ready;
  assert.deepEqual(m.check(tokyo), nodeAnswer('check', tokyo));
  assert.deepEqual(served.filter((f) => f.startsWith('psl/')), ['psl/jp.txt', 'psl/tokyo.jp.txt']);
});

test('addressFormat and the Standard Schema answer with a Promise while data is fetched', async () => {
  const hints = m.addressFormat('jp');
  assert.ok(hints instanceof Promise);
  assert.deepEqual(await hints, nodeAnswer('addressFormat', 'jp'));
  assert.ok(!(m.addressFormat('JP') instanceof Promise));
  const de = { country: 'DE', zipcode: '1011', phoneNumber: '+49 30 901820' };
  const validated = m.orderSchema['~standard'].validate(de);
  assert.ok(validated instanceof Promise);
  const settled = await validated;
  assert.deepEqual(settled, m.orderSchema['~standard'].validate(de));
  assert.ok(settled.issues.some((i) => i.code === 'invalid_postal_code'));
});

test('loadData loads packs ahead; a pack loaded twice changes nothing', async () => {
  await m.loadData(['address/CA', 'phone/CA']);
  const ca = { country: 'CA', state: 'Québec', zipcode: 'h2x1y4', phoneNumber: '+1 514 555 0123' };
  const first = m.prepare(ca);
  assert.deepEqual(first, nodeAnswer('prepare', ca));
  raw.loadPack('address/CA', readFileSync(new URL('data/address/CA.txt', pkgDir), 'utf8'));
  assert.deepEqual(m.prepare(ca), first);
});

test('a corrupt pack is a clear Error, and the module keeps working', async () => {
  const br = { country: 'BR', zipcode: '01310-100' };
  corrupt = new Set(['address/BR']);
  let pending;
  assert.throws(() => m.check(br), (e) => (pending = e) instanceof m.DataPendingError);
  await assert.rejects(pending.ready, /mailinfra: not a valid data pack: ends before `zipex`/);
  assert.throws(() => raw.loadPack('address/BR', header('address/BR') + 'zipex\n'),
    /not a valid data pack: line 2: expected `zip`/);
  assert.throws(() => raw.loadPack('phone/GB', readFileSync(new URL('data/phone/US.txt', pkgDir), 'utf8')),
    /calling code 1 is not phone\/GB's/);
  assert.throws(() => raw.loadPack('phone/GB', '\u0000'.repeat(140_000)), /over the limit/);
  corrupt = new Set();
  const { result, named } = await settle(() => m.check(br));
  assert.deepEqual(named, [['address/BR']]);
  assert.deepEqual(result, nodeAnswer('check', br));
});

test('an ASCII domain needs no pack; a non-ASCII or xn-- one waits for the unicode/idna-* packs of its ranges, then answers as Node does', async () => {
  const ascii = { domains: [{ name: 'Acme-Corp.COM' }], redirectUrl: 'WWW.Example.org' };
  assert.deepEqual(m.check(ascii), nodeAnswer('check', ascii));
  assert.equal(m.domainToAscii('Acme-Corp.COM'), 'acme-corp.com');
  assert.ok(!served.some((f) => f.startsWith('unicode/')));
  const idn = { domains: [{ name: 'Bücher.DE' }, { name: 'xn--mnchen-3ya.de' }] };
  let pending;
  assert.throws(() => m.domainToAscii('bücher.de'), (e) => (pending = e) instanceof m.DataPendingError);
  assert.deepEqual(pending.packs, ['unicode/idna-0000']);
  assert.throws(() => m.check(idn), (e) => e instanceof m.DataPendingError && e.packs.join() === 'unicode/idna-0000');
  // Latin with a Cyrillic а: the scripts of two ranges, named in one round.
  const mixed = { domains: [{ name: 'xn--pypal-4ve.com' }] };
  assert.throws(() => m.check(mixed), (e) => e instanceof m.DataPendingError && e.packs.join() === 'unicode/idna-0000,unicode/idna-0300');
  await pending.ready;
  // (That DataPendingError is fetching both already.)
  const settled = await settle(() => m.check(mixed));
  assert.ok(JSON.stringify(settled.result).includes('"mixed_script_domain"'));
  assert.deepEqual(settled.result, nodeAnswer('check', mixed));
  // Arabic presentation forms map to Arabic letters of another range, whose Bidi_Class
  // the check then reads: a second round names it.
  const forms = { domains: [{ name: '\uFE91\uFE8E\uFE8F.com' }] };
  const rounds = await settle(() => m.check(forms));
  assert.deepEqual(rounds.named, [['unicode/idna-FE00'], ['unicode/idna-0590']]);
  assert.deepEqual(rounds.result, nodeAnswer('check', forms));
  // Fullwidth Latin (the same range) maps to ASCII, which needs no pack.
  const wide = { domains: [{ name: 'ｅｘａｍｐｌｅ.com' }] };
  assert.deepEqual(m.check(wide), nodeAnswer('check', wide));
  assert.equal(m.domainToAscii('Bücher.DE'), 'xn--bcher-kva.de');
  assert.equal(m.domainToUnicode('xn--mnchen-3ya.de'), 'münchen.de');
  assert.deepEqual(m.check(idn), nodeAnswer('check', idn));
  assert.deepEqual(m.prepare(idn), nodeAnswer('prepare', idn));
});

test('a pack of another data generation is refused, naming both headers', async () => {
  const ar = { country: 'AR', zipcode: 'C1425' };
  stale = new Set(['address/AR']);
  let pending;
  assert.throws(() => m.check(ar), (e) => (pending = e) instanceof m.DataPendingError);
  const current = header('address/AR').trim();
  const old = older(current);
  assert.notEqual(old, current);
  await assert.rejects(pending.ready, (e) => e instanceof Error
    && /mailinfra: the data pack is from another data version than this module/.test(e.message)
    && e.message.includes(JSON.stringify(old)) && e.message.includes(JSON.stringify(current)));
  await assert.rejects(m.loadData(['address/AR']), /another data version/);
  const text = readFileSync(new URL('data/phone/FR.txt', pkgDir), 'utf8');
  assert.throws(() => raw.loadPack('phone/FR', text.replace('phonenumbers ', 'phonenumbers 0')), /another data version/);
  const idna = readFileSync(new URL('data/unicode/idna-0590.txt', pkgDir), 'utf8');
  assert.throws(() => raw.loadPack('unicode/idna-0590', idna.replace('(data ', '(data 0')), /another data version/);
  assert.throws(() => raw.loadPack('phone/FR', text.split('\n').slice(1).join('\n')), /another data version/);
  stale = new Set();
  const { result, named } = await settle(() => m.check(ar));
  assert.deepEqual(named, [['address/AR']]);
  assert.deepEqual(result, nodeAnswer('check', ar));
});

test('an unknown pack name is refused', async () => {
  for (const name of ['address/ZZ', 'address/AO', 'phone/XX', 'psl/com', 'psl/co.jp', 'psl/jp/..', 'unicode/x', '../secret', 'address/US/..', '']) {
    assert.throws(() => raw.loadPack(name, ''), /no data pack is named/, name);
  }
  assert.throws(() => raw.loadPack(42, ''), TypeError);
  const before = served.length;
  for (const name of ['../../package', 'address/us', 'address/US/x', 'psl/JP', 'psl/a.tokyo.jp', 'psl/.jp', 'psl/-jp', 'unicode/IDNA', 42]) {
    await assert.rejects(m.loadData([name]), /no data pack is named/, String(name));
  }
  await assert.rejects(m.loadData(['address/ZZ']), /no data pack is named "address\/ZZ"|HTTP 404/);
  assert.equal(served.length, before + 1, 'a malformed name is refused before any fetch');
  assert.throws(() => raw.loadPack('address/US', 42), TypeError);
});

test('a keystroke whose packs are pending, then undone, answers for the value undone to', async () => {
  // The module changes the string it keeps before it finds a pack missing; the
  // wrapper's copy must follow, or the undone keystroke would read as no change.
  const short = '+1 650 253 000'; // a digit short: an issue
  const order = { country: 'US', phoneNumber: short };
  await settle(() => m.checkField(order, '/phoneNumber'));
  order.phoneNumber = '+372 5123 4567'; // Estonia: phone/EE, which no other test loads
  assert.throws(() => m.checkField(order, '/phoneNumber'), m.DataPendingError);
  order.phoneNumber = short;
  const { result } = await settle(() => m.checkField(order, '/phoneNumber'));
  assert.deepEqual(result, nodeAnswer('checkField', order, '/phoneNumber'));
  assert.ok(result.length > 0, 'a number a digit short has an issue');
});
