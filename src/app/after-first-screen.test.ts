import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFirstScreen, nextIdle } from './after-first-screen';

describe('afterFirstScreen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('waits for the browser to be idle, with a timeout for a page that never is', () => {
    const requestIdleCallback = vi.fn();
    vi.stubGlobal('requestIdleCallback', requestIdleCallback);
    const work = vi.fn();
    afterFirstScreen(work);
    expect(work).not.toHaveBeenCalled();
    expect(requestIdleCallback).toHaveBeenCalledWith(expect.any(Function), {
      timeout: expect.any(Number),
    });
    requestIdleCallback.mock.calls[0]?.[0]();
    expect(work).toHaveBeenCalledOnce();
  });

  it('falls back to a timeout where there is no requestIdleCallback (Safari), never running at once', () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    vi.useFakeTimers();
    const work = vi.fn();
    afterFirstScreen(work);
    expect(work).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(work).toHaveBeenCalledOnce();
  });
});

describe('nextIdle', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('resolves once the browser is idle, never at once', async () => {
    const requestIdleCallback = vi.fn();
    vi.stubGlobal('requestIdleCallback', requestIdleCallback);
    const resolved = vi.fn();
    const waiting = nextIdle().then(resolved);
    await Promise.resolve();
    expect(resolved).not.toHaveBeenCalled();
    requestIdleCallback.mock.calls[0]?.[0]();
    await waiting;
    expect(resolved).toHaveBeenCalledOnce();
  });
});
