// End-to-end: the printable report. A reader presses 打印报告 / Print report; the page draws
// the report and calls window.print() (stubbed here, recording whether the report was in the
// page at that moment); the report holds the analysis's statistics, keywords and entities (read
// back from the page's own JSON export) in the page's language; printed, only the report shows;
// and Chromium writes it to a PDF. Run after a release build:
// `node --test tests/e2e/print.test.mjs` (WENXI_DIST=<dir> for another build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useSite, openPage, waitForState, analysedAfter, setText, fixture, root } from './harness.mjs';

const site = useSite();
const artifacts = join(root, 'tests', 'e2e', 'artifacts');

/** A page whose window.print only records calls (and whether the report was drawn by then). */
async function openWithPrintStub() {
  const opened = await openPage(site.browser, site.server.origin);
  await opened.page.addInitScript(() => {
    window.__prints = [];
    window.print = () => {
      window.__prints.push({ drawn: document.querySelector('[data-testid=print-view]') !== null });
    };
  });
  await opened.page.goto(site.server.origin + '/');
  await waitForState(opened.page, 'ready');
  return opened;
}

/** The report as the page exports it (JSON download). */
async function exportedReport(page) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  return JSON.parse(await readFile(await file.path(), 'utf8'));
}

const grouped = (n) => n.toLocaleString('en-US');

/** Checks what the print view says against `report`, in `lang` ('zh' or 'en'). */
async function checkPrintView(page, report, lang) {
  const view = page.getByTestId('print-view');
  assert.equal(await view.count(), 1, 'one print view');
  assert.equal(await view.getAttribute('lang'), lang === 'zh' ? 'zh-CN' : 'en');
  const text = await view.evaluate((v) => v.textContent);
  // Title: the text's first line.
  assert.match(await view.locator('h1').textContent(), /江南古籍修复中心/);
  // Statistics.
  for (const n of [report.stats.characters, report.stats.words, report.stats.sentences, report.stats.paragraphs]) {
    assert.ok(text.includes(grouped(n)), `statistic ${n} in the print view`);
  }
  // Keywords: the default ranking (TF-IDF), the default count (50), in order, with counts.
  const rows = await view.locator('[data-testid=print-keyword]').evaluateAll((trs) => trs.map((tr) => ({
    term: tr.dataset.term,
    cells: [...tr.children].map((c) => c.textContent.trim()),
  })));
  const wanted = report.keywords.slice(0, 50);
  assert.deepEqual(rows.map((r) => r.term), wanted.map((k) => k.term), 'keywords in order');
  for (const [i, row] of rows.entries()) {
    assert.equal(row.cells[2], String(wanted[i].count), `count of ${row.term}`);
    assert.equal(row.cells[3], wanted[i].score.toFixed(3), `score of ${row.term}`);
  }
  // Entities: each one of the report, under its type, with its count.
  const entities = await view.locator('[data-testid=print-entity]').evaluateAll((trs) => trs.map((tr) => ({
    text: tr.dataset.text, type: tr.dataset.type, count: tr.children[1].textContent.trim(),
    value: tr.children[2]?.textContent.trim() ?? null,
  })));
  assert.ok(report.entities.length > 3, 'the fixture has entities');
  for (const e of report.entities) {
    const shown = entities.find((x) => x.text === e.text && x.type === e.type);
    assert.ok(shown, `entity ${e.type} ${e.text} printed`);
    assert.equal(shown.count, String(e.count));
  }
  assert.ok(entities.some((e) => e.type === 'quantity' && e.value), 'quantities have their values');
  // Headings and the footer in the page's language.
  const words = lang === 'zh'
    ? ['分析了什么', '关键词（TF-IDF，前 50 个）', '实体', '由文析在本机生成', '生成日期']
    : ['What was analysed', 'Keywords (TF-IDF, top 50)', 'Entities', 'Made by wenxi on this computer', 'Made on'];
  for (const w of words) assert.ok(text.includes(w), `"${w}" in the ${lang} print view`);
  const other = lang === 'zh' ? 'What was analysed' : '分析了什么';
  assert.ok(!text.includes(other), `no ${other} in the ${lang} print view`);
  // The cloud, as an SVG with the report's words.
  const cloudWords = await view.locator('[data-testid=print-cloud] text').count();
  assert.ok(cloudWords > 5, `the cloud has words (${cloudWords})`);
}

