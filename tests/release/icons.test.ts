import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alphaAt, decodePng } from '../png';

/** The committed icons (rendered by scripts/icons.mjs from assets/*.svg): sizes, padding, smooth edges. */
const ROOT = path.resolve(import.meta.dirname, '../..');
// Transparent padding per side: Chrome's store icon is 96 px of artwork in 128; the rest keep 1/8, toolbar 1/16.
const PADDING: Record<number, number> = { 16: 1, 32: 2, 48: 4, 96: 8, 128: 16 };

describe('icons', () => {
  for (const [sizeText, padding] of Object.entries(PADDING)) {
    const size = Number(sizeText);
    it(`${size} px: exact size, ${padding} px of transparent padding, anti-aliased edges`, () => {
      const png = decodePng(readFileSync(path.join(ROOT, `public/icon/${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
      // The bounding box of everything visible is the artwork square inside the padding.
      let minX = size;
      let minY = size;
      let maxX = -1;
      let maxY = -1;
      const alphas = new Set<number>();
      for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
          const a = alphaAt(png, x, y);
          alphas.add(a);
          if (a === 0) continue;
          minX = Math.min(minX, x);
          minY = Math.min(minY, y);
          maxX = Math.max(maxX, x);
          maxY = Math.max(maxY, y);
        }
      }
      expect([minX, minY, maxX, maxY]).toEqual([padding, padding, size - padding - 1, size - padding - 1]);
      // The tile's middle is opaque; its rounded corners are smoothed (partly transparent pixels), not stair-stepped.
      expect(alphaAt(png, size >> 1, padding)).toBe(255);
      expect(alphaAt(png, padding, padding)).toBeLessThan(255);
      expect([...alphas].filter((a) => a > 0 && a < 255).length).toBeGreaterThanOrEqual(size >= 48 ? 8 : 3);
    });
  }

  it('has an SVG source for every size (the PNGs are regenerated from it)', () => {
    for (const f of ['assets/icon.svg', 'assets/icon-small.svg']) {
      expect(readFileSync(path.join(ROOT, f), 'utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
    expect(readFileSync(path.join(ROOT, 'scripts/icons.mjs'), 'utf8')).toContain('omitBackground: true');
  });
});
