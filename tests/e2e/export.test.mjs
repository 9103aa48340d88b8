// End-to-end: a reader's exports (keywords, entities, statistics as CSV; the report as JSON;
// the cloud as SVG), read back from the downloaded files and compared with what the page
// shows; the settings file exported, changed and imported back, and wrong files refused with a
// message; and the page's strict CSP (style-src 'self', no inline styles) never violated while
// the score bars and vertical cloud words still draw. Run after a release build:
// `node --test tests/e2e/export.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useSite, openPage, waitForState, paste, analysedAfter } from './harness.mjs';

const site = useSite();

// Written for this test: news-like prose with people, places, organisations, dates and sums.
const NEWS = [
  '新华社杭州3月5日电 浙江省文化和旅游厅5日发布消息，今年一季度全省接待游客约1.2亿人次，旅游收入超过1500亿元。',
  '厅长陈明远在发布会上说，西湖、乌镇和千岛湖仍是游客最多的景区，乡村旅游的增长尤其明显。',
  '据介绍，杭州市今年将新建城市书房40家，投入资金2.5亿元。市文化局局长周晓梅表示，城市书房已成为市民阅读的新去处，去年接待读者超过300万人次。',
  '宁波市、温州市也在推进类似的阅读空间建设。专家认为，公共文化设施的普及，让更多市民在家门口就能读书、听讲座。',
  // A product name that starts like a formula; once it is in the user's dictionary it is a
  // keyword, so it honestly reaches the CSV, where it must be neutralised.
  '市里还推出了-文旅卡，凭-文旅卡可免费进入城市书房和博物馆。',
].join('\n');
const FORMULA_WORD = '-文旅卡';

/** Rows of an RFC 4180 file: quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { /* the LF ends the row */ }
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  assert.equal(quoted, false, 'a quoted cell is closed');
  assert.ok(cell === '' && row.length === 0, 'the last row ends with a line break');
  return rows;
}

/** What a spreadsheet shows for a cell the export neutralised with a leading quote. */
const shown = (cell) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** Clicks `testid` and returns the downloaded file: its suggested name and its bytes. */
async function download(page, testid) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testid).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** The file as a CSV table: checks the BOM and CRLF line ends, then parses it. */
function csvTable(bytes) {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const text = bytes.subarray(3).toString('utf8');
  assert.ok(text.endsWith('\r\n'), 'rows end with CRLF');
  const [header, ...rows] = parseCsv(text);
  for (const row of rows) assert.equal(row.length, header.length, JSON.stringify(row));
  return { header, rows, column: (name) => rows.map((r) => r[header.indexOf(name)]) };
}

async function attributes(page, selector, ...names) {
  return page.locator(selector).evaluateAll(
    (nodes, attrs) => nodes.map((n) => (attrs.length === 1
      ? n.getAttribute(attrs[0]) : attrs.map((a) => n.getAttribute(a)))),
    names,
  );
}

/** Starts recording CSP violations before any of the page's code runs. */
async function recordCspViolations(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
}

async function openSettings(page) {
  const panel = page.getByTestId('settings');
  if (!(await panel.evaluate((d) => d.open))) await panel.locator('summary').first().click();
}

