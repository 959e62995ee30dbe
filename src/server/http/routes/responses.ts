/**
 * POST /responses (API.responses, device token): a sync batch. With the device's bucket
 * empty, 429 with Retry-After before the body is read. The body's text must be within the
 * counts and sizes a batch and its records can have, looked at before it is parsed (else
 * 413 for too many responses, 400 naming the limit and the path for a record); the
 * envelope must be the contract (else 400); the batch must be within the device's rate
 * (else 429); each record then gets its own outcome. New records beyond the device's
 * daily quota are left out of the reply (the device keeps them queued); when that leaves
 * the reply empty, 429 until the next day. The kiosk's health report, when it sent one, is
 * kept on its device row (the public route for phones keeps none).
 */
import { Hono } from 'hono';
import { API, type ReplyBody } from '../../../shared/contract/api';
import { ingestBatch } from '../../ingest/ingest';
import type { ResolvedDeps } from '../deps';
import { type DeviceVariables, requireDevice } from '../device-auth';
import { rateLimited, readSyncBatch } from '../sync-batch';

export function responsesRoutes({
  storage,
  now,
  timeZone,
  deviceLimits,
  deviceRateLimit,
}: ResolvedDeps) {
  const { method, path } = API.responses;
  const overRate = `this device sent more than its ${deviceLimits.burst} responses at once, then ${deviceLimits.perMinute} a minute`;
  return new Hono<{ Variables: DeviceVariables }>().on(
    method,
    path,
    requireDevice(storage),
    async (c) => {
      const device = c.get('device');
      const emptyWait = deviceRateLimit.waitMs(device.id, 1, now().getTime());
      if (emptyWait > 0) throw rateLimited(overRate, emptyWait);
      const { responses, clockOffsetMs, health } = await readSyncBatch(c.req.raw);
      const wait = deviceRateLimit.take(device.id, responses.length, now().getTime());
      if (wait > 0) throw rateLimited(overRate, wait);
      const { reply, deferred, quotaResetsAt } = await ingestBatch(
        storage,
        {
          device: { id: device.id, branchId: device.branchId },
          responses,
          clockOffsetMs,
          health,
          timeZone,
          dailyQuota: deviceLimits.dailyQuota,
        },
        now,
      );
      if (deferred > 0) {
        const overQuota = rateLimited(
          `this device has stored its ${deviceLimits.dailyQuota} responses for today (${timeZone}); ${deferred} wait on it until tomorrow`,
          quotaResetsAt.getTime() - now().getTime(),
        );
        if (reply.results.length === 0) throw overQuota;
        for (const [name, value] of Object.entries(overQuota.headers)) c.header(name, value);
      }
      return c.json(reply satisfies ReplyBody<typeof API.responses>);
    },
  );
}
