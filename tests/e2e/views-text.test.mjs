// The text, contexts and distribution views, driven as a reader drives them: paste, click tabs,
// toggle layers, type and press Enter, sort, move between pages, add and remove terms, click a
// bar; and what they show checked against the text itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, openApp, paste, waitForState, analysedAfter, showView, fixture,
} from './harness.mjs';

const site = useSite();

// Two short made-up news items, each a headline, a dateline and a body, a blank line between
// them.
const TWO_ARTICLES = await fixture('two-articles.txt');

/** Non-overlapping occurrences of `term` in `text`, Latin letters in any case (as the engine). */
function occurrences(text, term) {
  const hay = text.toLowerCase();
  const needle = term.toLowerCase();
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n += 1;
  return n;
}

async function analysed(page, text) {
  await analysedAfter(page, () => paste(page, text));
}

async function attributes(locator, name) {
  return locator.evaluateAll((nodes, attr) => nodes.map((n) => n.getAttribute(attr)), name);
}

/** The text view's body once its page is drawn. */
async function textBody(page) {
  const body = page.getByTestId('text-body');
  await body.waitFor();
  return body;
}

async function background(locator) {
  return locator.evaluate((el) => getComputedStyle(el).backgroundColor);
}

const NONE = 'rgba(0, 0, 0, 0)';

/** Searches the contexts view for `term` by typing and pressing Enter; waits for the answer. */
async function searchContexts(page, term) {
  await showView(page, 'contexts');
  const box = page.getByTestId('contexts-search');
  await box.fill(term);
  await box.press('Enter');
  await page.waitForFunction(
    (t) => {
      const panel = document.querySelector('[data-testid=contexts]');
      return panel?.dataset.term === t && panel.dataset.total !== undefined;
    },
    term,
  );
  return Number(await page.getByTestId('contexts').getAttribute('data-total'));
}

