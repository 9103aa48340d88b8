// End-to-end screenshots of every view, at 1280 × 900 and 375 × 812, in Chinese and English,
// written to tests/e2e/artifacts/screens/<lang>-<width>-<view>.png for a person to look at; and
// what a person would notice, checked mechanically on each: no horizontal scroll of the page, no
// element of the view wider than the screen unless it sits in a wrapper that scrolls, and
// Chinese drawn in an installed CJK font; and no error logged by the page. Run after a release build:
// `node --test tests/e2e/screens.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  useSite, openApp, analysedAfter, setText, fixture, root, setLang, openViewWithData,
} from './harness.mjs';

const site = useSite();
const shots = join(root, 'tests', 'e2e', 'artifacts', 'screens');
const VIEWS = ['overview', 'keywords', 'entities', 'text', 'contexts', 'distribution', 'articles'];
const SIZES = [{ width: 1280, height: 900 }, { width: 375, height: 812 }];
const CJK_FAMILIES = ['Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Hiragino Sans GB'];

/** What overflows: the page's own horizontal scroll, and elements of the view panel reaching
 * past the screen's edges that no scrolling (or clipping) wrapper inside the panel holds. */
async function overflow(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const page = { scrollWidth: document.documentElement.scrollWidth, width };
    const panel = document.querySelector('[data-testid=view]');
    const wide = [];
    const held = (el) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') {
          const r = a.getBoundingClientRect();
          if (r.left >= -1 && r.right <= width + 1) return true;
        }
      }
      return false;
    };
    const name = (el) => {
      const bits = [el.tagName.toLowerCase()];
      if (el.dataset.testid) bits.push(`[data-testid=${el.dataset.testid}]`);
      if (el.classList.length) bits.push(`.${[...el.classList].join('.')}`);
      return bits.join('');
    };
    const over = (el) => {
      const r = el.getBoundingClientRect();
      return (r.width > 0 || r.height > 0) && (r.right > width + 1 || r.left < -1) && !held(el);
    };
    // The innermost such elements: what to fix (their ancestors are only pushed wide by them).
    // The panel's elements; when the page itself scrolls sideways, everything's (the cause may
    // be outside the panel).
    const scope = page.scrollWidth > width ? document.body : panel;
    for (const el of scope ? scope.querySelectorAll('*') : []) {
      if (over(el) && ![...el.querySelectorAll('*')].some(over)) {
        const r = el.getBoundingClientRect();
        wide.push(`${name(el)} (${Math.round(r.left)}…${Math.round(r.right)} px)`);
      }
    }
    return { page, wide: [...new Set(wide)].slice(0, 8) };
  });
}

/** The body's first font family and whether an installed CJK font draws the text. */
async function fonts(page) {
  return page.evaluate(async (families) => {
    await document.fonts.ready;
    const first = getComputedStyle(document.body).fontFamily.split(',')[0].trim().replace(/^"|"$/g, '');
    const installed = families.filter((f) => document.fonts.check(`16px "${f}"`, '文析'));
    return { first, installed };
  }, CJK_FAMILIES);
}

test('every view at 1280 and 375 px in both languages: screenshots, no sideways scroll, CJK font', async () => {
  await mkdir(shots, { recursive: true });
  const problems = [];
  const text = `${await fixture('article.txt')}\n\n${await fixture('article2.txt')}`;
  for (const size of SIZES) {
    const { context, page, log } = await openApp(site);
    await page.setViewportSize(size);
    await analysedAfter(page, () => setText(page, text));
    const font = await fonts(page);
    assert.ok(CJK_FAMILIES.includes(font.first), `the body's font starts with a CJK family (${font.first})`);
    assert.ok(font.installed.includes(font.first), `${font.first} is installed (${font.installed})`);
    for (const lang of ['zh', 'en']) {
      await setLang(page, lang);
      for (const view of VIEWS) {
        const errorsBefore = log.errors.length;
        await openViewWithData(page, view);
        const file = join(shots, `${lang}-${size.width}-${view}.png`);
        await page.screenshot({ path: file, fullPage: true });
        const o = await overflow(page);
        const where = `${lang} ${size.width}px ${view}`;
        if (o.page.scrollWidth > o.page.width) {
          problems.push(`${where}: the page scrolls sideways (${o.page.scrollWidth} > ${o.page.width})`);
        }
        for (const w of o.wide) problems.push(`${where}: wider than the screen: ${w}`);
        // Chinese text in the view is drawn with the CJK font (its computed family starts with it).
        const family = await page.locator('[data-testid=view]').evaluate(
          (v) => getComputedStyle(v).fontFamily.split(',')[0].trim().replace(/^"|"$/g, ''),
        );
        if (!font.installed.includes(family)) problems.push(`${where}: view font ${family} is not an installed CJK font`);
        // Errors the page logged meanwhile (a refused inline style, a panic) are the view's.
        for (const e of new Set(log.errors.slice(errorsBefore))) problems.push(`${where}: page error: ${e.slice(0, 160)}`);
      }
    }
    await context.close();
  }
  for (const p of problems) console.log(p);
  assert.deepEqual(problems, [], 'what a reader would notice');
});
