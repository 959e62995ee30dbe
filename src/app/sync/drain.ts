/**
 * Drains the outbox: posts the oldest queued responses in batches until none is left or a
 * batch fails. A device with no estimate of its clock offset reads the collector's clock
 * first, so that every batch tells the collector how far off the device's clock is. A row leaves the queue only after a validated reply: acknowledged rows are
 * marked synced, refused rows go to quarantine with the collector's reason, and rows the
 * reply left out stay queued. How many records a batch carries is batch-size.ts's rule.
 * The sync state is not written here: each answered batch is yielded as a fact, and the
 * run's end returned, for the engine to keep.
 */
import type { DeviceHealth } from '../../shared/contract/device-health';
import { MAX_BATCH_BYTES } from '../../shared/contract/sync';
import { markSynced, outboxBatch, quarantineResponses } from '../store';
import { buildBatchBody } from './batch';
import {
  type BatchSize,
  nextBatchSize,
  persistedBatchRecords,
  recordsPerBatch,
  startingBatchSize,
} from './batch-size';
import { classifyBatchReply } from './classify-reply';
import { estimateClockOffsetMs } from './clock-offset';
import { readCollectorClock } from './collector-clock';
import { type CollectorDeps, requestCollector } from './http';
import { collectorError } from './reply-body';
import type { DrainEnd, SyncFact } from './run-state';
import { type QuarantineEntry, sortResults } from './sort-results';
import { LINK_CLOSED_REASON, type SyncTarget } from './target';

export interface DrainCounts {
  sent: number;
  acknowledged: number;
  quarantined: number;
}

export type DrainReport = DrainEnd & DrainCounts;

export interface DrainInput {
  /** Where the batches go, whose responses, and which statuses close it for good. */
  target: Pick<SyncTarget, 'endpoint' | 'link' | 'closedStatuses' | 'closedCodes'>;
  token: string;
  clockOffsetMs: number | undefined;
  /** The batch size the last timeouts left (SyncState.batchRecords). */
  batchRecords?: number | undefined;
  /**
   * The kiosk's health as the run began (health.ts), sent with every batch with its counts
   * kept current; undefined for a phone, and where it could not be read.
   */
  health?: DeviceHealth | undefined;
  isStopped: () => boolean;
}

const KIB = 1024;

/** A record no batch can carry, kept with its size and the limit. */
function tooLarge(id: string, bytes: number): QuarantineEntry {
  const kib = Math.ceil(bytes / KIB);
  const maxKib = MAX_BATCH_BYTES / KIB;
  return {
    id,
    outcome: 'rejected',
    reason: `too large to send: ${kib} KiB, the collector takes at most ${maxKib} KiB`,
    code: 'too-large',
    params: { kib, maxKib },
  };
}

