// The host side of the Unicode conformance test (unicode-host.test.mjs), the same
// code in Node and in a Chromium page: `load(name)` reads a file the test wrote to
// test-output/unicode-host/ (inputs.jsonl, native.jsonl, NormalizationTest.txt,
// DerivedAge.txt, UnicodeData.txt, SpecialCasing.txt, DerivedCoreProperties.txt), and
// `probe` is the wasm module (unicode/examples/probe.rs, host back end) initialized.

const CHUNK = 20_000;

/** `assigned[cp]` is 1 for each code point DerivedAge.txt gives an age. */
export function assignedIn(derivedAge) {
  const assigned = new Uint8Array(0x110000);
  for (const f of ucdLines(derivedAge)) {
    const [first, last = first] = f[0].split('..').map((h) => parseInt(h, 16));
    assigned.fill(1, first, last + 1);
  }
  return assigned;
}

/**
 * Unicode's NormalizationTest.txt: rows [c1..c5], and the code points part 1 does not
 * list (their own form in every normalization form): all of them, and those assigned
 * in the file's version (DerivedAge.txt of the same version), since a later
 * normalizer may decompose a code point assigned since.
 */
export function normalizationRows(text, derivedAge) {
  const rows = [];
  const listed = new Set();
  let part = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('@')) { part = line.split('#')[0].trim(); continue; }
    const body = line.split('#')[0].trim();
    if (!body) continue;
    const cols = body.split(';').slice(0, 5).map((c) => String.fromCodePoint(...c.trim().split(' ').map((h) => parseInt(h, 16))));
    rows.push(cols);
    if (part === '@Part1') listed.add(cols[0].codePointAt(0));
  }
  const assigned = assignedIn(derivedAge);
  const unlisted = [];
  const unlistedAssigned = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if ((cp >= 0xd800 && cp <= 0xdfff) || listed.has(cp)) continue;
    unlisted.push(String.fromCodePoint(cp));
    if (assigned[cp]) unlistedAssigned.push(String.fromCodePoint(cp));
  }
  return { rows, unlisted, unlistedAssigned };
}

/**
 * The conformance invariants of NormalizationTest.txt for a normalizer `nf(s, form)`
 * over the forms given: c2 = NFC(c1..c3), c4 = NFC(c4, c5); c4 = NFKC(c1..c5);
 * c3 = NFD(c1..c3), c5 = NFD(c4, c5); c5 = NFKD(c1..c5); every unlisted code point
 * its own form. Returns the count of failures and the first few.
 */
export function normalizationConformance({ rows, unlisted }, nf, forms) {
  const want = {
    NFC: (c) => [c[1], c[1], c[1], c[3], c[3]],
    NFD: (c) => [c[2], c[2], c[2], c[4], c[4]],
    NFKC: (c) => [c[3], c[3], c[3], c[3], c[3]],
    NFKD: (c) => [c[4], c[4], c[4], c[4], c[4]],
  };
  const fails = [];
  for (const c of rows) {
    for (const form of forms) {
      const w = want[form](c);
      for (let i = 0; i < 5; i++) if (nf(c[i], form) !== w[i]) fails.push({ form, row: c, col: i + 1 });
    }
  }
  for (const x of unlisted) for (const form of forms) if (nf(x, form) !== x) fails.push({ form, unlisted: x });
  return { rows: rows.length, unlisted: unlisted.length, failCount: fails.length, fails: fails.slice(0, 10) };
}

/** The fields of a UCD file's data lines (comments and blank lines dropped). */
function ucdLines(text) {
  const out = [];
  for (const line of text.split('\n')) {
    const body = line.split('#')[0].trim();
    if (body) out.push(body.split(';').map((f) => f.trim()));
  }
  return out;
}

const hexString = (f) => (f ? String.fromCodePoint(...f.split(' ').map((h) => parseInt(h, 16))) : '');

