// The package's API over the wasm-bindgen glue: parses the JSON text each export
// returns and guards against calls before the module is ready. No rule logic here.
import initGlue, * as raw from './mailinfra_wasm.js';
import { bulk, initBulk } from './bulk.js';
import { MAX_DEPTH } from './constants.js';
import { orderInputJsonSchema, orderJsonSchema } from './order-schema.js';
import { DataPendingError, loadData, whenData, withData } from './data.js';

export { DataPendingError, initBulk, loadData, orderJsonSchema };

let ready = false;
let pending = null;

/**
 * Browsers: fetch and instantiate the .wasm (once; later calls return at once).
 * `input` is optional: a URL, a Response, bytes or a WebAssembly.Module, or a Promise
 * of one, so a page can start the download and compilation before this module loads
 * (`WebAssembly.compileStreaming(fetch(url))` in an inline script: demo/index.html).
 */
export async function init(input) {
  if (ready) return;
  if (!pending) {
    pending = initGlue(input === undefined ? undefined : { module_or_path: input }).then(
      () => { ready = true; },
      (e) => { pending = null; throw e; },
    );
  }
  await pending;
}

/** Synchronous instantiation from bytes or a compiled WebAssembly.Module. */
export function initSync(module) {
  if (ready) return;
  raw.initSync({ module });
  ready = true;
}

function need() {
  if (!ready) {
    throw new Error('mailinfra: the WebAssembly module is not loaded yet; call `await init()` first');
  }
}

// Fast path for object inputs: their JSON text (JSON.stringify is native, and one
// string crosses the boundary), which the core reads as it reads any JSON text. Taken
// only when a quick scan proves the text is what the wasm walk would read, and within
// maxInputBytes (so the text entry point refuses nothing the walk would accept): plain
// objects and arrays of strings, numbers, booleans, null and undefined, at most
// MAX_DEPTH levels, no lone surrogates. Anything else (cycles, BigInt, symbols,
// functions, class instances, proxies or getters that throw, large inputs) goes to the
// walk in wasm, which bounds depth and size and reports a refusal as an issue.
const wellFormed = (s) => (s.isWellFormed ? s.isWellFormed() : !/[\uD800-\uDFFF]/.test(s));

// One bounded walk of plain data: an upper bound of its compact JSON size (a UTF-16
// unit takes at most 6 bytes, `\u001f`; a number at most 24), checked as it grows so
// that the walk's work is bounded too; and, when asked, the value that
// `JSON.parse(JSON.stringify(v))` gives, each member read once. `prepare` sends that
// copy's text and, when the core finds the order unchanged, returns the copy as the
// report's order instead of reading the order back.
const NOT_PLAIN = Symbol('not plain');

