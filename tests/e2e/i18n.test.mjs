// End-to-end: the page in English and in Chinese, the dark theme, and the display settings, as a
// reader uses them: the masthead's language switch, the settings panel's choices, a reload, an
// import refused, and the settings file exported in English and imported in a fresh page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import os from 'node:os';
import {
  useSite, openApp, openPage, waitForState, analysedAfter, paste, fixture, showView,
} from './harness.mjs';

const site = useSite();

const HAN = /[\u3400-\u9fff]/;

/** Chinese the English page shows on purpose: language names, examples of Chinese words, the
 * brand, the heading docx footnotes go under. */
const MEANT = ['简体中文', '界面语言', '文析', '记者', '发展', '我们', '注释', '的', '了'];

async function openSettings(page) {
  const panel = page.getByTestId('settings');
  if (!(await panel.evaluate((d) => d.open))) await panel.locator('summary').first().click();
  return panel;
}

/**
 * The Chinese left in what the page itself says inside `selectors` (text, and the title,
 * aria-label, placeholder and alt attributes), leaving out the reader's own text and words
 * (text area, word lists, dictionary) and the report's words (cloud words, contexts).
 */
async function chineseLeft(page, selectors) {
  const found = await page.evaluate(({ selectors, han }) => {
    const skip = '[data-testid=input], [data-testid=cloud], [data-testid=cloud-tip], '
      + '[data-testid=stopword], [data-testid=counted], [data-testid=dict-word], '
      + '[data-testid=contexts], [data-testid=import-done] li, .masthead h1';
    const re = new RegExp(han);
    const out = [];
    for (const selector of selectors) {
      for (const root of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        for (let node = walker.currentNode; node; node = walker.nextNode()) {
          const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
          if (element?.closest(skip)) continue;
          if (node.nodeType === Node.TEXT_NODE) {
            if (re.test(node.textContent)) out.push(`${selector}: ${node.textContent.trim()}`);
          } else {
            for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
              const value = node.getAttribute(name);
              if (value && re.test(value)) out.push(`${selector} [${name}]: ${value}`);
            }
          }
        }
      }
    }
    return out;
  }, { selectors, han: HAN.source });
  return found.filter((text) => {
    let rest = text;
    for (const meant of MEANT) rest = rest.split(meant).join('');
    return HAN.test(rest);
  });
}

/** The page's background colour, as rendered. */
async function groundColour(page) {
  return page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
}

