// The JS API: report shapes, options errors, string input, TypeScript declarations
// against the core's lists, and hostile input that must never trap the module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { pkgDir, pkgEntry, repoRoot } from './paths.mjs';

const m = await import(pkgEntry);
const example = JSON.parse(readFileSync(new URL('examples/order.json', repoRoot), 'utf8'));
// The declarations: the hand-written signatures and the generated types they export.
const dts = ['mailinfra.d.ts', 'types.d.ts'].map((f) => readFileSync(new URL(f, pkgDir), 'utf8')).join('\n');

/** Member names of `export interface Name { ... }` in the published declarations. */
function interfaceKeys(name) {
  const body = new RegExp(`export interface ${name}(?: extends \\w+)? \\{([\\s\\S]*?)\\n\\}`).exec(dts);
  assert.ok(body, `interface ${name} in mailinfra.d.ts`);
  return [...body[1].matchAll(/^ {2}(\w+)\??:/gm)].map((x) => x[1]);
}

function stillWorks() {
  assert.equal(m.check(example).valid, true, 'a valid order still checks valid');
  assert.equal(m.prepare(example).order.domains[0].name, 'tryoutreachteam.com');
  assert.equal(m.checkField({ country: 'GB', zipcode: 'sw1a1aa' }, '/zipcode')[0].suggestion, 'SW1A 1AA');
}

test('check and prepare return plain objects of the report shape', () => {
  const r = m.check(example);
  assert.deepEqual(Object.keys(r), ['valid', 'issues']);
  assert.equal(Object.getPrototypeOf(r), Object.prototype);
  const p = m.prepare({ ...example, country: 'uk', state: undefined, zipcode: 'sw1a1aa', phoneNumber: '020 7946 0958' });
  assert.equal(p.valid, true);
  assert.equal(p.order.country, 'GB');
  assert.equal(p.order.zipcode, 'SW1A 1AA');
  assert.equal(p.order.phoneNumber, '+442079460958');
  const c = m.check({ ...example, country: 'uk' });
  assert.equal(c.valid, false);
  assert.deepEqual(c.issues[0], {
    pointer: '/country', path: ['country'], code: 'invalid_country', severity: 'error',
    message: c.issues[0].message, suggestion: 'GB',
  });
  assert.equal(typeof c.issues[0].message, 'string');
});

test('a JSON string input goes through the text entry point and its size limit', () => {
  assert.deepEqual(m.check(JSON.stringify(example)), m.check(example));
  assert.equal(m.check('{"a":').issues[0].code, 'invalid_json');
  const big = JSON.stringify(example);
  const r = m.check(big, { maxInputBytes: big.length - 1 });
  assert.deepEqual(r.issues.map((i) => [i.pointer, i.code]), [['', 'input_too_large']]);
  // An object is held to the same limit, as its compact JSON size (as in the core).
  assert.deepEqual(m.check(example, { maxInputBytes: 10 }).issues.map((i) => [i.pointer, i.code]), [['', 'input_too_large']]);
  assert.equal(m.check(example, { maxInputBytes: big.length }).valid, true);
  assert.equal(m.check(example, { maxInputBytes: big.length - 1 }).valid, false);
});

test('checkField, address hints, countries, domains, versions', () => {
  assert.deepEqual(m.checkField(example, '/zipcode'), []);
  // A pointer to no field of the order is a programmer's mistake: it throws, naming
  // the pointer most likely meant.
  assert.throws(() => m.checkField(example, 'not a pointer'), TypeError);
  assert.throws(() => m.checkField(example, 42), TypeError);
  assert.throws(() => m.checkField({ country: 'US', zipcode: 'x' }, '/zipCode'),
    { name: 'TypeError', message: /did you mean "\/zipcode"\?/ });
  assert.throws(() => m.checkField(JSON.stringify(example), '/domains/0/nme'),
    { name: 'TypeError', message: /did you mean "\/domains\/0\/name"\?/ });
  const us = m.addressFormat('US');
  assert.equal(us.postalCodeLabel, 'ZIP code');
  assert.ok(us.states.some((s) => s.key === 'CA' && s.name === 'California'));
  assert.equal(m.addressFormat('uk').country, 'GB');
  assert.equal(m.addressFormat('ZZ'), null);
  assert.equal(m.addressFormat(undefined), null);
  assert.equal(m.countries().length, 249);
  assert.equal(m.domainToAscii('bücher.de'), 'xn--bcher-kva.de');
  assert.equal(m.domainToUnicode('xn--bcher-kva.de'), 'bücher.de');
  assert.equal(m.domainToAscii('-bad-.com'), null);
  assert.equal(m.domainToAscii(7), null);
  assert.match(m.dataVersions().phoneMetadata, /libphonenumber/);
});

