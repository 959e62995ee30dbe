/**
 * Every error the collector answers is JSON of this shape, with the right status. `code`
 * is stable and machine-readable (the app translates it); `message` is for logs and people
 * reading the API.
 */
import { z } from 'zod';

export const API_ERROR_CODES = [
  'bad-request',
  'unauthorized',
  'forbidden',
  'not-found',
  'payload-too-large',
  'unsupported-media-type',
  'code-invalid',
  'code-expired',
  'code-used',
  'rate-limited',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.enum(API_ERROR_CODES),
    message: z.string(),
    /** The field at fault, where there is one. */
    path: z.string().optional(),
  }),
});

export type ApiError = z.infer<typeof ApiErrorSchema>;
