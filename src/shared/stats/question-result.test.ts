/*
 * Reference values: R 4.2.2 (Debian r-base-core), options(digits = 17). Besides those of
 * estimates.test.ts (the rating's and the nps's means, the NPS, the adequacy scores):
 *
 *   tci <- function(x) c(mean(x), t.test(x)$conf.int)
 *   w <- function(x, n) c(x / n, suppressWarnings(prop.test(x, n, correct = FALSE)$conf.int))
 *   w(30, 50)                                        # the rating's top-two box
 *   w(25, 40); w(10, 40); w(0, 40); w(4, 40)         # the multi's shares
 *   w(7, 9); w(0, 9); w(2, 9)                        # the single's shares
 *   tci(rep(c(3, 5, 6, 7), c(2, 6, 7, 4)))           # gap: minimum
 *   tci(rep(c(6, 7, 8, 9), c(3, 5, 7, 4)))           # gap: desired
 *   tci(rep(c(4, 5, 6, 8), c(5, 6, 5, 3)))           # gap: perceived
 *   tci(rep(c(-3, -1, 0, 2), c(4, 6, 5, 2)))         # gap: superiority
 */
import { describe, expect, it } from 'vitest';
import { parsedQuestions } from '../../../test/fixtures/surveys';
import type { Question, QuestionInput } from '../contract/question';
import type { QuestionResult } from '../contract/results';
import type { QuestionCounts } from '../results/counts';
import { questionResult } from './question-result';
import { expectClose, REFERENCE } from './testing';

/** One question as the survey schema parses it, defaults filled in. */
const parsed = (input: QuestionInput) => parsedQuestions([input])[0] as Question;

const rating = parsed({
  id: 'overall',
  type: 'rating',
  scale: 'satisfaction',
  allowNA: true,
  optional: true,
});
const nps = parsed({ id: 'recommend', type: 'nps' });
const single = parsed({
  id: 'visits',
  type: 'single',
  options: [{ id: 'weekly' }, { id: 'monthly' }, { id: 'rarely' }],
});
const multi = parsed({
  id: 'buy-more',
  type: 'multi',
  other: true,
  options: [{ id: 'novels' }, { id: 'films' }, { id: 'games' }, { id: 'none', exclusive: true }],
});
const text = parsed({ id: 'improve', type: 'text', maxLength: 200 });
const gap = parsed({ id: 'staff-gap', type: 'gap', allowNA: true });

const ratingCounts: QuestionCounts = {
  '': { '1': 3, '2': 5, '3': 12, '4': 20, '5': 10, na: 4, skipped: 2 },
};
const npsCounts: QuestionCounts = {
  '': { '0': 2, '1': 1, '3': 3, '4': 1, '5': 4, '6': 6, '7': 9, '8': 14, '9': 11, '10': 19 },
};
const multiCounts: QuestionCounts = {
  '': { answered: 40, na: 2, skipped: 3 },
  novels: { selected: 25 },
  films: { selected: 10 },
  other: { selected: 4 },
};
const gapCounts: QuestionCounts = {
  '': { answered: 20, na: 1, skipped: 2 },
  minimum: { '3': 2, '5': 6, '6': 7, '7': 4, na: 1 },
  desired: { '6': 3, '7': 5, '8': 7, '9': 4, na: 1 },
  perceived: { '4': 5, '5': 6, '6': 5, '8': 3, na: 1 },
  adequacy: { '-2': 3, '0': 5, '1': 7, '3': 2 },
  superiority: { '-3': 4, '-1': 6, '0': 5, '2': 2 },
  excluded: { 'minimum-above-desired': 2 },
};

