// Chromium cold start: navigation start to the first validated keystroke of the demo
// (bindings-wasm/demo/), each run in a fresh profile (empty cache), beside the floor
// any page pays here: a blank page with one input and no script. Used by run.mjs.
//
// What is timed, all from navigation start in the page's clock (performance.now()):
// - the keystroke: one key typed into the field as soon as it exists. A script the
//   harness adds to every page (the blank one too) watches the DOM as it is parsed;
//   when the field appears it focuses it and calls a DevTools binding, on which the
//   harness sends the key as a real key event (Input.dispatchKeyEvent). Event-driven:
//   playwright's locator actions first inject their own script in the page (~600 ms
//   on a blank page here), and polling the DOM through DevTools waits on a busy page
//   for each round trip. Focusing the field lays the page out (before the stylesheet
//   has arrived, on the demo); `__found` is when it was focused, the `keydown`
//   event's timeStamp when the key arrived;
// - the demo: `__firstValidated`, set by demo.js when that keystroke's result (the
//   field's issues) is in the page; `__ready`, when the module is usable;
// - the floor of a page that validates: bench/floor.html, the two fields and the
//   module loaded as the demo loads it, no text, styles or form (the same figures);
// - the blank page: its DOMContentLoaded (the floor), and when the same
//   keystroke's `input` event ran (the floor of the typing path: no validation).
// The kinds take turns within each round, so a change of load on this shared VM
// reaches all of them alike.
import { cpus, loadavg } from 'node:os';
import { browser } from '../tests/browser.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const FIELDS = [['phone', '/phoneNumber'], ['first name', '/domainOwnerFirstname']];

/**
 * Loads `url` in a fresh browser profile (closed afterwards), types the digit `key` into the
 * element `selector` as soon as it exists, waits until the page sets `window[done]` and
 * returns what `collect` (a page function) reads. The page tells the harness through a
 * DevTools binding: waiting with playwright's waitForFunction would inject and run its
 * ~30 ms script in the page while the page is still loading. `hooks.before(cdp)` runs
 * before the navigation, `hooks.after(cdp, result)` after the collection.
 */
export async function typedLoad(url, selector, key, done, collect, hooks = {}) {
  const c = await browser();
  try {
    const page = await c.page();
    const cdp = await page.context().newCDPSession(page);
    const code = `Digit${key}`;
    const vk = key.charCodeAt(0);
    let typed;
    const finished = new Promise((ok) => cdp.on('Runtime.bindingCalled', ({ name }) => { if (name === '__loadDone') ok(); }));
    const sent = new Promise((ok, fail) => {
      cdp.on('Runtime.bindingCalled', ({ name }) => {
        if (name !== '__fieldFound' || typed) return;
        typed = (async () => {
          await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, code, text: key, windowsVirtualKeyCode: vk });
          await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: vk });
        })();
        typed.then(ok, fail);
      });
    });
    await cdp.send('Runtime.enable'); // for Runtime.bindingCalled
    await cdp.send('Runtime.addBinding', { name: '__fieldFound' });
    await cdp.send('Runtime.addBinding', { name: '__loadDone' });
    await page.addInitScript(([sel, prop]) => {
      let value;
      Object.defineProperty(window, prop, {
        configurable: true,
        get: () => value,
        set: (v) => { value = v; window.__loadDone(''); },
      });
      addEventListener('keydown', (e) => { window.__typed ??= e.timeStamp; }, true);
      addEventListener('input', () => { window.__input ??= performance.now(); }, true);
      let sent = false;
      new MutationObserver((_, watch) => {
        const el = document.querySelector(sel);
        if (!el || sent) return;
        sent = true;
        watch.disconnect();
        el.focus({ preventScroll: true }); // as a click would: no scroll
        window.__found = performance.now();
        window.__fieldFound('');
      }).observe(document, { childList: true, subtree: true });
    }, [selector, done]);
    await hooks.before?.(cdp);
    await page.goto(url, { waitUntil: 'commit' });
    await Promise.race([sent, new Promise((_, fail) => setTimeout(() => fail(new Error(`${selector} never appeared`)), 60_000).unref())]);
    await Promise.race([finished, new Promise((_, fail) => setTimeout(() => fail(new Error(`${done} never set`)), 60_000).unref())]);
    const result = await page.evaluate(collect);
    await hooks.after?.(cdp, result);
    return result;
  } finally {
    await c.close();
  }
}

const blank = (url) => typedLoad(`${url}bindings-wasm/bench/blank.html`, 'input', '0', '__input',
  () => ({
    dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    found: window.__found,
    typed: window.__typed,
    input: window.__input,
  }));

const demo = (url, pointer, page = 'demo/') => typedLoad(`${url}bindings-wasm/${page}`, `[data-pointer="${pointer}"]`, '0', '__firstValidated',
  () => ({
    first: window.__firstValidated,
    found: window.__found,
    typed: window.__typed,
    ready: window.__ready,
    dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
  }));

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
  for (const [label] of FIELDS) results.set(`fields and module alone (bench/floor.html): ${label}`, []);
  for (let i = 0; i < runs; i++) {
    floor.push(await blank(trees[0][1]));
    for (const [label, pointer] of FIELDS) {
      results.get(`fields and module alone (bench/floor.html): ${label}`).push(await demo(trees[0][1], pointer, 'bench/floor.html'));
    }
    for (const [tree, url] of trees) {
      for (const [label, pointer] of FIELDS) results.get(`${tree}: ${label}`).push(await demo(url, pointer));
    }
  }
  const ms = (xs) => `${median(xs).toFixed(0)} ms`;
  const list = (xs) => xs.map((x) => x.toFixed(0)).join(', ');
  console.log(`\n## Chromium cold start (median of ${runs} fresh profiles each; load average ${load0.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after; ${cpus().length} cores)`);
  const floorDcl = median(floor.map((f) => f.dcl));
  const floorInput = median(floor.map((f) => f.input));
  console.log(`blank page (one input, no script): DOMContentLoaded ${ms(floor.map((f) => f.dcl))} (runs ${list(floor.map((f) => f.dcl))}); the field found at ${ms(floor.map((f) => f.found))}, the keystroke arrived at ${ms(floor.map((f) => f.typed))}, its input event at ${ms(floor.map((f) => f.input))}`);
  for (const [label, rs] of results) {
    const first = median(rs.map((r) => r.first));
    console.log(`${label}: first validated keystroke ${first.toFixed(0)} ms (${(first - floorDcl).toFixed(0)} over the blank DOMContentLoaded, ${(first - floorInput).toFixed(0)} over its keystroke); field found ${ms(rs.map((r) => r.found))}, keystroke arrived ${ms(rs.map((r) => r.typed))}, module ready ${ms(rs.map((r) => r.ready))}, DOMContentLoaded ${ms(rs.map((r) => r.dcl))}; runs ${list(rs.map((r) => r.first))}`);
  }
}
