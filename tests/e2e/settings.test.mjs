// End-to-end: the settings that steer the engine (user dictionary, stop words, keyword parts of
// speech), the keyword rankings and their explanations, and the articles of a multi-article
// paste, in the release build. Run with `node --test tests/e2e/` after a release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useSite, openPage, waitForState, fixture, paste, analysedAfter, openApp, showView } from './harness.mjs';

const site = useSite();

// Written for these tests. 智慧水务 occurs once, so nothing but the dictionary can join its
// parts (智慧, 水务: both words of jieba's own dictionary).
const WATER = [
  '县里今年推进智慧水务建设，把河道、水库和管网的数据接入同一个系统。',
  '水务局负责人说，系统上线后，巡查人员在手机上就能看到水位和水质的变化，发现问题当天就能派单处理。',
  '不少村民认为，这让用水更放心。下一步，县里还将把这套办法推广到周边乡镇。',
].join('\n');
const NEW_WORD = '智慧水务';

// Two short made-up news items, each a headline, a dateline and a body, a blank line between
// them.
const TWO_ARTICLES = await fixture('two-articles.txt');

async function attributes(page, selector, attribute) {
  return page.locator(selector).evaluateAll(
    (nodes, attr) => nodes.map((n) => n.getAttribute(attr)),
    attribute,
  );
}

/** The terms of the keywords view's table: all of them, or those `rank` ranks (`tfidf`,
 * `textrank`), in the table's order. */
async function keywordTerms(page, rank = '') {
  await showView(page, 'keywords');
  return page.locator('[data-testid=keyword]').evaluateAll(
    (nodes, r) => nodes.filter((n) => !r || n.dataset[r] !== '').map((n) => n.dataset.term),
    rank,
  );
}

async function openSettings(page) {
  const panel = page.getByTestId('settings');
  if (!(await panel.evaluate((d) => d.open))) await panel.locator('summary').first().click();
}

const occurrences = (text, word) => text.split(word).length - 1;

