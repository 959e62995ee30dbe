import { describe, expect, it } from 'vitest';
import { collectedResponse } from '../../../../test/fixtures/export-rows';
import { completeAnswers } from '../../../../test/fixtures/survey-package';
import { libraryServiceQualityV1 } from '../../../surveys/library-service-quality';
import { type CellValue, exportCells, exportColumns, RESPONSE_FIELDS } from './columns';

// The fixture's responses answer version 1, so its columns are version 1's.
const columns = exportColumns(libraryServiceQualityV1);
const names = columns.map((column) => column.name);

function cellsOf(answers = completeAnswers(), answeredDay: string | null = '2026-11-20') {
  const response = collectedResponse({ answers });
  const cells = exportCells(columns, { response, answeredDay });
  return Object.fromEntries(names.map((name, i) => [name, cells[i]])) as Record<string, CellValue>;
}

describe('exportColumns', () => {
  it('opens with the response fields, then follows the survey order', () => {
    expect(names.slice(0, RESPONSE_FIELDS.length)).toEqual([...RESPONSE_FIELDS]);
    expect(names.slice(RESPONSE_FIELDS.length, RESPONSE_FIELDS.length + 3)).toEqual([
      'visit-frequency',
      'todays-visit.borrow-return',
      'todays-visit.browse-read',
    ]);
    expect(names).toContain('todays-visit.other');
    expect(names).not.toContain('events-interest.other');
    expect(names).toContain('gap-staff-service.minimum');
    expect(names.at(-1)).toBe('lives-locally');
    expect(new Set(names).size).toBe(names.length);
  });

  it('writes the response fields, completed as 1 or 0 and the day as given', () => {
    const cells = cellsOf();
    expect(cells).toMatchObject({
      survey_version: 1,
      branch_id: 'main',
      channel: 'kiosk',
      locale: 'sl',
      answered_day: '2026-11-20',
      started_at: '2026-11-20T09:00:00.000Z',
      received_at: '2026-11-20T09:05:00.000Z',
      completed: 1,
    });
    expect(cellsOf(completeAnswers(), null).answered_day).toBeNull();
  });

  it.each([
    ['a rating as its number', { 'overall-satisfaction': 4 }, 'overall-satisfaction', 4],
    ['an nps of 0 as 0', { recommend: 0 }, 'recommend', 0],
    ['N/A as na', { 'computers-wifi': 'na' }, 'computers-wifi', 'na'],
    ['a single choice as its option id', { 'age-band': 'from-75' }, 'age-band', 'from-75'],
    ['a chosen option as 1', { 'todays-visit': { selected: ['event'] } }, 'todays-visit.event', 1],
    [
      'an option not chosen as 0',
      { 'todays-visit': { selected: ['event'] } },
      'todays-visit.ask-staff',
      0,
    ],
    ['a multi answered N/A as na', { 'buy-more-of': 'na' }, 'buy-more-of.novels', 'na'],
    ['a skipped multi as empty', {}, 'buy-more-of.novels', null],
    [
      'the other text',
      { 'todays-visit': { selected: [], other: 'Chess club' } },
      'todays-visit.other',
      'Chess club',
    ],
    [
      'no other text as empty',
      { 'todays-visit': { selected: ['event'] } },
      'todays-visit.other',
      null,
    ],
    [
      'a gap line as its point',
      { 'gap-staff-service': { minimum: 5, desired: 8, perceived: 7 } },
      'gap-staff-service.desired',
      8,
    ],
    [
      'a gap line answered N/A as na',
      { 'gap-staff-service': { minimum: 'na', desired: 8, perceived: 7 } },
      'gap-staff-service.minimum',
      'na',
    ],
    [
      'a text as typed',
      { 'one-improvement': 'More chairs, please.' },
      'one-improvement',
      'More chairs, please.',
    ],
    [
      'a text that looks like a formula, guarded',
      { 'one-improvement': '=1+1' },
      'one-improvement',
      "'=1+1",
    ],
    [
      'an other text that looks like a formula, guarded',
      { 'buy-more-of': { selected: [], other: '@SUM(A1)' } },
      'buy-more-of.other',
      "'@SUM(A1)",
    ],
    ['an unanswered rating as empty', {}, 'staff-helpful', null],
    [
      'an answer of another shape (another version) as empty',
      { 'staff-helpful': 'weekly' },
      'staff-helpful',
      null,
    ],
  ])('writes %s', (_, answers, column, expected) => {
    expect(cellsOf(answers as ReturnType<typeof completeAnswers>)[column]).toBe(expected);
  });
});
