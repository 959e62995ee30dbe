/**
 * Keeping a kiosk to its job: the screen kept awake while the library is open (the Screen
 * Wake Lock, taken again whenever the page becomes visible, since the browser releases it
 * when the page is hidden), and fullscreen when a patron starts a survey (a tap is the user
 * gesture the browser asks for). Both are feature-detected and never fail: iOS Safari on an
 * iPhone has no fullscreen, older browsers have no wake lock, and the kiosk works without
 * either. Never used in phone mode: a visitor's own phone gets neither.
 */

export type WakeLockState =
  /** The browser has no Screen Wake Lock API. */
  | 'unsupported'
  /** Not wanted now (closed hours, or stopped), or released by the browser while hidden. */
  | 'off'
  | 'requested'
  | 'held'
  /** The browser said no (low battery, a policy, a hidden page). */
  | 'refused';

export interface WakeLockSentinelLike extends EventTarget {
  release(): Promise<void>;
}

export interface WakeLockDeps {
  /** navigator.wakeLock; undefined where the browser lacks it. */
  wakeLock: { request(type: 'screen'): Promise<WakeLockSentinelLike> } | undefined;
  /** Where visibilitychange fires (document). */
  document: EventTarget & { readonly visibilityState: DocumentVisibilityState };
  /** Told every change, for the staff and the browser tests to see. */
  report: (state: WakeLockState) => void;
}

/** Holds the screen wake lock until the returned function is called. */
export function keepScreenAwake(deps: WakeLockDeps): () => void {
  const { wakeLock, document, report } = deps;
  if (!wakeLock) {
    report('unsupported');
    return () => undefined;
  }
  let stopped = false;
  let sentinel: WakeLockSentinelLike | undefined;
  let pending = false;

  const onRelease = () => {
    sentinel = undefined;
    if (!stopped) report('off');
  };

  const acquire = () => {
    if (stopped || pending || sentinel || document.visibilityState !== 'visible') return;
    pending = true;
    report('requested');
    wakeLock.request('screen').then(
      (lock) => {
        pending = false;
        if (stopped) {
          void lock.release().catch(() => undefined);
          return;
        }
        sentinel = lock;
        lock.addEventListener('release', onRelease, { once: true });
        report('held');
      },
      () => {
        pending = false;
        if (!stopped) report('refused');
      },
    );
  };

  const onVisibility = () => acquire();
  document.addEventListener('visibilitychange', onVisibility);
  acquire();

  return () => {
    stopped = true;
    document.removeEventListener('visibilitychange', onVisibility);
    const held = sentinel;
    sentinel = undefined;
    if (held) {
      held.removeEventListener('release', onRelease);
      void held.release().catch(() => undefined);
    }
    report('off');
  };
}

/** The parts of `document` fullscreen uses, with Safari's prefixed names. */
export interface FullscreenDocument {
  readonly fullscreenElement?: Element | null;
  readonly webkitFullscreenElement?: Element | null;
  readonly documentElement: {
    requestFullscreen?: (options?: FullscreenOptions) => Promise<void>;
    webkitRequestFullscreen?: () => void;
  };
}

/**
 * Asks for fullscreen, from a tap's handler; does nothing where it is unavailable or
 * already on, and never throws: a kiosk that stays in a window still works.
 */
export function enterFullscreen(document: FullscreenDocument): void {
  if (document.fullscreenElement || document.webkitFullscreenElement) return;
  const root = document.documentElement;
  try {
    if (typeof root.requestFullscreen === 'function') {
      void root.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
    } else if (typeof root.webkitRequestFullscreen === 'function') {
      root.webkitRequestFullscreen();
    }
  } catch {
    // Refused outright (no user gesture, a policy): the kiosk stays in its window.
  }
}
