import { describe, expect, it } from 'vitest';
import {
  isAcknowledged,
  SYNC_OUTCOMES,
  SyncBatchEnvelopeSchema,
  SyncBatchReplySchema,
  type SyncOutcome,
} from './sync';

const reply = {
  serverTime: '2025-03-14T10:02:00.000Z',
  results: [
    { id: '01890a5d-ac96-774b-bcce-b302099a8057', outcome: 'accepted' },
    { id: '01890a5d-ac96-774b-bcce-b302099a8058', outcome: 'duplicate' },
    {
      id: '01890a5d-ac96-774b-bcce-b302099a8059',
      outcome: 'rejected',
      reason: 'should be from 1 to 5',
      path: 'answers.overall',
    },
    { id: null, outcome: 'rejected', reason: 'the record has no readable id' },
  ],
};

describe('the sync reply', () => {
  it('accepts a reply with an outcome per record', () => {
    expect(SyncBatchReplySchema.parse(reply)).toEqual(reply);
  });

  it('accepts a reply to a batch whose records all vanished: no results', () => {
    expect(SyncBatchReplySchema.safeParse({ ...reply, results: [] }).success).toBe(true);
  });

  // A captive portal or a proxy answers 200 with a page of its own; that is not a reply.
  it.each<[string, unknown]>([
    ['an HTML page', '<!doctype html><html><body>Please log in to the Wi-Fi</body></html>'],
    ['an HTML page wrapped in an object', { html: '<html></html>' }],
    ['null', null],
    ['an empty object', {}],
    ['a reply without serverTime', { results: reply.results }],
    ['a reply without results', { serverTime: reply.serverTime }],
    ['a reply whose serverTime is not a timestamp', { ...reply, serverTime: 'now' }],
    ['a result without an outcome', { ...reply, results: [{ id: reply.results[0]?.id }] }],
    ['a result with an unknown outcome', { ...reply, results: [{ id: 'x', outcome: 'ok' }] }],
    ['a result without an id field', { ...reply, results: [{ outcome: 'accepted' }] }],
  ])('refuses %s', (_name, input) => {
    expect(SyncBatchReplySchema.safeParse(input).success).toBe(false);
  });
});

describe('the sync request envelope', () => {
  it('leaves records unread, so one bad record does not fail the batch', () => {
    const envelope = { responses: [{ id: 'junk' }, 42], clockOffsetMs: -1500 };
    expect(SyncBatchEnvelopeSchema.parse(envelope)).toEqual(envelope);
  });

  it.each<[string, unknown]>([
    ['an empty batch', { responses: [] }],
    ['a batch that is not a list', { responses: {} }],
    [
      'a clock offset that is not finite',
      { responses: [{}], clockOffsetMs: Number.POSITIVE_INFINITY },
    ],
  ])('refuses %s', (_name, input) => {
    expect(SyncBatchEnvelopeSchema.safeParse(input).success).toBe(false);
  });
});

describe('isAcknowledged', () => {
  it.each<[SyncOutcome, boolean]>([
    ['accepted', true],
    ['duplicate', true],
    ['conflict', false],
    ['rejected', false],
  ])('%s → %s', (outcome, acknowledged) => {
    expect(isAcknowledged(outcome)).toBe(acknowledged);
  });

  it('has a row above for every outcome there is', () => {
    expect([...SYNC_OUTCOMES].sort()).toEqual(['accepted', 'conflict', 'duplicate', 'rejected']);
  });
});
