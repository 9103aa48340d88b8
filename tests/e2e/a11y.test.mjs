// End-to-end accessibility: axe-core (node_modules/axe-core, injected into the page) over each of
// the seven views, in Chinese and English, in the light and the dark theme, and no violation of
// impact serious or critical; every violation found is printed (rule, impact, view, node) so it
// can be fixed. And the keyboard: Tab from the text area reaches the view tabs, the arrow keys,
// Home and End move between them (focus and aria-selected follow), and whatever has the focus
// shows it. Run after a release build: `node --test tests/e2e/a11y.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  useSite, openPage, openApp, waitForState, analysedAfter, setText, fixture, root,
  setLang, openViewWithData,
} from './harness.mjs';

const site = useSite();
const axePath = join(root, 'node_modules', 'axe-core', 'axe.min.js');
const VIEWS = ['overview', 'keywords', 'entities', 'text', 'contexts', 'distribution', 'articles'];

/** Two articles in one paste, so every view (articles too) has something to show. */
async function twoArticles() {
  return `${await fixture('article.txt')}\n\n${await fixture('article2.txt')}`;
}

/** Sets the theme as a reader does: the settings' theme control when there is one (opening
 * the settings first), else the system's colour scheme with the default theme "system".
 * Returns how it was set. */
async function setTheme(page, theme) {
  await page.emulateMedia({ colorScheme: theme });
  const control = page.getByTestId('setting-theme');
  if (await control.count() === 0) return 'system colour scheme';
  if (!(await control.isVisible())) {
    await page.locator('[data-testid=settings] > summary').click();
  }
  await control.selectOption(theme);
  await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
  return 'settings control';
}

/** axe over the whole page: its violations, one line each. */
async function axeViolations(page) {
  const results = await page.evaluate(async () => window.axe.run(document, {
    resultTypes: ['violations'],
  }));
  return results.violations.flatMap((v) => v.nodes.map((n) => ({
    rule: v.id,
    impact: n.impact ?? v.impact,
    target: n.target.join(' '),
    summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300),
    html: n.html.slice(0, 160),
  })));
}

test('axe finds no serious or critical violation in any view, language or theme', async () => {
  // axe is injected as a script tag, which the page's CSP (script-src by hash) would refuse.
  const { context, page, log } = await openPage(site.browser, site.server.origin, { bypassCSP: true });
  await page.goto(site.server.origin + '/');
  await waitForState(page, 'ready');
  await analysedAfter(page, async () => setText(page, await twoArticles()));
  await page.addScriptTag({ path: axePath });

  // The checker itself works: an image without a text alternative is caught.
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.id = 'axe-probe';
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    document.body.append(img);
  });
  const probe = await axeViolations(page);
  assert.ok(probe.some((v) => v.rule === 'image-alt' && v.target === '#axe-probe'), 'axe catches a planted fault');
  await page.evaluate(() => document.getElementById('axe-probe').remove());

  const found = [];
  const how = new Set();
  for (const theme of ['light', 'dark']) {
    how.add(await setTheme(page, theme));
    for (const lang of ['zh', 'en']) {
      await setLang(page, lang);
      for (const view of VIEWS) {
        await openViewWithData(page, view);
        for (const v of await axeViolations(page)) found.push({ theme, lang, view, ...v });
      }
    }
  }
  await mkdir(join(root, 'tests', 'e2e', 'artifacts'), { recursive: true });
  await writeFile(join(root, 'tests', 'e2e', 'artifacts', 'a11y.json'), JSON.stringify(found, null, 1));
  // Every violation, grouped by rule and node (one line lists where it showed).
  const grouped = new Map();
  for (const f of found) {
    const key = `${f.impact} ${f.rule} ${f.target}`;
    const entry = grouped.get(key) ?? { ...f, where: [] };
    entry.where.push(`${f.theme}/${f.lang}/${f.view}`);
    grouped.set(key, entry);
  }
  console.log(`theme set by: ${[...how].join(', ')}; ${found.length} violation nodes, ${grouped.size} distinct`);
  for (const [key, f] of grouped) {
    console.log(`${key}\n    in ${f.where.join(' ')}\n    ${f.summary}\n    ${f.html}`);
  }
  const serious = [...grouped.values()].filter((f) => ['serious', 'critical'].includes(f.impact));
  assert.deepEqual(
    serious.map((f) => `${f.impact} ${f.rule} ${f.target} (${f.where[0]}…)`),
    [],
    'no serious or critical accessibility violations',
  );
  assert.deepEqual(log.errors, []);
  await context.close();
});

