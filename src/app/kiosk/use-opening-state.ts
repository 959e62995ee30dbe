/**
 * Whether the library is open now, by the branch's hours as this device last heard them:
 * read again every OPENING_CHECK_INTERVAL_MS and whenever the hours change. Until the
 * hours are read, and where none are set, the kiosk is open.
 */
import { useEffect, useState } from 'preact/hooks';
import { type OpeningState, openingState } from '../../shared/kiosk/opening-hours';
import { useOpeningHours } from '../store';

/** How late the closed screen may come after closing time (and the kiosk after opening). */
export const OPENING_CHECK_INTERVAL_MS = 30_000;

export type OpeningNow = OpeningState & { timeZone?: string; now: Date };

export function useOpeningState(enabled: boolean): OpeningNow {
  const stored = useOpeningHours();
  const hasHours = enabled && !!stored?.hours;
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!hasHours) return;
    const timer = setInterval(() => setTick((tick) => tick + 1), OPENING_CHECK_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [hasHours]);
  const now = new Date(Date.now());
  if (!enabled || !stored?.hours) return { open: true, now };
  return {
    ...openingState(stored.hours, stored.timeZone, now),
    now,
    ...(stored.timeZone ? { timeZone: stored.timeZone } : {}),
  };
}
