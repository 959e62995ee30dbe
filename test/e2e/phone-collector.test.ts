/**
 * Phone mode against the real collector: a public link made with the collector's CLI,
 * opened on a Hungarian phone, answered with the signal lost before Send and back after;
 * exactly one row arrives, with channel `qr` and the link's branch. A second visit says the
 * visitor already answered; a revoked link says it is closed.
 *
 * The links are made and revoked with the collector's `link` CLI, as staff do; the page
 * /s/<token>, GET /api/v1/public/links/:token and POST /api/v1/public/responses are the
 * collector's own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { goOffline, goOnline, IPHONE_SAFARI_UA } from './support/browser';
import { collectorResponses } from './support/collector-db';
import { linkUrl } from './support/public-links';
import { answerQuickSurveyOnPhone } from './support/quick-survey';
import { assignQuickSurvey, useStack } from './support/stack';
import { appText } from './support/texts';

function tokenIn(output: string): string {
  // A token may start or end with '-', where \b finds no word boundary.
  const token = /(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/.exec(output)?.[1];
  if (!token) throw new Error(`no link token in:\n${output}`);
  return token;
}

describe('a visitor on a public link of the real collector', () => {
  const stack = useStack({
    browser: {
      locale: 'hu-HU',
      phone: { viewport: { width: 390, height: 844 }, userAgent: IPHONE_SAFARI_UA },
    },
  });
  let links: { open: string; revoked: string };

  beforeAll(async () => {
    await assignQuickSurvey(stack.collector);
    const create = () => stack.collector.cli(['link', 'create', '--branch', 'main']);
    links = { open: tokenIn(await create()), revoked: tokenIn(await create()) };
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

  it('says a revoked link is closed', async () => {
    await stack.collector.cli(['link', 'revoke', links.revoked]);
    const page = await stack.browser.context.newPage();
    await page.goto(linkUrl(stack.collector.url, links.revoked));
    await page.getByRole('heading', { name: appText('hu', 'phone.closed.title') }).waitFor();
    await page.close();
  });
});
