// The stack as a form ships it: stack.mjs and everything it imports (zod,
// libphonenumber-js/max, tr46, tldts, address-data.json) in one minified ES module
// for browsers, built with esbuild (well under a second). `withoutZod` leaves zod out
// of the file: what the stack adds to a page that already ships zod for its other
// forms. Usage: node bundle.mjs [OUTDIR]   (default dist/)
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = new URL('./', import.meta.url);

/** Bundles into `outdir`; returns { file, withoutZod, packages } where packages maps
 *  each package (or `stack`) to its bytes in the minified bundle. */
export async function bundle(outdir = fileURLToPath(new URL('dist/', here))) {
  const common = {
    entryPoints: [fileURLToPath(new URL('stack.mjs', here))],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
  };
  const file = join(outdir, 'stack.js');
  const withoutZod = join(outdir, 'stack-without-zod.js');
  const full = await build({ ...common, outfile: file, metafile: true });
  await build({ ...common, outfile: withoutZod, external: ['zod'] });
  const packages = {};
  const [output] = Object.values(full.metafile.outputs);
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    const m = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    const name = m ? m[1] : path.endsWith('.json') ? 'address-data.json' : 'stack.mjs';
    packages[name] = (packages[name] ?? 0) + bytesInOutput;
  }
  return { file, withoutZod, packages };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await bundle(process.argv[2]);
  console.log(r);
}