test('bad options throw a TypeError with a clear message', () => {
  assert.throws(() => m.check(example, { maxDomain: 3 }), (e) => e instanceof TypeError && /unknown option "maxDomain" \(did you mean "maxDomains"\?\)/.test(e.message));
  assert.throws(() => m.check(example, { max_domains: 3 }), { name: 'TypeError', message: /did you mean "maxDomains"/ });
  assert.throws(() => m.check(example, { maxDomains: -1 }), { name: 'TypeError', message: /"maxDomains" must be a whole number/ });
  assert.throws(() => m.check(example, { maxDomains: 'x' }), TypeError);
  assert.throws(() => m.check(example, 5), TypeError);
  // Plain options cross as JSON text: a string is still not an object.
  assert.throws(() => m.check(example, '{"maxDomains": 3}'), { name: 'TypeError', message: /options must be an object/ });
  const cyclic = { allowedTlds: [] };
  cyclic.allowedTlds.push(cyclic.allowedTlds);
  assert.throws(() => m.prepare(example, cyclic), { name: 'TypeError', message: /cyclic/ });
  assert.throws(() => m.prepare(example, [1]), TypeError);
  const hostile = {};
  Object.defineProperty(hostile, 'maxDomains', { enumerable: true, get() { throw new Error('no'); } });
  assert.throws(() => m.checkField(example, '/city', hostile), TypeError);
  assert.equal(m.check(example, null).valid, true);
  assert.deepEqual(m.check(example, { allowedTlds: ['net'] }).issues.map((i) => i.pointer), ['/domains/0/name']);
  stillWorks();
});

test('IssueCode union in the declarations equals the core list (IssueCode::ALL)', () => {
  const union = /export type IssueCode =([\s\S]*?);/.exec(dts);
  assert.ok(union);
  const codes = [...union[1].matchAll(/'([a-z_0-9]+)'/g)].map((x) => x[1]);
  assert.deepEqual(codes, m.issueCodes());
  assert.ok(codes.length >= 36);
});

test('declared interfaces match what the core returns', () => {
  assert.deepEqual(interfaceKeys('Options').sort(), Object.keys(m.defaultOptions()).sort());
  assert.deepEqual(interfaceKeys('AddressFormat'), Object.keys(m.addressFormat('US')));
  assert.deepEqual(interfaceKeys('StateOption'), Object.keys(m.addressFormat('US').states[0]));
  assert.deepEqual(interfaceKeys('CountryOption'), Object.keys(m.countries()[0]));
  assert.deepEqual(interfaceKeys('DataVersions'), Object.keys(m.dataVersions()));
  const order = m.prepare(example).order;
  assert.deepEqual(interfaceKeys('Order'), Object.keys(order));
  assert.deepEqual(interfaceKeys('Domain'), Object.keys(order.domains[0]));
  assert.deepEqual(interfaceKeys('Mailbox'), Object.keys(order.domains[0].mailboxes[0]));
  const issue = m.check({ ...example, country: 'uk' }).issues[0];
  assert.deepEqual(interfaceKeys('Issue'), Object.keys(issue));
  assert.deepEqual(interfaceKeys('Report'), Object.keys(m.prepare(example)));
  // Every declared option is accepted by the core (deny_unknown_fields).
  assert.equal(m.check(example, m.defaultOptions()).valid, true);
});

// Each hostile input: never a throw, the expected refusal (or the core's own
// issues), and the module still answers correctly afterwards.
const cyclic = { domainOwnerFirstname: 'A' }; cyclic.self = cyclic;
const cyclicArray = []; cyclicArray.push(cyclicArray);
const deep = []; { let cur = deep; for (let i = 0; i < 100_000; i++) { const n = []; cur.push(n); cur = n; } }
const deepObj = {}; { let cur = deepObj; for (let i = 0; i < 100_000; i++) { cur.a = {}; cur = cur.a; } }
const throwing = { ...example };
Object.defineProperty(throwing, 'city', { enumerable: true, get() { throw new Error('getter'); } });
const throwingKeys = new Proxy({}, { ownKeys() { throw new Error('ownKeys'); } });
const revoked = Proxy.revocable({}, {}); revoked.revoke();
const tenMb = 'x'.repeat(10 * 1024 * 1024);
const sparse = []; sparse.length = 2 ** 32 - 1;
const wide = {}; for (let i = 0; i < 200_000; i++) wide['k' + i] = i;

