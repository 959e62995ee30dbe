/**
 * showIf: a small declarative condition on earlier answers. It is data, never code, so a
 * survey package from the collector cannot run anything on a kiosk.
 *
 *   { "op": "atMost", "question": "overall", "value": 2 }
 *   { "op": "any", "conditions": [ ... ] }
 */
import { z } from 'zod/mini';
import { OptionIdSchema, QuestionIdSchema } from './ids';
import { nestingLimited } from './nesting';

export type Condition =
  | { op: 'answered'; question: string }
  | { op: 'equals' | 'notEquals'; question: string; value: string | number }
  | { op: 'includes'; question: string; value: string }
  | { op: 'atLeast' | 'atMost'; question: string; value: number }
  | { op: 'all' | 'any'; conditions: Condition[] }
  | { op: 'not'; condition: Condition };

/** Conditions nest; beyond this depth a package is refused rather than evaluated. */
export const MAX_CONDITION_DEPTH = 6;

export const ConditionSchema: z.ZodMiniType<Condition> = nestingLimited(
  z.discriminatedUnion('op', [
    z.strictObject({ op: z.literal('answered'), question: QuestionIdSchema }),
    z.strictObject({
      op: z.enum(['equals', 'notEquals']),
      question: QuestionIdSchema,
      value: z.union([OptionIdSchema, z.int()]),
    }),
    z.strictObject({
      op: z.literal('includes'),
      question: QuestionIdSchema,
      value: OptionIdSchema,
    }),
    z.strictObject({
      op: z.enum(['atLeast', 'atMost']),
      question: QuestionIdSchema,
      value: z.int(),
    }),
    z.strictObject({
      op: z.enum(['all', 'any']),
      get conditions() {
        return z.array(ConditionSchema).check(z.minLength(1), z.maxLength(20));
      },
    }),
    z.strictObject({
      op: z.literal('not'),
      get condition() {
        return ConditionSchema;
      },
    }),
  ]),
);

export type LeafCondition = Extract<Condition, { question: string }>;

/** The leaf conditions (those that read one question), with how deep the condition nests. */
export function conditionLeaves(
  condition: Condition,
  depth = 1,
): { leaves: LeafCondition[]; depth: number } {
  switch (condition.op) {
    case 'all':
    case 'any': {
      const parts = condition.conditions.map((c) => conditionLeaves(c, depth + 1));
      return {
        leaves: parts.flatMap((p) => p.leaves),
        depth: Math.max(depth, ...parts.map((p) => p.depth)),
      };
    }
    case 'not':
      return conditionLeaves(condition.condition, depth + 1);
    default:
      return { leaves: [condition], depth };
  }
}
