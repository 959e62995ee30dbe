/**
 * Generators of bad input for the fuzz tests: odd text, numbers at the edges, junk JSON
 * (wrong types, deep, huge), valid bodies with one thing broken, bodies that are not JSON
 * or not whole, and headers no client should send. Each is a fast-check arbitrary, so a
 * failure shrinks to a small counter-example and prints the seed that replays it.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { safeParseInput } from '../../src/shared/contract/parse';

/** Characters that break naive text handling: each in its own way. */
const ODD_CHARACTERS = [
  '\u0000', // NUL: PostgreSQL text cannot hold it
  '\ud800', // a lone high surrogate: not encodable as UTF-8
  '\udfff', // a lone low surrogate
  '\u202e', // right-to-left override
  '\u2066', // left-to-right isolate
  '\u200b', // zero-width space
  '\u0301', // a combining acute accent with nothing to combine with
  '\ufeff', // a byte order mark inside text
  '\u0085', // next line, a C1 control
  '\u2028', // line separator (not valid in JavaScript strings before ES2019)
  '\r\n',
  '\t',
  '😀',
  '👩🏽‍💻', // an emoji sequence with a skin tone and a zero-width joiner
  'ő',
  'Ж',
  'č',
  'ė',
  '"',
  '\\',
  "'",
  '%00',
  '../',
  '<script>',
  '=cmd|',
  '\u{10ffff}',
] as const;

/** Short text mixing odd characters with ordinary ones. */
export const oddText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...ODD_CHARACTERS), fc.string({ maxLength: 4 })), {
    maxLength: 12,
  })
  .map((parts) => parts.join(''));

/** Any string, from ordinary to odd, sometimes long. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: oddText },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', 'ő', '😀', '\u0000'), fc.integer({ min: 100, max: 5000 }))
      .map(([ch, n]) => ch.repeat(n)),
  },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'null', 'undefined', 'NaN', '[object Object]') },
);

/** Numbers JSON can carry that code often forgets: -0, the safe-integer edge, huge, tiny. */
export const edgeNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    -0,
    0,
    1,
    -1,
    0.5,
    2 ** 31,
    2 ** 31 - 1,
    -(2 ** 31) - 1,
    2 ** 53 - 1,
    2 ** 53 + 2,
    -(2 ** 53) - 2,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    1e21,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/**
 * JSON number and string literals as text, for what JSON.stringify never writes: 1e309
 * (Infinity once parsed), -0, 2^53+1 (rounded once parsed), escapes of lone surrogates.
 */
export const edgeLiteral: fc.Arbitrary<string> = fc.constantFrom(
  '1e309',
  '-1e309',
  '-0',
  '-0.0',
  '9007199254740993',
  '-9007199254740993',
  '1e-400',
  '1E2',
  '0.1e1',
  '123456789012345678901234567890',
  '"NaN"',
  '"Infinity"',
  '"-0"',
  '"1e309"',
  '"0x10"',
  '"\\ud800"',
  '"\\udc00\\ud800"',
  '"\\u0000"',
  '"\\u202e"',
  'null',
  'true',
  '[]',
  '{}',
  '[[[[[[[[]]]]]]]]',
);

/**
 * Objects JSON.parse makes from any client's body that break code treating them as text or
 * as lists: a `length` that cannot become a number, a `toString` or `valueOf` that is not a
 * function, a `__proto__` key that is only a key.
 */
export const hostileObject: fc.Arbitrary<unknown> = fc
  .constantFrom(
    '{"length":{"valueOf":1,"toString":1}}',
    '{"length":{"valueOf":{},"toString":[]},"0":"a"}',
    '{"length":{}}',
    '{"length":1e309}',
    '{"length":-1}',
    '{"toString":1,"valueOf":1}',
    '{"__proto__":{"length":2},"0":"a","1":"b"}',
    '{"constructor":{"prototype":{"length":1}}}',
  )
  .map((text) => JSON.parse(text) as unknown);

/** Any JSON value, with odd text, edge numbers and hostile objects, nested a few levels. */
export const junkJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    anyText,
    edgeNumber,
    fc.boolean(),
    fc.constant(null),
    hostileObject,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(anyText, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A value that the given schema refuses: junk, filtered through the schema itself. */
export function refusedBy(schema: z.core.$ZodType): fc.Arbitrary<unknown> {
  return junkJson.filter((value) => !safeParseInput(schema, value).success);
}

/** JSON nested `depth` levels deep, as text: arrays, or objects under one key. */
export function deepJsonText(depth: number, kind: 'array' | 'object', key = 'a'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${`{"${key}":`.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** A request body as it goes on the wire: text, raw bytes, or a stream with no length. */
export type WireBody =
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'stream'; chunks: number; chunkBytes: number };

/** Content-Type values that are not JSON, or only look like it. */
export const notJsonContentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  undefined,
  '',
  'text/plain',
  'text/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonx',
  'application/xml',
  'json',
  '*/*',
  'application/json-patch',
  'application/ld+jsonx',
);

/** Content-Type values that are JSON. */
export const jsonContentType: fc.Arbitrary<string> = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/problem+json',
  'application/json;charset=latin1',
);

