// End-to-end: the text area is usable before the page's wasm has loaded. index.html holds a
// shell of the page (static/shell.js fills in the saved theme, language and text before the
// first paint); the app takes it over when it starts (src/components/editor.rs, take_shell).
// These tests hold the page's wasm back, use the shell, then let the app start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, waitForState } from './harness.mjs';

const site = useSite();
const APP_WASM = /\/app-[0-9a-f]+_bg\.wasm$/;

/** Counts, in `window.__maxInputs`, the most `[data-testid=input]` the document ever held at
 * once, as every mutation leaves it (a MutationObserver sees each batch of changes). */
function countInputs() {
  window.__maxInputs = 0;
  const count = () => {
    const n = document.querySelectorAll('[data-testid=input]').length;
    if (n > window.__maxInputs) window.__maxInputs = n;
  };
  new MutationObserver(count).observe(document, { subtree: true, childList: true, attributes: true });
}

/** A fresh page whose app wasm waits until `release()` is called (or is aborted). */
async function openHeld({ abort = false, prepare } = {}) {
  const opened = await openPage(site.browser, site.server.origin);
  await opened.page.addInitScript(countInputs);
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await opened.page.route(APP_WASM, async (route) => {
    if (abort) return route.abort();
    await released;
    return route.continue();
  });
  if (prepare) await prepare(opened.page);
  await opened.page.goto(site.server.origin + '/');
  return { ...opened, release };
}

/** How many pixels of two same-sized PNGs (base64) differ by more than a trace in any channel
 * (decoded by the page: the rasteriser anti-aliases a rounded corner one level apart from one
 * frame to the next, which no reader sees). */
function pixelsApart(page, a, b) {
  return page.evaluate(async ([pngA, pngB]) => {
    const decode = async (png) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      context.drawImage(bitmap, 0, 0);
      return context.getImageData(0, 0, bitmap.width, bitmap.height);
    };
    const [x, y] = await Promise.all([decode(pngA), decode(pngB)]);
    if (x.width !== y.width || x.height !== y.height) return Infinity;
    let apart = 0;
    for (let i = 0; i < x.data.length; i += 4) {
      const far = [0, 1, 2].some((c) => Math.abs(x.data[i + c] - y.data[i + c]) > 8);
      if (far) apart += 1;
    }
    return apart;
  }, [a, b]);
}

/** Whether the app has started: its status badge exists only in the app. */
const appStarted = (page) => page.getByTestId('status').count().then((n) => n > 0);

test('text typed in the shell is taken over with its caret, analysed and kept', async () => {
  const { context, page, release } = await openHeld();
  const input = page.getByTestId('input');
  await input.waitFor();
  assert.equal(await appStarted(page), false, 'the app wasm is held back');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'input',
    'the shell has the focus at once');
  await page.keyboard.insertText('龙泉青瓷以釉色温润著称。匠人们说，青瓷的难处在于火候。');
  // The caret is put in the middle, after 「龙泉青瓷」.
  await input.evaluate((area) => area.setSelectionRange(4, 4));

  release();
  await waitForState(page, ['ready', 'busy', 'done'], 60_000);
  // Typing goes on where the caret was, in the app's text area.
  await page.keyboard.insertText('（浙江）');
  assert.equal(await input.inputValue(), '龙泉青瓷（浙江）以釉色温润著称。匠人们说，青瓷的难处在于火候。');
  assert.equal(await page.locator('#shell').count(), 0, 'the shell is gone');
  await waitForState(page, 'done', 60_000);
  assert.ok(await page.getByTestId('keyword').count() > 0, 'the taken text is analysed');
  assert.equal(await page.evaluate(() => window.__maxInputs), 1, 'never two text areas at once');

  // Saved like any edit: a reload shows it.
  await page.waitForTimeout(800);
  await page.reload();
  await waitForState(page, ['ready', 'busy', 'done'], 60_000);
  assert.match(await input.inputValue(), /^龙泉青瓷（浙江）以釉色/);
  await context.close();
});

test('typing while the app starts loses no keystroke', async () => {
  const { context, page, release } = await openHeld();
  await page.getByTestId('input').waitFor();
  const chars = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
  release();
  // One character at a time, across the moment the app takes over: until the app has started,
  // and a few more after.
  let typed = '';
  let after = 0;
  while (after < 5 && typed.length < 2000) {
    if (await appStarted(page)) after += 1;
    const ch = chars[typed.length % chars.length];
    await page.keyboard.insertText(ch);
    typed += ch;
  }
  assert.equal(after, 5, 'the app started while the reader typed');
  assert.ok(typed.length > after, 'and the reader typed before it started');
  await waitForState(page, ['ready', 'busy', 'done'], 60_000);
  assert.equal(await page.getByTestId('input').inputValue(), typed);
  assert.equal(await page.evaluate(() => window.__maxInputs), 1);
  await context.close();
});

test('a large text pasted in the shell is taken over as a preview, whole', async () => {
  const { context, page, release } = await openHeld();
  const input = page.getByTestId('input');
  await input.waitFor();
  const line = '龙泉青瓷以釉色温润著称，匠人们说青瓷的难处在于火候。\n';
  const text = line.repeat(Math.ceil((3 << 20) / Buffer.byteLength(line)));
  // As a paste does: one input event with the whole text.
  await input.evaluate((area, value) => {
    area.value = value;
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, text);
  release();
  await page.getByTestId('large-text').waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('input').count(), 0, 'the preview stands in for the text area');
  assert.equal(await page.getByTestId('large-text').getAttribute('data-chars'), String(text.length));
  assert.equal(await page.evaluate(() => window.__maxInputs), 1);
  await context.close();
});

