/**
 * Hashes the collector compares by: canonical JSON (sorted keys) so that the same record
 * or package hashes the same whatever order its keys arrived in.
 */
import { createHash } from 'node:crypto';

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The canonical JSON as first written: JSON.stringify, each object replaced by a copy with
 * its entries sorted. Every stored hash was made so; what is canonical is what this writes.
 * Its copies put array-index keys ("0", "12") first in numeric order, as every JS object
 * orders its own keys.
 */
export function canonicalJsonByReplacer(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
      byCodeUnits(a, b),
    );
    return Object.fromEntries(entries);
  });
}

/** A key JS orders first, numerically: an array index (a canonical integer below 2³² − 1). */
function isIndexKey(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57 || (first === 48 && key.length > 1)) return false;
  for (let i = 1; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return Number(key) < 4294967295;
}

/** Anything but JSON data (a Date, a Map, a toJSON) is left to the replacer's way. */
class NotPlainData extends Error {}

/**
 * The same text as canonicalJsonByReplacer for plain JSON data (what JSON.parse and zod
 * give), written directly: no sorted copy of each object, no replacer call per value. A
 * record's hash is made this way for every record of every batch.
 */
function writePlain(value: unknown, inArray: boolean): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'undefined':
      return inArray ? 'null' : undefined;
    case 'object':
      break;
    default:
      throw new NotPlainData();
  }
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) throw new NotPlainData();
    // A loop, not map: a hole in a sparse array is written null, as JSON.stringify does.
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) items.push(writePlain(value[i], true) as string);
    return `[${items.join(',')}]`;
  }
  const proto = Object.getPrototypeOf(value);
  if ((proto !== Object.prototype && proto !== null) || 'toJSON' in value) throw new NotPlainData();
  const record = value as Record<string, unknown>;
  // Own keys come index keys first (ascending), then the rest in insertion order.
  const keys = Object.keys(record);
  let indexKeys = 0;
  while (indexKeys < keys.length && isIndexKey(keys[indexKeys] as string)) indexKeys++;
  const rest = keys.slice(indexKeys).sort(byCodeUnits);
  const parts: string[] = [];
  for (const key of indexKeys === 0 ? rest : [...keys.slice(0, indexKeys), ...rest]) {
    const text = writePlain(record[key], false);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

/** JSON with object keys sorted at every level; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  try {
    return writePlain(value, false) as string;
  } catch (error) {
    if (error instanceof NotPlainData) return canonicalJsonByReplacer(value);
    throw error;
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The hash of a value's canonical JSON. */
export function contentHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
