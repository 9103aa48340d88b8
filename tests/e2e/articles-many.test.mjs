// End-to-end: a paste of many articles. Their details cross from the worker in parts ahead of
// the report (src/protocol.rs `send_articles_apart`, so that the page reads them in short
// tasks); the page must put every one back, in order, for the tab, the Articles view and the
// JSON export alike. Run after a release build:
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
  const cards = await view.getByTestId('article').evaluateAll((nodes) => nodes.map((n) => n.dataset.title));
  assert.deepEqual(cards, expectedTitles);
  assert.equal(await view.locator('[data-testid=articles-summary-row]').count(), expectedTitles.length);

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
