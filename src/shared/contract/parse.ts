/** Parsing unknown input against a contract schema, with every problem named by its path. */
import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini leaves its messages to the app ("Invalid input" for every problem); classic zod
// sets English itself. A refusal's message names what is wrong, for a log or a person.
z.config(en());

/**
 * A schema of either zod flavour: the contract's (zod/mini, see ../README.md) or one of
 * the collector's own (classic zod). Both are built on the same core.
 */
type AnySchema = z.core.$ZodType;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * `z.safeParse(schema, input)` for input from outside the process (a request body, a reply, a
 * file), which refuses instead of throwing whatever the input. Zod's own checks can throw
 * on JSON that no client should send but anyone can: `{"length": {"valueOf": 1,
 * "toString": 1}}` in place of a string or a list makes its length check compare an object
 * that cannot become a number. Such input is refused like any other that does not fit.
 */
export function safeParseInput<S extends AnySchema>(
  schema: S,
  input: unknown,
): z.util.SafeParseResult<z.output<S>> {
  try {
    return z.safeParse(schema, input);
  } catch (error) {
    if (!(error instanceof TypeError || error instanceof RangeError)) throw error;
    return {
      success: false,
      error: new z.core.$ZodError([
        {
          code: 'custom',
          path: hostilePath(input),
          message: 'the value holds an object where a text, number or list belongs',
          input,
        },
      ]) as z.core.$ZodError<z.output<S>>,
    };
  }
}

/**
 * Where in `input` the first object sits whose `length` is itself an object, the kind of
 * value zod's length checks throw on; the whole value when there is none.
 * Walks without recursion, so the deepest input cannot overflow the stack here.
 */
function hostilePath(input: unknown): PropertyKey[] {
  const pending: { value: unknown; path: PropertyKey[] }[] = [{ value: input, path: [] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value !== 'object' || value === null) continue;
    if (!Array.isArray(value) && isHostile(value)) return path;
    const entries = Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, child] = entries[i] as [string, unknown];
      pending.push({ value: child, path: [...path, Array.isArray(value) ? Number(key) : key] });
    }
  }
  return [];
}

/** An object, not a list, whose own `length` is an object: what a length check compares. */
function isHostile(value: object): boolean {
  const length = Object.hasOwn(value, 'length') ? (value as { length: unknown }).length : undefined;
  return typeof length === 'object' && length !== null;
}

/** Parses `input`; a refusal lists each problem with its path, for a log or a person. */
export function parseWith<S extends AnySchema>(
  schema: S,
  input: unknown,
): ParseResult<z.output<S>> {
  const result = safeParseInput(schema, input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, message: z.prettifyError(result.error) };
}
