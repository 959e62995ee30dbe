/**
 * Phone mode against the real collector: a public link made with the collector's CLI,
 * opened on a Hungarian phone, answered with the signal lost before Send and back after;
 * exactly one row arrives, with channel `qr` and the link's branch. A second visit says the
 * visitor already answered; a revoked link says it is closed. The page itself carries the
 * welcome screen (the collector writes it in): it shows before the app's scripts have run,
 * a Start tapped then is not lost, and the app takes the screen over without a change,
 * with the link's state and survey from the page rather than from the API.
 *
 * The links are made and revoked with the collector's `link` CLI, as staff do; the page
 * /s/<token>, GET /api/v1/public/links/:token and POST /api/v1/public/responses are the
 * collector's own.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { goOffline, goOnline, IPHONE_SAFARI_UA, launchBrowser } from './support/browser';
import { collectorResponses } from './support/collector-db';
import { linkUrl, tokenIn } from './support/public-links';
import { answerQuickSurveyOnPhone } from './support/quick-survey';
import { assignQuickSurvey, useStack } from './support/stack';
import { appText } from './support/texts';

const HUNGARIAN_PHONE = {
  locale: 'hu-HU',
  phone: { viewport: { width: 390, height: 844 }, userAgent: IPHONE_SAFARI_UA },
};

describe('a visitor on a public link of the real collector', () => {
  const stack = useStack({ browser: HUNGARIAN_PHONE });

  /**
   * A phone's first visit: a browser of its own, so no service worker from an earlier test
   * answers the page (it would serve the app's page as built).
   */
  async function firstVisit<T>(visit: (page: Page) => Promise<T>): Promise<T> {
    const browser = await launchBrowser(HUNGARIAN_PHONE);
    try {
      return await visit(await browser.context.newPage());
    } finally {
      await browser.close();
    }
  }
  let links: { open: string; revoked: string; early: string; takeover: string };

  beforeAll(async () => {
    await assignQuickSurvey(stack.collector);
    const create = () => stack.collector.cli(['link', 'create', '--branch', 'main']);
    links = {
      open: tokenIn(await create()),
      revoked: tokenIn(await create()),
      early: tokenIn(await create()),
      takeover: tokenIn(await create()),
    };
  });

  it('answers once in the phone’s language, through a lost signal, and is thanked on a second visit', async () => {
    const page = await stack.browser.context.newPage();
    const phone = await answerQuickSurveyOnPhone(
      page,
      linkUrl(stack.collector.url, links.open),
      'hu',
      5,
    );

    await goOffline(stack.browser.context);
    await phone.button('review.submit').click();
    await page.getByText(appText('hu', 'phone.thanks.waiting')).waitFor();
    await goOnline(stack.browser.context);
    await page.getByText(appText('hu', 'phone.thanks.received')).waitFor({ timeout: 120_000 });

    const rows = collectorResponses(stack.collector.dataDir);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'qr', branch_id: 'main', locale: 'hu', completed: 1 });

    await page.reload();
    await page.getByRole('heading', { name: appText('hu', 'phone.answered.title') }).waitFor();
    expect(collectorResponses(stack.collector.dataDir)).toHaveLength(1);
    await page.close();
  });

  it('shows the welcome screen from the page before the app has run, and keeps a Start tapped then', async () => {
    await firstVisit(async (page) => {
      const refused: string[] = [];
      page.on('console', (message) => {
        if (/content security policy/i.test(message.text())) refused.push(message.text());
      });
      // The phone's entry script (its own build's, under assets/phone/) is held back until
      // the visitor has tapped Start.
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let entriesHeld = 0;
      await page.route(/\/assets\/phone\/main-[^/]*\.js$/, async (route) => {
        entriesHeld += 1;
        await held;
        await route.continue();
      });
      await page.goto(linkUrl(stack.collector.url, links.early), { waitUntil: 'commit' });
      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor();
      // The phone's entry has been asked for and is being held: what shows is the page's.
      await expect.poll(() => entriesHeld).toBe(1);
      const prerendered = await heading.textContent();
      const start = page.getByRole('button', { name: appText('hu', 'welcome.start'), exact: true });
      expect(await start.getAttribute('aria-busy')).toBe('true');
      expect(await page.locator('html').getAttribute('lang')).toBe('hu');
      expect(await page.title()).toBe(appText('hu', 'document.appName'));
      // Styled from the page's own stylesheet: Start is the wide primary button already.
      expect((await start.boundingBox())?.width ?? 0).toBeGreaterThan(200);
      await start.click();

      release();
      await page.locator('.kiosk[data-stage="question"]').waitFor();
      expect(prerendered?.trim()).not.toBe('');
      expect(refused).toEqual([]);
    });
  });

  it('keeps the page’s welcome screen as the app takes it over: the same screen, Start no longer busy', async () => {
    await firstVisit(async (page) => {
      await page.addInitScript(() => {
        const seen: string[] = [];
        /** Each element of the screen: its tag, class, the attributes that show, its own text. */
        const skeleton = (root: Element | null): string[] =>
          [...(root?.querySelectorAll('*') ?? [])]
            .filter((element) => !element.closest('[aria-live]'))
            .map((element) => {
              const own = [...element.childNodes]
                .filter((node) => node.nodeType === Node.TEXT_NODE)
                .map((node) => node.textContent?.trim())
                .join('');
              const shown = ['lang', 'aria-pressed', 'aria-label', 'role', 'type']
                .map((name) => `${name}=${element.getAttribute(name) ?? ''}`)
                .join(' ');
              const checked = element instanceof HTMLInputElement ? ` ${element.checked}` : '';
              return `${element.tagName}.${element.className} ${shown}${checked} ${own}`;
            });
        Object.assign(globalThis, { __headings: seen, __skeleton: skeleton });
        new MutationObserver(() => {
          const text = document.querySelector('h1')?.textContent ?? '';
          if (text && seen.at(-1) !== text) seen.push(text);
        }).observe(document, { childList: true, subtree: true, characterData: true });
        // Parsed, before any module script runs: the page's own screen.
        document.addEventListener('readystatechange', () => {
          if (document.readyState === 'interactive') {
            Object.assign(globalThis, { __page: skeleton(document.getElementById('app')) });
          }
        });
      });
      const asked: string[] = [];
      page.on('request', (request) => {
        if (/\/api\/v1\/(public\/links|surveys)\//.test(request.url())) asked.push(request.url());
      });
      await page.goto(linkUrl(stack.collector.url, links.takeover));
      const start = page.getByRole('button', { name: appText('hu', 'welcome.start'), exact: true });
      // The app's own screen has its live region, which the page's has not.
      await page.locator('.kiosk [aria-live]').waitFor({ state: 'attached' });
      expect(await start.getAttribute('aria-busy')).toBe(null);
      const { headings, before, after } = await page.evaluate(() => {
        const marks = globalThis as unknown as {
          __headings: string[];
          __page: string[];
          __skeleton: (root: Element | null) => string[];
        };
        return {
          headings: marks.__headings,
          before: marks.__page,
          after: marks.__skeleton(document.getElementById('app')),
        };
      });
      // The app rendered the same screen over the page's: one heading all along, and the
      // same elements with the same classes, states and texts.
      expect(headings).toHaveLength(1);
      expect(before.length).toBeGreaterThan(10);
      expect(after).toEqual(before);
      // The link's state and its package came in the page: the phone asked for neither.
      expect(asked).toEqual([]);
    });
  });

  it('says a revoked link is closed', async () => {
    await stack.collector.cli(['link', 'revoke', links.revoked]);
    const page = await stack.browser.context.newPage();
    await page.goto(linkUrl(stack.collector.url, links.revoked));
    await page.getByRole('heading', { name: appText('hu', 'phone.closed.title') }).waitFor();
    await page.close();
  });
});
