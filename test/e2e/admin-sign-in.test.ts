/**
 * Getting into the dashboard: the first administrator from the one-time link the collector
 * printed, signing in through the form (refused with the wrong password, in words), by the
 * keyboard alone, and signing out.
 */
import { describe, expect, it } from 'vitest';
import { AdminPage } from './pages/admin-page';
import { axeViolations } from './support/axe';
import { useStack } from './support/stack';
import { addStaff, STAFF_PASSWORD } from './support/staff-session';

const FIRST_ADMIN = 'director@library.example';
const FIRST_ADMIN_PASSWORD = 'four unrelated words here';

describe('getting into the dashboard', () => {
  const stack = useStack();

  it('makes the first administrator from the printed link, once', async () => {
    const { collector } = stack;
    const link = new RegExp(`(${collector.url}/admin/#setup=[A-Za-z0-9_-]+)`).exec(
      collector.output(),
    )?.[1];
    expect(link, collector.output()).toBeDefined();

    const page = await stack.browser.context.newPage();
    const admin = new AdminPage(page, collector.url);
    await page.goto(link ?? '');
    await admin.h1('setup.title').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const email = admin.textbox('signIn.email');
    const password = admin.textbox('setup.password');
    const again = admin.textbox('setup.passwordAgain');
    await email.fill(FIRST_ADMIN);
    await password.fill(FIRST_ADMIN_PASSWORD);
    // Two different passwords are caught before anything is sent.
    await again.fill(`${FIRST_ADMIN_PASSWORD}!`);
    await admin.button('setup.submit').click();
    await admin
      .alert()
      .filter({ hasText: admin.text('setup.mismatch') })
      .waitFor();

    await again.fill(FIRST_ADMIN_PASSWORD);
    await admin.button('setup.submit').click();
    await admin.h1('overview.title').waitFor();
    await page.getByText(admin.text('account.admin'), { exact: true }).waitFor();
    await page.getByText(FIRST_ADMIN, { exact: true }).waitFor();

    // The link has been used: a second visitor cannot make another administrator with it.
    await page.context().clearCookies();
    await page.goto('about:blank');
    await page.goto(link ?? '');
    await admin.h1('setup.title').waitFor();
    await email.fill('intruder@library.example');
    await password.fill(FIRST_ADMIN_PASSWORD);
    await again.fill(FIRST_ADMIN_PASSWORD);
    await admin.button('setup.submit').click();
    await admin
      .alert()
      .filter({ hasText: admin.text('setup.linkInvalid') })
      .waitFor();
    await page.close();
  });

  it('refuses a wrong password in words, signs in with the right one, and signs out', async () => {
    const { collector } = stack;
    await collector.cli(['branch', 'add', 'east', 'East library']);
    await addStaff(collector, 'east@library.example', 'branch', 'east');
    const page = await stack.browser.context.newPage();
    await page.context().clearCookies();
    const admin = new AdminPage(page, collector.url);
    await admin.goto();
    await admin.useLanguage('en');
    await admin.h1('signIn.title').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await admin.fillSignIn('east@library.example', 'not the password');
    await admin
      .alert()
      .filter({ hasText: admin.text('signIn.refused') })
      .waitFor();
    await expect(admin.h1('signIn.title').isVisible()).resolves.toBe(true);

    await admin.fillSignIn('east@library.example', STAFF_PASSWORD);
    await admin.h1('overview.title').waitFor();
    await page
      .getByText(admin.text('account.branchStaff', { branch: 'East library' }), { exact: true })
      .waitFor();

    await admin.signOut();
    await page.getByText(admin.text('signIn.signedOut'), { exact: true }).waitFor();
    // Signed out on the collector too: a reload does not sign back in.
    await page.reload();
    await admin.h1('signIn.title').waitFor();
    await page.close();
  });

  it('signs in with the keyboard alone', async () => {
    const { collector } = stack;
    await addStaff(collector, 'keys@library.example', 'admin');
    const page = await stack.browser.context.newPage();
    await page.context().clearCookies();
    const admin = new AdminPage(page, collector.url);
    await admin.goto();
    await admin.useLanguage('en');
    await admin.h1('signIn.title').waitFor();

    const email = admin.textbox('signIn.email');
    const focused = (target: typeof email) =>
      target.evaluate((el) => el === document.activeElement);
    // From the top of the page, Tab reaches the email field (past the language picker).
    for (let i = 0; i < 5 && !(await focused(email)); i++) await page.keyboard.press('Tab');
    expect(await focused(email)).toBe(true);
    await page.keyboard.type('keys@library.example');
    await page.keyboard.press('Tab');
    expect(await focused(admin.textbox('signIn.password'))).toBe(true);
    await page.keyboard.type(STAFF_PASSWORD);
    await page.keyboard.press('Enter');
    await admin.h1('overview.title').waitFor();

    // Signing out is a button the keyboard reaches too.
    const signOut = admin.button('account.signOut');
    for (let i = 0; i < 10 && !(await focused(signOut)); i++) await page.keyboard.press('Tab');
    expect(await focused(signOut)).toBe(true);
    await page.keyboard.press('Enter');
    await admin.h1('signIn.title').waitFor();
    await page.close();
  });
});
