// Part of the post-build hook (scripts/precache.mjs): the page's stylesheets, which trunk emits
// as one <link> each (style.css and every view's file in styles/), become one file. A first
// visit then makes one render-blocking request instead of ten: over HTTP/1.1 a browser opens at
// most six connections to a host, so ten stylesheets plus the page's script and wasm queued
// behind each other before the text area could be drawn. The sources stay one file per view.
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const LINK = /<link rel="stylesheet" href="\/([^"]+\.css)"[^>]*\/?>\s*/g;

/**
 * Concatenates, in document order (the cascade depends on it), the stylesheets `html` links in
 * `staging`, writes them as `wenxi-<hash>.css`, deletes the originals and returns the html that
 * links only the bundle, with its subresource-integrity hash as trunk gives its own links.
 */
export async function bundleStyles(staging, html) {
  const links = [...html.matchAll(LINK)];
  if (links.length < 2) return html;
  const parts = [];
  for (const [, file] of links) {
    parts.push(`/* ${file} */\n${await readFile(join(staging, file), 'utf8')}`);
  }
  const css = parts.join('\n');
  const name = `wenxi-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  await writeFile(join(staging, name), css);
  await Promise.all(links.map(([, file]) => rm(join(staging, file))));
  const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
  const bundle = `<link rel="stylesheet" href="/${name}" integrity="${integrity}"/>\n  `;
  let first = true;
  return html.replace(LINK, () => {
    const replacement = first ? bundle : '';
    first = false;
    return replacement;
  });
}