/** `o` whose first member is read once, and throws on every later read. */
function secondReadThrows(o) {
  const [key, value] = Object.entries(o)[0];
  let reads = 0;
  return Object.defineProperty({ ...o }, key, {
    enumerable: true,
    get: () => {
      if (reads++) throw new Error('read twice');
      return value;
    },
  });
}

/** `o` whose `city` is a string the first time it is read and `later` after that. */
function secondReadIs(o, later) {
  let reads = 0;
  return Object.defineProperty({ ...o }, 'city', { enumerable: true, get: () => (reads++ ? later : o.city) });
}
const cycle = { a: 1 }; cycle.self = cycle;

const hostile = [
  ['undefined', undefined, [['', 'not_an_object']]],
  ['null', null, [['', 'not_an_object']]],
  ['a number', 42, [['', 'not_an_object']]],
  ['NaN', NaN, [['', 'not_an_object']]],
  ['a BigInt', 10n, [['', 'invalid_json']]],
  ['a BigInt inside', { ...example, domains: [{ name: 1n }] }, [['', 'invalid_json']]],
  ['a symbol', Symbol('s'), [['', 'invalid_json']]],
  ['a symbol inside', { ...example, city: Symbol('s') }, [['', 'invalid_json']]],
  ['a function', () => 1, [['', 'invalid_json']]],
  ['a throwing getter', throwing, [['', 'invalid_json']]],
  ['a proxy whose ownKeys throws', throwingKeys, [['', 'invalid_json']]],
  ['a revoked proxy', revoked.proxy, [['', 'invalid_json']]],
  ['a cyclic object', cyclic, [['', 'too_deep']]],
  ['a cyclic array', cyclicArray, [['', 'too_deep']]],
  ['100k-deep arrays', deep, [['', 'too_deep']]],
  ['100k-deep objects', deepObj, [['', 'too_deep']]],
  ['a 10 MB string (JSON text)', tenMb, [['', 'input_too_large']]],
  ['a sparse array of length 2^32-1', sparse, [['', 'input_too_large']]],
  ['NaN and Infinity in fields', { ...example, domains: [{ ...example.domains[0], mailboxes: [{ ...example.domains[0].mailboxes[0], profilePicId: NaN }] }], isFreeOrder: Infinity }, null],
  ['a 10 MB string in a field', { ...example, city: tenMb }, null],
  ['200k keys', wide, null],
  ['a Map and a Date', { ...example, domains: new Map(), city: new Date(0) }, null],
  ['lone surrogates', { ...example, city: 'a\uD800b', ['\uDC00']: 1 }, null],
  ['a getter that throws from its second read on', secondReadThrows(example), null],
];

test('options whose getter throws, at once or from its second read on: a TypeError, never a trap', () => {
  const always = Object.defineProperty({}, 'maxInputBytes', { enumerable: true, get: () => { throw new Error('no'); } });
  for (const fn of [m.check, m.prepare, (o, opts) => m.checkField(o, '/city', opts)]) {
    for (const options of [always, secondReadThrows({ maxInputBytes: 100000 })]) {
      assert.throws(() => fn(example, options), TypeError);
    }
  }
  stillWorks();
});

for (const [name, input, expected] of hostile) {
  test(`hostile input never traps: ${name}`, () => {
    for (const fn of [m.check, m.prepare]) {
      const r = fn(input);
      assert.equal(typeof r.valid, 'boolean');
      assert.ok(Array.isArray(r.issues));
      if (expected) assert.deepEqual(r.issues.map((i) => [i.pointer, i.code]), expected);
      for (const i of r.issues) assert.ok(i.message.length < 400, 'short message');
    }
    assert.ok(Array.isArray(m.checkField(input, '/city')));
    assert.ok(m.suggestMailboxes(input));
    assert.ok(m.buildOrder(input, input));
    assert.ok(m.buildOrder(input, [input]));
    m.addressFormat(input); m.domainToAscii(input); m.domainToUnicode(input);
    stillWorks();
  });
}

