/**
 * A branch's staff PIN: what a valid PIN looks like, and how it is stored and delivered.
 * The collector keeps only a slow hash (PBKDF2-SHA256, which both node:crypto and the
 * browser's WebCrypto compute, so a kiosk checks the PIN with no network); the PIN itself
 * is never stored or sent. Kept free of zod, like constants.ts, for the kiosk's bundle.
 */

/** 4 to 8 digits: typed on a keypad, short enough to remember, long enough to choose. */
export const STAFF_PIN_PATTERN = /^[0-9]{4,8}$/;
export const STAFF_PIN_MIN_DIGITS = 4;
export const STAFF_PIN_MAX_DIGITS = 8;

export const STAFF_PIN_ALGORITHM = 'PBKDF2-SHA256';
/**
 * PBKDF2 rounds for a new hash (OWASP's figure for PBKDF2-HMAC-SHA256). A PIN has few
 * possible values, so the hash is only as strong as it is slow: this costs a tablet
 * about half a second per check, and whoever copies the hash the same per guess.
 */
export const STAFF_PIN_ITERATIONS = 600_000;
/** A stored hash with fewer rounds is refused (too cheap to guess); with more, too slow to check. */
export const STAFF_PIN_MIN_ITERATIONS = 100_000;
export const STAFF_PIN_MAX_ITERATIONS = 5_000_000;
export const STAFF_PIN_SALT_BYTES = 16;
export const STAFF_PIN_HASH_BYTES = 32;

/** A PIN as the collector stores it and a device receives it: salt and hash in lower-case hex. */
export interface StaffPinHash {
  algorithm: typeof STAFF_PIN_ALGORITHM;
  iterations: number;
  salt: string;
  hash: string;
}

/** Whether a typed PIN has the PIN's shape (4–8 digits, nothing else). */
export function isStaffPin(typed: string): boolean {
  return STAFF_PIN_PATTERN.test(typed);
}
