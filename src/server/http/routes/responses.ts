/**
 * POST /responses (device token): a sync batch. The envelope must be the contract (else
 * 400) and within the limits (else 413); each record then gets its own outcome.
 */
import { Hono } from 'hono';
import {
  MAX_BATCH_BYTES,
  MAX_BATCH_RESPONSES,
  SyncBatchEnvelopeSchema,
} from '../../../shared/contract/sync';
import { ingestBatch } from '../../ingest/ingest';
import type { ResolvedDeps } from '../deps';
import { type DeviceVariables, requireDevice } from '../device-auth';
import { badRequest, payloadTooLarge } from '../errors';
import { readJsonBody } from '../json-body';

export function responsesRoutes({ storage, now }: ResolvedDeps) {
  return new Hono<{ Variables: DeviceVariables }>().post(
    '/responses',
    requireDevice(storage),
    async (c) => {
      const envelope = SyncBatchEnvelopeSchema.safeParse(
        await readJsonBody(c.req.raw, MAX_BATCH_BYTES),
      );
      if (!envelope.success) {
        const issue = envelope.error.issues[0];
        const path = issue?.path.map(String).join('.') || undefined;
        throw badRequest(
          `${path ?? 'the body'}: ${issue?.message ?? 'is not a sync batch'} (expected { responses: [...], clockOffsetMs? })`,
          path,
        );
      }
      const { responses, clockOffsetMs } = envelope.data;
      if (responses.length > MAX_BATCH_RESPONSES) {
        throw payloadTooLarge(
          `a batch holds at most ${MAX_BATCH_RESPONSES} responses (got ${responses.length}); send smaller batches`,
        );
      }
      const device = c.get('device');
      const reply = await ingestBatch(
        storage,
        { device: { id: device.id, branchId: device.branchId }, responses, clockOffsetMs },
        now,
      );
      return c.json(reply);
    },
  );
}
