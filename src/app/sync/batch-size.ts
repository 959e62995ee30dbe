/**
 * How many records the next batch of a run carries. Three limits meet, each learnt from
 * one kind of reply:
 * - the collector's: 413 halves it for the rest of the run (a proxy in front of the
 *   collector may take less than the contract's limits);
 * - the link's: a timeout halves it, each answered batch doubles it back up to
 *   SYNC_BATCH_RECORDS; it outlives the run (SyncState.batchRecords), because a slow
 *   bookmobile link is still slow at the next stop;
 * - a refusal's: a batch the collector refused as a whole is halved until the one record
 *   at fault goes alone (and to quarantine); then the collector's limit holds again.
 * Pure, so each rule is one row of a table.
 */
import { SYNC_BATCH_RECORDS } from './batch';

export interface BatchSize {
  /** Records per batch the collector takes, learnt from 413 in this run. */
  collector: number;
  /** The collector's limit or less, while a refused batch is narrowed down. */
  narrowed: number;
  /** Records the link carries within SYNC_REQUEST_TIMEOUT_MS, learnt from timeouts. */
  link: number;
}

/** How a batch of `sent` records ended, as far as its size is concerned. */
export type BatchSizeOutcome =
  | { kind: 'answered' }
  | { kind: 'too-large'; sent: number }
  | { kind: 'refused'; sent: number }
  | { kind: 'timed-out'; sent: number };

function half(records: number): number {
  return Math.max(1, Math.floor(records / 2));
}

/** The sizes at the start of a run, from the link size a previous run left (if any). */
export function startingBatchSize(persisted: number | undefined): BatchSize {
  const link =
    persisted !== undefined && Number.isFinite(persisted)
      ? Math.max(1, Math.min(SYNC_BATCH_RECORDS, Math.floor(persisted)))
      : SYNC_BATCH_RECORDS;
  return { collector: SYNC_BATCH_RECORDS, narrowed: SYNC_BATCH_RECORDS, link };
}

export function nextBatchSize(current: BatchSize, outcome: BatchSizeOutcome): BatchSize {
  switch (outcome.kind) {
    case 'answered':
      return { ...current, link: Math.min(SYNC_BATCH_RECORDS, current.link * 2) };
    case 'too-large': {
      // A single record still too large goes to quarantine; the limits stay as they were.
      if (outcome.sent === 1) return current;
      const collector = half(outcome.sent);
      return { ...current, collector, narrowed: collector };
    }
    case 'refused':
      // Alone, the record at fault goes to quarantine, and the rest go at the usual size.
      return outcome.sent === 1
        ? { ...current, narrowed: current.collector }
        : { ...current, narrowed: half(outcome.sent) };
    case 'timed-out':
      return { ...current, link: half(outcome.sent) };
  }
}

/** Records to read from the outbox for the next batch. */
export function recordsPerBatch(size: BatchSize): number {
  return Math.min(size.narrowed, size.link);
}

/** What SyncState.batchRecords keeps after a run: the link's limit, absent at full size. */
export function persistedBatchRecords(size: BatchSize): number | undefined {
  return size.link < SYNC_BATCH_RECORDS ? size.link : undefined;
}
