// Draws the app icons for the manifest (static/icons/icon-192.png and icon-512.png) from
// icon.svg with Debian's Chromium, so the PNGs match the SVG. Run by hand when icon.svg
// changes: `node scripts/make_icons.mjs`; the PNGs are committed, the build does not run this.
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = await readFile(join(root, 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  for (const size of [192, 512]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: join(root, 'static', 'icons', `icon-${size}.png`), omitBackground: true });
  }
} finally {
  await browser.close();
}
