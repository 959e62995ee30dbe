/** Translation trees: i18next JSON, nested objects of strings. */
import { z } from 'zod/mini';
import { nestingLimited } from './nesting';

export type TranslationTree = { [key: string]: string | TranslationTree };

export const TranslationTreeSchema: z.ZodMiniType<TranslationTree> = nestingLimited(
  z.record(
    z.string().check(z.minLength(1), z.maxLength(100)),
    z.union([z.string().check(z.maxLength(4000)), z.lazy(() => TranslationTreeSchema)]),
  ),
);

/** Flattens a tree into dotted keys: { a: { b: 'x' } } → { 'a.b': 'x' }. */
export function flattenTranslations(tree: TranslationTree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [k, v] of flattenTranslations(value, path)) flat.set(k, v);
  }
  return flat;
}

/** i18next plural suffixes; "items_one" and "items_other" are forms of one key "items". */
export const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
