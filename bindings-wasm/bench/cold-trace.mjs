// Where a cold demo load spends its time: one fresh Chromium profile, a DevTools
// trace (network, script, wasm compile, main-thread tasks) from navigation start to
// the first validated keystroke, printed as a timeline in ms since navigation start.
// Usage: node bench/cold-trace.mjs [--field /phoneNumber] [--page bindings-wasm/demo/]
//        [--out trace.json] [--no-trace]   (after ./build.sh; the figures are one profile's, so
//        compare several runs, and the medians of bench/run.mjs --cold)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/browser.mjs';
import { typedLoad } from './cold.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const pointer = arg('--field', '/phoneNumber');
const pagePath = arg('--page', 'bindings-wasm/demo/');
const out = arg('--out', null);
// Tracing slows the load (the trace streams to this process); --no-trace prints the
// page's own Resource Timing and marks only.
const tracing = !process.argv.includes('--no-trace');
const repo = new URL('../../', import.meta.url);

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm',
  'disabled-by-default-v8.wasm.detailed', 'v8.execute', 'loading', 'blink.user_timing', 'netlog',
  'disabled-by-default-devtools.timeline.frame', 'toplevel', 'blink'];

const server = await serve(fileURLToPath(repo));
const events = [];
let result;
try {
  let done;
  result = await typedLoad(`${server.url}${pagePath}`, `[data-pointer="${pointer}"]`, '0', '__firstValidated',
    async () => {
      // One more frame, so the paint of the result is in the trace too.
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      return {
        first: window.__firstValidated,
        found: window.__found,
        typed: window.__typed,
        ready: window.__ready,
        dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
        resources: performance.getEntriesByType('resource').map((r) => ({
          name: r.name.replace(/^.*\/(?=[^/]+\/[^/]*$)/, ''), start: r.startTime, requestStart: r.requestStart,
          responseStart: r.responseStart, end: r.responseEnd, size: r.encodedBodySize,
        })),
      };
    },
    {
      before: async (cdp) => {
        if (!tracing) return;
        done = new Promise((ok) => cdp.on('Tracing.tracingComplete', ok));
        cdp.on('Tracing.dataCollected', (e) => { for (const v of e.value) events.push(v); });
        await cdp.send('Tracing.start', { categories: CATEGORIES.join(','), transferMode: 'ReportEvents' });
      },
      after: async (cdp) => {
        if (!tracing) return;
        await cdp.send('Tracing.end');
        await done;
      },
    });
} finally {
  await server.close();
}
console.log(`field ${pointer}: found at ${result.found.toFixed(1)} ms, keystroke arrived ${result.typed.toFixed(1)} ms, first validated ${result.first.toFixed(1)} ms, module ready ${result.ready?.toFixed(1)} ms, DOMContentLoaded ${result.dcl.toFixed(1)} ms`);
console.log('\n## Resources (Resource Timing, ms since navigation start)');
for (const r of result.resources) {
  console.log(`${r.name.padEnd(40)} start ${r.start.toFixed(1).padStart(6)}  request ${r.requestStart.toFixed(1).padStart(6)}  first byte ${r.responseStart.toFixed(1).padStart(6)}  end ${r.end.toFixed(1).padStart(6)}  ${r.size} B`);
}

if (!tracing) process.exit(0);
if (out) writeFileSync(out, JSON.stringify({ traceEvents: events }));

// Navigation start: the renderer's `navigationStart` mark of the demo's document.
const nav = events.filter((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.includes(pagePath.split('/')[0]));
const t0 = (nav.at(-1) ?? events.find((e) => e.name === 'navigationStart')).ts;
const ms = (ts) => ((ts - t0) / 1000).toFixed(1).padStart(7);
const mainPid = nav.at(-1)?.pid;
const mainTid = events.find((e) => e.pid === mainPid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
const threads = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));

// Named events worth seeing, in order, with their thread and duration.
const WANT = /^(ResourceSendRequest|ResourceReceiveResponse|ResourceFinish|ParseHTML|EvaluateScript|v8\.compileModule|v8\.evaluateModule|FunctionCall|v8\.wasm\.\w+|wasm\.\w+|V8\.Wasm\w*|ParseAuthorStyleSheet|UpdateLayoutTree|Layout|Paint|EventDispatch|domContentLoadedEventEnd|firstContentfulPaint|MarkDOMContent|RunMicrotasks|v8\.run|V8\.GC\w*|MinorGC|MajorGC|TimerFire|FireAnimationFrame|ScheduleStyleRecalculation|HandlePostMessage)$/;
const SKIP_SHORT = new Set(['UpdateLayoutTree', 'Layout', 'Paint', 'FunctionCall', 'RunMicrotasks', 'MinorGC', 'V8.GCScavenger', 'v8.run', 'TimerFire', 'FireAnimationFrame']);
console.log('\n## Trace (ms since navigation start; dur in ms; thread)');
const rows = events
  .filter((e) => e.ts >= t0 && WANT.test(e.name) && e.ph !== 'E')
  .filter((e) => !(SKIP_SHORT.has(e.name) && (e.dur ?? 0) < 1000))
  .sort((a, c) => a.ts - c.ts);
for (const e of rows) {
  const thread = threads.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
  const d = e.args?.data ?? e.args ?? {};
  const what = d.url ? String(d.url).replace(/^.*\//, '') : d.type ?? d.functionName ?? d.name ?? '';
  const extra = d.encodedDataLength !== undefined ? ` ${d.encodedDataLength} B` : d.mimeType ? ` ${d.mimeType}` : '';
  const dur = e.dur !== undefined ? (e.dur / 1000).toFixed(1).padStart(6) : '     -';
  if (e.pid === mainPid || /wasm|Wasm|compile|Resource/i.test(e.name)) {
    console.log(`${ms(e.ts)} ${dur}  ${e.name.padEnd(28)} ${String(thread).padEnd(22)} ${what}${extra}`);
  }
}

// Main-thread busy time by top-level task, before the first validated keystroke.
const end = t0 + result.first * 1000;
const top = events.filter((e) => e.pid === mainPid && e.tid === mainTid && e.ph === 'X' && e.name === 'RunTask' && e.ts >= t0 && e.ts < end);
const busy = top.reduce((s, e) => s + e.dur, 0) / 1000;
console.log(`\nrenderer main thread: ${top.length} tasks, busy ${busy.toFixed(1)} ms of ${result.first.toFixed(1)} ms before the first validated keystroke`);

// What the main thread did from the module being ready to the first validated keystroke.
const from = t0 + (result.ready ?? result.first) * 1000;
const inWindow = events.filter((e) => e.pid === mainPid && e.tid === mainTid && e.ph === 'X' && e.ts >= from && e.ts < end);
const byName = new Map();
for (const e of inWindow) {
  const [n, d] = byName.get(e.name) ?? [0, 0];
  byName.set(e.name, [n + 1, d + e.dur / 1000]);
}
console.log(`\nmain thread from module ready (${result.ready?.toFixed(1)} ms) to the first validated keystroke (${result.first.toFixed(1)} ms), by event (nested events counted in their parents too):`);
for (const [name, [n, d]] of [...byName].sort((a, c) => c[1][1] - a[1][1]).slice(0, 20)) {
  console.log(`${d.toFixed(1).padStart(8)} ms  x${String(n).padEnd(5)} ${name}`);
}
