/**
 * Walking away: after a period without a touch, a key or a pointer, the kiosk asks
 * "Are you still there?" with a countdown; only an explicit "continue" extends the time
 * (WCAG 2.2.1: a time limit is announced and can be extended). When the countdown ends,
 * onExpire runs.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { onActivity } from '../activity';

const TICK_MS = 1000;

export interface IdleTimer {
  /** Seconds left before the reset while the question is shown; null while not asking. */
  secondsLeft: number | null;
  /** The patron is still there: close the question and start counting afresh. */
  extend: () => void;
}

export function useIdleTimer(options: {
  active: boolean;
  idleMs: number;
  warningMs: number;
  onExpire: () => void;
}): IdleTimer {
  const { active, idleMs, warningMs } = options;
  const [deadline, setDeadline] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const onExpire = useRef(options.onExpire);
  onExpire.current = options.onExpire;
  const [generation, setGeneration] = useState(0);

  // Count idleness; activity restarts the count unless the question is already up.
  useEffect(() => {
    if (!active || deadline !== null) return;
    let lastActivity = Date.now();
    const idle = () => {
      // A tablet that slept runs its timers late: if the patron has been gone for longer
      // than the question would have waited, they are gone, and nobody may continue.
      if (Date.now() - lastActivity >= idleMs + warningMs) onExpire.current();
      else {
        // `now` too, in the same render: a `now` from before the idle period would show the
        // countdown far above its start for a moment (and a screen reader would say it).
        const current = Date.now();
        setNow(current);
        setDeadline(current + warningMs);
      }
    };
    let timer = setTimeout(idle, idleMs);
    const restart = () => {
      lastActivity = Date.now();
      clearTimeout(timer);
      timer = setTimeout(idle, idleMs);
    };
    const stopWatching = onActivity(restart);
    return () => {
      clearTimeout(timer);
      stopWatching();
    };
  }, [active, deadline, idleMs, warningMs, generation]);

  // Count down while the question is up.
  useEffect(() => {
    if (!active || deadline === null) return;
    setNow(Date.now());
    const interval = setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= deadline) {
        clearInterval(interval);
        setDeadline(null);
        onExpire.current();
      }
    }, TICK_MS);
    return () => clearInterval(interval);
  }, [active, deadline]);

  useEffect(() => {
    if (!active) setDeadline(null);
  }, [active]);

  const extend = useCallback(() => {
    setDeadline(null);
    setGeneration((g) => g + 1);
  }, []);

  return {
    secondsLeft:
      active && deadline !== null ? Math.max(0, Math.ceil((deadline - now) / 1000)) : null,
    extend,
  };
}
