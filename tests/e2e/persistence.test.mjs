// End-to-end: nothing typed is lost. A text of megabytes survives a reload (IndexedDB), and two
// tabs of the same site never overwrite each other's text without the reader choosing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, paste, setText } from './harness.mjs';

const site = useSite();

/** The records in IndexedDB as `{ key, tab, saved_at, length, text }` (text only when short). */
async function savedRecords(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('wenxi');
    // Never create the database here: the page must be the one that creates it.
    open.onupgradeneeded = () => open.transaction.abort();
    open.onerror = () => resolve([]);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('texts')) { db.close(); resolve([]); return; }
      const tx = db.transaction('texts');
      const store = tx.objectStore('texts');
      const values = store.getAll();
      const keys = store.getAllKeys();
      tx.oncomplete = () => {
        db.close();
        resolve(keys.result.map((key, i) => {
          const r = values.result[i];
          return {
            key, tab: r.tab, saved_at: r.saved_at, length: r.text.length,
            text: r.text.length < 10_000 ? r.text : null,
          };
        }));
      };
      tx.onerror = () => reject(tx.error);
    };
  }));
}

/** Polls until `check(records)` holds; returns the records then. */
async function untilSaved(page, check, what, timeout = 15_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const records = await savedRecords(page);
    if (check(records)) return records;
    if (Date.now() > end) assert.fail(`${what}; saved: ${JSON.stringify(records)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const shared = (records) => records.find((r) => r.key === 'shared');


async function inputIs(page, text, timeout = 30_000) {
  await page.waitForFunction(
    (length) => document.querySelector('[data-testid=input]')?.value.length === length,
    text.length,
    { timeout },
  );
  assert.ok(await page.getByTestId('input').inputValue() === text, 'the whole text is back');
}

test('a five megabyte text survives a reload (IndexedDB)', async () => {
  const { context, page, log } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.origin + '/');
  await page.getByTestId('input').waitFor();
  const lines = [];
  for (let i = 0, bytes = 0; bytes < 5_000_000; i++) {
    lines.push(`第${i}段：仓库在清晨${i % 24}点盘点，${(i * 37) % 1009}箱冷冻食品出库。\n`);
    bytes += Buffer.byteLength(lines[i]);
  }
  const big = lines.join('');
  await setText(page, big);
  const records = await untilSaved(
    page, (rs) => shared(rs)?.length === big.length, 'the 5 MB text is saved in IndexedDB',
  );
  const record = shared(records);
  assert.equal(typeof record.tab, 'string');
  assert.ok(record.tab.length > 0);
  assert.ok(Math.abs(record.saved_at - Date.now()) < 60_000, `saved_at ${record.saved_at}`);
  // Too large for the first-paint copy in localStorage: none is left there.
  assert.equal(await page.evaluate(() => localStorage.getItem('wenxi.text')), null);

  await page.reload();
  await inputIs(page, big);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('two tabs: the second tab\'s text is not overwritten, the reader chooses, reload keeps it', async () => {
  const { context, page: first, log } = await openPage(site.browser, site.server.origin);
  await first.goto(site.server.origin + '/');
  const mine = '第一个标签页写的草稿：冷库的温度每小时记录一次。';
  await paste(first, mine);
  await untilSaved(first, (rs) => shared(rs)?.text === mine, 'the first tab saved');

  const second = await context.newPage();
  second.on('pageerror', (err) => log.errors.push(String(err)));
  await second.goto(site.server.origin + '/');
  await inputIs(second, mine);
  const theirs = '第二个标签页改写的版本：仓库改为每半小时记录温度。';
  await paste(second, theirs);
  await untilSaved(second, (rs) => shared(rs)?.text === theirs, 'the second tab saved');

  // The first tab hears of it and asks; meanwhile what it types is saved apart.
  await first.getByTestId('tab-conflict').waitFor();
  await first.getByTestId('input').click();
  await first.keyboard.press('End');
  await first.keyboard.insertText('补充一句。');
  const mineNow = mine + '补充一句。';
  await untilSaved(
    first, (rs) => rs.some((r) => r.key.startsWith('tab:') && r.text === mineNow),
    'the first tab saved its text in its own slot',
  );
  assert.equal(shared(await savedRecords(first)).text, theirs, 'the other tab\'s text is untouched');

  // Keep this tab's text: it becomes the shared one, and the other tab is asked in turn.
  await first.getByTestId('tab-conflict-keep').click();
  await first.getByTestId('tab-conflict').waitFor({ state: 'detached' });
  await untilSaved(first, (rs) => shared(rs)?.text === mineNow && !rs.some((r) => r.key.startsWith('tab:')),
    'the kept text is shared and the tab slot is gone');
  await second.getByTestId('tab-conflict').waitFor();
  await first.reload();
  await inputIs(first, mineNow);

  // The other tab takes that text.
  await second.getByTestId('tab-conflict-load').click();
  await inputIs(second, mineNow);
  assert.equal(await second.getByTestId('tab-conflict').count(), 0);
  await second.reload();
  await inputIs(second, mineNow);
  assert.equal(await first.getByTestId('tab-conflict').count(), 0, 'taking a text asks no one');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a tab that loads the other tab\'s text gets it back after a reload', async () => {
  const { context, page: first, log } = await openPage(site.browser, site.server.origin);
  await first.goto(site.server.origin + '/');
  const second = await context.newPage();
  await second.goto(site.server.origin + '/');
  await first.getByTestId('input').waitFor();
  await second.getByTestId('input').waitFor();
  await paste(first, '甲页：今天下午三点开会。');
  await untilSaved(first, (rs) => shared(rs)?.text === '甲页：今天下午三点开会。', 'first saved');
  const theirs = '乙页：会议改到明天上午十点。';
  await paste(second, theirs);
  await first.getByTestId('tab-conflict').waitFor();
  await first.getByTestId('tab-conflict-load').click();
  await inputIs(first, theirs);
  await first.reload();
  await inputIs(first, theirs);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a word added to the dictionary in one tab is in the other tab\'s dictionary too', async () => {
  const { context, page: first, log } = await openPage(site.browser, site.server.origin);
  await first.goto(site.server.origin + '/');
  const second = await context.newPage();
  second.on('pageerror', (err) => log.errors.push(String(err)));
  await second.goto(site.server.origin + '/');
  await second.getByTestId('input').waitFor();

  const panel = first.getByTestId('settings');
  if (!(await panel.evaluate((d) => d.open))) await panel.locator('summary').first().click();
  const word = '河湖长巡查';
  await first.getByTestId('dict-word-input').fill(word);
  await first.getByTestId('dict-add').click();
  await second.locator(`[data-testid=dict-word][data-word=${word}]`).waitFor({ state: 'attached' });
  // Applied, not saved back: the saved settings still hold the word once.
  const saved = await second.evaluate(() => localStorage.getItem('wenxi.settings'));
  assert.equal(saved.split(word).length - 1, 1, saved);
  assert.deepEqual(log.errors, []);
  await context.close();
});
