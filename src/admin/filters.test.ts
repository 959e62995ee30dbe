import { describe, expect, it } from 'vitest';
import { filterQuery, matchingPreset, presetPeriod, readFilters, withFilters } from './filters';

const TODAY = new Date(2025, 4, 14); // 14 May 2025, local time

describe('the filters in the URL', () => {
  it('reads what it knows and leaves out what it does not', () => {
    const filters = readFilters(
      new URLSearchParams(
        'survey=lsq&from=2025-01-01&to=nonsense&branch=east,west&channel=kiosk,fax&locale=sl&locale=xx&completed=true',
      ),
    );
    expect(filters).toEqual({
      survey: 'lsq',
      from: '2025-01-01',
      to: undefined,
      branches: ['east', 'west'],
      channels: ['kiosk'],
      languages: ['sl'],
      completed: true,
      places: [],
      includeSuspect: false,
    });
  });

  it('reads each place whole, commas included, and suspect responses only when included', () => {
    const filters = readFilters(
      new URLSearchParams('place=Main street, corner&place=School&suspect=include'),
    );
    expect(filters.places).toEqual(['Main street, corner', 'School']);
    expect(filters.includeSuspect).toBe(true);
    expect(readFilters(new URLSearchParams('suspect=yes')).includeSuspect).toBe(false);
  });

  it('writes one place parameter per place, and suspect=include only when included', () => {
    const query = withFilters(new URLSearchParams('interval=week&place=Old'), {
      ...readFilters(new URLSearchParams()),
      places: ['Main street, corner', 'School'],
      includeSuspect: true,
    });
    expect(query.getAll('place')).toEqual(['Main street, corner', 'School']);
    expect(query.get('suspect')).toBe('include');
    expect(query.get('interval')).toBe('week');
  });

  it("writes them with the API's own names, so the URL is the API's query", () => {
    const query = filterQuery({
      survey: 'lsq',
      from: '2025-01-01',
      to: '2025-03-31',
      branches: ['east'],
      channels: [],
      languages: ['hu', 'ru'],
      completed: false,
      places: [],
      includeSuspect: false,
    });
    expect(query.toString()).toBe(
      'survey=lsq&from=2025-01-01&to=2025-03-31&branch=east&locale=hu%2Cru&completed=false',
    );
  });

  it("keeps the page's own keys and goes back to the first page", () => {
    const next = withFilters(new URLSearchParams('interval=month&page=3&branch=west'), {
      ...readFilters(new URLSearchParams()),
      branches: ['east'],
    });
    expect(next.toString()).toBe('interval=month&branch=east');
  });

  it.each([
    ['last-30-days', '2025-04-15', '2025-05-14'],
    ['this-year', '2025-01-01', '2025-05-14'],
    ['last-year', '2024-01-01', '2024-12-31'],
    ['all', undefined, undefined],
  ] as const)('%s → %s to %s, and is recognised again', (preset, from, to) => {
    expect(presetPeriod(preset, TODAY)).toEqual({ from, to });
    expect(matchingPreset({ from, to }, TODAY)).toBe(preset);
  });
});
