/**
 * The schemas of a staff PIN: its stored hash, as devices receive it in their configuration,
 * and the dashboard's request that sets or clears a branch's PIN.
 */
import { z } from 'zod/mini';
import {
  STAFF_PIN_ALGORITHM,
  STAFF_PIN_HASH_BYTES,
  STAFF_PIN_MAX_ITERATIONS,
  STAFF_PIN_MIN_ITERATIONS,
  STAFF_PIN_PATTERN,
  STAFF_PIN_SALT_BYTES,
} from './staff-pin';

const hex = (bytes: number) =>
  z.string().check(z.regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `is not ${bytes} bytes of hex`));

export const StaffPinHashSchema = z.object({
  algorithm: z.literal(STAFF_PIN_ALGORITHM),
  iterations: z.int().check(z.gte(STAFF_PIN_MIN_ITERATIONS), z.lte(STAFF_PIN_MAX_ITERATIONS)),
  salt: hex(STAFF_PIN_SALT_BYTES),
  hash: hex(STAFF_PIN_HASH_BYTES),
});

/** POST /admin/branches/:id/staff-pin: a new PIN, or null to clear it. */
export const SetStaffPinRequestSchema = z.strictObject({
  pin: z.nullable(z.string().check(z.regex(STAFF_PIN_PATTERN, 'is not 4 to 8 digits'))),
});
