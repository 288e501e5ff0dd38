// Runs conformance vectors (tests/vectors/*.json) through the JS API, with the same
// expectations as the Rust runner (core/tests/vectors.rs). No Node APIs: the plain
// browser page runs it too.

function project(actual, expected) {
  const out = { pointer: actual.pointer, code: actual.code, severity: actual.severity };
  if (expected && typeof expected === 'object' && 'suggestion' in expected) {
    out.suggestion = 'suggestion' in actual ? actual.suggestion : null;
  }
  return out;
}

// Structural equality where object key order does not count (as serde_json::Value ==).
function same(a, b) {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
}

function compareIssues(actual, expected, name, failures) {
  const exp = Array.isArray(expected) ? expected : [];
  const got = (Array.isArray(actual) ? actual : []).map((a, i) => project(a, exp[i]));
  if (!same(got, exp)) {
    failures.push(`${name}: issues\n  expected ${JSON.stringify(exp)}\n  actual   ${JSON.stringify(actual)}`);
  }
}

// A string given where a JSON *value* is meant travels as its JSON text (the API
// reads a string argument as JSON text).
const asValue = (input) => (typeof input === 'string' ? JSON.stringify(input) : input);

// A number written `2.0` or `1e3` in the vector is a float to serde_json but a plain
// integer to JS: such inputs go through the text entry point as the file's own text.
function valueOrText(v) {
  if (!v.floatLexeme) return asValue(v.input);
  if (v.options && 'maxInputBytes' in v.options) throw new Error('float input with maxInputBytes');
  return v.rawInput;
}

function runSuggest(api, v, failures) {
  const s = api.suggestMailboxes(v.input);
  if (!same(s.addresses, v.expect.addresses)) {
    failures.push(`${v.name}: addresses\n  expected ${JSON.stringify(v.expect.addresses)}\n  actual   ${JSON.stringify(s.addresses)}`);
  }
  compareIssues(s.issues, v.expect.issues, v.name, failures);
}

function runBuild(api, v, failures) {
  const r = api.buildOrder(v.input.registrant, v.input.rows, { ...v.options, esp: v.input.esp, plan: v.input.plan });
  if (v.expect.valid !== r.valid) failures.push(`${v.name}: valid is ${r.valid}, expected ${v.expect.valid}`);
  const got = r.issues.map((i) => ({
    pointer: i.pointer, code: i.code, severity: i.severity, row: i.row ?? null, column: i.column ?? null,
  }));
  if (!same(got, v.expect.issues)) {
    failures.push(`${v.name}: issues\n  expected ${JSON.stringify(v.expect.issues)}\n  actual   ${JSON.stringify(got)}`);
  }
  if ('order' in v.expect && JSON.stringify(r.order) !== JSON.stringify(v.expect.order)) {
    failures.push(`${v.name}: order\n  expected ${JSON.stringify(v.expect.order)}\n  actual   ${JSON.stringify(r.order)}`);
  }
}

export function runVector(api, v, failures) {
  const name = v.name;
  const options = v.options;
  const { input, expect } = v;
  let report;
  switch (v.mode) {
    case 'check': report = api.check(valueOrText(v), options); break;
    case 'prepare': report = api.prepare(valueOrText(v), options); break;
    case 'suggest': return runSuggest(api, v, failures);
    case 'build': return runBuild(api, v, failures);
    case 'check_json': report = api.check(typeof input === 'string' ? input : '', options); break;
    case 'prepare_json': report = api.prepare(typeof input === 'string' ? input : '', options); break;
    case 'check_field': {
      if ('error' in expect) {
        try {
          api.checkField(valueOrText(v), v.pointer ?? '', options);
          failures.push(`${name}: expected a TypeError`);
        } catch (e) {
          const nearest = expect.nearest == null ? '' : JSON.stringify(expect.nearest);
          if (!(e instanceof TypeError) || !e.message.includes(nearest)) {
            failures.push(`${name}: expected a TypeError naming ${nearest}, got ${e}`);
          }
        }
        return;
      }
      const issues = api.checkField(valueOrText(v), v.pointer ?? '', options);
      return compareIssues(issues, expect.issues, name, failures);
    }
    case 'to_ascii':
    case 'to_unicode': {
      const s = typeof input === 'string' ? input : '';
      const output = v.mode === 'to_ascii' ? api.domainToAscii(s) : api.domainToUnicode(s);
      if (!same({ output }, expect)) {
        failures.push(`${name}: expected ${JSON.stringify(expect)}, got ${JSON.stringify({ output })}`);
      }
      return;
    }
    default:
      failures.push(`${name}: unknown mode ${JSON.stringify(v.mode)}`);
      return;
  }
  if (expect.valid !== report.valid) {
    failures.push(`${name}: valid is ${report.valid}, expected ${expect.valid}`);
  }
  compareIssues(report.issues, expect.issues, name, failures);
  if ('order' in expect) {
    // Serialized text, so that key order counts too.
    const got = JSON.stringify(report.order ?? null);
    if (got !== JSON.stringify(expect.order)) {
      failures.push(`${name}: order\n  expected ${JSON.stringify(expect.order)}\n  actual   ${got}`);
    }
  }
}

/**
 * Runs every vector of one file; returns { count, failures, pendingRounds }. Where the
 * package fetches data packs (browsers), a call made before its packs are loaded throws
 * a DataPendingError: the runner awaits its `ready` and runs the vector again.
 */
export async function runFile(api, fileName, doc) {
  const failures = [];
  const names = new Set();
  let pendingRounds = 0;
  const vectors = Array.isArray(doc.vectors) ? doc.vectors : [];
  if (vectors.length === 0) failures.push(`${fileName} has no vectors`);
  for (const v of vectors) {
    if (names.has(v.name)) failures.push(`${fileName}: duplicate name ${v.name}`);
    names.add(v.name);
    const before = failures.length;
    for (let round = 0; ; round++) {
      try {
        runVector(api, v, failures);
      } catch (e) {
        if (e instanceof api.DataPendingError && round < 8) {
          failures.length = before;
          pendingRounds++;
          await e.ready;
          continue;
        }
        failures.push(`${v.name}: threw ${e && e.stack ? e.stack : e}`);
      }
      break;
    }
    for (let i = before; i < failures.length; i++) failures[i] = `${fileName}: ${failures[i]}`;
  }
  return { count: vectors.length, failures, pendingRounds };
}
