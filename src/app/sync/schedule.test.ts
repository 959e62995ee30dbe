import { describe, expect, it } from 'vitest';
import type { Enrollment, SyncState } from '../store';
import { nextTimerDelayMs, type Readiness, readiness, SYNC_INTERVAL_MS } from './schedule';
import type { SyncReason, SyncRunOutcome } from './sync-result';

const NOW = Date.parse('2026-11-20T09:00:00Z');
const ENROLLED: Enrollment = {
  token: 't'.repeat(43),
  deviceId: '6f1c1a8e-2f7a-4c1e-9a59-3b0b7f0f5d11',
  branch: { id: 'north', name: 'North' },
  enrolledAt: NOW - 86_400_000,
};
const BACKING_OFF: SyncState = {
  failures: 3,
  nextAttemptAt: NOW + 5000,
  lastError: { code: 'server-error', at: NOW - 1000 },
};
const OFFLINE_FAILURE: SyncState = {
  failures: 1,
  nextAttemptAt: NOW + 5000,
  lastError: { code: 'offline', at: NOW - 1000 },
};
const REFUSED_TOKEN: SyncState = { lastError: { code: 'unauthorized', at: NOW - 1000 } };

describe('whether a run may send', () => {
  it.each<[string, SyncReason, SyncState, Enrollment | undefined, boolean, Readiness]>([
    ['a start with nothing against it', 'start', {}, ENROLLED, true, 'go'],
    [
      'a device that is not enrolled, even on a manual sync',
      'manual',
      {},
      undefined,
      true,
      'not-enrolled',
    ],
    ['a submit during a backoff', 'submit', BACKING_OFF, ENROLLED, true, 'backing-off'],
    [
      'a start after a reload during a backoff',
      'start',
      BACKING_OFF,
      ENROLLED,
      true,
      'backing-off',
    ],
    ['the timer during a backoff', 'timer', BACKING_OFF, ENROLLED, true, 'backing-off'],
    [
      'the timer once the backoff is over',
      'timer',
      { ...BACKING_OFF, nextAttemptAt: NOW },
      ENROLLED,
      true,
      'go',
    ],
    ['a manual sync during a backoff', 'manual', BACKING_OFF, ENROLLED, true, 'go'],
    ['`online` after a network failure', 'online', OFFLINE_FAILURE, ENROLLED, true, 'go'],
    [
      '`online` while the collector is failing',
      'online',
      BACKING_OFF,
      ENROLLED,
      true,
      'backing-off',
    ],
    [
      'a background sync after a network failure',
      'background',
      OFFLINE_FAILURE,
      ENROLLED,
      true,
      'go',
    ],
    [
      'a background sync while the collector is failing',
      'background',
      BACKING_OFF,
      ENROLLED,
      true,
      'backing-off',
    ],
    ['a background sync while the page says offline', 'background', {}, ENROLLED, false, 'go'],
    [
      'a background sync after the token was refused',
      'background',
      REFUSED_TOKEN,
      ENROLLED,
      true,
      'unauthorized',
    ],
    ['a submit while the browser says offline', 'submit', {}, ENROLLED, false, 'offline'],
    ['a tab becoming visible while offline', 'visible', {}, ENROLLED, false, 'offline'],
    ['the timer while the browser says offline', 'timer', {}, ENROLLED, false, 'go'],
    ['a manual sync while the browser says offline', 'manual', {}, ENROLLED, false, 'go'],
    [
      'the timer after the token was refused',
      'timer',
      REFUSED_TOKEN,
      ENROLLED,
      true,
      'unauthorized',
    ],
    [
      '`online` after the token was refused',
      'online',
      REFUSED_TOKEN,
      ENROLLED,
      true,
      'unauthorized',
    ],
    ['a manual sync after the token was refused', 'manual', REFUSED_TOKEN, ENROLLED, true, 'go'],
    [
      'a start after re-enrolling since the token was refused',
      'start',
      REFUSED_TOKEN,
      { ...ENROLLED, enrolledAt: NOW },
      true,
      'go',
    ],
  ])('%s: %s', (_, reason, state, enrollment, online, expected) => {
    expect(readiness({ reason, state, enrollment, now: NOW, online })).toBe(expected);
  });
});

describe('when the timer runs next', () => {
  it.each<[string, SyncRunOutcome, number, SyncState, number | undefined]>([
    ['nothing waits', 'done', 0, {}, undefined],
    ['nothing waits after a failure', 'failed', 0, BACKING_OFF, undefined],
    ['the token was refused', 'unauthorized', 12, REFUSED_TOKEN, undefined],
    ['another tab was syncing', 'locked', 4, {}, SYNC_INTERVAL_MS],
    [
      'not enrolled yet (an enrollment in another tab is noticed)',
      'not-enrolled',
      4,
      {},
      SYNC_INTERVAL_MS,
    ],
    ['the collector left some out of its results', 'done', 2, {}, SYNC_INTERVAL_MS],
    ['a failure: at the backoff', 'failed', 4, BACKING_OFF, 5000],
    [
      'a backoff already over: at once',
      'backing-off',
      4,
      { ...BACKING_OFF, nextAttemptAt: NOW - 1 },
      0,
    ],
  ])('when %s', (_, outcome, remaining, state, expected) => {
    expect(nextTimerDelayMs({ outcome, remaining, state, now: NOW })).toBe(expected);
  });
});
