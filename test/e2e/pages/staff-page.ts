/** The staff status screen: the PIN keypad, enrollment, what waits, who asks and where, files. */
import type { Download, Locator, Page } from 'playwright-core';
import type { Language } from '../../../src/shared/languages';
import { appText } from '../support/texts';

export class StaffPage {
  constructor(
    readonly page: Page,
    readonly language: Language = 'en',
  ) {}

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

  /**
   * Opens the staff view from the welcome screen. With a PIN, types it on the keypad first
   * (a device whose branch has a PIN); without, the view must open at once (a device not
   * enrolled yet, or a branch without a PIN).
   */
  async open(pin?: string): Promise<void> {
    if (pin === undefined) await this.entry().click();
    else await this.unlock(pin);
    await this.heading().waitFor();
  }

  /** The staff entry on the welcome screen, then the keypad. */
  async openKeypad(): Promise<void> {
    await this.entry().click();
    await this.keypadHeading().waitFor();
  }

  /** Opens the keypad and types the PIN on it, then OK; the view opens only if it is right. */
  async unlock(pin: string): Promise<void> {
    await this.openKeypad();
    await this.typeOnKeypad(pin);
  }

  /** Presses the PIN's digits on the on-screen keypad, then OK. */
  async typeOnKeypad(pin: string): Promise<void> {
    for (const digit of pin) {
      await this.page.getByRole('button', { name: digit, exact: true }).click();
    }
    await this.text('staff.pin.entered', { count: pin.length }).waitFor({ state: 'attached' });
    await this.button('staff.pin.ok').click();
  }

  /** What the keypad announced: a wrong PIN, or the lock and how long it lasts. */
  alert(): Locator {
    return this.page.getByRole('alert');
  }

  heading(): Locator {
    return this.page.getByRole('heading', { name: appText(this.language, 'staff.title') });
  }

  keypadHeading(): Locator {
    return this.page.getByRole('heading', { name: appText(this.language, 'staff.pin.title') });
  }

  button(key: string): Locator {
    return this.page.getByRole('button', { name: appText(this.language, key), exact: true });
  }

  /** A text on screen; with a count, in the plural form the language uses for it. */
  text(key: string, values?: { count: number }): Locator {
    const form = values ? `_${new Intl.PluralRules(this.language).select(values.count)}` : '';
    return this.page.getByText(appText(this.language, `${key}${form}`, values));
  }

  entry(): Locator {
    return this.page.getByRole('button', { name: appText(this.language, 'welcome.staff') });
  }

  async close(): Promise<void> {
    await this.page.getByRole('button', { name: appText(this.language, 'staff.close') }).click();
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

  /** The storage used and free, as the staff view says it. */
  async storage(): Promise<{ used: string; free: string }> {
    return {
      used: (await this.page.getByTestId('storage-used').textContent()) ?? '',
      free: (await this.page.getByTestId('storage-free').textContent()) ?? '',
    };
  }

  /** Saves what waits to a file and gives the download once the app said it saved it. */
  async saveWaitingToFile(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: appText('en', 'staff.export.save') }).click();
    return download;
  }

  /** Saves the refused responses to a file, with their reasons. */
  async saveRefusedToFile(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: appText('en', 'staff.refused.save') }).click();
    return download;
  }

  /**
   * Removes the refused responses that went into the file, through the confirmation that
   * says how many; resolves with the confirmation's words.
   */
  async discardSavedRefused(count: number): Promise<string> {
    // English plurals: the texts' _one and _other forms (counts here stay below 1,000).
    const form = count === 1 ? 'one' : 'other';
    await this.page
      .getByRole('button', { name: appText('en', `staff.refused.discard_${form}`, { count }) })
      .click();
    const dialog = this.page.getByRole('alertdialog');
    const question = (await dialog.textContent()) ?? '';
    await dialog.getByRole('button', { name: appText('en', 'staff.refused.confirmYes') }).click();
    await this.page
      .getByRole('status')
      .filter({ hasText: appText('en', `staff.refused.discarded_${form}`, { count }) })
      .waitFor();
    return question;
  }
}
