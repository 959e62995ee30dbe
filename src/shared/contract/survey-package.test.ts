import { describe, expect, it } from 'vitest';
import {
  completeTranslations,
  deleteKey,
  ONE_OF_EACH_TYPE,
  packageOf,
  setKey,
  structureOf,
} from '../../../test/fixtures/surveys';
import { LANGUAGES } from '../languages';
import { type Condition, MAX_CONDITION_DEPTH } from './condition';
import { SCALE_POINTS } from './constants';
import type { QuestionInput } from './question';
import { parseSurveyPackage } from './survey-package';

interface Refusal {
  message: string;
  path: string;
}

/** The problems of a refused package, read back from the message people see. */
function refusals(input: unknown): Refusal[] {
  const result = parseSurveyPackage(input);
  if (result.ok) throw new Error('expected the package to be refused, but it parsed');
  return result.message
    .split('✖ ')
    .filter(Boolean)
    .map((block) => {
      const [message = '', at = ''] = block.trim().split('\n');
      return { message, path: at.replace(/^\s*→ at /, '') };
    });
}

const rate = { id: 'overall', type: 'rating', scale: 'satisfaction' } satisfies QuestionInput;
const recommend = { id: 'recommend', type: 'nps' } satisfies QuestionInput;
const visits = {
  id: 'visits',
  type: 'single',
  options: [{ id: 'weekly' }, { id: 'monthly' }],
} satisfies QuestionInput;
const didToday = {
  id: 'did-today',
  type: 'multi',
  options: [{ id: 'borrow' }, { id: 'study' }],
} satisfies QuestionInput;
const improve = { id: 'improve', type: 'text', maxLength: 200 } satisfies QuestionInput;
const staffGap = { id: 'staff-gap', type: 'gap' } satisfies QuestionInput;

const RATING = SCALE_POINTS.rating;
const NPS = SCALE_POINTS.nps;
const ratingAnswers = `answers ${RATING.min} to ${RATING.max}`;

/** A question shown only when `showIf` holds, placed after every other kind of question. */
function shownIf(showIf: Condition): QuestionInput[] {
  return [rate, recommend, visits, didToday, improve, staffGap, { ...recommend, id: 'q7', showIf }];
}

/** A condition nesting `depth` levels: not(not(…(answered))). */
function nested(depth: number): Condition {
  return depth <= 1
    ? { op: 'answered', question: 'overall' }
    : { op: 'not', condition: nested(depth - 1) };
}

describe('a valid survey package', () => {
  it.each(ONE_OF_EACH_TYPE.map((q) => [q.type, q] as const))(
    'parses with a %s question',
    (_type, question) => {
      const result = parseSurveyPackage(packageOf([question]));
      expect(result.ok).toBe(true);
    },
  );

  it('fills in the defaults of every question type', () => {
    const result = parseSurveyPackage(packageOf(ONE_OF_EACH_TYPE));
    if (!result.ok) throw new Error(result.message);
    const [rating, nps, single, multi, text, gap] = result.value.questions;
    const common = { optional: false, allowNA: false };
    expect(rating).toEqual({ ...rate, ...common, faces: false });
    expect(nps).toEqual({ ...recommend, ...common });
    expect(single).toEqual({
      ...visits,
      ...common,
      options: [
        { id: 'weekly', exclusive: false },
        { id: 'monthly', exclusive: false },
      ],
    });
    expect(multi).toEqual({
      ...didToday,
      ...common,
      other: false,
      options: [
        { id: 'borrow', exclusive: false },
        { id: 'study', exclusive: false },
      ],
    });
    expect(multi).not.toHaveProperty('maxSelected');
    expect(text).toEqual({ ...improve, ...common });
    expect(gap).toEqual({ ...staffGap, ...common });
  });

  it('keeps the explicit settings of a question', () => {
    const question = {
      id: 'did-today',
      type: 'multi',
      optional: true,
      allowNA: true,
      other: true,
      maxSelected: 2,
      options: [{ id: 'borrow' }, { id: 'study' }, { id: 'none', exclusive: true }],
    } satisfies QuestionInput;
    const result = parseSurveyPackage(packageOf([question]));
    if (!result.ok) throw new Error(result.message);
    expect(result.value.questions[0]).toMatchObject({ ...question, options: expect.any(Array) });
    expect(result.value.questions[0]).toHaveProperty('options.2', { id: 'none', exclusive: true });
  });

  it.each<[string, Condition]>([
    ['answered on any earlier question', { op: 'answered', question: 'improve' }],
    [
      'equals an option of a single question',
      { op: 'equals', question: 'visits', value: 'weekly' },
    ],
    ['notEquals a rating point', { op: 'notEquals', question: 'overall', value: RATING.max }],
    [
      'equals the ends of the nps scale',
      {
        op: 'any',
        conditions: [
          { op: 'equals', question: 'recommend', value: NPS.min },
          { op: 'equals', question: 'recommend', value: NPS.max },
        ],
      },
    ],
    [
      'includes an option of a multi question',
      { op: 'includes', question: 'did-today', value: 'study' },
    ],
    ['atLeast on an nps question', { op: 'atLeast', question: 'recommend', value: 9 }],
    ['atMost on a rating question', { op: 'atMost', question: 'overall', value: 2 }],
    [
      'all, any and not combined',
      {
        op: 'any',
        conditions: [
          { op: 'all', conditions: [{ op: 'answered', question: 'staff-gap' }] },
          { op: 'not', condition: { op: 'equals', question: 'overall', value: 1 } },
        ],
      },
    ],
    [`nesting exactly ${MAX_CONDITION_DEPTH} levels`, nested(MAX_CONDITION_DEPTH)],
  ])('parses a showIf with %s', (_name, showIf) => {
    const result = parseSurveyPackage(packageOf(shownIf(showIf)));
    expect(result.ok ? 'parsed' : result.message).toBe('parsed');
  });

  it('accepts maxSelected equal to the number of options', () => {
    const result = parseSurveyPackage(packageOf([{ ...didToday, maxSelected: 2 }]));
    expect(result.ok).toBe(true);
  });

  it('accepts a language that has more keys than the structure needs, when English has them too', () => {
    const pkg = packageOf([rate]);
    for (const tree of Object.values(pkg.translations)) {
      if (tree) setKey(tree, 'questions.overall.hint', 'a hint');
    }
    expect(parseSurveyPackage(pkg).ok).toBe(true);
  });
});

