/**
 * The calendar of the results: the day a response was answered on, and the weeks and
 * months days fall in. A day is YYYY-MM-DD text, in the collector's time zone (TIME_ZONE).
 */

/** Instants a day may be told for: the years 0001–9999 in UTC, as stored timestamps are. */
const EARLIEST_MS = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST_MS = Date.parse('9999-12-31T23:59:59.999Z');

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/**
 * Per zone, the last days told and the instants each spans, [start, end), the latest
 * first: the instants asked for one after another (a batch's responses, sorted by id, so
 * by time, and the day the batch is received on) mostly fall on a few days, and comparing
 * is much cheaper than formatting the instant.
 */
const toldDays = new Map<string, { start: number; end: number; day: string }[]>();
const TOLD_DAYS_KEPT = 8;

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
export function dayInZone(ms: number, timeZone: string): string {
  let told = toldDays.get(timeZone);
  if (!told) {
    told = [];
    toldDays.set(timeZone, told);
  }
  for (const span of told) if (ms >= span.start && ms < span.end) return span.day;
  const day = formattedDay(ms, timeZone);
  // Days near the years' edges are told but not kept: their neighbours cannot be.
  if (ms < EARLIEST_MS + 2 * DAY_MS || ms > LATEST_MS - 2 * DAY_MS) return day;
  const start = dayStartMs(day, timeZone);
  const end = dayStartMs(addDays(day, 1), timeZone);
  // Kept only when the span is the day's, as the calendar tells each of its ends.
  const isDay = (at: number) => formattedDay(at, timeZone) === day;
  if (
    start <= ms &&
    ms < end &&
    isDay(start) &&
    !isDay(start - 1) &&
    isDay(end - 1) &&
    !isDay(end)
  ) {
    told.unshift({ start, end, day });
    if (told.length > TOLD_DAYS_KEPT) told.pop();
  }
  return day;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** dayInZone, formatted every time. */
function formattedDay(ms: number, timeZone: string): string {
  const parts = formatter(timeZone).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** How far a zone's wall clock is ahead of UTC at an instant, in ms (whole seconds). */
function zoneOffsetMs(ms: number, timeZone: string): number {
  const parts = wallClock(timeZone).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour') % 24,
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClocks.set(timeZone, format);
  }
  return format;
}

/**
 * The first instant of a day (YYYY-MM-DD) in a time zone, in ms since the epoch: its
 * midnight (the first of two, where the clocks go back from 01:00 to midnight), or, where
 * the clocks skip midnight, the first time the day has. The day's end is the next day's
 * start (23, 24 or 25 hours later).
 */
export function dayStartMs(day: string, timeZone: string): number {
  const wallMidnight = Date.parse(`${day}T00:00:00.000Z`);
  // The offset at midnight may differ from the offset a few hours off it (a change of
  // clocks that night): ask again at the first guess.
  let start = wallMidnight - zoneOffsetMs(wallMidnight, timeZone);
  start = wallMidnight - zoneOffsetMs(start, timeZone);
  // Clocks that skip midnight put the guess on the day before: step to the day's first hour.
  while (formattedDay(start, timeZone) < day) start += HOUR_MS;
  // Clocks that go back from 01:00 to midnight put it on the second midnight: step back to
  // the first.
  while (formattedDay(start - HOUR_MS, timeZone) === day) start -= HOUR_MS;
  return start;
}

/**
 * The day the patron answered: the device's submit time corrected by its clock offset, in
 * the collector's time zone. The offset is (collector clock − device clock), as the kiosk
 * estimates it (src/app/sync/clock-offset.ts) and sends it with the batch, so the
 * collector's time of the submit is submittedAt + clockOffsetMs. An offset that would carry
 * the time out of the years 0001–9999 is ignored: the device's own time is all there is.
 */
export function answeredDay(
  submittedAt: string,
  clockOffsetMs: number | null,
  timeZone: string,
): string {
  const submitted = Date.parse(submittedAt);
  const corrected = submitted + (clockOffsetMs ?? 0);
  const at = corrected >= EARLIEST_MS && corrected <= LATEST_MS ? corrected : submitted;
  return dayInZone(at, timeZone);
}

/** YYYY-MM of a day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

function utcDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

function dayText(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The day n days after (n < 0: before) a day. */
export function addDays(day: string, n: number): string {
  const date = utcDay(day);
  date.setUTCDate(date.getUTCDate() + n);
  return dayText(date);
}

/** The Monday of a day's ISO week. */
export function isoWeekStart(day: string): string {
  const weekday = utcDay(day).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The first day of a month (YYYY-MM → YYYY-MM-01). */
export function monthStart(month: string): string {
  return `${month}-01`;
}

/** The last day of a month (YYYY-MM). */
export function monthEnd(month: string): string {
  const date = utcDay(monthStart(month));
  date.setUTCMonth(date.getUTCMonth() + 1, 0);
  return dayText(date);
}

/** The month after a month (YYYY-MM); n < 0 goes back. */
export function addMonths(month: string, n: number): string {
  const date = utcDay(monthStart(month));
  date.setUTCMonth(date.getUTCMonth() + n);
  return dayText(date).slice(0, 7);
}

/** A range of days or months, inclusive; null is open at that end. */
export interface Span {
  from: string | null;
  to: string | null;
}

/**
 * A period read from the rollups: the whole months inside it from month rows, and the
 * partial months at its edges from day rows, so a year costs twelve month rows per key,
 * not 365 day rows.
 */
export interface PeriodParts {
  /** Whole months (YYYY-MM), or null when the period holds none. */
  months: Span | null;
  /** Day ranges (YYYY-MM-DD) at the edges, at most two. */
  days: Span[];
}

/** Splits the days from…to (inclusive, either open) into whole months and edge days. */
export function splitPeriod(from?: string, to?: string): PeriodParts {
  if (from !== undefined && to !== undefined && from > to) return { months: null, days: [] };
  const fromMonth = from === undefined ? null : monthOf(from);
  const toMonth = to === undefined ? null : monthOf(to);
  const firstWhole =
    from === undefined || fromMonth === null
      ? null
      : from === monthStart(fromMonth)
        ? fromMonth
        : addMonths(fromMonth, 1);
  const lastWhole =
    to === undefined || toMonth === null
      ? null
      : to === monthEnd(toMonth)
        ? toMonth
        : addMonths(toMonth, -1);
  if (firstWhole !== null && lastWhole !== null && firstWhole > lastWhole) {
    return { months: null, days: [{ from: from ?? null, to: to ?? null }] };
  }
  const days: Span[] = [];
  if (from !== undefined && firstWhole !== null && from !== monthStart(firstWhole))
    days.push({ from, to: addDays(monthStart(firstWhole), -1) });
  if (to !== undefined && lastWhole !== null && to !== monthEnd(lastWhole))
    days.push({ from: monthStart(addMonths(lastWhole, 1)), to });
  return { months: { from: firstWhole, to: lastWhole }, days };
}
