/**
 * Interviewer mode on a bookmobile: staff switch the tablet to "staff ask the questions"
 * and choose the stop it stands at in the staff view (from the branch's places, which the
 * collector's `stop add` made), the welcome screen says both, and a response answered
 * afterwards reaches the collector with channel `staff` and that place, where the results
 * filtered by the place find it and leave out a patron's own response from before.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiPath, ENDPOINTS } from '../../src/shared/contract/endpoints';
import type { ResultsOverview, ResultsPlaces } from '../../src/shared/contract/results';
import { AdminPage } from './pages/admin-page';
import { StaffPage } from './pages/staff-page';
import { axeViolations } from './support/axe';
import { collectorResponses } from './support/collector-db';
import { readSetting } from './support/indexeddb';
import { QUICK_SURVEY_ID } from './support/quick-survey';
import { assignQuickSurvey, closeKiosk, enrolledKiosk, useStack } from './support/stack';
import { addStaff, STAFF_PASSWORD, signIn } from './support/staff-session';
import { appText } from './support/texts';

const STOP = 'Market square, north';

describe('interviewer mode at a bookmobile stop', () => {
  const stack = useStack();
  const pages: Page[] = [];

  beforeAll(async () => {
    await assignQuickSurvey(stack.collector);
    await stack.collector.cli(['stop', 'add', 'main', 'School']);
    await stack.collector.cli(['stop', 'add', 'main', STOP]);
  });

  afterEach(async () => {
    for (const page of pages.splice(0)) await closeKiosk(page);
  });

  it('marks what staff ask at the chosen stop as staff at that place, and the results filter by it', async () => {
    const page = await stack.browser.context.newPage();
    pages.push(page);
    const kiosk = await enrolledKiosk(stack, page, 'Bookmobile tablet');
    await expect
      .poll(() => readSetting(page, 'places'), { timeout: 15_000 })
      .toEqual([
        expect.objectContaining({ name: STOP }),
        expect.objectContaining({ name: 'School' }),
      ]);

    // First a patron answers on their own, at no stop: the place filter must leave it out.
    const before = collectorResponses(stack.collector.dataDir).length;
    await kiosk.completeSurvey({ 'overall-satisfaction': 4, 'visit-frequency': 'weekly' });
    await kiosk.button('thanks.done').click();
    await expect
      .poll(() => collectorResponses(stack.collector.dataDir).length, { timeout: 30_000 })
      .toBe(before + 1);

    const staff = new StaffPage(page);
    await staff.open();
    await staff.setStaffAsks(true);
    await staff.choosePlace(STOP);
    expect(await axeViolations(page)).toEqual([]);
    await staff.close();

    const welcome = page.getByTestId('welcome-interviewing');
    await welcome.getByText(appText('en', 'welcome.interviewer')).waitFor();
    await welcome.getByText(appText('en', 'welcome.place', { place: STOP })).waitFor();
    // Both outlast a reload: they are kept on the device.
    await page.reload();
    await welcome.getByText(appText('en', 'welcome.place', { place: STOP })).waitFor();

    await kiosk.completeSurvey({ 'overall-satisfaction': 4, 'visit-frequency': 'weekly' });
    await kiosk.button('thanks.done').click();
    await expect
      .poll(() => collectorResponses(stack.collector.dataDir).length, { timeout: 30_000 })
      .toBe(before + 2);
    const [stored] = collectorResponses(stack.collector.dataDir).slice(-1);
    expect(stored).toMatchObject({
      survey_id: QUICK_SURVEY_ID,
      branch_id: 'main',
      channel: 'staff',
      location: STOP,
      suspect: 0,
    });

    await addStaff(stack.collector, 'bookmobile@library.example', 'admin');
    const admin = await signIn(stack.collector, 'bookmobile@library.example');
    const filter = (extra: Record<string, string> = {}) =>
      `?${new URLSearchParams({ survey: QUICK_SURVEY_ID, ...extra })}`;
    const places = await admin.json<ResultsPlaces>(
      `${apiPath(ENDPOINTS.resultsPlaces)}${filter()}`,
    );
    expect(places.places).toEqual([{ place: STOP, responses: 1 }]);
    const everywhere = await admin.json<ResultsOverview>(
      `${apiPath(ENDPOINTS.resultsOverview)}${filter()}`,
    );
    expect(everywhere.responses).toBe(2);
    const atStop = await admin.json<ResultsOverview>(
      `${apiPath(ENDPOINTS.resultsOverview)}${filter({ place: STOP, channel: 'staff' })}`,
    );
    expect(atStop.responses).toBe(1);
    const elsewhere = await admin.json<ResultsOverview>(
      `${apiPath(ENDPOINTS.resultsOverview)}${filter({ place: 'School' })}`,
    );
    expect(elsewhere.responses).toBe(0);

    // The dashboard lists the stop in its place filter, and choosing it finds the response.
    const tab = await stack.browser.context.newPage();
    const dashboard = new AdminPage(tab, stack.collector.url);
    await dashboard.goto(`#/overview${filter()}`);
    await dashboard.useLanguage('en');
    await dashboard.signIn('bookmobile@library.example', STAFF_PASSWORD, 'overview');
    await dashboard.settled();
    const responsesFigure = tab.getByRole('definition').first();
    expect(await responsesFigure.textContent()).toBe('2');
    await tab.getByText(dashboard.text('filters.place'), { exact: true }).first().click();
    await tab.getByRole('checkbox', { name: STOP, exact: true }).check();
    await expect
      .poll(() => new URL(tab.url()).hash)
      .toContain(new URLSearchParams({ place: STOP }).toString());
    await dashboard.settled();
    expect(await responsesFigure.textContent()).toBe('1');
    await tab.close();
  });
});
