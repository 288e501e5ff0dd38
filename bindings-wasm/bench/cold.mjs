// Chromium cold start: navigation start to the first validated keystroke of the demo
// (bindings-wasm/demo/), each run in a fresh profile (empty cache), beside the floor
// any page pays here: a blank page with one input and no script. Used by run.mjs.
//
// What is timed, all from navigation start in the page's clock (performance.now()):
// - the keystroke: one key typed into the field as soon as it exists, through the
//   DevTools protocol straight (the DOM polled for the field, focused, the key sent as
//   a real key event): playwright's own locator actions first inject and run its
//   script in the page, which took ~600 ms on a blank page here; the `keydown`
//   event's timeStamp says when the key reached the page;
// - the demo: `__firstValidated`, set by demo.js when that keystroke's result (the
//   field's issues) is in the page; `__ready`, when the module is usable;
// - the blank page: its DOMContentLoaded (the floor), and when the same
//   keystroke's `input` event ran (the floor of the typing path: no validation).
// The kinds take turns within each round, so a change of load on this shared VM
// reaches all of them alike.
import { cpus, loadavg } from 'node:os';
import { browser } from '../tests/browser.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const FIELDS = [['phone', '/phoneNumber'], ['first name', '/domainOwnerFirstname']];

/** `run(page)` in a fresh browser profile, closed afterwards. */
async function fresh(run) {
  const c = await browser();
  try {
    const page = await c.page();
    await page.addInitScript(() => {
      addEventListener('keydown', (e) => { window.__typed ??= e.timeStamp; }, true);
      addEventListener('input', () => { window.__input ??= performance.now(); }, true);
    });
    return await run(page);
  } finally {
    await c.close();
  }
}

/** Types `key` into the element `selector` as soon as it exists (polling the DOM). */
export async function typeWhenPresent(page, selector, key) {
  const cdp = await page.context().newCDPSession(page);
  for (;;) {
    try {
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      if (nodeId) {
        await cdp.send('DOM.focus', { nodeId });
        break;
      }
    } catch (e) {
      // The document was replaced between the two calls (the navigation's commit).
      if (!/Could not find node/.test(e.message)) throw e;
    }
  }
  const code = `Digit${key}`;
  const vk = key.charCodeAt(0);
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, code, text: key, windowsVirtualKeyCode: vk });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: vk });
  await cdp.detach();
}

async function blank(url) {
  return fresh(async (page) => {
    await page.goto(`${url}bindings-wasm/bench/blank.html`, { waitUntil: 'commit' });
    await typeWhenPresent(page, 'input', '0');
    await page.waitForFunction(() => window.__input !== undefined, null, { timeout: 60_000 });
    return page.evaluate(() => ({
      dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      typed: window.__typed,
      input: window.__input,
    }));
  });
}

async function demo(url, pointer) {
  return fresh(async (page) => {
    await page.goto(`${url}bindings-wasm/demo/`, { waitUntil: 'commit' });
    await typeWhenPresent(page, `[data-pointer="${pointer}"]`, '0');
    await page.waitForFunction(() => window.__firstValidated !== undefined, null, { timeout: 60_000 });
    return page.evaluate(() => ({
      first: window.__firstValidated,
      typed: window.__typed,
      ready: window.__ready,
      dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    }));
  });
}

/**
 * Prints the cold figures: `trees` maps a label to the URL of a served tree holding
 * bindings-wasm/demo and bindings-wasm/pkg (this checkout, and optionally another
 * build to compare with in the same run); `runs` fresh profiles per figure.
 */
export async function coldStart(trees, runs) {
  const load0 = loadavg()[0];
  const floor = [];
  const results = new Map();
  for (const [tree] of trees) for (const [label] of FIELDS) results.set(`${tree}: ${label}`, []);
  for (let i = 0; i < runs; i++) {
    floor.push(await blank(trees[0][1]));
    for (const [tree, url] of trees) {
      for (const [label, pointer] of FIELDS) results.get(`${tree}: ${label}`).push(await demo(url, pointer));
    }
  }
  const ms = (xs) => `${median(xs).toFixed(0)} ms`;
  const list = (xs) => xs.map((x) => x.toFixed(0)).join(', ');
  console.log(`\n## Chromium cold start (median of ${runs} fresh profiles each; load average ${load0.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after; ${cpus().length} cores)`);
  const floorDcl = median(floor.map((f) => f.dcl));
  const floorInput = median(floor.map((f) => f.input));
  console.log(`blank page (one input, no script): DOMContentLoaded ${ms(floor.map((f) => f.dcl))} (runs ${list(floor.map((f) => f.dcl))}); the keystroke typed at ${ms(floor.map((f) => f.typed))}, its input event at ${ms(floor.map((f) => f.input))}`);
  for (const [label, rs] of results) {
    const first = median(rs.map((r) => r.first));
    console.log(`${label}: first validated keystroke ${first.toFixed(0)} ms (${(first - floorDcl).toFixed(0)} over the blank DOMContentLoaded, ${(first - floorInput).toFixed(0)} over its keystroke); typed at ${ms(rs.map((r) => r.typed))}, module ready ${ms(rs.map((r) => r.ready))}, DOMContentLoaded ${ms(rs.map((r) => r.dcl))}; runs ${list(rs.map((r) => r.first))}`);
  }
}