test('every export reads back as what the page shows, under a CSP with no inline styles', async () => {
  const { context, page, log } = await openPage(site.browser, site.server.origin);
  await recordCspViolations(page);
  await page.goto(site.server.origin + '/');
  const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  const styleSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('style-src'));
  assert.equal(styleSrc, "style-src 'self'");
  await paste(page, NEWS);
  await waitForState(page, 'done');
  await openSettings(page);
  await page.getByTestId('dict-word-input').fill(FORMULA_WORD);
  await analysedAfter(page, () => page.getByTestId('dict-add').click());

  const pageTerms = await attributes(page, '[data-testid=keyword][data-rank=tfidf]', 'data-term');
  assert.ok(pageTerms.length > 3, `keywords shown: ${pageTerms}`);

  // Keywords: the term column holds the page's keywords, in order (the file has them all, the
  // page the first rows).
  const keywords = await download(page, 'export-keywords-csv');
  assert.match(keywords.name, /^wenxi-keywords-\d{8}-\d{4}\.csv$/);
  const kw = csvTable(keywords.bytes);
  assert.deepEqual(kw.column('词').slice(0, pageTerms.length).map(shown), pageTerms);
  const formulaCells = kw.column('词').filter((c) => shown(c) === FORMULA_WORD);
  assert.deepEqual(formulaCells, [`'${FORMULA_WORD}`], 'the formula-like keyword is neutralised');
  const pageScores = await attributes(page, '[data-testid=keyword][data-rank=tfidf]', 'data-score');
  kw.column('TF-IDF 得分').slice(0, pageScores.length).forEach((score, i) => {
    assert.ok(Math.abs(Number(score) - Number(pageScores[i])) < 1e-3, `${score} vs ${pageScores[i]}`);
  });

  // Entities: every entity the page lists is a row of the file, with the same count.
  const entities = csvTable((await download(page, 'export-entities-csv')).bytes);
  const fileEntities = new Map(entities.rows.map((r) => [
    `${r[entities.header.indexOf('type')]} ${shown(r[entities.header.indexOf('文本')])}`,
    r[entities.header.indexOf('次数')],
  ]));
  const pageEntities = await attributes(page, '[data-testid=entity]', 'data-type', 'data-text', 'data-count');
  assert.ok(pageEntities.length > 3, JSON.stringify(pageEntities));
  for (const [type, text, count] of pageEntities) {
    assert.equal(fileEntities.get(`${type} ${text}`), count, `${type} ${text}`);
  }
  assert.ok(pageEntities.some(([type]) => type === 'person'), 'the text names people');

  // Statistics: the characters row matches the page's statistic.
  const stats = csvTable((await download(page, 'export-stats-csv')).bytes);
  const characters = stats.rows.find((r) => r[1] === 'characters');
  const shownChars = await page.locator('[data-testid=stats] [data-stat=characters] dd').first().textContent();
  assert.equal(characters[2], shownChars.replace(/\D/g, ''), `page shows ${shownChars}`);

  // The report as JSON: its keywords are the page's.
  const json = await download(page, 'export-json');
  assert.match(json.name, /^wenxi-report-\d{8}-\d{4}\.json$/);
  const report = JSON.parse(json.bytes.toString('utf8'));
  assert.deepEqual(report.keywords.slice(0, pageTerms.length).map((k) => k.term), pageTerms);

  // The cloud as SVG: well-formed XML with a <text> for each word the page draws.
  const svg = (await download(page, 'export-cloud-svg')).bytes.toString('utf8');
  const cloudTerms = await attributes(page, '[data-testid=cloud-word]', 'data-term');
  assert.ok(cloudTerms.length > 0);
  // Parsed in a blank page: a DOMParser document takes its page's CSP, and the file's own
  // <style> element would count as an inline style there (the file, opened by itself, has none).
  const blank = await context.newPage();
  const parsed = await blank.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'application/xml');
    return {
      error: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.namespaceURI,
      texts: [...doc.getElementsByTagName('text')].map((t) => t.textContent),
    };
  }, svg);
  await blank.close();
  assert.equal(parsed.error, 0, 'the SVG parses');
  assert.equal(parsed.root, 'http://www.w3.org/2000/svg');
  assert.deepEqual(parsed.texts, cloudTerms);

  // Without inline styles the score bars still have a width and vertical words stand upright.
  const bars = await page.locator('[data-testid=keyword][data-rank=tfidf] .bar rect').evaluateAll(
    (rects) => rects.map((r) => r.getBoundingClientRect().width),
  );
  assert.ok(bars.length > 0 && bars[0] > 0, `bar widths ${bars}`);
  assert.ok(bars.every((w, i) => i === 0 || w <= bars[i - 1] + 0.5), `bars shrink down the list: ${bars}`);
  const vertical = await page.locator('[data-testid=cloud-word].vertical').evaluateAll(
    (words) => words.map((w) => {
      const box = w.getBoundingClientRect();
      return { term: w.dataset.term, width: box.width, height: box.height };
    }),
  );
  for (const w of vertical.filter((v) => [...v.term].length >= 2)) {
    assert.ok(w.height > w.width, `vertical word ${JSON.stringify(w)}`);
  }
  console.log(`# vertical cloud words checked: ${vertical.length}`);

  // The export buttons are reachable with the keyboard.
  await page.getByTestId('export-json').focus();
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'export-stats-csv');

  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation');
  assert.deepEqual(log.errors, []);
  // The downloads are blob: URLs made in the page; they are not requests, so the harness's
  // same-origin check on closing sees none of them.
  console.log(`# request schemes in the session: ${[...new Set(log.requests.map((u) => u.split(':')[0]))]}`);
  await context.close();
});

