/**
 * Builds the body of one batch: as many of the oldest queued records as fit under the
 * collector's limits, serialised once. Pure, so the byte arithmetic is tested on its own.
 */
import type { DeviceHealth } from '../../shared/contract/device-health';
import type { SurveyResponse } from '../../shared/contract/response';
import { MAX_BATCH_BYTES, MAX_BATCH_RESPONSES } from '../../shared/contract/sync';

/**
 * Records per batch at the start of a run: as many as the collector takes in one batch, so
 * a bookmobile's week drains in few round trips (each costs the collector a transaction and
 * the device a read and a write of the outbox). SYNC_BATCH_BYTES still cuts a batch of
 * long responses short, and a slow link's timeouts halve it (batch-size.ts).
 */
export const SYNC_BATCH_RECORDS = MAX_BATCH_RESPONSES;
/**
 * Bytes of body we allow ourselves: the collector's limit less a margin, in case a proxy
 * on the way counts differently (re-encoding, a limit of its own set just at 1 MiB).
 */
export const SYNC_BATCH_BYTES = MAX_BATCH_BYTES - 64 * 1024;

const encoder = new TextEncoder();

function byteLength(text: string): number {
  return encoder.encode(text).length;
}

export type BatchBody =
  | { kind: 'body'; json: string; records: SurveyResponse[]; bytes: number }
  /** The first record alone is over the collector's limit: it can never be sent. */
  | { kind: 'too-large'; record: SurveyResponse; bytes: number };

/**
 * The envelope around the records. The health report's `waiting` counts what was queued
 * before this batch; the batch's own records are taken off it, so what the collector keeps
 * says what will still wait once it has them.
 */
function envelope(
  parts: readonly string[],
  clockOffsetMs: number | undefined,
  health: DeviceHealth | undefined,
): string {
  const offset = clockOffsetMs === undefined ? '' : `,"clockOffsetMs":${clockOffsetMs}`;
  const waiting = Math.max(0, (health?.responses.waiting ?? 0) - parts.length);
  const report =
    health === undefined
      ? ''
      : `,"health":${JSON.stringify({ ...health, responses: { ...health.responses, waiting } })}`;
  return `{"responses":[${parts.join(',')}]${offset}${report}}`;
}

/**
 * The longest prefix of `records` (oldest first, so order is kept) that fits both limits,
 * with the kiosk's health report when it has one (a phone has none).
 * A first record bigger than SYNC_BATCH_BYTES but within MAX_BATCH_BYTES is still sent on
 * its own: only the collector's own limit is final.
 */
export function buildBatchBody(
  records: readonly SurveyResponse[],
  clockOffsetMs: number | undefined,
  maxBytes = SYNC_BATCH_BYTES,
  health?: DeviceHealth,
): BatchBody | undefined {
  const first = records[0];
  if (!first) return undefined;
  // With nothing taken off `waiting` yet: the envelope is measured at its longest.
  const overhead = byteLength(envelope([], clockOffsetMs, health));
  const parts: string[] = [];
  let bytes = overhead;
  for (const record of records.slice(0, MAX_BATCH_RESPONSES)) {
    const json = JSON.stringify(record);
    const size = byteLength(json) + (parts.length > 0 ? 1 : 0);
    if (parts.length > 0 && bytes + size > maxBytes) break;
    parts.push(json);
    bytes += size;
  }
  if (parts.length === 1 && bytes > MAX_BATCH_BYTES) {
    return { kind: 'too-large', record: first, bytes };
  }
  return {
    kind: 'body',
    json: envelope(parts, clockOffsetMs, health),
    records: records.slice(0, parts.length),
    bytes,
  };
}
