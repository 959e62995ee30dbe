/**
 * An administrator sets a branch's opening hours and look on the dashboard's Surveys page:
 * a colour too light to read on the kiosk is refused in the form, in the librarian's
 * language; a readable one, the hours, a name and a logo reach the collector.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio } from '../../src/shared/kiosk/contrast';
import { AdminPage } from './pages/admin-page';
import { useStack } from './support/stack';
import { addStaff, STAFF_PASSWORD } from './support/staff-session';

const ADMIN = 'look@library.example';
const LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#1d4f91"/></svg>';

describe('a branch’s look on the dashboard', () => {
  const stack = useStack({ browser: { viewport: { width: 1280, height: 900 } } });
  beforeAll(async () => {
    await addStaff(stack.collector, ADMIN, 'admin');
  });

  it('refuses an unreadable accent in the form, and saves the hours, name, accent and logo', async () => {
    const page = await stack.browser.context.newPage();
    const admin = new AdminPage(page, stack.collector.url);
    await admin.openAs(ADMIN, STAFF_PASSWORD, 'surveys');
    await admin.textbox('branches.hours.label').fill('mon-fri 09:00-17:00, sat 10:00-13:00');
    await admin.textbox('branches.look.displayName').fill('Central Library');
    await admin.textbox('branches.look.accent').fill('#ffcc00');
    await admin.button('branches.look.save').click();
    const ratio = new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(
      contrastRatio('#ffcc00', '#ffffff'),
    );
    await admin
      .alert()
      .filter({ hasText: admin.text('branches.look.accentTooLight', { ratio }) })
      .waitFor();
    expect(await stack.collector.cli(['branch', 'list'])).toContain('always open');

    await admin.textbox('branches.look.accent').fill('#1d4f91');
    await admin.textbox('branches.look.logo').setInputFiles({
      name: 'logo.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from(LOGO),
    });
    await admin.button('branches.look.save').click();
    await page
      .getByRole('status')
      .filter({ hasText: admin.text('branches.look.saved', { branch: 'Main library' }) })
      .waitFor();
    const list = await stack.collector.cli(['branch', 'list']);
    expect(list).toContain(
      'open mon-fri 09:00-17:00, sat 10:00-13:00; look: name "Central Library", logo, accent #1d4f91',
    );
    // The branch list now carries the logo: the form shows it.
    await page.getByRole('img', { name: admin.text('branches.look.currentLogo') }).waitFor();
    await page.close();
  });
});
