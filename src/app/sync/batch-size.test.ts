import { describe, expect, it } from 'vitest';
import { SYNC_BATCH_RECORDS } from './batch';
import {
  type BatchSize,
  type BatchSizeOutcome,
  nextBatchSize,
  persistedBatchRecords,
  recordsPerBatch,
  startingBatchSize,
} from './batch-size';

const FULL = SYNC_BATCH_RECORDS;
const FRESH: BatchSize = { collector: FULL, narrowed: FULL, link: FULL };

describe('the batch size at the start of a run', () => {
  it.each<[string, number | undefined, BatchSize]>([
    ['starts at full size when no run left a smaller one', undefined, FRESH],
    ['starts where the last timeouts left the link', 25, { ...FRESH, link: 25 }],
    ['never starts above full size', FULL * 3, FRESH],
    ['never starts below one record', 0, { ...FRESH, link: 1 }],
    ['reads a fraction as the whole records below it', 12.7, { ...FRESH, link: 12 }],
    ['ignores a value that is not a number of records', Number.NaN, FRESH],
  ])('%s', (_, persisted, expected) => {
    expect(startingBatchSize(persisted)).toEqual(expected);
  });
});

describe('the next batch size', () => {
  it.each<[string, BatchSize, BatchSizeOutcome, BatchSize]>([
    [
      'halves the collector limit on 413',
      FRESH,
      { kind: 'too-large', sent: 100 },
      { ...FRESH, collector: 50, narrowed: 50 },
    ],
    [
      'halves what was sent, not the limit, on 413',
      { ...FRESH, link: 30 },
      { kind: 'too-large', sent: 30 },
      { collector: 15, narrowed: 15, link: 30 },
    ],
    [
      'keeps the limits when a single record is too large (it goes to quarantine)',
      { ...FRESH, collector: 1, narrowed: 1 },
      { kind: 'too-large', sent: 1 },
      { ...FRESH, collector: 1, narrowed: 1 },
    ],
    [
      'halves a refused batch to narrow down the record at fault',
      { ...FRESH, collector: 50, narrowed: 50 },
      { kind: 'refused', sent: 12 },
      { ...FRESH, collector: 50, narrowed: 6 },
    ],
    [
      'goes back to the collector limit once the record at fault was alone',
      { ...FRESH, collector: 50, narrowed: 1 },
      { kind: 'refused', sent: 1 },
      { ...FRESH, collector: 50, narrowed: 50 },
    ],
    [
      'keeps narrowing while the answered half did not hold the record at fault',
      { ...FRESH, narrowed: 6, link: 50 },
      { kind: 'answered' },
      { ...FRESH, narrowed: 6, link: 100 },
    ],
    [
      'halves the link on a timeout',
      FRESH,
      { kind: 'timed-out', sent: 100 },
      { ...FRESH, link: 50 },
    ],
    [
      'never goes below one record on a timeout',
      { ...FRESH, link: 1 },
      { kind: 'timed-out', sent: 1 },
      { ...FRESH, link: 1 },
    ],
    [
      'doubles the link back after an answered batch',
      { ...FRESH, link: 25 },
      { kind: 'answered' },
      { ...FRESH, link: 50 },
    ],
    [
      'never doubles the link past full size',
      { ...FRESH, link: (FULL * 3) / 4 },
      { kind: 'answered' },
      FRESH,
    ],
  ])('%s', (_, current, outcome, expected) => {
    expect(nextBatchSize(current, outcome)).toEqual(expected);
  });
});

describe('what a batch size means', () => {
  it.each<[string, BatchSize, number, number | undefined]>([
    ['full size is not persisted', FRESH, FULL, undefined],
    ['a slow link is persisted', { ...FRESH, link: 25 }, 25, 25],
    ['a narrowing below the link is not persisted', { ...FRESH, narrowed: 3, link: 50 }, 3, 50],
    [
      'the collector limit is not persisted',
      { collector: 25, narrowed: 25, link: FULL },
      25,
      undefined,
    ],
  ])('%s', (_, size, records, persisted) => {
    expect(recordsPerBatch(size)).toBe(records);
    expect(persistedBatchRecords(size)).toBe(persisted);
  });
});
