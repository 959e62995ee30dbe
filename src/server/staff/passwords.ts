/**
 * Staff passwords: scrypt (node:crypto) at OWASP's recommended minimum, N = 2^17, r = 8,
 * p = 1, with a 16-byte random salt and a 32-byte key. The stored form carries its
 * parameters, `scrypt$17$8$1$<salt>$<hash>` (base64url), so they can rise later: a hash made
 * with weaker ones still verifies and is replaced at the next sign-in (needsRehash).
 *
 * Hashing runs on libuv's thread pool (asynchronous scrypt), never on the event loop, and
 * at most MAX_CONCURRENT_HASHES at once: each takes 128 MiB, and the pool's four threads
 * also serve compression and file reads. At most MAX_WAITING_HASHES wait for a turn; beyond
 * that a hash is refused at once (HashingBusy), so a flood of sign-ins from many addresses
 * can neither pile up without end nor keep a librarian waiting minutes for theirs.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { MAX_PASSWORD_LENGTH } from '../../shared/contract/staff';

export interface ScryptCost {
  /** log2 of N, the CPU and memory cost. */
  log2N: number;
  /** Block size. */
  r: number;
  /** Parallelisation. */
  p: number;
}

/** OWASP Password Storage Cheat Sheet: scrypt with N = 2^17, r = 8, p = 1 at least. */
export const SCRYPT_COST: ScryptCost = { log2N: 17, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Hashes computed at once; the others wait their turn. */
export const MAX_CONCURRENT_HASHES = 2;
/** Hashes that may wait for a turn: a few seconds' worth at the default cost. */
export const MAX_WAITING_HASHES = 32;
/** Bounds a stored hash's parameters must keep, so a tampered one cannot exhaust memory. */
const LIMITS = { log2N: [10, 20], r: [1, 32], p: [1, 16] } as const;
/** The most memory one hash may take (128 · N · r bytes): 8 times the default cost. */
const MAX_HASH_MEMORY_BYTES = 2 ** 30;
/** The longest key a stored hash may have (the collector makes 32-byte ones). */
const MAX_KEY_BYTES = 64;

/** Too many hashes are waiting already: the caller answers "busy, try again shortly". */
export class HashingBusy extends Error {
  constructor() {
    super('too many passwords are being checked at once');
  }
}

const ENCODED =
  /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{43,})$/;

let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(fn: () => Promise<T>): Promise<T> {
  if (running < MAX_CONCURRENT_HASHES) running++;
  else if (waiting.length >= MAX_WAITING_HASHES) throw new HashingBusy();
  // A finished hash hands its turn straight to the next waiting one (running stays as it is).
  else await new Promise<void>((go) => waiting.push(go));
  try {
    return await fn();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

function derive(
  password: string,
  salt: Buffer,
  cost: ScryptCost,
  keyBytes: number,
): Promise<Buffer> {
  const N = 2 ** cost.log2N;
  // scrypt needs about 128 * N * r bytes; Node refuses beyond maxmem (32 MiB by default).
  const maxmem = 2 * 128 * N * cost.r * cost.p;
  return inTurn(
    () =>
      new Promise((resolve, reject) => {
        scrypt(
          password.normalize('NFC'),
          salt,
          keyBytes,
          { N, r: cost.r, p: cost.p, maxmem },
          (error, key) => (error ? reject(error) : resolve(key)),
        );
      }),
  );
}

function decode(encoded: string): { cost: ScryptCost; salt: Buffer; hash: Buffer } | undefined {
  const match = ENCODED.exec(encoded);
  if (!match) return undefined;
  const [, log2N, r, p, salt = '', hash = ''] = match;
  const cost = { log2N: Number(log2N), r: Number(r), p: Number(p) };
  const within =
    (Object.keys(LIMITS) as (keyof ScryptCost)[]).every(
      (name) => cost[name] >= LIMITS[name][0] && cost[name] <= LIMITS[name][1],
    ) && 128 * 2 ** cost.log2N * cost.r <= MAX_HASH_MEMORY_BYTES;
  const key = Buffer.from(hash, 'base64url');
  return within && key.length <= MAX_KEY_BYTES
    ? { cost, salt: Buffer.from(salt, 'base64url'), hash: key }
    : undefined;
}

/** The stored form of a password. */
export async function hashPassword(
  password: string,
  cost: ScryptCost = SCRYPT_COST,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, cost, KEY_BYTES);
  return `scrypt$${cost.log2N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** A fixed salt for checking a password against no account at all. */
const NO_ACCOUNT_SALT = Buffer.alloc(SALT_BYTES);

/**
 * Whether a password matches its stored hash. Without one (no such account) it still spends
 * one hash at `cost`, so the time of a sign-in does not tell which emails have an account.
 * A malformed or tampered stored hash never matches.
 */
export async function verifyPassword(
  password: string,
  stored: string | undefined,
  cost: ScryptCost = SCRYPT_COST,
): Promise<boolean> {
  const decoded = stored === undefined ? undefined : decode(stored);
  if (!decoded || password.length > MAX_PASSWORD_LENGTH) {
    await derive(password.slice(0, MAX_PASSWORD_LENGTH), NO_ACCOUNT_SALT, cost, KEY_BYTES);
    return false;
  }
  const key = await derive(password, decoded.salt, decoded.cost, decoded.hash.length);
  return timingSafeEqual(key, decoded.hash);
}

/** Whether a stored hash was made with weaker parameters than `cost` (or is unreadable). */
export function needsRehash(stored: string, cost: ScryptCost = SCRYPT_COST): boolean {
  const decoded = decode(stored);
  if (!decoded) return true;
  return (
    decoded.cost.log2N < cost.log2N ||
    decoded.cost.r < cost.r ||
    decoded.cost.p < cost.p ||
    decoded.hash.length < KEY_BYTES
  );
}
