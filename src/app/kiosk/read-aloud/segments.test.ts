import { beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../../shared/contract/question';
import { DEFAULT_SURVEY_ID } from '../../../surveys';
import { libraryServiceQuality } from '../../../surveys/library-service-quality';
import { prepareLanguage, translators } from '../../i18n/i18n';
import {
  gapLineReadId,
  readId,
  readingSegments,
  type SegmentTexts,
  textFieldReadId,
} from './segments';

const questions = libraryServiceQuality.questions;
function question(id: string): Question {
  const found = questions.find((q) => q.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}

/** Texts that show their keys, so the order and the ids are plain to read. */
const keys: SegmentTexts = {
  app: (key, values) => (values ? `${key} ${JSON.stringify(values)}` : key),
  survey: (key) => (key.endsWith('.hint') ? '' : key),
  number: (value) => `#${value}`,
};

function withHints(hinted: string[]): SegmentTexts {
  return { ...keys, survey: (key) => (key.endsWith('.hint') && !hinted.includes(key) ? '' : key) };
}

describe('readingSegments', () => {
  it('reads a single choice: the question, its hint, then each option with its id', () => {
    const q = question('lives-locally');
    expect(readingSegments(q, withHints(['questions.lives-locally.hint']))).toEqual([
      { text: 'questions.lives-locally.text' },
      { text: 'questions.lives-locally.hint' },
      { text: 'questions.lives-locally.options.yes', id: readId(q.id, 'yes') },
      { text: 'questions.lives-locally.options.no', id: readId(q.id, 'no') },
      {
        text: 'questions.lives-locally.options.prefer-not-to-say',
        id: readId(q.id, 'prefer-not-to-say'),
      },
    ]);
  });

  it('leaves out a hint the survey does not have', () => {
    const texts = readingSegments(question('lives-locally'), keys).map((s) => s.text);
    expect(texts).not.toContain('questions.lives-locally.hint');
  });

  it('reads "Other" after a multiple choice’s options, and N/A last where allowed', () => {
    const multi = readingSegments(question('todays-visit'), keys);
    expect(multi.at(-1)).toEqual({ text: 'answer.other', id: 'todays-visit=other' });
    expect(multi).toHaveLength(1 + 7 + 1);

    const rated = readingSegments(question('staff-courtesy'), keys);
    expect(rated.slice(1)).toEqual([
      ...[1, 2, 3, 4, 5].map((point) => ({
        text: `scales.quality.${point}`,
        id: `staff-courtesy=${point}`,
      })),
      { text: 'answer.notApplicable', id: 'staff-courtesy=na' },
    ]);
  });

  it('reads an NPS scale as numbers with both ends in words', () => {
    const segments = readingSegments(question('recommend'), keys);
    expect(segments).toHaveLength(1 + 11);
    expect(segments[1]).toEqual({
      text: 'question.scaleEnd {"point":0,"label":"scales.nps.low"}',
      id: 'recommend=0',
    });
    expect(segments[2]).toEqual({ text: '#1', id: 'recommend=1' });
    expect(segments[11]).toEqual({
      text: 'question.scaleEnd {"point":10,"label":"scales.nps.high"}',
      id: 'recommend=10',
    });
  });

  it('reads a gap item’s instructions, its three lines with their ids, and the ends', () => {
    const q = question('gap-staff-service');
    expect(readingSegments(q, keys).slice(1)).toEqual([
      { text: 'scales.gap.instructions' },
      { text: 'scales.gap.minimum', id: gapLineReadId(q.id, 'minimum') },
      { text: 'scales.gap.desired', id: gapLineReadId(q.id, 'desired') },
      { text: 'scales.gap.perceived', id: gapLineReadId(q.id, 'perceived') },
      { text: 'question.scaleEnd {"point":1,"label":"scales.gap.low"}' },
      { text: 'question.scaleEnd {"point":9,"label":"scales.gap.high"}' },
      { text: 'answer.notApplicable' },
    ]);
  });

  it('reads a free-text question’s field', () => {
    const q = question('one-improvement');
    expect(readingSegments(q, keys)).toEqual([
      { text: 'questions.one-improvement.text' },
      { text: 'readAloud.textField', id: textFieldReadId(q.id) },
    ]);
  });

  describe('with the real texts', () => {
    beforeAll(() => prepareLanguage('hu', DEFAULT_SURVEY_ID));

    it('speaks every question of the built-in survey in Hungarian, no key left unread', () => {
      const { t, ts } = translators('hu', DEFAULT_SURVEY_ID);
      const number = new Intl.NumberFormat('hu');
      const texts: SegmentTexts = {
        app: (key, values) => t(key, values ?? {}),
        survey: (key) => ts(key, { defaultValue: '' }),
        number: (value) => number.format(value),
      };
      for (const q of questions) {
        for (const segment of readingSegments(q, texts)) {
          expect(segment.text).not.toMatch(/^(questions|scales|answer|question|readAloud)\./);
          expect(segment.text.trim()).not.toBe('');
        }
      }
      const hinted = readingSegments(question('buy-more-of'), texts);
      expect(hinted[1]?.text).toBe(ts('questions.buy-more-of.hint'));
      expect(readingSegments(question('recommend'), texts)[1]?.text).toBe(
        t('question.scaleEnd', { point: 0, label: ts('scales.nps.low') }),
      );
    });
  });
});
