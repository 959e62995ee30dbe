/**
 * Closes the staff view after a time without a touch, a key or a pointer, so a view left
 * open on a kiosk does not stay open for the next patron. No warning first: nothing is
 * lost by closing it, and staff open it again with their PIN. The browser's timers, which
 * the browser tests fake.
 */
import { useEffect, useRef } from 'preact/hooks';
import { onActivity } from '../activity';

/** The staff view closes itself after two minutes without a touch. */
export const STAFF_IDLE_CLOSE_MS = 2 * 60_000;

export function useIdleClose(timeoutMs: number, onIdle: () => void): void {
  const latest = useRef(onIdle);
  latest.current = onIdle;
  useEffect(() => {
    const idle = () => latest.current();
    let timer = setTimeout(idle, timeoutMs);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(idle, timeoutMs);
    };
    const stopWatching = onActivity(restart);
    return () => {
      clearTimeout(timer);
      stopWatching();
    };
  }, [timeoutMs]);
}