test('the print button draws the report in both languages, prints it, and removes it after', async () => {
  const { context, page, log } = await openWithPrintStub();
  const article = await fixture('article.txt');
  await analysedAfter(page, () => setText(page, article));
  const report = await exportedReport(page);
  assert.equal(await page.getByTestId('print-view').count(), 0, 'nothing drawn before printing');

  const button = page.getByTestId('print-report');
  assert.equal((await button.textContent()).trim(), '打印报告');
  await button.click();
  await page.waitForFunction(() => window.__prints.length === 1);
  assert.deepEqual(await page.evaluate(() => window.__prints), [{ drawn: true }], 'print() once, with the report drawn');
  await checkPrintView(page, report, 'zh');
  // On screen the report is not shown.
  assert.equal(await page.getByTestId('print-view').isVisible(), false, 'hidden on screen');
  // The browser says printing is over: the report goes.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.getByTestId('print-view').waitFor({ state: 'detached' });

  // In English, through the masthead's language switch.
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal((await button.textContent()).trim(), 'Print report');
  await button.press('Enter');
  await page.waitForFunction(() => window.__prints.length === 2);
  await checkPrintView(page, report, 'en');

  assert.deepEqual(log.errors, []);
  await context.close();
});

test('printed (in the dark theme too), only the report shows, black on white, and Chromium writes it to a PDF in each language', async () => {
  await mkdir(artifacts, { recursive: true });
  const { context, page, log } = await openWithPrintStub();
  const article = await fixture('article.txt');
  await analysedAfter(page, () => setText(page, article));
  // A reader in the dark theme still prints black on white.
  await page.emulateMedia({ colorScheme: 'dark' });
  const theme = page.getByTestId('setting-theme');
  if (await theme.count() > 0) {
    if (!(await theme.isVisible())) await page.locator('[data-testid=settings] > summary').click();
    await theme.selectOption('dark');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  }
  for (const lang of ['zh', 'en']) {
    if (lang === 'en') {
      await page.getByTestId('lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
    }
    await page.getByTestId('print-report').click();
    await page.getByTestId('print-view').waitFor({ state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByTestId('print-view').isVisible(), true, 'the report is printed');
    for (const hidden of ['input', 'status', 'print-report', 'export-json']) {
      assert.equal(await page.getByTestId(hidden).isVisible(), false, `${hidden} is not printed`);
    }
    assert.equal(await page.locator('[role=tablist]').isVisible(), false, 'the tabs are not printed');
    assert.equal(await page.locator('.masthead').isVisible(), false, 'the masthead is not printed');
    // Black on white, whatever the theme.
    const colours = await page.getByTestId('print-view').evaluate((v) => {
      const s = getComputedStyle(v);
      return [s.color, getComputedStyle(document.body).backgroundColor, s.backgroundColor];
    });
    assert.equal(colours[0], 'rgb(0, 0, 0)', 'black text');
    assert.ok(['rgb(255, 255, 255)', 'rgba(0, 0, 0, 0)'].includes(colours[1]), `white paper: ${colours[1]}`);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const file = join(artifacts, `report-${lang}.pdf`);
    await writeFile(file, pdf);
    const head = pdf.subarray(0, 5).toString('latin1');
    assert.equal(head, '%PDF-', 'a PDF');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 1, `at least one page (${pages})`);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.getByTestId('print-view').waitFor({ state: 'detached' });
  }
  // Ctrl+P without the report prints the page itself (nothing is hidden).
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByTestId('input').isVisible(), true, 'without the report, the page prints');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(log.errors, []);
  await context.close();
});
