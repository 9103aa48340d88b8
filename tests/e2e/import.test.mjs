// End-to-end: files opened with the button or dropped on the text area are read in the worker
// (.docx, GBK text, HTML); a file that cannot be read, or is too large, is refused with a
// message and the text area keeps what it had.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync, crc32 } from 'node:zlib';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useSite, waitForState, paste, openApp } from './harness.mjs';

const site = useSite();

/** A zip archive of `entries` ({ name: string|Buffer }), deflated, as Word writes them. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.from(content);
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, fileName, packed);
    centrals.push(central, fileName);
    offset += head.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A .docx holding `paragraphs`, each split into two runs as Word often does. */
function docx(paragraphs) {
  const body = paragraphs.map((p) => {
    const half = Math.floor(p.length / 2);
    return `<w:p><w:r><w:t>${p.slice(0, half)}</w:t></w:r><w:r><w:t xml:space="preserve">${p.slice(half)}</w:t></w:r></w:p>`;
  }).join('');
  return zip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    'word/document.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
      body + '</w:body></w:document>',
  });
}

/** `text` in GBK, by inverting the runtime's GBK decoder (Node has no GBK encoder). */
function gbk(text) {
  const decoder = new TextDecoder('gbk');
  const table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const c = decoder.decode(new Uint8Array([lead, trail]));
      if (c.length === 1 && !table.has(c)) table.set(c, [lead, trail]);
    }
  }
  const bytes = [];
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) bytes.push(c.charCodeAt(0));
    else if (table.has(c)) bytes.push(...table.get(c));
    else throw new Error(`no GBK code for ${c}`);
  }
  return Buffer.from(bytes);
}

const ARTICLE = [
  '昆明市第三届高原花卉博览会今天开幕，来自十二个国家的花卉企业参加展览。',
  '博览会组委会主任周立新介绍，本届博览会展出鲜花品种超过两千个，预计接待观众三十万人次。',
  '花卉产业已经成为当地农民增收的重要来源，去年全市花卉种植面积达到八万亩。',
];

async function openWithButton(page, file) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open-file').click();
  await (await chooser).setFiles(file);
}

async function keywordShown(page, term) {
  await page.waitForFunction(
    (t) => [...document.querySelectorAll('[data-testid=keyword]')].some((k) => k.dataset.term === t),
    term, { timeout: 30_000 });
}

