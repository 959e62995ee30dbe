/** A refusal's code and values as read from a reply or a file (see refusal.ts). */
import { z } from 'zod';

/**
 * As read from a reply: any short code (a newer collector may know more) and a few short
 * values, so that a reply cannot fill the device's storage through them.
 */
export const RefusalCodeSchema = z.string().max(64);
export const RefusalParamsSchema = z
  .record(z.string().max(32), z.union([z.string().max(120), z.number()]))
  .refine((params) => Object.keys(params).length <= 8, { message: 'has too many values' });
