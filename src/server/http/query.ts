/** A request's query string as zod reads it: a repeated parameter is a list, a single one a string. */
import type { Context } from 'hono';

export function queryValues(c: Context): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    raw[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return raw;
}
