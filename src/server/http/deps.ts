/** What the HTTP app needs from the outside world; tests pass their own clock and storage. */
import { FailureThrottle } from '../devices/throttle';
import type { Storage } from '../storage';

export interface AppDeps {
  storage: Storage;
  /** Folder of the built PWA (STATIC_DIR). */
  staticDir: string;
  now?: () => Date;
  /** Failed enrollment attempts per client address. */
  enrollThrottle?: FailureThrottle;
  /** Where unexpected errors (answered 500) are reported. */
  logError?: (error: unknown) => void;
}

export type ResolvedDeps = Required<AppDeps>;

export function resolveDeps(deps: AppDeps): ResolvedDeps {
  return {
    now: () => new Date(),
    enrollThrottle: new FailureThrottle(),
    logError: (error) => console.error('collector: unexpected error', error),
    ...deps,
  };
}
