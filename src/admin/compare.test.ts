/*
 * The differences of two summaries are those of their counts: the reference values are
 * those of src/shared/stats/question-differences.test.ts (R 4.2.2), whose R commands
 * recompute them from the same counts.
 */
import { describe, expect, it } from 'vitest';
import { parsedQuestions } from '../../test/fixtures/surveys';
import type { Question, QuestionInput } from '../shared/contract/question';
import type { QuestionCounts } from '../shared/results/counts';
import { differencesOfQuestion, questionResult } from '../shared/stats';
import { expectClose, REFERENCE } from '../shared/stats/testing';
import {
  compareResults,
  countsOfResult,
  periodPair,
  readComparison,
  sliceQuery,
  writeComparison,
} from './compare';
import { readFilters } from './filters';

const TODAY = new Date(2025, 4, 14);

describe('what Compare compares', () => {
  it('compares this year so far with the same days last year', () => {
    expect(periodPair('this-year-last-year', TODAY)).toEqual({
      a: { from: '2025-01-01', to: '2025-05-14' },
      b: { from: '2024-01-01', to: '2024-05-14' },
    });
  });

  it('compares the last 30 days with the 30 before', () => {
    expect(periodPair('last-30-days-before', TODAY)).toEqual({
      a: { from: '2025-04-15', to: '2025-05-14' },
      b: { from: '2025-03-16', to: '2025-04-14' },
    });
  });

  it('compares periods for branch staff, who see one branch', () => {
    const comparison = readComparison(new URLSearchParams('mode=branch&a=east&b=west'), {
      today: TODAY,
      canChooseBranches: false,
    });
    expect(comparison.mode).toBe('period');
  });

  it('keeps a comparison in the URL and reads it back', () => {
    const comparison = {
      mode: 'period' as const,
      a: { from: '2025-02-01', to: '2025-02-28' },
      b: { from: '2025-01-01', to: '2025-01-31' },
    };
    const query = writeComparison(new URLSearchParams('survey=lsq'), comparison);
    expect(readComparison(query, { today: TODAY, canChooseBranches: true })).toEqual(comparison);
    expect(query.get('survey')).toBe('lsq');
  });

  it("asks each slice with the page's filters and its own branch", () => {
    const filters = readFilters(new URLSearchParams('survey=lsq&branch=north&channel=kiosk'));
    expect(sliceQuery(filters, 'branch', { branch: 'east' }).toString()).toBe(
      'survey=lsq&branch=east&channel=kiosk',
    );
    expect(sliceQuery(filters, 'period', { from: '2025-01-01', to: '2025-01-31' }).toString()).toBe(
      'survey=lsq&from=2025-01-01&to=2025-01-31&branch=north&channel=kiosk',
    );
  });
});

const parsed = (input: QuestionInput) => parsedQuestions([input])[0] as Question;
const gap = parsed({ id: 'staff-gap', type: 'gap', allowNA: true });
const rating = parsed({ id: 'overall', type: 'rating', scale: 'satisfaction' });
const multi = parsed({
  id: 'buy',
  type: 'multi',
  other: true,
  options: [{ id: 'a' }, { id: 'b' }],
});

const gapA: QuestionCounts = {
  '': { answered: 19, na: 1 },
  minimum: { '5': 19 },
  adequacy: { '-2': 3, '0': 5, '1': 7, '3': 2 },
  superiority: { '-3': 4, '-1': 6, '0': 5, '2': 2 },
  excluded: { 'minimum-above-desired': 2 },
};
const gapB: QuestionCounts = {
  '': { answered: 16 },
  minimum: { '4': 16 },
  adequacy: { '-1': 2, '0': 4, '2': 6, '4': 3 },
  superiority: { '-2': 5, '0': 5, '1': 5 },
};

describe(`Compare's differences from two summaries, against ${REFERENCE}`, () => {
  it('compares gap items’ adequacy and superiority (Welch) from the summary’s score counts', () => {
    const differences = compareResults(gap, questionResult(gap, gapA), questionResult(gap, gapB));
    expect(differences.tooFew).toBe(false);
    expectClose(
      differences.adequacy,
      [-1.0549019607843135, -2.221888485920521, 0.11208456435189394],
    );
    expectClose(
      differences.superiority,
      [-0.49019607843137253, -1.516644320389819, 0.53625216352707417],
    );
    expect(differences.adequacy?.fewAnswers).toBe(true);
    expect(differences.superiority?.fewAnswers).toBe(true);
  });

  it('leaves out a gap score the summary withholds on either side (under 5 scores)', () => {
    const fewScores = { ...gapB, adequacy: { '1': 4 } };
    const b = questionResult(gap, fewScores);
    expect(b.gap?.adequacyCounts).toBeUndefined();
    const differences = compareResults(gap, questionResult(gap, gapA), b);
    expect(differences.adequacy).toBeUndefined();
    expect(differences.superiority).toBeDefined();
  });

  it('compares nothing when a side is under 5 answers, gap items too', () => {
    const four = questionResult(gap, { '': { answered: 4 }, adequacy: { '1': 4 } });
    expect(compareResults(gap, questionResult(gap, gapA), four)).toEqual({ tooFew: true });
  });

  it('warns of few answers only when a side is under 30', () => {
    const many: QuestionCounts = {
      '': { answered: 40 },
      adequacy: { '0': 20, '1': 20 },
      superiority: { '-1': 20, '0': 20 },
    };
    const both = compareResults(gap, questionResult(gap, many), questionResult(gap, many));
    expect(both.adequacy).toMatchObject({ value: 0, fewAnswers: false });
    const one = compareResults(gap, questionResult(gap, many), questionResult(gap, gapB));
    expect(one.adequacy?.fewAnswers).toBe(true);
  });

  it('gives back the counts the statistics read, so a rating compares as from its raw counts', () => {
    const a: QuestionCounts = { '': { '1': 3, '2': 5, '3': 12, '4': 20, '5': 10, na: 4 } };
    const b: QuestionCounts = { '': { '1': 6, '2': 9, '3': 10, '4': 8, '5': 4, skipped: 2 } };
    expect(compareResults(rating, questionResult(rating, a), questionResult(rating, b))).toEqual(
      differencesOfQuestion(rating, a, b),
    );
    expectClose(
      compareResults(rating, questionResult(rating, a), questionResult(rating, b)).mean,
      [0.71513513513513516, 0.19973442143785905, 1.2305358488324112],
    );
  });

  it('reads a multiple choice’s counts back per option', () => {
    const counts: QuestionCounts = {
      '': { answered: 9 },
      a: { selected: 6 },
      other: { selected: 2 },
    };
    expect(countsOfResult(questionResult(multi, counts))).toEqual({
      '': { answered: 9 },
      a: { selected: 6 },
      b: { selected: 0 },
      other: { selected: 2 },
    });
  });
});
