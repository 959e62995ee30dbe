/**
 * The page's inline early-start script, run as the browser runs it: its exact text, in a
 * context of its own with a page's globals made by hand (vm), so that what it does and
 * when can be seen step by step: the frame, then the task after it.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EARLY_START_SCRIPT } from './early-start';

interface Page {
  window: Record<string, unknown>;
  /** The Start button's listeners and attributes. */
  button: { listeners: (() => void)[]; attributes: Map<string, string> };
  /** The number formats made: their locale and options. */
  formats: [string, unknown][];
  /** Runs the next animation frame's callbacks, then the tasks they queued. */
  frame: () => void;
  tasks: () => void;
}

function page(options: { intl?: 'throws' } = {}): Page {
  const frames: (() => void)[] = [];
  const queued: (() => void)[] = [];
  const formats: [string, unknown][] = [];
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
    requestAnimationFrame: (callback: () => void) => frames.push(callback),
    setTimeout: (callback: () => void) => queued.push(callback),
    Intl: {
      NumberFormat: function NumberFormat(locale: string, formatOptions: unknown) {
        if (options.intl === 'throws') throw new RangeError('no number data');
        formats.push([locale, formatOptions]);
        return { format: (n: number) => String(n) };
      },
    },
  };
  window.window = window;
  runInNewContext(EARLY_START_SCRIPT, window);
  return {
    window,
    button,
    formats,
    frame: () => {
      for (const callback of frames.splice(0)) callback();
    },
    tasks: () => {
      for (const callback of queued.splice(0)) callback();
    },
  };
}

describe('the early-start script', () => {
  it('marks Start busy and keeps a tap for the app', () => {
    const p = page();
    expect(p.button.attributes.get('aria-busy')).toBe('true');
    for (const listener of p.button.listeners) listener();
    expect((p.window.__earlyStart as { tapped: boolean }).tapped).toBe(true);
  });

  it('makes number formatting ready in the page’s language only after the first frame', () => {
    const p = page();
    // Nothing before the frame: the first paint is not delayed by it.
    expect(p.formats).toEqual([]);
    p.frame();
    // Nor in the frame itself: in a task after it.
    expect(p.formats).toEqual([]);
    p.tasks();
    expect(p.formats).toEqual([['sl', { style: 'percent' }]]);
  });

  it('keeps taps when the browser cannot format numbers', () => {
    const p = page({ intl: 'throws' });
    p.frame();
    expect(() => p.tasks()).not.toThrow();
    for (const listener of p.button.listeners) listener();
    expect((p.window.__earlyStart as { tapped: boolean }).tapped).toBe(true);
  });
});
