import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/**
 * The scripts that run in web pages: the content script on every https page, the page reader after a gate hit, and
 * the days-of-use script on directory sites while that count is on.
 */
export const PAGE_SCRIPTS = ['detector.js', 'page-reader.js', 'visit.js'];
/**
 * V8's explicit compile hint (https://v8.dev/blog/explicit-compile-hints), put first in the scripts that run in web
 * pages: nearly every function in them runs on load, so V8 compiles them all at once instead of pre-parsing each and
 * parsing it again on its first call. Measured side by side (bench/page-cost.ts, 11 rounds): the content script's
 * cost on a page with nothing to find went from 1.47 to 0.74 ms. Added after minification (which drops comments).
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
const compileHints = (): Plugin => ({
  name: 'subkeeper-compile-hints',
  enforce: 'post',
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type === 'chunk' && PAGE_SCRIPTS.includes(chunk.fileName))
        chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
    }
  },
});

// Manifest V3 for Chrome, plus a Firefox build (`wxt build -b firefox`).
export default defineConfig({
  srcDir: '.',
  // SUBKEEPER_OUT_DIR builds elsewhere (side-by-side builds for benchmarks).
  outDir: process.env.SUBKEEPER_OUT_DIR ?? '.output',
  manifestVersion: 3,
  imports: false,
  // `npm run release` (scripts/release.ts) runs `wxt zip` for both browsers. The Firefox review needs the sources
  // that build the package: only those go in (no tests, fixtures, test keys, benchmarks, docs or tools); the release
  // script checks the list and rebuilds the package from the zip to prove it.
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: [
      'tests/**',
      'bench/**',
      'docs/**',
      'scripts/**',
      'web/**',
      'dist/**',
      'coverage/**',
      'test-results/**',
      'vitest.config.ts',
      'vitest.e2e.config.ts',
      'biome.json',
      '**/certs/**',
      '**/*.{pem,key,crt,cer,p12,pfx,jks,keystore}',
      '**/*.{zip,xpi,crx,log}',
    ],
  },
  // SUBKEEPER_NOMINIFY=1 keeps names readable in CPU profiles (bench/profile-content.ts).
  vite: () => ({
    plugins: [preact(), compileHints()],
    ...(process.env.SUBKEEPER_NOMINIFY ? { build: { minify: false } } : {}),
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Only what is used: alarms + notifications for reminders; activeTab lets the popup see which site the current
    // tab shows, only when the user opens it. The database is IndexedDB, which needs no permission. `storage` is for
    // household sync: a person's own settings follow them through `storage.sync`, and the sync status is kept in
    // `storage.local` for the popup; so is a small summary the popup and dashboard paint first (lib/app/paint-summary),
    // which stays in this browser like the database.
    permissions: ['alarms', 'notifications', 'activeTab', 'storage'],
    // Asked for only when the user turns on counting days of use: `scripting` and access to the directory's sites,
    // to register that count's own small script there (entrypoints/visit.ts, lib/rights/visit-script.ts), so that
    // no page runs any of it otherwise; given back when it is turned off.
    optional_permissions: ['scripting'],
    // Household sync: the household's own CouchDB server, asked for when sync is set up (never at install); and the
    // directory's sites for counting days of use (above).
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // The page reader, imported by the content script only after its gate fired. Chrome serves it under a
    // per-session random id, so pages cannot probe for it to fingerprint the extension.
    web_accessible_resources: [
      {
        resources: ['page-reader.js'],
        matches: ['https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    // The detector is a plain script (see entrypoints/detector.ts), registered here rather than through WXT's
    // content-script wrapper, so that pages with nothing to find pay only for its gate.
    content_scripts: [
      // https pages only: a plain http page may be anyone on the network (lib/trust), so it is never read.
      { matches: ['https://*/*'], js: ['detector.js'], run_at: 'document_idle', all_frames: false },
    ],
    action: { default_title: 'Subkeeper' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'subkeeper@subkeeper.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
