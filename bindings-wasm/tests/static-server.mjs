// The static file server of the tests and benchmarks, run in a worker thread by
// `serve()` (browser.mjs): its own event loop, so a page's requests are answered at
// once even while the test's thread is busy driving Chromium (on the main thread,
// every CDP message the test handles would hold the responses back).
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon',
};

const base = workerData.root;
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname === '/favicon.ico') { res.writeHead(204).end(); return; }
  let file;
  try {
    file = normalize(join(base, decodeURIComponent(url.pathname)));
  } catch {
    res.writeHead(400).end('bad path');
    return;
  }
  if (file !== base && !file.startsWith(base + sep)) { res.writeHead(403).end(); return; }
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    const body = readFileSync(file); // this thread serves nothing else: sync reads are the shortest path
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
parentPort.on('message', (m) => {
  if (m !== 'close') return;
  server.close(() => parentPort.close());
  server.closeAllConnections(); // kept-alive sockets would hold the close
});
