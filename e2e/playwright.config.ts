import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './tests',
  // Each test starts its own Chromium with the extension; two cores run one at a time best.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One retry on CI only: a 2-core runner under load can fail to start a browser in time; a test that
  // fails twice is a real failure, and a retried pass is reported as "flaky" in the output.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: true,
  reporter: [['list']],
  outputDir: '../test-results',
});
