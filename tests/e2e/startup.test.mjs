// End-to-end: the engine starts before the page's own code. index.html starts the analysis
// worker as soon as it is parsed (static/early_worker.js); the page, once its wasm has loaded,
// takes that worker over (src/bridge.rs) and replays what it said meanwhile. These tests hold
// the page's wasm back so that the worker is certainly ready first, which is the case a lost
// `ready` message would leave waiting forever.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openPage, waitForState, setText } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Counts the workers the page constructs, in `window.__workersMade` (the service worker's
 * precaching also fetches the worker's files, so the server's log cannot tell). */
function countWorkers() {
  const Made = window.Worker;
  window.__workersMade = 0;
  window.Worker = function Worker(...args) {
    window.__workersMade += 1;
    return new Made(...args);
  };
  window.Worker.prototype = Made.prototype;
}

/** A fresh page whose app wasm is answered only `ms` after it is asked for. */
async function openWithSlowApp(ms) {
  const opened = await openPage(browser, server.origin);
  await opened.page.addInitScript(countWorkers);
  await opened.page.route(/\/app-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
  return opened;
}

test('the engine loads while the page code downloads, and the page takes it over', async () => {
  const { context, page } = await openWithSlowApp(4000);
  await page.goto(server.origin + '/');
  // Ready reaches the worker's first owner (the early script) long before the app exists.
  await page.waitForFunction(
    () => window.__wenxiEarlyWorker?.events.some((e) => String(e.data).includes('"ready"')),
    null,
    { timeout: 30_000 },
  );
  // trunk's loader sets `wasmBindings` once the page's wasm has started.
  assert.equal(await page.evaluate(() => window.wasmBindings), undefined, 'the app had not started yet');
  assert.equal(await page.getByTestId('status').count(), 0, 'no status without the app');

  // Then the app starts, and its status says ready: the replayed message, not a new worker's.
  await waitForState(page, 'ready', 30_000);
  assert.equal(await page.evaluate(() => window.__workersMade), 1, 'one worker, adopted');

  // The adopted worker analyses.
  await setText(page, '龙泉青瓷以釉色温润著称。匠人们说，青瓷的难处在于火候。');
  await page.getByTestId('analyse').click();
  await waitForState(page, 'done', 30_000);
  assert.equal(await page.getByTestId('report').count(), 1, 'a report is shown');
  assert.equal(await page.evaluate(() => window.__wenxiEarlyWorker), undefined, 'taken once');
  await context.close();
});

test('without the early worker the page starts one itself', async () => {
  const { context, page } = await openPage(browser, server.origin);
  // As if the early script had not run (an old cached page, a script blocked by an extension).
  await page.addInitScript(countWorkers);
  await page.addInitScript(() => {
    Object.defineProperty(window, '__wenxiEarlyWorker', { set() {}, get() { return undefined; } });
  });
  await page.goto(server.origin + '/');
  await waitForState(page, 'ready', 30_000);
  await setText(page, '龙泉青瓷以釉色温润著称。');
  await page.getByTestId('analyse').click();
  await waitForState(page, 'done', 30_000);
  // The early script's worker (its `new Worker` still ran) was not adopted: the page made its own.
  assert.equal(await page.evaluate(() => window.__workersMade), 2);
  await context.close();
});

test('a browser without WebAssembly SIMD is told so in words, and nothing is downloaded', async () => {
  // The loader runs as a classic worker script; here in a bare context whose WebAssembly
  // rejects every SIMD module, as a browser before Chrome 91 / Firefox 89 / Safari 16.4 does.
  const { readFile } = await import('node:fs/promises');
  const { runInNewContext } = await import('node:vm');
  const { join } = await import('node:path');
  const { root } = await import('./harness.mjs');
  const source = await readFile(join(root, 'static', 'worker_loader.js'), 'utf8');
  const posted = [];
  const fetched = [];
  const scope = {
    WebAssembly: { validate: () => false },
    postMessage: (message) => posted.push(JSON.parse(message)),
    fetch: (url) => fetched.push(url),
    importScripts: (url) => fetched.push(url),
  };
  scope.self = scope;
  assert.throws(() => runInNewContext(source, scope), /no WebAssembly SIMD/);
  assert.deepEqual(fetched, []);
  assert.equal(posted.length, 1);
  assert.equal(posted[0].kind, 'crashed');
  assert.match(posted[0].message, /no SIMD.*Safari 16\.4/);
});