/**
 * Bodies that are not a JSON document: empty, truncated, not UTF-8, trailing garbage, a
 * byte order mark, comments, single quotes, NaN. `valid` is a valid body's JSON text.
 */
export function brokenJsonText(valid: string): fc.Arbitrary<WireBody> {
  return fc.oneof(
    fc
      .integer({ min: 0, max: Math.max(0, valid.length - 1) })
      .map((cut) => ({ kind: 'text' as const, text: valid.slice(0, cut) })),
    fc
      .constantFrom(
        '',
        ' ',
        '{',
        '}',
        '{"a":}',
        "{'code':'x'}",
        '{"a":1,}',
        '{"a":1} {"b":2}',
        '{"a":NaN}',
        '{"a":Infinity}',
        '/* c */ {}',
        '\ufeff{}',
        'undefined',
        '{"a":"\\x41"}',
        '{"a":"\\u12"}',
        '{"a":"line\nbreak"}',
      )
      .map((text) => ({ kind: 'text' as const, text })),
    fc.constant({ kind: 'text' as const, text: `${valid}garbage` }),
    fc
      .uint8Array({ minLength: 1, maxLength: 64 })
      .map((bytes) => ({ kind: 'bytes' as const, bytes })),
    // UTF-8 that is not: a lone continuation byte, an overlong NUL, a surrogate's encoding.
    fc
      .constantFrom(
        [0x80],
        [0xc0, 0x80],
        [0xed, 0xa0, 0x80],
        [0xff, 0xfe],
        [0xf4, 0x90, 0x80, 0x80],
      )
      .map((bad) => {
        const text = new TextEncoder().encode(valid);
        const cut = Math.floor(text.length / 2);
        return {
          kind: 'bytes' as const,
          bytes: new Uint8Array([...text.slice(0, cut), ...bad, ...text.slice(cut)]),
        };
      }),
  );
}

/** A body over `maxBytes`: whole text, or a stream of chunks with no Content-Length. */
export function oversizedBody(maxBytes: number): fc.Arbitrary<WireBody> {
  return fc.oneof(
    fc
      .integer({ min: 1, max: 64 })
      .map((extra) => ({ kind: 'text' as const, text: `"${'x'.repeat(maxBytes + extra)}"` })),
    fc.integer({ min: 1, max: 8 }).map((chunks) => ({
      kind: 'stream' as const,
      chunks: chunks + 1,
      chunkBytes: Math.ceil(maxBytes / chunks) + 1,
    })),
  );
}

/** Whatever goes in an Authorization header: nothing, another scheme, a broken token. */
export const authorizationGarbage: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constantFrom(
    undefined,
    '',
    'Bearer',
    'Bearer ',
    'Bearer  ',
    'bearer x',
    'Basic dXNlcjpwYXNz',
    'Bearer a b',
    `Bearer ${'A'.repeat(43)}`,
    `Bearer ${'A'.repeat(5000)}`,
    'Bearer null',
    'Bearer undefined',
    'Token abc',
  ),
  anyText.map((text) => `Bearer ${text}`),
  anyText,
);

/** A Cookie header with no valid session in it. */
export const cookieGarbage: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constantFrom(
    undefined,
    '',
    'kiosk_staff=',
    'kiosk_staff',
    'kiosk_staff=;kiosk_staff=x',
    `kiosk_staff=${'A'.repeat(43)}`,
    `kiosk_staff=${'A'.repeat(10_000)}`,
    'kiosk_staff="quoted"',
    'kiosk_staff=%E0%A4%A',
    'kiosk_staff=%00',
    'other=1; kiosk_staff=%ZZ',
    ';;;=;',
  ),
  anyText.map((text) => `kiosk_staff=${text}`),
  anyText,
);

/** Header values HTTP can carry: Latin-1 only, no CR, LF or NUL. */
export function headerSafe(text: string): string {
  return text.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');
}

/**
 * Percent-encodes text as UTF-8 (a lone surrogate becomes U+FFFD, as browsers send it);
 * encodeURIComponent throws on one instead.
 */
export function percentEncode(text: string): string {
  let encoded = '';
  for (const byte of new TextEncoder().encode(text)) {
    const ch = String.fromCharCode(byte);
    encoded += /[A-Za-z0-9\-_.~]/.test(ch)
      ? ch
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

/** A query string made of odd keys and values, some of them repeated or not encoded. */
export const queryGarbage: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.tuple(anyText, anyText).map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`),
      fc.constantFrom(
        '%',
        '%zz',
        '%E0%A4%A',
        '&&',
        '=',
        '==',
        'a=%00',
        'a[]=1',
        'a[b]=2',
        '+',
        '%2B',
      ),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join('&'));

/** Path segments no route expects: odd text, encoded slashes, dots, very long ones. */
export const pathSegmentGarbage: fc.Arbitrary<string> = fc.oneof(
  anyText.map(percentEncode),
  fc.constantFrom(
    '%ED%A0%80',
    '%C0%80',
    '%2F',
    '%2e%2e',
    '..',
    '.',
    '%00',
    '%',
    '%zz',
    '%E0%A4%A',
    'a'.repeat(3000),
    '-1',
    '0',
  ),
);
