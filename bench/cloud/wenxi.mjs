// The wenxi half of the cloud benchmark: the built app, driven through its cloud options bar as a
// reader would (max words, shape, "换一种排列"), read back from the cloud's SVG. It copes with
// whatever the build has: controls or attributes that are missing are reported, not guessed.
import { openPage, setText, waitForState } from '../../tests/e2e/harness.mjs';

/** What each shape may be called in the options bar (value or label). */
export const SHAPE_NAMES = {
  ellipse: ['ellipse', '椭圆'],
  rectangle: ['rectangle', 'rect', '矩形'],
  cardioid: ['cardioid', 'heart', '心形'],
  star: ['star', '星形'],
};

/**
 * Sets the control `data-testid=testid` to the first of `names` it offers: a <select>, an
 * <input> (number or range) or a group of buttons/radios. Resolves to 'changed', 'unchanged',
 * 'missing' (no such control) or 'no option'.
 */
async function setControl(page, testid, names) {
  const control = page.getByTestId(testid).first();
  if ((await page.getByTestId(testid).count()) === 0) return 'missing';
  return control.evaluate((el, wanted) => {
    const matches = (value, label) =>
      wanted.some((w) => value.toLowerCase() === String(w).toLowerCase() || (label && label.includes(String(w))));
    if (el.tagName === 'SELECT') {
      const option = [...el.options].find((o) => matches(o.value, o.textContent.trim()));
      if (!option) return 'no option';
      if (option.value === el.value) return 'unchanged';
      el.value = option.value;
    } else if (el.tagName === 'INPUT') {
      if (el.value === String(wanted[0])) return 'unchanged';
      el.value = String(wanted[0]);
      el.dispatchEvent(new InputEvent('input', { bubbles: true }));
    } else {
      const items = el.querySelectorAll('button, input[type=radio], [role=radio]');
      const item = [...items].find((i) => matches(i.value ?? '', (i.textContent || i.getAttribute('aria-label') || '').trim()));
      if (!item) return 'no option';
      if (item.checked || item.getAttribute('aria-pressed') === 'true' || item.getAttribute('aria-checked') === 'true') {
        return 'unchanged';
      }
      item.click();
      return 'changed';
    }
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return 'changed';
  }, names);
}

/** Marks the moment before an action and remembers the cloud as it was. */
async function beforeAction(page) {
  await page.evaluate(() => {
    const svg = document.querySelector('[data-testid=cloud]');
    window.__bench.before = svg?.outerHTML ?? '';
    window.__bench.t0 = performance.now();
  });
}

/**
 * Waits until the cloud differs from before the action and nothing on the page has changed
 * for `quietMs`; resolves to the time from the action to the last change (page clock).
 */
async function afterAction(page, quietMs = 400, timeout = 60_000) {
  await page.waitForFunction(
    () => {
      const svg = document.querySelector('[data-testid=cloud]');
      return svg && svg.outerHTML !== window.__bench.before;
    },
    null,
    { timeout },
  );
  await page.waitForFunction(
    (quiet) =>
      performance.now() - window.__bench.lastChange > quiet &&
      document.querySelector('[data-testid=status]')?.dataset.state !== 'busy',
    quietMs,
    { timeout, polling: 100 },
  );
  return page.evaluate(() => window.__bench.lastChange - window.__bench.t0);
}

/**
 * The cloud as shown: words, the worker's layout time and the engine's fill (when the build
 * has them), and the SVG serialised with each word's computed font and fill written in, so that
 * it draws the same outside the page's style sheet.
 */
async function readCloud(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid=cloud]');
    if (!svg) return null;
    const words = [...svg.querySelectorAll('[data-testid=cloud-word]')];
    const copy = svg.cloneNode(true);
    const [, , w, h] = (svg.getAttribute('viewBox') ?? '0 0 800 500').split(/\s+/).map(Number);
    copy.setAttribute('width', String(w));
    copy.setAttribute('height', String(h));
    const originals = svg.querySelectorAll('text, tspan');
    copy.querySelectorAll('text, tspan').forEach((el, i) => {
      const style = getComputedStyle(originals[i]);
      for (const name of ['font-family', 'font-weight', 'fill', 'writing-mode', 'text-orientation', 'dominant-baseline']) {
        const value = style.getPropertyValue(name);
        if (value && !(name === 'text-orientation' && value === 'mixed')) el.setAttribute(name, value);
      }
      el.removeAttribute('class');
    });
    // Tooltips and the background (a rect when the reader picks a solid one) are not ink.
    copy.querySelectorAll('title, rect').forEach((t) => t.remove());
    const fillText = document.querySelector('[data-testid=cloud-fill]')?.textContent ?? '';
    const number = parseFloat(fillText.replace(/[^0-9.]/g, ''));
    const shownFill = Number.isFinite(number) ? (fillText.includes('%') ? number / 100 : number) : undefined;
    const attr = (name) => (svg.hasAttribute(name) ? Number(svg.getAttribute(name)) : undefined);
    return {
      width: w,
      height: h,
      terms: words.map((el) => el.getAttribute('data-term')),
      layoutMs: attr('data-layout-ms'),
      engineFill: attr('data-fill') ?? shownFill,
      complete: svg.getAttribute('data-complete') ?? undefined,
      svg: new XMLSerializer().serializeToString(copy),
    };
  });
}