test('the settings file: export, change, import back; wrong files refused with a message', async () => {
  const { context, page, log } = await openPage(site.browser, site.server.origin);
  await recordCspViolations(page);
  await page.goto(site.server.origin + '/');
  await waitForState(page, ['ready', 'done']);
  await openSettings(page);
  const dictWords = () => attributes(page, '[data-testid=dict-word]', 'data-word');
  const stopwords = () => attributes(page, '[data-testid=stopword]', 'data-word');

  await page.getByTestId('dict-word-input').fill('城市书房');
  await page.getByTestId('dict-add').click();
  await page.getByTestId('stopword-input').fill('记者');
  await page.getByTestId('stopword-add').click();
  await page.locator('[data-testid=pos-group][data-group=adjective]').check();
  assert.deepEqual(await dictWords(), ['城市书房']);
  assert.deepEqual(await stopwords(), ['记者']);

  const exported = await download(page, 'settings-export');
  assert.equal(exported.name, 'wenxi-settings.json');
  const file = JSON.parse(exported.bytes.toString('utf8'));
  assert.equal(file.format, 'wenxi-settings');
  assert.equal(file.version, 1);
  assert.deepEqual(file.user_words.map((w) => w.word), ['城市书房']);

  // A change, then the file brings the settings back.
  await page.locator('[data-testid=dict-word] button.remove').click();
  await page.getByTestId('stopword-input').fill('本报');
  await page.getByTestId('stopword-add').click();
  await page.locator('[data-testid=pos-group][data-group=adjective]').uncheck();
  assert.deepEqual(await dictWords(), []);
  const importFile = (name, buffer) => page.getByTestId('settings-import').setInputFiles({
    name, mimeType: 'application/json', buffer,
  });
  const notice = page.getByTestId('settings-file-notice');
  await importFile('wenxi-settings.json', exported.bytes);
  await page.waitForFunction(
    () => document.querySelector('[data-testid=settings-file-notice]')?.dataset.outcome === 'imported',
  );
  assert.match(await notice.textContent(), /导入了 1 个词、1 个停用词/);
  assert.deepEqual(await dictWords(), ['城市书房']);
  assert.deepEqual(await stopwords(), ['记者']);
  assert.ok(await page.locator('[data-testid=pos-group][data-group=adjective]').isChecked());

  // A file with a field this page does not know: refused, the field named, nothing changed.
  const before = { words: await dictWords(), stop: await stopwords() };
  const extra = { ...file, user_words: [{ word: '别的词' }], colour_scheme: 'dark' };
  await importFile('extra.json', Buffer.from(JSON.stringify(extra)));
  await page.waitForFunction(
    () => document.querySelector('[data-testid=settings-file-notice]')?.dataset.outcome === 'rejected',
  );
  assert.match(await notice.textContent(), /colour_scheme/);
  assert.deepEqual({ words: await dictWords(), stop: await stopwords() }, before);

  // A wrong type, then bytes that are not a settings file at all: each says what is wrong.
  await importFile('wrong-type.json', Buffer.from(JSON.stringify({ ...file, extra_stopwords: '记者' })));
  await page.waitForFunction(
    () => document.querySelector('[data-testid=settings-file-notice]')?.textContent.includes('wrong-type.json'),
  );
  assert.match(await notice.textContent(), /extra_stopwords/);
  await importFile('garbage.json', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x9c, 0x01]));
  await page.waitForFunction(
    () => document.querySelector('[data-testid=settings-file-notice]')?.textContent.includes('garbage.json'),
  );
  assert.match(await notice.textContent(), /JSON/);
  assert.deepEqual({ words: await dictWords(), stop: await stopwords() }, before);

  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation');
  assert.deepEqual(log.errors, []);
  await context.close();
});
