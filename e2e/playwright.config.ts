import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './tests',
  // Each test starts its own Chromium with the extension; two cores run one at a time best.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  outputDir: '../test-results',
});
