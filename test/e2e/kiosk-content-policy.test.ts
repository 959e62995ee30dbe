/**
 * The app and the dashboard under their own Content-Security-Policy (`script-src 'self'`,
 * no 'unsafe-eval'): nothing they run is refused by it. The schema library is told before
 * it builds its first schema not to compile parsers, which needs `new Function`
 * (shared/zod-without-eval.ts); an object schema otherwise tries when it is made, and the
 * policy refuses it. Chromium reports that as a `securitypolicyviolation` event, not on the
 * console; every document a page here loads hands its events to the test.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { INTL_WARMUP_WORKER } from '../../src/app/phone/early-start';
import { apiPath, ENDPOINTS } from '../../src/shared/contract/endpoints';
import { AdminPage } from './pages/admin-page';
import { launchBrowser } from './support/browser';
import { linkUrl, tokenIn } from './support/public-links';
import { answerQuickSurveyOnPhone } from './support/quick-survey';
import { assignQuickSurvey, closeKiosk, enrolledKiosk, useStack } from './support/stack';

/** Every violation of its policy in every document the page loads, as it happens. */
async function recordRefusals(page: Page): Promise<string[]> {
  const refused: string[] = [];
  await page.exposeFunction('__policyRefused', (line: string) => {
    refused.push(line);
  });
  await page.addInitScript(() => {
    const report = (globalThis as unknown as { __policyRefused: (line: string) => void })
      .__policyRefused;
    document.addEventListener('securitypolicyviolation', (event) => {
      report(`${location.pathname}: ${event.violatedDirective} ${event.sourceFile}`);
    });
  });
  return refused;
}

describe('the app and the dashboard under their content security policy', () => {
  const stack = useStack();
  const pages: Page[] = [];
  beforeAll(async () => {
    await assignQuickSurvey(stack.collector);
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await closeKiosk(page);
  });

  it('a kiosk: nothing refused from enrolling to a start that has loaded sync', async () => {
    const page = await stack.browser.context.newPage();
    pages.push(page);
    const refused = await recordRefusals(page);
    // The page's early script starts a worker of the app's own origin (worker-src).
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    await enrolledKiosk(stack, page, 'Policy tablet');

    // A start of the enrolled kiosk: sync is loaded once the browser is idle and then asks
    // the collector for the kiosk's configuration, which this document's own resource
    // timings show.
    await page.reload();
    const configPath = apiPath(ENDPOINTS.deviceConfig);
    await page.waitForFunction(
      (path) => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith(path)),
      configPath,
      { timeout: 60_000 },
    );
    expect(workers).toContain(INTL_WARMUP_WORKER);
    expect(refused).toEqual([]);
  });

  it('a phone: nothing refused from a public link to the review, in the phone’s own build', async () => {
    const token = tokenIn(await stack.collector.cli(['link', 'create', '--branch', 'main']));
    // A browser of its own: no service worker from the kiosk's test answers the page with
    // the kiosk's build.
    const browser = await launchBrowser({
      phone: { viewport: { width: 390, height: 844 } },
    });
    try {
      const page = await browser.context.newPage();
      const refused = await recordRefusals(page);
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      });
      // The page's early-start script starts a worker of the app's own origin (worker-src).
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
      await answerQuickSurveyOnPhone(page, linkUrl(stack.collector.url, token), 'en', 4);
      expect(scripts.some((path) => /^\/assets\/phone\/main-[\w-]+\.js$/.test(path))).toBe(true);
      expect(workers).toContain(INTL_WARMUP_WORKER);
      expect(refused).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('the dashboard: nothing refused on its first page', async () => {
    const link = new RegExp(`(${stack.collector.url}/admin/#setup=[A-Za-z0-9_-]+)`).exec(
      stack.collector.output(),
    )?.[1];
    expect(link, stack.collector.output()).toBeDefined();
    const page = await stack.browser.context.newPage();
    pages.push(page);
    const refused = await recordRefusals(page);
    const admin = new AdminPage(page, stack.collector.url);
    await page.goto(link ?? '');
    await admin.h1('setup.title').waitFor();
    expect(refused).toEqual([]);
  });
});
