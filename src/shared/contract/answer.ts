/**
 * Answer values as they travel in a response. The shape alone is checked here; whether a
 * value fits its question (range, options, length) is survey/answers.ts.
 */
import { z } from 'zod/mini';
import {
  MAX_OPTIONS,
  MAX_OTHER_LENGTH,
  MAX_QUESTIONS,
  MAX_TEXT_LENGTH,
  NOT_APPLICABLE,
  SCALE_POINTS,
} from './constants';
import { OptionIdSchema, QuestionIdSchema } from './ids';

export { MAX_QUESTIONS, NOT_APPLICABLE };
export const NotApplicableSchema = z.literal(NOT_APPLICABLE);

export const GapPointSchema = z.union([
  z.int().check(z.gte(SCALE_POINTS.gap.min), z.lte(SCALE_POINTS.gap.max)),
  NotApplicableSchema,
]);

/** A rating or nps answer: any point of either scale (which one fits is survey/answers.ts's). */
const NUMBER_ANSWER = {
  min: Math.min(SCALE_POINTS.rating.min, SCALE_POINTS.nps.min),
  max: Math.max(SCALE_POINTS.rating.max, SCALE_POINTS.nps.max),
};

export const MultiAnswerSchema = z.strictObject({
  selected: z.array(OptionIdSchema).check(z.maxLength(MAX_OPTIONS)),
  other: z.optional(z.string().check(z.maxLength(MAX_OTHER_LENGTH))),
});

export const GapAnswerSchema = z.strictObject({
  minimum: GapPointSchema,
  desired: GapPointSchema,
  perceived: GapPointSchema,
});

/** rating and nps: a number; single: an option id; text: the text; or 'na'. */
export const AnswerValueSchema = z.union([
  z.int().check(z.gte(NUMBER_ANSWER.min), z.lte(NUMBER_ANSWER.max)),
  z.string().check(z.maxLength(MAX_TEXT_LENGTH)),
  MultiAnswerSchema,
  GapAnswerSchema,
]);

export const AnswersSchema = z.record(QuestionIdSchema, AnswerValueSchema).check(
  z.refine((answers) => Object.keys(answers).length <= MAX_QUESTIONS, {
    message: `at most ${MAX_QUESTIONS} answers`,
  }),
);

export type MultiAnswer = z.infer<typeof MultiAnswerSchema>;
export type GapAnswer = z.infer<typeof GapAnswerSchema>;
export type GapPoint = z.infer<typeof GapPointSchema>;
export type AnswerValue = z.infer<typeof AnswerValueSchema>;
export type Answers = Record<string, AnswerValue>;
