import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after';

const NOW = Date.parse('2026-11-20T09:00:00Z');

describe('Retry-After', () => {
  it.each([
    ['delta-seconds', '120', 120_000],
    ['zero seconds', '0', 0],
    ['seconds with surrounding space', ' 30 ', 30_000],
    ['an IMF-fixdate a minute ahead', 'Fri, 20 Nov 2026 09:01:00 GMT', 60_000],
    ['an IMF-fixdate in the past', 'Fri, 20 Nov 2026 08:00:00 GMT', 0],
    ['an RFC 850 date', 'Friday, 20-Nov-26 09:00:45 GMT', 45_000],
    ['an RFC 850 date of the past century, as now', 'Sunday, 06-Nov-94 08:49:37 GMT', 0],
    ['an asctime date', 'Fri Nov 20 09:02:00 2026', 120_000],
    ['an asctime date with a one-digit day', 'Sat Dec  5 09:00:00 2026', 15 * 86_400_000],
  ])('reads %s', (_, value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it.each([
    ['no header', null],
    ['an empty value', ''],
    ['a negative number', '-5'],
    ['a fraction', '1.5'],
    ['a word', 'soon'],
    ['a number with a unit', '3 apples'],
    ['an ISO date', '2026-11-20T09:01:00Z'],
    ['a date that does not exist', 'Fri, 31 Feb 2026 09:00:00 GMT'],
    ['a date in another zone', 'Fri, 20 Nov 2026 09:01:00 CET'],
    ['a number too large to be a time', '9'.repeat(30)],
  ])('ignores %s', (_, value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});
