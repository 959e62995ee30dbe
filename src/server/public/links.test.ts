import { describe, expect, it } from 'vitest';
import { LINK_TOKEN_PATTERN } from '../../shared/contract/public-link';
import { generateLinkToken, linkState, parseUntil } from './links';

const NOW = new Date('2026-11-20T10:00:00.000Z');

describe('generateLinkToken', () => {
  it('makes tokens the contract takes, a new one each time', () => {
    const tokens = Array.from({ length: 50 }, generateLinkToken);
    for (const token of tokens) expect(token).toMatch(LINK_TOKEN_PATTERN);
    expect(new Set(tokens).size).toBe(50);
  });

  it('never begins a token with "-", which the CLI would read as an option', () => {
    // A token generator that ignored this would begin one of 5,000 with "-" but for a
    // chance of (63/64)^5000, about 1e-34.
    const tokens = Array.from({ length: 5000 }, generateLinkToken);
    expect(tokens.filter((token) => token.startsWith('-'))).toEqual([]);
  });
});

describe('linkState', () => {
  it.each<[string, { revokedAt: string | null; until: string | null }, unknown]>([
    ['open without an end', { revokedAt: null, until: null }, { state: 'open' }],
    ['open at its last instant', { revokedAt: null, until: NOW.toISOString() }, { state: 'open' }],
    [
      'expired a millisecond after it',
      { revokedAt: null, until: '2026-11-20T09:59:59.999Z' },
      { state: 'closed', closedReason: 'expired' },
    ],
    [
      'revoked, whatever its end',
      { revokedAt: '2026-11-19T08:00:00.000Z', until: '2026-11-19T07:00:00.000Z' },
      { state: 'closed', closedReason: 'revoked' },
    ],
  ])('is %s', (_case, link, state) => {
    expect(linkState(link, NOW)).toEqual(state);
  });
});

describe('parseUntil', () => {
  it.each([
    ['2026-11-30', 'Europe/Ljubljana', '2026-11-30T22:59:59.999Z'],
    ['2026-11-30', 'UTC', '2026-11-30T23:59:59.999Z'],
    // The day a clock goes back in Vilnius has 25 hours; its end is still midnight there.
    ['2026-10-25', 'Europe/Vilnius', '2026-10-25T21:59:59.999Z'],
    ['2026-11-21T18:00+01:00', 'UTC', '2026-11-21T17:00:00.000Z'],
    ['2026-11-21T18:00:30.5Z', 'UTC', '2026-11-21T18:00:30.500Z'],
    ['2026-11-20', 'Europe/Ljubljana', '2026-11-20T22:59:59.999Z'],
  ])('reads %s in %s as %s', (text, zone, iso) => {
    expect(parseUntil(text, zone, new Date('2026-10-01T00:00:00.000Z')).toISOString()).toBe(iso);
  });

  it.each([
    ['2026-11-19', 'has passed already'],
    ['2026-11-20T10:00Z', 'has passed already'],
    ['2026-02-30', 'no date in the calendar'],
    ['2026-11-30T18:00', 'neither a day'],
    ['30.11.2026', 'neither a day'],
    ['tomorrow', 'neither a day'],
  ])('refuses %s: %s', (text, message) => {
    expect(() => parseUntil(text, 'Europe/Ljubljana', NOW)).toThrow(message);
  });
});
