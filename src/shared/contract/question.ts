/**
 * Question types, a discriminated union on `type`. Structure only: every text a patron
 * reads is an i18next key derived from the ids (see survey/translation-keys.ts).
 */
import { z } from 'zod/mini';
import { ConditionSchema } from './condition';
import {
  GAP_DIMENSIONS,
  type GapDimension,
  MAX_OPTIONS,
  MAX_OTHER_LENGTH,
  MAX_TEXT_LENGTH,
  SCALE_POINTS,
} from './constants';
import { OptionIdSchema, QuestionIdSchema, SlugSchema } from './ids';

export { GAP_DIMENSIONS, type GapDimension, MAX_OTHER_LENGTH, MAX_TEXT_LENGTH, SCALE_POINTS };

const common = {
  id: QuestionIdSchema,
  /** An optional question offers "Skip"; a required one waits for an answer. */
  optional: z._default(z.boolean(), false),
  /** Offers "Not applicable / I don't know" as an answer of its own. */
  allowNA: z._default(z.boolean(), false),
  /** Shown only when this condition on earlier answers holds. */
  showIf: z.optional(ConditionSchema),
};

const OptionSchema = z.strictObject({
  id: OptionIdSchema,
  /** Choosing it clears the others (e.g. "none of these"); multi only. */
  exclusive: z._default(z.boolean(), false),
});

export const RatingQuestionSchema = z.strictObject({
  ...common,
  type: z.literal('rating'),
  /** Names the label set: scales.<scale>.1 … scales.<scale>.5, every point in words. */
  scale: SlugSchema,
  /** Shows a face beside each point, for patrons who read less easily. */
  faces: z._default(z.boolean(), false),
});

export const NpsQuestionSchema = z.strictObject({
  ...common,
  type: z.literal('nps'),
});

export const SingleQuestionSchema = z.strictObject({
  ...common,
  type: z.literal('single'),
  options: z.array(OptionSchema).check(z.minLength(2), z.maxLength(20)),
});

export const MultiQuestionSchema = z.strictObject({
  ...common,
  type: z.literal('multi'),
  options: z.array(OptionSchema).check(z.minLength(2), z.maxLength(MAX_OPTIONS)),
  /** Adds "Other" with a short text field. */
  other: z._default(z.boolean(), false),
  /** At most this many options may be chosen. */
  maxSelected: z.optional(z.int().check(z.gte(1), z.lte(MAX_OPTIONS))),
});

export const TextQuestionSchema = z.strictObject({
  ...common,
  type: z.literal('text'),
  maxLength: z.int().check(z.gte(1), z.lte(MAX_TEXT_LENGTH)),
});

/**
 * One item of a service-quality gap module: the lowest level the patron would accept,
 * the level they want, and the level they get, each 1–9 or N/A.
 */
export const GapQuestionSchema = z.strictObject({
  ...common,
  type: z.literal('gap'),
});

export const QuestionSchema = z.discriminatedUnion('type', [
  RatingQuestionSchema,
  NpsQuestionSchema,
  SingleQuestionSchema,
  MultiQuestionSchema,
  TextQuestionSchema,
  GapQuestionSchema,
]);

export type Question = z.infer<typeof QuestionSchema>;
export type QuestionInput = z.input<typeof QuestionSchema>;
export type QuestionType = Question['type'];
export type RatingQuestion = z.infer<typeof RatingQuestionSchema>;
export type NpsQuestion = z.infer<typeof NpsQuestionSchema>;
export type SingleQuestion = z.infer<typeof SingleQuestionSchema>;
export type MultiQuestion = z.infer<typeof MultiQuestionSchema>;
export type TextQuestion = z.infer<typeof TextQuestionSchema>;
export type GapQuestion = z.infer<typeof GapQuestionSchema>;
