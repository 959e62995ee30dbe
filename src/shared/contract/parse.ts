/** Parsing unknown input against a contract schema, with every problem named by its path. */
import { z } from 'zod';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Parses `input`; a refusal lists each problem with its path, for a log or a person. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
): ParseResult<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, message: z.prettifyError(result.error) };
}
