/**
 * Drains the outbox: posts the oldest queued responses in batches until none is left or a
 * batch fails. A row leaves the queue only after a validated reply: acknowledged rows are
 * marked synced, refused rows go to quarantine with the collector's reason, and rows the
 * reply left out stay queued. 413 halves the batch; a refusal of the whole request is
 * narrowed down by halving until the one record at fault is quarantined on its own. A
 * timeout halves the batch for the next attempt (a slow link); answered batches let it
 * grow back.
 */
import { API } from '../../shared/contract/api';
import { MAX_BATCH_BYTES } from '../../shared/contract/sync';
import { markSynced, outboxBatch, quarantineResponses, updateSyncState } from '../store';
import { buildBatchBody, SYNC_BATCH_RECORDS } from './batch';
import { classifyBatchReply } from './classify-reply';
import { estimateClockOffsetMs } from './clock-offset';
import { type CollectorDeps, requestCollector } from './http';
import type { DrainEnd } from './run-state';
import { type QuarantineEntry, sortResults } from './sort-results';

export interface DrainCounts {
  sent: number;
  acknowledged: number;
  quarantined: number;
}

export type DrainReport = DrainEnd & DrainCounts;

const KIB = 1024;

function tooLargeReason(bytes: number): string {
  return `too large to send: ${Math.ceil(bytes / KIB)} KiB, the collector takes at most ${MAX_BATCH_BYTES / KIB} KiB`;
}

export async function drainOutbox(
  deps: CollectorDeps,
  input: {
    token: string;
    clockOffsetMs: number | undefined;
    /** The batch size the last timeout left (SyncState.batchRecords). */
    batchRecords?: number | undefined;
    isStopped: () => boolean;
  },
): Promise<DrainReport> {
  const counts: DrainCounts = { sent: 0, acknowledged: 0, quarantined: 0 };
  let clockOffsetMs = input.clockOffsetMs;
  let progressed = false;
  // The most records per batch the collector has taken in this run (413 lowers it) …
  let sizeLimit = SYNC_BATCH_RECORDS;
  // … and the batch size now, lower still while a refused batch is narrowed down.
  let limit = sizeLimit;
  // What the link carries within the request timeout, learnt from timeouts.
  let linkLimit = Math.max(
    1,
    Math.min(SYNC_BATCH_RECORDS, input.batchRecords ?? SYNC_BATCH_RECORDS),
  );
  const linkState = () => (linkLimit < SYNC_BATCH_RECORDS ? { batchRecords: linkLimit } : {});

  const quarantine = async (entries: QuarantineEntry[]) => {
    await quarantineResponses(entries, deps.now());
    counts.quarantined += entries.length;
    progressed = true;
  };

  while (!input.isStopped()) {
    const body = buildBatchBody(await outboxBatch(Math.min(limit, linkLimit)), clockOffsetMs);
    if (!body) break;
    if (body.kind === 'too-large') {
      const reason = tooLargeReason(body.bytes);
      await quarantine([{ id: body.record.id, outcome: 'rejected', reason }]);
      continue;
    }

    counts.sent += body.records.length;
    const http = await requestCollector(deps, API.responses, {
      token: input.token,
      json: body.json,
    });
    const verdict = classifyBatchReply(http, deps.now());
    const single = body.records.length === 1 ? body.records[0] : undefined;

    switch (verdict.kind) {
      case 'ok': {
        const sorted = sortResults(body.records, verdict.reply.results);
        if (sorted.acknowledged.length > 0) await markSynced(sorted.acknowledged, deps.now());
        if (sorted.quarantine.length > 0) await quarantine(sorted.quarantine);
        counts.acknowledged += sorted.acknowledged.length;
        if (http.kind === 'reply') {
          const offset = estimateClockOffsetMs(
            verdict.reply.serverTime,
            http.sentAt,
            http.receivedAt,
          );
          clockOffsetMs = offset ?? clockOffsetMs;
        }
        const answered = sorted.missing.length < body.records.length;
        await updateSyncState({
          clockOffsetMs,
          ...(answered ? { lastSuccessAt: deps.now() } : {}),
        });
        if (!answered) {
          // Sending the same records again at once would loop: wait like any failure.
          const detail = 'the reply left out every response sent';
          return { ...counts, outcome: 'failed', error: 'unexpected-reply', detail, progressed };
        }
        progressed = true;
        linkLimit = Math.min(SYNC_BATCH_RECORDS, linkLimit * 2);
        continue;
      }
      case 'split':
        if (single) {
          const reason = 'the collector refused it as too large (413)';
          await quarantine([{ id: single.id, outcome: 'rejected', reason }]);
        } else {
          sizeLimit = Math.max(1, Math.floor(body.records.length / 2));
          limit = sizeLimit;
        }
        continue;
      case 'refused':
        if (single) {
          const reason = `${verdict.code}: ${verdict.message}`;
          const path = verdict.path ? { path: verdict.path } : {};
          await quarantine([{ id: single.id, outcome: 'rejected', reason, ...path }]);
          limit = sizeLimit;
        } else {
          limit = Math.max(1, Math.floor(body.records.length / 2));
        }
        continue;
      case 'unauthorized':
        return { ...counts, outcome: 'unauthorized' };
      case 'retry':
        if (verdict.error === 'timeout') {
          linkLimit = Math.max(1, Math.floor(body.records.length / 2));
        }
        return {
          ...counts,
          ...linkState(),
          outcome: 'failed',
          error: verdict.error,
          detail: verdict.detail,
          progressed,
          ...(verdict.retryAfterMs === undefined ? {} : { retryAfterMs: verdict.retryAfterMs }),
        };
    }
  }
  return { ...counts, ...linkState(), outcome: 'done' };
}
