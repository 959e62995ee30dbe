/** The kiosk outside opening hours: the closed screen, and the branch's look on the welcome screen. */
import type { Page } from 'playwright-core';
import { appText } from '../support/texts';

export class ClosedPage {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1, name: appText('en', 'closed.title') });
  }

  /** "Next opening: Tuesday 09:00", as the screen words it. */
  nextOpening(when: string) {
    return this.page.getByText(appText('en', 'closed.opensOn', { when }), { exact: true });
  }

  staffButton() {
    return this.page.getByRole('button', { name: appText('en', 'welcome.staff'), exact: true });
  }

  /** The state the kiosk reports of the screen wake lock (`<html data-wake-lock>`). */
  wakeLock(): Promise<string | undefined> {
    return this.page.evaluate(() => document.documentElement.dataset.wakeLock);
  }

  /** Whether a long-press's contextmenu event on the element is cancelled by the app. */
  contextMenuPrevented(locator: ReturnType<Page['getByRole']>): Promise<boolean> {
    return locator.evaluate((element) => {
      const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      element.dispatchEvent(event);
      return event.defaultPrevented;
    });
  }
}
