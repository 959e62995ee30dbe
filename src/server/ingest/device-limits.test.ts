import { describe, expect, it } from 'vitest';
import { DEFAULT_DEVICE_LIMITS, DeviceRateLimit } from './device-limits';

const A = 'device-a';
const B = 'device-b';

describe('the token bucket of responses per device', () => {
  it.each<[string, [string, number, number][], number]>([
    ['a fresh device sends its burst at once', [[A, 10, 0]], 0],
    [
      'one more right after the burst waits for one token (6 s at 10 a minute)',
      [
        [A, 10, 0],
        [A, 1, 0],
      ],
      6000,
    ],
    [
      'after a minute, ten more fit',
      [
        [A, 10, 0],
        [A, 10, 60_000],
      ],
      0,
    ],
    [
      'after a minute, eleven do not',
      [
        [A, 10, 0],
        [A, 11, 60_000],
      ],
      6000,
    ],
    [
      'tokens come back no higher than the burst',
      [
        [A, 1, 0],
        [A, 11, 3_600_000],
      ],
      6000,
    ],
    [
      'one device spending its burst leaves another alone',
      [
        [A, 10, 0],
        [B, 10, 0],
      ],
      0,
    ],
    [
      'a clock set back refills nothing',
      [
        [A, 10, 60_000],
        [A, 1, 0],
      ],
      6000,
    ],
  ])('%s', (_case, takes, lastWait) => {
    const limit = new DeviceRateLimit({ burst: 10, perMinute: 10 });
    const waits = takes.map(([device, count, at]) => limit.take(device, count, at));
    expect(waits.slice(0, -1).every((wait) => wait === 0)).toBe(true);
    expect(waits.at(-1)).toBe(lastWait);
  });

  it('takes nothing from a refused request', () => {
    const limit = new DeviceRateLimit({ burst: 10, perMinute: 10 });
    expect(limit.take(A, 8, 0)).toBe(0);
    expect(limit.take(A, 5, 0)).toBe(18_000);
    expect(limit.take(A, 2, 0)).toBe(0);
  });

  it('by default takes a week of a bookmobile’s backlog in batches of 100, then 10 batches a minute', () => {
    const limit = new DeviceRateLimit(DEFAULT_DEVICE_LIMITS);
    for (let batch = 0; batch < 50; batch++) expect(limit.take(A, 100, 0)).toBe(0);
    expect(limit.take(A, 100, 0)).toBe(6000);
    for (let batch = 0; batch < 10; batch++) expect(limit.take(A, 100, 60_000)).toBe(0);
  });
});