/** Yields what each answered batch teaches the sync state; returns how the run ended. */
export async function* drainOutbox(
  deps: CollectorDeps,
  input: DrainInput,
): AsyncGenerator<SyncFact, DrainReport, void> {
  const counts: DrainCounts = { sent: 0, acknowledged: 0, quarantined: 0 };
  let clockOffsetMs = input.clockOffsetMs;
  // A device without an estimate asks the collector's time once, before its first batch.
  let clockAsked = clockOffsetMs !== undefined;
  let progressed = false;
  // Records too large to send: they left the queue for quarantine without a batch.
  let unsendable = 0;
  /** The health report as of this batch: what earlier batches took is no longer waiting. */
  const healthNow = (): DeviceHealth | undefined =>
    input.health && {
      ...input.health,
      responses: {
        waiting: Math.max(0, input.health.responses.waiting - counts.sent - unsendable),
        quarantined: input.health.responses.quarantined + counts.quarantined,
      },
    };
  let size: BatchSize = startingBatchSize(input.batchRecords);
  const failed = (end: Omit<Extract<DrainEnd, { outcome: 'failed' }>, 'outcome'>) => ({
    ...counts,
    outcome: 'failed' as const,
    ...end,
    batchRecords: persistedBatchRecords(size),
  });

  const quarantine = async (entries: QuarantineEntry[]) => {
    await quarantineResponses(entries, deps.now());
    counts.quarantined += entries.length;
    progressed = true;
  };

  while (!input.isStopped()) {
    const records = await outboxBatch(recordsPerBatch(size), input.target.link);
    if (records.length > 0 && !clockAsked) {
      clockAsked = true;
      const offset = await readCollectorClock(deps);
      if (offset !== undefined) {
        clockOffsetMs = offset;
        yield { kind: 'clock-read', clockOffsetMs };
      }
    }
    const body = buildBatchBody(records, clockOffsetMs, undefined, healthNow());
    if (!body) break;
    if (body.kind === 'too-large') {
      unsendable += 1;
      await quarantine([tooLarge(body.record.id, body.bytes)]);
      continue;
    }

    const sent = body.records.length;
    counts.sent += sent;
    const http = await requestCollector(deps, input.target.endpoint, {
      token: input.token,
      json: body.json,
    });
    const closedBy = http.kind === 'reply' ? collectorError(http)?.code : undefined;
    if (
      http.kind === 'reply' &&
      (input.target.closedStatuses.includes(http.status) ||
        (closedBy !== undefined && input.target.closedCodes.includes(closedBy)))
    ) {
      // The link closed: nothing sent with it will be taken, now or later. Kept where the
      // staff view shows refused responses, instead of being retried for ever.
      const message = collectorError(http)?.message ?? `HTTP ${http.status}`;
      const reason = `${LINK_CLOSED_REASON}: ${message}`;
      await quarantine(
        body.records.map(({ id }) => ({
          id,
          outcome: 'rejected' as const,
          reason,
          code: LINK_CLOSED_REASON,
        })),
      );
      continue;
    }
    const verdict = classifyBatchReply(http, deps.now());
    const single = sent === 1 ? body.records[0] : undefined;

    switch (verdict.kind) {
      case 'ok': {
        const sorted = sortResults(body.records, verdict.reply.results);
        if (sorted.acknowledged.length > 0) await markSynced(sorted.acknowledged, deps.now());
        if (sorted.quarantine.length > 0) await quarantine(sorted.quarantine);
        counts.acknowledged += sorted.acknowledged.length;
        if (http.kind === 'reply') {
          const { serverTime } = verdict.reply;
          clockOffsetMs =
            estimateClockOffsetMs(serverTime, http.sentAt, http.receivedAt) ?? clockOffsetMs;
        }
        const answered = sorted.missing.length < sent;
        yield { kind: 'batch-answered', clockOffsetMs, answered };
        if (!answered) {
          // Sending the same records again at once would loop: wait like any failure.
          const detail = 'the reply left out every response sent';
          return failed({ error: 'unexpected-reply', detail, progressed });
        }
        progressed = true;
        size = nextBatchSize(size, { kind: 'answered' });
        continue;
      }
      case 'split':
        if (single) {
          const reason = 'the collector refused it as too large (413)';
          const code = 'too-large';
          const params = { maxKib: MAX_BATCH_BYTES / KIB };
          await quarantine([{ id: single.id, outcome: 'rejected', reason, code, params }]);
        }
        size = nextBatchSize(size, { kind: 'too-large', sent });
        continue;
      case 'refused':
        if (single) {
          const reason = `${verdict.code}: ${verdict.message}`;
          const path = verdict.path ? { path: verdict.path } : {};
          const refusal = { code: 'request-refused', params: { error: verdict.code } };
          await quarantine([{ id: single.id, outcome: 'rejected', reason, ...refusal, ...path }]);
        }
        size = nextBatchSize(size, { kind: 'refused', sent });
        continue;
      case 'unauthorized':
        return { ...counts, outcome: 'unauthorized' };
      case 'retry':
        if (verdict.error === 'timeout') size = nextBatchSize(size, { kind: 'timed-out', sent });
        return failed({
          error: verdict.error,
          progressed,
          ...(verdict.detail === undefined ? {} : { detail: verdict.detail }),
          ...(verdict.retryAfterMs === undefined ? {} : { retryAfterMs: verdict.retryAfterMs }),
        });
    }
  }
  return { ...counts, outcome: 'done', batchRecords: persistedBatchRecords(size) };
}
