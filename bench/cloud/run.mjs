// Cloud benchmark: wenxi's cloud against wordcloud2.js (npm `wordcloud`) on the same words, in
// the same headless Chromium. `node bench/cloud/run.mjs --help` for the options; README.md says
// what is measured and how. Builds nothing: run `trunk build --release --offline` first.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchBrowser, machine, serveDist, dist, root } from '../../tests/e2e/harness.mjs';
import { benchmarkWords } from './words.mjs';
import { measureWenxi } from './wenxi.mjs';
import { printReport } from './report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const wordcloud2 = join(root, 'node_modules', 'wordcloud', 'src', 'wordcloud2.js');

/** wordcloud2's name for each of our shapes ('circle' is its ellipse, with `ellipticity`). */
const WC2_SHAPE = { ellipse: 'circle', rectangle: 'square', cardioid: 'cardioid', star: 'star' };

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    sizes: { type: 'string', default: '50,100,200' },
    shapes: { type: 'string', default: 'ellipse,rectangle,cardioid,star' },
    grid: { type: 'string', default: '4' },
    chars: { type: 'string', default: '200000' },
    text: { type: 'string' },
    dist: { type: 'string' },
    font: { type: 'string', default: 'Noto Sans CJK SC' },
    'skip-wenxi': { type: 'boolean', default: false },
    'skip-wordcloud2': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(`node bench/cloud/run.mjs [--runs 5] [--sizes 50,100,200] [--shapes ellipse,rectangle,cardioid,star]
  [--grid 4] (wordcloud2's gridSize, 4 is its finest) [--chars 200000] [--text FILE] [--font NAME]
  [--dist DIR] (a built site other than dist/) [--skip-wenxi] [--skip-wordcloud2]`);
  process.exit(0);
}
const runs = Number(args.runs);
const sizes = args.sizes.split(',').map(Number);
const shapes = args.shapes.split(',');
// wenxi's defaults; its words are drawn at weight 600 (src/cloud_glyphs.rs), so wordcloud2's are too.
const layout = { width: 800, height: 500, minFont: 12, maxFont: 96, fontFamily: args.font, fontWeight: '600' };

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** Serves on loopback whatever file `resolve(path)` names (null: 404). */
async function serve(resolve) {
  const server = createServer(async (req, res) => {
    const file = resolve(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const body = file && (await readFile(file).catch(() => null));
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** This folder and wordcloud2.js, on an origin of their own: the app's service worker must not
 * claim these pages. */
const serveBench = () =>
  serve((path) => {
    const name = path.slice(1);
    if (name === 'wordcloud2.js') return wordcloud2;
    return /^[\w.-]+\.(html|js)$/.test(name) ? join(here, name) : null;
  });

/** A built site in `folder` (no `..` escapes). */
const serveSite = (folder) =>
  serve((path) => {
    const file = normalize(join(folder, path.endsWith('/') ? `${path}index.html` : path));
    return file.startsWith(normalize(folder)) ? file : null;
  });

/** One wordcloud2 layout of the first `size` words on the bench page `page`. */
function runWordCloud2(page, words, { size, shape, shrinkToFit, color }) {
  const options = {
    ...layout,
    words: words.slice(0, size),
    shape,
    wc2Shape: WC2_SHAPE[shape],
    gridSize: Number(args.grid),
    rotateRatio: 0.25,
    shrinkToFit,
    color,
  };
  return page.evaluate((o) => window.bench.runWordCloud2(o), options);
}

/** wordcloud2: `runs` layouts per configuration, after one warm-up (fonts, JIT) not counted. */
async function measureWordCloud2(page, words, configs) {
  await runWordCloud2(page, words, { size: 50, shape: 'ellipse', shrinkToFit: true });
  const rows = [];
  for (const c of configs) {
    const row = { ...c, runs: [] };
    for (let i = 0; i < runs; i++) row.runs.push(await runWordCloud2(page, words, c));
    rows.push(row);
  }
  return rows;
}

async function main() {
  if (!existsSync(wordcloud2)) throw new Error('node_modules/wordcloud is missing: run `npm ci`');
  const site = args.dist ?? dist;
  const haveDist = existsSync(join(site, 'index.html'));
  console.error('words: analysing the text with the native CLI (cargo run --release -p wenxi-cli) …');
  const { text, source, keywords } = benchmarkWords({
    root,
    textPath: args.text,
    maxChars: Number(args.chars),
    topK: Math.max(...sizes),
  });
  if (keywords.length < Math.max(...sizes)) {
    console.warn(`only ${keywords.length} keywords: the larger sizes get fewer words (a longer --text?)`);
  }
  const bench = await serveBench();
  const app = !haveDist ? null : args.dist ? await serveSite(args.dist) : await serveDist();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${bench.origin}/wordcloud2.html`);
    const configs = [];
    for (const size of sizes) for (const shape of shapes) configs.push({ size, shape, shrinkToFit: true });
    for (const shape of shapes) configs.push({ size: Math.max(...sizes), shape, shrinkToFit: false });
    console.error(`wordcloud2: ${configs.length} configurations × ${runs} runs …`);
    const wc2 = args['skip-wordcloud2']
      ? configs.map((c) => ({ ...c, runs: [] }))
      : await measureWordCloud2(page, keywords, configs);

    const build = '`source scripts/ensure-tools.sh && trunk build --release --offline`';
    const missing = `${site}/index.html is missing: run ${build} first`;
    let wenxi = { available: false, notes: [missing], results: [] };
    if (app && !args['skip-wenxi']) {
      console.error('wenxi: analysing the same text in the app, then its cloud per size and shape …');
      // The wenxi pictures are measured on the bench page, with the code that measures wordcloud2's.
      const measure = (svg, shape, w, h) =>
        page.evaluate(([s, sh, ww, hh]) => window.bench.measureSvg(s, sh, ww, hh), [svg, shape, w, h]);
      wenxi = await measureWenxi({ browser, origin: app.origin, text, sizes, shapes, runs, measure });
    } else if (args['skip-wenxi']) {
      wenxi.notes = ['skipped (--skip-wenxi)'];
    }

    // High-DPI: does wordcloud2 size its canvas's backing store to the screen, and how soft are
    // the edges of each tool's words on a 1× and a 2× screen (black words on white)?
    const sharpness = [];
    for (const scale of [1, 2]) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: scale });
      const p = await ctx.newPage();
      await p.goto(`${bench.origin}/wordcloud2.html`);
      const biggest = Math.max(...sizes);
      await runWordCloud2(p, keywords, { size: biggest, shape: shapes[0], shrinkToFit: true, color: '#000' });
      const soft = async (selector) => {
        const png = await p.locator(selector).screenshot();
        return p.evaluate((b64) => window.bench.edgeSoftness(b64), png.toString('base64'));
      };
      const row = { scale, wordcloud2: await soft('#cloud') };
      if (scale === 2) Object.assign(row, await p.evaluate(() => window.bench.canvasResolution()));
      if (wenxi.sample) {
        const { svg, width, height } = wenxi.sample;
        await p.evaluate(([s, w, h]) => window.bench.showSvgInBlack(s, w, h), [svg, width, height]);
        row.wenxi = await soft('#svg');
      }
      sharpness.push(row);
      await ctx.close();
    }
    const resolution = sharpness[1];

    printReport({
      header: [
        `\nmachine: ${machine()}; Chromium ${browser.version()}`,
        `text: ${source}; ${keywords.length} keywords from the engine (TF-IDF, score 0..1)`,
        `layout: ${layout.width}×${layout.height} px, fonts ${layout.minFont}–${layout.maxFont} px by √score, ` +
          `"${layout.fontFamily}" ${layout.fontWeight}, ~1 word in 4 vertical; wordcloud2 gridSize ${args.grid}; ${runs} runs each, median [min–max]`,
        'fill = ink pixels (alpha ≥ 128) inside the shape / pixels of the shape, the same region and count for both ' +
          '(bench/cloud/shapes.js = the engine\'s shapes); box = ink / 800×500',
      ],
      keywords,
      minFont: layout.minFont,
      wc2,
      wenxi,
      resolution,
      sharpness,
    });
  } finally {
    await browser.close();
    bench.close();
    await app?.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
