/** Every control a patron can touch, with its size: each must be at least 48 × 48 px. */
import type { Page } from 'playwright-core';

export const MIN_TARGET_PX = 48;

export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const controls = document.querySelectorAll<HTMLElement>(
      'button, a[href], input, textarea, select, [role="button"]',
    );
    const small: string[] = [];
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      const hidden = box.width === 0 && box.height === 0;
      if (hidden || control.closest('[hidden], [inert]')) continue;
      if (box.width < min || box.height < min) {
        const name =
          control.getAttribute('aria-label') ??
          control.textContent?.trim() ??
          control.getAttribute('name');
        small.push(
          `${control.tagName.toLowerCase()} "${name}" is ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
      }
    }
    return small;
  }, MIN_TARGET_PX);
}
