// The benchmark's texts: 20 KB, 1 MB and 5 MB of Chinese news made deterministically from the
// project's own articles, the same paragraphs the engine's criterion bench uses
// (crates/core/benches/engine.rs `article`), so the browser, native and criterion figures read
// the same kind of text. Every copy of a paragraph is numbered, and each round is rotated and
// every other one reversed, so no stretch of the text is one paragraph repeated verbatim.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = [
  'crates/core/tests/fixtures/news.txt',
  'tests/e2e/fixtures/article.txt',
  'tests/e2e/fixtures/article2.txt',
];

export const SIZES = [
  { label: '20 KB', bytes: 20 * 1024 },
  { label: '1 MB', bytes: 1 << 20 },
  { label: '5 MB', bytes: 5 << 20 },
];

function paragraphs(root) {
  return FIXTURES.flatMap((f) => readFileSync(join(root, f), 'utf8').split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** At least `bytes` of UTF-8, stopping at the first paragraph end past it. */
export function article(root, bytes) {
  const ps = paragraphs(root);
  const n = ps.length;
  const parts = [];
  let size = 0;
  for (let round = 0; size < bytes; round++) {
    for (let k = 0; k < n && size < bytes; k++) {
      // Rotated by one more each round, and read backwards every other round.
      const i = round % 2 === 0 ? k : n - 1 - k;
      const part = `（${round * n + k + 1}）${ps[(i + round) % n]}\n\n`;
      parts.push(part);
      size += Buffer.byteLength(part);
    }
  }
  return parts.join('');
}

/** The texts of SIZES, also written as files to `dir` for the native run; with their bytes. */
export function benchmarkTexts(root, dir) {
  mkdirSync(dir, { recursive: true });
  return SIZES.map(({ label, bytes }) => {
    const text = article(root, bytes);
    const file = join(dir, `text-${bytes}.txt`);
    writeFileSync(file, text);
    return { label, text, file, bytes: Buffer.byteLength(text), chars: text.length };
  });
}
