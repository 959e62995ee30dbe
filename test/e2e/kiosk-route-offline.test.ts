/**
 * A bookmobile's whole route offline: 2,000 responses waiting on the tablet (several busy
 * days), the kiosk still starting and saving answers, staff seeing what waits and the
 * storage used and free, then carrying the responses home on a file: imported twice at
 * the collector with nothing stored twice, and the tablet's own sync later finding every
 * one already there. Refused responses are saved with their reasons and removed after a
 * confirmation; a storage quota nearly full is a warning in the staff view.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiPath, ENDPOINTS } from '../../src/shared/contract/endpoints';
import { hasValidChecksum, type ResponseFile } from '../../src/shared/contract/response-file';
import type { SyncBatchReply } from '../../src/shared/contract/sync';
import { AdminPage } from './pages/admin-page';
import type { KioskPage } from './pages/kiosk-page';
import { StaffPage } from './pages/staff-page';
import { goOffline, goOnline, launchBrowser } from './support/browser';
import { collectorResponses } from './support/collector-db';
import { type QueuedRowInput, queueResponses, readResponses } from './support/indexeddb';
import { QUICK_SURVEY_ID, quickSurvey } from './support/quick-survey';
import { assignQuickSurvey, closeKiosk, enrolledKiosk, useStack } from './support/stack';
import { addStaff, STAFF_PASSWORD } from './support/staff-session';
import { adminText, appText, questionOf } from './support/texts';

/** Several busy days of a bookmobile's route. */
const ROUTE_RESPONSES = 2000;
const VISITS = ['weekly', 'monthly', 'first-time'] as const;
const LOCALES = ['hu', 'sl', 'ru', 'lt', 'en'] as const;
/** Writing and reading thousands of rows, a sync of them, on a shared machine. */
const ROUTE_TEST_TIMEOUT_MS = 300_000;
const RESPONSES_PATH = apiPath(ENDPOINTS.responses);
const DAY = '2026-11-18T10:00:00.000Z';

function route(count: number, quarantine?: QueuedRowInput['quarantine']): QueuedRowInput[] {
  return Array.from({ length: count }, (_, i) => ({
    id: uuidv7(),
    surveyId: QUICK_SURVEY_ID,
    surveyVersion: 1,
    locale: LOCALES[i % LOCALES.length] as string,
    answers: { 'overall-satisfaction': (i % 5) + 1, 'visit-frequency': VISITS[i % 3] as string },
    ...(quarantine ? { quarantine } : {}),
  }));
}

/** The outcome of every record in the sync batches the collector answered. */
function watchSyncOutcomes(page: Page, outcomes: string[]): void {
  page.on('response', async (response) => {
    if (response.request().method() !== 'POST' || !response.url().endsWith(RESPONSES_PATH)) return;
    if (response.status() !== 200) return;
    const reply = (await response.json()) as SyncBatchReply;
    outcomes.push(...reply.results.map((r) => r.outcome));
  });
}

