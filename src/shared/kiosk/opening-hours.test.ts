import { describe, expect, it } from 'vitest';
import {
  formatOpeningHours,
  type OpeningHours,
  openingState,
  parseOpeningHours,
} from './opening-hours';

function hours(text: string): OpeningHours {
  const parsed = parseOpeningHours(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.hours;
}

describe('reading the opening hours staff typed', () => {
  it('reads day ranges, single days and several spans a day', () => {
    expect(parseOpeningHours('mon-wed 09:00-12:00 13:00-19:00; sat 10:00-14:00')).toEqual({
      ok: true,
      hours: [
        { day: 'mon', opens: '09:00', closes: '12:00' },
        { day: 'mon', opens: '13:00', closes: '19:00' },
        { day: 'tue', opens: '09:00', closes: '12:00' },
        { day: 'tue', opens: '13:00', closes: '19:00' },
        { day: 'wed', opens: '09:00', closes: '12:00' },
        { day: 'wed', opens: '13:00', closes: '19:00' },
        { day: 'sat', opens: '10:00', closes: '14:00' },
      ],
    });
  });

  it('forgives case, long day names, a missing leading zero and ranges over the weekend', () => {
    expect(hours('Friday-Mon 9:00-24:00')).toEqual([
      { day: 'mon', opens: '09:00', closes: '24:00' },
      { day: 'fri', opens: '09:00', closes: '24:00' },
      { day: 'sat', opens: '09:00', closes: '24:00' },
      { day: 'sun', opens: '09:00', closes: '24:00' },
    ]);
  });

  it.each([
    ['', 'no hours given'],
    ['mon-fri', 'gives no time'],
    ['funday 09:00-10:00', 'is not a day'],
    ['mon 9-17', 'is not a span of time'],
    ['mon 25:00-26:00', 'is not a time of day'],
    ['mon 24:00-24:00', 'is not a time of day'],
    ['mon 19:00-09:00', 'closes before it opens'],
    ['mon 09:00-12:00, mon-tue 11:00-13:00', 'overlaps'],
  ])('refuses %j, saying what is wrong', (text, problem) => {
    const parsed = parseOpeningHours(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(problem);
  });

  it('writes the hours back the way staff type them', () => {
    expect(formatOpeningHours(hours('sat 10:00-14:00, mon-fri 09:00-19:00'))).toBe(
      'mon-fri 09:00-19:00, sat 10:00-14:00',
    );
    expect(formatOpeningHours(hours('mon 08:00-12:00 13:00-16:00, wed 08:00-12:00'))).toBe(
      'mon 08:00-12:00 13:00-16:00, wed 08:00-12:00',
    );
    expect(formatOpeningHours(null)).toBe('always open');
  });
});

describe('whether the library is open now', () => {
  const ZONE = 'Europe/Budapest';
  const weekdays = hours('mon-fri 09:00-17:00');

  it.each([
    // 2026-03-02 is a Monday; Budapest is UTC+1 in winter.
    ['before opening on a weekday', '2026-03-02T07:59:00Z', false],
    ['at the opening minute', '2026-03-02T08:00:00Z', true],
    ['the minute before closing', '2026-03-02T15:59:00Z', true],
    ['at the closing minute', '2026-03-02T16:00:00Z', false],
    ['on a Saturday, a day with no hours', '2026-03-07T10:00:00Z', false],
  ])('%s: open is %s', (_what, at, open) => {
    expect(openingState(weekdays, ZONE, new Date(at)).open).toBe(open);
  });

  it('is always open when no hours are set', () => {
    expect(openingState(null, ZONE, new Date('2026-03-07T03:00:00Z'))).toEqual({ open: true });
    expect(openingState(undefined, undefined, new Date('2026-03-07T03:00:00Z')).open).toBe(true);
  });

  it('says when it opens next: later today, tomorrow, or after a day with no hours', () => {
    const split = hours('mon-fri 09:00-12:00 14:00-17:00');
    expect(openingState(split, ZONE, new Date('2026-03-02T12:00:00Z'))).toEqual({
      open: false,
      opensAt: new Date('2026-03-02T13:00:00Z'),
    });
    expect(openingState(split, ZONE, new Date('2026-03-02T20:00:00Z'))).toEqual({
      open: false,
      opensAt: new Date('2026-03-03T08:00:00Z'),
    });
    // Friday evening: closed Saturday and Sunday, open Monday.
    expect(openingState(split, ZONE, new Date('2026-03-06T18:00:00Z'))).toEqual({
      open: false,
      opensAt: new Date('2026-03-09T08:00:00Z'),
    });
  });

  it('opens at midnight and closes at the end of the day', () => {
    const monday = hours('mon 00:00-24:00');
    expect(openingState(monday, ZONE, new Date('2026-03-01T22:59:00Z')).open).toBe(false);
    expect(openingState(monday, ZONE, new Date('2026-03-01T23:00:00Z')).open).toBe(true);
    expect(openingState(monday, ZONE, new Date('2026-03-02T22:59:00Z')).open).toBe(true);
    expect(openingState(monday, ZONE, new Date('2026-03-02T23:00:00Z'))).toEqual({
      open: false,
      opensAt: new Date('2026-03-08T23:00:00Z'),
    });
  });

  it('reads the local clock on the days summer time starts and ends', () => {
    const sunday = hours('sun 01:00-04:00');
    // 29 March 2026: at 02:00 CET the clocks go to 03:00 CEST.
    expect(openingState(sunday, ZONE, new Date('2026-03-29T00:30:00Z')).open).toBe(true);
    expect(openingState(sunday, ZONE, new Date('2026-03-29T01:30:00Z')).open).toBe(true);
    expect(openingState(sunday, ZONE, new Date('2026-03-29T02:00:00Z')).open).toBe(false);
    // 25 October 2026: at 03:00 CEST the clocks go back to 02:00 CET.
    expect(openingState(sunday, ZONE, new Date('2026-10-25T02:30:00Z')).open).toBe(true);
    expect(openingState(sunday, ZONE, new Date('2026-10-25T03:00:00Z')).open).toBe(false);
    // The next opening after each change is at the local time, in the new offset.
    expect(openingState(weekdays, ZONE, new Date('2026-03-28T12:00:00Z'))).toEqual({
      open: false,
      opensAt: new Date('2026-03-30T07:00:00Z'),
    });
    expect(openingState(weekdays, ZONE, new Date('2026-10-24T12:00:00Z'))).toEqual({
      open: false,
      opensAt: new Date('2026-10-26T08:00:00Z'),
    });
  });

  it('reads the same hours in another zone at another instant', () => {
    expect(openingState(weekdays, 'America/New_York', new Date('2026-03-02T13:59:00Z')).open).toBe(
      false,
    );
    expect(openingState(weekdays, 'America/New_York', new Date('2026-03-02T14:00:00Z')).open).toBe(
      true,
    );
  });

  it('falls back to the device’s zone when the zone is unknown, rather than failing', () => {
    expect(() =>
      openingState(weekdays, 'Mars/Olympus', new Date('2026-03-02T12:00:00Z')),
    ).not.toThrow();
  });
});
