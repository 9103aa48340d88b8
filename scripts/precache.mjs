// trunk post-build hook (Trunk.toml): runs on the staging folder before it becomes dist/.
// 0. The stylesheets become one file (scripts/bundle-css.mjs).
// 1. The Content-Security-Policy in index.html allows trunk's inline loader script by its
//    SHA-256 hash instead of 'unsafe-inline' (trunk writes hashed file names into that script,
//    so the hash is known only now).
// 2. sw.js gets the list of every file of the build and a version (a hash of their names and
//    contents), so a new build means a new service worker, which the page offers as an update.
// 3. Then every compressible file gets precompressed `.br` and `.gz` siblings for the host
//    (scripts/compress.mjs); they stay out of sw.js: the browser caches what it decoded.
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { bundleStyles } from './bundle-css.mjs';
import { compressTree, summary } from './compress.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail('TRUNK_STAGING_DIR is not set: this script is a trunk hook');

function fail(message) {
  console.error(`precache: ${message}`);
  process.exit(1);
}

const sha256 = (data, encoding) => createHash('sha256').update(data).digest(encoding);

/** index.html with script-src naming each inline script's hash instead of 'unsafe-inline'. */
function pinInlineScripts(html) {
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const hashes = inline.map((body) => `'sha256-${sha256(body, 'base64')}'`);
  const csp = /(script-src [^;"]*?)'unsafe-inline' ?/;
  if (!csp.test(html)) fail("index.html has no script-src with 'unsafe-inline' to replace");
  return html.replace(csp, (_, start) => `${start}${hashes.map((h) => h + ' ').join('')}`);
}

async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(staging, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'))
    .sort();
}

const indexPath = join(staging, 'index.html');
const html = await bundleStyles(staging, await readFile(indexPath, 'utf8'));
await writeFile(indexPath, pinInlineScripts(html));

const isSibling = (file) => file.endsWith('.br') || file.endsWith('.gz');
const files = (await filesUnder(staging)).filter((file) => file !== 'sw.js' && !isSibling(file));
const version = createHash('sha256');
for (const file of files) {
  version.update(file).update('\0').update(await readFile(join(staging, file))).update('\0');
}

const swPath = join(staging, 'sw.js');
const placeholder = "const VERSION = 'unbuilt'; const FILES = [];";
const template = await readFile(swPath, 'utf8');
if (!template.includes(placeholder)) fail('sw.js has no placeholder line to fill in');
const filled = `const VERSION = '${version.digest('hex').slice(0, 16)}'; const FILES = ${JSON.stringify(files)};`;
await writeFile(swPath, template.replace(placeholder, filled));
console.log(`precache: ${files.length} files in sw.js`);

const start = performance.now();
console.log(summary(await compressTree(staging), (performance.now() - start) / 1000));
