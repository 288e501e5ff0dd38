// Node entry: loads the .wasm synchronously at import, so every function is ready
// to call with no init step (`init()` is a no-op kept for isomorphic code). The bulk
// module (suggestMailboxes, buildOrder) and the data packs a call needs (data/*.txt)
// load synchronously on first use.
import { readFileSync } from 'node:fs';
import { initSync } from './api.js';
import { setBulkLoader } from './bulk.js';
import { setPackReader } from './data.js';
import * as bulkGlue from './mailinfra_bulk.js';

initSync(new WebAssembly.Module(readFileSync(new URL('./mailinfra_wasm_bg.wasm', import.meta.url))));
setBulkLoader(() => {
  bulkGlue.initSync({ module: new WebAssembly.Module(readFileSync(new URL('./mailinfra_bulk_bg.wasm', import.meta.url))) });
  return bulkGlue;
});

setPackReader((name) => readFileSync(new URL(`./data/${name}.txt`, import.meta.url), 'utf8'));

export * from './api.js';
