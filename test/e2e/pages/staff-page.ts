/** The staff status screen: the staff PIN keypad, enrollment and what waits to be sent. */
import type { Locator, Page } from 'playwright-core';
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

  async count(which: 'waiting' | 'sent' | 'quarantined'): Promise<number> {
    return Number(
      (await this.page.getByTestId(`count-${which}`).textContent())?.replace(/\D/g, ''),
    );
  }
}
