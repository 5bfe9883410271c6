// Renders the extension's icons from their SVG sources with Debian's Chromium (anti-aliased, transparent
// background) into public/icon/<size>.png. The PNGs are committed; run this after changing an SVG:
//
//   npm run icons            (CHROMIUM_PATH overrides /usr/bin/chromium)
//
// assets/icon.svg is the full icon (48 px and up); assets/icon-small.svg is drawn for the toolbar (16, 32 px).
// Padding follows the stores' guidance: Chrome's 128 px icon is 96 px of artwork with 16 px of transparent
// padding on each side; the other sizes keep the same 1/8 (toolbar sizes a 1/16, so the icon is not tiny there).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
export const SIZES = [
  { size: 16, padding: 1, source: 'assets/icon-small.svg' },
  { size: 32, padding: 2, source: 'assets/icon-small.svg' },
  { size: 48, padding: 4, source: 'assets/icon.svg' },
  { size: 96, padding: 8, source: 'assets/icon.svg' },
  { size: 128, padding: 16, source: 'assets/icon.svg' },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--force-color-profile=srgb', '--font-render-hinting=none'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const { size, padding, source } of SIZES) {
    const svg = readFileSync(path.join(ROOT, source), 'utf8');
    const art = size - 2 * padding;
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<!doctype html><html style="background:transparent"><body style="margin:0;background:transparent">` +
        `<img src="${src}" width="${art}" height="${art}" style="display:block;margin:${padding}px"></body></html>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    const out = path.join(ROOT, 'public/icon', `${size}.png`);
    writeFileSync(out, png);
    console.log(`${path.relative(ROOT, out)}  ${size}×${size}  ${png.length} bytes`);
  }
} finally {
  await browser.close();
}
