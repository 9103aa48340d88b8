// The browser peer: npm jieba-wasm (its `web` build) on page.html, served on an origin of its
// own (wenxi's service worker must not claim it), in the same Chromium as wenxi.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acceptedEncodings, root } from '../../tests/e2e/harness.mjs';
import { compressed } from './brotli.mjs';
import { settledPage } from './window.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const peerDir = join(root, 'node_modules', 'jieba-wasm', 'pkg', 'web');
/** The files a first visit of the peer page fetches for jieba-wasm itself. */
export const peerFiles = ['jieba_rs_wasm.js', 'jieba_rs_wasm_bg.wasm'].map((f) => join(peerDir, f));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** page.html and peer.js from this folder, jieba-wasm's web build under /jieba/. */
function resolve(path) {
  if (path === '/page.html' || path === '/peer.js') return join(here, path.slice(1));
  const m = /^\/jieba\/([\w.-]+\.(?:js|wasm))$/.exec(path);
  return m ? join(peerDir, m[1]) : null;
}

export async function servePeer() {
  const server = createServer((req, res) => {
    const file = resolve(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file || !existsSync(file)) return res.writeHead(404).end();
    // Brotli when the request accepts it, as wenxi's dist/ is sent (its build writes `.br`
    // siblings): both pay the same decoding.
    const { raw, br } = compressed(file);
    const brotli = acceptedEncodings(req.headers['accept-encoding']).has('br');
    const payload = brotli ? br : raw;
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      vary: 'Accept-Encoding',
      'content-length': payload.length,
    };
    if (brotli) headers['content-encoding'] = 'br';
    res.writeHead(200, headers).end(payload);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  // Compressed now, not during the first measured visit.
  for (const path of ['/page.html', '/peer.js', ...peerFiles.map((f) => `/jieba/${f.split('/').pop()}`)]) {
    compressed(resolve(path));
  }
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

/** One run of the peer in a fresh context (empty cache), once its window has settled
 * (`settledPage`): ready times, a first `tag` of the short
 * article wenxi analyses first (both then run warm: the first calls of a wasm module run in the
 * baseline compiler), then cut and tag of each text, with the wasm memory and the page's JS heap
 * after each. */
export async function measurePeer(browser, origin, texts, firstText) {
  const context = await browser.newContext();
  const errors = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (err) => errors.push(String(err)));
    await settledPage(page);
    await page.goto(origin + '/page.html');
    await page.waitForFunction(() => window.peer, null, { timeout: 60_000 });
    const ready = await page.evaluate(() => ({
      moduleMs: window.peer.moduleAt,
      initMs: window.peer.initAt,
      readyMs: window.peer.readyAt,
    }));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () => (await cdp.send('Performance.getMetrics')).metrics
      .find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    await page.evaluate((text) => { window.__text = text; }, firstText);
    const firstTag = await page.evaluate(() => window.peer.run('tag'));
    const sizes = [];
    for (const t of texts) {
      await page.evaluate((text) => { window.__text = text; }, t.text);
      const cut = await page.evaluate(() => window.peer.run('cut'));
      const tag = await page.evaluate(() => window.peer.run('tag'));
      const wasmMemory = await page.evaluate(() => window.peer.memory());
      sizes.push({ label: t.label, bytes: t.bytes, cutMs: cut.ms, tagMs: tag.ms, words: cut.items, wasmMemory, pageHeap: await heap() });
    }
    return {
      ...ready,
      firstTagMs: firstTag.ms,
      sizes,
      peakWasmMemory: Math.max(...sizes.map((s) => s.wasmMemory)),
      peakPageHeap: Math.max(...sizes.map((s) => s.pageHeap)),
      errors,
    };
  } finally {
    await context.close();
  }
}