describe('a survey package with a structural problem', () => {
  it.each<[string, QuestionInput[], string, string]>([
    [
      'a question id used twice',
      [rate, { ...recommend, id: 'overall' }],
      'questions[1].id',
      '"overall" is used twice',
    ],
    [
      'an option id used twice',
      [{ ...visits, options: [{ id: 'weekly' }, { id: 'weekly' }] }],
      'questions[0].options[1].id',
      'option "weekly" is used twice',
    ],
    [
      'the reserved option id "na"',
      [{ ...visits, options: [{ id: 'weekly' }, { id: 'na' }] }],
      'questions[0].options[1].id',
      '"na" is reserved',
    ],
    [
      'the reserved option id "other"',
      [{ ...didToday, options: [{ id: 'other' }, { id: 'study' }] }],
      'questions[0].options[0].id',
      '"other" is reserved',
    ],
    [
      'a text question offering N/A',
      [rate, { ...improve, allowNA: true }],
      'questions[1].allowNA',
      'a text question cannot offer N/A',
    ],
    [
      'maxSelected above the number of options',
      [{ ...didToday, maxSelected: 3 }],
      'questions[0].maxSelected',
      'is more than the number of options',
    ],
  ])('is refused for %s, naming the path', (_name, questions, path, message) => {
    expect(refusals(packageOf(questions))).toContainEqual({
      path,
      message: expect.stringContaining(message),
    });
  });

  it.each<[string, QuestionInput[], string, string]>([
    [
      'a later question',
      [{ ...rate, showIf: { op: 'answered', question: 'recommend' } }, recommend],
      'questions[0].showIf',
      '"recommend", which is not an earlier question',
    ],
    [
      'an unknown question',
      [rate, { ...recommend, showIf: { op: 'answered', question: 'nowhere' } }],
      'questions[1].showIf',
      '"nowhere", which is not an earlier question',
    ],
    [
      'the question itself',
      [rate, { ...recommend, showIf: { op: 'atLeast', question: 'recommend', value: 9 } }],
      'questions[1].showIf',
      'not an earlier question',
    ],
  ])('is refused for a showIf referring to %s', (_name, questions, path, message) => {
    expect(refusals(packageOf(questions))).toContainEqual({
      path,
      message: expect.stringContaining(message),
    });
  });

  it.each<[string, Condition, string]>([
    [
      'includes on a rating',
      { op: 'includes', question: 'overall', value: 'weekly' },
      '"includes" needs a multiple-choice question, not "overall" (rating)',
    ],
    [
      'includes with an unknown option',
      { op: 'includes', question: 'did-today', value: 'dance' },
      '"did-today" (multi) has no option "dance"',
    ],
    [
      'atLeast on a single',
      { op: 'atLeast', question: 'visits', value: 1 },
      '"atLeast" needs a rating or nps question, not "visits" (single)',
    ],
    [
      'atLeast beyond the scale of a rating',
      { op: 'atLeast', question: 'overall', value: RATING.max + 1 },
      `"overall" (rating) ${ratingAnswers}`,
    ],
    [
      'atMost on a gap',
      { op: 'atMost', question: 'staff-gap', value: 3 },
      '"atMost" needs a rating or nps question',
    ],
    [
      'equals with an unknown option',
      { op: 'equals', question: 'visits', value: 'daily' },
      '"visits" (single) has no option "daily"',
    ],
    [
      'notEquals with "na" on a single',
      { op: 'notEquals', question: 'visits', value: 'na' },
      'has no option "na"',
    ],
    [
      'equals a rating point above the scale',
      { op: 'equals', question: 'overall', value: RATING.max + 1 },
      `"overall" (rating) ${ratingAnswers}`,
    ],
    [
      'equals a rating point below the scale',
      { op: 'equals', question: 'overall', value: RATING.min - 1 },
      ratingAnswers,
    ],
    [
      'equals an nps point above the scale',
      { op: 'equals', question: 'recommend', value: NPS.max + 1 },
      `"recommend" (nps) answers ${NPS.min} to ${NPS.max}`,
    ],
    [
      'equals an option id on a rating',
      { op: 'equals', question: 'overall', value: 'good' },
      ratingAnswers,
    ],
    [
      'equals on a multi',
      { op: 'equals', question: 'did-today', value: 'study' },
      '"equals" cannot compare "did-today" (multi)',
    ],
    [
      'equals on a text',
      { op: 'equals', question: 'improve', value: 'nothing' },
      '"equals" cannot compare "improve" (text)',
    ],
    [
      'notEquals on a gap',
      { op: 'notEquals', question: 'staff-gap', value: 5 },
      '"notEquals" cannot compare "staff-gap" (gap)',
    ],
    [
      'a bad leaf deep inside all/any/not',
      {
        op: 'all',
        conditions: [
          { op: 'answered', question: 'overall' },
          {
            op: 'any',
            conditions: [
              { op: 'not', condition: { op: 'includes', question: 'visits', value: 'weekly' } },
            ],
          },
        ],
      },
      '"includes" needs a multiple-choice question, not "visits" (single)',
    ],
  ])('is refused for a showIf with %s', (_name, showIf, message) => {
    expect(refusals(packageOf(shownIf(showIf)))).toContainEqual({
      path: 'questions[6].showIf',
      message: expect.stringContaining(message),
    });
  });

  it(`is refused for a showIf nesting deeper than ${MAX_CONDITION_DEPTH} levels`, () => {
    expect(refusals(packageOf(shownIf(nested(MAX_CONDITION_DEPTH + 1))))).toContainEqual({
      path: 'questions[6].showIf',
      message: `nests deeper than ${MAX_CONDITION_DEPTH} levels`,
    });
  });

  it('counts nesting through all and any as well as not', () => {
    let condition: Condition = { op: 'answered', question: 'overall' };
    for (let depth = 1; depth <= MAX_CONDITION_DEPTH; depth++) {
      condition =
        depth % 2 ? { op: 'all', conditions: [condition] } : { op: 'any', conditions: [condition] };
    }
    expect(refusals(packageOf(shownIf(condition)))).toContainEqual({
      path: 'questions[6].showIf',
      message: `nests deeper than ${MAX_CONDITION_DEPTH} levels`,
    });
  });

  it('names every problem, not only the first', () => {
    const questions: QuestionInput[] = [
      { ...visits, options: [{ id: 'na' }, { id: 'monthly' }] },
      { ...improve, allowNA: true },
    ];
    expect(
      refusals(packageOf(questions))
        .map((r) => r.path)
        .sort(),
    ).toEqual(['questions[0].options[0].id', 'questions[1].allowNA']);
  });
});

