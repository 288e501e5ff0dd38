// Browser and bundler entry: call `await init()` once before the other functions.
// The glue finds the .wasm with `new URL('mailinfra_wasm_bg.wasm', import.meta.url)`,
// which Vite and other bundlers rewrite to the emitted asset. The data packs a call
// needs (data/<name>.txt) are fetched the same way: a call made before its packs are
// loaded throws a DataPendingError whose `ready` promise loads them.
export * from './api.js';
