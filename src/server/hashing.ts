/**
 * Hashes the collector compares by: canonical JSON (sorted keys) so that the same record
 * or package hashes the same whatever order its keys arrived in.
 */
import { hash } from 'node:crypto';

/**
 * An array index as JSON.stringify orders keys: a canonical integer below 2^32 − 1, which
 * an object lists first, in numeric order, whatever order the keys were added in.
 */
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;
const isArrayIndex = (key: string) => {
  const first = key.charCodeAt(0);
  return first >= 0x30 && first <= 0x39 && ARRAY_INDEX.test(key) && Number(key) < 4294967295;
};

/** The value JSON.stringify writes in place of `value` (its toJSON), undefined when none. */
function jsonValue(value: unknown, key: string): unknown {
  if (value !== null && typeof value === 'object' && 'toJSON' in value) {
    const toJSON = (value as { toJSON: unknown }).toJSON;
    if (typeof toJSON === 'function') return toJSON.call(value, key);
  }
  return value;
}

/** Keys in the order canonical JSON writes them: sorted, array indexes first (see below). */
function canonicalKeys(record: object): string[] {
  const keys = Object.keys(record).sort();
  if (!keys.some(isArrayIndex)) return keys;
  const indexes = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return [...indexes, ...keys.filter((key) => !isArrayIndex(key))];
}

/** Left out of an object by JSON.stringify, written as null in an array. */
const omitted = (value: unknown) =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

/**
 * The value with every object's keys in canonical order: an object already in that order
 * (and all within it) is kept as it is, any other is copied with its keys in that order.
 * Members JSON.stringify leaves out are left out of a copy (so a toJSON member, called
 * here already, is not called again).
 */
function canonicalValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const canonical = canonicalValue(jsonValue(item, String(i)));
      if (canonical !== item && !copy) copy = value.slice(0, i);
      copy?.push(canonical);
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  const own = Object.keys(record);
  const keys = canonicalKeys(record);
  let same = true;
  const members: unknown[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const member = record[key];
    const canonical = omitted(member) ? undefined : canonicalValue(jsonValue(member, key));
    if (canonical !== member || omitted(canonical) || own[i] !== key) same = false;
    members.push(canonical);
  }
  if (same) return value;
  const copy: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const member = members[i];
    if (!omitted(member)) copy[keys[i] as string] = member;
  }
  return copy;
}

/**
 * JSON with object keys sorted at every level; arrays keep their order. The same text as
 * JSON.stringify with a replacer that rebuilds every object with its keys sorted (what
 * hashes stored so far were made of), so an object's array-index keys come first, in
 * numeric order, as JSON.stringify lists an object's keys. Only the objects out of order
 * are copied, then JSON.stringify runs without a replacer, which it does several times
 * faster than calling one for every value.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalValue(jsonValue(value, '')));
}

export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/** The hash of a value's canonical JSON. */
export function contentHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
