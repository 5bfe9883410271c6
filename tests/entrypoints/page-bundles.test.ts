import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * What the extension puts into web pages stays small (issue 16): the content script runs on every https page and
 * the page reader on every page whose gate opened, so neither may carry the protocol's zod schemas, the data model,
 * the database or the UI. Bundled here with esbuild the way the build bundles them (minified), and measured.
 */
async function bundle(entry: string) {
  const result = await build({
    entryPoints: [join(__dirname, '../../entrypoints', entry)],
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    format: 'iife',
    platform: 'browser',
    logLevel: 'silent',
  });
  return { bytes: result.outputFiles[0]!.contents.length, inputs: Object.keys(result.metafile.inputs) };
}

const HEAVY = [/node_modules\/zod\//, /node_modules\/dexie\//, /node_modules\/preact\//, /lib\/model\//, /lib\/db\//];

describe('what runs in web pages', () => {
  for (const [entry, limit] of [
    ['detector.ts', 20_000],
    ['page-reader.ts', 40_000],
  ] as const) {
    it(`${entry} carries no schemas, model, database or UI, and stays under ${limit / 1000} KB`, async () => {
      const { bytes, inputs } = await bundle(entry);
      expect(inputs.filter((i) => HEAVY.some((h) => h.test(i)))).toEqual([]);
      expect(bytes).toBeLessThan(limit);
    });
  }
});