test('the text view shows the article with its highlights; layers turn them off and on', async () => {
  const { context, page, log } = await openApp(site);
  const article = await fixture('article.txt');
  await analysed(page, article);
  await showView(page, 'text');
  const body = await textBody(page);
  assert.equal(await body.textContent(), article, 'the page is the whole article, unchanged');
  assert.equal(await page.getByTestId('text-page').count(), 0, 'one page: no page buttons');

  // Every token span sits at its own offset in the text.
  const chars = Array.from(article);
  const spans = await body.locator('[data-s]').evaluateAll((nodes) => nodes.map((n) => [Number(n.dataset.s), n.textContent]));
  assert.ok(spans.length > 200, `${spans.length} token spans`);
  for (const [s, text] of spans) {
    assert.equal(chars.slice(s, s + Array.from(text).length).join(''), text, `token at ${s}`);
  }

  // Entities: 浙江图书馆 and the like are coloured by type; the place layer turns places off.
  const types = new Set(await attributes(body.locator('[data-entity]'), 'data-entity'));
  for (const t of ['place', 'time', 'quantity']) assert.ok(types.has(t), `has ${t}: ${[...types]}`);
  const place = body.locator('[data-entity=place]').first();
  const placeColour = await background(place);
  assert.notEqual(placeColour, NONE);
  const toggle = page.locator('[data-testid=text-layer][data-layer=place]');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.equal(await background(place), NONE, 'places are no longer highlighted');
  assert.notEqual(await background(body.locator('[data-entity=time]').first()), NONE, 'times still are');
  await toggle.press('Enter');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true', 'the keyboard toggles too');
  assert.equal(await background(place), placeColour);

  // Keywords: on by default, off with their toggle.
  const keyword = body.locator('[data-keyword]:not([data-entity] *)').first();
  assert.notEqual(await background(keyword), NONE);
  await page.locator('[data-testid=text-layer][data-layer=keywords]').click();
  assert.equal(await background(keyword), NONE);

  // Words: off by default; on, each token ends with a visible boundary, and the tokens and the
  // white space between them put together are the page.
  const word = body.locator('span.w').first();
  const border = () => word.evaluate((el) => getComputedStyle(el).borderRightWidth);
  assert.equal(await border(), '0px');
  assert.equal(await page.locator('[data-testid=text-layer][data-layer=pos]').isDisabled(), true);
  await page.locator('[data-testid=text-layer][data-layer=words]').click();
  assert.equal(await border(), '1px');
  const joined = await body.evaluate((el) => {
    let out = '';
    const walk = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) out += child.textContent;
        else walk(child);
      }
    };
    walk(el);
    return out;
  });
  assert.equal(joined, article);
  // Parts of speech: drawn after each word when turned on.
  await page.locator('[data-testid=text-layer][data-layer=pos]').click();
  const tag = await word.evaluate((el) => getComputedStyle(el, '::after').content);
  assert.match(tag, /^"[a-z]+"$/, `a tag after the word: ${tag}`);

  // A word clicked opens its contexts.
  const picked = await word.textContent();
  await word.click();
  await page.locator('[data-testid=view][data-view=contexts]').waitFor();
  await page.waitForFunction((t) => document.querySelector('[data-testid=contexts]')?.dataset.term === t, picked);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('contexts: a typed term, its lines sorted three ways, and show in text marks it', async () => {
  const { context, page, log } = await openApp(site);
  const article = await fixture('article.txt');
  await analysed(page, article);
  const term = '古籍';
  const total = await searchContexts(page, term);
  assert.equal(total, occurrences(article, term));
  const lines = page.getByTestId('context-line');
  assert.equal(await lines.count(), total);
  const read = () => lines.evaluateAll((nodes) => nodes.map((n) => ({
    start: Number(n.dataset.start), left: n.dataset.left, right: n.dataset.right,
    match: n.querySelector('mark').textContent,
  })));
  const byPosition = await read();
  assert.deepEqual(byPosition.map((l) => l.start), [...byPosition].map((l) => l.start).sort((a, b) => a - b));
  for (const l of byPosition) {
    assert.equal(l.match, term);
    assert.equal(Array.from(article).slice(l.start, l.start + 2).join(''), term);
    assert.ok(article.includes(l.left + l.match + l.right), 'a line is a stretch of the text');
  }

  // Code point order on the keys, ties by position (as concordancers sort).
  const compare = (a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
      if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return a.length - b.length;
  };
  const expect = (key) => [...byPosition]
    .sort((a, b) => compare(key(a), key(b)) || a.start - b.start)
    .map((l) => l.start);
  // Keys as the page sorts them: full-width forms folded (（ is (), Latin in lower case.
  const fold = (c) => {
    const n = c.codePointAt(0);
    if (n === 0x3000) return 0x20;
    if (n >= 0xff01 && n <= 0xff5e) return String.fromCodePoint(n - 0xfee0).toLowerCase().codePointAt(0);
    return c.toLowerCase().codePointAt(0);
  };
  const codes = (s) => Array.from(s).map(fold);
  const sort = page.getByTestId('contexts-sort');
  await sort.selectOption('left');
  const left = (await read()).map((l) => l.start);
  assert.deepEqual(left, expect((l) => codes(l.left).reverse()));
  await sort.selectOption('right');
  const right = (await read()).map((l) => l.start);
  assert.deepEqual(right, expect((l) => codes(l.right)));
  assert.notDeepEqual(left, right, 'the two orders differ on this text');
  await sort.selectOption('position');
  assert.deepEqual((await read()).map((l) => l.start), byPosition.map((l) => l.start));

  // Show in text: the text view opens with every occurrence on the page marked.
  await sort.selectOption('right');
  const third = lines.nth(2);
  const at = Number(await third.getAttribute('data-start'));
  await third.getByTestId('context-in-text').click();
  await page.locator('[data-testid=view][data-view=text]').waitFor();
  await textBody(page);
  const marks = page.getByTestId('text-mark');
  assert.equal(await marks.count(), total);
  assert.ok((await attributes(marks, 'data-at')).includes(String(at)));
  assert.deepEqual(new Set(await marks.allTextContents()), new Set([term]));
  const line = page.getByTestId('text-mark-line');
  assert.equal(await line.getAttribute('data-count'), String(total));
  assert.match(await line.textContent(), new RegExp(`标出：${term}（本页 ${total} 处）`));
  // The occurrence asked for is brought into view.
  const shown = page.locator(`mark[data-at="${at}"]`);
  assert.ok(await shown.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  }), 'the occurrence is on screen');

  // In English, then cleared.
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await line.textContent(), new RegExp(`Marked: ${term} \\(${total} on this page\\)`));
  await page.getByTestId('text-mark-clear').click();
  assert.equal(await page.getByTestId('text-mark').count(), 0);
  await showView(page, 'contexts');
  assert.deepEqual(
    await page.getByTestId('contexts-sort').locator('option').allTextContents(),
    ['By position', 'By left context', 'By right context'],
  );
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a text over one page is read page by page, keeping the mark', async () => {
  const { context, page, log } = await openApp(site);
  const article = await fixture('article.txt');
  const text = Array.from({ length: 24 }, (_, i) => `第${i + 1}节\n${article}`).join('\n');
  assert.ok(Array.from(text).length > 20_000);
  await analysed(page, text);
  const total = await searchContexts(page, '古籍');
  await page.getByTestId('context-in-text').first().click();
  await page.locator('[data-testid=view][data-view=text]').waitFor();
  await textBody(page);
  const where = page.getByTestId('text-page');
  const pages = Number(await where.getAttribute('data-pages'));
  assert.ok(pages >= 3, `${pages} pages`);
  assert.equal(await where.getAttribute('data-page'), '1');
  assert.equal(await where.textContent(), `第 1/${pages} 页`);
  assert.ok(await page.getByTestId('text-page-prev').isDisabled());
  const chars = Array.from(text);
  const pageText = async () => {
    const body = page.getByTestId('text-body');
    const first = Number(await page.locator('.text-body').getAttribute('data-start'));
    const shown = await body.textContent();
    return { first, shown };
  };
  const one = await pageText();
  assert.equal(one.first, 0);
  assert.equal(one.shown, chars.slice(0, Array.from(one.shown).length).join(''));
  let marked = await page.getByTestId('text-mark').count();

  await page.getByTestId('text-page-next').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=text-page]')?.dataset.page === '2');
  const two = await pageText();
  assert.equal(two.first, Array.from(one.shown).length, 'page 2 starts where page 1 ended');
  assert.equal(two.shown, chars.slice(two.first, two.first + Array.from(two.shown).length).join(''));
  assert.ok(one.shown.endsWith('\n'), 'pages end at a line break');
  marked += await page.getByTestId('text-mark').count();
  assert.ok(await page.getByTestId('text-mark').count() > 0, 'the mark is kept');

  // The keyboard reaches the buttons: back to page 1 with Enter.
  await page.getByTestId('text-page-prev').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=text-page]')?.dataset.page === '1');
  assert.equal((await pageText()).shown, one.shown);
  assert.ok(marked <= total);
  // The copy of the buttons under the text turns the page too, and a page without a mark
  // opens at its top.
  await page.getByTestId('text-mark-clear').click();
  await page.getByTestId('text-page-next-end').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=text-page]')?.dataset.page === '2');
  assert.equal(await page.getByTestId('text-page-end').getAttribute('data-page'), '2');
  assert.ok(await page.getByTestId('text-page-prev').evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  }), 'the page buttons at the top are on screen');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('distribution: the leading keywords by default; terms added and removed; totals; a bar opens the text', async () => {
  const { context, page, log } = await openApp(site);
  const article = await fixture('article.txt');
  await analysed(page, article);
  await showView(page, 'contexts');
  const leading = await attributes(page.getByTestId('contexts-quick'), 'data-term');
  assert.ok(leading.length >= 5);
  for (const term of ['阅览', '扫描']) assert.ok(!leading.slice(0, 5).includes(term), `${term} is not leading`);

  await showView(page, 'distribution');
  const rows = page.getByTestId('distribution-row');
  await rows.first().waitFor();
  const shownTerms = () => attributes(page.getByTestId('distribution-term'), 'data-term');
  assert.deepEqual(await shownTerms(), leading.slice(0, 5));
  assert.deepEqual(await attributes(rows, 'data-term'), leading.slice(0, 5));
  for (const [term, total] of await rows.evaluateAll((n) => n.map((r) => [r.dataset.term, Number(r.dataset.total)]))) {
    assert.equal(total, occurrences(article, term), term);
  }
  // Bars on one scale: the tallest bar of all rows is the full height.
  const heights = await page.locator('rect.bin').evaluateAll((n) => n.map((r) => Number(r.getAttribute('height'))));
  assert.equal(Math.max(...heights), 26);

  // Add by typing and Enter; the row's total is the contexts' total.
  const input = page.getByTestId('distribution-add');
  await input.fill('阅览');
  await input.press('Enter');
  await page.locator('[data-testid=distribution-row][data-term="阅览"]').waitFor();
  assert.deepEqual(await shownTerms(), [...leading.slice(0, 5), '阅览']);
  const added = Number(await page.locator('[data-testid=distribution-row][data-term="阅览"]').getAttribute('data-total'));
  // Absent terms say so.
  await input.fill('没有这个词');
  await page.getByTestId('distribution-add-submit').click();
  const absent = page.locator('[data-testid=distribution-row][data-term="没有这个词"]');
  await absent.waitFor();
  assert.equal(await absent.getAttribute('data-total'), '0');
  assert.match(await absent.textContent(), /文中没有出现/);
  // Removed.
  await page.locator('[data-testid=distribution-term][data-term="没有这个词"]').getByTestId('distribution-remove').click();
  await absent.waitFor({ state: 'detached' });
  assert.deepEqual(await shownTerms(), [...leading.slice(0, 5), '阅览']);

  // A bar opens the text view there, the term marked.
  const row = page.locator('[data-testid=distribution-row][data-term="阅览"]');
  await row.locator('rect.bin').first().click();
  await page.locator('[data-testid=view][data-view=text]').waitFor();
  await textBody(page);
  assert.equal(await page.getByTestId('text-mark').count(), added);
  assert.deepEqual(new Set(await page.getByTestId('text-mark').allTextContents()), new Set(['阅览']));

  // The contexts agree; from there, a term goes to the distribution.
  assert.equal(await searchContexts(page, '阅览'), added);
  await searchContexts(page, '扫描');
  await page.getByTestId('contexts-to-distribution').click();
  await page.locator('[data-testid=view][data-view=distribution]').waitFor();
  await page.locator('[data-testid=distribution-row][data-term="扫描"]').waitFor();
  assert.deepEqual(await shownTerms(), [...leading.slice(0, 5), '阅览', '扫描']);

  // Reset: the leading keywords again (and the term whose contexts are open).
  await page.getByTestId('distribution-reset').click();
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid=distribution-term]').length === n,
    6,
  );
  assert.deepEqual(await shownTerms(), [...leading.slice(0, 5), '扫描']);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('distribution of a paste of several articles: boundaries and counts per article', async () => {
  const { context, page, log } = await openApp(site);
  await analysed(page, TWO_ARTICLES);
  await showView(page, 'distribution');
  const input = page.getByTestId('distribution-add');
  for (const term of ['草莓', '停车', '本报讯']) {
    await input.fill(term);
    await input.press('Enter');
    await page.locator(`[data-testid=distribution-row][data-term="${term}"]`).waitFor();
  }
  const [first, second] = TWO_ARTICLES.split('\n\n');
  const cells = await page.getByTestId('distribution-article-cell').evaluateAll((n) => n.map((c) => [
    c.dataset.term, Number(c.dataset.article), Number(c.dataset.count),
  ]));
  for (const term of ['草莓', '停车', '本报讯']) {
    const mine = cells.filter(([t]) => t === term);
    assert.deepEqual(mine, [[term, 1, occurrences(first, term)], [term, 2, occurrences(second, term)]]);
  }
  assert.deepEqual(cells.filter(([t]) => t === '草莓').map(([, , n]) => n), [0, 4]);
  // One boundary line per strip, where the second article starts.
  const rows = await page.getByTestId('distribution-row').count();
  assert.equal(await page.locator('svg.strip line.boundary').count(), rows);
  assert.equal(await page.locator('[data-testid=distribution-articles] th[scope=col]').count(), 3);

  // The table in English.
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.deepEqual(
    (await page.locator('[data-testid=distribution-articles] thead th').allTextContents()).map((t) => t.split(/山城|河湾/)[0]),
    ['Term', 'Article 1', 'Article 2'],
  );
  assert.match(await page.locator('[data-testid=distribution-row][data-term="草莓"]').textContent(), /4 times/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('contexts without a term offer a search and the leading keywords, in both languages', async () => {
  const { context, page, log } = await openApp(site);
  await analysed(page, await fixture('article2.txt'));
  await showView(page, 'contexts');
  const quick = page.getByTestId('contexts-quick');
  assert.ok(await quick.count() >= 5);
  const term = await quick.first().getAttribute('data-term');
  await quick.first().click();
  await page.waitForFunction((t) => document.querySelector('[data-testid=contexts]')?.dataset.total
    && document.querySelector('[data-testid=contexts]').dataset.term === t, term);
  assert.equal(await page.getByTestId('contexts-search').inputValue(), term, 'the box shows the term');
  await page.getByTestId('contexts').locator('button.close').click();
  await page.getByTestId('contexts-quick').first().waitFor();
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.getByTestId('contexts-search').getAttribute('placeholder'), 'Type a word, press Enter');
  await waitForState(page, 'done');
  assert.deepEqual(log.errors, []);
  await context.close();
});
