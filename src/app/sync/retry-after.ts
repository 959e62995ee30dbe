/**
 * Reads a Retry-After header (RFC 9110 §10.2.3): either delta-seconds or an HTTP-date, in
 * any of the three date forms a recipient must accept. Returns the wait in ms from `now`,
 * or undefined for anything else. Date.parse is not used: V8 reads "3 apples" as a date.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(?<month>${MONTHS.join('|')})`;
const TIME = '(?<h>\\d{2}):(?<m>\\d{2}):(?<s>\\d{2})';

/** The three forms, each with named groups day, month, year (or yy), h, m, s. */
const HTTP_DATES = [
  // Sun, 06 Nov 1994 08:49:37 GMT (IMF-fixdate, the one senders use)
  new RegExp(`^${DAY}, (?<day>\\d{2}) ${MONTH} (?<year>\\d{4}) ${TIME} GMT$`),
  // Sunday, 06-Nov-94 08:49:37 GMT (obsolete RFC 850)
  new RegExp(`^${LONG_DAY}, (?<day>\\d{2})-${MONTH}-(?<yy>\\d{2}) ${TIME} GMT$`),
  // Sun Nov  6 08:49:37 1994 (obsolete asctime)
  new RegExp(`^${DAY} ${MONTH} (?<day>[ \\d]\\d) ${TIME} (?<year>\\d{4})$`),
];

const SECOND_MS = 1000;

/** RFC 9110: a two-digit year more than 50 years in the future means the past century. */
function fromTwoDigitYear(yy: number, now: number): number {
  const thisYear = new Date(now).getUTCFullYear();
  const candidate = Math.floor(thisYear / 100) * 100 + yy;
  return candidate > thisYear + 50 ? candidate - 100 : candidate;
}

/** An HTTP-date as ms since the epoch; undefined when it is none of the three forms. */
function parseHttpDate(value: string, now: number): number | undefined {
  for (const form of HTTP_DATES) {
    const g = form.exec(value)?.groups;
    if (!g) continue;
    const year = g.year ? Number(g.year) : fromTwoDigitYear(Number(g.yy), now);
    const day = Number(g.day);
    const month = MONTHS.indexOf(g.month as string);
    const at = Date.UTC(year, month, day, Number(g.h), Number(g.m), Number(g.s));
    // Date.UTC rolls 31 Feb over into March; a date that does not exist is garbage.
    return new Date(at).getUTCDate() === day ? at : undefined;
  }
  return undefined;
}

/** The wait a Retry-After value asks for, in ms from `now`; undefined when it is garbage. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    const seconds = Number(trimmed);
    return Number.isSafeInteger(seconds * SECOND_MS) ? seconds * SECOND_MS : undefined;
  }
  const at = parseHttpDate(trimmed, now);
  // A date in the past means "now": wait nothing extra.
  return at === undefined ? undefined : Math.max(0, at - now);
}
