// End-to-end: nothing typed is lost. A text of megabytes survives a reload (IndexedDB); two
// tabs of the same site never overwrite each other's text without the reader choosing, and a
// tab that never typed takes the other's text quietly; a text a closed tab left behind is
// offered on the next load; without IndexedDB, localStorage keeps what fits and the page says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, paste, setText, waitForState } from './harness.mjs';

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

/** A second tab of the site in `context` (its page errors go to `log`), once it shows `text`. */
async function secondTab(context, log, text) {
  const second = await context.newPage();
  second.on('pageerror', (err) => log.errors.push(String(err)));
  await second.goto(site.server.origin + '/');
  await inputIs(second, text);
  return second;
}
const tabSlots = (records) => records.filter((r) => r.key.startsWith('tab:'));

/** Writes a record straight into the page's store, as a tab that has since closed left it. */
async function putRecord(page, key, record) {
  await page.evaluate(([key, record]) => new Promise((resolve, reject) => {
    const open = indexedDB.open('wenxi');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('texts', 'readwrite');
      tx.objectStore('texts').put(record, key);
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), [key, record]);
}

/** Lets the page finish what it does on load (restoring, sorting saved slots). */
const settle = (page) => page.waitForTimeout(1_500);


/** Waits until the page holds `text` (a large text is shown as a preview: its count, then the
 * whole text opened in the text area as the reader can). All test texts are in the BMP, so a
 * char is one UTF-16 unit. */
async function inputIs(page, text, timeout = 30_000) {
  await page.waitForFunction(
    (length) => {
      const area = document.querySelector('[data-testid=input]');
      const large = document.querySelector('[data-testid=large-text]');
      return area ? area.value.length === length : large?.dataset.chars === String(length);
    },
    text.length,
    { timeout },
  );
  if (await page.getByTestId('input').count() === 0) await page.getByTestId('large-edit').click();
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

  const second = await secondTab(context, log, mine);
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
  // The second tab had not typed: it takes that text without asking.
  await inputIs(second, '甲页：今天下午三点开会。');
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

test('a tab that has not typed takes the other tab\'s newer text without asking', async () => {
  const { context, page: first, log } = await openPage(site.browser, site.server.origin);
  await first.goto(site.server.origin + '/');
  const draft = '甲页的草稿：图书馆周六闭馆整理书架。';
  await paste(first, draft);
  await untilSaved(first, (rs) => shared(rs)?.text === draft, 'the first tab saved');
  const second = await secondTab(context, log, draft);
  await settle(second);

  // The second tab only reads; the first edits twice. Each time the second follows quietly.
  for (const edit of ['周日照常开放。', '借书期限延长一周。']) {
    await first.getByTestId('input').click();
    await first.keyboard.press('Control+End');
    await first.keyboard.insertText(edit);
    const now = await first.getByTestId('input').inputValue();
    await inputIs(second, now);
    assert.equal(await second.getByTestId('tab-conflict').count(), 0, 'the reading tab is not asked');
    assert.equal(await first.getByTestId('tab-conflict').count(), 0, 'the writing tab is not asked');
  }
  assert.equal(tabSlots(await savedRecords(first)).length, 0, 'nobody saved apart');

  // Once the second tab has typed, the first tab's next save is a conflict there.
  await second.getByTestId('input').click();
  await second.keyboard.press('Control+End');
  await second.keyboard.insertText('乙页加的一句。');
  await untilSaved(second, (rs) => shared(rs)?.text.endsWith('乙页加的一句。'), 'the second tab saved');
  // The first tab typed before: it is asked now.
  await first.getByTestId('tab-conflict').waitFor();
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a text a closed tab saved apart is offered on the next load; loading it sets this one aside', async () => {
  const { context, page: first, log } = await openPage(site.browser, site.server.origin);
  await first.goto(site.server.origin + '/');
  const mine = '第一个标签页：河道清淤工程下月开工。';
  await paste(first, mine);
  await untilSaved(first, (rs) => shared(rs)?.text === mine, 'the first tab saved');
  const second = await secondTab(context, log, mine);
  const theirs = '第二个标签页：清淤工程推迟到年底，预算另议。';
  await paste(second, theirs);
  await first.getByTestId('tab-conflict').waitFor();
  await first.getByTestId('input').click();
  await first.keyboard.press('Control+End');
  await first.keyboard.insertText('附近道路临时封闭。');
  const apart = mine + '附近道路临时封闭。';
  await untilSaved(first, (rs) => tabSlots(rs).some((r) => r.text === apart), 'saved apart');

  // While the first tab is open its slot is its own: a new tab does not offer it.
  const third = await context.newPage();
  await third.goto(site.server.origin + '/');
  await inputIs(third, theirs);
  await settle(third);
  assert.equal(await third.getByTestId('orphan-text').count(), 0, 'an open tab\'s text is not offered');
  await third.close();

  // Closed without choosing: the next load offers its text.
  await first.close();
  const fourth = await context.newPage();
  fourth.on('pageerror', (err) => log.errors.push(String(err)));
  await fourth.goto(site.server.origin + '/');
  await inputIs(fourth, theirs);
  const notice = fourth.getByTestId('orphan-text');
  await notice.waitFor();
  const said = await notice.innerText();
  assert.match(said, /另一个标签页关闭前保存了不同的文本/);
  assert.ok(said.includes(`${[...apart].length} 字`), said);
  await fourth.getByTestId('orphan-load').click();
  await inputIs(fourth, apart);
  await notice.waitFor({ state: 'detached' });
  // The text it replaced is kept in a slot of this tab, the closed tab's slot is gone, and the
  // loaded text is the shared one now.
  const records = await untilSaved(fourth, (rs) => shared(rs)?.text === apart
    && tabSlots(rs).length === 1 && tabSlots(rs)[0].text === theirs,
  'the loaded text is shared and the replaced one kept apart');
  assert.ok(!records.some((r) => r.text === apart && r.key !== 'shared'), 'the closed tab\'s slot is gone');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a closed tab\'s slot that repeats the shared text goes quietly; a different one can be discarded', async () => {
  const { context, page, log } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.origin + '/');
  const text = '共享的文本：社区食堂午餐供应到一点半。';
  await paste(page, text);
  await untilSaved(page, (rs) => shared(rs)?.text === text, 'saved');
  const now = Date.now();
  const draft = '关掉的标签页留下的草稿：食堂周末不开。';
  await putRecord(page, 'tab:gone-same', { text, tab: 'gone-same', saved_at: now - 2_000 });
  await putRecord(page, 'tab:gone-draft', { text: draft, tab: 'gone-draft', saved_at: now - 1_000 });

  await page.reload();
  await inputIs(page, text);
  const notice = page.getByTestId('orphan-text');
  await notice.waitFor();
  assert.ok((await notice.innerText()).includes(`${[...draft].length} 字`));
  await untilSaved(page, (rs) => !rs.some((r) => r.key === 'tab:gone-same'), 'the repeat is removed');
  assert.ok((await savedRecords(page)).some((r) => r.key === 'tab:gone-draft'), 'asked, not removed');

  await page.getByTestId('orphan-discard').click();
  await notice.waitFor({ state: 'detached' });
  await untilSaved(page, (rs) => tabSlots(rs).length === 0, 'the discarded text is removed');
  assert.equal(await page.getByTestId('input').inputValue(), text, 'this tab\'s text is untouched');
  await page.reload();
  await inputIs(page, text);
  await settle(page);
  assert.equal(await notice.count(), 0, 'nothing is offered again');
  assert.deepEqual(log.errors, []);
  await context.close();
});

/** About `chars` characters of made-up records, varied line by line. */
function lotsOfRecords(chars) {
  const lines = [];
  for (let i = 0, n = 0; n < chars; i++) {
    const line = `第${i}号观测：水位${(i * 13) % 500}厘米，流量${(i * 29) % 3000}立方米每秒，` +
      `${['晴', '多云', '小雨', '大风'][i % 4]}，记录员${['周', '吴', '郑', '孙'][i % 4]}某。\n`;
    lines.push(line);
    n += line.length;
  }
  return lines.join('');
}

test('without IndexedDB, localStorage keeps a small text and a too-large one is warned about', async () => {
  const { context, page, log } = await openPage(site.browser, site.server.origin);
  // As in a private window that refuses IndexedDB.
  await context.addInitScript(() => {
    IDBFactory.prototype.open = function refuse() {
      throw new DOMException('IndexedDB is not available here', 'InvalidStateError');
    };
  });
  await page.goto(site.server.origin + '/');
  await waitForState(page, 'ready');
  const small = '隐私窗口里写的短文：明早八点在车站集合。';
  await paste(page, small);
  await page.waitForFunction((text) => {
    const saved = localStorage.getItem('wenxi.text');
    return saved !== null && JSON.parse(saved).text === text;
  }, small);
  await page.reload();
  await inputIs(page, small);
  const warning = page.locator('p.notice[role=status]', { hasText: '不会保留' });
  assert.equal(await warning.count(), 0, 'a small text fits: no warning');
  assert.equal(await page.evaluate(() => indexedDB.databases()).then((dbs) => dbs.length), 0,
    'no database was made');

  // Over localStorage's 5 M characters (10 MB of UTF-16 in Chromium).
  const big = lotsOfRecords(6_000_000);
  await waitForState(page, ['ready', 'done']);
  await setText(page, big);
  await warning.waitFor({ timeout: 30_000 });
  assert.match(await warning.innerText(), /IndexedDB/);
  // The page keeps working: the big text is analysed.
  await waitForState(page, 'done', 240_000);
  assert.ok(await page.getByTestId('keyword').count() > 0, 'a report of the big text');
  const characters = await page.locator('[data-stat=characters]').innerText();
  // Characters are counted without white space.
  assert.equal(Number(characters.replace(/\D/g, '')), big.replace(/\s/g, '').length,
    `the whole text is read: ${characters}`);
  // What localStorage could keep is still there: a reload brings the last text that fitted.
  await page.reload();
  await inputIs(page, small);
  assert.deepEqual(log.errors, []);
  await context.close();
});
