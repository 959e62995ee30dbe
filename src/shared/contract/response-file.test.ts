import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEVICE_ID, makeResponse } from '../../../test/fixtures/responses';
import { safeParseInput } from './parse';
import {
  canonicalJson,
  hasValidChecksum,
  makeResponseFile,
  RESPONSE_FILE_FORMAT,
  RESPONSE_FILE_VERSION,
  type ResponseFile,
  type ResponseFileContent,
  ResponseFileSchema,
  responseFileChecksum,
  responseFileName,
} from './response-file';

function content(overrides: Partial<ResponseFileContent> = {}): ResponseFileContent {
  return {
    format: RESPONSE_FILE_FORMAT,
    version: RESPONSE_FILE_VERSION,
    kind: 'waiting',
    deviceId: DEVICE_ID,
    branchId: 'main',
    createdAt: '2026-11-20T17:30:00.000Z',
    responses: [makeResponse(), makeResponse()],
    ...overrides,
  };
}

describe('the canonical form', () => {
  it.each([
    [{ b: 1, a: [true, null, 'x'] }, '{"a":[true,null,"x"],"b":1}'],
    [{ z: { y: 2, x: 1 }, a: 'é\n' }, '{"a":"é\\n","z":{"x":1,"y":2}}'],
    [{ a: undefined, b: 0.5 }, '{"b":0.5}'],
    [[], '[]'],
  ])('writes %j as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('is the same whatever order the keys were written in', () => {
    expect(canonicalJson(JSON.parse('{"b":{"d":1,"c":2},"a":3}'))).toBe(
      canonicalJson({ a: 3, b: { c: 2, d: 1 } }),
    );
  });
});

describe('the file checksum', () => {
  it('is the SHA-256 of the canonical form, in lower-case hex, as any other tool computes it', async () => {
    const c = content();
    const expected = createHash('sha256').update(canonicalJson(c), 'utf8').digest('hex');
    expect(await responseFileChecksum(c)).toBe(expected);
  });

  it('holds for a file read back from its JSON text, with its keys in another order', async () => {
    const file = await makeResponseFile(content());
    const { checksum, ...rest } = file;
    const text = JSON.stringify({ checksum, ...rest });
    const parsed = safeParseInput(ResponseFileSchema, JSON.parse(text));
    expect(parsed.success).toBe(true);
    expect(parsed.success && (await hasValidChecksum(parsed.data))).toBe(true);
  });

  it('fails when a record was changed, cut short or a record removed', async () => {
    const file = await makeResponseFile(content());
    const changed = structuredClone(file);
    (changed.responses[0] as { locale: string }).locale = 'hu';
    expect(await hasValidChecksum(changed)).toBe(false);
    const shorter: ResponseFile = { ...file, responses: file.responses.slice(1) };
    expect(await hasValidChecksum(shorter)).toBe(false);
    const another: ResponseFile = { ...file, deviceId: makeResponse().id };
    expect(await hasValidChecksum(another)).toBe(false);
  });
});

describe('the file schema', () => {
  it('refuses another JSON document, another version and a checksum that is not hex', async () => {
    const file = await makeResponseFile(content());
    for (const bad of [
      { ...file, format: 'something-else' },
      { ...file, version: 2 },
      { ...file, checksum: { algorithm: 'SHA-256', value: 'not-hex' } },
      { ...file, deviceId: 'kiosk-1' },
      { surveyId: 'a-survey-package' },
    ]) {
      expect(safeParseInput(ResponseFileSchema, bad).success).toBe(false);
    }
  });

  it('keeps a refused file’s reasons', async () => {
    const [record] = content().responses as { id: string }[];
    const file = await makeResponseFile(
      content({
        kind: 'refused',
        responses: [record],
        refusals: [{ id: record?.id ?? '', outcome: 'rejected', reason: 'unknown survey' }],
      }),
    );
    const parsed = safeParseInput(ResponseFileSchema, JSON.parse(JSON.stringify(file)));
    expect(parsed.success && parsed.data.refusals).toEqual(file.refusals);
  });
});

describe('the file name', () => {
  it('says what the file holds, the branch and when, and nothing of a patron', () => {
    expect(responseFileName('waiting', 'main', '2026-11-20T17:30:12.000Z')).toBe(
      'responses-main-2026-11-20-17-30.json',
    );
    expect(responseFileName('refused', null, '2026-11-20T17:30:12.000Z')).toBe(
      'refused-unenrolled-2026-11-20-17-30.json',
    );
  });
});