test('checkField reads a field\'s part again after proving the order plain: a getter answering otherwise then is no error', () => {
  const laters = { 'a BigInt': 1n, 'a symbol': Symbol('s'), 'a function': () => 1, 'a cycle': cycle, 'a Date': new Date(0), 'a lone surrogate': 'a\uD800', '100k-deep arrays': deep };
  for (const [what, later] of Object.entries(laters)) {
    // Twice: the first call keeps the part, the second compares with it.
    for (let i = 0; i < 2; i++) assert.ok(Array.isArray(m.checkField(secondReadIs(example, later), '/city')), what);
  }
  stillWorks();
});

test('a big object is refused by size, and a bigger maxInputBytes lets the core examine it', () => {
  const huge = { ...example, city: 'x'.repeat(17 * 1024 * 1024) };
  assert.deepEqual(m.check(huge).issues.map((i) => [i.pointer, i.code]), [['', 'input_too_large']]);
  assert.equal(m.check(huge, { maxInputBytes: 32 << 20 }).issues[0].code, 'too_long');
  stillWorks();
});

test('depth: 64 levels are read, 65 are too deep (as in the core)', () => {
  const nest = (n) => { let v = 1; for (let i = 0; i < n; i++) v = [v]; return v; };
  const at = (n) => m.check({ ...example, extra: nest(n) }).issues.map((i) => i.code);
  assert.deepEqual(at(63), ['unknown_field']);
  assert.deepEqual(at(64), ['too_deep']);
  assert.deepEqual(m.check(JSON.stringify({ ...example, extra: nest(63) })).issues.map((i) => i.code), ['unknown_field']);
  assert.deepEqual(m.check(JSON.stringify({ ...example, extra: nest(64) })).issues.map((i) => i.code), ['too_deep']);
});

test('the module stays healthy after 2,000 hostile calls', () => {
  for (let i = 0; i < 2000; i++) {
    m.check(cyclic); m.prepare(deep); m.check(throwing); m.checkField(revoked.proxy, '/city');
  }
  stillWorks();
});

test('both object readers agree: JSON.stringify fast path and the wasm walk, on every vector input', async () => {
  const raw = await import(new URL('mailinfra_wasm.js', pkgDir).href); // same instance node.js loaded
  const { readdirSync } = await import('node:fs');
  const { vectorsDir } = await import('./paths.mjs');
  let n = 0;
  for (const f of readdirSync(vectorsDir).filter((x) => x.endsWith('.json'))) {
    for (const v of JSON.parse(readFileSync(new URL(f, vectorsDir), 'utf8')).vectors) {
      if (!['check', 'prepare', 'check_field'].includes(v.mode) || typeof v.input === 'string') continue;
      if (v.mode === 'check_field' && 'error' in v.expect) {
        assert.throws(() => m.checkField(v.input, v.pointer, v.options), TypeError, v.name);
        assert.throws(() => raw.checkField(v.input, v.pointer, v.options), TypeError, v.name);
      } else if (v.mode === 'check_field') {
        assert.deepEqual(m.checkField(v.input, v.pointer, v.options), JSON.parse(raw.checkField(v.input, v.pointer, v.options)), v.name);
      } else {
        assert.deepEqual(m[v.mode](v.input, v.options), JSON.parse(raw[v.mode](v.input, v.options)), v.name);
      }
      n++;
    }
  }
  assert.ok(n > 1000, `${n} inputs`);
});

