/**
 * What the HTTP app needs from the outside world. The clock has no default: the CLI host is
 * the one place that reads the real time, so a test can never reach it by forgetting one.
 */
import type { Context } from 'hono';
import { hostTimeZone } from '../config';
import { ClientThrottle, type ThrottleClient } from '../devices/throttle';
import { DEFAULT_DEVICE_LIMITS, type DeviceLimits, DeviceRateLimit } from '../ingest/device-limits';
import { DEFAULT_PUBLIC_LIMITS, PublicLimiter, type PublicLimits } from '../public/limits';
import { SCRYPT_COST, type ScryptCost } from '../staff/passwords';
import { DEFAULT_STAFF_SESSION, type StaffSessionSettings } from '../staff/sessions';
import { SignInThrottle } from '../staff/sign-in-throttle';
import type { Storage } from '../storage';
import { ClientAddresses } from './client-address';

export interface AppDeps {
  storage: Storage;
  /** Folder of the built PWA (STATIC_DIR). */
  staticDir: string;
  /** The collector's clock: code expiry, received-at times, throttle windows, sessions. */
  now: () => Date;
  /** TIME_ZONE: the zone of the day a response counts on (the host's when not given). */
  timeZone?: string;
  /** Failed enrollment attempts per client address. */
  enrollThrottle?: ClientThrottle;
  /** Failed staff sign-ins per account and per client address. */
  signInThrottle?: SignInThrottle;
  /**
   * PUBLIC_URL: its origin counts as the collector's own for state-changing requests, and
   * https there makes the session cookie Secure (a TLS-terminating proxy hides it otherwise).
   */
  publicUrl?: string | undefined;
  /** Idle and absolute expiry of staff sessions (STAFF_SESSION_IDLE_MINUTES, _MAX_HOURS). */
  staffSession?: StaffSessionSettings;
  /** The scrypt cost of new password hashes and of sign-ins without an account; tests lower it. */
  passwordCost?: ScryptCost;
  /** Where unexpected errors (answered 500) are reported. */
  logError?: (error: unknown) => void;
  /** What one device may send (DEVICE_RESPONSE_BURST, _PER_MINUTE, DEVICE_DAILY_RESPONSE_QUOTA). */
  deviceLimits?: DeviceLimits;
  /**
   * What phones on public links may send (PUBLIC_PER_ADDRESS_PER_HOUR,
   * PUBLIC_PER_PHONE_PER_DAY, PUBLIC_LINK_DAILY_CEILING).
   */
  publicLimits?: PublicLimits;
  /** TRUSTED_PROXIES: peers whose X-Forwarded-For names the client (see client-address.ts). */
  trustedProxies?: readonly string[];
  /** Where a deployment's problem the collector can work around is reported, once. */
  logWarning?: (message: string) => void;
}

export type ResolvedDeps = Required<Omit<AppDeps, 'publicUrl' | 'trustedProxies'>> & {
  publicUrl: string | undefined;
  /** The token bucket of responses per device, made from deviceLimits. */
  deviceRateLimit: DeviceRateLimit;
  /** The public links' counters in the database, made from publicLimits. */
  publicLimiter: PublicLimiter;
  /** The request's client as the throttles count it, read with TRUSTED_PROXIES. */
  clientAddress: (c: Context) => ThrottleClient;
};

export function resolveDeps(deps: AppDeps): ResolvedDeps {
  const { trustedProxies = [], ...given } = deps;
  const logWarning = given.logWarning ?? ((message: string) => console.warn(message));
  const addresses = new ClientAddresses(trustedProxies, logWarning);
  const deviceLimits = given.deviceLimits ?? DEFAULT_DEVICE_LIMITS;
  const publicLimits = given.publicLimits ?? DEFAULT_PUBLIC_LIMITS;
  const timeZone = given.timeZone ?? hostTimeZone();
  return {
    deviceRateLimit: new DeviceRateLimit(deviceLimits),
    enrollThrottle: new ClientThrottle(),
    signInThrottle: new SignInThrottle(),
    publicUrl: undefined,
    staffSession: DEFAULT_STAFF_SESSION,
    passwordCost: SCRYPT_COST,
    logError: (error) => console.error('collector: unexpected error', error),
    ...given,
    timeZone,
    deviceLimits,
    publicLimits,
    publicLimiter: new PublicLimiter(given.storage, publicLimits, timeZone),
    logWarning,
    clientAddress: (c) => addresses.of(c),
  };
}
