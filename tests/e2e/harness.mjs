// Shared set-up for the end-to-end tests: a static server over dist/ and Debian's Chromium
// driven by playwright-core. Nothing here downloads anything.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, dirname, resolve as absolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
// WENXI_DIST lets parallel work test its own build (trunk build --dist <dir>).
export const dist = process.env.WENXI_DIST ?? join(root, 'dist');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/** The encodings a request accepts (Accept-Encoding, a `q=0` entry refused), lower case. */
export function acceptedEncodings(header = '') {
  return new Set(
    header
      .split(',')
      .map((part) => part.trim().toLowerCase().split(/\s*;\s*/))
      .filter(([name, ...params]) => name && !params.some((p) => /^q=0(\.0*)?$/.test(p)))
      .map(([name]) => name),
  );
}

/** The precompressed sibling to send for `file` (the build writes `.br` and `.gz`), if any. */
async function precompressed(file, accepted) {
  for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!accepted.has(encoding)) continue;
    const body = await readFile(file + ext).catch(() => undefined);
    if (body) return { encoding, body };
  }
  return { encoding: 'identity', body: undefined };
}

/**
 * Serves dist/ on a free loopback port (or `port`); resolves to { origin, close, hits, sent }.
 * `hits` lists every path asked for, in order; `sent` has one { path, encoding, raw, bytes,
 * status } per response: the file's own size and the body's bytes actually sent (0 for a 304).
 * A file's `.br` (or `.gz`) sibling is sent with its Content-Encoding when the request accepts
 * it, as a host serving precompressed files does. `overrides` maps a path (e.g. '/sw.js') to a function that
 * gets the file's bytes and returns what to send instead (a simulated new build), uncompressed.
 */
export async function serveDist({ overrides = new Map(), port: wanted = 0, dir: folder = dist } = {}) {
  const dir = absolute(folder);
  const hits = [];
  const sent = [];
  await stat(join(dir, 'index.html')).catch(() => {
    throw new Error(`${dir}/index.html is missing: run \`trunk build --release --offline\` first`);
  });
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    hits.push(path);
    const file = join(dir, path.endsWith('/') ? path + 'index.html' : path);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const original = await readFile(file);
      const plain = overrides.has(path) ? overrides.get(path)(original) : original;
      const { encoding, body } = overrides.has(path)
        ? { encoding: 'identity' }
        : await precompressed(file, acceptedEncodings(req.headers['accept-encoding']));
      // An ETag per encoding, as hosts send: a request made with `cache: 'no-cache'` then
      // costs a 304 instead of the file again (`cache: 'reload'` ignores it).
      const etag = `"${createHash('sha256').update(body ?? plain).digest('base64url').slice(0, 22)}"`;
      const headers = {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        vary: 'Accept-Encoding',
        etag,
      };
      if (body) headers['content-encoding'] = encoding;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        sent.push({ path, encoding, raw: plain.length, bytes: 0, status: 304 });
        return;
      }
      const payload = body ?? plain;
      headers['content-length'] = payload.length;
      res.writeHead(200, headers);
      const bytes = req.method === 'HEAD' ? 0 : payload.length;
      res.end(bytes ? payload : undefined);
      sent.push({ path, encoding, raw: plain.length, bytes, status: 200 });
    } catch {
      res.writeHead(404).end('not found');
      sent.push({ path, encoding: 'identity', raw: 0, bytes: 9, status: 404 });
    }
  });
  await new Promise((resolve) => server.listen(wanted, '127.0.0.1', resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, hits, sent, close: () => new Promise((r) => server.close(r)) };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/**
 * A fresh page that records console errors, page errors and every request, and time-stamps
 * (performance.now) the moments the text area appears and the status changes (each change
 * also with `painted`, when the frame showing it was rendered).
 * `contextOptions` go to browser.newContext: `{ serviceWorkers: 'block' }` for a test that
 * counts or fakes responses with context.route, which the service worker's precache would
 * also pass through.
 *
 * Closing the context fails the test if any request left `origin` (the page promises that the
 * text never leaves the machine): every test that opens a page checks it.
 */
export async function openPage(browser, origin, contextOptions = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    ...contextOptions,
  });
  const page = await context.newPage();
  const log = { errors: [], requests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.errors.push(msg.text());
  });
  page.on('pageerror', (err) => log.errors.push(String(err)));
  context.on('request', (req) => log.requests.push(req.url()));
  context.on('weberror', (err) => log.errors.push(String(err.error())));
  await page.addInitScript(() => {
    window.__marks = { states: [] };
    const observe = () => {
      const input = document.querySelector('[data-testid=input]');
      if (input && window.__marks.input === undefined) window.__marks.input = performance.now();
      const status = document.querySelector('[data-testid=status]');
      const state = status?.getAttribute('data-state');
      const states = window.__marks.states;
      if (state && states[states.length - 1]?.state !== state) {
        const mark = { state, at: performance.now() };
        states.push(mark);
        // When the frame that draws this state has been laid out and painted: a task queued
        // from the frame's animation callback runs after the rest of that frame's rendering.
        requestAnimationFrame(() => setTimeout(() => { mark.painted = performance.now(); }));
      }
    };
    new MutationObserver(observe).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state'],
    });
  });
  const close = context.close.bind(context);
  context.close = async (...args) => {
    await close(...args);
    assertNoForeignRequests(log, origin);
  };
  return { context, page, log };
}