// prepare sends its own copy of plain data and, when the order comes out unchanged,
// returns that copy (`=`), or the copy with the values prepare replaced set in it
// (`~`): it must be what the text path reads back, JSON.parse of JSON.stringify, for
// what JSON cannot hold too (NaN, -0, undefined, a `__proto__` member, objects without
// a prototype), and a fresh value, not the caller's.
test('prepare returns its copy of an order, values replaced, exactly as the text path reads it', async () => {
  const raw = await import(new URL('mailinfra_wasm.js', pkgDir).href);
  const { vectorsDir } = await import('./paths.mjs');
  const odd = [
    (o) => ({ ...o, extra: undefined }),
    (o) => ({ ...o, isFreeOrder: NaN }),
    (o) => ({ ...o, nope: -0, inf: Infinity }),
    (o) => Object.assign(Object.create(null), o),
    (o) => ({ ...JSON.parse('{"__proto__":{"a":1}}'), ...o }),
    (o) => ({ 10: 'x', 2: 'y', ...o }),
    (o) => (Array.isArray(o.domains) ? { ...o, domains: [...o.domains, undefined] } : o),
    (o) => (Array.isArray(o.domains) && o.domains[0] ? { ...o, domains: [{ ...o.domains[0], mailboxes: [undefined, null, -0] }] } : o),
  ];
  let n = 0;
  let kept = 0;
  let changed = 0;
  for (const f of readdirSync(vectorsDir).filter((x) => x.endsWith('.json'))) {
    for (const v of JSON.parse(readFileSync(new URL(f, vectorsDir), 'utf8')).vectors) {
      if (v.mode !== 'prepare' || v.input === null || typeof v.input !== 'object') continue;
      // The input and its canonical order, which prepare gives back unchanged.
      const canonical = JSON.parse(raw.prepare(JSON.stringify(v.input), v.options)).order;
      for (const [base, make] of [v.input, canonical].filter((o) => o && typeof o === 'object').flatMap((o) => [(x) => x, ...odd].map((f) => [o, f]))) {
        const input = make(structuredClone(base));
        const got = m.prepare(input, v.options);
        const text = JSON.stringify(input);
        assert.deepEqual(got, JSON.parse(raw.prepare(text, v.options)), `${v.name}: ${text.slice(0, 200)}`);
        const answer = raw.prepareKeeping(text, v.options);
        if (answer.startsWith('=') || answer.startsWith('~')) {
          if (answer.startsWith('=')) kept++;
          else changed++;
          assert.notEqual(got.order, input, v.name);
          if (Array.isArray(input.domains) && input.domains.length) assert.notEqual(got.order.domains, input.domains, v.name);
        }
        n++;
      }
    }
  }
  assert.ok(n > 5000 && kept > 1000 && changed > 500, `${n} inputs, ${kept} orders given back as copied, ${changed} with values replaced`);
  // A getter is read once; the copy is the caller's no more.
  let reads = 0;
  const order = structuredClone(example);
  Object.defineProperty(order, 'companyName', { enumerable: true, get: () => (reads++ ? 'Changed Inc' : example.companyName) });
  const p = m.prepare(order);
  assert.equal(reads, 1);
  assert.equal(p.order.companyName, example.companyName);
  p.order.domains[0].name = 'other.com';
  assert.equal(order.domains[0].name, example.domains[0].name);
});

// Every pointer a form checks in `o`: each top-level member and a few more, and under
// `domains` every entry, field of an entry, mailbox and field of a mailbox, plus one
// past the end of each list (of a list longer than 8, the first and last 3 entries).
function fieldPointers(o) {
  const pointers = [...Object.keys(o).map((k) => `/${k}`), '/phoneNumber', '/zipcode', '/nope', '', '/domains'];
  const entries = (list) => {
    const n = Array.isArray(list) ? list.length : 0;
    return [...Array(n + 1).keys()].filter((i) => n <= 8 || i < 3 || i + 3 >= n);
  };
  for (const i of entries(o.domains)) {
    const at = `/domains/${i}`;
    pointers.push(...['', '/name', '/redirectUrl', '/mailboxes'].map((f) => at + f));
    for (const j of entries(o.domains?.[i]?.mailboxes)) {
      pointers.push(...['', '/firstname', '/lastname', '/email', '/profilePicId'].map((f) => `${at}/mailboxes/${j}${f}`));
    }
  }
  return pointers;
}

test('checkField sends only the part a field reads, with the same answer', () => {
  // Every vector input that is an object and every pointer of fieldPointers: the fast
  // path (the part the core names) against JSON text (the whole order parsed).
  const dir = new URL('tests/vectors/', repoRoot);
  let compared = 0;
  let nested = 0;
  // The issues, or the message of the TypeError a pointer to no field throws.
  const field = (o, p) => {
    try {
      return m.checkField(o, p);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      return `TypeError: ${e.message}`;
    }
  };
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    for (const v of JSON.parse(readFileSync(new URL(f, dir), 'utf8')).vectors) {
      const o = v.input;
      if (o === null || typeof o !== 'object' || Array.isArray(o)) continue;
      for (const p of fieldPointers(o)) {
        assert.deepEqual(field(o, p), field(JSON.stringify(o), p), `${f} ${v.name} ${p}`);
        compared++;
        if (p.startsWith('/domains/')) nested++;
      }
    }
  }
  assert.ok(nested > 15000, `${nested} compared under domains`);
  // Values JSON.stringify writes otherwise: undefined members and entries, sparse lists.
  const odd = structuredClone(example);
  odd.domains[0].redirectUrl = undefined;
  odd.domains[0].mailboxes.push(undefined, { ...odd.domains[0].mailboxes[0], firstname: undefined });
  odd.domains = [undefined, 'x', ...odd.domains, , odd.domains[0]];
  for (const p of fieldPointers(odd)) {
    assert.deepEqual(field(odd, p), field(JSON.stringify(odd), p), `odd ${p}`);
    compared++;
  }
  assert.ok(compared > 20000, `${compared} compared`);

  // A refused order has no field issues, also when the field alone would have some.
  const huge = { ...example, phoneNumber: 'nope', notes: 'x'.repeat(2 * 1024 * 1024) };
  assert.deepEqual(m.checkField(huge, '/phoneNumber'), []);
  const small = { ...example, phoneNumber: 'nope', notes: 'x'.repeat(100) };
  assert.ok(m.checkField(small, '/phoneNumber').length > 0);
  assert.deepEqual(m.checkField(small, '/phoneNumber', { maxInputBytes: 100 }), []);
  // A member whose getter throws: the check falls back to the walk, which reports it.
  const trap = { ...example };
  Object.defineProperty(trap, 'country', { enumerable: true, get() { throw new Error('boom'); } });
  assert.ok(Array.isArray(m.checkField(trap, '/phoneNumber')));
});

