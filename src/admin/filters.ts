/**
 * The filters every results page shares, read from and written to the page's query. The
 * query uses the API's own names (survey, from, to, branch, channel, locale, completed,
 * place, suspect),
 * so the filters of a view are the query of its API calls and exports as they stand.
 */
import { CHANNELS, type Channel } from '../shared/contract/response';
import { isLanguage, type Language } from '../shared/languages';

export interface Filters {
  survey: string | undefined;
  /** Days, YYYY-MM-DD, inclusive. */
  from: string | undefined;
  to: string | undefined;
  /** Empty: every branch the reader may see. */
  branches: string[];
  channels: Channel[];
  languages: Language[];
  /** true: complete only; false: incomplete only; undefined: both. */
  completed: boolean | undefined;
  /** Places (a response's location); empty: every response. */
  places: string[];
  /** Count the responses whose answers came implausibly fast, left out otherwise. */
  includeSuspect: boolean;
}

export const FILTER_KEYS = [
  'survey',
  'from',
  'to',
  'branch',
  'channel',
  'locale',
  'completed',
  'place',
  'suspect',
];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function list(query: URLSearchParams, key: string): string[] {
  return query
    .getAll(key)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

function day(value: string | null): string | undefined {
  return value && DAY.test(value) ? value : undefined;
}

export function readFilters(query: URLSearchParams): Filters {
  const completed = query.get('completed');
  return {
    survey: query.get('survey') || undefined,
    from: day(query.get('from')),
    to: day(query.get('to')),
    branches: list(query, 'branch'),
    channels: list(query, 'channel').filter((c): c is Channel =>
      (CHANNELS as readonly string[]).includes(c),
    ),
    languages: list(query, 'locale').filter(isLanguage),
    completed: completed === 'true' ? true : completed === 'false' ? false : undefined,
    // One parameter per place, never split at commas: a place's name may hold one.
    places: query
      .getAll('place')
      .map((value) => value.trim())
      .filter(Boolean),
    includeSuspect: query.get('suspect') === 'include',
  };
}

/** The query of these filters: what the URL keeps and what the API is asked. */
export function filterQuery(filters: Filters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.survey) query.set('survey', filters.survey);
  if (filters.from) query.set('from', filters.from);
  if (filters.to) query.set('to', filters.to);
  if (filters.branches.length) query.set('branch', filters.branches.join(','));
  if (filters.channels.length) query.set('channel', filters.channels.join(','));
  if (filters.languages.length) query.set('locale', filters.languages.join(','));
  if (filters.completed !== undefined) query.set('completed', String(filters.completed));
  for (const place of filters.places) query.append('place', place);
  if (filters.includeSuspect) query.set('suspect', 'include');
  return query;
}

/** A page's query with new filters, keeping what is the page's own (interval, search). */
export function withFilters(query: URLSearchParams, filters: Filters): URLSearchParams {
  const next = new URLSearchParams(query);
  for (const key of FILTER_KEYS) next.delete(key);
  for (const [key, value] of filterQuery(filters)) next.append(key, value);
  // New filters, new first page.
  next.delete('page');
  return next;
}

export const PERIOD_PRESETS = ['last-30-days', 'this-year', 'last-year', 'all'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** A day of the calendar as YYYY-MM-DD, in the reader's time zone. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The days a preset stands for, from `today`. */
export function presetPeriod(
  preset: PeriodPreset,
  today: Date,
): { from: string | undefined; to: string | undefined } {
  const year = today.getFullYear();
  switch (preset) {
    case 'last-30-days': {
      const start = new Date(today);
      start.setDate(start.getDate() - 29);
      return { from: isoDay(start), to: isoDay(today) };
    }
    case 'this-year':
      return { from: `${year}-01-01`, to: isoDay(today) };
    case 'last-year':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case 'all':
      return { from: undefined, to: undefined };
  }
}

/** Which preset a period is, if any: the picker shows it as chosen. */
export function matchingPreset(
  period: { from: string | undefined; to: string | undefined },
  today: Date,
): PeriodPreset | undefined {
  return PERIOD_PRESETS.find((preset) => {
    const p = presetPeriod(preset, today);
    return p.from === period.from && p.to === period.to;
  });
}
