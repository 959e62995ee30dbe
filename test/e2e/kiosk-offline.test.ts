/**
 * Offline, end to end: after one online visit the kiosk starts and runs with no network,
 * and a patron in each of the five languages completes the whole questionnaire; the
 * device keeps five queued responses with the right answers and locale.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/shared/languages';
import { BUILT_IN_SURVEYS } from '../../src/surveys';
import { KioskPage } from './pages/kiosk-page';
import { patronAnswers } from './support/answers';
import { goOffline, goOnline, untilControlled } from './support/browser';
import { readResponses } from './support/indexeddb';
import { useStack } from './support/stack';
import { appText, onlySurvey, surveyText } from './support/texts';

const survey = onlySurvey(BUILT_IN_SURVEYS);

describe('the kiosk offline, in five languages', () => {
  const stack = useStack();

  it('switches language offline on the very page that installed it, without a reload', async () => {
    const page = await stack.browser.context.newPage();
    await page.goto(stack.collector.url);
    // The worker claims the page that installed it; otherwise the lazily loaded texts of
    // another language would still come from the network.
    await untilControlled(page);
    await goOffline(stack.browser.context);
    try {
      const kiosk = new KioskPage(page, survey);
      await kiosk.chooseLanguage('hu');
      await kiosk.button('welcome.start').waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('hu');
    } finally {
      // The next test's first visit is an online one.
      await goOnline(stack.browser.context);
      await page.close();
    }
  });

  it('opens offline with its worker stopped, the page and its files answered from the caches by the browser', async () => {
    const first = await stack.browser.context.newPage();
    await first.goto(stack.collector.url);
    // The routes apply once the worker is active (src/worker/static-routes.ts).
    await first.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await first.close();
    await goOffline(stack.browser.context);
    const page = await stack.browser.context.newPage();
    try {
      // As the browser stops an idle worker: the page must not wait for it to start.
      const cdp = await stack.browser.context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
      await page.goto(stack.collector.url);
      await page
        .getByRole('heading', { level: 1, name: surveyText('en', survey.id, 'title') })
        .waitFor();
      const sources = await page.evaluate(() => {
        const source = (entry: PerformanceEntry | undefined) =>
          (entry as { workerMatchedSourceType?: string } | undefined)?.workerMatchedSourceType;
        const file = (selector: string, attribute: string) => {
          const path = document.querySelector(selector)?.getAttribute(attribute) ?? '';
          return source(performance.getEntriesByName(new URL(path, location.href).href)[0]);
        };
        return {
          page: source(performance.getEntriesByType('navigation')[0]),
          stylesheet: file('link[rel="stylesheet"]', 'href'),
          entry: file('script[type="module"][src]', 'src'),
          welcome: file('script[src="/welcome-snapshot.js"]', 'src'),
        };
      });
      expect(sources).toEqual({
        page: 'cache',
        stylesheet: 'cache',
        entry: 'cache',
        welcome: 'cache',
      });
    } finally {
      await goOnline(stack.browser.context);
      await page.close();
    }
  });

  it('starts without a network after one online visit and keeps a response from each language', async () => {
    const page = await stack.browser.context.newPage();
    await page.goto(stack.collector.url);
    // The service worker activates only once everything is precached.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    await goOffline(stack.browser.context);
    await page.reload();
    await page
      .getByRole('heading', { level: 1, name: surveyText('en', survey.id, 'title') })
      .waitFor();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    const kiosk = new KioskPage(page, survey);
    for (const language of LANGUAGES) {
      await kiosk.chooseLanguage(language);
      await page
        .getByRole('heading', { level: 1, name: surveyText(language, survey.id, 'title') })
        .waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      await kiosk.completeSurvey(patronAnswers(language));
      await kiosk.button('thanks.done').click();
      kiosk.language = 'en';
      await page.getByRole('button', { name: appText('en', 'welcome.start') }).waitFor();
    }

    const rows = await readResponses(page);
    expect(rows).toHaveLength(LANGUAGES.length);
    for (const language of LANGUAGES) {
      const row = rows.find((r) => r.locale === language);
      expect(row, `a response in ${language}`).toBeDefined();
      expect(row).toMatchObject({
        status: 'queued',
        completed: true,
        channel: 'kiosk',
        branchId: null,
      });
      const { 'events-interest': _, ...expected } = patronAnswers(language);
      expect(row?.answers).toEqual(expected);
    }
    expect(rows.map((r) => r.deviceSeq).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
