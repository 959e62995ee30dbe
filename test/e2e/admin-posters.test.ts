/**
 * QR code posters in the dashboard, as a network administrator uses them: make a link for a
 * branch (its survey proposed), see it listed, copy the address phones open, open its
 * poster in a new tab, and revoke it after the confirmation, after which the poster is
 * gone. Branch staff see their branch's links and change none. The page passes axe
 * (WCAG 2.2 AA) and every control is a 48 px target, with a link listed and with the
 * confirmation open. A screenshot is left in test-results/admin-posters/ for a person.
 */
import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiPath, ENDPOINTS } from '../../src/shared/contract/endpoints';
import { LINK_TOKEN_PATTERN } from '../../src/shared/contract/public-link';
import { DEFAULT_SURVEY_ID } from '../../src/surveys';
import { AdminPage } from './pages/admin-page';
import { axeViolations } from './support/axe';
import { useStack } from './support/stack';
import { addStaff, STAFF_PASSWORD, signIn } from './support/staff-session';
import { smallTargets } from './support/targets';

const SHOTS = 'test-results/admin-posters';
const ADMIN = 'director@library.example';
const EAST_STAFF = 'east@library.example';
const WEST_STAFF = 'west@library.example';
const EAST = 'East library';

describe('QR code posters in the dashboard', () => {
  const stack = useStack({ browser: { viewport: { width: 1280, height: 900 } } });

  beforeAll(async () => {
    await stack.collector.cli(['branch', 'add', 'east', EAST]);
    await stack.collector.cli(['branch', 'add', 'west', 'West library']);
    await addStaff(stack.collector, ADMIN, 'admin');
    await addStaff(stack.collector, EAST_STAFF, 'branch', 'east');
    await addStaff(stack.collector, WEST_STAFF, 'branch', 'west');
  });

  async function audit(admin: AdminPage): Promise<Record<string, unknown>> {
    const found: Record<string, unknown> = {};
    const violations = await axeViolations(admin.page);
    const small = await smallTargets(admin.page);
    if (violations.length > 0) found.axe = violations;
    if (small.length > 0) found.targets = small;
    return found;
  }

  it('makes a link, lists it, copies its address, opens its poster and revokes it', async () => {
    const { context } = stack.browser;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: stack.collector.url,
    });
    const tab = await context.newPage();
    const admin = new AdminPage(tab, stack.collector.url);
    await admin.openAs(ADMIN, STAFF_PASSWORD, 'posters');
    await tab.getByText(admin.text('posters.empty'), { exact: true }).waitFor();

    // The survey follows the branch chosen: the one its kiosks show.
    const branch = tab.getByLabel(admin.text('posters.branch'), { exact: true });
    await branch.selectOption({ label: EAST });
    await expect(
      tab.getByLabel(admin.text('posters.survey'), { exact: true }).inputValue(),
    ).resolves.toBe(DEFAULT_SURVEY_ID);
    await admin.button('posters.create').click();
    const status = tab.getByRole('status').filter({ hasText: /\S/ }).first();
    await status
      .getByText(admin.text('posters.created', { branch: EAST }), { exact: true })
      .waitFor();

    const row = tab.getByRole('row').filter({ hasText: EAST });
    await row.getByRole('cell', { name: admin.text('posters.open'), exact: true }).waitFor();
    await row
      .getByRole('cell', { name: admin.text('posters.untilRevoked'), exact: true })
      .waitFor();
    const address = (await row.getByRole('rowheader').textContent()) ?? '';
    const token = address.replace(`${stack.collector.url}/s/`, '');
    expect(address.startsWith(`${stack.collector.url}/s/`), address).toBe(true);
    expect(token).toMatch(LINK_TOKEN_PATTERN);

    // Copy: the clipboard holds the address, and the live region says so.
    await row.getByRole('button', { name: `${admin.text('posters.copy')} ${EAST}` }).click();
    await tab.getByText(admin.text('posters.copied', { address }), { exact: true }).waitFor();
    await expect(tab.evaluate(() => navigator.clipboard.readText())).resolves.toBe(address);

    expect(await audit(admin)).toEqual({});
    mkdirSync(SHOTS, { recursive: true });
    await tab.screenshot({ path: `${SHOTS}/listed-en.png`, fullPage: true });
    // The longest texts: Hungarian and Lithuanian, a row and its buttons still in reach.
    for (const language of ['hu', 'lt'] as const) {
      await admin.useLanguage(language);
      await admin.h1('posters.title').waitFor();
      await row.getByRole('cell', { name: admin.text('posters.open'), exact: true }).waitFor();
      // What the live region said follows the language too.
      await tab.getByText(admin.text('posters.copied', { address }), { exact: true }).waitFor();
      expect(await audit(admin), language).toEqual({});
      await tab.screenshot({ path: `${SHOTS}/listed-${language}.png`, fullPage: true });
    }
    await admin.useLanguage('en');

    // The A4 poster opens in a new tab, in the reader's language, for this link.
    const posterName = `${admin.text('posters.posterA4')} ${EAST} ${admin.text('posters.newTab')}`;
    const [poster] = await Promise.all([
      context.waitForEvent('page'),
      row.getByRole('link', { name: posterName, exact: true }).click(),
    ]);
    await poster.waitForLoadState();
    expect(new URL(poster.url()).pathname).toBe(`/s/${token}/poster`);
    expect(new URL(poster.url()).searchParams.get('size')).toBe('a4');
    await poster.locator('svg').first().waitFor();
    await poster.close();

    // Revoking asks first, and says what it does.
    await row.getByRole('button', { name: `${admin.text('posters.revoke')} ${EAST}` }).click();
    const dialog = tab.getByRole('dialog', {
      name: admin.text('posters.confirmTitle', { branch: EAST }),
    });
    await dialog.getByText(admin.text('posters.confirmText'), { exact: true }).waitFor();
    expect(await audit(admin)).toEqual({});
    await tab.screenshot({ path: `${SHOTS}/confirm-en.png` });
    await dialog.getByRole('button', { name: admin.text('posters.confirmRevoke') }).click();
    await tab.getByText(admin.text('posters.revoked', { branch: EAST }), { exact: true }).waitFor();
    await row.getByText(admin.text('posters.closedRevoked'), { exact: true }).waitFor();
    await expect(row.getByRole('button').count()).resolves.toBe(0);

    // Printed posters stop working: the poster page is gone for good.
    const gone = await fetch(`${stack.collector.url}/s/${token}/poster`);
    expect(gone.status).toBe(410);
    await tab.close();
  });

  it('shows branch staff their own branch’s links, with nothing to make or revoke', async () => {
    const tab = await stack.browser.context.newPage();
    const east = new AdminPage(tab, stack.collector.url);
    await east.openAs(EAST_STAFF, STAFF_PASSWORD, 'posters');
    await tab.getByText(east.text('posters.staffNote'), { exact: true }).waitFor();
    await tab.getByRole('row').filter({ hasText: EAST }).first().waitFor();
    await expect(east.button('posters.create').count()).resolves.toBe(0);
    await east.signOut();

    const west = new AdminPage(tab, stack.collector.url);
    await west.openAs(WEST_STAFF, STAFF_PASSWORD, 'posters');
    await tab.getByText(west.text('posters.empty'), { exact: true }).waitFor();
    await tab.close();
  });

  // Last: the fake clock stays on the browser for the rest of the block.
  it('says so in words when the computer’s calendar is behind and the day has already ended', async () => {
    const tab = await stack.browser.context.newPage();
    // A computer whose clock is years behind offers days the server has long seen end.
    await tab.clock.setFixedTime(new Date('2000-01-01T12:00:00Z'));
    const admin = new AdminPage(tab, stack.collector.url);
    await admin.openAs(ADMIN, STAFF_PASSWORD, 'posters');
    // The one link the first test made, and no other after the refusal.
    const caption = tab.getByText(admin.text('posters.caption', { count: 1 }), { exact: true });
    await caption.waitFor();
    await tab.getByLabel(admin.text('posters.until'), { exact: true }).fill('2000-01-02');
    await admin.button('posters.create').click();
    await tab
      .getByRole('alert')
      .getByText(admin.text('posters.untilRefused'), { exact: true })
      .waitFor();
    const staff = await signIn(stack.collector, ADMIN);
    const { links } = await staff.json<{ links: unknown[] }>(apiPath(ENDPOINTS.links));
    expect(links).toHaveLength(1);
    await tab.close();
  });
});
