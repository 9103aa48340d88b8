// End-to-end: the overview (statistics, leading keywords and entities, the cloud) and the
// keywords view (one sortable table of every ranking, filters, the settings that change the
// ranking), driven as a reader does: clicks, keys, typing, the language switch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openApp, waitForState, fixture, paste, analysedAfter, showView } from './harness.mjs';

const site = useSite();

const rowsOf = (page, selector = '[data-testid=keyword]') => page.locator(selector).evaluateAll(
  (nodes) => nodes.map((n) => ({ ...n.dataset })),
);

const occurrences = (text, word) => text.split(word).length - 1;

async function analysed(page, text) {
  await paste(page, text);
  await waitForState(page, 'done');
}

/** Fails unless `values` never go up (`down`) or never go down. */
function assertOrdered(values, down, what) {
  for (let i = 1; i < values.length; i++) {
    const ok = down ? values[i] <= values[i - 1] : values[i] >= values[i - 1];
    assert.ok(ok, `${what} out of order at ${i}: ${JSON.stringify(values)}`);
  }
}

const num = (s) => (s === '' || s === undefined ? null : Number(s));

test('the overview: statistics as cards that match the text, 20 keywords, entities by type', async () => {
  const { context, page, log } = await openApp(site);
  const article = await fixture('article.txt');
  await analysed(page, article);
  assert.ok(await page.locator('[data-testid=view][data-view=overview]').isVisible());

  const stat = async (key) => page.locator(`[data-testid=stat][data-stat=${key}]`);
  assert.ok(await page.getByTestId('stat').count() >= 8, 'at least eight cards');
  const value = async (key) => Number(await (await stat(key)).getAttribute('data-value'));
  assert.equal(await value('characters'), article.replace(/\s/g, '').length);
  assert.equal(await value('han_characters'), [...article].filter((c) => /\p{Script=Han}/u.test(c)).length);
  assert.equal(await value('paragraphs'), article.split('\n').filter((l) => l.trim()).length);
  const sentences = await value('sentences');
  assert.ok(sentences >= occurrences(article, '。'), `${sentences} sentences`);
  assert.ok(await value('unique_words') < await value('words'));
  // Reading time: about 300 Han chars a minute, said in words.
  const reading = await (await stat('reading_time')).locator('dd').textContent();
  const minutes = Math.round(await value('reading_time') / 60);
  assert.equal(reading, minutes >= 1 ? `约 ${minutes} 分钟` : '不到 1 分钟');
  assert.equal(Number(await (await stat('characters')).locator('dd').textContent()), await value('characters'));

  // The 20 leading keywords of the reader's method (TF-IDF by default), best first.
  const keywords = await rowsOf(page);
  assert.equal(keywords.length, 20);
  assert.ok(keywords.every((k) => k.rank === 'tfidf'));
  assert.equal(Number(keywords[0].score), 1);
  assertOrdered(keywords.map((k) => Number(k.score)), true, 'scores');
  assert.ok(keywords.slice(0, 10).some((k) => k.term === '古籍'), JSON.stringify(keywords));
  const guji = keywords.find((k) => k.term === '古籍');
  assert.equal(Number(guji.count), occurrences(article, '古籍'));

  // Entities: the types found, at most eight each, most frequent first, counts from the text.
  const entities = await rowsOf(page, '[data-testid=entity]');
  const types = [...new Set(entities.map((e) => e.type))];
  for (const type of ['person', 'place', 'organization', 'time', 'quantity', 'work']) {
    assert.ok(types.includes(type), `${type} in ${types}`);
    const ofType = entities.filter((e) => e.type === type);
    assert.ok(ofType.length <= 8, `${type}: ${ofType.length}`);
    assertOrdered(ofType.map((e) => Number(e.count)), true, `${type} counts`);
  }
  const chen = entities.find((e) => e.text === '陈国平');
  assert.equal(chen?.type, 'person');
  assert.equal(Number(chen.count), occurrences(article, '陈国平'));
  assert.ok(await page.getByTestId('cloud').isVisible(), 'the cloud is drawn');

  // The "more" links open the full views; the tabs bring the overview back.
  await page.getByTestId('overview-more-keywords').click();
  await page.locator('[data-testid=view][data-view=keywords]').waitFor();
  assert.ok(await page.locator('[data-testid=keyword-sort]').count() >= 4);
  await showView(page, 'overview');
  await page.getByTestId('overview-more-entities').click();
  await page.locator('[data-testid=view][data-view=entities]').waitFor();

  // An entity chip picks its text: the contexts view opens on it.
  await showView(page, 'overview');
  await page.locator('[data-testid=entity][data-text=陈国平]').click();
  await page.locator('[data-testid=view][data-view=contexts]').waitFor();
  assert.match(await page.getByTestId('view').innerText(), /陈国平/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the keyword table sorts by each column, by mouse and by keyboard', async () => {
  const { context, page, log } = await openApp(site);
  const article = await fixture('article.txt');
  await analysed(page, article);
  await showView(page, 'keywords');

  const header = (key) => page.locator(`[data-testid=keyword-sort][data-sort=${key}]`);
  const th = (key) => page.locator(`th:has([data-testid=keyword-sort][data-sort=${key}])`);
  // The first sort is the reader's method: TF-IDF, best first; terms it does not rank last.
  assert.equal(await th('tfidf').getAttribute('aria-sort'), 'descending');
  assert.equal(await th('textrank').getAttribute('aria-sort'), 'none');
  let rows = await rowsOf(page);
  assert.ok(rows.length > 20, `${rows.length} rows`);
  assert.ok(rows.every((r) => r.rank === 'tfidf'));
  const ranked = (list, key) => list.filter((r) => r[key] !== '');
  const checkScores = (list, key, down) => {
    const present = ranked(list, key);
    assert.ok(present.length > 5, `${key}: ${present.length}`);
    assert.deepEqual(list.slice(0, present.length), present, `${key}: ranked terms first`);
    assertOrdered(present.map((r) => num(r[key])), down, key);
  };
  checkScores(rows, 'tfidf', true);
  // Every term is once in the table, whatever ranking lists it.
  assert.equal(new Set(rows.map((r) => r.term)).size, rows.length);

  // A second click turns the column round.
  await header('tfidf').click();
  assert.equal(await th('tfidf').getAttribute('aria-sort'), 'ascending');
  checkScores(await rowsOf(page), 'tfidf', false);

  await header('textrank').click();
  assert.equal(await th('textrank').getAttribute('aria-sort'), 'descending');
  assert.equal(await th('tfidf').getAttribute('aria-sort'), 'none');
  rows = await rowsOf(page);
  assert.ok(rows.every((r) => r.rank === 'textrank'));
  checkScores(rows, 'textrank', true);
  assert.equal(num(rows[0].textrank), 1);

  await header('count').click();
  rows = await rowsOf(page);
  assertOrdered(rows.map((r) => Number(r.count)), true, 'counts');
  assert.ok(rows.every((r) => r.rank === 'frequency'));
  for (const r of rows.slice(0, 5)) {
    assert.ok(Number(r.count) <= occurrences(article, r.term), `${r.term} ×${r.count}`);
  }

  // The keyboard: Enter on a focused header sorts, Space turns it round.
  await header('term').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('th:has([data-sort=term])')?.getAttribute('aria-sort') === 'ascending');
  rows = await rowsOf(page);
  const terms = rows.map((r) => r.term);
  assert.deepEqual(terms, [...terms].sort(), 'terms in order');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('th:has([data-sort=term])')?.getAttribute('aria-sort') === 'descending');
  assert.deepEqual((await rowsOf(page)).map((r) => r.term), [...terms].sort().reverse());

  // A row's explanation opens from the keyboard and says what its scores are made of.
  await header('tfidf').click();
  const first = page.locator('[data-testid=keyword]').first();
  await first.locator('summary').focus();
  await page.keyboard.press('Enter');
  await first.getByTestId('not-keyword').waitFor();
  assert.match(await first.getByTestId('keyword-why').textContent(), /IDF .*词典|IDF \d/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('part-of-speech chips filter the rows; a term opens its contexts', async () => {
  const { context, page, log } = await openApp(site);
  await analysed(page, await fixture('article.txt'));
  await showView(page, 'keywords');
  const all = await rowsOf(page);
  const verbs = all.filter((r) => r.pos === 'v');
  assert.ok(verbs.length > 0, 'the article has verbs among its keywords');
  const shown = page.getByTestId('keywords-shown');
  assert.equal(Number(await shown.getAttribute('data-shown')), all.length);

  const verbChip = page.locator('[data-testid=pos-filter][data-group=verb]');
  assert.equal(await verbChip.getAttribute('aria-pressed'), 'true');
  await verbChip.click();
  assert.equal(await verbChip.getAttribute('aria-pressed'), 'false');
  const left = await rowsOf(page);
  assert.equal(left.length, all.length - all.filter((r) => r.pos.startsWith('v') && r.pos !== 'vn').length);
  assert.ok(!left.some((r) => r.pos === 'v'), 'no verb left');
  assert.equal(Number(await shown.getAttribute('data-shown')), left.length);
  assert.equal(Number(await shown.getAttribute('data-total')), all.length);
  assert.match(await shown.textContent(), new RegExp(`${left.length} / ${all.length}`));

  // Nouns off too, with the keyboard; then both back.
  const nounChip = page.locator('[data-testid=pos-filter][data-group=noun]');
  await nounChip.focus();
  await page.keyboard.press('Space');
  assert.ok(!(await rowsOf(page)).some((r) => ['n', 'v', 'vn'].includes(r.pos)));
  await nounChip.click();
  await verbChip.click();
  assert.deepEqual((await rowsOf(page)).map((r) => r.term), all.map((r) => r.term));

  // Clicking a term opens the contexts view for it.
  const term = all[0].term;
  await page.locator('[data-testid=keyword]').first().locator('button.pick').click();
  await page.locator('[data-testid=view][data-view=contexts]').waitFor();
  await page.waitForFunction((t) => document.querySelector('[data-testid=view]')?.innerText.includes(t), term);
  assert.deepEqual(log.errors, []);
  await context.close();
});

// Written for this test: 进行 is a verb on the built-in stop-word list, used over and over.
const PROCEDURE = [
  '检查组对全市的供水设施进行了全面检查，对发现的问题进行登记。',
  '各区随后进行整改，水务部门进行复查，并对整改结果进行公示。',
  '专家对水质数据进行分析后认为，管网改造需要继续进行，供水设施的维护也要定期进行。',
  '下一步，检查组还将对农村供水进行抽查，对去年的整改情况进行回访。',
].join('\n');

test('built-in stop words: with them off 进行 is ranked, with them on it is not', async () => {
  const { context, page, log } = await openApp(site);
  await analysed(page, PROCEDURE);
  await showView(page, 'keywords');
  const terms = async () => (await rowsOf(page)).map((r) => r.term);
  assert.ok(!(await terms()).includes('进行'), 'a stop word is not a keyword');
  const box = page.getByTestId('keywords-stopwords');
  assert.ok(await box.isChecked());
  assert.match(await page.locator('.keyword-controls').innerText(), /进行/, 'the switch says what it does');

  await analysedAfter(page, () => box.uncheck());
  const row = page.locator('[data-testid=keyword][data-term=进行]');
  await row.waitFor();
  assert.equal(Number(await row.getAttribute('data-count')), occurrences(PROCEDURE, '进行'));
  assert.ok(!(await box.isChecked()));

  await analysedAfter(page, () => box.check());
  assert.ok(!(await terms()).includes('进行'));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the method select reorders the overview; the count input sets how many are ranked', async () => {
  const { context, page, log } = await openApp(site);
  await analysed(page, await fixture('article.txt'));
  await showView(page, 'keywords');
  await page.locator('[data-testid=keyword-sort][data-sort=textrank]').click();
  const byTextRank = (await rowsOf(page)).filter((r) => r.textrank !== '').map((r) => r.term);

  // The method: TextRank leads the table and the overview.
  const method = page.getByTestId('keywords-method');
  assert.equal(await method.inputValue(), 'tfidf');
  await method.selectOption('textrank');
  await page.waitForFunction(() => document.querySelector('[data-testid=keyword]')?.dataset.rank === 'textrank');
  assert.equal(await page.locator('th:has([data-sort=textrank])').getAttribute('aria-sort'), 'descending');
  await showView(page, 'overview');
  const overview = await rowsOf(page);
  assert.ok(overview.every((r) => r.rank === 'textrank'));
  assert.deepEqual(overview.map((r) => r.term), byTextRank.slice(0, 20));
  await showView(page, 'keywords');
  await method.selectOption('frequency');
  await page.waitForFunction(() => document.querySelector('[data-testid=keyword]')?.dataset.rank === 'frequency');
  await showView(page, 'overview');
  assertOrdered((await rowsOf(page)).map((r) => Number(r.count)), true, 'overview by count');
  assert.ok((await rowsOf(page)).every((r) => r.rank === 'frequency'));

  // The count: typed and confirmed with Enter, each ranking lists that many.
  await showView(page, 'keywords');
  const count = page.getByTestId('keywords-count');
  await count.fill('8');
  await analysedAfter(page, () => count.press('Enter'));
  let rows = await rowsOf(page);
  assert.equal(rows.filter((r) => r.tfidf !== '').length, 8);
  assert.equal(rows.filter((r) => r.textrank !== '').length, 8);
  assert.ok(rows.length <= 24 && rows.length >= 8, `${rows.length} rows`);
  // Out of range is brought back into it (5–300).
  await count.fill('2');
  await analysedAfter(page, () => count.press('Enter'));
  assert.equal(await count.inputValue(), '5');
  rows = await rowsOf(page);
  assert.equal(rows.filter((r) => r.tfidf !== '').length, 5);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('in English the overview and the keyword table speak English', async () => {
  const { context, page, log } = await openApp(site);
  await analysed(page, await fixture('article.txt'));
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=stat] dt')]
    .some((dt) => dt.textContent === 'Characters'));
  const view = page.getByTestId('view');
  const labels = await page.locator('[data-testid=stat] dt').allTextContents();
  assert.ok(labels.includes('Characters') && labels.includes('Reading time'), labels.join());
  for (const text of labels) assert.doesNotMatch(text, /\p{Script=Han}/u, text);
  assert.match(await page.locator('[data-stat=reading_time] dd').textContent(), /^(about \d+ min|under 1 min)$/);
  assert.match(await view.innerText(), /All keywords →/);
  assert.match(await view.innerText(), /People/);

  await showView(page, 'keywords');
  const heads = await page.locator('.keyword-table thead th').allInnerTexts();
  for (const text of heads) assert.doesNotMatch(text, /\p{Script=Han}/u, text);
  assert.ok(heads.some((h) => h.startsWith('Term')), heads.join('|'));
  const pos = await page.locator('.keyword-table td.pos').allTextContents();
  assert.ok(pos.includes('noun'), pos.join());
  for (const text of pos) assert.doesNotMatch(text, /\p{Script=Han}/u, text);
  const chips = await page.getByTestId('pos-filter').allInnerTexts();
  for (const text of chips) assert.doesNotMatch(text, /\p{Script=Han}/u, text);
  const help = page.getByTestId('score-help');
  await help.locator('summary').click();
  assert.match(await help.innerText(), /neighbour entropy/);
  assert.doesNotMatch(await help.innerText(), /\p{Script=Han}/u);
  const first = page.locator('[data-testid=keyword]').first();
  await first.locator('summary').click();
  await first.getByTestId('not-keyword').waitFor();
  assert.equal(await first.getByTestId('not-keyword').textContent(), 'Not a keyword');
  assert.match(await first.getByTestId('keyword-why').innerText(), /occurrences|occurrence/);
  assert.match(await page.getByTestId('keywords-shown').textContent(), /^Showing \d+ of \d+ terms$/);

  // And back: Chinese again.
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=keywords-shown]')?.textContent.startsWith('显示'));
  assert.match(await page.getByTestId('keywords-shown').textContent(), /^显示 \d+ \/ \d+ 个词$/);
  assert.deepEqual(log.errors, []);
  await context.close();
});
