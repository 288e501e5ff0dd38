// Test helpers: a static file server on 127.0.0.1 (static-server.mjs) and headless Debian Chromium
// through playwright-core (a fresh profile each time). Both must be closed by the test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { chromium } from 'playwright-core';

/** Serves `root` (a path or file URL) at http://127.0.0.1:<port>/, from a worker thread. */
export async function serve(root) {
  const base = resolve(root instanceof URL ? fileURLToPath(root) : root);
  const worker = new Worker(new URL('./static-server.mjs', import.meta.url), { workerData: { root: base } });
  const port = await new Promise((ok, fail) => { worker.once('message', ok); worker.once('error', fail); });
  const exited = new Promise((ok) => worker.once('exit', ok));
  return { url: `http://127.0.0.1:${port}/`, close: async () => { worker.postMessage('close'); await exited; } };
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A fresh headless Chromium context; `close()` removes its profile. */
export async function browser() {
  const profile = mkdtempSync(join(tmpdir(), 'mailinfra-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async page() {
      const page = await context.newPage();
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(String(e)));
      page.on('console', (msg) => { if (msg.type() === 'error') page.errors.push(msg.text()); });
      return page;
    },
    async close() { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}
