import { describe, expect, it, vi } from 'vitest';
import {
  enterFullscreen,
  type FullscreenDocument,
  keepScreenAwake,
  type WakeLockSentinelLike,
  type WakeLockState,
} from './kiosk-lock';

class FakeSentinel extends EventTarget implements WakeLockSentinelLike {
  released = false;
  release = vi.fn(async () => {
    this.released = true;
    this.dispatchEvent(new Event('release'));
  });
}

class FakeDocument extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
  setVisibility(state: DocumentVisibilityState) {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

/** A wake lock whose requests the test grants or refuses one by one. */
function fakeWakeLock() {
  const requests: { grant: () => FakeSentinel; refuse: () => void }[] = [];
  return {
    requests,
    api: {
      request: () =>
        new Promise<WakeLockSentinelLike>((resolve, reject) => {
          requests.push({
            grant: () => {
              const sentinel = new FakeSentinel();
              resolve(sentinel);
              return sentinel;
            },
            refuse: () => reject(new DOMException('battery low', 'NotAllowedError')),
          });
        }),
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('keeping the screen awake', () => {
  it('says so and does nothing where the browser has no wake lock', () => {
    const states: WakeLockState[] = [];
    const stop = keepScreenAwake({
      wakeLock: undefined,
      document: new FakeDocument(),
      report: (s) => states.push(s),
    });
    stop();
    expect(states).toEqual(['unsupported']);
  });

  it('takes the lock, and takes it again when the page is visible after the browser released it', async () => {
    const lock = fakeWakeLock();
    const document = new FakeDocument();
    const states: WakeLockState[] = [];
    keepScreenAwake({ wakeLock: lock.api, document, report: (s) => states.push(s) });
    expect(lock.requests).toHaveLength(1);
    const first = lock.requests[0]?.grant();
    await settle();
    expect(states).toEqual(['requested', 'held']);

    // Hidden: the browser releases the lock by itself; nothing is asked while hidden.
    document.setVisibility('hidden');
    await first?.release();
    expect(lock.requests).toHaveLength(1);
    document.setVisibility('visible');
    expect(lock.requests).toHaveLength(2);
    lock.requests[1]?.grant();
    await settle();
    expect(states).toEqual(['requested', 'held', 'off', 'requested', 'held']);
  });

  it('asks only once while a request is pending, and never while the page is hidden', () => {
    const lock = fakeWakeLock();
    const document = new FakeDocument();
    document.visibilityState = 'hidden';
    keepScreenAwake({ wakeLock: lock.api, document, report: () => undefined });
    expect(lock.requests).toHaveLength(0);
    document.setVisibility('visible');
    document.setVisibility('visible');
    expect(lock.requests).toHaveLength(1);
  });

  it('reports a refusal and asks again at the next visibility change', async () => {
    const lock = fakeWakeLock();
    const document = new FakeDocument();
    const states: WakeLockState[] = [];
    keepScreenAwake({ wakeLock: lock.api, document, report: (s) => states.push(s) });
    lock.requests[0]?.refuse();
    await settle();
    expect(states).toEqual(['requested', 'refused']);
    document.setVisibility('visible');
    expect(lock.requests).toHaveLength(2);
  });

  it('releases the lock when stopped (the library closed), and one granted after stopping too', async () => {
    const lock = fakeWakeLock();
    const document = new FakeDocument();
    const states: WakeLockState[] = [];
    const stop = keepScreenAwake({ wakeLock: lock.api, document, report: (s) => states.push(s) });
    const held = lock.requests[0]?.grant();
    await settle();
    stop();
    expect(held?.release).toHaveBeenCalledOnce();
    expect(states.at(-1)).toBe('off');
    document.setVisibility('visible');
    expect(lock.requests).toHaveLength(1);

    const late = fakeWakeLock();
    const stopEarly = keepScreenAwake({ wakeLock: late.api, document, report: () => undefined });
    stopEarly();
    const granted = late.requests[0]?.grant();
    await settle();
    expect(granted?.release).toHaveBeenCalledOnce();
  });
});

describe('fullscreen on Start', () => {
  it('asks the standard way, hiding the navigation bar', () => {
    const requestFullscreen = vi.fn(async () => undefined);
    enterFullscreen({ fullscreenElement: null, documentElement: { requestFullscreen } });
    expect(requestFullscreen).toHaveBeenCalledWith({ navigationUI: 'hide' });
  });

  it('uses Safari’s prefixed method where only that exists', () => {
    const webkitRequestFullscreen = vi.fn();
    enterFullscreen({ documentElement: { webkitRequestFullscreen } });
    expect(webkitRequestFullscreen).toHaveBeenCalledOnce();
  });

  it('does nothing when already fullscreen, or where there is no fullscreen (an iPhone)', () => {
    const requestFullscreen = vi.fn(async () => undefined);
    const already = {} as Element;
    enterFullscreen({ fullscreenElement: already, documentElement: { requestFullscreen } });
    expect(requestFullscreen).not.toHaveBeenCalled();
    expect(() => enterFullscreen({ documentElement: {} })).not.toThrow();
  });

  it('never fails when the browser refuses, at once or later', async () => {
    const refusedLater: FullscreenDocument = {
      documentElement: { requestFullscreen: () => Promise.reject(new TypeError('no gesture')) },
    };
    const refusedAtOnce: FullscreenDocument = {
      documentElement: {
        requestFullscreen: () => {
          throw new TypeError('not allowed');
        },
      },
    };
    expect(() => enterFullscreen(refusedLater)).not.toThrow();
    expect(() => enterFullscreen(refusedAtOnce)).not.toThrow();
    await settle();
  });
});
