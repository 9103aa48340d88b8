// Site benchmark (issue 8): builds the release site, serves it on loopback and measures, in one
// headless Chromium, wenxi (first and repeat visit, analyses of 20 KB, 1 MB and 5 MB, memory,
// bytes) beside npm jieba-wasm on the same texts, and natively jieba-rs and the wenxi engine.
// `node bench/site/run.mjs --help` for the options; README.md says what is measured.
// Informative: exits 0 whatever the figures, non-zero only when something failed to run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dist, launchBrowser, machine, root, serveDist } from '../../tests/e2e/harness.mjs';
import { benchmarkTexts } from './texts.mjs';
import { compressed } from './brotli.mjs';
import { measureWenxi } from './wenxi.mjs';
import { measurePeer, peerFiles, servePeer } from './peer.mjs';
import { measureNative } from './native.mjs';
import { printReport, visitBytes } from './report.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'no-build': { type: 'boolean', default: false },
    'no-native': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(`node bench/site/run.mjs [--runs 3] [--no-build] (reuse the site in dist/, or WENXI_DIST)
  [--no-native] (skip the native columns)`);
  process.exit(0);
}
const runs = Math.max(1, Number(args.runs));

/** The release site, built as scripts/build.sh does (ensure-tools, then trunk --offline). */
function build() {
  console.error('building the release site (scripts/build.sh) …');
  const out = spawnSync('bash', ['scripts/build.sh', '--dist', dist], { cwd: root, stdio: ['ignore', 2, 2] });
  if (out.status !== 0) throw new Error(`scripts/build.sh failed (exit ${out.status})`);
}

/** Fails unless the worker's wasm starts with the wasm magic (parallel builds that share
 * target/ have left it zero-filled). */
function checkBuild() {
  const file = join(dist, 'worker_bg.wasm');
  if (!existsSync(file)) throw new Error(`${file} is missing: build the site first (drop --no-build)`);
  const head = readFileSync(file).subarray(0, 4).toString('hex');
  if (head !== '0061736d') throw new Error(`${file} is not wasm (starts ${head}): rebuild`);
}

/** Raw and brotli (quality 11) bytes of a file. */
function sizes(file) {
  const { raw, br } = compressed(file);
  return { raw: raw.length, brotli: br.length };
}

/** A served path's file in dist/ and its sizes (null for a path that is not a file). */
function sizeOfPath(path) {
  const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
  return existsSync(file) && statSync(file).isFile() ? sizes(file) : null;
}

/** What the visits fetched, per file and in total, in each run (the page's own fetches and the
 * service worker's precache race, so a file's fetch count may differ from run to run); the
 * peer's files. */
function bytesOf(runs) {
  const counts = new Map();
  runs.forEach((run, i) => {
    for (const path of run.first.fetched) {
      const c = counts.get(path) ?? runs.map(() => 0);
      c[i] += 1;
      counts.set(path, c);
    }
  });
  const files = [...counts].map(([path, fetches]) => ({ path, fetches, ...sizeOfPath(path) }))
    .filter((f) => Number.isFinite(f.raw))
    .sort((a, b) => b.brotli - a.brotli);
  const [js, wasm] = peerFiles.map(sizes);
  return {
    files,
    first: runs.map((r) => visitBytes(r.first.fetched, sizeOfPath)),
    toReady: runs.map((r) => visitBytes(r.first.toReady, sizeOfPath)),
    // What the server sent: its precompressed siblings, and nothing for a revalidated file.
    sent: runs.map((r) => r.first.sentFirst),
    sentToReady: runs.map((r) => r.first.sentToReady),
    repeat: runs.map((r) => visitBytes(r.repeat.fetched, sizeOfPath)),
    peer: { wasm, total: { raw: js.raw + wasm.raw, brotli: js.brotli + wasm.brotli } },
  };
}

/** jieba-rs's exact version, from Cargo.lock. */
function jiebaRsVersion() {
  const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
  return /name = "jieba-rs"\nversion = "([^"]+)"/.exec(lock)?.[1] ?? '?';
}

async function main() {
  if (!args['no-build']) build();
  checkBuild();
  if (!existsSync(peerFiles[1])) throw new Error('node_modules/jieba-wasm is missing: run `npm ci`');
  const texts = benchmarkTexts(root, join(tmpdir(), 'wenxi-bench-site'));
  const firstText = readFileSync(join(root, 'tests/e2e/fixtures/article.txt'), 'utf8');

  const loadBefore = loadavg()[0];
  // Natively first, alone: the browser runs would compete with it for the two cores.
  let native = null;
  if (!args['no-native']) {
    console.error('native: jieba-rs and the wenxi engine (cargo run --release --example bench_native) …');
    native = measureNative(texts.map((t) => t.file), runs);
  }

  const server = await serveDist();
  const peer = await servePeer();
  const browser = await launchBrowser();
  const wenxi = [];
  const peers = [];
  try {
    for (let i = 0; i < runs; i++) {
      // Interleaved, so that drift on a shared machine touches both alike.
      console.error(`run ${i + 1}/${runs}: wenxi …`);
      wenxi.push(await measureWenxi(browser, server, texts, firstText));
      console.error(`run ${i + 1}/${runs}: jieba-wasm …`);
      peers.push(await measurePeer(browser, peer.origin, texts, firstText));
    }
    const res = {
      date: new Date().toISOString(),
      machine: machine(),
      // Other work on a shared machine slows every figure: the 1-minute load average says how busy.
      load: { before: loadBefore, after: loadavg()[0] },
      chromium: `Chromium ${browser.version()} (headless)`,
      runs,
      jiebaRs: jiebaRsVersion(),
      texts: texts.map(({ label, bytes, chars }) => ({ label, bytes, chars })),
      firstTextBytes: Buffer.byteLength(firstText),
      bytes: bytesOf(wenxi),
      wenxi,
      peer: peers,
      native,
    };
    printReport(res);
    const errors = [...wenxi, ...peers].flatMap((r) => r.errors);
    if (errors.length) console.warn(`\npage errors during the runs:\n  ${errors.join('\n  ')}`);
    const out = join(root, 'bench', 'site', 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'latest.json'), JSON.stringify(res, null, 2) + '\n');
    console.log(`\nresults: bench/site/results/latest.json`);
  } finally {
    await browser.close();
    await server.close();
    await peer.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
