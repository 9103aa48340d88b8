// End-to-end: a paste of many articles. Their details cross from the worker in parts ahead of
// the report (src/protocol.rs `send_articles_apart`, so that the page reads them in short
// tasks); the page must put every one back, in order, for the tab, the Articles view (the first
// 50 at once, the rest on request) and the JSON export alike. Run after a release build:
// `WENXI_DIST=<dist> node --test tests/e2e/articles-many.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useSite, openApp, waitForState, fixture, paste, showView } from './harness.mjs';

const site = useSite();

// More articles than a report carries itself (ARTICLES_IN_REPORT = 64): the two-article
// fixture 45 times over, each headline numbered, so each article is told apart by its number.
const ROUNDS = 45;
const blocks = (await fixture('two-articles.txt')).trim().split('\n\n');
const MANY = Array.from({ length: ROUNDS }, (_, i) => blocks.map((b) => {
  const [headline, ...body] = b.split('\n');
  return [`${headline}（${i + 1}）`, ...body].join('\n');
})).flat().join('\n\n');

/** Each headline as the engine reads it (NFKC turns the full-width brackets half-width). */
const expectedTitles = Array.from({ length: ROUNDS }, (_, i) => blocks.map((b) => `${b.split('\n')[0]}(${i + 1})`)).flat();

test('a paste of many articles shows every article, in order, in the tab, the view and the JSON export', async () => {
  const { context, page, log } = await openApp(site);
  await paste(page, MANY);
  await waitForState(page, 'done', 60_000);

  const tab = page.locator('[data-testid=view-tab][data-view=articles] .tab-count');
  assert.equal(Number(await tab.textContent()), expectedTitles.length);

  await showView(page, 'articles');
  const view = page.locator('[data-testid=view][data-view=articles]');
  const titles = () => view.getByTestId('article').evaluateAll((nodes) => nodes.map((n) => n.dataset.title));
  const shown = view.getByTestId('articles-shown');
  // The view opens with the first 50 (drawn a few per task: no long task however many there
  // are), says how many of how many, and draws the rest when asked.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=article]').length === 50);
  assert.deepEqual(await titles(), expectedTitles.slice(0, 50));
  assert.equal(await view.locator('[data-testid=articles-summary-row]').count(), 50);
  assert.equal(await shown.getAttribute('data-total'), String(expectedTitles.length));
  assert.match(await shown.textContent(), /已显示前 50 篇，共 90 篇/);
  await view.getByTestId('articles-show-all').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=article]').length === n, expectedTitles.length);
  assert.deepEqual(await titles(), expectedTitles);
  assert.equal(await view.locator('[data-testid=articles-summary-row]').count(), expectedTitles.length);
  assert.equal(await view.getByTestId('articles-shown').count(), 0, 'nothing left to show');

  // The distribution lists counts for the first 50 articles, all on request; its ruler labels
  // only starts far enough apart to read, and each strip draws one line per spaced start.
  await showView(page, 'distribution');
  const table = page.getByTestId('distribution-articles');
  await table.waitFor();
  const columns = () => table.locator('thead th[scope=col]').count();
  assert.equal(await columns(), 1 + 50);
  assert.match(await page.getByTestId('distribution-articles-shown').textContent(), /只列出前 50 篇，共 90 篇/);
  await page.getByTestId('distribution-articles-all').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=distribution-articles] thead th[scope=col]').length === n, 1 + expectedTitles.length);
  assert.equal(await page.getByTestId('distribution-articles-shown').count(), 0);
  // However many columns, the table scrolls inside its box: the page itself never scrolls
  // sideways (with 146 articles it was 23,834 px wide).
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(widths[0] <= widths[1], `page ${widths[0]} px wide in a ${widths[1]} px window`);
  const labels = await page.locator('.dist-ruler text').count();
  assert.ok(labels >= 2 && labels < expectedTitles.length, `${labels} ruler labels`);

  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  const report = JSON.parse(await readFile(await file.path(), 'utf8'));
  assert.deepEqual(report.articles.map((a) => a.title), expectedTitles);
  // Every article keeps its own figures and keywords, not only its title.
  const pasted = MANY.split('\n\n');
  assert.deepEqual(
    report.articles.map((a) => a.stats.characters),
    pasted.map((b) => b.replace(/\s/g, '').length),
  );
  assert.ok(report.articles.every((a) => a.keywords.length > 0));
  assert.deepEqual(log.errors, []);
  await context.close();
});
