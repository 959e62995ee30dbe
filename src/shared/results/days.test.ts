import { describe, expect, it } from 'vitest';
import {
  answeredDay,
  dayInZone,
  dayStartMs,
  isoWeekStart,
  monthEnd,
  type PeriodParts,
  splitPeriod,
} from './days';

describe('answeredDay', () => {
  it.each<[string, number | null, string, string]>([
    ['2026-03-14T22:30:00.000Z', null, 'UTC', '2026-03-14'],
    ['2026-03-14T22:30:00.000Z', null, 'Europe/Ljubljana', '2026-03-14'],
    ['2026-03-14T23:30:00.000Z', null, 'Europe/Ljubljana', '2026-03-15'],
    ['2026-07-14T21:30:00.000Z', null, 'Europe/Vilnius', '2026-07-15'],
    // The device is an hour behind the collector: the patron answered at 00:10 collector time.
    ['2026-03-14T22:10:00.000Z', 3_600_000, 'Europe/Budapest', '2026-03-15'],
    // A tablet whose clock reset to 1970, 56 years behind.
    ['1970-01-01T08:00:00.000Z', Date.parse('2026-05-04T00:00:00Z'), 'UTC', '2026-05-04'],
    // An offset that would leave the years 0001–9999 is ignored.
    ['2026-03-14T10:00:00.000Z', 1e300, 'UTC', '2026-03-14'],
    ['0001-01-01T10:00:00.000Z', null, 'UTC', '0001-01-01'],
  ])('%s with offset %s in %s → %s', (submittedAt, offset, zone, day) => {
    expect(answeredDay(submittedAt, offset, zone)).toBe(day);
  });
});

describe('dayInZone', () => {
  /** The day as the zone's calendar says it, formatted every time. */
  const calendarDay = (format: Intl.DateTimeFormat, ms: number) => format.format(ms);

  it.each([
    'Europe/Ljubljana',
    'Europe/Moscow',
    'America/Santiago',
    'Asia/Kathmandu',
    'Pacific/Apia', // skipped 2011-12-30 entirely
    'Asia/Amman', // two midnights on 2021-10-29: back from 01:00 to 00:00
    'UTC',
  ])('in %s, asked in time order and out of it, tells the calendar day', (zone) => {
    const format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    // Every 17 minutes over a week around each change of clocks (Apia's lost day, Amman's
    // two midnights).
    const instants: number[] = [];
    for (const around of [
      '2011-12-30T00:00Z',
      '2021-10-29T00:00Z',
      '2026-03-29T00:00Z',
      '2026-09-06T00:00Z',
      '2026-10-25T00:00Z',
    ]) {
      const from = Date.parse(around) - 3.5 * 86_400_000;
      for (let ms = from; ms < from + 7 * 86_400_000; ms += 17 * 60_000) instants.push(ms);
    }
    // A fixed shuffle: each step jumps 389 instants on; 389 is prime and does not divide the
    // count, so every instant comes once.
    const shuffled = instants.map((_, i) => instants[(i * 389) % instants.length] as number);
    for (const ms of [...instants, ...shuffled, ...instants.toReversed()]) {
      expect(dayInZone(ms, zone), new Date(ms).toISOString()).toBe(calendarDay(format, ms));
    }
  });

  it('tells the first and the last day of the years 0001–9999', () => {
    expect(dayInZone(Date.parse('0001-01-01T00:00:00.000Z'), 'UTC')).toBe('0001-01-01');
    expect(dayInZone(Date.parse('9999-12-31T23:59:59.999Z'), 'UTC')).toBe('9999-12-31');
    expect(dayInZone(Date.parse('9999-12-31T00:00:00.000Z'), 'UTC')).toBe('9999-12-31');
    // East of UTC the last instant is already in the year 10000 there, whose day has no start.
    expect(dayInZone(Date.parse('9999-12-31T23:59:59.999Z'), 'Europe/Ljubljana')).toBe(
      '10000-01-01',
    );
    expect(() =>
      dayInZone(Date.parse('0001-01-01T00:00:00.000Z'), 'America/Santiago'),
    ).not.toThrow();
  });
});

describe('dayStartMs', () => {
  it.each<[string, string, string]>([
    ['2026-11-20', 'Europe/Budapest', '2026-11-19T23:00:00.000Z'],
    ['2026-07-01', 'Europe/Vilnius', '2026-06-30T21:00:00.000Z'],
    ['2026-03-29', 'Europe/Ljubljana', '2026-03-28T23:00:00.000Z'], // clocks go forward at 02:00
    ['2026-03-30', 'Europe/Ljubljana', '2026-03-29T22:00:00.000Z'],
    ['2026-10-25', 'Europe/Moscow', '2026-10-24T21:00:00.000Z'],
    ['2026-01-01', 'UTC', '2026-01-01T00:00:00.000Z'],
    ['2026-09-06', 'America/Santiago', '2026-09-06T04:00:00.000Z'], // no midnight: 01:00 is first
    ['2026-05-01', 'Asia/Kathmandu', '2026-04-30T18:15:00.000Z'],
    ['2021-10-29', 'Asia/Amman', '2021-10-28T21:00:00.000Z'], // midnight twice: the first
    ['2021-10-30', 'Asia/Amman', '2021-10-29T22:00:00.000Z'],
  ])('%s in %s starts at %s', (day, zone, start) => {
    expect(new Date(dayStartMs(day, zone)).toISOString()).toBe(start);
  });
});

describe('calendar', () => {
  it.each([
    ['2026-03-16', '2026-03-16'],
    ['2026-03-22', '2026-03-16'],
    ['2026-01-01', '2025-12-29'],
  ])('the ISO week of %s starts on %s', (day, monday) => {
    expect(isoWeekStart(day)).toBe(monday);
  });

  it.each([
    ['2024-02', '2024-02-29'],
    ['2026-02', '2026-02-28'],
    ['2026-12', '2026-12-31'],
  ])('%s ends on %s', (month, day) => {
    expect(monthEnd(month)).toBe(day);
  });
});

describe('splitPeriod', () => {
  it.each<[string | undefined, string | undefined, PeriodParts]>([
    [undefined, undefined, { months: { from: null, to: null }, days: [] }],
    ['2026-01-01', '2026-03-31', { months: { from: '2026-01', to: '2026-03' }, days: [] }],
    [
      '2025-12-15',
      '2026-03-10',
      {
        months: { from: '2026-01', to: '2026-02' },
        days: [
          { from: '2025-12-15', to: '2025-12-31' },
          { from: '2026-03-01', to: '2026-03-10' },
        ],
      },
    ],
    [
      '2026-01-05',
      '2026-01-20',
      { months: null, days: [{ from: '2026-01-05', to: '2026-01-20' }] },
    ],
    [
      '2026-01-05',
      '2026-02-20',
      { months: null, days: [{ from: '2026-01-05', to: '2026-02-20' }] },
    ],
    [
      '2026-01-31',
      undefined,
      { months: { from: '2026-02', to: null }, days: [{ from: '2026-01-31', to: '2026-01-31' }] },
    ],
    [
      undefined,
      '2026-02-27',
      { months: { from: null, to: '2026-01' }, days: [{ from: '2026-02-01', to: '2026-02-27' }] },
    ],
    ['2026-02-01', '2026-02-28', { months: { from: '2026-02', to: '2026-02' }, days: [] }],
    ['2026-03-02', '2026-03-01', { months: null, days: [] }],
  ])('%s … %s', (from, to, parts) => {
    expect(splitPeriod(from, to)).toEqual(parts);
  });
});