test('typing into a field: each keystroke\'s answer is check\'s issues at that field', () => {
  // The core keeps the text it last read and patches the one string a keystroke
  // changes; check reads each order afresh. Quotes, backslashes, control and
  // non-ASCII characters and a lone surrogate force the other paths on the way.
  const typed = 'Jo "x\\y\u0001é😀\uD800z@Tryoutreachteam.com';
  let keystrokes = 0;
  for (const p of ['/domains/0/mailboxes/1/email', '/domains/0/mailboxes/0/firstname', '/phoneNumber', '/zipcode', '/domains/0/name', '/city']) {
    const order = structuredClone(example);
    order.domains[0].mailboxes.push({ ...order.domains[0].mailboxes[0], email: '' });
    const keys = p.split('/').slice(1);
    const last = keys.pop();
    const owner = keys.reduce((o, k) => o[k], order);
    for (let n = 0; n <= typed.length; n++) {
      owner[last] = typed.slice(0, n);
      const expected = m.check(order).issues.filter((i) => i.pointer === p || i.pointer.startsWith(`${p}/`));
      assert.deepEqual(m.checkField(order, p), expected, `${p} = ${JSON.stringify(owner[last])}`);
      keystrokes++;
    }
  }
  assert.ok(keystrokes > 200, `${keystrokes} keystrokes`);
});

// A keystroke whose issues are those of the last answer on the kept text gets `=` from
// the core instead of their JSON text, and the wrapper hands out a copy of what it
// parsed: the protocol, and that no caller's change to an answer reaches the next one.
test('a keystroke with the last answer\'s issues: `=` across, a fresh copy out', async () => {
  const raw = await import(new URL('mailinfra_wasm.js', pkgDir).href);
  const { withData } = await import(new URL('data.js', pkgDir).href);
  const p = '/domains/0/mailboxes/0/email';
  const order = structuredClone(example);
  const mailbox = order.domains[0].mailboxes[0];
  const domain = order.domains[0].name;
  const fresh = () => JSON.parse(withData(() => raw.checkField(JSON.stringify(order), p)));
  // The place of the string whose opening quote is at `at` among the text's strings,
  // keys counted: what checkFieldPatched's `nth` names.
  const nthString = (text, at) => {
    let n = 0;
    for (let i = 0, inside = false; i < at; i++) {
      if (inside) {
        if (text[i] === '\\') i++;
        else if (text[i] === '"') inside = false;
      } else if (text[i] === '"') {
        inside = true;
        n++;
      }
    }
    return n;
  };
  mailbox.email = 'jo@elsewhere.com';
  const text = JSON.stringify(order);
  const nth = nthString(text, text.indexOf('"jo@elsewhere.com"'));
  const { id } = JSON.parse(raw.fieldPointer(p));
  const gen = 0x7fff0000; // beyond the wrapper's numbers
  const first = withData(() => raw.checkFieldAt(text, id, undefined, gen));
  assert.equal(raw.keptText(), gen);
  assert.deepEqual(JSON.parse(first), fresh());
  assert.equal(fresh()[0].code, 'email_domain_mismatch');
  const patched = (email) => withData(() => raw.checkFieldPatched(nth, email, id, undefined, gen));
  assert.equal(patched('jo@elsewhere.co'), '=', 'the same issues');
  assert.equal(patched('jo@elsewhere.org'), '=', 'the same issues again');
  const other = patched('bo@elsewhere.org');
  mailbox.email = 'bo@elsewhere.org';
  assert.deepEqual(JSON.parse(other), fresh(), 'other issues (another suggestion): their text');
  assert.equal(patched('bo@elsewhere.org'), '=', 'the same text again');
  assert.equal(patched(`bo@${domain}`), undefined, 'no issues: no string, never `=`');
  assert.equal(patched(`jo@${domain}`), undefined);
  assert.deepEqual(JSON.parse(patched('jo@elsewhere.com')), JSON.parse(first), 'after no issues: the text');
  assert.equal(patched('jo@elsewhere.com'), '=');
  assert.equal(raw.checkFieldPatched(nth, 'x', id, undefined, gen + 1), '!', 'a text not kept');

  // Through the wrapper: equal answers, never the same objects.
  mailbox.email = 'jo@elsewhere.com';
  const a = m.checkField(order, p);
  mailbox.email = 'jo@elsewhere.co';
  const b = m.checkField(order, p);
  mailbox.email = 'jo@elsewhere.c';
  const c = m.checkField(order, p);
  assert.deepEqual(a, fresh());
  assert.deepEqual(b, a);
  assert.deepEqual(c, a);
  assert.notEqual(b, a);
  assert.notEqual(c, b);
  assert.notEqual(c[0], b[0]);
  assert.notEqual(c[0].path, b[0].path);
  const before = structuredClone(c);
  for (const answer of [a, b, c]) {
    answer[0].message = 'changed';
    answer[0].path.push('x');
    answer.push(null);
  }
  mailbox.email = 'jo@elsewhere.org';
  assert.deepEqual(m.checkField(order, p), before);
  assert.deepEqual(m.checkField(order, p), before);
});

