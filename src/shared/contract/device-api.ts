/**
 * The endpoints a device calls (a kiosk, or a phone on a public link), with their bodies'
 * schemas: the part of api.ts's API that the app's sync needs. api.ts takes these entries
 * as they are, so there is still one declaration; the app imports this module instead of
 * api.ts so that loading sync does not build the dashboard's schemas (results, comments,
 * branches, imports), which cost the kiosk a long task after its first screen.
 */
import { z } from 'zod/mini';
import { ApiErrorSchema } from './api-error';
import { DeviceConfigSchema, EnrollReplySchema, EnrollRequestSchema } from './device';
import { ENDPOINTS } from './endpoints';
import { PublicLinkSchema } from './public-link';
import { SurveyPackageSchema } from './survey-package';
import { SyncBatchEnvelopeSchema, SyncBatchReplySchema, SyncBatchRequestSchema } from './sync';

/** GET /health: 200 with status ok, or 503 with status unavailable and a message. */
export const HealthReplySchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['sqlite', 'postgres']),
  serverTime: z.iso.datetime({ offset: true }),
  /** What is wrong, when status is unavailable. */
  message: z.optional(z.string()),
});
export type HealthReply = z.infer<typeof HealthReplySchema>;

/** Every endpoint answers a failure as ApiError JSON with the status of its code. */
export function withError<E extends object>(endpoint: E) {
  return { ...endpoint, error: ApiErrorSchema };
}

export const DEVICE_API = {
  health: withError({ ...ENDPOINTS.health, reply: HealthReplySchema }),
  enroll: withError({
    ...ENDPOINTS.enroll,
    request: EnrollRequestSchema,
    reply: EnrollReplySchema,
  }),
  deviceConfig: withError({ ...ENDPOINTS.deviceConfig, reply: DeviceConfigSchema }),
  /** 304 without a body when If-None-Match names the package's ETag. */
  survey: withError({ ...ENDPOINTS.survey, reply: SurveyPackageSchema }),
  surveyVersion: withError({ ...ENDPOINTS.surveyVersion, reply: SurveyPackageSchema }),
  responses: withError({
    ...ENDPOINTS.responses,
    request: SyncBatchRequestSchema,
    /**
     * What the collector reads the request as first: the same envelope with each record
     * left unknown, so that one bad record is rejected on its own, not the whole batch.
     */
    envelope: SyncBatchEnvelopeSchema,
    reply: SyncBatchReplySchema,
  }),
  publicLink: withError({ ...ENDPOINTS.publicLink, reply: PublicLinkSchema }),
  publicResponses: withError({
    ...ENDPOINTS.publicResponses,
    request: SyncBatchRequestSchema,
    envelope: SyncBatchEnvelopeSchema,
    reply: SyncBatchReplySchema,
  }),
} as const;
