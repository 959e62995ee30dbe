/**
 * The dashboard's pages over the seeded answers of March 2026: the overview's figures as
 * the test works them out itself, branch staff kept to their own branch on every page,
 * a comment's markup shown as typed and tags counted, and the pages in Russian.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../src/shared/languages';
import { questionsAcrossVersions } from '../../src/shared/survey/question-versions';
import { questionTextKey } from '../../src/shared/survey/translation-keys';
import { BUILT_IN_SURVEY_VERSIONS } from '../../src/surveys';
import { libraryServiceQuality } from '../../src/surveys/library-service-quality';
import { AdminPage } from './pages/admin-page';
import { mean, netPromoterScore, SEED_BRANCHES, seedResults } from './support/results-seed';
import { useStack } from './support/stack';
import { addStaff, STAFF_PASSWORD } from './support/staff-session';
import { surveyText } from './support/texts';

const [EAST, WEST, NORTH] = SEED_BRANCHES as [
  (typeof SEED_BRANCHES)[0],
  (typeof SEED_BRANCHES)[0],
  (typeof SEED_BRANCHES)[0],
];
const responsesOf = (b: typeof EAST) => b.ratings.length + b.incomplete;
const TOTAL = SEED_BRANCHES.reduce((sum, b) => sum + responsesOf(b), 0);
const ADMIN = 'director@library.example';
const EAST_STAFF = 'east@library.example';

/** The figures as src/admin/format.ts writes them, with the same Intl options. */
const integer = (language: Language, value: number) =>
  new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(value);
const meanOnScale = (language: Language, value: number) =>
  new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    value,
  );
