// Where the tests find the built package and the shared test data.
export const here = new URL('./', import.meta.url);
export const wasmDir = new URL('../', import.meta.url);
export const repoRoot = new URL('../../', import.meta.url);
export const pkgDir = new URL('../pkg/', import.meta.url);
export const pkgEntry = new URL('../pkg/node.js', import.meta.url).href;
export const vectorsDir = new URL('../../tests/vectors/', import.meta.url);
export const outputDir = new URL('../../test-output/', import.meta.url);
