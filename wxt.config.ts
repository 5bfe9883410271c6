import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

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
  vite: () => ({ plugins: [preact()], ...(process.env.SUBKEEPER_NOMINIFY ? { build: { minify: false } } : {}) }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Only what is used: alarms + notifications for reminders; activeTab lets the popup see which site the current
    // tab shows, only when the user opens it. The database is IndexedDB, which needs no permission. `storage` is for
    // household sync: a person's own settings follow them through `storage.sync`, and the sync status is kept in
    // `storage.local` for the popup.
    permissions: ['alarms', 'notifications', 'activeTab', 'storage'],
    // Household sync: the household's own CouchDB server, asked for when sync is set up (never at install).
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
