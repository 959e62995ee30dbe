import { describe, expect, it } from 'vitest';
import { SCALE_POINTS, scalePoints } from './constants';

describe('the numeric scales', () => {
  // The survey methods fix these: a labelled 1–5 rating, the 0–10 Net Promoter Score, and
  // the 1–9 lines of a gap item. Everything else reads them from SCALE_POINTS.
  it('are a 1–5 rating, a 0–10 NPS and 1–9 gap lines', () => {
    expect(SCALE_POINTS).toEqual({
      rating: { min: 1, max: 5 },
      nps: { min: 0, max: 10 },
      gap: { min: 1, max: 9 },
    });
  });

  it.each([
    ['rating', [1, 2, 3, 4, 5]],
    ['nps', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    ['gap', [1, 2, 3, 4, 5, 6, 7, 8, 9]],
  ] as const)('lists every point of the %s scale, lowest first', (scale, points) => {
    expect(scalePoints(scale)).toEqual(points);
  });
});
