// End-to-end: the size budget of a first visit. Chromium loads the site with an empty cache
// from a server sending the build's precompressed siblings, as a host would; the bytes each file
// actually took on the wire are summed and held against budget.json. Bytes are stable from run
// to run (unlike times), so this gates CI: growth means raising the budget, on purpose.
// Run with `node --test tests/e2e/size.test.mjs` after `scripts/build.sh`; with
// WENXI_WRITE_BUDGET=1 it writes budget.json from this visit instead (5% or 1 KB of headroom).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useSite, openPage, waitForState, dist, root, machine } from './harness.mjs';
import { isCompressible } from '../../scripts/compress.mjs';

const site = useSite();
const budgetPath = join(root, 'budget.json');

/** A file's name without trunk's content hash, so the budget outlives a rebuild. */
const budgetName = (path) => path.replace(/^\//, '').replace(/-[0-9a-f]{8,}(?=[._])/, '');

/** Loads the site in a fresh context and waits until the engine is ready and the service
 * worker has cached the build: everything a first visit downloads has been asked for. */
async function firstVisit() {
  const opened = await openPage(site.browser, site.server.origin);
  const before = site.server.sent.length;
  await opened.page.goto(site.server.origin + '/');
  await waitForState(opened.page, 'ready', 60_000);
  await opened.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 60_000,
  });
  await opened.context.close();
  return site.server.sent.slice(before);
}

/** One row per file fetched (its first response; `/` is index.html) and how often it was
 * sent in all (the service worker's install fetches each file again). */
function perFile(responses) {
  const rows = new Map();
  for (const r of responses) {
    const path = r.path === '/' ? '/index.html' : r.path;
    const row = rows.get(path);
    if (row) row.times += r.status === 200 ? 1 : 0;
    else rows.set(path, { ...r, path, name: budgetName(path), times: 1 });
  }
  return [...rows.values()];
}

/** budget.json for today's sizes: each file 5% (at least 1 KB) above what it took, the total
 * 5% above. Written only when asked (WENXI_WRITE_BUDGET=1), as a deliberate change. */
function budgetFor(rows) {
  const files = {};
  for (const r of rows) {
    const limit = Math.ceil(Math.max(r.bytes * 1.05, r.bytes + 1024));
    files[r.name] = Math.max(files[r.name] ?? 0, limit);
  }
  return { files, total: Math.ceil(sum(rows, 'bytes') * 1.05) };
}

/** The printed table: one line per file, then the totals (KB). */
function table(rows, budget, allSent) {
  const kb = (n) => (n === undefined ? '—' : (n / 1024).toFixed(1)).padStart(9);
  const line = (name, ...cells) => `${name.padEnd(28)} ${cells.join(' ')}`;
  return [
    `first visit, ${machine()}; bytes sent with brotli served (KB)`,
    line('file', ...['raw', 'sent', 'budget'].map((h) => h.padStart(9)), ' encoding  times'),
    ...rows.map((r) =>
      line(r.name, kb(r.raw), kb(r.bytes), kb(budget.files[r.name]), ` ${r.encoding.padEnd(8)}  ${r.times}`),
    ),
    line('total (each file once)', kb(sum(rows, 'raw')), kb(sum(rows, 'bytes')), kb(budget.total)),
    line('total (every response)', ''.padStart(9), kb(allSent)),
  ].join('\n');
}

const sum = (rows, key) => rows.reduce((total, r) => total + r[key], 0);

test('a first visit stays within the size budget, every file sent precompressed', async () => {
  const budget = JSON.parse(await readFile(budgetPath, 'utf8'));
  const responses = await firstVisit();
  const missing = responses.filter((r) => r.status === 404);
  assert.deepEqual(missing, [], 'every file asked for is found');
  const rows = perFile(responses);
  console.log(table(rows, budget, sum(responses, 'bytes')));
  if (process.env.WENXI_WRITE_BUDGET === '1') {
    await writeFile(budgetPath, JSON.stringify(budgetFor(rows), null, 2) + '\n');
    console.log(`wrote ${budgetPath}`);
    return;
  }

  // The page, both wasm files and the entity model at least: a visit that fetched less did not
  // load the engine and would pass any budget.
  for (const name of ['index.html', 'app_bg.wasm', 'worker_bg.wasm', 'ner.bin']) {
    assert.ok(rows.some((r) => r.name === name), `a first visit fetches ${name}`);
  }
  for (const row of rows) {
    const file = join(dist, row.path);
    if (isCompressible(file, row.raw)) {
      await stat(`${file}.br`).catch(() => assert.fail(`${row.path} has no .br sibling in ${dist}`));
      assert.equal(row.encoding, 'br', `${row.path} is sent brotli-compressed`);
    }
  }
  const over = rows.filter((r) => !(r.name in budget.files) || r.bytes > budget.files[r.name]);
  assert.deepEqual(
    over.map((r) => `${r.name}: ${r.bytes} bytes, budget ${budget.files[r.name] ?? 'none'}`),
    [],
    'every file fetched is in budget.json and within it (raise the budget there if the growth is meant)',
  );
  const total = sum(rows, 'bytes');
  assert.ok(total <= budget.total, `first visit ${total} bytes > budget ${budget.total}`);
});
