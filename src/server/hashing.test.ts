import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from './hashing';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: 1, x: [{ d: 1, c: 2 }] } }, '{"z":{"x":[{"c":2,"d":1}],"y":1}}'],
    [[3, 1, 2], '[3,1,2]'],
    [{ a: undefined, b: null }, '{"b":null}'],
    ['text', '"text"'],
  ])('writes %j as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('hashes the same content alike whatever order its keys came in', () => {
    expect(contentHash({ a: 1, b: { c: 2, d: 3 } })).toBe(contentHash({ b: { d: 3, c: 2 }, a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });
});

/** How canonical JSON was written before: the text every stored hash was made of. */
function replacerCanonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return Object.fromEntries(entries);
  });
}

describe('canonicalJson, written directly', () => {
  it.each([
    { b: 1, a: [1, undefined, () => 1, { y: 'é', x: '\ud800' }], c: undefined },
    {
      10: 'ten',
      9: 'nine',
      a: 1,
      '01': 'zero-one',
      '-1': 'minus',
      4294967295: 'max',
      4294967294: 'i',
    },
    {
      at: new Date('2026-11-20T10:00:00.000Z'),
      n: [Number.NaN, -0, 1e21, 0.1],
      nested: [[{ z: null, a: true }]],
    },
    { toJSON: (key: string) => ({ key, b: 2, a: 1 }) },
    [{ answers: { 'q-2': { selected: ['b', 'a'], other: 'x' }, 'q-1': 4 } }],
    null,
    'text',
  ])('writes %j as the replacer did', (value) => {
    expect(canonicalJson(value)).toBe(replacerCanonicalJson(value));
  });
});
