/**
 * What read-aloud says for a question, in order: the question, its hint, then every answer
 * the screen offers, each as its own segment. Pure, so the order and the words are tested
 * without a browser. A segment that names something on screen carries that thing's id, so
 * the control is highlighted while its words are spoken.
 */
import { assertNever } from '../../../shared/assert-never';
import {
  GAP_DIMENSIONS,
  NOT_APPLICABLE,
  SCALE_POINTS,
  scalePoints,
} from '../../../shared/contract/constants';
import type { Question } from '../../../shared/contract/question';
import {
  GAP_KEYS,
  NPS_KEYS,
  optionKey,
  questionHintKey,
  questionTextKey,
  scalePointKey,
} from '../../../shared/survey/translation-keys';

export interface Segment {
  text: string;
  /** What is highlighted while the text is spoken (readId / textFieldReadId / a gap line). */
  id?: string;
}

/** The texts a question is read with, in the survey's current language. */
export interface SegmentTexts {
  /** An app text (locales/<lng>/app.json). */
  app: (key: string, values?: Record<string, string | number>) => string;
  /** A survey text, or '' when the survey has none (the hint is optional). */
  survey: (key: string) => string;
  /** A number as the language writes it. */
  number: (value: number) => string;
}

/** The id of one answer: its input's name and value, which every OptionButton already has. */
export function readId(name: string, value: string): string {
  return `${name}=${value}`;
}

/** The id of a free-text question's field. */
export function textFieldReadId(questionId: string): string {
  return `${questionId}=text`;
}

/** The id of one line of a gap item: the name its points share. */
export function gapLineReadId(questionId: string, dimension: string): string {
  return `${questionId}-${dimension}`;
}

function answers(question: Question, texts: SegmentTexts): Segment[] {
  const { app, survey } = texts;
  const scaleEnd = (point: number, key: string) =>
    app('question.scaleEnd', { point, label: survey(key) });
  switch (question.type) {
    case 'rating':
      return scalePoints('rating').map((point) => ({
        text: survey(scalePointKey(question.scale, point)),
        id: readId(question.id, String(point)),
      }));
    case 'nps': {
      const { min, max } = SCALE_POINTS.nps;
      return scalePoints('nps').map((point) => ({
        text:
          point === min
            ? scaleEnd(point, NPS_KEYS.low)
            : point === max
              ? scaleEnd(point, NPS_KEYS.high)
              : texts.number(point),
        id: readId(question.id, String(point)),
      }));
    }
    case 'single':
    case 'multi': {
      const options = question.options.map((option) => ({
        text: survey(optionKey(question.id, option.id)),
        id: readId(question.id, option.id),
      }));
      return question.type === 'multi' && question.other
        ? [...options, { text: app('answer.other'), id: readId(question.id, 'other') }]
        : options;
    }
    case 'text':
      return [{ text: app('readAloud.textField'), id: textFieldReadId(question.id) }];
    case 'gap': {
      const { min, max } = SCALE_POINTS.gap;
      return [
        { text: survey(GAP_KEYS.instructions) },
        ...GAP_DIMENSIONS.map((dimension) => ({
          text: survey(GAP_KEYS[dimension]),
          id: gapLineReadId(question.id, dimension),
        })),
        { text: scaleEnd(min, GAP_KEYS.low) },
        { text: scaleEnd(max, GAP_KEYS.high) },
      ];
    }
    default:
      return assertNever(question, 'question type');
  }
}

/**
 * The question, its hint (when the survey has one), its answers and, where the question
 * offers it, "Not applicable". Empty texts are left out: there is nothing to say.
 */
export function readingSegments(question: Question, texts: SegmentTexts): Segment[] {
  const notApplicable =
    question.type !== 'text' && question.allowNA
      ? [
          {
            text: texts.app('answer.notApplicable'),
            // A gap item has one N/A per line; none of them is singled out.
            ...(question.type === 'gap' ? {} : { id: readId(question.id, NOT_APPLICABLE) }),
          },
        ]
      : [];
  return [
    { text: texts.survey(questionTextKey(question.id)) },
    { text: texts.survey(questionHintKey(question.id)) },
    ...answers(question, texts),
    ...notApplicable,
  ].filter((segment) => segment.text.trim() !== '');
}
