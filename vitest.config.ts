import { defineConfig } from 'vitest/config';

// Node tests only: pure modules (card, state, api) and the sandbox, which each test starts for real
// on an ephemeral loopback port with a temporary SQLite file. Browser tests run in @web/test-runner.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // 2-core machine: each file may start its own sandbox server.
    maxWorkers: 2,
  },
});
