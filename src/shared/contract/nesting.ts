/**
 * The guard of the contract's recursive schemas: a value nested deeper than
 * MAX_NESTING_DEPTH is refused with an issue at its path before zod descends into it.
 */
import { z } from 'zod/mini';
import { MAX_NESTING_DEPTH } from './constants';

/** Whether a JSON value's arrays and objects nest more than `max` levels; no recursion. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * The schema, refusing a value that nests deeper than `max` levels. It is a preprocess (a
 * transform piped into the schema), so the published JSON Schema is the inner schema's.
 */
export function nestingLimited<T extends z.ZodMiniType>(schema: T, max = MAX_NESTING_DEPTH) {
  return z.pipe(
    z.transform((value: unknown, ctx) => {
      if (!nestsDeeperThan(value, max)) return value;
      ctx.issues.push({ code: 'custom', message: `nests deeper than ${max} levels`, input: value });
      return z.NEVER;
    }),
    schema,
  );
}
