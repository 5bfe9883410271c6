import { defineConfig } from 'vitest/config';

// End-to-end tests: real Debian Chromium driven by playwright-core, loading the built extension.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90000,
    hookTimeout: 90000,
    fileParallelism: false,
  },
});
