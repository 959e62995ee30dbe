/**
 * Enrollment codes and device tokens: made from crypto.randomBytes, stored only as sha256
 * hashes. Both carry enough entropy that an unsalted hash cannot be reversed by guessing.
 */
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../hashing';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed is unambiguous. */
const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_CHARACTERS = 12;
/** 32 bytes: a token as strong as the hash that stores it. */
const TOKEN_BYTES = 32;
/** base64url of 32 bytes, without padding. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh code shown as XXXX-XXXX-XXXX (60 random bits). */
export function generateEnrollmentCode(): string {
  // 256 is a multiple of 32, so taking the low five bits of each byte is unbiased.
  const characters = [...randomBytes(CODE_CHARACTERS)].map((byte) => CROCKFORD_ALPHABET[byte & 31]);
  return [0, 4, 8].map((start) => characters.slice(start, start + 4).join('')).join('-');
}

/** The stored form of a code; the code must be normalised (XXXX-XXXX-XXXX) first. */
export function hashEnrollmentCode(code: string): string {
  return sha256Hex(`enrollment-code:${code}`);
}

export function generateDeviceToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Whether a string can be a token at all, so garbage never reaches the database. */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export function hashDeviceToken(token: string): string {
  return sha256Hex(`device-token:${token}`);
}
