import { describe, expect, it } from 'vitest';
import { parsedQuestions } from '../../../test/fixtures/surveys';
import type { QuestionInput } from '../contract/question';
import {
  GAP_KEYS,
  NPS_KEYS,
  optionKey,
  questionHintKey,
  questionTextKey,
  requiredTranslationKeys,
  scalePointKey,
} from './translation-keys';

function keysFor(questions: QuestionInput[], title = 'title'): string[] {
  return requiredTranslationKeys({ title, questions: parsedQuestions(questions) });
}

const gapKeys = [
  'scales.gap.minimum',
  'scales.gap.desired',
  'scales.gap.perceived',
  'scales.gap.low',
  'scales.gap.high',
  'scales.gap.instructions',
];

describe('requiredTranslationKeys', () => {
  it.each<[string, QuestionInput, string[]]>([
    [
      'rating: its text and every point of its scale in words',
      { id: 'overall', type: 'rating', scale: 'satisfaction', faces: true },
      [
        'questions.overall.text',
        'scales.satisfaction.1',
        'scales.satisfaction.2',
        'scales.satisfaction.3',
        'scales.satisfaction.4',
        'scales.satisfaction.5',
      ],
    ],
    [
      'nps: its text and what 0 and 10 mean',
      { id: 'recommend', type: 'nps' },
      ['questions.recommend.text', 'scales.nps.low', 'scales.nps.high'],
    ],
    [
      'single: its text and every option',
      { id: 'visits', type: 'single', options: [{ id: 'weekly' }, { id: 'monthly' }] },
      [
        'questions.visits.text',
        'questions.visits.options.weekly',
        'questions.visits.options.monthly',
      ],
    ],
    [
      'multi: its text and every option (the "other" label is the app\'s)',
      {
        id: 'did',
        type: 'multi',
        other: true,
        options: [{ id: 'borrow' }, { id: 'none', exclusive: true }],
      },
      ['questions.did.text', 'questions.did.options.borrow', 'questions.did.options.none'],
    ],
    [
      'text: its text only',
      { id: 'improve', type: 'text', maxLength: 500 },
      ['questions.improve.text'],
    ],
    [
      'gap: its text and the gap scale',
      { id: 'staff-gap', type: 'gap' },
      ['questions.staff-gap.text', ...gapKeys],
    ],
  ])('%s', (_name, question, keys) => {
    expect(keysFor([question])).toEqual(['title', 'intro', ...keys]);
  });

  it('asks for a scale shared by several questions once, in question order', () => {
    expect(
      keysFor([
        { id: 'staff', type: 'rating', scale: 'quality' },
        { id: 'g1', type: 'gap' },
        { id: 'hours', type: 'rating', scale: 'quality', allowNA: true },
        { id: 'g2', type: 'gap' },
      ]),
    ).toEqual([
      'title',
      'intro',
      'questions.staff.text',
      'scales.quality.1',
      'scales.quality.2',
      'scales.quality.3',
      'scales.quality.4',
      'scales.quality.5',
      'questions.g1.text',
      ...gapKeys,
      'questions.hours.text',
      'questions.g2.text',
    ]);
  });

  it('names the title by the key the structure gives', () => {
    expect(keysFor([{ id: 'q1', type: 'nps' }], 'survey-title')[0]).toBe('survey-title');
  });

  it('does not ask for hints, which a survey may leave out', () => {
    expect(keysFor([{ id: 'q1', type: 'nps' }])).not.toContain(questionHintKey('q1'));
  });
});

describe('key helpers', () => {
  it.each([
    [questionTextKey('overall'), 'questions.overall.text'],
    [questionHintKey('overall'), 'questions.overall.hint'],
    [optionKey('visits', 'weekly'), 'questions.visits.options.weekly'],
    [scalePointKey('agreement', 3), 'scales.agreement.3'],
    [NPS_KEYS.low, 'scales.nps.low'],
    [GAP_KEYS.instructions, 'scales.gap.instructions'],
  ])('%s is %s', (key, expected) => {
    expect(key).toBe(expected);
  });
});
