import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests each start Chromium; two cores cannot run many at once.
    maxWorkers: 2,
    reporters: ['default', './tests/support/summaryReporter.ts'],
  },
});
