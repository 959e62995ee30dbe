import { describe, expect, it } from 'vitest';
import { branchSurvey, createLinkRequest, posterHref, today } from './posters';

const TOKEN = 'Qm7Kx2Zb9R00Wv8Ny3Hs6Jd5O0o1lI-_';

describe('the posters page', () => {
  it('opens the poster in a size, the reader’s language printed first', () => {
    expect(posterHref(`/s/${TOKEN}/poster`, 'a4', 'hu')).toBe(`/s/${TOKEN}/poster?size=a4&lang=hu`);
    expect(posterHref(`/s/${TOKEN}/poster`, 'a6', 'lt')).toBe(`/s/${TOKEN}/poster?size=a6&lang=lt`);
  });

  it('proposes the survey the branch’s kiosks show, and none for a branch it does not know', () => {
    const branches = [
      { id: 'east', surveyId: 'library-service-quality' },
      { id: 'west', surveyId: 'reading-room' },
    ];
    expect(branchSurvey(branches, 'west')).toBe('reading-room');
    expect(branchSurvey(branches, 'north')).toBe('');
  });

  it('offers today on this computer’s calendar as the earliest end day', () => {
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(today(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });

  it('sends no end day as a link open until revoked, and a chosen survey by its id', () => {
    expect(createLinkRequest({ branchId: 'east', surveyId: 'reading-room', until: '' })).toEqual({
      branchId: 'east',
      surveyId: 'reading-room',
      until: null,
    });
    expect(createLinkRequest({ branchId: 'east', surveyId: '', until: '2026-12-31' })).toEqual({
      branchId: 'east',
      until: '2026-12-31',
    });
  });
});
