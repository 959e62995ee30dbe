/**
 * Every error the collector answers is JSON of this shape, with the right status. `code`
 * is stable and machine-readable (the app translates it); `message` is for logs and people
 * reading the API.
 */
import { z } from 'zod/mini';

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
  'device-refused',
  'link-closed',
  'rate-limited',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * Why an enrollment code cannot enroll this device: the collector's verdict, the app's
 * message. device-refused: the device id is a device of another branch, or a revoked one;
 * a code enrolls a new device, or re-enrolls only a device of its own branch in service.
 */
export const ENROLLMENT_CODE_PROBLEMS = [
  'code-invalid',
  'code-expired',
  'code-used',
  'device-refused',
] as const satisfies readonly ApiErrorCode[];
export type EnrollmentCodeProblem = (typeof ENROLLMENT_CODE_PROBLEMS)[number];

/**
 * link-closed: the public link was revoked or its end date has passed; the phone says the
 * survey is closed and keeps nothing, instead of waiting to send again as for "not now".
 */

/**
 * The status each code is answered with. A client that cannot read the body (a proxy ate
 * it) may go by the status alone, but only where one code has it: 400 is two codes.
 */
export const API_ERROR_STATUS = {
  'bad-request': 400,
  'code-invalid': 400,
  unauthorized: 401,
  forbidden: 403,
  'device-refused': 403,
  // Not 410: a kiosk whose enrollment reply lost its body reads 410 alone as code-expired.
  // A phone reads the code, and 403 is as final as 410 ("not this", never sent again).
  'link-closed': 403,
  'not-found': 404,
  'code-used': 409,
  'code-expired': 410,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  internal: 500,
} as const satisfies Record<ApiErrorCode, number>;

/** The code a status stands for on its own, or undefined when none or several have it. */
export function apiErrorCodeOfStatus(status: number): ApiErrorCode | undefined {
  const codes = API_ERROR_CODES.filter((code) => API_ERROR_STATUS[code] === status);
  return codes.length === 1 ? codes[0] : undefined;
}

export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.enum(API_ERROR_CODES),
    message: z.string(),
    /** The field at fault, where there is one. */
    path: z.optional(z.string()),
  }),
});

export type ApiError = z.infer<typeof ApiErrorSchema>;