const nps = (language: Language, value: number) =>
  new Intl.NumberFormat(language, {
    signDisplay: 'exceptZero',
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(value);

describe('the dashboard over the seeded answers', () => {
  const stack = useStack();
  beforeAll(async () => {
    await seedResults(stack.collector);
    await addStaff(stack.collector, ADMIN, 'admin');
    await addStaff(stack.collector, EAST_STAFF, 'branch', EAST.id);
  });

  async function openAs(
    email: string,
    page: Parameters<AdminPage['open']>[0],
    extra: Record<string, string> = {},
  ) {
    const tab = await stack.browser.context.newPage();
    const admin = new AdminPage(tab, stack.collector.url);
    await admin.openAs(email, STAFF_PASSWORD, page, extra);
    return admin;
  }

  /** Checks the overview's figures in the page's language. */
  async function expectOverviewFigures(admin: AdminPage): Promise<void> {
    const { language } = admin;
    await admin.settled();
    await expect(admin.card('figures.responses').textContent()).resolves.toBe(
      integer(language, TOTAL),
    );
    for (const branch of [EAST, WEST]) {
      const cells = admin.row(branch.name).getByRole('cell');
      await expect(cells.nth(0).textContent(), branch.id).resolves.toBe(
        integer(language, responsesOf(branch)),
      );
      // The mean, then its 95% interval in brackets.
      await expect(cells.nth(2).textContent(), branch.id).resolves.toMatch(
        new RegExp(`^${meanOnScale(language, mean(branch.ratings)).replace('.', '\\.')} \\(`),
      );
      await expect(cells.nth(4).textContent(), branch.id).resolves.toMatch(
        new RegExp(`^${nps(language, netPromoterScore(branch.recommend)).replace('+', '\\+')}\\b`),
      );
    }
    const north = admin.row(NORTH.name).getByRole('cell');
    await expect(north.nth(0).textContent()).resolves.toBe(integer(language, responsesOf(NORTH)));
    await expect(north.nth(1).textContent()).resolves.toBe(
      admin.text('figures.tooFew', { min: 5 }),
    );
  }

  it('shows an administrator the month’s total and each branch’s figures', async () => {
    const admin = await openAs(ADMIN, 'overview');
    await expectOverviewFigures(admin);
    await admin.page.close();
  });

  it('keeps branch staff to their own branch on every page', async () => {
    const admin = await openAs(EAST_STAFF, 'overview');
    const { page } = admin;
    await admin.settled();
    const branches = page.getByRole('region', { name: admin.text('overview.branches') });
    await expect(branches.getByRole('rowheader').allTextContents()).resolves.toEqual([EAST.name]);
    await expect(admin.card('figures.responses').textContent()).resolves.toBe(
      integer('en', responsesOf(EAST)),
    );
    // The branch filter states the branch; there is nothing to choose.
    const filters = page.getByRole('region', { name: admin.text('filters.heading') });
    await filters.getByText(admin.text('filters.branch'), { exact: true }).waitFor();
    await filters.getByText(EAST.name, { exact: true }).waitFor();
    await expect(
      filters.getByText(admin.text('filters.branches'), { exact: true }).count(),
    ).resolves.toBe(0);

    await admin.navigate('devices');
    await admin.settled();
    await expect(page.getByRole('rowheader').allTextContents()).resolves.toEqual([
      `${EAST.name} kiosk`,
    ]);
    await expect(
      page.getByRole('button', { name: admin.text('devices.revoke') }).count(),
    ).resolves.toBe(0);

    await admin.navigate('comments');
    // The page's heading takes focus, so a screen reader reads where the link led.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      admin.text('comments.title'),
    );
    await admin.settled();
    const comments = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('textbox', { name: admin.text('comments.newTag') }) });
    const count = await comments.count();
    expect(count).toBeGreaterThan(0);
    await page
      .getByRole('heading', { level: 2, name: admin.text('comments.count', { count }) })
      .waitFor();
    for (const text of await comments.allTextContents()) {
      expect(text).toContain(EAST.name);
      expect(text).not.toContain(WEST.name);
      expect(text).not.toContain(NORTH.name);
    }

    // Another branch in the URL shows nothing of it: the collector answers "not found".
    for (const view of ['overview', 'comments'] as const) {
      await admin.open(view, { branch: WEST.id });
      await page
        .getByRole('status')
        .filter({ hasText: admin.text('errors.notFound') })
        .waitFor();
      const main = (await page.getByRole('main').textContent()) ?? '';
      expect(main, view).not.toContain(WEST.name);
      await expect(admin.card('figures.responses').count(), view).resolves.toBe(0);
    }
    await page.close();
  });

  it('shows a comment’s markup as typed, and counts a tag given to it', async () => {
    const admin = await openAs(ADMIN, 'comments', { branch: EAST.id });
    const { page } = admin;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await admin.settled();
    await admin.textbox('comments.search').fill('HYPERLINK');
    await admin.button('comments.searchButton').click();
    await page
      .getByRole('heading', { level: 2, name: admin.text('comments.count', { count: 1 }) })
      .waitFor();
    const item = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('textbox', { name: admin.text('comments.newTag') }) });
    await expect(item.count()).resolves.toBe(1);
    await expect(item.getByRole('blockquote').textContent()).resolves.toBe(EAST.comment);
    expect(await page.getByRole('main').textContent()).toContain('<img');
    await expect(page.locator('img').count()).resolves.toBe(0);

    await item.getByRole('textbox', { name: admin.text('comments.newTag') }).fill('formula');
    await item.getByRole('button', { name: admin.text('comments.addTag'), exact: true }).click();
    await item
      .getByRole('button', { name: admin.text('comments.removeTag', { tag: 'formula' }) })
      .waitFor();
    // The tag filter offers the tag with its count, and keeps to it when chosen.
    const tagFilter = page.getByRole('combobox', { name: admin.text('comments.tagFilter') });
    const counted = admin.text('comments.tagWithCount', { tag: 'formula', count: 1 });
    await tagFilter.getByRole('option', { name: counted, exact: true }).waitFor({
      state: 'attached',
    });
    await admin.textbox('comments.search').fill('');
    await admin.button('comments.searchButton').click();
    // The search's one comment stays on screen (marked stale) while every comment loads,
    // under the same heading the tag filter will give: wait for the whole list first.
    await item.nth(1).waitFor();
    await tagFilter.selectOption({ label: counted });
    await page
      .getByRole('heading', { level: 2, name: admin.text('comments.count', { count: 1 }) })
      .waitFor();
    await expect(item.getByRole('blockquote').textContent()).resolves.toBe(EAST.comment);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('marks the figures of the earlier filters stale from the render the filters change in', async () => {
    const admin = await openAs(ADMIN, 'comments', { branch: EAST.id });
    const { page } = admin;
    try {
      await admin.settled();
      const loadingText = admin.text('status.loading');
      // The page's own hashchange listener runs first, and its render in the microtasks
      // after it; the load starts in an effect a frame later. What this listener reads is
      // what the render showed before the load began: an order of events, not a timing.
      await page.evaluate((loading) => {
        const seen: { stale: boolean; loading: boolean }[] = [];
        (window as unknown as { seenOnChange: typeof seen }).seenOnChange = seen;
        addEventListener('hashchange', () =>
          seen.push({
            stale: document.querySelector('section.stale') !== null,
            loading: [...document.querySelectorAll('[role="status"]')].some((status) =>
              status.textContent?.includes(loading),
            ),
          }),
        );
      }, loadingText);
      await admin.textbox('comments.search').fill('HYPERLINK');
      await admin.button('comments.searchButton').click();
      await page
        .getByRole('heading', { level: 2, name: admin.text('comments.count', { count: 1 }) })
        .waitFor();
      await expect(
        page.evaluate(() => (window as unknown as { seenOnChange: unknown }).seenOnChange),
      ).resolves.toEqual([{ stale: true, loading: true }]);
    } finally {
      await page.close();
    }
  });

  it('shows one question at a time, and steps to the next', async () => {
    const admin = await openAs(ADMIN, 'questions');
    try {
      const [first, second] = libraryServiceQuality.questions;
      const heading = (id: string) =>
        admin.page.getByRole('heading', {
          level: 2,
          name: `${libraryServiceQuality.questions.findIndex((q) => q.id === id) + 1}. ${surveyText('en', libraryServiceQuality.id, questionTextKey(id))}`,
        });
      await heading(first?.id ?? '').waitFor();
      await admin.button('questions.next').click();
      await heading(second?.id ?? '').waitFor();
      await expect(heading(first?.id ?? '').count()).resolves.toBe(0);
      expect(new URL(admin.page.url()).hash).toContain(`question=${second?.id}`);
    } finally {
      await admin.page.close();
    }
  });

  it('shows a question version 2 retired, marked, beside the ones that replaced it', async () => {
    const { questions } = questionsAcrossVersions(BUILT_IN_SURVEY_VERSIONS);
    const number = (id: string) => questions.findIndex((q) => q.id === id) + 1;
    const admin = await openAs(ADMIN, 'questions', { question: 'computers-wifi' });
    try {
      const text = (id: string) => surveyText('en', libraryServiceQuality.id, questionTextKey(id));
      const retired = admin.page.getByRole('heading', {
        level: 2,
        name: `${number('computers-wifi')}. ${text('computers-wifi')} ${admin.text('results.versions.askedUntil', { version: 1 })}`,
        exact: true,
      });
      await retired.waitFor();
      await admin.page.getByText(admin.text('results.versions.onlySome')).waitFor();
      await admin.button('questions.next').click();
      await admin.page
        .getByRole('heading', {
          level: 2,
          name: `${number('computers')}. ${text('computers')} ${admin.text('results.versions.askedFrom', { version: 2 })}`,
          exact: true,
        })
        .waitFor();
      expect(number('computers')).toBe(number('computers-wifi') + 1);
    } finally {
      await admin.page.close();
    }
  });

  it('reads in Russian: headings from its texts, numbers with a decimal comma', async () => {
    const admin = await openAs(ADMIN, 'overview');
    try {
      await admin.useLanguage('ru');
      await admin.h1('overview.title').waitFor();
      await admin.page
        .getByRole('navigation', { name: admin.text('nav.label') })
        .getByRole('link', { name: admin.text('nav.questions'), exact: true })
        .waitFor();
      await expectOverviewFigures(admin);
      const rating = await admin.row(EAST.name).getByRole('cell').nth(2).textContent();
      expect(rating).toMatch(/^\d,\d\d \(/);
    } finally {
      await admin.useLanguage('en');
      await admin.page.close();
    }
  });
});
