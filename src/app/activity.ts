/**
 * What counts as someone at the screen: a touch, a key, a pointer, a scroll or typing,
 * anywhere in the page. The walk-away timer and the staff view's closing both restart on it.
 */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;

/** Calls `listener` on every sign of activity until the returned function is called. */
export function onActivity(listener: () => void): () => void {
  for (const type of ACTIVITY_EVENTS)
    document.addEventListener(type, listener, { capture: true, passive: true });
  return () => {
    for (const type of ACTIVITY_EVENTS)
      document.removeEventListener(type, listener, { capture: true });
  };
}
