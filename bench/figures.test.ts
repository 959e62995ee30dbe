import { describe, expect, it } from 'vitest';
import { blockingWithin, median, quantile } from './figures';

describe('quantile', () => {
  it('takes the nearest rank', () => {
    expect(quantile([5, 1, 4, 2, 3], 0.95)).toBe(5);
    expect(median([40, 10, 30, 20])).toBe(20);
  });
});

describe('blockingWithin (total blocking time, as Lighthouse clips it)', () => {
  const fcp = 1000;
  const until = 2000;

  it('counts each long task beyond its first 50 ms', () => {
    expect(
      blockingWithin(
        [
          { start: 1100, duration: 120 },
          { start: 1300, duration: 50 },
          { start: 1500, duration: 80 },
        ],
        fcp,
        until,
      ),
    ).toBe(70 + 0 + 30);
  });

  it('leaves out what ran before the first contentful paint', () => {
    expect(blockingWithin([{ start: 600, duration: 300 }], fcp, until)).toBe(0);
    // 940–1060: 60 ms of it after the paint, 10 beyond the 50.
    expect(blockingWithin([{ start: 940, duration: 120 }], fcp, until)).toBe(10);
  });

  it('takes only the window of a task longer than it', () => {
    expect(blockingWithin([{ start: 500, duration: 2000 }], fcp, until)).toBe(1000 - 50);
  });

  it('gives no figure without a paint or an end', () => {
    expect(blockingWithin([{ start: 1100, duration: 120 }], Number.NaN, until)).toBeNaN();
    expect(blockingWithin([{ start: 1100, duration: 120 }], fcp, Number.NaN)).toBeNaN();
  });

  it('ends at the end of the window', () => {
    expect(blockingWithin([{ start: 1900, duration: 400 }], fcp, until)).toBe(50);
    expect(blockingWithin([{ start: 2100, duration: 400 }], fcp, until)).toBe(0);
  });
});
