/**
 * POST /responses (API.responses, device token): a sync batch. The envelope must be the
 * contract (else 400) and within the limits (else 413); each record must be within the
 * counts and sizes a response can have, looked at before any schema runs (else 400, naming
 * the limit and the path); each record then gets its own outcome.
 */
import { Hono } from 'hono';
import { API, type ReplyBody } from '../../../shared/contract/api';
import { MAX_BATCH_BYTES, MAX_BATCH_RESPONSES } from '../../../shared/contract/sync';
import { ingestBatch } from '../../ingest/ingest';
import { batchLimitProblem } from '../../ingest/record-limits';
import type { ResolvedDeps } from '../deps';
import { type DeviceVariables, requireDevice } from '../device-auth';
import { badRequest, invalidBody, payloadTooLarge } from '../errors';
import { readJsonBody } from '../json-body';

export function responsesRoutes({ storage, now, timeZone }: ResolvedDeps) {
  const { method, path, envelope: envelopeSchema } = API.responses;
  return new Hono<{ Variables: DeviceVariables }>().on(
    method,
    path,
    requireDevice(storage),
    async (c) => {
      const envelope = envelopeSchema.safeParse(await readJsonBody(c.req.raw, MAX_BATCH_BYTES));
      if (!envelope.success) {
        throw invalidBody(envelope.error, '{ responses: [...], clockOffsetMs? }');
      }
      const { responses, clockOffsetMs } = envelope.data;
      if (responses.length > MAX_BATCH_RESPONSES) {
        throw payloadTooLarge(
          `a batch holds at most ${MAX_BATCH_RESPONSES} responses (got ${responses.length}); send smaller batches`,
        );
      }
      const overLimit = batchLimitProblem(responses);
      if (overLimit) {
        throw badRequest(
          `${overLimit.path}: ${overLimit.message}; nothing of this batch was stored`,
          overLimit.path,
        );
      }
      const device = c.get('device');
      const reply = await ingestBatch(
        storage,
        {
          device: { id: device.id, branchId: device.branchId },
          responses,
          clockOffsetMs,
          timeZone,
        },
        now,
      );
      return c.json(reply satisfies ReplyBody<typeof API.responses>);
    },
  );
}
