/**
 * The page's inline early-start script, run as the browser runs it: its exact text, in a
 * context of its own with a page's globals made by hand (vm), so that what it does and
 * when can be seen step by step: the frame, then the task after it.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { scriptPage } from '../testing/script-page';
import { EARLY_START_SCRIPT, INTL_WARMUP_WORKER } from './early-start';

interface Page {
  window: Record<string, unknown>;
  /** The Start button's listeners and attributes. */
  button: { listeners: (() => void)[]; attributes: Map<string, string> };
  /** The workers started: their script and options. */
  workers: [string, unknown][];
  /** Runs the next animation frame's callbacks, then the tasks they queued. */
  frame: () => void;
  tasks: () => void;
}

function page(options: { worker?: 'throws' | 'missing' } = {}): Page {
  const timers = scriptPage(options.worker);
  const button = { listeners: [] as (() => void)[], attributes: new Map<string, string>() };
  const element = {
    setAttribute: (name: string, value: string) => button.attributes.set(name, value),
    addEventListener: (_type: string, listener: () => void) => button.listeners.push(listener),
    removeEventListener: (_type: string, listener: () => void) => {
      button.listeners = button.listeners.filter((l) => l !== listener);
    },
  };
  const window: Record<string, unknown> = {
    document: {
      documentElement: { lang: 'sl' },
      querySelector: (selector: string) => (selector === '[data-early-start]' ? element : null),
    },
    // Workers barred by the page's policy throw (SecurityError); a browser may lack them.
    ...timers.globals,
  };
  window.window = window;
  runInNewContext(EARLY_START_SCRIPT, window);
  return { window, button, workers: timers.workers, frame: timers.frame, tasks: timers.tasks };
}

describe('the early-start script', () => {
  it('marks Start busy and keeps a tap for the app', () => {
    const p = page();
    expect(p.button.attributes.get('aria-busy')).toBe('true');
    for (const listener of p.button.listeners) listener();
    expect((p.window.__earlyStart as { tapped: boolean }).tapped).toBe(true);
  });

  it('starts the number-formatting worker, named with the page’s language, only after the first frame', () => {
    const p = page();
    // Nothing before the frame: the first paint is not delayed by it.
    expect(p.workers).toEqual([]);
    p.frame();
    // Nor in the frame itself: in a task after it.
    expect(p.workers).toEqual([]);
    p.tasks();
    expect(p.workers).toEqual([[INTL_WARMUP_WORKER, { name: 'sl' }]]);
  });

  it.each(['throws', 'missing'] as const)(
    'keeps taps when the browser cannot start the worker (Worker %s)',
    (worker) => {
      const p = page({ worker });
      p.frame();
      expect(() => p.tasks()).not.toThrow();
      expect(p.workers).toEqual([]);
      for (const listener of p.button.listeners) listener();
      expect((p.window.__earlyStart as { tapped: boolean }).tapped).toBe(true);
    },
  );
});

describe('the number-formatting worker (public/intl-warmup.js)', () => {
  const source = readFileSync(
    new URL(`../../../public${INTL_WARMUP_WORKER}`, import.meta.url),
    'utf8',
  );

  function run(name: string, intl: 'works' | 'throws') {
    const made: [string | undefined, unknown][] = [];
    let closed = 0;
    const scope: Record<string, unknown> = {
      name,
      close: () => {
        closed++;
      },
      Intl: {
        NumberFormat: function NumberFormat(locale: string | undefined, options: unknown) {
          if (intl === 'throws') throw new RangeError('incorrect locale information provided');
          made.push([locale, options]);
          return { format: (n: number) => String(n) };
        },
      },
    };
    scope.self = scope;
    runInNewContext(source, scope);
    return { made, closed };
  }

  it('makes a percent formatter in the language it is named with, then ends', () => {
    expect(run('lt', 'works')).toEqual({ made: [['lt', { style: 'percent' }]], closed: 1 });
  });

  it('takes the browser’s default language when it has no name', () => {
    expect(run('', 'works').made).toEqual([[undefined, { style: 'percent' }]]);
  });

  it('ends all the same when the formatter cannot be made', () => {
    expect(run('xx-invalid', 'throws')).toEqual({ made: [], closed: 1 });
  });
});