test('a .docx opened with the button replaces the text, is analysed, and can be undone', async () => {
  const { context, page, log } = await openApp(site);
  await paste(page, '原来的文字：读书会在图书馆举行。');
  await waitForState(page, 'done');
  await openWithButton(page, { name: '花卉博览会.docx', mimeType: 'application/octet-stream', buffer: docx(ARTICLE) });
  await page.getByTestId('import-done').waitFor();
  assert.match(await page.getByTestId('import-done').innerText(), /花卉博览会\.docx/);
  assert.equal(await page.getByTestId('input').inputValue(), ARTICLE.join('\n'));
  await keywordShown(page, '花卉');
  await page.getByTestId('import-undo').click();
  assert.equal(await page.getByTestId('input').inputValue(), '原来的文字：读书会在图书馆举行。');
  await keywordShown(page, '读书会');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a GBK text file dropped on the text area is decoded, and the reader is told how', async () => {
  const { context, page, log } = await openApp(site);
  const text = ARTICLE.join('\r\n');
  const bytes = [...gbk(text)];
  await page.getByTestId('input').evaluate((area, bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], '旧文件.txt', { type: 'text/plain' }));
    area.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    area.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, bytes);
  await page.getByTestId('import-done').waitFor();
  assert.match(await page.getByTestId('import-done').innerText(), /GB18030|GBK/);
  assert.equal(await page.getByTestId('input').inputValue(), ARTICLE.join('\n'));
  await keywordShown(page, '花卉');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('in English, what a file import did and why a file was refused are said in English', async () => {
  const { context, page, log } = await openApp(site);
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await openWithButton(page, { name: 'old.txt', mimeType: 'text/plain', buffer: gbk(ARTICLE.join('\n')) });
  const done = page.getByTestId('import-done');
  await done.waitFor();
  const said = await done.innerText();
  assert.match(said, /Opened “old\.txt”\./);
  assert.match(said, /The file is not UTF-8; it was read as (GB18030|GBK)\./);
  assert.ok(!/[\u3400-\u9fff]/.test(said), said);
  // Refused by the page before reading (too large): said in English too.
  const dir = await mkdtemp(join(tmpdir(), 'wenxi-'));
  const huge = join(dir, 'huge.txt');
  await writeFile(huge, Buffer.alloc(65 * 1024 * 1024, 0x61));
  await openWithButton(page, huge);
  const error = page.getByTestId('import-error');
  await error.waitFor();
  assert.match(await error.innerText(), /Could not open “huge\.txt”: The file is too large \(65\.0 MB\): wenxi reads files of up to 64\.0 MB\./);
  await rm(dir, { recursive: true });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('an HTML page is read as its text, without scripts or styles', async () => {
  const { context, page, log } = await openApp(site);
  const html = `<!doctype html><html><head><title>花卉博览会</title><style>p{color:red}</style>
    <script>fetch("https://example.invalid/steal")</script></head><body>
    <p>${ARTICLE[0]}</p><p>${ARTICLE[1]}&nbsp;&ldquo;鲜花&rdquo;</p><!-- 注释不算 --></body></html>`;
  await openWithButton(page, { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await page.getByTestId('import-done').waitFor();
  const value = await page.getByTestId('input').inputValue();
  assert.ok(value.includes(ARTICLE[0]) && value.includes('“鲜花”'), value);
  for (const gone of ['fetch', 'color', '注释不算', '<p>']) assert.ok(!value.includes(gone), `${gone} in ${value}`);
  await waitForState(page, 'done');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('files that cannot be read are refused with a reason, and the text stays', async () => {
  const { context, page, log } = await openApp(site);
  const mine = '我的草稿，不能丢。';
  await paste(page, mine);
  const dir = await mkdtemp(join(tmpdir(), 'wenxi-'));
  const whole = docx(ARTICLE);
  const huge = join(dir, '太大.txt');
  await writeFile(huge, Buffer.alloc(65 * 1024 * 1024, 0x61));
  const cases = [
    [{ name: '扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n') }, /PDF/],
    [{ name: '半截.docx', mimeType: 'application/octet-stream', buffer: whole.subarray(0, whole.length - 30) }, /Word|不完整|损坏/],
    [{ name: '假的.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('这不是压缩包') }, /Word|zip/],
    [{ name: 'a.out', mimeType: 'application/octet-stream', buffer: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(200).fill(0)]) }, /程序|不是文本/],
    [{ name: '空.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) }, /没有文字/],
    [huge, /64(\.0)? MB/],
  ];
  const seen = [];
  for (const [file, reason] of cases) {
    await openWithButton(page, file);
    const error = page.getByTestId('import-error');
    await error.waitFor({ timeout: 30_000 });
    const message = await error.innerText();
    seen.push(message.replace(/\s+/g, ' '));
    assert.match(message, reason);
    assert.equal(await page.getByTestId('input').inputValue(), mine, `the text stays after ${file.name ?? file}`);
    await page.getByTestId('import-dismiss').click();
    await error.waitFor({ state: 'detached' });
  }
  await rm(dir, { recursive: true });
  console.log(`# refused files, as the reader sees them:\n#   ${seen.join('\n#   ')}`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the sample article is offered while the text area is empty, and analysed', async () => {
  const { context, page, log } = await openApp(site);
  await page.getByTestId('load-sample').click();
  await waitForState(page, 'done');
  const text = await page.getByTestId('input').inputValue();
  assert.ok(text.length > 500, 'the sample is in the text area');
  // It names people, places, organisations, times, quantities and a work, for every view.
  for (const type of ['person', 'place', 'organization', 'time', 'quantity', 'work']) {
    const found = await page.locator(`[data-testid=entity][data-type=${type}]`).count();
    assert.ok(found > 0, `the sample has a ${type}`);
  }
  assert.equal(await page.getByTestId('load-sample').count(), 0, 'offered only for an empty text area');
  assert.deepEqual(log.errors, []);
  await context.close();
});