/** Luminance (0..1) of a computed `rgb(r, g, b)`. */
function lightness(rgb) {
  const [r, g, b] = rgb.match(/\d+/g).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

async function downloadOf(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('the masthead switch turns the page English, a reload keeps it, and switching back restores Chinese', async () => {
  const { context, page, log } = await openApp(site);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.ok(await page.getByTestId('empty-state').isVisible());
  assert.match(await page.getByTestId('empty-state').innerText(), /还没有可分析的文字/);
  assert.match(await page.title(), /文析/);

  // The scan below finds the Chinese page's words (so an empty list in English means something).
  assert.ok((await chineseLeft(page, ['.editor-pane'])).length > 3);

  const toggle = page.getByTestId('lang-switch');
  assert.equal(await toggle.innerText(), 'English', 'the other language is named in itself');
  assert.match(await toggle.getAttribute('aria-label'), /English/);
  // Reached by the keyboard like any other control.
  await toggle.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await toggle.innerText(), '简体中文');
  assert.match(await toggle.getAttribute('aria-label'), /switch to 简体中文/);
  assert.equal(await page.title(), 'wenxi · Chinese article analyser');
  assert.match(await page.locator('.tagline').innerText(), /Chinese article analysis/);
  assert.match(await page.getByTestId('empty-state').innerText(), /Nothing to analyse yet/);
  assert.equal(await page.getByTestId('analyse').innerText(), 'Analyse');
  assert.equal(await page.getByTestId('open-file').innerText(), 'Open file');
  assert.match(await page.getByTestId('input').getAttribute('placeholder'), /Paste or type a Chinese article/);
  assert.match(await page.getByTestId('status').innerText(), /Engine ready/);
  assert.deepEqual(await chineseLeft(page, ['.masthead', '.editor-pane', '.report-pane']), []);

  // A report in English: tabs, export group, cloud, status.
  await analysedAfter(page, async () => paste(page, await fixture('article.txt')));
  assert.match(await page.getByTestId('char-count').innerText(), /^\d+ characters$/);
  assert.match(await page.getByTestId('status').innerText(), /Analysis done/);
  assert.match(await page.locator('.status .timings').innerText(), /analysis \d+ ms/);
  assert.equal(await page.locator('#export-heading').innerText(), 'Export');
  assert.equal(await page.getByTestId('export-keywords-csv').innerText(), 'Keywords CSV');
  const tabs = await page.getByTestId('view-tab').allInnerTexts();
  assert.ok(tabs.length >= 5 && tabs.every((t) => !HAN.test(t)), `tabs in English: ${tabs}`);
  await page.waitForFunction(() => document.querySelector('[data-testid=cloud]')?.dataset.layoutMs !== undefined,
    null, { timeout: 20_000 });
  assert.match(await page.getByTestId('cloud-tip').innerText(), /Point at a word/);
  await openSettings(page);
  assert.equal(await page.locator('[data-testid=settings] summary h2').innerText(), 'Settings');
  assert.deepEqual(await chineseLeft(page, [
    '.masthead', '.editor', '[data-testid=status]', '[data-testid=settings]', '.export-menu',
    '.cloud-panel', '[data-testid=view-tab]',
  ]), []);

  // The choice is a setting: a reload keeps it.
  await page.reload();
  await waitForState(page, ['ready', 'busy', 'done']);
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.getByTestId('analyse').innerText(), 'Analyse');
  assert.equal(await page.getByTestId('lang-switch').innerText(), '简体中文');

  // And back: Chinese everywhere again.
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.equal(await page.getByTestId('analyse').innerText(), '分析');
  assert.equal(await page.getByTestId('open-file').innerText(), '打开文件');
  assert.match(await page.title(), /文析/);
  assert.equal(await page.getByTestId('lang-switch').innerText(), 'English');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the settings panel sets language, theme, keyword method and count, and built-in stop words', async () => {
  const { context, page, log } = await openApp(site);
  await analysedAfter(page, async () => paste(page, await fixture('article.txt')));
  await openSettings(page);

  // Language through the settings panel.
  await page.getByTestId('setting-lang').selectOption('en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.getByTestId('setting-lang').inputValue(), 'en');

  // Theme: dark, light, and the system's preference followed live.
  const light = await groundColour(page);
  assert.ok(lightness(light) > 0.8, `light ground: ${light}`);
  await page.getByTestId('setting-theme').selectOption('dark');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  const dark = await groundColour(page);
  assert.ok(lightness(dark) < 0.2, `dark ground: ${dark}`);
  const ink = await page.evaluate(() => getComputedStyle(document.querySelector('.editor-label')).color);
  assert.ok(lightness(ink) > 0.8, `light text on dark: ${ink}`);
  await page.getByTestId('setting-theme').selectOption('light');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.ok(lightness(await groundColour(page)) > 0.8, 'light stays light whatever the system says');
  await page.getByTestId('setting-theme').selectOption('system');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'system');
  assert.ok(lightness(await groundColour(page)) < 0.2, 'system dark gives dark colours');
  // The cloud on a transparent background takes the colours made for dark.
  const darkFills = await page.locator('[data-testid=cloud-word]').evaluateAll(
    (words) => words.slice(0, 5).map((w) => w.getAttribute('fill')),
  );
  await page.emulateMedia({ colorScheme: 'light' });
  assert.ok(lightness(await groundColour(page)) > 0.8, 'system light gives light colours');
  await page.waitForFunction((before) => {
    const now = [...document.querySelectorAll('[data-testid=cloud-word]')].slice(0, 5).map((w) => w.getAttribute('fill'));
    return now.join() !== before.join();
  }, darkFills);

  // Keyword count: typed, clamped to 5..300, and the analysis lists that many.
  const count = page.getByTestId('setting-keyword-count');
  await analysedAfter(page, async () => {
    await count.fill('12');
    await count.press('Enter');
    await count.blur();
  });
  await showView(page, 'overview');
  const tfidf = await page.evaluate(() => document.querySelectorAll('[data-testid=keyword][data-rank=tfidf]').length);
  assert.ok(tfidf <= 12 && tfidf > 0, `at most 12 TF-IDF keywords listed: ${tfidf}`);
  await analysedAfter(page, async () => {
    await count.fill('2');
    await count.blur();
  });
  assert.equal(await count.inputValue(), '5', 'clamped to the least allowed');

  // Keyword method and the built-in stop words.
  await page.getByTestId('setting-keyword-method').selectOption('textrank');
  assert.equal(await page.getByTestId('setting-keyword-method').inputValue(), 'textrank');
  const builtin = page.getByTestId('setting-builtin-stopwords');
  assert.equal(await builtin.isChecked(), true);
  await analysedAfter(page, () => builtin.uncheck());
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('wenxi.settings')));
  assert.equal(saved.builtin_stopwords, false);
  assert.deepEqual(saved.display, { lang: 'en', theme: 'system', keyword_method: 'textrank', keyword_count: 5 });

  // Each control shows a focus ring when reached by keyboard.
  await page.getByTestId('setting-theme').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const outline = await page.getByTestId('setting-theme').evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.notEqual(outline, 'none', 'a visible focus ring');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('an import refused is said in English when English is chosen', async () => {
  const { context, page, log } = await openApp(site);
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const dir = await mkdtemp(join(os.tmpdir(), 'wenxi-i18n-'));
  const pdf = join(dir, 'paper.pdf');
  await writeFile(pdf, '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
  await page.getByTestId('file-input').setInputFiles(pdf);
  const error = page.getByTestId('import-error');
  await error.waitFor();
  const said = await error.innerText();
  assert.match(said, /Could not open “paper\.pdf”: This is a PDF file/);
  assert.ok(!HAN.test(said), `no Chinese in: ${said}`);
  assert.equal(await page.getByTestId('import-dismiss').innerText(), 'Dismiss');
  // The same refusal in Chinese after switching back (both versions travelled).
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.match(await error.innerText(), /无法打开「paper\.pdf」：这是 PDF 文件/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the settings file exported in English reads back whole in a new page', async () => {
  const first = await openApp(site);
  const { page } = first;
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await openSettings(page);
  await page.getByTestId('setting-theme').selectOption('dark');
  await page.getByTestId('setting-keyword-method').selectOption('frequency');
  await page.getByTestId('setting-keyword-count').fill('80');
  await page.getByTestId('setting-keyword-count').blur();
  await page.getByTestId('setting-builtin-stopwords').uncheck();
  await page.getByTestId('stopword-input').fill('记者');
  await page.getByTestId('stopword-add').click();
  await page.getByTestId('dict-word-input').fill('智慧水务');
  await page.getByTestId('dict-add').click();
  const exported = await downloadOf(page, 'settings-export');
  assert.equal(exported.name, 'wenxi-settings.json');
  const json = JSON.parse(exported.text);
  assert.equal(json.format, 'wenxi-settings');
  assert.equal(json.builtin_stopwords, false);
  assert.deepEqual(json.display, { lang: 'en', theme: 'dark', keyword_method: 'frequency', keyword_count: 80 });
  assert.deepEqual(json.extra_stopwords, ['记者']);
  assert.deepEqual(first.log.errors, []);
  await first.context.close();

  // A new browser profile (a fresh context: nothing stored), in Chinese until the file comes in.
  const second = await openPage(site.browser, site.server.origin);
  await second.page.goto(site.server.origin + '/');
  await waitForState(second.page, 'ready');
  assert.equal(await second.page.getAttribute('html', 'lang'), 'zh-CN');
  const dir = await mkdtemp(join(os.tmpdir(), 'wenxi-settings-'));
  const file = join(dir, exported.name);
  await writeFile(file, exported.text);
  await openSettings(second.page);
  await second.page.getByTestId('settings-import').setInputFiles(file);
  const notice = second.page.getByTestId('settings-file-notice');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('data-outcome'), 'imported');
  await second.page.waitForFunction(() => document.documentElement.lang === 'en'
    && document.documentElement.dataset.theme === 'dark');
  assert.equal(await second.page.getByTestId('setting-keyword-method').inputValue(), 'frequency');
  assert.equal(await second.page.getByTestId('setting-keyword-count').inputValue(), '80');
  assert.equal(await second.page.getByTestId('setting-builtin-stopwords').isChecked(), false);
  // Written out again, the file is the same.
  const again = await downloadOf(second.page, 'settings-export');
  assert.deepEqual(JSON.parse(again.text), json);

  // A wrong value is refused naming the field, in the page's language (English now).
  const wrong = join(dir, 'wrong.json');
  await writeFile(wrong, JSON.stringify({ ...json, display: { ...json.display, theme: 'sepia' } }));
  await second.page.getByTestId('settings-import').setInputFiles(wrong);
  await second.page.waitForFunction(() => document.querySelector('[data-testid=settings-file-notice]')?.dataset.outcome === 'rejected');
  const refusal = await notice.innerText();
  assert.match(refusal, /“wrong\.json” cannot be imported: display\.theme: should be one of system, light, dark/);
  assert.equal(await second.page.getAttribute('html', 'data-theme'), 'dark', 'nothing changed');
  assert.deepEqual(second.log.errors, []);
  await second.context.close();
});
