/**
 * Drains the outbox: posts the oldest queued responses in batches until none is left or a
 * batch fails. A device with no estimate of its clock offset reads the collector's clock
 * first, so that every batch tells the collector how far off the device's clock is. A row leaves the queue only after a validated reply: acknowledged rows are
 * marked synced, refused rows go to quarantine with the collector's reason, and rows the
 * reply left out stay queued. How many records a batch carries is batch-size.ts's rule.
 * The sync state is not written here: each answered batch is yielded as a fact, and the
 * run's end returned, for the engine to keep.
 * Pipelined: while a batch is in flight, the next one is read (after the last record sent)
 * and the rows of the batch answered before it are marked. An answered batch is yielded
 * before its rows are marked, and every mark is awaited before the next reply is handled
 * and before the run ends: a run cut in between sends those rows again, as duplicates.
 */
import type { DeviceHealth } from '../../shared/contract/device-health';
import type { SurveyResponse } from '../../shared/contract/response';
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
  const link = input.target.link;
  /**
   * The pipeline. While a batch is in flight, the next one is read (`ahead`, the records
   * after the one sent last) and the rows of the batch answered before it are written
   * (`marking`). `cursor` is the deviceSeq the next read starts after: the last one sent
   * when every record of that batch left the queue (or is leaving it with `marking`),
   * undefined once some stayed queued, to be sent again from the oldest as before.
   */
  let cursor: number | undefined;
  let ahead: { limit: number; afterSeq: number; records: Promise<SurveyResponse[]> } | undefined;
  let marking: Promise<void> | undefined;

  /** Waits for the last answered batch's rows to be written; a storage failure ends the run. */
  const settle = async () => {
    const writes = marking;
    marking = undefined;
    await writes;
  };

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

  try {
    while (!input.isStopped()) {
      const limit = recordsPerBatch(size);
      const readAhead = ahead;
      ahead = undefined;
      let records: SurveyResponse[] = [];
      if (readAhead && cursor === readAhead.afterSeq && readAhead.limit === limit) {
        records = await readAhead.records;
      }
      // A short read ahead may have missed responses queued while the batch travelled.
      if (records.length < limit) {
        // From the oldest again (no cursor): the last batch's rows must be written first.
        if (cursor === undefined) await settle();
        records = await outboxBatch(limit, link, cursor);
      }
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
      const lastSeq = (body.records[sent - 1] as SurveyResponse).deviceSeq;
      // The next batch is read while this one travels; used only if this one leaves whole.
      const next = outboxBatch(limit, link, lastSeq);
      next.catch(() => undefined); // a failed read ends the run when it is used, not before
      ahead = { limit, afterSeq: lastSeq, records: next };
      const http = await requestCollector(deps, input.target.endpoint, {
        token: input.token,
        json: body.json,
      });
      // The batch before this one is written by now, whatever this reply says.
      await settle();
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
        cursor = lastSeq;
        continue;
      }
      const verdict = classifyBatchReply(http, deps.now());
      const single = sent === 1 ? body.records[0] : undefined;
      // Unless the reply took every record, what stayed queued goes again, from the oldest.
      cursor = undefined;

      switch (verdict.kind) {
        case 'ok': {
          const sorted = sortResults(body.records, verdict.reply.results);
          counts.acknowledged += sorted.acknowledged.length;
          if (http.kind === 'reply') {
            const { serverTime } = verdict.reply;
            clockOffsetMs =
              estimateClockOffsetMs(serverTime, http.sentAt, http.receivedAt) ?? clockOffsetMs;
          }
          const answered = sorted.missing.length < sent;
          // The sync state is kept before any row is marked: a run cut short in between
          // sends those rows again, and the collector takes them as the duplicates they are.
          yield { kind: 'batch-answered', clockOffsetMs, answered };
          if (!answered) {
            // Sending the same records again at once would loop: wait like any failure.
            const detail = 'the reply left out every response sent';
            return failed({ error: 'unexpected-reply', detail, progressed });
          }
          // Written while the next batch travels; only acknowledged or refused rows.
          const at = deps.now();
          marking = (async () => {
            if (sorted.acknowledged.length > 0) await markSynced(sorted.acknowledged, at);
            if (sorted.quarantine.length > 0) await quarantineResponses(sorted.quarantine, at);
          })();
          marking.catch(() => undefined); // awaited by settle(), which throws it
          counts.quarantined += sorted.quarantine.length;
          progressed = true;
          if (sorted.missing.length === 0) cursor = lastSeq;
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
    await settle();
    return { ...counts, outcome: 'done', batchRecords: persistedBatchRecords(size) };
  } finally {
    // However the run ends, no write of it is left behind, and no read outlives it.
    await marking?.catch(() => undefined);
    await ahead?.records.catch(() => undefined);
  }
}