/**
 * The reference case mapping of the UCD files given (root locale): each code point's
 * full mappings (SpecialCasing.txt's unconditional entries over UnicodeData.txt's
 * simple ones, itself when neither has one), and Final_Sigma with Cased and
 * Case_Ignorable of DerivedCoreProperties.txt. Returns `{ lower, lowerEach, upper }`,
 * each a function of a string.
 */
export function caseReference(unicodeData, specialCasing, coreProperties) {
  const lowerOf = new Map();
  const upperOf = new Map();
  for (const f of ucdLines(unicodeData)) {
    const cp = parseInt(f[0], 16);
    if (f[13]) lowerOf.set(cp, hexString(f[13]));
    if (f[12]) upperOf.set(cp, hexString(f[12]));
  }
  for (const f of ucdLines(specialCasing)) {
    if (f.length > 4 && f[4]) continue; // a condition: Final_Sigma (below) or a language
    const cp = parseInt(f[0], 16);
    lowerOf.set(cp, hexString(f[1]));
    upperOf.set(cp, hexString(f[3]));
  }
  const cased = new Uint8Array(0x110000);
  const ignorable = new Uint8Array(0x110000);
  for (const f of ucdLines(coreProperties)) {
    const set = f[1] === 'Cased' ? cased : f[1] === 'Case_Ignorable' ? ignorable : null;
    if (!set) continue;
    const [first, last = first] = f[0].split('..').map((h) => parseInt(h, 16));
    set.fill(1, first, last + 1);
  }
  // Final_Sigma: a cased letter before (case-ignorable ones skipped), none after.
  const casedNext = (cps, i, step) => {
    for (let j = i + step; j >= 0 && j < cps.length; j += step) {
      if (!ignorable[cps[j]]) return cased[cps[j]] === 1;
    }
    return false;
  };
  const each = (map) => (s) => Array.from(s, (c) => map.get(c.codePointAt(0)) ?? c).join('');
  const lowerEach = each(lowerOf);
  return {
    lower: (s) => {
      const cps = Array.from(s, (c) => c.codePointAt(0));
      return cps.map((cp, i) => (cp === 0x3a3 && casedNext(cps, i, -1) && !casedNext(cps, i, 1)
        ? '\u03c2' : lowerEach(String.fromCodePoint(cp)))).join('');
    },
    lowerEach,
    upper: each(upperOf),
  };
}

/**
 * Each input's case answers (`lower`, `lowerEach`, `upper` at `at`..`at + 2` of its
 * answer array) against the reference; the count of failures and the first few.
 */
export function caseConformance(ref, inputs, answers, at) {
  const fails = [];
  for (let i = 0; i < inputs.length; i++) {
    const s = inputs[i];
    const a = JSON.parse(answers[i]);
    const want = [ref.lower(s), ref.lowerEach(s), ref.upper(s)];
    for (let k = 0; k < 3; k++) if (a[at + k] !== want[k]) fails.push({ input: s, kind: ['lower', 'lowerEach', 'upper'][k], got: a[at + k], want: want[k] });
  }
  return { inputs: inputs.length, failCount: fails.length, fails: fails.slice(0, 10) };
}

/**
 * The host's own toLowerCase/toUpperCase of each code point assigned in the reference's
 * version (`assigned[cp]`) against the reference: where they differ, and whether every
 * difference maps to a code point the version lacks (what the guard leaves out; any
 * other difference the guard would not catch).
 */
export function hostCaseDifferences(ref, assigned) {
  const differ = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (!assigned[cp] || (cp >= 0xd800 && cp <= 0xdfff)) continue;
    const c = String.fromCodePoint(cp);
    for (const [kind, host, want] of [['lower', c.toLowerCase(), ref.lower(c)], ['upper', c.toUpperCase(), ref.upper(c)]]) {
      if (host !== want) {
        const guarded = Array.from(host).some((x) => !assigned[x.codePointAt(0)]);
        differ.push({ cp: cp.toString(16).toUpperCase(), kind, host, want, guarded });
      }
    }
  }
  return differ;
}

