import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { SurveyResponse } from '../../shared/contract/response';
import { MAX_BATCH_BYTES, MAX_BATCH_RESPONSES } from '../../shared/contract/sync';
import { buildBatchBody, SYNC_BATCH_BYTES } from './batch';

const DEVICE_ID = uuidv4();

/** A record whose comment makes it roughly `size` bytes long once serialised. */
function record(seq: number, size = 300): SurveyResponse {
  return {
    id: uuidv7(),
    surveyId: 'library-service-quality',
    surveyVersion: 1,
    locale: 'lt',
    channel: 'kiosk',
    deviceId: DEVICE_ID,
    deviceSeq: seq,
    branchId: 'north',
    startedAt: '2026-11-20T09:00:00.000Z',
    submittedAt: '2026-11-20T09:03:00.000Z',
    completed: true,
    answers: { 'one-improvement': 'ą'.repeat(Math.max(0, size - 300) / 2) },
  };
}

function records(count: number, size?: number): SurveyResponse[] {
  return Array.from({ length: count }, (_, i) => record(i + 1, size));
}

describe('the batch body', () => {
  it('is the contract request, with the clock offset when there is one', () => {
    const batch = records(3);
    const body = buildBatchBody(batch, -1500);
    expect(body?.kind).toBe('body');
    if (body?.kind !== 'body') return;
    expect(JSON.parse(body.json)).toEqual({ responses: batch, clockOffsetMs: -1500 });
    expect(body.bytes).toBe(new TextEncoder().encode(body.json).length);
  });

  it('leaves the clock offset out until one was estimated', () => {
    const body = buildBatchBody(records(1), undefined);
    expect(body?.kind === 'body' && JSON.parse(body.json)).toEqual({
      responses: [expect.objectContaining({ deviceSeq: 1 })],
    });
  });

  it('is nothing for an empty outbox', () => {
    expect(buildBatchBody([], 0)).toBeUndefined();
  });

  it.each([
    ['small records', 120, 300, 120],
    ['records of 20 kB with multi-byte text', 100, 20_000, Math.floor(SYNC_BATCH_BYTES / 20_000)],
    ['more records than the collector takes', 600, 250, MAX_BATCH_RESPONSES],
  ])('with %s keeps the oldest that fit, in order', (_, count, size, expected) => {
    const batch = records(count, size);
    const body = buildBatchBody(batch, 12);
    if (body?.kind !== 'body') throw new Error('expected a body');
    expect(body.records.length).toBeGreaterThanOrEqual(expected - 1);
    expect(body.records.length).toBeLessThanOrEqual(expected);
    expect(body.records).toEqual(batch.slice(0, body.records.length));
    const next = batch[body.records.length];
    if (next && body.records.length < MAX_BATCH_RESPONSES) {
      const nextBytes = new TextEncoder().encode(JSON.stringify(next)).length + 1;
      expect(body.bytes + nextBytes).toBeGreaterThan(SYNC_BATCH_BYTES);
    }
    expect(body.bytes).toBeLessThanOrEqual(SYNC_BATCH_BYTES);
    expect(new TextEncoder().encode(body.json).length).toBe(body.bytes);
  });

  it('sends one record on its own when it is big but within the collector limit', () => {
    const big = record(1, SYNC_BATCH_BYTES + 1000);
    const body = buildBatchBody([big, record(2)], 0);
    expect(body).toMatchObject({ kind: 'body', records: [big] });
  });

  it('names a single record over the collector limit as too large to send', () => {
    const huge = record(1, MAX_BATCH_BYTES + 1000);
    const body = buildBatchBody([huge, record(2)], 0);
    expect(body).toMatchObject({ kind: 'too-large', record: huge });
    expect(body?.bytes).toBeGreaterThan(MAX_BATCH_BYTES);
  });
});