/**
 * Opens the app, analyses `text` and, for each size and shape, lays the cloud out `runs` times
 * (a new seed each time); `measure(svg, shape, w, h)` rasterises a cloud and measures its ink.
 * Resolves to { available, notes, results: [{ shape, size, runs: [...] }], sample }.
 */
export async function measureWenxi({ browser, origin, text, sizes, shapes, runs, measure }) {
  const notes = [];
  const results = [];
  let sample; // one cloud's SVG (the first shape at the largest size), for the high-DPI check
  const { context, page } = await openPage(browser, origin, { serviceWorkers: 'block' });
  try {
    await page.addInitScript(() => {
      window.__bench = { lastChange: 0 };
      new MutationObserver(() => {
        window.__bench.lastChange = performance.now();
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.goto(`${origin}/`);
    await waitForState(page, 'ready', 60_000);
    await setText(page, text);
    await waitForState(page, 'done', 180_000);
    await page.getByTestId('cloud').first().waitFor({ timeout: 30_000 });
    const missing = [];
    for (const id of ['cloud-words', 'cloud-shape', 'cloud-reseed']) {
      if ((await page.getByTestId(id).count()) === 0) missing.push(id);
    }
    if (missing.length === 0) {
      // The report's cloud (the engine's estimate) comes first; the worker's precise one, with
      // its layout time, follows.
      await page
        .waitForFunction(() => document.querySelector('[data-testid=cloud]')?.hasAttribute('data-layout-ms'), null, {
          timeout: 60_000,
        })
        .catch(() => {}); // reported below as missing
    }
    const first = await readCloud(page);
    if (first?.layoutMs === undefined) missing.push('data-layout-ms');
    if (missing.length) {
      notes.push(`the new cloud is not in this build (missing: ${missing.join(', ')})`);
      if (first) {
        // Measure only what exists: the report's cloud, without a layout time.
        const ink = await measure(first.svg, 'ellipse', first.width, first.height);
        const share = (x) => `${(x * 100).toFixed(1)}%`;
        notes.push(
          `what exists: the report's cloud, ${first.terms.length} words, ink ${share(ink.fillShape)} of the ` +
            `ellipse, ${share(ink.fillBox)} of the box (no layout time exposed)`,
        );
      }
      return { available: false, notes, results };
    }
    for (const size of sizes) {
      await beforeAction(page);
      const words = await setControl(page, 'cloud-words', [size]);
      if (words === 'changed') await afterAction(page);
      else if (words !== 'unchanged') notes.push(`cloud-words: ${words} for ${size}`);
      for (const shape of shapes) {
        const row = { shape, size, runs: [] };
        results.push(row);
        for (let run = 0; run < runs; run++) {
          await beforeAction(page);
          let e2eMs;
          if (run === 0) {
            const set = await setControl(page, 'cloud-shape', SHAPE_NAMES[shape]);
            if (set === 'no option') {
              notes.push(`cloud-shape offers no ${shape}`);
              break;
            }
            if (set === 'changed') e2eMs = await afterAction(page);
          } else {
            await page.getByTestId('cloud-reseed').first().click();
            e2eMs = await afterAction(page);
          }
          const cloud = await readCloud(page);
          if (!sample && shape === shapes[0] && size === Math.max(...sizes)) sample = cloud;
          const ink = await measure(cloud.svg, shape, cloud.width, cloud.height);
          row.runs.push({ ...cloud, svg: undefined, e2eMs, ...ink });
        }
      }
    }
    return { available: true, notes, results, sample };
  } catch (err) {
    notes.push(`stopped: ${String(err.message ?? err).split('\n')[0]}`);
    return { available: results.length > 0, notes, results, sample };
  } finally {
    await context.close().catch((err) => notes.push(String(err.message ?? err).split('\n')[0]));
  }
}
