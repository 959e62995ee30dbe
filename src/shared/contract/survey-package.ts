/**
 * The survey package: structure (language-neutral) plus the texts of every language.
 * A package is complete only when all five languages have every key; an incomplete or
 * inconsistent package is refused with a message naming the path of each problem.
 */
import { z } from 'zod/mini';
import { assertNever } from '../assert-never';
import { LANGUAGES, type Language, SOURCE_LANGUAGE } from '../languages';
import { requiredTranslationKeys } from '../survey/translation-keys';
import { MAX_QUESTIONS, NOT_APPLICABLE } from './answer';
import { conditionLeaves, type LeafCondition, MAX_CONDITION_DEPTH } from './condition';
import { MAX_SURVEY_VERSION } from './constants';
import { SurveyIdSchema } from './ids';
import { type ParseResult, parseWith } from './parse';
import { type Question, QuestionSchema, SCALE_POINTS } from './question';
import { flattenTranslations, TranslationTreeSchema } from './translations';

export const SurveyStructureSchema = z.strictObject({
  id: SurveyIdSchema,
  /** Rises whenever the structure changes; responses keep the version they were given under. */
  version: z.int().check(z.gte(1), z.lte(MAX_SURVEY_VERSION)),
  /** The i18n key of the survey's title in its namespace (survey.<id>). */
  title: z.string().check(z.minLength(1), z.maxLength(100)),
  questions: z.array(QuestionSchema).check(z.minLength(1), z.maxLength(MAX_QUESTIONS)),
});

export type SurveyStructure = z.infer<typeof SurveyStructureSchema>;
export type SurveyStructureInput = z.input<typeof SurveyStructureSchema>;

interface Problem {
  path: (string | number)[];
  message: string;
}

/** Why a showIf leaf cannot read a question of this type at all. */
function unreadable(leaf: Exclude<LeafCondition, { op: 'answered' }>, about: string): string {
  switch (leaf.op) {
    case 'includes':
      return `"includes" needs a multiple-choice question, not ${about}`;
    case 'atLeast':
    case 'atMost':
      return `"${leaf.op}" needs a rating or nps question, not ${about}`;
    case 'equals':
    case 'notEquals':
      return `"${leaf.op}" cannot compare ${about}`;
  }
}

/** Whether a showIf leaf can ever be true of the earlier question it reads. */
function leafProblem(leaf: LeafCondition, target: Question | undefined): string | null {
  if (!target) return `refers to "${leaf.question}", which is not an earlier question`;
  if (leaf.op === 'answered') return null;
  const about = `"${leaf.question}" (${target.type})`;
  switch (target.type) {
    case 'rating':
    case 'nps': {
      if (leaf.op === 'includes') return unreadable(leaf, about);
      const { min, max } = SCALE_POINTS[target.type];
      return typeof leaf.value === 'number' && leaf.value >= min && leaf.value <= max
        ? null
        : `${about} answers ${min} to ${max}`;
    }
    case 'single':
      if (leaf.op !== 'equals' && leaf.op !== 'notEquals') return unreadable(leaf, about);
      return target.options.some((o) => o.id === leaf.value)
        ? null
        : `${about} has no option "${leaf.value}"`;
    case 'multi':
      if (leaf.op !== 'includes') return unreadable(leaf, about);
      return target.options.some((o) => o.id === leaf.value)
        ? null
        : `${about} has no option "${leaf.value}"`;
    case 'text':
    case 'gap':
      return unreadable(leaf, about);
    default:
      return assertNever(target, 'question type');
  }
}

/** Options of a single or multi question: ids used once, none of them reserved. */
function optionProblems(options: readonly { id: string }[]): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  options.forEach((option, j) => {
    if (option.id === NOT_APPLICABLE || option.id === 'other') {
      problems.push({
        path: ['options', j, 'id'],
        message: `"${option.id}" is reserved (use allowNA or other instead)`,
      });
    }
    if (ids.has(option.id)) {
      problems.push({ path: ['options', j, 'id'], message: `option "${option.id}" is used twice` });
    }
    ids.add(option.id);
  });
  return problems;
}

/** What a question type asks of its fields beyond their shape; paths are the question's. */
function typeProblems(question: Question): Problem[] {
  switch (question.type) {
    case 'rating':
    case 'nps':
    case 'gap':
      return [];
    case 'single':
      return optionProblems(question.options);
    case 'multi':
      return [
        ...optionProblems(question.options),
        ...(question.maxSelected && question.maxSelected > question.options.length
          ? [{ path: ['maxSelected'], message: 'is more than the number of options' }]
          : []),
      ];
    case 'text':
      return question.allowNA
        ? [
            {
              path: ['allowNA'],
              message: 'a text question cannot offer N/A; make it optional instead',
            },
          ]
        : [];
    default:
      return assertNever(question, 'question type');
  }
}

/** What is wrong with a structure beyond its shape: duplicate ids, dangling showIf. */
export function structureProblems(questions: readonly Question[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, Question>();
  questions.forEach((question, index) => {
    if (seen.has(question.id)) {
      problems.push({
        path: ['questions', index, 'id'],
        message: `"${question.id}" is used twice`,
      });
    }
    for (const problem of typeProblems(question)) {
      problems.push({ ...problem, path: ['questions', index, ...problem.path] });
    }
    if (question.showIf) {
      const { leaves, depth } = conditionLeaves(question.showIf);
      if (depth > MAX_CONDITION_DEPTH) {
        problems.push({
          path: ['questions', index, 'showIf'],
          message: `nests deeper than ${MAX_CONDITION_DEPTH} levels`,
        });
      }
      for (const leaf of leaves) {
        const message = leafProblem(leaf, seen.get(leaf.question));
        if (message) problems.push({ path: ['questions', index, 'showIf'], message });
      }
    }
    seen.set(question.id, question);
  });
  return problems;
}

/** Which keys each language lacks, against the structure and against the source language. */
export function translationProblems(
  structure: Pick<SurveyStructure, 'title' | 'questions'>,
  translations: Partial<Record<Language, z.infer<typeof TranslationTreeSchema>>>,
): Problem[] {
  const problems: Problem[] = [];
  const source = translations[SOURCE_LANGUAGE];
  const expected = new Set(requiredTranslationKeys(structure));
  if (source) for (const key of flattenTranslations(source).keys()) expected.add(key);
  for (const language of LANGUAGES) {
    const tree = translations[language];
    if (!tree) {
      problems.push({ path: ['translations', language], message: 'is missing' });
      continue;
    }
    const flat = flattenTranslations(tree);
    for (const key of expected) {
      if (!flat.get(key)?.trim()) {
        problems.push({
          path: ['translations', language, ...key.split('.')],
          message: 'is missing',
        });
      }
    }
  }
  return problems;
}

export const SurveyPackageSchema = z
  .strictObject({
    ...SurveyStructureSchema.shape,
    translations: z.partialRecord(z.enum(LANGUAGES), TranslationTreeSchema),
  })
  .check(
    z.superRefine((pkg, ctx) => {
      for (const problem of [
        ...structureProblems(pkg.questions),
        ...translationProblems(pkg, pkg.translations),
      ]) {
        ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
      }
    }),
  );

export type SurveyPackage = z.infer<typeof SurveyPackageSchema>;
export type SurveyPackageInput = z.input<typeof SurveyPackageSchema>;

export type { ParseResult };

/** Parses a survey package; a refusal names the path of every problem. */
export function parseSurveyPackage(input: unknown): ParseResult<SurveyPackage> {
  return parseWith(SurveyPackageSchema, input);
}
