// Where a typical email check's time goes: the whole `checkField` against the wasm
// call alone (`checkFieldIn` with the context and value text written once), by this
// process's CPU time. Usage: node bench/field-split.mjs [pkg dir]   (default: pkg)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { timeCalls, typicalOrder } from './typical.mjs';

const dir = resolve(process.argv[2] ?? new URL('../pkg', import.meta.url).pathname);
const m = await import(pathToFileURL(resolve(dir, 'node.js')).href);
const raw = await import(pathToFileURL(resolve(dir, 'mailinfra_wasm.js')).href); // the instance node.js loaded
const order = typicalOrder(JSON.parse(readFileSync(new URL('../../examples/order.json', import.meta.url), 'utf8')));
const pointer = '/domains/0/mailboxes/2/email';
m.checkField(order, pointer);
const { id } = JSON.parse(raw.fieldPointer(pointer));
const d = order.domains[0];
const q = JSON.stringify;
const context = `{"domains":[{"name":${q(d.name)},"mailboxes":[{"email":${q(d.mailboxes[0].email)}},{"email":${q(d.mailboxes[1].email)}},{"email":0}]}],"emailServiceProvider":${q(order.emailServiceProvider)}}`;
const value = q(d.mailboxes[2].email);
const opts = { warm: 2000, rounds: 15, batch: 400, cpu: true };
for (let r = 0; r < 5; r++) {
  const whole = timeCalls(() => m.checkField(order, pointer), opts).median;
  const wasm = timeCalls(() => raw.checkFieldIn(context, value, id, undefined), opts).median;
  console.log(`checkField ${whole.toFixed(2)} µs, of which the wasm call ${wasm.toFixed(2)} µs`);
}
