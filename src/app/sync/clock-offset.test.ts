import { describe, expect, it } from 'vitest';
import { estimateClockOffsetMs } from './clock-offset';

const T = Date.parse('2026-11-20T09:00:00Z');

describe('the clock offset', () => {
  it.each([
    ['clocks that agree', '2026-11-20T09:00:00.500Z', T, T + 1000, 0],
    ['a device five minutes slow', '2026-11-20T09:05:00.500Z', T, T + 1000, 300_000],
    ['a device an hour fast', '2026-11-20T08:00:00.000Z', T, T, -3_600_000],
    ['a server time with a zone offset', '2026-11-20T10:00:01+01:00', T, T + 2000, 0],
    ['a round trip of odd length (rounded to whole ms)', '2026-11-20T09:00:00.000Z', T, T + 3, -1],
  ])(
    'is estimated for %s from the midpoint of the request',
    (_, serverTime, sent, received, offset) => {
      expect(estimateClockOffsetMs(serverTime, sent, received)).toBe(offset);
    },
  );

  it.each([
    ['an unreadable server time', 'yesterday', T, T + 10],
    ['a receive before the send (the device clock jumped)', '2026-11-20T09:00:00Z', T, T - 10],
  ])('is not estimated from %s', (_, serverTime, sent, received) => {
    expect(estimateClockOffsetMs(serverTime, sent, received)).toBeUndefined();
  });
});
