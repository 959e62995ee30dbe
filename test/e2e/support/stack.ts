/**
 * The system under test for one describe block: the real collector serving the production
 * build, and a fresh Chromium profile pointed at it. Started before the block's tests and
 * torn down after them, even when starting failed half-way.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { SurveyStructure } from '../../../src/shared/contract/survey-package';
import { DEFAULT_SURVEY_ID } from '../../../src/surveys';
import { KioskPage } from '../pages/kiosk-page';
import { StaffPage } from '../pages/staff-page';
import { launchBrowser, type TestBrowser, untilControlled } from './browser';
import { type RunningCollector, startCollector } from './collector';
import { clearResponses, readSetting } from './indexeddb';
import { QUICK_SURVEY_ID, quickSurvey, writeQuickSurvey } from './quick-survey';

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

/** Imports the two-question survey and has the collector assign it to branch `main`. */
export async function assignQuickSurvey(collector: RunningCollector): Promise<void> {
  const file = writeQuickSurvey(mkdtempSync(join(tmpdir(), 'quick-survey-')));
  await collector.cli(['survey', 'import', file]);
  await collector.cli(['branch', 'set', 'main', '--survey', QUICK_SURVEY_ID]);
}

/**
 * Enrolls the tab's device at branch `main` with a new one-time code, waits until it has
 * the branch's configuration (the quick survey, see assignQuickSurvey), and opens the
 * kiosk on it under the service worker. A test that sets the tab's clock or adds an init
 * script does so before calling this.
 */
export async function enrolledKiosk(stack: Stack, page: Page, name: string): Promise<KioskPage> {
  const output = await stack.collector.cli(['code', 'create', '--branch', 'main']);
  const link = /(http\S+#enroll=[0-9A-Z-]+)/.exec(output)?.[1];
  if (!link) throw new Error(`no enrollment link in:\n${output}`);
  await new StaffPage(page).enrollWithLink(link, name);
  await expect
    .poll(() => readSetting(page, 'activeSurvey'), { timeout: 15_000 })
    .toEqual({ id: QUICK_SURVEY_ID, version: 1 });
  // Navigate only once the worker is active, so the kiosk page is controlled from its start.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.goto(stack.collector.url);
  await untilControlled(page);
  const kiosk = new KioskPage(page, quickSurvey(), 'en', DEFAULT_SURVEY_ID);
  await kiosk.button('welcome.start').waitFor();
  return kiosk;
}
