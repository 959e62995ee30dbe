/**
 * The kiosk's welcome screen kept for its next start (src/app/kiosk/welcome-snapshot.ts,
 * public/welcome-snapshot.js): what is kept is the welcome screen in the default language
 * and nothing a patron answered, and a start under the service worker paints it before the
 * app's scripts have run, keeping a tap on Start for the app to replay.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WELCOME_SNAPSHOT_KEY, type WelcomeSnapshot } from '../../src/app/kiosk/welcome-snapshot';
import { BUILT_IN_SURVEYS } from '../../src/surveys';
import { KioskPage } from './pages/kiosk-page';
import { IMPROVEMENT_TEXT, patronAnswers } from './support/answers';
import { untilControlled } from './support/browser';
import { useStack } from './support/stack';
import { appText, onlySurvey, surveyText } from './support/texts';

const survey = onlySurvey(BUILT_IN_SURVEYS);

/** The kept snapshot, once there is one. */
async function keptSnapshot(page: Page): Promise<WelcomeSnapshot> {
  const text = await page.waitForFunction((key) => localStorage.getItem(key), WELCOME_SNAPSHOT_KEY);
  return JSON.parse((await text.jsonValue()) as string) as WelcomeSnapshot;
}

describe('the welcome screen kept for the next start', () => {
  const stack = useStack({ browser: { paintKeptWelcome: true } });

  it('keeps the welcome screen in the default language, never a patron’s answers', async () => {
    const page = await stack.browser.context.newPage();
    try {
      await page.goto(stack.collector.url);
      await untilControlled(page);
      const first = await keptSnapshot(page);
      expect(first).toMatchObject({ format: 1, lang: 'en' });
      expect(first.html).toContain(surveyText('en', survey.id, 'title'));
      expect(first.html).toContain(appText('en', 'welcome.start'));
      expect(first.html).toContain('data-stage="welcome"');

      // A patron in Hungarian answers everything, free text included; what is kept
      // meanwhile, and again once the kiosk is back on its welcome screen, is that screen.
      const kiosk = new KioskPage(page, survey);
      await kiosk.chooseLanguage('hu');
      await page.evaluate((key) => localStorage.removeItem(key), WELCOME_SNAPSHOT_KEY);
      await kiosk.completeSurvey(patronAnswers('hu'));
      await kiosk.button('thanks.done').click();
      kiosk.language = 'en';
      await kiosk.button('welcome.start').waitFor();
      const again = await keptSnapshot(page);
      expect(again).toEqual(first);
      const kept = JSON.stringify(again);
      expect(kept).not.toContain(IMPROVEMENT_TEXT.hu);
      expect(kept).not.toContain('Printer (hu)');
      expect(kept).not.toContain(surveyText('hu', survey.id, 'title'));

      // Started again, the page paints it and the app renders over it: one screen, the
      // page's busy mark gone.
      await page.reload();
      await page.waitForFunction(() => document.querySelector('[aria-busy]') === null);
      await kiosk.button('welcome.start').waitFor();
      expect(await page.locator('#app > .kiosk-layer').count()).toBe(1);
      expect(await page.locator('h1').count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('writes it in while the page is still being parsed, before the app’s module can run', async () => {
    const page = await stack.browser.context.newPage();
    try {
      await page.goto(stack.collector.url);
      await untilControlled(page);
      await keptSnapshot(page);
      // A module script runs only once the page is parsed (readyState "interactive"); a
      // deferred early script ran then too, just before it, with no frame in between.
      await page.addInitScript(() => {
        const seen = { state: '' };
        (globalThis as unknown as { snapshotSeen: typeof seen }).snapshotSeen = seen;
        new MutationObserver((_, observer) => {
          if (!document.querySelector('#app h1')) return;
          seen.state = document.readyState;
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
      await page.reload();
      const state = await page.waitForFunction(
        () => (globalThis as unknown as { snapshotSeen: { state: string } }).snapshotSeen.state,
      );
      expect(await state.jsonValue()).toBe('loading');
      // The app's own screen, rendered over it, is the one left.
      await page.waitForFunction(() => document.querySelector('[aria-busy]') === null);
      expect(await page.locator('h1').count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('paints it from the page before the app’s scripts run, and a tap on Start is not lost', async () => {
    const page = await stack.browser.context.newPage();
    // The app's entry script is held back until the test lets it through: first from the
    // service worker's precache (taken out), then on its way from the collector.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      await page.goto(stack.collector.url);
      await untilControlled(page);
      await keptSnapshot(page);
      const entry = await page.evaluate(async () => {
        const src = document.querySelector('script[type="module"][src]')?.getAttribute('src');
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const request of await cache.keys()) {
            if (new URL(request.url).pathname === src) await cache.delete(request);
          }
        }
        return src;
      });
      expect(entry).toMatch(/^\/assets\/index-[\w-]+\.js$/);
      await stack.browser.context.route(`**${entry}`, async (route) => {
        await released;
        // The page may have closed meanwhile (a failed test): nothing to continue then.
        await route.continue().catch(() => undefined);
      });

      // Its load event waits for the entry script, which is held back.
      await page.reload({ waitUntil: 'commit' });
      await page
        .getByRole('heading', { level: 1, name: surveyText('en', survey.id, 'title') })
        .waitFor();
      const start = page.getByRole('button', { name: appText('en', 'welcome.start') });
      // Busy: the page's copy, not yet the app's (which has no such mark).
      expect(await start.getAttribute('aria-busy')).toBe('true');
      await start.click();

      release();
      const kiosk = new KioskPage(page, survey);
      await kiosk.expectQuestion(survey.questions[0] as (typeof survey.questions)[number]);
    } finally {
      release();
      await stack.browser.context.unrouteAll();
      await page.close();
    }
  });
});