// The wrapper keeps the tokens of the part it last sent and, when a call finds exactly
// one string value changed, sends only that string's place and text. Random edits
// anywhere in vector orders (strings, keys, numbers, members and entries added, removed
// or set undefined, two strings at once), each followed by checks at a few fields,
// now and then of the order's JSON text: every answer equals the answer for that text.
test('checkField after random edits answers as for the JSON text', async () => {
  // The reference: the module's checkField by pointer, which keeps no text, with the
  // data packs it names (as the package reads them).
  const raw = await import(new URL('mailinfra_wasm.js', pkgDir).href);
  const { withData } = await import(new URL('data.js', pkgDir).href);
  let seed = 0x9e3779b9;
  const rand = (n) => {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return seed % n;
  };
  const pick = (list) => list[rand(list.length)];
  const strings = ['', 'a', 'x@y.com', 'Ü', '"', '\\', '\u0001', 'a.b', ' ', 'Jo', '😀', '\uD800', '12345', 'US', 'CA', '+1 650 253 0000'];
  // Every container and member key (or index) in `o`.
  const slots = (o, out = []) => {
    if (o === null || typeof o !== 'object') return out;
    for (const k of Object.keys(o)) {
      out.push([o, k]);
      slots(o[k], out);
    }
    return out;
  };
  const edit = (order) => {
    const all = slots(order);
    if (!all.length) return void (order.city = pick(strings));
    const [owner, k] = pick(all);
    const v = owner[k];
    switch (rand(8)) {
      case 0: case 1: case 2: // one string: the common keystroke
        owner[k] = typeof v === 'string' && rand(2) ? v + pick(strings) : pick(strings);
        break;
      case 3:
        owner[k] = pick([undefined, null, 0, -0, 1.5, NaN, true, [], {}]);
        break;
      case 4:
        if (Array.isArray(owner)) owner.splice(Number(k), 1);
        else delete owner[k];
        break;
      case 5: // a key renamed, its value kept
        if (!Array.isArray(owner)) {
          delete owner[k];
          owner[pick(['firstname', 'email', 'name', k + 'x', 'zipcode'])] = v;
        }
        break;
      case 6: // a copy of a sibling added
        if (Array.isArray(owner)) owner.push(structuredClone(v));
        else owner[pick(['extra', 'phoneNumber', 'city', 'domains'])] = structuredClone(v);
        break;
      default: { // two strings at once
        const both = slots(order).filter(([o, key]) => typeof o[key] === 'string');
        for (let i = 0; i < 2 && both.length; i++) {
          const [o, key] = pick(both);
          o[key] = pick(strings);
        }
      }
    }
  };
  const answer = (f) => {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      return `TypeError: ${e.message}`;
    }
  };
  const pointers = ['/domains/0/mailboxes/1/email', '/domains/0/name', '/phoneNumber', '/zipcode', '/domains/1/mailboxes/0/firstname', '/domainOwnerFirstname'];
  const dir = new URL('tests/vectors/', repoRoot);
  let compared = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const orders = JSON.parse(readFileSync(new URL(f, dir), 'utf8')).vectors
      .map((v) => v.input).filter((o) => o !== null && typeof o === 'object' && !Array.isArray(o));
    for (const start of orders.filter((_, i) => i % 7 === 0)) {
      const order = structuredClone(start);
      const p = pick(pointers);
      let undo;
      for (let step = 0; step < 12; step++) {
        // Mostly keystrokes in the checked field itself, as a form sends them, some of
        // them undone (a backspace: the value before the last keystroke again).
        const keys = p.split('/').slice(1);
        const last = keys.pop();
        const owner = keys.reduce((o, k) => (o !== null && typeof o === 'object' ? o[k] : undefined), order);
        const typing = owner !== null && typeof owner === 'object' && typeof owner[last] === 'string';
        const r = rand(4);
        if (typing && r === 0 && undo !== undefined) {
          owner[last] = undo;
          undo = undefined;
        } else if (typing && r < 3) {
          undo = owner[last];
          owner[last] += pick(strings);
        } else {
          edit(order);
        }
        // JSON.stringify escapes a lone surrogate, which an object's string reads as U+FFFD.
        const text = JSON.stringify(order).replace(/\\ud[89a-f][0-9a-f]{2}/g, '\\ufffd');
        // Now and then the order's JSON text, which the core keeps instead of the part.
        const input = rand(5) ? order : text;
        assert.deepEqual(answer(() => m.checkField(input, p)), answer(() => JSON.parse(withData(() => raw.checkField(text, p)))), `${f} ${p} step ${step}: ${text.slice(0, 300)}`);
        compared++;
      }
    }
  }
  assert.ok(compared > 2000, `${compared} compared`);
});

