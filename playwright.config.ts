import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './test/helpers/chromium.mjs';

/**
 * End-to-end journeys in real Chromium (Debian's; Playwright cannot download its own here) against
 * the real demo shop and sandbox, started once per run by test/e2e/global-setup.ts on ephemeral
 * loopback ports with temporary SQLite files.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  globalSetup: './test/e2e/global-setup.ts',
  workers: 1, // 2-core machine; the journeys share one sandbox and one shop
  retries: 0, // a retry would hide a flaky journey: fix the flake instead
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: { trace: 'off', actionTimeout: 20_000 },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunchOptions(),
      },
    },
  ],
});
