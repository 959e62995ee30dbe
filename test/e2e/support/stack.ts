/**
 * The system under test for one describe block: the real collector serving the production
 * build, and a fresh Chromium profile pointed at it. Started before the block's tests and
 * torn down after them, even when starting failed half-way.
 */
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type TestBrowser } from './browser';
import { type RunningCollector, startCollector } from './collector';

export interface Stack {
  readonly collector: RunningCollector;
  readonly browser: TestBrowser;
}

export function useStack(
  options: {
    collector?: Parameters<typeof startCollector>[0];
    browser?: Parameters<typeof launchBrowser>[0];
  } = {},
): Stack {
  let collector: RunningCollector | undefined;
  let browser: TestBrowser | undefined;

  beforeAll(async () => {
    collector = await startCollector(options.collector);
    browser = await launchBrowser(options.browser);
  });

  afterAll(async () => {
    await browser?.close();
    await collector?.dispose();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} is not running (used outside a test?)`);
    return value;
  };
  return {
    get collector() {
      return started(collector, 'collector');
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
}
