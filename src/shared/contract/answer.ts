/**
 * Answer values as they travel in a response. The shape alone is checked here; whether a
 * value fits its question (range, options, length) is survey/answers.ts.
 */
import { z } from 'zod';
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
  z.int().min(SCALE_POINTS.gap.min).max(SCALE_POINTS.gap.max),
  NotApplicableSchema,
]);

/** A rating or nps answer: any point of either scale (which one fits is survey/answers.ts's). */
const NUMBER_ANSWER = {
  min: Math.min(SCALE_POINTS.rating.min, SCALE_POINTS.nps.min),
  max: Math.max(SCALE_POINTS.rating.max, SCALE_POINTS.nps.max),
};

export const MultiAnswerSchema = z.strictObject({
  selected: z.array(OptionIdSchema).max(MAX_OPTIONS),
  other: z.string().max(MAX_OTHER_LENGTH).optional(),
});

export const GapAnswerSchema = z.strictObject({
  minimum: GapPointSchema,
  desired: GapPointSchema,
  perceived: GapPointSchema,
});

/** rating and nps: a number; single: an option id; text: the text; or 'na'. */
export const AnswerValueSchema = z.union([
  z.int().min(NUMBER_ANSWER.min).max(NUMBER_ANSWER.max),
  z.string().max(MAX_TEXT_LENGTH),
  MultiAnswerSchema,
  GapAnswerSchema,
]);

export const AnswersSchema = z
  .record(QuestionIdSchema, AnswerValueSchema)
  .refine((answers) => Object.keys(answers).length <= MAX_QUESTIONS, {
    message: `at most ${MAX_QUESTIONS} answers`,
  });

export type MultiAnswer = z.infer<typeof MultiAnswerSchema>;
export type GapAnswer = z.infer<typeof GapAnswerSchema>;
export type GapPoint = z.infer<typeof GapPointSchema>;
export type AnswerValue = z.infer<typeof AnswerValueSchema>;
export type Answers = Record<string, AnswerValue>;
