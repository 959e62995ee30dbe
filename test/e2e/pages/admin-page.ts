/**
 * The librarians' dashboard as staff use it: controls found by role and by the words on
 * screen in the reader's language (locales/<lng>/admin.json), pages opened by the URL the
 * filters bar keeps, so a test names its period instead of relying on "last 30 days".
 */
import type { Locator, Page } from 'playwright-core';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../src/shared/languages';
import { DEFAULT_SURVEY_ID } from '../../../src/surveys';
import { SEED_PERIOD } from '../support/results-seed';
import { adminText } from '../support/texts';

export const ADMIN_PAGES = [
  'overview',
  'questions',
  'compare',
  'comments',
  'devices',
  'surveys',
  'posters',
  'exports',
] as const;
export type AdminPageName = (typeof ADMIN_PAGES)[number];

/** The heading key of each page. */
const TITLES: Record<AdminPageName, string> = {
  overview: 'overview.title',
  questions: 'questions.title',
  compare: 'compare.title',
  comments: 'comments.title',
  devices: 'devices.title',
  surveys: 'surveys.title',
  posters: 'posters.title',
  exports: 'exports.title',
};

/** The hash of a page with the seeded month and the built-in survey chosen, plus `extra`. */
export function seededView(page: AdminPageName, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    survey: DEFAULT_SURVEY_ID,
    from: SEED_PERIOD.from,
    to: SEED_PERIOD.to,
    ...extra,
  });
  return `#/${page}?${query}`;
}

export class AdminPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
    public language: Language = 'en',
  ) {}

  text(key: string, values?: Record<string, string | number>): string {
    return adminText(this.language, key, values);
  }

  button(key: string, values?: Record<string, string | number>): Locator {
    return this.page.getByRole('button', { name: this.text(key, values), exact: true });
  }

  textbox(key: string): Locator {
    return this.page.getByLabel(this.text(key), { exact: true });
  }

  h1(key: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.text(key), exact: true });
  }

  /** The form's alert (sign-in, setup) once it says something. */
  alert(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /\S/ });
  }

  /**
   * Opens a dashboard URL (a hash such as `#/overview?…`, or `#setup=…`). On the dashboard
   * already, only the hash changes, and the browser tells the page in a `hashchange` event
   * of its own, after the navigation has ended: this returns once the dashboard's listener
   * (registered before this one's) has handled it and rendered the new route, so that
   * nothing waits on the screen of the route before.
   */
  async goto(hash = ''): Promise<void> {
    const url = `${this.baseUrl}/admin/${hash}`;
    if (!hash.startsWith('#') || this.page.url().split('#')[0] !== url.split('#')[0]) {
      await this.page.goto(url);
      return;
    }
    await this.page.evaluate(
      (next) =>
        new Promise<void>((resolve) => {
          const handled = () => resolve();
          addEventListener('hashchange', handled, { once: true });
          const before = location.href;
          location.hash = next;
          if (location.href !== before) return;
          removeEventListener('hashchange', handled);
          resolve();
        }),
      hash,
    );
  }

  /** Opens a page with the seeded month chosen and waits for its heading. */
  async open(page: AdminPageName, extra: Record<string, string> = {}): Promise<void> {
    await this.goto(seededView(page, extra));
    await this.h1(TITLES[page]).waitFor();
  }

  /** Moves to another page through the navigation, keeping the filters. */
  async navigate(page: AdminPageName): Promise<void> {
    await this.page
      .getByRole('navigation', { name: this.text('nav.label') })
      .getByRole('link', { name: this.text(`nav.${page}`), exact: true })
      .click();
    await this.h1(TITLES[page]).waitFor();
  }

  async fillSignIn(email: string, password: string): Promise<void> {
    await this.textbox('signIn.email').fill(email);
    await this.textbox('signIn.password').fill(password);
    await this.button('signIn.submit').click();
  }

  /**
   * Signs in through the form on the page shown (the sign-in screen keeps the hash, so the
   * page asked for opens), and waits for that page's heading.
   */
  async signIn(email: string, password: string, landsOn: AdminPageName): Promise<void> {
    await this.h1('signIn.title').waitFor();
    await this.fillSignIn(email, password);
    await this.h1(TITLES[landsOn]).waitFor();
  }

  /** Opens a page of the seeded month as a fresh visitor, signs in and waits for it. */
  async openAs(
    email: string,
    password: string,
    page: AdminPageName,
    extra: Record<string, string> = {},
  ): Promise<void> {
    await this.page.context().clearCookies();
    await this.goto(seededView(page, extra));
    await this.useLanguage(this.language);
    await this.signIn(email, password, page);
  }

  async signOut(): Promise<void> {
    await this.button('account.signOut').click();
    await this.h1('signIn.title').waitFor();
  }

  /**
   * Chooses the dashboard's language with the picker when the page is in another (the
   * choice is remembered on the browser, so a test states the one it reads).
   */
  async useLanguage(language: Language): Promise<void> {
    // The picker's label is in whichever language the page is in now.
    const labels = LANGUAGES.map((l) => escapeRegExp(adminText(l, 'language.label')));
    const picker = this.page.getByRole('combobox', {
      name: new RegExp(`^(${labels.join('|')})$`),
    });
    await picker.waitFor();
    if ((await this.page.evaluate(() => document.documentElement.lang)) !== language) {
      await picker.selectOption({ label: LANGUAGE_NAMES[language] });
    }
    this.language = language;
    await this.page.getByRole('combobox', { name: this.text('language.label') }).waitFor();
  }

  /**
   * Waits until the page has its data: nothing says "Loading…" and every chart is drawn
   * (Plot loads on the first chart), so what is checked is what a reader ends up with.
   */
  async settled(): Promise<void> {
    await this.page.waitForFunction(
      (loading) =>
        ![...document.querySelectorAll('[role="status"]')].some((status) =>
          status.textContent?.includes(loading),
        ) &&
        [...document.querySelectorAll('figure')].every(
          (figure) => figure.querySelector('svg, p') !== null,
        ),
      this.text('status.loading'),
    );
  }

  /** A table's body row whose row header is `name`. */
  row(name: string): Locator {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** The figure under a heading of the overview's cards (`figures.responses`…). */
  card(key: string): Locator {
    return this.page
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${escapeRegExp(this.text(key))}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
