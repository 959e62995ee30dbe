import { describe, expect, it } from 'vitest';
import { type BatchVerdict, classifyBatchReply } from './classify-reply';
import type { HttpOutcome } from './http';

const NOW = Date.parse('2026-11-20T09:00:00Z');
const ID = '019a8f3e-7c2b-7def-8a00-000000000001';
const SYNC_REPLY = JSON.stringify({
  serverTime: '2026-11-20T09:00:01Z',
  results: [{ id: ID, outcome: 'accepted' }],
});

function reply(status: number, body: string, headers: Record<string, string> = {}): HttpOutcome {
  return {
    kind: 'reply',
    status,
    headers: new Headers(headers),
    body,
    sentAt: NOW,
    receivedAt: NOW,
  };
}

function apiError(code: string, message: string, path?: string): string {
  return JSON.stringify({ error: { code, message, ...(path ? { path } : {}) } });
}

describe('classifying a batch reply', () => {
  it('acknowledges only a 200 whose body is a sync reply', () => {
    expect(classifyBatchReply(reply(200, SYNC_REPLY), NOW)).toEqual({
      kind: 'ok',
      reply: { serverTime: '2026-11-20T09:00:01Z', results: [{ id: ID, outcome: 'accepted' }] },
    });
  });

  it.each<[string, HttpOutcome, Partial<BatchVerdict>]>([
    ['a network error', { kind: 'network-error', detail: 'Failed to fetch' }, { error: 'offline' }],
    ['a timeout', { kind: 'timeout' }, { error: 'timeout' }],
    ['a 500', reply(500, apiError('internal', 'boom')), { error: 'server-error' }],
    ['a 502 from a proxy', reply(502, '<html>Bad gateway</html>'), { error: 'server-error' }],
    ['a 503 with Retry-After', reply(503, '', { 'Retry-After': '120' }), { retryAfterMs: 120_000 }],
    ['a 408', reply(408, ''), { error: 'server-error' }],
    ['a 423', reply(423, ''), { error: 'server-error' }],
    [
      'a 429 with an HTTP-date',
      reply(429, apiError('rate-limited', 'slow down'), {
        'Retry-After': 'Fri, 20 Nov 2026 09:00:30 GMT',
      }),
      { error: 'server-error', retryAfterMs: 30_000 },
    ],
    [
      "a captive portal's HTML page with 200",
      reply(200, '<!doctype html><title>Log in to Library Wi-Fi</title>'),
      { error: 'unexpected-reply' },
    ],
    [
      'a 200 with malformed JSON',
      reply(200, '{"serverTime": "2026-11-'),
      { error: 'unexpected-reply' },
    ],
    ['a 200 with other JSON', reply(200, '{"ok":true}'), { error: 'unexpected-reply' }],
    ['a 204 without a body', reply(204, ''), { error: 'unexpected-reply' }],
    ['a 404', reply(404, apiError('not-found', 'no such route')), { error: 'unexpected-reply' }],
    ["a proxy's 403 page", reply(403, '<html>Forbidden</html>'), { error: 'unexpected-reply' }],
    ['a 302 that was not followed', reply(302, ''), { error: 'unexpected-reply' }],
  ])('retries after %s', (_, outcome, expected) => {
    expect(classifyBatchReply(outcome, NOW)).toMatchObject({ kind: 'retry', ...expected });
  });

  it.each<[string, HttpOutcome, BatchVerdict]>([
    ['413', reply(413, apiError('payload-too-large', 'over 1 MiB')), { kind: 'split' }],
    ['413 without a body', reply(413, ''), { kind: 'split' }],
    ['401', reply(401, apiError('unauthorized', 'unknown token')), { kind: 'unauthorized' }],
    [
      "400 with the collector's error",
      reply(400, apiError('bad-request', 'is not a response', 'responses.0.answers')),
      {
        kind: 'refused',
        code: 'bad-request',
        message: 'is not a response',
        path: 'responses.0.answers',
      },
    ],
    [
      "415 with the collector's error",
      reply(415, apiError('unsupported-media-type', 'send JSON')),
      { kind: 'refused', code: 'unsupported-media-type', message: 'send JSON' },
    ],
  ])('reads %s', (_, outcome, expected) => {
    expect(classifyBatchReply(outcome, NOW)).toEqual(expected);
  });
});
