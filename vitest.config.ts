import { defineConfig } from 'vitest/config';

/** Browser tests drive one Chromium and one collector at a time: 2 cores, no flakiness. */
const E2E_TIMEOUT_MS = 120_000;
/** A small chaos run takes minutes on a busy 2-core machine; this bounds a stuck one. */
const CHAOS_TIMEOUT_MS = 20 * 60_000;

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.{ts,tsx}',
            'config/**/*.test.ts',
            'test/*.test.ts',
            'test/fuzz/*.test.ts',
          ],
          environment: 'node',
          // Benchmarks print figures (npm run bench); they belong to one project only.
          benchmark: { include: ['bench/**/*.bench.ts'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: E2E_TIMEOUT_MS,
          hookTimeout: E2E_TIMEOUT_MS,
          fileParallelism: false,
          benchmark: { include: [] },
        },
      },
      {
        extends: true,
        test: {
          // npm run chaos at a small scale: a real collector killed mid-batch, a fault proxy.
          name: 'chaos',
          include: ['test/chaos/**/*.test.ts'],
          testTimeout: CHAOS_TIMEOUT_MS,
          hookTimeout: CHAOS_TIMEOUT_MS,
          benchmark: { include: [] },
        },
      },
    ],
  },
});
