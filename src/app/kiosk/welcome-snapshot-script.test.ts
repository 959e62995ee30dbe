/**
 * The kiosk's early script (public/welcome-snapshot.js), run as the browser runs it, in a
 * context of its own with a page's globals made by hand (vm): the worker that makes the
 * first number formatter (public/intl-warmup.js) is started only in a task after the
 * first frame. What it paints is seen in the browser (test/e2e/kiosk-welcome-snapshot.test.ts).
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { INTL_WARMUP_WORKER } from '../phone/early-start';
import { scriptPage } from '../testing/script-page';

const SCRIPT = readFileSync(
  new URL('../../../public/welcome-snapshot.js', import.meta.url),
  'utf8',
);

function page(options: { earlyStart?: boolean; worker?: 'throws' } = {}) {
  const timers = scriptPage(options.worker);
  const window: Record<string, unknown> = {
    // The staff view: nothing to paint, so only the worker is the script's business.
    location: { pathname: '/', hash: '#/staff' },
    document: {
      documentElement: { lang: 'ru' },
      querySelector: (selector: string) =>
        selector === '[data-early-start]' && options.earlyStart ? {} : null,
      getElementById: () => null,
    },
    localStorage: { getItem: () => null },
    ...timers.globals,
  };
  window.window = window;
  runInNewContext(SCRIPT, window);
  return timers;
}

describe('the kiosk’s early script and the number-formatting worker', () => {
  it('starts the worker, named with the page’s language, in a task after the first frame', () => {
    const p = page();
    expect(p.workers).toEqual([]);
    p.frame();
    expect(p.workers).toEqual([]);
    p.tasks();
    expect(p.workers).toEqual([[INTL_WARMUP_WORKER, { name: 'ru' }]]);
  });

  it('leaves it to a public link’s page, whose own early script starts it', () => {
    const p = page({ earlyStart: true });
    p.frame();
    p.tasks();
    expect(p.workers).toEqual([]);
  });

  it('goes on when the browser cannot start it', () => {
    const p = page({ worker: 'throws' });
    p.frame();
    expect(() => p.tasks()).not.toThrow();
  });
});
