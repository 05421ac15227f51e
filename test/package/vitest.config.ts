import { defineConfig } from 'vitest/config';

// The merchant's view: packs the built package and installs the tarball outside the repository.
// Needs `npm run build` first (the test command runs it).
export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
