/** The schema of a staff PIN's stored hash, as devices receive it in their configuration. */
import { z } from 'zod';
import {
  STAFF_PIN_ALGORITHM,
  STAFF_PIN_HASH_BYTES,
  STAFF_PIN_MAX_ITERATIONS,
  STAFF_PIN_MIN_ITERATIONS,
  STAFF_PIN_SALT_BYTES,
} from './staff-pin';

const hex = (bytes: number) =>
  z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `is not ${bytes} bytes of hex`);

export const StaffPinHashSchema = z.object({
  algorithm: z.literal(STAFF_PIN_ALGORITHM),
  iterations: z.int().min(STAFF_PIN_MIN_ITERATIONS).max(STAFF_PIN_MAX_ITERATIONS),
  salt: hex(STAFF_PIN_SALT_BYTES),
  hash: hex(STAFF_PIN_HASH_BYTES),
});
