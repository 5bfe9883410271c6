import path from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/**
 * The dashboard as a static website, working without the extension (its own IndexedDB): a household opens
 * and merges their files there and reviews the monthly spend. `npm run build:web` → dist/web.
 */
export default defineConfig({
  root: path.resolve(import.meta.dirname),
  base: './',
  plugins: [preact()],
  build: { outDir: path.resolve(import.meta.dirname, '../dist/web'), emptyOutDir: true },
});
