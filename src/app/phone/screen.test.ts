import { describe, expect, it } from 'vitest';
import type { CachedLink } from '../store';
import type { LinkRead } from '../sync';
import { phoneScreen } from './screen';

const link = (state: CachedLink['state']): CachedLink => ({
  branch: { id: 'north', name: 'North Branch' },
  survey: { id: 'library-service-quality', version: 2 },
  state,
  fetchedAt: 0,
});
const read = (state: CachedLink['state']): LinkRead => ({ kind: 'read', link: link(state) });
const offline = (state?: CachedLink['state']): LinkRead => ({
  kind: 'unreachable',
  cached: state && link(state),
});

describe('what a phone shows for a link', () => {
  it.each([
    ['an open link with its survey', read('open'), false, true, 'survey'],
    ['an open link answered on this phone before', read('open'), true, true, 'answered'],
    ['a closed link', read('closed'), false, false, 'closed'],
    ['a closed link this phone answered before it closed', read('closed'), true, false, 'answered'],
    ['an unknown link', { kind: 'unknown' }, false, false, 'invalid'],
    ['no token in the address', undefined, false, false, 'invalid'],
    ['no signal, the link read before', offline('open'), false, true, 'survey'],
    ['no signal, the link closed when last read', offline('closed'), false, false, 'closed'],
    ['no signal on a first visit', offline(), false, false, 'unreachable'],
    ['an open link whose survey cannot be loaded', read('open'), false, false, 'unreachable'],
  ] as const)('%s: %s', (_, linkRead, answered, surveyLoaded, expected) => {
    expect(phoneScreen({ read: linkRead, answered, surveyLoaded }).kind).toBe(expected);
  });
});
