import { describe, expect, it } from 'vitest';
import { type OriginVerdict, originVerdict } from './same-origin';

const URL_SEEN = 'http://survey.library.example/api/v1/session';
const PUBLIC_URL = 'https://kiosk.library.example';

describe('originVerdict', () => {
  it.each<[string, string, string | undefined, boolean, OriginVerdict]>([
    ['a read from anywhere', 'GET', 'https://evil.example', true, 'allowed'],
    ['a same-origin POST', 'POST', 'http://survey.library.example', false, 'allowed'],
    [
      'an https page behind a TLS-terminating proxy',
      'POST',
      'https://survey.library.example',
      true,
      'allowed',
    ],
    ['a page at PUBLIC_URL', 'DELETE', PUBLIC_URL, true, 'allowed'],
    ['a device or script: no Origin, no cookie', 'POST', undefined, false, 'allowed'],
    ['a cross-site POST', 'POST', 'https://evil.example', false, 'foreign'],
    ['a cross-site PUT', 'PUT', 'https://evil.example', false, 'foreign'],
    ['a sibling site', 'PATCH', 'https://other.library.example', false, 'foreign'],
    ['another port', 'POST', 'http://survey.library.example:8080', false, 'foreign'],
    ['an opaque origin', 'POST', 'null', false, 'foreign'],
    ['a file origin', 'POST', 'file://', false, 'foreign'],
    ['a look-alike with a path', 'POST', 'http://survey.library.example/x', false, 'foreign'],
    ['a cookie request without Origin', 'DELETE', undefined, true, 'missing'],
    ['a sign-in without Origin', 'POST', undefined, true, 'missing'],
  ])('%s → %s', (_, method, origin, mustCarryOrigin, verdict) => {
    expect(
      originVerdict({ method, url: URL_SEEN, origin, mustCarryOrigin, publicUrl: PUBLIC_URL }),
    ).toBe(verdict);
  });

  it('trusts only the request’s own host without PUBLIC_URL', () => {
    const request = { method: 'POST', url: URL_SEEN, mustCarryOrigin: true, publicUrl: undefined };
    expect(originVerdict({ ...request, origin: PUBLIC_URL })).toBe('foreign');
  });
});
