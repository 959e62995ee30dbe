/**
 * A branch's opening hours: the text staff type on the collector ("mon-fri 09:00-19:00,
 * sat 10:00-14:00"), the periods it means, and whether the library is open at a moment in
 * a time zone. Pure and free of zod: the kiosk's first screen decides open or closed with
 * it, and the collector parses what staff typed with it.
 */

/** Monday first, as European libraries print their hours. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One span of a day the library is open, in its local time: "09:00" to "19:00" ("24:00" is midnight at the end). */
export interface OpeningPeriod {
  day: Weekday;
  opens: string;
  closes: string;
}

/** The week's periods; null (or absent) means the hours are not set: always open. */
export type OpeningHours = readonly OpeningPeriod[];

/** The most periods a week may have: two a day and some to spare. */
export const MAX_OPENING_PERIODS = 28;

/** "HH:MM" on a 24-hour clock; 24:00 only as a closing time. */
export const OPENING_TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

const MINUTES_PER_DAY = 24 * 60;
const MS_PER_MINUTE = 60_000;

/** Minutes since local midnight of an "HH:MM" (24:00 is 1440). */
export function minutesOf(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

function timeOf(minutes: number): string {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${hh}:${mm}`;
}

export type OpeningHoursParse = { ok: true; hours: OpeningHours } | { ok: false; message: string };

const SYNTAX_HINT = 'write e.g. "mon-fri 09:00-19:00, sat 10:00-14:00"';

function parseDays(text: string): Weekday[] | string {
  const dayIndex = (name: string) => WEEKDAYS.indexOf(name.slice(0, 3) as Weekday);
  const known = (name: string) => name.length >= 3 && dayIndex(name) >= 0;
  const [first = '', last, ...rest] = text.split('-');
  if (rest.length > 0 || !known(first) || (last !== undefined && !known(last))) {
    return `"${text}" is not a day or a range of days (mon, tue, wed, thu, fri, sat, sun)`;
  }
  const from = dayIndex(first);
  const to = last === undefined ? from : dayIndex(last);
  const days: Weekday[] = [];
  // A range may run over the weekend: "fri-mon" is Friday to Monday.
  for (let i = from; ; i = (i + 1) % 7) {
    days.push(WEEKDAYS[i] as Weekday);
    if (i === to) break;
  }
  return days;
}

function parseSpan(text: string): { opens: number; closes: number } | string {
  const match = /^(\d{1,2}):?(\d{2})-(\d{1,2}):?(\d{2})$/.exec(text);
  if (!match) return `"${text}" is not a span of time such as 09:00-19:00`;
  const [opens, closes] = [
    `${match[1]?.padStart(2, '0')}:${match[2]}`,
    `${match[3]?.padStart(2, '0')}:${match[4]}`,
  ];
  if (opens === '24:00' || !OPENING_TIME_PATTERN.test(opens)) {
    return `"${opens}" is not a time of day (00:00 to 23:59)`;
  }
  if (!OPENING_TIME_PATTERN.test(closes)) {
    return `"${closes}" is not a time of day (00:00 to 24:00)`;
  }
  const span = { opens: minutesOf(opens), closes: minutesOf(closes) };
  if (span.closes <= span.opens) {
    return `"${text}" closes before it opens; a night past midnight is two spans, e.g. "fri 20:00-24:00, sat 00:00-02:00"`;
  }
  return span;
}

/**
 * Reads the hours staff typed: groups separated by commas or semicolons, each days then
 * one or more spans ("mon-fri 09:00-12:00 13:00-19:00"). Days are mon … sun (or longer
 * English names), ranges may wrap ("sat-sun", "fri-mon"). A day not named is closed all
 * day. Overlapping spans on one day are refused: one of them is a mistake.
 */
export function parseOpeningHours(text: string): OpeningHoursParse {
  const groups = text
    .toLowerCase()
    .split(/[,;]/)
    .map((group) => group.trim())
    .filter((group) => group !== '');
  if (groups.length === 0) return { ok: false, message: `no hours given; ${SYNTAX_HINT}` };
  const periods: { day: Weekday; opens: number; closes: number }[] = [];
  for (const group of groups) {
    const [dayText = '', ...spanTexts] = group.split(/\s+/);
    const days = parseDays(dayText);
    if (typeof days === 'string') return { ok: false, message: `${days}; ${SYNTAX_HINT}` };
    if (spanTexts.length === 0) {
      return { ok: false, message: `"${group}" gives no time; ${SYNTAX_HINT}` };
    }
    for (const spanText of spanTexts) {
      const span = parseSpan(spanText);
      if (typeof span === 'string') return { ok: false, message: span };
      for (const day of days) {
        const clash = periods.find(
          (p) => p.day === day && p.opens < span.closes && span.opens < p.closes,
        );
        if (clash) {
          return {
            ok: false,
            message: `${day} ${timeOf(span.opens)}-${timeOf(span.closes)} overlaps ${timeOf(clash.opens)}-${timeOf(clash.closes)} on the same day`,
          };
        }
        periods.push({ day, ...span });
      }
    }
  }
  if (periods.length > MAX_OPENING_PERIODS) {
    return { ok: false, message: `at most ${MAX_OPENING_PERIODS} spans a week` };
  }
  periods.sort((a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || a.opens - b.opens);
  return {
    ok: true,
    hours: periods.map((p) => ({ day: p.day, opens: timeOf(p.opens), closes: timeOf(p.closes) })),
  };
}

/** The hours as staff would type them: "mon-fri 09:00-19:00, sat 10:00-14:00". */
export function formatOpeningHours(hours: OpeningHours | null | undefined): string {
  if (!hours) return 'always open';
  if (hours.length === 0) return 'always closed';
  const spansOf = (day: Weekday) =>
    hours
      .filter((p) => p.day === day)
      .map((p) => `${p.opens}-${p.closes}`)
      .join(' ');
  const groups: string[] = [];
  let i = 0;
  while (i < WEEKDAYS.length) {
    const spans = spansOf(WEEKDAYS[i] as Weekday);
    let j = i;
    while (j + 1 < WEEKDAYS.length && spansOf(WEEKDAYS[j + 1] as Weekday) === spans) j++;
    if (spans) {
      const days = i === j ? WEEKDAYS[i] : `${WEEKDAYS[i]}-${WEEKDAYS[j]}`;
      groups.push(`${days} ${spans}`);
    }
    i = j + 1;
  }
  return groups.join(', ');
}

/** A moment as the wall clock of a time zone shows it. */
interface LocalTime {
  /** The local calendar day as a UTC midnight (only its date fields are read). */
  dayUtcMs: number;
  weekday: Weekday;
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let formatter = formatters.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    };
    try {
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      // A zone this browser does not know: the device's own is the best guess there is.
      formatter = new Intl.DateTimeFormat('en-US', options);
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

function localTime(instantMs: number, timeZone: string | undefined): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const dayUtcMs = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1);
  // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
  const weekday = WEEKDAYS[(new Date(dayUtcMs).getUTCDay() + 6) % 7] as Weekday;
  return { dayUtcMs, weekday, minutes: (parts.hour ?? 0) * 60 + (parts.minute ?? 0) };
}

/** The offset of a zone's wall clock from UTC at an instant, in minutes. */
function offsetMinutes(instantMs: number, timeZone: string | undefined): number {
  const local = localTime(instantMs, timeZone);
  const wallMs = local.dayUtcMs + local.minutes * MS_PER_MINUTE;
  return Math.round(
    (wallMs - Math.floor(instantMs / MS_PER_MINUTE) * MS_PER_MINUTE) / MS_PER_MINUTE,
  );
}

/**
 * The instant a zone's wall clock shows a day's minute. Where the clock jumps forward
 * (a time that does not exist that day) it is the instant after the jump.
 */
function instantOfLocal(dayUtcMs: number, minutes: number, timeZone: string | undefined): number {
  const wallMs = dayUtcMs + minutes * MS_PER_MINUTE;
  const first = wallMs - offsetMinutes(wallMs, timeZone) * MS_PER_MINUTE;
  const second = wallMs - offsetMinutes(first, timeZone) * MS_PER_MINUTE;
  return Math.max(first, second);
}

export type OpeningState =
  | { open: true }
  | {
      open: false;
      /** When it opens next (within a week); undefined when the hours name no day at all. */
      opensAt: Date | undefined;
    };

/**
 * Whether the library is open at `now` by its hours in its time zone: open from the minute
 * a span opens to the minute before it closes. No hours set means always open.
 */
export function openingState(
  hours: OpeningHours | null | undefined,
  timeZone: string | undefined,
  now: Date,
): OpeningState {
  if (!hours) return { open: true };
  const nowMs = now.getTime();
  const local = localTime(nowMs, timeZone);
  const openNow = hours.some(
    (p) =>
      p.day === local.weekday &&
      minutesOf(p.opens) <= local.minutes &&
      local.minutes < minutesOf(p.closes),
  );
  if (openNow) return { open: true };
  const todayIndex = WEEKDAYS.indexOf(local.weekday);
  // Eight days: today's later span, or the same weekday next week at the latest.
  for (let ahead = 0; ahead <= 7; ahead++) {
    const day = WEEKDAYS[(todayIndex + ahead) % 7];
    const dayUtcMs = local.dayUtcMs + ahead * MINUTES_PER_DAY * MS_PER_MINUTE;
    const opens = hours
      .filter((p) => p.day === day)
      .map((p) => instantOfLocal(dayUtcMs, minutesOf(p.opens), timeZone))
      .filter((at) => at > nowMs)
      .sort((a, b) => a - b);
    if (opens[0] !== undefined) return { open: false, opensAt: new Date(opens[0]) };
  }
  return { open: false, opensAt: undefined };
}

/** Whether an instant falls on the same local day as another, in a zone. */
export function sameLocalDay(a: Date, b: Date, timeZone: string | undefined): boolean {
  return localTime(a.getTime(), timeZone).dayUtcMs === localTime(b.getTime(), timeZone).dayUtcMs;
}
