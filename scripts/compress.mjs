// Precompressed siblings for a static host: `<file>.br` (brotli, quality 11) and `<file>.gz`
// (gzip -9) beside every compressible file of a build, so a server that allows it (nginx
// brotli_static/gzip_static, Caddy `precompressed`, tests/e2e/harness.mjs) sends them with a
// Content-Encoding instead of compressing on each request or not at all.
//
// Called by scripts/precache.mjs (the trunk post-build hook) after sw.js is filled in, so the
// service worker lists the plain files only; or by hand: `node scripts/compress.mjs DIR`.
// The output is a function of the input bytes alone (fixed parameters, gzip's header carries no
// time or name), so the build stays reproducible.
import { brotliCompress, constants, gzip } from 'node:zlib';
import { readFile, readdir, unlink, writeFile } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Types worth compressing; images and fonts trunk copies are compressed already. */
export const COMPRESSIBLE = new Set([
  '.wasm', '.js', '.mjs', '.css', '.html', '.svg', '.json', '.webmanifest', '.bin', '.txt',
  '.map', '.xml', '.ico',
]);
/** Below this the encoding's own overhead and a request's headers outweigh the saving. */
export const MIN_BYTES = 1024;
// Brotli quality: 11, but 10 for files over LARGE. On this project's 2-core machines quality 11
// took 17.5 s on the 7.3 MB worker wasm (27-41 s with the other core busy) and 13.4 s on the
// 6.8 MB ner.bin; quality 10 took 9.5 s and 6.2 s for 0.3% and 3.8% more bytes (+54 KB of
// 6.9 MB sent), and quality 9 took 0.4 s but sent ner.bin 22% larger. The hook's time is the
// largest file's, as all are compressed at once. WENXI_BROTLI_QUALITY sets one quality for all
// (e.g. 5 for quick local builds).
const LARGE = 4 * 1024 * 1024;
const FIXED_QUALITY = process.env.WENXI_BROTLI_QUALITY;
const qualityFor = (size) => Number(FIXED_QUALITY ?? (size > LARGE ? 10 : 11));

export const isCompressible = (path, size) => size >= MIN_BYTES && COMPRESSIBLE.has(extname(path).toLowerCase());

const isSibling = (path) => path.endsWith('.br') || path.endsWith('.gz');

async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'))
    .sort();
}

function brotliOf(data, path) {
  const mode = /\.(js|mjs|css|html|svg|json|webmanifest|txt|map|xml)$/.test(path)
    ? constants.BROTLI_MODE_TEXT
    : constants.BROTLI_MODE_GENERIC;
  return brotli(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: qualityFor(data.length),
      [constants.BROTLI_PARAM_MODE]: mode,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

/** Writes `<path>.<ext>` if it is smaller than the file; otherwise none (the host sends the file). */
async function writeSibling(path, ext, data, encoded) {
  if (encoded.length >= data.length) return 0;
  await writeFile(`${path}.${ext}`, encoded);
  return encoded.length;
}

/**
 * Compresses every compressible file under `dir`; returns one row per file:
 * { file, raw, br, gz, ms } (br/gz 0 when no sibling was written). Old siblings are removed
 * first, so a sibling never outlives its file's content. The files are compressed at once:
 * node's zlib runs on its thread pool, so both cores are used.
 */
export async function compressTree(dir) {
  const all = await filesUnder(dir);
  await Promise.all(all.filter(isSibling).map((file) => unlink(join(dir, file))));
  const rows = await Promise.all(
    all
      .filter((file) => !isSibling(file))
      .map(async (file) => {
        const path = join(dir, file);
        const data = await readFile(path);
        if (!isCompressible(file, data.length)) return undefined;
        const start = performance.now();
        const [br, gz] = await Promise.all([brotliOf(data, file), gzipped(data, { level: 9 })]);
        return {
          file,
          raw: data.length,
          quality: qualityFor(data.length),
          br: await writeSibling(path, 'br', data, br),
          gz: await writeSibling(path, 'gz', data, gz),
          ms: performance.now() - start,
        };
      }),
  );
  return rows.filter(Boolean);
}

/** One line per file and a total, for the build log. */
export function summary(rows, seconds) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(11);
  const lines = rows.map(
    (r) => `  ${r.file.padEnd(36)} ${kb(r.raw)} br ${kb(r.br)} (q${r.quality}) gz ${kb(r.gz)} ${(r.ms / 1000).toFixed(1)} s`,
  );
  const total = rows.reduce((sum, r) => sum + r.raw, 0);
  const sent = rows.reduce((sum, r) => sum + (r.br || r.raw), 0);
  return [
    `compress: ${rows.length} files, ${kb(total).trim()} raw, ${kb(sent).trim()} brotli, ${seconds.toFixed(1)} s`,
    ...lines,
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/compress.mjs DIR');
    process.exit(2);
  }
  const start = performance.now();
  const rows = await compressTree(dir);
  console.log(summary(rows, (performance.now() - start) / 1000));
}