test('a text typed in the shell wins over the saved one, which is shown before the app', async () => {
  const prepare = (page) => page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('wenxi.text', JSON.stringify({ text: '旧的文本。', tab: 'old', saved_at: 1 }));
  });
  const { context, page, release } = await openHeld({ prepare });
  const input = page.getByTestId('input');
  await input.waitFor();
  assert.equal(await input.inputValue(), '旧的文本。', 'the saved text in the first paint');
  await input.fill('新写的文本。');
  release();
  await waitForState(page, ['ready', 'busy', 'done'], 60_000);
  assert.equal(await input.inputValue(), '新写的文本。');
  // The restore from storage comes after the app starts: the edit must still be there, saved.
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('wenxi.text') ?? '{}').text === '新写的文本。');
  assert.equal(await input.inputValue(), '新写的文本。');
  await context.close();
});

/** What the shell and then the app show of the saved settings, read in the page. */
const looks = () => ({
  lang: document.documentElement.lang,
  theme: document.documentElement.dataset.theme,
  title: document.title,
  label: document.querySelector('.editor-label').textContent,
  background: getComputedStyle(document.querySelector('[data-testid=input]')).backgroundColor,
});

test('the saved theme and language apply before the app starts', async () => {
  const prepare = (page) => page.addInitScript(() => {
    const settings = { version: 1, display: { lang: 'en', theme: 'dark' } };
    localStorage.setItem('wenxi.settings', JSON.stringify(settings));
  });
  const { context, page, release } = await openHeld({ prepare });
  const input = page.getByTestId('input');
  await input.waitFor();
  assert.equal(await appStarted(page), false);
  const before = await page.evaluate(looks);
  assert.equal(before.lang, 'en');
  assert.equal(before.theme, 'dark');
  assert.equal(before.label, 'Article');
  assert.match(before.title, /^wenxi/);
  assert.match(await input.getAttribute('placeholder'), /^Paste or type/);

  release();
  await waitForState(page, 'ready', 60_000);
  const after = await page.evaluate(looks);
  assert.deepEqual(after, before, 'the app shows the page as the shell did');
  await context.close();
});

test('the shell and the app look the same where they overlap, at 1280 and 375 px, light and dark', async () => {
  for (const width of [1280, 375]) {
    for (const theme of ['light', 'dark']) {
      const prepare = async (page) => {
        await page.setViewportSize({ width, height: 800 });
        await page.addInitScript((t) => {
          localStorage.setItem('wenxi.settings', JSON.stringify({ version: 1, display: { theme: t } }));
        }, theme);
      };
      const { context, page, release } = await openHeld({ prepare });
      await page.getByTestId('input').waitFor();
      // Each element the two share, where it is and how it is drawn (the caret hidden). The
      // title is measured by its text: the app's language switch sits in the same line.
      const look = async () => {
        const parts = {};
        for (const sel of ['.masthead h1', '.tagline', '.editor-label', '[data-testid=input]']) {
          const r = await page.evaluate((s) => {
            const el = document.querySelector(s);
            const range = document.createRange();
            range.selectNodeContents(el);
            const box = s === '.masthead h1' ? range.getBoundingClientRect() : el.getBoundingClientRect();
            return { x: box.x, y: box.y, width: box.width, height: box.height };
          }, sel);
          parts[sel] = {
            box: [r.x, r.y, r.width, r.height].map(Math.round).join(','),
            pixels: (await page.screenshot({ clip: r, caret: 'hide', animations: 'disabled' })).toString('base64'),
          };
        }
        return parts;
      };
      const shell = await look();
      release();
      await waitForState(page, 'ready', 60_000);
      const app = await look();
      for (const sel of Object.keys(shell)) {
        assert.equal(app[sel].box, shell[sel].box, `${sel} did not move at ${width} px, ${theme}`);
        const apart = await pixelsApart(page, app[sel].pixels, shell[sel].pixels);
        assert.equal(apart, 0, `${sel} looks the same at ${width} px, ${theme}`);
      }
      await context.close();
    }
  }
});

test('when the app wasm fails the shell says so and keeps the text', async () => {
  const { context, page } = await openHeld({ abort: true });
  const input = page.getByTestId('input');
  await input.waitFor();
  await input.fill('没能启动时写下的文字。');
  const notice = page.getByTestId('shell-failed');
  await notice.waitFor({ timeout: 20_000 });
  assert.match(await notice.innerText(), /没有启动/);
  assert.equal(await input.inputValue(), '没能启动时写下的文字。', 'the text stays');
  assert.equal(await appStarted(page), false);

  // Kept for the next visit, which starts normally and shows it.
  await page.unroute(APP_WASM);
  await page.reload();
  await waitForState(page, ['ready', 'busy', 'done'], 60_000);
  assert.equal(await input.inputValue(), '没能启动时写下的文字。');
  // The failure message went with the shell (the reader saw it only while it applied).
  assert.equal(await page.getByTestId('shell-failed').count(), 0);
  // The failed load leaves errors in the console by nature; this test's page owns them.
  await context.close();
});
