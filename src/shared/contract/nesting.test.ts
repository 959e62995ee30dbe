import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { surveyPackage } from '../../../test/fixtures/survey-package';
import { ConditionSchema } from './condition';
import { MAX_NESTING_DEPTH } from './constants';
import { nestsDeeperThan } from './nesting';
import { SurveyPackageSchema } from './survey-package';
import { TranslationTreeSchema } from './translations';

/** A translation tree `depth` objects deep, parsed from JSON as a request body would be. */
const deepTree = (depth: number) =>
  JSON.parse(`${'{"a":'.repeat(depth)}"text"${'}'.repeat(depth)}`) as unknown;

/** A showIf condition of `depth` nested "not"s. */
const deepCondition = (depth: number) =>
  JSON.parse(
    `${'{"op":"not","condition":'.repeat(depth)}{"op":"answered","question":"visits"}${'}'.repeat(depth)}`,
  ) as unknown;

describe('nestsDeeperThan', () => {
  it.each([
    ['a string', 'text', 0, false],
    ['an empty object', {}, 0, true],
    ['an empty object', {}, 1, false],
    ['an array in an object', { a: [1] }, 1, true],
    ['an array in an object', { a: [1] }, 2, false],
    ['the deepest of several branches', { a: {}, b: { c: { d: {} } } }, 3, true],
    ['a tree 100,000 levels deep', deepTree(100_000), MAX_NESTING_DEPTH, true],
  ])('%s within %i levels → %s', (_case, value, max, expected) => {
    expect(nestsDeeperThan(value, max)).toBe(expected);
  });
});

describe('the recursive schemas refuse values nested too deep', () => {
  it.each([
    ['a translation tree', TranslationTreeSchema, deepTree],
    ['a showIf condition', ConditionSchema, deepCondition],
  ])(
    'refuses %s 100,000 levels deep with an issue instead of overflowing the stack',
    (_case, schema, make) => {
      const result = (schema as z.ZodType).safeParse(make(100_000));
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(
        `nests deeper than ${MAX_NESTING_DEPTH} levels`,
      );
    },
  );

  it.each([
    ['a translation tree', TranslationTreeSchema, deepTree],
    ['a showIf condition', ConditionSchema, deepCondition],
  ])('reads %s as deep as the limit allows', (_case, schema, make) => {
    expect((schema as z.ZodType).safeParse(make(MAX_NESTING_DEPTH - 1)).success).toBe(true);
  });

  it('names where a survey package nests too deep', () => {
    const valid = surveyPackage();
    const result = SurveyPackageSchema.safeParse({
      ...valid,
      translations: { ...valid.translations, hu: deepTree(5000) },
    });
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(['translations', 'hu']);
    expect(result.error).toBeInstanceOf(z.ZodError);
  });
});
