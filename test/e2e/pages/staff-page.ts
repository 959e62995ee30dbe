/** The staff status screen: enrollment and what waits to be sent. */
import type { Page } from 'playwright-core';
import { appText } from '../support/texts';

export class StaffPage {
  constructor(readonly page: Page) {}

  /** Opens the collector's one-time link and enrolls this device under a name. */
  async enrollWithLink(link: string, deviceName: string): Promise<void> {
    await this.page.goto(link);
    await this.page.getByRole('heading', { name: appText('en', 'staff.title') }).waitFor();
    await this.page
      .getByRole('textbox', { name: appText('en', 'staff.enroll.deviceName') })
      .fill(deviceName);
    await this.page.getByRole('button', { name: appText('en', 'staff.enroll.submit') }).click();
    await this.page
      .getByRole('status')
      .filter({ hasText: appText('en', 'staff.enroll.done') })
      .waitFor();
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: appText('en', 'welcome.staff') }).click();
    await this.page.getByRole('heading', { name: appText('en', 'staff.title') }).waitFor();
  }

  async close(): Promise<void> {
    await this.page.getByRole('button', { name: appText('en', 'staff.close') }).click();
  }

  async count(which: 'waiting' | 'sent' | 'quarantined'): Promise<number> {
    return Number(
      (await this.page.getByTestId(`count-${which}`).textContent())?.replace(/\D/g, ''),
    );
  }
}
