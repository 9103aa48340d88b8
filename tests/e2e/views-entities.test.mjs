// End-to-end: the Entities view (entities by type with counts, the type filter, values of times
// and quantities, the co-occurrence matrix and its pairs, "show in text") and the Articles view
// (each article of a multi-article paste, what sets it apart, "show in text"; the explanation
// for a single article), in both languages. Run after a release build:
// `WENXI_DIST=<dist> node --test tests/e2e/views-entities.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openApp, waitForState, fixture, paste, showView } from './harness.mjs';

const site = useSite();

// Two short made-up news items, each a headline, a dateline and a body, a blank line between
// them.
const TWO_ARTICLES = await fixture('two-articles.txt');

const occurrences = (text, word) => text.split(word).length - 1;

/** Each element's dataset, as plain objects. */
const datasets = (locator) => locator.evaluateAll((nodes) => nodes.map((n) => ({ ...n.dataset })));

async function analysed(site, text) {
  const opened = await openApp(site);
  await paste(opened.page, text);
  await waitForState(opened.page, 'done');
  return opened;
}

async function toEnglish(page) {
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en'
    || document.querySelector('[data-testid=lang-switch]')?.textContent.includes('中文'));
}

test('the entities view lists each type with counts that match the text, and filters by type', async () => {
  const article = await fixture('article.txt');
  const { context, page, log } = await analysed(site, article);
  await showView(page, 'entities');
  const view = page.locator('[data-testid=view][data-view=entities]');

  // People, places, organisations, times, quantities and works are all found.
  const all = await datasets(view.getByTestId('entity'));
  const types = new Set(all.map((e) => e.type));
  for (const t of ['person', 'place', 'organization', 'time', 'quantity', 'work']) {
    assert.ok(types.has(t), `a ${t} in ${JSON.stringify(all.map((e) => e.text))}`);
  }
  // A name's count is how often the text says it, and the count shown is that number.
  for (const name of ['陈国平', '王慧敏', '赵明远']) {
    const row = view.locator(`[data-testid=entity][data-type=person][data-text="${name}"]`);
    assert.equal(Number(await row.getAttribute('data-count')), occurrences(article, name), name);
    assert.equal(Number(await row.locator('.count').textContent()), occurrences(article, name));
  }
  const works = all.filter((e) => e.type === 'work').map((e) => e.text).sort();
  assert.deepEqual(works, ['杭州府志', '西湖志']);
  // Each chip of the filter says how many of its type there are.
  for (const chip of await datasets(view.getByTestId('entity-type-filter'))) {
    const n = all.filter((e) => e.type === chip.type).length;
    const text = await view.locator(`[data-testid=entity-type-filter][data-type=${chip.type}] .n`).textContent();
    assert.equal(Number(text), n, chip.type);
  }

  // The filter hides a type's group and shows it again (by mouse, then by keyboard).
  const people = view.locator('[data-testid=entity][data-type=person]');
  const personChip = view.locator('[data-testid=entity-type-filter][data-type=person]');
  assert.equal(await personChip.getAttribute('aria-pressed'), 'true');
  await personChip.click();
  assert.equal(await personChip.getAttribute('aria-pressed'), 'false');
  assert.equal(await people.count(), 0, 'people hidden');
  assert.ok(await view.locator('[data-testid=entity][data-type=place]').count() > 0, 'places still shown');
  await personChip.focus();
  await page.keyboard.press('Enter');
  assert.equal(await personChip.getAttribute('aria-pressed'), 'true');
  assert.ok(await people.count() > 0, 'people shown again');
  // Only places left: hide the rest one after another with the space bar.
  for (const t of ['person', 'organization', 'time', 'quantity', 'work']) {
    await view.locator(`[data-testid=entity-type-filter][data-type=${t}]`).focus();
    await page.keyboard.press('Space');
  }
  assert.deepEqual([...new Set((await datasets(view.getByTestId('entity'))).map((e) => e.type))], ['place']);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('times and quantities show their normalised values, in Chinese and in English', async () => {
  const article = await fixture('article.txt');
  const { context, page, log } = await analysed(site, article);
  await showView(page, 'entities');
  const view = page.locator('[data-testid=view][data-view=entities]');
  const money = view.locator('[data-testid=entity][data-type=quantity][data-text*="1800万"]');
  assert.match(await money.getByTestId('entity-value').textContent(), /18,000,000 元/);
  const year = view.locator('[data-testid=entity][data-type=time][data-text="2019年"]');
  assert.equal((await year.getByTestId('entity-value').textContent()).trim(), '2019');
  // Every time or quantity with a value shows it; names never have one.
  for (const e of await datasets(view.getByTestId('entity'))) {
    const shown = view.locator(`[data-testid=entity][data-type=${e.type}][data-text="${e.text}"] [data-testid=entity-value]`);
    assert.equal(await shown.count(), e.value ? 1 : 0, `${e.type} ${e.text}`);
  }
  assert.match(await view.locator('.entity-group[data-group=person] h4').textContent(), /人名/);

  await toEnglish(page);
  assert.match(await view.locator('.entity-group[data-group=person] h4').textContent(), /People/);
  assert.match(await money.getByTestId('entity-value').textContent(), /18,000,000 CNY/);
  const values = await view.getByTestId('entity-value').allTextContents();
  // "明年" (next year) and the like are spelt out in English, not left in Chinese.
  assert.ok(values.every((v) => !/[年月日元]/.test(v)), JSON.stringify(values));
  assert.match(await view.getByTestId('entity-type-filter').first().textContent(), /People/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the co-occurrence matrix agrees with the pairs; a cell and "in text" open other views', async () => {
  const article = await fixture('article.txt');
  const { context, page, log } = await analysed(site, article);
  await showView(page, 'entities');
  const view = page.locator('[data-testid=view][data-view=entities]');
  const links = (await datasets(view.getByTestId('entity-link')))
    .map((l) => ({ a: l.a, b: l.b, n: Number(l.sentences) }));
  assert.ok(links.length > 0, 'the article names people and places together');
  const cells = (await datasets(view.getByTestId('entity-cell')))
    .map((c) => ({ a: c.a, b: c.b, n: Number(c.sentences) }));
  const names = [...new Set(cells.map((c) => c.a))];
  assert.ok(names.length >= 2 && names.length <= 12, `${names.length} names`);
  assert.equal(cells.length, names.length * (names.length - 1), 'every pair of names has a cell');
  const cell = (a, b) => cells.find((c) => c.a === a && c.b === b);
  // Symmetric, and each listed pair whose names are in the matrix has its count in both cells.
  for (const c of cells) assert.equal(cell(c.b, c.a).n, c.n, `${c.a}/${c.b}`);
  let checked = 0;
  for (const l of links) {
    if (!names.includes(l.a) || !names.includes(l.b)) continue;
    assert.equal(cell(l.a, l.b).n, l.n, `${l.a}—${l.b}`);
    checked += 1;
  }
  assert.ok(checked > 0, 'some listed pair is in the matrix');
  // The cell's number is shown, and headers are real table headers.
  const top = cells.reduce((m, c) => (c.n > m.n ? c : m));
  const topCell = view.locator(`[data-testid=entity-cell][data-a="${top.a}"][data-b="${top.b}"]`);
  assert.equal(Number(await topCell.textContent()), top.n);
  assert.equal(await view.locator('.entity-matrix th[scope=col]').count(), names.length);
  assert.equal(await view.locator('.entity-matrix th[scope=row]').count(), names.length);

  // A cell opens the contexts of its row's name.
  await topCell.locator('button').click();
  await page.locator('[data-testid=view][data-view=contexts]').waitFor();
  const panel = page.getByTestId('contexts');
  if (await panel.count()) {
    await page.waitForFunction(() => document.querySelector('[data-testid=contexts]')?.dataset.term);
    assert.equal(await panel.first().getAttribute('data-term'), top.a);
  }

  // "In text" opens the text view.
  await showView(page, 'entities');
  await page.locator('[data-testid=entity][data-type=person][data-text="陈国平"] [data-testid=entity-in-text]').click();
  await page.locator('[data-testid=view][data-view=text]').waitFor();
  assert.equal(await page.locator('[data-testid=view-tab][data-view=text]').getAttribute('aria-selected'), 'true');
  // The text view (its own tests cover it) marks the entity there.
  const mark = page.getByTestId('text-mark').first();
  await mark.waitFor();
  assert.equal(await mark.textContent(), '陈国平');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a type with more than a hundred entities lists a hundred until the reader asks for all', async () => {
  // 130 different weights, a few to a sentence.
  const weights = Array.from({ length: 130 }, (_, i) => `${i + 1}吨`);
  const sentences = [];
  for (let i = 0; i < weights.length; i += 5) sentences.push(`仓库先后运来${weights.slice(i, i + 5).join('、')}货物。`);
  const { context, page, log } = await analysed(site, sentences.join(''));
  await showView(page, 'entities');
  const view = page.locator('[data-testid=view][data-view=entities]');
  const quantities = view.locator('[data-testid=entity][data-type=quantity]');
  const total = Number(await view.locator('[data-testid=entity-type-filter][data-type=quantity] .n').textContent());
  assert.ok(total > 100, `${total} quantities`);
  assert.equal(await quantities.count(), 100);
  await view.locator('[data-testid=entity-show-all][data-type=quantity]').click();
  assert.equal(await quantities.count(), total);
  assert.equal(await view.getByTestId('entity-show-all').count(), 0);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the quoted terms are listed with their counts', async () => {
  const text = '所谓“数字孪生”，就是给城市建一个虚拟的副本。有了“数字孪生”，规划部门可以先在电脑上试验。专家提醒，“数字孪生”不是万能的。';
  const { context, page, log } = await analysed(site, text);
  await showView(page, 'entities');
  const term = page.locator('[data-testid=quoted-term][data-term=数字孪生]');
  assert.equal(Number(await term.getAttribute('data-count')), 3);
  assert.equal(Number(await term.locator('.count').textContent()), 3);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the articles view lists each article of a paste with what sets it apart', async () => {
  const { context, page, log } = await analysed(site, TWO_ARTICLES);
  await showView(page, 'articles');
  const view = page.locator('[data-testid=view][data-view=articles]');
  const blocks = TWO_ARTICLES.split('\n\n');
  const cards = await datasets(view.getByTestId('article'));
  assert.deepEqual(cards.map((c) => c.title), blocks.map((b) => b.split('\n')[0]));
  assert.deepEqual(cards.map((c) => c.index), ['0', '1']);
  assert.equal(await view.getByTestId('articles-none').count(), 0);

  // The comparison at the top: one row per article, its size and its most distinctive term.
  const summary = view.getByTestId('articles-summary');
  assert.equal(await summary.locator('tbody tr').count(), 2);
  for (let i = 0; i < 2; i += 1) {
    const card = view.getByTestId('article').nth(i);
    const terms = await datasets(card.getByTestId('article-key-term'));
    assert.ok(terms.length > 0, `article ${i + 1} has key terms`);
    for (const t of terms) {
      assert.ok(blocks[i].includes(t.term), `${t.term} is from article ${i + 1}`);
      assert.equal(Number(t.count), occurrences(blocks[i], t.term), `${t.term} here`);
      assert.equal(Number(t.restCount), occurrences(blocks[1 - i], t.term), `${t.term} elsewhere`);
    }
    const row = summary.locator(`[data-testid=articles-summary-row][data-index="${i}"]`);
    assert.equal(await row.getByTestId('articles-summary-key-term').getAttribute('data-term'), terms[0].term);
    const chars = Number(await row.locator('[data-chars]').getAttribute('data-chars'));
    // Characters other than white space.
    assert.equal(chars, blocks[i].replace(/\s/g, '').length);
  }
  assert.match(await view.getByTestId('key-terms-explained').textContent(), /G²/);

  await toEnglish(page);
  assert.match(await view.getByTestId('article-in-text').first().textContent(), /Show in text/);
  assert.match(await view.getByTestId('key-terms-explained').textContent(), /log-likelihood/);

  // "Show in text" opens the text view.
  await view.getByTestId('article-in-text').nth(1).click();
  await page.locator('[data-testid=view][data-view=text]').waitFor();
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a single article is explained: how several would be recognised', async () => {
  const { context, page, log } = await analysed(site, await fixture('article2.txt'));
  await showView(page, 'articles');
  const none = page.locator('[data-testid=view][data-view=articles] [data-testid=articles-none]');
  assert.match(await none.textContent(), /一篇文章/);
  assert.match(await none.textContent(), /本报讯/);
  assert.equal(await page.getByTestId('article').count(), 0);
  await toEnglish(page);
  assert.match(await none.textContent(), /single article/);
  assert.deepEqual(log.errors, []);
  await context.close();
});
