/**
 * Every control a patron can touch, with its size: each must be at least 48 × 48 px. The
 * points of a numeric scale may narrow to 24 px wide on a phone, to keep the scale on one
 * line (WCAG 2.2 AA's minimum), but stay 48 px tall.
 */
import type { Page } from 'playwright-core';

export const MIN_TARGET_PX = 48;
export const MIN_SCALE_POINT_WIDTH_PX = 24;

export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(
    ([min, minPointWidth]) => {
      const controls = document.querySelectorAll<HTMLElement>(
        'button, a[href], input, textarea, select, [role="button"]',
      );
      const small: string[] = [];
      for (const control of controls) {
        // Not shown (in a closed <details>, say): nothing to touch until it is.
        if (!control.checkVisibility() || control.closest('[hidden], [inert]')) continue;
        // A label around a control is where it is clicked: the target is the label.
        const box = (control.closest('label') ?? control).getBoundingClientRect();
        const hidden = box.width === 0 && box.height === 0;
        if (hidden) continue;
        const isPoint =
          control.matches('input[type="radio"]') &&
          /^\d+$/.test(control.closest('label')?.textContent?.trim() ?? '');
        if (box.width < (isPoint ? minPointWidth : min) || box.height < min) {
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
    },
    [MIN_TARGET_PX, MIN_SCALE_POINT_WIDTH_PX] as const,
  );
}
