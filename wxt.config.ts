import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Manifest V3 for Chrome, plus a Firefox build (`wxt build -b firefox`).
export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  manifestVersion: 3,
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Only what is used: local storage for the database, alarms + notifications for reminders.
    permissions: ['storage', 'alarms', 'notifications'],
    action: { default_title: 'Subkeeper' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'subkeeper@subkeeper.invalid',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