describe('a survey package of the wrong shape', () => {
  /** A valid package, then one field replaced by the case's junk. */
  function withQuestion(change: Record<string, unknown>, index = 0): unknown {
    const pkg = packageOf([rate, visits]);
    const questions = pkg.questions.map((q, i) => (i === index ? { ...q, ...change } : q));
    return { ...pkg, questions };
  }

  it.each<[string, unknown, string, string]>([
    [
      'an unknown question type',
      withQuestion({ type: 'slider' }),
      'questions[0].type',
      'Invalid discriminator value',
    ],
    [
      'a question id in capitals',
      withQuestion({ id: 'Overall' }),
      'questions[0].id',
      'use lower-case letters',
    ],
    [
      'a question id with an underscore',
      withQuestion({ id: 'over_all' }),
      'questions[0].id',
      'use lower-case letters',
    ],
    [
      'a question id with a dot, the key separator',
      withQuestion({ id: 'over.all' }),
      'questions[0].id',
      'use lower-case letters',
    ],
    [
      'a question id starting with a digit',
      withQuestion({ id: '1st' }),
      'questions[0].id',
      'use lower-case letters',
    ],
    [
      'a question id with a double dash',
      withQuestion({ id: 'over--all' }),
      'questions[0].id',
      'use lower-case letters',
    ],
    [
      'an option id with a space',
      withQuestion({ options: [{ id: 'every week' }, { id: 'monthly' }] }, 1),
      'questions[1].options[0].id',
      'use lower-case letters',
    ],
    [
      'a single question with one option',
      withQuestion({ options: [{ id: 'weekly' }] }, 1),
      'questions[1].options',
      '',
    ],
    [
      'a field the question type does not have',
      withQuestion({ label: 'How?' }),
      'questions[0]',
      'Unrecognized key: "label"',
    ],
    [
      'a text question without maxLength',
      withQuestion({ type: 'text', scale: undefined, faces: undefined }),
      'questions[0].maxLength',
      '',
    ],
    [
      'a survey id with capitals',
      { ...packageOf([rate]), id: 'My-Survey' },
      'id',
      'use lower-case letters',
    ],
    ['version 0', { ...packageOf([rate]), version: 0 }, 'version', ''],
    ['a version beyond 32 bits', { ...packageOf([rate]), version: 2 ** 31 }, 'version', ''],
    ['no questions', { ...packageOf([rate]), questions: [] }, 'questions', ''],
    [
      'a language outside the five',
      {
        ...packageOf([rate]),
        translations: { ...completeTranslations(structureOf([rate])), de: {} },
      },
      'translations',
      'Unrecognized key: "de"',
    ],
    [
      'a translation that is not text',
      {
        ...packageOf([rate]),
        translations: { ...completeTranslations(structureOf([rate])), hu: { title: 3 } },
      },
      'translations.hu.title',
      '',
    ],
  ])('is refused for %s, naming the path', (_name, input, path, message) => {
    expect(refusals(input)).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it.each([[null], ['junk'], [42], [[]], [{}]])(
    'is refused for %j instead of throwing',
    (input) => {
      expect(parseSurveyPackage(input).ok).toBe(false);
    },
  );
});

describe('a survey package with incomplete translations', () => {
  const questions: QuestionInput[] = [
    { id: 'q1', type: 'single', options: [{ id: 'yes' }, { id: 'no' }] },
  ];

  it('is refused for a missing language', () => {
    const pkg = packageOf(questions);
    delete pkg.translations.hu;
    expect(refusals(pkg)).toEqual([{ path: 'translations.hu', message: 'is missing' }]);
  });

  it.each([
    ['the question text', 'questions.q1.text'],
    ['an option', 'questions.q1.options.no'],
    ['the title', 'title'],
    ['the intro', 'intro'],
  ])('is refused for a language missing %s, which the structure needs', (_name, key) => {
    const pkg = packageOf(questions);
    deleteKey(pkg.translations.sl ?? {}, key);
    expect(refusals(pkg)).toEqual([{ path: `translations.sl.${key}`, message: 'is missing' }]);
  });

  it('is refused for a language missing a key that English has', () => {
    const pkg = packageOf(questions);
    for (const language of LANGUAGES.filter((l) => l !== 'sl')) {
      setKey(pkg.translations[language] ?? {}, 'questions.q1.hint', 'Choose one.');
    }
    expect(refusals(pkg)).toEqual([
      { path: 'translations.sl.questions.q1.hint', message: 'is missing' },
    ]);
  });

  it('is refused for English itself missing a key the structure needs', () => {
    const pkg = packageOf(questions);
    deleteKey(pkg.translations.en ?? {}, 'questions.q1.text');
    expect(refusals(pkg)).toEqual([
      { path: 'translations.en.questions.q1.text', message: 'is missing' },
    ]);
  });

  it.each(['', '   '])('counts a text of %j as missing', (text) => {
    const pkg = packageOf(questions);
    setKey(pkg.translations.lt ?? {}, 'questions.q1.options.yes', text);
    expect(refusals(pkg)).toEqual([
      { path: 'translations.lt.questions.q1.options.yes', message: 'is missing' },
    ]);
  });
});
