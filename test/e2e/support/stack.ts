/**
 * The system under test for one describe block: the real collector serving the production
 * build, and a fresh Chromium profile pointed at it. Started before the block's tests and
 * torn down after them, even when starting failed half-way.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { SurveyStructure } from '../../../src/shared/contract/survey-package';
import { KioskPage } from '../pages/kiosk-page';
import { launchBrowser, type TestBrowser } from './browser';
import { type RunningCollector, startCollector } from './collector';
import { clearResponses } from './indexeddb';

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

/**
 * A tab on the kiosk's welcome screen, on Playwright's fake clock. `closeKiosk` empties the
 * device's responses and closes the tab, so the next test starts from an empty device.
 */
export async function openKiosk(
  stack: Stack,
  survey: SurveyStructure,
): Promise<{ page: Page; kiosk: KioskPage }> {
  const page = await stack.browser.context.newPage();
  await page.clock.install();
  await page.goto(stack.collector.url);
  const kiosk = new KioskPage(page, survey);
  await kiosk.button('welcome.start').waitFor();
  return { page, kiosk };
}

export async function closeKiosk(page: Page): Promise<void> {
  // Closing a tab makes the app write the text it was still coalescing (pagehide). Have it
  // write that now: the clearing starts after it, and the close finds nothing left to write.
  await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
  await clearResponses(page);
  await page.close();
}
