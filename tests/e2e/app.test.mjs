// End-to-end: the release build in dist/, served on loopback, driven in headless Chromium the way
// a person uses it. Run with `node --test tests/e2e/` after `trunk build --release --offline`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, useSite, openPage, assertNoForeignRequests, waitForState, fixture, paste, machine, openApp, showView } from './harness.mjs';

const site = useSite();

async function terms(page, selector, attribute) {
  return page.locator(selector).evaluateAll(
    (nodes, attr) => nodes.map((n) => n.getAttribute(attr)),
    attribute,
  );
}

async function entities(page, type) {
  return terms(page, `[data-testid=entity][data-type=${type}]`, 'data-text');
}

/** The keywords view's table sorted by TextRank: the rows TextRank ranks, best first, as
 * [term, count, score]. */
async function textRankRows(page) {
  await showView(page, 'keywords');
  const sort = page.locator('[data-testid=keyword-sort][data-sort=textrank]');
  await sort.click();
  await page.waitForFunction(() => document.querySelector('[data-testid=keyword]')?.dataset.rank === 'textrank');
  return page.locator('[data-testid=keyword]').evaluateAll((nodes) => nodes
    .filter((n) => n.dataset.textrank !== '')
    .map((n) => [n.dataset.term, Number(n.dataset.count), n.dataset.textrank]));
}

test('an article pasted in is analysed: keywords, entities and a cloud', async () => {
  const { context, page, log } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.origin + '/');
  const article = await fixture('article.txt');

  // The text area is usable while the engine is still loading.
  await page.getByTestId('input').waitFor();
  await paste(page, article);
  await waitForState(page, 'done');

  // The overview lists the leading TF-IDF keywords; the keywords view sorts by TextRank.
  const tfidf = await terms(page, '[data-testid=keyword][data-rank=tfidf]', 'data-term');
  const textrank = (await textRankRows(page)).map(([term]) => term);
  await showView(page, 'overview');
  for (const word of ['古籍', '数字化', '修复']) {
    assert.ok(tfidf.slice(0, 10).includes(word), `TF-IDF top 10 has ${word}: ${tfidf}`);
    assert.ok(textrank.slice(0, 15).includes(word), `TextRank top 15 has ${word}: ${textrank}`);
  }
  // Scores are normalised: the first is 1, none above, best first.
  const scores = await terms(page, '[data-testid=keyword][data-rank=tfidf]', 'data-score');
  assert.equal(Number(scores[0]), 1);
  for (let i = 1; i < scores.length; i++) assert.ok(Number(scores[i]) <= Number(scores[i - 1]));
  // The count shown is the number of times the word is in the text.
  const guji = page.locator('[data-testid=keyword][data-rank=tfidf][data-term=古籍]');
  assert.equal(Number(await guji.getAttribute('data-count')), article.split('古籍').length - 1);

  // The cloud draws the top keywords as SVG text.
  const cloud = page.getByTestId('cloud');
  assert.ok(await cloud.isVisible());
  const cloudWords = await terms(page, '[data-testid=cloud-word]', 'data-term');
  assert.ok(cloudWords.length >= 10, `cloud has ${cloudWords.length} words`);
  assert.ok(cloudWords.includes(tfidf[0]), 'the best keyword is in the cloud');

  // Statistics a person can check by eye.
  const paragraphs = article.split('\n').filter((l) => l.trim()).length;
  const shown = await page.locator('[data-stat=paragraphs] dd').textContent();
  assert.equal(Number(shown), paragraphs);

  // Every entity is in the entities view.
  await showView(page, 'entities');
  assert.equal(await page.getByTestId('entity-model-unavailable').count(), 0, 'the model is in use');
  const people = await entities(page, 'person');
  for (const name of ['陈国平', '王慧敏', '赵明远']) {
    assert.ok(people.includes(name), `person ${name} in ${people}`);
  }
  const chen = page.locator('[data-testid=entity][data-type=person][data-text=陈国平]');
  assert.equal(Number(await chen.getAttribute('data-count')), article.split('陈国平').length - 1);
  const places = await entities(page, 'place');
  for (const place of ['杭州', '西湖']) assert.ok(places.includes(place), `place ${place} in ${places}`);
  const orgs = await entities(page, 'organization');
  for (const org of ['浙江图书馆', '南京图书馆', '苏州博物馆']) {
    assert.ok(orgs.includes(org), `organization ${org} in ${orgs}`);
  }
  const works = await entities(page, 'work');
  assert.deepEqual([...works].sort(), ['杭州府志', '西湖志']);
  const quantities = await entities(page, 'quantity');
  assert.ok(quantities.some((q) => q.includes('1800万')), `quantity 1800万元 in ${quantities}`);
  // Its value is read and shown: 1800万元 is eighteen million yuan.
  const money = page.locator('[data-testid=entity][data-type=quantity][data-text*="1800万"]');
  assert.match(await money.getAttribute('data-value'), /18,000,000/);
  const times = await entities(page, 'time');
  assert.ok(times.some((t) => t.includes('2019年')), `time 2019年 in ${times}`);

  assert.deepEqual(log.errors, [], 'no console errors');
  assertNoForeignRequests(log, site.server.origin);
  // Kept for a person to look at (tests/e2e/artifacts is ignored by git).
  await showView(page, 'overview');
  mkdirSync(join(root, 'tests', 'e2e', 'artifacts'), { recursive: true });
  await page.screenshot({ path: join(root, 'tests', 'e2e', 'artifacts', 'article.png'), fullPage: true });
  await context.close();
});

