// wenxi in headless Chromium: one run is a fresh browser context (empty cache: a first visit),
// then a reload in the same context (a repeat visit, served by the service worker), then the
// benchmark texts analysed one after another on that page. Times are the page's own
// performance.now() (origin: navigation start), read from the marks the e2e harness records.
import { openPage, setText, waitForState } from '../../tests/e2e/harness.mjs';
import { settledPage } from './window.mjs';

const ANALYSIS_TIMEOUT = 300_000;

/** The page's JS heap in use, by CDP (precise without --enable-precise-memory-info). */
async function pageHeap(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

/** Navigation → usable text area and → engine ready, and the worker's own load time. */
async function visitTimes(page) {
  await waitForState(page, 'ready', 60_000);
  const marks = await page.evaluate(() => window.__marks);
  const load = Number((await page.getByTestId('status').getAttribute('data-load-ms')) ?? NaN);
  return {
    inputMs: marks.input,
    readyMs: marks.states.find((s) => s.state === 'ready')?.at,
    workerLoadMs: load,
  };
}

/** Records the main thread's long tasks (over 50 ms) into window.__long from now on. */
function watchLongTasks(page) {
  return page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push({ at: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask' });
  });
}

/** Longest task overlapping [from, to] (0 when none passed 50 ms, the browser's threshold). */
function longestTask(tasks, from, to) {
  return Math.max(0, ...tasks.filter((t) => t.at + t.ms >= from && t.at <= to).map((t) => t.ms));
}

/**
 * Pastes `text` (as the harness's setText: one input event), presses the analyse button and
 * waits for the report. Latency is from the click to status `done`; the paste's own handling is
 * timed apart, since the text reaches the page through CDP, which a real paste does not use.
 *
 * The click is the `click` event's time stamp (when the input reached the page, as Event Timing
 * counts), not the moment Playwright was asked to click: its checks before it presses (the
 * button in view, stable over two frames, hit) took 23–92 ms, which no reader's click has.
 */
async function analyse(page, cdp, text) {
  const pastedAt = await page.evaluate(() => performance.now());
  await setText(page, text);
  const askedAt = await page.evaluate(() => {
    window.__clickedAt = undefined;
    const button = document.querySelector('[data-testid=analyse]');
    button?.addEventListener('click', (e) => { window.__clickedAt = e.timeStamp; }, { capture: true, once: true });
    return performance.now();
  });
  await page.getByTestId('analyse').click();
  await page.waitForFunction(
    (t) => window.__marks.states.some((s) => s.state === 'done' && s.at > t),
    askedAt,
    { timeout: ANALYSIS_TIMEOUT },
  );
  const clickAt = await page.evaluate(() => window.__clickedAt);
  if (typeof clickAt !== 'number') throw new Error('the analyse button saw no click event');
  const doneAt = await page.evaluate(
    (t) => window.__marks.states.find((s) => s.state === 'done' && s.at > t).at,
    clickAt,
  );
  // The report is drawn in the task that set `done` and the ones right after it; long-task
  // entries arrive after their task ends.
  await page.waitForTimeout(600);
  // `done` is set in the task that puts the report into the page; the reader sees it once the
  // browser has laid it out and painted it, in the next frame.
  const paintedAt = await page.evaluate(
    (t) => window.__marks.states.find((s) => s.state === 'done' && s.at > t).painted ?? NaN,
    clickAt,
  );
  const tasks = await page.evaluate(() => window.__long);
  const status = page.getByTestId('status');
  // A missing attribute is NaN, not Number(null)'s 0 (a build without it must not read as 0).
  const attr = async (name) => Number((await status.getAttribute(name)) ?? NaN);
  return {
    latencyMs: doneAt - clickAt,
    // Playwright's own time before the click reached the page (not part of any figure).
    clickDelayMs: clickAt - askedAt,
    paintedMs: paintedAt - clickAt,
    engineMs: await attr('data-engine-ms'),
    // The engine's own time per stage in the worker (normalize_ms, segment_ms, …).
    stages: JSON.parse((await status.getAttribute('data-stages')) ?? 'null'),
    roundTripMs: await attr('data-round-trip-ms'),
    workerMemory: await attr('data-worker-memory'),
    pageHeap: await pageHeap(cdp),
    longestTaskMs: longestTask(tasks, clickAt, doneAt + 500),
    // Every long task from the paste on, in ms from the click: where the time goes.
    longTasks: tasks.filter((t) => t.at + t.ms >= pastedAt && t.at <= doneAt + 500)
      .map((t) => ({ at: Math.round(t.at - clickAt), ms: Math.round(t.ms) })),
    longestPasteTaskMs: longestTask(tasks, pastedAt, clickAt),
  };
}

/** Paths the server was asked for between two moments of its `hits` log. */
const since = (hits, from, to = hits.length) => hits.slice(from, to);

/** Bytes the server actually sent (bodies, compressed as sent; 0 for a 304) since `from`. */
const sentSince = (sent, from) => sent.slice(from).reduce((sum, r) => sum + r.bytes, 0);

/**
 * One run of wenxi: first visit, repeat visit, a first short analysis, then `texts` in order.
 * `server` is harness.serveDist()'s (its `hits` tell what each visit fetched).
 */
export async function measureWenxi(browser, server, texts, firstText) {
  const { context, page, log } = await openPage(browser, server.origin);
  try {
    const start = server.hits.length;
    const startSent = server.sent.length;
    await settledPage(page);
    await page.goto(server.origin + '/');
    const first = await visitTimes(page);
    const toReady = since(server.hits, start);
    const sentToReady = sentSince(server.sent, startSent);
    // The service worker's precache is part of the first visit's download.
    await page.evaluate(() => navigator.serviceWorker?.ready.then(() => true));
    const firstVisit = since(server.hits, start);
    const sentFirst = sentSince(server.sent, startSent);

    const again = server.hits.length;
    await page.reload();
    const repeat = await visitTimes(page);
    const repeatVisit = since(server.hits, again);

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heaps = [await pageHeap(cdp)];
    await watchLongTasks(page);
    const firstAnalysis = await analyse(page, cdp, firstText);
    const sizes = [];
    for (const t of texts) {
      const r = await analyse(page, cdp, t.text);
      heaps.push(r.pageHeap);
      sizes.push({ label: t.label, bytes: t.bytes, ...r });
    }
    heaps.push(firstAnalysis.pageHeap);
    return {
      first: { ...first, toReady, fetched: firstVisit, sentToReady, sentFirst },
      repeat: { ...repeat, fetched: repeatVisit },
      firstAnalysis,
      sizes,
      peakPageHeap: Math.max(...heaps),
      // The worker's wasm memory only grows: its largest reading is its peak.
      peakWorkerMemory: Math.max(...sizes.map((s) => s.workerMemory)),
      errors: log.errors,
    };
  } finally {
    // openPage's close also fails the run if any request left the origin.
    await context.close();
  }
}