test('a word added to the user dictionary comes out whole as a keyword, and stays after a reload', async () => {
  const { context, page, log } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.origin + '/');
  await paste(page, WATER);
  await waitForState(page, 'done');
  assert.ok(!(await keywordTerms(page)).includes(NEW_WORD), 'split before it is in the dictionary');

  await openSettings(page);
  await page.getByTestId('dict-word-input').fill(NEW_WORD);
  await analysedAfter(page, () => page.getByTestId('dict-add').click());
  const tfidf = await keywordTerms(page, 'tfidf');
  assert.ok(tfidf.includes(NEW_WORD), `${NEW_WORD} in ${tfidf}`);
  const row = page.locator(`[data-testid=keyword][data-rank=tfidf][data-term=${NEW_WORD}]`);
  assert.equal(Number(await row.getAttribute('data-count')), occurrences(WATER, NEW_WORD));
  assert.deepEqual(await attributes(page, '[data-testid=dict-word]', 'data-word'), [NEW_WORD]);
  assert.deepEqual(await attributes(page, '[data-testid=dict-word]', 'data-tag'), [null], 'no tag chosen');

  await page.reload();
  await waitForState(page, 'done');
  assert.deepEqual(await attributes(page, '[data-testid=dict-word]', 'data-word'), [NEW_WORD]);
  assert.ok((await keywordTerms(page, 'tfidf')).includes(NEW_WORD), 'the saved dictionary is used');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a dictionary file is imported with its bad line reported by number, and exported back', async () => {
  const { context, page, log } = await openApp(site);
  await openSettings(page);

  const bad = '水务云 12.5 n';
  const lines = ['# 试用词典', `${NEW_WORD} 20 nz`, bad, '巡查员', '', '河长制 ns'];
  const good = lines.filter((l) => l && !l.startsWith('#') && l !== bad);
  await page.getByTestId('dict-import').setInputFiles({
    name: 'my-words.txt', mimeType: 'text/plain', buffer: Buffer.from(lines.join('\n')),
  });
  const report = page.getByTestId('dict-import-report');
  await report.waitFor();
  assert.equal(Number(await report.getAttribute('data-words')), good.length);
  assert.deepEqual(
    await attributes(page, '[data-testid=dict-import-error]', 'data-line'),
    [String(lines.indexOf(bad) + 1)],
  );
  assert.match(await page.getByTestId('dict-import-error').textContent(), /12\.5/);
  assert.deepEqual(
    await attributes(page, '[data-testid=dict-word]', 'data-word'),
    good.map((l) => l.split(' ')[0]),
  );

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('dict-export').click(),
  ]);
  assert.match(download.suggestedFilename(), /\.txt$/);
  const exported = await readFile(await download.path(), 'utf8');
  assert.deepEqual(exported.split('\n').filter((l) => l), good);

  // The exported file reads back without a problem and changes nothing.
  await page.getByTestId('dict-import').setInputFiles({
    name: 'exported.txt', mimeType: 'text/plain', buffer: Buffer.from(exported),
  });
  await page.waitForFunction(
    () => document.querySelector('[data-testid=dict-import-report]')?.textContent.includes('exported.txt'),
  );
  assert.equal(await page.getByTestId('dict-import-error').count(), 0);
  assert.equal(await page.locator('[data-testid=dict-word]').count(), good.length);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('"not a keyword" takes a word out of every ranking; removing the stop word brings it back', async () => {
  const { context, page, log } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.origin + '/');
  await paste(page, await fixture('article.txt'));
  await waitForState(page, 'done');
  const term = (await keywordTerms(page, 'tfidf'))[0];
  const row = page.locator(`[data-testid=keyword][data-term=${term}]`);

  // Reached from the row's explanation, with the keyboard as well as the mouse.
  await row.locator('summary').focus();
  await page.keyboard.press('Enter');
  await row.getByTestId('not-keyword').waitFor();
  assert.match(await row.getByTestId('keyword-why').textContent(), /IDF/);
  await analysedAfter(page, () => row.getByTestId('not-keyword').click());
  assert.ok(!(await keywordTerms(page)).includes(term), `${term} is in no ranking now`);
  assert.deepEqual(await attributes(page, '[data-testid=stopword]', 'data-word'), [term]);

  await openSettings(page);
  await analysedAfter(page, () => page.locator('[data-testid=stopword] button.remove').click());
  assert.equal((await keywordTerms(page, 'tfidf'))[0], term);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the frequency ranking is one click away', async () => {
  const { context, page, log } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.origin + '/');
  const article = await fixture('article.txt');
  await paste(page, article);
  await waitForState(page, 'done');
  await showView(page, 'keywords');
  const first = () => page.locator('[data-testid=keyword]').first();
  assert.equal(await first().getAttribute('data-rank'), 'tfidf');

  await page.locator('[data-testid=keyword-sort][data-sort=count]').click();
  assert.equal(await first().getAttribute('data-rank'), 'frequency');
  assert.equal(await page.locator('[data-testid=keyword][data-rank=tfidf]').count(), 0);
  // The rows the frequency ranking lists (their score is theirs in it), most frequent first.
  const rows = await page.locator('[data-testid=keyword][data-rank=frequency]').evaluateAll(
    (nodes) => nodes.filter((n) => n.dataset.score !== '')
      .map((n) => [n.dataset.term, Number(n.dataset.count), n.dataset.score]),
  );
  assert.ok(rows.length >= 10, JSON.stringify(rows));
  const top = rows[0][1];
  rows.forEach(([term, count, score], i) => {
    if (i > 0) assert.ok(count <= rows[i - 1][1], `${term} ranked by count`);
    assert.equal(score, (count / top).toFixed(4), `${term}: score = count / the top count`);
  });
  // The best term's count is the number of times it is in the text.
  assert.ok(top <= occurrences(article, rows[0][0]), JSON.stringify(rows[0]));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('turning verbs off leaves no verb among the keywords', async () => {
  const { context, page, log } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.origin + '/');
  await paste(page, await fixture('article.txt'));
  await waitForState(page, 'done');
  await showView(page, 'keywords');
  const verbs = () => attributes(page, '[data-testid=keyword][data-pos=v]', 'data-term');
  assert.ok((await verbs()).length > 0, 'the text has verbs among its keywords');

  await openSettings(page);
  await analysedAfter(page, () => page.locator('[data-testid=pos-group][data-group=verb]').uncheck());
  assert.deepEqual(await verbs(), []);
  assert.ok((await keywordTerms(page, 'tfidf')).length > 0);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a paste of several articles lists each; a distinguishing term opens its contexts', async () => {
  const { context, page, log } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.origin + '/');
  await paste(page, TWO_ARTICLES);
  await waitForState(page, 'done');
  await showView(page, 'articles');
  const headlines = TWO_ARTICLES.split('\n\n').map((block) => block.split('\n')[0]);
  assert.deepEqual(await attributes(page, '[data-testid=article]', 'data-title'), headlines);

  const second = page.getByTestId('article').nth(1);
  const term = second.getByTestId('article-key-term').first();
  const word = await term.getAttribute('data-term');
  assert.ok(TWO_ARTICLES.split('\n\n')[1].includes(word), `${word} is from the second article`);
  await term.locator('button.pick').click();
  await page.locator('[data-testid=view][data-view=contexts]').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=contexts]')?.dataset.total);
  const panel = page.getByTestId('contexts');
  assert.equal(await panel.getAttribute('data-term'), word);
  assert.equal(Number(await panel.getAttribute('data-total')), occurrences(TWO_ARTICLES, word));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('unreadable saved settings are set aside with a message, and the page works', async () => {
  const { context, page, log } = await openPage(site.browser, site.server.origin);
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('wenxi.settings', '{"version":1,"user_words":"oops"');
    }
  });
  await page.goto(site.server.origin + '/');
  // The notice comes with the app, which starts after the page's first paint.
  await page.getByTestId('settings-notice').waitFor({ state: 'visible' });
  await paste(page, WATER);
  await waitForState(page, 'done');
  assert.ok((await keywordTerms(page, 'tfidf')).length > 0);
  assert.equal(await page.locator('[data-testid=dict-word]').count(), 0);
  assert.deepEqual(log.errors, []);
  await context.close();
});
