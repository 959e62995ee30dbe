import { describe, expect, it } from 'vitest';
import { formatters } from './format';

const estimate = { value: 4.213, low: 4.02, high: 4.4 };

describe('numbers and dates in the reader’s language', () => {
  it.each([
    ['en', '4.21 (4.02–4.40)'],
    ['ru', '4,21 (4,02–4,40)'],
    ['sl', '4,21 (4,02–4,40)'],
  ] as const)('a mean in %s: %s', (language, expected) => {
    expect(formatters(language).estimate(estimate, 'mean')).toBe(expected);
  });

  it('writes an NPS with its sign and its interval', () => {
    expect(formatters('en').estimate({ value: 31, low: -4, high: 44 }, 'nps')).toBe(
      '+31 (-4 … +44)',
    );
  });

  it('writes a share without an interval when there is none', () => {
    expect(formatters('en').estimate({ value: 0.62, low: null, high: null }, 'share')).toBe('62%');
  });

  it('says how long ago a device was seen', () => {
    const now = new Date('2025-05-14T12:00:00Z');
    expect(formatters('en').ago('2025-05-11T12:00:00Z', now)).toBe('3 days ago');
    expect(formatters('ru').ago('2025-05-14T11:00:00Z', now)).toBe('1 час назад');
  });

  it('reads a calendar day as that day wherever the reader is', () => {
    expect(formatters('en').day('2025-03-01')).toBe('Mar 1, 2025');
  });
});
