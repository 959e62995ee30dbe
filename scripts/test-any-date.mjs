// Runs the unit tests again with the process clock a year ahead and a year back (libfaketime),
// so a test that passes only in a certain week fails here, not in a landing months later.
// `--all` runs every test so, browser tests included: the collector and the tests move,
// the browser keeps the machine's time (test/e2e/support/browser.ts says why). One known
// gap there: at -366 days the crash tests (test/e2e/kiosk-crash.test.ts) fail, because
// Playwright's fake clock reckons a reopened tab's time partly from the runner's clock, so
// the tab wakes years later and the kiosk, rightly, closes the draft as stale.
import './require-node.mjs';
import { spawnSync } from 'node:child_process';

/** About a year, in days: far enough to cross every expiry and retention window we have. */
const SHIFT_DAYS = 366;

const faketime = spawnSync('faketime', ['--version'], { stdio: 'ignore' });
if (faketime.error) {
  const message =
    'libfaketime is not installed (Debian: apt-get install faketime), so the unit tests did not run under a moved clock';
  if (process.env.CI) {
    console.error(`test-any-date: ${message}; CI needs it.`);
    process.exit(1);
  }
  console.warn(`\n  NOTE: ${message}.\n`);
  process.exit(0);
}

const all = process.argv.includes('--all');
const vitest = ['npx', 'vitest', 'run', ...(all ? [] : ['--project', 'unit'])];

for (const shift of [`+${SHIFT_DAYS}d`, `-${SHIFT_DAYS}d`]) {
  console.log(
    `\ntest-any-date: ${all ? 'every test' : 'unit tests'} with the clock moved ${shift}`,
  );
  const run = spawnSync('faketime', ['-f', shift, ...vitest], {
    stdio: 'inherit',
    // Monotonic clocks stay real: timeouts and timers measure durations, not dates.
    env: { ...process.env, FAKETIME_DONT_FAKE_MONOTONIC: '1' },
  });
  if (run.status !== 0) {
    console.error(`test-any-date: tests failed with the clock moved ${shift}.`);
    process.exit(run.status ?? 1);
  }
}
