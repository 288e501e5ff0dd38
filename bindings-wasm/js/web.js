// Browser and bundler entry: call `await init()` once before the other functions.
// The glue finds the .wasm with `new URL('mailinfra_wasm_bg.wasm', import.meta.url)`,
// which Vite and other bundlers rewrite to the emitted asset.
export * from './api.js';
