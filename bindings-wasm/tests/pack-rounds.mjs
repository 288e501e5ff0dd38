// Shared by the pack tests (idna-packs, psl-packs): a fresh Node process that loads
// some packs first, then answers every domain, each call made again (up to 8 rounds)
// until its packs are there, through the Node entry (its synchronous retry loop) or the
// browser entry (DataPendingError, `ready`, again); and seeded orders and subsets.
import { execFileSync } from 'node:child_process';
import { pkgDir } from './paths.mjs';

// `answer` is the body of an async function of `name` and `settle` (run in the child).
const child = (answer) => `
import { readFileSync } from 'node:fs';
const { entry, pkgDir, preload, domains, order } = JSON.parse(readFileSync(0, 'utf8'));
let m;
if (entry === 'web') {
  globalThis.fetch = async (url) => new Response(readFileSync(new URL(url)));
  m = await import(new URL('web.js', pkgDir).href);
  m.initSync(readFileSync(new URL('mailinfra_wasm_bg.wasm', pkgDir)));
} else {
  m = await import(new URL('node.js', pkgDir).href);
}
await m.loadData(preload);
let most = 0;
async function settle(f) {
  for (let round = 0; ; round++) {
    try {
      const r = f();
      most = Math.max(most, round);
      return r;
    } catch (e) {
      if (!(e instanceof m.DataPendingError) || round === 8) throw e;
      await e.ready;
    }
  }
}
const answerOf = async (name) => { ${answer} };
const answers = new Array(domains.length);
for (const i of order) answers[i] = await answerOf(domains[i]);
process.stdout.write(JSON.stringify({ answers, most }));
`;

/** Runs `answer` (see `child`) over `domains` in `order` in a fresh process after
 * loading `preload`: `{ answers, most }`, most being the most rounds any call took. */
export function runFresh(answer, entry, preload, domains, order) {
  const input = JSON.stringify({ entry, pkgDir: pkgDir.href, preload, domains, order });
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', child(answer)], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(out);
}

/** Seeded helpers: `shuffled(n)` a permutation of 0..n-1, `subset(list)` about half. */
export function seeded(seed) {
  const rand = (k) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const shuffled = (n) => {
    const o = Array.from({ length: n }, (_, i) => i);
    for (let i = o.length - 1; i > 0; i--) {
      const j = rand(i + 1);
      [o[i], o[j]] = [o[j], o[i]];
    }
    return o;
  };
  return { shuffled, subset: (list) => list.filter(() => rand(2) === 0) };
}