test('a field check that throws (bad options) leaves the next ones right', async () => {
  const raw = await import(new URL('mailinfra_wasm.js', pkgDir).href);
  const order = structuredClone(example);
  const p = '/domains/0/mailboxes/0/email';
  const mailbox = order.domains[0].mailboxes[0];
  const typed = mailbox.email;
  const fresh = () => JSON.parse(raw.checkField(JSON.stringify(order), p));
  m.checkField(order, p);
  for (const email of ['x', typed, 'y@', typed]) {
    mailbox.email = email;
    assert.throws(() => m.checkField(order, p, { nope: 1 }), TypeError);
    assert.deepEqual(m.checkField(order, p), fresh(), email);
    mailbox.email = typed; // undone: the same part as the last answered
    assert.deepEqual(m.checkField(order, p), fresh(), `${email} undone`);
  }
});

test('checkField past the wrapper\'s 1,024 kept pointers: the same answers and errors', async () => {
  const raw = await import(new URL('mailinfra_wasm.js', pkgDir).href);
  const order = { ...example, domains: [{ ...example.domains[0], name: 'bad name' }] };
  // /domains/N/name for N up to 1,099: each new pointer is kept until the table is
  // full, then goes through checkField with its text; both answer as the text path.
  for (let i = 0; i < 1100; i++) {
    const p = `/domains/${i}/name`;
    assert.deepEqual(m.checkField(order, p), JSON.parse(raw.checkField(JSON.stringify(order), p, undefined)), p);
  }
  assert.ok(m.checkField(order, '/domains/0/name').length > 0);
  assert.deepEqual(m.checkField({ ...example, phoneNumber: 'nope' }, '/phoneNumber'),
    JSON.parse(raw.checkField(JSON.stringify({ ...example, phoneNumber: 'nope' }), '/phoneNumber', undefined)));
  // A bad pointer throws its own error; bad options throw theirs first, as before.
  assert.throws(() => m.checkField(example, '/zipCode'), { name: 'TypeError', message: /did you mean "\/zipcode"\?/ });
  assert.throws(() => m.checkField(example, '/zipCode', { maxDomain: 1 }), { name: 'TypeError', message: /maxDomain/ });
  assert.throws(() => m.checkField(example, '/zipcode', { maxDomain: 1 }), { name: 'TypeError', message: /maxDomain/ });
});
