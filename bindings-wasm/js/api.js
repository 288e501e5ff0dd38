// The package's API over the wasm-bindgen glue: parses the JSON text each export
// returns and guards against calls before the module is ready. No rule logic here.
import initGlue, * as raw from './mailinfra_wasm.js';
import { bulk, initBulk } from './bulk.js';

export { initBulk };

let ready = false;
let pending = null;

/**
 * Browsers: fetch and instantiate the .wasm (once; later calls return at once).
 * `input` is optional: a URL, a Response, bytes or a WebAssembly.Module.
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

// Fast path for object inputs: JSON.stringify (native, one string across the
// boundary) on plain data only. A quick scan first makes sure JSON.stringify reads
// it exactly as the wasm walk would: plain objects and arrays of strings, numbers,
// booleans, null and undefined, at most 64 levels, no lone surrogates, within the
// read budget. Anything else (cycles, BigInt, symbols, functions, class instances,
// proxies or getters that throw, huge arrays) goes to the walk in wasm, which bounds
// depth and size and reports a refusal as an issue.
const READ_BUDGET = 16 * 1024 * 1024; // VALUE_BUDGET in src/lib.rs (read_budget: at least 9 x maxInputBytes)
const PER_VALUE = 8; // PER_VALUE in src/convert.rs
const MAX_DEPTH = 64; // mailinfra::limits::MAX_DEPTH
const wellFormed = (s) => (s.isWellFormed ? s.isWellFormed() : !/[\uD800-\uDFFF]/.test(s));

function isPlainData(root, budget) {
  let values = Math.floor(budget / PER_VALUE);
  const stack = [root, 0];
  while (stack.length) {
    const depth = stack.pop();
    const v = stack.pop();
    if (--values < 0) return false;
    switch (typeof v) {
      case 'string':
        if (v.length > budget || !wellFormed(v)) return false;
        continue;
      case 'number':
      case 'boolean':
      case 'undefined':
        continue;
      case 'object': {
        if (v === null) continue;
        if (depth >= MAX_DEPTH) return false;
        if (Array.isArray(v)) {
          if (v.length > values) return false;
          for (let i = 0; i < v.length; i++) stack.push(v[i], depth + 1);
          continue;
        }
        const proto = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) return false;
        for (const k of Object.keys(v)) {
          if (!wellFormed(k)) return false;
          stack.push(v[k], depth + 1);
        }
        continue;
      }
      default:
        return false;
    }
  }
  return true;
}

function stringified(order, options) {
  if (order === null || typeof order !== 'object') return undefined;
  try {
    let budget = READ_BUDGET;
    if (options !== null && typeof options === 'object' && typeof options.maxInputBytes === 'number') {
      budget = Math.max(budget, options.maxInputBytes * 9);
    }
    return isPlainData(order, budget) ? JSON.stringify(order) : undefined;
  } catch {
    return undefined;
  }
}

export function check(order, options) {
  need();
  const text = stringified(order, options);
  return JSON.parse(text === undefined ? raw.check(order, options) : raw.checkStringified(text, options));
}
export function prepare(order, options) {
  need();
  const text = stringified(order, options);
  return JSON.parse(text === undefined ? raw.prepare(order, options) : raw.prepareStringified(text, options));
}
export function checkField(order, pointer, options) {
  need();
  const text = stringified(order, options);
  return JSON.parse(text === undefined
    ? raw.checkField(order, pointer, options)
    : raw.checkFieldStringified(text, pointer, options));
}
export function addressFormat(country) { need(); return JSON.parse(raw.addressFormat(country)); }
export function countries() { need(); return JSON.parse(raw.countries()); }
export function domainToAscii(domain) { need(); return raw.domainToAscii(domain) ?? null; }
export function domainToUnicode(domain) { need(); return raw.domainToUnicode(domain) ?? null; }
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
