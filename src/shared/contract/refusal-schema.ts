/** A refusal's code and values as read from a reply or a file (see refusal.ts). */
import { z } from 'zod/mini';

/**
 * As read from a reply: any short code (a newer collector may know more) and a few short
 * values, so that a reply cannot fill the device's storage through them.
 */
export const RefusalCodeSchema = z.string().check(z.maxLength(64));
export const RefusalParamsSchema = z
  .record(
    z.string().check(z.maxLength(32)),
    z.union([z.string().check(z.maxLength(120)), z.number()]),
  )
  .check(z.refine((params) => Object.keys(params).length <= 8, { message: 'has too many values' }));
