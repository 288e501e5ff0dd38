// Which part of the demo page costs its cold start: writes variants of
// demo/index.html (and of bench/floor.html) into demo-variants/ (beside demo/, so that
// their relative paths hold; not committed), each differing from the demo in one
// respect, for cold-parts.mjs to load in turns. Usage (after ./build.sh):
//   node bench/demo-variants.mjs            # writes the pages, prints the command
//   node bench/cold-parts.mjs 21 $(node bench/demo-variants.mjs --pages)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const read = (p) => readFileSync(new URL(p, import.meta.url), 'utf8');
const demo = read('../demo/index.html');
const floor = read('./floor.html');

/** `s` with `from` replaced by `to`; throws when `from` is not in it (the demo changed). */
function swap(s, from, to) {
  const out = typeof from === 'string' ? s.replace(from, () => to) : s.replace(from, to);
  if (out === s) throw new Error(`demo-variants: ${from} not found in the page`);
  return out;
}
const bodyOf = (s) => s.indexOf('<body>');
const inBody = (s, from, to) => s.slice(0, bodyOf(s)) + swap(s.slice(bodyOf(s)), from, to);
// The floor page's inline module (checkField on every input with a data-pointer), with
// the element it writes its result to.
const floorScript = swap(
  floor.slice(floor.indexOf('<script type="module">'), floor.indexOf('</script></body>') + '</script>'.length),
  /querySelectorAll\('input'\)/g, "querySelectorAll('input[data-pointer]')",
);
const compile = "window.mailinfraWasm = WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() => fetch(wasmUrl));";

const variants = {
  // The demo itself, served from the same folder as the others.
  demo,
  // One font: sans-serif alone (no system-ui fallback list), no monospace, no bold.
  'one-font': swap(
    swap(demo, 'font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;', 'font: 15px/1.45 sans-serif;'),
    '</style>', 'code { font: inherit; } h1, h2, h3, .field > span, .status { font-weight: normal; }\n  </style>',
  ),
  // No styles at all.
  unstyled: swap(demo, /<style>[\s\S]*?<\/style>/, ''),
  // Only the header and the first card shown: the others and the aside `hidden`.
  'first-card': inBody(
    inBody(inBody(demo, '<section class="card">\n        <h2>Provider', '<section class="card" hidden>\n        <h2>Provider'),
      '<section class="card">\n        <div class="row"><h2>Domains', '<section class="card" hidden>\n        <div class="row"><h2>Domains'),
    '<aside>', '<aside hidden>',
  ),
  // The cards and the aside rendered only near the viewport (content-visibility: auto).
  'cv-auto': swap(demo, '</style>', '.card, aside { content-visibility: auto; contain-intrinsic-size: auto 300px; }\n  </style>'),
  // The selects as inputs (a menu list's first layout).
  'no-select': inBody(demo, /<select([^>]*)>[\s\S]*?<\/select>/g, '<input$1>'),
  // The demo's page without demo.js: the floor page's script validates its fields.
  'no-demo-js': swap(swap(demo, '<script type="module" src="./demo.js"></script>', `<p id="out"></p>${floorScript}`),
    '<link rel="modulepreload" href="./demo.js">', ''),
  // The package imported and instantiated by the head's script, not after the parse.
  'early-init': swap(demo, compile, `${compile}\n    import('../pkg/web.bundle.js').then((m) => m.init(window.mailinfraWasm)).catch(() => {});`),
  // The floor page (two fields and the module) with a heading and a sentence of text.
  'floor-text': swap(floor, '<body>', '<body><h1>Email infrastructure order</h1><p>Every field is checked in your browser as you type.</p>'),
};

const dir = new URL('../demo-variants/', import.meta.url);
mkdirSync(dir, { recursive: true });
const pages = [];
for (const [name, html] of Object.entries(variants)) {
  // demo.js is imported as ./demo.js: the variants use the demo's own file.
  writeFileSync(new URL(`${name}.html`, dir), html.replaceAll('"./demo.js"', '"../demo/demo.js"'));
  pages.push(`demo-variants/${name}.html#/phoneNumber`);
}
// The floor page itself, beside its variant.
pages.push('bench/floor.html#/phoneNumber');
if (process.argv.includes('--pages')) console.log(pages.join(' '));
else console.log(`wrote ${pages.length} pages; then:\n  node bench/cold-parts.mjs 21 ${pages.join(' ')}`);
