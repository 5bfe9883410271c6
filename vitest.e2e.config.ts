import { defineConfig } from 'vitest/config';

// End-to-end tests: real Debian Chromium driven by playwright-core, loading the built extension.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90000,
    hookTimeout: 90000,
    fileParallelism: false,
    // A real browser on a shared 2-core machine: one retry in CI for timing flakes (a broken feature fails twice).
    retry: process.env.CI ? 1 : 0,
  },
});
