// End-to-end: the service worker. After one visit the page loads and analyses with the network
// off, every file coming from its cache; a new build is offered as an update and replaces the
// old cache. Run with `node --test tests/e2e/` after `scripts/build.sh`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDist, launchBrowser, openPage, waitForState, paste } from './harness.mjs';

// A short article about one subject, so its main word must rank among the keywords.
const ARTICLE = [
  '龙泉青瓷以釉色温润著称。',
  '这个春天，几位年轻匠人在龙泉重新烧制失传多年的梅子青青瓷，',
  '他们翻检旧窑址的碎片，比对釉料配方，反复调整窑温。',
  '第一窑青瓷出窑时，釉面开片细密，颜色接近宋代的标本。',
  '匠人们说，青瓷的难处在于火候，一窑之中也难得几件满意的作品。',
  '如今，当地的青瓷作坊接待了越来越多的参观者。',
].join('');

let server;
let browser;
// What sw.js the server sends on the next request: the build's own, or one of a newer "build".
const overrides = new Map();

before(async () => {
  server = await serveDist({ overrides });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * The browser's own check for a newer sw.js, on each navigation. Chromium makes it from the
 * browser process, which the context's offline mode does not cover, so it may still reach the
 * server; on a machine really offline it fails quietly and the cached version carries on.
 */
const isUpdateCheck = (url) => new URL(url, 'http://x').pathname === '/sw.js';

/** Opens the site and waits until the service worker controls it (so it has cached the build). */
async function firstVisit() {
  const opened = await openPage(browser, server.origin);
  await opened.page.goto(server.origin + '/');
  await opened.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 60_000,
  });
  await waitForState(opened.page, ['ready', 'done'], 60_000);
  return opened;
}

test('after one visit the page reloads and analyses with the network off', async () => {
  const { context, page, log } = await firstVisit();

  const failed = [];
  const fromNetwork = [];
  context.on('requestfailed', (req) => failed.push(`${req.url()}: ${req.failure()?.errorText}`));
  context.on('response', (res) => {
    if (!res.fromServiceWorker() && !isUpdateCheck(res.url())) fromNetwork.push(res.url());
  });
  const hitsBefore = server.hits.length;
  await context.setOffline(true);

  await page.reload();
  await waitForState(page, 'ready', 60_000);
  await paste(page, ARTICLE);
  await waitForState(page, 'done', 60_000);

  const keywords = await page.locator('[data-testid=keyword][data-rank=tfidf]').evaluateAll(
    (rows) => rows.map((row) => row.getAttribute('data-term')),
  );
  assert.ok(keywords.slice(0, 5).includes('青瓷'), `青瓷 among the top keywords: ${keywords}`);
  assert.deepEqual(failed, [], 'no request failed while offline');
  assert.deepEqual(fromNetwork, [], 'every response came from the service worker');
  const asked = server.hits.slice(hitsBefore).filter((path) => !isUpdateCheck(path));
  assert.deepEqual(asked, [], 'the server was asked for nothing of the page');
  assert.deepEqual(log.errors, [], 'no errors on the page');
  await context.close();
});

test('a new build is offered as an update and replaces the old cache', async () => {
  const { context, page, log } = await firstVisit();
  const oldCaches = await page.evaluate(() => caches.keys());
  assert.equal(oldCaches.length, 1, `one cache after the first visit: ${oldCaches}`);
  assert.equal(await page.getByTestId('update-ready').count(), 0, 'no notice on the first visit');

  // A "new build": the same files under a new version, as the post-build hook would write it.
  overrides.set('/sw.js', (bytes) => Buffer.from(
    bytes.toString('utf8').replace(/const VERSION = '([^']*)'/, "const VERSION = '$1-next'"),
  ));
  try {
    await page.reload();
    await page.getByTestId('update-ready').waitFor({ timeout: 60_000 });
    // Until the user asks, the old version keeps serving the page.
    assert.deepEqual(await page.evaluate(() => caches.keys()).then((k) => k.includes(oldCaches[0])), true);

    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.getByTestId('update-apply').click()]);
    await waitForState(page, ['ready', 'done'], 60_000);
    const newCaches = await page.evaluate(() => caches.keys());
    assert.deepEqual(newCaches, [`${oldCaches[0]}-next`], 'only the new version is cached');
    assert.equal(await page.getByTestId('update-ready').count(), 0, 'the notice is gone after the update');
  } finally {
    overrides.delete('/sw.js');
  }
  assert.deepEqual(log.errors, [], 'no errors on the page');
  await context.close();
});

test('the page is installable: Chromium reads the manifest and finds nothing missing', async () => {
  // Chromium never installs from an incognito profile, and every browser.newContext() is one,
  // so this test uses a throwaway profile on disk.
  const profile = await mkdtemp(join(tmpdir(), 'wenxi-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const page = await context.newPage();
    await page.goto(server.origin + '/');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 60_000,
    });
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, [], 'the manifest parses without errors');
    assert.equal(JSON.parse(manifest.data).short_name, '文析');
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], 'nothing stops the install');
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});