test('the engine loads once: timings of page, engine and a first and second 20 KB analysis', async () => {
  const { context, page, log } = await openPage(site.browser, site.server.origin);
  const started = Date.now();
  await page.goto(site.server.origin + '/');
  await waitForState(page, 'ready');
  const marks = await page.evaluate(() => window.__marks);
  const ready = marks.states.find((s) => s.state === 'ready');
  // The page paints, and the text area takes input, before the engine has loaded.
  assert.equal(marks.states[0].state, 'loading');
  assert.ok(marks.input < ready.at, JSON.stringify(marks));

  // About 20 KB of text made of the project's own articles; the second text weighs them
  // differently, so its report differs in every list and the page really redraws.
  const a = await fixture('article.txt');
  const b = await fixture('article2.txt');
  const build = (first, second, ratio) => {
    let text = '';
    for (let i = 0; Buffer.byteLength(text) < 20_000; i++) text += (i % ratio ? second : first) + '\n';
    return text;
  };
  const texts = [build(a, b, 2), build(b, a, 3), build(a, b, 2)];

  const runs = [];
  for (let run = 0; run < texts.length; run++) {
    await page.getByTestId('input').fill(texts[run]);
    const before = await page.evaluate(() => performance.now());
    await page.getByTestId('input').press('Control+Enter');
    await page.waitForFunction(
      (t) => window.__marks.states.some((s) => s.state === 'done' && s.at > t),
      before,
    );
    const status = page.getByTestId('status');
    const done = await page.evaluate(
      (t) => window.__marks.states.find((s) => s.state === 'done' && s.at > t).at,
      before,
    );
    runs.push({
      endToEnd: done - before,
      engine: Number(await status.getAttribute('data-engine-ms')),
      roundTrip: Number(await status.getAttribute('data-round-trip-ms')),
      load: Number(await status.getAttribute('data-load-ms')),
    });
  }
  // One worker, loaded once: every analysis reports the same load, so none paid for it again.
  assert.equal(page.workers().length, 1);
  assert.ok(runs.every((r) => r.load === runs[0].load), JSON.stringify(runs));

  console.log(`\n  measured on ${machine()} (headless Chromium, release build):`);
  console.log(`    text area usable  ${marks.input.toFixed(0)} ms after navigation start`);
  console.log(`    engine ready      ${ready.at.toFixed(0)} ms (dictionary load in worker ${runs[0].load.toFixed(0)} ms)`);
  console.log(`    20 KB analyses (${texts.map((t) => Buffer.byteLength(t)).join(', ')} bytes; Ctrl+Enter to status done / request to report / engine):`);
  runs.forEach((r, i) => console.log(
    `      #${i + 1}  ${r.endToEnd.toFixed(0)} / ${r.roundTrip.toFixed(0)} / ${r.engine.toFixed(0)} ms`,
  ));

  // One megabyte: throughput of the whole report and of each stage, in the worker.
  let big = '';
  for (let i = 0; Buffer.byteLength(big) < 1_000_000; i++) big += (i % 2 ? a : b) + '\n';
  // Set directly, not typed or pasted: Chromium's own editor takes seconds to insert a
  // megabyte into any textarea (measured: 0.1 MB 0.46 s, 0.4 MB 4.9 s on a bare one).
  await page.getByTestId('input').evaluate((area, text) => {
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, big);
  const before = await page.evaluate(() => performance.now());
  await page.getByTestId('input').press('Control+Enter');
  await page.waitForFunction(
    (t) => window.__marks.states.some((s) => s.state === 'done' && s.at > t),
    before,
    { timeout: 120_000 },
  );
  const status = page.getByTestId('status');
  const engineMs = Number(await status.getAttribute('data-engine-ms'));
  const stages = JSON.parse(await status.getAttribute('data-stages'));
  const mb = Buffer.byteLength(big) / 1e6;
  const rate = (ms) => `${(mb / (ms / 1000)).toFixed(1)} MB/s`;
  console.log(`    ${mb.toFixed(2)} MB analysis: engine ${engineMs.toFixed(0)} ms (${rate(engineMs)}); stages:`);
  for (const [stage, ms] of Object.entries(stages)) {
    console.log(`      ${stage.padEnd(14)} ${ms.toFixed(0).padStart(6)} ms  ${rate(ms)}`);
  }
  console.log(`    wall time of this test ${Date.now() - started} ms`);

  assert.deepEqual(log.errors, []);
  assertNoForeignRequests(log, site.server.origin);
  await context.close();
});

test('empty and white-space text shows the empty state, not an error', async () => {
  const { context, page, log } = await openApp(site);
  await paste(page, '北京今天天气晴朗。');
  await waitForState(page, 'done');
  await paste(page, '   \n\n\t　 ');
  await page.getByTestId('analyse').click();
  await page.getByTestId('empty-state').waitFor();
  assert.equal(await page.getByTestId('status').getAttribute('data-state'), 'ready');
  assert.equal(await page.locator('[data-testid=keyword]').count(), 0);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('text without Chinese, and text that looks like HTML, is analysed as text', async () => {
  const { context, page, log } = await openApp(site);
  const inputs = [
    'The quick brown fox jumps over the lazy dog. 12345 67.89 ',
    '😀🎉👍🏽 ❤️ 🇨🇳 ½ ① ㈱ ﷺ',
    'Mixed 混合 text: iPhone 15 在 2023年9月 发布，售价 5999 元。',
    '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"><b>粗体</b> &amp; &lt;',
  ];
  for (const text of inputs) {
    await paste(page, text);
    await page.getByTestId('input').press('Control+Enter');
    await waitForState(page, ['done', 'ready']);
    assert.equal(await page.getByTestId('input').inputValue(), text);
  }
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing was executed');
  assert.equal(await page.locator('.report img, .report script, .report b').count(), 0);
  assert.equal(await page.getByTestId('status').getAttribute('data-state'), 'done');
  assert.deepEqual(log.errors, []);
  assertNoForeignRequests(log, site.server.origin);
  await context.close();
});

test('hostile characters (lone surrogates, controls, right-to-left, emoji) are analysed, not fatal', async () => {
  const { context, page, log } = await openApp(site);
  // A JS string the browser can hold but UTF-8 cannot: lone halves of surrogate pairs. Crossing
  // into the worker they become U+FFFD; the analysis must still finish and count them.
  const text = '北京\uD800市今天\uDFFF发布通知。\u0000\u0007控制\u001b字符\r\n' +
    'مرحبا بالعالم 和 שלום 混排。\u202Eبالعكس\u202C 👩🏽‍💻 🇨🇳 e\u0301 。\u2028下一行';
  await page.getByTestId('input').evaluate((area, t) => {
    area.value = t;
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, text);
  await page.getByTestId('input').press('Control+Enter');
  await waitForState(page, ['done', 'error']);
  assert.equal(await page.getByTestId('status').getAttribute('data-state'), 'done');
  // The Han chars are counted exactly, whatever surrounds them.
  const han = [...text].filter((c) => /\p{Script=Han}/u.test(c)).length;
  const classes = await page.locator('[data-stat=classes]').textContent();
  assert.match(classes, new RegExp(`汉字 ${han} `), classes);
  // The text area keeps what was put in (a text area stores CR LF as LF; at most the lone
  // surrogates may become U+FFFD, as in any UTF-8 program).
  const kept = await page.getByTestId('input').inputValue();
  const lf = text.replaceAll('\r\n', '\n');
  assert.ok(kept === lf || kept === lf.toWellFormed(), JSON.stringify(kept));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the text survives a reload and is analysed again', async () => {
  const { context, page, log } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.origin + '/');
  const article = await fixture('article2.txt');
  await paste(page, article);
  await waitForState(page, 'done');
  await page.reload();
  assert.equal(await page.getByTestId('input').inputValue(), article);
  await waitForState(page, 'done');
  const tfidf = await terms(page, '[data-testid=keyword][data-rank=tfidf]', 'data-term');
  assert.ok(tfidf.includes('冷库'), `冷库 in ${tfidf}`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a crash of the worker shows an error, keeps the text, and the next analysis works', async () => {
  const { context, page, log } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.origin + '/');
  const article = await fixture('article.txt');
  await paste(page, article);
  await waitForState(page, 'done');

  // Make the worker's Rust code panic, from inside the worker, as a bug would.
  const [worker] = page.workers();
  await worker.evaluate(() => {
    setTimeout(() => self.onmessage(new MessageEvent('message', { data: '{"kind":"panic"}' })));
  });
  await waitForState(page, 'error');
  const message = await page.getByTestId('status').textContent();
  assert.match(message, /分析引擎/);
  assert.equal(await page.getByTestId('input').inputValue(), article);
  assert.ok(await page.locator('[data-testid=keyword]').count() > 0, 'the last report stays');

  // A fresh worker takes over; the next analysis succeeds.
  await page.getByTestId('analyse').click();
  await waitForState(page, 'done');
  assert.equal(page.workers().length, 1, 'the crashed worker is gone');
  // The only console errors are the panic's own report.
  assert.ok(log.errors.every((e) => /panic|unreachable|分析引擎/i.test(e)), log.errors.join('\n'));
  await context.close();
});

test('the page shows the same report as `wenxi analyse --json`', async () => {
  const cli = process.env.WENXI_CLI ?? join(root, 'target', 'debug', 'wenxi');
  assert.ok(existsSync(cli), `the CLI must be built first (cargo build -p wenxi-cli): ${cli}`);
  const article = await fixture('article2.txt');
  const report = JSON.parse(execFileSync(cli, ['analyse', '-', '--json'], { input: article }));

  const { context, page, log } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.origin + '/');
  await paste(page, article);
  await waitForState(page, 'done');

  // The overview: the first 20 TF-IDF keywords, the cloud and the statistics.
  const tfidf = await page.locator('[data-testid=keyword][data-rank=tfidf]').evaluateAll(
    (nodes) => nodes.map((n) => [n.dataset.term, Number(n.dataset.count), n.dataset.score]),
  );
  const expected = (list, n) => list.slice(0, n).map((k) => [k.term, k.count, k.score.toFixed(4)]);
  assert.deepEqual(tfidf, expected(report.keywords, 20));
  const cloud = await terms(page, '[data-testid=cloud-word]', 'data-term');
  assert.deepEqual(cloud, report.cloud.words.map((w) => w.term));
  for (const key of ['characters', 'words', 'sentences', 'paragraphs']) {
    const value = await page.locator(`[data-stat=${key}] dd`).textContent();
    assert.equal(Number(value), report.stats[key], key);
  }

  // The keywords view: the whole TextRank ranking (the page ranks as deep as the CLI or deeper),
  // the keyword pairs and the phrases.
  const textrank = await textRankRows(page);
  assert.ok(textrank.length >= 20, `${textrank.length} TextRank rows`);
  assert.deepEqual(textrank.slice(0, report.textrank.length), expected(report.textrank, textrank.length));

  const keywordLinks = await page.locator('[data-testid=keyword-link]').evaluateAll(
    (nodes) => nodes.map((n) => [n.dataset.a, n.dataset.b, Number(n.dataset.sentences)]),
  );
  assert.deepEqual(keywordLinks, report.keyword_links.slice(0, 12).map((l) => [l.a, l.b, l.sentences]));
  const phrases = await terms(page, '[data-testid=phrase]', 'data-term');
  assert.deepEqual(phrases, report.phrases.map((p) => p.term));

  // The entities view: every entity, its pairs, and where names came from.
  await showView(page, 'entities');
  const shown = await page.locator('[data-testid=entity]').evaluateAll(
    (nodes) => nodes.map((n) => [n.dataset.type, n.dataset.text, Number(n.dataset.count)]),
  );
  assert.deepEqual(shown, report.entities.map((e) => [e.type, e.text, e.count]));

  const links = await page.locator('[data-testid=entity-link]').evaluateAll(
    (nodes) => nodes.map((n) => [n.dataset.a, n.dataset.b, Number(n.dataset.sentences)]),
  );
  assert.ok(report.entity_links.length > 0, 'the article names people and places together');
  assert.deepEqual(links, report.entity_links.slice(0, 12).map((l) => [l.a.text, l.b.text, l.sentences]));
  assert.equal(
    await page.getByTestId('entity-model-unavailable').count(),
    report.names_from.by === 'model' ? 0 : 1,
    'the page says when the entity model is not in use',
  );
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('an engine that cannot load is retried a few times, then the user is told', async () => {
  // No service worker: its precache would fetch worker_bg.wasm too, and be counted.
  const { context, page } = await openPage(site.browser, site.server.origin, { serviceWorkers: 'block' });
  let loads = 0;
  await context.route('**/worker_bg.wasm', (route) => {
    loads += 1;
    return route.fulfill({ status: 404, body: 'gone' });
  });
  await page.goto(site.server.origin + '/');
  await paste(page, '这段文字必须留下。');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=status]')?.textContent.includes('无法加载'),
  );
  // Given up for good: no further tries come.
  await page.waitForTimeout(1000);
  assert.equal(await page.getByTestId('status').getAttribute('data-state'), 'error');
  assert.equal(loads, 3, 'three tries, then no more');
  assert.equal(await page.getByTestId('input').inputValue(), '这段文字必须留下。');
  await context.close();
});

test('without its entity model the page still analyses, and says names are rough', async () => {
  const { context, page, log } = await openPage(site.browser, site.server.origin);
  await context.route('**/ner.bin', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(site.server.origin + '/');
  await paste(page, await fixture('article.txt'));
  await waitForState(page, 'done');
  assert.ok(await page.locator('[data-testid=keyword]').count() > 0);
  assert.ok(await page.locator('[data-testid=entity][data-type=quantity]').count() > 0);
  await showView(page, 'entities');
  assert.ok(await page.getByTestId('entity-model-unavailable').isVisible());
  assert.deepEqual(log.errors.filter((e) => !/404/.test(e)), []);
  await context.close();
});

test('picking a word shows where it occurs, in context', async () => {
  const { context, page, log } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.origin + '/');
  const article = await fixture('article.txt');
  await paste(page, article);
  await waitForState(page, 'done');

  // A keyword of the overview opens the contexts view on it.
  const row = page.locator('[data-testid=keyword][data-rank=tfidf]').first();
  const term = await row.getAttribute('data-term');
  await row.locator('button').click();
  await page.locator('[data-testid=view][data-view=contexts]').waitFor();
  const panel = page.getByTestId('contexts');
  await page.waitForFunction(() => document.querySelector('[data-testid=contexts]')?.dataset.total);
  assert.equal(await panel.getAttribute('data-term'), term);
  const expected = article.split(term).length - 1;
  assert.equal(Number(await panel.getAttribute('data-total')), expected);
  const lines = await page.getByTestId('context-line').allTextContents();
  assert.equal(lines.length, expected);
  assert.ok(lines.every((l) => l.includes(term)));

  // An entity picked from the entities view replaces it; closing removes the panel.
  await showView(page, 'entities');
  await page.locator('[data-testid=entity][data-type=person] button.pick').first().click();
  await page.locator('[data-testid=view][data-view=contexts]').waitFor();
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid=contexts]')?.dataset.term !== t,
    term,
  );
  await panel.locator('button.close').click();
  assert.equal(await page.getByTestId('contexts').count(), 0);
  assert.deepEqual(log.errors, []);
  await context.close();
});
