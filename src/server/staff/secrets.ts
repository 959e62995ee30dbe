/**
 * Staff session ids and first-admin tokens: 32 random bytes (base64url), stored only as
 * sha256 hashes. With 256 bits of entropy an unsalted hash cannot be reversed by guessing,
 * and a leaked database holds nothing a browser could present.
 */
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../hashing';

const SECRET_BYTES = 32;
/** base64url of 32 bytes, without padding. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function generateSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

/** Whether a string can be a session id or token at all, so garbage never reaches the database. */
export function isWellFormedSecret(secret: string): boolean {
  return SECRET_PATTERN.test(secret);
}

export const generateSessionId = generateSecret;

/** The stored form of a session id (the staff_sessions key). */
export function hashSessionId(sessionId: string): string {
  return sha256Hex(`staff-session:${sessionId}`);
}

export const generateFirstAdminToken = generateSecret;

export function hashFirstAdminToken(token: string): string {
  return sha256Hex(`first-admin-token:${token}`);
}
