/** Identifier formats shared by surveys, questions, options and branches. */
import { z } from 'zod';

/**
 * Survey, question, option and scale ids are kebab-case: they become parts of i18next keys
 * (questions.<id>.text), so they must not contain the key separator '.'.
 */
export const SlugSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'use lower-case letters, digits and single dashes')
  .max(48);

export const SurveyIdSchema = SlugSchema;
export const QuestionIdSchema = SlugSchema;
export const OptionIdSchema = SlugSchema;

/** Branch ids are chosen by the network admin; same shape, a little longer. */
export const BranchIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and single dashes')
  .max(64);
