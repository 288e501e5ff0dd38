// The npm package's side of tests/parity/run: one order per stdin line, parsed with
// JSON.parse (what a form gives us), one {"check", "prepare"} line per order.
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const pkg = process.argv[2];
const { check, prepare } = await import(pathToFileURL(`${pkg}/node.js`).href);
const out = [];
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  // A string argument is JSON text in the package's API, so a top-level string
  // order goes in as its own JSON text (the line), which parses back to the string.
  const parsed = JSON.parse(line);
  const order = typeof parsed === 'string' ? line : parsed;
  out.push(JSON.stringify({ check: check(order), prepare: prepare(order) }));
  if (out.length >= 1000) {
    process.stdout.write(out.join('\n') + '\n');
    out.length = 0;
  }
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
