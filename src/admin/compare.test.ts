import { describe, expect, it } from 'vitest';
import { periodPair, readComparison, sliceQuery, writeComparison } from './compare';
import { readFilters } from './filters';

const TODAY = new Date(2025, 4, 14);

describe('what Compare compares', () => {
  it('compares this year so far with the same days last year', () => {
    expect(periodPair('this-year-last-year', TODAY)).toEqual({
      a: { from: '2025-01-01', to: '2025-05-14' },
      b: { from: '2024-01-01', to: '2024-05-14' },
    });
  });

  it('compares the last 30 days with the 30 before', () => {
    expect(periodPair('last-30-days-before', TODAY)).toEqual({
      a: { from: '2025-04-15', to: '2025-05-14' },
      b: { from: '2025-03-16', to: '2025-04-14' },
    });
  });

  it('compares periods for branch staff, who see one branch', () => {
    const comparison = readComparison(new URLSearchParams('mode=branch&a=east&b=west'), {
      today: TODAY,
      canChooseBranches: false,
    });
    expect(comparison.mode).toBe('period');
  });

  it('keeps a comparison in the URL and reads it back', () => {
    const comparison = {
      mode: 'period' as const,
      a: { from: '2025-02-01', to: '2025-02-28' },
      b: { from: '2025-01-01', to: '2025-01-31' },
    };
    const query = writeComparison(new URLSearchParams('survey=lsq'), comparison);
    expect(readComparison(query, { today: TODAY, canChooseBranches: true })).toEqual(comparison);
    expect(query.get('survey')).toBe('lsq');
  });

  it("asks each slice with the page's filters and its own branch", () => {
    const filters = readFilters(new URLSearchParams('survey=lsq&branch=north&channel=kiosk'));
    expect(sliceQuery(filters, 'branch', { branch: 'east' }).toString()).toBe(
      'survey=lsq&branch=east&channel=kiosk',
    );
    expect(sliceQuery(filters, 'period', { from: '2025-01-01', to: '2025-01-31' }).toString()).toBe(
      'survey=lsq&from=2025-01-01&to=2025-01-31&branch=north&channel=kiosk',
    );
  });
});
