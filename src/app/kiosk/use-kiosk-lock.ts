/**
 * The kiosk's screen kept awake while `awake` holds (open hours, or a survey under way),
 * with the state on <html data-wake-lock> for staff tools and the browser tests.
 */
import { useEffect } from 'preact/hooks';
import { keepScreenAwake, type WakeLockDeps } from './kiosk-lock';

export function useScreenAwake(awake: boolean): void {
  useEffect(() => {
    if (!awake) return;
    const nav = navigator as Navigator & { wakeLock?: WakeLockDeps['wakeLock'] };
    return keepScreenAwake({
      wakeLock: nav.wakeLock,
      document,
      report: (state) => {
        document.documentElement.dataset.wakeLock = state;
      },
    });
  }, [awake]);
}