/** What the focused element looks like: enough to tell whether its focus is visible. */
async function focusState(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { none: true };
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
      && !/rgba\(\d+, \d+, \d+, 0\)|transparent/.test(s.outlineColor);
    const shadow = s.boxShadow !== 'none';
    // The outline's contrast with what is behind it (WCAG 2.2 focus appearance asks 3:1).
    const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => { const x = v / 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    let behind = [255, 255, 255];
    for (let a = el.parentElement; a; a = a.parentElement) {
      const c = rgb(getComputedStyle(a).backgroundColor);
      if (c.length >= 3 && (c.length === 3 || c[3] > 0)) { behind = c.slice(0, 3); break; }
    }
    const [l1, l2] = [lum(rgb(s.outlineColor).slice(0, 3)), lum(behind)].sort((x, y) => y - x);
    const contrast = outline ? (l1 + 0.05) / (l2 + 0.05) : null;
    const name = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''}${el.id ? `#${el.id}` : ''}`;
    return {
      name,
      visible: outline || shadow,
      role: el.getAttribute('role'),
      view: el.dataset.view ?? null,
      selected: el.getAttribute('aria-selected'),
      style: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} / ${s.boxShadow}`,
      contrast,
    };
  });
}

/** The tab marked selected and the panel shown. */
async function selectedTab(page) {
  return page.evaluate(() => ({
    tab: document.querySelector('[role=tab][aria-selected=true]')?.dataset.view,
    panel: document.querySelector('[data-testid=view]')?.dataset.view,
  }));
}

test('the keyboard reaches the tabs, moves between them, and the focus always shows', async () => {
  const { context, page, log } = await openApp(site);
  await analysedAfter(page, async () => setText(page, await twoArticles()));
  await page.getByTestId('input').focus();

  // Tab on from the text area until a view tab has the focus; each stop must show its focus.
  const invisible = [];
  const faint = [];
  let state = await focusState(page);
  for (let presses = 0; state.role !== 'tab'; presses += 1) {
    assert.ok(presses < 80, `the view tabs are reachable by Tab (stopped at ${state.name})`);
    await page.keyboard.press('Tab');
    state = await focusState(page);
    if (!state.none && !state.visible) invisible.push(`${state.name}: ${state.style}`);
    if (state.contrast != null && state.contrast < 3) faint.push(`${state.name}: ${state.style} (${state.contrast.toFixed(2)}:1)`);
  }
  assert.equal(state.view, 'overview', 'Tab lands on the selected tab');
  assert.equal(state.selected, 'true');

  const expectAt = async (key, view) => {
    await page.keyboard.press(key);
    await page.waitForFunction((v) => document.querySelector('[data-testid=view]')?.dataset.view === v, view);
    const focused = await focusState(page);
    assert.equal(focused.view, view, `${key}: focus on the ${view} tab`);
    assert.equal(focused.selected, 'true', `${key}: the ${view} tab is selected`);
    assert.ok(focused.visible, `${key}: the focused tab shows its focus (${focused.style})`);
    assert.deepEqual(await selectedTab(page), { tab: view, panel: view });
  };
  await expectAt('ArrowRight', 'keywords');
  await expectAt('ArrowRight', 'entities');
  await expectAt('ArrowLeft', 'keywords');
  await expectAt('End', 'articles');
  await expectAt('ArrowRight', 'overview'); // wraps round
  await expectAt('ArrowLeft', 'articles');
  await expectAt('Home', 'overview');

  // Tab leaves the tabs for the panel (one stop), which shows its focus too.
  await page.keyboard.press('Tab');
  const panel = await focusState(page);
  assert.match(panel.name, /data-testid=view/, 'Tab from the tabs goes to the panel');
  if (!panel.visible) invisible.push(`${panel.name}: ${panel.style}`);
  // And on through the overview's controls, each showing its focus.
  for (let i = 0; i < 25; i += 1) {
    await page.keyboard.press('Tab');
    const s = await focusState(page);
    if (!s.none && !s.visible) invisible.push(`${s.name}: ${s.style}`);
    if (s.contrast != null && s.contrast < 3) faint.push(`${s.name}: ${s.style} (${s.contrast.toFixed(2)}:1)`);
  }
  assert.deepEqual([...new Set(invisible)], [], 'every focused element shows a focus indicator');
  for (const f of new Set(faint)) console.log(`faint focus: ${f}`);
  assert.deepEqual([...new Set(faint)], [], 'every focus outline contrasts 3:1 with what is behind it');
  assert.deepEqual(log.errors, []);
  await context.close();
});
