/**
 * Background Sync on a visitor's phone: the signal is gone when the visitor taps Send and
 * closes the tab; when the browser fires its sync event later, the service worker sends
 * the answers with the link's token, with no page of the app open, and the collector
 * stores them once. Chromium may fire the event itself when it sees the network again;
 * the test fires it as DevTools does, through CDP's ServiceWorker.dispatchSyncEvent, once
 * the network is back, and what was sent is the same either way.
 */
import type { CDPSession } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { goOffline, goOnline, untilControlled } from './support/browser';
import { collectorResponses } from './support/collector-db';
import { readResponses } from './support/indexeddb';
import { linkUrl, tokenIn } from './support/public-links';
import { answerQuickSurveyOnPhone } from './support/quick-survey';
import { assignQuickSurvey, useStack } from './support/stack';
import { appText } from './support/texts';

const ANDROID_CHROME_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

/** The id of the service worker registration for `scope`, as CDP knows it. */
async function registrationId(cdp: CDPSession, scope: string): Promise<string> {
  const found = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL === scope && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  return found;
}

describe('a visitor who sends with no signal and closes the tab', () => {
  const stack = useStack({
    browser: {
      locale: 'sl-SI',
      phone: { viewport: { width: 412, height: 915 }, userAgent: ANDROID_CHROME_UA },
    },
  });
  beforeAll(() => assignQuickSurvey(stack.collector));

  it("has the answers sent by the service worker when the browser's sync comes, once", async () => {
    const { context } = stack.browser;
    const origin = stack.collector.url;
    const token = tokenIn(await stack.collector.cli(['link', 'create', '--branch', 'main']));
    const page = await context.newPage();
    const phone = await answerQuickSurveyOnPhone(page, linkUrl(origin, token), 'sl', 4);
    await untilControlled(page);

    await goOffline(context);
    await phone.button('review.submit').click();
    await page.getByText(appText('sl', 'phone.thanks.waiting')).waitFor();
    // The page left what it could not send to the browser, under the link's tag.
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const registration = await navigator.serviceWorker.getRegistration();
            const sync = (registration as { sync?: { getTags(): Promise<string[]> } } | undefined)
              ?.sync;
            return sync ? await sync.getTags() : [];
          }),
        // The page's run and its request to the browser, on a machine busy with other work.
        { timeout: 30_000 },
      )
      .toEqual([`outbox:${token}`]);
    expect((await readResponses(page)).map((r) => r.status)).toEqual(['queued']);
    expect(collectorResponses(stack.collector.dataDir)).toHaveLength(0);
    await page.close();

    // No page of the app runs from here on, so only the worker can send. Chromium may
    // fire the sync itself once the network is back; the test fires it in any case. A
    // page of the origin that the app does not answer (the collector's health check)
    // reads the store and drives DevTools.
    await goOnline(context);
    const probe = await context.newPage();
    await probe.goto(`${origin}/api/v1/health`);

    const cdp = await context.newCDPSession(probe);
    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin,
      registrationId: await registrationId(cdp, `${origin}/`),
      tag: `outbox:${token}`,
      lastChance: false,
    });

    await expect
      .poll(async () => (await readResponses(probe)).map((r) => r.status), { timeout: 60_000 })
      .toEqual(['synced']);
    const rows = collectorResponses(stack.collector.dataDir);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'qr', branch_id: 'main', locale: 'sl', completed: 1 });

    // The link opened again: already answered, and still one row.
    await probe.goto(linkUrl(origin, token));
    await probe.getByRole('heading', { name: appText('sl', 'phone.answered.title') }).waitFor();
    expect(collectorResponses(stack.collector.dataDir)).toHaveLength(1);
    await cdp.detach();
    await probe.close();
  });
});