describe(`questionResult, estimates against ${REFERENCE}`, () => {
  it('gives a rating its counts on every point, its mean and its top-two box', () => {
    const result = questionResult(rating, ratingCounts);
    expect(result).toMatchObject({
      id: 'overall',
      type: 'rating',
      n: 50,
      na: 4,
      skipped: 2,
      tooFew: false,
      counts: { '1': 3, '2': 5, '3': 12, '4': 20, '5': 10 },
    });
    expectClose(result.mean, [3.58, 3.2650458610028323, 3.8949541389971678]);
    expectClose(result.topTwoBox, [0.6, 0.46181437747589366, 0.72391610269743456]);
    expect(result.topTwoBox?.n).toBe(50);
  });

  it('counts a rating point nobody chose as 0', () => {
    const result = questionResult(rating, { '': { '2': 3, '4': 4 } });
    expect(result.counts).toEqual({ '1': 0, '2': 3, '3': 0, '4': 4, '5': 0 });
    expect(result.topTwoBox?.value).toBeCloseTo(4 / 7, 12);
  });

  it('gives an nps its counts on 0–10, its mean and its score with the three groups', () => {
    const result = questionResult(nps, npsCounts);
    expect(result).toMatchObject({ n: 70, na: 0, skipped: 0, tooFew: false });
    expect(result.counts['2']).toBe(0);
    expect(Object.keys(result.counts)).toHaveLength(11);
    expectClose(result.mean, [7.628571428571429, 7.0442694189040527, 8.2128734382388053]);
    expectClose(result.nps, [18.571428571428569, -0.12453767581229513, 37.26739481866943]);
    expect(result.nps).toMatchObject({ promoters: 30, passives: 23, detractors: 17, n: 70 });
  });

  it('gives a single choice its counts on every option and each option’s share of n', () => {
    const result = questionResult(single, { '': { weekly: 7, rarely: 2, skipped: 1 } });
    expect(result).toMatchObject({
      id: 'visits',
      type: 'single',
      n: 9,
      na: 0,
      skipped: 1,
      tooFew: false,
      counts: { weekly: 7, monthly: 0, rarely: 2 },
    });
    expect(Object.keys(result.shares ?? {})).toEqual(['weekly', 'monthly', 'rarely']);
    expectClose(
      result.shares?.weekly,
      [0.77777777777777779, 0.45258896910698904, 0.93677489288215332],
    );
    expectClose(result.shares?.monthly, [0, 0, 0.29914504841954398]);
    expectClose(
      result.shares?.rarely,
      [0.22222222222222221, 0.063225107117846749, 0.54741103089301102],
    );
    expect(result.shares?.weekly).toMatchObject({ n: 9, fewAnswers: true });
    expect(result).not.toHaveProperty('mean');
  });

  it('gives a single choice’s share of an answer no longer among its options too', () => {
    const result = questionResult(single, { '': { weekly: 4, daily: 1 } });
    expect(result.counts).toEqual({ weekly: 4, monthly: 0, rarely: 0, daily: 1 });
    expect(result.shares?.daily?.value).toBeCloseTo(0.2, 12);
  });

  it('gives a multiple choice each option’s and other’s count and share of those who answered', () => {
    const result = questionResult(multi, multiCounts);
    expect(result).toMatchObject({ n: 40, na: 2, skipped: 3, tooFew: false });
    expect(result.counts).toEqual({ novels: 25, films: 10, games: 0, none: 0, other: 4 });
    expectClose(result.shares?.novels, [0.625, 0.47032439137301113, 0.75777020832766717]);
    expectClose(result.shares?.films, [0.25, 0.14187118639096308, 0.40193961420768026]);
    expectClose(result.shares?.games, [0, 0, 0.087621601197286611]);
    expectClose(result.shares?.none, [0, 0, 0.087621601197286611]);
    expectClose(result.shares?.other, [0.1, 0.039579528682606363, 0.23051775227522292]);
  });

  it('gives a free text only how many answered, said N/A or skipped', () => {
    expect(questionResult(text, { '': { answered: 12, skipped: 3 } })).toEqual<QuestionResult>({
      id: 'improve',
      type: 'text',
      n: 12,
      na: 0,
      skipped: 3,
      tooFew: false,
      counts: {},
    });
  });

  it('gives a gap item its counts per line, the line means and the gap scores', () => {
    const result = questionResult(gap, gapCounts);
    expect(result).toMatchObject({ n: 20, na: 1, skipped: 2, tooFew: false, counts: {} });
    const scores = result.gap;
    expect(scores?.minimum).toEqual({
      '1': 0,
      '2': 0,
      '3': 2,
      '4': 0,
      '5': 6,
      '6': 7,
      '7': 4,
      '8': 0,
      '9': 0,
    });
    expect(scores?.excludedMinimumAboveDesired).toBe(2);
    expectClose(scores?.minimumMean, [5.5789473684210522, 5.0151240800144086, 6.142770656827695]);
    expectClose(scores?.desiredMean, [7.6315789473684212, 7.1439897155778755, 8.1191681791589669]);
    expectClose(
      scores?.perceivedMean,
      [5.4736842105263159, 4.8236813378470931, 6.1236870832055388],
    );
    expectClose(scores?.adequacy, [0.41176470588235292, -0.33903059290163862, 1.1625600046663445]);
    expectClose(
      scores?.superiority,
      [-0.82352941176470584, -1.6207828887007101, -0.026275934828701688],
    );
  });

  it('gives a gap item the counts per value of both scores, every value from −8 to 8', () => {
    const scores = questionResult(gap, gapCounts).gap;
    const zeros = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [String(i - 8), 0]));
    expect(scores?.adequacyCounts).toEqual({ ...zeros, '-2': 3, '0': 5, '1': 7, '3': 2 });
    expect(scores?.superiorityCounts).toEqual({ ...zeros, '-3': 4, '-1': 6, '0': 5, '2': 2 });
  });

  it('withholds a gap score resting on fewer than 5 scores, though the item has enough answers', () => {
    const result = questionResult(gap, { ...gapCounts, adequacy: { '1': 3, '2': 1 } });
    expect(result.gap?.adequacy).toBeUndefined();
    expect(result.gap).not.toHaveProperty('adequacyCounts');
    expect(result.gap?.superiority).toBeDefined();
    expect(result.gap?.superiorityCounts).toBeDefined();
  });
});

describe('questionResult under 5 answers', () => {
  it.each<[string, number, QuestionCounts]>([
    ['rating', 0, { '': { '4': 2, '5': 2, na: 3, skipped: 1 } }],
    ['nps', 1, { '': { '10': 4 } }],
    ['single', 2, { '': { weekly: 4, na: 1 } }],
    ['multi', 3, { '': { answered: 4 }, novels: { selected: 4 } }],
    ['text', 4, { '': { answered: 4, skipped: 9 } }],
    ['gap', 5, { '': { answered: 4 }, minimum: { '3': 4 }, adequacy: { '1': 4 } }],
  ])('%s: withholds the counts and every estimate', (_, index, counts) => {
    const question = [rating, nps, single, multi, text, gap][index] as Question;
    const result = questionResult(question, counts);
    expect(result.tooFew).toBe(true);
    expect(result.n).toBe(4);
    expect(result.counts).toEqual({});
    for (const key of ['mean', 'topTwoBox', 'nps', 'shares', 'gap'] as const) {
      expect(result).not.toHaveProperty(key);
    }
  });

  it('shows a slice from exactly 5 answers', () => {
    expect(questionResult(rating, { '': { '3': 5 } }).tooFew).toBe(false);
  });
});