// `v` (at level `depth`) as plain data, copied when `walk.copy`, its bound taken from
// `walk.left`; NOT_PLAIN once the bound passes the limit or `v` is not plain data.
// Recursive: MAX_DEPTH bounds the recursion.
function plain(v, depth, walk) {
  switch (typeof v) {
    case 'string':
      walk.left -= 6 * v.length + 2;
      return walk.left < 0 || !wellFormed(v) ? NOT_PLAIN : v;
    case 'number':
      walk.left -= 24;
      // JSON has no NaN, Infinity or -0: null, null and 0.
      return walk.left < 0 ? NOT_PLAIN : !walk.copy ? v : Number.isFinite(v) ? v + 0 : null;
    case 'boolean':
    case 'undefined':
      walk.left -= 5;
      return walk.left < 0 ? NOT_PLAIN : v;
    case 'object': {
      if (v === null) {
        walk.left -= 5;
        return walk.left < 0 ? NOT_PLAIN : null;
      }
      if (depth >= MAX_DEPTH) return NOT_PLAIN;
      if (Array.isArray(v)) {
        const n = v.length;
        walk.left -= 2 + n;
        if (walk.left < 0) return NOT_PLAIN;
        const out = walk.copy ? new Array(n) : v;
        for (let i = 0; i < n; i++) {
          const x = plain(v[i], depth + 1, walk);
          if (x === NOT_PLAIN) return NOT_PLAIN;
          if (walk.copy) out[i] = x === undefined ? null : x;
        }
        return out;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
      walk.left -= 2;
      const out = walk.copy ? {} : v;
      // for-in lists what Object.keys lists, plus inherited enumerable keys: those
      // (someone's Object.prototype additions) are refused.
      for (const k in v) {
        if (!Object.prototype.hasOwnProperty.call(v, k) || !wellFormed(k)) return NOT_PLAIN;
        walk.left -= 6 * k.length + 4;
        const x = plain(v[k], depth + 1, walk);
        if (x === NOT_PLAIN) return NOT_PLAIN;
        if (!walk.copy || x === undefined) continue;
        // JSON.parse makes `__proto__` an own member; an assignment would set the prototype.
        if (k === '__proto__') Object.defineProperty(out, k, { value: x, writable: true, enumerable: true, configurable: true });
        else out[k] = x;
      }
      return walk.left < 0 ? NOT_PLAIN : out;
    }
    default:
      return NOT_PLAIN;
  }
}

// An object or list of plain data whose bound is within `limit`: its copy when `copy`,
// else its bound; NOT_PLAIN otherwise, a throwing getter included.
function plainWithin(v, limit, copy) {
  if (v === null || typeof v !== 'object') return NOT_PLAIN;
  const walk = { left: limit, copy };
  try {
    const out = plain(v, 0, walk);
    return out === NOT_PLAIN || copy ? out : limit - walk.left;
  } catch {
    return NOT_PLAIN;
  }
}

// The size bound of plain data within maxInputBytes; -1 otherwise (the walk reads it).
function sizeOf(order, limit) {
  const size = plainWithin(order, limit, false);
  return size === NOT_PLAIN ? -1 : size;
}

// The JSON text of plain data within maxInputBytes, else the order itself (for the walk).
function asText(order, options, size = sizeOf(order, maxInput(options))) {
  if (size < 0) return order;
  try {
    return JSON.stringify(order);
  } catch {
    return order;
  }
}

// Options cross the same way: plain options as JSON text (a string option is itself
// sent as JSON text, so the core still sees a string), anything else as the value. A
// JSON bound over OPTIONS_TEXT bytes (options are six small members) is walked.
const OPTIONS_TEXT = 4096;
function optionsText(options) {
  if (typeof options === 'string') return JSON.stringify(options);
  if (options === null || typeof options !== 'object') return options;
  if (plainWithin(options, OPTIONS_TEXT, false) === NOT_PLAIN) return options;
  try {
    return JSON.stringify(options); // a getter may throw the second time it is read
  } catch {
    return options;
  }
}

// checkField's pointers, each parsed once by the core, which keeps it under an id (a
// number crosses instead of the pointer's text) and names the part of the order the
// field's check reads: when the whole order is certainly within the input limits,
// only that part is sent, so a keystroke in a long form costs about what it costs in
// a short one. `null`: a pointer that is not a short string or names no field
// (`raw.checkField` then throws its error).
const fields = new Map();
function fieldOf(pointer) {
  if (typeof pointer !== 'string' || pointer.length > 256) return null;
  let field = fields.get(pointer);
  if (field === undefined) {
    const text = raw.fieldPointer(pointer);
    field = text === undefined ? null : JSON.parse(text);
    if (field !== null) field.part = field.part === null ? ALL : partNode(field.part);
    if (fields.size < 1024) fields.set(pointer, field);
  }
  return field;
}
let defaultMaxInput = null;
function maxInput(options) {
  let max;
  try {
    max = options !== null && typeof options === 'object' ? options.maxInputBytes : undefined;
  } catch {
    return -1; // the walk reads the options and throws their TypeError
  }
  if (max === undefined) {
    defaultMaxInput ??= JSON.parse(raw.defaultOptions()).maxInputBytes;
    return defaultMaxInput;
  }
  return typeof max === 'number' ? max : -1;
}

// The part of an order a field check reads, as tokens: the JSON text of that part read
// as the wrapper reads it. OPEN, each member's key and value, CLOSE; LIST, each entry,
// CLOSE; every other value as JSON writes it. The core keeps the part's text it last
// read (as the number `kept.gen`) and the wrapper its tokens: a keystroke changes one
// string, and reading the part against the tokens finds which, so that only its place
// among the text's strings (keys counted) and its new text cross
// (`checkFieldPatched`), not the part.
const OPEN = {};
const LIST = {};
const CLOSE = {};
let kept = null; // { id, gen, tokens, answer }
let gens = 0;

// A part (mailinfra::Part as JSON) as `read` reads it: ALL the whole value (`true`);
// NONE nothing (`false`, written `0`); MEMBERS those of an object (`keys`, their
// `parts`); ENTRIES the entries of a list, all of them in part `earlier` when `index`
// is -1, else those up to `index`, that one in part `at`. A value the part does not fit
// (not an object, not a list) is written `0`, which the check reads as it reads the
// value; a member JSON.stringify leaves out is left out.
const [WHOLE, NOTHING, MEMBERS, ENTRIES] = [0, 1, 2, 3];
const ALL = { kind: WHOLE };
const NONE = { kind: NOTHING };
function partNode(part) {
  if (part === true) return ALL;
  if (part === false) return NONE;
  if (Array.isArray(part)) {
    const earlier = partNode(part[0]);
    return part.length > 1
      ? { kind: ENTRIES, earlier, index: part[1], at: partNode(part[2]) }
      : { kind: ENTRIES, earlier, index: -1, at: earlier };
  }
  return { kind: MEMBERS, keys: Object.keys(part), parts: Object.values(part).map(partNode) };
}

// One token of the part (`s`): recorded onto `s.tokens` when `s.record`, else compared
// with the next one there (`s.differs` once one differs).
function token(t, s) {
  if (s.record) s.tokens.push(t);
  else if (s.tokens[s.i++] !== t) s.differs = true;
}

// A string of the part, a key included: as `token`, except that the first string value
// to differ from a string is noted (`s.at`, `s.nth`, `s.text`) instead.
function text(v, s, key) {
  if (s.record) {
    s.tokens.push(v);
  } else {
    const old = s.tokens[s.i++];
    if (old !== v) {
      if (!key && typeof old === 'string' && s.at < 0) {
        s.at = s.i - 1;
        s.nth = s.strings;
        s.text = v;
      } else {
        s.differs = true;
      }
    }
  }
  s.strings++;
}

// The tokens of `v` (at level `depth`), plain data, as JSON writes it. `plain` proved
// it plain, but a getter read again may answer otherwise: anything else throws.
function whole(v, s, depth) {
  switch (typeof v) {
    case 'string': return text(v, s, false);
    case 'number': return token(Number.isFinite(v) ? v + 0 : null, s);
    case 'boolean': return token(v, s);
    case 'undefined': return token(null, s); // an entry (a member left out is skipped)
    case 'object': if (v === null) return token(null, s); break;
    default: throw NOT_PLAIN;
  }
  if (depth >= MAX_DEPTH) throw NOT_PLAIN;
  if (Array.isArray(v)) {
    token(LIST, s);
    for (let i = 0; i < v.length; i++) whole(v[i], s, depth + 1);
  } else {
    token(OPEN, s);
    for (const k in v) {
      const x = v[k];
      if (x === undefined) continue;
      text(k, s, true);
      whole(x, s, depth + 1);
    }
  }
  return token(CLOSE, s);
}

// The tokens of part `n` of `v`, plain data.
function read(v, n, s) {
  if (n.kind === WHOLE) return whole(v, s, 0);
  if (n.kind === ENTRIES && Array.isArray(v)) {
    token(LIST, s);
    const len = n.index < 0 ? v.length : Math.min(v.length, n.index + 1);
    for (let i = 0; i < len; i++) read(v[i], i === n.index ? n.at : n.earlier, s);
    return token(CLOSE, s);
  }
  if (n.kind !== MEMBERS || v === null || typeof v !== 'object' || Array.isArray(v)) return token(0, s);
  token(OPEN, s);
  const { keys, parts } = n;
  for (let j = 0; j < keys.length; j++) {
    const k = keys[j];
    if (!Object.prototype.propertyIsEnumerable.call(v, k)) continue;
    const x = v[k];
    if (x === undefined) continue;
    text(k, s, true);
    read(x, parts[j], s);
  }
  return token(CLOSE, s);
}

// `read` of an order from the start; false if a getter throws or answers otherwise.
function readOrder(order, part, s) {
  try {
    read(order, part, s);
    return true;
  } catch {
    return false;
  }
}

// A reading's state: comparing with `tokens`, or recording onto them when `record`.
const reading = (tokens, record) => (
  { tokens, record, i: 0, strings: 0, differs: false, at: -1, nth: -1, text: '' }
);

// The JSON text of tokens.
function textOf(tokens) {
  let out = '';
  const open = []; // per open object or list: [is an object, tokens written in it]
  for (const t of tokens) {
    if (t === CLOSE) {
      out += open.pop()[0] ? '}' : ']';
      continue;
    }
    const top = open[open.length - 1];
    if (top !== undefined) {
      if (top[0]) out += top[1] % 2 ? ':' : top[1] ? ',' : '';
      else if (top[1]) out += ',';
      top[1]++;
    }
    if (t === OPEN || t === LIST) {
      out += t === OPEN ? '{' : '[';
      open.push([t === OPEN, 0]);
    } else {
      out += JSON.stringify(t);
    }
  }
  return out;
}

// `field`'s issues in `order`, plain data within the limits, as JSON text (undefined:
// none), by its part: by one changed string when the part reads as the core's kept
// text but for that string, else by the part's whole text, which the core keeps.
// NOT_PLAIN if a getter throws (the walk reads the order).
function partIssues(order, field, opts) {
  if (kept?.id === field.id) {
    const s = reading(kept.tokens, false);
    if (!readOrder(order, field.part, s)) return NOT_PLAIN;
    if (!s.differs && s.i === s.tokens.length) {
      const { gen } = kept;
      let issues;
      try {
        issues = withData(() => raw.checkFieldPatched(s.nth, s.text, field.id, opts, gen));
      } catch (e) {
        // Its data pending, or bad options: the core may have changed its text or
        // not. The next call sends the whole part.
        kept = null;
        throw e;
      }
      if (issues !== '!') {
        if (s.at >= 0) kept.tokens[s.at] = s.text;
        // `=`: the issues the core last answered on this text, as kept here.
        if (issues === '=') return kept.answer;
        kept.answer = issues;
        return issues;
      }
    }
  }
  const s = reading([], true);
  if (!readOrder(order, field.part, s)) return NOT_PLAIN;
  const gen = ++gens;
  kept = null;
  const issues = withData(() => raw.checkFieldAt(textOf(s.tokens), field.id, opts, gen));
  if (raw.keptText() === gen) kept = { id: field.id, gen, tokens: s.tokens, answer: issues };
  return issues;
}

export function check(order, options) {
  need();
  const text = asText(order, options);
  const opts = optionsText(options);
  return JSON.parse(withData(() => raw.check(text, opts)));
}
export function prepare(order, options) {
  need();
  const limit = maxInput(options); // read first, as check and checkField read it
  const opts = optionsText(options);
  const copy = plainWithin(order, limit, true);
  if (copy === NOT_PLAIN) return JSON.parse(withData(() => raw.prepare(order, opts)));
  const text = JSON.stringify(copy);
  const out = withData(() => raw.prepareKeeping(text, opts));
  // `=`: the report without its order, which is the text sent: the copy. `~`: the
  // report without its order, and the values prepare replaced in it, each at a pointer
  // of the contract's field names and list indices (nothing escaped, no `__proto__`).
  let report;
  if (out.startsWith('=')) {
    report = JSON.parse(out.slice(1));
  } else if (out.startsWith('~')) {
    let changes;
    [report, changes] = JSON.parse(out.slice(1));
    for (const [pointer, value] of changes) {
      const keys = pointer.split('/');
      const last = keys.pop();
      let owner = copy;
      for (let i = 1; i < keys.length; i++) owner = owner[keys[i]];
      owner[last] = value;
    }
  } else {
    return JSON.parse(out);
  }
  report.order = copy;
  return report;
}
export function checkField(order, pointer, options) {
  need();
  const field = fieldOf(pointer);
  const size = sizeOf(order, maxInput(options));
  const opts = optionsText(options);
  const issues = field === null || size < 0 || Array.isArray(order) ? NOT_PLAIN : partIssues(order, field, opts);
  let out = issues;
  if (issues === NOT_PLAIN) {
    const text = asText(order, options, size);
    // JSON text (the caller's, or the order's) is kept by the core under a new number,
    // and the core then finds a keystroke's string itself.
    const gen = ++gens;
    out = field === null
      ? withData(() => raw.checkField(text, pointer, opts))
      : withData(() => raw.checkFieldAt(text, field.id, opts, gen));
  }
  // A field without issues, the common case: no parse (checkFieldAt: no string).
  return out === undefined || out === '[]' ? [] : issuesOf(out);
}

// The last answer with issues, as text, and parsed once it came twice. While a person
// types, keystroke after keystroke often gets the same answer (an address on another
// domain), and a copy of what was parsed costs a fraction of parsing again; other
// answers (those that quote the text typed) are parsed and handed out as before. The
// caller gets a copy of a kept value, never the value, which it may change.
let lastAnswer = { text: '', issues: undefined };
function issuesOf(text) {
  if (lastAnswer.text !== text) {
    lastAnswer = { text, issues: undefined };
    return JSON.parse(text);
  }
  lastAnswer.issues ??= JSON.parse(text);
  return plainWithin(lastAnswer.issues, Infinity, true);
}
// Standard Schema v1 (https://standardschema.dev): the order as a validator that form
// libraries (react-hook-form's standardSchemaResolver, TanStack Form's validators) and
// servers (tRPC, Hono) accept as is. Errors fail validation, warnings never do; an
// issue is our Issue itself (message and path as the spec asks, plus code, severity,
// suggestion and pointer). It is a Standard JSON Schema too (`jsonSchema`): the
// order's generated JSON Schema, for tools that turn a schema into a form or OpenAPI.

// The generated schema for a Standard JSON Schema target: 2020-12 as generated;
// draft-07 names `$defs` `definitions`, the one difference our schema meets.
function schemaFor(schema, target) {
  if (target === 'draft-2020-12') return structuredClone(schema);
  if (target === 'draft-07') {
    const { $defs, ...rest } = JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', '"#/definitions/'));
    return { ...rest, $schema: 'http://json-schema.org/draft-07/schema#', definitions: $defs };
  }
  throw new Error(`mailinfra: no JSON Schema for the target ${JSON.stringify(target)} (draft-2020-12 and draft-07 are supported)`);
}

/**
 * A Standard Schema of the order with these options: prepare's semantics (the value
 * is the canonical order), or with `{ strict: true }` check's (the value is the input).
 */
export function orderSchemaWith(options, { strict = false } = {}) {
  const run = strict === true ? check : prepare;
  const result = (value) => {
    // A string is a value here, not JSON text: the core reports it as not an object.
    const report = run(typeof value === 'string' ? JSON.stringify(value) : value, options);
    if (report.valid) return { value: run === check ? value : report.order };
    return { issues: report.issues.filter((i) => i.severity === 'error') };
  };
  const props = {
    version: 1,
    vendor: 'mailinfra',
    // Before the module or the data a check needs is loaded: while `init()` is in
    // flight, or while data packs are fetched, a Promise that settles after (the spec
    // allows one; react-hook-form and TanStack's async validators await it); with no
    // `init()` called, the same Error as every other function.
    validate: (value) => (!ready && pending ? pending.then(() => whenData(() => result(value))) : whenData(() => result(value))),
    // What it takes: check's semantics take the order itself, prepare's anything it can fix.
    jsonSchema: Object.freeze({
      input: ({ target } = {}) => schemaFor(run === check ? orderJsonSchema : orderInputJsonSchema, target),
      output: ({ target } = {}) => schemaFor(orderJsonSchema, target),
    }),
  };
  return Object.freeze({ '~standard': Object.freeze(props) });
}
/** prepare's semantics: no error -> `{ value: <canonical order> }`, else `{ issues }`. */
export const orderSchema = orderSchemaWith();
/** check's semantics: no error -> `{ value: <the input> }`, else `{ issues }`. */
export const strictOrderSchema = orderSchemaWith(undefined, { strict: true });
/** The country's hints; while its data pack is fetched (browsers), a Promise of them. */
export function addressFormat(country) {
  need();
  return whenData(() => JSON.parse(withData(() => raw.addressFormat(country))));
}
export function countries() { need(); return JSON.parse(raw.countries()); }
export function domainToAscii(domain) { need(); return withData(() => raw.domainToAscii(domain)) ?? null; }
export function domainToUnicode(domain) { need(); return withData(() => raw.domainToUnicode(domain)) ?? null; }
export function dataVersions() { need(); return JSON.parse(raw.dataVersions()); }
export function issueCodes() { need(); return JSON.parse(raw.issueCodes()); }
export function defaultOptions() { need(); return JSON.parse(raw.defaultOptions()); }
export function suggestMailboxes(request) { return JSON.parse(bulk().suggestMailboxes(request)); }
/**
 * `buildOrder(registrant, rows, options?)`: rows is any iterable of objects keyed by
 * column (an array, a generator); `options` may carry `esp` and `plan` besides the
 * contract's options.
 */
export function buildOrder(registrant, rows, options) {
  const glue = bulk();
  let esp, plan, rest = options;
  try {
    if (options !== null && typeof options === 'object') ({ esp, plan, ...rest } = options);
  } catch (e) {
    throw new TypeError(`options could not be read: ${e instanceof Error ? e.message : e}`);
  }
  let list = rows;
  try {
    if (rows !== null && typeof rows === 'object' && !Array.isArray(rows)
        && typeof rows[Symbol.iterator] === 'function') list = Array.from(rows);
  } catch {
    list = rows; // the core's walk reports whatever cannot be read
  }
  return JSON.parse(glue.buildOrder({ registrant, rows: list, esp, plan }, rest));
}
