import { defineConfig } from 'vitest/config';
import { ZOD_MINI_AS_CLASSIC } from './config/zod-flavours.ts';

/** Browser tests drive one Chromium and one collector at a time: 2 cores, no flakiness. */
const E2E_TIMEOUT_MS = 120_000;
/**
 * Unit tests talk to SQLite and PostgreSQL and hash passwords with scrypt: on a 2-core
 * machine shared with other jobs (load average 15) single tests took up to 16 s, against
 * Vitest's default bound of 5 s. The bound is for a stuck test; nothing waits for it.
 */
const UNIT_TIMEOUT_MS = 60_000;
const UNIT_HOOK_TIMEOUT_MS = 120_000;
/** A small chaos run takes minutes on a busy 2-core machine; this bounds a stuck one. */
const CHAOS_TIMEOUT_MS = 20 * 60_000;

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // Tests and benchmarks run the collector's code as its bundle does (config/zod-flavours.ts);
  // the browser tests run the kiosk's and the phone's build, with zod/mini.
  resolve: { alias: ZOD_MINI_AS_CLASSIC },
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
            'bench/*.test.ts',
          ],
          environment: 'node',
          testTimeout: UNIT_TIMEOUT_MS,
          hookTimeout: UNIT_HOOK_TIMEOUT_MS,
          // Benchmarks print figures (npm run bench); they belong to one project only.
          // Without the warnings, vitest does not count every read of a module's export
          // (a Map write per cross-module call in the measured code), which production code
          // does not pay: it was 5% of the collector's time in the ingest benchmark.
          benchmark: { include: ['bench/**/*.bench.ts'], suppressExportGetterWarnings: true },
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
