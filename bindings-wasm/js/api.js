// The package's API over the wasm-bindgen glue: parses the JSON text each export
// returns and guards against calls before the module is ready. No rule logic here.
import initGlue, * as raw from './mailinfra_wasm.js';

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
// boundary). Anything it would not read exactly like the wasm walk (BigInt, symbols,
// functions, lone surrogates, oversized strings or arrays, too many values) or that
// makes it throw (cycles, throwing getters, very deep nesting) goes to the walk in
// wasm instead, which bounds depth and size and reports the refusal as an issue.
const READ_BUDGET = 16 * 1024 * 1024; // VALUE_BUDGET in src/lib.rs
const PER_VALUE = 8; // PER_VALUE in src/convert.rs
const SLOW = Symbol('slow path');
const wellFormed = (s) => (s.isWellFormed ? s.isWellFormed() : !/[\uD800-\uDFFF]/.test(s));

function stringified(order, options) {
  if (order === null || typeof order !== 'object') return undefined;
  let max = READ_BUDGET;
  if (options !== null && typeof options === 'object') {
    try { if (typeof options.maxInputBytes === 'number' && options.maxInputBytes > max) max = options.maxInputBytes; } catch { return undefined; }
  }
  let values = Math.floor(max / PER_VALUE);
  try {
    return JSON.stringify(order, function replacer(key, v) {
      if (--values < 0 || !wellFormed(key)) throw SLOW;
      switch (typeof v) {
        case 'string':
          if (v.length > max || !wellFormed(v)) throw SLOW;
          return v;
        case 'object':
          if (Array.isArray(v) && v.length > values) throw SLOW;
          return v;
        case 'number':
        case 'boolean':
        case 'undefined':
          return v;
        default:
          throw SLOW;
      }
    });
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
export function suggestMailboxes(request) { need(); return JSON.parse(raw.suggestMailboxes(request)); }
export function buildOrder(input, options) { need(); return JSON.parse(raw.buildOrder(input, options)); }
