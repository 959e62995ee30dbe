/**
 * What the HTTP app needs from the outside world. The clock has no default: the CLI host is
 * the one place that reads the real time, so a test can never reach it by forgetting one.
 */
import { hostTimeZone } from '../config';
import { FailureThrottle } from '../devices/throttle';
import type { Storage } from '../storage';

export interface AppDeps {
  storage: Storage;
  /** Folder of the built PWA (STATIC_DIR). */
  staticDir: string;
  /** The collector's clock: code expiry, received-at times, throttle windows. */
  now: () => Date;
  /** TIME_ZONE: the zone of the day a response counts on (the host's when not given). */
  timeZone?: string;
  /** Failed enrollment attempts per client address. */
  enrollThrottle?: FailureThrottle;
  /** Where unexpected errors (answered 500) are reported. */
  logError?: (error: unknown) => void;
}

export type ResolvedDeps = Required<AppDeps>;

export function resolveDeps(deps: AppDeps): ResolvedDeps {
  return {
    enrollThrottle: new FailureThrottle(),
    timeZone: hostTimeZone(),
    logError: (error) => console.error('collector: unexpected error', error),
    ...deps,
  };
}