/** The probe's answers for JSON-string lines, in chunks; the last line names its back end. */
function probeAnswers(probe, lines) {
  const out = [];
  let meta = null;
  for (let i = 0; i < lines.length; i += CHUNK) {
    const got = probe.answers(`${lines.slice(i, i + CHUNK).join('\n')}\n`).split('\n');
    got.pop();
    meta = JSON.parse(got.pop());
    out.push(...got);
  }
  return { answers: out, meta };
}

/** The host's Unicode versions as far as they can be seen (a browser reports none). */
export function hostVersions() {
  const probes = [['15.0', 0x1e4d0], ['15.1', 0x2ebf0], ['16.0', 0x1e5d0], ['17.0', 0x10940]];
  let regex = 'older than 15.0';
  for (const [v, cp] of probes) if (/^\P{Cn}$/u.test(String.fromCodePoint(cp))) regex = v;
  const p = globalThis.process?.versions;
  return {
    newestAssignedProbe: regex,
    icu: p?.icu ?? null,
    unicode: p?.unicode ?? null,
    engine: globalThis.navigator?.userAgent ?? `Node ${p?.node}`,
  };
}

/**
 * The whole host run: NormalizationTest through the host (the code points assigned in
 * 15.0) and through the probe (every code point: the guard leaves the others alone);
 * every input through the probe vs the native answers.
 */
export async function hostRun(load, probe) {
  const started = Date.now();
  const table = normalizationRows(await load('NormalizationTest.txt'), await load('DerivedAge.txt'));
  const host = normalizationConformance({ rows: table.rows, unlisted: table.unlistedAssigned },
    (s, f) => s.normalize(f), ['NFC', 'NFD', 'NFKC', 'NFKD']);

  // The guarded interface on the same file: its NFC, NFKC and NFKD columns.
  const strings = [...new Set([...table.rows.flat(), ...table.unlisted])];
  const { answers: sa } = probeAnswers(probe, strings.map((s) => JSON.stringify(s)));
  const idx = { NFC: 0, NFKC: 1, NFKD: 2 };
  const byString = new Map(strings.map((s, i) => [s, JSON.parse(sa[i])]));
  const guarded = normalizationConformance(table, (s, f) => byString.get(s)[idx[f]], ['NFC', 'NFKC', 'NFKD']);

  // Every input: the probe (host back end) vs the native answers, line by line.
  const inputs = (await load('inputs.jsonl')).split('\n').slice(0, -1);
  const native = (await load('native.jsonl')).split('\n').slice(0, -1);
  const nativeMeta = JSON.parse(native.pop());
  const { answers, meta } = probeAnswers(probe, inputs);
  const diffs = [];
  for (let i = 0; i < inputs.length; i++) {
    if (answers[i] !== native[i]) diffs.push({ input: JSON.parse(inputs[i]), host: answers[i], native: native[i] });
  }

  // Case mapping: every input's answers on both back ends against the 15.0 files, and
  // the host's own mappings where they differ from 15.0.
  const ref = caseReference(await load('UnicodeData.txt'), await load('SpecialCasing.txt'),
    await load('DerivedCoreProperties.txt'));
  const strings15 = inputs.map((l) => JSON.parse(l));
  const hostCase = hostCaseDifferences(ref, assignedIn(await load('DerivedAge.txt')));
  return {
    versions: hostVersions(),
    backends: { probe: meta, native: nativeMeta },
    hostNormalizationTest: host,
    guardedNormalizationTest: guarded,
    inputs: inputs.length,
    nativeAnswers: native.length,
    differ: diffs.length,
    examples: diffs.slice(0, 10),
    caseReference: {
      host: caseConformance(ref, strings15, answers, 6),
      native: caseConformance(ref, strings15, native, 6),
    },
    hostCaseDifferences: hostCase,
    ms: Date.now() - started,
  };
}
