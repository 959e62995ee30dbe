/** The staff status screen: enrollment, what waits to be sent, who asks and where. */
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

  /** Interviewer mode on (staff ask the questions) or off (patrons answer on their own). */
  async setStaffAsks(on: boolean): Promise<void> {
    const name = appText(
      'en',
      on ? 'staff.interviewer.staffAsks' : 'staff.interviewer.patronsAnswer',
    );
    await this.page.getByRole('button', { name, exact: true }).click();
    await this.page.getByRole('button', { name, exact: true, pressed: true }).waitFor();
  }

  /** Chooses the place responses are made at, from the branch's list; null: no place. */
  async choosePlace(place: string | null): Promise<void> {
    const name = place ?? appText('en', 'staff.place.noPlace');
    await this.page.getByRole('button', { name, exact: true }).click();
    await this.page.getByRole('button', { name, exact: true, pressed: true }).waitFor();
  }

  async count(which: 'waiting' | 'sent' | 'quarantined'): Promise<number> {
    return Number(
      (await this.page.getByTestId(`count-${which}`).textContent())?.replace(/\D/g, ''),
    );
  }
}