/** A fresh page of `site` (from useSite()) with the app loaded and its engine ready. */
export async function openApp(site) {
  const opened = await openPage(site.browser, site.server.origin);
  await opened.page.goto(site.server.origin + '/');
  await waitForState(opened.page, 'ready');
  return opened;
}

/** Fails unless every request in `log` went to `origin` (or was a data: URL). */
export function assertNoForeignRequests(log, origin) {
  const foreign = log.requests.filter((url) => !url.startsWith(origin + '/') && !url.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request may leave the page origin');
}

/** Waits until the status shows `state` (any of several, if an array). */
export async function waitForState(page, state, timeout = 30_000) {
  const states = Array.isArray(state) ? state : [state];
  await page.waitForFunction(
    (wanted) => wanted.includes(document.querySelector('[data-testid=status]')?.dataset.state),
    states,
    { timeout },
  );
}

export async function fixture(name) {
  return readFile(join(here, 'fixtures', name), 'utf8');
}

/** Runs `act` and waits until an analysis that started after it is done. */
export async function analysedAfter(page, act) {
  const since = await page.evaluate(() => performance.now());
  await act();
  await page.waitForFunction(
    (t) => window.__marks.states.some((s) => s.state === 'busy' && s.at > t)
      && document.querySelector('[data-testid=status]')?.dataset.state === 'done',
    since,
  );
}

/** Sets the text area's value at once and tells the page, as a paste does (Chromium's editor
 * takes minutes to insert megabytes through the keyboard). */
export async function setText(page, text) {
  await page.getByTestId('input').evaluate((area, value) => {
    area.value = value;
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, text);
}

/** Puts text into the text area the way a paste does: one input event with the whole text. */
export async function paste(page, text) {
  const input = page.getByTestId('input');
  await input.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Opens the report's view `name` (overview, keywords, entities, text, contexts, distribution,
 * articles) by clicking its tab, and waits until its panel is shown. */
export async function showView(page, name) {
  await page.locator(`[data-testid=view-tab][data-view=${name}]`).click();
  await page.locator(`[data-testid=view][data-view=${name}]`).waitFor();
}

/** Switches the page to `lang` ('zh' or 'en') with the masthead's switch, if it is not already. */
export async function setLang(page, lang) {
  const tag = lang === 'zh' ? 'zh-CN' : 'en';
  if (await page.evaluate(() => document.documentElement.lang) !== tag) {
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction((t) => document.documentElement.lang === t, tag);
  }
}

/** Opens `view` as a reader would and waits until what it asked the worker for has arrived;
 * for contexts, the overview's leading keyword is clicked first. */
export async function openViewWithData(page, view) {
  if (view === 'contexts') {
    await showView(page, 'overview');
    await page.locator('[data-testid=view] [data-testid=keyword] button').first().click();
    await page.locator('[data-testid=view][data-view=contexts] [data-testid=context-line]').first().waitFor();
  } else {
    await showView(page, view);
  }
  await page.waitForFunction(() => !document.querySelector('[data-testid=view] [aria-busy=true]'));
}

export function machine() {
  const cpus = os.cpus();
  return `${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}`;
}

/**
 * The built site served on loopback and a headless Chromium, for all the tests of one file:
 * started before the first test and closed after the last (node:test hooks). Read
 * `site.server` and `site.browser` inside the tests, once the hooks have run.
 */
export function useSite() {
  const site = { server: undefined, browser: undefined };
  before(async () => {
    site.server = await serveDist();
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
