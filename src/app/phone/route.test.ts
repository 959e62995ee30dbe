import { describe, expect, it } from 'vitest';
import { publicLinkPath } from '../../shared/contract/public-link';
import { phoneLinkToken } from './route';

const TOKEN = 'Abc_-0123456789abcdefghijklmnopq';

describe("a public link's page", () => {
  it('is where the collector sends a phone for a link', () => {
    expect(phoneLinkToken(publicLinkPath(TOKEN))).toBe(TOKEN);
  });

  it.each([
    [`/s/${TOKEN}/`, TOKEN],
    [`/s/${TOKEN.slice(1)}`, undefined],
    [`/s/${TOKEN}x`, undefined],
    [`/s/${TOKEN.slice(1)}%41`, undefined],
    [`/s/${TOKEN}/poster`, undefined],
    ['/s/', undefined],
    ['/', undefined],
    [`/x/${TOKEN}`, undefined],
  ])('%s holds %s', (path, expected) => {
    expect(phoneLinkToken(path)).toBe(expected);
  });
});
