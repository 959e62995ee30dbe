/**
 * Work the first screen does not need (the service worker's registration and its
 * precaching, sync, the masking module) waits until the browser is idle after the first
 * render: on a phone over mobile data it would otherwise share the network and the main
 * thread with what the visitor is waiting to see. Safari has no requestIdleCallback; there
 * a zero timeout still lets the render paint first.
 */

/** Idle may never come on a busy page; the work starts after this long regardless. */
const IDLE_TIMEOUT_MS = 2000;

export function afterFirstScreen(work: () => void): void {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(() => work(), { timeout: IDLE_TIMEOUT_MS });
  } else {
    setTimeout(work, 0);
  }
}

/**
 * Resolves in a later task, once the browser is idle again (or after the same timeout), so
 * that what follows neither lengthens the current task (a task blocks a tap for its whole
 * length, and on a slow tablet the evaluation of a large module is one) nor goes before
 * what the patron is waiting for: a tap, the next screen's code.
 */
export function nextIdle(): Promise<void> {
  return new Promise((resolve) => afterFirstScreen(resolve));
}
