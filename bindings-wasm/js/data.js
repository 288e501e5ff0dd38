// The form module's data packs: a country's address format and state names, a phone
// region's metadata, a top-level domain's Public Suffix List rules, UTS #46's tables for
// the code-point ranges of a non-ASCII domain (core/data/packs, shipped as
// data/<name>.txt beside the module).
// The module has none compiled in; a call that needs one it has not been given returns
// `{"dataPending":[names]}` instead of its result. Node reads the files synchronously
// and calls again, so nothing changes for its callers; browsers get a
// DataPendingError whose `ready` promise fetches the packs. A call may name further
// packs once given the first (a domain's text maps into other Unicode ranges): each
// round must name a pack not loaded yet, so the rounds end.
import * as raw from './mailinfra_wasm.js';

/** How many times one call is retried in Node, each time with the packs it named
 * (a non-ASCII domain takes at most three rounds of Unicode ranges, then its TLD's). */
const ROUNDS = 8;

let readPack = null;
const loaded = new Set();
const inFlight = new Map();

/** Node: read a pack's text synchronously by name (`address/US`). */
export function setPackReader(read) {
  readPack = read;
}

// A pack's name: `address/<ISO 3166-1 code>`, `phone/<region or calling code>`,
// `psl/<TLD as a lower-case A-label>` (a large TLD's deeper rules:
// `psl/<second-level name>`, e.g. `psl/tokyo.jp`; a keyed TLD's rules by the
// second-level label's first letter, e.g. `psl/s.no`) or `unicode/idna-<first code point
// of its range, hex>`. Checked before any file is read or fetched; the core then
// refuses a name it does not know.
const NAME = /^(?:(?:address|phone)\/[A-Z0-9]{2,3}|psl\/(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)?[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?|unicode\/idna-[0-9A-F]{4,6})$/;

function register(name, text) {
  raw.loadPack(name, text);
  loaded.add(name);
}

function fetchPack(name) {
  let p = inFlight.get(name);
  if (!p) {
    // Bundlers (Vite) turn this URL into a glob of the files it may name, one `*` per
    // `${}` (so two parts, not `${name}`), and emit each file as an asset; `?no-inline`
    // keeps them files instead of data: URLs in the bundle. Servers ignore the query.
    const [kind, unit] = name.split('/');
    p = fetch(new URL(`./data/${kind}/${unit}.txt?no-inline`, import.meta.url))
      .then((r) => {
        if (!r.ok) throw new Error(`mailinfra: data pack ${name}: HTTP ${r.status}`);
        return r.text();
      })
      .then((text) => register(name, text))
      .finally(() => inFlight.delete(name));
    inFlight.set(name, p);
  }
  return p;
}

/**
 * Loads data packs (`address/US`, `phone/GB`, `psl/jp`) ahead of the calls that need
 * them, e.g. once the country is known. Node reads them synchronously; browsers fetch them.
 */
export async function loadData(names) {
  const wanted = [...names].filter((n) => !loaded.has(n));
  const bad = wanted.find((n) => typeof n !== 'string' || !NAME.test(n));
  if (bad !== undefined) {
    throw new TypeError(`mailinfra: no data pack is named ${JSON.stringify(bad)}: expected address/<country code>, phone/<region>, psl/<top-level domain or second-level name> or unicode/idna-<first code point>`);
  }
  if (readPack) {
    for (const n of wanted) register(n, readPack(n));
    return;
  }
  await Promise.all(wanted.map(fetchPack));
}

/** A synchronous call needed data packs that are not loaded yet (browsers). */
export class DataPendingError extends Error {
  constructor(packs) {
    super(`mailinfra: this call needs data not loaded yet (${packs.join(', ')}): await error.ready, then call again`);
    this.name = 'DataPendingError';
    /** The packs' names, e.g. `['address/US', 'phone/GB']`. */
    this.packs = packs;
    /** Settles once the packs are loaded (rejects if one cannot be fetched or read). */
    this.ready = loadData(packs);
    this.ready.catch(() => {}); // a caller that never awaits it sees no unhandled rejection
  }
}

const PENDING = '{"dataPending":';

/**
 * `call()` (an export returning JSON text) with its data: in Node the named packs are
 * read and the call made again; elsewhere a DataPendingError names them.
 */
export function withData(call) {
  for (let round = 0; ; round++) {
    const text = call();
    if (typeof text !== 'string' || !text.startsWith(PENDING)) return text;
    const names = JSON.parse(text).dataPending;
    if (round === ROUNDS || names.every((n) => loaded.has(n))) {
      throw new Error(`mailinfra: the data packs ${names.join(', ')} were loaded and are still reported missing`);
    }
    if (!readPack) throw new DataPendingError(names);
    for (const n of names) if (!loaded.has(n)) register(n, readPack(n));
  }
}

/** `f(...)`, or while its data is pending a Promise of `f(...)` once it is loaded. */
export function whenData(f) {
  try {
    return f();
  } catch (e) {
    if (e instanceof DataPendingError) return e.ready.then(() => whenData(f));
    throw e;
  }
}
