import { describe, expect, it } from 'vitest';
import type { SyncState } from '../store';
import { SYNC_BACKOFF_BASE_MS } from './backoff';
import { type DrainEnd, type SyncFact, syncStateAfter, syncStateOnFact } from './run-state';

const NOW = Date.parse('2026-11-20T09:00:00Z');
const HALF = () => 0.5;
const AFTER_TWO_FAILURES: SyncState = {
  failures: 2,
  nextAttemptAt: NOW - 1,
  lastError: { code: 'offline', at: NOW - 5000 },
  lastSuccessAt: NOW - 86_400_000,
  clockOffsetMs: 1200,
};

describe('the sync state after a run', () => {
  it.each<[string, DrainEnd, SyncState, Partial<SyncState>]>([
    [
      'a clean run clears the error and the backoff',
      { outcome: 'done', quarantined: 0 },
      AFTER_TWO_FAILURES,
      { lastAttemptAt: NOW, failures: 0, nextAttemptAt: undefined, lastError: undefined },
    ],
    [
      'a run that quarantined responses says so',
      { outcome: 'done', quarantined: 2 },
      {},
      {
        lastAttemptAt: NOW,
        failures: 0,
        nextAttemptAt: undefined,
        lastError: { code: 'refused', at: NOW, detail: '2 quarantined' },
      },
    ],
    [
      'a third failure in a row backs off with the third ceiling',
      { outcome: 'failed', error: 'server-error', detail: 'HTTP 503', progressed: false },
      AFTER_TWO_FAILURES,
      {
        lastAttemptAt: NOW,
        failures: 3,
        nextAttemptAt: NOW + 2 * SYNC_BACKOFF_BASE_MS,
        lastError: { code: 'server-error', at: NOW, detail: 'HTTP 503' },
      },
    ],
    [
      'a failure after an answered batch counts as the first',
      { outcome: 'failed', error: 'timeout', progressed: true },
      AFTER_TWO_FAILURES,
      {
        lastAttemptAt: NOW,
        failures: 1,
        nextAttemptAt: NOW + SYNC_BACKOFF_BASE_MS / 2,
        lastError: { code: 'timeout', at: NOW },
      },
    ],
    [
      'a Retry-After longer than the backoff is honoured',
      { outcome: 'failed', error: 'server-error', retryAfterMs: 90_000, progressed: false },
      {},
      {
        lastAttemptAt: NOW,
        failures: 1,
        nextAttemptAt: NOW + 90_000,
        lastError: { code: 'server-error', at: NOW },
      },
    ],
    [
      'a refused token stops without a backoff',
      { outcome: 'unauthorized' },
      AFTER_TWO_FAILURES,
      {
        lastAttemptAt: NOW,
        failures: 0,
        nextAttemptAt: undefined,
        lastError: { code: 'unauthorized', at: NOW },
      },
    ],
  ])('%s', (_, end, previous, expected) => {
    expect(syncStateAfter(end, previous, NOW, HALF)).toEqual(expected);
  });

  it('leaves the last success and the clock offset to the batches that earned them', () => {
    const change = syncStateAfter(
      { outcome: 'done', quarantined: 0 },
      AFTER_TWO_FAILURES,
      NOW,
      HALF,
    );
    expect(change).not.toHaveProperty('lastSuccessAt');
    expect(change).not.toHaveProperty('clockOffsetMs');
  });
});

describe('the sync state after a fact', () => {
  it.each<[string, SyncFact, Partial<SyncState>]>([
    [
      'an answered batch keeps its clock offset and counts as a success',
      { kind: 'batch-answered', clockOffsetMs: -420, answered: true },
      { clockOffsetMs: -420, lastSuccessAt: NOW },
    ],
    [
      'a reply that left out every record keeps its clock offset but is no success',
      { kind: 'batch-answered', clockOffsetMs: 1200, answered: false },
      { clockOffsetMs: 1200 },
    ],
    [
      'a reply without a readable serverTime leaves the clock offset alone',
      { kind: 'batch-answered', clockOffsetMs: undefined, answered: true },
      { lastSuccessAt: NOW },
    ],
    [
      'a new enrollment clears the error and the backoff of the old token',
      { kind: 'enrolled' },
      { lastError: undefined, failures: 0, nextAttemptAt: undefined },
    ],
    [
      'a token refused outside a run stops sync until someone acts',
      { kind: 'token-refused', token: 'device-token' },
      { lastError: { code: 'unauthorized', at: NOW } },
    ],
    [
      'a clock read outside a run keeps the new offset',
      { kind: 'clock-read', clockOffsetMs: 90_000 },
      { clockOffsetMs: 90_000 },
    ],
    [
      'a failing device database is recorded with its kind',
      { kind: 'storage-failed', detail: 'quota' },
      { lastError: { code: 'storage', at: NOW, detail: 'quota' } },
    ],
  ])('%s', (_, fact, expected) => {
    const change = syncStateOnFact(fact, NOW);
    expect(change).toEqual(expected);
    // What the fact does not speak of stays as it was.
    expect(Object.keys(change).sort()).toEqual(Object.keys(expected).sort());
  });
});