describe('a whole route offline', () => {
  const stack = useStack();
  let page: Page;
  let kiosk: KioskPage;
  let dir: string;

  beforeAll(async () => {
    await assignQuickSurvey(stack.collector);
    dir = await mkdtemp(join(tmpdir(), 'route-files-'));
  });

  beforeEach(async () => {
    page = await stack.browser.context.newPage();
    kiosk = await enrolledKiosk(
      stack,
      page,
      `Bookmobile ${Math.random().toString(36).slice(2, 6)}`,
    );
    await goOffline(stack.browser.context);
  });

  afterEach(async () => {
    await goOnline(stack.browser.context);
    await closeKiosk(page);
  });

  it(
    'starts and saves answers with 2,000 waiting, and carries them home on a file: imported twice and synced, each stored once',
    async () => {
      const rows = route(ROUTE_RESPONSES);
      await queueResponses(page, rows, DAY);

      // The kiosk starts again with its whole route waiting, offline.
      await page.reload();
      await kiosk.button('welcome.start').waitFor();

      const staff = new StaffPage(page);
      await staff.open();
      await expect.poll(() => staff.count('waiting')).toBe(ROUTE_RESPONSES);
      await page.getByTestId('storage-used').waitFor();
      const storage = await staff.storage();
      expect(storage.used).toMatch(/\d.*(kB|MB|GB).*of.*(MB|GB).*\d+%/);
      expect(storage.free).toMatch(/\d.*(MB|GB) free/);

      // Saved to a file: the contract's records, as sync would send them, nothing removed.
      const download = await staff.saveWaitingToFile();
      const path = join(dir, download.suggestedFilename());
      await download.saveAs(path);
      expect(download.suggestedFilename()).toMatch(
        /^responses-main-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.json$/,
      );
      const file = JSON.parse(readFileSync(path, 'utf8')) as ResponseFile;
      expect(file).toMatchObject({
        format: 'library-survey-responses',
        version: 1,
        kind: 'waiting',
      });
      expect(file.branchId).toBe('main');
      expect(file.responses).toHaveLength(ROUTE_RESPONSES);
      expect(await hasValidChecksum(file)).toBe(true);
      expect(await staff.count('waiting')).toBe(ROUTE_RESPONSES);

      // A librarian imports it, and again by mistake: each response is stored once.
      const before = collectorResponses(stack.collector.dataDir).length;
      const first = await stack.collector.cli(['responses', 'import', path]);
      expect(first).toMatch(/accepted\s+2000\n.*duplicate\s+0\n.*conflict\s+0\n.*rejected\s+0/s);
      const second = await stack.collector.cli(['responses', 'import', path]);
      expect(second).toMatch(/accepted\s+0\n.*duplicate\s+2000\n/s);
      expect(collectorResponses(stack.collector.dataDir)).toHaveLength(before + ROUTE_RESPONSES);

      // With all of it still waiting, a patron starts the survey and an answer is saved.
      await staff.close();
      await kiosk.start();
      await kiosk.answer(questionOf(quickSurvey(), 'visit-frequency'), 'weekly');
      await expect
        .poll(async () => (await readResponses(page)).find((r) => r.status === 'draft')?.answers, {
          timeout: 10_000,
        })
        .toEqual({ 'visit-frequency': 'weekly' });

      // Back in reach, the tablet sends them: all already there, the outbox empties.
      const outcomes: string[] = [];
      watchSyncOutcomes(page, outcomes);
      await goOnline(stack.browser.context);
      const statuses = async (status: string) =>
        (await readResponses(page)).filter((r) => r.status === status).length;
      await expect.poll(() => statuses('queued'), { timeout: 120_000 }).toBe(0);
      expect(await statuses('quarantined')).toBe(0);
      expect(await statuses('synced')).toBe(ROUTE_RESPONSES);
      await expect.poll(() => outcomes.length, { timeout: 10_000 }).toBe(ROUTE_RESPONSES);
      expect(new Set(outcomes)).toEqual(new Set(['duplicate']));
      const stored = collectorResponses(stack.collector.dataDir);
      expect(stored).toHaveLength(before + ROUTE_RESPONSES);
      const ids = new Set(rows.map((r) => r.id));
      expect(stored.filter((r) => ids.has(r.id))).toHaveLength(ROUTE_RESPONSES);
    },
    ROUTE_TEST_TIMEOUT_MS,
  );

  it('saves refused responses with their reasons, then removes only those saved, after saying how many', async () => {
    const refused = route(3, { outcome: 'rejected', reason: 'unknown survey version 7' });
    await queueResponses(page, refused, DAY);
    await page.reload();
    await kiosk.button('welcome.start').waitFor();
    const staff = new StaffPage(page);
    await staff.open();
    await expect.poll(() => staff.count('quarantined')).toBe(3);

    const download = await staff.saveRefusedToFile();
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as ResponseFile;
    expect(file.kind).toBe('refused');
    expect(file.refusals?.map((r) => [r.id, r.reason])).toEqual(
      refused.map((r) => [r.id, 'unknown survey version 7']),
    );
    expect(await hasValidChecksum(file)).toBe(true);

    // Refused after the file was saved: not in it, so not removed with it.
    const later = route(1, { outcome: 'conflict', reason: 'another response has this id' });
    await queueResponses(page, later, DAY);

    const question = await staff.discardSavedRefused(3);
    expect(question).toContain(appText('en', 'staff.refused.confirm_other', { count: 3 }));
    await expect.poll(() => staff.count('quarantined')).toBe(1);
    const left = (await readResponses(page)).filter((r) => r.status === 'quarantined');
    expect(left.map((r) => r.id)).toEqual(later.map((r) => r.id));
  });

  it('warns staff once the storage is 80% full', async () => {
    const staff = new StaffPage(page);
    await staff.open();
    await page.getByTestId('storage-used').waitFor();
    const warning = page
      .getByRole('alert')
      .filter({ hasText: appText('en', 'staff.storage.warning', { share: '' }).slice(0, 30) });
    expect(await warning.count()).toBe(0);

    // Chromium's CDP quota override (Storage.overrideQuotaForOrigin, as fillDisk uses) makes
    // writes fail but leaves navigator.storage.estimate() at the disk's quota, so the quota
    // the page is told is made here instead: what is stored, as 90% of it.
    await page.addInitScript((share: number) => {
      const real = navigator.storage.estimate.bind(navigator.storage);
      navigator.storage.estimate = async () => {
        const estimate = await real();
        return { ...estimate, quota: Math.ceil((estimate.usage ?? 0) / share) };
      };
    }, 0.9);
    await staff.close();
    await page.reload();
    await kiosk.button('welcome.start').waitFor();
    await staff.open();
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/\b(89|9\d)%/);
    expect((await staff.storage()).used).toMatch(/\b(89|9\d)%/);
  });

  it('is imported on the dashboard too: the counts shown, nothing stored twice, a changed file refused in words', async () => {
    const rows = route(5);
    await queueResponses(page, rows, DAY);
    await page.reload();
    await kiosk.button('welcome.start').waitFor();
    const staff = new StaffPage(page);
    await staff.open();
    const download = await staff.saveWaitingToFile();
    const path = join(dir, `dashboard-${download.suggestedFilename()}`);
    await download.saveAs(path);
    const changedPath = join(dir, `changed-${download.suggestedFilename()}`);
    const changed = JSON.parse(readFileSync(path, 'utf8')) as ResponseFile;
    (changed.responses[0] as { completed: boolean }).completed = false;
    writeFileSync(changedPath, JSON.stringify(changed));

    const email = `librarian-${Math.random().toString(36).slice(2, 8)}@library.example`;
    await addStaff(stack.collector, email, 'admin');
    // The librarian's own computer, online; the tablet stays offline.
    const librarian = await launchBrowser();
    try {
      const tab = await librarian.context.newPage();
      const admin = new AdminPage(tab, stack.collector.url);
      await admin.goto('#/devices');
      await admin.signIn(email, STAFF_PASSWORD, 'devices');
      const upload = async (file: string) => {
        await tab.getByLabel(adminText('en', 'imports.file')).setInputFiles(file);
        await admin.button('imports.import').click();
      };
      const result = tab.getByTestId('import-result');

      await upload(path);
      await result
        .filter({ hasText: adminText('en', 'imports.done_other', { count: 5 }) })
        .waitFor();
      expect(await tab.getByTestId('import-accepted').textContent()).toBe('5');
      await upload(path);
      await expect.poll(() => tab.getByTestId('import-duplicate').textContent()).toBe('5');
      expect(await tab.getByTestId('import-accepted').textContent()).toBe('0');
      const ids = new Set(rows.map((r) => r.id));
      expect(collectorResponses(stack.collector.dataDir).filter((r) => ids.has(r.id))).toHaveLength(
        5,
      );

      await upload(changedPath);
      await tab
        .getByRole('alert')
        .filter({ hasText: adminText('en', 'imports.problem.checksum') })
        .waitFor();
    } finally {
      await librarian.close();
    }
  });
});
