// Node entry: loads the .wasm synchronously at import, so every function is ready
// to call with no init step (`init()` is a no-op kept for isomorphic code).
import { readFileSync } from 'node:fs';
import { initSync } from './api.js';

initSync(new WebAssembly.Module(readFileSync(new URL('./mailinfra_wasm_bg.wasm', import.meta.url))));

export * from './api.js';
