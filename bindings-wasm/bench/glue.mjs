// The JS a browser form fetches before its first check: the static import graph of
// the package's browser entry as shipped (package.json's `exports["."].browser`, the
// glue bundled into one file by build.sh), read from the files themselves so that no
// list of names can drift from what the browser really loads. Dynamic imports
// (`import('./mailinfra_bulk.js')`) load on demand and are not part of it.
import { readFileSync } from 'node:fs';

const STATIC_IMPORT = /^\s*(?:import|export)\s(?:[^'"`]*?from\s*)?['"`](\.\/[^'"`]+)['"`]/gm;

/** The package's browser entry in the package directory `pkg` (a URL): a file name. */
export function browserEntry(pkg) {
  const pj = JSON.parse(readFileSync(new URL('package.json', pkg), 'utf8'));
  return pj.exports['.'].browser.replace(/^\.\//, '');
}

/** File names of the browser entry's static import graph in the package directory `pkg`. */
export function formGlue(pkg) {
  const seen = [];
  const visit = (name) => {
    if (seen.includes(name)) return;
    seen.push(name);
    const text = readFileSync(new URL(name, pkg), 'utf8');
    for (const [, spec] of text.matchAll(STATIC_IMPORT)) visit(spec.slice(2));
  };
  visit(browserEntry(pkg));
  return seen;
}

/** The sizes of files fetched one by one (each compressed on its own, as a server
 *  sends them): `measure` of each buffer, summed field by field. */
export function sumSizes(measure, buffers) {
  const total = {};
  for (const b of buffers) for (const [k, v] of Object.entries(measure(b))) total[k] = (total[k] ?? 0) + v;
  return total;
}
