import { describe, expect, it } from 'vitest';
import { isRemainingMoment } from './remaining-moments';

/** The seconds a countdown shows, in order, and the ones said aloud. */
function said(ticks: readonly number[]): number[] {
  let last: number | undefined;
  const out: number[] = [];
  for (const seconds of ticks) {
    if (isRemainingMoment(seconds, last)) {
      out.push(seconds);
      last = seconds;
    }
  }
  return out;
}

const countdown = (from: number) => Array.from({ length: from + 1 }, (_, i) => from - i);

describe('when the time left is said aloud', () => {
  it('says it when the question opens and at ten seconds, not each second', () => {
    expect(said(countdown(30))).toEqual([30, 10]);
  });

  it('says a mark a late tick skipped past once, with the time really left', () => {
    expect(said([30, 29, 12, 7, 6, 5])).toEqual([30, 7]);
  });

  it('says a short countdown once: it opens under the mark', () => {
    expect(said(countdown(8))).toEqual([8]);
  });

  it('says it once at the mark itself, not again below it', () => {
    expect(said([10, 9, 8])).toEqual([10]);
  });
});
