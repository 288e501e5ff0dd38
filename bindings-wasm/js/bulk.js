// Internal (not an entry point): the second module, mailinfra_bulk_bg.wasm, which
// carries suggestMailboxes and buildOrder. Their name transliteration tables are
// most of its size, so a form that only validates never downloads it. Browsers load
// it with `await initBulk()`; the Node entry registers a synchronous loader, so there
// it loads on first use.
let glue = null;
let pending = null;
let loader = null;

/** Node: how to load the module synchronously on first use. */
export function setBulkLoader(load) {
  loader = load;
}

/** The loaded bulk glue, or an Error telling the caller how to load it. */
export function bulk() {
  if (!glue && loader) glue = loader();
  if (!glue) {
    throw new Error('mailinfra: suggestMailboxes and buildOrder live in a second module; call `await initBulk()` first');
  }
  return glue;
}

/**
 * Browsers: fetch and instantiate mailinfra_bulk_bg.wasm (once). `input` is optional:
 * a URL, a Response, bytes or a WebAssembly.Module. In Node it loads synchronously.
 */
export async function initBulk(input) {
  if (glue) return;
  if (loader && input === undefined) {
    bulk();
    return;
  }
  if (!pending) {
    pending = import('./mailinfra_bulk.js')
      .then(async (g) => {
        await g.default(input === undefined ? undefined : { module_or_path: input });
        glue = g;
      })
      .catch((e) => { pending = null; throw e; });
  }
  await pending;
}
