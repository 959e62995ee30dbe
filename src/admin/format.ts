/**
 * Numbers, shares, intervals and dates in the reader's language, all through Intl: 1 234,5
 * in Russian, 62 % in Slovenian. Estimates read "4.2 (4.0–4.4)": the value, then its 95%
 * interval in brackets when it has one.
 */
import type { Estimate } from '../shared/contract/results';
import type { Language } from '../shared/languages';

export type EstimateKind = 'mean' | 'share' | 'nps' | 'difference' | 'share-difference';

export interface Formatters {
  integer(value: number): string;
  /** A mean on its scale: one decimal. */
  decimal(value: number, digits?: number): string;
  /** A share 0…1 as a whole percentage. */
  percent(share: number): string;
  /** An NPS or a difference, with its sign: +31, −4. */
  signed(value: number, digits?: number): string;
  /** An estimate with its interval: "4.2 (4.0–4.4)", "62% (55%–68%)", "+31 (+18 to +44)". */
  estimate(estimate: Pick<Estimate, 'value' | 'low' | 'high'>, kind: EstimateKind): string;
  /** A calendar day (2025-03-14) as the language writes it. */
  day(isoDay: string): string;
  /** A day as day and short month, for a chart's axis: "12 Jan". */
  dayShort(isoDay: string): string;
  /** A day as a short month and year (a trend by month). */
  month(isoDay: string): string;
  /** A moment (ISO-8601) with date and time. */
  dateTime(iso: string): string;
  /** How long ago a moment was, from `now`: "3 days ago". */
  ago(iso: string, now: Date): string;
  /** A clock offset in ms, as seconds or minutes with a sign. */
  offset(ms: number): string;
}

const DAY_MS = 86_400_000;

/** Days are calendar days: read and written as UTC so no time zone moves them. */
function dayAsDate(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00Z`);
}

export function formatters(language: Language): Formatters {
  const integer = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const decimals = (digits: number) =>
    new Intl.NumberFormat(language, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const signed = (digits: number) =>
    new Intl.NumberFormat(language, {
      signDisplay: 'exceptZero',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  const signedPercent = new Intl.NumberFormat(language, {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: 0,
  });
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const dayShort = new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const month = new Intl.DateTimeFormat(language, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const range = (low: string, high: string, spaced: boolean) =>
    spaced ? `${low} … ${high}` : `${low}–${high}`;

  const f: Formatters = {
    integer: (value) => integer.format(value),
    decimal: (value, digits = 1) => decimals(digits).format(value),
    percent: (share) => percent.format(share),
    signed: (value, digits = 0) => signed(digits).format(value),
    estimate(e, kind) {
      const one = (v: number) => {
        switch (kind) {
          case 'mean':
            return f.decimal(v, 2);
          case 'share':
            return f.percent(v);
          case 'nps':
            return f.signed(v);
          case 'difference':
            return f.signed(v, 2);
          case 'share-difference':
            // A difference of two shares, in percentage points; the column header says so.
            return signedPercent.format(v);
        }
      };
      const value = one(e.value);
      if (e.low === null || e.high === null) return value;
      // Signed bounds read better with a word-like separator than a dash: "−4 … +12".
      const spaced = kind !== 'mean' && kind !== 'share';
      return `${value} (${range(one(e.low), one(e.high), spaced)})`;
    },
    day: (isoDay) => day.format(dayAsDate(isoDay)),
    dayShort: (isoDay) => dayShort.format(dayAsDate(isoDay)),
    month: (isoDay) => month.format(dayAsDate(isoDay)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    ago(iso, now) {
      const ms = new Date(iso).getTime() - now.getTime();
      const minutes = Math.round(ms / 60_000);
      if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
      const hours = Math.round(ms / 3_600_000);
      if (Math.abs(hours) < 24) return relative.format(hours, 'hour');
      return relative.format(Math.round(ms / DAY_MS), 'day');
    },
    offset(ms) {
      const seconds = ms / 1000;
      const unit = Math.abs(seconds) >= 120 ? 'minute' : 'second';
      const value = unit === 'minute' ? seconds / 60 : seconds;
      return new Intl.NumberFormat(language, {
        style: 'unit',
        unit,
        unitDisplay: 'short',
        signDisplay: 'exceptZero',
        maximumFractionDigits: 0,
      }).format(value);
    },
  };
  return f;
}
