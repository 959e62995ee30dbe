import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES, API_ERROR_STATUS, apiErrorCodeOfStatus } from './api-error';
import { isRetryableStatus } from './endpoints';

describe('the status of each error code', () => {
  it.each<[number, string | undefined]>([
    [400, undefined], // bad-request and code-invalid: the body must say which
    [401, 'unauthorized'],
    [403, undefined], // forbidden, device-refused and link-closed
    [404, 'not-found'],
    [409, 'code-used'],
    [410, 'code-expired'],
    [413, 'payload-too-large'],
    [415, 'unsupported-media-type'],
    [429, 'rate-limited'],
    [500, 'internal'],
    [502, undefined],
    [200, undefined],
  ])('reads %i on its own as %s', (status, code) => {
    expect(apiErrorCodeOfStatus(status)).toBe(code);
  });

  it.each(API_ERROR_CODES.map((code) => [code, API_ERROR_STATUS[code]] as const))(
    'answers %s with %i, retryable only when it means "not now"',
    (code, status) => {
      expect(isRetryableStatus(status)).toBe(code === 'rate-limited' || code === 'internal');
    },
  );
});
