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

export function check(order, options) { need(); return JSON.parse(raw.check(order, options)); }
export function prepare(order, options) { need(); return JSON.parse(raw.prepare(order, options)); }
export function checkField(order, pointer, options) {
  need();
  return JSON.parse(raw.checkField(order, pointer, options));
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
