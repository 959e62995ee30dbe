import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonByReplacer, contentHash } from './hashing';

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

describe('canonicalJson written directly', () => {
  /** Values of every kind JSON has, with keys that JS orders apart (indexes) and odd ones. */
  function randomValue(random: () => number, depth: number): unknown {
    const pick = Math.floor(random() * (depth > 3 ? 6 : 9));
    const keys = [
      'a',
      'b',
      'Z',
      '0',
      '9',
      '10',
      '01',
      '-1',
      '4294967295',
      '4294967294',
      'é',
      '\u0000',
      '__proto__',
      '',
    ];
    switch (pick) {
      case 0:
        return null;
      case 1:
        return random() < 0.5;
      case 2:
        return [0, -0, 1.5, -3, 1e21, 5e-7, Number.NaN, Number.POSITIVE_INFINITY][
          Math.floor(random() * 8)
        ];
      case 3:
        return ['', 'x', 'ž"\\\n', '\u2028', '\uD800'][Math.floor(random() * 5)];
      case 4:
        return undefined;
      case 5:
        return Math.floor(random() * 100);
      case 6:
      case 7: {
        const object: Record<string, unknown> = {};
        const count = Math.floor(random() * 6);
        for (let i = 0; i < count; i++) {
          const key = keys[Math.floor(random() * keys.length)] as string;
          Object.defineProperty(object, key, {
            value: randomValue(random, depth + 1),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        return object;
      }
      default: {
        const array = Array.from({ length: Math.floor(random() * 4) }, () =>
          randomValue(random, depth + 1),
        );
        if (random() < 0.2) array.length += 1; // a hole at the end
        return array;
      }
    }
  }

  it('writes what the replacer writes, for any JSON data', () => {
    let state = 7;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    for (let i = 0; i < 5000; i++) {
      const value = randomValue(random, 0);
      expect(canonicalJson(value)).toBe(canonicalJsonByReplacer(value));
    }
  });

  it.each([
    [{ when: new Date('2026-01-02T03:04:05.000Z') }],
    [{ n: 1, toJSON: () => ({ b: 1, a: 2 }) }],
    [new Map([['a', 1]])],
    [{ f: () => 1, s: Symbol('s'), a: [() => 1] }],
    [Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true } })],
  ])('writes other values as the replacer does: %o', (value) => {
    expect(canonicalJson(value)).toBe(canonicalJsonByReplacer(value));
  });
});
