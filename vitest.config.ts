import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the fault-injection suite runs as its own step (vitest.fault.config.ts)
    exclude: ['test/fault/**', '**/node_modules/**'],
    globalSetup: ['test/harness/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Temporal servers and PostgreSQL are real processes: keep parallelism within 2 cores.
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
  },
});
